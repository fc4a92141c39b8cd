"""Single sign-on against a real OpenID Connect provider started on loopback (tests/oidc/):
discovery, the code flow with PKCE, signed ID tokens. People are matched by issuer, tenant
and subject, never by e-mail; groups become roles at every sign-in; newcomers are refused
or given an account as OIDC_NEW_USERS says. (The browser journey: tests/e2e/.)"""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation
from django.test import Client
from django.urls import reverse

from register.accounts import sso
from register.accounts.models import SignedInSession, SignInIdentity
from register.roles import Role
from tests.factories import UserFactory
from tests.oidc import oidc_provider, provider_sign_in

TENANT = "8c1f0d6e-0000-4000-8000-00000000c0de"
LEADS = "group-lead-officers"
MONITORING = "group-monitoring-officers"
SAME_EMAIL = "priya.sharma@council.example"
CALLBACK = "http://testserver/sign-in/council/callback/"

ACCOUNTS = {
    "priya": {
        "tid": TENANT,
        "oid": "oid-priya",
        "email": SAME_EMAIL,
        "given_name": "Priya",
        "family_name": "Sharma",
        "preferred_username": SAME_EMAIL,
        "groups": [LEADS],
    },
    # Someone else whose directory entry has Priya's e-mail address.
    "impostor": {
        "tid": TENANT,
        "oid": "oid-impostor",
        "email": SAME_EMAIL,
        "preferred_username": "impostor@council.example",
        "groups": [LEADS],
    },
    # Priya's object ID, but in another organisation's directory.
    "other-directory": {
        "tid": "another-tenant",
        "oid": "oid-priya",
        "email": SAME_EMAIL,
        "groups": [LEADS],
    },
    "richard": {
        "tid": TENANT,
        "oid": "oid-richard",
        "name": "Richard Ellis",
        "preferred_username": "richard.ellis@council.example",
        "groups": [MONITORING, "group-not-mapped"],
    },
    "no-groups": {"tid": TENANT, "oid": "oid-no-groups", "name": "Sam Nobody", "groups": []},
    # In so many groups that Entra leaves them out of the token (the "groups overage").
    "many-groups": {
        "tid": TENANT,
        "oid": "oid-many-groups",
        "name": "Mo Many",
        "_claim_names": {"groups": "src1"},
    },
    # A provider other than Entra: no tenant, no oid; the person is its sub.
    "plain": {"email": "plain@council.example", "name": "Pat Plain"},
}


@pytest.fixture(scope="module")
def provider():
    with oidc_provider(redirect_uris=[CALLBACK], accounts=ACCOUNTS) as running:
        yield running


@pytest.fixture
def sso_settings(settings, provider, db):
    provider.configure(
        settings,
        OIDC_GROUP_ROLES=f"{LEADS}=lead_officer,{MONITORING}=monitoring_officer",
        OIDC_NEW_USERS="refuse",
        LOCAL_SIGN_IN="administrators",
    )
    return settings


def link(user, login):
    claims = ACCOUNTS[login]
    return SignInIdentity.objects.create(
        user=user,
        issuer=sso.settings.OIDC_ISSUER,
        tenant=claims.get("tid", ""),
        subject=claims.get("oid", login),
    )


def council_sign_in(client, login, next_url=""):
    """Press "Sign in with your council account", sign in at the provider, come back."""
    start = client.get(reverse("sso-start"), {"next": next_url} if next_url else {})
    assert start.status_code == 302, start.content[:300]
    back = urlsplit(provider_sign_in(start["Location"], login, callback_prefix=CALLBACK))
    return client.get(f"{back.path}?{back.query}")


def signed_in_user(client):
    response = client.get(reverse("session-status"))
    return json.loads(response.content)["signed_in"]


def messages_on_sign_in_page(client):
    return client.get(reverse("login")).content.decode()


def test_the_sign_in_page_offers_the_council_account_first(client, sso_settings):
    page = client.get(reverse("login")).content.decode()

    assert "Sign in with your council account" in page
    assert "Administrators: sign in with a password" in page


