"""Dartford's templates (Code of Practice for Effective Joint Working Arrangements, 2024):
the elements a 'minor' partnership's governance must refer to (D 7(vii)), and what the
Section 151 Officer agrees where the Council commits money (D 12(iv)); the toolkit's
scorecard, business case checklist, governance framework and risk areas (Appendices 1, 2, 3
and 5), the Accountable Body risk assessment (D 13(vi)) and information sharing (D 19(iv)).

The wording of both lists is the policy's (MINOR_GOVERNANCE_ELEMENTS, S151_ITEMS). The
lead officer sets out, item by item, what the Section 151 Officer (or nominee) is asked to
be satisfied with; the agreement itself is theirs, given item by item on the approval's
decision page (never ticked by the lead officer), and it fills the form's signature line.
"""

from django.utils.text import slugify

from register.choices import DocumentKind
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
    asked,
    choice,
    corporate_objectives,
    council_resources,
    dates,
    documents,
    governance_in_place,
    meetings,
    money,
    objectives,
    partners,
    person,
    policy_answer,
    representatives,
    risks,
    text,
    yes_no,
)
from register.formatting import capitalised
from register.policies.dartford import (
    ACCOUNTABLE_BODY,
    ACCOUNTABLE_BODY_RISK_ASSESSMENT,
    BUSINESS_CASE_CHECKLIST,
    GOVERNANCE_STATEMENT_ISSUES,
    GOVERNING_DOCUMENT,
    INFORMATION_SHARING,
    MAJOR_REVIEW,
    MINOR_GOVERNANCE,
    MINOR_GOVERNANCE_ELEMENTS,
    MINOR_REVIEW,
    POLICY,
    REVIEW_OUTCOMES,
    RISK_AREAS,
    S151_CHECKLIST,
    S151_ITEMS,
    SCORECARD,
)
from register.roles import Role

COUNCIL = POLICY.council
SOURCE = f"{POLICY.name} ({POLICY.version})"
YES_NO = "Yes / No"  # to circle on a blank form
S151_CHECKLIST_KEY, S151_CHECKLIST_TITLE = S151_CHECKLIST.key, S151_CHECKLIST.title


def element_key(element: str) -> str:
    """A governance element's answer key: its words up to the first ':', ',' or '('."""
    head = element
    for mark in ":,(":
        head = head.split(mark)[0]
    return slugify(head).replace("-", "_")


def scorecard(arrangement):
    return POLICY.scorecard_summary(arrangement)


governing_documents = documents(DocumentKind.TERMS_OF_REFERENCE, DocumentKind.AGREEMENT)

# What the arrangement already holds on an element, shown beside it (by element_key).
ELEMENT_FACTS = {
    "partnerships_name": (Fact("Name of the partnership", text("name")),),
    "duration_of_partnership": (Fact("Start and end dates", dates),),
    "aims_and_objectives": (
        Fact("Purpose, aims and objectives", text("purpose")),
        Fact("Objectives and their measures", objectives),
    ),
    "lead_partner": (Fact("Lead organisation or accountable body", text("lead_organisation")),),
    "accountable_body": (
        Fact(asked(POLICY, ACCOUNTABLE_BODY), policy_answer(ACCOUNTABLE_BODY), paper=YES_NO),
    ),
    "membership": (Fact("Partners and their contributions", partners),),
    "roles": (Fact("Council representatives", representatives),),
    "income_and_expenditure": (
        Fact("Overall partnership budget a year", money("overall_budget")),
        Fact("The Council's resources a year", council_resources),
    ),
    "meetings": (Fact("Frequency and place of meetings", meetings),),
    "risk_management_arrangements": (Fact("Risks", risks),),
    "data_protection_and_freedom_of_information": (
        Fact("Is personal data shared?", yes_no("shares_personal_data"), paper=YES_NO),
        Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
    ),
    "exit_strategy_and_arrangements_for_dissolution": (
        Fact("Exit strategy", text("exit_strategy")),
    ),
}


