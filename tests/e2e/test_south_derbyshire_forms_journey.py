"""South Derbyshire's forms in Chromium: the Information Form shows the council's
representatives as the template's table (Name / Date started / Date finished), which reflows
on a phone; the Partnership Assessment asks each feature as one question, its standard as the
hint and the four scores as radios; a feature left without a score is refused (the error
summary links to its first score), and once submitted the PDF ticks the score in its column.
axe-core checks each page at desktop and phone width."""

import datetime
import io
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from register.choices import Status
from register.models import FormResponse, FormStatus
from tests.e2e.council_forms import fill_every_answer
from tests.factories import ArrangementFactory, CouncilRepresentativeFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def arrangement(officer):
    with override_settings(COUNCIL_POLICY="south_derbyshire"):
        arrangement = ArrangementFactory(status=Status.ACTIVE, lead_officer=officer, complete=True)
        CouncilRepresentativeFactory(
            arrangement=arrangement,
            name="Cllr Samir Ahmed",
            role="Chair",
            is_member=True,
            start_date=datetime.date(2023, 5, 25),
        )
        yield arrangement


def open_form(page, sign_in, officer, arrangement, occasion, key):
    sign_in(officer)
    page.goto(reverse("council_forms:fill", args=[arrangement.reference, occasion, key]))


def phone_fits(page, assert_accessible):
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px)"
    assert_accessible(page)


def test_the_representatives_are_the_templates_table_and_reflow_on_a_phone(
    page, officer, sign_in, assert_accessible, arrangement
):
    with override_settings(COUNCIL_POLICY="south_derbyshire"):
        open_form(
            page, sign_in, officer, arrangement, "approval", "south_derbyshire_information_form"
        )
        table = page.get_by_role(
            "table", name="South Derbyshire District Council representative(s)"
        )
        for heading in ("Name", "Date started", "Date finished"):
            expect(table.get_by_role("columnheader", name=heading)).to_be_visible()
        expect(table.get_by_role("cell", name="25 May 2023")).to_be_visible()
        expect(table).to_contain_text("Cllr Samir Ahmed (Chair, elected Member)")
        assert_accessible(page)
        phone_fits(page, assert_accessible)
        cell = page.get_by_role("cell", name="25 May 2023")
        assert cell.evaluate("cell => getComputedStyle(cell).display") == "block"


def test_a_lead_officer_scores_each_feature_and_the_pdf_ticks_it_in_its_column(
    page, officer, sign_in, assert_accessible, arrangement
):
    with override_settings(COUNCIL_POLICY="south_derbyshire"):
        open_form(page, sign_in, officer, arrangement, "review-2027", "south_derbyshire_assessment")
        feature = page.get_by_role("group", name="3. Good Leadership")
        expect(feature).to_contain_text("The Partnership has clear leadership.")
        expect(feature.get_by_role("radio")).to_have_count(4)
        assert_accessible(page)

        fill_every_answer(page)
        page.evaluate(
            "() => document.querySelectorAll('input[name=feature_3_score]')"
            ".forEach(radio => { radio.checked = false; })"
        )
        page.get_by_role("button", name="Submit the form").click()
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_focused()
        link = summary.get_by_role("link", name="Answer: 3. Good Leadership: score")
        expect(link).to_be_visible()
        assert not FormResponse.objects.filter(arrangement=arrangement).exists()
        assert_accessible(page)
        link.click()
        expect(page.locator("#id_feature_3_score")).to_be_focused()

        page.get_by_role("group", name="3. Good Leadership").get_by_role(
            "radio", name=re.compile("^4 Standard met")
        ).check()
        page.get_by_role("button", name="Submit the form").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("submitted")
        saved = FormResponse.objects.get(arrangement=arrangement)
        assert saved.status == FormStatus.SUBMITTED
        assert saved.answers["feature_3_score"] == "4"

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Download as PDF").click()
        with open(download_info.value.path(), "rb") as file:
            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(file.read())).pages)
        squeezed = "".join(text.split())
        assert "4Standardmet–Noactionneeded" in squeezed
        assert "3.GoodLeadership" in squeezed
        assert squeezed.count("X") >= 10  # a score ticked for every feature
        phone_fits(page, assert_accessible)
