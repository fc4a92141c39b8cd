"""Dartford Code of Practice for Effective Joint Working Arrangements (2024): tables of
cases, each naming its paragraph."""

import dataclasses
from decimal import Decimal

import pytest

from register.choices import DocumentKind, Kind, Status
from register.policies import get_policy
from register.policies.base import SCREENING_KEYS, OutcomeEffect, StepKind
from register.policies.dartford import (
    CRITERION_MET,
    MINOR_GOVERNANCE_ELEMENTS,
    S151_ITEMS,
    SCORECARD_CRITERIA,
)
from register.roles import Role
from tests.factories import ArrangementFactory, DocumentFactory

POLICY = get_policy("dartford")
D = Decimal
KEYS = [key for key, _question, _met in SCORECARD_CRITERIA]
S151_KEYS = [key for key, _item in S151_ITEMS]


def build(answers=None, **fields):
    """An unsaved arrangement: no lead officer or service, so nothing touches the database."""
    defaults = {
        "lead_officer": None,
        "service": None,
        "cash_per_year": D("0"),
        "staff_cost_per_year": D("0"),
        "in_kind_per_year": D("0"),
        "shares_personal_data": False,
        "policy_answers": answers or {},
    }
    return ArrangementFactory.build(**{**defaults, **fields})


def met(*keys, approver="cabinet"):
    """Answers meeting the given scorecard criteria, with the approver chosen."""
    return {**dict.fromkeys(keys, True), "approving_body": approver}


def weighted(**weights):
    """Every criterion weighs 0 except the ones given."""
    return dataclasses.replace(POLICY, weights={**dict.fromkeys(KEYS, 0), **weights})


def test_get_policy_returns_the_dartford_code_with_its_register_owner():
    assert get_policy("dartford") is POLICY
    assert POLICY.council == "Dartford Borough Council"
    assert [c.key for c in POLICY.categories] == ["major", "minor"]
    assert POLICY.title(Role.REGISTER_OWNER) == "Chief Officer & Director of Corporate Services"


def test_the_scorecard_asks_one_yes_no_question_for_each_major_criterion_of_d_5_ii():
    questions = POLICY.questions_in("scorecard")
    assert [q.key for q in questions] == KEYS
    assert len(questions) == 13  # all that the OCR of D 5(ii) yields; see the module
    assert all(q.choices == () and q.text.endswith("?") for q in questions)
    assert POLICY.weights == dict.fromkeys(KEYS, 1)


SCORE_CASES = [
    ("D 5(vii) no criterion met is minor", POLICY, [], "minor", "0 of 13 criteria met (0%)"),
    ("D 5(vii) 6 of 13 equal criteria (46%) is minor", POLICY, KEYS[:6], "minor", "(46%)"),
    ("D 5(vii) 7 of 13 equal criteria (53%) is major", POLICY, KEYS[:7], "major", "(53%)"),
    (
        "D 5(vii) every criterion met is major",
        POLICY,
        KEYS,
        "major",
        "13 of 13 criteria met (100%)",
    ),
    (
        "D 5(vii) a weighted score of exactly 49% is minor",
        weighted(strategic_priorities=49, high_public_profile=51),
        ["strategic_priorities"],
        "minor",
        "1 of 13 criteria met (49%)",
    ),
    (
        "D 5(vii) a weighted score of exactly 50% is major",
        weighted(strategic_priorities=50, high_public_profile=50),
        ["strategic_priorities"],
        "major",
        "1 of 13 criteria met (50%)",
    ),
    (
        "D 5(vii) 49.9% is still minor and shown rounded down",
        weighted(strategic_priorities=499, high_public_profile=501),
        ["strategic_priorities"],
        "minor",
        "(49%)",
    ),
    (
        "D 5(vii) nothing weighs: minor",
        weighted(),
        KEYS,
        "minor",
        "(0%)",
    ),
]


