"""South Derbyshire's four templates (Partnership Policy, February 2011, Appendices 1 to 4)
read back from their PDFs row by row, in the seed's order, blank and filled: the Information
Form's representatives in the seed's table (Name / Date started / Date finished) from the
register; the Partnership Assessment as the seed's grid FEATURE | STANDARD | 1 | 2 | 3 | 4 |
EVIDENCE, its answers kept under the names they had before it was a grid; what an officer
types printed as text."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from register.choices import Status
from register.council_forms import BY_COUNCIL
from register.council_forms.pdf import form_pdf_context
from register.models import FormResponse, FormStatus
from register.occasions import APPROVAL, CESSATION, review
from register.policies import south_derbyshire as sd
from tests.factories import ArrangementFactory, CouncilRepresentativeFactory, complete_answers
from tests.pdf_text import body_text, in_order

pytestmark = pytest.mark.django_db

FORMS = BY_COUNCIL["south_derbyshire"]
INFORMATION = FORMS[sd.INFORMATION_FORM.key]
AGREEMENT = FORMS[sd.AGREEMENT.key]
ASSESSMENT = FORMS[sd.ASSESSMENT.key]
CHECKLIST = FORMS[sd.EVALUATION_CHECKLIST.key]
REVIEW = review(2027)

# Appendix 1 from "Partnership Information Form" to "Date: Reviewed by:". The seed's "Links /
# contribution the Council's" has its "to" back.
INFORMATION_ROWS = (
    "Partnership Information Form",
    "Name of Partnership",
    "Organisation that the Partnership is responsible to (Accountable Body)",
    "Main purpose of the Partnership",
    "Which other organisations are members?",
    "Links / contribution",
    "the Council's Strategic Objectives and responsibilities",
    "Council resources required – Year on Year (Members /staff time, funding etc)",
    "If financial, is this within existing budgets or are any additional funds required?",
    "Likely location /Frequency of meetings",
    "Details of risks for the Authority",
    "Date Formed",
    "Proposed End Date (if any)",
    "Is this Partnership Statutory?",
    "Does the partnership have a Partnership Agreement? (e.g. constitution / terms of reference)",
    "If 'Yes' please attach a copy to this form and briefly describe the type of agreement.",
    "Additional Information /comments",
    "South Derbyshire District Council representative(s)",
    "Name",
    "Date started",
    "Date finished",
    "Performance Review Details",
    "To be reviewed at least annually by the Head of Corporate Services for agreement by the SMT",
    "Reviewed by",
    "Date",
    "Head of Corporate Services",
)
# Appendix 2, from "Partnership Agreement" to "Member's Declaration of Interest".
AGREEMENT_ROWS = (
    "Partnership Agreement",
    "Notes on completion",
    "To be completed in full where there is no existing partnership documentation such as a "
    "constitution or terms of reference. If to be used as a supplement to existing partnership "
    "documentation then only complete the sections that are not adequately covered by that "
    "existing documentation.",
    "Partnership",
    "Overall Purpose",
    "Aims & Objectives",
    "Legal Status",
    "Membership",
    "Voting Rights",
    "Structures & Management Systems (including any sub / working or parent groups)",
    "Resourcing & Funding arrangements (including specific implications for Council)",
    "Partner Assets (list any assets provided by partners or those of the partnership)",
    "Partner liabilities (including any financial arrangements if/when partnership ceases)",
    "Exit Strategies (Arrangements if/when partnership ceases)",
    "Governance Arrangements",
    "Details of any specific expectations /inputs from the Council",
    "Financial control, procedures, audit and accountability",
    "Equalities & Diversity",
    "Expected frequency of meetings /inputs",
    "Complaints Procedure",
    "Likely duration of the partnership",
    "Member's Declaration of Interest",
)
# Appendix 3: the grid's head, then each feature with its standard, in the seed's words.
ASSESSMENT_ROWS = (
    "Partnership Assessment",
    "Feature",
    "Standard",
    "1 Not in place – Priority for action",
    "2 Partly in place – Action needed",
    "3 Action identified – Being implemented",
    "4 Standard met – No action needed",
    "Evidence",
    "(Please indicate where evidence can be found, in order to demonstrate position)",
    "1. Action & Outcome focused",
    "The Partnership has clear purpose, agreed vision, targets and milestones. Can demonstrate "
    "that it is delivering improvements to quality of life and supports the Council's Strategic "
    "Objectives",
    "2. Well governed",
    "The Partnership has documented governance arrangements and mechanisms in place to "
    "minimise financial and legal risks",
    "3. Good Leadership",
    "The Partnership has clear leadership. Partners harness their energies to achieve more "
    "than they could on their own",
    "4. Efficient",
    "The Partnership has effective agenda management, admin support arrangements and uses "
    "resources productively",
    "5. Inclusive",
    "The Partnership actively promotes equality and diversity, and involves service users and "
    "key stakeholders as appropriate",
    "6. Outward focused",
    "The partnership is aware of the wider context within which it operates and has clear "
    "links and relationships",
    "7. Committed to learning & Development",
    "The partnership learns from best practice, encourages learning and development and is "
    "willing to change",
    "8. Effective performance management",
    "The partnership has a clear performance management system in place, can demonstrate "
    "progress on its targets and shares information",
    "9. Trust",
    "The partnership has good supportive working relationships between partners. Risks and "
    "rewards are shared.",
    "10. Regularly evaluates",
    "The partnership regularly reviews its membership, policies and has strategies that are "
    "clearly evidenced based, using sources such as consultation and statistics",
)
# Appendix 4, its headings and every question, in order.
CHECKLIST_ROWS = (
    "A checklist for evaluating a partnership",
    "There is no prescriptive way of writing the evaluation",
    "Summary",
    "Please state the reasons for the evaluation, update or due to partnership being concluded.",
    "Overall, what is working well / worked well with the partnership?",
    "Which key areas of the partnership and its work could be been improved?",
    "Membership",
    "Provide a list of the members of the partnership.",
    "Are/were the right members on the partnership?",
    "On average, how good is/was turn out at meetings?",
    "How active are/were members in planning, implementing and evaluating the intervention?",
    "How well does/did the partners work together?",
    "How could the membership be/have been improved?",
    "Partnership Agreement",
    "Provide an outline of the key aims and objectives for the partnership.",
    "Does/did the partnership meet its aims and objectives as outlined in the partnership "
    "agreement?",
    "What performance and monitoring arrangements are/were set up for the partnership?",
    "How effective is/was the partnership agreement in structuring the partnership?",
    "Key outcomes",
    "Provide a list of the activities and outcomes delivered or contributed to by the partnership",
    "Are/were these outcomes in line with the partnership agreement?",
    "If they changed during this period, please give an explanation of why and if this changed "
    "the nature/remit of the partnership.",
    "Overall, does/did the partnership deliver its outcomes and activities effectively and "
    "efficiently?",
    "Use of Resources",
    "Please summarise the main resources provided by the council to the partnership (officer "
    "time and funding).",
    "Do/did other partners contribute financial resources in addition to time, expertise, and "
    "other in-kind contributions?",
    "Engagement",
    "How does/ did the partnership communicate its work and progress?",
    "Who does/did the partnership engage and involve in its work?",
    "What methods for engagement and involvement are/were used?",
    "Are/were the methods successful? How could they be/have been improved?",
)

TEMPLATES = [
    pytest.param(INFORMATION, APPROVAL, INFORMATION_ROWS, id="Appendix 1"),
    pytest.param(AGREEMENT, APPROVAL, AGREEMENT_ROWS, id="Appendix 2"),
    pytest.param(ASSESSMENT, REVIEW, ASSESSMENT_ROWS, id="Appendix 3"),
    pytest.param(CHECKLIST, CESSATION, CHECKLIST_ROWS, id="Appendix 4"),
]


@pytest.fixture(autouse=True)
def south_derbyshire():
    with override_settings(COUNCIL_POLICY="south_derbyshire"):
        yield


@pytest.fixture
def arrangement(lead_officer):
    """An active partnership: each template may be filled for its occasion."""
    return ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer, complete=True)


def url(name, arrangement, occasion, definition):
    return reverse(f"council_forms:{name}", args=[arrangement.reference, occasion, definition.key])


def submitted_pdf(client, arrangement, occasion, definition, **answers) -> str:
    data = {**complete_answers(definition), **answers, "action": "submit"}
    response = client.post(url("fill", arrangement, occasion, definition), data)
    assert response.status_code == 302, response.context["form"].errors
    return body_text(client.get(url("pdf", arrangement, occasion, definition)).content)


@pytest.mark.parametrize(("definition", "occasion", "rows"), TEMPLATES)
def test_every_row_of_the_template_is_read_back_from_the_blank_pdf_in_its_order(
    lead_officer_client, definition, occasion, rows
):
    response = lead_officer_client.get(reverse("council_forms:blank", args=[definition.key]))
    assert response.status_code == 200
    assert in_order(body_text(response.content), rows) == []


@pytest.mark.parametrize(("definition", "occasion", "rows"), TEMPLATES)
def test_every_row_of_the_template_is_read_back_from_the_filled_pdf_in_its_order(
    lead_officer_client, arrangement, definition, occasion, rows
):
    text = submitted_pdf(lead_officer_client, arrangement, occasion, definition)
    assert in_order(text, rows) == []


# Appendix 1: the representatives --------------------------------------------------------------


@pytest.fixture
def represented(arrangement):
    CouncilRepresentativeFactory(
        arrangement=arrangement,
        name="Alan Forbes",
        role="Community Safety Manager",
        start_date=datetime.date(2014, 4, 1),
        finish_date=datetime.date(2021, 8, 31),
    )
    CouncilRepresentativeFactory(
        arrangement=arrangement,
        name="Cllr Samir Ahmed",
        role="Chair",
        is_member=True,
        start_date=datetime.date(2023, 5, 25),
    )
    return arrangement


def test_the_representatives_are_the_seeds_table_from_the_register_latest_first(
    lead_officer_client, represented
):
    text = submitted_pdf(lead_officer_client, represented, APPROVAL, INFORMATION)
    assert (
        in_order(
            text,
            [
                "NameDate startedDate finished",
                "Cllr Samir Ahmed (Chair, elected Member)25 May 2023Not finished",
                "Alan Forbes (Community Safety Manager)1 April 201431 August 2021",
                "Performance Review Details",
            ],
        )
        == []
    )


def test_the_page_shows_the_representatives_table_that_reflows_and_says_where_to_change_it(
    lead_officer_client, represented
):
    page = lead_officer_client.get(url("fill", represented, APPROVAL, INFORMATION))
    html = page.content.decode()
    assert (
        in_order(
            "".join(html.split()),
            [
                '<tableclass="govuk-tableapp-table--reflow">',
                'data-label="Name">CllrSamirAhmed(Chair,electedMember)</td>',
                'data-label="Datestarted">25May2023</td>',
                'data-label="Datefinished">Notfinished</td>',
                'data-label="Name">AlanForbes(CommunitySafetyManager)</td>',
                'data-label="Datefinished">31August2021</td>',
            ],
        )
        == []
    )
    assert f'href="{represented.get_absolute_url()}#representatives"' in html
    # Shown, never asked: the register holds them.
    assert 'name="representatives' not in html


def test_with_no_representatives_the_filled_form_says_so_and_the_blank_has_rows_to_write_in(
    lead_officer_client, arrangement
):
    text = submitted_pdf(lead_officer_client, arrangement, APPROVAL, INFORMATION)
    assert "NameDatestartedDatefinishedNonerecordedPerformanceReviewDetails" in text
    blank = form_pdf_context(INFORMATION.for_occasion(None, None))
    table = next(
        run["block"]
        for section in blank["sections"]
        for run in section["runs"]
        if "fact_rows" in run.get("block", {})
    )
    assert table["rows"] == [["", "", ""]] * 3


def test_the_statutory_and_agreement_rows_have_yes_no_to_circle_on_paper(lead_officer_client):
    text = body_text(
        lead_officer_client.get(reverse("council_forms:blank", args=[INFORMATION.key])).content
    )
    assert "IsthisPartnershipStatutory?Yes/No" in text
    assert "constitution/termsofreference)Yes/No" in text


# Appendix 3: the grid ----------------------------------------------------------------------------


def grid_of(context):
    return next(
        run["block"]
        for section in context["sections"]
        for run in section["runs"]
        if "table" in run.get("block", {})
    )


def test_each_score_is_ticked_in_its_own_column_of_the_grid(arrangement):
    answers = {**complete_answers(ASSESSMENT), "feature_1_score": "3", "feature_2_score": "1"}
    response = FormResponse(
        arrangement=arrangement,
        form_key=ASSESSMENT.key,
        occasion=REVIEW.key,
        answers=answers,
        status=FormStatus.SUBMITTED,
    )
    grid = grid_of(
        form_pdf_context(ASSESSMENT.for_occasion(arrangement, REVIEW), arrangement, response)
    )
    # The seed's head after FEATURE: STANDARD, the four scores, EVIDENCE.
    assert [head["label"] for head in grid["heads"]] == list(ASSESSMENT_ROWS[2:8])
    label, cells = grid["rows"][0]
    assert label == "1. Action & Outcome focused"
    assert [cell.get("ticked") for cell in cells[1:5]] == [False, False, True, False]
    assert [cell.get("ticked") for cell in grid["rows"][1][1][1:5]] == [True, False, False, False]
    blank = grid_of(form_pdf_context(ASSESSMENT.for_occasion(None, None)))
    assert not any(cell.get("ticked") for _label, cells in blank["rows"] for cell in cells)


def test_answers_saved_before_the_grid_read_the_same_on_the_page_and_in_the_pdf(
    lead_officer_client, arrangement
):
    """The grid's cells keep the names the features' questions had, so answers saved before
    it need no migration."""
    FormResponse.objects.create(
        arrangement=arrangement,
        form_key=ASSESSMENT.key,
        occasion=REVIEW.key,
        answers={"feature_1_score": "2", "feature_1_evidence": "Board minutes, March 2026"},
    )
    page = lead_officer_client.get(url("fill", arrangement, REVIEW, ASSESSMENT)).content.decode()
    assert 'id="id_feature_1_score-1" name="feature_1_score" type="radio" value="2" checked' in page
    assert "Board minutes, March 2026</textarea>" in page
    text = body_text(lead_officer_client.get(url("pdf", arrangement, REVIEW, ASSESSMENT)).content)
    assert "1.Action&Outcomefocused" in text
    assert "Boardminutes,March2026" in text


def test_each_feature_is_one_question_with_its_standard_and_its_four_scores(
    lead_officer_client, arrangement
):
    page = lead_officer_client.get(url("fill", arrangement, REVIEW, ASSESSMENT)).content.decode()
    squeezed = "".join(page.split())
    assert (
        in_order(
            squeezed,
            [
                '<legendclass="govuk-fieldset__legendgovuk-fieldset__legend--s">1.Action&amp;Outcomefocused</legend>',
                '<divclass="govuk-hint"id="id_feature_1_score-hint">ThePartnershiphasclearpurpose',
                "1Notinplace–Priorityforaction",
                "4Standardmet–Noactionneeded",
                '<labelclass="govuk-label"for="id_feature_1_evidence">Evidence</label>',
            ],
        )
        == []
    )
    assert squeezed.count('type="radio"') == 40


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"feature_3_evidence": ""},
            "feature_3_evidence",
            "Answer: 3. Good Leadership: Evidence",
        ),
        ({"feature_3_score": ""}, "feature_3_score", "Answer: 3. Good Leadership: score"),
        (
            {"feature_3_score": "5"},
            "feature_3_score",
            "Select a valid choice. 5 is not one of the available choices.",
        ),
    ],
    ids=["no evidence", "no score", "score of 5"],
)
def test_a_feature_without_its_score_or_evidence_is_refused_and_nothing_saved(
    lead_officer_client, arrangement, changes, field, message
):
    data = {**complete_answers(ASSESSMENT), **changes, "action": "submit"}
    response = lead_officer_client.post(url("fill", arrangement, REVIEW, ASSESSMENT), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert f'href="#id_{field}"' in response.content.decode()
    assert not FormResponse.objects.exists()


def test_what_an_officer_types_is_printed_as_text(lead_officer_client, arrangement):
    typed = "<b>Minutes</b> =1+1 & more"
    text = submitted_pdf(
        lead_officer_client, arrangement, REVIEW, ASSESSMENT, feature_1_evidence=typed
    )
    assert "".join(typed.split()) in text
    page = lead_officer_client.get(url("fill", arrangement, REVIEW, ASSESSMENT)).content.decode()
    assert "&lt;b&gt;Minutes&lt;/b&gt; =1+1 &amp; more" in page
    assert typed not in page
