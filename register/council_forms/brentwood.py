"""Brentwood's Partnership checklist (Partnership Policy, "Approval of a Brentwood Borough
Partnership"): the nine key controls that must be in place before authorisation is given.

The wording is the policy's (KEY_CONTROLS). Whether each control is in place is a policy
question, answered on the arrangement's checklist page; the form shows that answer, what the
arrangement already holds on it, and asks for the evidence. The checklist has no signature
lines: the authorisation by elected Members is recorded in the approval itself.
"""

from register.choices import DocumentKind
from register.council_forms.base import (
    CouncilForm,
    Fact,
    Kind,
    Question,
    Row,
    Section,
    Table,
    q,
)
from register.council_forms.facts import (
    asked,
    choice,
    corporate_objectives,
    council_resources,
    documents,
    governance_in_place,
    objectives,
    partners,
    person,
    policy_answer,
    risks,
    text,
    yes_no,
)
from register.formatting import capitalised
from register.policies.brentwood import (
    ANNUAL_ASSESSMENT,
    BUSINESS_CASE_REPORT,
    EQUALITY_IMPACT_ASSESSMENT,
    KEY_CONTROLS,
    PARTNERSHIP_CHECKLIST,
    POLICY,
    REVIEW_RECOMMENDATIONS,
    TERMS_OF_REFERENCE,
)

COUNCIL = POLICY.council
SOURCE = f'{POLICY.name}, "Approval of a Brentwood Borough Partnership"'


def level(arrangement):
    return POLICY.checklist_summary(arrangement, "type")


def evidenced(arrangement):
    return POLICY.checklist_summary(arrangement, "key_controls")


# What the arrangement already holds on a control, shown beside it (by the control's key).
CONTROL_FACTS = {
    "control_statutory_context": (
        Fact(
            "Statutory Status",
            yes_no("is_statutory", "Statutory", "Not statutory"),
            paper="Statutory / Not statutory",
        ),
    ),
    "control_objectives": (
        Fact("Purpose, aims and objectives", text("purpose")),
        Fact("Objectives and their measures", objectives),
    ),
    "control_corporate_plan": (Fact("Corporate Plan objectives", corporate_objectives),),
    "control_risks": (Fact("Risks", risks),),
    "control_viability": (Fact("The Council's resources a year", council_resources),),
    "control_frameworks": (
        Fact("Legal status", choice("legal_status")),
        Fact(
            "Agreements attached to the arrangement",
            documents(DocumentKind.AGREEMENT, DocumentKind.TERMS_OF_REFERENCE),
        ),
    ),
    "control_roles_accountability": (
        Fact("Lead organisation or accountable body", text("lead_organisation")),
        Fact("Partners and their contributions", partners),
    ),
}


# The key controls in the words of the policy document ("In every such case it must be
# possible to: ..."), the headings of the checklist; the policy's questions on them are its
# own shorter wording.
SEED_CONTROLS = {
    "control_statutory_context": "Recognise the statutory context in which the proposed "
    "partnership is to be established",
    "control_objectives": "Identify the objectives the proposed partnership is designed to "
    "achieve/fulfil",
    "control_corporate_plan": "Demonstrate how such objectives will support the Council's "
    "corporate vision and priorities as set out in the Council's Corporate Plan",
    "control_risks": "Identify and assess all known risks associated with the proposed "
    "partnership and the extent to which those risks affect the viability of the proposals",
    "control_viability": "Identify and assess through a robust project appraisal process the "
    "viability of the proposals in terms of resources, staffing and expertise",
    "control_frameworks": "Identify and assess the contractual, legal and financial "
    "frameworks of the proposed partnership and to ensure that those arrangements comply with "
    "the Council's financial regulations and Contract Standing Orders",
    "control_roles_accountability": "Identify and agree with other partners the roles and "
    "responsibilities of each of the other partners involved in the proposals and the lines "
    "of accountability from the proposed partnership to Brentwood Borough Council, and to "
    "other partners",
    "control_partner_assessments": "Be satisfied that other partners have carried out similar "
    "assessments for their own purposes, so far as practicable, of the matters referred to in "
    "above",
    "control_no_adverse_effect": "Ensure that the proposed partnership and its operation will "
    "not affect adversely any of the services provided by or for Brentwood Borough Council",
}
YES_NO = "Yes / No"  # to circle on a blank form


