"""The councils' review templates as council forms (issue 11): every review plan names, by
key, a definition of its own council for every year and, where the council has one, for the
ending (D 4(vi), D 31; SD "Review and Evaluation", Appendices 3 and 4; CB 2.11, 3.2.8;
B "Monitoring and scrutiny of a partnership"; G 6.7). Each definition's example answers
submit, its blank and filled PDFs print the seed's words, and its key questions are asked
in the council's words."""

import html
import io
from dataclasses import dataclass

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from register.choices import Status
from register.council_forms import BY_COUNCIL
from register.council_forms.base import Kind
from register.council_forms.webform import CouncilFormForm
from register.models import FormResponse, FormStatus
from register.occasions import CESSATION, review
from register.policies import COUNCILS, get_policy
from register.policies import brentwood as b
from register.policies import central_bedfordshire as cb
from register.policies import dartford as d
from register.policies import south_derbyshire as sd
from register.roles import Role
from tests.factories import ArrangementFactory, complete_answers
from tests.test_council_forms_missing_definitions import (
    ALL_NO,
    ALL_YES,
    KIND_TYPES,
    overrides,
    policy_answers,
)

YEARS = range(1, 7)
REVIEW = review(2027)

# Every review definition, by council: what the plans must reach between them.
REVIEW_KEYS = {
    "gravesham": {"gravesham_shared_service_review_4a", "gravesham_shared_service_review_4b"},
    "dartford": {"dartford_major_review", "dartford_minor_review"},
    "south_derbyshire": {sd.ASSESSMENT.key, sd.EVALUATION_CHECKLIST.key},
    "central_bedfordshire": {cb.ANNUAL_REVIEW.key, cb.PRIVATE_SECTOR_REPORT.key},
    "brentwood": {b.ANNUAL_ASSESSMENT.key},
}
# Gravesham's partnerships other than shared services are reviewed on no template of its own.
KEYED_EVERY_TEMPLATE = ("dartford", "south_derbyshire", "central_bedfordshire", "brentwood")


def shapes(council):
    """Every arrangement the plans distinguish: each kind and type, each category the policy
    may re-categorise it to, every policy question yes or no."""
    policy = get_policy(council)
    for param in KIND_TYPES:
        kind, type_ = param.values
        for answers in (ALL_YES, ALL_NO):
            for override in overrides(policy):
                yield ArrangementFactory.build(
                    kind=kind,
                    type=type_,
                    policy_answers=policy_answers(policy, answers),
                    category_override=override,
                    category_override_reason="Re-categorised for the test" if override else "",
                )


def plan_templates(plan):
    yield from (plan.template_for(year) for year in YEARS)
    yield plan.on_ending


@pytest.mark.parametrize("council", COUNCILS)
@pytest.mark.parametrize(("kind", "type_"), KIND_TYPES)
@pytest.mark.parametrize("answers", [ALL_YES, ALL_NO])
def test_every_keyed_review_template_resolves_to_a_definition_of_its_council(
    council, kind, type_, answers
):
    policy = get_policy(council)
    for override in overrides(policy):
        arrangement = ArrangementFactory.build(
            kind=kind,
            type=type_,
            policy_answers=policy_answers(policy, answers),
            category_override=override,
            category_override_reason="Re-categorised for the test" if override else "",
        )
        plan = policy.review_plan(arrangement)
        for template in plan_templates(plan):
            if template is None:
                continue
            if council in KEYED_EVERY_TEMPLATE:
                assert template.key, (council, override, template.title)
            if template.key:
                definition = BY_COUNCIL[council].get(template.key)
                assert definition is not None, (council, override, template.key)
                assert definition.council == policy.council


@pytest.mark.parametrize("council", COUNCILS)
def test_the_plans_between_them_reach_every_review_definition_of_the_council(council):
    policy = get_policy(council)
    reached = {
        template.key
        for arrangement in shapes(council)
        for template in plan_templates(policy.review_plan(arrangement))
        if template is not None and template.key
    }
    assert reached == REVIEW_KEYS[council]


