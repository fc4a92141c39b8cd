"""The approval pages: inbox, decision page, record, withdrawal, deputies and interests."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from approvals.models import Decision, Deputy, Outcome
from register.choices import Status
from register.roles import Role
from tests.approvals_helpers import approve_everything, other_partnership, pending, person
from tests.test_approvals import submit
from tests.test_arrangement_form import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def approval_round():
    return submit(other_partnership())


@pytest.fixture
def monitoring_officer():
    return person(Role.MONITORING_OFFICER, first_name="Richard", last_name="Ellis")


def test_awaiting_my_decision_lists_what_the_user_may_act_on(
    client_for, approval_round, monitoring_officer
):
    client = client_for(monitoring_officer)
    page = client.get(reverse("approvals:inbox")).content.decode()
    assert approval_round.arrangement.reference in page
    assert "Opinion of the Monitoring Officer (or Deputy Monitoring Officer)" in page
    client = client_for(person(Role.DIRECTOR))
    assert (
        approval_round.arrangement.reference
        not in client.get(reverse("approvals:inbox")).content.decode()
    )


def test_the_lead_officer_sees_who_the_arrangement_is_waiting_on(
    client_for, approval_round, monitoring_officer
):
    arrangement = approval_round.arrangement
    client = client_for(arrangement.lead_officer)
    page = client.get(arrangement.get_absolute_url()).content.decode()
    assert "Waiting on" in page
    assert "Richard Ellis" in page


def test_the_decision_page_shows_the_arrangement_and_records_a_decision(
    client_for, approval_round, monitoring_officer
):
    step = pending(approval_round)[0]
    client = client_for(monitoring_officer)
    url = reverse("approvals:decide", args=[step.pk])
    page = client.get(url)
    exit_strategy = approval_round.arrangement.exit_strategy.replace("'", "&#x27;")
    assert exit_strategy in page.content.decode()
    token = page.context["form"]["token"].value()
    response = client.post(url, {"outcome": "endorse", "comment": "", "token": token})
    assert response.status_code == 302
    again = client.post(url, {"outcome": "endorse", "comment": "", "token": token})
    assert again.status_code in (302, 403)  # done: the step is no longer open to act on
    assert Decision.objects.count() == 1


BAD_DECISIONS = [
    ({"outcome": ""}, "outcome", "Select whether you endorse it"),
    (
        {"outcome": "not_endorse", "comment": ""},
        "comment",
        "Enter your opinion: anything but a plain endorsement must say why",
    ),
    ({"outcome": "approve"}, "outcome", "Select a valid choice"),
    (
        {"outcome": "not_endorse", "comment": "x" * 5001},
        "comment",
        "Your opinion must be 5,000 characters or fewer",
    ),
]


@pytest.mark.parametrize(("data", "field", "message"), BAD_DECISIONS)
def test_bad_decisions_are_explained_and_nothing_is_recorded(
    client_for, approval_round, monitoring_officer, data, field, message
):
    step = pending(approval_round)[0]
    client = client_for(monitoring_officer)
    response = client.post(
        reverse("approvals:decide", args=[step.pk]), {"comment": "", "token": "t1", **data}
    )
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert "govuk-error-summary" in response.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.parametrize("who", ["lead officer", "director", "internal audit"])
def test_the_decision_page_is_refused_to_those_who_may_not_act(client_for, approval_round, who):
    user = {
        "lead officer": approval_round.arrangement.lead_officer,
        "director": person(Role.DIRECTOR),
        "internal audit": person(Role.INTERNAL_AUDIT),
    }[who]
    client = client_for(user)
    step = pending(approval_round)[0]
    assert client.get(reverse("approvals:decide", args=[step.pk])).status_code == 403


def test_the_approval_record_shows_every_step_person_outcome_and_policy(client_for, approval_round):
    approve_everything(approval_round)
    arrangement = approval_round.arrangement
    client = client_for(person(Role.INTERNAL_AUDIT))
    page = client.get(reverse("approvals:record", args=[arrangement.reference])).content.decode()
    assert "Gravesham Borough Council, Working in Partnership Framework 2021" in page
    for decision in Decision.objects.all():
        assert escape(decision.decided_by.get_full_name()) in page  # O'Brien: O&#x27;Brien
    assert page.count("<strong>Approve</strong>") == 3
    assert page.count("<strong>Endorse</strong>") == 2


def test_the_record_of_another_officers_draft_is_not_found(client_for):
    arrangement = other_partnership()
    client = client_for(person(Role.LEAD_OFFICER))
    assert client.get(reverse("approvals:record", args=[arrangement.reference])).status_code == 404


@pytest.fixture
def active(approval_round):
    approve_everything(approval_round)
    arrangement = approval_round.arrangement
    arrangement.refresh_from_db()
    return arrangement


def test_withdrawal_needs_a_reason_and_an_end_date(client_for, active):
    client = client_for(active.lead_officer)
    url = reverse("approvals:withdraw", args=[active.reference])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["reason"] == ["Enter the reason for withdrawing"]
    assert errors["end_date"] == ["Enter the date the council's involvement ends"]
    active.refresh_from_db()
    assert active.status == Status.ACTIVE


def test_withdrawal_is_requested_from_the_arrangement(client_for, active):
    client = client_for(active.lead_officer)
    response = client.post(
        reverse("approvals:withdraw", args=[active.reference]),
        {"reason": "Objectives met", "end_date_0": "31", "end_date_1": "3", "end_date_2": "2027"},
    )
    assert response.status_code == 302
    active.refresh_from_db()
    assert active.status == Status.WITHDRAWING


def test_withdrawal_of_a_draft_is_refused(client_for):
    arrangement = other_partnership()
    client = client_for(arrangement.lead_officer)
    assert (
        client.get(reverse("approvals:withdraw", args=[arrangement.reference])).status_code == 403
    )


def test_a_material_change_to_an_active_arrangement_routes_it_again(client_for, active):
    client = client_for(active.lead_officer)
    response = client.post(
        reverse("register:edit", args=[active.reference]),
        form_data(active, cash_per_year="75000", staff_cost_per_year="0", is_statutory="False"),
    )
    assert response.status_code == 302
    active.refresh_from_db()
    assert active.status == Status.IN_APPROVAL
    assert active.category == "significant"
    assert "its category changed from Other to Significant" in active.status_reason
    assert active.rounds.filter(purpose="reapproval", closed_at__isnull=True).exists()


def test_a_change_that_is_not_material_keeps_it_active(client_for, active):
    client = client_for(active.lead_officer)
    client.post(
        reverse("register:edit", args=[active.reference]),
        form_data(
            active,
            cash_per_year="2000",
            staff_cost_per_year="0",
            purpose="A clearer purpose",
            is_statutory="False",
        ),
    )
    active.refresh_from_db()
    assert (active.status, active.purpose) == (Status.ACTIVE, "A clearer purpose")


def test_a_deputy_is_named_for_a_period(client_for):
    holder, deputy = person(Role.SECTION_151_OFFICER), person(Role.LEAD_OFFICER, first_name="Amrit")
    client = client_for(holder)
    response = client.post(
        reverse("approvals:deputies"),
        {
            "role": Role.SECTION_151_OFFICER,
            "deputy": deputy.pk,
            "starts_0": "1",
            "starts_1": "12",
            "starts_2": "2026",
            "ends_0": "24",
            "ends_1": "12",
            "ends_2": "2026",
        },
    )
    assert response.status_code == 302
    assert Deputy.objects.get().ends == datetime.date(2026, 12, 24)


def test_a_deputy_period_ending_before_it_starts_is_refused(client_for):
    holder, deputy = person(Role.SECTION_151_OFFICER), person(Role.LEAD_OFFICER)
    client = client_for(holder)
    response = client.post(
        reverse("approvals:deputies"),
        {
            "role": Role.SECTION_151_OFFICER,
            "deputy": deputy.pk,
            "starts_0": "24",
            "starts_1": "12",
            "starts_2": "2026",
            "ends_0": "1",
            "ends_1": "12",
            "ends_2": "2026",
        },
    )
    assert response.status_code == 400
    assert (
        "The end date must be the same as or after the start date"
        in response.context["form"].errors["ends"]
    )
    assert not Deputy.objects.exists()


def test_only_ones_own_roles_can_be_deputised(client_for):
    holder, deputy = person(Role.SECTION_151_OFFICER), person(Role.LEAD_OFFICER)
    client = client_for(holder)
    response = client.post(
        reverse("approvals:deputies"),
        {
            "role": Role.MONITORING_OFFICER,
            "deputy": deputy.pk,
            "starts_0": "1",
            "starts_1": "12",
            "starts_2": "2026",
            "ends_0": "2",
            "ends_1": "12",
            "ends_2": "2026",
        },
    )
    assert response.status_code == 400
    assert not Deputy.objects.exists()


def test_declaring_an_interest_takes_the_user_off_the_decision(
    client_for, approval_round, monitoring_officer
):
    arrangement = approval_round.arrangement
    client = client_for(monitoring_officer)
    url = reverse("approvals:interest", args=[arrangement.reference])
    assert client.post(url, {"description": ""}).status_code == 400
    assert client.post(url, {"description": "I sit on a partner's board"}).status_code == 302
    step = pending(approval_round)[0]
    assert client.get(reverse("approvals:decide", args=[step.pk])).status_code == 403


def test_the_outcome_needs_no_comment_for_a_plain_approval():
    from approvals.services import NO_COMMENT_NEEDED

    assert NO_COMMENT_NEEDED == {
        Outcome.APPROVE,
        Outcome.ENDORSE,
        Outcome.AGREE,
        Outcome.DISCUSSED,
    }


def test_money_on_the_decision_page_is_in_pounds(client_for, approval_round, monitoring_officer):
    step = pending(approval_round)[0]
    client = client_for(monitoring_officer)
    page = client.get(reverse("approvals:decide", args=[step.pk])).content.decode()
    assert "£1,000" in page
    assert Decimal("1000") == approval_round.arrangement.council_resources_per_year


def test_the_inbox_costs_the_same_queries_however_many_steps_wait(client_for, monitoring_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def inbox_queries():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("approvals:inbox"))
        return len(queries)

    client = client_for(monitoring_officer)
    submit(other_partnership())
    with_one = inbox_queries()
    for _ in range(5):
        submit(other_partnership())
    assert inbox_queries() == with_one