def control_section(key: str, control: str) -> Section:
    return Section(
        key,
        SEED_CONTROLS[key],
        (
            Fact(asked(POLICY, key), policy_answer(key), paper=YES_NO),
            *CONTROL_FACTS.get(key, ()),
            q(
                f"{key}_evidence",
                f"Evidence that it is possible to {control}",
                "What shows the control is in place: documents, reports or decisions, and "
                "where they are.",
            ),
        ),
    )


PARTNERSHIP_CHECKLIST_FORM = CouncilForm(
    key=PARTNERSHIP_CHECKLIST.key,
    title=PARTNERSHIP_CHECKLIST.title,
    council=COUNCIL,
    source=SOURCE,
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Partnership name", text("name")),
                Fact("Brentwood Borough Partnership or Service Level Partnership", level),
                Fact("Brentwood Borough Council lead", person("lead_officer")),
                Fact("Key controls in place", evidenced),
            ),
            intro="Key controls have been established which must be in place before "
            "authorisation is given to the engagement in a Brentwood Borough Partnership. In "
            "every such case it must be possible to:",
        ),
        *(control_section(key, control) for key, control in KEY_CONTROLS),
    ),
)

# The policy names three more documents and gives none of them (they accompany the policy):
# each form below is built from the policy's own paragraphs on it, in its words, with the
# heading each comes from. Like the checklist, none has signature lines: who approves is
# recorded in the approval itself.


def the_partnership(*facts) -> Section:
    """Each form's first section: the partnership's name, then what else it holds."""
    return Section(
        "partnership", "The partnership", (Fact("Partnership name", text("name")), *facts)
    )


# "Documentation in support of this will be captured on the Council's Partnership Register and
# related business case reports" (BOROUGH_APPROVAL); the report makes the case the policy asks
# for in "Aims", with the costs of "Financial Implications" identified before any decision.
BUSINESS_CASE_REPORT_FORM = CouncilForm(
    key=BUSINESS_CASE_REPORT.key,
    title=BUSINESS_CASE_REPORT.title,
    council=COUNCIL,
    source=f'{POLICY.name}, "Approval of a Brentwood Borough Partnership", "Aims" and '
    '"Financial Implications"',
    sections=(
        the_partnership(
            Fact("Brentwood Borough Partnership or Service Level Partnership", level),
            Fact("Brentwood Borough Council lead", person("lead_officer")),
            Fact("Membership details", partners),
            Fact("Aims and objectives of partnership", text("purpose")),
        ),
        Section(
            "case",
            "Why the Council should work in partnership",
            (
                Fact(
                    "Whether engagement is a statutory obligation",
                    yes_no("is_statutory", "Statutory", "Not statutory"),
                ),
                Fact("Linkage to Council priority(ies)", corporate_objectives),
                q(
                    "more_effective",
                    "How partnership working will provide a more efficient or effective way of "
                    "supporting our residents and businesses, or will deliver the commitments of "
                    "the Corporate Plan more appropriately than working alone",
                ),
                q(
                    "money_or_resources",
                    "How it will increase opportunities for accessing or saving money or "
                    "resources, ensuring best value delivery for residents or businesses",
                ),
            ),
            intro="Brentwood Borough Council will actively seek to work in partnership where it "
            "has statutory obligations to be a member, where partnership working is more "
            "efficient or effective, or where it increases opportunities for accessing or "
            "saving money or resources.",
        ),
        Section(
            "costs",
            "Financial Implications",
            (
                Fact("The Council's resources a year", council_resources),
                Table(
                    "costs",
                    "Resource implications for Brentwood Borough Council",
                    rows=("Financial commitment", "Officer support", "Other in kind support"),
                    columns=(
                        Question("year_1", "Year 1 (£)", Kind.MONEY),
                        Question("year_2", "Year 2 (£)", Kind.MONEY),
                        Question("year_3", "Year 3 (£)", Kind.MONEY),
                    ),
                    totals=True,
                ),
                q(
                    "finance_guidance",
                    "The guidance sought from the Finance Director (Section 151 Officer) and "
                    "the relevant account officer on procurement or other related financial "
                    "matters",
                    "Needed before entering into any financial arrangements with external bodies.",
                    required=False,
                ),
                q(
                    "services_not_affected",
                    "Why the agreement or arrangement will not have an adverse effect on the "
                    "services provided by the Council",
                ),
            ),
            intro="These costs will need to be identified before any formal decisions are agreed.",
        ),
        Section(
            "benefits_and_risks",
            "Benefits and risks",
            (
                q(
                    "benefits",
                    "The value the partnership adds, and why the costs of being involved do not "
                    "outweigh the benefits gained",
                ),
                q("outcomes", "The positive outcomes for the people of Brentwood"),
                Fact("Risk to organisation", risks),
                q("mitigation", "How the risks will be fully considered and mitigated against"),
            ),
        ),
        Section(
            "recommendation",
            "Recommendation",
            (q("recommendation", "The recommendation to the decision-maker"),),
        ),
    ),
)

