"""Gravesham's shared service reviews (G 6.7, Appendix 4): the officer responsible for a
shared service fills Appendix 4a (initial) or 4b (from year three onwards) in the browser for
a review occasion, with the arrangement's objectives listed from the register, and prints
either as a PDF in the template's own headings and questions.

4b's tables take their rows from the register (G 6.7 b): progress against each objective,
each key performance measure's target and outturn for the year (the outturn recorded in the
register when the review is submitted), an update against each of the previous year's
recommendations, carried forward, and the recommendations for the coming year."""

import html
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from register.choices import ArrangementType, Kind, Status
from register.council_forms import BY_COUNCIL
from register.council_forms.selectors import response_for
from register.council_forms.services import save_answers
from register.models import FormResponse, FormStatus, MeasureResult
from register.occasions import review
from register.policies import gravesham
from tests.factories import ArrangementFactory, ObjectiveFactory, complete_answers
from tests.factories.register import MeasureResultFactory, PerformanceMeasureFactory
from tests.pdf_text import body_text, in_order

pytestmark = pytest.mark.django_db

INITIAL = BY_COUNCIL["gravesham"]["gravesham_shared_service_review_4a"]
LATER = BY_COUNCIL["gravesham"]["gravesham_shared_service_review_4b"]
OCCASION = "review-2027"
YEAR = 2026  # the financial year a review of 2027 reports on: 2026/27

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
    "Objective",
    "Update",
    "Key performance measures:",
    "Target 2026/27",
    "Outturn 2026/27",
    "Update against recommendations identified in previous year review:",
    "Recommendations/Service Improvements for the coming year:",
    "Recommendation 3",
)


def squeeze(text):
    return "".join(text.split())


def url(arrangement, definition, view="fill"):
    return reverse(f"council_forms:{view}", args=[arrangement.reference, OCCASION, definition.key])


def asked(definition, arrangement, occasion=OCCASION):
    """The definition as the arrangement's review asks it, its rows from the register."""
    return definition.for_occasion(arrangement, review(int(occasion.removeprefix("review-"))))


def answers_for(definition, arrangement, occasion=OCCASION, **changes):
    return {**asked(definition, arrangement, occasion).example_answers(), **changes}


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


def test_the_responsible_officer_opens_4a_on_a_review_occasion_with_the_objectives(
    lead_officer_client, shared_service
):
    page = lead_officer_client.get(url(shared_service, INITIAL))
    assert page.status_code == 200
    text = page.content.decode()
    assert INITIAL.title in text
    assert "Review of 2027" in text
    assert "Share one building team (measured by: Applications decided in time)" in text
    assert "Save as draft" in text


@pytest.mark.parametrize("definition", [INITIAL, LATER], ids=["4a", "4b"])
def test_every_answer_given_submits_the_review(lead_officer_client, shared_service, definition):
    data = {**answers_for(definition, shared_service), "action": "submit"}
    assert lead_officer_client.post(url(shared_service, definition), data).status_code == 302
    saved = FormResponse.objects.get(arrangement=shared_service, form_key=definition.key)
    assert (saved.occasion, saved.status) == (OCCASION, FormStatus.SUBMITTED)


