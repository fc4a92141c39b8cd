"""Gravesham's templates (Working in Partnership Framework 2021, Appendices 1 to 3)."""

from approvals.council_forms.base import (
    CouncilForm,
    Fact,
    Kind,
    Question,
    Section,
    Signature,
    Table,
    q,
)
from approvals.council_forms.facts import (
    corporate_objectives,
    dates,
    governance_in_place,
    money,
    partners,
    person,
    text,
    yes_no,
)
from register.roles import Role

COUNCIL = "Gravesham Borough Council"


def endorsements(director_title):
    """The statutory officers' opinions and the approvers' signatures (G 2.14, 3.9-3.10)."""
    return (
        Signature(Role.MONITORING_OFFICER, "Monitoring Officer (or Deputy Monitoring Officer)"),
        Signature(Role.SECTION_151_OFFICER, "Section 151 Officer"),
        Signature(Role.DIRECTOR, director_title),
        Signature(Role.LEADER, "Leader of the Executive"),
        Signature(Role.PORTFOLIO_HOLDER, "Cabinet Portfolio Holder"),
    )


EVALUATION = CouncilForm(
    key="gravesham_evaluation",
    title="Partnership Evaluation",
    council=COUNCIL,
    source="Working in Partnership Framework 2021, Appendix 1",
    sections=(
        Section(
            "assessment",
            "Partnership Assessment",
            (
                Fact("Name of Partnership", text("name")),
                Fact("Date partnership due to commence and to terminate", dates),
                Fact("Statutory Status", yes_no("is_statutory", "Statutory", "Not statutory")),
                Fact("Where will the partnership operate", text("area")),
                Fact("Lead Organisation", text("lead_organisation")),
                Fact("Overall partnership budget", money("overall_budget")),
                Fact("External funding secured and its use", text("external_funding_use")),
                Fact("Organisations involved and their contribution", partners),
                Fact(
                    "Resource input by Gravesham Borough Council",
                    money("council_resources_per_year"),
                ),
                Fact("Member input to the partnership", text("member_involvement")),
                Fact("Contribution to the council's corporate objectives", corporate_objectives),
                q(
                    "potential_funding",
                    "Potential external funding that could be sought",
                    "Please provide brief details of other potential external funding – this will be covered in more detail in the 'Costs Analysis'.",
                    required=False,
                ),
                q(
                    "anticipated_outcomes",
                    "What are the anticipated outcomes for the council?",
                    "Please provide brief details of the anticipated outcomes for the council entering the partnership – community outcomes will be covered in more detail in the 'Benefits Analysis'.",
                ),
                Fact("Lead officer from Gravesham Borough Council", person("lead_officer")),
            ),
        ),
        Section(
            "benefits",
            "Benefits analysis",
            (
                q(
                    "aims",
                    "What is the partnership planning to achieve?",
                    "Main aims and/or objectives of the partnership.",
                ),
                q(
                    "evidence",
                    "What evidence is there that this is needed (e.g. from research and "
                    "analysis or from experience elsewhere)?",
                    "How do we know that we need to have this partnership? What information do we have that supports the need for this partnership? Have consultations been undertaken with the public and/or stakeholders. If so, what has been their response?",
                ),
                q(
                    "council_aims",
                    "Will it make a contribution to achieving the council's own aims "
                    "and objectives? If so, what are the corporate priorities/targets that the "
                    "partnership will help to deliver?",
                    "Please specify the Corporate Plan areas of focus that this partnership will contribute to.",
                ),
                q(
                    "first_year",
                    "What are the contributions towards the council's objectives that "
                    "will be made by the partnership in the first year?",
                    "By entering into the partnership, what will we expect to actually see delivered by the partnership within the first year – specifically for the council?",
                ),
                q(
                    "community_outcomes",
                    "What will be the outcomes for the community as a result of the partnership?",
                    "What will be the outcomes of the partnership for the actual users? What will the community be able to see as a result of this partnership?",
                ),
                q(
                    "alternatives",
                    "If the partnership is not established, what are the "
                    "alternatives for delivery of the objectives?",
                    "Can the objectives/outcomes be achieved through other means other than the partnership? What would be the cost implications to the council for an alternative approach?",
                ),
                q(
                    "consequences",
                    "What are the consequences of not establishing the partnership?",
                    "If the council does not enter into this partnership what will be the consequences of this action?",
                ),
                q(
                    "success",
                    "How will we know if the partnership is a success?",
                    "What measures are in place to enable monitoring of the partnership? Specifically, will VfM Indicators be introduced (monitoring cost, partnership/service performance and customer satisfaction).",
                ),
                Fact(
                    "How does the partnership contribute to the council's overall Safeguarding "
                    "objectives?",
                    text("safeguarding_impact"),
                ),
            ),
        ),
        Section(
            "costs",
            "Costs analysis",
            (
                q(
                    "set_up_cost",
                    "What is the estimated financial cost of setting up the partnership (for GBC)?",
                    "How much will it cost to set up the partnership? Will this be met by existing budgets or is additional funding required? Is this capital or revenue expenditure?",
                ),
                q(
                    "running_cost",
                    "What is the estimated financial cost of running the partnership (for GBC)?",
                    "What will be the ongoing running costs of the partnership? Will this be met by existing budgets or is additional funding required? How long will these costs have to be found by the council?",
                ),
                q(
                    "additional_resources",
                    "What additional resources are required for the partnership, provided by GBC?",
                    "What other resources will the council provide to the partnership in terms of officer time (and level of officer support i.e. admin, senior officer etc.)? What other resources will the council provide 'in kind' such as property etc.",
                ),
                q(
                    "other_income",
                    "What other potential sources of income exist and have they been explored?",
                    "Are there any grant funding streams that could be utilised for the partnership or other government funding? If so, provide details of how this has been explored or is expected to be explored.",
                ),
                q(
                    "impact_on_services",
                    "Will the creation of this partnership have an impact on "
                    "the council's ability to deliver any other services/objectives?",
                    "If this partnership is created, will resources have to be taken from one task and re-allocated elsewhere. Will this have an impact on other services?",
                ),
                q(
                    "value_for_money",
                    "How will the partnership be able to demonstrate value for money?",
                    "What measures are to be introduced in order for the council to assess whether or not the partnership is delivering value for money. Specifically, will VfM Indicators be introduced (monitoring cost, partnership/service performance and customer satisfaction).",
                ),
            ),
        ),
        Section(
            "risk",
            "Risk analysis",
            (
                q(
                    "risk_assessment_done",
                    "Has a risk assessment of the proposed partnership been undertaken?",
                    "If 'Yes' attach it to the arrangement; if 'No' one must be "
                    "completed before the partnership is approved.",
                    Kind.YES_NO,
                ),
                q(
                    "serious_problems",
                    "How likely is it that something could cause serious problems?",
                    "Examples - external funding being withdrawn, accidents, vandalism, changing public demand or taste, shortages of expertise, legal claims, other partners withdrawing and leaving the Council with liabilities, etc.",
                ),
                q(
                    "insurance",
                    "Does the council and partners have adequate insurance to cover "
                    "the partnership?",
                    "Have you checked with the Finance Team that the council's insurance is adequate for the partnership that is being entered into? Do the partner organisations have adequate insurance and how can you be sure of this.",
                ),
                q(
                    "uninsured_risks",
                    "Where there are risks not covered by insurance, is it "
                    "possible to insure against any of these risks?",
                    required=False,
                ),
                q(
                    "experience",
                    "What does experience elsewhere tell us about how risky this type "
                    "of partnership is?",
                ),
                q(
                    "changing_risks",
                    "Is it possible that the nature of the risks involved and "
                    "their impact on the partnership could change dramatically over the expected "
                    "life of the partnership?",
                ),
            ),
        ),
        Section(
            "equalities",
            "Equalities Analysis",
            (
                q(
                    "equalities_aims",
                    "Does the proposed partnership support the council's "
                    "Equalities Aims and Objectives?",
                    "Do the partnership arrangements help support the council's duties and obligations to make a positive difference to its communities?",
                ),
                Fact(
                    "How will the partnership operate in terms of ensuring equality across the "
                    "nine protected characteristics?",
                    text("equalities_impact"),
                ),
                q(
                    "negative_impact",
                    "If there is any 'negative impact', what action will be taken to mitigate it?",
                    "Provide details of how any potential 'negative impacts' are being managed to ensure the partnership can work fairly across all protected characteristics.",
                    required=False,
                ),
            ),
        ),
        Section(
            "gdpr",
            "General Data Protection Regulations (GDPR)",
            (
                Fact("Is personal data shared?", yes_no("shares_personal_data")),
                Fact(
                    "Does the proposed partnership pose any potential issues in respect of GDPR? "
                    "If so, what and how are these to be overcome?",
                    text("data_protection_notes"),
                ),
            ),
        ),
        Section(
            "climate",
            "Climate Change",
            (
                Fact(
                    "Does the proposed partnership contribute to the council's overall Climate "
                    "Change commitment?",
                    text("climate_change_impact"),
                ),
            ),
        ),
        Section(
            "governance",
            "Partnership Governance Arrangements",
            (
                Fact(
                    "The partnership has the following governance arrangements in place (or "
                    "drafted ready for formal approval)",
                    governance_in_place,
                ),
            ),
        ),
        Section(
            "exit",
            "Partnership Exit Strategy",
            (
                Fact(
                    "The 'exit strategy' that has been discussed in relation to the partnership",
                    text("exit_strategy"),
                ),
            ),
        ),
    ),
    signatures=endorsements("Chief Executive/Director"),
)

