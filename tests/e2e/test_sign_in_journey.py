"""Signing in and staying signed in, in Chromium: single sign-on against a real OpenID
Connect provider on loopback (tests/oidc/: oidc-provider, discovery, signed ID tokens, the
code flow with PKCE), passwords kept for administrators, the lockout message, and the
warning before an idle session ends (with Playwright's clock standing in for the wait)."""

import re
import time
from importlib import import_module

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from register.accounts import sessions
from register.accounts.models import SignInIdentity
from register.roles import Role
from tests.factories import UserFactory
from tests.oidc import oidc_provider

pytestmark = pytest.mark.browser

TENANT = "8c1f0d6e-0000-4000-8000-00000000c0de"
LEADS = "group-lead-officers"
ACCOUNTS = {
    "priya": {
        "tid": TENANT,
        "oid": "oid-priya",
        "given_name": "Priya",
        "family_name": "Sharma",
        "email": "priya.sharma@council.example",
        "preferred_username": "priya.sharma@council.example",
        "groups": [LEADS],
    },
}


@pytest.fixture(scope="module")
def provider(live_server):
    callback = f"{live_server.url}/sign-in/council/callback/"
    with oidc_provider(redirect_uris=[callback], accounts=ACCOUNTS) as running:
        yield running


@pytest.fixture
def single_sign_on(settings, provider):
    provider.configure(
        settings,
        OIDC_TENANT_ID=TENANT,
        OIDC_GROUP_ROLES=f"{LEADS}=lead_officer",
        OIDC_NEW_USERS="create",
        LOCAL_SIGN_IN="administrators",
    )
    return provider


@pytest.fixture
def page_offline_fonts(page):
    """The provider's development sign-in page asks Google for a font: answered here with
    nothing, so the test sends no traffic off this machine."""
    page.route(
        re.compile(r"^https://fonts\.googleapis\.com/"),
        lambda route: route.fulfill(status=200, content_type="text/css", body=""),
    )
    return page


def test_a_person_signs_in_with_their_council_account_and_lands_where_they_were_going(
    page_offline_fonts, single_sign_on, assert_accessible
):
    page = page_offline_fonts
    page.goto("/arrangements/mine/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/arrangements/mine/"))
    assert_accessible(page)

    start = page.get_by_role("button", name="Sign in with your council account")
    expect(start).to_have_attribute("href", "/sign-in/council/?next=/arrangements/mine/")
    start.click()
    expect(page).to_have_url(re.compile("^" + re.escape(single_sign_on.issuer)))
    page.locator("input[name=login]").fill("priya")
    page.locator("input[name=password]").fill("anything")
    page.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/arrangements/mine/$"))
    expect(page.locator(".govuk-footer")).to_contain_text(
        "Signed in as Priya Sharma (Lead officer)"
    )
    identity = SignInIdentity.objects.get()
    assert (identity.tenant, identity.subject) == (TENANT, "oid-priya")

    # Signing in again finds the same person.
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in with your council account").click()
    expect(page.locator(".govuk-footer")).to_contain_text("Signed in as Priya Sharma")
    assert SignInIdentity.objects.count() == 1


def test_passwords_are_for_administrators_when_single_sign_on_is_on(page, single_sign_on, officer):
    administrator = UserFactory(username="chris", roles=[Role.ADMINISTRATOR])
    page.goto("/sign-in/")
    page.get_by_text("Administrators: sign in with a password").click()
    page.locator("input[name=username]").fill(officer.username)
    page.locator("input[name=password]").fill("demo-password-1")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a correct username and password"
    )

    # The form came back open, with the error beside it.
    page.locator("input[name=username]").fill(administrator.username)
    page.locator("input[name=password]").fill("demo-password-1")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator(".govuk-footer")).to_contain_text("Signed in as")


def test_too_many_wrong_passwords_say_when_to_try_again(page, officer, assert_accessible):
    page.goto("/sign-in/")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        page.locator("input[name=username]").fill(officer.username)
        page.locator("input[name=password]").fill("a wrong guess")
        page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        re.compile(r"too many attempts to sign in.*Try again after \d{1,2}(:\d\d)?(am|pm)")
    )
    page.locator("input[name=password]").fill("demo-password-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("too many attempts")
    assert_accessible(page)


def set_idle(page, seconds):
    """The server-side session as if its person had done nothing for that long."""
    [cookie] = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    store = import_module(django_settings.SESSION_ENGINE).SessionStore(cookie["value"])
    store[sessions.LAST_SEEN_AT] = time.time() - seconds
    store.save()


def test_a_warning_before_an_idle_session_ends_stay_signed_in_or_be_signed_out(
    page, officer, sign_in, assert_accessible
):
    """Idle 30 minutes, warned 5 minutes before. The page's clock is Playwright's, so 25
    minutes pass at once; the server's session is aged to match."""
    page.clock.install()
    sign_in(officer)
    dialog = page.locator("#session-timeout")
    expect(dialog).to_be_hidden()

    set_idle(page, 26 * 60)
    page.clock.fast_forward("25:01")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(re.compile(r"You will be signed out in [34] minutes"))
    assert_accessible(page)

    dialog.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()
    assert page.evaluate("() => fetch('/session/').then(r => r.json())")["seconds_left"] > 29 * 60

    set_idle(page, 31 * 60)
    page.clock.fast_forward("25:01")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=%2F$"))  # from the start page
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You were signed out because you did nothing for 30 minutes"
    )