def test_a_required_answer_missing_is_refused_with_a_message(lead_officer_client, shared_service):
    data = {**complete_answers(INITIAL), "financial_impact": "", "action": "submit"}
    response = lead_officer_client.post(url(shared_service, INITIAL), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Answer: 4. What has been the financial impact" in page
    assert 'href="#id_financial_impact"' in page
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
    answers = {**answers_for(definition, shared_service), "action": "submit"}
    assert lead_officer_client.post(url(shared_service, definition), answers).status_code == 302
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


@pytest.mark.parametrize(
    ("definition", "lines"), [(INITIAL, 3), (LATER, 2)], ids=["4a three", "4b two"]
)
def test_the_blank_form_has_the_seeds_recommendation_lines_and_the_web_one_list_of_five(
    lead_officer_client, shared_service, definition, lines
):
    blank = pdf_text(lead_officer_client.get(reverse("council_forms:blank", args=[definition.key])))
    numbered = "".join(f"Recommendation{n}" for n in range(1, lines + 1))
    assert f"{numbered}CompletedbyOfficercompletingtheform" in blank
    page = lead_officer_client.get(url(shared_service, definition)).content.decode()
    assert [f'name="recommendations__{n}"' in page for n in range(1, 7)] == [True] * 5 + [False]


# Appendix 4b's rows from the register (G 6.7 b).


@pytest.fixture
def two_objectives(shared_service):
    first = shared_service.objectives.get()
    second = ObjectiveFactory(arrangement=shared_service, description="Cut the cost by a tenth")
    PerformanceMeasureFactory(objective=second, name="Cost per application", unit="£")
    return first, second


def cell(table, obj, column, definition=LATER):
    return f"{table}__{obj.pk}__{column}"


def test_4b_has_a_row_for_each_objective_and_each_measure_keyed_by_its_pk_g_6_7_b(
    lead_officer_client, shared_service, two_objectives
):
    first, second = two_objectives
    measures = [m for o in (first, second) for m in o.measures.all()]
    page = lead_officer_client.get(url(shared_service, LATER))
    fields = page.context["form"].fields
    assert [n for n in fields if n.startswith("progress__")] == [
        cell("progress", first, "update"),
        cell("progress", second, "update"),
    ]
    assert [n for n in fields if n.startswith("measures__")] == [
        cell("measures", measures[0], "target"),
        cell("measures", measures[0], "outturn"),
        cell("measures", measures[1], "target"),
        cell("measures", measures[1], "outturn"),
    ]
    text = page.content.decode()
    for words in (
        "Share one building team",
        "Cut the cost by a tenth",
        "Applications decided in time",
        "Cost per application (£)",
        "Target 2026/27",
        "Outturn 2026/27",
    ):
        assert words in text, words


def test_an_objectives_update_stays_with_it_when_another_objective_is_added(
    lead_officer_client, shared_service
):
    first = shared_service.objectives.get()
    data = {cell("progress", first, "update"): "One team since April", "action": "draft"}
    assert lead_officer_client.post(url(shared_service, LATER), data).status_code == 302
    added = ObjectiveFactory(arrangement=shared_service, description="Answer within a day")
    form = lead_officer_client.get(url(shared_service, LATER)).context["form"]
    assert form[cell("progress", first, "update")].value() == "One team since April"
    assert form[cell("progress", added, "update")].value() in (None, "")


@pytest.mark.parametrize(
    "action, recorded",
    [("draft", False), ("submit", True)],
)
def test_the_outturn_is_recorded_in_the_register_for_the_year_when_the_review_is_submitted(
    lead_officer_client, shared_service, action, recorded
):
    measure = shared_service.objectives.get().measures.get()
    data = answers_for(
        LATER,
        shared_service,
        **{cell("measures", measure, "target"): "90", cell("measures", measure, "outturn"): "93.5"},
    )
    response = lead_officer_client.post(url(shared_service, LATER), {**data, "action": action})
    assert response.status_code == 302
    results = [(r.year, r.target, r.outturn) for r in MeasureResult.objects.filter(measure=measure)]
    assert results == ([(YEAR, Decimal("90"), Decimal("93.5"))] if recorded else [])
    assert MeasureResult.history.filter(measure_id=measure.pk).exists() == recorded


def test_a_target_the_register_holds_is_shown_and_kept_and_the_outturn_recorded_beside_it(
    lead_officer_client, shared_service
):
    measure = shared_service.objectives.get().measures.get()
    MeasureResultFactory(measure=measure, year=YEAR, target=Decimal("85"), outturn=Decimal("80"))
    MeasureResultFactory(measure=measure, year=YEAR - 1, target=Decimal("70"))
    page = lead_officer_client.get(url(shared_service, LATER))
    form = page.context["form"]
    assert cell("measures", measure, "target") not in form.fields  # not asked again
    assert form[cell("measures", measure, "outturn")].value() == Decimal("80")  # to start from
    assert "85 <span" in page.content.decode()
    data = answers_for(LATER, shared_service, **{cell("measures", measure, "outturn"): "88"})
    assert (
        lead_officer_client.post(url(shared_service, LATER), {**data, "action": "submit"})
    ).status_code == 302
    kept = {r.year: (r.target, r.outturn) for r in MeasureResult.objects.filter(measure=measure)}
    assert kept == {YEAR: (Decimal("85"), Decimal("88")), YEAR - 1: (Decimal("70"), None)}
    text = pdf_text(lead_officer_client.get(url(shared_service, LATER, "pdf")))
    assert "Applicationsdecidedintime(incidents)8588" in text


@pytest.mark.parametrize(
    "outturn, message",
    [
        ("about ninety", "as a number"),
        ("12.345", "with no more than 2 decimal places"),
        ("1" * 13, "as a smaller number"),
    ],
)
def test_a_bad_outturn_is_refused_with_a_message_naming_the_measure(
    lead_officer_client, shared_service, outturn, message
):
    measure = shared_service.objectives.get().measures.get()
    data = answers_for(LATER, shared_service, **{cell("measures", measure, "outturn"): outturn})
    response = lead_officer_client.post(url(shared_service, LATER), {**data, "action": "submit"})
    assert response.status_code == 400
    error = response.context["form"].errors[cell("measures", measure, "outturn")][0]
    assert error == (
        f"Enter ‘Key performance measures: Applications decided in time (incidents), Outturn 2026/27’ {message}"
    )
    assert "govuk-error-summary" in response.content.decode()
    assert not FormResponse.objects.exists()
    assert not MeasureResult.objects.exists()


def submit_review(arrangement, definition, year, **answers):
    response = response_for(arrangement, definition, review(year))
    return save_answers(
        response=response,
        answers={**answers_for(definition, arrangement, f"review-{year}"), **answers},
        user=arrangement.lead_officer,
        submit=True,
    )


@pytest.mark.parametrize("previous", [INITIAL, LATER], ids=["after 4a", "after 4b"])
def test_last_years_recommendations_are_carried_forward_as_rows_to_update(
    lead_officer_client, shared_service, previous
):
    submit_review(
        shared_service,
        previous,
        2026,
        recommendations__1="Share the duty rota",
        recommendations__2="",
        recommendations__3="Review the fees",
        recommendations__4="",
        recommendations__5="",
    )
    page = lead_officer_client.get(url(shared_service, LATER))
    fields = page.context["form"].fields
    assert [n for n in fields if n.startswith("previous__")] == [
        "previous__1__update",
        "previous__3__update",
    ]
    text = page.content.decode()
    assert "Share the duty rota" in text and "Review the fees" in text
    data = answers_for(LATER, shared_service, previous__3__update="Fees reviewed in May")
    assert (
        lead_officer_client.post(url(shared_service, LATER), {**data, "action": "submit"})
    ).status_code == 302
    text = pdf_text(lead_officer_client.get(url(shared_service, LATER, "pdf")))
    assert "ReviewthefeesFeesreviewedinMay" in text


@pytest.mark.parametrize(
    "earlier",
    ["none", "a draft last year", "submitted two years ago"],
)
def test_no_recommendations_are_carried_forward_without_last_years_submitted_review(
    lead_officer_client, shared_service, earlier
):
    if earlier == "a draft last year":
        save_answers(
            response=response_for(shared_service, INITIAL, review(2026)),
            answers={"recommendations__1": "Share the duty rota"},
            user=shared_service.lead_officer,
            submit=False,
        )
    elif earlier == "submitted two years ago":
        submit_review(shared_service, INITIAL, 2025, recommendations__1="Share the duty rota")
    page = lead_officer_client.get(url(shared_service, LATER))
    assert not [n for n in page.context["form"].fields if n.startswith("previous__")]
    assert "No recommendations to update" in page.content.decode()
    data = {**answers_for(LATER, shared_service), "action": "submit"}
    assert lead_officer_client.post(url(shared_service, LATER), data).status_code == 302


@pytest.mark.parametrize(
    "given, left_blank, message",
    [
        ({"recommendations__1": ""}, "recommendations__1", "Answer: Recommendation 1"),
        ({"recommendations__2": "", "recommendations__5": ""}, None, None),
    ],
    ids=["the first is required", "blanks allowed after the first"],
)
def test_next_years_recommendations_are_a_list_the_first_required(
    lead_officer_client, shared_service, given, left_blank, message
):
    data = {**answers_for(LATER, shared_service, **given), "action": "submit"}
    response = lead_officer_client.post(url(shared_service, LATER), data)
    if left_blank:
        assert response.status_code == 400
        assert response.context["form"].errors[left_blank] == [message]
    else:
        assert response.status_code == 302


QUESTION_1 = "1. If they haven't been met or have been met in part: the reasons, and any action "
QUESTION_6 = "6. If 'No': why it should not continue, and the exit plans"


@pytest.mark.parametrize(
    "answer, blank, refused",
    [
        ({"objectives_met": "yes"}, "objectives_not_met_reasons", False),
        ({"objectives_met": "in_part"}, "objectives_not_met_reasons", True),
        ({"objectives_met": "no"}, "objectives_not_met_reasons", True),
        ({"objectives_met": "no"}, "objectives_met_details", False),
        ({"objectives_met": "in_part"}, "objectives_met_details", True),
        ({"unforeseen_benefits": "True"}, "unforeseen_benefits_details", True),
        ({"unforeseen_benefits": "False"}, "unforeseen_benefits_details", False),
        ({"unforeseen_issues": "True"}, "unforeseen_issues_details", True),
        ({"unforeseen_issues": "False"}, "unforeseen_issues_details", False),
        ({"continues": "False"}, "not_continuing", True),
        ({"continues": "True"}, "not_continuing", False),
        ({"continues": "True"}, "key_areas", True),
        ({"continues": "False"}, "key_areas", False),
        ({"continues": "True"}, "changes_required", False),
    ],
)
def test_a_conditional_question_is_required_only_when_its_answer_asks_it_appendix_4a(
    lead_officer_client, shared_service, answer, blank, refused
):
    data = {**complete_answers(INITIAL), **answer, blank: "", "action": "submit"}
    response = lead_officer_client.post(url(shared_service, INITIAL), data)
    assert response.status_code == (400 if refused else 302)
    if refused:
        [error] = response.context["form"].errors[blank]
        assert error.startswith(f"Answer: {dict(INITIAL.fields())[blank].label} (you answered ‘")
        assert "govuk-error-summary" in response.content.decode()


def test_the_message_says_which_answer_asks_the_conditional_question(
    lead_officer_client, shared_service
):
    data = {
        **complete_answers(INITIAL),
        "continues": "False",
        "not_continuing": "",
        "action": "submit",
    }
    page = html.unescape(
        lead_officer_client.post(url(shared_service, INITIAL), data).content.decode()
    )
    assert (
        f"Answer: {QUESTION_6} (you answered ‘No’ to ‘6. Based on the review that has been "
        "undertaken will the shared service continue to operate?’)"
    ) in page


def test_the_filled_4b_pdf_prints_the_rows_from_the_register(
    lead_officer_client, shared_service, two_objectives
):
    first, second = two_objectives
    data = answers_for(
        LATER,
        shared_service,
        **{
            cell("progress", first, "update"): "One team since April",
            cell("progress", second, "update"): "Cost down 8%",
        },
    )
    lead_officer_client.post(url(shared_service, LATER), {**data, "action": "submit"})
    text = pdf_text(lead_officer_client.get(url(shared_service, LATER, "pdf")))
    assert "ObjectiveUpdateShareonebuildingteamOneteamsinceApril" in text
    assert "CutthecostbyatenthCostdown8%" in text
    assert "KeyperformancemeasureTarget2026/27Outturn2026/27" in text
    assert "Costperapplication(£)11" in text


def test_the_blank_4b_pdf_has_empty_rows_to_write_in_as_the_seed(lead_officer_client):
    response = lead_officer_client.get(reverse("council_forms:blank", args=[LATER.key]))
    text = pdf_text(response)
    # Five numbered rows, whether or not a page breaks the table (its head repeats there).
    body = body_text(response.content)
    assert not in_order(body, ["Progressagainstobjectives:ObjectiveUpdate1", *"2345", "Keyperf"])
    assert "KeyperformancemeasureTarget20__/__Outturn20__/__12345" in text
    assert not in_order(
        body,
        [
            "Updateagainstrecommendationsidentifiedinpreviousyearreview:ObjectiveUpdate1",
            "2",
            "Recommendations/ServiceImprovements",
        ],
    )
    # The seed's two lines for the coming year's recommendations.
    assert "Recommendation1Recommendation2CompletedbyOfficercompletingtheform" in text


def test_the_4b_page_reads_the_register_in_the_same_number_of_queries_for_2_or_20_measures(
    lead_officer_client, shared_service
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert lead_officer_client.get(url(shared_service, LATER)).status_code == 200
        return len(captured)

    objective = shared_service.objectives.get()
    PerformanceMeasureFactory(objective=objective)
    two = queries()
    for n in range(18):
        measure = PerformanceMeasureFactory(objective=objective, name=f"Measure {n}")
        MeasureResultFactory(measure=measure, year=YEAR)
    assert queries() == two
