"""Central Bedfordshire Council, J3 Partnerships Protocol (part of the Constitution).

Paragraph numbers (CB 1.5, CB 2.9.1 ...) point into
shared/seeds/central-bedfordshire-partnerships-protocol-j3.txt.
"""

from dataclasses import dataclass

from register.choices import ArrangementType, Kind, Sector
from register.completeness import MissingAnswer
from register.formatting import with_article
from register.policies.base import (
    Category,
    Checklist,
    Classification,
    FormTemplate,
    Policy,
    PolicyQuestion,
    ReviewPlan,
    ReviewTemplate,
    Stage,
    body_decision,
    continues,
    decision,
    improves,
    inform,
    opinion,
)
from register.roles import Role

STRATEGIC = Category(
    "public_strategic",
    "Public Sector Strategic Partnership",
    "One or more public bodies, including voluntary organisations and charities, that "
    "determine strategies for service delivery but have little or no resource management "
    "responsibilities (CB 1.5.1, 2.1)",
)
DELIVERY = Category(
    "public_delivery",
    "Public Sector Delivery Partnership",
    "One or more public bodies, including voluntary organisations and charities, that "
    "commission or deliver services on behalf of the partners and have significant resource "
    "management responsibilities (CB 1.5.2, 2.4)",
)
PRIVATE = Category(
    "private_sector",
    "Private Sector Partnership",
    "Private companies, in their own right or as part of a public sector partnership, "
    "entering into a contract with the Council for a considerable period (CB 1.5.3, 3.1)",
)

BOARD_TERMS_OF_REFERENCE = FormTemplate(
    "central_bedfordshire_board_terms_of_reference",
    "Joint Committee or Board terms of reference (CB 2.9.1)",
)
BUSINESS_CASE = FormTemplate(
    "central_bedfordshire_business_case",
    "Business case for the partnership: costs, benefits, payback periods and improved "
    "service delivery (CB 2.10.1)",
)
CONTRACT = FormTemplate(
    "central_bedfordshire_private_sector_contract",
    "Private sector partnership contract, approved by the Monitoring Officer and naming the "
    "Council Authorised Officer (CB 3.2.3, 3.2.7)",
)

PRIVATE_SECTOR = "private_sector"
COUNCIL_JOINT_COMMITTEE = "council_joint_committee"
BOARD_MEMBERS = "executive_member_on_board"

# The fifteen items the Joint Committee or Board's terms of reference must include (CB 2.9.1).
TERMS_OF_REFERENCE_ITEMS = (
    ("2.9.1.1", "identify the parties involved in the partnership"),
    ("2.9.1.2", "describe the vision: purpose, intended outcomes, aims and objectives"),
    ("2.9.1.3", "state the legal status of the partnership"),
    ("2.9.1.4", "identify the lead authority, with overall responsibility for stewardship"),
    ("2.9.1.5", "state the powers delegated to the Joint Committee or Board and to individuals"),
    (
        "2.9.1.6",
        "state the roles, responsibilities and accountabilities of members and officers, "
        "including a Secretary to the Partnership",
    ),
    ("2.9.1.7", "give the power to co-opt members (if appropriate)"),
    ("2.9.1.8", "set the frequency of meetings"),
    ("2.9.1.9", "provide for the appointment of a Chairman and, if necessary, a Vice-Chairman"),
    ("2.9.1.10", "say how services will be provided to the Board and paid for"),
    (
        "2.9.1.11",
        "say how the partnership may be terminated and joint assets disposed of",
    ),
    ("2.9.1.12", "say how partners can resign and the notice they must give"),
    (
        "2.9.1.13",
        "say when meetings are open to the public, with a presumption in favour of openness",
    ),
    ("2.9.1.14", "set a quorum for decision-making"),
    ("2.9.1.15", "set the voting arrangements"),
)


def terms_of_reference_key(paragraph: str) -> str:
    return "terms_of_reference_" + paragraph.removeprefix("2.9.1.")


TERMS_OF_REFERENCE_QUESTIONS = tuple(
    PolicyQuestion(
        terms_of_reference_key(paragraph),
        f"Do the terms of reference {text} (CB {paragraph})?",
        "board_terms_of_reference",
    )
    for paragraph, text in TERMS_OF_REFERENCE_ITEMS
)


