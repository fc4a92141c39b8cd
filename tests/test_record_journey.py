"""The record journey in one go (issue 10, point 10): the route preview follows what is entered,
through the preview URL (posted by static/js/route-preview.js as fields change, and by the
'Update the approval route' button without JavaScript), saving nothing; after the first save
a new arrangement goes to 'What next', with its partners, risks, council forms and what is
still missing, until it is ready to submit."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from register.models import Arrangement
from register.roles import Role
from tests.factories import (
    ArrangementFactory,
    PartnerFactory,
    RiskFactory,
    ScreeningFactory,
    submit_required_forms,
)
from tests.test_arrangement_form import form_data

pytestmark = pytest.mark.django_db


def create_route_url(screening):
    return f"{reverse('register:create-route')}?screening={screening.pk}"


def create_url(screening):
    return f"{reverse('register:create')}?screening={screening.pk}"


def preview_section(response) -> str:
    """The words of the page's #route-preview-content, the part the script swaps in."""
    html = response.content.decode()
    start = html.index('id="route-preview-content"')
    end = html.index('id="route-preview-status"')
    return " ".join(re.sub(r"<[^>]+>", " ", html[start:end]).split())


@pytest.fixture
def screening(lead_officer):
    return ScreeningFactory(screened_by=lead_officer, proposal="North Kent Safety Partnership")


# Gravesham's route as each answer changes it (G 1.11b, 2.14, 3.10).
ROUTE_CHANGES = [
    (
        "other: council resources of £49,999.99 G 1.11c",
        {"cash_per_year": "29999.99", "staff_cost_per_year": "20000", "is_statutory": "False"},
        "Other",
        "Approval by the relevant Director",
    ),
    (
        "significant: council resources of £50,000 G 1.11b",
        {"cash_per_year": "30000", "staff_cost_per_year": "20000", "is_statutory": "False"},
        "Significant",
        "Discussion at Management Team",
    ),
    (
        "significant: statutory G 1.11b",
        {"cash_per_year": "0", "staff_cost_per_year": "0", "is_statutory": "True"},
        "Significant",
        "Discussion at Management Team",
    ),
    (
        "full shared service: Cabinet G 3.10a",
        {"kind": "shared_service", "type": "full_shared_service", "is_statutory": "False"},
        "Shared service",
        "Cabinet approval",
    ),
    (
        "joint management: Cabinet Committee G 3.10b",
        {"kind": "shared_service", "type": "joint_management", "is_statutory": "False"},
        "Shared service",
        "Discussion at the relevant Cabinet Committee",
    ),
]


@pytest.mark.parametrize(
    ("case", "answers", "category", "stage"), ROUTE_CHANGES, ids=[c[0] for c in ROUTE_CHANGES]
)
def test_the_route_preview_is_worked_out_again_from_what_is_typed(
    lead_officer_client, screening, case, answers, category, stage
):
    response = lead_officer_client.post(create_route_url(screening), form_data(**answers))

    assert response.status_code == 200
    preview = preview_section(response)
    assert category in preview
    assert stage in preview
    assert not Arrangement.objects.exists()


def test_crossing_the_threshold_changes_the_preview_G_1_11b(lead_officer_client, screening):
    below, above = (
        preview_section(
            lead_officer_client.post(
                create_route_url(screening),
                form_data(cash_per_year=cash, staff_cost_per_year="0", is_statutory="False"),
            )
        )
        for cash in ("49999.99", "50000")
    )
    assert "Management Team" not in below
    assert "Management Team" in above


def test_the_preview_of_a_saved_arrangement_changes_nothing_and_adds_no_history(
    lead_officer_client, lead_officer
):
    arrangement = ArrangementFactory(lead_officer=lead_officer, complete=True)
    before = (arrangement.history.count(), Arrangement.objects.get(pk=arrangement.pk).name)
    url = reverse("register:edit-route", args=[arrangement.reference])

    response = lead_officer_client.post(
        url, form_data(arrangement, name="A new name", cash_per_year="90000")
    )

    assert response.status_code == 200
    assert "Significant" in preview_section(response)
    assert 'value="A new name"' in response.content.decode()  # what was typed stays
    arrangement.refresh_from_db()
    assert (arrangement.history.count(), arrangement.name) == before


BAD_INPUT = [
    ("money that is not a number", {"cash_per_year": "lots"}, "Cash a year"),
    ("a date that does not exist", {"start_date_0": "31", "start_date_1": "2"}, "start"),
    ("no name", {"name": ""}, "Name of the arrangement"),
]