@pytest.mark.parametrize(
    ("policy", "criteria", "category", "count"),
    [case[1:] for case in SCORE_CASES],
    ids=[case[0] for case in SCORE_CASES],
)
def test_the_scorecard_percentage_decides_major_or_minor(policy, criteria, category, count):
    arrangement = build(met(*criteria))
    classification = policy.classify(arrangement)
    assert classification.category.key == category
    assert count in classification.reasons[0]
    assert "5(vii))" in classification.reasons[0]
    assert policy.checklist_summary(arrangement, "scorecard").endswith(f": {category}")


def test_the_scorecard_summary_counts_criteria_and_gives_the_weighted_percentage_d_5_vii():
    arrangement = build(met(*KEYS[:7]))
    assert POLICY.checklist_summary(arrangement, "scorecard") == "7 of 13 criteria met (53%): major"


def test_custom_weights_change_the_outcome_of_the_same_answers_d_5_vii():
    arrangement = build(met("high_public_profile"))
    assert POLICY.classify(arrangement).category.key == "minor"
    heavy = dataclasses.replace(POLICY, weights={**POLICY.weights, "high_public_profile": 12})
    assert heavy.score(arrangement) == D(50)
    assert heavy.classify(arrangement).category.key == "major"


def test_the_major_threshold_is_a_policy_parameter_d_5_vii():
    arrangement = build(met(*KEYS[:6]))  # 46%
    assert POLICY.major_threshold == D("50")
    lower = dataclasses.replace(POLICY, major_threshold=D("40"))
    assert lower.classify(arrangement).category.key == "major"


def test_a_major_partnership_names_the_criteria_it_meets_d_5_ii():
    classification = POLICY.classify(build(met(*KEYS[:7])))
    assert classification.reasons[1] == "; ".join(CRITERION_MET[k] for k in KEYS[:7]) + " (D 5(ii))"


def test_recategorisation_wins_over_the_scorecard_with_its_reason_d_5_iv():
    arrangement = build(
        met(),
        category_override="major",
        category_override_reason="High risk after the funding partner withdrew",
    )
    classification = POLICY.effective_classification(arrangement)
    assert classification.category.key == "major"
    assert classification.reasons == (
        "re-categorised: High risk after the funding partner withdrew",
    )
    # Everything downstream follows the re-categorised category.
    assert POLICY.forms_required(arrangement)[3].key == "dartford_governing_document"
    assert POLICY.register_order(arrangement)[0] == 0
    assert "Full review" in POLICY.review_plan(arrangement).template


# (approver, council cash a year, accountable body) ->
# [(stage name contains, [(step kind, role, title or body)])]
S151 = "Section 151 Officer (or nominee)"
ROUTE_CASES = [
    (
        "D 8(v) Cabinet with money committed: S151 agreement (D 12(iv)) then Cabinet",
        "cabinet",
        D("1000"),
        False,
        [
            ("financial commitment", [(StepKind.OPINION, Role.SECTION_151_OFFICER, S151)]),
            ("Cabinet", [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, "Cabinet")]),
        ],
    ),
    (
        "D 8(v) the General Assembly of the Council, no money: no S151 step (D 12(i))",
        "gac",
        D("0"),
        False,
        [
            (
                "General Assembly",
                [
                    (
                        StepKind.BODY_DECISION,
                        Role.DEMOCRATIC_SERVICES,
                        "the General Assembly of the Council (GAC)",
                    )
                ],
            ),
        ],
    ),
    (
        "D 8(v) a delegated officer under the Scheme of Delegations, after S151 (D 12(iv))",
        "delegated_officer",
        D("0.01"),
        False,
        [
            ("financial commitment", [(StepKind.OPINION, Role.SECTION_151_OFFICER, S151)]),
            (
                "Scheme of Delegations to Officers",
                [
                    (
                        StepKind.DECISION,
                        Role.DIRECTOR,
                        "officer with delegated authority under the Scheme of Delegations to "
                        "Officers",
                    )
                ],
            ),
        ],
    ),
    (
        "D 13(vi) the Council as Accountable Body needs the S151 Officer's prior approval",
        "cabinet",
        D("0"),
        True,
        [
            ("Accountable Body", [(StepKind.OPINION, Role.SECTION_151_OFFICER, S151)]),
            ("Cabinet", [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, "Cabinet")]),
        ],
    ),
    (
        "D 5(v) no approver chosen yet: the approval stage names no one",
        "",
        D("0"),
        False,
        [("not yet chosen", [])],
    ),
]


