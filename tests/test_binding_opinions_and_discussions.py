"""Opinions that bind where the policy says so (issue 10, point 3) and Gravesham's routes as
written (point 4): Dartford's Section 151 agreement item by item (D 12(iv), D 13(vi)),
advisory 'do not endorse' kept in view (G 2.6, 2.14), discussions at Management Team and the
Cabinet Committee (G 2.14a, 3.10b) and the relevant Director with Members on the board (G 2.7).
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from approvals.models import ItemAnswer, Outcome, RoundOutcome, StepStatus
from register.choices import ArrangementType, DocumentKind, Kind, Status
from register.council_forms import DEFINITIONS
from register.council_forms.endorsements import endorsement_lines
from register.council_forms.selectors import response_for
from register.occasions import APPROVAL
from register.policies import get_policy
from register.policies.base import StepKind
from register.policies.dartford import ACCOUNTABLE_BODY_ITEM, S151_ITEMS
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, person, someone_for
from tests.factories import CouncilRepresentativeFactory, DocumentFactory
from tests.test_approvals import submit
from tests.test_record_pdf import pdf_url, squeezed, text_of

pytestmark = pytest.mark.django_db


# Dartford: the Section 151 Officer's agreement is a condition, item by item -------------------


@pytest.fixture
def dartford(settings):
    settings.COUNCIL_POLICY = "dartford"


def dartford_arrangement(*, accountable_body=False, cash=Decimal("1000")):
    arrangement = other_partnership(
        cash_per_year=cash,
        policy_answers={"approving_body": "cabinet", "council_accountable_body": accountable_body},
    )
    if accountable_body:
        DocumentFactory(arrangement=arrangement, kind=DocumentKind.RISK_ASSESSMENT)
    return arrangement


def s151_step(arrangement):
    step = pending(submit(arrangement))[0]
    assert (step.role, step.binding) == (Role.SECTION_151_OFFICER, True)
    return step


def answers(step, not_agreed=()):
    return {
        key: ItemAnswer.NOT_AGREED if key in not_agreed else ItemAnswer.AGREED
        for key, _words in step.items
    }


# (case, accountable body, the item not agreed, its words)
NOT_AGREED_CASES = [
    *((f"D 12(iv) {key}", False, key, words) for key, words in S151_ITEMS),
    ("D 13(vi) the Council as Accountable Body", True, *ACCOUNTABLE_BODY_ITEM),
]


@pytest.mark.parametrize(
    ("accountable_body", "item", "words"),
    [case[1:] for case in NOT_AGREED_CASES],
    ids=[case[0] for case in NOT_AGREED_CASES],
)
def test_dartford_s151_not_agreeing_any_item_returns_the_arrangement_with_the_reason(
    dartford, accountable_body, item, words
):
    arrangement = dartford_arrangement(accountable_body=accountable_body)
    step = s151_step(arrangement)
    decide(
        step,
        someone_for(step),
        Outcome.NOT_AGREE,
        item_answers=answers(step, not_agreed={item}),
        comment="No budget line for it this year",
    )
    arrangement.refresh_from_db()
    approval_round = step.round
    approval_round.refresh_from_db()
    assert approval_round.outcome == RoundOutcome.RETURNED
    assert arrangement.status == Status.DRAFT
    assert arrangement.status_reason == (
        "Returned for changes: The Section 151 Officer (or nominee) did not agree the "
        f"{words}: No budget line for it this year"
    )
    # Cabinet is never asked.
    assert not approval_round.steps.filter(status=StepStatus.PENDING).exists()


@pytest.mark.parametrize(
    "accountable_body", [False, True], ids=["D 12(iv) six items", "D 13(vi) and D 12(iv)"]
)
def test_dartford_s151_agreeing_every_item_goes_on_to_the_approver(dartford, accountable_body):
    step = s151_step(dartford_arrangement(accountable_body=accountable_body))
    decision = decide(step, someone_for(step), Outcome.AGREE, item_answers=answers(step))
    assert decision.item_answers == answers(step)
    assert [s.body for s in pending(step.round)] == ["Cabinet"]


# (case, outcome, answers given, expected error fields)
BAD_INPUT = [
    ("an item unanswered", Outcome.AGREE, {"s151_vat": None}, {"s151_vat"}),
    ("'agree' with an item not agreed", Outcome.AGREE, {"s151_vat": "not_agreed"}, {"outcome"}),
    ("'not agreed' without a reason", Outcome.NOT_AGREE, {"s151_vat": "not_agreed"}, {"comment"}),
]


@pytest.mark.parametrize(
    ("outcome", "changed", "fields"),
    [case[1:] for case in BAD_INPUT],
    ids=[f"D 12(iv) {case[0]}" for case in BAD_INPUT],
)
def test_dartford_s151_agreement_refuses_bad_input_and_records_nothing(
    dartford, outcome, changed, fields
):
    step = s151_step(dartford_arrangement())
    given = {k: v for k, v in {**answers(step), **changed}.items() if v is not None}
    with pytest.raises(ValidationError) as refused:
        decide(step, someone_for(step), outcome, item_answers=given)
    assert set(refused.value.message_dict) == fields
    assert not step.decisions.exists()


def post_items(client, step, not_agreed=(), skip=(), comment=""):
    data = {key: v for key, v in answers(step, not_agreed).items() if key not in skip}
    return client.post(
        reverse("approvals:decide", args=[step.pk]), {**data, "comment": comment, "token": "t1"}
    )


def test_the_s151_decision_page_asks_each_item_and_says_what_is_wrong(dartford, client_for):
    step = s151_step(dartford_arrangement())
    client = client_for(someone_for(step))
    page = client.get(reverse("approvals:decide", args=[step.pk])).content.decode()
    for key, words in S151_ITEMS:
        assert f'name="{key}"' in page
        assert words[1:] in page
    assert "This is a condition of approval, not advice" in page
    response = post_items(client, step, not_agreed={"s151_vat"}, skip={"s151_pending_approvals"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select agreed or not agreed for the pending approvals within the partnership" in page
    assert "Enter the reason it is not agreed" in page
    assert not step.decisions.exists()


def test_the_s151_answers_are_shown_item_by_item_on_the_approval_record(dartford, client_for):
    step = s151_step(dartford_arrangement())
    client = client_for(someone_for(step))
    response = post_items(client, step, not_agreed={"s151_vat"}, comment="VAT advice first")
    assert response.status_code == 302
    arrangement = step.round.arrangement  # back in draft: the lead officer reads the record
    lead = client_for(arrangement.lead_officer)
    record = lead.get(reverse("approvals:record", args=[arrangement.reference]))
    page = record.content.decode()
    assert "Budget availability to fund the partnership commitment: <strong>Agreed" in page
    assert "VAT arrangements: <strong>Not agreed" in page
    assert "Do not agree" in page


def test_the_lead_officer_cannot_give_the_s151_agreement_even_holding_the_role(
    dartford, client_for
):
    lead = person(Role.SECTION_151_OFFICER)
    arrangement = dartford_arrangement()
    arrangement.lead_officer = lead
    arrangement.save()
    step = s151_step(arrangement)
    response = client_for(lead).get(reverse("approvals:decide", args=[step.pk]))
    assert response.status_code == 403
    with pytest.raises(ValidationError, match="You proposed or lead this arrangement"):
        decide(step, lead, Outcome.AGREE, item_answers=answers(step))


def test_a_nominee_of_the_s151_officer_gives_the_agreement(dartford):
    from tests.factories import DeputyFactory

    step = s151_step(dartford_arrangement())
    holder, nominee = person(Role.SECTION_151_OFFICER), person(Role.DIRECTOR)
    DeputyFactory(holder=holder, deputy=nominee, role=Role.SECTION_151_OFFICER)
    decision = decide(step, nominee, Outcome.AGREE, item_answers=answers(step))
    assert decision.on_behalf_of == holder


# Advice: 'do not endorse' does not stop the round and stays in view (G 2.6, 2.14) ---------------


def test_gravesham_not_endorsed_is_advice_the_round_goes_on_and_later_deciders_see_it(
    client_for,
):
    approval_round = submit(other_partnership())
    monitoring, section_151 = pending(approval_round)
    assert not monitoring.binding
    decide(monitoring, someone_for(monitoring), Outcome.NOT_ENDORSE, comment="Powers unclear")
    decide(section_151, someone_for(section_151))
    approval_round.refresh_from_db()
    assert approval_round.is_open
    director = next(s for s in pending(approval_round) if s.role == Role.DIRECTOR)
    page = client_for(someone_for(director)).get(reverse("approvals:decide", args=[director.pk]))
    text = page.content.decode()
    assert 'class="govuk-warning-text"' in text
    assert "does not endorse it" in text and "Powers unclear" in text
    # The lead officer sees it on the approval record.
    lead = client_for(approval_round.arrangement.lead_officer)
    record = lead.get(reverse("approvals:record", args=[approval_round.arrangement.reference]))
    assert "does not endorse it" in record.content.decode()


# Discussions (G 2.14a, 3.10b) ----------------------------------------------------------------


def significant():
    return other_partnership(is_statutory=True)


def joint_management():
    return other_partnership(kind=Kind.SHARED_SERVICE, type=ArrangementType.JOINT_MANAGEMENT)


def open_discussion(arrangement):
    if arrangement.kind == Kind.SHARED_SERVICE:
        DocumentFactory(arrangement=arrangement, kind=DocumentKind.BUSINESS_CASE)
    approval_round = submit(arrangement)
    for step in pending(approval_round):
        decide(step, someone_for(step))
    step = pending(approval_round)[0]
    assert step.kind == StepKind.DISCUSSION
    return step


DISCUSSIONS = [
    ("G 2.14a Management Team", significant, "Management Team"),
    ("G 3.10b the relevant Cabinet Committee", joint_management, "the relevant Cabinet Committee"),
]


@pytest.mark.parametrize(
    ("make", "body"), [c[1:] for c in DISCUSSIONS], ids=[c[0] for c in DISCUSSIONS]
)
def test_a_discussion_goes_on_to_the_leader_and_portfolio_holder_who_approve(make, body):
    step = open_discussion(make())
    assert step.body == body
    decision = decide(step, someone_for(step))
    assert (decision.outcome, decision.minute_reference) == (Outcome.DISCUSSED, "MT/2026/41")
    assert {s.role for s in pending(step.round)} == {Role.LEADER, Role.PORTFOLIO_HOLDER}


@pytest.mark.parametrize(
    ("make", "body"), [c[1:] for c in DISCUSSIONS], ids=[c[0] for c in DISCUSSIONS]
)
def test_a_discussion_may_send_it_back_with_the_reason_but_decides_nothing(make, body):
    step = open_discussion(make())
    with pytest.raises(ValidationError, match="Select one of the outcomes offered"):
        decide(step, someone_for(step), Outcome.APPROVE)
    with pytest.raises(ValidationError) as refused:
        decide(step, someone_for(step), Outcome.DISCUSSED, meeting_date=None, minute_reference="")
    assert set(refused.value.message_dict) == {"meeting_date", "minute_reference"}
    decide(step, someone_for(step), Outcome.RETURN, comment="Bring the exit plan back")
    arrangement = step.round.arrangement
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DRAFT
    assert arrangement.status_reason == "Returned for changes: Bring the exit plan back"


def test_the_discussion_page_asks_for_the_meeting_and_what_the_body_concluded(client_for):
    step = open_discussion(significant())
    page = client_for(someone_for(step)).get(reverse("approvals:decide", args=[step.pk]))
    text = page.content.decode()
    assert "Discussion at Management Team" in text
    assert "What did Management Team conclude?" in text
    assert "Discussed: go on to the decision" in text and "Refuse" not in text
    assert 'name="minute_reference"' in text
    assert "Record the discussion" in text


def test_withdrawal_is_decided_by_the_leader_and_portfolio_holder_without_the_discussion():
    policy = get_policy()
    route = policy.route(significant())
    kinds = [s.kind for stage in policy.withdrawal_route(None, route) for s in stage.steps]
    assert kinds == [StepKind.INFORM, StepKind.DECISION, StepKind.DECISION]


# G 2.7: Members on the board involve the relevant Director, who fills the Director line -------


def test_with_members_on_the_board_the_directors_opinion_fills_the_evaluation_director_line():
    arrangement = significant()
    CouncilRepresentativeFactory(arrangement=arrangement, is_member=True)
    approval_round = submit(arrangement)
    director = next(s for s in pending(approval_round) if s.role == Role.DIRECTOR)
    assert director.kind == StepKind.OPINION
    officer = person(Role.DIRECTOR, first_name="Dana", last_name="Director")
    decide(director, officer, Outcome.ENDORSE)
    evaluation = DEFINITIONS["gravesham_evaluation"]
    lines = endorsement_lines(
        evaluation, arrangement, response_for(arrangement, evaluation, APPROVAL)
    )
    found = {line.signature.role: line.endorsement for line in lines if line.endorsement}
    assert found[Role.DIRECTOR].name == "Dana Director"
    assert found[Role.DIRECTOR].outcome == "Endorse"


def test_the_s151_answers_are_printed_item_by_item_in_the_record_pdf(dartford, client_for):
    step = s151_step(dartford_arrangement())
    decide(
        step,
        someone_for(step),
        Outcome.NOT_AGREE,
        item_answers=answers(step, not_agreed={"s151_vat"}),
        comment="VAT advice first",
    )
    arrangement = step.round.arrangement
    pdf = client_for(arrangement.lead_officer).get(pdf_url(arrangement)).content
    text = squeezed(text_of(pdf))
    assert squeezed("Budget availability to fund the partnership commitment: Agreed") in text
    assert squeezed("VAT arrangements: Not agreed") in text
