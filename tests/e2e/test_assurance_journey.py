"""The governance assurance end to end in Chromium (issue 11 point 6; G 6.10; D 6(viii)):
the register owner opens the year's exercise, the responsible officer makes the return
(first with a mistake, said on the page), the Director gives assurance in a browser of
their own, and the register owner reads the annex with the exception first. Under Dartford
the return also flags the Code's categories for the statement."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from register.choices import Status
from register.roles import Role
from reviews.models import AssuranceReturn, AssuranceStatus
from tests.e2e.conftest import sign_in_on, watched_page
from tests.factories import ArrangementFactory, ObjectiveFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.browser

DUE = timezone.localdate() + datetime.timedelta(days=30)


def fill_date(page, name, day):
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"input[name={name}_{part}]").fill(str(value))


@pytest.mark.parametrize("policy", ["gravesham", "dartford"])
def test_the_governance_assurance_is_opened_returned_assured_and_annexed_in_the_browser(
    page, browser, live_server, officer, sign_in, assert_accessible, settings, policy
):
    settings.COUNCIL_POLICY = policy
    director = UserFactory(roles=[Role.DIRECTOR])
    arrangement = ArrangementFactory(
        status=Status.ACTIVE,
        lead_officer=officer,
        service=ServiceFactory(name="Communities", director=director),
    )
    ObjectiveFactory(arrangement=arrangement, description="Run twelve community larders")
    owner = UserFactory(roles=[Role.REGISTER_OWNER])

    sign_in(owner)
    page.goto("/reviews/")
    page.get_by_role(
        "link", name="Governance assurance for the Annual Governance Statement"
    ).click()
    page.get_by_role("link", name="Open the year's exercise").click()
    page.locator("input[name=year]").fill(str(DUE.year))
    fill_date(page, "returns_due_on", DUE)
    assert_accessible(page)
    page.get_by_role("button", name="Open the governance assurance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Governance assurance {DUE.year}")
    expect(page.locator("#progress")).to_contain_text("Awaiting the responsible officer")
    assert_accessible(page)

    officers = watched_page(browser, live_server, "the responsible officer's browser")
    second = next(officers)
    sign_in_on(second, officer)
    second.goto("/reviews/assurance/")
    second.locator("#owed").get_by_role("link").click()
    expect(second.get_by_text("Run twelve community larders")).to_be_visible()
    second.locator("input[name=governance_in_place][value=False]").check()
    second.locator("input[name=meets_objectives][value=True]").check()
    second.get_by_role("button", name="Make my return").click()
    expect(second.locator(".govuk-error-summary")).to_contain_text("Say what is not in place")
    assert second.title().startswith("Error: ")
    assert_accessible(second)
    second.locator("textarea[name=governance_detail]").fill("The terms of reference have lapsed")
    if policy == "dartford":
        second.get_by_label("The issue has led to a material impact on the accounts").check()
    second.get_by_role("button", name="Make my return").click()
    expect(second.locator(".govuk-notification-banner")).to_contain_text("Your return on")
    next(officers, None)

    directors = watched_page(browser, live_server, "the Director's browser")
    third = next(directors)
    sign_in_on(third, director)
    third.goto("/reviews/assurance/")
    third.locator("#owed").get_by_role("link").click()
    expect(third.locator("#answers")).to_contain_text("The terms of reference have lapsed")
    third.locator("input[name=assures][value=True]").check()
    assert_accessible(third)
    third.get_by_role("button", name="Give my assurance").click()
    expect(third.locator(".govuk-notification-banner")).to_contain_text("Your assurance on")
    next(directors, None)

    page.reload()
    expect(page.locator("#outstanding")).to_have_text("Nobody: every return is in.")
    page.get_by_role("link", name="The annex for the Annual Governance Statement").click()
    expect(page.locator("#annex-exceptions")).to_contain_text(arrangement.name)
    if policy == "dartford":
        expect(page.locator("#annex-exceptions")).to_contain_text("material impact on the accounts")
    assert_accessible(page)

    r = AssuranceReturn.objects.get()
    assert (r.status, r.returned_by, r.confirmed_by) == (
        AssuranceStatus.RETURNED,
        officer,
        director,
    )
