"""South Derbyshire Partnership Policy (February 2011): tables of cases, each naming the
heading or appendix it comes from. Arrangements are unsaved unless a test needs the
database, so these tests also show the policy makes no queries for them."""

import dataclasses

import pytest

from register.choices import ArrangementType, Kind
from register.completeness import MissingAnswer
from register.policies import get_policy
from register.policies.base import StepKind
from register.roles import Role
from tests.factories import ArrangementFactory

POLICY = get_policy("south_derbyshire")
SHARED_SERVICE_TYPES = [
    ArrangementType.FULL_SHARED_SERVICE,
    ArrangementType.JOINT_MANAGEMENT,
    ArrangementType.JOINT_OFFICER,
    ArrangementType.AD_HOC_RESILIENCE,
]


def build(**fields):
    """An unsaved arrangement; no lead officer, so building it writes nothing."""
    defaults = {"is_statutory": False, "lead_officer": None, "policy_answers": {}}
    return ArrangementFactory.build(**{**defaults, **fields})


def shared_service(type_=ArrangementType.FULL_SHARED_SERVICE, **fields):
    return build(kind=Kind.SHARED_SERVICE, type=type_, **fields)


CATEGORY_CASES = [
    (
        'SD "Definitions": a statutory partnership',
        {"is_statutory": True, "type": ArrangementType.STRATEGIC},
        "statutory",
        "statutory, or membership is mandatory",
    ),
    (
        'SD "The Partnership Register": a statutory forum is statutory first',
        {"is_statutory": True, "type": ArrangementType.NETWORK_FORUM},
        "statutory",
        '(SD "Definitions", "The Partnership Register")',
    ),
    (
        'SD "The Partnership Register": non-statutory community-based',
        {"type": ArrangementType.COMMUNITY},
        "community_based",
        'it is not statutory and it is a community-based partnership (SD "The Partnership Register")',
    ),
    (
        'SD "The Partnership Register": a non-statutory strategic partnership is community based',
        {"type": ArrangementType.STRATEGIC},
        "community_based",
        "as a strategic partnership it is not a network group or forum, so it is listed as community based",
    ),
    (
        'SD "The Partnership Register": a non-statutory delivery partnership is community based',
        {"type": ArrangementType.DELIVERY},
        "community_based",
        "as a delivery partnership",
    ),
    (
        'SD "The Partnership Register": statutory not answered is not statutory',
        {"is_statutory": None, "type": ArrangementType.COMMUNITY},
        "community_based",
        "it is not recorded as statutory",
    ),
    (
        'SD "The Partnership Register": no type yet is community based',
        {"type": ""},
        "community_based",
        "it has no type yet, so it is listed as community based",
    ),
    (
        'SD "The Partnership Register": a non-statutory network group or forum',
        {"type": ArrangementType.NETWORK_FORUM},
        "network_forum",
        'it is not statutory and it is a network group or forum (SD "The Partnership Register")',
    ),
    *(
        (
            f'SD "Shared Services": a {type_.label.lower()} is not a partnership',
            {"kind": Kind.SHARED_SERVICE, "type": type_, "is_statutory": True},
            "not_a_partnership",
            'excludes shared services (SD "The Partnership Register")',
        )
        for type_ in SHARED_SERVICE_TYPES
    ),
]


@pytest.mark.parametrize(
    ("case", "fields", "category", "reason"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES]
)
def test_each_type_is_classified_with_its_reason(case, fields, category, reason):
    classification = POLICY.classify(build(**fields))
    assert classification.category.key == category
    assert reason in classification.summary


def test_a_shared_service_is_labelled_not_a_partnership_under_this_policy():
    assert POLICY.classify(shared_service()).summary.startswith(
        "Not a partnership under this policy: a shared service"
    )


@pytest.mark.parametrize("type_", SHARED_SERVICE_TYPES)
def test_shared_services_are_never_on_the_register_sd_the_partnership_register(type_):
    assert POLICY.on_register(shared_service(type_)) is False


def test_a_shared_service_recategorised_as_a_partnership_stays_off_the_register():
    arrangement = shared_service(
        category_override="statutory", category_override_reason="Joint committee of councils"
    )
    assert POLICY.effective_classification(arrangement).category.key == "not_a_partnership"
    assert POLICY.on_register(arrangement) is False


def test_a_partnership_recategorised_as_a_contract_leaves_the_register_sd_contractual_arrangements():
    arrangement = build(
        type=ArrangementType.COMMUNITY,
        category_override="not_a_partnership",
        category_override_reason="It is a contract for grounds maintenance",
    )
    assert POLICY.on_register(arrangement) is False
    assert POLICY.forms_required(arrangement) == ()


