"""Forms before opinions (issue 10, point 1): an arrangement goes to its approvers only with
every council form its policy requires submitted; the approvers see those forms; a submitted
form is locked while they look at it; and a form's PDF prints on its endorsement lines only
what was decided on the version printed."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from approvals import services
from approvals.models import ApprovalRound, Outcome
from register.choices import ArrangementType, DocumentKind, Kind, Status
from register.council_forms import DEFINITIONS
from register.council_forms.selectors import response_for
from register.council_forms.services import FormLocked, save_answers
from register.models import FormStatus
from register.occasions import APPROVAL
from register.policies import COUNCILS, get_policy
from register.roles import Role
from register.submission import forms_not_submitted
from tests.approvals_helpers import (
    approve_everything,
    decide,
    other_partnership,
    pending,
    person,
    someone_for,
)
from tests.factories import DocumentFactory, complete_answers, submit_required_forms
from tests.test_approvals import submit
from tests.test_arrangement_form import form_data
from tests.test_council_forms import pdf_text, squeeze

pytestmark = pytest.mark.django_db


# Submission refused until the forms are submitted --------------------------------------------


@pytest.mark.parametrize(
    ("shape", "required"),
    [
        (
            {"kind": Kind.PARTNERSHIP},
            ["gravesham_evaluation", "gravesham_partnership_agreement_checklist"],  # G 2.6
        ),
        (
            {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.FULL_SHARED_SERVICE},
            ["gravesham_business_case", "gravesham_shared_service_agreement_checklist"],  # G 3.7
        ),
        (
            {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_MANAGEMENT},
            ["gravesham_business_case", "gravesham_shared_service_agreement_checklist"],  # G 3.7
        ),
        (
            {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.JOINT_OFFICER},
            ["gravesham_shared_service_agreement_checklist"],
        ),
    ],
    ids=[
        "G 2.6 partnership",
        "G 3.7 full shared service",
        "G 3.7 joint management",
        "joint officer",
    ],
)
def test_gravesham_submission_is_refused_until_every_required_form_is_submitted(shape, required):
    arrangement = other_partnership(**shape)
    assert [m.field for m in forms_not_submitted(get_policy(), arrangement)] == [
        f"form:{key}" for key in required
    ]
    with pytest.raises(ValidationError) as refused:
        services.submit_for_approval(arrangement=arrangement, user=arrangement.lead_officer)
    assert [m for m in refused.value.messages if m.startswith("Fill in and submit")] == [
        f"Fill in and submit the {t.title}: the approvers read it before they give their "
        "opinions and decide"
        for t in get_policy().forms_required(arrangement)
    ]
    assert not ApprovalRound.objects.exists()
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DRAFT


def test_a_draft_form_is_not_enough_and_each_one_submitted_comes_off_the_list():
    arrangement = other_partnership()
    evaluation, checklist = get_policy().forms_required(arrangement)
    save_answers(
        response=response_for(arrangement, DEFINITIONS[evaluation.key], APPROVAL),
        answers=complete_answers(DEFINITIONS[evaluation.key]),
        user=arrangement.lead_officer,
        submit=False,
    )
    assert len(forms_not_submitted(get_policy(), arrangement)) == 2  # a draft is not submitted
    save_answers(
        response=response_for(arrangement, DEFINITIONS[evaluation.key], APPROVAL),
        answers=complete_answers(DEFINITIONS[evaluation.key]),
        user=arrangement.lead_officer,
        submit=True,
    )
    assert [m.field for m in forms_not_submitted(get_policy(), arrangement)] == [
        f"form:{checklist.key}"
    ]
    submit_required_forms(arrangement)
    assert forms_not_submitted(get_policy(), arrangement) == []
    submit(arrangement)
    arrangement.refresh_from_db()
    assert arrangement.status == Status.IN_APPROVAL


def test_a_form_of_a_review_does_not_stand_for_the_approval_form():
    arrangement = other_partnership()
    for template in get_policy().forms_required(arrangement):
        definition = DEFINITIONS[template.key]
        review = response_for(arrangement, definition, APPROVAL)
        review.occasion = "review-2026"
        save_answers(
            response=review,
            answers=complete_answers(definition),
            user=arrangement.lead_officer,
            submit=True,
        )
    assert len(forms_not_submitted(get_policy(), arrangement)) == 2


@pytest.mark.parametrize("council", COUNCILS)
def test_every_council_refuses_submission_without_its_forms_and_accepts_it_with_them(council):
    with override_settings(COUNCIL_POLICY=council):
        policy = get_policy()
        arrangement = other_partnership(
            lead_organisation="Central Bedfordshire Council", cash_per_year=1000
        )
        missing = forms_not_submitted(policy, arrangement)
        assert [m.field for m in missing] == [
            f"form:{t.key}" for t in policy.forms_required(arrangement)
        ]
        submit_required_forms(arrangement)
        assert forms_not_submitted(policy, arrangement) == []


def test_the_arrangement_page_links_each_form_still_to_submit(client_for):
    officer = person(Role.LEAD_OFFICER)
    arrangement = other_partnership(lead_officer=officer)
    page = client_for(officer).get(arrangement.get_absolute_url()).content.decode()
    for template in get_policy().forms_required(arrangement):
        url = reverse("council_forms:fill", args=[arrangement.reference, "approval", template.key])
        assert f'href="{url}">Fill in and submit the {template.title}' in page


def test_save_and_submit_on_the_record_form_names_each_form_still_to_submit(client_for):
    officer = person(Role.LEAD_OFFICER)
    arrangement = other_partnership(lead_officer=officer)
    edit = reverse("register:edit", args=[arrangement.reference])
    data = form_data(
        arrangement,
        action="submit",
        lead_officer=officer.pk,
        service=arrangement.service_id,
        cash_per_year="1000",
        staff_cost_per_year="0",
        is_statutory="False",
    )
    response = client_for(officer).post(edit, data)
    assert response.status_code == 400
    page = response.content.decode()
    url = reverse(
        "council_forms:fill", args=[arrangement.reference, "approval", "gravesham_evaluation"]
    )
    assert f'<a href="{url}">Fill in and submit the Partnership Evaluation (Appendix 1)' in page
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DRAFT


# What the approvers see, and what does not change under them ---------------------------------


@pytest.fixture
def in_approval():
    arrangement = other_partnership()
    submit(arrangement)
    return arrangement


def test_the_decision_page_shows_each_submitted_form_with_its_pdf(client_for, in_approval):
    step = next(s for s in pending(in_approval.rounds.get()) if s.role == Role.MONITORING_OFFICER)
    page = client_for(someone_for(step)).get(reverse("approvals:decide", args=[step.pk]))
    html = page.content.decode()
    assert "Council forms submitted for approval" in html
    for template in get_policy().forms_required(in_approval):
        assert DEFINITIONS[template.key].title in html
        assert (
            reverse("council_forms:pdf", args=[in_approval.reference, "approval", template.key])
            in html
        )
    assert html.count("Version 1, submitted on") == 2


@pytest.mark.parametrize("status", [FormStatus.SUBMITTED, FormStatus.DRAFT])
def test_a_form_for_approval_is_locked_while_the_approvers_look_at_it(in_approval, status):
    definition = DEFINITIONS["gravesham_evaluation"]
    response = response_for(in_approval, definition, APPROVAL)
    if status == FormStatus.DRAFT:  # even one the policy does not require stays as sent
        response = response_for(in_approval, DEFINITIONS["gravesham_business_case"], APPROVAL)
    with pytest.raises(FormLocked):
        save_answers(response=response, answers={}, user=in_approval.lead_officer, submit=False)
    assert response_for(in_approval, definition, APPROVAL).answers == complete_answers(definition)


def test_the_locked_form_page_refuses_the_save_and_says_why(client_for, in_approval):
    url = reverse(
        "council_forms:fill", args=[in_approval.reference, "approval", "gravesham_evaluation"]
    )
    response = client_for(in_approval.lead_officer).post(
        url, {"aims": "Changed", "action": "draft"}
    )
    assert response.status_code == 403
    assert "This form has been submitted, so it is read-only" in response.content.decode()
    saved = response_for(in_approval, DEFINITIONS["gravesham_evaluation"], APPROVAL)
    assert saved.answers["aims"] != "Changed"


def endorsement_text(client, arrangement):
    url = reverse(
        "council_forms:pdf", args=[arrangement.reference, "approval", "gravesham_evaluation"]
    )
    return squeeze(pdf_text(client.get(url)).split("Endorsement", 1)[1])


def test_the_pdf_prints_the_opinions_given_on_the_submitted_version(client_for, in_approval):
    approval_round = in_approval.rounds.get()
    monitoring_officer = person(Role.MONITORING_OFFICER, first_name="Mona", last_name="Officer")
    step = next(s for s in pending(approval_round) if s.role == Role.MONITORING_OFFICER)
    decide(step, monitoring_officer)
    text = endorsement_text(client_for(person(Role.REGISTER_OWNER)), in_approval)
    assert "MonaOfficer" in text


def test_a_returned_and_resubmitted_form_prints_none_of_the_earlier_rounds_opinions(client_for):
    """The earlier round's endorsements were given on the earlier version (G 2.6)."""
    arrangement = other_partnership()
    approval_round = submit(arrangement)
    monitoring_officer = person(Role.MONITORING_OFFICER, first_name="Mona", last_name="Officer")
    for step in pending(approval_round):
        decide(
            step, monitoring_officer if step.role == Role.MONITORING_OFFICER else someone_for(step)
        )
    director_step = next(s for s in pending(approval_round) if s.role == Role.DIRECTOR)
    decide(director_step, someone_for(director_step), Outcome.RETURN, comment="Costs are missing")
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DRAFT
    reader = client_for(person(Role.REGISTER_OWNER))
    assert "MonaOfficer" not in endorsement_text(reader, arrangement)  # returned: a draft again
    submit_required_forms(arrangement)
    assert "MonaOfficer" not in endorsement_text(reader, arrangement)  # resubmitted: not yet


