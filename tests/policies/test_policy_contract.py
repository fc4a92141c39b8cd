"""What every council policy must declare and answer, whichever council it is: one table of
cases over register.policies.COUNCILS. A council's own rules are in its own module
(test_gravesham.py and the rest); what is here holds for all of them, so it is tested once.

The unsaved arrangements are tested without the database (no `db` fixture): any query the
policy made for them would fail the test."""

import datetime
import importlib

import pytest

from register.choices import ArrangementType, Kind
from register.completeness import MissingAnswer
from register.council_forms import BY_COUNCIL, DEFINITIONS
from register.policies import COUNCILS, get_policy
from register.policies.base import (
    MEETING_KINDS,
    SCREENING_KEYS,
    Classification,
    FormTemplate,
    OutcomeEffect,
    ReviewPlan,
    Stage,
    StepKind,
)
from register.roles import Role
from tests.factories import ArrangementFactory

KEYS = list(COUNCILS)
UNSAVED = "unsaved, no policy question answered"
ANSWERED = "unsaved, every policy question answered yes (or its first choice)"
SHARED = "unsaved ad hoc resilience shared service"
SAVED = "saved, with a partner and a risk"
CASES = [
    pytest.param(
        key,
        shape,
        id=f"{key}: {shape}",
        marks=[pytest.mark.django_db] if shape == SAVED else [],
    )
    for key in KEYS
    for shape in (UNSAVED, ANSWERED, SHARED, SAVED)
]


def in_words(text) -> bool:
    """A sentence or phrase for people, not a blank or a bare key."""
    return isinstance(text, str) and len(text.split()) >= 2


def every_question_answered(policy) -> dict:
    return {q.key: q.choices[0][0] if q.choices else True for q in policy.questions}


@pytest.fixture
def policy(request):
    return get_policy(request.param)


@pytest.fixture
def arrangement(request, policy):
    """A typical arrangement of the given shape, as the factories build it."""
    if request.param == SAVED:
        return ArrangementFactory(complete=True)
    if request.param == SHARED:
        return ArrangementFactory.build(
            kind=Kind.SHARED_SERVICE, type=ArrangementType.AD_HOC_RESILIENCE
        )
    answers = every_question_answered(policy) if request.param == ANSWERED else {}
    return ArrangementFactory.build(policy_answers=answers)


each_case = pytest.mark.parametrize(("policy", "arrangement"), CASES, indirect=True)


# What every policy declares -------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_every_policy_is_found_under_its_own_key(key):
    assert get_policy(key).key == key


@pytest.mark.parametrize("key", KEYS)
def test_every_policy_names_its_council_its_document_and_the_version(key):
    policy = get_policy(key)
    assert policy.council.strip() and policy.name.strip() and policy.version.strip()


@pytest.mark.parametrize("key", KEYS)
def test_every_policy_has_categories_with_unique_keys_labels_and_descriptions(key):
    categories = get_policy(key).categories
    assert categories
    assert len({category.key for category in categories}) == len(categories)
    for category in categories:
        assert category.key and category.label.strip(), category
        assert in_words(category.description), category.key


@pytest.mark.parametrize("key", KEYS)
def test_every_policy_gives_its_titles_to_roles_and_a_title_to_every_role(key):
    policy = get_policy(key)
    assert all(isinstance(role, Role) for role in policy.role_titles), policy.role_titles
    for role in Role:
        assert policy.title(role).strip(), role


@pytest.mark.parametrize("key", KEYS)
def test_every_policy_says_in_words_why_each_screening_answer_is_out_of_scope(key):
    policy = get_policy(key)
    assert set(policy.out_of_scope_reasons) == set(SCREENING_KEYS)
    questions = policy.screening_questions()
    assert [question.key for question in questions] == list(SCREENING_KEYS)
    for question in questions:
        assert in_words(question.question), question.key
        assert in_words(question.out_of_scope), question.key


@pytest.mark.parametrize("key", KEYS)
def test_every_checklist_has_questions_and_every_question_a_checklist(key):
    policy = get_policy(key)
    groups = [checklist.group for checklist in policy.checklists]
    assert len(set(groups)) == len(groups)
    for checklist in policy.checklists:
        assert policy.questions_in(checklist.group), checklist.group
        assert checklist.title.strip(), checklist.group
    assert len({question.key for question in policy.questions}) == len(policy.questions)
    for question in policy.questions:
        assert question.group in groups, question.key
        assert in_words(question.text), question.key
        assert all(value and label for value, label in question.choices), question.key


@pytest.mark.parametrize("key", KEYS)
def test_every_policy_declares_its_review_interval_and_conditional_support(key):
    policy = get_policy(key)
    assert policy.review_interval_months > 0
    assert policy.conditional_support_months >= 0
    assert policy.conditional_support_warning_days >= 0
    granted = datetime.date(2026, 1, 31)
    if policy.offers_conditional_support:
        ends = policy.conditional_support_ends(granted)
        assert policy.conditional_support_allowed_until(granted, ends)
        assert not policy.conditional_support_allowed_until(granted, ends + datetime.timedelta(1))
    assert policy.next_review_due(granted) > granted


