"""Approval work: opening rounds from the policy's route, recording decisions, and what the
outcome does to the arrangement. Every function is one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from approvals import notifications
from approvals.models import (
    ApprovalRound,
    ApprovalStep,
    Decision,
    DeclaredInterest,
    Deputy,
    ItemAnswer,
    Outcome,
    RoundOutcome,
    RoundPurpose,
    StepStatus,
)
from approvals.permissions import OTHER_STATUTORY_OPINION, may_act
from approvals.selectors import gave_another_opinion
from register import formatting
from register.choices import Status
from register.council_forms.services import return_forms
from register.formatting import long_date
from register.lifecycle import change_status
from register.models import Arrangement
from register.occasions import APPROVAL
from register.policies import get_policy
from register.policies.base import Stage, StepKind
from register.roles import Role, is_read_only, roles_of
from register.submission import forms_not_submitted, missing_for_submission
from register.timeline import changes_by_the_portal

OUTCOMES_BY_KIND = {
    StepKind.OPINION: (Outcome.ENDORSE, Outcome.NOT_ENDORSE),
    # A body discusses it and may send it back; it decides nothing (G 2.14a, 3.10b).
    StepKind.DISCUSSION: (Outcome.DISCUSSED, Outcome.RETURN),
    StepKind.DECISION: (
        Outcome.APPROVE,
        Outcome.APPROVE_WITH_CONDITIONS,
        Outcome.REFUSE,
        Outcome.RETURN,
    ),
    StepKind.BODY_DECISION: (
        Outcome.APPROVE,
        Outcome.APPROVE_WITH_CONDITIONS,
        Outcome.REFUSE,
        Outcome.RETURN,
    ),
}
# A condition (a binding opinion) is agreed or not; not agreed ends the round (D 12(iv)).
CONDITION_OUTCOMES = (Outcome.AGREE, Outcome.NOT_AGREE)
# Anything but a plain approval, endorsement, agreement or discussion must say why.
NO_COMMENT_NEEDED = {Outcome.APPROVE, Outcome.ENDORSE, Outcome.AGREE, Outcome.DISCUSSED}
NOT_AGREED_NEEDS_A_REASON = (
    "Enter the reason it is not agreed: the arrangement goes back to the lead officer with it"
)
# What ends the round at once, and how.
CLOSES_THE_ROUND = {
    Outcome.REFUSE: RoundOutcome.REFUSED,
    Outcome.RETURN: RoundOutcome.RETURNED,
    Outcome.NOT_AGREE: RoundOutcome.RETURNED,
}


def item_unanswered(words: str) -> str:
    """The message when an item of a condition is left unanswered (form and service)."""
    return f"Select agreed or not agreed for the {words}"


def outcomes_for(step, policy=None) -> tuple[Outcome, ...]:
    if step.kind == StepKind.OPINION and step.binding:
        return CONDITION_OUTCOMES
    outcomes = OUTCOMES_BY_KIND.get(StepKind(step.kind), ())
    policy = policy or get_policy()
    if policy.offers_conditional_support and step.kind in (
        StepKind.DECISION,
        StepKind.BODY_DECISION,
    ):
        outcomes = (*outcomes[:2], Outcome.CONDITIONAL_SUPPORT, *outcomes[2:])
    return outcomes


# Opening rounds ----------------------------------------------------------------------------


def open_round(
    *,
    arrangement: Arrangement,
    purpose: RoundPurpose,
    user,
    stages,
    reason: str = "",
    end_date: datetime.date | None = None,
) -> ApprovalRound:
    policy = get_policy()
    approval_round = ApprovalRound.objects.create(
        arrangement=arrangement,
        purpose=purpose,
        reason=reason,
        end_date=end_date,
        policy_key=policy.key,
        policy_name=f"{policy.council}, {policy.name} {policy.version}",
        category=arrangement.category_reasons,
        opened_by=user,
    )
    for index, stage in enumerate(stages):
        for step in stage.steps:
            ApprovalStep.objects.create(
                round=approval_round,
                stage=index,
                stage_name=stage.name,
                kind=step.kind,
                role=step.role,
                title=step.title,
                body=step.body,
                binding=step.binding,
                items=[list(item) for item in step.items],
            )
    start_stage(approval_round, 0)
    return approval_round


@transaction.atomic
def submit_for_approval(*, arrangement: Arrangement, user) -> ApprovalRound:
    """A submitted arrangement gets its route, or the submission is refused with the list of
    what is missing (and nothing is saved)."""
    policy = get_policy()
    _refuse_if_missing(missing_for_submission(policy, arrangement))
    if any(not stage.steps for stage in policy.route(arrangement)):
        raise ValidationError("The approval route is not complete yet")
    change_status(arrangement, Status.IN_APPROVAL)
    return open_round(
        arrangement=arrangement,
        purpose=RoundPurpose.APPROVAL,
        user=user,
        stages=policy.route(arrangement),
    )


@transaction.atomic
def route_again(*, arrangement: Arrangement, user, reasons: list[str]) -> ApprovalRound:
    """A material change to an approved arrangement: classify again and approve again, once
    it has what the policy checks before a re-approval (refused with the list otherwise)."""
    policy = get_policy()
    _refuse_if_missing(
        policy.reapproval_missing(arrangement) + forms_not_submitted(policy, arrangement)
    )
    change_status(
        arrangement, Status.IN_APPROVAL, reason="Changed materially: " + "; ".join(reasons)
    )
    return open_round(
        arrangement=arrangement,
        purpose=RoundPurpose.REAPPROVAL,
        user=user,
        reason="; ".join(reasons),
        stages=policy.route(arrangement),
    )


def _refuse_if_missing(missing):
    """Every round checks what the policy needs before it opens: refused with the list,
    nothing saved."""
    if missing:
        raise ValidationError([item.message for item in missing])


def _approved_route(arrangement) -> tuple[Stage, ...] | None:
    """The stages of the round that last approved it (or gave conditional support)."""
    approved = (
        arrangement.rounds.filter(outcome__in=[RoundOutcome.APPROVED, RoundOutcome.CONDITIONAL])
        .order_by("-closed_at")
        .first()
    )
    return None if approved is None else tuple(_stages_of(approved))


def _stages_of(approval_round) -> list[Stage]:
    stages = {}
    for step in approval_round.steps.order_by("stage", "pk"):
        name, steps = stages.setdefault(step.stage, (step.stage_name, []))
        steps.append(step.as_policy_step())
    return [Stage(name, tuple(steps)) for name, steps in stages.values()]


def _someone_decides(stages) -> tuple[Stage, ...]:
    if not stages:
        raise ValidationError("Nobody is set to decide this yet: choose who approves it first")
    return stages


@transaction.atomic
def request_withdrawal(
    *, arrangement: Arrangement, user, reason: str, end_date: datetime.date
) -> ApprovalRound:
    policy = get_policy()
    _refuse_if_missing(policy.withdrawal_missing(arrangement))
    stages = _someone_decides(policy.withdrawal_route(arrangement, _approved_route(arrangement)))
    with changes_by_the_portal("withdrawal", user=user):
        change_status(arrangement, Status.WITHDRAWING, reason=reason)
    return open_round(
        arrangement=arrangement,
        purpose=RoundPurpose.WITHDRAWAL,
        user=user,
        reason=reason,
        end_date=end_date,
        stages=stages,
    )


@transaction.atomic
def request_renewal(*, arrangement: Arrangement, user, reason: str) -> ApprovalRound:
    """Conditional support lasts a few months at a time and may be renewed (B)."""
    policy = get_policy()
    _refuse_if_missing(policy.renewal_missing(arrangement))
    stages = _someone_decides(policy.renewal_route(arrangement, _approved_route(arrangement)))
    with changes_by_the_portal("renewal", user=user):
        change_status(arrangement, Status.IN_APPROVAL, reason=reason)
    return open_round(
        arrangement=arrangement,
        purpose=RoundPurpose.RENEWAL,
        user=user,
        reason=reason,
        stages=stages,
    )


# Moving through the stages -------------------------------------------------------------------


def start_stage(approval_round, index):
    """Open the stage's steps; people to inform are told at once and need not act."""
    steps = list(approval_round.steps.filter(stage=index))
    if not steps:
        return close_round(approval_round, RoundOutcome.APPROVED)
    approval_round.current_stage = index
    approval_round.save(update_fields=["current_stage", "updated_at"])
    for step in steps:
        if step.kind == StepKind.INFORM:
            step.status = StepStatus.DONE
            step.save(update_fields=["status", "updated_at"])
            notifications.informed(step)
        else:
            step.status = StepStatus.PENDING
            step.save(update_fields=["status", "updated_at"])
            notifications.awaiting(step)
    return advance_if_done(approval_round)


