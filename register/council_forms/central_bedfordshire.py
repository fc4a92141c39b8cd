"""Central Bedfordshire's templates (Partnerships Protocol J3): the Joint Committee or
Board terms of reference (2.9.1), the business case (2.10.1) and the private sector
partnership contract (3.2); and the yearly reviews, filled for a review occasion: the Joint
Committee or Board's Annual Review (2.11, with 2.13.2's corrective action) and the report on
a private sector partnership's performance to the Executive (3.2.8).

The fifteen items of the terms of reference are worded once, in the policy
(TERMS_OF_REFERENCE_ITEMS), whose checklist on the arrangement records which of them the
terms of reference cover. The form records what the terms of reference say on each: where
the arrangement already holds it (the parties, the vision, the legal status, the lead
authority, the frequency of meetings) it is shown, not asked again. The protocol gives no
signatures for it; the contract's is the Monitoring Officer's approval (3.2.3).
"""

from register.council_forms.base import (
    CouncilForm,
    Fact,
    Kind,
    Question,
    Section,
    Signature,
    Table,
    q,
)
from register.council_forms.facts import (
    choice,
    corporate_objectives,
    council_resources,
    dates,
    meetings,
    objectives,
    partners,
    person,
    risks,
    text,
)
from register.formatting import capitalised
from register.policies.central_bedfordshire import (
    ANNUAL_REVIEW,
    BOARD_TERMS_OF_REFERENCE,
    BUSINESS_CASE,
    CONTRACT,
    POLICY,
    PRIVATE_SECTOR_REPORT,
    TERMS_OF_REFERENCE_ITEMS,
    terms_of_reference_key,
)
from register.roles import Role

COUNCIL = "Central Bedfordshire Council"
CHECKLIST = next(c for c in POLICY.checklists if c.group == "board_terms_of_reference")


def vision(arrangement):
    return f"{arrangement.purpose or 'Not answered'}\nObjectives:\n{objectives(arrangement)}"


def checklist_confirms(arrangement):
    return POLICY.checklist_summary(arrangement, CHECKLIST.group)


# The items whose content the arrangement holds, by paragraph.
HELD = {
    "2.9.1.1": partners,
    "2.9.1.2": vision,
    "2.9.1.3": choice("legal_status"),
    "2.9.1.4": text("lead_organisation"),
    "2.9.1.8": meetings,
}
# Held in part: the exit strategy is shown before the question.
TERMINATION = "2.9.1.11"


# The fifteen items in the protocol's own words (CB 2.9.1), the rows of the form; the
# policy's questions on them (TERMS_OF_REFERENCE_ITEMS) are its shorter wording.
SEED_ITEMS = {
    "2.9.1.1": "Identification of the parties involved in the partnership",
    "2.9.1.2": "A description of the clear vision of the purpose, intended outcomes, aims and "
    "objectives of the Partnership",
    "2.9.1.3": "A statement about the legal status of the partnership",
    "2.9.1.4": "The identification of a lead authority, which shall have overall responsibility "
    "for the stewardship and operation of the Partnership",
    "2.9.1.5": "A clear statement of what powers are delegated to the Joint Committee or Board, "
    "and what powers are, or may be, delegated to individuals",
    "2.9.1.6": "A statement of the respective roles, responsibilities and accountabilities of "
    "members and officers in relation to the Partnership, including identifying a Secretary to "
    "the Partnership",
    "2.9.1.7": "The power to co-opt members onto the Joint Committee or Board (if appropriate)",
    "2.9.1.8": "The frequency of meetings of the Joint Committee or Board",
    "2.9.1.9": "The appointment of a Chairman and, if necessary, a Vice-Chairman",
    "2.9.1.10": "Details of how services will be provided to the Joint Committee or Board and "
    "how the services are to be paid for",
    "2.9.1.11": "Details of how the Partnership may be terminated and provision for the disposal "
    "of any joint assets on termination",
    "2.9.1.12": "Details of how partners can resign from the Partnership and the notice that "
    "must be given in such circumstances",
    "2.9.1.13": "The circumstances under which the meetings of the Joint Committee or Board would "
    "be open to the public, with a presumption in favour of openness",
    "2.9.1.14": "A quorum for decision-making purposes",
    "2.9.1.15": "Voting arrangements",
}


