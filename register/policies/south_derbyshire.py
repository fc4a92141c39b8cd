"""South Derbyshire District Council, Partnership Policy (proposed, February 2011).

The policy has no paragraph numbers; references name its headings, e.g. SD "Agreeing the
Partnership", SD "The Partnership Register", and its appendices. The text is
shared/seeds/south-derbyshire-partnership-policy-2011.txt.
"""

import calendar
from dataclasses import dataclass

from register.choices import ArrangementType, Kind
from register.completeness import MissingAnswer
from register.formatting import with_article
from register.occasions import CESSATION
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
    withdraws,
)
from register.roles import Role

STATUTORY = Category(
    "statutory",
    "Statutory partnership",
    "A partnership the Council must belong to by law or where membership is mandatory, "
    'e.g. the Crime & Disorder Reduction Partnership (SD "Definitions"); first on the '
    'register (SD "The Partnership Register")',
)
COMMUNITY_BASED = Category(
    "community_based",
    "Community-based partnership",
    'A non-statutory partnership that is not a network group or forum (SD "The '
    'Partnership Register")',
)
NETWORK_FORUM = Category(
    "network_forum",
    "Network group or forum",
    "A non-statutory network group or forum with a formal agreement between its members "
    '(SD "Definitions", "The Partnership Register")',
)
NOT_A_PARTNERSHIP = Category(
    "not_a_partnership",
    "Not a partnership under this policy",
    "A shared service or contractual arrangement: kept in the portal, never on the "
    'Partnership Register (SD "Contractual Arrangements", "Shared Services", "The '
    'Partnership Register")',
)

INFORMATION_FORM = FormTemplate(
    "south_derbyshire_information_form", "Partnership Information Form (Appendix 1)"
)
AGREEMENT = FormTemplate(
    "south_derbyshire_partnership_agreement",
    "Partnership Agreement or terms of reference, covering its 17 elements (Appendix 2)",
)
ASSESSMENT = FormTemplate(
    "south_derbyshire_assessment",
    "Partnership Assessment: ten features, each scored 1 to 4 with evidence (Appendix 3)",
)
EVALUATION_CHECKLIST = FormTemplate(
    "south_derbyshire_evaluation_checklist",
    "A checklist for evaluating a partnership (Appendix 4)",
)

RESOURCES_BEYOND_BUDGET = "resources_beyond_budget"

SMT = "Senior Management Team (SMT)"