def advance_if_done(approval_round):
    stage = approval_round.current_stage
    if approval_round.steps.filter(stage=stage, status=StepStatus.PENDING).exists():
        return approval_round
    if approval_round.steps.filter(stage__gt=stage).exists():
        return start_stage(approval_round, stage + 1)
    return close_round(approval_round, RoundOutcome.APPROVED)


def close_round(approval_round, outcome, *, reason="", support_until=None):
    approval_round.outcome = outcome
    approval_round.closed_at = timezone.now()
    approval_round.save(update_fields=["outcome", "closed_at", "updated_at"])
    approval_round.steps.filter(status__in=[StepStatus.PENDING, StepStatus.WAITING]).update(
        status=StepStatus.NOT_NEEDED
    )
    arrangement = approval_round.arrangement
    withdrawal = approval_round.purpose == RoundPurpose.WITHDRAWAL
    if withdrawal and outcome == RoundOutcome.APPROVED:
        arrangement.end_date = approval_round.end_date
        arrangement.save(update_fields=["end_date", "updated_at"])
        change_status(arrangement, Status.ENDED, reason=approval_round.reason)
    elif withdrawal:
        change_status(arrangement, Status.ACTIVE, reason=f"Withdrawal not agreed: {reason}")
    elif outcome == RoundOutcome.APPROVED:
        change_status(arrangement, Status.ACTIVE)
        _set_dates(
            arrangement,
            next_review_due=get_policy().next_review_due(timezone.localdate()),
            conditional_support_until=None,
        )
    elif outcome == RoundOutcome.CONDITIONAL:
        change_status(arrangement, Status.CONDITIONAL_SUPPORT, reason=reason)
        _set_dates(arrangement, conditional_support_until=support_until)
    elif outcome == RoundOutcome.REFUSED:
        change_status(arrangement, Status.DECLINED, reason=reason)
    elif outcome == RoundOutcome.RETURNED:
        change_status(arrangement, Status.DRAFT, reason=f"Returned for changes: {reason}")
        return_forms(arrangement=arrangement, occasion=APPROVAL)
    notifications.round_closed(approval_round)
    return approval_round


