"""Dartford's, Central Bedfordshire's and Brentwood's templates, and Gravesham's agreement
checklists (Appendix 3), read back from their PDFs, blank and filled, in the order and words
of the paragraphs of the council's document that each template is built from (D's toolkit is
on the intranet, CB and B give the lists a template must cover, G's Appendix 3 is a list of
key elements). The seed's words are compared
without regard to capitals, since a list item "does the Council need to be involved?" is a
row "Does the Council need to be involved?". Conditional questions ("if 'Yes', the
details") are refused when their answer asks them and is left blank, with nothing saved;
what an officer types is printed as text."""

from dataclasses import dataclass

import pytest
from django.test import override_settings
from django.urls import reverse

from register.choices import Status
from register.council_forms import BY_COUNCIL
from register.models import FormResponse
from register.occasions import APPROVAL, review
from tests.factories import ArrangementFactory, complete_answers
from tests.pdf_text import body_text, in_order

pytestmark = pytest.mark.django_db

REVIEW = review(2027)


@dataclass(frozen=True)
class Template:
    council: str
    key: str
    rows: tuple[str, ...]  # the seed's words, in its order
    occasion: object = APPROVAL

    @property
    def definition(self):
        return BY_COUNCIL[self.council][self.key]

    def __str__(self):
        return self.key


AGS = (
    # D 6(viii)
    "seriously prejudiced or prevented achievement of a principal objective",
    "need to seek additional funding to allow it to be resolved",
    "material impact on the accounts",
    "the Section 151 Officer has reported on it as significant in the annual opinion",
    "attracted significant public interest or has seriously damaged the reputation of the "
    "partnership",
    "formal action being taken by the Section 151 Officer and/or Monitoring Officer",
)
D_7_VIII = (
    "review of their financial performance in respect to adherence to budgets and any other "
    "financial targets",
    "review of delivery of the partnership's objectives (performance management backed up by "
    "reliable, high quality performance data)",
    "review of outputs (to ensure that the partnership represents value for money)",
    "review of the adequacy of reporting arrangements to the partners",
)