@dataclass(frozen=True)
class SouthDerbyshire(Policy):
    # Partnership types that are "network groups / forums" on the register; every other
    # non-statutory partnership is "community based" (SD "The Partnership Register").
    # Reading of the product: the policy names only these two non-statutory headings, so
    # strategic and delivery partnerships are listed under "community based".
    network_types: frozenset = frozenset({ArrangementType.NETWORK_FORUM})
    # The annual Partnership Assessment (SD "Review and Evaluation", Appendix 3).
    review_every_months: int = 12
    # The register is updated with the service planning process, "around May/June" (SD
    # "The Partnership Register").
    register_update_months: tuple = (5, 6)
    # SMT's agreement to resources beyond approved budgets comes before the agreement is
    # entered into (SD "Resource Implications of Partnership Working"). Reading of the
    # product: SMT then endorses the creation or membership at the same decision (SD
    # "Working in Partnership"), before the Head of Corporate Services approves; False
    # asks SMT a second time after the Head of Corporate Services.
    smt_endorses_with_resources: bool = True
    # Shared services and contracts are outside the policy (SD "Contractual Arrangements",
    # "Shared Services") and it names nobody to approve them. Reading of the product: they
    # are decided under the Council's constitution, by the body recorded here.
    outside_policy_decided_by: str = "the relevant committee under the Council's constitution"

    def effective_classification(self, arrangement) -> Classification:
        # The register excludes shared services whatever they are re-categorised as (SD
        # "The Partnership Register").
        if arrangement.kind == Kind.SHARED_SERVICE:
            return self.classify(arrangement)
        return super().effective_classification(arrangement)

    def classify(self, arrangement) -> Classification:
        if arrangement.kind == Kind.SHARED_SERVICE:
            return Classification(
                NOT_A_PARTNERSHIP,
                (
                    "a shared service, where another local authority discharges the "
                    "Council's functions, is not a partnership under this policy (SD \"Shared "
                    'Services") and the Partnership Register excludes shared services (SD "The '
                    'Partnership Register")',
                ),
            )
        if arrangement.is_statutory:
            return Classification(
                STATUTORY,
                (
                    "it is statutory, or membership is mandatory for the Council "
                    '(SD "Definitions", "The Partnership Register")',
                ),
            )
        not_statutory = (
            "it is not statutory"
            if arrangement.is_statutory is False
            else "it is not recorded as statutory"
        )
        if arrangement.type in self.network_types:
            return Classification(
                NETWORK_FORUM,
                (
                    f"{not_statutory} and it is a network group or forum "
                    '(SD "The Partnership Register")',
                ),
            )
        if arrangement.type == ArrangementType.COMMUNITY:
            what = "it is a community-based partnership"
        elif arrangement.type:
            what = (
                f"as {with_article(ArrangementType(arrangement.type).label.lower())} it is not a network "
                "group or forum, so it is listed as community based"
            )
        else:
            what = "it has no type yet, so it is listed as community based"
        return Classification(
            COMMUNITY_BASED, (f'{not_statutory} and {what} (SD "The Partnership Register")',)
        )

    def _outside_policy(self, arrangement) -> bool:
        return self.effective_classification(arrangement).category == NOT_A_PARTNERSHIP

    def route(self, arrangement) -> tuple[Stage, ...]:
        if self._outside_policy(arrangement):
            return (
                Stage(
                    "Decision outside the Partnership Policy "
                    '(SD "Contractual Arrangements", "Shared Services")',
                    (body_decision(self.outside_policy_decided_by),),
                ),
            )
        # The Partnership Information Form goes to the Head of Corporate Services "for
        # consideration and approval and inclusion within the Partnership Register if
        # agreed" (SD "Agreeing the Partnership").
        head_of_corporate_services = Stage(
            "Consideration and approval of the Partnership Information Form (Appendix 1)",
            (decision(Role.REGISTER_OWNER, self.title(Role.REGISTER_OWNER)),),
        )
        # "The creation or membership of any partnership must be supported and endorsed by
        # the Council's Senior Management Team (SMT)" (SD "Working in Partnership").
        endorsement = Stage(
            "Endorsement of the creation or membership by SMT", (body_decision(SMT),)
        )
        if not self.answer(arrangement, RESOURCES_BEYOND_BUDGET):
            return (head_of_corporate_services, endorsement)
        # "If resources are required, agreement must be sought from SMT before entering an
        # agreement" (SD "Resource Implications of Partnership Working").
        if self.smt_endorses_with_resources:
            resources = Stage(
                "SMT agreement to resources beyond approved budgets, and endorsement of the "
                "creation or membership",
                (body_decision(SMT),),
            )
            return (resources, head_of_corporate_services)
        resources = Stage(
            "SMT agreement to resources beyond approved budgets", (body_decision(SMT),)
        )
        return (resources, head_of_corporate_services, endorsement)

    def forms_required(self, arrangement) -> tuple[FormTemplate, ...]:
        if self._outside_policy(arrangement):
            return ()
        # The Partnership Information Form for every proposal (SD "Agreeing the
        # Partnership"); a terms of reference or Partnership Agreement "is required for
        # each partnership" (SD "Partnership Agreements", Appendix 2).
        return (INFORMATION_FORM, AGREEMENT)

    def policy_missing(self, arrangement, category) -> list[MissingAnswer]:
        if category == NOT_A_PARTNERSHIP:
            return []
        # Appendix 1 asks whether resources are within existing budgets; the answer decides
        # whether SMT must agree them first (SD "Resource Implications of Partnership
        # Working"). The agreement itself may follow approval ("please ensure one is set up
        # as soon as possible", Appendix 1), so it is not asked for here.
        if RESOURCES_BEYOND_BUDGET not in (arrangement.policy_answers or {}):
            return [
                MissingAnswer(
                    RESOURCES_BEYOND_BUDGET,
                    "Select whether it needs council resources beyond approved budgets "
                    '(SD "Resource Implications of Partnership Working", Appendix 1)',
                )
            ]
        return []

    def withdrawal_missing(self, arrangement) -> list[MissingAnswer]:
        """Besides the exit strategy and risks, the evaluation of the partnership ending:
        "On cessation of the partnership, an evaluation highlighting the lessons learnt and
        main outcomes achieved should be undertaken by the lead officer / Member" (SD
        "Review and Evaluation", Appendix 4), submitted before it can end."""
        # The forms' module imports the policies, so it is read here, not at the top.
        from register.submission import missing_form, not_submitted

        ending = self.review_plan(arrangement).on_ending
        if ending is None:
            return super().withdrawal_missing(arrangement)
        return super().withdrawal_missing(arrangement) + [
            missing_form(
                template,
                "Before the partnership ends, fill in and submit "
                f"{template.title[:1].lower()}{template.title[1:]}: its lessons learnt and "
                f'main outcomes go to the {self.title(Role.REGISTER_OWNER)} (SD "Review and '
                'Evaluation")',
                CESSATION,
            )
            for template in not_submitted(arrangement, (ending,), CESSATION)
        ]

    def checklist_summary(self, arrangement, group: str) -> str:
        if group != "resources":
            return ""
        if RESOURCES_BEYOND_BUDGET not in (arrangement.policy_answers or {}):
            return "Not answered yet"
        if self.answer(arrangement, RESOURCES_BEYOND_BUDGET):
            return "Needs resources beyond approved budgets: SMT must agree them first"
        return "Within approved budgets"

    def on_register(self, arrangement) -> bool:
        # "The Partnership Register will exclude contractual arrangements and shared
        # services" (SD "The Partnership Register", "Identification of Partnerships").
        return not self._outside_policy(arrangement)

    def review_plan(self, arrangement) -> ReviewPlan:
        if self._outside_policy(arrangement):
            return ReviewPlan(
                "Not reviewed under the Partnership Policy: it is not on the Partnership "
                'Register (SD "The Partnership Register")',
                every_months=0,
            )
        months = " / ".join(calendar.month_name[month] for month in self.register_update_months)
        every = (
            "Every year"
            if self.review_every_months == 12
            else f"Every {self.review_every_months} months"
        )
        return ReviewPlan(  # SD "Review and Evaluation", "The Partnership Register"
            f"{every}: the lead officer or Member completes the Partnership Assessment for the "
            f"{self.title(Role.REGISTER_OWNER)}, and a summary goes to SMT; the register is "
            f"updated every {months} with service planning and considered by SMT and Leading "
            "Members",
            every_months=self.review_every_months,
            templates=(ReviewTemplate(ASSESSMENT.title, key=ASSESSMENT.key),),
            completed_by="the lead officer or Member on the partnership",
            considered_by="the Senior Management Team (SMT), in a summary across all partnerships",
            considered_by_body=True,
            # "to ensure their continuing relevance and 'added value'" (SD "Review and
            # Evaluation"); an evaluation report when a partnership ends.
            considered_by_role=Role.REGISTER_OWNER,  # presents the summary to SMT
            outcomes=(
                continues(
                    "continuing relevance and added value to the Council's strategic objectives"
                ),
                withdraws("the partnership is evaluated with a view to ending it"),
            ),
            on_ending=ReviewTemplate(EVALUATION_CHECKLIST.title, key=EVALUATION_CHECKLIST.key),
        )