def _set_dates(arrangement, **dates):
    for name, value in dates.items():
        setattr(arrangement, name, value)
    arrangement.save(update_fields=[*dates, "updated_at"])


# Recording decisions --------------------------------------------------------------------------


@transaction.atomic
def record_decision(
    *,
    step: ApprovalStep,
    user,
    outcome: Outcome,
    token: str,
    comment: str = "",
    meeting_date: datetime.date | None = None,
    minute_reference: str = "",
    support_until: datetime.date | None = None,
    item_answers: dict | None = None,
    supersedes: Decision | None = None,
    correction_reason: str = "",
) -> Decision:
    """Record one decision on a step, or return the one already recorded with this token.

    A condition agreed item by item (`item_answers`: item key -> ItemAnswer) is agreed only
    if every item is; any item not agreed returns the arrangement with the reason.

    The round is locked first, so two approvers acting at the same moment are taken one
    after the other and only one of them can move the arrangement on.
    """
    existing = Decision.objects.filter(token=token).first()
    if existing is not None:
        return existing
    approval_round = ApprovalRound.objects.select_for_update().get(pk=step.round_id)
    existing = Decision.objects.filter(token=token).first()  # sent twice at the same moment
    if existing is not None:
        return existing
    step = ApprovalStep.objects.select_related("round__arrangement__portfolio").get(pk=step.pk)
    policy = get_policy()
    errors = _decision_errors(
        step,
        approval_round,
        user,
        outcome,
        comment,
        meeting_date,
        minute_reference,
        support_until,
        supersedes,
        policy,
    )
    item_answers = item_answers or {}
    errors.update(_item_errors(step, outcome, item_answers))
    if errors:
        raise ValidationError(errors)
    permission = may_act(user, step)
    decision = Decision(
        step=step,
        outcome=outcome,
        comment=comment.strip(),
        decided_by=user,
        on_behalf_of=permission.on_behalf_of,
        meeting_date=meeting_date,
        minute_reference=minute_reference.strip(),
        support_until=support_until,
        item_answers={key: item_answers[key] for key, _words in step.items},
        supersedes=supersedes,
        correction_reason=correction_reason.strip(),
        token=token,
    )
    decision.full_clean()
    decision.save()
    # What the decision moves on (the round, the arrangement, its forms) is the portal's doing.
    with changes_by_the_portal("decision", user=user):
        step.status = StepStatus.DONE
        step.save(update_fields=["status", "updated_at"])
        notifications.decided(decision)
        if outcome in CLOSES_THE_ROUND:
            close_round(approval_round, CLOSES_THE_ROUND[outcome], reason=_reason(decision))
        elif outcome == Outcome.CONDITIONAL_SUPPORT:
            close_round(
                approval_round,
                RoundOutcome.CONDITIONAL,
                reason=comment,
                support_until=support_until,
            )
        elif supersedes is None:
            advance_if_done(approval_round)
    return decision


