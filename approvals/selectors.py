"""Reads of approval work: what awaits a person, the open round, the record."""

from approvals.models import ApprovalStep, Decision, Deputy, StepStatus
from approvals.permissions import may_act, standing_of
from register.policies.base import StepKind


def steps_awaiting(user) -> list[ApprovalStep]:
    """'Awaiting my decision': open steps of open rounds that the user may act on."""
    pending = (
        ApprovalStep.objects.filter(status=StepStatus.PENDING, round__closed_at__isnull=True)
        .select_related("round__arrangement__portfolio", "round__arrangement__lead_officer")
        .order_by("round__created_at", "pk")
    )
    standing = standing_of(user)
    return [step for step in pending if may_act(user, step, standing).allowed]


def gave_another_opinion(user, step) -> bool:
    """Whether the user's decision is in force on another opinion of the step's round."""
    others = Decision.objects.filter(
        step__round_id=step.round_id, step__kind=StepKind.OPINION, decided_by=user
    ).exclude(step_id=step.pk)
    return others.filter(superseded_by__isnull=True).exists()


def open_round_of(arrangement):
    return arrangement.rounds.filter(closed_at__isnull=True).first()


def record_rounds(arrangement):
    """Every round of the arrangement with its steps and decisions, for the record."""
    return arrangement.rounds.prefetch_related(
        "steps__decisions__decided_by", "steps__decisions__on_behalf_of"
    ).select_related("opened_by")


def decisions_of(approval_round):
    return Decision.objects.filter(step__round=approval_round).select_related(
        "step", "decided_by", "on_behalf_of"
    )


def deputies_named_by(user):
    return Deputy.objects.filter(holder=user).select_related("deputy")


def deputising_for(user):
    return Deputy.objects.filter(deputy=user).select_related("holder")
