"""The start page and the dashboard in Chromium (issue 14, points 1 and 2): the Monitoring
Officer signs in, lands on what needs them, and goes from it to the decision; the register
owner follows a square of the heatmap to its risks."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from register.choices import Status
from register.roles import Role
from tests.approvals_helpers import other_partnership, pending
from tests.factories import ArrangementFactory, RiskFactory, UserFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.browser


def test_the_monitoring_officer_lands_on_the_decision_waiting_and_goes_to_it(
    page, sign_in, assert_accessible
):
    approval_round = submit(other_partnership(status=Status.DRAFT, name="Riverside Rangers"))
    step = next(s for s in pending(approval_round) if s.role == Role.MONITORING_OFFICER)
    type(step).objects.filter(pk=step.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=4)
    )
    monitoring_officer = UserFactory(roles=[Role.MONITORING_OFFICER])

    sign_in(monitoring_officer)

    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you now")
    home = page.get_by_role("navigation", name="Menu").get_by_role("link", name="Home")
    expect(home).to_have_text("Home 1 need you now")
    decisions = page.locator("section#decisions")
    expect(decisions).to_contain_text("Riverside Rangers")
    expect(decisions).to_contain_text("waiting 4 days")
    assert_accessible(page)

    decisions.get_by_role("link", name="Opinion of the Monitoring Officer").click()
    expect(page).to_have_url(f"/approvals/steps/{step.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Opinion of the Monitoring Officer (or Deputy Monitoring Officer)"
    )
    expect(page.locator("main")).to_contain_text("Riverside Rangers")


def test_the_register_owner_follows_a_square_of_the_heatmap_to_its_risks(
    page, sign_in, assert_accessible
):
    active = ArrangementFactory(status=Status.ACTIVE, name="Cleaner Streets Partnership")
    RiskFactory(arrangement=active, likelihood=5, impact=4, description="Contractor fails")
    RiskFactory(arrangement=active, likelihood=1, impact=1, description="Minor delay")
    sign_in(UserFactory(roles=[Role.REGISTER_OWNER]))

    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register dashboard")
    assert_accessible(page)
    # The square of likelihood 5 and impact 4, clicked where it is drawn.
    page.locator("svg.app-heatmap a[href*='likelihood=5&impact=4']").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Risks of the arrangements in operation"
    )
    expect(page.get_by_role("status")).to_have_text("1 risk")
    expect(page.locator("main table")).to_contain_text("Contractor fails")
    expect(page.locator("main table")).not_to_contain_text("Minor delay")
    assert_accessible(page)
