"""Council templates in the browser: drafts, completeness, submission, read-only, totals, and
their PDFs (filled and blank)."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from approvals.models import Outcome
from register.choices import ArrangementType, Kind
from register.council_forms import DEFINITIONS
from register.models import FormResponse, FormStatus
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, person
from tests.editing import post_as_opened
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db

EVALUATION = DEFINITIONS["gravesham_evaluation"]
BUSINESS_CASE = DEFINITIONS["gravesham_business_case"]


def fill_url(arrangement, key="gravesham_evaluation"):
    return reverse("council_forms:fill", args=[arrangement.reference, "approval", key])


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join("".join(page.extract_text().split()) for page in reader.pages)


def squeeze(text):
    return "".join(text.split())


def pdf_url(arrangement, key="gravesham_evaluation"):
    return reverse("council_forms:pdf", args=[arrangement.reference, "approval", key])


def completed_by(text):
    """The squeezed text of the PDF's 'Officer completing the form' line, up to the
    endorsement's table of signatures (its first heading, Role)."""
    return text.split("Officercompletingtheform", 1)[1].split("Role", 1)[0]


def complete_answers(definition):
    answers = {}
    for name, question in definition.fields():
        answers[name] = {"yes_no": "True", "money": "1000"}.get(question.kind, "An answer")
    return answers


@pytest.fixture
def arrangement(lead_officer):
    return other_partnership(lead_officer=lead_officer, exit_strategy="Six months' notice")


def test_the_evaluation_shows_what_the_arrangement_holds_and_asks_the_rest(
    lead_officer_client, arrangement
):
    response = lead_officer_client.get(fill_url(arrangement))
    page = response.content.decode()
    assert arrangement.name in page  # shown as a fact ...
    assert 'name="name"' not in page  # ... never asked again
    assert "Six months&#x27; notice" in page
    assert 'name="anticipated_outcomes"' in page
    # assessment, benefits, costs, risk, equalities, governance (where each is held)
    assert page.count("Incomplete") == 6


def test_a_draft_is_saved_at_any_time_and_comes_back(lead_officer_client, arrangement):
    response = lead_officer_client.post(
        fill_url(arrangement), {"aims": "Safer streets", "action": "draft"}
    )
    assert response.status_code == 302
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert (saved.status, saved.answers["aims"]) == (FormStatus.DRAFT, "Safer streets")
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    assert "Safer streets" in page


