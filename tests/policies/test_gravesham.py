"""Gravesham Working in Partnership Framework (2021): tables of cases, each naming its
paragraph."""

import datetime
from decimal import Decimal

import pytest

from register.choices import ArrangementType, DocumentKind, Kind
from register.policies import get_policy
from register.policies.base import OutcomeEffect, StepKind
from register.roles import Role
from tests.factories import ArrangementFactory, CouncilRepresentativeFactory, DocumentFactory

POLICY = get_policy("gravesham")
D = Decimal


BUILD_DEFAULTS = {
    "cash_per_year": D("0"),
    "staff_cost_per_year": D("0"),
    "in_kind_per_year": D("0"),
    "is_statutory": False,
    "is_fundamental_to_objective": False,
    "is_urgent": False,
    "end_date": None,
}


def build(**fields):
    return ArrangementFactory.build(**{**BUILD_DEFAULTS, **fields})


CATEGORY_CASES = [
    (
        "G 1.11b resources of £50,000.00 exactly are significant",
        {"cash_per_year": D("50000.00")},
        "significant",
        "£50,000 a year are £50,000 or more",
    ),
    (
        "G 1.11b resources of £49,999.99 are not significant",
        {"cash_per_year": D("49999.99")},
        "other",
        "£49,999.99 a year are below £50,000",
    ),
    (
        "G 1.11b cash, staff cost and in-kind add up",
        {
            "cash_per_year": D("30000"),
            "staff_cost_per_year": D("15000"),
            "in_kind_per_year": D("5000"),
        },
        "significant",
        "£50,000 a year",
    ),
    (
        "G 1.11b cash, staff cost and in-kind a penny short",
        {
            "cash_per_year": D("30000"),
            "staff_cost_per_year": D("15000"),
            "in_kind_per_year": D("4999.99"),
        },
        "other",
        "£49,999.99",
    ),
    (
        "G 1.11b fundamental to a Corporate Plan objective",
        {"is_fundamental_to_objective": True},
        "significant",
        "fundamental to a Corporate Plan",
    ),
    (
        "G 1.11b statutory requirement",
        {"is_statutory": True},
        "significant",
        "legal or statutory requirement",
    ),
    (
        "G 1.11a urgent need for a defined period",
        {"is_urgent": True, "end_date": datetime.date(2027, 3, 31)},
        "ad_hoc",
        "immediate or urgent need for a defined period, to 31 March 2027",
    ),
    (
        "G 1.11a urgent but with no end date is not ad hoc",
        {"is_urgent": True, "end_date": None},
        "other",
        "below £50,000",
    ),
    (
        "G 1.11a-b urgent but significant follows the significant route",
        {"is_urgent": True, "end_date": datetime.date(2027, 3, 31), "cash_per_year": D("60000")},
        "significant",
        "£60,000 a year are £50,000 or more",
    ),
    ("G 1.11c nothing significant is other", {}, "other", "not set up for a statutory"),
]


@pytest.mark.parametrize(
    ("case", "fields", "category", "reason"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES]
)
def test_gravesham_categories(case, fields, category, reason):
    classification = POLICY.classify(build(**fields))
    assert classification.category.key == category
    assert reason in classification.summary


def test_every_significance_reason_is_given_g_1_11b():
    classification = POLICY.classify(
        build(cash_per_year=D("62000"), is_statutory=True, is_fundamental_to_objective=True)
    )
    assert classification.summary.startswith(
        "Significant: council resources of £62,000 a year are £50,000 or more (G 1.11b)"
    )
    assert len(classification.reasons) == 3


def kinds_and_roles(stages):
    return [[(step.kind, step.role) for step in stage.steps] for stage in stages]


