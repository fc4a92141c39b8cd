"""Gravesham's templates (Working in Partnership Framework 2021, Appendices 1 to 4).

The agreement checklists (Appendix 3) each ask whether the agreement covers one of its key
elements, beside what the arrangement already holds on it. They have no signatures: the
Monitoring Officer's involvement in drawing up the agreement (G 4.2) is recorded in the
approval itself.
"""

from register import formatting
from register.choices import DocumentKind, GovernanceItem
from register.council_forms.base import (
    Box,
    Boxes,
    CouncilForm,
    Endorsement,
    Fact,
    FactTable,
    Group,
    Kind,
    ListOf,
    Question,
    Row,
    Section,
    Signature,
    Table,
    q,
)
from register.council_forms.facts import (
    PARTNER_GROUPS,
    carried_forward,
    category_key,
    choice,
    corporate_objectives,
    dates,
    documents,
    external_funding,
    formed,
    governance_held,
    governance_in_place,
    in_kind,
    measure_rows,
    member_input,
    money,
    objective_rows,
    objectives,
    on_date,
    partners,
    partners_by_group,
    person,
    staffing,
    statutory_status,
    text,
    yes_no,
)
from register.council_forms.services import IN_PLACE, record_governance, record_measure_results
from register.policies.gravesham import (
    INITIAL_REVIEW,
    LATER_REVIEW,
    OTHER,
    PARTNERSHIP_CHECKLIST,
    POLICY,
    SHARED_SERVICE_CHECKLIST,
    SIGNIFICANT,
)
from register.roles import Role

COUNCIL = "Gravesham Borough Council"


SIGNIFICANT_ROUTE = (
    "If this is to be a 'significant' partnership, please complete the self-assessment form "
    "fully. This will then be reviewed by the Monitoring Officer (or Deputy Monitoring "
    "Officer) and the Section 151 Officer (Director – Corporate Services). Following their "
    "review, the proposed partnership must be discussed at Management Team prior to being "
    "submitted to the relevant Cabinet Portfolio Holder for formal approval alongside the "
    "Leader of the Executive. It is the responsibility of the lead officer to present the "
    "item to Management Team."
)
OTHER_ROUTE = (
    "If this is to be an 'other' partnership please complete the self-assessment form; it is "
    "accepted that the level of detail required may differ to that of a significant "
    "partnership. This will then be reviewed by the Monitoring Officer (or Deputy Monitoring "
    "Officer) and the Section 151 Officer (Director – Corporate Services). Following their "
    "review, the proposed 'other' partnership must be formally approved by the Director, "
    "Leader of the Executive and relevant Cabinet Portfolio Holder."
)
# The template's footnote, with the threshold the policy holds (G 1.11b).
SIGNIFICANT_MEANS = (
    "¹ A significant partnership is defined as a partnership for which there is a council "
    f"resource provision of {formatting.money(POLICY.significant_resources)} or greater or "
    "one that is fundamental to the delivery of the goals and objectives of the Council's "
    "corporate plan. Without this effective partnership therefore, the delivery of Gravesham "
    "Borough Council's key corporate goals would not occur"
)