TEMPLATES = [
    # G Appendix 3, "Drawing up a partnership agreement" 1.1 to 1.8, 2 and 3.
    Template(
        "gravesham",
        "gravesham_partnership_agreement_checklist",
        (
            "Drawing up a partnership agreement",
            "the following key elements will apply in all cases",
            "(1.1)",
            "the partnership's aims and objectives and what it plans to actually achieve",
            "rationale for forming the partnership",
            "achieve results that could not be achieved by each of them acting independently "
            "or by some other means",
            "(1.2)",
            "intended to last indefinitely or for a fixed period (and if so, how long)",
            "renewal arrangements for the partnership",
            "(1.3)",
            "set out the governance arrangements for the partnership",
            "(1.4)",
            "provide services directly to the public",
            "informing and consulting the public about the services provided",
            "handling complaints, with the aim of ensuring that they are resolved speedily and "
            "without 'buck-passing'",
            "performance monitoring and performance reporting procedures",
            "(1.5)",
            "responsibilities for providing funding for the partnership",
            "authority to make decisions on how",
            "re-allocated between various activities",
            "financial reporting arrangements (including arrangements for reporting back",
            "(1.6)",
            "information sharing, data protection and confidentiality protocol",
            "kept informed about matters of mutual interest and concern",
            "confidentiality of privileged information is respected by all partners",
            "consistent and agreed approach is taken to data protection and client confidentiality",
            "suitable indemnities are provided when considered appropriate by the Monitoring "
            "Officer (or Deputy Monitoring Officer)",
            "(1.7)",
            "specific protocol for dealing with Freedom of Information (FOI) requests",
            "FOI officer for the partnership",
            "(1.8)",
            "resolution of disputes between partners",
            "'exit strategy' for the partnership members",
            "dissolution of the partnership by mutual agreement or on completion of agreed "
            "purposes (as appropriate)",
            "withdrawal of individual partners from a continuing partnership",
            "Equalities Act 2010",
            "Children Act 2004 (s11) and Care Act 2014 (s42)",
            "disposition of any resources contributed by the council",
            "service level agreements",
        ),
    ),
    # G Appendix 3, "Drawing up a shared service agreement" 1.1 to 1.11.
    Template(
        "gravesham",
        "gravesham_shared_service_agreement_checklist",
        (
            "Drawing up a shared service agreement",
            "how the functions of each organisation are delegated",
            "how the services are to be provided within the shared service",
            "Accommodation",
            "where the shared service will be situated and where officers will be expected to "
            "visit as part of their duties",
            "Staff transfers",
            "how staff will be transferred as part of the shared working arrangement",
            "Funding",
            "how the shared service will be funded by those parties involved and how the "
            "payments are to be made",
            "assets and liabilities that need to be taken into account in the agreement",
            "Termination",
            "how the arrangement can be terminated",
            "notice period required",
            "Freedom of Information",
            "Scope of service",
            "as an annex to the agreement, a detailed description of the services that will be "
            "provided by the shared service",
            "Safeguarding",
            "aid the council in fulfilling its statutory duty to safeguard and promote the "
            "welfare of children and vulnerable adults",
            "General Data Protection",
        ),
    ),
    # D 7(vii): what a 'minor' partnership's governance arrangements refer to, at least.
    Template(
        "dartford",
        "dartford_minor_governance",
        (
            "'Minor' partnerships should, as a minimum, have the following elements referred "
            "to in their governance arrangements",
            "partnership's name",
            "duration of partnership",
            "aims and objectives",
            "lead partner",
            "accountable body",
            "membership, including status of different members and termination of membership",
            "schemes of delegation",
            "powers",
            "roles",
            "income",
            "expenditure",
            "meetings",
            "quorum rules",
            "representation of other members",
            "decision-making processes (scope and timescales)",
            "minutes",
            "confidentiality",
            "amendments to",
            "partnership's governance",
            "insurance and risk sharing provisions",
            "business continuity arrangements",
            "risk management arrangements",
            "insurance arrangements",
            "data protection and freedom of information",
            "complaints and redress",
            "conduct provisions",
            "performance monitoring",
            "exit strategy",
            "arrangements for dissolution",
        ),
    ),
    # D 12(iv).
    Template(
        "dartford",
        "dartford_s151_financial_checklist",
        (
            "Where a partnership requires a financial commitment from the Council, the "
            "following should be satisfied and agreed by the Section 151 Officer (or nominee)",
            "Budget availability to fund",
            "partnership commitment",
            "Pending approvals within the partnership",
            "Budget monitoring arrangements",
            "Arrangements to deal with over",
            "under spends",
            "VAT arrangements",
            "retention in respect of external inspections",
            "Section 151 Officer (or nominee)",
        ),
    ),
    # Appendix 1: D 5(ii)'s criteria of a 'major' partnership and D 5(vii)'s score.
    Template(
        "dartford",
        "dartford_scorecard",
        (
            "Partnership Significance Assessment Scorecard",
            "provides a means for categorising the level of significance and/or risk of the "
            "partnership to the Council",
            "have an impact on the ability of the Council and other public sector "
            "organisations to deliver statutory services or duties",
            "high level strategic priorities for the Borough",
            "enhancing community engagement through the Council's community leadership role",
            "holistic themes affecting the Borough, such as community safety, the physical and "
            "economic environment",
            "significant additional resources",
            "resources or purchasing power to increase efficiency and effectiveness",
            "value for money in relation to economy, efficiency and effectiveness",
            "high public profile",
            "charged with developing specific strategies",
            "'held to account' for the delivery of strategies or plans",
            "responsible for delivering key initiatives",
            "some form of audit",
            "more stringent governance arrangements",
            "will indicate a 'minor' partnership. A score of 50%+, will indicate a 'major' "
            "partnership.",
            "re-categorisation",
        ),
    ),
    # Appendix 2: D 6(ii)'s factors, then D 6(v)'s risks and rewards.
    Template(
        "dartford",
        "dartford_business_case_checklist",
        (
            "Partnership Business Case Checklist",
            "testing the need for the partnership and whether it is appropriate for the "
            "Council to enter into partnership arrangements",
            "does the partnership contribute to the Council's purposes?",
            "does the partnership contribute to corporate priorities and objectives and help "
            "to achieve value for money?",
            "does the Council need to be involved?",
            "could another partnership provide either the same or similar function?",
            "does the partnership have clear terms of reference?",
            "is there an engagement and exit strategy?",
            "is it a group with a specific task and a time limit?",
            "resource implications, particularly for staff, finance and operational assets, "
            "existing commitments",
            "suitability of partners",
            "legal issues",
            "standards of financial regularity or conduct",
            "insurance",
            "partnership procurement",
            "benefits from the partnership",
            "likely to justify the costs involved in membership",
            "appropriate for the Council to enter into",
        ),
    ),
    # Appendix 5: D 9(iii)-(v).
    Template(
        "dartford",
        "dartford_key_risk_areas",
        (
            "Key Partnership Risk Areas",
            "the risks to the Council should be considered using the Key Partnership Risk Areas "
            "guidance",
            "the lead authority",
            "working directly with partner organisations (agreeing contracts, service level "
            "agreements, managing/monitoring performance or working together to deliver "
            "services)",
            "serving on partnership boards or management teams",
            "minimum standards of risk management",
            "organisational risks regarding partnership activities (strategic)",
            "risks in the partnership itself (operational)",
            "suitability of partners",
            "legal issues",
            "standards of financial regularity or conduct",
            "insurance",
            "procurement",
            "information sharing and data quality",
            "ethical standards",
            "mitigation plans",
            "clearly understood by all involved in the process",
            "understood and evaluated at all stages",
        ),
    ),
    # Appendix 3: D 7(ii)-(ix), with what the Code says the arrangements provide.
    Template(
        "dartford",
        "dartford_governing_document",
        (
            "'Major' partnership arrangements should have a governing document or partnership "
            "agreement, but this does not need to be overly complex or anticipate every "
            "eventuality",
            "purpose, membership and accountability",
            "whose interests",
            "handle disputes",
            "main procedures",
            "clearly and unambiguously",
            *D_7_VIII,
            "limiting potential liabilities for the Council",
            "'employer'",
            "full rights of access to documents",
            "Seven General Principles",
            "complaint handling and redress",
        ),
    ),
    # D 13(i)-(vi).
    Template(
        "dartford",
        "dartford_accountable_body_risk_assessment",
        (
            "subject to a risk assessment of the responsibilities applying to being an "
            "Accountable Body and prior approval of the Section 151 Officer (or nominee)",
            "nominated to act on behalf of the partnership",
            "the role of Accountable Body",
            "pending receipt of the grant",
            "not reclaimable from the grant funding body",
            "on the partnership's decisions",
            "responsibility for funding (e.g. ensuring structured financial procedures)",
            "resources (e.g. staff facilities) to carry out the obligations of the partnership",
            "the grant allocated is spent in accordance with the grant funding body's "
            "conditions and the agreed partnership plan",
            "effective systems for auditing and monitoring partnership spend",
            "Section 151 Officer (or nominee)",
        ),
    ),
    # D 19(iv).
    Template(
        "dartford",
        "dartford_information_sharing",
        (
            "before sharing personal information with partner organisations in Kent & Medway, "
            "that they are signatories to the Kent & Medway Information Sharing Agreement",
            "signatories to the Kent & Medway Information Sharing Agreement",
            "outside Kent & Medway",
            "national organisations",
            "not conflict with",
        ),
    ),
    # D 31(i) with Appendix 7, D 7(viii), D 6(vi) and D 6(viii).
    Template(
        "dartford",
        "dartford_major_review",
        (
            "Existing 'major' partnerships should be reviewed on an annual basis, against this "
            "Code and the Toolkit",
            "The Partnership Evaluation: Self Assessment at Appendix 7 focuses on outcomes and "
            "the partnership's achievements",
            "still required",
            "effectively",
            "recommendations for improvement",
            "The Council should have the following arrangements in place for 'major' partnerships",
            *D_7_VIII,
            "A rigorous assessment of the risks and benefits involved can lead to one of the "
            "following decisions",
            "Annual Governance Statement",
            *AGS,
        ),
        REVIEW,
    ),
    # D 31(ii), D 6(vi), D 6(viii).
    Template(
        "dartford",
        "dartford_minor_review",
        (
            "'Minor' partnership arrangements should also be reviewed on an annual basis, "
            "using a light touch approach, with focus on the financial and risk implications "
            "for the Council",
            "financial implications",
            "risk implications",
            "A rigorous assessment of the risks and benefits involved can lead to one of the "
            "following decisions",
            *AGS,
        ),
        REVIEW,
    ),
    # CB 2.9.1: the fifteen items, in the protocol's words.
    Template(
        "central_bedfordshire",
        "central_bedfordshire_board_terms_of_reference",
        (
            "The Joint Committee or Board shall establish its terms of reference to include",
            "2.9.1.1 Identification of the parties involved in the partnership",
            "2.9.1.2 A description of the clear vision of the purpose, intended outcomes, aims "
            "and objectives of the Partnership",
            "2.9.1.3 A statement about the legal status of the partnership",
            "2.9.1.4 The identification of a lead authority, which shall have overall "
            "responsibility for the stewardship and operation of the Partnership",
            "2.9.1.5 A clear statement of what powers are delegated to the Joint Committee or "
            "Board, and what powers are, or may be, delegated to individuals",
            "2.9.1.6 A statement of the respective roles, responsibilities and accountabilities "
            "of members and officers in relation to the Partnership, including identifying a "
            "Secretary to the Partnership",
            "2.9.1.7 The power to co-opt members onto the Joint Committee or Board (if "
            "appropriate)",
            "2.9.1.8 The frequency of meetings of the Joint Committee or Board",
            "2.9.1.9 The appointment of a Chairman and, if necessary, a Vice-Chairman",
            "2.9.1.10 Details of how services will be provided to the Joint Committee or Board "
            "and how the services are to be paid for",
            "2.9.1.11 Details of how the Partnership may be terminated and provision for the "
            "disposal of any joint assets on termination",
            "2.9.1.12 Details of how partners can resign from the Partnership and the notice "
            "that must be given in such circumstances",
            "2.9.1.13 The circumstances under which the meetings of the Joint Committee or "
            "Board would be open to the public, with a presumption in favour of openness",
            "2.9.1.14 A quorum for decision-making purposes",
            "2.9.1.15 Voting arrangements",
        ),
    ),
    # CB 2.10.1 (2.10.2, 2.10.3).
    Template(
        "central_bedfordshire",
        "central_bedfordshire_business_case",
        (
            "Business case for the partnership",
            "costs and benefits",
            "payback period",
            "improved service delivery and performance that will result",
            "needs of the people of Central Bedfordshire",
            "how the partnership is to develop",
        ),
    ),
    # CB 3.2.1-3.2.9.
    Template(
        "central_bedfordshire",
        "central_bedfordshire_private_sector_contract",
        (
            "executive member",
            "senior officer on the",
            "Partnership Board",
            "information and financial data",
            "Council's constitution",
            "Financial, Contracts and Procurement Procedures",
            "relevant legislation and best practice",
            "contract monitoring and management provisions",
            "changes in the political and economic environment",
            "overarching Partnership Agreement",
            "performance management mechanisms",
            "reflect service users' experience",
            "risk management arrangements",
            "Council Authorised Officer",
            "Chief Finance Officer",
            "strategic objectives",
            "corporate objectives",
            "Monitoring Officer",
        ),
    ),
    # CB 2.11 and 2.13.2.
    Template(
        "central_bedfordshire",
        "central_bedfordshire_annual_review",
        (
            "Annual Review meeting once a year to review progress that has been made against "
            "its objectives",
            "achievement of critical targets and milestones",
            "changes in objectives",
            "ongoing adequacy of risk management arrangements",
            "effectively allocated across the functions of the partnership to ensure its "
            "ongoing effectiveness",
            "performance indicators",
            "corrective action",
            "A report of the annual review should be received at the lead authority's executive",
            "overview and scrutiny committee",
        ),
        REVIEW,
    ),
    # CB 3.2.8 (3.2.7, 3.2.5, 3.2.6, 3.2.2, 2.13.2).
    Template(
        "central_bedfordshire",
        "central_bedfordshire_private_sector_report",
        (
            "report at least once a year to the Executive and the relevant overview and "
            "scrutiny committee on the performance of the private sector partnerships",
            "Council Authorised Officer",
            "effectiveness of the provision of services",
            "contract terms and conditions and specification",
            "reflect service users' experience",
            "risks identified and allocated",
            "information and financial data",
            "corrective action",
        ),
    ),
    # B "Approval of a Brentwood Borough Partnership": the nine key controls.
    Template(
        "brentwood",
        "brentwood_partnership_checklist",
        (
            "Key controls have been established which must be in place before authorisation "
            "is given to the engagement in a Brentwood Borough Partnership. In every such case "
            "it must be possible to:",
            "Recognise the statutory context in which the proposed partnership is to be "
            "established",
            "Identify the objectives the proposed partnership is designed to achieve/fulfil",
            "Demonstrate how such objectives will support the Council's corporate vision and "
            "priorities as set out in the Council's Corporate Plan",
            "Identify and assess all known risks associated with the proposed partnership and "
            "the extent to which those risks affect the viability of the proposals",
            "Identify and assess through a robust project appraisal process the viability of "
            "the proposals in terms of resources, staffing and expertise",
            "Identify and assess the contractual, legal and financial frameworks of the "
            "proposed partnership and to ensure that those arrangements comply with the "
            "Council's financial regulations and Contract Standing Orders",
            "Identify and agree with other partners the roles and responsibilities of each of "
            "the other partners involved in the proposals and the lines of accountability from "
            "the proposed partnership to Brentwood Borough Council, and to other partners",
            "Be satisfied that other partners have carried out similar assessments for their "
            "own purposes, so far as practicable, of the matters referred to in above",
            "Ensure that the proposed partnership and its operation will not affect adversely "
            "any of the services provided by or for Brentwood Borough Council",
        ),
    ),
    # B "Aims", "Financial Implications", "Approval of a Brentwood Borough Partnership".
    Template(
        "brentwood",
        "brentwood_business_case_report",
        (
            "Partnership name",
            "Membership details",
            "Aims and objectives of partnership",
            "statutory obligation",
            "Linkage to Council priority(ies)",
            "more efficient or effective way",
            "accessing or saving money or resources",
            "best value delivery for residents or businesses",
            "Financial Implications",
            "financial commitment",
            "officer support",
            "other in kind support",
            "Finance Director (Section 151 Officer) and the relevant account officer",
            "adverse effect on the services provided by the Council",
            "outweigh",
            "positive outcomes for the people of Brentwood",
            "Risk to organisation",
            "fully considered and mitigated against",
            "recommendation to the decision-maker",
        ),
    ),
    # B "Scope", "Data retention", "Monitoring and scrutiny", "Communication", "Withdrawing".
    Template(
        "brentwood",
        "brentwood_terms_of_reference",
        (
            "Terms of Reference / Partnership Agreement",
            "Membership details",
            "Aims and objectives of partnership",
            "Brentwood Borough Council lead",
            "Frequency of meeting forum",
            "Key responsibilities, accountabilities or liabilities",
            "individual and collective responsibility and liability",
            "Governance for Information exchange",
            "information sharing protocol which partners have responsibility to adhere to",
            "Monitoring and evaluation mechanisms",
            "pre-agreed by partners",
            "values and behaviours that are expected within the partnership",
            "take the lead for communication activity within the partnership",
            "leave",
        ),
    ),
    # B "Scope": the initial Equality Impact Assessment, by the Equality Act 2010's nine.
    Template(
        "brentwood",
        "brentwood_equality_impact_assessment",
        (
            "Equality Impact Assessment",
            "impact on service delivery or our residents",
            "Equality & Diversity considerations",
            "protected characteristics",
            "Positive",
            "Neutral",
            "Negative",
            "Age",
            "Disability",
            "Gender reassignment",
            "Marriage and civil partnership",
            "Pregnancy and maternity",
            "Race",
            "Religion or belief",
            "Sex",
            "Sexual orientation",
            "Public Sector Equality Duty",
        ),
    ),
    # B "Monitoring and scrutiny of a partnership".
    Template(
        "brentwood",
        "brentwood_self_assessment",
        (
            "formally reviewed on an annual basis",
            "annual performance assessment of the benefit and value provided by the "
            "partnership to the work of Brentwood Borough Council and the delivery of services "
            "to the public",
            "benefit and value provided by the partnership to the work of Brentwood Borough "
            "Council",
            "delivery of services to the public",
            "effective",
            "monitoring and evaluation mechanisms pre-agreed by partners",
            "Terms of Reference",
            "responsibilities, accountabilities and liabilities of each agency",
            "recorded and maintained",
            "scrutiny",
            "the lead member of staff for the partnership will be required to make a "
            "recommendation to the decision-maker",
            "improv",
        ),
        REVIEW,
    ),
]


