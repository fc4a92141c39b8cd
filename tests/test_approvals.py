"""Approvals: routes become work, decisions are recorded once and never changed, and
outcomes drive the arrangement."""

import datetime
import uuid
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from approvals import services
from approvals.models import (
    ApprovalRound,
    Decision,
    Notification,
    Outcome,
    RoundOutcome,
    StepStatus,
)
from register.choices import Status
from register.policies import get_policy
from register.policies.base import StepKind
from register.roles import Role
from tests.approvals_helpers import (
    approve_everything,
    decide,
    other_partnership,
    pending,
    person,
    someone_for,
)
from tests.factories import (
    ArrangementFactory,
    DeclaredInterestFactory,
    DeputyFactory,
    PortfolioFactory,
    submit_required_forms,
)

pytestmark = pytest.mark.django_db


def submit(arrangement):
    """Submit for approval as the lead officer would: every required form submitted first."""
    submit_required_forms(arrangement)
    arrangement.status = Status.SUBMITTED
    arrangement.save()
    return services.submit_for_approval(arrangement=arrangement, user=arrangement.lead_officer)


# Submission -----------------------------------------------------------------------------------


def test_submission_with_answers_missing_is_refused_with_the_list_and_nothing_saved():
    arrangement = ArrangementFactory(exit_strategy="", status=Status.SUBMITTED)
    with pytest.raises(ValidationError) as refused:
        services.submit_for_approval(arrangement=arrangement, user=arrangement.lead_officer)
    assert "Enter the exit strategy" in refused.value.messages
    assert "Add at least one partner organisation" in refused.value.messages
    assert not ApprovalRound.objects.exists()


def test_submission_creates_the_policys_route_with_the_first_stage_open():
    arrangement = other_partnership()
    approval_round = submit(arrangement)
    arrangement.refresh_from_db()
    assert arrangement.status == Status.IN_APPROVAL
    route = get_policy().route(arrangement)
    steps = list(approval_round.steps.order_by("stage", "pk"))
    assert [(s.stage, s.kind, s.role) for s in steps] == [
        (index, step.kind, step.role) for index, stage in enumerate(route) for step in stage.steps
    ]
    assert [s.status for s in steps if s.stage == 0] == [
        StepStatus.PENDING,
        StepStatus.PENDING,
        StepStatus.DONE,
    ]  # the informed need not act
    assert {s.status for s in steps if s.stage == 1} == {StepStatus.WAITING}
    assert approval_round.policy_name == (
        "Gravesham Borough Council, Working in Partnership Framework 2021"
    )


def test_the_second_stage_opens_only_when_the_first_is_done():
    approval_round = submit(other_partnership())
    monitoring, section_151 = pending(approval_round)
    decide(monitoring, someone_for(monitoring))
    assert [s.role for s in pending(approval_round)] == [Role.SECTION_151_OFFICER]
    decide(section_151, someone_for(section_151))
    assert [s.role for s in pending(approval_round)] == [
        Role.DIRECTOR,
        Role.LEADER,
        Role.PORTFOLIO_HOLDER,
    ]


# Outcomes ---------------------------------------------------------------------------------------


def test_all_approved_makes_it_active_with_its_first_review_a_year_on():
    arrangement = other_partnership()
    approval_round = approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    assert approval_round.outcome == RoundOutcome.APPROVED
    assert arrangement.status == Status.ACTIVE
    today = timezone.localdate()
    assert arrangement.next_review_due == today.replace(year=today.year + 1)


def test_refused_is_declined_and_kept_on_the_register_with_the_reason():
    arrangement = other_partnership()
    approval_round = submit(arrangement)
    approve_everything_in_stage_0(approval_round)
    director = next(s for s in pending(approval_round) if s.role == Role.DIRECTOR)
    decide(director, someone_for(director), Outcome.REFUSE, comment="Benefit is unclear")
    arrangement.refresh_from_db()
    approval_round.refresh_from_db()
    assert arrangement.status == Status.DECLINED
    assert arrangement.status_reason == "Benefit is unclear"
    assert approval_round.outcome == RoundOutcome.REFUSED
    assert not approval_round.steps.filter(status=StepStatus.PENDING).exists()


def approve_everything_in_stage_0(approval_round):
    for step in pending(approval_round):
        decide(step, someone_for(step))


