"""The page walk in Chromium: axe-core (WCAG 2.2 AA) on every row of the table in
tests/page_walk.py, so on a page of every URL name, signed in as a role allowed to open it;
every form on those pages submitted empty, with axe on its error summary; and the 403 and
404 pages.

The walk runs once for the module, on the demo register seeded once, with one browser
context per role; each test then reports one part of what it found, every problem at once.
"""

import io
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from register.roles import Role
from tests.e2e.conftest import (
    PASSWORD,
    axe_results,
    format_violations,
    require_axe,
    watch_for_problems,
)
from tests.page_walk import (
    ACCEPTED,
    ANONYMOUS,
    CASES,
    DEFAULT_POLICY,
    NOT_FOUND,
    OK,
    RECIPES,
    REFUSED,
    RecipeError,
    coverage_problems,
    path_of,
    portal_urls,
    report,
    role_name,
    who_opens,
)

pytestmark = pytest.mark.browser

# What a person types into or chooses from: the fields that make a form worth submitting.
FIELDS = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea"
TEXT_FIELDS = (
    "input:not([type]), input[type=text], input[type=email], input[type=number], "
    "input[type=password], input[type=date], textarea"
)


@dataclass
class Findings:
    pages: list = field(default_factory=list)  # (page, role, path, problem)
    errors: list = field(default_factory=list)
    status_pages: list = field(default_factory=list)
    start_pages: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


class Walker:
    def __init__(self, browser, base_url):
        self.browser, self.base_url = browser, base_url
        self.tabs = {}  # role (or ANONYMOUS) -> (page, the problems it has seen)
        self.urls = portal_urls()
        self.found = Findings()

    def open_tab(self, who):
        context = self.browser.new_context(base_url=self.base_url)
        context.set_default_timeout(5_000)
        page = context.new_page()
        problems = watch_for_problems(page)
        if who != ANONYMOUS:
            page.goto("/sign-in/")
            page.locator("input[name=username]").fill(who.value)
            page.locator("input[name=password]").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.locator(".govuk-footer")).to_contain_text("Signed in as")
        return page, problems

    def tab(self, who):
        if who not in self.tabs:
            self.tabs[who] = self.open_tab(who)
        return self.tabs[who]

    def axe(self, page, where, into, row):
        results = axe_results(page)
        if not results["passes"]:
            into.append((*row, f"axe-core checked nothing on {page.url}"))
        elif results["violations"]:
            into.append((*row, format_violations(page.url, results["violations"])))
        self.found.counts[where] += 1

    def walk(self, case):
        who = who_opens(case)
        if who is None:
            self.found.pages.append((case.title, "-", "-", "nobody may open it"))
            return
        try:
            path = path_of(case, self.urls)
        except RecipeError as error:
            self.found.pages.append((case.title, role_name(who), "-", f"recipe: {error}"))
            return
        if case.query:
            user = None if who == ANONYMOUS else get_user_model().objects.get(username=who.value)
            path += "?" + urlencode(case.query(user))
        row = (case.title, role_name(who), path)
        if case.content_type != "text/html":
            self.check_download(who, case, row)
        elif case.method != "get":
            self.check_posted(who, row)
        else:
            self.check_page(who, case, row)

    def check_page(self, who, case, row):
        page, problems = self.tab(who)
        try:
            response = page.goto(row[2])
            if response.status != 200:
                if response.status < 500:  # a server error is reported by the watch
                    self.found.pages.append((*row, f"answered {response.status}"))
                if case.errors and case.expect[who] is OK:
                    unchecked = f"error state not checked: the page answered {response.status}"
                    self.found.errors.append((*row, unchecked))
            else:
                self.axe(page, "pages", self.found.pages, row)
                if case.expect[who] is OK:  # not a page that only redirects
                    self.check_error_state(page, case, row)
        except PlaywrightError as error:
            self.found.pages.append((*row, f"in the browser: {error.message}"))
        self.found.pages += [(*row, problem) for problem in problems]
        problems.clear()

    def check_download(self, who, case, row):
        page, _problems = self.tab(who)
        content_type, text = case.body or ("", None)
        headers = {"Content-Type": content_type} if content_type else {}
        if case.method == "post":  # posted as the portal posts it, with the CSRF token
            cookies = page.context.cookies()
            token = next((c["value"] for c in cookies if c["name"] == "csrftoken"), None)
            if token:
                headers["X-CSRFToken"] = token
        response = page.request.fetch(
            row[2], method=case.method.upper(), data=text, headers=headers or None
        )
        content_type = response.headers.get("content-type", "")
        if case.expect[who] is ACCEPTED:  # a status only (a CSP report taken)
            if response.status != 204:
                self.found.pages.append((*row, f"answered {response.status}, not 204"))
        elif response.status != 200 or not content_type.startswith(case.content_type):
            self.found.pages.append(
                (*row, f"answered {response.status} {content_type!r}, not {case.content_type}")
            )
        self.found.counts["downloads"] += 1

    def check_posted(self, who, row):
        """A URL only posted to (signing out) is reached by the portal's own form for it,
        in a context of its own since it may end the session."""
        page, problems = self.open_tab(who)
        try:
            page.goto("/")
            page.locator(f'form[action="{row[2]}"] [type=submit]').first.click()
            page.wait_for_load_state("load")
            self.axe(page, "pages", self.found.pages, row)
        except PlaywrightError as error:
            self.found.pages.append((*row, f"in the browser: {error.message}"))
        self.found.pages += [(*row, problem) for problem in problems]
        page.context.close()

    def check_error_state(self, page, case, row):
        forms = page.locator("main form[method=post i]").filter(has=page.locator(FIELDS))
        if not forms.count():
            if case.errors:
                self.found.errors.append((*row, "an error state in the table, but no form"))
            return
        if case.errors is None:
            self.found.errors.append((*row, "a form, but no error state in the table"))
            return
        form = forms.first
        for text in form.locator(TEXT_FIELDS).all():
            if text.is_visible() and text.is_editable():
                text.fill("")
        for selector in case.errors.check:
            form.locator(selector).check()
        form.get_by_role("button", name=case.errors.button, exact=True).click()
        page.wait_for_load_state("load")
        summary = page.locator(".govuk-error-summary")
        try:
            summary.wait_for(state="visible")
        except PlaywrightError:
            self.found.errors.append((*row, "no error summary after submitting it empty"))
            return
        if not page.title().startswith("Error: "):
            self.found.errors.append((*row, f"the title does not start 'Error: ': {page.title()}"))
        self.axe(page, "error states", self.found.errors, row)

    def check_status_pages(self):
        """The 403 and 404 pages once each, at the first row and role the table gives them."""
        for outcome, status in ((REFUSED, 403), (NOT_FOUND, 404)):
            case, who = next(
                (case, role) for case in CASES for role in Role if case.expect[role] is outcome
            )
            path = path_of(case, self.urls)
            row = (f"the {status} page, at {case.title}", role_name(who), path)
            page, problems = self.tab(who)
            response = page.goto(path)
            if response.status != status:
                self.found.status_pages.append((*row, f"answered {response.status}"))
            else:
                self.axe(page, "status pages", self.found.status_pages, row)
            self.found.status_pages += [(*row, problem) for problem in problems]
            problems.clear()

    def check_start_pages(self):
        """Every role's start page, and the dashboard as each role that sees it, at a
        desktop's width and a phone's (issue 14): axe, and nothing wider than the screen."""
        dashboard = next(case for case in CASES if case.url_name == "dashboard")
        for who in Role:
            page, problems = self.tab(who)
            paths = ["/"] + (["/dashboard/"] if dashboard.expect[who] is OK else [])
            for width in (1280, 375):
                page.set_viewport_size({"width": width, "height": 900})
                for path in paths:
                    row = (f"{path} at {width} px", role_name(who), path)
                    response = page.goto(path)
                    if response.status != 200:
                        self.found.start_pages.append((*row, f"answered {response.status}"))
                        continue
                    self.axe(page, "start pages", self.found.start_pages, row)
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    if wide > width:
                        self.found.start_pages.append((*row, f"{wide} px wide"))
            page.set_viewport_size({"width": 1280, "height": 720})
            self.found.start_pages += [
                (f"start pages of {who}", role_name(who), "-", p) for p in problems
            ]
            problems.clear()

    def close(self):
        for page, _problems in self.tabs.values():
            page.context.close()