def read_in_order(pdf: bytes, rows) -> list[str]:
    """The seed's words not read back from the PDF one after another, capitals aside."""
    return in_order(body_text(pdf).lower(), [row.lower() for row in rows])


def test_every_template_of_the_three_councils_is_here():
    listed = {(t.council, t.key) for t in TEMPLATES}
    for council in ("dartford", "central_bedfordshire", "brentwood"):
        assert {(council, key) for key in BY_COUNCIL[council]} <= listed
    # Gravesham's others have tests of their own (Appendices 1, 2, 4a and 4b).
    assert ("gravesham", "gravesham_shared_service_agreement_checklist") in listed


@pytest.fixture(params=TEMPLATES, ids=str)
def template(request):
    with override_settings(COUNCIL_POLICY=request.param.council):
        yield request.param


def arrangement_for(template, lead_officer):
    """A partnership the template may be filled for: a draft for approval, an active one
    for a review."""
    status = Status.DRAFT if template.occasion == APPROVAL else Status.ACTIVE
    return ArrangementFactory(status=status, lead_officer=lead_officer, complete=True)


def url(name, arrangement, template):
    return reverse(
        f"council_forms:{name}", args=[arrangement.reference, template.occasion, template.key]
    )


def test_every_row_is_read_back_from_the_blank_pdf_in_the_seeds_order(
    template, lead_officer_client
):
    response = lead_officer_client.get(reverse("council_forms:blank", args=[template.key]))
    assert response.status_code == 200
    assert read_in_order(response.content, template.rows) == []


