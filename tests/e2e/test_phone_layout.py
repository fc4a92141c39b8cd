"""On a 375 px phone (WCAG 1.4.10 reflow), in Chromium: the register list's filters fold away
above the results and open on a tap; on a desktop they are open with no summary; the
arrangement page's tables become labelled blocks, nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from register.choices import ArrangementType, Kind, Status
from register.roles import Role
from tests.factories import (
    ArrangementFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    MeasureResultFactory,
    ObjectiveFactory,
    PartnerFactory,
    PerformanceMeasureFactory,
    RiskFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
WIDEST_TABLE = """() => Math.max(0, ...[...document.querySelectorAll('main table')].map(
    (table) => table.getBoundingClientRect().right))"""


@pytest.fixture
def arrangement(transactional_db):
    """An active arrangement with a row of every table, in long words."""
    lead = UserFactory(roles=[Role.LEAD_OFFICER], first_name="Priya", last_name="Sharma")
    arrangement = ArrangementFactory(
        name="Dementia Friendly Gravesham", status=Status.ACTIVE, lead_officer=lead
    )
    PartnerFactory(
        arrangement=arrangement,
        name="Alzheimer's Society South East and London Regional Office",
        contribution="Volunteers, training for front-line staff and a quarterly newsletter",
    )
    CouncilRepresentativeFactory(arrangement=arrangement, role="Chair of the steering group")
    RiskFactory(
        arrangement=arrangement,
        description="Volunteer numbers fall when the national campaign ends",
        mitigation="Recruit through the Gravesham Volunteer Centre and local employers",
        owner="Community Development Manager",
    )
    measure = PerformanceMeasureFactory(
        objective=ObjectiveFactory(arrangement=arrangement), name="Dementia Friends trained"
    )
    MeasureResultFactory(measure=measure)
    DocumentFactory(arrangement=arrangement, title="Terms of reference 2026")
    return arrangement


@pytest.fixture
def register(transactional_db):
    ArrangementFactory(name="Dementia Friendly Gravesham", status=Status.ACTIVE)
    ArrangementFactory(
        name="Shared Audit Service",
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
        status=Status.ACTIVE,
    )
    return UserFactory(roles=[Role.INTERNAL_AUDIT])


def test_on_a_phone_the_filters_fold_away_above_the_results(
    page, sign_in, register, assert_accessible
):
    page.set_viewport_size(PHONE)
    sign_in(register)
    page.goto("/arrangements/?q=gravesham")
    summary = page.get_by_text("Filter and sort the register")
    expect(summary).to_be_visible()
    expect(page.get_by_label("Status")).to_be_hidden()
    # The search, what is applied, and the results are all on the screen.
    expect(
        page.get_by_label("Search by name, reference, partner or lead organisation")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Search: “gravesham”")).to_be_visible()
    expect(page.locator("tbody tr td[data-label=Name]")).to_have_text(
        ["Dementia Friendly Gravesham"]
    )
    filters_top = summary.bounding_box()["y"]
    assert filters_top < page.locator("table").bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)

    summary.click()
    page.get_by_label("Kind").select_option("shared_service")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("tbody tr td[data-label=Name]")).to_have_count(0)
    page.get_by_role("link", name="Search: “gravesham”").click()
    expect(page.locator("tbody tr td[data-label=Name]")).to_have_text(["Shared Audit Service"])


def test_on_a_desktop_the_filters_are_open_with_no_summary(page, sign_in, register):
    page.set_viewport_size(DESKTOP)
    sign_in(register)
    page.goto("/arrangements/")
    expect(page.get_by_text("Filter and sort the register")).to_be_hidden()
    expect(page.get_by_label("Status")).to_be_visible()
    page.get_by_label("Status").select_option("active")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("link", name="Status: Active")).to_be_visible()


def test_a_type_of_the_wrong_kind_is_refused_on_the_page_even_on_a_phone(
    page, sign_in, register, assert_accessible
):
    page.set_viewport_size(PHONE)
    sign_in(register)
    page.goto("/arrangements/?kind=partnership&type=full_shared_service")
    message = "Full shared service is not a type of partnership"
    expect(page.locator(".govuk-error-summary")).to_contain_text(message)
    # The filters open by themselves to show the refused one, next to its select.
    expect(page.locator("#id_type-error")).to_contain_text(message)
    expect(page.get_by_label("Type")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)


@pytest.mark.parametrize("who", ["lead officer", "auditor"])
def test_on_a_phone_the_arrangement_pages_tables_reflow_into_labelled_blocks(
    page, sign_in, arrangement, assert_accessible, who
):
    user = (
        arrangement.lead_officer
        if who == "lead officer"
        else UserFactory(roles=[Role.INTERNAL_AUDIT])
    )
    page.set_viewport_size(PHONE)
    sign_in(user)
    page.goto(arrangement.get_absolute_url())
    for table in (
        "Partners",
        "Council representatives",
        "Risk register",
        "Objectives",
        "Documents",
    ):
        expect(
            page.locator("table", has=page.locator(f"caption:text-is('{table}')"))
        ).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate(WIDEST_TABLE) <= 375
    expect(page.locator("main thead").first).to_be_hidden()
    cell = page.locator("#partners ~ .app-table-wrapper td[data-label=Sector]").first
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Sector"'
    assert_accessible(page)


def test_on_a_desktop_the_arrangement_pages_tables_keep_their_columns(page, sign_in, arrangement):
    page.set_viewport_size(DESKTOP)
    sign_in(arrangement.lead_officer)
    page.goto(arrangement.get_absolute_url())
    expect(page.locator("main thead").first).to_be_visible()
    cell = page.locator("td[data-label=Sector]").first
    assert cell.evaluate("cell => getComputedStyle(cell).display") == "table-cell"
