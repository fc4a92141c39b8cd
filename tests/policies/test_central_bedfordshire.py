"""Central Bedfordshire J3 Partnerships Protocol: tables of cases, each naming its
paragraph. Arrangements are unsaved unless a test needs the database, so these tests also
show the policy makes no queries for them."""

import dataclasses

import pytest
from django.urls import reverse

from register.choices import ArrangementType, Kind, Sector
from register.completeness import MissingAnswer
from register.models import Arrangement
from register.policies import get_policy
from register.policies.base import StepKind
from register.roles import Role
from tests.factories import ArrangementFactory, PartnerFactory, UserFactory

POLICY = get_policy("central_bedfordshire")
PRIVATE_YES = {"private_sector": True}
TERMS_OF_REFERENCE_KEYS = [f"terms_of_reference_{n}" for n in range(1, 16)]


def build(**fields):
    """An unsaved arrangement; no lead officer, so building it writes nothing."""
    defaults = {"lead_officer": None, "policy_answers": {}}
    return ArrangementFactory.build(**{**defaults, **fields})


CATEGORY_CASES = [
    (
        "CB 1.5.1 a strategic partnership",
        {"type": ArrangementType.STRATEGIC},
        "public_strategic",
        "little or no resource management responsibilities (CB 1.5.1, 2.1)",
    ),
    (
        "CB 1.5.2 a delivery partnership",
        {"type": ArrangementType.DELIVERY},
        "public_delivery",
        "significant resource management responsibilities (CB 1.5.2, 2.4)",
    ),
    (
        "CB 1.5.2 a community-based partnership is treated as delivery",
        {"type": ArrangementType.COMMUNITY},
        "public_delivery",
        "a community-based partnership of public bodies is treated as a delivery partnership",
    ),
    (
        "CB 1.5.2 a network or forum is treated as delivery",
        {"type": ArrangementType.NETWORK_FORUM},
        "public_delivery",
        "(CB 1.5)",
    ),
    (
        "CB 1.5.2 no type yet is treated as delivery",
        {"type": ""},
        "public_delivery",
        "no type is selected yet",
    ),
    (
        "CB 1.5.2, 2.8 a shared service between authorities is delivery",
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_MANAGEMENT},
        "public_delivery",
        "(CB 1.5.2, 2.8)",
    ),
    (
        "CB 1.5.3 declared a partnership with the private sector",
        {"type": ArrangementType.STRATEGIC, "policy_answers": PRIVATE_YES},
        "private_sector",
        "a private company enters into a contract with the Council for a considerable period",
    ),
    (
        "CB 1.5.3 a shared service with a private contractor is private sector",
        {
            "kind": Kind.SHARED_SERVICE,
            "type": ArrangementType.FULL_SHARED_SERVICE,
            "policy_answers": PRIVATE_YES,
        },
        "private_sector",
        "(CB 1.5.3, 3.1)",
    ),
]


@pytest.mark.parametrize(
    ("case", "fields", "category", "reason"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES]
)
def test_each_type_is_classified_with_its_reason(case, fields, category, reason):
    classification = POLICY.classify(build(**fields))
    assert classification.category.key == category
    assert reason in classification.summary


def test_an_unsaved_public_partnership_says_the_private_sector_question_decided_cb_1_5_3():
    reasons = POLICY.classify(build(type=ArrangementType.STRATEGIC)).reasons
    assert reasons[-1] == (
        "it is not declared a partnership with the private sector, and its partners are not "
        "recorded until it is saved (CB 1.5.3)"
    )


@pytest.mark.django_db
def test_a_private_sector_partner_makes_a_saved_partnership_private_sector_cb_1_5_3():
    arrangement = ArrangementFactory(type=ArrangementType.STRATEGIC)
    PartnerFactory(arrangement=arrangement, name="Amey plc", sector=Sector.PRIVATE)
    PartnerFactory(arrangement=arrangement, name="Bedfordshire Police", sector=Sector.POLICE_FIRE)
    classification = POLICY.classify(arrangement)
    assert classification.category.key == "private_sector"
    assert classification.reasons == ("Amey plc is a partner from the private sector (CB 1.5.3)",)