@pytest.mark.parametrize(
    "fields",
    [
        {"is_statutory": True},
        {"type": ArrangementType.COMMUNITY},
        {"type": ArrangementType.NETWORK_FORUM},
    ],
    ids=["statutory", "community based", "network or forum"],
)
def test_every_partnership_is_on_the_register_sd_identification_of_partnerships(fields):
    assert POLICY.on_register(build(**fields)) is True


def test_register_lists_statutory_then_community_based_then_forums_by_name_sd_the_partnership_register():
    arrangements = [
        build(name="Youth Forum", type=ArrangementType.NETWORK_FORUM),
        build(name="Swadlincote Town Team", type=ArrangementType.COMMUNITY),
        build(name="Community Safety Partnership", is_statutory=True),
        build(name="Business Forum", type=ArrangementType.NETWORK_FORUM),
        build(name="armed Forces Covenant", type=ArrangementType.STRATEGIC),
        shared_service(name="Aardvark Shared Payroll"),
        build(name="Health and Wellbeing Board", is_statutory=True),
    ]
    ordered = sorted(arrangements, key=POLICY.register_order)
    assert [a.name for a in ordered] == [
        "Community Safety Partnership",
        "Health and Wellbeing Board",
        "armed Forces Covenant",
        "Swadlincote Town Team",
        "Business Forum",
        "Youth Forum",
        "Aardvark Shared Payroll",
    ]


def route_shape(stages):
    return [[(step.kind, step.role, step.body or step.title) for step in s.steps] for s in stages]


HEAD_OF_CORPORATE_SERVICES = [
    (StepKind.DECISION, Role.REGISTER_OWNER, "Head of Corporate Services")
]
SMT = [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, "Senior Management Team (SMT)")]
ROUTES = [
    (
        'SD "Agreeing the Partnership", "Working in Partnership": Head of Corporate Services, then SMT',
        {"resources_beyond_budget": False},
        [HEAD_OF_CORPORATE_SERVICES, SMT],
    ),
    (
        'SD "Resource Implications of Partnership Working": SMT agrees the resources first',
        {"resources_beyond_budget": True},
        [SMT, HEAD_OF_CORPORATE_SERVICES],
    ),
    ("SD Appendix 1: not answered reads as within budgets", {}, [HEAD_OF_CORPORATE_SERVICES, SMT]),
]


@pytest.mark.parametrize(("case", "answers", "expected"), ROUTES, ids=[r[0] for r in ROUTES])
def test_route_with_and_without_resources_beyond_approved_budgets(case, answers, expected):
    for fields in ({"is_statutory": True}, {"type": ArrangementType.NETWORK_FORUM}):
        assert route_shape(POLICY.route(build(policy_answers=answers, **fields))) == expected


def test_smt_agreeing_resources_first_also_endorses_the_membership_sd_working_in_partnership():
    first = POLICY.route(build(policy_answers={"resources_beyond_budget": True}))[0]
    assert first.name == (
        "SMT agreement to resources beyond approved budgets, and endorsement of the creation "
        "or membership"
    )
    assert first.steps[0].describe() == (
        "Decision of Senior Management Team (SMT), recorded by the Democratic Services officer"
    )


def test_smt_can_be_asked_again_after_the_head_of_corporate_services_when_configured():
    policy = dataclasses.replace(POLICY, smt_endorses_with_resources=False)
    route = policy.route(build(policy_answers={"resources_beyond_budget": True}))
    assert route_shape(route) == [SMT, HEAD_OF_CORPORATE_SERVICES, SMT]


@pytest.mark.parametrize("type_", SHARED_SERVICE_TYPES)
def test_shared_services_are_decided_outside_the_policy_sd_shared_services(type_):
    (stage,) = POLICY.route(shared_service(type_, policy_answers={"resources_beyond_budget": True}))
    assert stage.name.startswith("Decision outside the Partnership Policy")
    assert route_shape((stage,)) == [
        [
            (
                StepKind.BODY_DECISION,
                Role.DEMOCRATIC_SERVICES,
                "the relevant committee under the Council's constitution",
            )
        ]
    ]


FORMS = [
    (
        'SD "Partnership Agreements": Appendix 1 and Appendix 2 for a statutory partnership',
        {"is_statutory": True},
        [
            "Partnership Information Form (Appendix 1)",
            "Partnership Agreement or terms of reference, covering its 17 elements (Appendix 2)",
        ],
    ),
    (
        'SD "Partnership Agreements": the same for a community-based partnership',
        {"type": ArrangementType.COMMUNITY},
        [
            "Partnership Information Form (Appendix 1)",
            "Partnership Agreement or terms of reference, covering its 17 elements (Appendix 2)",
        ],
    ),
    (
        'SD "Partnership Agreements": the same for a forum',
        {"type": ArrangementType.NETWORK_FORUM},
        [
            "Partnership Information Form (Appendix 1)",
            "Partnership Agreement or terms of reference, covering its 17 elements (Appendix 2)",
        ],
    ),
    (
        'SD "Shared Services": no forms under this policy',
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER},
        [],
    ),
]