# "A standardised Terms of Reference/Partnership Agreement template has been developed to
# assist officers" (SERVICE_APPROVAL): the template is not in the policy, so these are the
# things the policy says a Terms of Reference records (SCOPE, "Aims", LEGAL, RETENTION,
# MONITORING, "Communication", WITHDRAWING).
TERMS_OF_REFERENCE_FORM = CouncilForm(
    key=TERMS_OF_REFERENCE.key,
    title="Terms of Reference / Partnership Agreement",
    council=COUNCIL,
    source=f'{POLICY.name}, "Approval of a Service Level Partnership" and "Scope"',
    sections=(
        the_partnership(
            Fact("Membership details", partners),
            Fact("Aims and objectives of partnership", text("purpose")),
            Fact("Objectives and their measures", objectives),
            Fact("Brentwood Borough Council lead", person("lead_officer")),
            Fact("Frequency of meeting forum", choice("meeting_frequency")),
            Fact("Legal status", choice("legal_status")),
        ),
        Section(
            "responsibilities",
            "Responsibilities, accountabilities and liabilities",
            (
                q(
                    "responsibilities",
                    "The key responsibilities of each agency",
                ),
                q(
                    "accountabilities",
                    "The accountabilities of each agency, and the lines of accountability to "
                    "each partner",
                ),
                q(
                    "liabilities",
                    "The individual and collective responsibility and liability of the partners "
                    "for the actions of the partnership",
                ),
            ),
            intro="Key responsibilities, accountabilities or liabilities shared with members "
            "are formally recorded within a Terms of Reference or a Partnership Agreement.",
        ),
        Section(
            "governance",
            "Governance and decision making",
            (
                Fact("Collaborative working arrangements", governance_in_place),
                q(
                    "decision_making",
                    "How decisions are properly authorised and made by the relevant constituent "
                    "bodies through agreed governance arrangements",
                ),
            ),
        ),
        Section(
            "information",
            "Information sharing and data retention",
            (
                Fact("Is personal data shared?", yes_no("shares_personal_data"), paper=YES_NO),
                Fact("Governance for Information exchange", text("data_protection_notes")),
                q(
                    "information_sharing_protocol",
                    "The information sharing protocol which partners have responsibility to "
                    "adhere to",
                    "Where appropriate.",
                    required=False,
                ),
                q(
                    "retention",
                    "How partnership information, minutes and action records are retained, "
                    "reviewed and disposed of, and by which partner",
                    f"Under normal circumstances, all partnership information will be held for a "
                    f"period of {POLICY.retention_months} months, after the partnership "
                    "arrangement has ceased.",
                ),
            ),
        ),
        Section(
            "monitoring",
            "Monitoring and evaluation",
            (
                q(
                    "monitoring",
                    "The monitoring and evaluation mechanisms pre-agreed by partners",
                    "Proportionate to the level of the partnership and the risks or benefits "
                    "involved.",
                ),
            ),
        ),
        Section(
            "communication",
            "Communication",
            (
                q("values", "The values and behaviours that are expected within the partnership"),
                q(
                    "communication_lead",
                    "The agency that will take the lead for communication activity within the "
                    "partnership",
                    kind=Kind.TEXT,
                    max_length=200,
                ),
            ),
        ),
        Section(
            "leaving",
            "Leaving the partnership",
            (
                Fact("Exit strategy", text("exit_strategy")),
                q(
                    "leaving",
                    "How each individual organisation can leave the partnership, and actions "
                    "which might be necessary in such eventualities",
                ),
            ),
        ),
    ),
)