OPINIONS = [
    (StepKind.OPINION, Role.MONITORING_OFFICER),
    (StepKind.OPINION, Role.SECTION_151_OFFICER),
    (StepKind.INFORM, Role.REGISTER_OWNER),
]
DIRECTOR_OPINION = (StepKind.OPINION, Role.DIRECTOR)
MANAGEMENT_TEAM = [(StepKind.DISCUSSION, Role.DEMOCRATIC_SERVICES)]
CABINET_COMMITTEE = [(StepKind.DISCUSSION, Role.DEMOCRATIC_SERVICES)]
CABINET = [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES)]
LEADER_AND_PORTFOLIO_HOLDER = [
    (StepKind.DECISION, Role.LEADER),
    (StepKind.DECISION, Role.PORTFOLIO_HOLDER),
]
DIRECTOR_LEADER_PORTFOLIO_HOLDER = [
    (StepKind.DECISION, Role.DIRECTOR),
    *LEADER_AND_PORTFOLIO_HOLDER,
]
SIGNIFICANT = {"cash_per_year": D("50000")}
AD_HOC = {"is_urgent": True, "end_date": datetime.date(2027, 3, 31)}
JOINT_MANAGEMENT = {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_MANAGEMENT}
JOINT_OFFICER = {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER}
FULL_SHARED = {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.FULL_SHARED_SERVICE}
# (case, fields, council Members on the partnership board, expected stages)
ROUTES = [
    (
        "G 2.14a significant: discussed at Management Team, then Portfolio Holder with Leader",
        SIGNIFICANT,
        False,
        [
            OPINIONS,
            MANAGEMENT_TEAM,
            [(StepKind.DECISION, Role.PORTFOLIO_HOLDER), (StepKind.DECISION, Role.LEADER)],
        ],
    ),
    (
        "G 2.7 significant with Members on the board: the relevant Director's opinion too",
        SIGNIFICANT,
        True,
        [
            [*OPINIONS, DIRECTOR_OPINION],
            MANAGEMENT_TEAM,
            [(StepKind.DECISION, Role.PORTFOLIO_HOLDER), (StepKind.DECISION, Role.LEADER)],
        ],
    ),
    (
        "G 2.14b other: Director, Leader and Portfolio Holder",
        {},
        False,
        [OPINIONS, DIRECTOR_LEADER_PORTFOLIO_HOLDER],
    ),
    (
        "G 2.7 other with Members on the board: the Director already approves, once",
        {},
        True,
        [OPINIONS, DIRECTOR_LEADER_PORTFOLIO_HOLDER],
    ),
    (
        "G 2.14c ad hoc: Director, Lead Member informed",
        AD_HOC,
        False,
        [OPINIONS, [(StepKind.DECISION, Role.DIRECTOR), (StepKind.INFORM, Role.PORTFOLIO_HOLDER)]],
    ),
    (
        "G 2.7 ad hoc with Members on the board: the Director already approves, once",
        AD_HOC,
        True,
        [OPINIONS, [(StepKind.DECISION, Role.DIRECTOR), (StepKind.INFORM, Role.PORTFOLIO_HOLDER)]],
    ),
    (
        "G 3.10a full shared service: business case approved, then Cabinet decides",
        FULL_SHARED,
        False,
        [OPINIONS, DIRECTOR_LEADER_PORTFOLIO_HOLDER, CABINET],
    ),
    (
        "G 3.10b joint management: discussed at the Cabinet Committee, Leader and PH decide",
        JOINT_MANAGEMENT,
        False,
        [OPINIONS, CABINET_COMMITTEE, LEADER_AND_PORTFOLIO_HOLDER],
    ),
    (
        "G 3.10b joint officer: from the opinions to the Leader and Portfolio Holder",
        JOINT_OFFICER,
        False,
        [OPINIONS, LEADER_AND_PORTFOLIO_HOLDER],
    ),
    (
        "G 2.7 is about partnerships: a joint officer arrangement with Members is unchanged",
        JOINT_OFFICER,
        True,
        [OPINIONS, LEADER_AND_PORTFOLIO_HOLDER],
    ),
    (
        "G 3.10c ad-hoc resilience: no Member approval, Leader and Portfolio Holder informed",
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.AD_HOC_RESILIENCE},
        False,
        [
            OPINIONS,
            [
                (StepKind.DECISION, Role.DIRECTOR),
                (StepKind.INFORM, Role.LEADER),
                (StepKind.INFORM, Role.PORTFOLIO_HOLDER),
            ],
        ],
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "fields", "members", "expected"), ROUTES, ids=[r[0] for r in ROUTES]
)
def test_gravesham_routes(case, fields, members, expected):
    arrangement = ArrangementFactory(**{**BUILD_DEFAULTS, **fields})
    CouncilRepresentativeFactory(arrangement=arrangement, is_member=members)
    assert kinds_and_roles(POLICY.route(arrangement)) == expected
    opinions = [
        step for step in POLICY.route(arrangement)[0].steps if step.kind == StepKind.OPINION
    ]
    assert not any(step.binding for step in opinions)  # advice (G 2.6, 2.14, 3.9)