@pytest.mark.django_db
def test_a_saved_partnership_with_only_public_partners_stays_public_cb_1_5_3():
    arrangement = ArrangementFactory(type=ArrangementType.STRATEGIC, complete=True)
    classification = POLICY.classify(arrangement)
    assert classification.category.key == "public_strategic"
    assert classification.summary.endswith("and no partner is from the private sector (CB 1.5.3)")


@pytest.mark.django_db
def test_private_partners_and_the_answer_are_both_given_as_reasons_cb_1_5_3():
    arrangement = ArrangementFactory(type=ArrangementType.DELIVERY, policy_answers=PRIVATE_YES)
    for name in ("Kier Ltd", "Amey plc", "Balfour Beatty plc"):
        PartnerFactory(arrangement=arrangement, name=name, sector=Sector.PRIVATE)
    reasons = POLICY.classify(arrangement).reasons
    assert len(reasons) == 2
    assert reasons[1] == (
        "Amey plc, Balfour Beatty plc and Kier Ltd are partners from the private sector (CB 1.5.3)"
    )


@pytest.mark.django_db
def test_a_private_partner_alone_can_be_configured_not_to_make_it_private_sector():
    policy = dataclasses.replace(POLICY, private_partner_makes_private_sector=False)
    arrangement = ArrangementFactory(type=ArrangementType.STRATEGIC)
    PartnerFactory(arrangement=arrangement, sector=Sector.PRIVATE)
    classification = policy.classify(arrangement)
    assert classification.category.key == "public_strategic"
    assert classification.reasons[-1] == (
        "it is not declared a partnership with the private sector (CB 1.5.3)"
    )


@pytest.mark.django_db
def test_prefetched_partners_are_classified_without_further_queries(django_assert_num_queries):
    arrangement = ArrangementFactory(type=ArrangementType.STRATEGIC)
    PartnerFactory(arrangement=arrangement, sector=Sector.PRIVATE)
    (loaded,) = Arrangement.objects.filter(pk=arrangement.pk).prefetch_related("partners")
    with django_assert_num_queries(0):
        assert POLICY.classify(loaded).category.key == "private_sector"
        POLICY.route(loaded)
        POLICY.register_order(loaded)


LEAD_AUTHORITY = MissingAnswer(
    "lead_organisation",
    "Enter the lead authority: one must be appointed for every partnership (CB 1.6)",
)


@pytest.mark.parametrize(
    ("lead_organisation", "missing"),
    [("", [LEAD_AUTHORITY]), ("   ", [LEAD_AUTHORITY]), ("Bedford Borough Council", [])],
    ids=["CB 1.6 blank", "CB 1.6 only spaces", "CB 1.6 entered"],
)
def test_a_lead_authority_is_required_for_every_partnership(lead_organisation, missing):
    arrangement = build(lead_organisation=lead_organisation)
    category = POLICY.classify(arrangement).category
    assert POLICY.policy_missing(arrangement, category) == missing


def test_the_lead_authority_is_asked_for_once_in_the_protocol_words_cb_1_6():
    lead = [
        m for m in POLICY.missing(build(lead_organisation="")) if m.field == "lead_organisation"
    ]
    assert lead == [LEAD_AUTHORITY]


