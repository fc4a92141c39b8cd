"""Brentwood Partnership Policy: tables of cases, each naming the heading it comes from."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from register.choices import ArrangementType, Kind, Status
from register.policies import get_policy
from register.policies.base import SCREENING_KEYS, OutcomeEffect, StepKind
from register.policies.brentwood import DECLINING_CRITERIA, KEY_CONTROLS, PUBLIC_FIELDS
from register.roles import Role
from tests.factories import ArrangementFactory

POLICY = get_policy("brentwood")
D = Decimal
SERVICE = 'B "Approval of a Service Level Partnership"'
BOROUGH = 'B "Approval of a Brentwood Borough Partnership"'
DECLINING = 'B "Declining partnership involvement"'
CONTROL_KEYS = [key for key, _control in KEY_CONTROLS]
DECLINING_KEYS = [key for key, _question, _reason in DECLINING_CRITERIA]


def build(level="service_level", answers=None, **fields):
    """An unsaved community partnership with no investment, at the given level."""
    defaults = {
        "lead_officer": None,
        "service": None,
        "type": ArrangementType.COMMUNITY,
        "is_statutory": False,
        "cash_per_year": D("0"),
        "staff_cost_per_year": D("0"),
        "in_kind_per_year": D("0"),
        "shares_personal_data": False,
        "policy_answers": {**({"partnership_level": level} if level else {}), **(answers or {})},
    }
    return ArrangementFactory.build(**{**defaults, **fields})


def steps(stage):
    return [(s.kind, s.role, s.body or s.title) for s in stage.steps]


HEAD_OF_SERVICE = [(StepKind.DECISION, Role.HEAD_OF_SERVICE, "Head of Service")]
COMMITTEE = [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, "the relevant Committee")]
FINANCE_DIRECTOR = [
    (StepKind.OPINION, Role.SECTION_151_OFFICER, "Finance Director (Section 151 Officer)")
]


def test_get_policy_returns_the_brentwood_policy_with_its_register_owner():
    assert get_policy("brentwood") is POLICY
    assert POLICY.council == "Brentwood Borough Council"
    assert [c.key for c in POLICY.categories] == ["borough", "service_level"]
    assert POLICY.title(Role.REGISTER_OWNER) == "Partnership, Leisure and Funding Manager"
    assert POLICY.in_kind_and_staff_escalation_above == D("5000")
    assert POLICY.conditional_support_months == 3
    assert POLICY.retention_months == 36


THRESHOLD_CASES = [
    ("B service level: in-kind of £5,000.00 does not escalate", D("5000.00"), D("0"), False),
    ("B service level: in-kind of £5,000.01 escalates", D("5000.01"), D("0"), True),
    ("B service level: staff cost of £5,000.00 does not escalate", D("0"), D("5000.00"), False),
    ("B service level: staff cost of £5,000.01 escalates", D("0"), D("5000.01"), True),
    (
        "B service level: in-kind + staff of £5,000.00 does not escalate",
        D("2500"),
        D("2500"),
        False,
    ),
    ("B service level: in-kind + staff of £5,000.01 escalates", D("2500"), D("2500.01"), True),
    ("B service level: none recorded does not escalate", None, None, False),
]


@pytest.mark.parametrize(
    ("in_kind", "staff", "escalates"),
    [case[1:] for case in THRESHOLD_CASES],
    ids=[case[0] for case in THRESHOLD_CASES],
)
def test_in_kind_or_staff_investment_escalates_only_above_five_thousand_pounds(
    in_kind, staff, escalates
):
    arrangement = build(in_kind_per_year=in_kind, staff_cost_per_year=staff)
    assert bool(POLICY.escalation_reasons(arrangement)) is escalates
    route = POLICY.route(arrangement)
    assert steps(route[-1]) == (COMMITTEE if escalates else HEAD_OF_SERVICE)
    if escalates:
        assert (
            f"it needs in-kind or staff investment of £5,000.01 a year, above £5,000 ({SERVICE})"
            in POLICY.classify(arrangement).reasons
        )


TRIGGER_CASES = [
    (
        "B service level: personal information shared",
        {"shares_personal_data": True},
        {},
        "personal information is to be shared",
    ),
    (
        "B service level: any financial investment in cash terms",
        {"cash_per_year": D("0.01")},
        {},
        "financial investment in budget or cash terms: £0.01 a year",
    ),
    (
        "B service level: in-kind investment above £5K",
        {"in_kind_per_year": D("6000")},
        {},
        "in-kind or staff investment of £6,000 a year",
    ),
    (
        "B service level: link with Council priorities in question",
        {},
        {"priority_link_in_question": True},
        "link with Council objectives or priorities is in question",
    ),
    (
        "B service level: the officer wants a more formal decision",
        {},
        {"formal_decision_wanted": True},
        "more formal or structured decision-making process",
    ),
]


@pytest.mark.parametrize(
    ("fields", "answers", "reason"),
    [case[1:] for case in TRIGGER_CASES],
    ids=[case[0] for case in TRIGGER_CASES],
)
def test_each_escalation_criterion_alone_sends_a_service_level_partnership_to_members(
    fields, answers, reason
):
    arrangement = build(answers=answers, **fields)
    classification = POLICY.classify(arrangement)
    assert classification.category.key == "service_level"
    assert "escalated to elected Members for sanction" in classification.reasons
    [escalation] = POLICY.escalation_reasons(arrangement)
    assert reason in escalation and escalation.endswith(f"({SERVICE})")
    approval = POLICY.route(arrangement)[-1]
    assert approval.name.startswith("Escalated to elected Members at the relevant Committee")
    assert reason in approval.name
    assert steps(approval) == COMMITTEE
    assert POLICY.is_escalated(arrangement)


def test_every_escalation_reason_is_given_when_all_apply():
    arrangement = build(
        answers={"priority_link_in_question": True, "formal_decision_wanted": True},
        shares_personal_data=True,
        cash_per_year=D("100"),
        in_kind_per_year=D("5000.01"),
    )
    assert len(POLICY.escalation_reasons(arrangement)) == 5
    assert POLICY.classify(arrangement).reasons[2:] == tuple(POLICY.escalation_reasons(arrangement))


def test_with_no_trigger_a_head_of_service_approves_a_service_level_partnership():
    arrangement = build()
    classification = POLICY.classify(arrangement)
    assert classification.category.key == "service_level"
    assert "a Head of Service may approve it" in classification.reasons[1]
    assert [(s.name, steps(s)) for s in POLICY.route(arrangement)] == [
        ("Approval by the Head of Service", HEAD_OF_SERVICE)
    ]
    assert not POLICY.is_escalated(arrangement)


def test_the_escalation_threshold_is_a_policy_parameter():
    arrangement = build(in_kind_per_year=D("8000"))
    higher = dataclasses.replace(POLICY, in_kind_and_staff_escalation_above=D("10000"))
    assert POLICY.escalation_reasons(arrangement)
    assert higher.escalation_reasons(arrangement) == []


ROUTE_CASES = [
    (
        'B "Approval of a Brentwood Borough Partnership": elected Members at the Committee',
        "borough",
        {},
        [("Approval by elected Members at the relevant Committee", COMMITTEE)],
    ),
    (
        "B borough: escalation criteria play no part",
        "borough",
        {"shares_personal_data": True, "in_kind_per_year": D("9000")},
        [("Approval by elected Members at the relevant Committee", COMMITTEE)],
    ),
    (
        'B "Financial Implications": cash first needs the Finance Director\'s guidance',
        "borough",
        {"cash_per_year": D("2000")},
        [
            ("Guidance of the Finance Director on the financial arrangements", FINANCE_DIRECTOR),
            ("Approval by elected Members at the relevant Committee", COMMITTEE),
        ],
    ),
    (
        'B "Approval of a Service Level Partnership": Head of Service',
        "service_level",
        {},
        [("Approval by the Head of Service", HEAD_OF_SERVICE)],
    ),
    (
        "B service level with cash: Finance Director, then escalated to the Committee",
        "service_level",
        {"cash_per_year": D("2000")},
        [
            ("Guidance of the Finance Director on the financial arrangements", FINANCE_DIRECTOR),
            ("Escalated to elected Members at the relevant Committee for sanction", COMMITTEE),
        ],
    ),
]


@pytest.mark.parametrize(
    ("level", "fields", "expected"),
    [case[1:] for case in ROUTE_CASES],
    ids=[case[0] for case in ROUTE_CASES],
)
def test_the_route_of_each_category_in_order(level, fields, expected):
    route = POLICY.route(build(level, **fields))
    assert [(stage.name.split(":")[0], steps(stage)) for stage in route] == expected


LEVEL_CASES = [
    ("B chosen: borough", "borough", {}, "borough", "recorded as a Brentwood Borough Partnership"),
    (
        "B chosen: service level, even for a strategic partnership",
        "service_level",
        {"type": ArrangementType.STRATEGIC, "is_statutory": True},
        "service_level",
        "recorded as a Service Level Partnership",
    ),
    (
        "B unchosen: a strategic partnership is read as borough",
        "",
        {"type": ArrangementType.STRATEGIC},
        "borough",
        "because it is a strategic partnership",
    ),
    (
        "B unchosen: a shared service is read as borough",
        "",
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER},
        "borough",
        "because it is a shared service with another authority",
    ),
    (
        "B unchosen: a statutory partnership is read as borough",
        "",
        {"is_statutory": True},
        "borough",
        "because the Council takes part by statute",
    ),
    (
        "B unchosen: anything else is service level ('all other cases')",
        "",
        {},
        "service_level",
        "the policy's 'all other cases'",
    ),
]


@pytest.mark.parametrize(
    ("level", "fields", "category", "reason"),
    [case[1:] for case in LEVEL_CASES],
    ids=[case[0] for case in LEVEL_CASES],
)
def test_the_level_is_as_chosen_or_read_from_the_arrangement(level, fields, category, reason):
    classification = POLICY.classify(build(level, **fields))
    assert classification.category.key == category
    assert reason in classification.reasons[0]
    assert classification.reasons[0].endswith(f"({BOROUGH})")


def test_recategorisation_wins_with_its_reason_and_changes_the_route():
    arrangement = build(
        shares_personal_data=True,
        category_override="borough",
        category_override_reason="Council-wide reach after the Cabinet decision",
    )
    classification = POLICY.effective_classification(arrangement)
    assert classification.category.key == "borough"
    assert classification.reasons == (
        "re-categorised: Council-wide reach after the Cabinet decision",
    )
    assert [stage.name for stage in POLICY.route(arrangement)] == [
        "Approval by elected Members at the relevant Committee"
    ]
    assert not POLICY.is_escalated(arrangement)


@pytest.mark.parametrize(
    ("key", "reason"),
    [(key, reason) for key, _question, reason in DECLINING_CRITERIA],
    ids=[f"B declining: {key}" for key in DECLINING_KEYS],
)
def test_each_declining_criterion_recommends_declining_with_its_reason(key, reason):
    arrangement = build(answers={key: True})
    assert POLICY.declining_recommendation(arrangement) == [f"{reason} ({DECLINING})"]
    assert POLICY.checklist_summary(arrangement, "declining") == (
        f"Recommend declining: {reason} ({DECLINING})"
    )


def test_several_declining_criteria_give_every_reason_in_the_policys_order():
    arrangement = build(answers=dict.fromkeys([DECLINING_KEYS[5], DECLINING_KEYS[0]], True))
    assert POLICY.declining_recommendation(arrangement) == [
        f"a partner promotes tobacco, gambling, drugs or alcohol consumption ({DECLINING})",
        "its benefits to core Council activities and key aims are unclear or unqualified "
        f"({DECLINING})",
    ]


def test_with_no_declining_criterion_there_is_no_reason_to_decline():
    arrangement = build(answers=dict.fromkeys(DECLINING_KEYS, False))
    assert POLICY.declining_recommendation(arrangement) == []
    assert POLICY.checklist_summary(arrangement, "declining") == "No reason to decline"
    assert len(POLICY.questions_in("declining")) == 6


def test_a_recommendation_to_decline_leaves_the_decision_to_the_usual_decision_maker():
    # B "Declining": "taken by the appropriate person or body depending on the nature".
    plain, declined = build(), build(answers={DECLINING_KEYS[2]: True})
    assert POLICY.route(declined) == POLICY.route(plain)


MISSING_CASES = [
    (
        'B "Approval of a Brentwood Borough Partnership": every unevidenced key control',
        "borough",
        {},
        {},
        CONTROL_KEYS,
    ),
    (
        "B borough: only the controls not yet evidenced",
        "borough",
        dict.fromkeys(CONTROL_KEYS[:7], True),
        {},
        CONTROL_KEYS[7:],
    ),
    (
        "B borough: all nine evidenced",
        "borough",
        dict.fromkeys(CONTROL_KEYS, True),
        {},
        [],
    ),
    ("B service level: key controls are not required", "service_level", {}, {}, []),
    ("B the level must be chosen", "", {}, {}, ["partnership_level"]),
    (
        'B "Financial Implications": costs identified before any decision',
        "service_level",
        {},
        {"cash_per_year": None, "in_kind_per_year": None},
        ["cash_per_year", "in_kind_per_year"],
    ),
]


@pytest.mark.parametrize(
    ("level", "answers", "fields", "expected"),
    [case[1:] for case in MISSING_CASES],
    ids=[case[0] for case in MISSING_CASES],
)
def test_policy_missing_lists_what_the_policy_needs_before_a_decision(
    level, answers, fields, expected
):
    arrangement = build(level, answers, **fields)
    category = POLICY.effective_classification(arrangement).category
    missing = POLICY.policy_missing(arrangement, category)
    assert [item.field for item in missing] == expected
    assert all('(B "' in item.message for item in missing)


def test_the_key_controls_checklist_counts_what_is_evidenced():
    assert len(KEY_CONTROLS) == 9
    arrangement = build("borough", dict.fromkeys(CONTROL_KEYS[:4], True))
    assert POLICY.checklist_summary(arrangement, "key_controls").startswith(
        "4 of 9 key controls evidenced"
    )


ESCALATION_SUMMARY_CASES = [
    ("B borough", "borough", {}, "Not applicable"),
    ("B service level, no trigger", "service_level", {}, "A Head of Service may approve it"),
    (
        "B service level, personal data",
        "service_level",
        {"shares_personal_data": True},
        "Escalate to elected Members: personal information is to be shared",
    ),
]


@pytest.mark.parametrize(
    ("level", "fields", "expected"),
    [case[1:] for case in ESCALATION_SUMMARY_CASES],
    ids=[case[0] for case in ESCALATION_SUMMARY_CASES],
)
def test_the_escalation_checklist_summary_says_who_approves(level, fields, expected):
    assert POLICY.checklist_summary(build(level, **fields), "escalation").startswith(expected)


FORMS_CASES = [
    (
        "B borough: Partnership checklist, business case report, ToR and EIA",
        "borough",
        [
            "brentwood_partnership_checklist",
            "brentwood_business_case_report",
            "brentwood_terms_of_reference",
            "brentwood_equality_impact_assessment",
        ],
    ),
    (
        "B service level: ToR / Partnership Agreement and EIA",
        "service_level",
        ["brentwood_terms_of_reference", "brentwood_equality_impact_assessment"],
    ),
]


@pytest.mark.parametrize(
    ("level", "expected"),
    [case[1:] for case in FORMS_CASES],
    ids=[case[0] for case in FORMS_CASES],
)
def test_forms_required_by_category(level, expected):
    assert [form.key for form in POLICY.forms_required(build(level))] == expected


@pytest.mark.parametrize(
    "status",
    [Status.DRAFT, Status.DECLINED, Status.CONDITIONAL_SUPPORT, Status.ENDED],
    ids=lambda s: f'B "Recording a partnership" and "Declining": {s}',
)
@pytest.mark.parametrize("level", ["borough", "service_level"])
def test_every_partnership_is_on_the_register_declined_requests_included(status, level):
    assert POLICY.on_register(build(level, status=status)) is True


def test_the_register_lists_borough_partnerships_first_then_by_name():
    arrangements = [
        build("service_level", name="Youth forum"),
        build("borough", name="Safer Brentwood"),
        build("service_level", name="allotment society"),
        build("borough", name="Community Safety Partnership"),
    ]
    ordered = sorted(arrangements, key=POLICY.register_order)
    assert [a.name for a in ordered] == [
        "Community Safety Partnership",
        "Safer Brentwood",
        "allotment society",
        "Youth forum",
    ]
    # B "Publicising Partnership working": description, aims and partners are public.
    assert PUBLIC_FIELDS == ("name", "purpose", "partners")


@pytest.mark.parametrize(
    ("level", "scrutiny"),
    [
        ("borough", "Audit, Scrutiny and Transformation Committee"),
        ("service_level", "individual Members"),
    ],
    ids=['B "Monitoring and scrutiny": borough', 'B "Monitoring and scrutiny": service level'],
)
def test_reviews_are_annual_and_recommend_one_of_three_outcomes(level, scrutiny):
    plan = POLICY.review_plan(build(level))
    assert plan.cadence.startswith("Every year")
    assert scrutiny in plan.cadence
    assert "Self assessment reference tool" in plan.template
    assert (plan.every_months, plan.completed_by, plan.considered_by) == (
        12,
        "the Service Manager directly involved with the partnership",
        "the decision-maker at the level that approved the partnership",
    )
    # B: "continue ... (conditional approval)" sets actions; disengagement opens withdrawal.
    assert [(o.words, o.effect) for o in plan.outcomes] == [
        ("continue to support engagement (approval)", OutcomeEffect.CONTINUE),
        (
            "continue to support engagement with a view to improving the partnership working "
            "(conditional approval)",
            OutcomeEffect.IMPROVE,
        ),
        (
            "critically review the partnership with a view to the Council's disengagement",
            OutcomeEffect.WITHDRAW,
        ),
    ]
    assert plan.at_approval_level


DATE_CASES = [
    (
        'B "Conditional Partnership Support": up to 3 months at a time',
        "conditional_support_ends",
        datetime.date(2026, 4, 15),
        datetime.date(2026, 7, 15),
    ),
    (
        "B conditional support granted on the 30th of November ends on the last of February",
        "conditional_support_ends",
        datetime.date(2026, 11, 30),
        datetime.date(2027, 2, 28),
    ),
    (
        'B "Data retention": 36 months after the arrangement ceased',
        "retention_ends",
        datetime.date(2026, 3, 31),
        datetime.date(2029, 3, 31),
    ),
]


@pytest.mark.parametrize(
    ("method", "start", "end"),
    [case[1:] for case in DATE_CASES],
    ids=[case[0] for case in DATE_CASES],
)
def test_conditional_support_and_retention_end_after_their_periods(method, start, end):
    assert getattr(POLICY, method)(start) == end


def test_the_conditional_support_period_is_a_policy_parameter():
    longer = dataclasses.replace(POLICY, conditional_support_months=6)
    assert longer.conditional_support_ends(datetime.date(2026, 1, 31)) == datetime.date(2026, 7, 31)


WITHDRAWAL_CASES = [
    ('B "Withdrawing": same level as a Head of Service approval', {}, False, HEAD_OF_SERVICE),
    (
        "B withdrawing: a difficult local withdrawal goes to elected Members",
        {},
        True,
        COMMITTEE,
    ),
    (
        "B withdrawing: an escalated approval is withdrawn by the Committee",
        {"shares_personal_data": True},
        False,
        COMMITTEE,
    ),
]


@pytest.mark.parametrize(
    ("fields", "difficult", "expected"),
    [case[1:] for case in WITHDRAWAL_CASES],
    ids=[case[0] for case in WITHDRAWAL_CASES],
)
def test_withdrawal_is_decided_at_the_level_of_approval(fields, difficult, expected):
    [stage] = POLICY.withdrawal_route(build(**fields), difficult=difficult)
    assert steps(stage) == expected


@pytest.mark.parametrize("key", SCREENING_KEYS, ids=lambda key: f'B "Scope" {key}')
def test_each_screening_question_says_why_the_policy_does_not_cover_it(key):
    question = next(q for q in POLICY.screening_questions() if q.key == key)
    assert question.out_of_scope.endswith('(B "Scope").')


def test_before_its_level_is_chosen_brentwoods_own_answers_need_no_database():
    # No django_db mark: any query would fail the test. What every policy answers is in
    # test_policy_contract.py; these are Brentwood's own.
    arrangement = build("", shares_personal_data=True, cash_per_year=D("1"))
    assert arrangement.pk is None
    category = POLICY.effective_classification(arrangement).category
    assert POLICY.policy_missing(arrangement, category)
    assert POLICY.withdrawal_route(arrangement)
    for checklist in POLICY.checklists:
        assert POLICY.checklist_summary(arrangement, checklist.group), checklist.group


@pytest.mark.django_db
def test_a_saved_arrangement_is_classified_the_same_way():
    # The factory's £10,000 cash a year escalates; its statutory flag does not matter once
    # the level is chosen.
    arrangement = ArrangementFactory(policy_answers={"partnership_level": "service_level"})
    assert arrangement.pk is not None
    assert POLICY.is_escalated(arrangement)
    assert [m.field for m in POLICY.missing(arrangement)][-2:] == ["partners", "risks"]


CONDITIONAL_SUPPORT_LIMITS = [
    (
        'B "Conditional Partnership Support": exactly 3 months is allowed',
        datetime.date(2026, 7, 15),
        True,
    ),
    (
        'B "Conditional Partnership Support": 3 months and a day over is not',
        datetime.date(2026, 7, 16),
        False,
    ),
    ("B conditional support cannot end before it starts", datetime.date(2026, 4, 14), False),
]


@pytest.mark.parametrize(
    ("until", "allowed"),
    [case[1:] for case in CONDITIONAL_SUPPORT_LIMITS],
    ids=[case[0] for case in CONDITIONAL_SUPPORT_LIMITS],
)
def test_one_grant_of_conditional_support_runs_for_3_months_at_most(until, allowed):
    granted_on = datetime.date(2026, 4, 15)
    assert POLICY.conditional_support_allowed_until(granted_on, until) is allowed
