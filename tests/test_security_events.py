"""Security events (issue 15, point 5): permission refusals, exports and downloads of
personal data, publication and imports each write one JSON line naming what happened, who,
which record and from where (register/security_log.py). Document downloads are in
tests/test_document_storage.py, backup and restore in tests/test_backup.py, CSP reports in
tests/test_security_headers.py."""

import datetime
import io
import json
import logging
import sys

import pytest
from django.test import Client
from django.urls import reverse

from register.models import ImportRun
from register.roles import Role
from register.security_log import JsonLineFormatter, security_event
from reviews import assurance
from tests.factories import ArrangementFactory, ObjectiveFactory, ServiceFactory
from tests.import_helpers import xlsx_file
from tests.publication_helpers import live

REQUIRED = ("time", "event", "user", "record", "address", "path")


def only(events, name):
    found = [event for event in events if event["event"] == name]
    assert len(found) == 1, f"{name}: {[e['event'] for e in events]}"
    for key in REQUIRED:
        assert key in found[0]
    return found[0]


def test_a_security_event_is_one_json_line_on_standard_output(rf, django_user_model):
    """As settings send it: the `security` logger's own handler, on stdout, one line."""
    [handler] = [
        handler
        for handler in logging.getLogger("security").handlers
        if isinstance(handler.formatter, JsonLineFormatter)
    ]
    assert handler.stream is sys.stdout  # (pytest's capture of it, here)
    request = rf.get("/arrangements/", REMOTE_ADDR="203.0.113.9")
    request.user = django_user_model(username="jo")
    written = io.StringIO()
    stdout = handler.setStream(written)  # what would have gone to standard output
    try:
        security_event("export.register", request=request, record="PA-2026-0001", format="csv")
    finally:
        handler.setStream(stdout)
    lines = written.getvalue().splitlines()
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert {k: line[k] for k in ("event", "user", "record", "address", "path", "format")} == {
        "event": "export.register",
        "user": "jo",
        "record": "PA-2026-0001",
        "address": "203.0.113.9",
        "path": "/arrangements/",
        "format": "csv",
    }
    assert not logging.getLogger("security").propagate


def test_details_that_look_like_secrets_are_never_written(security_events):
    security_event(
        "test.event", password="hunter2", api_token="abc", session_key="s", nonce="n", reason="ok"
    )
    [event] = security_events
    assert event["reason"] == "ok"
    assert not {"password", "api_token", "session_key", "nonce"} & set(event)


def test_the_formatter_writes_any_other_record_as_a_json_line():
    record = logging.LogRecord("security", logging.INFO, __file__, 1, "plain %s", ("words",), None)
    assert json.loads(JsonLineFormatter().format(record))["event"] == "plain words"


# Refusals ----------------------------------------------------------------------------------


def test_a_refusal_is_logged_with_who_what_and_why(client_for, security_events):
    client = client_for(Role.INTERNAL_AUDIT)
    response = client.get(reverse("register:screening"))
    assert response.status_code == 403
    event = only(security_events, "permission.refused")
    assert event["user"] == client.user.username
    assert event["path"] == reverse("register:screening")
    assert event["method"] == "GET"
    assert event["address"] == "127.0.0.1"
    assert event["reason"]


def test_a_failed_csrf_check_is_logged_as_a_refusal_saying_so(client_for, security_events):
    officer = client_for(Role.LEAD_OFFICER).user
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(officer)
    response = strict.post(reverse("register:screening"), {"proposal": "A forum"})
    assert response.status_code == 403
    event = only(security_events, "permission.refused")
    assert event["reason"].startswith("CSRF check failed")
    assert event["user"] == officer.username


def test_an_allowed_page_logs_nothing(client_for, security_events):
    client = client_for(Role.LEAD_OFFICER)
    security_events.clear()  # giving the officer their role is an event of its own
    client.get(reverse("register:list"))
    assert security_events == []


# Exports and downloads of personal data ----------------------------------------------------


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exporting_the_register_is_logged(client_for, security_events, export):
    ArrangementFactory(status="active")
    client = client_for(Role.INTERNAL_AUDIT)
    response = client.get(reverse(f"register:export-{export}"), {"status": "active"})
    assert response.status_code == 200
    event = only(security_events, "export.register")
    assert (event["user"], event["format"], event["filters"]) == (
        client.user.username,
        export,
        "status=active",
    )


@pytest.mark.parametrize("url_name", ["reviews:board-csv", "reviews:late-csv"])
def test_exporting_reviews_is_logged(client_for, security_events, url_name):
    client = client_for(Role.REGISTER_OWNER)
    response = client.get(reverse(url_name))
    b"".join(response.streaming_content)
    event = only(security_events, "export.reviews")
    assert event["user"] == client.user.username
    assert event["file_name"].endswith(".csv")


