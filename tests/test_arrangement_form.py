"""Recording and changing an arrangement: drafts, submission and every kind of bad input."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from register import services
from register.choices import Status
from register.lifecycle import TransitionNotAllowed
from register.models import Arrangement
from register.versions import version_of
from tests.factories import ArrangementFactory, ScreeningFactory, submit_required_forms


def form_data(arrangement=None, **overrides):
    """The form as a browser would post it: every answer of a complete arrangement."""
    data = {
        "name": "North Kent Community Safety Partnership",
        "kind": "partnership",
        "type": "strategic",
        "purpose": "Reduce crime",
        "rationale": "No agency can do it alone",
        "is_statutory": "True",
        "legal_status": "unincorporated",
        "lead_organisation": "Gravesham Borough Council",
        "area": "Gravesham",
        "start_date_0": "1",
        "start_date_1": "4",
        "start_date_2": "2026",
        "end_date_0": "",
        "end_date_1": "",
        "end_date_2": "",
        "is_fundamental_to_objective": "False",
        "cash_per_year": "25000",
        "staff_fte": "0.5",
        "staff_cost_per_year": "20000",
        "in_kind_per_year": "0",
        "shares_personal_data": "False",
        "safeguarding_impact": "None",
        "equalities_impact": "Positive",
        "climate_change_impact": "Neutral",
        "exit_strategy": "Six months' notice",
        "meeting_frequency": "quarterly",
        "action": "draft",
    }
    if arrangement is not None:
        data["lead_officer"] = arrangement.lead_officer_id
        data["service"] = arrangement.service_id
        data["version"] = version_of(arrangement)  # the version it was opened at
    data.update(overrides)
    return data


def create_url(officer):
    """The create page, after a screening by the officer that found the proposal in scope."""
    screening = ScreeningFactory(screened_by=officer, proposal="Kent Resilience Forum")
    return f"{reverse('register:create')}?screening={screening.pk}"


def edit_url(arrangement):
    return reverse("register:edit", args=[arrangement.reference])


@pytest.fixture
def draft(lead_officer):
    return ArrangementFactory(lead_officer=lead_officer, complete=True, name="Original name")


def test_a_draft_can_be_saved_with_only_a_name(lead_officer_client, lead_officer):
    response = lead_officer_client.post(
        create_url(lead_officer),
        {"name": "Kent Resilience Forum", "kind": "partnership", "action": "draft"},
    )
    arrangement = Arrangement.objects.get(name="Kent Resilience Forum")
    assert response.status_code == 302
    assert response["Location"] == reverse("register:next", args=[arrangement.reference])
    assert arrangement.status == Status.DRAFT
    assert arrangement.created_by == lead_officer
    assert arrangement.lead_officer == lead_officer


def test_the_draft_page_lists_what_is_still_missing(lead_officer_client, lead_officer):
    lead_officer_client.post(
        create_url(lead_officer),
        {"name": "Kent Resilience Forum", "kind": "partnership", "action": "draft"},
    )
    arrangement = Arrangement.objects.get(name="Kent Resilience Forum")
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    assert "This draft cannot be submitted yet" in page
    assert "Enter the exit strategy" in page
    assert "Add at least one partner organisation" in page


def test_money_is_read_as_officers_type_it(lead_officer_client, draft):
    lead_officer_client.post(edit_url(draft), form_data(draft, cash_per_year="£25,000.50"))
    draft.refresh_from_db()
    assert draft.cash_per_year == Decimal("25000.50")


def test_the_staffs_working_days_a_year_are_kept_and_shown_beside_their_fte(
    lead_officer_client, draft
):
    response = lead_officer_client.post(
        edit_url(draft), form_data(draft, staff_fte="0.5", staff_working_days="110")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.staff_fte, draft.staff_working_days) == (Decimal("0.5"), 110)
    page = lead_officer_client.get(draft.get_absolute_url()).content.decode()
    assert "Staff working days a year</dt>" in page
    assert page.index("Staff (full-time equivalent)") < page.index("Staff working days a year")


def test_a_complete_draft_is_submitted_and_goes_into_approval(lead_officer_client, draft):
    submit_required_forms(draft)
    response = lead_officer_client.post(edit_url(draft), form_data(draft, action="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.IN_APPROVAL
    statuses = [record.status for record in draft.history.order_by("history_id")]
    assert statuses[-2:] == [Status.SUBMITTED, Status.IN_APPROVAL]


BAD_INPUT = [
    (
        "end date before start",
        {"end_date_0": "31", "end_date_1": "3", "end_date_2": "2026"},
        "end_date",
        "The end date must be the same as or after the start date",
    ),
    (
        "negative money",
        {"cash_per_year": "-1"},
        "cash_per_year",
        "Enter the council's cash a year of £0 or more",
    ),
    (
        "money that is not a number",
        {"staff_cost_per_year": "twenty pounds"},
        "staff_cost_per_year",
        "Enter the council's staff cost a year as a number of pounds, like 25000 or 25000.50",
    ),
    (
        "money with more than two decimal places",
        {"in_kind_per_year": "100.555"},
        "in_kind_per_year",
        "Enter the council's in-kind contribution a year to the nearest penny",
    ),
    (
        "staff time that is not a number",
        {"staff_fte": "half"},
        "staff_fte",
        "Enter the staff time as a number, like 0.5",
    ),
    (
        "working days that are not a whole number",
        {"staff_working_days": "110.5"},
        "staff_working_days",
        "Enter the working days a year as a whole number, like 110",
    ),
    (
        "negative working days",
        {"staff_working_days": "-5"},
        "staff_working_days",
        "Enter working days of 0 or more",
    ),
    (
        "text over its limit",
        {"name": "x" * 201},
        "name",
        "Name of the arrangement must be 200 characters or fewer",
    ),
    (
        "long text over its limit",
        {"exit_strategy": "x" * 5001},
        "exit_strategy",
        "must be 5,000 characters or fewer",
    ),
    (
        "a date that does not exist",
        {"start_date_0": "31", "start_date_1": "2"},
        "start_date",
        "must be a real date",
    ),
    ("a missing name", {"name": ""}, "name", "Enter the name of the arrangement"),
    (
        "a type that is not of the kind",
        {"kind": "shared_service", "type": "strategic"},
        "type",
        "Choose a type of shared service",
    ),
]


@pytest.mark.parametrize(
    ("case", "overrides", "field", "message"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
def test_bad_input_is_explained_next_to_the_field_and_in_the_summary_and_nothing_is_saved(
    lead_officer_client, draft, case, overrides, field, message
):
    response = lead_officer_client.post(edit_url(draft), form_data(draft, **overrides))
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert page.count(message.replace("'", "&#x27;")) >= 2  # in the summary and by the field
    draft.refresh_from_db()
    assert draft.name == "Original name"


SUBMISSION_NEEDS = [
    ("exit_strategy", "", "Enter the exit strategy"),
    ("safeguarding_impact", "", "Enter the safeguarding impact"),
    ("is_statutory", "", "Select whether the arrangement is statutory"),
    ("start_date_0", "", "The date it was formed or is due to start must include a day"),
]


@pytest.mark.parametrize(("field", "value", "message"), SUBMISSION_NEEDS)
def test_submitting_without_a_required_answer_is_refused_and_nothing_is_saved(
    lead_officer_client, draft, field, value, message
):
    overrides = {field: value, "action": "submit", "name": "Changed name"}
    if field == "start_date_0":
        overrides.update(start_date_1="", start_date_2="")
        message = "Enter the date the arrangement was formed or is due to start"
    response = lead_officer_client.post(edit_url(draft), form_data(draft, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.name) == (Status.DRAFT, "Original name")


def test_the_same_missing_answer_saves_as_a_draft(lead_officer_client, draft):
    response = lead_officer_client.post(edit_url(draft), form_data(draft, exit_strategy=""))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.exit_strategy == ""


def test_submitting_without_partners_or_risks_is_refused(lead_officer_client, lead_officer):
    bare = ArrangementFactory(lead_officer=lead_officer)
    response = lead_officer_client.post(edit_url(bare), form_data(bare, action="submit"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Add at least one partner organisation" in page
    assert "Add at least one risk to the risk register" in page


def test_a_failure_during_submission_leaves_the_saved_draft_untouched(
    lead_officer_client, draft, monkeypatch
):
    def refuse(*args, **kwargs):
        raise TransitionNotAllowed("refused")

    submit_required_forms(draft)
    monkeypatch.setattr(services, "change_status", refuse)
    with pytest.raises(TransitionNotAllowed):
        lead_officer_client.post(
            edit_url(draft), form_data(draft, action="submit", name="Half-saved name")
        )
    draft.refresh_from_db()
    assert (draft.name, draft.status) == ("Original name", Status.DRAFT)


def test_a_submitted_arrangement_cannot_be_edited(lead_officer_client, draft):
    draft.status = Status.SUBMITTED
    draft.save()
    assert lead_officer_client.get(edit_url(draft)).status_code == 403


def test_ending_before_it_starts_is_one_message_and_the_database_still_refuses_it(db):
    """clean() says it in words (so Django's own query for the constraint is skipped); the
    constraint stays in the database for anything written around the form."""
    arrangement = ArrangementFactory(start_date=datetime.date(2026, 4, 1))
    arrangement.end_date = datetime.date(2026, 3, 31)
    with pytest.raises(ValidationError) as refused:
        arrangement.full_clean()
    assert refused.value.message_dict == {
        "end_date": ["The end date must be the same as or after the start date"]
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Arrangement.objects.filter(pk=arrangement.pk).update(end_date=datetime.date(2026, 3, 31))
