"""South Derbyshire's templates (Partnership Policy, February 2011, Appendices 1 to 4).

Appendix 1 asks almost only what the arrangement already holds, so nearly all of it is
facts; Appendix 2 asks for the agreement's terms, showing what the arrangement holds.
Appendix 3, the yearly Partnership Assessment, scores ten features 1 to 4 with evidence;
Appendix 4, the evaluation checklist, is filled when the partnership ends (the cessation
occasion) and is needed before it can end (the policy's withdrawal_missing).
"""

from register.choices import DocumentKind
from register.council_forms.base import (
    CouncilForm,
    Endorsement,
    Fact,
    FactRows,
    Kind,
    Row,
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
    document_titles,
    governance_in_place,
    meetings,
    money,
    objectives,
    on_date,
    partners,
    person,
    representative_rows,
    risks,
    text,
    yes_no,
)
from register.policies.south_derbyshire import (
    AGREEMENT,
    ASSESSMENT,
    EVALUATION_CHECKLIST,
    INFORMATION_FORM,
    RESOURCES_BEYOND_BUDGET,
)
from register.roles import Role

COUNCIL = "South Derbyshire District Council"
SOURCE = "Partnership Policy (February 2011)"


def within_budgets(arrangement):
    """The policy's own question, answered on the arrangement's checklist."""
    answers = arrangement.policy_answers or {}
    if RESOURCES_BEYOND_BUDGET not in answers:
        return "Not answered"
    if answers[RESOURCES_BEYOND_BUDGET]:
        return "Additional funds are required: SMT must agree them first"
    return "Within existing budgets"


def has_agreement(arrangement):
    titles = document_titles(arrangement, (DocumentKind.AGREEMENT, DocumentKind.TERMS_OF_REFERENCE))
    return f"Yes: {'; '.join(titles)}" if titles else "No: none attached to the arrangement"


INFORMATION = CouncilForm(
    key=INFORMATION_FORM.key,
    title="Partnership Information Form",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 1",
    sections=(
        Section(
            "partnership",
            "Partnership",
            (
                Fact("Name of Partnership", text("name")),
                Fact(
                    "Organisation that the Partnership is responsible to (Accountable Body)",
                    text("lead_organisation"),
                ),
                Fact("Main purpose of the Partnership", text("purpose")),
                Fact("Which other organisations are members?", partners),
                Fact(
                    # The seed's "Links / contribution the Council's ...", its word restored.
                    "Links / contribution to the Council's Strategic Objectives and "
                    "responsibilities",
                    corporate_objectives,
                ),
                Fact(
                    "Council resources required – Year on Year (Members / staff time, funding etc)",
                    council_resources,
                ),
                Fact(
                    "If financial, is this within existing budgets or are any additional "
                    "funds required?",
                    within_budgets,
                ),
                Fact("Likely location / Frequency of meetings", meetings),
                Fact(
                    "Details of risks for the Authority",
                    risks,
                    "Details to be entered into the Council's Risk scorecard",
                ),
                Fact("Date Formed", on_date("start_date")),
                Fact("Proposed End Date (if any)", on_date("end_date", "None")),
            ),
        ),
        Section(
            "agreement",
            "Status and Partnership Agreement",
            (
                Fact("Is this Partnership Statutory?", yes_no("is_statutory"), paper="Yes / No"),
                Fact(
                    "Does the partnership have a Partnership Agreement? (e.g. constitution / "
                    "terms of reference)",
                    has_agreement,
                    paper="Yes / No",
                ),
                q(
                    "agreement_type",
                    "If 'Yes' please attach a copy to this form and briefly describe the type "
                    "of agreement.",
                    "On the portal, attach the copy to the arrangement. If an Agreement is not "
                    "in place, please ensure one is set up as soon as possible and submitted to "
                    "the Head of Corporate Services.",
                    required=False,
                ),
            ),
        ),
        Section(
            "additional",
            "Additional Information",
            (q("additional_information", "Additional Information / comments", required=False),),
        ),
        Section(
            "representatives",
            "South Derbyshire District Council representative(s)",
            (
                FactRows(
                    "representatives",
                    "South Derbyshire District Council representative(s)",
                    columns=("Name", "Date started", "Date finished"),
                    entries=representative_rows,
                    hint="The council's representatives, each with the date they started and "
                    "finished, are recorded on the arrangement.",
                    change="representatives",
                ),
            ),
        ),
        Section(
            "review",
            "Performance Review Details",
            (
                Fact(
                    "Next review due",
                    on_date("next_review_due", "Set when the partnership is approved"),
                ),
            ),
            intro="To be reviewed at least annually by the Head of Corporate Services for "
            "agreement by the SMT.",
        ),
    ),
    # "Date: Reviewed by:": the Head of Corporate Services, who considers and approves the
    # form (SD "Agreeing the Partnership"), signs and dates it.
    signatures=(Signature(Role.REGISTER_OWNER, "Head of Corporate Services"),),
    endorsement=Endorsement(title="Reviewed by"),
)