def element_section(element: str) -> Section:
    key = element_key(element)
    return Section(
        key,
        capitalised(element),
        (
            *ELEMENT_FACTS.get(key, ()),
            q(
                key,
                f"{capitalised(element)}: how the governance arrangements cover it",
                "Which document and paragraph refer to it, and what they say.",
            ),
        ),
    )


MINOR_GOVERNANCE_FORM = CouncilForm(
    key=MINOR_GOVERNANCE.key,
    title="Governance arrangements of a 'minor' partnership",
    council=COUNCIL,
    source=f"{SOURCE}, D 7(vii)",
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Name of the partnership", text("name")),
                Fact("Partnership Significance Assessment Scorecard (D 5(vii))", scorecard),
                Fact("Governance arrangements in place", governance_in_place),
                Fact("Governing documents attached to the arrangement", governing_documents),
            ),
            intro="'Minor' partnerships should, as a minimum, have the following elements "
            "referred to in their governance arrangements.",
        ),
        *(element_section(element) for element in MINOR_GOVERNANCE_ELEMENTS),
    ),
)


def s151_section(key: str, item: str) -> Section:
    return Section(
        key,
        capitalised(item),
        (
            q(
                f"{key}_details",
                f"{capitalised(item)}: the arrangements proposed",
                "What the Section 151 Officer (or nominee) is asked to be satisfied with and "
                "agree. They agree or do not agree it themselves when the arrangement is "
                "sent for approval.",
            ),
        ),
    )


S151_CHECKLIST = CouncilForm(
    key=S151_CHECKLIST_KEY,
    title=S151_CHECKLIST_TITLE,
    council=COUNCIL,
    source=f"{SOURCE}, D 12(iv)",
    sections=(
        Section(
            "commitment",
            "The financial commitment",
            (
                Fact("Name of the partnership", text("name")),
                Fact("The Council's resources a year", council_resources),
                Fact("Overall partnership budget a year", money("overall_budget")),
                Fact(
                    asked(POLICY, ACCOUNTABLE_BODY), policy_answer(ACCOUNTABLE_BODY), paper=YES_NO
                ),
            ),
            intro="Where a partnership requires a financial commitment from the Council, the "
            "following should be satisfied and agreed by the Section 151 Officer (or nominee). "
            "The lead officer sets out each; the Section 151 Officer agrees each item on the "
            "approval's decision page.",
        ),
        *(s151_section(key, item) for key, item in S151_ITEMS),
    ),
    signatures=(Signature(Role.SECTION_151_OFFICER, POLICY.title(Role.SECTION_151_OFFICER)),),
)


# The seed's toolkit lists Appendices 1, 2, 3 and 5 but does not hold them (they are on the
# intranet): each form below is built from the paragraphs of the Code that the appendix
# serves, in the Code's words, with the paragraph beside each heading.


def the_partnership(*facts, intro="") -> Section:
    """Each form's first section: the partnership's name, then what else it holds."""
    return Section(
        "partnership",
        "The partnership",
        (Fact("Name of the partnership", text("name")), *facts),
        intro=intro,
    )


def category(arrangement):
    """The category on the register: the scorecard's, unless re-categorised (D 5(iv))."""
    return POLICY.effective_classification(arrangement).summary


def criterion_fact(question) -> Fact:
    return Fact(question.text, policy_answer(question.key), paper=YES_NO)


