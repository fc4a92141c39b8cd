"""Gravesham's Partnership Evaluation (Appendix 1) as the council's template has it: every row
of the seed read back from the PDF in its order, filled and blank; the partners by the
template's five groups; the council's resources by budget, staff and in kind; the
Significant / Other boxes ticked by the policy's category; each governance row answered
Yes / No with where it is held (and recorded in the register when submitted); the
endorsement with its recommendation and a signature column. Bad answers are refused with a
message and nothing saved; what an officer types is printed as text."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from approvals.models import Outcome
from register.choices import GovernanceItem, Sector
from register.council_forms import DEFINITIONS
from register.council_forms.facts import PARTNER_GROUPS
from register.models import FormResponse, FormStatus
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, person
from tests.factories import PartnerFactory, UserFactory
from tests.pdf_text import body_text, in_order
from tests.publication_helpers import live
from tests.test_approvals import submit
from tests.test_council_forms import complete_answers
from tests.test_publication import entry_of

pytestmark = pytest.mark.django_db

EVALUATION = DEFINITIONS["gravesham_evaluation"]

# Every row of the template (G Appendix 1, from "Gravesham Borough Council Partnership
# Evaluation" to "Cabinet Portfolio Holder"), in the seed's order and words.
SEED_ROWS = (
    "Partnership Assessment",
    "Name of Partnership",
    "Date partnership due to commence",
    "Date partnership due to terminate (if applicable)",
    "Statutory Status",
    "Where will the partnership operate (please specify)",
    "Lead Organisation (if applicable)",
    "Overall resources available to the partnership",
    "Overall partnership budget",
    "Has external funding been secured for the partnership? If so, how much and what will it "
    "be used for?",
    "Potential external funding that could be sought?",
    "Number of dedicated staff (FTE and costs if possible)",
    "Other (e.g. resources provided in kind)",
    "Organisation involved in the partnership and budgetary contribution",
    "Name",
    "Contribution (£)",
    "Businesses/Private Sector",
    "Individuals",
    "Community Groups",
    "Voluntary Sectors",
    "Other",
    "Resource input by Gravesham Borough Council",
    "Dedicated budget",
    "Staffing (enter number of staff and estimation of time in working days per year)",
    "Other (e.g. resources provided in kind)",
    "Member input to the partnership (if 'Yes' please specify which Member and their role in "
    "the partnership)",
    "Does the partnership contribute to the council's overall corporate objectives? (if 'Yes' "
    "please identify, in detail)",
    "What are the anticipated outcomes for the council?",
    "Lead officer from Gravesham Borough Council",
    "Name and title of person completing the assessment and date",
    "Significant partnership¹",
    "If this is to be a 'significant' partnership, please complete the self-assessment form fully.",
    "Other partnership",
    "If this is to be an 'other' partnership please complete the self-assessment form;",
    "¹ A significant partnership is defined as a partnership for which there is a council "
    "resource provision of £50,000 or greater",
    "Benefits analysis",
    "What is the partnership planning to achieve?",
    "What evidence is there that this is needed (e.g. from research and analysis or from "
    "experience elsewhere)?",
    "Will it make a contribution to achieving the council's own aims and objectives? If so, "
    "what are the corporate priorities/targets that the partnership will help to deliver?",
    "What are the contributions towards the council's objectives that will be made by the "
    "partnership in the first year?",
    "What will be the outcomes for the community as a result of the partnership?",
    "If the partnership is not established, what are the alternatives for delivery of the "
    "objectives?",
    "What are the consequences of not establishing the partnership?",
    "How will we know if the partnership is a success?",
    "How does the partnership contribute to the council's overall Safeguarding objectives?",
    "Costs analysis",
    "What is the estimated financial cost of setting up the partnership (for GBC)?",
    "What is the estimated financial cost of running the partnership (for GBC)?",
    "What additional resources are required for the partnership, provided by GBC?",
    "What other potential sources of income exist and have they been explored?",
    "Will the creation of this partnership have an impact on the council's ability to deliver "
    "any other services/objectives?",
    "How will the partnership be able to demonstrate value for money?",
    "Risk analysis",
    "Has a risk assessment of the proposed partnership been undertaken",
    "How likely is it that something could cause serious problems",
    "Does the council and partners have adequate insurance to cover the partnership?",
    "Where there are risks not covered by insurance, is it possible to insure against any of "
    "these risks?",
    "What does experience elsewhere tell us about how risky this type of partnership is?",
    "Is it possible that the nature of the risks involved and their impact on the partnership "
    "could change dramatically over the expected life of the partnership (e.g. due to "
    "demographic changes, political or economic uncertainties)?",
    "Equalities Analysis",
    "Does the proposed partnership support the council's Equalities Aims and Objectives",
    "How will the partnership operate in terms of ensuring equality across the nine protected "
    "characteristics?",
    "If there is any 'negative impact', what action will be taken to mitigate it?",
    "General Data Protection Regulations (GDPR)",
    "Does the proposed partnership pose any potential issues in respect of GDPR? If so, what "
    "and how are these to be overcome?",
    "Climate Change",
    "Does the proposed partnership contribute to the council's overall Climate Change commitment?",
    "Partnership Governance Arrangements",
    "The partnership has the following governance arrangements in place (or drafted ready for "
    "formal approval):",
    "Terms of reference and/or Constitution",
    "Eligibility for membership and rules for the admission of new partners",
    "Rules for making decisions on behalf of the partnership",
    "Rules governing meetings (frequency, notice, quorum, chairing, voting, etc.)",
    "Rules for recording decisions and reporting them to the partners and to the public",
    "Policy for managing conflicts in the partnership",
    "Code for maintaining ethical standards",
    "A (draft) Partnership Agreement outlining the above",
    "Performance monitoring arrangements",
    "Financial monitoring arrangements",
    "Risk monitoring arrangements",
    "Dealing with public complaints and compliments",
    "Audit requirements",
    "NB: a number of the above may be included within the Constitution and/or terms of "
    "reference and therefore may not be separate documents.",
    "Partnership Exit Strategy",
    "Please provide details of the 'exit strategy' that has been discussed in relation to the "
    "partnership.",
    "Partnership Endorsement",
    "Officer completing the form",
    "Date",
    "Based on the information above, should the partnership be agreed and put forward for "
    "formal adoption at Cabinet?",
    "Comments to be provided by the Monitoring Officer (or Deputy Monitoring Officer) and the "
    "Section 151 Officer (Director – Corporate Services)",
    "Signature",
    "Monitoring Officer (or Deputy Monitoring Officer)",
    "Section 151 Officer (Director – Corporate Services)",
    "Agreed (put forward to Cabinet for formal approval if a significant partnership)",
    "Signature",
    "Chief Executive/Director",
    "Leader of the Executive",
    "Cabinet Portfolio Holder",
)
GOVERNANCE_ROWS = SEED_ROWS[
    SEED_ROWS.index("Terms of reference and/or Constitution") : SEED_ROWS.index(
        "Audit requirements"
    )
    + 1
]


def fill_url(arrangement):
    return reverse("council_forms:fill", args=[arrangement.reference, "approval", EVALUATION.key])


def pdf_url(arrangement):
    return reverse("council_forms:pdf", args=[arrangement.reference, "approval", EVALUATION.key])


def blank_url():
    return reverse("council_forms:blank", args=[EVALUATION.key])


def squeeze(text):
    return "".join(text.split())


def cell(row_key, column):
    return f"governance__{row_key}__{column}"


@pytest.fixture
def arrangement(lead_officer):
    """A demo-like 'other' partnership with a partner in each of the template's groups."""
    arrangement = other_partnership(
        name="Northfleet Dementia Friendly Town",
        lead_officer=lead_officer,
        overall_budget=Decimal("64000"),
        external_funding=Decimal("20000"),
        external_funding_use="Two dementia navigators",
        cash_per_year=Decimal("8000"),
        staff_fte=Decimal("0.5"),
        staff_working_days=110,
        staff_cost_per_year=Decimal("12000"),
        in_kind_per_year=Decimal("1500"),
        in_kind_description="Meeting rooms at the Civic Centre",
        member_involvement="Cllr Ann Smith, dementia champion",
        governance_in_place=[GovernanceItem.TERMS_OF_REFERENCE, GovernanceItem.AUDIT],
    )
    for name, sector, per_year in (
        ("Bluewater Shopping Ltd", Sector.PRIVATE, Decimal("5000")),
        ("Joan Carer", Sector.INDIVIDUAL, None),
        ("Northfleet Residents Group", Sector.COMMUNITY, None),
        ("Alzheimer's Society", Sector.VOLUNTARY, Decimal("2500")),
        ("NHS Kent and Medway", Sector.HEALTH, Decimal("10000")),
    ):
        PartnerFactory(
            arrangement=arrangement, name=name, sector=sector, contribution_per_year=per_year
        )
    return arrangement