@pytest.fixture(scope="module")
def walked(browser, live_server, demo_register, django_db_blocker):
    require_axe()
    walker = Walker(browser, live_server.url)
    names = {url.name for url in walker.urls}
    walker.found.pages += [
        ("(table)", "-", "-", problem) for problem in coverage_problems(walker.urls, CASES, RECIPES)
    ]
    cases = [case for case in CASES if case.url_name in names]
    policies = [DEFAULT_POLICY] + sorted({case.policy for case in cases} - {DEFAULT_POLICY})
    # Unblocked throughout: the live server's requests use the database too.
    with django_db_blocker.unblock():
        try:
            walker.check_status_pages()
            walker.check_start_pages()
            for key in policies:
                with override_settings(COUNCIL_POLICY=key):
                    call_command("reclassify", stdout=io.StringIO())
                    for case in cases:
                        if case.policy == key:
                            walker.walk(case)
        finally:
            walker.close()
    walker.found.counts["URL names"] = len(names)
    return walker.found


def test_a_page_of_every_url_name_passes_axe_core_as_a_role_allowed_to_open_it(walked):
    print(dict(walked.counts))
    assert not walked.pages, report("on the pages of the walk", walked.pages)


def test_every_form_submitted_empty_shows_an_error_summary_that_passes_axe_core(walked):
    assert not walked.errors, report("in the forms' error states", walked.errors)


def test_the_403_and_404_pages_pass_axe_core(walked):
    assert not walked.status_pages, report("on the 403 and 404 pages", walked.status_pages)
    assert walked.counts["status pages"] == 2


def test_every_roles_start_page_and_the_dashboard_pass_axe_core_on_a_desktop_and_a_phone(walked):
    assert not walked.start_pages, report("on the start pages", walked.start_pages)
    assert walked.counts["start pages"] == 2 * (len(Role) + 4)  # 4 roles see the dashboard