@pytest.mark.parametrize(("case", "answers", "field"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_to_the_preview_is_told_not_a_server_error(
    lead_officer_client, screening, case, answers, field
):
    response = lead_officer_client.post(create_route_url(screening), form_data(**answers))

    assert response.status_code == 200
    preview = preview_section(response)
    assert "Some answers could not be used yet" in preview
    assert field.lower() in preview.lower()
    assert "Who gives opinions, who decides" in preview  # the route of the rest
    assert not Arrangement.objects.exists()


REFUSED = [
    ("read-only role: Internal Audit", Role.INTERNAL_AUDIT, 403),
    ("read-only role: Overview & Scrutiny", Role.OVERVIEW_SCRUTINY, 403),
    ("another lead officer: their draft is not found", Role.LEAD_OFFICER, 404),
]


@pytest.mark.parametrize(("case", "role", "status"), REFUSED, ids=[c[0] for c in REFUSED])
def test_the_preview_of_an_arrangement_is_refused_to_whoever_may_not_change_it(
    client_for, case, role, status
):
    arrangement = ArrangementFactory(complete=True)
    url = reverse("register:edit-route", args=[arrangement.reference])
    response = client_for(role).post(url, form_data(arrangement))
    assert response.status_code == status


def test_the_preview_of_a_new_arrangement_is_refused_to_read_only_roles(client_for):
    client = client_for(Role.INTERNAL_AUDIT)
    screening = ScreeningFactory(screened_by=client.user)
    assert client.post(create_route_url(screening), form_data()).status_code == 403


def test_the_preview_needs_the_forms_csrf_token(lead_officer, screening):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead_officer)
    assert client.post(create_route_url(screening), form_data()).status_code == 403


def test_opening_the_preview_url_goes_to_the_form(lead_officer_client, screening):
    response = lead_officer_client.get(create_route_url(screening))
    assert response.status_code == 302
    assert response["Location"] == create_url(screening)


def test_without_javascript_the_button_posts_the_form_to_the_preview(
    lead_officer_client, screening
):
    page = lead_officer_client.get(create_url(screening)).content.decode()
    button = re.search(r"<button[^>]*>Update the approval route</button>", page).group(0)
    assert 'name="action" value="preview"' in button
    assert f'formaction="{create_route_url(screening)}"' in button
    # The form itself still saves to the form's own URL, whichever page shows it.
    assert f'action="{create_url(screening)}"' in page
    assert 'src="/static/js/route-preview.js"' in page

    shown = lead_officer_client.post(
        create_route_url(screening), form_data(cash_per_year="60000", action="preview")
    ).content.decode()

    assert '<details class="govuk-details" id="route-preview" open>' in shown
    assert 'value="60000"' in shown
    assert not Arrangement.objects.exists()


# After the first save ---------------------------------------------------------------------


def test_the_first_save_goes_on_to_partners_risks_and_what_is_missing(
    lead_officer_client, screening
):
    response = lead_officer_client.post(
        create_url(screening), form_data(action="draft"), follow=True
    )
    arrangement = Arrangement.objects.get()

    assert response.redirect_chain[-1][0] == reverse("register:next", args=[arrangement.reference])
    page = response.content.decode()
    assert f"{arrangement.reference} saved" in page
    assert reverse("register:part-add", args=[arrangement.reference, "partners"]) in page
    assert reverse("register:part-add", args=[arrangement.reference, "risks"]) in page
    assert "Council forms" in page  # the forms Gravesham's policy requires
    assert "Add at least one partner organisation" in page
    assert 'id="ready-to-submit"' not in page


def test_with_its_partners_risks_and_forms_it_is_ready_to_submit(lead_officer_client, lead_officer):
    arrangement = ArrangementFactory(lead_officer=lead_officer)
    url = reverse("register:next", args=[arrangement.reference])
    assert 'id="ready-to-submit"' not in lead_officer_client.get(url).content.decode()

    PartnerFactory(arrangement=arrangement)
    RiskFactory(arrangement=arrangement)
    page = lead_officer_client.get(url).content.decode()
    assert 'id="ready-to-submit"' not in page  # its council forms come first (G 2.6)
    assert "Fill in and submit the Partnership Evaluation (Appendix 1)" in page
    submit_required_forms(arrangement)

    page = lead_officer_client.get(url).content.decode()
    assert 'id="ready-to-submit"' in page
    assert f"{reverse('register:edit', args=[arrangement.reference])}#actions" in page


@pytest.mark.parametrize(
    ("case", "role", "status"),
    [
        ("read-only role", Role.INTERNAL_AUDIT, 403),
        ("another lead officer", Role.LEAD_OFFICER, 404),
    ],
)
def test_what_next_is_for_whoever_may_change_the_arrangement(client_for, case, role, status):
    arrangement = ArrangementFactory()
    url = reverse("register:next", args=[arrangement.reference])
    assert client_for(role).get(url).status_code == status
