"""The approval record as a PDF: what it says, who may have it, and what WeasyPrint may reach
(only our static files and data: URIs; no other file, no network, no attachments, no hang)."""

import datetime
import http.server
import io
import socket
import threading
import time
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from approvals import services
from approvals.models import Outcome, StepStatus
from register.choices import Status
from register.pdf import (
    PdfRenderError,
    RefusedURL,
    StaticOnlyURLFetcher,
    TookTooLong,
    html_to_pdf,
    render_pdf,
    run_within,
)
from register.roles import Role
from tests.approvals_helpers import PLAIN_YES
from tests.factories import ArrangementFactory, DeputyFactory, UserFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db

A4_POINTS = (595.28, 841.89)
PASSWD_LINE = "root:x:0:0"
HOSTILE_COMMENT = '<img src="file:///etc/passwd"> <script>alert(1)</script>'


# Building an approved round with the approvals services ----------------------------------


def person(role, first_name, last_name):
    username = f"{role.value}-{uuid.uuid4().hex[:6]}"
    return UserFactory(roles=[role], username=username, first_name=first_name, last_name=last_name)


def decide(step, user, comment="", **details):
    outcome = PLAIN_YES.get(step.kind, Outcome.APPROVE)
    return services.record_decision(
        step=step, user=user, outcome=outcome, comment=comment, token=uuid.uuid4().hex, **details
    )


@pytest.fixture
def approved():
    """A significant Gravesham partnership taken through every step: opinions (the Section
    151 Officer's by a deputy), Management Team's decision at a meeting, then the Members."""
    arrangement = ArrangementFactory(complete=True, is_statutory=True)
    approval_round = submit(arrangement)
    s151 = person(Role.SECTION_151_OFFICER, "Sunita", "Holder")
    deputy = person(Role.LEAD_OFFICER, "Desmond", "Deputy")
    DeputyFactory(
        holder=s151, deputy=deputy, starts=timezone.localdate() - datetime.timedelta(days=1)
    )
    deciders = {
        Role.MONITORING_OFFICER: person(Role.MONITORING_OFFICER, "Morag", "Monitor"),
        Role.SECTION_151_OFFICER: deputy,
        Role.DEMOCRATIC_SERVICES: person(Role.DEMOCRATIC_SERVICES, "Dora", "Clerk"),
        Role.PORTFOLIO_HOLDER: person(Role.PORTFOLIO_HOLDER, "Priya", "Portfolio"),
        Role.LEADER: person(Role.LEADER, "Leonard", "Leader"),
    }
    comments = {
        Role.MONITORING_OFFICER: "Lawful and within the council's powers",
        Role.SECTION_151_OFFICER: "Affordable within the service budget",
        Role.PORTFOLIO_HOLDER: HOSTILE_COMMENT,
    }
    while True:
        approval_round.refresh_from_db()
        steps = list(approval_round.steps.filter(status=StepStatus.PENDING).order_by("pk"))
        if not approval_round.is_open or not steps:
            break
        for step in steps:
            details = {}
            if step.at_a_meeting:
                details = {"meeting_date": timezone.localdate(), "minute_reference": "MT/41"}
            role = Role(step.role)
            decide(step, deciders[role], comments.get(role, ""), **details)
    approval_round.refresh_from_db()
    assert approval_round.outcome == "approved"
    arrangement.refresh_from_db()
    return arrangement, deciders, s151


def pdf_url(arrangement):
    return reverse("approvals:record-pdf", kwargs={"reference": arrangement.reference})


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


def squeezed(text: str) -> str:
    """Without any white space, so line wrapping in the PDF does not matter."""
    return "".join(text.split())


# What the PDF says -----------------------------------------------------------------------


def test_the_pdf_of_an_approved_round_names_everyone_and_everything_decided(approved, client_for):
    arrangement, deciders, s151 = approved
    response = client_for(arrangement.lead_officer).get(pdf_url(arrangement))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{arrangement.reference}-approval-record.pdf"'
    )
    text = squeezed(text_of(response.content))
    expected = [
        arrangement.reference,
        "Gravesham Borough Council",
        "Working in Partnership Framework 2021",
        "Approval, ",
        "approved",
        "Endorse",
        "Approve",
        "Lawful and within the council's powers",
        "Affordable within the service budget",
        f"By Desmond Deputy, on behalf of {s151.get_full_name()}",
        f"Meeting of {timezone.localdate():%-d %B %Y}, minute MT/41",
        arrangement.category_reasons[:40],
        "Page 1 of",
        *(user.get_full_name() for user in deciders.values()),
    ]
    for words in expected:
        assert squeezed(words) in text, words


