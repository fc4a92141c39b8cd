"""Pages that must refuse, and say why: found by the page walk."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from approvals import services
from approvals.models import ApprovalStep, StepStatus
from register.choices import Status
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, person, someone_for
from tests.test_approvals import approve_everything_in_stage_0, submit

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


# Who may act (issue 10, point 6) -------------------------------------------------------------


@pytest.mark.parametrize(
    "days_from_submission, refused",
    [
        (-1, "on or after the day it was sent for approval"),
        (0, None),  # met the day it was sent
        (1, "today or in the past"),  # tomorrow: the meeting has not happened yet
    ],
)
def test_a_bodys_meeting_date_is_neither_in_the_future_nor_before_the_submission(
    days_from_submission, refused
):
    approval_round = submit(other_partnership(is_statutory=True))  # G: Management Team
    approve_everything_in_stage_0(approval_round)
    body = next(s for s in pending(approval_round) if s.at_a_meeting)
    met = timezone.localdate() + datetime.timedelta(days=days_from_submission)
    if refused is None:
        assert decide(body, someone_for(body), meeting_date=met).meeting_date == met
    else:
        with pytest.raises(ValidationError, match=refused):
            decide(body, someone_for(body), meeting_date=met)


def test_the_other_statutory_opinion_comes_from_someone_else(client_for):
    approval_round = submit(other_partnership())
    opinions = {Role(s.role): s for s in pending(approval_round) if s.kind == "opinion"}
    officer = person(Role.MONITORING_OFFICER)
    officer.groups.add(*person(Role.SECTION_151_OFFICER).groups.all())  # holds both roles
    decide(opinions[Role.MONITORING_OFFICER], officer)

    with pytest.raises(ValidationError, match="the other statutory opinion"):
        decide(opinions[Role.SECTION_151_OFFICER], officer)
    page = client_for(officer).get(
        reverse("approvals:decide", args=[opinions[Role.SECTION_151_OFFICER].pk])
    )
    assert page.status_code == 403
    assert "someone else must give this one" in page.content.decode()


@pytest.mark.parametrize("role", [Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY])
def test_a_read_only_role_cannot_be_named_a_deputy(client_for, role):
    monitoring_officer = person(Role.MONITORING_OFFICER)
    auditor = person(role)
    client = client_for(monitoring_officer)
    page = client.get(reverse("approvals:deputies")).content.decode()
    assert f'value="{auditor.pk}"' not in page  # not offered
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="changes nothing"):
        services.name_deputy(
            holder=monitoring_officer,
            deputy=auditor,
            role=Role.MONITORING_OFFICER,
            starts=today,
            ends=today,
        )
    assert not monitoring_officer.deputies.exists()


DEPUTY_CASES = [
    # (the holder's role, the deputy's roles, refused)
    (Role.MONITORING_OFFICER, [Role.SECTION_151_OFFICER], True),
    (Role.SECTION_151_OFFICER, [Role.MONITORING_OFFICER], True),
    (Role.SECTION_151_OFFICER, [Role.DEPUTY_MONITORING_OFFICER], True),
    (Role.MONITORING_OFFICER, [Role.DEPUTY_MONITORING_OFFICER], False),
    (Role.SECTION_151_OFFICER, [Role.LEAD_OFFICER], False),
    (Role.LEADER, [Role.SECTION_151_OFFICER], False),  # not a statutory opinion
]


@pytest.mark.parametrize(
    ("role", "deputy_roles", "refused"),
    DEPUTY_CASES,
    ids=[f"{r.label} names a {', '.join(d.label for d in ds)}" for r, ds, _ in DEPUTY_CASES],
)
def test_whoever_gives_one_statutory_opinion_cannot_be_named_to_give_the_other(
    client_for, role, deputy_roles, refused
):
    """The Monitoring Officer's and the Section 151 Officer's opinions come from two people
    (DOMAIN.md section 4), so neither names the other as deputy."""
    holder = person(role)
    deputy = person(deputy_roles[0])
    today = timezone.localdate()
    response = client_for(holder).post(
        reverse("approvals:deputies"),
        {
            "role": role.value,
            "deputy": deputy.pk,
            **{f"starts_{i}": v for i, v in enumerate((today.day, today.month, today.year))},
            **{f"ends_{i}": v for i, v in enumerate((today.day, today.month, today.year))},
        },
    )
    if refused:
        assert response.status_code == 400
        assert "who gives the other statutory opinion" in response.content.decode()
        assert not holder.deputies.exists()
    else:
        assert response.status_code == 302, response.content.decode()
        assert holder.deputies.get().deputy == deputy