YEARS = ("Year 1 (£)", "Year 2 (£)", "Year 3 (£)")


def option(number: int, required=True) -> Section:
    """One option of the business case, with its 3-year financial summary (Appendix 2, 10)."""
    summary_rows = (
        "Investment/set-up costs",
        "Additional ongoing costs",
        "Staff cost savings at GBC",
        "Staff cost savings at the partner authority",
    )
    return Section(
        f"option_{number}",
        f"Option {number}",
        (
            q(f"option_{number}_description", "Description of the option", required=required),
            q(f"option_{number}_benefits", "Key benefits of this arrangement", required=required),
            q(
                f"option_{number}_disadvantages",
                "Key disadvantages of this arrangement",
                required=required,
            ),
            q(
                f"option_{number}_risks",
                "Risks of progressing the option and mitigating factors",
                required=required,
            ),
            Table(
                f"option_{number}_summary",
                f"Option {number} – Financial Summary",
                rows=summary_rows,
                columns=tuple(
                    Question(f"year_{i + 1}", label, Kind.MONEY) for i, label in enumerate(YEARS)
                ),
                totals=True,
                required=required,
            ),
        ),
    )


BUSINESS_CASE = CouncilForm(
    key="gravesham_business_case",
    title="Shared Services / Joint Working Business Case",
    council=COUNCIL,
    source="Working in Partnership Framework 2021, Appendix 2",
    sections=(
        Section(
            "introduction",
            "Introduction and Strategic Requirements of the Service",
            (
                Fact("Shared service", text("name")),
                q("scope", "Scope for shared service/joint working arrangements"),
                Fact("Potential stakeholders/partners", partners),
                q(
                    "current_provision",
                    "Current service provision arrangements of potential stakeholders/partners",
                ),
                Fact("Contribution to key council objectives", corporate_objectives),
                q("statutory_obligations", "Statutory obligations regarding the service"),
            ),
        ),
        Section(
            "benefits",
            "Strategic and Operational Benefits of Joint Working",
            (
                q(
                    "strategic_benefits",
                    "Strategic benefits, and how we will know each has been achieved",
                ),
            ),
        ),
        Section(
            "constraints",
            "Constraints and Dependencies",
            (
                q("organisational_constraints", "Organisational constraints"),
                q("resource_constraints", "Resource constraints"),
                q("time_constraints", "Time constraints"),
                q("dependencies", "Dependencies for the project progressing"),
            ),
        ),
        Section(
            "legal",
            "Legal and Constitutional/Governance Issues",
            (
                q(
                    "governance_issues",
                    "Committees and reporting mechanisms, schemes of "
                    "delegation and other constitutional issues",
                ),
            ),
        ),
        Section(
            "equalities",
            "Equalities Impact Assessment",
            (Fact("Equalities impact", text("equalities_impact")),),
        ),
        Section(
            "gdpr",
            "Consideration of General Data Protection Requirements (GDPR)",
            (Fact("GDPR requirements", text("data_protection_notes")),),
        ),
        Section(
            "risks",
            "Risks",
            (q("do_nothing_risks", "'Do Nothing' risks, and the action to mitigate each"),),
        ),
        Section(
            "existing",
            "Existing Working Arrangements",
            (
                q(
                    "existing_arrangements",
                    "Departmental structures, salary costs, staff numbers, "
                    "scope of service, performance levels and IT systems at each authority",
                ),
            ),
        ),
        option(1),
        option(2),
        option(3, required=False),
        Section(
            "evaluation",
            "Cost/Benefit Evaluation of Options and Recommendation",
            (
                q("evaluation", "Evaluation of the options"),
                q("recommendation", "Recommended option"),
            ),
        ),
    ),
    signatures=endorsements("Director"),
)

FORMS = (EVALUATION, BUSINESS_CASE)