def test_the_pdf_is_a4(approved, client_for):
    arrangement, _, _ = approved
    response = client_for(arrangement.lead_officer).get(pdf_url(arrangement))
    for page in read(response.content).pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=0.5)


def test_every_page_says_which_page_of_how_many(approved, client_for):
    arrangement, _, _ = approved
    response = client_for(arrangement.lead_officer).get(pdf_url(arrangement))
    pages = read(response.content).pages
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.extract_text()


def test_answers_are_printed_as_text_and_nothing_is_fetched_for_them(
    approved, client_for, monkeypatch
):
    asked = []
    fetch = StaticOnlyURLFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return fetch(self, url, headers)

    monkeypatch.setattr(StaticOnlyURLFetcher, "fetch", spy)
    arrangement, _, _ = approved
    response = client_for(arrangement.lead_officer).get(pdf_url(arrangement))

    text = text_of(response.content)
    assert squeezed(HOSTILE_COMMENT) in squeezed(text)
    assert PASSWD_LINE not in text
    assert not [url for url in asked if "passwd" in url]


# Who may have it -------------------------------------------------------------------------


def test_a_lead_officer_cannot_get_the_pdf_of_another_officers_draft(client_for):
    draft = ArrangementFactory(status=Status.DRAFT)
    response = client_for(Role.LEAD_OFFICER).get(pdf_url(draft))
    assert response.status_code == 404


def test_internal_audit_can_get_the_pdf_of_any_draft(client_for):
    draft = ArrangementFactory(status=Status.DRAFT)
    response = client_for(Role.INTERNAL_AUDIT).get(pdf_url(draft))
    assert response.status_code == 200
    assert "It has not been submitted for approval yet" in text_of(response.content)


def test_someone_signed_out_is_sent_to_sign_in(client):
    draft = ArrangementFactory(status=Status.DRAFT)
    response = client.get(pdf_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# The fetcher: our static files and data: URIs only ---------------------------------------


@pytest.fixture
def folders(tmp_path):
    """A static folder with a stylesheet, and a secret file beside it (outside)."""
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "allowed.css").write_text('body::after { content: "ALLOWED-MARKER"; }')
    (static / "notes.txt").write_text("static notes")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.css").write_text('body::after { content: "LEAKED-SECRET"; }')
    with override_settings(STATICFILES_DIRS=[static], STATIC_ROOT=None):
        yield static, outside


