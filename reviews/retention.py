"""The retention review of ended arrangements (B "Data retention"; issue 11 point 7).

An ended arrangement's records are kept for the policy's retention period after it ended
(Brentwood: 36 months). After its retention date the register owner records a decision:
keep them, with the reason and the date of the next review, or dispose of them. Disposal
deletes the uploaded documents and replaces people's names with their roles, in the
current rows and in their history; the register entry, its dates, its approval rounds and
decisions stay. Nothing is disposed of without that recorded decision.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from approvals.notifications import arrangement_line, link, notify
from register.choices import Status
from register.council_forms import DEFINITIONS
from register.formatting import long_date
from register.models import Arrangement, CouncilRepresentative, FormResponse, Risk
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, Role, has_role
from register.services import remove_documents
from register.timeline import changes_by_the_portal
from reviews.models import RetentionDecision, RetentionOutcome

# Arrangements whose records are under retention: ended, or already flagged for the
# disposal review (register/lifecycle.py moves an ended one there).
ENDED_STATUSES = (Status.ENDED, Status.DISPOSAL_REVIEW)

NOT_A_REGISTER_MANAGER = "Only the register owner records retention decisions"


def representative_role(representative) -> str:
    """The words that replace a council representative's name: their role on it."""
    if representative.role:
        return representative.role
    return "Elected Member" if representative.is_member else "Council representative"


# Every field of an arrangement's records that holds a person's name, with the words that
# replace it at disposal, as (model, field, noun on the page, role words of a row). Lead
# officers, approvers and other portal users are accounts, not names in the records: the
# approval record names who decided, and that record is kept.
PERSONAL_FIELDS = (
    (CouncilRepresentative, "name", "council representative", representative_role),
    (Risk, "owner", "risk owner", lambda risk: "Risk owner"),
)


@dataclass(frozen=True)
class Retention:
    """Where one arrangement stands in its retention."""

    arrangement: Arrangement
    ended_on: datetime.date | None
    retention_date: datetime.date | None  # the last day its records are kept
    documents_held: int
    disposed_at: datetime.datetime | None

    def refusal(self, today: datetime.date) -> str:
        """Why no retention decision can be recorded on it today; "" when one can."""
        if self.disposed_at is not None:
            return f"Its records were disposed of on {long_date(self.disposed_at.date())}"
        status = Status(self.arrangement.status)
        if status not in ENDED_STATUSES:
            return (
                f"It is {status.label.lower()}: only an ended arrangement's records are "
                "reviewed for disposal"
            )
        if self.retention_date is None:
            return "It has no end date, so its retention date is not known"
        if today <= self.retention_date:
            return (
                f"Its records are kept until {long_date(self.retention_date)}; they are "
                "reviewed for disposal after that date"
            )
        return ""


def ended_on(arrangement) -> datetime.date | None:
    """The day it ceased: its end date, or the day it was recorded as ended when that
    came first (withdrawn early) or no end date was set."""
    days = [arrangement.end_date]
    if arrangement.status == Status.ENDED and arrangement.status_changed_at:
        days.append(timezone.localdate(arrangement.status_changed_at))
    days = [day for day in days if day is not None]
    return min(days) if days else None


def _with_retention(arrangements):
    """Annotated with the latest keep's date, the disposal's time and the documents held."""
    decisions = RetentionDecision.objects.filter(arrangement=OuterRef("pk"))
    latest_keep = decisions.filter(outcome=RetentionOutcome.KEEP).order_by("-decided_at", "-pk")
    disposal = decisions.filter(outcome=RetentionOutcome.DISPOSE)
    return arrangements.annotate(
        kept_until=Subquery(latest_keep.values("keep_until")[:1]),
        disposed_at=Subquery(disposal.values("decided_at")[:1]),
        documents_held=Count("documents", distinct=True),
    )


def _retention(arrangement, policy) -> Retention:
    ended = ended_on(arrangement)
    if arrangement.kept_until is not None:
        retention_date = arrangement.kept_until
    else:
        retention_date = policy.retention_ends(ended) if ended is not None else None
    return Retention(
        arrangement, ended, retention_date, arrangement.documents_held, arrangement.disposed_at
    )


