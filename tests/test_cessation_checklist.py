"""South Derbyshire: "On cessation of the partnership, an evaluation highlighting the lessons
learnt and main outcomes achieved should be undertaken by the lead officer / Member" (SD
"Review and Evaluation", Appendix 4). The evaluation checklist is filled for the cessation
occasion from the arrangement page, and a withdrawal is refused until it is submitted, with
a link to the form; other councils' withdrawals do not ask for it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from approvals import services
from approvals.models import ApprovalRound
from register.choices import Status
from register.council_forms import BY_COUNCIL
from register.council_forms.services import save_answers
from register.models import FormResponse, FormStatus
from register.occasions import APPROVAL, CESSATION, review
from register.policies import get_policy
from register.policies import south_derbyshire as sd
from register.roles import Role
from tests.factories import ArrangementFactory, complete_answers

pytestmark = pytest.mark.django_db

CHECKLIST = BY_COUNCIL["south_derbyshire"][sd.EVALUATION_CHECKLIST.key]
REFUSAL = (
    "Before the partnership ends, fill in and submit a checklist for evaluating a partnership "
    "(Appendix 4): its lessons learnt and main outcomes go to the Head of Corporate Services "
    '(SD "Review and Evaluation")'
)
WITHDRAWAL = {
    "reason": "Its aims are met",
    "end_date_0": "31",
    "end_date_1": "3",
    "end_date_2": "2027",
}


@pytest.fixture
def south_derbyshire():
    with override_settings(COUNCIL_POLICY="south_derbyshire"):
        yield


@pytest.fixture
def active(south_derbyshire, lead_officer):
    return ArrangementFactory(
        status=Status.ACTIVE,
        lead_officer=lead_officer,
        complete=True,
        policy_answers={sd.RESOURCES_BEYOND_BUDGET: False},
    )


def fill_url(arrangement):
    return reverse("council_forms:fill", args=[arrangement.reference, CESSATION, CHECKLIST.key])


def checklist(arrangement, user, *, submit, occasion=CESSATION):
    response = FormResponse(arrangement=arrangement, form_key=CHECKLIST.key, occasion=occasion.key)
    return save_answers(
        response=response, answers=complete_answers(CHECKLIST), user=user, submit=submit
    )


def withdraw(arrangement):
    return services.request_withdrawal(
        arrangement=arrangement,
        user=arrangement.lead_officer,
        reason="Its aims are met",
        end_date=datetime.date(2027, 3, 31),
    )


def test_the_plan_names_appendix_4_as_the_template_when_it_ends(active):
    ending = sd.POLICY.review_plan(active).on_ending
    assert (ending.key, ending.title) == (CHECKLIST.key, sd.EVALUATION_CHECKLIST.title)


@pytest.mark.parametrize(
    "kept",
    [
        pytest.param(None, id="nothing kept"),
        pytest.param((CESSATION, False), id="a draft only"),
        pytest.param((APPROVAL, True), id="submitted for the approval, not the cessation"),
        pytest.param((review(2027), True), id="submitted for a review, not the cessation"),
    ],
)
def test_a_withdrawal_is_refused_until_the_evaluation_checklist_is_submitted_sd_appendix_4(
    active, kept
):
    if kept is not None:
        occasion, submit = kept
        checklist(active, active.lead_officer, submit=submit, occasion=occasion)
    with pytest.raises(ValidationError) as refusal:
        withdraw(active)
    assert refusal.value.messages == [REFUSAL]
    active.refresh_from_db()
    assert active.status == Status.ACTIVE
    assert not ApprovalRound.objects.exists()


def test_with_the_checklist_submitted_the_withdrawal_goes_for_a_decision(active):
    checklist(active, active.lead_officer, submit=True)
    withdraw(active)
    active.refresh_from_db()
    assert active.status == Status.WITHDRAWING
    assert sd.POLICY.withdrawal_missing(active) == []


def test_the_refusal_on_the_withdrawal_page_links_to_the_checklist(active, lead_officer_client):
    response = lead_officer_client.post(
        reverse("approvals:withdraw", args=[active.reference]), WITHDRAWAL
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f'<a href="{fill_url(active)}">{escape(REFUSAL)}</a>' in page
    active.refresh_from_db()
    assert active.status == Status.ACTIVE


def test_the_officer_reaches_the_checklist_from_the_arrangement_page_fills_it_and_withdraws(
    active, lead_officer_client
):
    page = lead_officer_client.get(active.get_absolute_url()).content.decode()
    assert f'href="{fill_url(active)}"' in page
    assert escape(sd.EVALUATION_CHECKLIST.title) in page
    form = lead_officer_client.get(fill_url(active))
    assert form.status_code == 200
    assert "Save as draft" in form.content.decode()
    submitted = lead_officer_client.post(
        fill_url(active), {**complete_answers(CHECKLIST), "action": "submit"}
    )
    assert submitted.status_code == 302
    saved = FormResponse.objects.get(arrangement=active, form_key=CHECKLIST.key)
    assert (saved.occasion, saved.status) == (CESSATION.key, FormStatus.SUBMITTED)
    withdrawn = lead_officer_client.post(
        reverse("approvals:withdraw", args=[active.reference]), WITHDRAWAL
    )
    assert withdrawn.status_code == 302
    active.refresh_from_db()
    assert active.status == Status.WITHDRAWING


def test_the_checklist_link_is_not_offered_to_someone_who_cannot_withdraw(active, client_for):
    page = client_for(Role.INTERNAL_AUDIT).get(active.get_absolute_url()).content.decode()
    assert fill_url(active) not in page


def test_a_required_answer_missing_from_the_checklist_is_refused_and_nothing_is_saved(
    active, lead_officer_client
):
    data = {**complete_answers(CHECKLIST), "aims_met": "", "action": "submit"}
    response = lead_officer_client.post(fill_url(active), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert (
        escape(
            "Answer: Does/did the partnership meet its aims and objectives as outlined in the "
            "partnership agreement?"
        )
        in page
    )
    assert not FormResponse.objects.exists()


def test_a_draft_arrangement_has_no_cessation_checklist_to_fill(
    south_derbyshire, lead_officer_client
):
    draft = ArrangementFactory(lead_officer=lead_officer_client.user, complete=True)
    response = lead_officer_client.post(
        fill_url(draft), {**complete_answers(CHECKLIST), "action": "submit"}
    )
    assert response.status_code == 403
    assert not FormResponse.objects.exists()


@pytest.mark.parametrize("council", ["gravesham", "dartford", "central_bedfordshire", "brentwood"])
def test_other_councils_need_no_cessation_checklist_to_withdraw(council, lead_officer):
    arrangement = ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer, complete=True)
    policy = get_policy(council)
    assert policy.review_plan(arrangement).on_ending is None
    assert policy.withdrawal_missing(arrangement) == []