# The governance checklist of Appendix 1 in its words, each row one of the register's
# governance arrangements (register/choices.py GovernanceItem).
GOVERNANCE_ROWS = (
    Row(GovernanceItem.TERMS_OF_REFERENCE, "Terms of reference and/or Constitution"),
    Row(
        GovernanceItem.MEMBERSHIP_RULES,
        "Eligibility for membership and rules for the admission of new partners",
    ),
    Row(GovernanceItem.DECISION_RULES, "Rules for making decisions on behalf of the partnership"),
    Row(
        GovernanceItem.MEETING_RULES,
        "Rules governing meetings (frequency, notice, quorum, chairing, voting, etc.)",
    ),
    Row(
        GovernanceItem.RECORDING_DECISIONS,
        "Rules for recording decisions and reporting them to the partners and to the public",
    ),
    Row(GovernanceItem.CONFLICTS_POLICY, "Policy for managing conflicts in the partnership"),
    Row(GovernanceItem.ETHICS_CODE, "Code for maintaining ethical standards"),
    Row(GovernanceItem.DRAFT_AGREEMENT, "A (draft) Partnership Agreement outlining the above"),
    Row(GovernanceItem.PERFORMANCE_MONITORING, "Performance monitoring arrangements"),
    Row(GovernanceItem.FINANCIAL_MONITORING, "Financial monitoring arrangements"),
    Row(GovernanceItem.RISK_MONITORING, "Risk monitoring arrangements"),
    Row(GovernanceItem.COMPLAINTS, "Dealing with public complaints and compliments"),
    Row(GovernanceItem.AUDIT, "Audit requirements"),
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
                Fact("Date partnership due to commence", formed),
                Fact(
                    "Date partnership due to terminate (if applicable)",
                    on_date("end_date", "Not set"),
                ),
                Fact("Statutory Status", statutory_status, paper="Statutory / Not statutory"),
                Fact(
                    "Where will the partnership operate (please specify)",
                    text("area"),
                    "Please state whether or not this is a partnership for just the Gravesham "
                    "area or if it is wider i.e. Dartford and Gravesham, Kent-wide etc).",
                ),
                Fact("Lead Organisation (if applicable)", text("lead_organisation")),
                Group(
                    "Overall resources available to the partnership",
                    (
                        Fact("Overall partnership budget", money("overall_budget"), paper="£"),
                        Fact(
                            "Has external funding been secured for the partnership? If so, how "
                            "much and what will it be used for?",
                            external_funding,
                            "Use: i.e. funding to be used to pay for two members of staff to "
                            "manage the partnership.",
                            paper="Yes / No    £",
                        ),
                        q(
                            "potential_funding",
                            "Potential external funding that could be sought?",
                            "Please provide brief details of other potential external funding "
                            "– this will be covered in more detail in the 'Costs Analysis'.",
                            required=False,
                        ),
                        q(
                            "dedicated_staff",
                            "Number of dedicated staff (FTE and costs if possible)",
                            "The partnership's own staff, like: 2 FTE, £64,000 a year.",
                            Kind.TEXT,
                            required=False,
                            max_length=200,
                            paper="FTE            £",
                        ),
                        q(
                            "partnership_in_kind",
                            "Other (e.g. resources provided in kind)",
                            required=False,
                        ),
                    ),
                ),
                FactTable(
                    "partners",
                    "Organisation involved in the partnership and budgetary contribution",
                    rows=tuple(label for label, _sectors in PARTNER_GROUPS),
                    columns=("Name", "Contribution (£)"),
                    entries=partners_by_group,
                    hint="Each partner is recorded on the arrangement with its sector; the "
                    "public sector bodies are under Other.",
                ),
                Group(
                    "Resource input by Gravesham Borough Council",
                    (
                        Fact("Dedicated budget", money("cash_per_year"), paper="£"),
                        Fact(
                            "Staffing (enter number of staff and estimation of time in working "
                            "days per year)",
                            staffing,
                            paper="FTE            No. working days",
                        ),
                        Fact("Other (e.g. resources provided in kind)", in_kind),
                    ),
                ),
                Fact(
                    "Member input to the partnership (if 'Yes' please specify which Member and "
                    "their role in the partnership)",
                    member_input,
                    paper="Yes / No",
                ),
                Fact(
                    "Does the partnership contribute to the council's overall corporate "
                    "objectives? (if 'Yes' please identify, in detail)",
                    corporate_objectives,
                    paper="Yes / No",
                ),
                q(
                    "anticipated_outcomes",
                    "What are the anticipated outcomes for the council?",
                    "Please provide brief details of the anticipated outcomes for the council entering the partnership – community outcomes will be covered in more detail in the 'Benefits Analysis'.",
                ),
                Fact("Lead officer from Gravesham Borough Council", person("lead_officer")),
                q(
                    "completed_by",
                    "Name and title of person completing the assessment and date",
                    "Your name and job title, like: Priya Sharma, Community Safety Manager.",
                    Kind.TEXT,
                    max_length=200,
                    names_role="Officer completing the assessment",
                    dated=True,
                ),
                Boxes(
                    "category",
                    "Significant or other partnership",
                    (
                        Box(SIGNIFICANT.key, "Significant partnership¹", SIGNIFICANT_ROUTE),
                        Box(OTHER.key, "Other partnership", OTHER_ROUTE),
                    ),
                    chosen=category_key,
                    note=SIGNIFICANT_MEANS,
                ),
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
                    "Will this partnership have any impact on the lives of children and/or "
                    "vulnerable adults? If so, how? How does this partnership support the "
                    "council's wider Safeguarding commitment? Is there a clear procedure to "
                    "follow in the event that the work of the partnership and/or its members "
                    "uncovers a safeguarding issue?",
                ),
            ),
            intro="Proposed Partnership – Assessment. Self-assessment – Benefits, Costs, Risk "
            "and Equalities Assessment.",
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
                    "If 'Yes' please ensure a copy of the risk assessment is attached. If 'No' "
                    "a risk assessment must be completed prior to the partnership being put "
                    "forward to Cabinet for formal approval.",
                    Kind.YES_NO,
                ),
                Fact(
                    "Risk assessment attached to the arrangement",
                    documents(DocumentKind.RISK_ASSESSMENT),
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
                    "life of the partnership (e.g. due to demographic changes, political or "
                    "economic uncertainties)?",
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
                    "The protected characteristics are age, disability, gender reassignment, "
                    "marriage and civic partnership, pregnancy and maternity, race, religion "
                    "and belief, sex and sexual orientation. A summary should be provided to "
                    "show the partnership has been reviewed to determine if there is any "
                    "'negative impact' on any of the protected characteristics.",
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
                Fact(
                    "Does the proposed partnership pose any potential issues in respect of GDPR? "
                    "If so, what and how are these to be overcome?",
                    text("data_protection_notes"),
                    "Consideration must be given to the GDPR regulations and ensuring that the "
                    "partnership is able to operate within the constraints of GDPR. A Data "
                    "Protection Impact Assessment may not be required but if it is, should be "
                    "appended to the evaluation form.",
                ),
                Fact("Is personal data shared?", yes_no("shares_personal_data"), paper="Yes / No"),
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
                    "Consideration to be given to how the partnership may benefit the council, "
                    "and the wider borough, in mitigating Climate Change in Gravesham. If the "
                    "partner organisations have their own specific commitments, these should "
                    "be summarised here.",
                ),
            ),
        ),
        Section(
            "governance",
            "Partnership Governance Arrangements",
            (
                Table(
                    "governance",
                    "Governance arrangements",
                    rows=GOVERNANCE_ROWS,
                    intro="The partnership has the following governance arrangements in place "
                    "(or drafted ready for formal approval):",
                    columns=(
                        q(IN_PLACE, "In place (Yes / No)", kind=Kind.YES_NO),
                        q(
                            "where_held",
                            "Where it is held",
                            "Where this will be held if the partnership is formally adopted.",
                            Kind.TEXT,
                            max_length=300,
                            when=(IN_PLACE, (True,)),
                        ),
                    ),
                    initial_from=governance_held,
                    hint="Answer Yes or No for each, and where it is held. Submitting the form "
                    "records the answers in the arrangement's governance arrangements.",
                    on_submit=record_governance,
                    rows_as_questions=True,
                    note="NB: a number of the above may be included within the Constitution "
                    "and/or terms of reference and therefore may not be separate documents.",
                ),
            ),
            intro="It is essential that all partnerships that the council enters into has good "
            "governance arrangements. As a council we have a responsibility for ensuring that "
            "we are doing the right things, in the right way, for the right people in a "
            "timely, inclusive, open, honest and accountable manner. It is therefore essential "
            "that for any partnership that the council is involved in, there are clear "
            "arrangements in place to ensure we are meeting all of the above elements of good "
            "governance.",
        ),
        Section(
            "exit",
            "Partnership Exit Strategy",
            (
                Fact(
                    "Please provide details of the 'exit strategy' that has been discussed in "
                    "relation to the partnership.",
                    text("exit_strategy"),
                    "Before agreeing to enter into a partnership, an understanding of how the "
                    "partnership can end will be required. The exit strategy should include "
                    "details of how the partnership will be suspended, dissolved or terminated "
                    "as required.",
                ),
            ),
        ),
    ),
    signatures=(
        Signature(
            Role.MONITORING_OFFICER,
            "Monitoring Officer (or Deputy Monitoring Officer)",
            opinion=True,
        ),
        Signature(
            Role.SECTION_151_OFFICER,
            "Section 151 Officer (Director – Corporate Services)",
            opinion=True,
        ),
        Signature(Role.DIRECTOR, "Chief Executive/Director"),
        Signature(Role.LEADER, "Leader of the Executive"),
        Signature(Role.PORTFOLIO_HOLDER, "Cabinet Portfolio Holder"),
    ),
    endorsement=Endorsement(
        title="Partnership Endorsement",
        recommendation="Based on the information above, should the partnership be agreed and "
        "put forward for formal adoption at Cabinet?",
        guidance="Comments to be provided by the Monitoring Officer (or Deputy Monitoring "
        "Officer) and the Section 151 Officer (Director – Corporate Services) to provide their "
        "endorsement of the partnership or to provide details as to why the partnership will "
        "not be endorsed.",
        agreed="Agreed (put forward to Cabinet for formal approval if a significant partnership)",
    ),
)