POLICY = SouthDerbyshire(
    key="south_derbyshire",
    name="Partnership Policy",
    version="February 2011",
    council="South Derbyshire District Council",
    # The register's order of priority (SD "The Partnership Register"); arrangements outside
    # the policy sort last.
    categories=(STATUTORY, COMMUNITY_BASED, NETWORK_FORUM, NOT_A_PARTNERSHIP),
    register_title="Partnership Register",
    role_titles={
        Role.REGISTER_OWNER: "Head of Corporate Services",
        Role.LEAD_OFFICER: "lead officer or Member",
        Role.HEAD_OF_SERVICE: "Head of Service",
        Role.MANAGEMENT_TEAM: SMT,
        Role.PORTFOLIO_HOLDER: "Leading Member",
        Role.INTERNAL_AUDIT: "Internal Audit",
    },
    questions=(
        PolicyQuestion(
            RESOURCES_BEYOND_BUDGET,
            "Does it need council resources (Member or officer time, funding) beyond "
            "approved budgets?",
            "resources",
        ),
    ),
    checklists=(
        Checklist(
            "resources",
            "Resources beyond approved budgets",
            "Representatives cannot commit the Council to resources not in approved budgets; "
            'if it needs them, SMT must agree first (SD "Resource Implications of '
            'Partnership Working").',
        ),
    ),
    out_of_scope_reasons={
        "client_contractor": "A contractual arrangement, where a third party delivers a "
        "service on the Council's behalf without a shared objective, is not a partnership; "
        'the Partnership Register excludes contractual arrangements (SD "Contractual '
        'Arrangements", "The Partnership Register").',
        "commissioning": "When the Council is the sole procurer of a service and a third "
        'party is the contracted provider, it is a contractual arrangement (SD "Contractual '
        'Arrangements"); the policy does not apply to third party service providers (SD '
        '"Purpose").',
        "grant": "Funding given over a fixed period in return for an agreed set of actions, "
        "such as community funding agreements or grants with the voluntary sector, is joint "
        'working, not a partnership (SD "Joint Working Arrangements / Collaborative '
        'Working").',
        "informal_forum": "Forums or groups that Members or officers belong to, to discuss "
        "policy, strategy or forthcoming issues, with no formal agreement or agreed "
        'outcomes, are joint working, not partnerships (SD "Joint Working Arrangements / '
        'Collaborative Working"); the policy does not apply to informal working relations '
        '(SD "Purpose").',
    },
)
