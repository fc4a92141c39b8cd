"""Gravesham's agreement checklists, South Derbyshire's Information Form and Partnership
Agreement, and Central Bedfordshire's Board terms of reference: filled in, refused when
incomplete, printed filled and blank, and never asking what the arrangement holds."""

from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils.html import escape

from register.choices import ArrangementType, DocumentKind
from register.choices import Kind as ArrangementKind
from register.council_forms import DEFINITIONS
from register.council_forms.base import Fact, Kind
from register.models import Arrangement, FormResponse, FormStatus
from register.policies import central_bedfordshire as cb
from register.policies import get_policy
from register.policies import gravesham as g
from register.policies import south_derbyshire as sd
from tests.approvals_helpers import other_partnership
from tests.factories import (
    ArrangementFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    ObjectiveFactory,
)
from tests.test_council_forms import pdf_text, squeeze

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Case:
    template: object  # the policy's FormTemplate
    policy: str
    heading: str  # one of the council's own headings in the template
    shared_service: bool = False

    @property
    def definition(self):
        return DEFINITIONS[self.template.key]

    def __str__(self):
        return self.template.key


CASES = [
    Case(g.PARTNERSHIP_CHECKLIST, "gravesham", "Drawing up a partnership agreement"),
    Case(
        g.SHARED_SERVICE_CHECKLIST,
        "gravesham",
        "Drawing up a shared service agreement",
        shared_service=True,
    ),
    Case(sd.INFORMATION_FORM, "south_derbyshire", "Performance Review Details"),
    Case(sd.AGREEMENT, "south_derbyshire", "Notes on completion"),
    Case(cb.BOARD_TERMS_OF_REFERENCE, "central_bedfordshire", "Joint Committee or Board"),
]
WITH_REQUIRED = [c for c in CASES if any(q.required for _, q in c.definition.fields())]


@pytest.fixture(params=CASES, ids=str)
def case(request, settings):
    settings.COUNCIL_POLICY = request.param.policy
    return request.param


@pytest.fixture
def arrangement(case, lead_officer):
    fields = {"lead_officer": lead_officer, "exit_strategy": "Six months notice by any partner"}
    if case.shared_service:
        fields |= {
            "kind": ArrangementKind.SHARED_SERVICE,
            "type": ArrangementType.FULL_SHARED_SERVICE,
        }
    return other_partnership(**fields)


def fill_url(arrangement, key):
    return reverse("council_forms:fill", args=[arrangement.reference, "approval", key])


def pdf_url(arrangement, key):
    return reverse("council_forms:pdf", args=[arrangement.reference, "approval", key])


def complete_answers(definition):
    """Every question answered: yes, the first choice, or words naming the question."""
    answers = {}
    for name, question in definition.fields():
        if question.kind == Kind.YES_NO:
            answers[name] = "True"
        elif question.kind == Kind.CHOICE:
            answers[name] = question.choices[0][0]
        else:
            answers[name] = f"Answer for {name}"
    return answers


def submit(client, arrangement, definition, answers):
    return client.post(fill_url(arrangement, definition.key), {**answers, "action": "submit"})


def test_each_template_is_one_its_councils_policy_requires(lead_officer_client, case, arrangement):
    assert case.definition.key == case.template.key
    assert case.template in get_policy().forms_required(arrangement)
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    assert fill_url(arrangement, case.definition.key) in page


def test_a_complete_set_of_answers_is_submitted(lead_officer_client, case, arrangement):
    response = submit(
        lead_officer_client, arrangement, case.definition, complete_answers(case.definition)
    )
    assert response.status_code == 302
    saved = FormResponse.objects.get(arrangement=arrangement, form_key=case.definition.key)
    assert saved.status == FormStatus.SUBMITTED


@pytest.mark.parametrize("case", WITH_REQUIRED, ids=str, indirect=True)
def test_submitting_without_the_required_answers_is_refused_naming_each(
    lead_officer_client, case, arrangement
):
    response = submit(lead_officer_client, arrangement, case.definition, {})
    assert response.status_code == 400
    errors = response.context["form"].errors
    for name, question in case.definition.fields():
        if question.required and question.asked({}):
            assert errors[name] == [f"Answer: {question.label}"]
        else:
            # "(if applicable)" and the like may stay blank, as may a question asked only on
            # an answer not given ("where it serves the public").
            assert name not in errors
    assert "govuk-error-summary" in response.content.decode()
    assert not FormResponse.objects.exists()


def test_the_information_form_asks_nothing_required_as_the_arrangement_holds_it(
    lead_officer_client, settings, lead_officer
):
    settings.COUNCIL_POLICY = "south_derbyshire"
    arrangement = other_partnership(lead_officer=lead_officer)
    definition = DEFINITIONS[sd.INFORMATION_FORM.key]
    assert not any(q.required for _, q in definition.fields())
    assert submit(lead_officer_client, arrangement, definition, {}).status_code == 302
    assert FormResponse.objects.get().status == FormStatus.SUBMITTED


def test_the_filled_pdf_has_the_answers_and_the_councils_headings(
    lead_officer_client, case, arrangement
):
    definition = case.definition
    submit(lead_officer_client, arrangement, definition, complete_answers(definition))
    text = pdf_text(lead_officer_client.get(pdf_url(arrangement, definition.key)))
    expected = [
        definition.title,
        definition.council,
        case.heading,
        arrangement.name,
        *(section.title for section in definition.sections),
        *(
            answer
            for answer in complete_answers(definition).values()
            if answer.startswith("Answer for")
        ),
    ]
    for words in expected:
        assert squeeze(words) in text, words
    if any(q.kind == Kind.YES_NO for _, q in definition.fields()):
        assert "Yes" in text
    assert "DRAFT" not in text  # submitted