def submitted_answers(**changes):
    answers = {**complete_answers(EVALUATION), "completed_by": "Priya Sharma, Manager"}
    return {**answers, **changes, "action": "submit"}


def test_every_row_of_the_template_is_read_back_from_the_blank_pdf_in_its_order(
    lead_officer_client,
):
    response = lead_officer_client.get(blank_url())
    assert response.status_code == 200
    assert in_order(body_text(response.content), SEED_ROWS) == []


def test_every_row_of_the_template_is_read_back_from_the_filled_pdf_in_its_order(
    lead_officer_client, arrangement
):
    response = lead_officer_client.post(fill_url(arrangement), submitted_answers())
    assert response.status_code == 302
    pdf = lead_officer_client.get(pdf_url(arrangement))
    assert in_order(body_text(pdf.content), SEED_ROWS) == []


def test_the_blank_form_can_be_filled_on_paper(lead_officer_client):
    text = body_text(lead_officer_client.get(blank_url()).content)
    # Each governance row has its Yes / No to circle, in the row.
    rows = [squeeze(row) + "Yes/No" for row in GOVERNANCE_ROWS]
    assert in_order(text, rows) == []
    # The template's prompts: external funding Yes / No and £, staff FTE and working days.
    assert (
        in_order(
            text,
            [
                "Overall partnership budget£",
                "what will it be used for?Yes/No£Use:",
                "Staffing (enter number of staff and estimation of time in working days per year)"
                "FTENo.workingdays",
                "Member input",
                "Yes/No",
            ],
        )
        == []
    )
    # No box is ticked on a blank form.
    assert "XSignificant" not in text and "XOther" not in text
    # The endorsement's signature and date columns are there to sign.
    assert "RoleNameCommentsSignatureDateMonitoringOfficer" in text
    assert "RoleNameDecisionSignatureDateChiefExecutive/Director" in text


