"""Screening before an arrangement is recorded: out-of-scope proposals are told why, in the
policy's words, and every answer is kept."""

import pytest
from django.urls import reverse

from register.models import Arrangement, Screening
from register.policies.base import SCREENING_KEYS
from register.roles import Role
from tests.factories import ScreeningFactory, UserFactory

ALL_NO = {key: "False" for key in SCREENING_KEYS}


def screen(client, **answers):
    return client.post(
        reverse("register:screening"),
        {"proposal": "Gravesham Town Centre Forum", **ALL_NO, **answers},
    )


def test_recording_an_arrangement_starts_with_screening(lead_officer_client):
    response = lead_officer_client.get(reverse("register:create"))
    assert response.status_code == 302
    assert response["Location"] == reverse("register:screening")


def test_an_in_scope_proposal_goes_on_to_the_form_with_its_name(lead_officer_client, lead_officer):
    response = screen(lead_officer_client)
    screening = Screening.objects.get()
    assert screening.in_scope and screening.screened_by == lead_officer
    assert response["Location"] == f"{reverse('register:create')}?screening={screening.pk}"
    form_page = lead_officer_client.get(response["Location"])
    assert form_page.context["form"]["name"].value() == "Gravesham Town Centre Forum"


def test_the_screening_answers_are_kept_with_the_arrangement(lead_officer_client):
    url = screen(lead_officer_client)["Location"]
    lead_officer_client.post(
        url, {"name": "Gravesham Town Centre Forum", "kind": "partnership", "action": "draft"}
    )
    arrangement = Arrangement.objects.get()
    assert Screening.objects.get().arrangement == arrangement
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    assert "Is it a client-contractor contract" in page


OUT_OF_SCOPE = [
    ("client_contractor", "formal client-contractor contract (G 1.18)"),
    ("commissioning", "is not a partnership arrangement"),
    ("grant", "Grants to community organisations are reviewed every three years"),
    ("informal_forum", "(G 1.9)"),
]


@pytest.mark.parametrize(("key", "words"), OUT_OF_SCOPE)
def test_an_out_of_scope_proposal_is_told_why_in_the_policys_words_and_kept(
    lead_officer_client, key, words
):
    response = screen(lead_officer_client, **{key: "True"})
    assert response.status_code == 200
    page = response.content.decode().replace("&#x27;", "'")
    assert "is not covered by the Working in Partnership Framework" in page
    assert words in page
    screening = Screening.objects.get()
    assert not screening.in_scope and screening.answers[key] is True
    assert not Arrangement.objects.exists()


def test_an_out_of_scope_screening_cannot_be_used_to_record_an_arrangement(
    lead_officer_client, lead_officer
):
    screening = ScreeningFactory(screened_by=lead_officer, in_scope=False)
    response = lead_officer_client.get(f"{reverse('register:create')}?screening={screening.pk}")
    assert response["Location"] == reverse("register:screening")


def test_another_officers_screening_cannot_be_used(lead_officer_client):
    screening = ScreeningFactory(screened_by=UserFactory(roles=[Role.LEAD_OFFICER]))
    response = lead_officer_client.post(
        f"{reverse('register:create')}?screening={screening.pk}",
        {"name": "Borrowed", "kind": "partnership", "action": "draft"},
    )
    assert response.status_code == 302
    assert not Arrangement.objects.exists()


def test_a_screening_records_one_arrangement_only(lead_officer_client):
    url = screen(lead_officer_client)["Location"]
    data = {"name": "Forum", "kind": "partnership", "action": "draft"}
    lead_officer_client.post(url, data)
    lead_officer_client.post(url, data)
    assert Arrangement.objects.count() == 1


def test_every_screening_question_must_be_answered(lead_officer_client):
    response = lead_officer_client.post(
        reverse("register:screening"), {"proposal": "", "grant": "False"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["proposal"] == ["Enter the name of the proposed arrangement"]
    assert set(errors) == {"proposal", "client_contractor", "commissioning", "informal_forum"}
    assert not Screening.objects.exists()


@pytest.mark.parametrize("role", [Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY])
def test_read_only_roles_cannot_screen_or_propose(client_for, role):
    client = client_for(role)
    assert client.get(reverse("register:screening")).status_code == 403
    assert client.get(reverse("register:create")).status_code == 403