# Appendix 1 (D 5(ii), 5(vii)): the criteria are the policy's scorecard questions, answered on
# the arrangement's scorecard checklist; they are shown with the score, not asked again.
SCORECARD_FORM = CouncilForm(
    key=SCORECARD.key,
    title="Partnership Significance Assessment Scorecard",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 1 (D 5(ii), 5(vii))",
    sections=(
        the_partnership(
            Fact("Lead organisation or accountable body", text("lead_organisation")),
            Fact("Purpose, aims and objectives", text("purpose")),
            intro="The scorecard provides a means for categorising the level of significance "
            "and/or risk of the partnership to the Council (D 5(vii)).",
        ),
        Section(
            "criteria",
            "The 'major' criteria (D 5(ii))",
            tuple(criterion_fact(question) for question in POLICY.questions_in("scorecard")),
            intro="Each criterion is ticked on the arrangement's scorecard checklist.",
        ),
        Section(
            "score",
            "Score (D 5(vii))",
            (
                Fact("Score", scorecard),
                Fact("Category on the register", category),
                q(
                    "evidence",
                    "The evidence for each criterion met",
                    "What shows the partnership meets it: its terms of reference, strategies, "
                    "funding or audit regime.",
                ),
                q(
                    "circumstances",
                    "Complicated or high-risk or other changing circumstances that may call for "
                    "re-categorisation (D 5(iv))",
                    required=False,
                ),
            ),
            intro="A score of 0-49% will indicate a 'minor' partnership. A score of 50%+, will "
            "indicate a 'major' partnership.",
        ),
    ),
)


def factor(key, question, *facts_shown) -> tuple:
    """One of D 6(ii)'s factors: what the arrangement holds on it, then yes or no."""
    return (*facts_shown, Question(key, question, Kind.YES_NO))


# Appendix 2 (D 6(ii), 6(iii), 6(v)): the factors to consider when developing any new
# partnership, then the risks and rewards the lead officer evaluates.
BUSINESS_CASE_CHECKLIST_FORM = CouncilForm(
    key=BUSINESS_CASE_CHECKLIST.key,
    title="Partnership Business Case Checklist",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 2 (D 6(ii), 6(v))",
    sections=(
        the_partnership(
            Fact("Partnership Significance Assessment Scorecard (D 5(vii))", scorecard),
            Fact("Officer leading on the partnership arrangement", person("lead_officer")),
            intro="The checklist provides the means for testing the need for the partnership "
            "and whether it is appropriate for the Council to enter into partnership "
            "arrangements (D 6(v)).",
        ),
        Section(
            "factors",
            "Factors to consider (D 6(ii))",
            (
                *factor("purposes", "Does the partnership contribute to the Council's purposes?"),
                *factor(
                    "priorities",
                    "Does the partnership contribute to corporate priorities and objectives and "
                    "help to achieve value for money?",
                    Fact("Corporate priorities and objectives", corporate_objectives),
                ),
                *factor("involvement", "Does the Council need to be involved?"),
                *factor(
                    "alternative",
                    "Could another partnership provide either the same or similar function?",
                ),
                *factor(
                    "terms_of_reference",
                    "Does the partnership have clear terms of reference?",
                    Fact("Governing documents attached to the arrangement", governing_documents),
                ),
                *factor(
                    "engagement_and_exit",
                    "Is there an engagement and exit strategy?",
                    Fact("Exit strategy", text("exit_strategy")),
                ),
                *factor(
                    "time_limited",
                    "Is it a group with a specific task and a time limit?",
                    Fact("Start and end dates", dates),
                ),
            ),
        ),
        Section(
            "resources",
            "Resource implications (D 6(ii))",
            (
                Fact("The Council's resources a year", council_resources),
                q(
                    "resource_implications",
                    "The resource implications, particularly for staff, finance and operational "
                    "assets, existing commitments and the Council's corporate priorities",
                    "Is the Council in a position to contribute effectively to the partnership?",
                ),
            ),
        ),
        Section(
            "risks_and_rewards",
            "Risks and rewards to the Council and local communities (D 6(v))",
            (
                q("suitability_of_partners", "The suitability of partners"),
                q("legal_issues", "Legal issues"),
                q("financial_regularity", "Standards of financial regularity or conduct"),
                q("insurance", "Insurance"),
                q(
                    "procurement",
                    "Issues of partnership procurement",
                    "Whether it needs to be underpinned by a procurement process, as set out in the "
                    "Council's Contracts Standing Orders (D 6(iii)).",
                ),
                Question(
                    "benefits_justify_costs",
                    "Are the benefits from the partnership likely to justify the costs involved "
                    "in membership?",
                    Kind.YES_NO,
                ),
            ),
        ),
        Section(
            "conclusion",
            "Conclusion",
            (
                Question(
                    "appropriate",
                    "Is it appropriate for the Council to enter into the partnership arrangements?",
                    Kind.YES_NO,
                ),
                q("reasons", "The reasons for the conclusion"),
            ),
        ),
    ),
)