@pytest.mark.parametrize("export", ["csv", "pdf"])
def test_exporting_the_assurance_annex_is_logged(
    client_for, register_owner, director, security_events, export
):
    service = ServiceFactory(director=director)
    ObjectiveFactory(arrangement=ArrangementFactory(status="active", service=service))
    assurance.open_exercise(
        user=register_owner, year=2027, returns_due_on=datetime.date(2027, 3, 31)
    )
    client = client_for(Role.INTERNAL_AUDIT)
    response = client.get(reverse(f"reviews:assurance-annex-{export}", args=[2027]))
    assert response.status_code == 200
    event = only(security_events, "export.assurance_annex")
    assert (event["record"], event["format"]) == ("2027", export)


def test_the_approval_record_pdf_is_logged_with_its_arrangement(client_for, security_events):
    arrangement = ArrangementFactory(status="active")
    client = client_for(Role.INTERNAL_AUDIT)
    response = client.get(reverse("approvals:record-pdf", args=[arrangement.reference]))
    assert response.status_code == 200
    event = only(security_events, "export.approval_record_pdf")
    assert (event["user"], event["record"]) == (client.user.username, arrangement.reference)


def test_a_council_form_pdf_is_logged_with_its_arrangement_and_form(client_for, security_events):
    arrangement = ArrangementFactory(status="active")
    client = client_for(Role.INTERNAL_AUDIT)
    url = reverse(
        "council_forms:pdf", args=[arrangement.reference, "approval", "gravesham_evaluation"]
    )
    assert client.get(url).status_code == 200
    event = only(security_events, "export.council_form_pdf")
    assert (event["record"], event["form"], event["occasion"]) == (
        arrangement.reference,
        "gravesham_evaluation",
        "approval",
    )


def test_a_pdf_refused_to_someone_who_cannot_see_the_arrangement_is_not_an_export(
    client_for, lead_officer, security_events
):
    draft = ArrangementFactory(lead_officer=lead_officer)
    client = client_for(Role.LEAD_OFFICER)
    security_events.clear()  # giving the officer their role is an event of its own
    response = client.get(reverse("approvals:record-pdf", args=[draft.reference]))
    assert response.status_code == 404
    assert security_events == []


# Publication and imports -------------------------------------------------------------------


def test_publishing_an_edition_is_logged(client_for, register_owner, security_events):
    from register import publication

    live(name="Gravesham Community Safety Partnership")
    draft = publication.prepare_edition(year=2026, user=register_owner)
    client = client_for(register_owner)
    response = client.post(reverse("published:publish", args=[draft.slug]))
    assert response.status_code == 302
    event = only(security_events, "publication.published")
    assert event["user"] == register_owner.username
    assert event["record"] == draft.slug
    assert event["entries"] == 1
    assert event["people_named"] is False


def test_an_import_is_logged_when_confirmed_and_when_written(
    client_for, security_events, django_capture_on_commit_callbacks
):
    keeper = client_for(Role.REGISTER_OWNER)
    rows = [["Name of Partnership", "Statutory Status"], ["Youth Forum", "No"]]
    keeper.post(reverse("register:import"), {"file": xlsx_file(rows)})
    run = ImportRun.objects.get()
    columns = {f"column_{n}": run.mapping[h] for n, h in enumerate(run.headings)}
    keeper.post(reverse("register:import-columns", args=[run.pk]), columns)
    with django_capture_on_commit_callbacks(execute=True):
        keeper.post(reverse("register:import-confirm", args=[run.pk]))
    confirmed = only(security_events, "import.confirmed")
    assert (confirmed["user"], confirmed["record"], confirmed["file_name"]) == (
        keeper.user.username,
        f"import {run.pk}",
        "register.xlsx",
    )
    written = only(security_events, "import.completed")
    assert (written["user"], written["record"], written["new"]) == (
        keeper.user.username,
        "register.xlsx",
        1,
    )


def test_an_import_from_the_command_line_is_logged(
    register_owner, security_events, tmp_path, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    path = tmp_path / "register.xlsx"
    path.write_bytes(xlsx_file([["Name of Partnership"], ["Youth Forum"]]).getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_register", str(path), by=register_owner.username, stdout=io.StringIO()
        )
    written = only(security_events, "import.completed")
    assert (written["user"], written["record"], written["address"]) == (
        register_owner.username,
        "register.xlsx",
        "",
    )
