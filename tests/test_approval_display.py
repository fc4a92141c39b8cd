"""What people see about a decision (issue 10, point 9): how an active arrangement was approved
(with conditions, and what they are), conditional support and the next review date; who it
is waiting on and since when, and any 'do not endorse', on the arrangement page and in
'My arrangements'; and the officer's return to 'Awaiting my decision' after deciding."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from approvals.models import ApprovalStep, Outcome, StepStatus
from register.choices import ArrangementType, DocumentKind, Kind, Status
from register.formatting import long_date
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
from tests.factories import DocumentFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db

CONDITIONS = "Subject to a data sharing agreement signed by every partner within six months."


def page_of(client, arrangement):
    return client.get(arrangement.get_absolute_url()).content.decode()


def text_of(html):
    """The page's words with the markup and spacing taken out, for phrases across tags."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# How it was approved ------------------------------------------------------------------------

APPROVALS = [
    # (case, the Director's outcome, what the page says, the conditions shown)
    ("approved", Outcome.APPROVE, "Approved On", None),
    (
        "approved with conditions",
        Outcome.APPROVE_WITH_CONDITIONS,
        "Approved with conditions",
        CONDITIONS,
    ),
]


@pytest.mark.parametrize(
    ("case", "outcome", "heading", "conditions"), APPROVALS, ids=[c[0] for c in APPROVALS]
)
def test_an_active_arrangement_shows_how_it_was_approved_and_its_next_review_G_2_14(
    client_for, case, outcome, heading, conditions
):
    arrangement = other_partnership()
    approve_everything(
        submit(arrangement),
        outcome_for=lambda step: outcome if step.role == Role.DIRECTOR else None,
        comment_for=lambda step: CONDITIONS if step.role == Role.DIRECTOR else "",
    )
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE

    html = page_of(client_for(arrangement.lead_officer), arrangement)
    page = text_of(html)

    assert heading in page
    review = get_policy().next_review_due(timezone.localdate())
    assert f"Next review due {long_date(review)}" in page
    assert "Approve: Leader of the Executive" in page
    if conditions:
        assert f"Conditions relevant Director: {escape(conditions)}" in page
    else:
        assert 'id="approval-conditions"' not in html


@pytest.fixture
def brentwood(settings):
    settings.COUNCIL_POLICY = "brentwood"
    return get_policy()


def test_conditional_support_shows_until_when_B_conditional_support(client_for, brentwood):
    from tests.test_approvals import brentwood_borough_partnership

    arrangement = brentwood_borough_partnership()
    until = brentwood.conditional_support_ends(timezone.localdate())
    step = pending(submit(arrangement))[0]
    decide(
        step,
        someone_for(step),
        Outcome.CONDITIONAL_SUPPORT,
        comment="Pending the bid",
        support_until=until,
    )

    page = text_of(page_of(client_for(arrangement.lead_officer), arrangement))

    assert "Conditional support given On" in page
    assert f"Conditional support until {long_date(until)}" in page
    assert "Next review due Not set" in page


def test_a_draft_never_sent_for_approval_shows_no_approval(client_for):
    arrangement = other_partnership()
    page = page_of(client_for(arrangement.lead_officer), arrangement)
    assert 'id="how-approved"' not in page
    assert 'id="approval-heading"' not in page


# Who it is waiting on, since when -------------------------------------------------------------


def significant_partnership():
    """Gravesham 'significant' (G 1.11b): opinions, Management Team, then the Members."""
    return other_partnership(cash_per_year=Decimal("50000"))


def full_shared_service():
    arrangement = other_partnership(
        kind=Kind.SHARED_SERVICE, type=ArrangementType.FULL_SHARED_SERVICE
    )
    DocumentFactory(arrangement=arrangement, kind=DocumentKind.BUSINESS_CASE)  # G 3.7
    return arrangement


def open_to(kind, arrangement):
    """Send it for approval and decide until a step of this kind is waiting."""
    approval_round = submit(arrangement)
    while not any(step.kind == kind for step in pending(approval_round)):
        assert approval_round.is_open, f"the route has no {kind} step"
        for step in pending(approval_round):
            decide(ApprovalStep.objects.get(pk=step.pk), someone_for(step))
        approval_round.refresh_from_db()
    return next(step for step in pending(approval_round) if step.kind == kind)


WAITING = [
    # (case, arrangement, step kind, role of whoever may act, what the step is called)
    (
        "opinion G 2.6",
        other_partnership,
        StepKind.OPINION,
        Role.MONITORING_OFFICER,
        "Opinion of the Monitoring Officer (or Deputy Monitoring Officer)",
    ),
    (
        "decision G 2.14b",
        other_partnership,
        StepKind.DECISION,
        Role.DIRECTOR,
        "Approval by the relevant Director",
    ),
    (
        "discussion G 2.14a",
        significant_partnership,
        StepKind.DISCUSSION,
        Role.DEMOCRATIC_SERVICES,
        "Management Team",
    ),
    (
        "body G 3.10a",
        full_shared_service,
        StepKind.BODY_DECISION,
        Role.DEMOCRATIC_SERVICES,
        "Cabinet",
    ),
]
WAITED = [(0, "opened today"), (1, "1 day"), (12, "12 days")]