# Appendix 5 (D 9): the risk areas are those the Code itself names as risks to the Council,
# each with its paragraph, rated on the register's own 1 to 5 scales.
RISK_AREA_ROWS = (
    "Organisational risks regarding partnership activities (strategic) (D 9(ii))",
    "Risks in the partnership itself (operational) (D 9(ii))",
    "Suitability of partners (D 6(v))",
    "Legal issues and potential liabilities for the Council (D 6(v), 7(ix))",
    "Standards of financial regularity or conduct; budgets, over and under spends (D 6(v), 12)",
    "Funding shortfalls and claw back of grant when grant funding ceases (D 6(ix), 15)",
    "Insurance (D 6(v))",
    "Partnership procurement (D 6(iii), 6(v))",
    "Employment, secondment of staff and volunteers (D 16)",
    "Information sharing and data quality (D 19)",
    "Ethical standards (D 27)",
    "Reputation and public interest (D 6(viii))",
    "Succession and exit (D 6(x), 6(xi))",
)

RISK_AREAS_FORM = CouncilForm(
    key=RISK_AREAS.key,
    title="Key Partnership Risk Areas",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 5 (D 9)",
    sections=(
        the_partnership(
            Fact("Lead organisation or accountable body", text("lead_organisation")),
            Fact(asked(POLICY, ACCOUNTABLE_BODY), policy_answer(ACCOUNTABLE_BODY), paper=YES_NO),
            Fact("Risks on the arrangement's risk register", risks),
            intro="Prior to deciding to enter into a partnership, the risks to the Council "
            "should be considered using the Key Partnership Risk Areas guidance (D 9(iii)).",
        ),
        Section(
            "council_role",
            "The Council's role in the partnership (D 9(iii), 9(iv))",
            (
                Question("lead_authority", "Is the Council the lead authority?", Kind.YES_NO),
                Question(
                    "working_directly",
                    "Is the Council working directly with partner organisations (agreeing "
                    "contracts, service level agreements, managing/monitoring performance or "
                    "working together to deliver services)?",
                    Kind.YES_NO,
                ),
                Question(
                    "boards",
                    "Is the Council serving on partnership boards or management teams?",
                    Kind.YES_NO,
                ),
                q(
                    "minimum_standards",
                    "If the Council is not the lead body: the minimum standards of risk "
                    "management in place",
                    "The Officer leading on the partnership arrangements should ensure that "
                    "minimum standards of risk management are in place (D 9(iv)).",
                    when=("lead_authority", (False,)),
                ),
            ),
        ),
        Section(
            "risk_areas",
            "Key partnership risk areas",
            (
                Table(
                    "risk_areas",
                    "Risk to the Council in each area",
                    rows=RISK_AREA_ROWS,
                    columns=(
                        Question("likelihood", "Likelihood (1 to 5)", Kind.NUMBER),
                        Question("impact", "Impact (1 to 5)", Kind.NUMBER),
                    ),
                ),
            ),
            intro="Rate each area from 1 (very low) to 5 (very high); 0 where it does not apply.",
        ),
        Section(
            "mitigation",
            "Mitigation",
            (
                q(
                    "mitigation_plans",
                    "The mitigation plans, to be clearly understood by all involved in the "
                    "process (D 9(iii))",
                    "For each area rated above: what will be done, by whom and by when.",
                ),
                q(
                    "evaluation",
                    "How the risks will be understood and evaluated at all stages of the "
                    "partnership's development and during its life (D 9(v))",
                ),
            ),
        ),
    ),
)

