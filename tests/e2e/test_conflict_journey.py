"""Two officers edit the same arrangement in two browsers (two Chromium contexts): the
second to save sees the conflict page, and applies what they typed on top."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from register.models import Arrangement
from register.roles import Role
from tests.e2e.conftest import sign_in_on, watched_page
from tests.factories import ArrangementFactory, UserFactory

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")


@pytest.fixture
def other_page(browser, live_server):
    """A second browser context: another officer's browser, watched like `page`."""
    yield from watched_page(browser, live_server, "the other browser")


def test_the_second_officer_to_save_sees_both_versions_and_applies_theirs_on_top(
    page, other_page, officer, assert_accessible
):
    owner = UserFactory(roles=[Role.REGISTER_OWNER], first_name="Sam", last_name="Okoro")
    arrangement = ArrangementFactory(
        lead_officer=officer, complete=True, area="Gravesham", meeting_place="Civic Centre"
    )
    edit = f"/arrangements/{arrangement.reference}/edit/"
    sign_in_on(page, officer).goto(edit)
    sign_in_on(other_page, owner).goto(edit)

    # The register owner saves first.
    other_page.get_by_label("Area of operation").fill("Gravesham and Dartford")
    other_page.get_by_role("button", name="Save as draft").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("saved")

    # The lead officer, still on the page opened before, saves on top of it.
    page.get_by_label("Area of operation").fill("Gravesend town centre")
    page.get_by_label("Meeting place").fill("Woodville Halls <Room 2>")
    page.get_by_role("button", name="Save as draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Someone else changed this while you were editing"
    )
    expect(page.locator("#conflict-summary")).to_contain_text("Sam Okoro saved the arrangement")
    area = page.locator("#differences tr", has_text="Area of operation")
    expect(area.locator("td").nth(0)).to_contain_text("Gravesham and Dartford")
    expect(area.locator("td .govuk-tag")).to_have_text("Changed since you opened it")
    expect(area.locator("td").nth(1)).to_have_text("Gravesend town centre")
    place = page.locator("#differences tr", has_text="Meeting place")
    expect(place.locator("td").nth(0)).to_have_text("Civic Centre")  # only I changed it
    expect(place.locator("td").nth(1)).to_have_text("Woodville Halls <Room 2>")
    assert Arrangement.objects.get(pk=arrangement.pk).area == "Gravesham and Dartford"
    assert_accessible(page)
    SHOTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"conflict-{width}.png", full_page=True)

    page.get_by_role("button", name="Apply mine on top").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"{arrangement.reference} saved"
    )
    saved = Arrangement.objects.get(pk=arrangement.pk)
    assert (saved.area, saved.meeting_place) == (
        "Gravesend town centre",
        "Woodville Halls <Room 2>",
    )