@pytest.mark.parametrize(
    ("answers", "authorised_officer", "fields"),
    [
        (PRIVATE_YES, False, ["executive_member_on_board", "council_authorised_officer"]),
        ({**PRIVATE_YES, "executive_member_on_board": True}, False, ["council_authorised_officer"]),
        ({**PRIVATE_YES, "executive_member_on_board": True}, True, []),
        ({}, False, []),
    ],
    ids=[
        "CB 3.2.1, 3.2.7 both missing",
        "CB 3.2.7 authorised officer missing",
        "CB 3.2 both given",
        "CB 3.2 not asked of a public partnership",
    ],
)
def test_a_private_sector_partnership_needs_its_board_members_and_authorised_officer(
    answers, authorised_officer, fields
):
    arrangement = build(policy_answers=answers)
    if authorised_officer:
        arrangement.council_authorised_officer_id = 1  # someone is named (CB 3.2.7)
    category = POLICY.classify(arrangement).category
    assert [m.field for m in POLICY.policy_missing(arrangement, category)] == fields


def test_the_fifteen_terms_of_reference_items_can_be_required_before_submission_cb_2_9_1():
    policy = dataclasses.replace(POLICY, terms_of_reference_before_submission=True)
    arrangement = build(policy_answers={"terms_of_reference_1": True})
    missing = policy.policy_missing(arrangement, policy.classify(arrangement).category)
    assert [m.field for m in missing] == TERMS_OF_REFERENCE_KEYS[1:]
    assert (
        missing[-1].message
        == "Confirm the terms of reference set the voting arrangements (CB 2.9.1.15)"
    )
    assert POLICY.policy_missing(arrangement, POLICY.classify(arrangement).category) == []


def test_the_terms_of_reference_checklist_counts_the_items_covered_cb_2_9_1():
    assert [q.key for q in POLICY.questions_in("board_terms_of_reference")] == (
        TERMS_OF_REFERENCE_KEYS
    )
    arrangement = build(policy_answers=dict.fromkeys(TERMS_OF_REFERENCE_KEYS[:3], True))
    summary = POLICY.checklist_summary(arrangement, "board_terms_of_reference")
    assert summary == "3 of 15 items of CB 2.9.1 covered"


def route_shape(stages):
    return [[(step.kind, step.role, step.body or step.title) for step in s.steps] for s in stages]


MO_OPINION = (StepKind.OPINION, Role.MONITORING_OFFICER, "Monitoring Officer")
CFO_OPINION = (StepKind.OPINION, Role.SECTION_151_OFFICER, "Chief Finance Officer")
EXECUTIVE = [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, "the Executive")]
EXECUTIVE_MEMBER = (StepKind.INFORM, Role.PORTFOLIO_HOLDER, "relevant Executive Member")
CMT = (StepKind.INFORM, Role.MANAGEMENT_TEAM, "corporate management team")
ROUTES = [
    (
        "CB 2.2, 2.6 strategic: MO opinion, the Executive, executive member monitors",
        {"type": ArrangementType.STRATEGIC},
        [[MO_OPINION], EXECUTIVE, [EXECUTIVE_MEMBER, CMT]],
    ),
    (
        "CB 2.5, 2.6 delivery: MO and CFO opinions, the Executive, executive member monitors",
        {"type": ArrangementType.DELIVERY},
        [[MO_OPINION, CFO_OPINION], EXECUTIVE, [EXECUTIVE_MEMBER, CMT]],
    ),
    (
        "CB 2.2, 2.8a Joint Committee for council functions: Council decides and monitors",
        {"type": ArrangementType.STRATEGIC, "policy_answers": {"council_joint_committee": True}},
        [
            [MO_OPINION],
            [(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, "Council")],
            [CMT],
        ],
    ),
    (
        "CB 3.2.3, 3.2.1, 3.2.8 private: MO approves the contract, the Executive, monitoring",
        {"type": ArrangementType.DELIVERY, "policy_answers": PRIVATE_YES},
        [
            [(StepKind.DECISION, Role.MONITORING_OFFICER, "Monitoring Officer")],
            EXECUTIVE,
            [
                EXECUTIVE_MEMBER,
                (StepKind.INFORM, Role.REGISTER_OWNER, "Office of the Chief Executive"),
            ],
        ],
    ),
]