def test_the_blank_pdf_has_every_question_and_only_the_templates_signatures(
    lead_officer_client, case
):
    definition = case.definition
    text = pdf_text(lead_officer_client.get(reverse("council_forms:blank", args=[definition.key])))
    assert "BLANK" in text
    labels = [
        item.label for section in definition.sections for item in section.items
    ]  # questions and facts alike
    for label in labels:
        assert squeeze(label) in text, label
    for _, question in definition.fields():  # the options to circle
        for _, option in question.choices:
            assert squeeze(option) in text, option
    # The endorsement under the template's own heading ("Reviewed by"), or none.
    assert (squeeze(definition.endorsement.title) in text) == bool(definition.signatures)
    for signature in definition.signatures:
        assert squeeze(signature.title) in text


def test_facts_come_from_the_arrangement_and_are_never_asked(
    lead_officer_client, case, arrangement
):
    page = lead_officer_client.get(fill_url(arrangement, case.definition.key)).content.decode()
    assert arrangement.name in page
    for field in Arrangement._meta.concrete_fields:
        assert f'name="{field.name}"' not in page, field.name
    for name, _question in case.definition.fields():
        assert f'name="{name}"' in page
    facts = [i for s in case.definition.sections for i in s.items if isinstance(i, Fact)]
    assert facts
    for fact in facts:
        assert escape(fact.label) in page


def test_the_information_form_shows_the_arrangements_risks_representatives_and_agreement(
    lead_officer_client, settings, lead_officer
):
    settings.COUNCIL_POLICY = "south_derbyshire"
    arrangement = ArrangementFactory(
        complete=True,
        lead_officer=lead_officer,
        meeting_place="Civic Offices, Swadlincote",
        policy_answers={sd.RESOURCES_BEYOND_BUDGET: True},
    )
    CouncilRepresentativeFactory(arrangement=arrangement, name="Cllr Ann Moore", is_member=True)
    DocumentFactory(
        arrangement=arrangement, kind=DocumentKind.AGREEMENT, title="Signed agreement 2026"
    )
    page = lead_officer_client.get(fill_url(arrangement, sd.INFORMATION_FORM.key)).content.decode()
    for shown in (
        "A partner withdraws its funding (likelihood 2 × impact 4 = 8)",
        # The representatives in the template's table: Name | Date started | Date finished.
        'data-label="Name">Cllr Ann Moore (Board member, elected Member)</td>',
        'data-label="Date started">1 April 2026</td>',
        'data-label="Date finished">Not finished</td>',
        "Yes: Signed agreement 2026 (Partnership agreement)",
        "Quarterly; at Civic Offices, Swadlincote",
        "Additional funds are required: SMT must agree them first",
        "Funding: £10,000 a year",
        "In all: £15,000 a year",
    ):
        assert shown in page, shown


def test_the_partnership_agreement_shows_the_objectives_and_needs_a_valid_completion_choice(
    lead_officer_client, settings, lead_officer
):
    settings.COUNCIL_POLICY = "south_derbyshire"
    arrangement = other_partnership(lead_officer=lead_officer)
    ObjectiveFactory(arrangement=arrangement)
    url = fill_url(arrangement, sd.AGREEMENT.key)
    page = lead_officer_client.get(url).content.decode()
    assert "Reduce anti-social behaviour in the town centre" in page
    assert "Unincorporated association" in page  # legal status, in its words
    response = lead_officer_client.post(url, {"completed_as": "partly", "action": "draft"})
    assert response.status_code == 400
    assert "completed_as" in response.context["form"].errors


def test_the_board_terms_of_reference_take_all_fifteen_items_from_the_policy(
    lead_officer_client, settings, lead_officer
):
    settings.COUNCIL_POLICY = "central_bedfordshire"
    definition = DEFINITIONS[cb.BOARD_TERMS_OF_REFERENCE.key]
    labels = [item.label for section in definition.sections for item in section.items]
    for paragraph, _words in cb.TERMS_OF_REFERENCE_ITEMS:
        assert sum(label.startswith(f"{paragraph} ") for label in labels) == 1, paragraph
    asked = dict(definition.fields())
    policy_keys = {q.key for q in cb.TERMS_OF_REFERENCE_QUESTIONS}
    assert set(asked) <= policy_keys  # one key for each item, the policy's
    assert asked["terms_of_reference_5"].required
    assert not asked["terms_of_reference_7"].required  # "(if appropriate)"
    # The items the arrangement holds are shown, not asked.
    for held in ("1", "2", "3", "4", "8"):
        assert f"terms_of_reference_{held}" not in asked

    arrangement = other_partnership(
        lead_officer=lead_officer,
        lead_organisation="Central Bedfordshire Council",
        policy_answers={"terms_of_reference_1": True, "terms_of_reference_14": True},
    )
    page = lead_officer_client.get(fill_url(arrangement, definition.key)).content.decode()
    assert "2 of 15 items of CB 2.9.1 covered" in page
    assert "Central Bedfordshire Council" in page
    assert "Quarterly" in page
