"""The page walk: every URL of the portal (Django admin aside), with real arguments from the
demo register, as every role and as a visitor, against the table in tests/page_walk.py.
Every HTML answer, whatever its status, must have a title and a heading and name its links
and buttons; PDFs and downloads must be what they say."""

import io
from urllib.parse import urlencode, urlparse

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import path, reverse
from django.views.generic import View

from register.roles import Role
from tests.page_walk import (
    ANONYMOUS,
    CASES,
    DEFAULT_POLICY,
    OK,
    PDF,
    RECIPES,
    REDIRECT,
    SIGN_IN,
    Case,
    Outcome,
    RecipeError,
    access,
    coverage_problems,
    html_problems,
    path_of,
    portal_urls,
    report,
    role_name,
)

REDIRECTS = {301, 302, 303, 307, 308}
STATUSES = {200: OK, 204: Outcome.ACCEPTED, 403: Outcome.REFUSED, 404: Outcome.NOT_FOUND}


def outcome_of(response):
    if response.status_code in REDIRECTS:
        sign_in = reverse(django_settings.LOGIN_URL)
        return SIGN_IN if urlparse(response["Location"]).path == sign_in else REDIRECT
    return STATUSES.get(response.status_code, f"status {response.status_code}")


def answer_problems(case, who, response):
    """What is wrong with one answer: the wrong outcome, a server error, a malformed page."""
    if response.status_code >= 500:
        error = response.exc_info[1] if response.exc_info else None
        return [f"server error {response.status_code}" + (f": {error!r}" if error else "")]
    problems = []
    outcome = outcome_of(response)
    if outcome != case.expect[who]:
        problems.append(f"expected {case.expect[who]}, got {outcome}")
    # Reading a streamed answer to its end closes it as the test client does, with the
    # connection kept (response.close() here would fire request_finished and close the
    # database connection mid-test on PostgreSQL).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        if body:
            problems += html_problems(body.decode())
        if outcome is OK and case.content_type != "text/html":
            problems.append(f"an HTML page where {case.content_type} was expected")
    elif outcome is OK:
        if not content_type.startswith(case.content_type):
            problems.append(f"content type {content_type!r}, expected {case.content_type}")
        elif case.content_type == PDF and not body.startswith(b"%PDF-"):
            problems.append("says it is a PDF but is not one")
    return problems


class Visitors:
    """One test client per role (the demo user named after it) and one for a visitor."""

    def __init__(self):
        users = get_user_model().objects.in_bulk(
            [role.value for role in Role], field_name="username"
        )
        self.users = {role: users[role.value] for role in Role}
        self.users[ANONYMOUS] = None
        self.clients = {}
        for who, user in self.users.items():
            # A server error comes back as a 500 to report with the others, not raised.
            self.clients[who] = Client(raise_request_exception=False)
            if user is not None:
                self.clients[who].force_login(user)

    def fetch(self, who, case, path):
        client, user = self.clients[who], self.users[who]
        query = case.query(user) if case.query else {}
        if case.method == "get":
            return client.get(path, query)
        if query:
            path = f"{path}?{urlencode(query)}"
        if case.body:
            content_type, text = case.body
            response = getattr(client, case.method)(path, text, content_type=content_type)
        else:
            response = getattr(client, case.method)(path)
        if user is not None:
            client.force_login(user)  # the walk's one POST signs out
        return response


def walk(cases, urls):
    """Every case as everyone, under the case's policy: [(page, role, path, problem)]."""
    problems = []
    visitors = Visitors()
    for case in cases:
        try:
            page = path_of(case, urls)
        except RecipeError as error:
            problems.append((case.title, "-", "-", f"recipe: {error}"))
            continue
        for who in visitors.users:
            problems += [
                (case.title, role_name(who), page, problem)
                for problem in answer_problems(case, who, visitors.fetch(who, case, page))
            ]
    return problems


def use_policy(settings, key):
    settings.COUNCIL_POLICY = key
    call_command("reclassify", stdout=io.StringIO())


