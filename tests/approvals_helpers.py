"""Helpers for approval tests: people in every role, and deciding steps in a few words."""

import uuid
from decimal import Decimal

from django.utils import timezone

from approvals import services
from approvals.models import ApprovalStep, ItemAnswer, Outcome, StepStatus
from approvals.permissions import may_act
from register.policies.base import StepKind
from register.roles import Role
from tests.factories import ArrangementFactory, UserFactory


def person(role: Role, **kwargs):
    kwargs.setdefault("username", f"{role.value}-{uuid.uuid4().hex[:6]}")
    return UserFactory(roles=[role], **kwargs)


def other_partnership(**fields):
    """A complete Gravesham 'other' partnership: opinions, then Director, Leader and PH."""
    defaults = {
        "complete": True,
        "cash_per_year": Decimal("1000"),
        "staff_cost_per_year": Decimal("0"),
        "is_statutory": False,
        "is_fundamental_to_objective": False,
    }
    return ArrangementFactory(**{**defaults, **fields})


PLAIN_YES = {StepKind.OPINION: Outcome.ENDORSE, StepKind.DISCUSSION: Outcome.DISCUSSED}


def decide(step, user, outcome=None, **details):
    """A plain yes unless told otherwise: an endorsement, a discussion that goes on, an
    approval, or a condition agreed on every item."""
    if outcome is None:
        outcome = Outcome.AGREE if step.binding else PLAIN_YES.get(step.kind, Outcome.APPROVE)
    if step.items:
        answer = ItemAnswer.AGREED if outcome == Outcome.AGREE else ItemAnswer.NOT_AGREED
        details.setdefault("item_answers", {key: answer for key, _words in step.items})
    if step.at_a_meeting:
        details.setdefault("meeting_date", timezone.localdate())  # met the day it was sent
        details.setdefault("minute_reference", "MT/2026/41")
    details.setdefault("token", uuid.uuid4().hex)
    return services.record_decision(step=step, user=user, outcome=outcome, **details)


def pending(approval_round):
    return list(approval_round.steps.filter(status=StepStatus.PENDING).order_by("pk"))


def someone_for(step):
    """A new user who may act on the step."""
    user = person(Role(step.role))
    assert may_act(user, step).allowed, may_act(user, step).reason
    return user


def approve_everything(approval_round, outcome_for=None, comment_for=None):
    """Give every pending step a plain approval (or endorsement) until the round closes;
    outcome_for(step) and comment_for(step) may choose another outcome and its comment."""
    while True:
        approval_round.refresh_from_db()
        steps = pending(approval_round)
        if not approval_round.is_open or not steps:
            return approval_round
        for step in steps:
            outcome = outcome_for(step) if outcome_for else None
            comment = comment_for(step) if comment_for else ""
            decide(
                ApprovalStep.objects.get(pk=step.pk), someone_for(step), outcome, comment=comment
            )