@pytest.mark.parametrize(
    ("council", "override", "year_key", "ending_key"),
    [
        # D 31(i) and (ii): 'major' in full, 'minor' light touch.
        ("dartford", d.MAJOR.key, "dartford_major_review", None),
        ("dartford", d.MINOR.key, "dartford_minor_review", None),
        # SD Appendix 3 every year, Appendix 4 when it ends.
        (
            "south_derbyshire",
            sd.COMMUNITY_BASED.key,
            sd.ASSESSMENT.key,
            sd.EVALUATION_CHECKLIST.key,
        ),
        ("south_derbyshire", sd.NOT_A_PARTNERSHIP.key, None, None),
        # CB 2.11.1 for public sector partnerships, CB 3.2.8 for private sector ones.
        ("central_bedfordshire", cb.STRATEGIC.key, cb.ANNUAL_REVIEW.key, None),
        ("central_bedfordshire", cb.DELIVERY.key, cb.ANNUAL_REVIEW.key, None),
        ("central_bedfordshire", cb.PRIVATE.key, cb.PRIVATE_SECTOR_REPORT.key, None),
        # B "Monitoring and scrutiny of a partnership": both levels.
        ("brentwood", b.BOROUGH.key, b.ANNUAL_ASSESSMENT.key, None),
        ("brentwood", b.SERVICE_LEVEL.key, b.ANNUAL_ASSESSMENT.key, None),
    ],
)
def test_each_category_is_reviewed_on_its_councils_template(
    council, override, year_key, ending_key
):
    arrangement = ArrangementFactory.build(
        category_override=override, category_override_reason="Re-categorised for the test"
    )
    plan = get_policy(council).review_plan(arrangement)
    for year in YEARS:
        template = plan.template_for(year)
        assert (template.key if template else None) == year_key, year
    assert (plan.on_ending.key if plan.on_ending else None) == ending_key


# Each definition: fill, submit and print ----------------------------------------------------


@dataclass(frozen=True)
class Case:
    council: str
    key: str
    override: str  # the category whose plan names it
    words: tuple[str, ...]  # the seed's words, as the page and both PDFs print them
    occasion: object = REVIEW
    guidance: tuple[str, ...] = ()  # hints and options: on the page and the blank PDF

    def __str__(self):
        return self.key

    @property
    def definition(self):
        return BY_COUNCIL[self.council][self.key]