@pytest.mark.parametrize(("case", "fields", "titles"), FORMS, ids=[f[0] for f in FORMS])
def test_forms_required(case, fields, titles):
    assert [form.title for form in POLICY.forms_required(build(**fields))] == titles


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        (
            {"policy_answers": {}},
            [
                MissingAnswer(
                    "resources_beyond_budget",
                    "Select whether it needs council resources beyond approved budgets "
                    '(SD "Resource Implications of Partnership Working", Appendix 1)',
                )
            ],
        ),
        ({"policy_answers": {"resources_beyond_budget": False}}, []),
        ({"policy_answers": {"resources_beyond_budget": True}}, []),
        ({"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER}, []),
    ],
    ids=["not answered", "within budgets", "beyond budgets", "shared service not asked"],
)
def test_the_resources_question_must_be_answered_sd_resource_implications(fields, missing):
    arrangement = build(**fields)
    category = POLICY.effective_classification(arrangement).category
    assert POLICY.policy_missing(arrangement, category) == missing


@pytest.mark.parametrize(
    ("answers", "summary"),
    [
        ({}, "Not answered yet"),
        ({"resources_beyond_budget": False}, "Within approved budgets"),
        (
            {"resources_beyond_budget": True},
            "Needs resources beyond approved budgets: SMT must agree them first",
        ),
    ],
)
def test_the_resources_checklist_summarises_the_answer(answers, summary):
    assert POLICY.checklist_summary(build(policy_answers=answers), "resources") == summary


def test_review_is_the_annual_assessment_and_the_may_june_register_update_sd_review_and_evaluation():
    plan = POLICY.review_plan(build(type=ArrangementType.COMMUNITY))
    assert plan.cadence.startswith("Every year: the lead officer or Member completes")
    assert "summary goes to SMT" in plan.cadence
    assert "updated every May / June" in plan.cadence
    assert plan.template == (
        "Partnership Assessment: ten features, each scored 1 to 4 with evidence (Appendix 3); "
        "A checklist for evaluating a partnership (Appendix 4) when the partnership ends"
    )


def test_register_update_months_and_review_interval_are_parameters():
    policy = dataclasses.replace(POLICY, register_update_months=(4,), review_every_months=6)
    plan = policy.review_plan(build())
    assert plan.cadence.startswith("Every 6 months:")
    assert "updated every April" in plan.cadence


def test_shared_services_are_not_reviewed_under_the_policy():
    plan = POLICY.review_plan(shared_service())
    assert plan.cadence.startswith("Not reviewed under the Partnership Policy")
    assert plan.template == ""


def test_screening_explains_every_out_of_scope_answer_in_south_derbyshire_words():
    reasons = {q.key: q.out_of_scope for q in POLICY.screening_questions()}
    assert 'SD "Contractual Arrangements"' in reasons["client_contractor"]
    assert 'SD "Contractual Arrangements"' in reasons["commissioning"]
    assert 'SD "Joint Working Arrangements / Collaborative Working"' in reasons["grant"]
    assert 'SD "Joint Working Arrangements / Collaborative Working"' in reasons["informal_forum"]


def test_role_titles_are_south_derbyshire_own():
    assert POLICY.title(Role.REGISTER_OWNER) == "Head of Corporate Services"
    assert POLICY.title(Role.MANAGEMENT_TEAM) == "Senior Management Team (SMT)"


@pytest.mark.django_db
def test_a_saved_partnership_is_classified_as_when_unsaved():
    arrangement = ArrangementFactory(
        is_statutory=False, type=ArrangementType.NETWORK_FORUM, complete=True
    )
    assert POLICY.classify(arrangement).category.key == "network_forum"
    assert POLICY.on_register(arrangement) is True
    assert [item.field for item in POLICY.missing(arrangement)] == ["resources_beyond_budget"]


def test_the_yearly_assessment_goes_to_smt_and_the_evaluation_checklist_is_for_the_end():
    """SD "Review and Evaluation": the Partnership Assessment (Appendix 3) every year, a
    summary to SMT; the evaluation (Appendix 4) when a partnership ends."""
    plan = POLICY.review_plan(build())
    assert plan.template_for(1).title.startswith("Partnership Assessment: ten features")
    assert plan.template_for(5) == plan.template_for(1)
    assert plan.on_ending.title == "A checklist for evaluating a partnership (Appendix 4)"
    assert plan.considered_by_body and "SMT" in plan.considered_by