YEARS = ("Year 1 (£)", "Year 2 (£)", "Year 3 (£)")


def numbered_rows(count: int) -> tuple[Row, ...]:
    """Empty numbered rows of a template's table to write in (a benefit, a risk ...)."""
    return tuple(Row(str(n), str(n)) for n in range(1, count + 1))


def two_columns(key, label, first, second, hint_first="", hint_second="", rows=5, required=1):
    """A template's table of two columns of words ("Benefit | Measure"), numbered rows, the
    first `required` of them to be answered."""
    return Table(
        key,
        label,
        rows=numbered_rows(rows),
        columns=(
            q("first", first, hint_first, Kind.TEXT, max_length=1000),
            q("second", second, hint_second, Kind.TEXT, max_length=1000),
        ),
        required_rows=required,
    )


def arrangements_summary(key, label, required=True):
    """8.2 / 8.3 Summary of arrangements: each authority's side of the service."""
    return Table(
        key,
        label,
        rows=(
            Row("salary_costs", "Salary costs (including oncosts)"),
            Row("staff_fte", "Staff numbers (FTE)"),
            Row("staff_actual", "Staff numbers (actual)"),
            Row("scope", "Scope of service"),
            Row("performance", "Performance levels"),
            Row("it_systems", "Current IT systems in use"),
        ),
        columns=(
            q("gravesham", "Gravesham BC", kind=Kind.TEXT, max_length=1000),
            q("partner", "Partner authority", kind=Kind.TEXT, max_length=1000),
        ),
        required=required,
        intro=""
        if not required
        else "Scope of service: provide details of the areas of work covered by the "
        "departments/teams at each authority to identify similarities/differences. "
        "Performance levels: list key performance indicators and most recent outturns. "
        "Current IT systems: provide details of the key IT systems currently being used by "
        "the service.",
    )