def label(paragraph):
    return f"{paragraph} {SEED_ITEMS[paragraph]}"


def items():
    for paragraph, words in TERMS_OF_REFERENCE_ITEMS:
        if paragraph in HELD:
            yield Fact(label(paragraph), HELD[paragraph])
            continue
        hint = "What the terms of reference say."
        if paragraph == TERMINATION:
            yield Fact("Exit strategy", text("exit_strategy"))
            hint = (
                "What the terms of reference say, besides the exit strategy above, including "
                "the disposal of any joint assets."
            )
        yield Question(
            terms_of_reference_key(paragraph),
            label(paragraph),
            Kind.LONG_TEXT,
            hint,
            required="(if appropriate)" not in words,
        )


BOARD_TERMS = CouncilForm(
    key=BOARD_TERMS_OF_REFERENCE.key,
    title="Joint Committee or Board terms of reference",
    council=COUNCIL,
    source="Partnerships Protocol J3, paragraph 2.9.1",
    sections=(
        Section(
            "board",
            "The Joint Committee or Board",
            (
                Fact("Partnership", text("name")),
                Fact("The fifteen items, on the arrangement's checklist", checklist_confirms),
            ),
        ),
        Section(
            "terms_of_reference",
            "Its terms of reference include",
            tuple(items()),
            intro="The Joint Committee or Board shall establish its terms of reference to "
            "include these fifteen items (CB 2.9.1).",
        ),
    ),
)

# The protocol asks for "a clear business case ... including the costs and benefits, any
# payback periods, and improved service delivery and performance" (CB 2.10.1) and gives no
# template: these are its four headings, with the rest of 2.10 the Board is to be clear on.
BUSINESS_CASE_FORM = CouncilForm(
    key=BUSINESS_CASE.key,
    title="Business case for the partnership",
    council=COUNCIL,
    source="Partnerships Protocol J3, paragraph 2.10.1",
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Partnership", text("name")),
                Fact("Purpose, aims and objectives", vision),
                Fact("Partners", partners),
                Fact("Dates", dates),
                Fact("Council resources", council_resources),
            ),
        ),
        Section(
            "costs_and_benefits",
            "Costs and benefits (CB 2.10.1)",
            (
                Table(
                    "costs",
                    "Costs and benefits a year",
                    rows=("Year 1", "Year 2", "Year 3"),
                    columns=(
                        Question("cost", "Costs (£)", Kind.MONEY),
                        Question("benefit", "Financial benefits (£)", Kind.MONEY),
                    ),
                    totals=True,
                ),
                q("other_benefits", "Benefits that are not financial"),
                q(
                    "payback",
                    "Payback period",
                    "When the benefits will have repaid the costs, and how that is worked out.",
                ),
            ),
        ),
        Section(
            "service_delivery",
            "Improved service delivery and performance (CB 2.10.1)",
            (
                q("improvement", "The improved service delivery and performance that will result"),
                q(
                    "people_of_central_bedfordshire",
                    "How the partnership is focused on the needs of the people of Central "
                    "Bedfordshire (CB 2.10.3)",
                ),
                q("development", "How the partnership is to develop (CB 2.10.2)"),
            ),
        ),
    ),
)