def retention_of(arrangement) -> Retention:
    return _retention(
        _with_retention(Arrangement.objects.filter(pk=arrangement.pk)).get(), get_policy()
    )


def past_retention(today: datetime.date) -> list[Retention]:
    """Ended arrangements past their retention date and not yet disposed of, the longest
    overdue first, in one query however many there are."""
    policy = get_policy()
    arrangements = _with_retention(Arrangement.objects.filter(status__in=ENDED_STATUSES)).filter(
        disposed_at__isnull=True
    )
    due = [_retention(arrangement, policy) for arrangement in arrangements]
    return sorted(
        (retention for retention in due if not retention.refusal(today)),
        key=lambda retention: (retention.retention_date, retention.arrangement.reference),
    )


# What disposal does, shown before it is done ---------------------------------------------


@dataclass(frozen=True)
class Replacement:
    where: str  # e.g. "council representative"
    old: str
    new: str


def _name_questions(form_key: str) -> dict[str, str]:
    """The answers of a council form that are people's names, with their role words."""
    definition = DEFINITIONS.get(form_key)
    if definition is None:
        return {}
    return {
        name: question.names_role for name, question in definition.fields() if question.names_role
    }


def _answers_without_names(response) -> tuple[dict, list[Replacement]]:
    questions = _name_questions(response.form_key)
    answers = dict(response.answers or {})
    replaced = []
    for name, role in questions.items():
        old = answers.get(name)
        if old and old != role:
            answers[name] = role
            replaced.append(Replacement("answer to a council form", str(old), role))
    return answers, replaced


def _replaced_in(rows, field, role_of, where) -> list[Replacement]:
    """Sets each row's name to its role words; what was replaced."""
    replaced = []
    for row in rows:
        old, new = getattr(row, field), role_of(row)
        if old and old != new:
            setattr(row, field, new)
            replaced.append(Replacement(where, old, new))
    return replaced


def names_to_replace(arrangement) -> list[Replacement]:
    """The names in its current records that disposal replaces, and with what."""
    replaced = []
    for model, field, where, role_of in PERSONAL_FIELDS:
        replaced += _replaced_in(
            model.objects.filter(arrangement=arrangement), field, role_of, where
        )
    for response in FormResponse.objects.filter(arrangement=arrangement):
        replaced += _answers_without_names(response)[1]
    return replaced


def _replace_names(arrangement) -> int:
    """Replaces the names in its current and historical rows, without adding history (a
    new history row would hold the name it replaced); how many current names it replaced."""
    current = 0
    for model, field, where, role_of in PERSONAL_FIELDS:
        for manager in (model.objects, model.history):
            rows = list(manager.filter(arrangement_id=arrangement.pk))
            replaced = _replaced_in(rows, field, role_of, where)
            manager.model._default_manager.bulk_update(rows, [field])
            current += len(replaced) if manager is model.objects else 0
    for manager in (FormResponse.objects, FormResponse.history):
        rows = list(manager.filter(arrangement_id=arrangement.pk))
        for row in rows:
            row.answers, replaced = _answers_without_names(row)
            current += len(replaced) if manager is FormResponse.objects else 0
        manager.model._default_manager.bulk_update(rows, ["answers"])
    return current


# The decisions -------------------------------------------------------------------------------


def _locked_and_open(
    arrangement, user, token, today
) -> tuple[RetentionDecision | None, Retention | None]:
    """The decision already recorded with this token, or the arrangement locked and found
    open to a decision today; otherwise the refusal."""
    if not has_role(user, *REGISTER_MANAGERS):
        raise PermissionDenied(NOT_A_REGISTER_MANAGER)
    existing = RetentionDecision.objects.filter(token=token).first()
    if existing is not None:
        return existing, None
    Arrangement.objects.select_for_update().filter(pk=arrangement.pk).first()
    existing = RetentionDecision.objects.filter(token=token).first()  # sent twice at once
    if existing is not None:
        return existing, None
    retention = retention_of(arrangement)
    refusal = retention.refusal(today)
    if refusal:
        raise ValidationError(refusal)
    return None, retention