def test_a_draft_prints_no_endorsement_even_when_opinions_exist(client_for, in_approval):
    approval_round = in_approval.rounds.get()
    step = next(s for s in pending(approval_round) if s.role == Role.MONITORING_OFFICER)
    decide(step, person(Role.MONITORING_OFFICER, first_name="Mona", last_name="Officer"))
    evaluation = response_for(in_approval, DEFINITIONS["gravesham_evaluation"], APPROVAL)
    type(evaluation).objects.filter(pk=evaluation.pk).update(status=FormStatus.DRAFT)
    assert "MonaOfficer" not in endorsement_text(
        client_for(person(Role.REGISTER_OWNER)), in_approval
    )


def test_a_material_change_that_needs_a_new_form_is_refused_until_it_is_submitted():
    """A joint officer arrangement that becomes joint management needs its business case
    (G 3.7) before it is approved again, as on first submission."""
    arrangement = other_partnership(kind=Kind.SHARED_SERVICE, type=ArrangementType.JOINT_OFFICER)
    approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    arrangement.type = ArrangementType.JOINT_MANAGEMENT
    arrangement.save()
    DocumentFactory(arrangement=arrangement, kind=DocumentKind.BUSINESS_CASE)
    with pytest.raises(ValidationError) as refused:
        services.route_again(
            arrangement=arrangement, user=arrangement.lead_officer, reasons=["type changed"]
        )
    assert refused.value.messages == [
        "Fill in and submit the Shared Services Business Case (Appendix 2): the approvers "
        "read it before they give their opinions and decide"
    ]
    submit_required_forms(arrangement)
    services.route_again(
        arrangement=arrangement, user=arrangement.lead_officer, reasons=["type changed"]
    )
    assert arrangement.rounds.filter(purpose="reapproval", closed_at__isnull=True).exists()