# What the contract of a private sector partnership must provide (CB 3.2); the Monitoring
# Officer approves it (CB 3.2.3), which the approval record prints on its line.
CONTRACT_FORM = CouncilForm(
    key=CONTRACT.key,
    title="Private sector partnership contract",
    council=COUNCIL,
    source="Partnerships Protocol J3, paragraphs 3.2.1 to 3.2.9",
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Partnership", text("name")),
                Fact("Partners", partners),
                Fact("Dates", dates),
                Fact("Council Authorised Officer (CB 3.2.7)", person("council_authorised_officer")),
            ),
        ),
        Section(
            "board",
            "The Partnership Board (CB 3.2.1)",
            (
                q(
                    "executive_member",
                    "The executive member on the Partnership Board",
                    kind=Kind.TEXT,
                    max_length=200,
                    names_role="Executive member on the Partnership Board",
                ),
                q(
                    "senior_officer",
                    "The senior officer on the Partnership Board",
                    kind=Kind.TEXT,
                    max_length=200,
                    names_role="Senior officer on the Partnership Board",
                ),
                q(
                    "openness",
                    "How the parties share information and financial data (CB 3.2.2)",
                ),
            ),
        ),
        Section(
            "contract",
            "The contract (CB 3.2.3, 3.2.4)",
            (
                Question(
                    "complies_with_constitution",
                    "Does the contract comply with the Council's constitution and its "
                    "Financial, Contracts and Procurement Procedures?",
                    Kind.YES_NO,
                ),
                Question(
                    "complies_with_legislation",
                    "Does it comply with relevant legislation and best practice?",
                    Kind.YES_NO,
                ),
                q("monitoring", "Its contract monitoring and management provisions"),
                q(
                    "flexibility",
                    "How it is drafted to react to changes in the political and economic "
                    "environment",
                ),
                q(
                    "terms",
                    "The terms and conditions, and any overarching Partnership Agreement "
                    "between the parties (CB 3.2.4)",
                ),
            ),
        ),
        Section(
            "management",
            "Performance, risk and objectives",
            (
                q(
                    "performance",
                    "Performance management mechanisms, with the measures that reflect service "
                    "users' experience (CB 3.2.5)",
                ),
                Fact("Risks on the register", risks),
                q(
                    "risk_management",
                    "Risk management arrangements: how risks are identified and allocated from "
                    "the outset and reviewed (CB 3.2.6)",
                ),
                q(
                    "authorised_officer_duties",
                    "How the Council Authorised Officer, with the Chief Finance Officer, "
                    "monitors the services and that the terms and specification are met "
                    "(CB 3.2.7)",
                ),
                Fact("Corporate objectives", corporate_objectives),
                q(
                    "strategic_objectives",
                    "The partnership's strategic objectives, and how they reflect the "
                    "Council's corporate objectives (CB 3.2.9)",
                ),
            ),
        ),
    ),
    signatures=(
        Signature(Role.MONITORING_OFFICER, "Approved by the Monitoring Officer (CB 3.2.3)"),
    ),
)


def reported_to(arrangement):
    """Who receives the report: the policy's reading of CB 2.11.2 or 3.2.8."""
    return capitalised(POLICY.review_plan(arrangement).considered_by)


def corrective_action():
    """CB 2.13.2: exception reports on indicators not met, and the corrective action."""
    return (
        q(
            "indicators_not_met",
            "Which performance indicators have not been met?",
            "From the exception reports received (CB 2.13.2); say 'None' if all were met.",
        ),
        q(
            "corrective_action_required",
            "Is corrective action required?",
            kind=Kind.YES_NO,
        ),
        q(
            "corrective_action",
            "The corrective action instigated",
            "What will be done, by whom and by when.",
            when=("corrective_action_required", (True,)),  # asked, and needed, on a 'Yes'
        ),
    )


