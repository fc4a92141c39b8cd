"""Gravesham's Partnership Evaluation (Appendix 1) in Chromium, as the template has it: the
lead officer sees the partners by the template's groups (a table that reflows on a phone),
the council's resources and the Significant / Other boxes from the register; answers a
governance row Yes, which reveals "Where it is held"; is refused a submission with that left
empty (the error summary links to it); fills it in, submits, and downloads the PDF, which
reads back the template's rows with the answers. axe-core checks the page at each step, at
desktop and phone width."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from register.choices import GovernanceItem, Sector
from register.models import FormResponse, FormStatus
from tests.approvals_helpers import other_partnership
from tests.e2e.council_forms import fill_every_answer
from tests.factories import PartnerFactory

pytestmark = pytest.mark.browser

AUDIT = "Audit requirements"


def squeeze(text):
    return "".join(text.split())


@pytest.fixture
def arrangement(officer):
    arrangement = other_partnership(
        lead_officer=officer,
        staff_fte=Decimal("0.5"),
        staff_working_days=110,
        governance_in_place=[GovernanceItem.TERMS_OF_REFERENCE],
    )
    PartnerFactory(arrangement=arrangement, name="Northfleet Residents", sector=Sector.COMMUNITY)
    PartnerFactory(
        arrangement=arrangement,
        name="Bluewater Shopping Ltd",
        sector=Sector.PRIVATE,
        contribution_per_year=Decimal("5000"),
    )
    return arrangement


def test_a_lead_officer_answers_appendix_1_as_the_template_asks_and_downloads_its_pdf(
    page, officer, sign_in, assert_accessible, arrangement
):
    fill_path = reverse(
        "council_forms:fill", args=[arrangement.reference, "approval", "gravesham_evaluation"]
    )
    sign_in(officer)
    page.goto(fill_path)

    # The partners in the template's groups, and the council's resources, from the register.
    partners = page.get_by_role("table", name=re.compile("Organisation involved"))
    expect(partners.get_by_role("rowheader", name="Community Groups")).to_be_visible()
    expect(partners).to_contain_text("Northfleet Residents")
    expect(partners).to_contain_text("£5,000 a year")
    expect(page.locator("main")).to_contain_text("0.5 FTE; 110 working days a year")
    boxes = page.locator(".app-boxes li")
    expect(boxes.nth(0)).to_contain_text("Not ticked Significant partnership")
    expect(boxes.nth(1)).to_contain_text("Ticked Other partnership")
    assert_accessible(page)

    # A governance row: the register's Yes is chosen; Yes reveals "Where it is held".
    terms = page.get_by_role("group", name="Terms of reference and/or Constitution")
    expect(terms.get_by_role("radio", name="Yes")).to_be_checked()
    audit = page.get_by_role("group", name=AUDIT)
    where = audit.get_by_role("textbox", name="Where it is held")
    expect(where).to_be_hidden()
    audit.get_by_role("radio", name="Yes").check()
    expect(where).to_be_visible()
    assert_accessible(page)

    # Every other answer given, but the audit's place left empty: refused, nothing saved.
    fill_every_answer(page)
    where.fill("")
    audit.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Submit the form").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    message = f"Answer: {AUDIT}: Where it is held"
    link = summary.get_by_role("link", name=re.compile(re.escape(message)))
    expect(link).to_be_visible()
    assert not FormResponse.objects.filter(arrangement=arrangement).exists()
    assert_accessible(page)
    link.click()
    where = page.get_by_role("group", name=AUDIT).get_by_role("textbox", name="Where it is held")
    expect(where).to_be_focused()  # revealed again, as its Yes is still chosen

    where.fill("Internal Audit plan 2026/27")
    page.get_by_role("button", name="Submit the form").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("submitted")
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert saved.status == FormStatus.SUBMITTED
    arrangement.refresh_from_db()
    assert GovernanceItem.AUDIT in arrangement.governance_in_place

    # The PDF, downloaded from the page, has the template's rows with the answers.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    with open(download_info.value.path(), "rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    text = squeeze(" ".join(pdf_page.extract_text() for pdf_page in reader.pages))
    for expected in (
        "Community Groups",
        "Northfleet Residents",
        "FTE; 110 working days a year",
        "X Other partnership",
        f"{AUDIT} Yes Internal Audit plan 2026/27",
        "Partnership Endorsement",
        "Signature",
    ):
        assert squeeze(expected) in text, expected

    # On a phone the partners' table reflows: each cell under its column's name.
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    cell = page.get_by_role("cell", name="Bluewater Shopping Ltd")
    expect(cell).to_be_visible()
    assert cell.evaluate("cell => getComputedStyle(cell).display") == "block"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px)"
    assert_accessible(page)
