"""Signing in with a password: guessing is limited per account and per address
(django-axes), the page says when to try again, an administrator unlocks, every lockout is
logged; passwords follow the NCSC's advice; passwords can be kept for administrators."""

from datetime import UTC, datetime, timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from register.formatting import time_of_day
from register.roles import Role
from tests.factories import UserFactory

PASSWORD = "demo-password-1"  # the factories'
LIMIT = 10  # SIGN_IN_FAILURE_LIMIT's default


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def administrator(db):
    return UserFactory(username="chris", roles=[Role.ADMINISTRATOR], is_staff=True)


def test_fifty_wrong_passwords_and_then_the_right_one_does_not_sign_in(
    client, administrator, security_events
):
    for _ in range(50):
        sign_in(client, "chris", "a wrong guess")

    response = sign_in(client, "chris", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "There have been too many attempts to sign in" in page
    assert "Try again after" in page
    assert security_events.named("sign_in.locked_out")


def test_the_right_password_still_signs_in_after_fewer_failures_than_the_limit(
    client, administrator
):
    for _ in range(LIMIT - 1):
        sign_in(client, "chris", "a wrong guess")

    assert sign_in(client, "chris", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_account_is_locked_whichever_addresses_the_guesses_come_from(client, administrator):
    for n in range(LIMIT):
        sign_in(client, "chris", "a wrong guess", address=f"198.51.100.{n}")

    response = sign_in(client, "chris", PASSWORD, address="203.0.113.7")

    assert response.status_code == 429 and not signed_in(client)


def test_an_address_is_locked_whichever_accounts_it_guesses(client, administrator):
    for n in range(LIMIT):
        sign_in(client, f"guess{n}", "a wrong guess", address="198.51.100.99")

    refused = sign_in(client, "chris", PASSWORD, address="198.51.100.99")
    elsewhere = sign_in(client, "chris", PASSWORD, address="203.0.113.7")

    assert refused.status_code == 429
    assert elsewhere.status_code == 302


def test_the_lockout_message_says_the_time_to_try_again(client, administrator):
    """15 minutes (SIGN_IN_LOCKOUT_MINUTES) after this attempt, in the council's time."""
    for _ in range(LIMIT):
        sign_in(client, "chris", "a wrong guess")
    before = time_of_day(timezone.now() + timedelta(minutes=15))
    response = sign_in(client, "chris", PASSWORD)
    after = time_of_day(timezone.now() + timedelta(minutes=15))

    page = response.content.decode()
    assert f"Try again after {before}" in page or f"Try again after {after}" in page


@pytest.mark.parametrize(
    "moment, words",
    [
        (datetime(2026, 6, 1, 13, 45, tzinfo=UTC), "2:45pm"),  # British Summer Time
        (datetime(2026, 1, 5, 9, 0, tzinfo=UTC), "9am"),
        (datetime(2026, 1, 5, 12, 0, tzinfo=UTC), "midday"),
        (datetime(2026, 1, 5, 0, 0, tzinfo=UTC), "midnight"),
        (datetime(2026, 1, 5, 0, 5, tzinfo=UTC), "12:05am"),
    ],
)
def test_times_are_written_as_gov_uk_writes_them_in_the_councils_time(moment, words):
    assert time_of_day(moment) == words


def test_the_lock_ends_after_the_lockout_time(client, administrator):
    for _ in range(LIMIT):
        sign_in(client, "chris", "a wrong guess")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert sign_in(client, "chris", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account_in_django_admin(administrator_client):
    officer = UserFactory(username="priya")
    visitor = Client()
    for _ in range(LIMIT):
        sign_in(visitor, "priya", "a wrong guess")
    attempt = AccessAttempt.objects.get(username="priya")
    assert sign_in(visitor, "priya", PASSWORD).status_code == 429

    administrator_client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )

    assert sign_in(visitor, officer.username, PASSWORD).status_code == 302


def test_every_failure_is_logged_with_the_username_and_never_the_password(
    client, administrator, security_events
):
    sign_in(client, "chris", "my-secret-guess-1")

    [event] = security_events.named("sign_in.failed")
    assert (event["username"], event["address"], event["method"]) == (
        "chris",
        "192.0.2.10",
        "password",
    )
    assert "my-secret-guess-1" not in str(security_events)


def test_signing_in_and_out_is_logged(client, administrator, security_events):
    sign_in(client, "chris", PASSWORD)
    client.post(reverse("logout"))

    assert security_events.names() == ["sign_in.succeeded", "sign_out"]
    assert {e["user"] for e in security_events} == {"chris"}


@pytest.mark.parametrize(
    "password, accepted",
    [
        ("short-pass1", False),  # 11 characters: under the minimum of 12
        ("password1234", False),  # on the common-password deny-list
        ("qwertyuiop123", False),  # on the deny-list
        ("chris.webb.council", False),  # too like the person's own username
        ("839201746315", True),  # digits only: no composition rules
        ("tulips in the rain at dover", True),  # a passphrase
        ("abcdefghijkx", True),  # no upper case, digit or symbol needed
    ],
)
def test_passwords_follow_the_ncsc_advice_length_and_a_deny_list_not_composition(
    db, password, accepted
):
    user = UserFactory.build(username="chris.webb.council", first_name="Chris")
    if accepted:
        validate_password(password, user)
    else:
        with pytest.raises(ValidationError):
            validate_password(password, user)


def test_passwords_never_expire(settings):
    assert not any("Expir" in v["NAME"] for v in settings.AUTH_PASSWORD_VALIDATORS)


@pytest.fixture
def passwords_for_administrators(settings):
    settings.LOCAL_SIGN_IN = "administrators"


@pytest.mark.parametrize(
    "who, allowed",
    [
        ({"roles": [Role.ADMINISTRATOR]}, True),
        ({"roles": [], "is_superuser": True}, True),
        ({"roles": [Role.LEAD_OFFICER]}, False),
        ({"roles": [Role.REGISTER_OWNER], "is_staff": True}, False),
    ],
    ids=["administrator", "superuser", "lead-officer", "register-owner"],
)
def test_passwords_can_be_kept_for_administrators_alone(
    client, db, passwords_for_administrators, who, allowed
):
    user = UserFactory(username="someone", **who)

    response = sign_in(client, user.username, PASSWORD)

    assert signed_in(client) is allowed
    if not allowed:
        assert "Enter a correct username and password" in response.content.decode()


def test_a_password_session_of_someone_kept_to_single_sign_on_ends(client, db, settings):
    officer = UserFactory(roles=[Role.LEAD_OFFICER])
    client.force_login(officer)
    settings.LOCAL_SIGN_IN = "administrators"

    response = client.get(reverse("register:list"))

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_sign_in_page_says_passwords_are_for_administrators_when_they_are(client, db, settings):
    settings.LOCAL_SIGN_IN = "administrators"
    settings.OIDC_ISSUER = "https://login.example/tenant/v2.0"

    page = client.get(reverse("login")).content.decode()

    assert "Administrators: sign in with a password" in page


def test_django_admin_signs_in_on_the_portals_own_page(client, db):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/admin/"
