"""Every council form a policy lists in forms_required() has a definition in the engine, for
every shape of arrangement; and the definitions written for the forms that had none
(Dartford's Appendices 1, 2, 3 and 5, D 13(vi) and D 19(iv); Brentwood's business case
report, Terms of Reference and initial Equality Impact Assessment) open, submit, refuse an
incomplete submission and print with the council's headings."""

import io
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from register.choices import TYPES_BY_KIND
from register.council_forms import BY_COUNCIL
from register.council_forms.base import Fact
from register.council_forms.pdf import form_pdf_context
from register.models import FormResponse, FormStatus
from register.occasions import APPROVAL
from register.policies import COUNCILS, get_policy
from register.policies import brentwood as b
from register.policies import dartford as d
from register.roles import Role
from tests.approvals_helpers import other_partnership
from tests.factories import ArrangementFactory, complete_answers

# Every shape of arrangement -----------------------------------------------------------------

COUNCIL_CASES = COUNCILS
KIND_TYPES = [
    pytest.param(kind, type_, id=f"{type_}")
    for kind, types in TYPES_BY_KIND.items()
    for type_ in types
]
ALL_YES, ALL_NO = "every policy question yes (or its first choice)", "every one no (or its last)"


def policy_answers(policy, answers: str) -> dict:
    if answers == ALL_YES:
        return {q.key: q.choices[0][0] if q.choices else True for q in policy.questions}
    return {q.key: q.choices[-1][0] if q.choices else False for q in policy.questions}


def overrides(policy) -> list[str]:
    """No re-categorisation, then each category the policy allows re-categorising to."""
    if not policy.allows_recategorisation:
        return [""]
    return ["", *(category.key for category in policy.categories)]


@pytest.mark.parametrize("council", COUNCIL_CASES)
@pytest.mark.parametrize(("kind", "type_"), KIND_TYPES)
@pytest.mark.parametrize("answers", [ALL_YES, ALL_NO])
@pytest.mark.parametrize("resources", [Decimal("0"), Decimal("100000")], ids=["£0", "£100,000"])
@pytest.mark.parametrize("shares_personal_data", [False, True], ids=["no data", "personal data"])
def test_every_form_a_policy_requires_has_a_definition_for_every_shape_of_arrangement(
    council, kind, type_, answers, resources, shares_personal_data
):
    policy = get_policy(council)
    defined = BY_COUNCIL[council]
    for override in overrides(policy):
        arrangement = ArrangementFactory.build(
            kind=kind,
            type=type_,
            policy_answers=policy_answers(policy, answers),
            cash_per_year=resources,
            staff_cost_per_year=Decimal("0"),
            in_kind_per_year=Decimal("0"),
            shares_personal_data=shares_personal_data,
            category_override=override,
            category_override_reason="Re-categorised for the test" if override else "",
        )
        required = [form.key for form in policy.forms_required(arrangement)]
        missing = [key for key in required if key not in defined]
        assert not missing, f"{council}, re-categorised as {override or 'nothing'}: {missing}"


# The definitions written for the forms that had none ------------------------------------------


@dataclass(frozen=True)
class Case:
    council: str
    key: str
    headings: tuple[str, ...]  # the seed's headings and words, as the PDF prints them
    fields: dict = field(default_factory=dict)  # what makes the policy require the form

    def __str__(self):
        return self.key

    @property
    def definition(self):
        return BY_COUNCIL[self.council][self.key]