def option(number: int, required=True) -> Section:
    """One option of the business case (Appendix 2, 10.1), with its 3-year financial
    summary whose total savings the portal computes."""
    summary_rows = (
        "Investment/set-up costs",
        "Additional ongoing costs",
        "Staff cost savings at GBC",
        "Staff cost savings at the partner authority",
    )
    return Section(
        f"option_{number}",
        f"10.1.{number} Option {number}",
        (
            q(f"option_{number}_description", "Description of the option", required=required),
            Table(
                f"option_{number}_project",
                "Project",
                rows=(Row("1", "Project"),),
                columns=(
                    q("lead", "Responsible Lead", kind=Kind.TEXT, max_length=300),
                    q("stakeholders", "Other Stakeholders", kind=Kind.TEXT, max_length=1000),
                    q("implementation", "Implementation options", kind=Kind.TEXT, max_length=1000),
                ),
                required=False,
            ),
            q(
                f"option_{number}_structure",
                "Organisation/department structure for this option",
                "Liaise with the Corporate Change Manager re: format for this.",
                required=False,
            ),
            q(
                f"option_{number}_benefits",
                "Key Benefits of this arrangement",
                "Key benefits to either organisation of taking this option forward.",
                required=required,
            ),
            q(
                f"option_{number}_disadvantages",
                "Key disadvantages of this arrangement",
                "Any potential disadvantages to either authority of taking this option forward.",
                required=required,
            ),
            q(
                f"option_{number}_risks",
                "Risks of progressing the option",
                "Identify any risks associated with progressing this option.",
                required=required,
            ),
            q(f"option_{number}_mitigation", "Mitigating factors", required=required),
            q(
                f"option_{number}_set_up_costs",
                "Investment/set-up costs",
                "Include all initial and one-off set-up costs.",
                required=False,
            ),
            q(
                f"option_{number}_ongoing_costs",
                "Additional ongoing costs",
                "Include any ongoing, additional costs resulting from this e.g. travel costs etc.",
                required=False,
            ),
            q(
                f"option_{number}_staff_costs",
                "Staff cost analysis",
                "Staff costs table (liaise with the Corporate Change Manager re: the costs "
                "spreadsheet template as well as the Finance Team).",
                required=False,
            ),
            Table(
                f"option_{number}_summary",
                f"Option {number} – Financial Summary",
                rows=summary_rows,
                columns=tuple(
                    Question(f"year_{i + 1}", label, Kind.MONEY) for i, label in enumerate(YEARS)
                ),
                totals=True,
                total_label="Total savings",
                required=required,
            ),
            q(
                f"option_{number}_evidence",
                "Evidence of similar projects (where applicable)",
                "Provide details of any areas where this type of arrangement has already been "
                "applied and whether it has been successful.",
                required=False,
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
            "cover",
            "Shared Services / Joint Working Business Case",
            (
                Fact("Shared service", text("name")),
                q(
                    "author",
                    "Author",
                    "Relevant Directors who will be presenting the report for approval at each "
                    "authority involved.",
                    Kind.TEXT,
                    max_length=300,
                    names_role="Directors presenting the business case",
                ),
                q(
                    "client",
                    "Client",
                    "Relevant departments involved at each authority.",
                    Kind.TEXT,
                    max_length=300,
                ),
            ),
        ),
        Section(
            "introduction",
            "1. Introduction and Strategic Requirements of the Service",
            (
                q(
                    "scope",
                    "1.1 Scope for shared service/joint working arrangements",
                    "Brief outline of the shared service/joint-working opportunities and the "
                    "services involved in the proposed arrangements.",
                ),
                Fact(
                    "1.2 Potential stakeholders/partners",
                    partners,
                    "The councils and/or any other organisations that may be involved in the "
                    "proposed arrangements.",
                ),
                q(
                    "current_provision",
                    "1.3 Current service provision arrangements of potential stakeholders/partners",
                    "Explain whether the existing services are in-house, shared or outsourced "
                    "and give high-level reporting lines. (NB: section 8 will provide details "
                    "of the existing working arrangements)",
                ),
                Fact(
                    "1.4 Contribution to key council objectives",
                    corporate_objectives,
                    "Service links to corporate plan or corporate objectives.",
                ),
                q(
                    "statutory_obligations",
                    "1.5 Statutory Obligations",
                    "List any statutory obligations regarding the service.",
                ),
            ),
        ),
        Section(
            "benefits",
            "2. Strategic and Operational Benefits of Joint Working",
            (
                two_columns(
                    "strategic_benefits",
                    "2.1 Strategic Benefits",
                    "Benefit",
                    "Measure",
                    "List the benefits to the councils and customers.",
                    "How will we know each 'benefit' has been achieved – satisfaction, "
                    "processing times etc?",
                ),
            ),
        ),
        Section(
            "constraints",
            "3. Constraints and Dependencies",
            (
                Group(
                    "3.1 Constraints to the project progressing",
                    (
                        q(
                            "organisational_constraints",
                            "Organisational Constraints",
                            "E.g. geographical locations, legal issues, cultural differences, "
                            "political issues",
                        ),
                        q(
                            "resource_constraints",
                            "Resource Constraints",
                            "E.g. system/equipment compatibility, staff terms & conditions, "
                            "other staff issues, availability of skill sets",
                        ),
                        q(
                            "time_constraints",
                            "Time Constraints",
                            "E.g. key deadlines which may impede the progression of this "
                            "arrangement",
                        ),
                    ),
                ),
                q(
                    "dependencies",
                    "3.2 Dependencies for the project progressing",
                    "Impact of other factors on the long-term viability or ongoing return on "
                    "investment of the project e.g. known or predicted future events",
                ),
            ),
        ),
        Section(
            "legal",
            "4. Legal and Constitutional/Governance Issues",
            (
                q(
                    "governance_issues",
                    "4.2 Committees, reporting and delegations",
                    "Details of committees and reporting mechanisms along with details of any "
                    "schemes of delegations in place and other constitutional issues that need "
                    "to be taken into account.",
                ),
            ),
            intro="4.1 The partnership/joint-working arrangement will be made pursuant to "
            "section 113 of the Local Government Act 1972, which allows a local authority to "
            "place any of its officers, who consent to the arrangement, at the disposal of "
            "another local authority on such terms as may be agreed between the parties.",
        ),
        Section(
            "equalities",
            "5. Equalities Impact Assessment",
            (
                Fact("Equalities impact recorded on the arrangement", text("equalities_impact")),
                q("equalities_customer", "What will be the equalities impact on the customer"),
                q(
                    "equalities_staff",
                    "What will be the equalities impact on officers/staff involved",
                ),
                q(
                    "equalities_negative",
                    "If there is any 'negative impact' on either groups, how will this be "
                    "resolved in order for the initiative to be progressed.",
                    required=False,
                ),
            ),
            intro="5.1 An equalities impact assessment should be undertaken for all proposed "
            "shared/joint-working proposals.",
        ),
        Section(
            "gdpr",
            "6. Consideration of General Data Protection Requirements (GDPR)",
            (
                Fact(
                    "6.1 Specific requirements in relation to GDPR",
                    text("data_protection_notes"),
                    "A consideration of any specific requirements in relation to GDPR should be "
                    "considered and recorded. A full Data Protection Impact Assessment may not "
                    "be required but if it is, it should be appended to the business case.",
                ),
            ),
        ),
        Section(
            "risks",
            "7. Risks",
            (
                two_columns(
                    "do_nothing_risks",
                    "7.1 'Do Nothing' Risks – if there is no change to existing arrangements",
                    "Risk identified",
                    "Action to mitigate risk",
                    "Risks to either council if there is no change to existing working "
                    "arrangements",
                    "Action that could be taken to mitigate this risk?",
                ),
            ),
        ),
        Section(
            "existing",
            "8. Existing Working Arrangements",
            (
                q(
                    "departmental_structures",
                    "8.1 Departmental Structures",
                    "Current departmental/team structures of both authorities (liaise with "
                    "Corporate Change Manager re: format for this).",
                ),
                arrangements_summary("summary", "8.2 Summary of arrangements"),
                arrangements_summary(
                    "summary_more",
                    "8.3 Summary of arrangements – where more than one department/team is involved",
                    required=False,
                ),
            ),
        ),
        Section(
            "evaluation",
            "9. Cost/Benefit Evaluation of Options and Recommendation",
            (
                q("evaluation", "9.1 Clear evaluation of the options contained in section 10."),
                q(
                    "recommendation",
                    "9.2 Recommended option including copy of financial summary box from "
                    "recommended option.",
                ),
            ),
        ),
        option(1),
        option(2),
        option(3, required=False),
        Section(
            "appendices",
            "Appendices",
            (
                q(
                    "notification_list",
                    "1.3 Notification List: the officers/Members to be notified when revisions "
                    "are made (name, job title, date)",
                    "This will normally include the Chief Executive and any other key "
                    "officers/Members.",
                    required=False,
                    names_role="Officers and Members notified",
                ),
                q(
                    "document_storage",
                    "1.4 Document storage: the department and council holding this document "
                    "and supporting information",
                    kind=Kind.TEXT,
                    max_length=300,
                    required=False,
                ),
            ),
            intro="1.1 Revision History: each saved version of this form is kept in the "
            "arrangement's history, with its date. 1.2 Approvals: the Monitoring Officers and "
            "Section 151 Officers are always included; their opinions and the approvals are "
            "printed below.",
        ),
    ),
    signatures=(
        Signature(Role.MONITORING_OFFICER, "Monitoring Officer", opinion=True),
        Signature(Role.SECTION_151_OFFICER, "Section 151 Officer", opinion=True),
        Signature(Role.DIRECTOR, "Director"),
        Signature(Role.LEADER, "Leader of the Executive"),
        Signature(Role.PORTFOLIO_HOLDER, "Cabinet Portfolio Holder"),
    ),
    endorsement=Endorsement(
        title="1.2 Approvals",
        recommendation="This document requires the following approvals:",
        guidance="The Monitoring Officers and Section 151 Officers at both sites will always "
        "be included.",
    ),
)