@pytest.fixture
def no_network(monkeypatch):
    """Records any attempt to reach the network (the test then fails on the record)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("The PDF tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.fixture
def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_fetcher_serves_a_file_from_our_static_folder(folders):
    static, _ = folders
    response = StaticOnlyURLFetcher().fetch((static / "css" / "allowed.css").as_uri())
    assert b"ALLOWED-MARKER" in response.read()
    assert response.content_type == "text/css"


def test_the_fetcher_finds_static_urls_in_our_static_folder(folders):
    response = StaticOnlyURLFetcher().fetch("file:///static/css/allowed.css")
    assert b"ALLOWED-MARKER" in response.read()


def test_the_fetcher_serves_the_collected_static_root_when_there_is_one(tmp_path):
    collected = tmp_path / "staticfiles"
    collected.mkdir()
    (collected / "logo.txt").write_text("collected")
    with override_settings(STATICFILES_DIRS=[], STATIC_ROOT=collected):
        response = StaticOnlyURLFetcher().fetch((collected / "logo.txt").as_uri())
    assert response.read() == b"collected"


def test_the_fetcher_serves_data_uris():
    response = StaticOnlyURLFetcher().fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://example.org/etc/passwd",
        "ftp://example.org/passwd",
        "javascript:alert(1)",
    ],
)
def test_the_fetcher_refuses_files_outside_our_static_folders_and_other_schemes(folders, url):
    with pytest.raises(RefusedURL):
        StaticOnlyURLFetcher().fetch(url)


def test_the_fetcher_refuses_dot_dot_tricks(folders):
    static, outside = folders
    tricks = [
        static.as_uri() + "/../outside/secret.css",
        static.as_uri() + "/css/%2e%2e/%2e%2e/outside/secret.css",
        "file:///static/../../outside/secret.css",
        "file:///static/" + "../" * 12 + "etc/passwd",
        "file:///static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ]
    for url in tricks:
        with pytest.raises(RefusedURL):
            StaticOnlyURLFetcher().fetch(url)


def test_the_fetcher_refuses_a_symlink_in_our_static_folder_that_points_out(folders):
    static, outside = folders
    (static / "innocent.css").symlink_to(outside / "secret.css")
    (static / "passwd").symlink_to("/etc/passwd")
    (static / "elsewhere").symlink_to(outside, target_is_directory=True)
    for name in ("innocent.css", "passwd", "elsewhere/secret.css"):
        with pytest.raises(RefusedURL):
            StaticOnlyURLFetcher().fetch((static / name).as_uri())


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/style.css",
        "https://127.0.0.1:{port}/style.css",
        "http://intranet.council.example.gov.uk/logo.png",
        "https://cdn.example.com/font.woff2",
    ],
)
def test_the_fetcher_refuses_web_addresses_without_connecting(no_network, unused_port, url):
    with pytest.raises(RefusedURL):
        StaticOnlyURLFetcher().fetch(url.format(port=unused_port))
    assert no_network == []


def test_a_pdf_naming_web_addresses_is_made_without_connecting(folders, no_network, unused_port):
    html = f"""<html><head>
      <link rel="stylesheet" href="http://127.0.0.1:{unused_port}/style.css">
      <link rel="stylesheet" href="https://cdn.example.com/style.css">
      <style>@import url("http://127.0.0.1:{unused_port}/import.css");
             @font-face {{ font-family: Web; src: url("https://fonts.example.com/web.woff2"); }}
      </style></head>
      <body><p>Hello</p><img src="http://127.0.0.1:{unused_port}/redirect?to=file:///etc/passwd">
      <img src="https://tracker.example.com/pixel.png"></body></html>"""
    text = text_of(html_to_pdf(html))
    assert "Hello" in text
    assert no_network == []


@pytest.fixture
def redirecting_server():
    """A real web server on this machine that sends every request to file:///etc/passwd,
    and records the paths it was asked for."""
    asked = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


def test_a_redirect_to_a_local_file_is_never_followed(folders, redirecting_server):
    address, asked = redirecting_server
    html = f"""<html><head><link rel="stylesheet" href="{address}/style.css">
      <style>@import url("{address}/import.css");</style></head>
      <body><p>Hello</p><img src="{address}/logo.png">
      <object data="{address}/page.html"></object></body></html>"""
    text = text_of(html_to_pdf(html))
    assert "Hello" in text
    assert PASSWD_LINE not in text
    assert asked == []  # the server was never asked, so no redirect could be followed


def test_css_imports_reach_only_our_static_folder(folders):
    static, outside = folders
    allowed = html_to_pdf('<style>@import url("/static/css/allowed.css");</style><p>Text</p>')
    assert "ALLOWED-MARKER" in text_of(allowed)
    for url in (
        (outside / "secret.css").as_uri(),
        "../outside/secret.css",
        "/static/../../outside/secret.css",
        "file:///etc/passwd",
    ):
        pdf = html_to_pdf(f'<style>@import url("{url}");</style><p>Text</p>')
        assert "LEAKED-SECRET" not in text_of(pdf), url


def test_attachments_are_never_embedded(folders):
    html = """<html><head>
      <link rel="attachment" href="/static/notes.txt" title="Notes">
      <link rel="attachment" href="data:text/plain,secret">
      </head><body>
      <p><a rel="attachment" href="/static/notes.txt">Notes</a></p>
      <p><a rel="attachment" href="data:text/plain,secret" download="secret.txt">Secret</a></p>
      </body></html>"""
    reader = read(html_to_pdf(html))
    assert dict(reader.attachments) == {}
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    for page in reader.pages:
        annotations = [a.get_object() for a in page.get("/Annots", [])]
        assert not [a for a in annotations if a.get("/Subtype") == "/FileAttachment"]


# Time limit ------------------------------------------------------------------------------


def render_threads():
    return [thread for thread in threading.enumerate() if thread.name == "pdf-render"]


def busy_until(deadline):
    while time.monotonic() < deadline:
        pass


@override_settings(PDF_RENDER_TIMEOUT_SECONDS=0.001)
def test_a_render_that_takes_too_long_is_stopped_with_a_clear_message(approved, client_for):
    arrangement, _, _ = approved

    response = client_for(arrangement.lead_officer).get(pdf_url(arrangement))

    assert response.status_code == 503
    assert "The PDF took too long to make" in response.content.decode()
    assert render_threads() == []


def test_after_a_render_is_stopped_the_next_one_works(approved):
    arrangement, _, _ = approved
    context = {"arrangement": arrangement, "rounds": arrangement.rounds.all()}
    with override_settings(PDF_RENDER_TIMEOUT_SECONDS=0.001):
        with pytest.raises(PdfRenderError, match="The PDF took too long to make"):
            render_pdf("approvals/record_pdf.html", context)
    pdf = render_pdf("approvals/record_pdf.html", context)
    assert arrangement.reference in text_of(pdf)


def test_the_time_limit_stops_the_work_itself_not_only_the_wait():
    deadline = time.monotonic() + 10
    with pytest.raises(TookTooLong):
        run_within(0.01, lambda: busy_until(deadline))
    assert render_threads() == []
    assert time.monotonic() < deadline


def test_the_time_limit_fires_again_when_the_first_interruption_is_swallowed():
    """WeasyPrint catches BaseException around SVG drawing and colour profiles."""
    swallowed = []
    deadline = time.monotonic() + 10

    def swallow_once():
        try:
            busy_until(deadline)
        except BaseException as error:
            swallowed.append(error)
        busy_until(deadline)

    with pytest.raises(TookTooLong):
        run_within(0.01, swallow_once)
    assert [type(error) for error in swallowed] == [TookTooLong]
    assert render_threads() == []
    assert time.monotonic() < deadline


def test_a_render_that_ignores_every_interruption_is_abandoned_with_the_message(
    monkeypatch, caplog
):
    monkeypatch.setattr("register.pdf.ABANDON_SECONDS", 0.2)
    deadline = time.monotonic() + 1.5

    def ignore_interruptions():
        while time.monotonic() < deadline:
            try:
                busy_until(deadline)
            except BaseException:
                pass

    with pytest.raises(TookTooLong):
        run_within(0.01, ignore_interruptions)
    assert time.monotonic() < deadline
    assert "PDF render abandoned" in caplog.text
    for thread in render_threads():
        thread.join(5)


@pytest.mark.parametrize("seconds", [5, 0])  # 0: no limit
def test_the_result_and_errors_of_the_work_reach_the_caller(seconds):
    assert run_within(seconds, lambda: threading.current_thread().name) == "pdf-render"
    with pytest.raises(ZeroDivisionError):
        run_within(seconds, lambda: 1 / 0)


@override_settings(PDF_RENDER_TIMEOUT_SECONDS=0.001)
def test_the_time_limit_applies_in_any_thread_not_only_the_main_one():
    errors = []

    def print_in_a_thread():
        try:
            html_to_pdf("<p>From a thread</p>" * 200)
        except PdfRenderError as error:
            errors.append(str(error))

    worker = threading.Thread(target=print_in_a_thread)
    worker.start()
    worker.join(timeout=60)
    assert len(errors) == 1
    assert "The PDF took too long to make" in errors[0]


def test_a_render_nested_too_deeply_ends_with_a_clear_message():
    html = "<div>" * 5000 + "Deep" + "</div>" * 5000
    with pytest.raises(PdfRenderError, match="nested too deeply"):
        html_to_pdf(html)
    assert "Shallow" in text_of(html_to_pdf("<div>" * 20 + "Shallow" + "</div>" * 20))