def test_every_row_is_read_back_from_the_filled_pdf_in_the_seeds_order(
    template, lead_officer, lead_officer_client
):
    arrangement = arrangement_for(template, lead_officer)
    data = {**complete_answers(template.definition), "action": "submit"}
    response = lead_officer_client.post(url("fill", arrangement, template), data)
    assert response.status_code == 302, response.context["form"].errors
    pdf = lead_officer_client.get(url("pdf", arrangement, template))
    assert read_in_order(pdf.content, template.rows) == []


# Conditional questions: needed when the answer asks them ---------------------------------------

CONDITIONAL = [
    pytest.param(
        "gravesham",
        "gravesham_partnership_agreement_checklist",
        {"serves_public": "True"},
        "public_complaints",
        "Does the Agreement require it to adopt and publish agreed arrangements for handling "
        "complaints, with the aim of ensuring that they are resolved speedily and without "
        "'buck-passing'?",
        id="G services to the public",
    ),
    # (council, key, the answer that asks, the question asked, its label)
    pytest.param(
        "dartford",
        "dartford_major_review",
        {"ags_3": "True"},
        "ags_3_details",
        "The issue has led to a material impact on the accounts: details of the issue",
        id="D AGS issue flagged",
    ),
    pytest.param(
        "dartford",
        "dartford_minor_review",
        {"ags_6": "True"},
        "ags_6_details",
        "The issue has resulted in formal action being taken by the Section 151 Officer and/or "
        "Monitoring Officer: details of the issue",
        id="D minor AGS issue flagged",
    ),
    pytest.param(
        "dartford",
        "dartford_key_risk_areas",
        {"lead_authority": "False"},
        "minimum_standards",
        "If the Council is not the lead body: the minimum standards of risk management in place",
        id="D not the lead body",
    ),
    pytest.param(
        "central_bedfordshire",
        "central_bedfordshire_annual_review",
        {"changes_needed": "True"},
        "changes",
        "The changes in objectives or terms of reference for the following year",
        id="CB changes needed",
    ),
    pytest.param(
        "central_bedfordshire",
        "central_bedfordshire_annual_review",
        {"corrective_action_required": "True"},
        "corrective_action",
        "The corrective action instigated",
        id="CB corrective action",
    ),
    pytest.param(
        "central_bedfordshire",
        "central_bedfordshire_private_sector_report",
        {"contract_met": "False"},
        "contract_details",
        "Where the contract terms and conditions or specification are not met",
        id="CB contract not met",
    ),
    pytest.param(
        "brentwood",
        "brentwood_self_assessment",
        {"recommendation": "continue_with_improvement"},
        "improvement_actions",
        "How the partnership working is to be improved",
        id="B conditional approval",
    ),
]


