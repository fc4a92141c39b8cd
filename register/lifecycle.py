"""The arrangement lifecycle (DOMAIN.md section 2): one table of allowed moves, one function."""

from django.db import transaction
from django.utils import timezone

from register.choices import Status


class TransitionNotAllowed(Exception):
    """Raised when an arrangement is asked to move to a status its lifecycle forbids."""


ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    # Submitted: the route is created, or the proposer takes it back to draft.
    Status.SUBMITTED: frozenset({Status.IN_APPROVAL, Status.DRAFT}),
    # Returned for changes goes back to draft; the route starts again on resubmission.
    Status.IN_APPROVAL: frozenset(
        {Status.ACTIVE, Status.DECLINED, Status.CONDITIONAL_SUPPORT, Status.DRAFT}
    ),
    Status.CONDITIONAL_SUPPORT: frozenset(
        {Status.ACTIVE, Status.DECLINED, Status.IN_APPROVAL, Status.WITHDRAWING}
    ),
    # A material change to an active arrangement routes it for approval again.
    Status.ACTIVE: frozenset({Status.UNDER_REVIEW, Status.WITHDRAWING, Status.IN_APPROVAL}),
    Status.UNDER_REVIEW: frozenset({Status.ACTIVE, Status.WITHDRAWING, Status.IN_APPROVAL}),
    Status.WITHDRAWING: frozenset({Status.ENDED, Status.ACTIVE}),
    Status.ENDED: frozenset({Status.DISPOSAL_REVIEW}),
    # Declined proposals stay on the register (B "Declining partnership involvement").
    Status.DECLINED: frozenset({Status.DISPOSAL_REVIEW}),
    Status.DISPOSAL_REVIEW: frozenset(),
}

# While the approvers are looking at it, or once it has ended, nobody edits it.
EDITABLE_STATUSES = frozenset(
    {Status.DRAFT, Status.ACTIVE, Status.CONDITIONAL_SUPPORT, Status.UNDER_REVIEW}
)
# In operation: approved (or supported) and not yet ended; its governance, resources and
# risks are the council's until it has ended.
IN_OPERATION = frozenset(
    {Status.ACTIVE, Status.CONDITIONAL_SUPPORT, Status.UNDER_REVIEW, Status.WITHDRAWING}
)
# Moves that must say why, so the register can show the reason later.
REASON_REQUIRED = frozenset({Status.DECLINED, Status.WITHDRAWING, Status.ENDED})


def can_move(current: str, new: str) -> bool:
    return Status(new) in ALLOWED_TRANSITIONS[Status(current)]


@transaction.atomic
def change_status(arrangement, new_status: Status, *, reason: str = "") -> None:
    """Move the arrangement to new_status, or raise TransitionNotAllowed and change nothing."""
    current = Status(arrangement.status)
    new_status = Status(new_status)
    if not can_move(current, new_status):
        raise TransitionNotAllowed(
            f"An arrangement that is {current.label.lower()} cannot become "
            f"{new_status.label.lower()}."
        )
    if new_status in REASON_REQUIRED and not reason.strip():
        raise TransitionNotAllowed(f"Give the reason it is {new_status.label.lower()}.")
    arrangement.status = new_status
    arrangement.status_reason = reason.strip()
    arrangement.status_changed_at = timezone.now()
    arrangement.save(update_fields=["status", "status_reason", "status_changed_at", "updated_at"])