@pytest.mark.parametrize("key", KEYS)
def test_every_council_has_a_module_of_its_templates_with_keys_of_its_own(key):
    forms = importlib.import_module(f"register.council_forms.{key}").FORMS
    assert forms
    assert all(form.key in DEFINITIONS and DEFINITIONS[form.key] is form for form in forms)


# What every policy answers about an arrangement -----------------------------------------------


@each_case
def test_an_arrangement_falls_in_a_category_of_the_policys_own_with_reasons_in_words(
    policy, arrangement
):
    classification = policy.classify(arrangement)
    assert isinstance(classification, Classification)
    assert classification.category in policy.categories
    assert classification.reasons
    assert all(in_words(reason) for reason in classification.reasons), classification.reasons
    assert policy.effective_classification(arrangement) == classification  # not re-categorised


@each_case
def test_the_route_is_stages_whose_steps_name_a_role_and_a_title(policy, arrangement):
    route = policy.route(arrangement)
    assert [step for stage in route for step in stage.steps], "nobody acts on it"
    for stage in route:
        assert isinstance(stage, Stage)
        assert stage.name.strip(), stage
        for step in stage.steps:
            assert isinstance(step.kind, StepKind) and isinstance(step.role, Role), step
            assert step.title.strip(), step
            assert bool(step.body.strip()) is (step.kind in MEETING_KINDS), step
            # Only an opinion is advice or a condition, and only a condition has items.
            assert not step.binding or step.kind == StepKind.OPINION, step
            assert not step.items or step.binding, step
            assert in_words(step.describe()), step


@each_case
def test_the_forms_required_are_templates_with_keys_and_titles(policy, arrangement):
    forms = policy.forms_required(arrangement)
    for form in forms:
        assert isinstance(form, FormTemplate) and form.key and in_words(form.title), form
    assert len({form.key for form in forms}) == len(forms)


@each_case
def test_the_review_plan_says_in_words_how_it_is_reviewed(policy, arrangement):
    plan = policy.review_plan(arrangement)
    assert isinstance(plan, ReviewPlan)
    assert in_words(plan.cadence)
    assert plan.template == "" or in_words(plan.template)


@each_case
def test_every_review_template_filled_in_the_browser_is_a_definition_of_its_council(
    policy, arrangement
):
    """A review template's key ("" when it is not filled in the browser) names one of the
    council's own council-forms definitions (G 6.7, Appendix 4a and 4b)."""
    plan = policy.review_plan(arrangement)
    for template in (*plan.templates, plan.on_ending):
        if template is not None and template.key:
            assert template.key in BY_COUNCIL[policy.key], template


@each_case
def test_the_review_plan_is_data_who_completes_it_who_considers_it_and_its_outcomes(
    policy, arrangement
):
    """Issue 11, point 1: the schedule is the policy's, declared as data."""
    plan = policy.review_plan(arrangement)
    if plan.every_months == 0:  # not reviewed under the policy (SD: off the register)
        assert not plan.templates and not plan.outcomes
        return
    assert plan.every_months == policy.review_interval_months == 12
    assert in_words(plan.completed_by) and in_words(plan.considered_by)
    assert plan.outcomes and all(in_words(outcome.words) for outcome in plan.outcomes)
    # Every plan can conclude that the arrangement goes on, and someone records it.
    assert any(o.effect == OutcomeEffect.CONTINUE for o in plan.outcomes)
    assert plan.considered_by_role is not None or plan.at_approval_level
    # One template a year of operation at most, and the first year has one where any does.
    for year in range(1, 11):
        assert len([t for t in plan.templates if t.used_in(year)]) <= 1, year
    assert not plan.templates or plan.template_for(1) is not None


@each_case
def test_what_is_missing_says_in_words_what_to_do(policy, arrangement):
    missing = policy.missing(arrangement)
    for item in missing:
        assert isinstance(item, MissingAnswer) and item.field and in_words(item.message), item
    fields = {item.field for item in missing}
    if arrangement.pk is None:  # no partners or risks yet
        assert {"partners", "risks"} <= fields
    else:
        assert not {"partners", "risks"} & fields


@each_case
def test_withdrawal_and_renewal_are_decided_without_opinions_again(policy, arrangement):
    route = policy.route(arrangement)
    deciders = [s for stage in route for s in stage.steps if s.kind != StepKind.OPINION]
    for decided in (
        policy.withdrawal_route(arrangement),
        policy.renewal_route(arrangement),
        policy.withdrawal_route(arrangement, route),
    ):
        assert bool(decided) is bool(deciders), "decided by the deciders of its route"
        for stage in decided:
            assert stage.steps
            assert all(step.kind != StepKind.OPINION for step in stage.steps), stage


@each_case
def test_what_a_re_approval_needs_says_in_words_what_to_do(policy, arrangement):
    for item in policy.reapproval_missing(arrangement):
        assert isinstance(item, MissingAnswer) and in_words(item.message), item


@each_case
def test_the_register_and_every_checklist_have_an_answer(policy, arrangement):
    assert isinstance(policy.on_register(arrangement), bool)
    order = policy.register_order(arrangement)
    assert isinstance(order, tuple) and order
    for checklist in policy.checklists:
        assert isinstance(policy.checklist_summary(arrangement, checklist.group), str)