def test_a_submitted_form_reads_in_words_as_its_pdf_does(client_for, in_approval):
    """Yes / No and pounds, never the stored True or 1000."""
    url = reverse(
        "council_forms:fill", args=[in_approval.reference, "approval", "gravesham_evaluation"]
    )
    page = client_for(in_approval.lead_officer).get(url).content.decode()
    assert "Submit the form" not in page  # read-only
    answers = page.split('id="sections"', 1)[1]
    assert ">True<" not in answers and ">Yes<" in answers


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        ("submitted", "This form has been submitted, so it is read-only unless it is returned."),
        ("with approvers", "This arrangement is with its approvers or has ended"),
        ("another officer", "You can read this form but not change it."),
    ],
)
def test_a_read_only_form_says_why_it_is_read_only(client_for, state, reason):
    arrangement = other_partnership()
    reader = arrangement.lead_officer
    key = "gravesham_evaluation"
    if state == "submitted":
        submit_required_forms(arrangement)
    elif state == "with approvers":
        submit(arrangement)
        key = "gravesham_business_case"  # not required, never saved: locked all the same
    else:
        arrangement.status = Status.ACTIVE
        arrangement.save()
        reader = person(Role.MONITORING_OFFICER)
    url = reverse("council_forms:fill", args=[arrangement.reference, "approval", key])
    page = client_for(reader).get(url).content.decode()
    assert reason in page
    assert "Submit the form" not in page