def test_the_provider_is_asked_for_the_code_flow_with_pkce_s256_and_a_nonce(client, sso_settings):
    start = client.get(reverse("sso-start"))
    query = parse_qs(urlsplit(start["Location"]).query)

    assert start["Location"].startswith(f"{sso_settings.OIDC_ISSUER}/auth?")
    assert query["response_type"] == ["code"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["nonce"] and query["state"]
    assert query["client_id"] == [sso_settings.OIDC_RP_CLIENT_ID]


def test_a_linked_council_account_signs_in_goes_on_to_the_page_asked_for_and_is_logged(
    client, sso_settings, security_events
):
    priya = UserFactory(username="priya", roles=[Role.LEAD_OFFICER])
    link(priya, "priya")

    back = council_sign_in(client, "priya", next_url="/arrangements/mine/")

    assert back.status_code == 302 and back["Location"] == "/arrangements/mine/"
    assert client.session["_auth_user_id"] == str(priya.pk)
    [event] = security_events.named("sign_in.succeeded")
    assert event["user"] == "priya" and event["method"] == "council account"
    assert SignedInSession.objects.filter(user=priya, method="council account").count() == 1
    assert SignInIdentity.objects.get(user=priya).last_signed_in_at is not None


def test_a_council_account_session_ends_once_its_person_is_switched_off_however_it_is_done(
    client, sso_settings
):
    priya = UserFactory(username="priya")
    link(priya, "priya")
    council_sign_in(client, "priya")
    assert signed_in_user(client)

    get_user_model().objects.filter(pk=priya.pk).update(is_active=False)  # no signals

    assert not signed_in_user(client)


def test_a_next_address_on_another_site_is_not_followed(client, sso_settings):
    link(UserFactory(username="priya"), "priya")

    back = council_sign_in(client, "priya", next_url="https://evil.example/")

    assert back["Location"] == reverse("home")


def test_another_person_with_the_same_email_is_not_the_same_user(client, sso_settings):
    """Matched by tenant and object ID, never by e-mail: the impostor's directory entry has
    Priya's address but is another person, refused (not set up) rather than let in as her."""
    priya = UserFactory(username="priya", email=SAME_EMAIL)
    link(priya, "priya")

    back = council_sign_in(client, "impostor")

    assert back["Location"] == reverse("login")
    assert not signed_in_user(client)
    assert "has not been given access" in messages_on_sign_in_page(client)


def test_another_person_with_the_same_email_gets_an_account_of_their_own_when_created(
    client, sso_settings
):
    sso_settings.OIDC_NEW_USERS = "create"
    priya = UserFactory(username="priya", email=SAME_EMAIL)
    link(priya, "priya")

    council_sign_in(client, "impostor")

    impostor = get_user_model().objects.get(username="impostor@council.example")
    assert impostor != priya
    assert client.session["_auth_user_id"] == str(impostor.pk)
    assert SignInIdentity.objects.get(user=impostor).subject == "oid-impostor"


def test_the_same_object_id_in_another_directory_is_not_the_same_user(client, sso_settings):
    link(UserFactory(username="priya"), "priya")

    back = council_sign_in(client, "other-directory")

    assert back["Location"] == reverse("login")
    assert not signed_in_user(client)


def test_only_the_councils_own_directory_may_sign_in_when_the_tenant_is_set(
    client, sso_settings, security_events
):
    sso_settings.OIDC_TENANT_ID = TENANT
    sso_settings.OIDC_NEW_USERS = "create"

    council_sign_in(client, "other-directory")

    assert not signed_in_user(client)
    assert "That account is not in the council" in messages_on_sign_in_page(client)
    [event] = security_events.named("sign_in.failed")
    assert event["reason"] == "another directory"


def test_a_newcomer_is_refused_by_default_with_a_reference_for_the_administrator(
    client, sso_settings, security_events
):
    council_sign_in(client, "richard")

    assert not get_user_model().objects.filter(username__startswith="richard").exists()
    assert "quoting this reference: oid-richard" in messages_on_sign_in_page(client)
    [event] = security_events.named("sign_in.failed")
    assert (event["reason"], event["subject"], event["method"]) == (
        "not set up",
        "oid-richard",
        "council account",
    )


def test_a_newcomer_gets_an_account_with_the_roles_of_their_groups_when_created(
    client, sso_settings, security_events
):
    sso_settings.OIDC_NEW_USERS = "create"

    council_sign_in(client, "richard")

    richard = get_user_model().objects.get(username="richard.ellis@council.example")
    assert richard.get_full_name() == "Richard Ellis"
    assert list(richard.groups.values_list("name", flat=True)) == ["monitoring_officer"]
    assert not richard.has_usable_password()
    assert [(e["record"], e["role"], e["source"]) for e in security_events.named("role.added")] == [
        ("richard.ellis@council.example", "monitoring_officer", "single sign-on groups")
    ]
    assert security_events.named("user.created")


def test_a_newcomer_in_no_mapped_group_is_refused_even_when_accounts_are_created(
    client, sso_settings
):
    sso_settings.OIDC_NEW_USERS = "create"

    council_sign_in(client, "no-groups")

    assert not signed_in_user(client)
    assert not SignInIdentity.objects.exists()
    assert "not in a group that has access" in messages_on_sign_in_page(client)


def test_groups_give_and_take_the_mapped_roles_at_each_sign_in_and_leave_the_others(
    client, sso_settings, security_events
):
    """Richard's groups give Monitoring Officer; he had Lead officer (mapped, so taken away)
    and Director (not mapped: the administrator's to give, so kept)."""
    richard = UserFactory(username="richard", roles=[Role.LEAD_OFFICER, Role.DIRECTOR])
    link(richard, "richard")
    security_events.clear()

    council_sign_in(client, "richard")

    assert set(richard.groups.values_list("name", flat=True)) == {
        "monitoring_officer",
        "director",
    }
    changes = {
        (e["event"], e["role"], e["source"])
        for e in security_events
        if e["event"].startswith("role.")
    }
    assert changes == {
        ("role.added", "monitoring_officer", "single sign-on groups"),
        ("role.removed", "lead_officer", "single sign-on groups"),
    }


def test_when_the_token_leaves_the_groups_out_roles_are_left_as_they_are(
    client, sso_settings, security_events
):
    mo = UserFactory(username="mo", roles=[Role.LEAD_OFFICER])
    link(mo, "many-groups")

    council_sign_in(client, "many-groups")

    assert client.session["_auth_user_id"] == str(mo.pk)
    assert list(mo.groups.values_list("name", flat=True)) == ["lead_officer"]
    assert security_events.named("sign_in.groups_not_sent")


def test_a_newcomer_whose_groups_are_left_out_is_not_given_an_account(client, sso_settings):
    sso_settings.OIDC_NEW_USERS = "create"

    council_sign_in(client, "many-groups")

    assert not signed_in_user(client)


def test_without_a_group_mapping_roles_are_left_to_administrators(client, sso_settings):
    sso_settings.OIDC_GROUP_ROLES = ""
    richard = UserFactory(username="richard", roles=[Role.DIRECTOR])
    link(richard, "richard")

    council_sign_in(client, "richard")

    assert list(richard.groups.values_list("name", flat=True)) == ["director"]


def test_a_provider_without_tenants_matches_people_by_issuer_and_sub(client, sso_settings):
    pat = UserFactory(username="pat")
    SignInIdentity.objects.create(
        user=pat, issuer=sso_settings.OIDC_ISSUER, tenant="", subject="plain"
    )

    council_sign_in(client, "plain")

    assert client.session["_auth_user_id"] == str(pat.pk)


def test_a_switched_off_account_cannot_sign_in_with_its_council_account(client, sso_settings):
    priya = UserFactory(username="priya", is_active=False)
    link(priya, "priya")

    council_sign_in(client, "priya")

    assert not signed_in_user(client)
    assert "switched off" in messages_on_sign_in_page(client)


def test_a_callback_that_was_never_started_is_refused_with_a_message_not_an_error(
    client, sso_settings, security_events
):
    response = client.get(reverse("sso-callback"), {"code": "made-up", "state": "made-up"})

    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert security_events.named("sign_in.failed")


def test_a_callback_with_another_state_is_refused(client, sso_settings):
    client.get(reverse("sso-start"))

    response = client.get(reverse("sso-callback"), {"code": "made-up", "state": "another"})

    assert response["Location"] == reverse("login")
    assert "did not work" in messages_on_sign_in_page(client)


def test_a_provider_that_cannot_be_reached_gives_a_message(client, settings, db):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # discard port: nothing answers
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "id", "secret"

    response = client.get(reverse("sso-start"))

    assert response["Location"] == reverse("login")
    assert "did not work" in messages_on_sign_in_page(client)


def test_without_an_issuer_single_sign_on_is_off_and_its_addresses_lead_to_sign_in(client, db):
    assert "council account" not in client.get(reverse("login")).content.decode()
    for name in ("sso-start", "sso-callback"):
        assert client.get(reverse(name))["Location"] == reverse("login")
    assert "not set up here" in messages_on_sign_in_page(client)


@pytest.mark.parametrize(
    "claims, refused",
    [
        ({}, None),
        ({"iss": "http://elsewhere.example"}, "another issuer"),
        ({"aud": "another-app"}, "another application"),
        ({"aud": ["partnership-register", "another-app"]}, "another application"),
        ({"aud": ["partnership-register", "another-app"], "azp": "partnership-register"}, None),
        ({"tid": "another-tenant"}, "another tenant"),
    ],
    ids=["ours", "issuer", "audience", "two-audiences-no-azp", "two-audiences-azp", "tenant"],
)
def test_an_id_token_must_be_from_our_issuer_for_our_app_and_our_directory(
    settings, claims, refused, monkeypatch
):
    settings.OIDC_ISSUER = "https://login.example/tenant/v2.0"
    settings.OIDC_RP_CLIENT_ID = "partnership-register"
    settings.OIDC_TENANT_ID = TENANT
    payload = {"iss": settings.OIDC_ISSUER, "aud": "partnership-register", "tid": TENANT}
    payload.update(claims)
    monkeypatch.setattr(
        sso.OIDCAuthenticationBackend, "verify_token", lambda self, token, **kw: payload
    )
    backend = sso.CouncilAccountBackend()
    backend.request = type("Request", (), {})()

    if refused is None:
        assert backend.verify_token("a token") == payload
    else:
        with pytest.raises(SuspiciousOperation, match=refused):
            backend.verify_token("a token")


def test_a_group_mapping_naming_no_role_stops_the_portal_starting(settings):
    from register.accounts.checks import sign_in_settings_are_understood

    settings.OIDC_GROUP_ROLES = "group-1=lord_mayor"

    [error] = sign_in_settings_are_understood(None)

    assert "lord_mayor" in error.msg and error.id == "accounts.E003"


def test_the_role_groups_exist_for_the_mapping(db):
    assert Group.objects.filter(name=Role.MONITORING_OFFICER.value).exists()


def test_an_administrator_lets_a_refused_newcomer_in_by_linking_their_reference_in_admin(
    client, sso_settings, administrator_client_elsewhere
):
    council_sign_in(client, "richard")  # refused, with the reference oid-richard
    richard = UserFactory(username="richard", roles=[Role.MONITORING_OFFICER])

    added = administrator_client_elsewhere.post(
        reverse("admin:accounts_signinidentity_add"),
        {
            "user": richard.pk,
            "issuer": sso_settings.OIDC_ISSUER,
            "tenant": TENANT,
            "subject": "oid-richard",
        },
    )
    council_sign_in(client, "richard")

    assert added.status_code == 302, added.content[:500]
    assert client.session["_auth_user_id"] == str(richard.pk)


def test_a_council_account_is_never_changed_in_admin_only_added_or_deleted(
    sso_settings, administrator_client_elsewhere
):
    identity = link(UserFactory(username="priya"), "priya")
    url = reverse("admin:accounts_signinidentity_change", args=[identity.pk])

    administrator_client_elsewhere.post(
        url, {"user": identity.user.pk, "issuer": "x", "tenant": "x", "subject": "someone-else"}
    )

    identity.refresh_from_db()
    assert identity.subject == "oid-priya"


@pytest.fixture
def administrator_client_elsewhere(db):
    """An administrator in a browser of their own (the `client` is the person signing in)."""
    administrator = UserFactory(
        username="chris", roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True
    )
    other = Client()
    other.force_login(administrator)
    return other