# "An initial Equality Impact Assessment should be completed for those partnerships that could
# impact on service delivery or our residents to ensure that the Council continues its
# commitment to the Public Sector Equality Duty" (SCOPE); the policy gives no template, so the
# protected characteristics are those of the Equality Act 2010 it names ("Aims").
PROTECTED_CHARACTERISTICS = (
    ("age", "Age"),
    ("disability", "Disability"),
    ("gender_reassignment", "Gender reassignment"),
    ("marriage", "Marriage and civil partnership"),
    ("pregnancy", "Pregnancy and maternity"),
    ("race", "Race"),
    ("religion", "Religion or belief"),
    ("sex", "Sex"),
    ("sexual_orientation", "Sexual orientation"),
)
IMPACTS = (("positive", "Positive"), ("neutral", "Neutral"), ("negative", "Negative"))

EQUALITY_IMPACT_ASSESSMENT_FORM = CouncilForm(
    key=EQUALITY_IMPACT_ASSESSMENT.key,
    title=EQUALITY_IMPACT_ASSESSMENT.title,
    council=COUNCIL,
    source=f'{POLICY.name}, "Scope"',
    sections=(
        the_partnership(
            Fact("Aims and objectives of partnership", text("purpose")),
            Fact("Membership details", partners),
            Fact("Brentwood Borough Council lead", person("lead_officer")),
        ),
        Section(
            "impact",
            "Impact on service delivery and residents",
            (
                Question(
                    "could_impact",
                    "Could the partnership impact on service delivery or our residents?",
                    Kind.YES_NO,
                ),
                Fact("Equality & Diversity considerations", text("equalities_impact")),
            ),
        ),
        Section(
            "protected_characteristics",
            "Protected characteristics (Equality Act 2010)",
            (
                # A row for each characteristic, its impact ticked on paper; each answer keeps
                # the name it had as a question of its own (impact_age ...).
                Table(
                    "impact",
                    "Protected characteristics (Equality Act 2010)",
                    rows=tuple(Row(key, label) for key, label in PROTECTED_CHARACTERISTICS),
                    columns=(q("impact", "Impact", kind=Kind.CHOICE, choices=IMPACTS),),
                    names="impact_{row}",
                    row_heading="Protected characteristic",
                    rows_as_questions=True,
                    spread=True,
                ),
                q(
                    "negative_impact",
                    "Where the impact may be negative: what will be done to mitigate it",
                    required=False,
                ),
            ),
            intro="How the partnership's working is supportive of the diverse communities "
            "within Brentwood and will continue to support those with protected "
            "characteristics.",
        ),
        Section(
            "duty",
            "Public Sector Equality Duty",
            (
                q(
                    "equality_duty",
                    "How the partnership ensures that the Council continues its commitment to "
                    "the Public Sector Equality Duty",
                ),
                Question(
                    "full_assessment",
                    "Is a full Equality Impact Assessment needed?",
                    Kind.YES_NO,
                    "This is the initial assessment.",
                ),
            ),
        ),
    ),
)


def level(arrangement):
    return POLICY.effective_classification(arrangement).category.label


CONTINUE_WITH_IMPROVEMENT = "continue_with_improvement"  # conditional approval


def decision_maker(arrangement):
    return capitalised(POLICY.review_plan(arrangement).considered_by)