@pytest.mark.parametrize(("case", "fields", "expected"), ROUTES, ids=[r[0] for r in ROUTES])
def test_routes_per_type(case, fields, expected):
    assert route_shape(POLICY.route(build(**fields))) == expected


def test_stage_names_say_who_decides_cb_2_2():
    names = [stage.name for stage in POLICY.route(build(type=ArrangementType.STRATEGIC))]
    assert names == [
        "Opinions on compliance with the constitution",
        "Decision of the Executive",
        "Monitoring and review",
    ]


def test_the_contract_can_be_approved_after_the_executive_decides_when_configured():
    policy = dataclasses.replace(POLICY, contract_approved_before_decision=False)
    names = [stage.name for stage in policy.route(build(policy_answers=PRIVATE_YES))]
    assert names == [
        "Decision of the Executive",
        "Approval of the contract",
        "Monitoring and review",
    ]


def test_without_opinions_a_strategic_partnership_goes_straight_to_the_executive():
    policy = dataclasses.replace(POLICY, monitoring_officer_opinion=False)
    assert route_shape(policy.route(build(type=ArrangementType.STRATEGIC)))[0] == EXECUTIVE


def test_a_recategorised_partnership_follows_its_new_category_route():
    arrangement = build(
        type=ArrangementType.STRATEGIC,
        category_override="private_sector",
        category_override_reason="Ten-year highways contract with Ringway",
    )
    assert POLICY.route(arrangement)[0].name == "Approval of the contract"


TERMS_OF_REFERENCE = "Joint Committee or Board terms of reference (CB 2.9.1)"
FORMS = [
    (
        "CB 2.9.1, 2.10.1 strategic: Board terms of reference and business case",
        {"type": ArrangementType.STRATEGIC},
        [TERMS_OF_REFERENCE, "business case"],
    ),
    (
        "CB 2.9.1, 2.10.1 delivery: the same",
        {"type": ArrangementType.DELIVERY},
        [TERMS_OF_REFERENCE, "business case"],
    ),
    (
        "CB 3.2.3, 3.2.7 private: Board terms of reference and the contract",
        {"policy_answers": PRIVATE_YES},
        [
            TERMS_OF_REFERENCE,
            "approved by the Monitoring Officer and naming the Council Authorised Officer",
        ],
    ),
]


@pytest.mark.parametrize(("case", "fields", "titles"), FORMS, ids=[f[0] for f in FORMS])
def test_forms_required(case, fields, titles):
    forms = POLICY.forms_required(build(**fields))
    assert len(forms) == len(titles)
    assert all(
        title.lower() in form.title.lower() for form, title in zip(forms, titles, strict=True)
    )


REVIEWS = [
    (
        "CB 2.11 public: Annual Review reported to the lead authority's Executive",
        {"type": ArrangementType.DELIVERY},
        "Every year: the Joint Committee or Board holds an Annual Review meeting, reported to "
        "the lead authority's Executive and, if requested, the relevant overview and scrutiny "
        "committee (CB 2.11.2)",
        "Annual Review",
    ),
    (
        "CB 2.11.2 council Joint Committee: reported to Council",
        {"policy_answers": {"council_joint_committee": True}},
        "reported to Council and, if requested",
        "(CB 2.11.1)",
    ),
    (
        "CB 3.2.8 private: the Chief Executive's office reports every year",
        {"policy_answers": PRIVATE_YES},
        "Every year: the Office of the Chief Executive reports to the Executive and the "
        "relevant overview and scrutiny committee",
        "Report on the performance of the private sector partnerships (CB 3.2.8)",
    ),
]


@pytest.mark.parametrize(
    ("case", "fields", "cadence", "template"), REVIEWS, ids=[r[0] for r in REVIEWS]
)
def test_review_plan(case, fields, cadence, template):
    plan = POLICY.review_plan(build(**fields))
    assert cadence in plan.cadence
    assert template in plan.template
    # Considered by a body, which records its meeting (CB 2.11.2, 3.2.8).
    assert plan.considered_by_body and plan.every_months == 12