def _note_in_history(arrangement, user, note: str):
    """Adds the decision to the reason on the arrangement, so its History page shows it."""
    arrangement.refresh_from_db()
    arrangement.status_reason = f"{arrangement.status_reason}\n\n{note}".strip()
    arrangement._history_user = user
    with changes_by_the_portal("retention", user=user):
        arrangement.save(update_fields=["status_reason", "updated_at"])


def _record(decision: RetentionDecision, user) -> RetentionDecision:
    decision.full_clean()
    decision._history_user = user
    decision.save()
    return decision


@transaction.atomic
def keep(
    *,
    arrangement,
    user,
    reason: str,
    keep_until: datetime.date | None,
    token: str,
    today: datetime.date | None = None,
) -> RetentionDecision:
    """Keep its records until `keep_until` (a day after today), for the reason given."""
    today = today or timezone.localdate()
    existing, retention = _locked_and_open(arrangement, user, token, today)
    if existing is not None:
        return existing
    errors = {}
    if not reason.strip():
        errors["reason"] = "Enter why the records are kept"
    if keep_until is None:
        errors["keep_until"] = "Enter the date to keep the records until"
    elif keep_until <= today:
        errors["keep_until"] = "The date to keep the records until must be in the future"
    if errors:
        raise ValidationError(errors)
    decision = _record(
        RetentionDecision(
            arrangement=arrangement,
            outcome=RetentionOutcome.KEEP,
            retention_date=retention.retention_date,
            reason=reason.strip(),
            keep_until=keep_until,
            decided_by=user,
            token=token,
        ),
        user,
    )
    _note_in_history(
        arrangement,
        user,
        f"Retention review on {long_date(today)}: records kept until {long_date(keep_until)}, "
        f"because {decision.reason}",
    )
    return decision


@transaction.atomic
def dispose(
    *, arrangement, user, token: str, today: datetime.date | None = None
) -> RetentionDecision:
    """Dispose of its records: delete its documents and replace people's names with their
    roles; keep the register entry, its dates, approval rounds and decisions."""
    today = today or timezone.localdate()
    existing, retention = _locked_and_open(arrangement, user, token, today)
    if existing is not None:
        return existing
    documents = list(arrangement.documents.all())
    # The files go once the rows are gone for good, not if the disposal is rolled back;
    # each document's history keeps its name, checksum and who removed it.
    remove_documents(documents=documents, user=user, reason="Disposed of at its retention review")
    names = _replace_names(arrangement)
    titles = [document.title for document in documents]
    decision = _record(
        RetentionDecision(
            arrangement=arrangement,
            outcome=RetentionOutcome.DISPOSE,
            retention_date=retention.retention_date,
            documents_deleted=titles,
            names_replaced=names,
            decided_by=user,
            token=token,
        ),
        user,
    )
    deleted = f"{len(titles)} document{'s' if len(titles) != 1 else ''} deleted"
    if titles:
        deleted += f" ({'; '.join(titles)})"
    _note_in_history(
        arrangement,
        user,
        f"Retention review on {long_date(today)}: records disposed of. {deleted}; "
        f"{names} name{'s' if names != 1 else ''} replaced by roles. The register entry, "
        "its dates and its decisions are kept.",
    )
    return decision


def notify_retention_due(today: datetime.date) -> list[Retention]:
    """Tells the register owners of each arrangement past its retention date, once per
    arrangement and retention date (a keep sets a new date, told again when it passes)."""
    owners = list(get_user_model().objects.filter(groups__name=Role.REGISTER_OWNER.value))
    due = past_retention(today)
    for retention in due:
        arrangement = retention.arrangement
        notify(
            f"retention-{arrangement.pk}-{retention.retention_date.isoformat()}",
            owners,
            f"Due for its retention review: {arrangement_line(arrangement)}",
            f"{arrangement_line(arrangement)} ended on {long_date(retention.ended_on)}; its "
            f"records were kept until {long_date(retention.retention_date)}. Record whether "
            "to keep them, with the reason and the date of the next review, or to dispose of "
            "them.\n\n"
            f"{link(reverse('reviews:retention-decide', args=[arrangement.reference]))}\n",
        )
    return due
