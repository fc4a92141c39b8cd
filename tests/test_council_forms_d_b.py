"""Dartford's and Brentwood's templates: the 'minor' governance elements (D 7(vii)), the
Section 151 Officer's financial checklist (D 12(iv)) and Brentwood's nine key controls, each
filled, refused when incomplete, and printed filled or blank."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from register.council_forms import DEFINITIONS
from register.council_forms.base import Fact, Question
from register.council_forms.brentwood import CONTROL_FACTS
from register.council_forms.dartford import ELEMENT_FACTS, S151_CHECKLIST_KEY, element_key
from register.models import FormResponse, FormStatus
from register.policies import get_policy
from register.policies.brentwood import KEY_CONTROLS, PARTNERSHIP_CHECKLIST
from register.policies.dartford import (
    APPROVER,
    CABINET,
    MINOR_GOVERNANCE,
    MINOR_GOVERNANCE_ELEMENTS,
    S151_ITEMS,
)
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, person
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db

GOVERNANCE = DEFINITIONS[MINOR_GOVERNANCE.key]
S151 = DEFINITIONS[S151_CHECKLIST_KEY]
KEY_CONTROLS_FORM = DEFINITIONS[PARTNERSHIP_CHECKLIST.key]
ALL = [GOVERNANCE, S151, KEY_CONTROLS_FORM]
ALL_KEYS = [definition.key for definition in ALL]

DARTFORD = get_policy("dartford")
BRENTWOOD = get_policy("brentwood")
CONTROL_QUESTIONS = BRENTWOOD.questions_in("key_controls")


@pytest.fixture(autouse=True)
def the_forms_council(request, settings):
    """Each council's templates are filled under that council's policy (others are not
    found): Brentwood's checklist under Brentwood, Dartford's forms otherwise."""
    key = getattr(request.node, "callspec", None) and request.node.callspec.params.get("key")
    settings.COUNCIL_POLICY = "brentwood" if key == KEY_CONTROLS_FORM.key else "dartford"


def fill_url(arrangement, key):
    return reverse("council_forms:fill", args=[arrangement.reference, "approval", key])


def pdf_url(arrangement, key):
    return reverse("council_forms:pdf", args=[arrangement.reference, "approval", key])


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join("".join(page.extract_text().split()) for page in reader.pages)


def squeeze(text):
    return "".join(text.split())


def questions(definition):
    return [item for s in definition.sections for item in s.items if isinstance(item, Question)]


def facts(definition):
    return [item for s in definition.sections for item in s.items if isinstance(item, Fact)]


def complete_answers(definition):
    """A different answer to every question, so each can be found again."""
    return {name: f"Answered {name}" for name, _question in definition.fields()}


@pytest.fixture
def arrangement(lead_officer):
    return other_partnership(lead_officer=lead_officer)


# The definitions and the policies ---------------------------------------------------------------


def test_each_definition_carries_the_key_its_policy_names_in_forms_required():
    minor = other_partnership()  # no scorecard criterion met
    assert DARTFORD.effective_classification(minor).category.key == "minor"
    assert GOVERNANCE.key in {form.key for form in DARTFORD.forms_required(minor)}
    borough = other_partnership(policy_answers={"partnership_level": "borough"})
    assert KEY_CONTROLS_FORM.key in {form.key for form in BRENTWOOD.forms_required(borough)}
    # The policy names no template for D 12(iv) yet; the definition waits under this key.
    assert S151.key == "dartford_s151_financial_checklist"


def test_every_definition_names_its_council_title_and_source():
    for definition in ALL:
        assert definition.council and definition.title and definition.source
    assert (GOVERNANCE.council, KEY_CONTROLS_FORM.council) == (
        "Dartford Borough Council",
        "Brentwood Borough Council",
    )
    assert "D 7(vii)" in GOVERNANCE.source
    assert "D 12(iv)" in S151.source


def test_the_governance_form_asks_how_each_of_the_policys_24_elements_is_covered():
    assert len(MINOR_GOVERNANCE_ELEMENTS) == 24
    asked = questions(GOVERNANCE)
    assert len(asked) == len(MINOR_GOVERNANCE_ELEMENTS)
    assert len({q.key for q in asked}) == len(asked)  # one answer each
    for question, element in zip(asked, MINOR_GOVERNANCE_ELEMENTS, strict=True):
        assert element[1:] in question.label
        assert question.required
    assert set(ELEMENT_FACTS) <= {element_key(e) for e in MINOR_GOVERNANCE_ELEMENTS}


def test_the_s151_checklist_asks_the_lead_officer_for_each_items_arrangements_not_the_agreement():
    # D 12(iv): the Section 151 Officer agrees each item on the decision page; the lead
    # officer's form sets out the arrangements and records no agreement.
    assert len(S151_ITEMS) == 6
    shown = " ".join(fact.label for fact in facts(S151)).lower()
    assert "agreed so far" not in shown and "has the section 151" not in shown
    asked = questions(S151)
    assert len(asked) == 6
    assert all(q.required for q in asked)
    for question, (_key, item) in zip(asked, S151_ITEMS, strict=True):
        assert item[1:] in question.label
        assert question.label.endswith("the arrangements proposed")
    assert [s.role for s in S151.signatures] == [Role.SECTION_151_OFFICER]


def test_the_key_controls_form_shows_the_policys_9_controls_and_asks_for_the_evidence():
    assert len(KEY_CONTROLS) == len(CONTROL_QUESTIONS) == 9
    shown = {fact.label for fact in facts(KEY_CONTROLS_FORM)}
    assert {q.text for q in CONTROL_QUESTIONS} <= shown
    asked = questions(KEY_CONTROLS_FORM)
    assert len(asked) == 9
    assert all(q.required for q in asked)
    for question, (_key, control) in zip(asked, KEY_CONTROLS, strict=True):
        assert control in question.label
    assert set(CONTROL_FACTS) <= {key for key, _control in KEY_CONTROLS}


# Filling in -------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ALL_KEYS)
def test_complete_answers_are_submitted(lead_officer_client, arrangement, key):
    definition = DEFINITIONS[key]
    data = {**complete_answers(definition), "action": "submit"}
    assert lead_officer_client.post(fill_url(arrangement, key), data).status_code == 302
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert saved.status == FormStatus.SUBMITTED
    assert saved.answers == complete_answers(definition)


@pytest.mark.parametrize("key", ALL_KEYS)
def test_a_missing_answer_is_refused_with_its_question(lead_officer_client, arrangement, key):
    definition = DEFINITIONS[key]
    data = complete_answers(definition)
    left_out, first_missing = next(iter(definition.fields()))
    del data[left_out]
    response = lead_officer_client.post(fill_url(arrangement, key), {**data, "action": "submit"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f"Answer: {first_missing.label}".replace("'", "&#x27;") in page
    assert f'href="#id_{left_out}"' in page
    assert not FormResponse.objects.exists()


@pytest.mark.parametrize("key", ALL_KEYS)
def test_nothing_answered_lists_every_question(lead_officer_client, arrangement, key):
    definition = DEFINITIONS[key]
    response = lead_officer_client.post(fill_url(arrangement, key), {"action": "submit"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {name for name, _question in definition.fields()}
    for name, question in definition.fields():
        assert errors[name] == [f"Answer: {question.label}"]


def test_the_lead_officers_s151_form_asks_nothing_of_the_agreement(
    lead_officer_client, lead_officer
):
    arrangement = other_partnership(lead_officer=lead_officer)
    page = lead_officer_client.get(fill_url(arrangement, S151.key)).content.decode()
    assert 'name="s151_budget_availability_details"' in page
    assert 'name="s151_budget_availability"' not in page
    assert "Has the Section 151 Officer" not in page
    assert 'name="name"' not in page
    assert arrangement.name in page


# The PDFs ---------------------------------------------------------------------------------------


def filled_pdf(client, arrangement, definition):
    client.post(
        fill_url(arrangement, definition.key),
        {**complete_answers(definition), "action": "submit"},
    )
    return pdf_text(client.get(pdf_url(arrangement, definition.key)))


def test_the_filled_governance_pdf_has_every_answer_and_what_the_arrangement_holds(
    settings, lead_officer_client, arrangement
):
    settings.COUNCIL_POLICY = "dartford"  # the council named at the top of the PDF
    text = filled_pdf(lead_officer_client, arrangement, GOVERNANCE)
    for answer in complete_answers(GOVERNANCE).values():
        assert squeeze(answer) in text, answer
    for expected in (
        "Dartford Borough Council",
        arrangement.reference,
        arrangement.name,
        "Six months' notice to the other partners.",  # the exit strategy, a fact
        "0 of 13 criteria met (0%): minor",  # the scorecard, from the policy answers
    ):
        assert squeeze(expected) in text, expected
    assert "DRAFT" not in text


def test_the_filled_s151_pdf_has_the_lead_officers_details(lead_officer_client, lead_officer):
    arrangement = other_partnership(lead_officer=lead_officer)
    text = filled_pdf(lead_officer_client, arrangement, S151)
    for answer in complete_answers(S151).values():
        assert squeeze(answer) in text, answer


def test_the_filled_key_controls_pdf_has_the_evidence_and_the_controls_as_facts(
    settings, lead_officer_client, lead_officer
):
    settings.COUNCIL_POLICY = "brentwood"  # the council named at the top of the PDF
    answers = {q.key: True for q in CONTROL_QUESTIONS[:8]} | {CONTROL_QUESTIONS[8].key: False}
    arrangement = other_partnership(lead_officer=lead_officer, policy_answers=answers)
    text = filled_pdf(lead_officer_client, arrangement, KEY_CONTROLS_FORM)
    for answer in complete_answers(KEY_CONTROLS_FORM).values():
        assert squeeze(answer) in text, answer
    for question in CONTROL_QUESTIONS[:8]:
        assert squeeze(question.text) + "Yes" in text, question.key
    assert squeeze(CONTROL_QUESTIONS[8].text) + "No" in text
    assert squeeze("8 of 9 key controls evidenced") in text
    assert squeeze("Brentwood Borough Council") in text


@pytest.mark.parametrize("key", ALL_KEYS)
def test_the_blank_pdf_has_every_question(lead_officer_client, key):
    definition = DEFINITIONS[key]
    text = pdf_text(lead_officer_client.get(reverse("council_forms:blank", args=[key])))
    assert "BLANK" in text
    assert squeeze(definition.title) in text
    for question in questions(definition):
        assert squeeze(question.label) in text, question.key
    for fact in facts(definition):
        assert squeeze(fact.label) in text, fact.label
    for signature in definition.signatures:
        assert squeeze(signature.title) in text


def test_the_s151_pdf_carries_the_section_151_officers_agreement(
    settings, lead_officer_client, lead_officer
):
    settings.COUNCIL_POLICY = "dartford"
    arrangement = other_partnership(lead_officer=lead_officer, policy_answers={APPROVER: CABINET})
    lead_officer_client.post(
        fill_url(arrangement, S151.key), {**complete_answers(S151), "action": "submit"}
    )
    step = pending(submit(arrangement))[0]
    assert step.role == Role.SECTION_151_OFFICER
    decide(step, person(Role.SECTION_151_OFFICER, first_name="Sarah", last_name="Martin"))
    text = pdf_text(lead_officer_client.get(pdf_url(arrangement, S151.key)))
    assert squeeze("Section 151 Officer (or nominee)") in text
    assert squeeze("Sarah Martin") in text
    assert "Agree" in text
