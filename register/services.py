"""Writes to the register. Each is one transaction: it all saves, or nothing does."""

from django.db import transaction

from register.choices import Status
from register.lifecycle import change_status
from register.models import ArrangementChild, Document, Screening


@transaction.atomic
def record_arrangement(*, form, user, submit: bool = False, screening=None):
    """Save the arrangement form (a new one is proposed by user, after the screening that
    found it in scope); submit it if asked."""
    arrangement = form.instance
    if arrangement.pk is None:
        arrangement.created_by = user
        if arrangement.lead_officer_id is None:
            arrangement.lead_officer = user
    arrangement = form.save()
    if screening is not None:
        screening.arrangement = arrangement
        screening.save(update_fields=["arrangement", "updated_at"])
    if submit:
        change_status(arrangement, Status.SUBMITTED)
    return arrangement


@transaction.atomic
def record_part(*, form, arrangement, user):
    """Save a partner, representative, risk, objective, measure, result or document."""
    part = form.save(commit=False)
    if isinstance(part, ArrangementChild):
        part.arrangement = arrangement
    if isinstance(part, Document):
        part.uploaded_by = user
        part.content_type = form.detected_content_type
        part.size = part.file.size
    part.save()
    form.save_m2m()
    reclassify(arrangement)
    return part


def reclassify(arrangement):
    """Classify again after its partners, documents or answers change; saved (and so in
    history) only when the category or its reasons change."""
    before = (arrangement.category, arrangement.category_reasons)
    arrangement.classify()
    if (arrangement.category, arrangement.category_reasons) != before:
        arrangement.save(
            update_fields=["category", "category_reasons", "classified_under", "updated_at"]
        )


@transaction.atomic
def remove_part(*, part, arrangement):
    part.delete()
    reclassify(arrangement)


@transaction.atomic
def record_screening(*, proposal: str, answers: dict[str, bool], policy, user):
    """Keep the screening answers, in scope or not; an in-scope one is used to propose."""
    return Screening.objects.create(
        proposal=proposal,
        answers=answers,
        in_scope=not any(answers.values()),
        policy=policy.key,
        screened_by=user,
    )
