"""End-to-end tests: headless Chromium (Debian's, never a downloaded one) against
pytest-django's live server. Run with `pytest -m browser`.

Fixtures:
  browser     one Chromium per test module
  page        a fresh browser context and page on the live server (relative URLs work);
              fails the test on server errors (5xx), JavaScript errors, Content Security
              Policy violations and static files that do not load
  officer     a lead officer (password PASSWORD)
  sign_in     sign_in(user): signs in through the real sign-in page
              (sign_in_on(page, user) does it in another context's page)
  assert_accessible
              assert_accessible(page): axe-core finds no WCAG 2.2 AA violations

watch_for_problems(page) and axe_results(page) are the same checks for a test that collects
every failure before it reports (the page walk).
"""

import functools
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from register.roles import Role
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "demo-password-1"

# No internet here: without these Chromium keeps trying (and failing) to reach Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})"

expect.set_options(timeout=5_000)


@pytest.fixture(scope="module")
def browser():
    """Chromium, for the tests of one module.

    While Playwright's sync API is started, an asyncio event loop counts as running in this
    thread, and Django refuses ORM calls (the factories, the test database's flush) unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set. Both are confined to the browser test modules: set at
    import time, the variable would leak into every test of the session, e.g. into the
    `manage.py check --deploy` subprocess that must report no issues (async.E001); and a
    session-wide browser would break ORM calls in the non-browser tests run after it.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server, transactional_db):
    # The Content Security Policy stays on: a violation is reported as a console error and
    # fails the test. (axe-core is therefore injected through the DevTools protocol, see
    # assert_accessible, not as an inline <script> that the policy would block.)
    yield from watched_page(browser, live_server, "the browser")


def watched_page(browser, live_server, whose):
    """A fresh browser context and page on the live server, failing the test on what goes
    wrong in it (see watch_for_problems); `whose` names it in the failure."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(5_000)
    page = context.new_page()
    problems = watch_for_problems(page)
    yield page
    context.close()
    if problems:
        pytest.fail(f"Problems in {whose}:\n" + "\n".join(problems), pytrace=False)


def watch_for_problems(page):
    """The list, kept up to date, of what goes wrong in the page: JavaScript errors, console
    errors (such as CSP violations), failed requests, 5xx answers and missing static files."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"Console error on {page.url}: {message.text}")
            if message.type == "error" and not _expected_console_error(message)
            else None
        ),
    )
    page.on(
        "requestfailed",
        lambda request: (
            problems.append(f"Request failed: {request.url} ({request.failure})")
            if "ERR_ABORTED" not in (request.failure or "")
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} for {response.url}")
            if response.status >= 500 or ("/static/" in response.url and response.status >= 400)
            else None
        ),
    )
    return problems


def _expected_console_error(message):
    """Failed loads are judged by the response listener instead: a form with errors comes
    back as 400 and Chromium asks for a /favicon.ico that the portal does not have."""
    return message.text.startswith("Failed to load resource:")


@pytest.fixture
def officer(transactional_db):
    return UserFactory(roles=[Role.LEAD_OFFICER], first_name="Priya", last_name="Sharma")


def sign_in_on(page, user, password=PASSWORD):
    """Sign in through the real sign-in page, in that page's browser context."""
    page.goto("/sign-in/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-footer")).to_contain_text("Signed in as")
    return page


@pytest.fixture
def sign_in(page):
    return functools.partial(sign_in_on, page)


def assert_styled(page):
    """The portal's stylesheet loaded and applies (GOV.UK Frontend sets body margin to 0)."""
    loaded = page.evaluate(
        """() => [...document.styleSheets].some(
               (sheet) => sheet.href && sheet.href.includes('/static/build/application.css')
                          && sheet.cssRules.length > 0)"""
    )
    assert loaded, f"application.css did not load on {page.url}"
    assert page.evaluate("() => getComputedStyle(document.body).marginTop") == "0px", (
        f"application.css loaded but does not apply on {page.url}"
    )


def format_violations(url, violations):
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"\n- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    target: {' '.join(map(str, node['target']))}")
            lines.append(f"    html:   {node['html'][:300]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n            ")
                lines.append(f"    why:    {summary}")
    return "\n".join(lines)


def require_axe():
    if not AXE_JS.exists():
        pytest.fail(f"No axe-core at {AXE_JS}: run `npm ci` (or `make assets`)")


@functools.cache
def axe_source():
    return AXE_JS.read_text()


@pytest.fixture
def assert_accessible():
    require_axe()

    def check(page):
        results = axe_results(page)
        assert results["passes"], f"axe-core checked nothing on {page.url}"
        if results["violations"]:
            pytest.fail(format_violations(page.url, results["violations"]), pytrace=False)
        return results

    return check


def govuk_conditional_reveal(violation) -> bool:
    """GOV.UK Frontend sets aria-expanded on a radio that reveals a question ("Yes" reveals
    "Where it is held") on purpose: screen readers announce it, and the Design System keeps
    it as a known issue (alphagov/govuk-frontend#979), though ARIA does not list it for
    radios. Only that is excused: every node a GOV.UK radio whose one failure is it."""
    return violation["id"] == "aria-allowed-attr" and all(
        'class="govuk-radios__input"' in node["html"]
        and node.get("failureSummary", "")
        .strip()
        .endswith(
            (
                'ARIA attribute is not allowed: aria-expanded="false"',
                'ARIA attribute is not allowed: aria-expanded="true"',
            )
        )
        and node.get("failureSummary", "").count("ARIA attribute is not allowed") == 1
        for node in violation["nodes"]
    )


def axe_results(page):
    """axe-core's results for the page as it is now, with the portal's real styles; GOV.UK's
    conditional reveal on radios is not counted a violation (govuk_conditional_reveal)."""
    page.wait_for_load_state("load")
    assert_styled(page)  # colour contrast is only meaningful with the real styles
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # page.add_script_tag() would add an inline <script>, which the portal's nonce
        # CSP blocks; evaluating the source through the DevTools protocol is not
        # subject to the page's CSP, so the policy stays on for the test.
        page.evaluate(axe_source())
    results = page.evaluate(AXE_RUN, WCAG_TAGS)
    results["violations"] = [v for v in results["violations"] if not govuk_conditional_reveal(v)]
    return results