def _reason(decision) -> str:
    """Why the round ends, as the arrangement's status reason: for a condition not agreed,
    who did not agree what, then their comment."""
    if decision.outcome != Outcome.NOT_AGREE:
        return decision.comment
    step = decision.step
    what = "; ".join(decision.items_not_agreed())
    return f"The {step.title} did not agree{f' the {what}' if what else ''}: {decision.comment}"


def _item_errors(step, outcome, item_answers) -> dict:
    """Every item of a condition answered, and the outcome the one the answers give."""
    if not step.items:
        return {}
    errors = {
        key: item_unanswered(words)
        for key, words in step.items
        if item_answers.get(key) not in ItemAnswer.values
    }
    if not errors:
        agreed = all(item_answers[key] == ItemAnswer.AGREED for key, _words in step.items)
        if outcome != (Outcome.AGREE if agreed else Outcome.NOT_AGREE):
            errors["outcome"] = (
                "Agree only when every item is agreed; any item not agreed means you do not agree"
            )
    return errors


def _decision_errors(
    step,
    approval_round,
    user,
    outcome,
    comment,
    meeting_date,
    minute_reference,
    support_until,
    supersedes,
    policy,
) -> dict:
    errors = {}
    if not approval_round.is_open:
        errors["outcome"] = "This approval has finished; nothing more can be decided on it"
    elif supersedes is None and step.status != StepStatus.PENDING:
        errors["outcome"] = (
            "This has already been decided"
            if step.status == StepStatus.DONE
            else "This is not yet ready for a decision"
        )
    elif supersedes is not None and step.stage != approval_round.current_stage:
        errors["outcome"] = "Only a decision of the current stage can be corrected"
    permission = may_act(user, step)
    if not permission.allowed:
        errors["outcome"] = permission.reason
    if outcome not in outcomes_for(step, policy):
        errors["outcome"] = "Select one of the outcomes offered"
    if outcome == Outcome.NOT_AGREE and not comment.strip():
        errors["comment"] = NOT_AGREED_NEEDS_A_REASON
    elif outcome not in NO_COMMENT_NEEDED and not comment.strip():
        errors["comment"] = (
            "Enter your opinion: anything but a plain endorsement must say why"
            if step.kind == StepKind.OPINION
            else "Enter a comment: anything but a plain approval must say why"
        )
    if step.kind == StepKind.OPINION and gave_another_opinion(user, step):
        # The Monitoring Officer's and the Section 151 Officer's opinions come from two
        # people (DOMAIN.md section 4), even when one deputises for the other.
        errors["outcome"] = (
            "You have given the other statutory opinion on this approval, so someone else "
            "must give this one"
        )
    if step.at_a_meeting:
        submitted_on = timezone.localdate(approval_round.created_at)
        if meeting_date is None:
            errors["meeting_date"] = "Enter the date of the meeting"
        elif meeting_date > timezone.localdate():
            errors["meeting_date"] = "The date of the meeting must be today or in the past"
        elif meeting_date < submitted_on:
            errors["meeting_date"] = (
                "The date of the meeting must be on or after the day it was sent for "
                f"approval, {long_date(submitted_on)}"
            )
        if not minute_reference.strip():
            errors["minute_reference"] = "Enter the minute reference"
    if outcome == Outcome.CONDITIONAL_SUPPORT:
        today = timezone.localdate()
        if support_until is None:
            errors["support_until"] = "Enter the date conditional support ends"
        elif not policy.conditional_support_allowed_until(today, support_until):
            errors["support_until"] = (
                f"Conditional support can be given for up to "
                f"{policy.conditional_support_months} months at a time, until "
                f"{policy.conditional_support_ends(today):%-d %B %Y} at the latest"
            )
    return errors