def pdf_reads_in_order(client, arrangement, rows) -> list[str]:
    """The rows not read back, one after another, from the arrangement's evaluation PDF."""
    return in_order(body_text(client.get(pdf_url(arrangement)).content), rows)


def test_the_partners_are_in_the_templates_groups_with_their_contributions(
    lead_officer_client, arrangement
):
    assert (
        pdf_reads_in_order(
            lead_officer_client,
            arrangement,
            [
                "Businesses/Private Sector",
                "Bluewater Shopping Ltd",
                "£5,000 a year",
                "Individuals",
                "Joan Carer",
                "Community Groups",
                "Northfleet Residents Group",
                "Voluntary Sectors",
                "Alzheimer's Society",
                "£2,500 a year",
                "Other",
                "NHS Kent and Medway (Health)",
                "£10,000 a year",
                "Resource input by Gravesham Borough Council",
            ],
        )
        == []
    )


def test_the_councils_resources_and_the_external_funding_are_as_the_template_asks(
    lead_officer_client, arrangement
):
    assert (
        pdf_reads_in_order(
            lead_officer_client,
            arrangement,
            [
                "Overall partnership budget£64,000",
                "what will it be used for?Yes, £20,000 Use: Two dementia navigators",
                "Dedicated budget£8,000",
                "working days per year)0.5 FTE; 110 working days a year; costing £12,000 a year",
                "Other (e.g. resources provided in kind)£1,500 a year Meeting rooms at the Civic Centre",
                "their role in the partnership)Yes: Cllr Ann Smith, dementia champion",
            ],
        )
        == []
    )


