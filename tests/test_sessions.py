"""Sessions that end: after 30 minutes idle (SESSION_IDLE_MINUTES) with or without
JavaScript, after a working day (SESSION_MAX_HOURS) whatever; everywhere at once when an
administrator switches someone off, deletes them or takes a role away; and nothing a
signed-in person sees is kept in a cache (Cache-Control: no-store, private)."""

import json
import time

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from register.accounts import sessions
from register.accounts.models import SignedInSession
from register.choices import Status
from register.roles import Role
from tests.factories import ArrangementFactory, DocumentFactory, UserFactory

MINUTE = 60
HOUR = 60 * MINUTE


def signed_in_client(user):
    """Signed in through the sign-in page, as a person would."""
    client = Client()
    response = client.post(
        reverse("login"), {"username": user.username, "password": "demo-password-1"}
    )
    assert response.status_code == 302, response.content[:300]
    return client


def age_session(client, *, idle=0, signed_in=0):
    """Make the client's session as if the person had been idle / signed in that long."""
    session = client.session
    now = time.time()
    session[sessions.LAST_SEEN_AT] = now - idle
    session[sessions.SIGNED_IN_AT] = now - signed_in
    session.save()


def is_signed_in(client):
    return json.loads(client.get(reverse("session-status")).content)["signed_in"]


@pytest.fixture
def officer(db):
    return UserFactory(username="priya", roles=[Role.LEAD_OFFICER])


@pytest.mark.parametrize(
    "idle, signed_in, ended",
    [
        (29 * MINUTE + 50, 29 * MINUTE + 50, None),
        (30 * MINUTE, 30 * MINUTE, "idle"),
        (MINUTE, 8 * HOUR + 59 * MINUTE, None),
        (MINUTE, 9 * HOUR, "absolute"),
        (31 * MINUTE, 10 * HOUR, "absolute"),
    ],
    ids=["idle-just-under", "idle-30-minutes", "day-just-under", "day-9-hours", "both"],
)
def test_a_session_ends_after_30_minutes_idle_or_9_hours_signed_in_without_javascript(
    officer, security_events, idle, signed_in, ended
):
    client = signed_in_client(officer)
    age_session(client, idle=idle, signed_in=signed_in)

    response = client.get(reverse("register:list"))

    if ended is None:
        assert response.status_code == 200
        return
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not is_signed_in(client)
    [event] = security_events.named("session.expired")
    assert (event["reason"], event["user"]) == (ended, "priya")
    assert "sign_out" not in security_events.names()
    assert not SignedInSession.objects.filter(user=officer).exists()


def test_the_sign_in_page_says_why_the_session_ended(officer):
    client = signed_in_client(officer)
    age_session(client, idle=31 * MINUTE)

    page = client.get(reverse("register:list"), follow=True).content.decode()

    assert "You were signed out because you did nothing for 30 minutes" in page


