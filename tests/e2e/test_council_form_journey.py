"""A council template in Chromium against the live server, under the Gravesham policy: the
lead officer opens the Partnership Evaluation from the arrangement's page, is refused a
submission with answers missing (the GOV.UK error summary, whose links move focus to the
field), saves one answer as a draft, finds it kept after a reload, and downloads the PDF,
which carries the answer."""

import io
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from register.models import FormResponse, FormStatus
from tests.approvals_helpers import other_partnership

pytestmark = pytest.mark.browser

AIMS = "What is the partnership planning to achieve?"
OUTCOMES = "What are the anticipated outcomes for the council?"
ANSWER = (
    "Reduce anti-social behaviour in Gravesend town centre by 15% over three years, "
    "with one joint tasking group for the council and Kent Police."
)


def squeeze(text):
    return "".join(text.split())


def test_a_lead_officer_fills_in_the_evaluation_saves_it_and_downloads_the_pdf(
    page, officer, sign_in, assert_accessible
):
    arrangement = other_partnership(lead_officer=officer)
    fill_path = reverse(
        "council_forms:fill", args=[arrangement.reference, "approval", "gravesham_evaluation"]
    )
    sign_in(officer)

    # From the arrangement's page, through its "Council forms" panel.
    page.goto(arrangement.get_absolute_url())
    forms = page.get_by_role("region", name="Council forms")
    expect(forms).to_contain_text("Not started")
    forms.get_by_role("link", name="Partnership Evaluation").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(fill_path)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership Evaluation")
    expect(page.locator("main .govuk-caption-l")).to_have_text(
        f"{arrangement.reference} {arrangement.name}"
    )
    expect(page.locator("main")).to_contain_text(arrangement.name)  # a fact, not asked again
    assert_accessible(page)

    # Submitting with the answers missing is refused, with the GOV.UK error summary.
    page.get_by_role("button", name="Submit the form").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary on load
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(f"Answer: {OUTCOMES}")
    expect(summary.get_by_role("link", name=f"Answer: {AIMS}")).to_have_attribute(
        "href", "#id_aims"
    )
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)  # the form page with its errors

    # A link of the summary moves focus to its field.
    summary.get_by_role("link", name=f"Answer: {AIMS}").click()
    aims = page.get_by_role("textbox", name=AIMS)
    expect(aims).to_be_focused()
    expect(aims).to_have_attribute("aria-describedby", re.compile(r"\bid_aims_\d+_error\b"))
    assert not FormResponse.objects.filter(arrangement=arrangement).exists()

    # One answer, saved as a draft.
    aims.fill(ANSWER)
    page.get_by_role("button", name="Save as draft").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(fill_path)}$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Partnership Evaluation saved as a draft"
    )
    expect(page.locator(".govuk-error-summary")).to_have_count(0)

    # Coming back to the page, the answer is still there.
    page.reload()
    expect(page.locator(".govuk-notification-banner")).to_have_count(0)  # shown only once
    expect(page.get_by_role("textbox", name=AIMS)).to_have_value(ANSWER)
    expect(page.get_by_role("textbox", name=OUTCOMES)).to_have_value("")
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert (saved.status, saved.answers["aims"]) == (FormStatus.DRAFT, ANSWER)

    # The PDF, downloaded through the page's link, carries the answer.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    download = download_info.value
    assert download.failure() is None
    assert (
        download.suggested_filename == f"{arrangement.reference}-approval-gravesham_evaluation.pdf"
    )
    with open(download.path(), "rb") as file:
        pdf = file.read()
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    text = squeeze(" ".join(pdf_page.extract_text() for pdf_page in reader.pages))
    for expected in (ANSWER, "Partnership Evaluation", arrangement.reference, AIMS, "DRAFT"):
        assert squeeze(expected) in text, expected