SOURCE = "Working in Partnership Framework 2021, Appendix 3"


def covers(key, label, hint="", required=True, when=()):
    return q(key, label, hint, Kind.YES_NO, required=required, when=when)


agreement_attached = documents(DocumentKind.AGREEMENT)
council_resources_a_year = money("council_resources_per_year")

IF_PUBLIC = "Only where the partnership will provide services directly to the public."
PUBLIC = ("serves_public", (True,))

PARTNERSHIP_AGREEMENT = CouncilForm(
    key=PARTNERSHIP_CHECKLIST.key,
    title="Drawing up a partnership agreement",
    council=COUNCIL,
    source=SOURCE,
    sections=(
        Section(
            "agreement",
            "The Partnership Agreement",
            (
                Fact("Name of Partnership", text("name")),
                Fact("Organisations involved and their contribution", partners),
                Fact("Partnership Agreement attached to the arrangement", agreement_attached),
            ),
            intro="The detail and complexity of any partnership agreement will vary according "
            "to the size and importance of the partnership and the resources it consumes, but "
            "the following key elements will apply in all cases.",
        ),
        Section(
            "aims",
            "Aims, objectives and rationale (1.1)",
            (
                Fact("Purpose, aims and objectives", text("purpose")),
                Fact("Why the council cannot achieve this alone", text("rationale")),
                covers(
                    "states_aims",
                    "Does the Agreement state the partnership's aims and objectives and what "
                    "it plans to actually achieve?",
                ),
                covers(
                    "states_rationale",
                    "Does the Agreement outline the rationale for forming the partnership, "
                    "including why it will enable the partners collectively to achieve results "
                    "that could not be achieved by each of them acting independently or by some "
                    "other means?",
                ),
            ),
            intro="The council and its partners should agree, and state within the Partnership "
            "Agreement:",
        ),
        Section(
            "duration",
            "Duration and renewal (1.2)",
            (
                Fact("Date partnership due to commence and to terminate", dates),
                covers(
                    "states_duration",
                    "Does the Agreement state whether the partnership is intended to last "
                    "indefinitely or for a fixed period (and if so, how long)?",
                ),
                covers(
                    "states_renewal",
                    "Does it provide details of any renewal arrangements for the partnership?",
                ),
            ),
        ),
        Section(
            "governance",
            "Governance arrangements (1.3)",
            (
                Fact(
                    "Governance arrangements in place (or drafted ready for formal approval)",
                    governance_in_place,
                ),
                covers(
                    "sets_out_governance",
                    "Does the Agreement clearly set out the governance arrangements for the "
                    "partnership?",
                    "Covered fully in section 4 of the framework (4.3 a to m): membership, "
                    "representation, decisions, meetings, recording and reporting decisions, "
                    "review of performance and finances, declarations and conflicts of "
                    "interest, ethical standards, amending the Agreement and breaches of it.",
                ),
            ),
        ),
        Section(
            "public",
            "Services to the public (1.4)",
            (
                covers(
                    "serves_public",
                    "Will the partnership provide services directly to the public?",
                ),
                covers(
                    "public_information",
                    "Does the Agreement require it to adopt and publish agreed arrangements "
                    "for informing and consulting the public about the services provided?",
                    IF_PUBLIC,
                    when=PUBLIC,  # asked, and needed, where it serves the public
                ),
                covers(
                    "public_complaints",
                    "Does the Agreement require it to adopt and publish agreed arrangements "
                    "for handling complaints, with the aim of ensuring that they are resolved "
                    "speedily and without 'buck-passing'?",
                    IF_PUBLIC,
                    when=PUBLIC,  # asked, and needed, where it serves the public
                ),
                covers(
                    "public_performance",
                    "Does the Agreement require it to adopt and publish agreed performance "
                    "monitoring and performance reporting procedures?",
                    IF_PUBLIC,
                    when=PUBLIC,  # asked, and needed, where it serves the public
                ),
            ),
        ),
        Section(
            "finance",
            "Funding and resources (1.5)",
            (
                Fact("Overall partnership budget", money("overall_budget")),
                Fact("Resource input by Gravesham Borough Council", council_resources_a_year),
                covers(
                    "funding_responsibilities",
                    "Does the Agreement clearly set out the responsibilities for providing "
                    "funding for the partnership?",
                ),
                covers(
                    "spending_authority",
                    "Does it set out who has the authority to make decisions on how the "
                    "partnership's money and other resources are to be spent?",
                ),
                covers(
                    "reallocation",
                    "Does it set out whether and how resources can be re-allocated between "
                    "various activities?",
                ),
                covers(
                    "financial_reporting",
                    "Does it set out the partnership's financial reporting arrangements "
                    "(including arrangements for reporting back to the Council and the other "
                    "partners)?",
                ),
            ),
            intro="Each Partnership Agreement should set out the following matters clearly.",
        ),
        Section(
            "information",
            "Information sharing, data protection and confidentiality (1.6)",
            (
                Fact("Is personal data shared?", yes_no("shares_personal_data")),
                Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
                covers(
                    "information_protocol",
                    "Does the Agreement require the partnership to adopt an information "
                    "sharing, data protection and confidentiality protocol?",
                ),
                covers(
                    "protocol_informed",
                    "Does the protocol ensure that all the partners are kept informed about "
                    "matters of mutual interest and concern in order to build trust and "
                    "understanding across the partnership?",
                ),
                covers(
                    "protocol_confidentiality",
                    "Does it ensure that the confidentiality of privileged information is "
                    "respected by all partners?",
                ),
                covers(
                    "protocol_data_protection",
                    "Does it ensure that a consistent and agreed approach is taken to data "
                    "protection and client confidentiality?",
                    "In those partnerships handling and sharing personally identifiable "
                    "information.",
                    required=False,
                ),
                covers(
                    "protocol_indemnities",
                    "Does it ensure that suitable indemnities are provided when considered "
                    "appropriate by the Monitoring Officer (or Deputy Monitoring Officer)?",
                ),
            ),
        ),
        Section(
            "foi",
            "Freedom of Information (1.7)",
            (
                covers(
                    "foi_protocol",
                    "Does the Agreement include a specific protocol for dealing with Freedom "
                    "of Information (FOI) requests?",
                ),
                q(
                    "foi_officer",
                    "Who is designated as the FOI officer for the partnership?",
                    "One officer from a public sector organisation, who consults other partners "
                    "as necessary regarding any potentially contentious enquiries.",
                    Kind.TEXT,
                    max_length=200,
                    names_role="FOI officer for the partnership",
                ),
            ),
        ),
        Section(
            "ending",
            "Disputes, exit and dissolution (1.8)",
            (
                Fact("Exit strategy", text("exit_strategy")),
                covers(
                    "disputes",
                    "Does the Agreement provide for resolution of disputes between partners?",
                ),
                covers(
                    "exit_details",
                    "Does it include details of an 'exit strategy' for the partnership members?",
                ),
                covers(
                    "dissolution",
                    "Does it provide for dissolution of the partnership by mutual agreement or "
                    "on completion of agreed purposes (as appropriate)?",
                ),
                covers(
                    "withdrawal",
                    "Does it provide for the withdrawal of individual partners from a "
                    "continuing partnership?",
                ),
                covers(
                    "exit_equalities",
                    "Within the 'exit strategy', does the agreement ensure that proper "
                    "consideration is given to the Equalities Act 2010, and the impact that "
                    "dissolution will have on the equalities protected characteristics?",
                ),
                covers(
                    "exit_safeguarding",
                    "Within the 'exit strategy', does the agreement ensure that proper "
                    "consideration is given to the Children Act 2004 (s11) and Care Act 2014 "
                    "(s42) and the impact that dissolution will have on the council's statutory "
                    "duty to safeguard and promote the welfare of children and vulnerable "
                    "adults?",
                ),
                covers(
                    "exit_resources",
                    "Do these provisions include arrangements for the disposition of any "
                    "resources contributed by the council and held by or for the partnership, "
                    "and for dealing with any outstanding liabilities that could fall on the "
                    "council?",
                ),
            ),
            intro="The Agreement must also include provision for these.",
        ),
        Section(
            "service_level",
            "Service level agreements (2 and 3)",
            (
                covers(
                    "service_level_agreements",
                    "Will specific service level agreements be needed for further key projects "
                    "or work streams?",
                    "It may not always be necessary: the partnership decides whether the work "
                    "is covered by the overall partnership agreement or if something more "
                    "specific is required.",
                    required=False,
                ),
            ),
        ),
    ),
)