def test_returned_goes_back_to_the_lead_officer_and_starts_again_on_resubmission():
    arrangement = other_partnership()
    first = submit(arrangement)
    monitoring = pending(first)[0]
    decide(monitoring, someone_for(monitoring), Outcome.NOT_ENDORSE, comment="Legal basis?")
    section_151 = pending(first)[0]
    decide(section_151, someone_for(section_151), Outcome.ENDORSE)
    leader = next(s for s in pending(first) if s.role == Role.LEADER)
    decide(leader, someone_for(leader), Outcome.RETURN, comment="Add the legal basis")
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DRAFT
    assert arrangement.status_reason == "Returned for changes: Add the legal basis"
    second = submit(arrangement)
    assert second.pk != first.pk
    assert [s.role for s in pending(second)] == [Role.MONITORING_OFFICER, Role.SECTION_151_OFFICER]


def test_an_opinion_other_than_a_plain_endorsement_must_be_given_in_words():
    approval_round = submit(other_partnership())
    step = pending(approval_round)[0]
    with pytest.raises(ValidationError) as refused:
        decide(step, someone_for(step), Outcome.NOT_ENDORSE, comment=" ")
    assert refused.value.message_dict["comment"] == [
        "Enter your opinion: anything but a plain endorsement must say why"
    ]
    assert not Decision.objects.exists()


def test_an_outcome_of_another_kind_of_step_is_refused():
    step = pending(submit(other_partnership()))[0]
    with pytest.raises(ValidationError, match="Select one of the outcomes offered"):
        decide(step, someone_for(step), Outcome.APPROVE)


def test_a_discussion_at_management_team_records_the_meeting_date_and_minute_g_2_14a():
    arrangement = other_partnership(is_statutory=True)  # significant: Management Team
    approval_round = submit(arrangement)
    approve_everything_in_stage_0(approval_round)
    body = pending(approval_round)[0]
    assert body.kind == StepKind.DISCUSSION and body.body == "Management Team"
    recorder = someone_for(body)
    with pytest.raises(ValidationError) as refused:
        decide(body, recorder, meeting_date=None, minute_reference="")
    assert set(refused.value.message_dict) == {"meeting_date", "minute_reference"}
    met = timezone.localdate()
    decision = decide(body, recorder, meeting_date=met, minute_reference="MT/2026/41")
    assert (decision.meeting_date, decision.minute_reference) == (met, "MT/2026/41")


# Separation of duties and deputies ------------------------------------------------------------


def test_lead_officer_cannot_give_the_monitoring_officer_opinion_on_their_own_arrangement():
    officer = person(Role.MONITORING_OFFICER)
    step = pending(submit(other_partnership(lead_officer=officer)))[0]
    with pytest.raises(ValidationError, match="You proposed or lead this arrangement"):
        decide(step, officer)


def test_the_proposer_cannot_decide_either():
    proposer = person(Role.SECTION_151_OFFICER)
    step = pending(submit(other_partnership(created_by=proposer)))[1]
    with pytest.raises(ValidationError, match="You proposed or lead this arrangement"):
        decide(step, proposer)


def test_someone_who_declared_an_interest_cannot_decide():
    arrangement = other_partnership()
    step = pending(submit(arrangement))[0]
    officer = someone_for(step)
    DeclaredInterestFactory(user=officer, arrangement=arrangement)
    with pytest.raises(ValidationError, match="declared an interest"):
        decide(step, officer)


def test_someone_without_the_role_cannot_decide():
    step = pending(submit(other_partnership()))[0]
    with pytest.raises(ValidationError, match="This needs the Monitoring Officer"):
        decide(step, person(Role.DIRECTOR))


def test_the_deputy_monitoring_officer_may_give_the_monitoring_officers_opinion():
    step = pending(submit(other_partnership()))[0]
    decision = decide(step, person(Role.DEPUTY_MONITORING_OFFICER))
    assert decision.outcome == Outcome.ENDORSE


def test_only_the_holder_of_the_arrangements_portfolio_approves_it():
    portfolio = PortfolioFactory(name="Housing")
    approval_round = submit(other_partnership(portfolio=portfolio))
    approve_everything_in_stage_0(approval_round)
    step = next(s for s in pending(approval_round) if s.role == Role.PORTFOLIO_HOLDER)
    with pytest.raises(ValidationError, match="This needs the relevant Cabinet Portfolio"):
        decide(step, person(Role.PORTFOLIO_HOLDER))
    assert decide(step, portfolio.holder).decided_by == portfolio.holder


DEPUTY_PERIODS = [
    ("within the period", 0, True),
    ("the day it ends", 7, True),
    ("the day after it ends", 8, False),
    ("before it starts", -1, False),
]