def test_every_page_answers_every_role_as_the_table_says_and_is_well_formed(
    demo_register, db, settings
):
    urls = portal_urls()
    problems = [("(table)", "-", "-", p) for p in coverage_problems(urls, CASES, RECIPES)]
    names = {url.name for url in urls}
    walkable = [case for case in CASES if case.url_name in names]
    policies = [DEFAULT_POLICY] + sorted({c.policy for c in walkable} - {DEFAULT_POLICY})
    for key in policies:
        if key != django_settings.COUNCIL_POLICY:
            use_policy(settings, key)
        problems += walk([case for case in walkable if case.policy == key], urls)
    requests = len(walkable) * (len(Role) + 1)
    print(f"Page walk: {len(names)} URL names, {len(walkable)} rows, {requests} requests")
    assert not problems, report("in the page walk", problems)


# --- The walk's guards ------------------------------------------------------------------


def test_a_url_name_missing_from_the_table_is_reported():
    cases = [case for case in CASES if case.url_name != "register:history"]
    assert "register:history: no entry in the page walk's table (tests/page_walk.py)" in (
        coverage_problems(portal_urls(), cases, RECIPES)
    )


def test_a_url_argument_without_a_recipe_is_reported():
    recipes = {name: recipe for name, recipe in RECIPES.items() if name != "group"}
    problems = coverage_problems(portal_urls(), CASES, recipes)
    assert "register:checklist (under dartford): no recipe for its URL argument 'group'" in problems


def test_a_row_for_a_url_that_no_longer_exists_is_reported():
    gone = Case("register:gone", access(ok=Role))
    assert "register:gone: in the table, but no such URL" in coverage_problems(
        portal_urls(), [*CASES, gone], RECIPES
    )


def test_the_walk_finds_urls_inside_includes_and_leaves_out_django_admin():
    urls = {url.name: url.arguments for url in portal_urls()}
    assert urls["council_forms:fill"] == ("reference", "occasion", "key")
    assert urls["register:part-edit"] == ("reference", "part", "pk")
    assert not [name for name in urls if name.startswith("admin:")]


def test_council_form_urls_with_an_occasion_argument_already_have_their_recipes():
    view = View.as_view()
    patterns = [
        path("forms/<str:reference>/<slug:occasion>/<slug:key>/", view, name="fill"),
        path("forms/<str:reference>/<slug:occasion>/<slug:key>/pdf/", view, name="pdf"),
    ]
    cases = [Case(name, access(ok=Role)) for name in ("fill", "pdf")]
    assert coverage_problems(portal_urls(patterns), cases, RECIPES) == []
    assert RECIPES["occasion"]({}) == "approval"


# --- The page checks --------------------------------------------------------------------


def problems_of(title, body):
    return html_problems(f"<html><head><title>{title}</title></head><body>{body}</body></html>")


def test_an_empty_heading_and_a_blank_button_are_found():
    # What the withdraw, renew and interest pages render when their heading is not given.
    body = '<h1 class="govuk-heading-l"></h1><form><button type="submit"> </button></form>'
    assert problems_of(" – PA-2026-0001", body) == [
        "empty <h1>",
        '<button> without an accessible name: <button type="submit">',
    ]


def test_a_page_without_a_title_or_a_heading_is_found():
    assert problems_of(" ", "<p>Hi</p>") == ["empty <title>", "no <h1>"]


def test_links_and_buttons_are_named_by_text_hidden_text_or_aria_label():
    body = (
        "<h1>Register <span>of partnerships</span></h1>"
        '<a href="/x/">Change<span class="govuk-visually-hidden"> the name</span></a>'
        '<a href="/y/"><span class="govuk-visually-hidden">Remove the risk</span></a>'
        '<button aria-label="Menu"></button>'
        '<a href="/"><img src="logo.svg" alt="Gravesham Borough Council"></a>'
        '<input type="submit" value="Save">'
    )
    assert problems_of("Register", body) == []


def test_a_link_and_a_submit_input_without_a_name_are_found():
    body = '<h1>Register</h1><a href="/x/"><span></span></a><input type="submit">'
    assert problems_of("Register", body) == [
        '<a> without an accessible name: <a href="/x/">',
        '<input type=submit> without a value: <input type="submit">',
    ]