# Appendix 3 (D 7, with what the Code says the partnership arrangements must provide: 8, 16,
# 17, 18, 27, 30): the areas a 'major' partnership agreement would be expected to cover.
GOVERNING_DOCUMENT_FORM = CouncilForm(
    key=GOVERNING_DOCUMENT.key,
    title="Governing document or partnership agreement of a 'major' partnership",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 3 (D 7(ii)-(ix))",
    sections=(
        the_partnership(
            Fact("Partnership Significance Assessment Scorecard (D 5(vii))", scorecard),
            Fact("Legal status", choice("legal_status")),
            Fact("Governance arrangements in place", governance_in_place),
            Fact("Governing documents attached to the arrangement", governing_documents),
            intro="'Major' partnership arrangements should have a governing document or "
            "partnership agreement, but this does not need to be overly complex or anticipate "
            "every eventuality (D 7(v)).",
        ),
        Section(
            "purpose_membership_accountability",
            "Purpose, membership and accountability (D 7(ii))",
            (
                Fact("Purpose, aims and objectives", text("purpose")),
                Fact("Partners and their contributions", partners),
                Fact("Council representatives", representatives),
                q("accountability", "Accountability: whose interests the partners represent"),
                q("disputes", "How the partners will handle disputes"),
            ),
        ),
        Section(
            "procedures",
            "Main procedures (D 7(iv))",
            (
                Fact("Frequency and place of meetings", meetings),
                q(
                    "procedures",
                    "The main procedures, set out clearly and unambiguously",
                    "Meetings, decision-making, delegations and amendments to the document.",
                ),
                q(
                    "legal_powers",
                    "The legal basis for the partnership arrangements and the powers relied on "
                    "(D 8)",
                ),
            ),
        ),
        Section(
            "review",
            "Arrangements for review as part of the annual review of the Partnerships Register "
            "(D 7(viii))",
            (
                q(
                    "financial_performance",
                    "Review of their financial performance in respect to adherence to budgets and "
                    "any other financial targets",
                ),
                Fact("Objectives and their measures", objectives),
                q(
                    "delivery_of_objectives",
                    "Review of delivery of the partnership's objectives (performance management "
                    "backed up by reliable, high quality performance data)",
                ),
                q(
                    "outputs",
                    "Review of outputs (to ensure that the partnership represents value for money)",
                ),
                q("reporting", "Review of the adequacy of reporting arrangements to the partners"),
            ),
        ),
        Section(
            "liabilities",
            "Limiting potential liabilities for the Council (D 7(ix))",
            (
                q(
                    "liabilities",
                    "How potential liabilities for the Council are limited",
                    "E.g. infringements of legislation by staff or members of the partnership, "
                    "HM Revenue and Customs rules, personal liability of Officers and Members, "
                    "indemnities against any actions of a partner.",
                ),
                q(
                    "employer",
                    "Which partner acts as the 'employer' of any staff, and whether its "
                    "insurances cover them (D 16(ii))",
                    required=False,
                ),
            ),
        ),
        Section(
            "provisions",
            "Audit, documents, conduct and complaints",
            (
                Question(
                    "audit_access",
                    "Does it provide both internal and external auditors with full rights of "
                    "access to documents (D 17)?",
                    Kind.YES_NO,
                ),
                q(
                    "document_retention",
                    "Who holds the documents, and who owns them at the end of the partnership "
                    "(D 18)",
                ),
                q(
                    "seven_principles",
                    "How the Seven General Principles of Public Life are incorporated (D 27(v))",
                ),
                q("complaints", "Complaint handling and redress (D 30(ii))"),
                Fact("Exit strategy", text("exit_strategy")),
            ),
        ),
    ),
    # No signature lines: authority to enter into the partnership is recorded in the approval,
    # and signing the agreement itself is a separate delegated authority (D 8(v), note 2).
)

