"""The record journey in one go (issue 10, point 10), in Chromium: a lead officer records a
new arrangement, sees the route preview follow the council's resources across Gravesham's
£50,000 threshold (G 1.11b) as the fields change, saves, goes straight on to its partners and
risks, and reaches 'ready to submit'."""

import re

import pytest
from playwright.sync_api import expect

from register.models import Arrangement
from register.roles import Role
from tests.e2e.council_forms import submit_council_forms
from tests.factories import ScreeningFactory, ServiceFactory

pytestmark = pytest.mark.browser

TEXT = {
    "#id_purpose": "A safer town centre at night.",
    "#id_rationale": "No one agency holds all the levers.",
    "#id_lead_organisation": "Gravesham Borough Council",
    "#id_area": "Gravesend town centre",
    "#id_start_date_0": "1",
    "#id_start_date_1": "4",
    "#id_start_date_2": "2026",
    "#id_cash_per_year": "30000",
    "#id_staff_fte": "0.5",
    "#id_staff_cost_per_year": "19999.99",
    "#id_in_kind_per_year": "0",
    "#id_safeguarding_impact": "None identified.",
    "#id_equalities_impact": "Positive for all protected characteristics.",
    "#id_climate_change_impact": "Neutral.",
    "#id_exit_strategy": "Six months' notice to the other partners.",
}
NO = ("is_statutory", "is_urgent", "is_fundamental_to_objective", "shares_personal_data")


def test_a_new_arrangement_is_taken_to_ready_to_submit_in_one_journey_G_1_11b(
    page, officer, sign_in, assert_accessible
):
    service = ServiceFactory(name="Community Safety")
    screening = ScreeningFactory(screened_by=officer, proposal="Gravesend Night-Time Partnership")
    sign_in(officer)
    page.goto(f"/arrangements/new/?screening={screening.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an arrangement")

    page.locator("input[name=kind][value=partnership]").check()
    page.locator("#id_type").select_option("delivery")
    page.locator("#id_legal_status").select_option("unincorporated")
    for key in NO:
        page.locator(f"input[name={key}][value=False]").check()
    for selector, value in TEXT.items():
        page.locator(selector).fill(value)
    page.locator("#id_lead_officer").select_option(str(officer.pk))
    page.locator("#id_service").select_option(str(service.pk))
    page.locator("#id_meeting_frequency").select_option("quarterly")
    page.get_by_text("Check the category and approval route before you submit").click()
    preview = page.locator("#route-preview-content")

    # £49,999.99 a year: 'other', approved by the Director, the Leader and the Portfolio Holder.
    page.locator("#id_staff_cost_per_year").press("Tab")
    expect(preview).to_contain_text("council resources of £49,999.99")
    expect(preview).to_contain_text("Approval by the relevant Director")
    expect(preview).not_to_contain_text("Management Team")
    assert_accessible(page)

    # £50,000 a year: significant, discussed at Management Team first.
    page.locator("#id_staff_cost_per_year").fill("20000")
    page.locator("#id_staff_cost_per_year").press("Tab")
    expect(preview).to_contain_text("council resources of £50,000")
    expect(preview).to_contain_text("Discussion at Management Team")
    expect(preview).not_to_contain_text("Approval by the relevant Director")
    expect(page.locator("#route-preview-status")).to_contain_text("worked out again")
    assert not Arrangement.objects.exists()  # the preview saved nothing

    page.get_by_role("button", name="Save as draft").click()

    # What next: straight on to the partners and risks.
    expect(page).to_have_url(re.compile(r"/arrangements/PA-\d{4}-\d{4}/next/$"))
    arrangement = Arrangement.objects.get()
    assert arrangement.category == "significant"
    expect(page.get_by_role("heading", level=1)).to_have_text(f"What next for {arrangement.name}")
    missing = page.locator("#missing-answers")
    expect(missing).to_contain_text("Add at least one partner organisation")
    assert_accessible(page)

    page.get_by_role("link", name="Add a partner", exact=True).click()
    page.locator("#id_name").fill("Kent Police")
    page.locator("#id_sector").select_option("police_fire")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The partner has been saved")

    page.get_by_role("link", name="Add a risk", exact=True).click()
    page.locator("#id_description").fill("A partner withdraws its funding")
    page.locator("input[name=likelihood][value='2']").check()
    page.locator("input[name=impact][value='4']").check()
    page.locator("#id_mitigation").fill("Annual funding letters agreed in advance")
    page.locator("#id_owner").fill("Head of Community Safety")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The risk has been saved")

    # Its council forms, each from its link in what is still needed (G 2.6).
    expect(page.locator("#missing-answers")).to_contain_text(
        "Fill in and submit the Partnership Evaluation (Appendix 1)"
    )
    submit_council_forms(page, arrangement.reference)

    # Ready to submit, on the arrangement's page and on 'What next'.
    expect(page.locator("main")).to_contain_text("Every answer needed for submission is given")
    page.goto(f"/arrangements/{arrangement.reference}/next/")
    expect(page.locator("#ready-to-submit")).to_contain_text("Ready to submit")
    assert_accessible(page)
    page.get_by_role("link", name="Check and submit it").click()
    expect(page.get_by_role("button", name="Save and submit")).to_be_visible()
    assert Role.LEAD_OFFICER.value in set(officer.groups.values_list("name", flat=True))
