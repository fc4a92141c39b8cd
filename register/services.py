"""Writes to the register. Each is one transaction: it all saves, or nothing does."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from register.choices import Status
from register.documents import (
    ACCEPTED_WORDS,
    checksum_of,
    clean_file_name,
    delete_files,
    detected_type,
)
from register.lifecycle import change_status
from register.models import Arrangement, ArrangementChild, Document, Screening
from register.policies import get_policy
from register.policies.base import Policy
from register.signals import arrangement_submitted, material_change
from register.timeline import changes_by_the_portal
from register.versions import locked_at_version, unchanged


@transaction.atomic
def record_arrangement(
    *,
    arrangement: Arrangement,
    user,
    corporate_objectives=None,
    submit: bool = False,
    screening: Screening | None = None,
    version: str | None = None,
) -> Arrangement | None:
    """Save the arrangement with the values set on it (a new one is proposed by user, after
    the screening that found it in scope); submit it if asked. A material change to an
    active arrangement sends it for approval again, or is refused, with nothing saved,
    when the policy says what it still needs (ValidationError). A save over a newer
    version than the form's is refused (EditConflict). An edit that changes nothing is not
    saved (nor written to its history): None."""
    before = None
    if arrangement.pk is None:
        arrangement.created_by = user
        if arrangement.lead_officer_id is None:
            arrangement.lead_officer = user
    else:
        before = locked_at_version(arrangement, version)
        if not submit and unchanged(before, arrangement):
            objectives = {o.pk for o in corporate_objectives or ()}
            saved_objectives = set(before.corporate_objectives.values_list("pk", flat=True))
            if corporate_objectives is None or objectives == saved_objectives:
                return None
    arrangement.full_clean(exclude=["reference"])  # numbered on its first save
    arrangement.save()
    if corporate_objectives is not None:
        arrangement.corporate_objectives.set(corporate_objectives)
    if screening is not None:
        screening.arrangement = arrangement
        screening.save(update_fields=["arrangement", "updated_at"])
    if submit:
        with changes_by_the_portal("submission", user=user):
            change_status(arrangement, Status.SUBMITTED)
            arrangement_submitted.send(sender=Arrangement, arrangement=arrangement, user=user)
    elif before is not None and before.status in MATERIAL_CHANGE_STATUSES:
        reasons = material_changes(get_policy(), before, arrangement)
        if reasons:
            with changes_by_the_portal("material_change", user=user):
                material_change.send(
                    sender=Arrangement, arrangement=arrangement, user=user, reasons=reasons
                )
    return arrangement


# Approved arrangements whose material changes must be approved again.
MATERIAL_CHANGE_STATUSES = {Status.ACTIVE, Status.CONDITIONAL_SUPPORT, Status.UNDER_REVIEW}


def material_changes(policy, before, after) -> list[str]:
    """What makes a change material: a new category or type, or a threshold crossed that
    changes who must approve it."""
    reasons = []
    if before.category != after.category:
        labels = {category.key: category.label for category in policy.categories}
        reasons.append(
            f"its category changed from {labels.get(before.category, before.category)} to "
            f"{labels.get(after.category, after.category)}"
        )
    if before.type != after.type:
        reasons.append(
            f"its type changed from {before.get_type_display() or 'none'} to "
            f"{after.get_type_display() or 'none'}"
        )
    if not reasons and policy.route(before) != policy.route(after):
        reasons.append("a change to it changes who must approve it")
    return reasons


@transaction.atomic
def record_part(
    *, part: models.Model, arrangement: Arrangement, user, version: str | None = None
) -> models.Model | None:
    """Save a partner, representative, risk, objective, measure, result or document with
    the values set on it; the arrangement is classified again. A change saved over a
    newer version than the form's is refused (EditConflict); an edit that changes
    nothing is not saved (None)."""
    if isinstance(part, ArrangementChild):
        part.arrangement = arrangement
    if part.pk is not None and unchanged(locked_at_version(part, version), part):
        return None
    upload = isinstance(part, Document) and part.pk is None
    if upload:
        _take_upload(part, user)
    part.full_clean()
    try:
        part.save()
        reclassify(arrangement)
    except BaseException:
        if upload and part.file._committed:  # nothing is kept of an upload not saved
            part.file.storage.delete(part.file.name)
        raise
    return part


def _take_upload(document: Document, user) -> None:
    """What is kept of a new upload: its type judged by its content (refused unless it is
    one the register accepts), its name as data, size and SHA-256 checksum, and who."""
    content_type = detected_type(document.file)
    if content_type is None:
        raise ValidationError({"file": f"The selected file must be {ACCEPTED_WORDS}"})
    document.content_type = content_type
    document.original_name = clean_file_name(document.file.name)
    document.size = document.file.size
    document.checksum = checksum_of(document.file)
    document.uploaded_by = user


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
def remove_part(*, part: models.Model, arrangement: Arrangement, user=None) -> None:
    """Remove a row of the arrangement (a document's file too); its history keeps it."""
    if isinstance(part, Document):
        remove_documents(documents=[part], user=user)
    else:
        part.delete()
    reclassify(arrangement)


@transaction.atomic
def remove_documents(*, documents: list[Document], user, reason: str = "") -> None:
    """Delete the documents' rows now and their files once this commits (never if it is
    rolled back). Each history row keeps the name, size, type and checksum, and `user` as
    who removed it, with the reason (at most 100 characters) when given."""
    stored = []
    for document in documents:
        document._history_user = user
        if reason:
            document._change_reason = reason[:100]
        stored.append((document.file.storage, document.file.name))
        document.delete()
    transaction.on_commit(lambda: delete_files(stored))


@transaction.atomic
def record_screening(*, proposal: str, answers: dict[str, bool], policy: Policy, user) -> Screening:
    """Keep the screening answers, in scope or not; an in-scope one is used to propose."""
    screening = Screening(
        proposal=proposal,
        answers=answers,
        in_scope=not any(answers.values()),
        policy=policy.key,
        screened_by=user,
    )
    screening.full_clean()
    screening.save()
    return screening


@transaction.atomic
def recategorise(
    *, arrangement: Arrangement, category: str, reason: str, user
) -> Arrangement | None:
    """Put the arrangement in another category than the rules give, with the reason, or
    back under the rules (category ""). Who and when are recorded with it (D 5(iv)). The
    same category and reason again change nothing and are not saved (None)."""
    reason = reason.strip() if category else ""
    if (arrangement.category_override, arrangement.category_override_reason) == (
        category,
        reason,
    ):
        return None
    arrangement.category_override = category
    arrangement.category_override_reason = reason
    arrangement.category_overridden_by = user if category else None
    arrangement.category_overridden_at = timezone.now() if category else None
    arrangement.full_clean(exclude=["reference"])
    arrangement.save()
    return arrangement


@transaction.atomic
def record_policy_answers(
    *, arrangement: Arrangement, answers: dict, version: str | None = None
) -> Arrangement | None:
    """Keep the answers to a page of the policy's questions, beside the other pages'
    answers as saved now; the category follows them. Refused over a newer version of the
    arrangement than the page's (EditConflict); the answers as saved again are not saved
    (None)."""
    current = locked_at_version(arrangement, version)
    merged = {**(current.policy_answers or {}), **answers}
    if merged == (current.policy_answers or {}):
        return None
    current.policy_answers = merged
    current.full_clean(exclude=["reference"])
    current.save()
    return current