@pytest.mark.parametrize(
    ("case", "make", "kind", "role", "described"), WAITING, ids=[c[0] for c in WAITING]
)
@pytest.mark.parametrize(("days", "waited"), WAITED, ids=[w[1] for w in WAITED])
@pytest.mark.parametrize("where", ["arrangement page", "my arrangements"])
def test_the_lead_officer_sees_who_it_waits_on_and_since_when(
    client_for, case, make, kind, role, described, days, waited, where
):
    holder = person(role, first_name="Robin", last_name="Waites")
    arrangement = make()
    step = open_to(kind, arrangement)
    since = timezone.localdate() - datetime.timedelta(days=days)
    ApprovalStep.objects.filter(pk=step.pk).update(
        updated_at=timezone.make_aware(datetime.datetime.combine(since, datetime.time(12)))
    )
    client = client_for(arrangement.lead_officer)
    url = (
        arrangement.get_absolute_url() if where == "arrangement page" else reverse("register:mine")
    )

    page = text_of(client.get(url).content.decode())

    assert described in page
    assert "Robin Waites" in page
    assert f"since {long_date(since)} ({waited})" in page
    assert holder.pk != arrangement.lead_officer_id


def test_nobody_in_the_role_is_said_plainly(client_for):
    arrangement = other_partnership()
    submit(arrangement)  # no Monitoring Officer or Section 151 Officer exists
    page = text_of(page_of(client_for(arrangement.lead_officer), arrangement))
    assert "nobody holds this role yet – ask an administrator, since" in page


# Do not endorse -------------------------------------------------------------------------------

ADVICE = "The budget is not yet agreed by the partners."


@pytest.mark.parametrize("where", ["arrangement page", "my arrangements"])
@pytest.mark.parametrize("stage", ["while it waits on the decisions", "once it is approved"])
def test_a_do_not_endorse_is_shown_to_the_lead_officer_G_2_6(client_for, where, stage):
    arrangement = other_partnership()
    approval_round = submit(arrangement)
    s151 = next(s for s in pending(approval_round) if s.role == Role.SECTION_151_OFFICER)
    adviser = person(Role.SECTION_151_OFFICER, first_name="Sarah", last_name="Whitfield")
    decide(s151, adviser, Outcome.NOT_ENDORSE, comment=ADVICE)
    if stage == "once it is approved":
        approve_everything(approval_round)
    client = client_for(arrangement.lead_officer)
    url = (
        arrangement.get_absolute_url() if where == "arrangement page" else reverse("register:mine")
    )

    page = text_of(client.get(url).content.decode())

    assert "Not endorsed by Sarah Whitfield (Section 151 Officer) on" in page
    assert escape(ADVICE) in page


def test_a_corrected_do_not_endorse_is_no_longer_shown(client_for):
    from approvals import services

    arrangement = other_partnership()
    approval_round = submit(arrangement)
    s151 = next(s for s in pending(approval_round) if s.role == Role.SECTION_151_OFFICER)
    adviser = person(Role.SECTION_151_OFFICER)
    advice = decide(s151, adviser, Outcome.NOT_ENDORSE, comment=ADVICE)
    services.correct_decision(
        decision=advice,
        user=adviser,
        outcome=Outcome.ENDORSE,
        comment="",
        reason="The partners agreed the budget",
        token="correction-1",
    )
    page = page_of(client_for(arrangement.lead_officer), arrangement)
    assert "Not endorsed" not in page


# 'My arrangements' in a constant number of queries ----------------------------------------


def test_my_arrangements_costs_the_same_queries_for_one_or_many_in_approval(client_for):
    officer = person(Role.LEAD_OFFICER)
    client = client_for(officer)
    person(Role.MONITORING_OFFICER)
    person(Role.SECTION_151_OFFICER)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("register:mine"))
        assert response.status_code == 200
        return len(captured)

    first = other_partnership(lead_officer=officer)
    decide(
        next(s for s in pending(submit(first)) if s.role == Role.SECTION_151_OFFICER),
        person(Role.SECTION_151_OFFICER),
        Outcome.NOT_ENDORSE,
        comment=ADVICE,
    )
    with_one = queries()
    for _ in range(4):
        submit(other_partnership(lead_officer=officer))
    assert queries() == with_one


# After a decision ---------------------------------------------------------------------------


def test_after_recording_a_decision_the_officer_returns_to_awaiting_my_decision(client_for):
    arrangement = other_partnership()
    step = pending(submit(arrangement))[0]
    officer = someone_for(step)
    client = client_for(officer)
    url = reverse("approvals:decide", args=[step.pk])
    token = client.get(url).context["form"]["token"].value()

    response = client.post(url, {"outcome": "endorse", "comment": "", "token": token}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("approvals:inbox")
    assert "Your opinion has been recorded" in response.content.decode()
    assert ApprovalStep.objects.get(pk=step.pk).status == StepStatus.DONE
