"""South Derbyshire's templates (Partnership Policy, February 2011, Appendices 1 and 2).

Appendix 1 asks almost only what the arrangement already holds, so nearly all of it is
facts; Appendix 2 asks for the agreement's terms, showing what the arrangement holds.
"""

from register.choices import DocumentKind
from register.council_forms.base import CouncilForm, Fact, Kind, Section, Signature, q
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
    representatives,
    risks,
    text,
    yes_no,
)
from register.policies.south_derbyshire import AGREEMENT, INFORMATION_FORM, RESOURCES_BEYOND_BUDGET
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
                    "Details of risks for the Authority (details to be entered into the "
                    "Council's Risk scorecard)",
                    risks,
                ),
                Fact("Date Formed", on_date("start_date")),
                Fact("Proposed End Date (if any)", on_date("end_date", "None")),
            ),
        ),
        Section(
            "agreement",
            "Status and Partnership Agreement",
            (
                Fact("Is this Partnership Statutory?", yes_no("is_statutory")),
                Fact(
                    "Does the partnership have a Partnership Agreement? (e.g. constitution / "
                    "terms of reference)",
                    has_agreement,
                ),
                q(
                    "agreement_type",
                    "If 'Yes' briefly describe the type of agreement",
                    "Attach a copy to the arrangement. If an Agreement is not in place, please "
                    "ensure one is set up as soon as possible and submitted to the Head of "
                    "Corporate Services.",
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
            (Fact("Name, date started and date finished", representatives),),
        ),
        Section(
            "review",
            "Performance Review Details",
            (
                Fact(
                    "To be reviewed at least annually by the Head of Corporate Services for "
                    "agreement by the SMT: next review due",
                    on_date("next_review_due", "Set when the partnership is approved"),
                ),
            ),
        ),
    ),
    # "Reviewed by" and its date: the Head of Corporate Services, who considers and approves
    # the form (SD "Agreeing the Partnership").
    signatures=(Signature(Role.REGISTER_OWNER, "Head of Corporate Services"),),
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
            (
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
                Fact("Overall Purpose (summary of expected outcomes / benefits)", text("purpose")),
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

FORMS = (INFORMATION, PARTNERSHIP_AGREEMENT)