@transaction.atomic
def correct_decision(
    *, decision: Decision, user, outcome: Outcome, comment: str, reason: str, token: str, **details
) -> Decision:
    """A decision is never changed: a correction is a new decision that supersedes it."""
    if decision.decided_by_id != user.pk:
        raise ValidationError({"outcome": "Only the person who decided can correct it"})
    if not reason.strip():
        raise ValidationError({"correction_reason": "Enter the reason for the correction"})
    if Decision.objects.filter(supersedes=decision).exists():
        raise ValidationError({"outcome": "This decision has already been corrected"})
    return record_decision(
        step=decision.step,
        user=user,
        outcome=outcome,
        comment=comment,
        token=token,
        supersedes=decision,
        correction_reason=reason,
        **details,
    )


# Declared interests and deputies -------------------------------------------------------------


@transaction.atomic
def declare_interest(*, user, arrangement: Arrangement, description: str) -> DeclaredInterest:
    """G 4.3i-j: whoever declares an interest is not asked to decide on it."""
    interest = DeclaredInterest(user=user, arrangement=arrangement, description=description.strip())
    interest.full_clean()
    interest.save()
    return interest


@transaction.atomic
def name_deputy(*, holder, deputy, role: str, starts: datetime.date, ends: datetime.date) -> Deputy:
    """A role holder names someone to act for them for a period: someone who could hold
    the role, so never a read-only role (they change nothing)."""
    if is_read_only(deputy):
        raise ValidationError(
            {
                "deputy": f"{formatting.person(deputy)} reads the register and changes nothing, "
                "so cannot act for you"
            }
        )
    other = OTHER_STATUTORY_OPINION.get(Role(role), frozenset()) & roles_of(deputy)
    if other:
        # The Monitoring Officer's and Section 151 Officer's opinions come from two people
        # (DOMAIN.md section 4): whoever gives one cannot stand in for the other.
        raise ValidationError(
            {
                "deputy": f"{formatting.person(deputy)} is the {min(other).label}, who gives "
                f"the other statutory opinion, so cannot act for the {Role(role).label}"
            }
        )
    named = Deputy(holder=holder, deputy=deputy, role=role, starts=starts, ends=ends)
    named.full_clean()
    named.save()
    return named