def test_submitting_with_answers_missing_is_refused_and_nothing_is_saved(
    lead_officer_client, arrangement
):
    lead_officer_client.post(fill_url(arrangement), {"aims": "First", "action": "draft"})
    response = post_as_opened(
        lead_officer_client, fill_url(arrangement), {"aims": "Changed", "action": "submit"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Answer: What are the anticipated outcomes for the council?" in page
    assert 'href="#id_anticipated_outcomes"' in page
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert (saved.status, saved.answers["aims"]) == (FormStatus.DRAFT, "First")


def test_a_submitted_form_is_read_only(lead_officer_client, arrangement):
    data = {**complete_answers(EVALUATION), "action": "submit"}
    assert lead_officer_client.post(fill_url(arrangement), data).status_code == 302
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert saved.status == FormStatus.SUBMITTED
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    assert "Save as draft" not in page
    again = lead_officer_client.post(fill_url(arrangement), {**data, "aims": "Rewritten"})
    assert again.status_code == 403
    saved.refresh_from_db()
    assert saved.answers["aims"] == "An answer"


def test_a_returned_arrangement_opens_its_submitted_forms_again(lead_officer_client, arrangement):
    lead_officer_client.post(
        fill_url(arrangement), {**complete_answers(EVALUATION), "action": "submit"}
    )
    approval_round = submit(arrangement)
    step = pending(approval_round)[0]
    decide(step, person(Role.MONITORING_OFFICER), Outcome.NOT_ENDORSE, comment="More detail")
    step = pending(approval_round)[0]
    decide(step, person(Role.SECTION_151_OFFICER))
    leader = next(s for s in pending(approval_round) if s.role == Role.LEADER)
    decide(leader, person(Role.LEADER), Outcome.RETURN, comment="Answer the MO")
    evaluation = FormResponse.objects.get(arrangement=arrangement, form_key=EVALUATION.key)
    assert evaluation.status == FormStatus.RETURNED
    assert "Save as draft" in lead_officer_client.get(fill_url(arrangement)).content.decode()
    text = pdf_text(lead_officer_client.get(pdf_url(arrangement)))
    assert "DRAFT" in text  # no longer the submitted form ...
    assert squeeze(arrangement.lead_officer.get_full_name()) not in completed_by(
        text
    )  # ... nor signed


BAD_ANSWERS = [
    ("aims", "x" * 5001, "must be 5,000 characters or fewer"),
    ("risk_assessment_done", "perhaps", "Select Yes or No for ‘Has a risk assessment"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_ANSWERS)
def test_bad_answers_are_explained_and_nothing_is_saved(
    lead_officer_client, arrangement, field, value, message
):
    response = lead_officer_client.post(fill_url(arrangement), {field: value, "action": "draft"})
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert not FormResponse.objects.exists()


@pytest.fixture
def shared_service(lead_officer):
    return other_partnership(
        lead_officer=lead_officer,
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
    )


def test_the_business_case_totals_each_options_three_year_summary(
    lead_officer_client, shared_service
):
    table = next(
        i
        for s in BUSINESS_CASE.sections
        for i in s.items
        if getattr(i, "key", "") == "option_1_summary"
    )
    year_1 = table.columns[0]
    data = {
        table.cell(0, year_1): "12,000",
        table.cell(1, year_1): "£3,000.50",
        table.cell(2, year_1): "-",
        "action": "draft",
    }
    response = lead_officer_client.post(fill_url(shared_service, BUSINESS_CASE.key), data)
    assert response.status_code == 400  # "-" is not money
    data[table.cell(2, year_1)] = "500"
    response = lead_officer_client.post(fill_url(shared_service, BUSINESS_CASE.key), data)
    assert response.status_code == 302
    answers = FormResponse.objects.get().answers
    assert BUSINESS_CASE.table_totals(table, answers)["year_1"] == Decimal("15500.50")
    page = lead_officer_client.get(fill_url(shared_service, BUSINESS_CASE.key)).content.decode()
    assert "£15,500.50" in page


def test_the_filled_pdf_has_the_answers_the_council_and_a_draft_mark(
    lead_officer_client, arrangement
):
    lead_officer_client.post(
        fill_url(arrangement), {"aims": "Safer streets at night", "action": "draft"}
    )
    text = pdf_text(
        lead_officer_client.get(
            reverse("council_forms:pdf", args=[arrangement.reference, "approval", EVALUATION.key])
        )
    )
    for expected in (
        "Safer streets at night",
        "Gravesham Borough Council",
        "Partnership Evaluation",
        arrangement.reference,
        "DRAFT",
        "Page1of",
        arrangement.name,
        "Benefits analysis",
    ):
        assert squeeze(expected) in text, expected


def test_the_pdf_carries_the_opinions_from_the_approval_record(lead_officer_client, arrangement):
    lead_officer_client.post(
        fill_url(arrangement), {**complete_answers(EVALUATION), "action": "submit"}
    )
    step = pending(submit(arrangement))[0]
    decide(step, person(Role.MONITORING_OFFICER, first_name="Richard", last_name="Ellis"))
    text = pdf_text(
        lead_officer_client.get(
            reverse("council_forms:pdf", args=[arrangement.reference, "approval", EVALUATION.key])
        )
    )
    assert squeeze("Richard Ellis") in text
    assert "Endorse" in text
    assert "DRAFT" not in text  # submitted


def test_the_blank_pdf_is_ready_to_print_with_the_councils_guidance(lead_officer_client):
    response = lead_officer_client.get(reverse("council_forms:blank", args=[EVALUATION.key]))
    text = pdf_text(response)
    assert squeeze("What is the partnership planning to achieve?") in text
    assert squeeze("Main aims and/or objectives of the partnership.") in text  # the guidance
    assert squeeze("If the council does not enter into this partnership") in text
    assert squeeze("been undertaken? Yes / No") in text  # to circle
    assert "BLANKFORM" in text
    assert "DRAFT" not in text
    assert squeeze("Officer completing the form") in text
    assert squeeze("Leader of the Executive") in text


def test_the_filled_pdf_gives_the_answers_not_the_guidance(lead_officer_client, arrangement):
    lead_officer_client.post(fill_url(arrangement), {"aims": "Safer streets", "action": "draft"})
    text = pdf_text(lead_officer_client.get(pdf_url(arrangement)))
    assert "Saferstreets" in text
    assert squeeze("Main aims and/or objectives of the partnership.") not in text


def test_each_save_is_a_new_version_shown_on_the_page_and_in_the_pdf_footer(
    lead_officer_client, arrangement
):
    assert "Notyetsaved" in pdf_text(lead_officer_client.get(pdf_url(arrangement)))
    for aims in ("One", "Two", "Three"):
        post_as_opened(
            lead_officer_client, fill_url(arrangement), {"aims": aims, "action": "draft"}
        )
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert saved.version == 3
    assert [h.version for h in saved.history.order_by("history_id")] == [1, 2, 3]
    assert (
        "Version 3, last updated" in lead_officer_client.get(fill_url(arrangement)).content.decode()
    )
    text = pdf_text(lead_officer_client.get(pdf_url(arrangement)))
    saved_on = squeeze(f"Version 3 of {saved.updated_at:%-d %B %Y}")
    assert text.count(saved_on) == 1 + text.count("Page")  # under the title, every footer


def test_a_refused_submission_makes_no_new_version(lead_officer_client, arrangement):
    lead_officer_client.post(fill_url(arrangement), {"aims": "One", "action": "draft"})
    post_as_opened(lead_officer_client, fill_url(arrangement), {"aims": "Two", "action": "submit"})
    assert FormResponse.objects.get(arrangement=arrangement).version == 1


def test_the_submitted_pdf_names_the_officer_who_completed_it_and_when(
    lead_officer_client, arrangement, lead_officer
):
    lead_officer.first_name, lead_officer.last_name = "Priya", "Shah"
    lead_officer.save()
    lead_officer_client.post(fill_url(arrangement), {"aims": "Draft", "action": "draft"})
    assert "PriyaShah" not in completed_by(pdf_text(lead_officer_client.get(pdf_url(arrangement))))
    post_as_opened(
        lead_officer_client,
        fill_url(arrangement),
        {**complete_answers(EVALUATION), "action": "submit"},
    )
    submitted = FormResponse.objects.get(arrangement=arrangement).submitted_at
    text = completed_by(pdf_text(lead_officer_client.get(pdf_url(arrangement))))
    assert "PriyaShah" in text
    assert squeeze(f"{submitted:%-d %B %Y}") in text


def test_answers_are_escaped_in_the_page_and_the_pdf(lead_officer_client, arrangement):
    attack = '<img src="file:///etc/passwd"><script>alert(1)</script>'
    lead_officer_client.post(fill_url(arrangement), {"aims": attack, "action": "draft"})
    page = lead_officer_client.get(fill_url(arrangement)).content.decode()
    assert "<script>alert(1)</script>" not in page
    text = pdf_text(
        lead_officer_client.get(
            reverse("council_forms:pdf", args=[arrangement.reference, "approval", EVALUATION.key])
        )
    )
    assert squeeze('<imgsrc="file:///etc/passwd">') in text  # shown as typed
    assert "root:x:0:0" not in text


def test_another_officers_draft_form_is_not_found(client_for, arrangement):
    client = client_for(Role.LEAD_OFFICER)
    assert client.get(fill_url(arrangement)).status_code == 404
    assert (
        client.get(
            reverse("council_forms:pdf", args=[arrangement.reference, "approval", EVALUATION.key])
        ).status_code
        == 404
    )


def test_read_only_roles_see_the_form_but_cannot_change_it(client_for, arrangement):
    client = client_for(Role.INTERNAL_AUDIT)
    assert client.get(fill_url(arrangement)).status_code == 200
    assert client.post(fill_url(arrangement), {"aims": "x", "action": "draft"}).status_code == 403


def test_the_arrangement_page_lists_the_forms_its_policy_requires(lead_officer_client, arrangement):
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    assert "Council forms" in page
    assert fill_url(arrangement) in page
    assert "Not started" in page


def test_every_change_to_a_form_is_kept_in_history(lead_officer_client, arrangement):
    lead_officer_client.post(fill_url(arrangement), {"aims": "One", "action": "draft"})
    post_as_opened(lead_officer_client, fill_url(arrangement), {"aims": "Two", "action": "draft"})
    history = FormResponse.objects.get().history.order_by("history_id")
    assert [h.answers["aims"] for h in history] == ["One", "Two"]
    assert history.last().history_user == arrangement.lead_officer


def test_the_pdf_is_tagged_for_screen_readers(lead_officer_client, arrangement):
    response = lead_officer_client.get(
        reverse("council_forms:pdf", args=[arrangement.reference, "approval", EVALUATION.key])
    )
    catalog = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