@pytest.mark.parametrize(
    ("approver", "cash", "accountable", "expected"),
    [case[1:] for case in ROUTE_CASES],
    ids=[case[0] for case in ROUTE_CASES],
)
@pytest.mark.parametrize("category_criteria", [KEYS, []], ids=["major", "minor"])
def test_the_route_follows_the_scheme_of_delegations_in_every_category(
    approver, cash, accountable, expected, category_criteria
):
    answers = met(*category_criteria, approver=approver)
    answers["council_accountable_body"] = accountable
    route = POLICY.route(build(answers, cash_per_year=cash))
    assert len(route) == len(expected)
    for stage, (name_part, steps) in zip(route, expected, strict=True):
        assert name_part in stage.name
        assert [
            (s.kind, s.role, s.body if s.kind == StepKind.BODY_DECISION else s.title)
            for s in stage.steps
        ] == steps
    # The Code asks no Monitoring Officer opinion before approval (D 24).
    assert all(s.role != Role.MONITORING_OFFICER for stage in route for s in stage.steps)


# (council cash a year, accountable body) -> the items the S151 Officer agrees one by one
CONDITION_CASES = [
    ("D 12(iv) money committed: the six items", D("1000"), False, S151_KEYS),
    ("D 13(vi) Accountable Body: its prior approval", D("0"), True, ["s151_accountable_body"]),
    (
        "D 13(vi) and D 12(iv): the prior approval and the six items",
        D("1000"),
        True,
        ["s151_accountable_body", *S151_KEYS],
    ),
]


@pytest.mark.parametrize(
    ("cash", "accountable", "items"),
    [case[1:] for case in CONDITION_CASES],
    ids=[case[0] for case in CONDITION_CASES],
)
def test_the_section_151_officers_agreement_is_a_condition_given_item_by_item(
    cash, accountable, items
):
    answers = met(approver="cabinet")
    answers["council_accountable_body"] = accountable
    step = POLICY.route(build(answers, cash_per_year=cash))[0].steps[0]
    assert (step.kind, step.role, step.binding) == (
        StepKind.OPINION,
        Role.SECTION_151_OFFICER,
        True,
    )
    assert [key for key, _words in step.items] == items
    assert step.describe() == "Agreement of the Section 151 Officer (or nominee)"


@pytest.mark.parametrize(
    "fields",
    [{"staff_cost_per_year": D("500")}, {"in_kind_per_year": D("500")}],
    ids=["D 12(i) costed staff time", "D 12(i) in-kind resources"],
)
def test_staff_or_in_kind_resources_are_a_commitment_the_s151_officer_agrees(fields):
    route = POLICY.route(build(met(), **fields))
    assert route[0].steps[0].role == Role.SECTION_151_OFFICER


FORMS_CASES = [
    (
        "D 7(v) a major partnership needs a governing document (Appendix 3)",
        met(*KEYS),
        {},
        [
            "dartford_scorecard",
            "dartford_business_case_checklist",
            "dartford_key_risk_areas",
            "dartford_governing_document",
        ],
    ),
    (
        "D 7(vii) a minor partnership's governance covers the minimum elements",
        met(),
        {},
        [
            "dartford_scorecard",
            "dartford_business_case_checklist",
            "dartford_key_risk_areas",
            "dartford_minor_governance",
        ],
    ),
    (
        "D 13(vi) the Accountable Body needs a risk assessment",
        {**met(), "council_accountable_body": True},
        {},
        [
            "dartford_scorecard",
            "dartford_business_case_checklist",
            "dartford_key_risk_areas",
            "dartford_minor_governance",
            "dartford_accountable_body_risk_assessment",
        ],
    ),
    (
        "D 19(iv) sharing personal information needs the Kent & Medway agreement",
        met(*KEYS),
        {"shares_personal_data": True},
        [
            "dartford_scorecard",
            "dartford_business_case_checklist",
            "dartford_key_risk_areas",
            "dartford_governing_document",
            "dartford_information_sharing",
        ],
    ),
]