# D 13(iv)-(vi): what the Council takes on as Accountable Body, assessed before the Section
# 151 Officer (or nominee) gives prior approval, whose line the approval record fills.
ACCOUNTABLE_BODY_FORM = CouncilForm(
    key=ACCOUNTABLE_BODY_RISK_ASSESSMENT.key,
    title="Risk assessment of the responsibilities of being the Accountable Body",
    council=COUNCIL,
    source=f"{SOURCE}, D 13(vi)",
    sections=(
        the_partnership(
            Fact(asked(POLICY, ACCOUNTABLE_BODY), policy_answer(ACCOUNTABLE_BODY), paper=YES_NO),
            Fact("Overall partnership budget a year", money("overall_budget")),
            Fact("External funding secured", money("external_funding")),
            Fact("Use of external funding", text("external_funding_use")),
            Fact("The Council's resources a year", council_resources),
            Fact(
                "Risk assessments attached to the arrangement",
                documents(DocumentKind.RISK_ASSESSMENT),
            ),
            intro="In principle, the Council may consider being the Accountable Body, subject "
            "to a risk assessment of the responsibilities applying to being an Accountable Body "
            "and prior approval of the Section 151 Officer (or nominee) (D 13(vi)).",
        ),
        Section(
            "nomination",
            "Accountable Body status (D 13(i)-(iii))",
            (
                q(
                    "nomination",
                    "How the Council has been nominated to act on behalf of the partnership",
                ),
                Question(
                    "grant_funded",
                    "Is the project funded by grants whose funding body requires one of the "
                    "partners to take on the role of Accountable Body?",
                    Kind.YES_NO,
                ),
            ),
        ),
        Section(
            "cash_flow",
            "Cash flowing the project (D 13(iv))",
            (
                Question(
                    "cash_flow_amount",
                    "The most the Council would 'cash flow' or 'bankroll' pending receipt of the "
                    "grant",
                    Kind.MONEY,
                ),
                q(
                    "unreclaimable_costs",
                    "The risk of the project incurring costs which are not reclaimable from the "
                    "grant funding body, and how it is managed",
                ),
            ),
        ),
        Section(
            "responsibilities",
            "Responsibilities of the Accountable Body (D 13(v))",
            (
                q("act_on_decisions", "Acting on the partnership's decisions"),
                q(
                    "administer_funding",
                    "Administering and taking responsibility for funding (e.g. ensuring "
                    "structured financial procedures)",
                ),
                q(
                    "provide_resources",
                    "Providing resources (e.g. staff facilities) to carry out the obligations of "
                    "the partnership",
                ),
                q(
                    "grant_conditions",
                    "Ensuring that the grant allocated is spent in accordance with the grant "
                    "funding body's conditions and the agreed partnership plan",
                ),
                q(
                    "audit_and_monitoring",
                    "Establishing and maintaining effective systems for auditing and monitoring "
                    "partnership spend",
                ),
            ),
            intro="For each: the risk to the Council and how it will be met.",
        ),
        Section(
            "assessment",
            "Assessment",
            (q("overall_risk", "The overall risk to the Council of being the Accountable Body"),),
        ),
    ),
    signatures=(
        Signature(
            Role.SECTION_151_OFFICER,
            f"Prior approval of the {POLICY.title(Role.SECTION_151_OFFICER)} (D 13(vi))",
        ),
    ),
)

# D 19(iv) names the Kent & Medway Information Sharing Agreement, not a template of the Code:
# the form records that the partners are signatories before personal information is shared.
INFORMATION_SHARING_FORM = CouncilForm(
    key=INFORMATION_SHARING.key,
    title="Kent & Medway Information Sharing Agreement",
    council=COUNCIL,
    source=f"{SOURCE}, D 19(iv)",
    sections=(
        Section(
            "information",
            "Information sharing and data quality (D 19)",
            (
                Fact("Name of the partnership", text("name")),
                Fact("Is personal data shared?", yes_no("shares_personal_data"), paper=YES_NO),
                Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
                Fact("Partners", partners),
                Question(
                    "signatories",
                    "Are the partner organisations in Kent & Medway signatories to the Kent & "
                    "Medway Information Sharing Agreement?",
                    Kind.YES_NO,
                ),
                q(
                    "other_agreements",
                    "Other information sharing agreements with partner organisations outside "
                    "Kent & Medway or national organisations, and how they do not conflict with "
                    "the Kent & Medway Information Sharing Agreement",
                    required=False,
                ),
            ),
            intro="Officers should ensure that before sharing personal information with partner "
            "organisations in Kent & Medway, that they are signatories to the Kent & Medway "
            "Information Sharing Agreement. Sharing must comply with the Agreement.",
        ),
    ),
)