BOARD_ANNUAL_REVIEW = CouncilForm(
    key=ANNUAL_REVIEW.key,
    title="Annual Review of the Joint Committee or Board",
    council=COUNCIL,
    source="Partnerships Protocol J3, paragraphs 2.11 and 2.13",
    sections=(
        Section(
            "review",
            "Annual Review meeting (CB 2.11.1)",
            (
                Fact("Partnership", text("name")),
                Fact("Lead authority", text("lead_organisation")),
                Fact("Objectives and their measures", objectives),
                q(
                    "meeting",
                    "Date and minute of the Annual Review meeting",
                    kind=Kind.TEXT,
                    max_length=200,
                ),
            ),
            intro="The Joint Committee or Board should hold an Annual Review meeting once a "
            "year to review progress that has been made against its objectives.",
        ),
        Section(
            "progress",
            "Progress against its objectives (CB 2.11.1)",
            (
                q(
                    "targets_and_milestones",
                    "Its achievement of critical targets and milestones",
                ),
                q(
                    "changes_needed",
                    "Are any changes in objectives or terms of reference needed for the "
                    "following year?",
                    kind=Kind.YES_NO,
                ),
                q(
                    "changes",
                    "The changes in objectives or terms of reference for the following year",
                    when=("changes_needed", (True,)),
                ),
                Fact("Risks", risks),
                q(
                    "risk_management",
                    "The ongoing adequacy of risk management arrangements",
                ),
                Fact("The Council's resources a year", council_resources),
                q(
                    "resources",
                    "Are resources effectively allocated across the functions of the "
                    "partnership to ensure its ongoing effectiveness?",
                ),
            ),
        ),
        Section(
            "performance",
            "Performance indicators not met (CB 2.13.2)",
            corrective_action(),
        ),
        Section(
            "report",
            "Report of the annual review (CB 2.11.2)",
            (
                Fact("Received at", reported_to),
                q(
                    "scrutiny_requested",
                    "Has the relevant overview and scrutiny committee requested the report?",
                    kind=Kind.YES_NO,
                ),
                q(
                    "scrutiny_comments",
                    "Comments or recommendations of overview and scrutiny (CB 2.13.3)",
                    required=False,
                ),
            ),
            intro="A report of the annual review should be received at the lead authority's "
            "executive (or council, if the partnership is governed by a Joint Committee "
            "established to discharge council functions) and, if requested, at the relevant "
            "overview and scrutiny committee.",
        ),
    ),
)

PRIVATE_SECTOR_PERFORMANCE = CouncilForm(
    key=PRIVATE_SECTOR_REPORT.key,
    title="Report on the performance of a private sector partnership",
    council=COUNCIL,
    source="Partnerships Protocol J3, paragraph 3.2.8",
    sections=(
        Section(
            "partnership",
            "Private sector partnership",
            (
                Fact("Partnership", text("name")),
                Fact("Partners", partners),
                Fact("Council Authorised Officer (CB 3.2.7)", person("council_authorised_officer")),
                Fact("Reported to", reported_to),
            ),
            intro="In addition to the agreed contract monitoring regime, the Council's "
            "strategic overview of all the private sector partnerships will be maintained by "
            "the office of the Chief Executive who will report at least once a year to the "
            "Executive and the relevant overview and scrutiny committee on the performance of "
            "the private sector partnerships.",
        ),
        Section(
            "contract",
            "Contract monitoring (CB 3.2.7)",
            (
                q(
                    "provision_of_services",
                    "The effectiveness of the provision of services",
                    "As monitored by the Council Authorised Officer, with the assistance of the "
                    "Chief Finance Officer.",
                ),
                q(
                    "contract_met",
                    "Are the contract terms and conditions and specification met?",
                    kind=Kind.YES_NO,
                ),
                q(
                    "contract_details",
                    "Where the contract terms and conditions or specification are not met",
                    when=("contract_met", (False,)),  # asked, and needed, on a 'No'
                ),
            ),
        ),
        Section(
            "performance",
            "Performance (CB 3.2.5, 3.2.6, 3.2.2)",
            (
                Fact("Objectives and their measures", objectives),
                q(
                    "performance",
                    "Performance against the performance measures, including those that "
                    "reflect service users' experience (CB 3.2.5)",
                ),
                Fact("Risks", risks),
                q(
                    "risks",
                    "The risk management arrangements: risks identified and allocated, and "
                    "their regular review (CB 3.2.6)",
                ),
                q(
                    "information_sharing",
                    "Sharing of information and financial data between parties (CB 3.2.2)",
                ),
            ),
        ),
        Section("action", "Performance indicators not met (CB 2.13.2)", corrective_action()),
    ),
)

FORMS = (
    BOARD_TERMS,
    BUSINESS_CASE_FORM,
    CONTRACT_FORM,
    BOARD_ANNUAL_REVIEW,
    PRIVATE_SECTOR_PERFORMANCE,
)