SCORECARD_YES = {key: True for key, _question, _met in d.SCORECARD_CRITERIA[:7]}
CASES = [
    Case(
        "dartford",
        d.SCORECARD.key,
        (
            "Partnership Significance Assessment Scorecard",
            "The 'major' criteria (D 5(ii))",
            "Score (D 5(vii))",
            "A score of 0-49% will indicate a 'minor' partnership. A score of 50%+, will "
            "indicate a 'major' partnership.",
            "7 of 13 criteria met (53%): major",
        ),
        {"policy_answers": SCORECARD_YES},
    ),
    Case(
        "dartford",
        d.BUSINESS_CASE_CHECKLIST.key,
        (
            "Partnership Business Case Checklist",
            "Factors to consider (D 6(ii))",
            "Does the Council need to be involved?",
            "Is there an engagement and exit strategy?",
            "Risks and rewards to the Council and local communities (D 6(v))",
        ),
    ),
    Case(
        "dartford",
        d.RISK_AREAS.key,
        (
            "Key Partnership Risk Areas",
            "Key partnership risk areas",
            "Suitability of partners (D 6(v))",
            "Is the Council serving on partnership boards or management teams?",
            "Likelihood (1 to 5)",
        ),
    ),
    Case(
        "dartford",
        d.GOVERNING_DOCUMENT.key,
        (
            "Governing document or partnership agreement of a 'major' partnership",
            "Purpose, membership and accountability (D 7(ii))",
            "How the partners will handle disputes",
            "Review of outputs (to ensure that the partnership represents value for money)",
        ),
        {"policy_answers": {key: True for key in d.CRITERION_MET}},  # 'major'
    ),
    Case(
        "dartford",
        d.ACCOUNTABLE_BODY_RISK_ASSESSMENT.key,
        (
            "Risk assessment of the responsibilities of being the Accountable Body",
            "Responsibilities of the Accountable Body (D 13(v))",
            "Establishing and maintaining effective systems for auditing and monitoring "
            "partnership spend",
            "Prior approval of the Section 151 Officer (or nominee) (D 13(vi))",
        ),
        {"policy_answers": {d.ACCOUNTABLE_BODY: True}},
    ),
    Case(
        "dartford",
        d.INFORMATION_SHARING.key,
        (
            "Kent & Medway Information Sharing Agreement",
            "Information sharing and data quality (D 19)",
        ),
        {"shares_personal_data": True},
    ),
    Case(
        "brentwood",
        b.BUSINESS_CASE_REPORT.key,
        (
            "Business case report",
            "Financial Implications",
            "These costs will need to be identified before any formal decisions are agreed.",
            "Officer support",
        ),
        {"policy_answers": {b.LEVEL: b.BOROUGH.key}},
    ),
    Case(
        "brentwood",
        b.TERMS_OF_REFERENCE.key,
        (
            "Terms of Reference / Partnership Agreement",
            "Responsibilities, accountabilities and liabilities",
            "How each individual organisation can leave the partnership",
        ),
    ),
    Case(
        "brentwood",
        b.EQUALITY_IMPACT_ASSESSMENT.key,
        (
            "Initial Equality Impact Assessment",
            "Protected characteristics (Equality Act 2010)",
            "Public Sector Equality Duty",
            "Could the partnership impact on service delivery or our residents?",
        ),
    ),
]


@pytest.fixture(params=CASES, ids=str)
def case(request, db):
    with override_settings(COUNCIL_POLICY=request.param.council):
        yield request.param


@pytest.fixture
def arrangement(case, lead_officer):
    return other_partnership(lead_officer=lead_officer, **case.fields)


def fill_url(arrangement, key):
    return reverse("council_forms:fill", args=[arrangement.reference, "approval", key])


def pdf_url(arrangement, key):
    return reverse("council_forms:pdf", args=[arrangement.reference, "approval", key])


def squeeze(text):
    return "".join(text.split())


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(squeeze(page.extract_text()) for page in reader.pages)


def test_the_policy_requires_the_form_of_each_case(case, arrangement):
    assert case.key in {form.key for form in get_policy().forms_required(arrangement)}
    assert case.definition.council == get_policy().council


def test_the_form_opens_for_the_lead_officer(case, arrangement, lead_officer_client):
    response = lead_officer_client.get(fill_url(arrangement, case.key))
    assert response.status_code == 200
    page = response.content.decode()
    assert escape(case.definition.title) in page
    for section in case.definition.sections:
        assert f'id="section-{section.key}"' in page


def test_a_save_with_every_answer_submits(case, arrangement, lead_officer_client):
    answers = complete_answers(case.definition)
    response = lead_officer_client.post(
        fill_url(arrangement, case.key), {**answers, "action": "submit"}
    )
    assert response.status_code == 302
    saved = FormResponse.objects.get(arrangement=arrangement, form_key=case.key)
    assert saved.status == FormStatus.SUBMITTED
    assert set(saved.answers) == set(answers)