@pytest.mark.parametrize(
    ("answers", "fields", "expected"),
    [case[1:] for case in FORMS_CASES],
    ids=[case[0] for case in FORMS_CASES],
)
def test_forms_required_depend_on_the_category_and_the_councils_role(answers, fields, expected):
    forms = POLICY.forms_required(build(answers, **fields))
    assert [form.key for form in forms] == expected
    assert all(form.title for form in forms)


def test_a_minor_partnership_has_the_twenty_four_governance_elements_of_d_7_vii():
    assert len(MINOR_GOVERNANCE_ELEMENTS) == 24
    assert MINOR_GOVERNANCE_ELEMENTS[0] == "partnership's name"
    assert MINOR_GOVERNANCE_ELEMENTS[-1] == "exit strategy and arrangements for dissolution"


MISSING_CASES = [
    (
        "D 5(v) the approving body or officer must be chosen",
        {},
        D("0"),
        ["approving_body"],
    ),
    (
        "D 12(iv) money committed: the S151 agreement is given on the round, not asked here",
        met(),
        D("250"),
        [],
    ),
    (
        "D 12(i) no money committed: nothing more is needed",
        met(),
        D("0"),
        [],
    ),
    (
        "D 13(vi) Accountable Body: the risk assessment document is needed",
        {**met(), "council_accountable_body": True},
        D("0"),
        ["documents"],
    ),
]


@pytest.mark.parametrize(
    ("answers", "cash", "fields"),
    [case[1:] for case in MISSING_CASES],
    ids=[case[0] for case in MISSING_CASES],
)
def test_policy_missing_lists_what_the_code_needs_before_submission(answers, cash, fields):
    arrangement = build(answers, cash_per_year=cash)
    category = POLICY.effective_classification(arrangement).category
    missing = POLICY.policy_missing(arrangement, category)
    assert [item.field for item in missing] == fields
    assert all("(D " in item.message for item in missing)


def test_the_lead_officer_is_asked_nothing_of_the_s151_agreement_d_12_iv():
    # The Section 151 Officer agrees each item on the decision page; no policy question or
    # checklist asks the lead officer to tick it.
    assert not [q for q in POLICY.questions if q.key.startswith("s151")]
    assert "s151" not in {checklist.group for checklist in POLICY.checklists}


@pytest.mark.django_db
def test_an_accountable_body_risk_assessment_on_file_satisfies_d_13_vi():
    arrangement = ArrangementFactory(
        cash_per_year=D("0"),
        staff_cost_per_year=D("0"),
        policy_answers={**met(), "council_accountable_body": True},
    )
    category = POLICY.category("minor")
    DocumentFactory(arrangement=arrangement, kind=DocumentKind.TERMS_OF_REFERENCE)
    assert [m.field for m in POLICY.policy_missing(arrangement, category)] == ["documents"]
    DocumentFactory(arrangement=arrangement, kind=DocumentKind.RISK_ASSESSMENT, title="Risks")
    assert POLICY.policy_missing(arrangement, category) == []


def test_missing_combines_the_registers_answers_with_the_codes_on_an_unsaved_arrangement():
    fields = [item.field for item in POLICY.missing(build({}))]
    assert "approving_body" in fields
    assert "partners" in fields  # the register's own requirement, unsaved