CASES = [
    Case(
        "dartford",
        "dartford_major_review",
        d.MAJOR.key,
        (
            "Partnership Evaluation: Self Assessment (Appendix 7)",
            "The Partnership Evaluation: Self Assessment at Appendix 7 focuses on outcomes and "
            "the partnership's achievements.",
            "Is the partnership still required?",
            "How effectively is the partnership working?",
            "Review of their financial performance in respect to adherence to budgets and any "
            "other financial targets",
            "Review of delivery of the partnership's objectives (performance management backed "
            "up by reliable, high quality performance data)",
            "Review of outputs (to ensure that the partnership represents value for money)",
            "Review of the adequacy of reporting arrangements to the partners",
            "Recommended outcome (D 6(vi))",
            "Annual Governance Statement (D 6(viii))",
            "Is there an issue to flag for the Annual Governance Statement: the issue has led "
            "to a material impact on the accounts?",
        ),
        guidance=("Remain involved at a different level, e.g. as a watching brief",),
    ),
    Case(
        "dartford",
        "dartford_minor_review",
        d.MINOR.key,
        (
            "using a light touch approach, with focus on the financial and risk implications "
            "for the Council",
            "Financial implications for the Council",
            "Risk implications for the Council",
            "Withdraw from the partnership",
            "the Section 151 Officer has reported on it as significant in the annual opinion on "
            "the internal control environment",
        ),
        guidance=("Allow another body to represent the Council's interests",),
    ),
    Case(
        "south_derbyshire",
        sd.ASSESSMENT.key,
        sd.COMMUNITY_BASED.key,
        (
            "Partnership Assessment",
            # The seed's grid: a row for each feature, its standard, the four scores and
            # the evidence.
            "1. Action & Outcome focused",
            "The Partnership has clear purpose, agreed vision, targets and milestones.",
            "7. Committed to learning & Development",
            "10. Regularly evaluates",
            "1 Not in place – Priority for action",
            "4 Standard met – No action needed",
            "Evidence",
            "Please indicate where evidence can be found, in order to demonstrate position",
        ),
    ),
    Case(
        "south_derbyshire",
        sd.EVALUATION_CHECKLIST.key,
        sd.COMMUNITY_BASED.key,
        (
            "A checklist for evaluating a partnership",
            "Please state the reasons for the evaluation, update or due to partnership being "
            "concluded.",
            "Are/were the right members on the partnership?",
            "How effective is/was the partnership agreement in structuring the partnership?",
            "Provide a list of the activities and outcomes delivered or contributed to by the "
            "partnership",
            "Use of Resources",
            "Are/were the methods successful? How could they be/have been improved?",
        ),
        CESSATION,
    ),
    Case(
        "central_bedfordshire",
        cb.ANNUAL_REVIEW.key,
        cb.STRATEGIC.key,
        (
            "Annual Review meeting (CB 2.11.1)",
            "Its achievement of critical targets and milestones",
            "Are any changes in objectives or terms of reference needed for the following year?",
            "The ongoing adequacy of risk management arrangements",
            "Are resources effectively allocated across the functions of the partnership to "
            "ensure its ongoing effectiveness?",
            "Report of the annual review (CB 2.11.2)",
            "Received at",
            "A report of the annual review should be received at the lead authority's executive",
            "Is corrective action required?",
        ),
    ),
    Case(
        "central_bedfordshire",
        cb.PRIVATE_SECTOR_REPORT.key,
        cb.PRIVATE.key,
        (
            "Report on the performance of a private sector partnership",
            "report at least once a year to the Executive and the relevant overview and "
            "scrutiny committee on the performance of the private sector partnerships",
            "Council Authorised Officer (CB 3.2.7)",
            "Are the contract terms and conditions and specification met?",
            "including those that reflect service users' experience (CB 3.2.5)",
        ),
    ),
    Case(
        "brentwood",
        b.ANNUAL_ASSESSMENT.key,
        b.BOROUGH.key,
        (
            "Annual performance assessment",
            "The benefit and value provided by the partnership to the work of Brentwood "
            "Borough Council",
            "Recommendation to the decision-maker",
            "Continue to support engagement (approval)",
            "How the partnership working is to be improved",
        ),
        guidance=(
            "A self assessment reference tool has been designed to assist officers when "
            "reviewing and assessing the effectiveness of the partnership.",
            "Continue to support engagement with a view to improving the partnership working "
            "(conditional approval)",
            "Critically review the partnership with a view to the Council's disengagement",
        ),
    ),
]


@pytest.fixture(params=CASES, ids=str)
def case(request, db):
    with override_settings(COUNCIL_POLICY=request.param.council):
        yield request.param


@pytest.fixture
def active(case, lead_officer):
    return ArrangementFactory(
        name="Safer Streets Partnership",
        status=Status.ACTIVE,
        lead_officer=lead_officer,
        complete=True,
        category_override=case.override,
        category_override_reason="Re-categorised for the test",
    )


def url(arrangement, case, view="fill"):
    return reverse(f"council_forms:{view}", args=[arrangement.reference, case.occasion, case.key])


def squeeze(text):
    return "".join(text.split())


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(squeeze(page.extract_text()) for page in reader.pages)


def test_the_plan_of_the_cases_arrangement_names_the_definition(case, active):
    plan = get_policy().review_plan(active)
    named = plan.on_ending if case.occasion == CESSATION else plan.template_for(1)
    assert named.key == case.key


def test_the_example_answers_are_complete_and_submit(case, active, lead_officer_client):
    answers = complete_answers(case.definition)
    assert not any(case.definition.missing(answers).values())
    response = lead_officer_client.post(url(active, case), {**answers, "action": "submit"})
    assert response.status_code == 302
    saved = FormResponse.objects.get(arrangement=active, form_key=case.key)
    assert (saved.occasion, saved.status) == (case.occasion.key, FormStatus.SUBMITTED)
    assert set(saved.answers) == set(answers)


