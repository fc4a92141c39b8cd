"""Brentwood Borough Council, Partnership Policy.

The document has no paragraph numbers; references name its headings, e.g.
(B "Approval of a Service Level Partnership"), in
shared/seeds/brentwood-partnership-policy.txt.

A partnership is a Brentwood Borough Partnership ('operational', approved by elected Members
at the relevant Committee) or a Service Level Partnership (approved by a Head of Service,
unless one of the escalation criteria sends it to elected Members). Nine key controls are
evidenced before a Borough Partnership is authorised; six criteria recommend declining.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from register.choices import ArrangementType, Kind
from register.completeness import MissingAnswer
from register.formatting import money, with_article
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
    StepKind,
    body_decision,
    continues,
    decision,
    improves,
    opinion,
    withdraws,
)
from register.roles import Role

# The headings of the document, as cited.
SCOPE = 'B "Scope"'
LEGAL = 'B "Legal"'
FINANCE = 'B "Financial Implications"'
RETENTION = 'B "Data retention"'
PUBLICISING = 'B "Publicising Partnership working"'
BOROUGH_APPROVAL = 'B "Approval of a Brentwood Borough Partnership"'
SERVICE_APPROVAL = 'B "Approval of a Service Level Partnership"'
CONDITIONAL = 'B "Conditional Partnership Support"'
DECLINING = 'B "Declining partnership involvement"'
RECORDING = 'B "Recording a partnership"'
MONITORING = 'B "Monitoring and scrutiny of a partnership"'
WITHDRAWING = 'B "Withdrawing from or ending a partnership"'

BOROUGH = Category(
    "borough",
    "Brentwood Borough Partnership",
    "An 'operational' Brentwood Borough Partnership: approved by elected Members at the "
    f"relevant Committee ({BOROUGH_APPROVAL})",
)
SERVICE_LEVEL = Category(
    "service_level",
    "Service Level Partnership",
    "Approved by a Head of Service, or by elected Members when an escalation criterion "
    f"applies ({SERVICE_APPROVAL})",
)

# Which of the two it is, as the lead officer records it.
LEVEL = "partnership_level"
LEVEL_CHOICES = ((BOROUGH.key, BOROUGH.label), (SERVICE_LEVEL.key, SERVICE_LEVEL.label))

# The escalation criteria the portal cannot read from the arrangement's own fields
# (SERVICE_APPROVAL); personal information and the investment are read from the fields.
PRIORITY_LINK_IN_QUESTION = "priority_link_in_question"
FORMAL_DECISION_WANTED = "formal_decision_wanted"

# The nine key controls that must be in place before a Brentwood Borough Partnership is
# authorised (BOROUGH_APPROVAL): (key, what it must be possible to do).
KEY_CONTROLS = (
    (
        "control_statutory_context",
        "recognise the statutory context in which the proposed partnership is to be established",
    ),
    (
        "control_objectives",
        "identify the objectives the proposed partnership is designed to achieve or fulfil",
    ),
    (
        "control_corporate_plan",
        "demonstrate how those objectives support the Council's corporate vision and "
        "priorities as set out in the Corporate Plan",
    ),
    (
        "control_risks",
        "identify and assess all known risks and the extent to which they affect the "
        "viability of the proposals",
    ),
    (
        "control_viability",
        "identify and assess, through a robust project appraisal, the viability of the "
        "proposals in terms of resources, staffing and expertise",
    ),
    (
        "control_frameworks",
        "identify and assess the contractual, legal and financial frameworks and ensure "
        "they comply with the Council's financial regulations and Contract Standing Orders",
    ),
    (
        "control_roles_accountability",
        "identify and agree with the other partners each partner's roles and "
        "responsibilities and the lines of accountability to the Council and to the partners",
    ),
    (
        "control_partner_assessments",
        "be satisfied that the other partners have carried out similar assessments for "
        "their own purposes, so far as practicable",
    ),
    (
        "control_no_adverse_effect",
        "ensure the partnership and its operation will not adversely affect any of the "
        "services provided by or for the Council",
    ),
)

# Cases where an early decision to decline involvement may be prudent (DECLINING):
# (key, question asked, the reason given when it applies).
DECLINING_CRITERIA = (
    (
        "declining_harmful_promotion",
        "Would it be a partnership with an organisation promoting tobacco, gambling, drugs or "
        "alcohol consumption?",
        "a partner promotes tobacco, gambling, drugs or alcohol consumption",
    ),
    (
        "declining_cannot_discontinue",
        "Could the Council's support not be readily or easily discontinued?",
        "the Council's support cannot be readily or easily discontinued",
    ),
    (
        "declining_unbudgeted_revenue",
        "Would it involve the Council in unbudgeted revenue costs, particularly on an "
        "ongoing basis?",
        "it would involve the Council in unbudgeted revenue costs",
    ),
    (
        "declining_contractor_association",
        "Does it involve a potentially sensitive association with a company already in a "
        "contract with the Council, which competitors could construe as preferential "
        "treatment?",
        "it involves a potentially sensitive association with a current contractor of the Council",
    ),
    (
        "declining_independence_conditions",
        "Are conditions attached that interfere with the Council's operational independence "
        "on how its resources are used?",
        "its conditions interfere with the Council's operational independence",
    ),
    (
        "declining_unclear_benefit",
        "Are its benefits to core Council activities and the delivery of key aims and "
        "objectives unclear or unqualified?",
        "its benefits to core Council activities and key aims are unclear or unqualified",
    ),
)
DECLINING_REASON = {key: reason for key, _question, reason in DECLINING_CRITERIA}

# The recommendation of the annual review (MONITORING).
REVIEW_RECOMMENDATIONS = (
    continues("continue to support engagement (approval)"),
    improves(
        "continue to support engagement with a view to improving the partnership working "
        "(conditional approval)"
    ),
    withdraws("critically review the partnership with a view to the Council's disengagement"),
)

# What the Partnership Register records (RECORDING), and where the register keeps it.
REGISTER_FIELDS = {
    "Partnership name": ("name",),
    "Membership details": ("partners",),
    "Aims and objectives of partnership": ("purpose", "objectives"),
    "Linkage to Council priority(ies)": ("corporate_objectives", PRIORITY_LINK_IN_QUESTION),
    "Accountability": ("lead_organisation", "legal_status"),
    "Brentwood Borough Council lead": ("lead_officer", "service"),
    "Whether engagement is a statutory obligation": ("is_statutory",),
    "Terms of reference availability": ("documents",),
    "Frequency of meeting forum": ("meeting_frequency",),
    "Budget": ("cash_per_year", "staff_cost_per_year", "in_kind_per_year", "overall_budget"),
    "Collaborative working arrangements": ("governance_in_place",),
    "Risk to organisation": ("risks",),
    "Governance for Information exchange": ("shares_personal_data", "data_protection_notes"),
    "Equality & Diversity considerations": ("equalities_impact",),
    "Funding Arrangements": ("external_funding", "external_funding_use"),
}
# The public web page gives a brief description, the aims and objectives and the partners
# (PUBLICISING).
PUBLIC_FIELDS = ("name", "purpose", "partners")

PARTNERSHIP_CHECKLIST = FormTemplate(
    "brentwood_partnership_checklist", "Partnership checklist (the nine key controls)"
)
BUSINESS_CASE_REPORT = FormTemplate("brentwood_business_case_report", "Business case report")
TERMS_OF_REFERENCE = FormTemplate(
    "brentwood_terms_of_reference", "Terms of Reference / Partnership Agreement template"
)
EQUALITY_IMPACT_ASSESSMENT = FormTemplate(
    "brentwood_equality_impact_assessment", "Initial Equality Impact Assessment"
)
SELF_ASSESSMENT = "Self assessment reference tool"

# The annual performance assessment, on the self assessment reference tool (MONITORING).
ANNUAL_ASSESSMENT = ReviewTemplate(
    f"{SELF_ASSESSMENT} ({MONITORING})", key="brentwood_self_assessment"
)


def _borough_by_default():
    # Reading of the product: until the lead officer chooses, strategic partnerships and
    # shared services with other authorities are read as Borough Partnerships, so the larger
    # arrangements are never left to a single officer by default.
    return frozenset(
        {
            ArrangementType.STRATEGIC,
            ArrangementType.FULL_SHARED_SERVICE,
            ArrangementType.JOINT_MANAGEMENT,
            ArrangementType.JOINT_OFFICER,
            ArrangementType.AD_HOC_RESILIENCE,
        }
    )


@dataclass(frozen=True)
class Brentwood(Policy):
    # 'in-kind' or human resource investment "of above £5K" escalates (SERVICE_APPROVAL): read
    # as in-kind + costed staff time a year; £5,000.00 itself does not escalate.
    in_kind_and_staff_escalation_above: Decimal = Decimal("5000")
    # "financial investment in budget/cash terms" escalates at any amount above this.
    cash_escalation_above: Decimal = Decimal("0")
    # Conditional support is granted for up to 3 months at a time, and may be granted again
    # (CONDITIONAL).
    conditional_support_months: int = 3
    # Partnership information is held for 36 months after the arrangement ceases (RETENTION).
    retention_months: int = 36
    # Until the level is chosen: these types, and statutory partnerships, are read as
    # Brentwood Borough Partnerships; everything else as a Service Level Partnership, the
    # document's "all other cases" (BOROUGH_APPROVAL).
    borough_types: frozenset = field(default_factory=_borough_by_default)
    statutory_is_borough: bool = True

    # Which of the two it is ---------------------------------------------------------------

    def level(self, arrangement) -> tuple[Category, str]:
        """The category and, in words, how it was decided."""
        chosen = self.answer(arrangement, LEVEL)
        if chosen in (BOROUGH.key, SERVICE_LEVEL.key):
            category = self.category(chosen)
            return category, f"recorded as {with_article(category.label)} ({BOROUGH_APPROVAL})"
        if arrangement.type in self.borough_types:
            what = (
                "a shared service with another authority"
                if arrangement.kind == Kind.SHARED_SERVICE
                else "a strategic partnership"
            )
            return BOROUGH, (
                f"read as a {BOROUGH.label} because it is {what}, until its level is chosen "
                f"({BOROUGH_APPROVAL})"
            )
        if arrangement.is_statutory and self.statutory_is_borough:
            return BOROUGH, (
                f"read as a {BOROUGH.label} because the Council takes part by statute, "
                f"until its level is chosen ({BOROUGH_APPROVAL})"
            )
        return SERVICE_LEVEL, (
            f"read as a {SERVICE_LEVEL.label}, the policy's 'all other cases', until its "
            f"level is chosen ({BOROUGH_APPROVAL})"
        )

    def in_kind_and_staff(self, arrangement) -> Decimal:
        parts = (arrangement.in_kind_per_year, arrangement.staff_cost_per_year)
        return sum((Decimal(part or 0) for part in parts), Decimal(0))

    def escalation_reasons(self, arrangement) -> list[str]:
        """Why a Service Level Partnership goes to elected Members (SERVICE_APPROVAL); empty
        when the Head of Service may approve it."""
        reasons = []
        if arrangement.shares_personal_data:
            reasons.append(f"personal information is to be shared ({SERVICE_APPROVAL})")
        cash = Decimal(arrangement.cash_per_year or 0)
        if cash > self.cash_escalation_above:
            reasons.append(
                f"it needs financial investment in budget or cash terms: {money(cash)} a "
                f"year ({SERVICE_APPROVAL})"
            )
        in_kind_and_staff = self.in_kind_and_staff(arrangement)
        if in_kind_and_staff > self.in_kind_and_staff_escalation_above:
            reasons.append(
                f"it needs in-kind or staff investment of {money(in_kind_and_staff)} a year, "
                f"above {money(self.in_kind_and_staff_escalation_above)} ({SERVICE_APPROVAL})"
            )
        if self.answer(arrangement, PRIORITY_LINK_IN_QUESTION):
            reasons.append(
                "its link with Council objectives or priorities is in question or limited "
                f"({SERVICE_APPROVAL})"
            )
        if self.answer(arrangement, FORMAL_DECISION_WANTED):
            reasons.append(
                "the officer judges a more formal or structured decision-making process "
                f"appropriate ({SERVICE_APPROVAL})"
            )
        return reasons

    def is_escalated(self, arrangement) -> bool:
        category = self.effective_classification(arrangement).category
        return category == SERVICE_LEVEL and bool(self.escalation_reasons(arrangement))

    def classify(self, arrangement) -> Classification:
        category, how = self.level(arrangement)
        if category == BOROUGH:
            return Classification(BOROUGH, (how,))
        escalation = self.escalation_reasons(arrangement)
        if escalation:
            return Classification(
                SERVICE_LEVEL,
                (how, "escalated to elected Members for sanction", *escalation),
            )
        return Classification(
            SERVICE_LEVEL,
            (
                how,
                "a Head of Service may approve it: no personal information is shared, no "
                "cash investment, in-kind and staff investment of "
                f"{money(self.in_kind_and_staff(arrangement))} a year is not above "
                f"{money(self.in_kind_and_staff_escalation_above)}, its link with Council "
                "priorities is not in question and no more formal decision is sought "
                f"({SERVICE_APPROVAL})",
            ),
        )

    # Who acts, in what order ----------------------------------------------------------------

    def route(self, arrangement) -> tuple[Stage, ...]:
        stages = []
        if Decimal(arrangement.cash_per_year or 0) > 0:
            # FINANCE: before entering into any financial arrangements with external bodies,
            # guidance is sought from the Finance Director (Section 151 Officer).
            stages.append(
                Stage(
                    "Guidance of the Finance Director on the financial arrangements",
                    (  # guidance: advice, not a condition
                        opinion(
                            Role.SECTION_151_OFFICER,
                            self.title(Role.SECTION_151_OFFICER),
                            binding=False,
                        ),
                    ),
                )
            )
        # Whoever approves may instead grant conditional support (CONDITIONAL), and decides
        # on a recommendation to decline (DECLINING: "the appropriate person or body").
        stages.append(self.approval_stage(arrangement))
        return tuple(stages)

    def approval_stage(self, arrangement) -> Stage:
        category = self.effective_classification(arrangement).category
        if category == BOROUGH:
            # BOROUGH_APPROVAL: elected Members at the relevant Committee (unless delegated
            # authority is given; LEGAL: without it, matters go to the Council or Committee).
            return Stage(
                "Approval by elected Members at the relevant Committee",
                (body_decision("the relevant Committee"),),
            )
        escalation = self.escalation_reasons(arrangement)
        if escalation:
            # SERVICE_APPROVAL: "must be escalated to the Head of Service/Elected Members
            # for sanction"; read as a decision of elected Members at the relevant Committee.
            return Stage(
                "Escalated to elected Members at the relevant Committee for sanction: "
                + "; ".join(escalation),
                (body_decision("the relevant Committee"),),
            )
        # SERVICE_APPROVAL: "A Head of Service can give approval for joining service level
        # partnerships". (BOROUGH_APPROVAL says "Head of Paid Service" for them; the product
        # follows the section on Service Level Partnerships itself.)
        return Stage(
            "Approval by the Head of Service",
            (decision(Role.HEAD_OF_SERVICE, self.title(Role.HEAD_OF_SERVICE)),),
        )

    def withdrawal_route(
        self, arrangement, approved_route=None, difficult: bool = False
    ) -> tuple[Stage, ...]:
        """Withdrawal is decided at the level at which approval was given; a withdrawal from
        a local or low-level partnership that is politically or reputationally difficult goes
        to elected Members (WITHDRAWING)."""
        stage = self.approval_stage(arrangement)
        if difficult and stage.steps[0].kind != StepKind.BODY_DECISION:
            return (
                Stage(
                    "Withdrawal escalated to elected Members at the relevant Committee",
                    (body_decision("the relevant Committee"),),
                ),
            )
        if approved_route:
            return super().withdrawal_route(arrangement, approved_route)
        return (Stage("Decision to withdraw, at the level of the original approval", stage.steps),)

    # Declining -----------------------------------------------------------------------------------

    def declining_recommendation(self, arrangement) -> list[str]:
        """The reasons to recommend that it is not approved (DECLINING); empty when none."""
        return [
            f"{DECLINING_REASON[q.key]} ({DECLINING})"
            for q in self.questions_in("declining")
            if self.answer(arrangement, q.key)
        ]

    # Forms and what is still missing ----------------------------------------------------------

    def forms_required(self, arrangement) -> tuple[FormTemplate, ...]:
        # SCOPE: an initial Equality Impact Assessment for partnerships that could affect
        # service delivery or residents, read as every partnership on the register;
        # SERVICE_APPROVAL: the standard Terms of Reference / Partnership Agreement template.
        forms = [TERMS_OF_REFERENCE, EQUALITY_IMPACT_ASSESSMENT]
        if self.effective_classification(arrangement).category == BOROUGH:
            # BOROUGH_APPROVAL: the key controls with the Partnership checklist, documented
            # on the register "and related business case reports".
            return (PARTNERSHIP_CHECKLIST, BUSINESS_CASE_REPORT, *forms)
        return tuple(forms)

    def policy_missing(self, arrangement, category) -> list[MissingAnswer]:
        missing = []
        if self.answer(arrangement, LEVEL) not in (BOROUGH.key, SERVICE_LEVEL.key):
            missing.append(
                MissingAnswer(
                    LEVEL,
                    "Select whether it is a Brentwood Borough Partnership or a Service Level "
                    f"Partnership ({BOROUGH_APPROVAL})",
                )
            )
        # FINANCE: "These costs will need to be identified before any formal decisions are
        # agreed"; the escalation criteria read them too.
        for name, what in (
            ("cash_per_year", "council cash a year"),
            ("staff_cost_per_year", "council staff cost a year"),
            ("in_kind_per_year", "council in-kind contribution a year"),
        ):
            if getattr(arrangement, name) is None:
                missing.append(
                    MissingAnswer(
                        name,
                        f"Enter the {what} (£0 if none): costs must be identified before any "
                        f"formal decision ({FINANCE})",
                    )
                )
        if category == BOROUGH:
            for key, control in KEY_CONTROLS:
                if not self.answer(arrangement, key):
                    missing.append(
                        MissingAnswer(
                            key,
                            f"Evidence the key control: {control} ({BOROUGH_APPROVAL})",
                        )
                    )
        return missing

    def checklist_summary(self, arrangement, group: str) -> str:
        if group == "declining":
            reasons = self.declining_recommendation(arrangement)
            return (
                f"Recommend declining: {'; '.join(reasons)}" if reasons else "No reason to decline"
            )
        if group == "key_controls":
            evidenced = sum(self.answer(arrangement, key) for key, _control in KEY_CONTROLS)
            return (
                f"{evidenced} of {len(KEY_CONTROLS)} key controls evidenced; all are needed "
                f"before a Brentwood Borough Partnership is authorised ({BOROUGH_APPROVAL})"
            )
        if group == "escalation":
            if self.effective_classification(arrangement).category == BOROUGH:
                return f"Not applicable: elected Members approve a {BOROUGH.label}"
            reasons = self.escalation_reasons(arrangement)
            if reasons:
                return f"Escalate to elected Members: {'; '.join(reasons)}"
            return f"A Head of Service may approve it ({SERVICE_APPROVAL})"
        if group == "type":
            category, how = self.level(arrangement)
            return f"{category.label}: {how}"
        return ""

    # The register, reviews and dates ------------------------------------------------------------

    def on_register(self, arrangement) -> bool:
        # RECORDING: every partnership meeting the definition is recorded; DECLINING: declined
        # requests are registered too, with the recommendation.
        return True

    def review_plan(self, arrangement) -> ReviewPlan:
        if self.effective_classification(arrangement).category == BOROUGH:
            scrutiny = "formal scrutiny by the Audit, Scrutiny and Transformation Committee"
        else:
            scrutiny = "scrutiny by individual Members, recorded on the Partnership Register"
        return ReviewPlan(
            "Every year: an annual performance assessment by the Service Manager, with "
            f"{scrutiny}; late reviews are reported by exception by the Partnership, Leisure "
            f"and Funding Manager ({MONITORING})",
            templates=(ANNUAL_ASSESSMENT,),
            completed_by="the Service Manager directly involved with the partnership",
            # The lead officer's recommendation goes "to the decision-maker": the level that
            # approved it.
            considered_by="the decision-maker at the level that approved the partnership",
            outcomes=REVIEW_RECOMMENDATIONS,
            at_approval_level=True,
        )


POLICY = Brentwood(
    key="brentwood",
    name="Partnership Policy",
    version="undated",
    council="Brentwood Borough Council",
    categories=(BOROUGH, SERVICE_LEVEL),
    register_title="Partnership Register",
    # "A public web page lists partnerships with description, aims and partners" (B
    # "Recording a partnership").
    published_fields=(
        "reference",
        "name",
        "category",
        "aims_and_objectives",
        "expected_outcomes",
        "partners",
        "organisation_identifier",
    ),
    role_titles={
        Role.REGISTER_OWNER: "Partnership, Leisure and Funding Manager",
        Role.HEAD_OF_SERVICE: "Head of Service",
        Role.SECTION_151_OFFICER: "Finance Director (Section 151 Officer)",
        Role.LEAD_OFFICER: "lead member of staff for the partnership",
        Role.CHIEF_EXECUTIVE: "Head of Paid Service",
    },
    questions=(
        PolicyQuestion(
            LEVEL,
            "Is it a Brentwood Borough Partnership or a Service Level Partnership?",
            "type",
            LEVEL_CHOICES,
        ),
        PolicyQuestion(
            PRIORITY_LINK_IN_QUESTION,
            "Is its link with Council objectives or priorities in question, or limited?",
            "escalation",
        ),
        PolicyQuestion(
            FORMAL_DECISION_WANTED,
            "Is there any other reason a more formal or structured decision-making process "
            "should be used before a decision is taken?",
            "escalation",
        ),
        *(
            PolicyQuestion(key, f"Is it possible to {control}?", "key_controls")
            for key, control in KEY_CONTROLS
        ),
        *(
            PolicyQuestion(key, question, "declining")
            for key, question, _reason in DECLINING_CRITERIA
        ),
    ),
    checklists=(
        Checklist(
            "type",
            "Brentwood Borough Partnership or Service Level Partnership",
            "Elected Members at the relevant Committee approve an 'operational' Brentwood "
            "Borough Partnership; a Head of Service approves a Service Level Partnership.",
        ),
        Checklist(
            "escalation",
            "Escalation of a Service Level Partnership",
            "Personal information shared, cash investment and in-kind or staff investment above "
            f"{money(Brentwood.in_kind_and_staff_escalation_above)} a year are read from the "
            "arrangement; answer the other two criteria here.",
        ),
        Checklist(
            "key_controls",
            "Key controls",
            "All nine must be in place before a Brentwood Borough Partnership is authorised. "
            "See the Partnership checklist.",
        ),
        Checklist(
            "declining",
            "Declining partnership involvement",
            "Where any applies, an early decision to decline may be prudent; the request stays "
            "on the register with the recommendation.",
        ),
    ),
    out_of_scope_reasons={
        "client_contractor": "Partnerships are differentiated from contractual arrangements; "
        f"the policy covers formal partnerships of otherwise independent bodies ({SCOPE}).",
        "commissioning": "A commissioning arrangement is a contractual arrangement, which the "
        f"policy differentiates from a partnership ({SCOPE}).",
        "grant": "Funding regimes are differentiated from partnerships: a partnership creates "
        f"a new organisational structure or process and a jointly agreed programme ({SCOPE}).",
        "informal_forum": "Informal relationships or networks are differentiated from "
        "partnerships; the policy is primarily concerned with managing formal partnerships "
        f"({SCOPE}).",
    },
)