# CB 2.11.2: the Annual Review's report is received; CB 2.13.2: corrective action where
# performance indicators have not been met.
CB_REVIEW_OUTCOMES = (
    continues("report received"),
    improves("corrective action required"),
)
# The templates of the yearly reviews: the Board's Annual Review (CB 2.11.1) and the Chief
# Executive's office's report on private sector partnerships (CB 3.2.8).
ANNUAL_REVIEW = ReviewTemplate(
    "Annual Review: critical targets and milestones, risk management arrangements and "
    "allocation of resources (CB 2.11.1)",
    key="central_bedfordshire_annual_review",
)
PRIVATE_SECTOR_REPORT = ReviewTemplate(
    "Report on the performance of the private sector partnerships (CB 3.2.8)",
    key="central_bedfordshire_private_sector_report",
)


@dataclass(frozen=True)
class CentralBedfordshire(Policy):
    # Types read as Public Sector Strategic Partnerships (CB 1.5.1); every other public
    # sector type, shared services between authorities included (CB 2.8), is a Public
    # Sector Delivery Partnership (CB 1.5.2). Reading of the product: the protocol has
    # three types only, and delivery is the one with the fuller checks.
    strategic_types: frozenset = frozenset({ArrangementType.STRATEGIC})
    # The contract of a private sector partnership nominates one (CB 3.2.7).
    asks_council_authorised_officer: bool = True
    # Reading of the product: a partner recorded in the private sector makes it a Private
    # Sector Partnership, "either in their own right or as part of a public sector
    # partnership" (CB 1.5.3), as does a yes to the private sector question. Partners are
    # only readable once the arrangement is saved; before that, the question decides.
    private_partner_makes_private_sector: bool = True
    # Decisions to enter a public sector partnership follow the constitution (CB 2.2, 2.5).
    # Reading of the product: the Monitoring Officer gives an opinion on compliance first.
    monitoring_officer_opinion: bool = True
    # A delivery partnership pays "particular attention to Financial, Contract and
    # Procurement procedures" (CB 2.5). Reading of the product: the Chief Finance Officer
    # gives an opinion on it first.
    finance_opinion_on_delivery: bool = True
    # Reading of the product: the Monitoring Officer approves the contract (CB 3.2.3)
    # before the Executive decides to create the partnership (CB 3.2.1), so the Executive
    # decides on an approved contract; False puts the approval after the decision.
    contract_approved_before_decision: bool = True
    # The Board establishes its terms of reference (CB 2.9.1), often after it is set up;
    # True makes all fifteen items answers needed before submission.
    terms_of_reference_before_submission: bool = False
    # The Board's Annual Review (CB 2.11.1) and the Chief Executive's report on private
    # sector partnerships, "at least once a year" (CB 3.2.8).
    review_every_months: int = 12

    # Classification --------------------------------------------------------------------

    def classify(self, arrangement) -> Classification:
        private = self.private_sector_reasons(arrangement)
        if private:
            return Classification(PRIVATE, tuple(private))
        public = self._public_reason(arrangement)
        if arrangement.type in self.strategic_types:
            return Classification(
                STRATEGIC,
                (
                    f"as {with_article(ArrangementType(arrangement.type).label.lower())}, it determines "
                    "strategies for service delivery, with little or no resource management "
                    "responsibilities (CB 1.5.1, 2.1)",
                    public,
                ),
            )
        return Classification(DELIVERY, (self._delivery_reason(arrangement), public))

    def private_sector_reasons(self, arrangement) -> list[str]:
        reasons = []
        if self.answer(arrangement, PRIVATE_SECTOR):
            reasons.append(
                "a private company enters into a contract with the Council for a considerable "
                "period, in its own right or as part of a public sector partnership "
                "(CB 1.5.3, 3.1)"
            )
        names = self._private_partner_names(arrangement)
        if names:
            listed = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            reasons.append(
                f"{listed} {'is a partner' if len(names) == 1 else 'are partners'} from the "
                "private sector (CB 1.5.3)"
            )
        return reasons

    def _private_partner_names(self, arrangement) -> list[str]:
        if arrangement.pk is None or not self.private_partner_makes_private_sector:
            return []  # partners are only recorded once it is saved
        # Reads through any prefetched partners, so a register list costs no extra queries.
        return sorted(
            partner.name
            for partner in arrangement.partners.all()
            if partner.sector == Sector.PRIVATE
        )

    def _public_reason(self, arrangement) -> str:
        undeclared = "it is not declared a partnership with the private sector"
        if not self.private_partner_makes_private_sector:
            return f"{undeclared} (CB 1.5.3)"
        if arrangement.pk is None:
            return f"{undeclared}, and its partners are not recorded until it is saved (CB 1.5.3)"
        return f"{undeclared} and no partner is from the private sector (CB 1.5.3)"

    def _delivery_reason(self, arrangement) -> str:
        if arrangement.type == ArrangementType.DELIVERY:
            return (
                "it commissions or delivers services on behalf of the partners, with "
                "significant resource management responsibilities (CB 1.5.2, 2.4)"
            )
        if arrangement.kind == Kind.SHARED_SERVICE:
            return (
                "a shared service between local authorities delivers services on behalf of "
                "the partners (CB 1.5.2, 2.8)"
            )
        if not arrangement.type:
            return (
                "no type is selected yet, so it is treated as a delivery partnership, the "
                "type with the fuller checks (CB 1.5.2)"
            )
        label = ArrangementType(arrangement.type).label.lower()
        return (
            f"the protocol has three types of partnership (CB 1.5); {with_article(label)} of public "
            "bodies is treated as a delivery partnership (CB 1.5.2)"
        )

    # Approval ---------------------------------------------------------------------------

    def route(self, arrangement) -> tuple[Stage, ...]:
        category = self.effective_classification(arrangement).category
        if category == PRIVATE:
            return self._private_route()
        council_functions = self.answer(arrangement, COUNCIL_JOINT_COMMITTEE)
        stages = []
        opinions = []
        if self.monitoring_officer_opinion:  # CB 2.2, 2.5: in compliance with the constitution
            opinions.append(
                opinion(Role.MONITORING_OFFICER, self.title(Role.MONITORING_OFFICER), binding=False)
            )
        if category == DELIVERY and self.finance_opinion_on_delivery:  # CB 2.5, 2.9.8
            opinions.append(
                opinion(
                    Role.SECTION_151_OFFICER, self.title(Role.SECTION_151_OFFICER), binding=False
                )
            )
        if opinions:
            stages.append(Stage("Opinions on compliance with the constitution", tuple(opinions)))
        # The decision "shall be made in compliance with the Council's constitution"
        # (CB 2.2, 2.5); Council decides when a Joint Committee discharges council
        # functions (CB 2.2, 2.8a).
        body = "Council" if council_functions else "the Executive"
        stages.append(Stage(f"Decision of {body}", (body_decision(body),)))
        # The Executive and relevant executive member (or council) monitor and review it
        # (CB 2.2, 2.5); the corporate management team manages and monitors every public
        # sector partnership (CB 2.6).
        monitors = [inform(Role.MANAGEMENT_TEAM, self.title(Role.MANAGEMENT_TEAM))]
        if not council_functions:
            monitors.insert(0, inform(Role.PORTFOLIO_HOLDER, self.title(Role.PORTFOLIO_HOLDER)))
        stages.append(Stage("Monitoring and review", tuple(monitors)))
        return tuple(stages)

    def _private_route(self) -> tuple[Stage, ...]:
        # The contract is approved by the Monitoring Officer (CB 3.2.3) and names a Council
        # Authorised Officer (CB 3.2.7).
        contract = Stage(
            "Approval of the contract",
            (decision(Role.MONITORING_OFFICER, self.title(Role.MONITORING_OFFICER)),),
        )
        # Created "in accordance with the Council's constitution" (CB 3.2.1).
        creation = Stage("Decision of the Executive", (body_decision("the Executive"),))
        approval = (
            (contract, creation)
            if self.contract_approved_before_decision
            else (
                creation,
                contract,
            )
        )
        # An executive member sits on the Partnership Board (CB 3.2.1); the office of the
        # Chief Executive keeps the strategic overview (CB 3.2.8).
        monitoring = Stage(
            "Monitoring and review",
            (
                inform(Role.PORTFOLIO_HOLDER, self.title(Role.PORTFOLIO_HOLDER)),
                inform(Role.REGISTER_OWNER, self.title(Role.REGISTER_OWNER)),
            ),
        )
        return (*approval, monitoring)

    def forms_required(self, arrangement) -> tuple[FormTemplate, ...]:
        # Every partnership has a Joint Committee or Board with terms of reference
        # (CB 2.7, 2.9.1; a Partnership Board for private sector ones, CB 3.2.1).
        if self.effective_classification(arrangement).category == PRIVATE:
            return (BOARD_TERMS_OF_REFERENCE, CONTRACT)  # CB 3.2.3, 3.2.7
        return (BOARD_TERMS_OF_REFERENCE, BUSINESS_CASE)  # CB 2.10.1

    # Completeness -----------------------------------------------------------------------

    def required_answers(self, arrangement, category) -> list[MissingAnswer]:
        # The lead organisation is asked for as the lead authority, in policy_missing.
        missing = super().required_answers(arrangement, category)
        return [item for item in missing if item.field != "lead_organisation"]

    def policy_missing(self, arrangement, category) -> list[MissingAnswer]:
        missing = []
        if not (arrangement.lead_organisation or "").strip():
            missing.append(
                MissingAnswer(
                    "lead_organisation",
                    "Enter the lead authority: one must be appointed for every partnership "
                    "(CB 1.6)",
                )
            )
        if category == PRIVATE:
            if not self.answer(arrangement, BOARD_MEMBERS):
                missing.append(
                    MissingAnswer(
                        BOARD_MEMBERS,
                        "Confirm an executive member and a senior officer will sit on the "
                        "Partnership Board (CB 3.2.1)",
                    )
                )
            if arrangement.council_authorised_officer_id is None:
                missing.append(
                    MissingAnswer(
                        "council_authorised_officer",
                        "Select the Council Authorised Officer the contract nominates (CB 3.2.7)",
                    )
                )
        if self.terms_of_reference_before_submission:
            for paragraph, text in TERMS_OF_REFERENCE_ITEMS:
                key = terms_of_reference_key(paragraph)
                if not self.answer(arrangement, key):
                    missing.append(
                        MissingAnswer(
                            key, f"Confirm the terms of reference {text} (CB {paragraph})"
                        )
                    )
        return missing

    def checklist_summary(self, arrangement, group: str) -> str:
        if group != "board_terms_of_reference":
            return ""
        covered = sum(self.answer(arrangement, q.key) for q in TERMS_OF_REFERENCE_QUESTIONS)
        return f"{covered} of {len(TERMS_OF_REFERENCE_QUESTIONS)} items of CB 2.9.1 covered"

    # Register and reviews ---------------------------------------------------------------

    def on_register(self, arrangement) -> bool:
        # Know every partnership and what is invested in it (CB 1.7.1).
        return True

    def review_plan(self, arrangement) -> ReviewPlan:
        every = (
            "Every year"
            if self.review_every_months == 12
            else f"Every {self.review_every_months} months"
        )
        if self.effective_classification(arrangement).category == PRIVATE:
            return ReviewPlan(  # CB 3.2.7, 3.2.8
                f"{every}: the {self.title(Role.REGISTER_OWNER)} reports to the "
                "Executive and the relevant overview and scrutiny committee on the performance "
                "of private sector partnerships (CB 3.2.8), besides the contract monitoring "
                "by the Council Authorised Officer with the Chief Finance Officer (CB 3.2.7)",
                every_months=self.review_every_months,
                templates=(PRIVATE_SECTOR_REPORT,),
                completed_by=f"the {self.title(Role.REGISTER_OWNER)}",
                considered_by="the Executive and the relevant overview and scrutiny committee",
                considered_by_body=True,
                considered_by_role=Role.DEMOCRATIC_SERVICES,
                outcomes=CB_REVIEW_OUTCOMES,
            )
        to = (
            "Council"
            if self.answer(arrangement, COUNCIL_JOINT_COMMITTEE)
            else "the lead authority's Executive"
        )
        return ReviewPlan(  # CB 2.11
            f"{every}: the Joint Committee or Board holds an Annual Review meeting, reported "
            f"to {to} and, if requested, the relevant overview and scrutiny committee "
            "(CB 2.11.2)",
            every_months=self.review_every_months,
            templates=(ANNUAL_REVIEW,),
            completed_by="the Joint Committee or Board, at its Annual Review meeting",
            considered_by=to,
            considered_by_body=True,
            # CB 2.13.2: corrective action where performance indicators have not been met.
            considered_by_role=Role.DEMOCRATIC_SERVICES,
            outcomes=CB_REVIEW_OUTCOMES,
        )