IN_FULL = "in_full"
SUPPLEMENT = "supplement"

# Appendix 2's headings, with the two elements of SD "Partnership Agreements" it leaves out
# (reporting; monitoring and measuring progress), so that all seventeen are covered.
PARTNERSHIP_AGREEMENT = CouncilForm(
    key=AGREEMENT.key,
    title="Partnership Agreement",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 2",
    sections=(
        Section(
            "completion",
            "Notes on completion",
            intro="To be completed in full where there is no existing partnership documentation "
            "such as a constitution or terms of reference. If to be used as a supplement to "
            "existing partnership documentation then only complete the sections that are not "
            "adequately covered by that existing documentation.",
            items=(
                q(
                    "completed_as",
                    "How is this Partnership Agreement completed?",
                    "If to be used as a supplement to existing partnership documentation, only "
                    "the sections not adequately covered by that documentation need completing: "
                    "for the others, say where the existing documentation covers them.",
                    Kind.CHOICE,
                    choices=(
                        (
                            IN_FULL,
                            "In full: there is no existing partnership documentation such as a "
                            "constitution or terms of reference",
                        ),
                        (SUPPLEMENT, "As a supplement to existing partnership documentation"),
                    ),
                ),
            ),
        ),
        Section(
            "agreement",
            "Partnership Agreement",
            (
                Fact("Partnership", text("name")),
                Fact(
                    "Overall Purpose",
                    text("purpose"),
                    "(Provide a summary of expected outcomes / benefits)",
                ),
                Fact("Aims & Objectives", objectives),
                Fact("Legal Status", choice("legal_status")),
                Fact("Membership", partners),
                q("voting_rights", "Voting Rights"),
                q(
                    "structures",
                    "Structures & Management Systems (including any sub / working or parent "
                    "groups)",
                ),
                Fact("Overall partnership budget", money("overall_budget")),
                Fact("Council resources", council_resources),
                q(
                    "resourcing",
                    "Resourcing & Funding arrangements (including specific implications for "
                    "Council)",
                ),
                q(
                    "reporting",
                    "Partnership reporting arrangements",
                    'An element of every agreement (SD "Partnership Agreements").',
                ),
                q(
                    "partner_assets",
                    "Partner Assets (list any assets provided by partners or those of the "
                    "partnership)",
                ),
                q(
                    "partner_liabilities",
                    "Partner liabilities (including any financial arrangements if/when "
                    "partnership ceases)",
                ),
                Fact(
                    "Exit Strategies (Arrangements if/when partnership ceases)",
                    text("exit_strategy"),
                ),
                Fact("Governance Arrangements", governance_in_place),
                q(
                    "council_inputs",
                    "Details of any specific expectations / inputs from the Council",
                ),
                q("financial_control", "Financial control, procedures, audit and accountability"),
                Fact("Equalities & Diversity", text("equalities_impact")),
                Fact("Expected frequency of meetings / inputs", meetings),
                q("complaints", "Complaints Procedure"),
                Fact("Likely duration of the partnership", dates),
                q("declaration_of_interest", "Member's Declaration of Interest"),
                q(
                    "monitoring",
                    "Monitoring and measuring progress of the partnership",
                    'An element of every agreement (SD "Partnership Agreements").',
                ),
            ),
        ),
    ),
)

