"""axe-core finds no WCAG 2.2 A/AA violations on the main pages, as rendered in Chromium with
the real stylesheet (so colour contrast is checked too)."""

import re

import pytest
from playwright.sync_api import expect

from register.choices import Status
from register.roles import Role
from tests.factories import (
    ArrangementFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    MeasureResultFactory,
    PerformanceMeasureFactory,
    ScreeningFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


def test_sign_in_page(page, assert_accessible):
    page.goto("/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")
    assert_accessible(page)


def test_sign_in_page_with_errors(page, assert_accessible):
    page.goto("/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your username")
    assert_accessible(page)


def test_register_list(page, officer, sign_in, assert_accessible):
    for _ in range(3):
        ArrangementFactory(complete=True, lead_officer=officer)
    ArrangementFactory(complete=True, status=Status.ACTIVE, lead_officer=UserFactory())
    sign_in(officer)
    page.goto("/arrangements/")
    expect(page.locator("table.govuk-table tbody tr")).to_have_count(4)
    assert_accessible(page)


def test_arrangement_page(page, officer, sign_in, assert_accessible):
    arrangement = ArrangementFactory(complete=True, lead_officer=officer)
    CouncilRepresentativeFactory(arrangement=arrangement)
    measure = PerformanceMeasureFactory(objective__arrangement=arrangement)
    MeasureResultFactory(measure=measure)
    DocumentFactory(arrangement=arrangement)
    sign_in(officer)
    page.goto(arrangement.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(arrangement.name)
    assert_accessible(page)


def test_history_page(page, officer, sign_in, assert_accessible):
    arrangement = ArrangementFactory(complete=True, lead_officer=officer)
    sign_in(officer)
    page.goto(arrangement.get_absolute_url())
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    assert_accessible(page)


def test_arrangement_form_with_errors(page, officer, sign_in, assert_accessible):
    sign_in(officer)
    screening = ScreeningFactory(screened_by=officer)
    page.goto(f"/arrangements/new/?screening={screening.pk}")
    page.locator("#id_name").fill("")
    page.locator("#id_cash_per_year").fill("abc")
    page.get_by_role("button", name="Save as draft").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Enter the name of the arrangement")
    expect(summary).to_contain_text("Enter the council's cash a year as a number of pounds")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)


def test_add_a_partner_form_with_errors(page, officer, sign_in, assert_accessible):
    arrangement = ArrangementFactory(lead_officer=officer)
    sign_in(officer)
    page.goto(arrangement.get_absolute_url())
    page.get_by_role("link", name="Add a partner", exact=True).click()
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the name of the partner organisation")
    expect(summary).to_contain_text("Select the partner's sector")
    assert_accessible(page)


def test_screening_with_errors_and_out_of_scope_answer(page, officer, sign_in, assert_accessible):
    sign_in(officer)
    page.goto("/arrangements/new/screening/")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the name of the proposed arrangement"
    )
    assert_accessible(page)

    page.get_by_label("What is the proposed arrangement called?").fill("Leisure centre contract")
    page.locator("input[name=client_contractor][value=True]").check()
    for key in ("commissioning", "grant", "informal_forum"):
        page.locator(f"input[name={key}][value=False]").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("is not covered")
    expect(page.locator("main")).to_contain_text("formal client-contractor contract (G 1.18)")
    assert_accessible(page)


def test_dartford_scorecard_page_with_errors(page, officer, sign_in, assert_accessible, settings):
    settings.COUNCIL_POLICY = "dartford"
    arrangement = ArrangementFactory(lead_officer=officer)
    sign_in(officer)
    page.goto(arrangement.get_absolute_url())
    expect(page.locator("#route")).to_contain_text("Partnership Significance Assessment")
    page.goto(f"{arrangement.get_absolute_url()}checklists/scorecard/")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_recategorise_page_with_errors(page, sign_in, assert_accessible):
    owner = UserFactory(roles=[Role.REGISTER_OWNER], first_name="Karen", last_name="Fletcher")
    arrangement = ArrangementFactory(status="active")
    sign_in(owner)
    page.goto(arrangement.get_absolute_url())
    page.get_by_role("link", name="Re-categorise the arrangement").click()
    page.locator("input[name=category][value=significant]").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the reason for re-categorising it"
    )
    assert_accessible(page)