@pytest.mark.parametrize(
    ("case", "days", "allowed"), DEPUTY_PERIODS, ids=[p[0] for p in DEPUTY_PERIODS]
)
def test_a_deputy_acts_for_the_role_holder_only_during_the_period(case, days, allowed):
    step = pending(submit(other_partnership()))[1]  # Section 151 Officer
    holder, deputy = person(Role.SECTION_151_OFFICER), person(Role.LEAD_OFFICER)
    starts = timezone.localdate() - datetime.timedelta(days=days)
    DeputyFactory(holder=holder, deputy=deputy, starts=starts)
    if allowed:
        decision = decide(step, deputy)
        assert (decision.decided_by, decision.on_behalf_of) == (deputy, holder)
    else:
        with pytest.raises(ValidationError, match="This needs the Section 151 Officer"):
            decide(step, deputy)


# Immutability, corrections and idempotence ------------------------------------------------------


@pytest.fixture
def decision():
    step = pending(submit(other_partnership()))[0]
    return decide(step, someone_for(step), Outcome.ENDORSE)


def test_a_decision_cannot_be_edited(decision):
    decision.comment = "Rewritten"
    with pytest.raises(PermissionError):
        decision.save()
    with pytest.raises(PermissionError):
        Decision.objects.filter(pk=decision.pk).update(comment="Rewritten")
    decision.refresh_from_db()
    assert decision.comment == ""


def test_a_decision_cannot_be_deleted(decision):
    with pytest.raises(PermissionError):
        decision.delete()
    with pytest.raises(PermissionError):
        Decision.objects.all().delete()
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_admin_cannot_change_or_delete_a_decision(administrator_client, decision):
    change = f"/admin/approvals/decision/{decision.pk}/change/"
    assert administrator_client.post(change, {"comment": "Rewritten"}).status_code == 403
    delete = f"/admin/approvals/decision/{decision.pk}/delete/"
    assert administrator_client.post(delete, {"post": "yes"}).status_code == 403
    assert administrator_client.get(change).status_code == 200  # still readable


def test_a_correction_is_a_new_decision_that_supersedes_the_first(decision):
    correction = services.correct_decision(
        decision=decision,
        user=decision.decided_by,
        outcome=Outcome.NOT_ENDORSE,
        comment="The agreement lacks an indemnity",
        reason="I misread the draft",
        token=uuid.uuid4().hex,
    )
    decision.refresh_from_db()
    assert decision.outcome == Outcome.ENDORSE  # the first is unchanged
    assert correction.supersedes == decision
    assert correction.correction_reason == "I misread the draft"
    assert decision.step.decision == correction


def test_only_the_person_who_decided_can_correct_it(decision):
    with pytest.raises(ValidationError, match="Only the person who decided"):
        services.correct_decision(
            decision=decision,
            user=person(Role.MONITORING_OFFICER),
            outcome=Outcome.ENDORSE,
            comment="",
            reason="x",
            token=uuid.uuid4().hex,
        )


def test_submitting_the_same_decision_twice_records_one():
    step = pending(submit(other_partnership()))[0]
    officer = someone_for(step)
    first = decide(step, officer, token="same-form")
    second = decide(step, officer, token="same-form")
    assert first == second
    assert Decision.objects.count() == 1


def test_a_step_already_decided_cannot_be_decided_again():
    step = pending(submit(other_partnership()))[0]
    decide(step, someone_for(step))
    with pytest.raises(ValidationError, match="This has already been decided"):
        decide(step, someone_for(step))


# Conditional support, withdrawal and material change ------------------------------------------


@pytest.fixture
def brentwood(settings):
    settings.COUNCIL_POLICY = "brentwood"
    return get_policy()


def brentwood_borough_partnership():
    arrangement = other_partnership(
        cash_per_year=Decimal("0"), policy_answers={"partnership_level": "borough"}
    )
    policy = get_policy()
    answers = {q.key: True for q in policy.questions_in("key_controls")}
    arrangement.policy_answers = {**arrangement.policy_answers, **answers}
    arrangement.save()
    assert policy.missing(arrangement) == [], policy.missing(arrangement)
    return arrangement


CONDITIONAL_PERIODS = [("3 months", 0, True), ("3 months and a day", 1, False)]


@pytest.mark.parametrize(
    ("case", "extra_days", "allowed"), CONDITIONAL_PERIODS, ids=[c[0] for c in CONDITIONAL_PERIODS]
)
def test_brentwood_conditional_support_lasts_up_to_3_months(brentwood, case, extra_days, allowed):
    arrangement = brentwood_borough_partnership()
    approval_round = submit(arrangement)
    step = pending(approval_round)[0]
    until = brentwood.conditional_support_ends(timezone.localdate()) + datetime.timedelta(
        days=extra_days
    )
    if not allowed:
        with pytest.raises(ValidationError, match="up to 3 months at a time"):
            decide(
                step,
                someone_for(step),
                Outcome.CONDITIONAL_SUPPORT,
                comment="Pending the funding bid",
                support_until=until,
            )
        return
    decide(
        step,
        someone_for(step),
        Outcome.CONDITIONAL_SUPPORT,
        comment="Pending the funding bid",
        support_until=until,
    )
    arrangement.refresh_from_db()
    assert arrangement.status == Status.CONDITIONAL_SUPPORT
    assert arrangement.conditional_support_until == until


