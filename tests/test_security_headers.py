"""Headers and ASVS level 2's quick wins (issue 15, point 7): Permissions-Policy on every
response, Content Security Policy reports taken and logged, security.txt (RFC 9116), and
the deploy check (tests/test_settings.py runs `check --deploy` under production settings)."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from register.checks import security_contact_is_set
from register.roles import Role

ROOT = Path(__file__).resolve().parent.parent
OFF = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "serial",
    "display-capture",
    "fullscreen",
    "publickey-credentials-get",
]


def features(header: str) -> dict[str, str]:
    return dict(item.strip().split("=", 1) for item in header.split(","))


def csp_directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


# Permissions-Policy --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("visitor", "/sign-in/"),
        ("visitor", "/published/"),
        ("visitor", "/static/js/application.js"),  # served by WhiteNoise, before Django's views
        ("visitor", "/.well-known/security.txt"),
        ("visitor", "/no-such-page/"),
        ("officer", "/arrangements/"),
        ("officer", "/arrangements/new/screening/"),
        ("auditor", "/arrangements/new/screening/"),  # a refusal (403)
    ],
)
def test_every_response_switches_off_the_browser_features_the_portal_never_uses(
    client, client_for, db, who, path
):
    if who == "officer":
        client = client_for(Role.LEAD_OFFICER)
    elif who == "auditor":
        client = client_for(Role.INTERNAL_AUDIT)
    response = client.get(path)
    policy = features(response["Permissions-Policy"])
    for feature in OFF:
        assert policy[feature] == "()", feature
    assert set(policy.values()) == {"()"}  # nothing is allowed, not even to the portal


def test_the_content_security_policy_sends_its_reports_to_the_portal(client, db):
    response = client.get("/sign-in/")
    policy = csp_directives(response["Content-Security-Policy"])
    assert policy["report-uri"] == reverse("csp-report") == django_settings.CSP_REPORT_PATH
    # Chromium would ignore report-uri beside a report-to group (see base.py).
    assert "report-to" not in policy
    assert policy["script-src"].startswith("'self' 'nonce-")
    assert policy["frame-ancestors"] == "'none'"


def test_report_only_mode_sends_the_same_policy_without_enforcing_it():
    def settings_with(**env):
        code = (
            "from config.settings import base; import json; "
            "print(json.dumps([bool(base.SECURE_CSP), bool(base.SECURE_CSP_REPORT_ONLY), "
            "(base.SECURE_CSP or base.SECURE_CSP_REPORT_ONLY)['report-uri']]))"
        )
        environment = {**os.environ, **env}
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return json.loads(result.stdout)

    assert settings_with(CSP_REPORT_ONLY="false") == [True, False, ["/csp-report/"]]
    assert settings_with(CSP_REPORT_ONLY="true") == [False, True, ["/csp-report/"]]


# CSP reports ---------------------------------------------------------------------------------

REPORT_URI_BODY = {
    "csp-report": {
        "document-uri": "https://register.example/arrangements/?q=jo+bloggs&token=abc",
        "referrer": "",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'",
        "blocked-uri": "https://evil.example/steal.js?session=123",
        "source-file": "https://register.example/static/js/application.js",
        "line-number": 12,
        "disposition": "enforce",
        "status-code": 200,
    }
}
REPORT_TO_BODY = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://register.example/sign-in/",
        "user_agent": "Mozilla/5.0",
        "body": {
            "documentURL": "https://register.example/sign-in/?next=/arrangements/",
            "effectiveDirective": "img-src",
            "blockedURL": "inline",
            "disposition": "report",
            "lineNumber": 3,
        },
    },
    {"type": "deprecation", "body": {"id": "something-else"}},  # not a CSP report: ignored
]


def post_report(client, body, content_type="application/csp-report"):
    return client.post(reverse("csp-report"), json.dumps(body), content_type=content_type)


def test_a_report_uri_report_is_logged_without_query_strings(db, security_events):
    response = post_report(Client(enforce_csrf_checks=True), REPORT_URI_BODY)
    assert response.status_code == 204
    [event] = security_events
    assert event["event"] == "csp.violation"
    assert (event["user"], event["record"], event["address"]) == ("", "", "127.0.0.1")
    assert event["document"] == "https://register.example/arrangements/"
    assert event["directive"] == "script-src-elem"
    assert event["blocked"] == "https://evil.example/steal.js"
    assert event["source_file"] == "https://register.example/static/js/application.js"
    assert (event["line"], event["disposition"]) == (12, "enforce")
    assert "abc" not in json.dumps(event) and "bloggs" not in json.dumps(event)


def test_a_reporting_api_report_is_logged_each_violation(client, security_events):
    response = post_report(client, REPORT_TO_BODY, "application/reports+json")
    assert response.status_code == 204
    [event] = security_events
    assert (event["document"], event["directive"], event["blocked"]) == (
        "https://register.example/sign-in/",
        "img-src",
        "inline",
    )


def test_a_signed_in_persons_report_names_them(client_for, security_events):
    client = client_for(Role.LEAD_OFFICER)
    post_report(client, REPORT_URI_BODY)
    assert security_events.named("csp.violation")[0]["user"] == client.user.username


@pytest.mark.parametrize(
    ("case", "body", "content_type", "status"),
    [
        ("not JSON", "{not json", "application/csp-report", 400),
        ("JSON that is no report", '{"hello": "world"}', "application/csp-report", 400),
        ("a list of strings", '["a", "b"]', "application/reports+json", 400),
        ("a form", "a=b", "application/x-www-form-urlencoded", 415),
        ("plain text", "hello", "text/plain", 415),
    ],
)
def test_a_body_that_is_no_report_is_refused_and_not_logged(
    client, security_events, case, body, content_type, status
):
    response = client.post(reverse("csp-report"), body, content_type=content_type)
    assert response.status_code == status
    assert security_events == []


def test_a_report_over_the_size_limit_is_refused_unread(client, security_events, settings):
    settings.CSP_REPORT_MAX_BYTES = 1024
    padded = {"csp-report": {**REPORT_URI_BODY["csp-report"], "script-sample": "x" * 2000}}
    assert post_report(client, padded).status_code == 413
    assert security_events == []


def test_reports_past_the_limit_from_one_address_are_refused_and_not_logged(
    client, security_events, settings
):
    settings.CSP_REPORTS_PER_MINUTE = 3
    statuses = [post_report(client, REPORT_URI_BODY).status_code for _ in range(5)]
    assert statuses == [204, 204, 204, 429, 429]
    assert len(security_events) == 3


def test_many_violations_in_one_report_are_logged_up_to_ten_and_counted(client, security_events):
    body = [REPORT_TO_BODY[0]] * 25
    assert post_report(client, body, "application/reports+json").status_code == 204
    assert len(security_events) == 11
    assert security_events[-1]["not_logged"] == 15


def test_the_report_endpoint_takes_only_posts(client):
    assert client.get(reverse("csp-report")).status_code == 405


# security.txt --------------------------------------------------------------------------------


def security_txt(client) -> dict[str, str]:
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.endswith("\n")
    return dict(line.split(": ", 1) for line in text.splitlines())


def test_security_txt_says_whom_to_tell_until_when_as_rfc_9116_asks(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@gravesham.gov.uk"
    settings.PORTAL_URL = "https://partnerships.gravesham.gov.uk/"
    fields = security_txt(client)
    assert fields["Contact"] == "mailto:security@gravesham.gov.uk"
    assert fields["Canonical"] == (
        "https://partnerships.gravesham.gov.uk/.well-known/security.txt"
    )
    assert fields["Preferred-Languages"] == "en"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    now = datetime.datetime.now(datetime.UTC)
    assert now < expires < now + datetime.timedelta(days=365)  # RFC 9116 2.5.5
    assert "Policy" not in fields


def test_security_txt_takes_the_councils_expiry_date_and_policy(client, settings):
    settings.SECURITY_TXT_EXPIRES = datetime.date(2027, 3, 31)
    settings.SECURITY_POLICY_URL = "https://www.gravesham.gov.uk/vulnerability-disclosure"
    fields = security_txt(client)
    assert fields["Expires"] == "2027-03-31T00:00:00Z"
    assert fields["Policy"] == "https://www.gravesham.gov.uk/vulnerability-disclosure"


def test_without_a_security_contact_there_is_no_security_txt_and_the_deploy_check_says_so(
    client, settings
):
    settings.SECURITY_CONTACT = ""
    assert client.get("/.well-known/security.txt").status_code == 404
    [warning] = security_contact_is_set(None)
    assert warning.id == "register.W001"
    settings.SECURITY_CONTACT = "security@gravesham.gov.uk"  # not an address a reader can use
    assert security_contact_is_set(None)
    settings.SECURITY_CONTACT = "https://www.gravesham.gov.uk/report-a-vulnerability"
    assert security_contact_is_set(None) == []
