"""A lead officer's journeys through the portal, in Chromium against the live server."""

import re

import pytest
from playwright.sync_api import expect

from register.choices import Kind, Sector, Status
from register.models import Arrangement
from register.policies.base import SCREENING_KEYS
from tests.factories import ScreeningFactory

pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"^PA-\d{4}-\d{4}$")


def test_pages_load_their_styles_and_scripts(page):
    """The live server serves /static/: the stylesheet applies and GOV.UK Frontend starts
    (its inline bootstrap script carries the CSP nonce)."""
    page.goto("/sign-in/")
    responses = {
        path: page.request.get(path)
        for path in ("/static/build/application.css", "/static/build/govuk-frontend.js")
    }
    for path, response in responses.items():
        assert response.status == 200, f"{path}: {response.status}"
    assert "text/css" in responses["/static/build/application.css"].headers["content-type"]
    assert page.evaluate("() => getComputedStyle(document.body).marginTop") == "0px"
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    expect(page.locator(".govuk-skip-link")).to_have_attribute("data-govuk-skip-link-init", "")


def test_signing_in_returns_to_the_page_asked_for(page, officer):
    page.goto("/arrangements/mine/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/arrangements/mine/"))
    page.locator("input[name=username]").fill(officer.username)
    page.locator("input[name=password]").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a correct username and password"
    )
    page.locator("input[name=password]").fill("demo-password-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/arrangements/mine/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My arrangements")


def create_url(officer):
    screening = ScreeningFactory(screened_by=officer)
    return f"/arrangements/new/?screening={screening.pk}"


def test_lead_officer_records_an_arrangement_and_adds_a_partner(page, officer, sign_in):
    sign_in(officer)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Record an arrangement"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the arrangement is covered")
    page.get_by_label("What is the proposed arrangement called?").fill(
        "Gravesend Town Centre Partnership"
    )
    for key in SCREENING_KEYS:
        page.locator(f"input[name={key}][value=False]").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an arrangement")

    expect(page.get_by_label("Name of the arrangement")).to_have_value(
        "Gravesend Town Centre Partnership"
    )
    page.get_by_role("group", name="Is it a partnership or a shared service?").get_by_label(
        "Partnership", exact=True
    ).check()
    page.locator("#id_type").select_option("delivery")
    page.get_by_label("Purpose, aims and objectives").fill("A safer, busier town centre.")
    page.get_by_label("Area of operation").fill("Gravesend town centre")
    page.locator("#id_cash_per_year").fill("12500")
    page.get_by_role("button", name="Save as draft").click()

    # What next, under its new reference; then the arrangement page.
    expect(page).to_have_url(re.compile(r"/arrangements/PA-\d{4}-\d{4}/next/$"))
    reference = page.locator("main .govuk-caption-l").inner_text().strip()
    assert REFERENCE.match(reference), reference
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{reference} saved")
    page.get_by_role("link", name="Go to the arrangement's page").click()
    expect(page).to_have_url(re.compile(rf"/arrangements/{reference}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Gravesend Town Centre Partnership")
    expect(page.locator("main")).to_contain_text("Delivery partnership")
    expect(page.locator("main")).to_contain_text("£12,500")
    arrangement = Arrangement.objects.get(reference=reference)
    assert arrangement.kind == Kind.PARTNERSHIP
    assert arrangement.status == Status.DRAFT
    assert arrangement.created_by == officer

    # Add a partner.
    page.get_by_role("link", name="Add a partner", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a partner")
    page.locator("#id_name").fill("Kent Police")
    page.locator("#id_sector").select_option(Sector.POLICE_FIRE.value)
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/arrangements/{reference}/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The partner has been saved")
    partners = page.locator("table", has=page.locator("caption", has_text="Partners"))
    expect(partners).to_contain_text("Kent Police")
    expect(partners).to_contain_text("Police, fire and rescue")

    # The history names the officer for both changes.
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    entries = page.locator("main ol > li h2")
    expect(entries.first).to_have_text("Priya Sharma added partner ‘Kent Police’")
    expect(entries.last).to_have_text("Priya Sharma recorded the arrangement")


def test_error_summary_links_move_focus_to_the_fields(page, officer, sign_in):
    sign_in(officer)
    page.goto(create_url(officer))
    page.locator("#id_name").fill("")
    page.locator("#id_cash_per_year").fill("abc")
    page.get_by_role("button", name="Save as draft").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary on load
    summary.get_by_role("link", name="Enter the name of the arrangement").click()
    expect(page.get_by_label("Name of the arrangement")).to_be_focused()

    summary.get_by_role("link", name=re.compile("cash a year as a number")).click()
    cash = page.locator("#id_cash_per_year")
    expect(cash).to_be_focused()
    expect(cash).to_have_value("abc")  # what the officer typed is kept, to be corrected