@pytest.mark.django_db
def test_a_member_who_has_left_the_board_no_longer_involves_the_director_g_2_7():
    arrangement = ArrangementFactory(**{**BUILD_DEFAULTS, **SIGNIFICANT})
    CouncilRepresentativeFactory(
        arrangement=arrangement,
        is_member=True,
        start_date=datetime.date(2020, 1, 1),
        finish_date=datetime.date(2021, 1, 1),
    )
    assert kinds_and_roles(POLICY.route(arrangement))[0] == OPINIONS


def test_routes_name_the_bodies_and_titles_in_gravesham_words_g_2_14():
    significant, full_shared = (
        build(is_statutory=True),
        build(kind=Kind.SHARED_SERVICE, type=ArrangementType.FULL_SHARED_SERVICE),
    )
    words = [step.describe() for stage in POLICY.route(significant) for step in stage.steps]
    assert words[0] == "Opinion of the Monitoring Officer (or Deputy Monitoring Officer)"
    assert "The Corporate Change Manager is informed" in words
    assert "Discussion at Management Team, recorded by the Democratic Services officer" in words
    assert "Approval by the relevant Cabinet Portfolio Holder" in words
    cabinet = POLICY.route(full_shared)[-1].steps[0]
    assert cabinet.body == "Cabinet"


FORMS = [
    (
        "G Appendix 1 and 3 for a partnership",
        {},
        ["Partnership Evaluation (Appendix 1)", "Partnership agreement checklist (Appendix 3)"],
    ),
    (
        "G 2.13 no evaluation form for ad hoc",
        {"is_urgent": True, "end_date": datetime.date(2027, 3, 31)},
        [],
    ),
    (
        "G 3.7 business case for a full shared service",
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.FULL_SHARED_SERVICE},
        [
            "Shared Services Business Case (Appendix 2)",
            "Shared service agreement checklist (Appendix 3)",
        ],
    ),
    (
        "G 3.8 no business case for a joint officer",
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER},
        ["Shared service agreement checklist (Appendix 3)"],
    ),
]


@pytest.mark.parametrize(("case", "fields", "titles"), FORMS, ids=[f[0] for f in FORMS])
def test_gravesham_forms_required(case, fields, titles):
    assert [form.title for form in POLICY.forms_required(build(**fields))] == titles


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("type_", "needs_business_case"),
    [
        (ArrangementType.FULL_SHARED_SERVICE, True),
        (ArrangementType.JOINT_MANAGEMENT, True),
        (ArrangementType.JOINT_OFFICER, False),
        (ArrangementType.AD_HOC_RESILIENCE, False),
    ],
)
def test_business_case_is_missing_until_uploaded_g_3_7(type_, needs_business_case):
    arrangement = ArrangementFactory(kind=Kind.SHARED_SERVICE, type=type_, complete=True)
    fields = [item.field for item in POLICY.missing(arrangement)]
    assert ("documents" in fields) is needs_business_case
    DocumentFactory(arrangement=arrangement, kind=DocumentKind.BUSINESS_CASE)
    assert "documents" not in [item.field for item in POLICY.missing(arrangement)]


@pytest.mark.django_db
def test_ad_hoc_needs_safeguarding_and_gdpr_but_not_the_full_evaluation_g_2_13():
    arrangement = ArrangementFactory(
        complete=True,
        is_urgent=True,
        is_statutory=False,
        end_date=datetime.date(2027, 3, 31),
        rationale="",
        legal_status="",
        equalities_impact="",
        climate_change_impact="",
        safeguarding_impact="",
        shares_personal_data=None,
    )
    fields = {item.field for item in POLICY.missing(arrangement)}
    assert fields == {"safeguarding_impact", "shares_personal_data"}


