"""Pages that must refuse, and say why: found by the page walk."""

import pytest
from django.urls import reverse

from approvals.models import ApprovalStep, StepStatus
from register.choices import Status
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, person, someone_for
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db


def test_a_decision_page_for_a_step_waiting_on_an_earlier_stage_says_it_is_not_ready(
    client_for,
):
    approval_round = submit(other_partnership())
    waiting = approval_round.steps.filter(status=StepStatus.WAITING).first()
    client = client_for(person(Role(waiting.role)))
    response = client.get(reverse("approvals:decide", args=[waiting.pk]))
    assert response.status_code == 403
    assert "This is not yet ready for a decision" in response.content.decode()


def test_a_decision_page_opened_again_after_deciding_says_it_is_already_decided(client_for):
    approval_round = submit(other_partnership())
    step = pending(approval_round)[0]
    officer = someone_for(step)
    decide(step, officer)
    response = client_for(officer).get(reverse("approvals:decide", args=[step.pk]))
    assert response.status_code == 403
    assert "This has already been decided" in response.content.decode()
    assert ApprovalStep.objects.get(pk=step.pk).decisions.count() == 1


@pytest.mark.parametrize(
    "key",
    [
        "brentwood_partnership_checklist",
        "dartford_minor_governance",
        "south_derbyshire_information_form",
    ],
)
def test_another_councils_template_is_not_found_under_gravesham(lead_officer_client, key):
    arrangement = other_partnership(lead_officer=lead_officer_client.user)
    for name in ("council_forms:fill", "council_forms:pdf"):
        url = reverse(name, args=[arrangement.reference, "approval", key])
        assert lead_officer_client.get(url).status_code == 404, name
    assert lead_officer_client.get(reverse("council_forms:blank", args=[key])).status_code == 404


def test_signing_out_when_already_signed_out_lands_on_sign_in(client):
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")


@pytest.mark.parametrize("role", [Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY])
def test_read_only_roles_declare_no_interest(client_for, role):
    arrangement = other_partnership(status=Status.ACTIVE)
    client = client_for(role)
    url = reverse("approvals:interest", args=[arrangement.reference])
    assert client.get(url).status_code == 403
    assert client.post(url, {"description": "A relative sits on its board"}).status_code == 403
    assert not arrangement.declared_interests.exists()