def test_the_idle_limit_is_a_setting(officer, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client = signed_in_client(officer)
    age_session(client, idle=5 * MINUTE)

    assert client.get(reverse("register:list")).status_code == 302


def test_every_request_counts_as_activity(officer):
    client = signed_in_client(officer)
    age_session(client, idle=20 * MINUTE)

    client.get(reverse("register:list"))

    assert time.time() - client.session[sessions.LAST_SEEN_AT] < 5


def test_asking_how_long_is_left_is_not_activity(officer):
    client = signed_in_client(officer)
    age_session(client, idle=20 * MINUTE)

    answer = json.loads(client.get(reverse("session-status")).content)

    assert answer["signed_in"] is True
    assert 9 * MINUTE <= answer["seconds_left"] <= 10 * MINUTE
    assert time.time() - client.session[sessions.LAST_SEEN_AT] >= 20 * MINUTE - 5


def test_stay_signed_in_keeps_the_session_for_another_30_minutes(officer):
    client = signed_in_client(officer)
    age_session(client, idle=27 * MINUTE)

    answer = json.loads(client.post(reverse("session-keep-alive")).content)

    assert answer["signed_in"] is True
    assert answer["seconds_left"] >= 30 * MINUTE - 5


def test_stay_signed_in_is_a_post_with_the_csrf_token(officer):
    client = signed_in_client(officer)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies

    assert client.get(reverse("session-keep-alive")).status_code == 405
    assert strict.post(reverse("session-keep-alive")).status_code == 403


def test_a_visitor_asking_how_long_is_left_is_told_they_are_not_signed_in(client, db):
    answer = json.loads(client.get(reverse("session-status")).content)

    assert answer == {"signed_in": False, "seconds_left": 0}


def test_signed_in_pages_carry_the_idle_warning_and_its_script(officer):
    page = signed_in_client(officer).get(reverse("register:list")).content.decode()

    assert 'id="session-timeout"' in page
    assert "You will be signed out in" in page
    assert "js/session-timeout.js" in page


def test_signing_out_forgets_the_session(officer):
    client = signed_in_client(officer)
    assert SignedInSession.objects.filter(user=officer).count() == 1

    client.post(reverse("logout"))

    assert not SignedInSession.objects.filter(user=officer).exists()


# --- Ended everywhere ---------------------------------------------------------------


@pytest.fixture
def on_two_devices(officer):
    return signed_in_client(officer), signed_in_client(officer)


def user_change_form(user, **changes):
    """Django admin's user change form as it stands, with these changes."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_switching_someone_off_in_admin_ends_their_sessions_everywhere(
    officer, on_two_devices, administrator_client, security_events
):
    response = administrator_client.post(
        reverse("admin:auth_user_change", args=[officer.pk]),
        user_change_form(officer, is_active=""),
    )

    assert response.status_code == 302, response.content[:500]
    assert [is_signed_in(device) for device in on_two_devices] == [False, False]
    assert security_events.named("user.deactivated")[0]["record"] == "priya"
    [ended] = security_events.named("session.ended_everywhere")
    assert (ended["record"], ended["count"], ended["reason"]) == ("priya", 2, "deactivated")


def test_taking_a_role_away_in_admin_ends_their_sessions_and_is_logged(
    officer, on_two_devices, administrator_client, security_events
):
    administrator_client.post(
        reverse("admin:auth_user_change", args=[officer.pk]), user_change_form(officer, groups=[])
    )

    assert [is_signed_in(device) for device in on_two_devices] == [False, False]
    [removed] = security_events.named("role.removed")
    assert (removed["record"], removed["role"], removed["source"]) == (
        "priya",
        "lead_officer",
        "admin",
    )
    assert removed["user"] != "priya"  # the administrator who did it


def test_taking_a_role_away_from_the_groups_side_ends_their_sessions(officer, on_two_devices):
    Group.objects.get(name=Role.LEAD_OFFICER.value).user_set.remove(officer)

    assert [is_signed_in(device) for device in on_two_devices] == [False, False]


def test_giving_a_role_keeps_their_sessions_and_is_logged(officer, on_two_devices, security_events):
    officer.groups.add(Group.objects.get(name=Role.DIRECTOR.value))

    assert [is_signed_in(device) for device in on_two_devices] == [True, True]
    assert security_events.named("role.added")[0]["role"] == "director"


def test_deleting_someone_in_admin_ends_their_sessions_everywhere(
    officer, on_two_devices, administrator_client, security_events
):
    response = administrator_client.post(
        reverse("admin:auth_user_delete", args=[officer.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert [is_signed_in(device) for device in on_two_devices] == [False, False]
    assert security_events.named("user.deleted")[0]["record"] == "priya"


def test_another_persons_sessions_are_left_alone(officer, on_two_devices, db):
    other = signed_in_client(UserFactory(username="tom"))

    officer.is_active = False
    officer.save()

    assert is_signed_in(other)


# --- Nothing kept in caches -----------------------------------------------------------


@pytest.fixture
def active(officer):
    return ArrangementFactory(status=Status.ACTIVE, lead_officer=officer)


def private_answers(active):
    document = DocumentFactory(arrangement=active)
    return {
        "page": reverse("register:list"),
        "pdf": reverse("approvals:record-pdf", args=[active.reference]),
        "csv": reverse("register:export-csv"),
        "document": reverse("register:document-download", args=[active.reference, document.pk]),
    }


def test_every_signed_in_answer_is_no_store_a_page_a_pdf_a_csv_and_a_document(officer, active):
    client = signed_in_client(officer)
    kinds = {}
    for kind, url in private_answers(active).items():
        response = client.get(url)
        assert response.status_code == 200, (kind, response.status_code)
        kinds[kind] = (response["Content-Type"].split(";")[0], response["Cache-Control"])

    assert kinds == {
        "page": ("text/html", "no-store, private"),
        "pdf": ("application/pdf", "no-store, private"),
        "csv": ("text/csv", "no-store, private"),
        "document": ("application/pdf", "no-store, private"),
    }


def test_public_pages_keep_their_own_caching_for_visitors(client, db):
    response = client.get(reverse("accessibility"))

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_signed_in_person_on_a_public_page_is_not_cached_either(officer):
    """The header names them, so the page is theirs alone."""
    response = signed_in_client(officer).get(reverse("accessibility"))

    assert response["Cache-Control"] == "no-store, private"
