"""Finding an arrangement in the register list, in Chromium: search, sorting both ways,
removing a filter, and a phone's screen (WCAG 1.4.10 reflow)."""

import pytest
from playwright.sync_api import expect

from register.choices import Status
from register.roles import Role
from tests.factories import ArrangementFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def register(transactional_db):
    dementia = ArrangementFactory(name="Dementia Friendly Gravesham", status=Status.ACTIVE)
    PartnerFactory(arrangement=dementia, name="Alzheimer's Society")
    ArrangementFactory(name="Gravesham Community Safety Partnership", status=Status.ACTIVE)
    ArrangementFactory(name="Kent Resilience Forum", status=Status.ACTIVE)
    return UserFactory(roles=[Role.INTERNAL_AUDIT])


def names(page):
    return page.locator("tbody tr td[data-label=Name]").all_inner_texts()


def test_an_auditor_searches_sorts_both_ways_and_removes_the_search(page, sign_in, register):
    sign_in(register)
    page.goto("/arrangements/")
    page.get_by_label("Search by name, reference, partner or lead organisation").fill(
        "gravesham dementia"
    )
    page.get_by_role("button", name="Apply").click()
    assert names(page) == ["Dementia Friendly Gravesham"]
    page.get_by_role("link", name="Search: “gravesham dementia”").click()
    page.get_by_role("link", name="Name").click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_text("Name ▲")
    assert names(page) == [
        "Dementia Friendly Gravesham",
        "Gravesham Community Safety Partnership",
        "Kent Resilience Forum",
    ]
    page.get_by_role("link", name="Name").click()
    expect(page.locator("th[aria-sort=descending]")).to_have_text("Name ▼")
    assert names(page)[0] == "Kent Resilience Forum"


@pytest.mark.parametrize("path", ["/arrangements/", "/arrangements/?q=forum"])
def test_on_a_phone_the_list_reflows_without_scrolling_sideways(page, sign_in, register, path):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(register)
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator("thead").first).to_be_hidden()
    first_cell = page.locator("tbody tr td[data-label=Reference]").first
    label = first_cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Reference"'