def test_a_submit_with_a_required_answer_missing_is_refused_on_the_page(
    case, arrangement, lead_officer_client
):
    answers = complete_answers(case.definition)
    left_out, question = next((n, q) for n, q in case.definition.fields() if q.required)
    del answers[left_out]
    response = lead_officer_client.post(
        fill_url(arrangement, case.key), {**answers, "action": "submit"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert escape(f"Answer: {question.label}") in page
    assert not FormResponse.objects.filter(arrangement=arrangement).exists()


def test_the_pdf_prints_the_seeds_headings_and_the_answers(case, arrangement, lead_officer_client):
    lead_officer_client.post(
        fill_url(arrangement, case.key),
        {**complete_answers(case.definition), "action": "submit"},
    )
    text = pdf_text(lead_officer_client.get(pdf_url(arrangement, case.key)))
    for heading in (
        case.definition.council,
        case.definition.source,
        *(section.title for section in case.definition.sections),
        *case.headings,
    ):
        assert squeeze(heading) in text, heading
    assert arrangement.reference in text
    assert "DRAFT" not in text


def test_the_scorecards_criteria_are_the_policys_answers_shown_not_asked(db, lead_officer_client):
    with override_settings(COUNCIL_POLICY="dartford"):
        arrangement = other_partnership(
            lead_officer=lead_officer_client.user, policy_answers=SCORECARD_YES
        )
        page = lead_officer_client.get(fill_url(arrangement, d.SCORECARD.key)).content.decode()
    criteria = d.POLICY.questions_in("scorecard")
    assert len(criteria) == len(d.SCORECARD_CRITERIA)
    for question in criteria:
        assert f'name="{question.key}"' not in page
        assert escape(question.text) in page
    assert "7 of 13 criteria met (53%): major" in page


def test_each_new_definition_shows_facts_and_asks_only_what_the_arrangement_does_not_hold():
    for case in CASES:
        items = [item for section in case.definition.sections for item in section.items]
        assert any(isinstance(item, Fact) for item in items), case.key
        asked = [name for name, _question in case.definition.fields()]
        assert asked and len(set(asked)) == len(asked), case.key
        for name in ("name", "purpose", "partners", "exit_strategy", "equalities_impact"):
            assert name not in asked, (case.key, name)


@pytest.mark.parametrize(
    ("key", "signers"),
    [
        # D 13(vi): "prior approval of the Section 151 Officer (or nominee)".
        (d.ACCOUNTABLE_BODY_RISK_ASSESSMENT.key, [Role.SECTION_151_OFFICER]),
        # The seed names no one who signs the others.
        *((case.key, []) for case in CASES if case.key != d.ACCOUNTABLE_BODY_RISK_ASSESSMENT.key),
    ],
)
def test_signature_lines_only_where_the_seed_names_who_signs_or_approves(key, signers):
    definition = next(case.definition for case in CASES if case.key == key)
    assert [signature.role for signature in definition.signatures] == signers


def test_the_equality_assessments_impacts_are_ticked_under_their_words_not_printed_as_keys(
    db, lead_officer_client
):
    with override_settings(COUNCIL_POLICY="brentwood"):
        arrangement = other_partnership(lead_officer=lead_officer_client.user)
        key = b.EQUALITY_IMPACT_ASSESSMENT.key
        definition = BY_COUNCIL["brentwood"][key]
        answers = complete_answers(definition) | {"impact_race": "negative"}
        lead_officer_client.post(fill_url(arrangement, key), {**answers, "action": "submit"})
        text = pdf_text(lead_officer_client.get(pdf_url(arrangement, key)))
        response = FormResponse.objects.get(form_key=key)
        context = form_pdf_context(
            definition.for_occasion(arrangement, APPROVAL), arrangement, response
        )
    assert squeeze("Protected characteristic Positive Neutral Negative") in text
    assert "Racenegative" not in text and "Agepositive" not in text
    grid = next(
        run["block"]
        for section in context["sections"]
        for run in section["runs"]
        if "table" in run.get("block", {})
    )
    ticked = {label: [cell["ticked"] for cell in cells] for label, cells in grid["rows"]}
    assert ticked["Age"] == [True, False, False]
    assert ticked["Race"] == [False, False, True]


def test_the_blank_form_prints_every_heading_question_and_signature_line(case, lead_officer_client):
    text = pdf_text(lead_officer_client.get(reverse("council_forms:blank", args=[case.key])))
    assert "BLANK" in text
    for section in case.definition.sections:
        assert squeeze(section.title) in text, section.key
        for item in section.items:
            label = getattr(item, "label", "")
            assert squeeze(label) in text, label
    for signature in case.definition.signatures:
        assert squeeze(signature.title) in text