# The annual reviews (D 4(vi), D 31): filled for a review occasion by the officer leading on
# the partnership. Appendix 7 (the Partnership Evaluation: Self Assessment) is "on the
# intranet", not in the Code, so its questions are the Code's own words about it (D 31(i):
# still required, how effectively working, recommendations for improvement, outcomes and
# achievements) and about evaluation (D 6(iv), 6(v)).
REVIEW_SOURCE = f"{SOURCE}, D 6 and D 31"


def review_header():
    return (
        Fact("Partnership", text("name")),
        Fact("Officer leading on the partnership arrangement", person("lead_officer")),
        Fact("Category (Partnership Significance Assessment Scorecard)", scorecard),
    )


def outcome_section():
    """The officer's recommended decision (D 6(vi)), whichever review it ends."""
    return Section(
        "outcome",
        "Recommended outcome (D 6(vi))",
        (
            q(
                "outcome",
                "Which decision does the review lead to?",
                kind=Kind.CHOICE,
                choices=tuple(
                    (slugify(outcome.words).replace("-", "_"), capitalised(outcome.words))
                    for outcome in REVIEW_OUTCOMES
                ),
            ),
            q("outcome_reasons", "Why this decision?"),
        ),
        intro="A rigorous assessment of the risks and benefits involved can lead to one of the "
        "following decisions: withdraw from the partnership; allow another body to represent "
        "the Council's interests; set a time limit for involvement; remain involved; or remain "
        "involved, but at a different level e.g. as a watching brief or attendance when the "
        "agenda is relevant to the Council.",
    )


def governance_statement_section():
    """Issues the Annual Governance Statement highlights, category by category (D 6(viii))."""
    items = []
    for n, category in enumerate(GOVERNANCE_STATEMENT_ISSUES, start=1):
        items.append(
            q(
                f"ags_{n}",
                f"Is there an issue to flag for the Annual Governance Statement: {category}?",
                kind=Kind.YES_NO,
            )
        )
        items.append(
            q(
                f"ags_{n}_details",
                f"{capitalised(category)}: details of the issue",
                "What the issue is and what is being done about it.",
                when=(f"ags_{n}", (True,)),  # asked, and needed, on a 'Yes'
            )
        )
    return Section(
        "governance_statement",
        "Annual Governance Statement (D 6(viii))",
        tuple(items),
        intro="The risks attached to partnerships and the links between corporate and "
        "partnership activities is considered in the Council's Annual Governance Statement "
        "and internal control issues highlighted if partnerships' activities fall into one or "
        "more of the following categories.",
    )