# Appendix 3's ten features and their standards, in its words, and its four scores.
FEATURES = (
    (
        "Action & Outcome focused",
        "The Partnership has clear purpose, agreed vision, targets and milestones. Can "
        "demonstrate that it is delivering improvements to quality of life and supports the "
        "Council's Strategic Objectives",
    ),
    (
        "Well governed",
        "The Partnership has documented governance arrangements and mechanisms in place to "
        "minimise financial and legal risks",
    ),
    (
        "Good Leadership",
        "The Partnership has clear leadership. Partners harness their energies to achieve more "
        "than they could on their own",
    ),
    (
        "Efficient",
        "The Partnership has effective agenda management, admin support arrangements and uses "
        "resources productively",
    ),
    (
        "Inclusive",
        "The Partnership actively promotes equality and diversity, and involves service users "
        "and key stakeholders as appropriate",
    ),
    (
        "Outward focused",
        "The partnership is aware of the wider context within which it operates and has clear "
        "links and relationships",
    ),
    (
        "Committed to learning & Development",
        "The partnership learns from best practice, encourages learning and development and is "
        "willing to change",
    ),
    (
        "Effective performance management",
        "The partnership has a clear performance management system in place, can demonstrate "
        "progress on its targets and shares information",
    ),
    (
        "Trust",
        "The partnership has good supportive working relationships between partners. Risks and "
        "rewards are shared.",
    ),
    (
        "Regularly evaluates",
        "The partnership regularly reviews its membership, policies and has strategies that are "
        "clearly evidenced based, using sources such as consultation and statistics",
    ),
)
SCORES = (
    ("1", "1 Not in place – Priority for action"),
    ("2", "2 Partly in place – Action needed"),
    ("3", "3 Action identified – Being implemented"),
    ("4", "4 Standard met – No action needed"),
)
EVIDENCE = "Please indicate where evidence can be found, in order to demonstrate position"


# The seed's grid, FEATURE | STANDARD | 1 | 2 | 3 | 4 | EVIDENCE, a row per feature. Each
# cell keeps the name it had when the features were asked one after another
# (feature_1_score, feature_1_evidence), so the answers saved then read the same now.
ASSESSMENT_GRID = Table(
    "feature",
    "Partnership Assessment",
    rows=tuple(
        Row(str(n), f"{n}. {feature}", given={"standard": standard})
        for n, (feature, standard) in enumerate(FEATURES, start=1)
    ),
    columns=(
        q("standard", "Standard", kind=Kind.TEXT),
        q("score", "score", kind=Kind.CHOICE, choices=SCORES),
        q("evidence", "Evidence", f"({EVIDENCE})"),
    ),
    names="feature_{row}_{column}",
    row_heading="Feature",
    rows_as_questions=True,
    spread=True,
)


PARTNERSHIP_ASSESSMENT = CouncilForm(
    key=ASSESSMENT.key,
    title="Partnership Assessment",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 3",
    sections=(
        Section(
            "partnership",
            "Partnership",
            (
                Fact("Name of Partnership", text("name")),
                Fact("Lead officer or Member", person("lead_officer")),
            ),
            # SD "Review and Evaluation": why the partnership is reviewed.
            intro="Each partnership should be reviewed on a regular basis to provide assurance: "
            "that proper systems are in place; of its effectiveness and value; its outcomes and "
            "performance can be monitored and evaluated.",
        ),
        Section(
            "assessment",
            "Partnership Assessment",
            (ASSESSMENT_GRID,),
            intro="For each feature, score the partnership against its standard: 1 Not in "
            "place – Priority for action; 2 Partly in place – Action needed; 3 Action "
            "identified – Being implemented; 4 Standard met – No action needed.",
        ),
    ),
)