def test_the_page_asks_in_the_seeds_words(case, active, lead_officer_client):
    page = lead_officer_client.get(url(active, case))
    assert page.status_code == 200
    text = html.unescape(page.content.decode())  # crispy and Django escape quotes differently
    assert case.definition.title in text
    assert case.occasion.label in text
    for words in (*case.words, *case.guidance):
        assert words in text, words


def test_a_required_answer_missing_is_refused_with_a_message_and_nothing_saved(
    case, active, lead_officer_client
):
    name, question = next((n, q) for n, q in case.definition.fields() if q.required)
    data = {**complete_answers(case.definition), name: "", "action": "submit"}
    response = lead_officer_client.post(url(active, case), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert escape(f"Answer: {question.label}") in page
    assert not FormResponse.objects.exists()


def test_someone_not_responsible_for_it_may_read_but_not_fill_it(case, active, client_for):
    client = client_for(Role.INTERNAL_AUDIT)
    data = {**complete_answers(case.definition), "action": "submit"}
    response = client.post(url(active, case), data)
    assert response.status_code == 403
    assert "You can read this form but not change it." in response.content.decode()
    assert not FormResponse.objects.exists()


def test_the_filled_pdf_prints_the_seeds_words_and_the_answers(case, active, lead_officer_client):
    lead_officer_client.post(
        url(active, case), {**complete_answers(case.definition), "action": "submit"}
    )
    text = pdf_text(lead_officer_client.get(url(active, case, "pdf")))
    for words in (case.definition.council, case.definition.source, *case.words):
        assert squeeze(words) in text, words
    assert squeeze("Safer Streets Partnership") in text
    assert squeeze(case.occasion.label) in text
    assert "DRAFT" not in text


def test_the_blank_pdf_prints_every_heading_and_question(case, lead_officer_client):
    text = pdf_text(lead_officer_client.get(reverse("council_forms:blank", args=[case.key])))
    assert "BLANK" in text
    for words in (*case.words, *case.guidance):
        assert squeeze(words) in text, words
    for section in case.definition.sections:
        assert squeeze(section.title) in text, section.key
        for item in section.items:
            assert squeeze(item.label) in text, item.label


# The rules of particular templates -----------------------------------------------------------

ASSESSMENT = BY_COUNCIL["south_derbyshire"][sd.ASSESSMENT.key]
SCORE = "feature_1_score"
NOT_A_SCORE = "Select a valid choice. {} is not one of the available choices."


def assessment_form(data):
    return CouncilFormForm(
        data,
        definition=ASSESSMENT,
        row=FormResponse(form_key=ASSESSMENT.key, occasion=REVIEW.key),
    )


def test_the_assessment_scores_each_of_the_ten_features_1_to_4_with_evidence_sd_appendix_3():
    scores = [q for name, q in ASSESSMENT.fields() if name.endswith("_score")]
    evidence = [q for name, q in ASSESSMENT.fields() if name.endswith("_evidence")]
    assert len(scores) == len(evidence) == 10
    for question in scores:
        assert question.kind == Kind.CHOICE and question.required
        assert [value for value, _label in question.choices] == ["1", "2", "3", "4"]
    assert all(question.required for question in evidence)


@pytest.mark.parametrize("score", ["1", "4"], ids=["lowest 1", "highest 4"])
def test_a_score_of_1_to_4_is_taken(score):
    form = assessment_form({**complete_answers(ASSESSMENT), SCORE: score})
    assert form.is_valid(), form.errors
    form.check_complete()
    assert form.is_valid(), form.errors
    assert form.answers()[SCORE] == score


@pytest.mark.parametrize("score", ["0", "5", "x", "2.5"])
def test_any_other_score_is_refused_by_the_form(score):
    form = assessment_form({**complete_answers(ASSESSMENT), SCORE: score})
    assert not form.is_valid()
    assert form.errors[SCORE] == [NOT_A_SCORE.format(score)]


def test_a_blank_score_is_refused_on_submit_but_kept_in_a_draft():
    form = assessment_form({**complete_answers(ASSESSMENT), SCORE: ""})
    assert form.is_valid()  # a draft may leave it blank
    form.check_complete()
    assert form.errors[SCORE] == ["Answer: 1. Action & Outcome focused: score"]


@pytest.fixture
def sd_active(lead_officer):
    with override_settings(COUNCIL_POLICY="south_derbyshire"):
        yield ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer, complete=True)


