"""Reads of approval work: what awaits a person, the open round, the record, and what the
arrangement page and lists show about an arrangement's approval."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from approvals.models import (
    ApprovalRound,
    ApprovalStep,
    Decision,
    Deputy,
    Outcome,
    RoundOutcome,
    RoundPurpose,
    StepStatus,
)
from approvals.permissions import may_act, people_who_may_act_on, standing_of
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


# What people see about an approval ----------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """One open step and who may act on it, since the day it opened."""

    step: ApprovalStep
    people: list
    since: datetime.date

    @property
    def days(self) -> int:
        return (timezone.localdate() - self.since).days


def waiting_on(arrangement_ids) -> dict[int, list[Waiting]]:
    """The open steps of each arrangement's open round, with who may act on each: three
    queries however many arrangements. A pending step is saved only when it opens, so its
    updated_at is the day the wait began."""
    steps = list(
        ApprovalStep.objects.filter(
            round__arrangement_id__in=list(arrangement_ids),
            round__closed_at__isnull=True,
            status=StepStatus.PENDING,
        )
        .select_related("round__arrangement__portfolio")
        .order_by("stage", "pk")
    )
    people = people_who_may_act_on(steps)
    waiting = {}
    for step in steps:
        waiting.setdefault(step.round.arrangement_id, []).append(
            Waiting(step, people[step.pk], timezone.localdate(step.updated_at))
        )
    return waiting


def _in_force(decisions):
    """Decisions nobody has corrected (a correction supersedes the one it corrects)."""
    decisions = list(decisions)
    superseded = {d.supersedes_id for d in decisions if d.supersedes_id}
    return [d for d in decisions if d.pk not in superseded]


def not_endorsed(arrangement_ids) -> dict[int, list[Decision]]:
    """The 'do not endorse' opinions in force in each arrangement's latest round: advice that
    stays in view of every later decider and of the lead officer. Two queries."""
    latest = {}
    rounds = ApprovalRound.objects.filter(arrangement_id__in=list(arrangement_ids)).order_by(
        "arrangement_id", "-created_at", "-pk"
    )
    for round_id, arrangement_id in rounds.values_list("pk", "arrangement_id"):
        latest.setdefault(arrangement_id, round_id)
    decisions = _in_force(
        Decision.objects.filter(step__round_id__in=latest.values(), step__kind=StepKind.OPINION)
        .select_related("step__round", "decided_by", "on_behalf_of")
        .order_by("decided_at", "pk")
    )
    found = {}
    for decision in decisions:
        if decision.outcome == Outcome.NOT_ENDORSE:
            found.setdefault(decision.step.round.arrangement_id, []).append(decision)
    return found


@dataclass(frozen=True)
class Approval:
    """How an arrangement was last approved (or given conditional support)."""

    approval_round: ApprovalRound
    decisions: list  # the approvals in force, of people and bodies

    @property
    def with_conditions(self) -> list[Decision]:
        return [d for d in self.decisions if d.outcome == Outcome.APPROVE_WITH_CONDITIONS]

    @property
    def decided_on(self) -> datetime.date:
        return timezone.localdate(self.approval_round.closed_at)


def approval_of(arrangement) -> Approval | None:
    """The round that last approved the arrangement or gave it conditional support, and
    the decisions that did so; None if it has never been approved."""
    approving = (
        arrangement.rounds.filter(outcome__in=[RoundOutcome.APPROVED, RoundOutcome.CONDITIONAL])
        .exclude(purpose=RoundPurpose.WITHDRAWAL)
        .order_by("-closed_at", "-pk")
        .first()
    )
    if approving is None:
        return None
    decisions = _in_force(
        Decision.objects.filter(step__round=approving)
        .exclude(step__kind__in=[StepKind.OPINION, StepKind.INFORM])
        .select_related("step", "decided_by", "on_behalf_of")
        .order_by("decided_at", "pk")
    )
    return Approval(approving, decisions)