SHARED_SERVICE_AGREEMENT = CouncilForm(
    key=SHARED_SERVICE_CHECKLIST.key,
    title="Drawing up a shared service agreement",
    council=COUNCIL,
    source=SOURCE,
    sections=(
        Section(
            "agreement",
            "The Shared Service Agreement",
            (
                Fact("Shared service", text("name")),
                Fact("Type of shared working arrangement", choice("type")),
                Fact("Partners", partners),
                Fact("Shared service agreement attached to the arrangement", agreement_attached),
            ),
            intro="The detail and complexity of any shared service agreement will vary "
            "according to the level of the shared working arrangement in place and the "
            "resources it consumes. Joint Manager and Joint Officer arrangements are likely to "
            "be a lot less in-depth than the full shared service; this does not however take "
            "away from the importance of having a formal agreement in place.",
        ),
        Section(
            "service",
            "Delegation, provision and accommodation (1.1 to 1.3)",
            (
                covers(
                    "delegation",
                    "Does the agreement give details of how the functions of each "
                    "organisation are delegated?",
                    "As required.",
                    required=False,
                ),
                covers(
                    "provision",
                    "Does it say how the services are to be provided within the shared service?",
                ),
                covers(
                    "accommodation",
                    "Accommodation: does it give details of where the shared service will be "
                    "situated and where officers will be expected to visit as part of their "
                    "duties?",
                ),
            ),
        ),
        Section(
            "staff",
            "Staff transfers (1.4)",
            (
                covers(
                    "staff_transfers",
                    "Staff transfers: does it give details of how staff will be transferred as "
                    "part of the shared working arrangement, along with details of how and when "
                    "this will take effect?",
                    "If required.",
                    required=False,
                ),
            ),
        ),
        Section(
            "funding",
            "Funding, assets and liabilities (1.5 and 1.6)",
            (
                Fact("Resource input by Gravesham Borough Council", council_resources_a_year),
                covers(
                    "funding",
                    "Funding: does it give details of how the shared service will be funded by "
                    "those parties involved and how the payments are to be made?",
                ),
                covers(
                    "assets_liabilities",
                    "Does it give details of any assets and liabilities that need to be taken "
                    "into account in the agreement?",
                ),
            ),
        ),
        Section(
            "termination",
            "Termination (1.7)",
            (
                Fact("Exit strategy", text("exit_strategy")),
                covers(
                    "termination",
                    "Termination: does it give details of how the arrangement can be "
                    "terminated, including the notice period required?",
                ),
            ),
        ),
        Section(
            "foi",
            "Freedom of Information (1.8)",
            (
                covers(
                    "foi",
                    "Does it say how Freedom of Information requests will be dealt with within "
                    "the shared service?",
                ),
            ),
        ),
        Section(
            "scope",
            "Scope of service (1.9)",
            (
                covers(
                    "scope_annex",
                    "Scope of service: does the agreement provide, as an annex to the "
                    "agreement, a detailed description of the services that will be provided "
                    "by the shared service?",
                ),
            ),
        ),
        Section(
            "safeguarding_gdpr",
            "Safeguarding and GDPR (1.10 and 1.11)",
            (
                Fact(
                    "How the arrangement contributes to the council's Safeguarding objectives",
                    text("safeguarding_impact"),
                ),
                Fact("Is personal data shared?", yes_no("shares_personal_data")),
                Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
                covers(
                    "safeguarding",
                    "Safeguarding: does it give details of how the establishment of the "
                    "arrangement is likely to aid the council in fulfilling its statutory duty "
                    "to safeguard and promote the welfare of children and vulnerable adults?",
                    "As relevant.",
                    required=False,
                ),
                covers(
                    "gdpr",
                    "Does it set out any specific requirements in relation to the General Data "
                    "Protection Regulations (GDPR) that are appropriate to the service?",
                ),
            ),
        ),
    ),
)