MAJOR_REVIEW_FORM = CouncilForm(
    key=MAJOR_REVIEW.templates[0].key,
    title="Annual review of a 'major' partnership: Partnership Evaluation: Self Assessment",
    council=COUNCIL,
    source=f"{REVIEW_SOURCE}(i), Appendix 7",
    sections=(
        Section(
            "review",
            "Reviewing existing partnership arrangements (D 31(i))",
            (*review_header(), Fact("Objectives and their measures", objectives)),
            intro="Existing 'major' partnerships should be reviewed on an annual basis, "
            "against this Code and the Toolkit, by the Officer leading on the partnership "
            "arrangement, to determine whether they are still required, to evaluate how "
            "effectively they are working and to make recommendations for improvement.",
        ),
        Section(
            "self_assessment",
            "Partnership Evaluation: Self Assessment (Appendix 7)",
            (
                q(
                    "still_required",
                    "Is the partnership still required?",
                    kind=Kind.YES_NO,
                ),
                q("still_required_why", "Why is it, or is it not, still required?"),
                q(
                    "how_effectively",
                    "How effectively is the partnership working?",
                ),
                q(
                    "achievements",
                    "What outcomes has the partnership achieved this year, and what are its "
                    "achievements?",
                ),
                q(
                    "relevance",
                    "Does it remain focussed on its purpose and relevant to the Council's "
                    "corporate priorities, with the best use of resources? (D 6(iv))",
                ),
                q(
                    "benefits_justify_costs",
                    "Are the benefits from the partnership likely to justify the costs involved "
                    "in membership? (D 6(v))",
                    kind=Kind.YES_NO,
                ),
                q(
                    "risks_and_rewards",
                    "The risks and rewards to the Council and local communities (D 6(v))",
                    "Including the suitability of partners, legal issues, standards of "
                    "financial regularity or conduct, insurance and issues of partnership "
                    "procurement.",
                ),
                q("improvements", "Recommendations for improvement"),
            ),
            intro="The Partnership Evaluation: Self Assessment at Appendix 7 focuses on "
            "outcomes and the partnership's achievements.",
        ),
        Section(
            "arrangements",
            "Arrangements for 'major' partnerships (D 7(viii))",
            (
                Fact("Overall partnership budget a year", money("overall_budget")),
                Fact("The Council's resources a year", council_resources),
                q(
                    "financial_performance",
                    "Review of their financial performance in respect to adherence to budgets "
                    "and any other financial targets",
                ),
                q(
                    "delivery_of_objectives",
                    "Review of delivery of the partnership's objectives (performance management "
                    "backed up by reliable, high quality performance data)",
                ),
                q(
                    "outputs",
                    "Review of outputs (to ensure that the partnership represents value for money)",
                ),
                q("reporting", "Review of the adequacy of reporting arrangements to the partners"),
            ),
            intro="The Council should have the following arrangements in place for 'major' "
            "partnerships and these should be considered as part of the annual review of the "
            "Partnerships Register.",
        ),
        outcome_section(),
        governance_statement_section(),
    ),
)

MINOR_REVIEW_FORM = CouncilForm(
    key=MINOR_REVIEW.templates[0].key,
    title="Annual review of a 'minor' partnership: light touch",
    council=COUNCIL,
    source=f"{REVIEW_SOURCE}(ii)",
    sections=(
        Section(
            "review",
            "Reviewing existing partnership arrangements (D 31(ii))",
            review_header(),
            intro="'Minor' partnership arrangements should also be reviewed on an annual "
            "basis, using a light touch approach, with focus on the financial and risk "
            "implications for the Council, of the partnership arrangements.",
        ),
        Section(
            "financial",
            "Financial implications for the Council",
            (
                Fact("The Council's resources a year", council_resources),
                q(
                    "financial_implications",
                    "What are the financial implications for the Council of the partnership "
                    "arrangements?",
                    "Budget availability, budget monitoring, any over/under spends (D 12(iv)).",
                ),
            ),
        ),
        Section(
            "risk",
            "Risk implications for the Council",
            (
                Fact("Risks", risks),
                q(
                    "risk_implications",
                    "What are the risk implications for the Council of the partnership "
                    "arrangements?",
                    "Any new risks arising or slippage (D 11(iv)).",
                ),
            ),
        ),
        outcome_section(),
        governance_statement_section(),
    ),
)

FORMS = (
    MINOR_GOVERNANCE_FORM,
    S151_CHECKLIST,
    SCORECARD_FORM,
    BUSINESS_CASE_CHECKLIST_FORM,
    RISK_AREAS_FORM,
    GOVERNING_DOCUMENT_FORM,
    ACCOUNTABLE_BODY_FORM,
    INFORMATION_SHARING_FORM,
    MAJOR_REVIEW_FORM,
    MINOR_REVIEW_FORM,
)