def conditional_case(council, key, lead_officer):
    template = next(t for t in TEMPLATES if t.key == key)
    return template, arrangement_for(template, lead_officer)


@pytest.mark.parametrize(("council", "key", "asking", "name", "label"), CONDITIONAL)
def test_a_conditional_question_left_blank_when_asked_is_refused_and_nothing_saved(
    lead_officer, lead_officer_client, council, key, asking, name, label
):
    with override_settings(COUNCIL_POLICY=council):
        template, arrangement = conditional_case(council, key, lead_officer)
        data = {**complete_answers(template.definition), **asking, name: "", "action": "submit"}
        response = lead_officer_client.post(url("fill", arrangement, template), data)
    assert response.status_code == 400
    message = response.context["form"].errors[name][0]
    assert message.startswith(f"Answer: {label} (you answered ‘")
    assert "govuk-error-summary" in response.content.decode()
    assert f'href="#id_{name}"' in response.content.decode()
    assert not FormResponse.objects.exists()


@pytest.mark.parametrize(("council", "key", "asking", "name", "label"), CONDITIONAL)
def test_a_conditional_question_not_asked_may_stay_blank(
    lead_officer, lead_officer_client, council, key, asking, name, label
):
    other = {
        "True": "False",
        "False": "True",
        "continue_with_improvement": "continue",
    }
    with override_settings(COUNCIL_POLICY=council):
        template, arrangement = conditional_case(council, key, lead_officer)
        not_asking = {field: other[value] for field, value in asking.items()}
        data = {
            **complete_answers(template.definition),
            **not_asking,
            name: "",
            "action": "submit",
        }
        response = lead_officer_client.post(url("fill", arrangement, template), data)
    assert response.status_code == 302
    assert FormResponse.objects.get().answers[name] in ("", None)  # words, or yes / no


def test_what_an_officer_types_is_printed_as_text(lead_officer, lead_officer_client):
    typed = "<b>Board</b> =1+1 & more"
    with override_settings(COUNCIL_POLICY="central_bedfordshire"):
        template, arrangement = conditional_case(
            "central_bedfordshire", "central_bedfordshire_annual_review", lead_officer
        )
        data = {
            **complete_answers(template.definition),
            "changes_needed": "True",
            "changes": typed,
            "action": "submit",
        }
        assert lead_officer_client.post(url("fill", arrangement, template), data).status_code
        page = lead_officer_client.get(url("fill", arrangement, template)).content.decode()
        pdf = lead_officer_client.get(url("pdf", arrangement, template)).content
    assert "&lt;b&gt;Board&lt;/b&gt; =1+1 &amp; more" in page
    assert typed not in page
    assert "".join(typed.split()) in body_text(pdf)
