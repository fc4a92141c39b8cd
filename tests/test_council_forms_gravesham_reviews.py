"""Gravesham's shared service reviews (G 6.7, Appendix 4): the officer responsible for a
shared service fills Appendix 4a (initial) or 4b (from year three onwards) in the browser for
a review occasion, with the arrangement's objectives listed from the register, and prints
either as a PDF in the template's own headings and questions."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from register.choices import ArrangementType, Kind, Status
from register.council_forms import BY_COUNCIL
from register.models import FormResponse, FormStatus
from register.policies import gravesham
from tests.factories import ArrangementFactory, ObjectiveFactory, complete_answers
from tests.factories.register import PerformanceMeasureFactory

pytestmark = pytest.mark.django_db

INITIAL = BY_COUNCIL["gravesham"]["gravesham_shared_service_review_4a"]
LATER = BY_COUNCIL["gravesham"]["gravesham_shared_service_review_4b"]
OCCASION = "review-2027"

# The seed's headings and questions, as each PDF prints them.
INITIAL_WORDS = (
    "Shared Service Review Template (initial)",
    "Appendix 4a",
    "Review of the Shared Service",
    "Author(s)",
    "In line with all shared service/shared working arrangements, it is necessary to "
    "undertake an annual review of the arrangement.",
    "The objectives identified for the shared service are as follows",
    "Review Findings",
    "How is the shared service operating?",
    "1. Has the shared service delivered on the objectives that are set out on page two of "
    "the review document?",
    "2. Have there been any other, unforeseen benefits, as a result of the shared service?",
    "3. Have there been any unforeseen issues or problems resulting from the shared service?",
    "4. What has been the financial impact of the shared service on both authorities?",
    "5. Feedback from officers involved in the shared service:",
    "Moving forward with the shared service",
    "6. Based on the review that has been undertaken will the shared service continue to operate?",
    "7. If the shared service is to continue to operate, what are the key areas of focus for "
    "the coming year for both authorities?",
    "Summary of recommendations",
    "Please list any recommendations that you feel need to be reviewed by the relevant "
    "Directors at both authorities.",
    "Recommendation 3",
)
LATER_WORDS = (
    "Shared Service Review Template (from year three onwards)",
    "Appendix 4b",
    "Shared service commenced",
    "Overview of the shared service arrangement:",
    "Progress against objectives:",
    "Objective 5: update",
    "Key performance measures:",
    "Measure 5: target for the year",
    "Measure 5: outturn for the year",
    "Update against recommendations identified in previous year review:",
    "Previous recommendation 2: update",
    "Recommendations/Service Improvements for the coming year:",
    "Recommendation 3",
)


def squeeze(text):
    return "".join(text.split())


def url(arrangement, definition, view="fill"):
    return reverse(f"council_forms:{view}", args=[arrangement.reference, OCCASION, definition.key])


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(squeeze(page.extract_text()) for page in reader.pages)


@pytest.fixture
def shared_service(lead_officer):
    arrangement = ArrangementFactory(
        name="Building Control Shared Service",
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
        status=Status.ACTIVE,
        lead_officer=lead_officer,
        complete=True,
    )
    objective = ObjectiveFactory(arrangement=arrangement, description="Share one building team")
    PerformanceMeasureFactory(objective=objective, name="Applications decided in time")
    return arrangement


def test_the_review_plan_names_appendix_4a_then_4b_by_their_definitions_g_6_7():
    plan = gravesham.SHARED_SERVICE_REVIEW
    assert [plan.template_for(year).key for year in (1, 2, 3, 4)] == [
        INITIAL.key,
        INITIAL.key,
        LATER.key,
        LATER.key,
    ]


@pytest.mark.parametrize("definition", [INITIAL, LATER], ids=["4a", "4b"])
def test_the_responsible_officer_opens_the_review_on_a_review_occasion_with_the_objectives(
    lead_officer_client, shared_service, definition
):
    page = lead_officer_client.get(url(shared_service, definition))
    assert page.status_code == 200
    text = page.content.decode()
    assert definition.title in text
    assert "Review of 2027" in text
    assert "Share one building team (measured by: Applications decided in time)" in text
    assert "Save as draft" in text


@pytest.mark.parametrize("definition", [INITIAL, LATER], ids=["4a", "4b"])
def test_every_answer_given_submits_the_review(lead_officer_client, shared_service, definition):
    data = {**complete_answers(definition), "action": "submit"}
    assert lead_officer_client.post(url(shared_service, definition), data).status_code == 302
    saved = FormResponse.objects.get(arrangement=shared_service, form_key=definition.key)
    assert (saved.occasion, saved.status) == (OCCASION, FormStatus.SUBMITTED)


@pytest.mark.parametrize(
    "definition, name, message",
    [
        (INITIAL, "financial_impact", "4. What has been the financial impact"),
        (LATER, "measure_1_outturn", "Measure 1: outturn for the year"),
    ],
    ids=["4a", "4b"],
)
def test_a_required_answer_missing_is_refused_with_a_message(
    lead_officer_client, shared_service, definition, name, message
):
    data = {**complete_answers(definition), name: "", "action": "submit"}
    response = lead_officer_client.post(url(shared_service, definition), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f"Answer: {message}" in page
    assert f'href="#id_{name}"' in page
    assert not FormResponse.objects.filter(status=FormStatus.SUBMITTED).exists()


def test_the_objectives_may_be_met_in_part_and_nothing_else_but_yes_or_no(
    lead_officer_client, shared_service
):
    fill = url(shared_service, INITIAL)
    refused = lead_officer_client.post(fill, {"objectives_met": "mostly", "action": "draft"})
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
    assert not FormResponse.objects.exists()
    data = {**complete_answers(INITIAL), "objectives_met": "in_part", "action": "submit"}
    assert lead_officer_client.post(fill, data).status_code == 302
    saved = FormResponse.objects.get(arrangement=shared_service)
    assert saved.answers["objectives_met"] == "in_part"
    text = pdf_text(lead_officer_client.get(url(shared_service, INITIAL, "pdf")))
    assert "Inpart" in text


@pytest.mark.parametrize(
    "definition, words",
    [(INITIAL, INITIAL_WORDS), (LATER, LATER_WORDS)],
    ids=["4a", "4b"],
)
def test_each_pdf_prints_the_seeds_headings_and_questions(
    lead_officer_client, shared_service, definition, words
):
    answers = {**complete_answers(definition), "action": "submit"}
    lead_officer_client.post(url(shared_service, definition), answers)
    response = lead_officer_client.get(url(shared_service, definition, "pdf"))
    text = pdf_text(response)
    for words_ in words:
        assert squeeze(words_) in text, words_
    assert squeeze("Building Control Shared Service") in text
    assert squeeze("Share one building team") in text
    assert "Reviewof2027" in text


def test_the_blank_4a_prints_what_to_circle_and_the_seeds_guidance(lead_officer_client):
    blank = lead_officer_client.get(reverse("council_forms:blank", args=[INITIAL.key]))
    text = pdf_text(blank)
    assert "Yes/No/Inpart" in text
    assert (
        squeeze(
            "If 'No' please provide details of why it is felt that the shared service should not "
            "continue and any exit plans that have been discussed/agreed."
        )
        in text
    )