def assessment_url(arrangement):
    return reverse("council_forms:fill", args=[arrangement.reference, REVIEW, ASSESSMENT.key])


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ("0", NOT_A_SCORE.format("0")),
        ("5", NOT_A_SCORE.format("5")),
        ("x", NOT_A_SCORE.format("x")),
        ("", "Answer: 1. Action &amp; Outcome focused: score"),
    ],
    ids=["0", "5", "x", "blank"],
)
@pytest.mark.parametrize("action", ["submit", "draft"])
def test_a_score_other_than_1_to_4_is_refused_on_the_page_and_nothing_saved(
    sd_active, lead_officer_client, score, message, action
):
    data = {**complete_answers(ASSESSMENT), SCORE: score, "action": action}
    response = lead_officer_client.post(assessment_url(sd_active), data)
    if score == "" and action == "draft":
        assert response.status_code == 302  # a draft keeps what is given
        saved = FormResponse.objects.get()
        assert saved.status == FormStatus.DRAFT and saved.answers[SCORE] == ""
        return
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert f'href="#id_{SCORE}' in page
    assert not FormResponse.objects.exists()


def test_each_score_prints_in_the_seeds_words(sd_active, lead_officer_client):
    data = {**complete_answers(ASSESSMENT), SCORE: "3", "action": "submit"}
    lead_officer_client.post(assessment_url(sd_active), data)
    pdf = lead_officer_client.get(
        reverse("council_forms:pdf", args=[sd_active.reference, REVIEW, ASSESSMENT.key])
    )
    assert squeeze("3 Action identified – Being implemented") in pdf_text(pdf)


def choices_of(council, key, question):
    definition = BY_COUNCIL[council][key]
    return next(q for name, q in definition.fields() if name == question).choices


@pytest.mark.parametrize("key", ["dartford_major_review", "dartford_minor_review"])
def test_both_dartford_reviews_end_in_one_of_the_five_decisions_and_the_ags_categories(key):
    labels = [label for _value, label in choices_of("dartford", key, "outcome")]
    assert [label.lower() for label in labels] == [o.words.lower() for o in d.REVIEW_OUTCOMES]
    asked = dict(BY_COUNCIL["dartford"][key].fields())
    for n, category in enumerate(d.GOVERNANCE_STATEMENT_ISSUES, start=1):
        assert category in asked[f"ags_{n}"].label
        assert asked[f"ags_{n}"].kind == Kind.YES_NO and asked[f"ags_{n}"].required
        # The details of an issue are asked, and needed, only when one is flagged.
        assert asked[f"ags_{n}_details"].when == (f"ags_{n}", (True,))
    assert f"ags_{len(d.GOVERNANCE_STATEMENT_ISSUES) + 1}" not in asked


def test_brentwood_recommends_one_of_its_three_and_asks_the_improvements_on_conditional_approval():
    labels = [
        label
        for _value, label in choices_of("brentwood", b.ANNUAL_ASSESSMENT.key, "recommendation")
    ]
    assert [label.lower() for label in labels] == [
        o.words.lower() for o in b.REVIEW_RECOMMENDATIONS
    ]
    asked = dict(BY_COUNCIL["brentwood"][b.ANNUAL_ASSESSMENT.key].fields())
    improvement = asked["improvement_actions"]
    assert improvement.when == ("recommendation", ("continue_with_improvement",))
    assert "(conditional approval)" in improvement.hint
