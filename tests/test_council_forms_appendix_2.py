"""Gravesham's Shared Services / Joint Working Business Case (Appendix 2) in the template's
numbered sections and tables, read back from its PDF in order, blank and filled; each
option's financial summary ends with the template's "Total savings"."""

import pytest
from django.urls import reverse

from register.council_forms import DEFINITIONS
from tests import test_council_forms
from tests.pdf_text import body_text, in_order
from tests.test_council_forms import complete_answers

pytestmark = pytest.mark.django_db

BUSINESS_CASE = DEFINITIONS["gravesham_business_case"]
shared_service = test_council_forms.shared_service  # the fixture: a full shared service

# The template's headings and rows (G Appendix 2), in its order.
SEED_ROWS = (
    "Shared Services / Joint Working Business Case",
    "Author",
    "Client",
    "1. Introduction and Strategic Requirements of the Service",
    "1.1 Scope for shared service/joint working arrangements",
    "1.2 Potential stakeholders/partners",
    "1.3 Current service provision arrangements of potential stakeholders/partners",
    "1.4 Contribution to key council objectives",
    "1.5 Statutory Obligations",
    "2. Strategic and Operational Benefits of Joint Working",
    "2.1 Strategic Benefits",
    "Benefit",
    "Measure",
    "3. Constraints and Dependencies",
    "3.1 Constraints to the project progressing",
    "Organisational Constraints",
    "Resource Constraints",
    "Time Constraints",
    "3.2 Dependencies for the project progressing",
    "4. Legal and Constitutional/Governance Issues",
    "4.1 The partnership/joint-working arrangement will be made pursuant to section 113 of "
    "the Local Government Act 1972",
    "4.2",
    "5. Equalities Impact Assessment",
    "What will be the equalities impact on the customer",
    "What will be the equalities impact on officers/staff involved",
    "If there is any 'negative impact' on either groups",
    "6. Consideration of General Data Protection Requirements (GDPR)",
    "7. Risks",
    "7.1 'Do Nothing' Risks – if there is no change to existing arrangements",
    "Risk identified",
    "Action to mitigate risk",
    "8. Existing Working Arrangements",
    "8.1 Departmental Structures",
    "8.2 Summary of arrangements",
    "Gravesham BC",
    "Salary costs (including oncosts)",
    "Staff numbers (FTE)",
    "Staff numbers (actual)",
    "Scope of service",
    "Performance levels",
    "Current IT systems in use",
    "8.3 Summary of arrangements – where more than one department/team is involved",
    "9. Cost/Benefit Evaluation of Options and Recommendation",
    "9.1 Clear evaluation of the options contained in section 10.",
    "9.2 Recommended option including copy of financial summary box from recommended option.",
    "10.1.1 Option 1",
    "Responsible Lead",
    "Other Stakeholders",
    "Implementation options",
    "Key Benefits of this arrangement",
    "Key disadvantages of this arrangement",
    "Risks of progressing the option",
    "Mitigating factors",
    "Investment/set-up costs",
    "Additional ongoing costs",
    "Staff cost analysis",
    "Option 1 – Financial Summary",
    "Year 1 (£)",
    "Year 2 (£)",
    "Year 3 (£)",
    "Investment/set-up costs",
    "Additional ongoing costs",
    "Staff cost savings at GBC",
    "Staff cost savings at the partner authority",
    "Total savings",
    "Evidence of similar projects (where applicable)",
    "10.1.2 Option 2",
    "1.3 Notification List",
    "1.4 Document storage",
    "1.2 Approvals",
    "This document requires the following approvals:",
    "The Monitoring Officers and Section 151 Officers at both sites will always be included.",
    "Monitoring Officer",
    "Section 151 Officer",
)


def test_every_row_of_the_template_is_read_back_from_the_blank_pdf_in_its_order(
    lead_officer_client,
):
    response = lead_officer_client.get(reverse("council_forms:blank", args=[BUSINESS_CASE.key]))
    assert in_order(body_text(response.content), SEED_ROWS) == []


def test_every_row_of_the_template_is_read_back_from_the_filled_pdf_in_its_order(
    lead_officer_client, shared_service
):
    url = reverse(
        "council_forms:fill", args=[shared_service.reference, "approval", BUSINESS_CASE.key]
    )
    answers = {**complete_answers(BUSINESS_CASE), "action": "submit"}
    assert lead_officer_client.post(url, answers).status_code == 302
    pdf = lead_officer_client.get(
        reverse("council_forms:pdf", args=[shared_service.reference, "approval", BUSINESS_CASE.key])
    )
    text = body_text(pdf.content)
    assert in_order(text, SEED_ROWS) == []
    # Each option's savings are totalled: four rows of £1,000 a year.
    assert "Totalsavings£4,000£4,000£4,000" in text


def test_only_the_first_benefit_and_risk_must_be_given(lead_officer_client, shared_service):
    url = reverse(
        "council_forms:fill", args=[shared_service.reference, "approval", BUSINESS_CASE.key]
    )
    answers = complete_answers(BUSINESS_CASE)
    for table in ("strategic_benefits", "do_nothing_risks"):
        for row in range(1, 6):
            for column in ("first", "second"):
                answers[f"{table}__{row}__{column}"] = ""
    response = lead_officer_client.post(url, {**answers, "action": "submit"})
    assert response.status_code == 400
    assert sorted(response.context["form"].errors) == [
        "do_nothing_risks__1__first",
        "do_nothing_risks__1__second",
        "strategic_benefits__1__first",
        "strategic_benefits__1__second",
    ]
