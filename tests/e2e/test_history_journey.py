"""An auditor reads an arrangement's History in Chromium (issue 14, point 3): opens it from the
arrangement's page, filters it to the council forms, opens a form's first version as it was,
comes back, filters to the changes of the arrangement and pages on, removes the filter; on a
phone's screen nothing scrolls sideways. axe-core checks each page."""

import pytest
from playwright.sync_api import expect

from register.council_forms import definition
from register.council_forms.base import Kind
from register.council_forms.selectors import response_for
from register.council_forms.services import save_answers
from register.models import FormResponse
from register.occasions import APPROVAL
from register.roles import Role
from register.timeline import PAGE_SIZE
from tests.factories import ArrangementFactory, UserFactory, complete_answers
from tests.timeline_helpers import many_edits

pytestmark = pytest.mark.browser

FIRST = "Set out in the partnership agreement"  # complete_answers' words for a long answer
REVISED = "About £5,000 from the National Lottery Community Fund"


@pytest.fixture
def arrangement(officer):
    """A draft with a long history: its evaluation saved twice, and PAGE_SIZE + 5 edits."""
    arrangement = ArrangementFactory(lead_officer=officer, name="Dementia Friendly Gravesham")
    form = definition("gravesham_evaluation", "gravesham")
    name = next(n for n, q in form.fields() if q.kind == Kind.LONG_TEXT)
    answers = complete_answers(form)
    response = response_for(arrangement, form, APPROVAL)
    save_answers(response=response, answers=answers, user=officer, submit=False)
    save_answers(
        response=FormResponse.objects.get(pk=response.pk),
        answers={**answers, name: REVISED},
        user=officer,
        submit=False,
    )
    many_edits(arrangement, PAGE_SIZE + 5, officer)
    return arrangement


@pytest.fixture
def auditor(transactional_db):
    return UserFactory(roles=[Role.INTERNAL_AUDIT], first_name="Owen", last_name="Price")


def entry_headings(page):
    return page.locator("ol.app-timeline h2")


def test_an_auditor_filters_the_history_opens_a_form_version_and_pages_on(
    page, sign_in, auditor, arrangement, assert_accessible
):
    sign_in(auditor)
    page.goto(arrangement.get_absolute_url())
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    expect(page.get_by_role("status")).to_contain_text(f"{PAGE_SIZE + 8} entries, page 1 of 2")
    assert_accessible(page)

    # Only the council forms: the two versions, newest first, the answer it changed.
    page.get_by_label("Council forms (2)").check()
    page.get_by_role("button", name="Apply").click()
    expect(entry_headings(page)).to_have_count(2)
    expect(entry_headings(page).first).to_contain_text(
        "Priya Sharma saved version 2 of ‘Partnership Evaluation’ (Approval)"
    )
    expect(page.locator("ol.app-timeline table")).to_contain_text(REVISED)
    assert_accessible(page)

    # Version 1 as it was, read only.
    page.get_by_role("link", name="See version 1 as it was").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership Evaluation")
    expect(page.locator("#version")).to_contain_text("Version 1, saved")
    expect(page.locator("#version")).to_contain_text("by Priya Sharma")
    expect(page.locator("main")).to_contain_text(FIRST)
    expect(page.locator("main")).not_to_contain_text(REVISED)
    expect(page.locator("main textarea, main button")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Back to the history").click()

    # The changes to the arrangement, on two pages; the filter stays on as it pages on.
    page.get_by_label("Changes to the arrangement").check()
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_contain_text(f"{PAGE_SIZE + 6} entries, page 1 of 2")
    page.get_by_role("link", name="Next page").click()
    expect(page.get_by_role("status")).to_contain_text("page 2 of 2")
    expect(entry_headings(page).last).to_have_text("The portal recorded the arrangement")
    assert "kind=arrangement" in page.url
    assert_accessible(page)

    # Removing the filter shows everything again.
    applied = page.locator(".app-applied-filters").get_by_role("link")
    expect(applied).to_have_count(1)
    expect(applied).to_contain_text("Changes to the arrangement")
    expect(applied).to_contain_text("remove this filter")
    applied.click()
    expect(page.get_by_role("status")).to_contain_text(f"{PAGE_SIZE + 8} entries")


def test_on_a_phone_the_history_reflows_without_scrolling_sideways(
    page, sign_in, auditor, arrangement
):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(auditor)
    page.goto(f"/arrangements/{arrangement.reference}/history/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator("ol.app-timeline thead").first).to_be_hidden()