@pytest.mark.parametrize(
    ("fields", "ticked", "not_ticked"),
    [
        ({}, "Otherpartnership", "Significantpartnership"),
        (
            {"cash_per_year": Decimal("50000")},  # G 1.11b: £50,000 or more, inclusive
            "Significantpartnership",
            "Otherpartnership",
        ),
        ({"is_fundamental_to_objective": True}, "Significantpartnership", "Otherpartnership"),
        # An ad hoc arrangement needs no evaluation form (G 2.13): neither box is ticked.
        ({"is_urgent": True, "end_date": datetime.date(2026, 12, 31)}, None, None),
    ],
    ids=["other", "significant by resources", "significant as fundamental", "ad hoc"],
)
def test_the_box_ticked_is_the_category_the_policy_gives(
    lead_officer_client, lead_officer, fields, ticked, not_ticked
):
    arrangement = other_partnership(lead_officer=lead_officer, **fields)
    text = body_text(lead_officer_client.get(pdf_url(arrangement)).content)
    assert text.count("XSignificantpartnership") == (ticked == "Significantpartnership")
    assert text.count("XOtherpartnership") == (ticked == "Otherpartnership")
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    if ticked:
        assert page.count(">Ticked</strong>") == 1
    else:
        assert ">Ticked</strong>" not in page


def test_the_governance_rows_start_from_what_the_register_holds(lead_officer_client, arrangement):
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    for key in GovernanceItem.values:
        yes = f'id="id_{cell(key, "in_place")}" name="{cell(key, "in_place")}" type="radio"'
        checked = key in (GovernanceItem.TERMS_OF_REFERENCE, GovernanceItem.AUDIT)
        assert (f'{yes} value="True" data-aria-controls' in page) is True
        assert (
            f'value="True" data-aria-controls="id_{cell(key, "in_place")}-conditional" checked'
            in page
        ) is checked


def test_submitting_records_each_governance_answer_in_the_register(
    lead_officer_client, arrangement
):
    answers = submitted_answers(
        **{
            cell(GovernanceItem.TERMS_OF_REFERENCE, "in_place"): "True",
            cell(GovernanceItem.TERMS_OF_REFERENCE, "where_held"): "Council SharePoint",
            cell(GovernanceItem.AUDIT, "in_place"): "False",
            cell(GovernanceItem.COMPLAINTS, "in_place"): "True",
            cell(GovernanceItem.COMPLAINTS, "where_held"): "Partnership website",
        }
    )
    for key in GovernanceItem.values:
        if key not in (GovernanceItem.TERMS_OF_REFERENCE, GovernanceItem.COMPLAINTS):
            answers[cell(key, "in_place")] = "False"
            answers.pop(cell(key, "where_held"), None)
    assert lead_officer_client.post(fill_url(arrangement), answers).status_code == 302
    arrangement.refresh_from_db()
    assert arrangement.governance_in_place == [
        GovernanceItem.TERMS_OF_REFERENCE,
        GovernanceItem.COMPLAINTS,
    ]
    assert arrangement.history.first().governance_in_place == arrangement.governance_in_place
    text = body_text(lead_officer_client.get(pdf_url(arrangement)).content)
    assert (
        in_order(
            text,
            [
                "Terms of reference and/or ConstitutionYesCouncil SharePoint",
                "Audit requirementsNo",
            ],
        )
        == []
    )


def test_a_draft_leaves_the_registers_governance_as_it_was(lead_officer_client, arrangement):
    data = {cell(GovernanceItem.AUDIT, "in_place"): "False", "action": "draft"}
    assert lead_officer_client.post(fill_url(arrangement), data).status_code == 302
    arrangement.refresh_from_db()
    assert GovernanceItem.AUDIT in arrangement.governance_in_place


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {cell("audit", "in_place"): "True", cell("audit", "where_held"): ""},
            cell("audit", "where_held"),
            "Answer: Audit requirements: Where it is held (you answered ‘Yes’ to ‘Audit "
            "requirements: In place (Yes / No)’)",
        ),
        (
            {cell("audit", "in_place"): ""},
            cell("audit", "in_place"),
            "Answer: Audit requirements: In place (Yes / No)",
        ),
        (
            {cell("audit", "in_place"): "Perhaps"},
            cell("audit", "in_place"),
            "Select Yes or No for ‘Audit requirements: In place (Yes / No)’",
        ),
        (
            {cell("audit", "where_held"): "x" * 301},
            cell("audit", "where_held"),
            "Audit requirements: Where it is held must be 300 characters or fewer",
        ),
        (
            {"completed_by": ""},
            "completed_by",
            "Answer: Name and title of person completing the assessment and date",
        ),
    ],
    ids=["yes without where held", "no answer", "not yes or no", "too long", "no name"],
)
def test_bad_answers_are_refused_with_a_message_and_nothing_is_saved(
    lead_officer_client, arrangement, changes, field, message
):
    response = lead_officer_client.post(fill_url(arrangement), submitted_answers(**changes))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f'href="#id_{field}"' in page
    assert not FormResponse.objects.exists()
    arrangement.refresh_from_db()
    assert arrangement.governance_in_place == ["terms_of_reference", "audit"]