# The shared service reviews (Appendix 4, G 6.7): filled for a review occasion, not for
# approval, by the officer responsible for the shared service. The review date is the date
# the review is submitted, printed under "Completed by", so it is not asked.
REVIEW_SOURCE = "Working in Partnership Framework 2021, Appendix 4{}"


def review_header(author):
    return (
        Fact("Shared service", text("name")),
        Fact("Shared service commenced", on_date("start_date")),
        Fact(author, person("lead_officer")),  # the officer responsible for it
    )


def asked_yes_no(key, label):
    return q(key, label, kind=Kind.YES_NO)


def details(key, label, hint, when=None):
    """The template's "please provide details", required when `when` (the question's key
    and the answers that ask for them) is met; without `when`, optional."""
    return q(key, label, hint, required=when is not None, when=when or ())


YES = (True,)
NOT_MET = ("no", "in_part")

# Both reviews end with a list of recommendations; next year's 4b carries it forward.
RECOMMENDATIONS = "recommendations"

INITIAL_SHARED_SERVICE_REVIEW = CouncilForm(
    key=INITIAL_REVIEW.key,
    title="Shared Service Review Template (initial)",
    council=COUNCIL,
    source=REVIEW_SOURCE.format("a"),
    sections=(
        Section(
            "review",
            "Review of the Shared Service",
            review_header("Author(s)"),
            intro="In line with all shared service/shared working arrangements, it is necessary "
            "to undertake an annual review of the arrangement. The purpose of the review is "
            "two-fold; to ensure that the shared service is delivering against its agreed "
            "objectives and to identify any improvements/changes that need to be made to "
            "ensure the successful continuation of the arrangement.",
        ),
        Section(
            "objectives",
            "Objectives",
            (
                Fact(
                    "The objectives identified for the shared service are as follows",
                    objectives,
                ),
            ),
        ),
        Section(
            "findings",
            "Review Findings",
            (
                q(
                    "objectives_met",
                    "1. Has the shared service delivered on the objectives that are set out "
                    "on page two of the review document?",
                    kind=Kind.CHOICE,
                    choices=(("yes", "Yes"), ("no", "No"), ("in_part", "In part")),
                ),
                details(
                    "objectives_met_details",
                    "1. Details of how the objectives have been met",
                    "Please provide details of how the objectives have been met.",
                    when=("objectives_met", ("yes", "in_part")),
                ),
                details(
                    "objectives_not_met_reasons",
                    "1. If they haven't been met or have been met in part: the reasons, and any "
                    "action identified to rectify this",
                    "If they haven't been met or have been met in part, please provide the "
                    "reasons for this and any action identified to rectify this.",
                    when=("objectives_met", NOT_MET),
                ),
                asked_yes_no(
                    "unforeseen_benefits",
                    "2. Have there been any other, unforeseen benefits, as a result of the "
                    "shared service?",
                ),
                details(
                    "unforeseen_benefits_details",
                    "2. If 'Yes': details of the unforeseen benefits",
                    "Please provide details of any other benefits, which were not anticipated "
                    "at the start, which have come about as a result of the shared service.",
                    when=("unforeseen_benefits", YES),
                ),
                asked_yes_no(
                    "unforeseen_issues",
                    "3. Have there been any unforeseen issues or problems resulting from the "
                    "shared service?",
                ),
                details(
                    "unforeseen_issues_details",
                    "3. If 'Yes': details of the unforeseen issues or problems",
                    "Please provide details of any other issues of problems that have arisen "
                    "which were not previously identified and how these have been "
                    "managed/rectified.",
                    when=("unforeseen_issues", YES),
                ),
                q(
                    "financial_impact",
                    "4. What has been the financial impact of the shared service on both "
                    "authorities?",
                    "Please provide details of the financial impact of the shared service i.e. "
                    "confirmation of any savings achieved, if these are above/below anticipated "
                    "levels, any costs that were not previously considered or have arisen etc.",
                ),
                q(
                    "officer_feedback",
                    "5. Feedback from officers involved in the shared service:",
                    "Please provide details of feedback that you have received from officers "
                    "involved in the shared service. This section could be completed via a "
                    "short team meeting for example, whereby officers views are sought.",
                ),
            ),
            intro="How is the shared service operating?",
        ),
        Section(
            "moving_forward",
            "Moving forward with the shared service",
            (
                asked_yes_no(
                    "continues",
                    "6. Based on the review that has been undertaken will the shared service "
                    "continue to operate?",
                ),
                details(
                    "not_continuing",
                    "6. If 'No': why it should not continue, and the exit plans",
                    "If 'No' please provide details of why it is felt that the shared service "
                    "should not continue and any exit plans that have been discussed/agreed.",
                    when=("continues", (False,)),
                ),
                details(
                    "changes_required",
                    "6. If 'Yes': the changes required, and how they will be addressed",
                    "If the answer is 'Yes' but there are changes that need to be made to "
                    "ensure the shared service is effective, please provide details of the "
                    "changes that are required and how they will be addressed.",
                ),
                details(
                    "key_areas",
                    "7. If the shared service is to continue to operate, what are the key "
                    "areas of focus for the coming year for both authorities?",
                    # The seed's words: its question 5 is the question 6 above.
                    "If answered 'Yes' to question 5, please provide details of the key aspects "
                    "of work that are going to be undertaken in the year in order to ensure the "
                    "shared service continues and is further strengthened.",
                    when=("continues", YES),
                ),
            ),
        ),
        Section(
            "recommendations",
            "Summary of recommendations",
            # The seed's three lines on paper; on the web, one list of five.
            (ListOf(RECOMMENDATIONS, "Recommendation", paper_rows=3),),
            intro="Please list any recommendations that you feel need to be reviewed by the "
            "relevant Directors at both authorities. This may include changes to processes or "
            "potential supplement increases (if applicable) if it is felt that partnership is "
            "working well.",
        ),
    ),
)