@pytest.mark.django_db
def test_exit_strategy_and_risk_assessment_are_always_needed_g_2_11_and_2_12():
    arrangement = ArrangementFactory(exit_strategy="")
    fields = {item.field for item in POLICY.missing(arrangement)}
    assert {"exit_strategy", "risks"} <= fields


@pytest.mark.parametrize(
    ("fields", "on_register"),
    [
        ({"is_urgent": True, "end_date": datetime.date(2027, 3, 31)}, False),
        ({}, True),
        ({"is_statutory": True}, True),
    ],
)
def test_published_register_excludes_ad_hoc_g_5_6c(fields, on_register):
    assert POLICY.on_register(build(**fields)) is on_register


def test_register_lists_significant_before_other_g_6_6():
    significant = build(name="Zeta", is_statutory=True)
    other = build(name="Alpha")
    assert sorted([other, significant], key=POLICY.register_order) == [significant, other]


@pytest.mark.parametrize(
    ("type_", "template"),
    [
        (ArrangementType.FULL_SHARED_SERVICE, "Appendix 4a"),
        (ArrangementType.JOINT_MANAGEMENT, "Appendix 4b"),
        (ArrangementType.JOINT_OFFICER, ""),
    ],
)
def test_shared_service_reviews_g_6_7(type_, template):
    plan = POLICY.review_plan(build(kind=Kind.SHARED_SERVICE, type=type_))
    assert template in plan.template
    if not template:
        assert plan.template == "" and "spring" in plan.cadence


def test_screening_explains_every_out_of_scope_answer_in_gravesham_words():
    assert all("(G 1." in q.out_of_scope for q in POLICY.screening_questions())


def test_role_titles_are_gravesham_own():
    assert POLICY.title(Role.REGISTER_OWNER) == "Corporate Change Manager"
    assert POLICY.title(Role.CHIEF_EXECUTIVE) == "Chief Executive"


GRAVESHAM_REVIEW_YEARS = [
    # (year of operation, the template: G 6.7a for years one and two, 6.7b from year three)
    (1, "Shared Service Review: comprehensive (Appendix 4a)"),
    (2, "Shared Service Review: comprehensive (Appendix 4a)"),
    (3, "Shared Service Review: focused (Appendix 4b)"),
    (10, "Shared Service Review: focused (Appendix 4b)"),
]


@pytest.mark.parametrize(
    "type_", [ArrangementType.FULL_SHARED_SERVICE, ArrangementType.JOINT_MANAGEMENT]
)
@pytest.mark.parametrize(("year", "template"), GRAVESHAM_REVIEW_YEARS)
def test_shared_services_are_reviewed_on_4a_then_4b_by_a_cabinet_committee_g_6_7(
    type_, year, template
):
    plan = POLICY.review_plan(build(kind=Kind.SHARED_SERVICE, type=type_))
    assert plan.template_for(year).title == template
    assert (plan.considered_by, plan.considered_by_body) == (
        "the relevant Cabinet Committee or Cabinet",
        True,
    )
    assert plan.outcomes[0].words.startswith("the shared service continues to operate")
    # Appendix 4a question 6: not continuing means the exit plans, so a withdrawal.
    assert [o.effect for o in plan.outcomes] == [OutcomeEffect.CONTINUE, OutcomeEffect.WITHDRAW]


@pytest.mark.parametrize(
    "shape",
    [
        {"kind": Kind.PARTNERSHIP},
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER},
    ],
    ids=["a partnership", "a joint officer arrangement"],
)
def test_partnerships_are_kept_under_review_by_their_portfolio_holder_g_6_8(shape):
    plan = POLICY.review_plan(build(**shape))
    assert plan.considered_by == "the relevant Cabinet Portfolio Holder"
    assert not plan.considered_by_body and plan.templates == ()
    assert "(G 6.8)" in plan.cadence and "(G 6.6)" in plan.cadence