POLICY = CentralBedfordshire(
    key="central_bedfordshire",
    name="Partnerships Protocol",
    version="J3",
    council="Central Bedfordshire Council",
    categories=(STRATEGIC, DELIVERY, PRIVATE),
    role_titles={
        # The strategic overview of private sector partnerships (CB 3.2.8); the protocol
        # names no keeper of a register.
        Role.REGISTER_OWNER: "Office of the Chief Executive",
        Role.CHIEF_EXECUTIVE: "Chief Executive",
        Role.MONITORING_OFFICER: "Monitoring Officer",
        Role.SECTION_151_OFFICER: "Chief Finance Officer",
        Role.DIRECTOR: "Director of the lead authority",
        Role.LEAD_OFFICER: "lead officer (a Director or equivalent of the lead authority)",
        Role.MANAGEMENT_TEAM: "corporate management team",
        Role.PORTFOLIO_HOLDER: "relevant Executive Member",
        Role.OVERVIEW_SCRUTINY: "relevant overview and scrutiny committee",
    },
    questions=(
        PolicyQuestion(
            PRIVATE_SECTOR,
            "Is it a partnership with the private sector: a private company, in its own right "
            "or as part of a public sector partnership, entering into a contract with the "
            "Council for a considerable period (CB 1.5.3)?",
            "partnership_type",
        ),
        PolicyQuestion(
            COUNCIL_JOINT_COMMITTEE,
            "Is it governed by a Joint Committee set up to discharge council (not executive) "
            "functions (CB 2.2, 2.8a)?",
            "partnership_type",
        ),
        PolicyQuestion(
            BOARD_MEMBERS,
            "Will an executive member and a senior officer of the Council sit on the "
            "Partnership Board (CB 3.2.1)?",
            "private_sector",
        ),
        *TERMS_OF_REFERENCE_QUESTIONS,
    ),
    checklists=(
        Checklist("partnership_type", "Type of partnership (CB 1.5)"),
        Checklist(
            "private_sector",
            "Private sector partnership (CB 3.2)",
            "Only for a partnership with the private sector.",
        ),
        Checklist(
            "board_terms_of_reference",
            "Joint Committee or Board terms of reference (CB 2.9.1)",
            "The terms of reference of the Joint Committee or Board must include these "
            "fifteen items.",
        ),
    ),
    out_of_scope_reasons={
        "client_contractor": "A contract that is not a partnership (otherwise independent "
        "bodies agreeing to co-operate to achieve a common goal, with an organisational "
        "structure or process and agreed programme, sharing information, risks and rewards, "
        "CB 1.2) follows the Council's Contract and Procurement procedures, not this "
        "protocol. A private company's contract with the Council for a considerable period "
        "as a partner is a Private Sector Partnership (CB 1.5.3): answer no and propose it.",
        "commissioning": "Commissioning a service from, or delivering one for, another "
        "organisation without a joint structure that shares information, risks and rewards is "
        "not a partnership (CB 1.2). Public bodies that together commission or deliver "
        "services on behalf of the partners are a Public Sector Delivery Partnership "
        "(CB 1.5.2): answer no and propose it.",
        "grant": "A grant is not a partnership: the bodies do not create an organisational "
        "structure or process and agreed programme, or share information, risks and rewards "
        "(CB 1.2.3).",
        "informal_forum": "The protocol covers joint working arrangements where otherwise "
        "independent bodies agree to co-operate to achieve a common goal and create an "
        "organisational structure or process and agreed programme (CB 1.2); an informal forum "
        "with no shared objectives, resources or decisions is not one.",
    },
)