@pytest.mark.parametrize(
    "fields",
    [
        {"type": ArrangementType.STRATEGIC},
        {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER},
        {"policy_answers": PRIVATE_YES},
    ],
    ids=["strategic", "shared service", "private sector"],
)
def test_every_partnership_is_on_the_register_cb_1_7_1(fields):
    assert POLICY.on_register(build(**fields)) is True


def test_register_lists_strategic_then_delivery_then_private_by_name_cb_1_5():
    arrangements = [
        build(name="Waste PFI", policy_answers=PRIVATE_YES),
        build(name="Youth Offending Service", type=ArrangementType.DELIVERY),
        build(name="Local Strategic Partnership", type=ArrangementType.STRATEGIC),
        build(name="bedfordshire Fire Joint Working", type=ArrangementType.DELIVERY),
        build(
            name="Children & Young People's Strategic Partnership", type=ArrangementType.STRATEGIC
        ),
    ]
    ordered = sorted(arrangements, key=POLICY.register_order)
    assert [a.name for a in ordered] == [
        "Children & Young People's Strategic Partnership",
        "Local Strategic Partnership",
        "bedfordshire Fire Joint Working",
        "Youth Offending Service",
        "Waste PFI",
    ]


def test_screening_explains_every_out_of_scope_answer_in_central_bedfordshire_words():
    questions = POLICY.screening_questions()
    assert all("CB 1.2" in q.out_of_scope for q in questions)
    reasons = {q.key: q.out_of_scope for q in questions}
    assert "Private Sector Partnership (CB 1.5.3)" in reasons["client_contractor"]
    assert "Public Sector Delivery Partnership (CB 1.5.2)" in reasons["commissioning"]


def test_role_titles_are_central_bedfordshire_own():
    assert POLICY.title(Role.REGISTER_OWNER) == "Office of the Chief Executive"
    assert POLICY.title(Role.PORTFOLIO_HOLDER) == "relevant Executive Member"
    assert POLICY.title(Role.SECTION_151_OFFICER) == "Chief Finance Officer"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("council", "asked"), [("central_bedfordshire", True), ("gravesham", False)]
)
def test_the_council_authorised_officer_is_a_person_on_the_arrangement_where_the_policy_asks(
    settings, client_for, council, asked
):
    """CB 3.2.7: the contract nominates a Council Authorised Officer; no other council asks."""
    settings.COUNCIL_POLICY = council
    officer = UserFactory(roles=[Role.LEAD_OFFICER])
    named = UserFactory(roles=[Role.DIRECTOR], first_name="Ayo", last_name="Authorised")
    arrangement = ArrangementFactory(lead_officer=officer, council_authorised_officer=named)
    client = client_for(officer)
    form = client.get(reverse("register:edit", args=[arrangement.reference])).content.decode()
    assert ('name="council_authorised_officer"' in form) is asked
    page = client.get(arrangement.get_absolute_url()).content.decode()
    assert ("Council Authorised Officer" in page) is asked
    assert ("Ayo Authorised" in page) is asked


@pytest.mark.django_db
def test_a_private_sector_partnership_without_its_authorised_officer_links_to_the_question(
    settings, client_for
):
    settings.COUNCIL_POLICY = "central_bedfordshire"
    officer = UserFactory(roles=[Role.LEAD_OFFICER])
    arrangement = ArrangementFactory(lead_officer=officer, policy_answers=PRIVATE_YES)
    page = client_for(officer).get(arrangement.get_absolute_url()).content.decode()
    edit = reverse("register:edit", args=[arrangement.reference])
    assert (
        f'href="{edit}#id_council_authorised_officer">Select the Council Authorised Officer the '
        "contract nominates (CB 3.2.7)"
    ) in page