def test_brentwood_conditional_support_can_be_renewed_by_the_same_level(brentwood):
    arrangement = brentwood_borough_partnership()
    step = pending(submit(arrangement))[0]
    until = brentwood.conditional_support_ends(timezone.localdate())
    decide(
        step,
        someone_for(step),
        Outcome.CONDITIONAL_SUPPORT,
        comment="Bid pending",
        support_until=until,
    )
    arrangement.refresh_from_db()
    renewal = services.request_renewal(
        arrangement=arrangement, user=arrangement.lead_officer, reason="The bid decision is delayed"
    )
    assert [(s.kind, s.body) for s in pending(renewal)] == [(step.kind, step.body)]
    approve_everything(renewal)
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE
    assert arrangement.conditional_support_until is None


def test_other_policies_offer_no_conditional_support():
    step = pending(submit(other_partnership()))[0]
    assert Outcome.CONDITIONAL_SUPPORT not in services.outcomes_for(step)


def test_withdrawal_goes_to_the_level_that_approved_it_and_ends_the_arrangement():
    arrangement = other_partnership()
    approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    withdrawal = services.request_withdrawal(
        arrangement=arrangement,
        user=arrangement.lead_officer,
        reason="Its objectives have been met",
        end_date=datetime.date(2027, 3, 31),
    )
    arrangement.refresh_from_db()
    assert arrangement.status == Status.WITHDRAWING
    # The decisions of the approval, not the opinions: Director, Leader, Portfolio Holder.
    assert [s.role for s in pending(withdrawal)] == [
        Role.DIRECTOR,
        Role.LEADER,
        Role.PORTFOLIO_HOLDER,
    ]
    approve_everything(withdrawal)
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ENDED
    assert arrangement.status_reason == "Its objectives have been met"
    assert arrangement.end_date == datetime.date(2027, 3, 31)


def test_a_refused_withdrawal_leaves_it_active():
    arrangement = other_partnership()
    approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    withdrawal = services.request_withdrawal(
        arrangement=arrangement,
        user=arrangement.lead_officer,
        reason="Costs",
        end_date=datetime.date(2027, 3, 31),
    )
    step = pending(withdrawal)[0]
    decide(step, someone_for(step), Outcome.REFUSE, comment="Still needed this winter")
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE


# Notifications ----------------------------------------------------------------------------------


def test_the_next_people_to_act_the_informed_and_the_lead_officer_are_e_mailed_once():
    monitoring = person(Role.MONITORING_OFFICER, email="mo@council.example")
    owner = person(Role.REGISTER_OWNER, email="ccm@council.example")
    arrangement = other_partnership()
    approval_round = submit(arrangement)
    subjects = {(m.to[0], m.subject.split(":")[0]) for m in mail.outbox}
    assert ("mo@council.example", "Awaiting your decision") in subjects
    assert ("ccm@council.example", "For information") in subjects
    decide(pending(approval_round)[0], monitoring)
    lead = arrangement.lead_officer.email
    assert any(m.to == [lead] and m.subject.startswith("Endorse") for m in mail.outbox)
    sent = len(mail.outbox)
    from approvals import notifications

    notifications.awaiting(approval_round.steps.get(role=Role.MONITORING_OFFICER))
    assert len(mail.outbox) == sent  # the same event is never sent twice
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0
    assert owner.notifications.count() == 1


REMINDER_CASES = [
    ("ends in 14 days", 14, True),
    ("ends in 15 days", 15, False),
    ("has lapsed", -1, True),
]


@pytest.mark.parametrize(
    ("case", "days", "reminded"), REMINDER_CASES, ids=[c[0] for c in REMINDER_CASES]
)
def test_a_prompt_is_sent_once_before_conditional_support_lapses(case, days, reminded):
    from django.core.management import call_command

    arrangement = other_partnership(
        status=Status.CONDITIONAL_SUPPORT,
        conditional_support_until=timezone.localdate() + datetime.timedelta(days=days),
    )
    call_command("daily", stdout=StringIO())
    call_command("daily", stdout=StringIO())  # run twice in a day: told once
    prompts = [m for m in mail.outbox if m.subject.startswith("Conditional support ends")]
    assert len(prompts) == (1 if reminded else 0)
    if reminded:
        assert prompts[0].to == [arrangement.lead_officer.email]