# The annual review (B "Monitoring and scrutiny of a partnership"). The self assessment
# reference tool itself is not in the policy, so the questions are the paragraph's own. The
# improvement actions are asked, and needed, when the recommendation is to continue with a
# view to improving the partnership working (conditional approval).
ANNUAL_ASSESSMENT_FORM = CouncilForm(
    key=ANNUAL_ASSESSMENT.key,
    title="Annual performance assessment of the partnership",
    council=COUNCIL,
    source=f'{POLICY.name}, "Monitoring and scrutiny of a partnership"',
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Partnership name", text("name")),
                Fact("Level of the partnership", level),
                Fact("Brentwood Borough Council lead", person("lead_officer")),
                Fact("Aims and objectives of partnership", objectives),
            ),
            intro="Decision makers and partnership staff have a responsibility to ensure that "
            "the work of approved partnerships is properly monitored and to ensure that all "
            "partnership arrangements are formally reviewed on an annual basis, at which point "
            "a decision will be made about the continuance of Brentwood Borough Council's "
            "involvement.",
        ),
        Section(
            "assessment",
            "Annual performance assessment",
            (
                q(
                    "value_to_council",
                    "The benefit and value provided by the partnership to the work of "
                    "Brentwood Borough Council",
                ),
                q(
                    "value_to_public",
                    "The benefit and value provided by the partnership to the delivery of "
                    "services to the public",
                ),
                q(
                    "effectiveness",
                    "How effective is the partnership?",
                    "A self assessment reference tool has been designed to assist officers "
                    "when reviewing and assessing the effectiveness of the partnership.",
                ),
                q(
                    "monitoring",
                    "What do the monitoring and evaluation mechanisms pre-agreed by partners show?",
                    "These should always be proportionate to the level of the partnership and "
                    "the risks or benefits involved.",
                ),
                Fact("Terms of Reference", documents(DocumentKind.TERMS_OF_REFERENCE)),
                q(
                    "terms_maintained",
                    "Are the documented Terms of Reference, key responsibilities, "
                    "accountabilities and liabilities of each agency recorded and maintained?",
                    kind=Kind.YES_NO,
                ),
                Fact("Risks", risks),
                q(
                    "scrutiny",
                    "Scrutiny of the partnership this year",
                    "For Brentwood Borough partnerships, formal scrutiny will principally be "
                    "undertaken through the work of the Audit, Scrutiny and Transformation "
                    "Committee. For local level partnerships, scrutiny will be undertaken "
                    "through the work of individual members.",
                ),
            ),
            intro="An annual performance assessment of the benefit and value provided by the "
            "partnership to the work of Brentwood Borough Council and the delivery of services "
            "to the public will be conducted and recorded, as appropriate by the Service "
            "Manager directly involved with that partnership.",
        ),
        Section(
            "recommendation",
            "Recommendation to the decision-maker",
            (
                Fact("Decision-maker", decision_maker),
                q(
                    "recommendation",
                    "Recommendation",
                    kind=Kind.CHOICE,
                    choices=tuple(
                        (key, capitalised(outcome.words))
                        for key, outcome in zip(
                            ("continue", CONTINUE_WITH_IMPROVEMENT, "critical_review"),
                            REVIEW_RECOMMENDATIONS,
                            strict=True,
                        )
                    ),
                ),
                q("reasons", "Why this recommendation?"),
                q(
                    "improvement_actions",
                    "How the partnership working is to be improved",
                    "Needed when you recommend continuing to support engagement with a view "
                    "to improving the partnership working (conditional approval): the "
                    "improvements, who will make them and by when.",
                    when=("recommendation", (CONTINUE_WITH_IMPROVEMENT,)),
                ),
            ),
            intro="At the conclusion of the assessment the lead member of staff for the "
            "partnership will be required to make a recommendation to the decision-maker.",
        ),
    ),
)

FORMS = (
    PARTNERSHIP_CHECKLIST_FORM,
    BUSINESS_CASE_REPORT_FORM,
    TERMS_OF_REFERENCE_FORM,
    EQUALITY_IMPACT_ASSESSMENT_FORM,
    ANNUAL_ASSESSMENT_FORM,
)