# Appendix 4b's tables take their rows from the register: a row for each of the
# arrangement's objectives and key performance measures (keyed by pk), and one for each of
# the recommendations of the previous year's review (4a or 4b). Printed blank they have the
# seed's empty rows (five, five and two). The outturns (and any target the register lacks)
# are recorded in the register's measure results when the review is submitted.
LATER_SHARED_SERVICE_REVIEW = CouncilForm(
    key=LATER_REVIEW.key,
    title="Shared Service Review Template (from year three onwards)",
    council=COUNCIL,
    source=REVIEW_SOURCE.format("b"),
    sections=(
        Section("shared_service", "Shared Service", review_header("Author")),
        Section(
            "overview",
            "Overview of the shared service arrangement",
            (
                q(
                    "overview",
                    "Overview of the shared service arrangement:",
                    "A summary of the structure of the shared service and the services "
                    "provided. Include any details of changes that have taken place with "
                    "regards to the shared service in the past 12 months.",
                ),
            ),
        ),
        Section(
            "objectives",
            "Progress against objectives:",
            (
                Table(
                    "progress",
                    "Progress against objectives",
                    columns=(q("update", "Update"),),
                    rows_from=objective_rows,
                    row_heading="Objective",
                    empty="The arrangement has no objectives in the register: add them on the "
                    "arrangement's page.",
                ),
            ),
        ),
        Section(
            "measures",
            "Key performance measures:",
            (
                Table(
                    "measures",
                    "Key performance measures",
                    columns=(
                        q("target", "Target {year}", kind=Kind.NUMBER, decimal_places=2),
                        q("outturn", "Outturn {year}", kind=Kind.NUMBER, decimal_places=2),
                    ),
                    rows_from=measure_rows,
                    row_heading="Key performance measure",
                    empty="The arrangement's objectives have no key performance measures in "
                    "the register: add them on the arrangement's page.",
                    on_submit=record_measure_results,
                ),
            ),
            intro="The target and outturn for the financial year the review reports on (for a "
            "review of 2027, the year ending 31 March 2027). A target already in the register "
            "is shown; submitting the review records the outturns in the register.",
        ),
        Section(
            "previous",
            "Update against recommendations identified in previous year review:",
            (
                Table(
                    "previous",
                    "Update against recommendations identified in previous year review",
                    columns=(q("update", "Update"),),
                    rows_from=carried_forward(
                        RECOMMENDATIONS, (INITIAL_REVIEW.key, LATER_REVIEW.key)
                    ),
                    blank_rows=2,
                    row_heading="Objective",
                    empty="No recommendations to update: no review of the previous year has "
                    "been submitted for this arrangement.",
                ),
            ),
        ),
        Section(
            "recommendations",
            "Recommendations/Service Improvements for the coming year:",
            # The seed's two lines on paper; on the web, one list of five.
            (ListOf(RECOMMENDATIONS, "Recommendation", required=1, paper_rows=2),),
        ),
    ),
)


FORMS = (
    EVALUATION,
    BUSINESS_CASE,
    PARTNERSHIP_AGREEMENT,
    SHARED_SERVICE_AGREEMENT,
    INITIAL_SHARED_SERVICE_REVIEW,
    LATER_SHARED_SERVICE_REVIEW,
)