EVALUATION = CouncilForm(
    key=EVALUATION_CHECKLIST.key,
    title="A checklist for evaluating a partnership",
    council=COUNCIL,
    source=f"{SOURCE}, Appendix 4",
    intro="Partnerships should be regularly evaluated, both during the time they are up "
    "and running and when they come to an end. This gives an opportunity to assess the "
    "effectiveness of the partnership and its outcomes. It also enables the Council to "
    "apply any learning in establishing or working with others across the authority. "
    "There is no prescriptive way of writing the evaluation, however, the following "
    "areas and questions should be considered within the report. All partnership "
    "evaluation reports should be undertaken on a regular basis and as quickly as "
    "possible, particularly after a partnership ceases, while the information and "
    "experience is still fresh in your mind. When complete, please forward a copy of "
    "the evaluation report to the Head of Corporate Services.",
    sections=(
        Section(
            "summary",
            "Summary",
            (
                Fact("Name of Partnership", text("name")),
                Fact("Lead officer or Member", person("lead_officer")),
                q(
                    "reasons",
                    "Please state the reasons for the evaluation, update or due to partnership "
                    "being concluded.",
                ),
                q(
                    "working_well",
                    "Overall, what is working well / worked well with the partnership?",
                ),
                q(
                    "improved",
                    "Which key areas of the partnership and its work could be been improved?",
                ),
            ),
        ),
        Section(
            "membership",
            "Membership",
            (
                Fact("Provide a list of the members of the partnership.", partners),
                q("right_members", "Are/were the right members on the partnership?"),
                q("turn_out", "On average, how good is/was turn out at meetings?"),
                q(
                    "members_active",
                    "How active are/were members in planning, implementing and evaluating the "
                    "intervention?",
                ),
                q("worked_together", "How well does/did the partners work together?"),
                q("membership_improved", "How could the membership be/have been improved?"),
            ),
        ),
        Section(
            "agreement",
            "Partnership Agreement",
            (
                Fact(
                    "Provide an outline of the key aims and objectives for the partnership.",
                    objectives,
                ),
                q(
                    "aims_met",
                    "Does/did the partnership meet its aims and objectives as outlined in the "
                    "partnership agreement?",
                ),
                q(
                    "monitoring",
                    "What performance and monitoring arrangements are/were set up for the "
                    "partnership?",
                ),
                q(
                    "agreement_effective",
                    "How effective is/was the partnership agreement in structuring the "
                    "partnership?",
                ),
            ),
        ),
        Section(
            "outcomes",
            "Key outcomes",
            (
                q(
                    "activities",
                    "Provide a list of the activities and outcomes delivered or contributed to "
                    "by the partnership",
                ),
                q(
                    "in_line",
                    "Are/were these outcomes in line with the partnership agreement?",
                ),
                q(
                    "changed",
                    "If they changed during this period, please give an explanation of why and "
                    "if this changed the nature/remit of the partnership.",
                    required=False,
                ),
                q(
                    "effective",
                    "Overall, does/did the partnership deliver its outcomes and activities "
                    "effectively and efficiently?",
                ),
            ),
        ),
        Section(
            "resources",
            "Use of Resources",
            (
                Fact("The council's resources in the register, a year", council_resources),
                q(
                    "resources_summary",
                    "Please summarise the main resources provided by the council to the "
                    "partnership (officer time and funding).",
                    "The register's figures are a year's; summarise what the council provided "
                    "over the partnership's life.",
                ),
                q(
                    "other_partners",
                    "Do/did other partners contribute financial resources in addition to time, "
                    "expertise, and other in-kind contributions?",
                ),
            ),
        ),
        Section(
            "engagement",
            "Engagement",
            (
                q(
                    "communicate",
                    "How does/ did the partnership communicate its work and progress?",
                ),
                q("engage", "Who does/did the partnership engage and involve in its work?"),
                q("methods", "What methods for engagement and involvement are/were used?"),
                q(
                    "methods_successful",
                    "Are/were the methods successful? How could they be/have been improved?",
                ),
            ),
        ),
    ),
)

FORMS = (INFORMATION, PARTNERSHIP_AGREEMENT, PARTNERSHIP_ASSESSMENT, EVALUATION)