def test_what_an_officer_types_is_shown_as_text_on_the_page_and_in_the_pdf(
    lead_officer_client, arrangement
):
    typed = "<b>Outcomes</b> =1+1 & more"
    held = "<script>alert(1)</script>"
    answers = submitted_answers(
        anticipated_outcomes=typed,
        **{cell("audit", "in_place"): "True", cell("audit", "where_held"): held},
    )
    assert lead_officer_client.post(fill_url(arrangement), answers).status_code == 302
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    assert "&lt;b&gt;Outcomes&lt;/b&gt; =1+1 &amp; more" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert typed not in page and held not in page
    text = body_text(lead_officer_client.get(pdf_url(arrangement)).content)
    assert squeeze(typed) in text
    assert squeeze(f"Audit requirementsYes{held}") in text


def test_the_name_and_title_of_the_person_completing_carries_the_date_submitted(
    lead_officer_client, arrangement
):
    lead_officer_client.post(fill_url(arrangement), submitted_answers())
    saved = FormResponse.objects.get()
    text = body_text(lead_officer_client.get(pdf_url(arrangement)).content)
    submitted_on = saved.submitted_at.strftime("%-d %B %Y")
    assert squeeze(f"and datePriya Sharma, Manager, {submitted_on}") in text


def test_the_endorsement_prints_each_opinion_and_decision_on_its_line_with_the_signature_column(
    lead_officer_client, arrangement
):
    approval_round = submit(arrangement)
    monitoring_officer = person(Role.MONITORING_OFFICER, first_name="Richard", last_name="Ellis")
    step = next(s for s in pending(approval_round) if s.role == Role.MONITORING_OFFICER)
    decide(step, monitoring_officer, Outcome.ENDORSE, comment="Sound governance")
    text = body_text(lead_officer_client.get(pdf_url(arrangement)).content)
    opinions = text.split("RoleNameCommentsSignatureDate", 1)[1].split("Agreed(put", 1)[0]
    assert opinions.startswith(squeeze("Monitoring Officer (or Deputy Monitoring Officer)"))
    assert "RichardEllis" in opinions and "Soundgovernance" in opinions
    assert "Recordedintheportal" in opinions
    # The Section 151 Officer has not given theirs: the line is left to sign.
    assert opinions.endswith(squeeze("Section 151 Officer (Director – Corporate Services)"))


def test_every_sector_is_in_one_of_the_templates_partner_groups():
    groups = [sector for _label, sectors in PARTNER_GROUPS for sector in sectors]
    assert sorted(groups) == sorted(Sector.values)
    assert [label for label, _sectors in PARTNER_GROUPS] == [
        "Businesses/Private Sector",
        "Individuals",
        "Community Groups",
        "Voluntary Sectors",
        "Other",
    ]


@pytest.mark.parametrize(
    ("names_allowed", "shown"),
    [(False, "An individual"), (True, "Joan Carer (Individual)")],
    ids=["withheld", "named where the council publishes names"],
)
def test_a_partner_taking_part_as_an_individual_is_not_named_in_the_published_register(
    register_owner, settings, names_allowed, shown
):
    settings.PUBLISH_PEOPLE_NAMES = names_allowed
    arrangement = live()
    PartnerFactory(arrangement=arrangement, name="Joan Carer", sector=Sector.INDIVIDUAL)
    partners = entry_of(register_owner, arrangement)["partners"]
    assert shown in partners
    assert ("Joan" in partners) is names_allowed


def test_the_page_of_a_submitted_evaluation_reads_each_governance_answer(
    lead_officer_client, arrangement
):
    answers = submitted_answers(
        **{cell("audit", "in_place"): "True", cell("audit", "where_held"): "Internal Audit plan"}
    )
    lead_officer_client.post(fill_url(arrangement), answers)
    assert FormResponse.objects.get().status == FormStatus.SUBMITTED
    other = UserFactory(roles=[Role.INTERNAL_AUDIT])
    lead_officer_client.force_login(other)
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    assert "Audit requirements</dt>" in page
    assert "Yes<br>Where it is held: Internal Audit plan" in page
    assert 'type="radio"' not in page
