"""Who may open and change what: a table of (role, page, expected status) cases."""

import pytest
from django.urls import reverse

from register.choices import Status
from register.roles import Role
from tests.factories import ArrangementFactory, PartnerFactory, UserFactory

OWN, OTHERS_DRAFT, OTHERS_ACTIVE = "own draft", "another officer's draft", "another's active"


@pytest.fixture
def arrangements(db, lead_officer):
    other = UserFactory(roles=[Role.LEAD_OFFICER])
    return {
        OWN: ArrangementFactory(lead_officer=lead_officer),
        OTHERS_DRAFT: ArrangementFactory(lead_officer=other),
        OTHERS_ACTIVE: ArrangementFactory(lead_officer=other, status=Status.ACTIVE),
    }


VIEW_CASES = [
    (Role.LEAD_OFFICER, OWN, 200),
    (Role.LEAD_OFFICER, OTHERS_DRAFT, 404),
    (Role.LEAD_OFFICER, OTHERS_ACTIVE, 200),
    (Role.MONITORING_OFFICER, OTHERS_DRAFT, 404),
    (Role.MONITORING_OFFICER, OTHERS_ACTIVE, 200),
    (Role.INTERNAL_AUDIT, OTHERS_DRAFT, 200),
    (Role.OVERVIEW_SCRUTINY, OTHERS_DRAFT, 200),
    (Role.REGISTER_OWNER, OTHERS_DRAFT, 200),
    (Role.ADMINISTRATOR, OTHERS_DRAFT, 200),
]


@pytest.mark.parametrize(("role", "which", "expected"), VIEW_CASES)
@pytest.mark.parametrize("page", ["register:detail", "register:history"])
def test_who_can_open_an_arrangement(
    client_for, lead_officer, arrangements, role, which, expected, page
):
    client = client_for(lead_officer if role == Role.LEAD_OFFICER else role)
    url = reverse(page, args=[arrangements[which].reference])
    assert client.get(url).status_code == expected


EDIT_CASES = [
    (Role.LEAD_OFFICER, OWN, 200),
    (Role.LEAD_OFFICER, OTHERS_ACTIVE, 403),
    (Role.LEAD_OFFICER, OTHERS_DRAFT, 404),
    (Role.INTERNAL_AUDIT, OTHERS_DRAFT, 403),
    (Role.OVERVIEW_SCRUTINY, OTHERS_ACTIVE, 403),
    (Role.SECTION_151_OFFICER, OTHERS_ACTIVE, 403),
    (Role.REGISTER_OWNER, OTHERS_ACTIVE, 200),
    (Role.ADMINISTRATOR, OTHERS_DRAFT, 200),
]


@pytest.mark.parametrize(("role", "which", "expected"), EDIT_CASES)
@pytest.mark.parametrize("page", ["register:edit", "partners-add"])
def test_who_can_change_an_arrangement(
    client_for, lead_officer, arrangements, role, which, expected, page
):
    client = client_for(lead_officer if role == Role.LEAD_OFFICER else role)
    reference = arrangements[which].reference
    url = (
        reverse("register:part-add", args=[reference, "partners"])
        if page == "partners-add"
        else reverse(page, args=[reference])
    )
    assert client.get(url).status_code == expected


@pytest.mark.parametrize("role", [Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY])
def test_read_only_roles_cannot_change_anything_by_posting(client_for, arrangements, role):
    client = client_for(role)
    arrangement = arrangements[OWN]
    partner = PartnerFactory(arrangement=arrangement)
    posts = [
        reverse("register:edit", args=[arrangement.reference]),
        reverse("register:create"),
        reverse("register:part-add", args=[arrangement.reference, "risks"]),
        reverse("register:part-remove", args=[arrangement.reference, "partners", partner.pk]),
    ]
    for url in posts:
        assert client.post(url, {"name": "Changed", "kind": "partnership"}).status_code == 403
    arrangement.refresh_from_db()
    assert arrangement.name != "Changed"
    assert arrangement.partners.filter(pk=partner.pk).exists()


@pytest.mark.parametrize("role", [Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY])
def test_read_only_roles_see_every_draft_in_the_list(client_for, arrangements, role):
    response = client_for(role).get(reverse("register:list"))
    listed = {a.reference for a in response.context["arrangements"]}
    assert listed == {a.reference for a in arrangements.values()}


def test_officer_does_not_see_another_officers_draft_in_the_list(lead_officer_client, arrangements):
    listed = {
        a.reference
        for a in lead_officer_client.get(reverse("register:list")).context["arrangements"]
    }
    assert listed == {arrangements[OWN].reference, arrangements[OTHERS_ACTIVE].reference}


def test_my_arrangements_lists_only_what_the_officer_leads_or_proposed(
    lead_officer_client, arrangements
):
    listed = {
        a.reference
        for a in lead_officer_client.get(reverse("register:mine")).context["arrangements"]
    }
    assert listed == {arrangements[OWN].reference}


@pytest.mark.parametrize(
    "url", ["/", "/arrangements/", "/arrangements/new/", "/arrangements/mine/"]
)
def test_pages_need_a_signed_in_user(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_arrangement_page_needs_a_signed_in_user(client, arrangements):
    response = client.get(arrangements[OTHERS_ACTIVE].get_absolute_url())
    assert response.status_code == 302


@pytest.mark.parametrize("url", ["/sign-in/", "/accessibility/"])
def test_sign_in_and_accessibility_statement_are_open_to_everyone(client, db, url):
    assert client.get(url).status_code == 200


def test_signed_in_user_without_a_role_sees_no_arrangements(client_for, arrangements):
    client = client_for(UserFactory(roles=[]))
    assert list(client.get(reverse("register:list")).context["arrangements"]) == []
    assert client.get(arrangements[OTHERS_ACTIVE].get_absolute_url()).status_code == 404


def test_sign_in_with_wrong_password_says_so_on_the_page(client, db):
    UserFactory(username="jsmith")
    response = client.post(reverse("login"), {"username": "jsmith", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_sign_in_and_sign_out(client, db):
    UserFactory(username="jsmith")
    response = client.post(reverse("login"), {"username": "jsmith", "password": "demo-password-1"})
    assert response.status_code == 302
    assert client.get(reverse("register:list")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("register:list")).status_code == 302


def test_sign_out_by_get_is_refused(client_for, db):
    client = client_for(Role.LEAD_OFFICER)
    assert client.get(reverse("logout")).status_code == 405