SUMMARY_CASES = [
    ("D 5(v) approver not chosen", "approval", {}, D("0"), "not yet chosen"),
    (
        "D 8(v) approver chosen",
        "approval",
        met(approver="gac"),
        D("0"),
        "General Assembly of the Council (GAC)",
    ),
]


@pytest.mark.parametrize(
    ("group", "answers", "cash", "expected"),
    [case[1:] for case in SUMMARY_CASES],
    ids=[case[0] for case in SUMMARY_CASES],
)
def test_each_checklist_has_a_summary_line(group, answers, cash, expected):
    assert expected in POLICY.checklist_summary(build(answers, cash_per_year=cash), group)


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.ACTIVE, Status.ENDED], ids=lambda s: f"D 4(i) {s}"
)
@pytest.mark.parametrize("criteria", [KEYS, []], ids=["major", "minor"])
def test_every_major_and_minor_partnership_is_on_the_register(status, criteria):
    assert POLICY.on_register(build(met(*criteria), status=status)) is True


def test_the_register_lists_major_partnerships_first_then_by_name_d_4_i():
    arrangements = [
        build(met(), name="Zebra crossing forum"),
        build(met(*KEYS), name="Thames Gateway"),
        build(met(), name="allotments group"),
        build(met(*KEYS), name="Community Safety Partnership"),
    ]
    ordered = sorted(arrangements, key=POLICY.register_order)
    assert [a.name for a in ordered] == [
        "Community Safety Partnership",
        "Thames Gateway",
        "allotments group",
        "Zebra crossing forum",
    ]


REVIEW_CASES = [
    (
        "D 31(i), 7(viii) major: full annual review with the self assessment",
        KEYS,
        ["Partnership Evaluation: Self Assessment (Appendix 7)", "value for money", "(D 7(viii))"],
    ),
    (
        "D 31(ii) minor: light-touch annual review of finance and risk",
        [],
        ["Light-touch", "financial and risk implications", "(D 31(ii))"],
    ),
]


@pytest.mark.parametrize(
    ("criteria", "template_parts"),
    [case[1:] for case in REVIEW_CASES],
    ids=[case[0] for case in REVIEW_CASES],
)
def test_reviews_are_annual_and_their_depth_depends_on_the_category(criteria, template_parts):
    plan = POLICY.review_plan(build(met(*criteria)))
    assert plan.cadence.startswith("Every year, as part of the annual review")
    # D 6(vi): the five decisions a review can lead to; D 6(viii): the six kinds of issue
    # flagged for the Annual Governance Statement.
    assert [(o.words, o.effect) for o in plan.outcomes] == [
        ("withdraw from the partnership", OutcomeEffect.WITHDRAW),
        ("allow another body to represent the Council's interests", OutcomeEffect.ANOTHER_BODY),
        ("set a time limit for involvement", OutcomeEffect.TIME_LIMIT),
        ("remain involved", OutcomeEffect.CONTINUE),
        ("remain involved at a different level, e.g. as a watching brief", OutcomeEffect.CONTINUE),
    ]
    assert len(plan.governance_statement_issues) == 6
    assert (
        plan.governance_statement_issues[2]
        == "the issue has led to a material impact on the accounts"
    )
    assert plan.completed_by == "the officer leading on the partnership arrangement"
    for part in template_parts:
        assert part in plan.template


@pytest.mark.parametrize("key", SCREENING_KEYS, ids=lambda key: f"D 2.3 {key}")
def test_each_screening_question_says_why_the_code_does_not_cover_it(key):
    question = next(q for q in POLICY.screening_questions() if q.key == key)
    assert question.out_of_scope.startswith("The Code does not cover")
    assert "(D 2.3)" in question.out_of_scope


@pytest.mark.django_db
def test_a_saved_shared_service_is_scored_the_same_way():
    arrangement = ArrangementFactory(
        kind=Kind.SHARED_SERVICE, type="joint_management", policy_answers=met(*KEYS[:7])
    )
    assert POLICY.classify(arrangement).category.key == "major"
