"""Pages for the council's security team and for browsers: security.txt (RFC 9116), the
Content Security Policy report endpoint, and the page of a failed CSRF check."""

import datetime
import json
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views import csrf
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from register.security_log import client_address, security_event

# How browsers send reports: `report-uri` (application/csp-report, what the portal's policy
# asks for) and `report-to` (application/reports+json, the Reporting API), read alike.
REPORT_TYPES = ("application/csp-report", "application/reports+json", "application/json")
REPORTS_PER_REQUEST = 10  # more in one request are counted, not each logged
FIELD_LENGTH = 300
DEFAULT_EXPIRY_DAYS = 180  # security.txt's Expires when SECURITY_TXT_EXPIRES is unset


@login_not_required
@require_GET
def security_txt(request):
    """/.well-known/security.txt: who to tell about a vulnerability (SECURITY_CONTACT)."""
    if not settings.SECURITY_CONTACT:
        raise Http404("No security contact is set for this portal")
    expires = settings.SECURITY_TXT_EXPIRES or (
        timezone.now().date() + datetime.timedelta(days=DEFAULT_EXPIRY_DAYS)
    )
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.isoformat()}T00:00:00Z",
        "Preferred-Languages: en",
        f"Canonical: {settings.PORTAL_URL.rstrip('/')}/.well-known/security.txt",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _without_query(value) -> str:
    """A URL without its query or fragment (they may carry search words or tokens); a
    keyword such as `inline` or `eval` as it is."""
    text = str(value or "")[:2000]
    parts = urlsplit(text)
    if parts.scheme in ("http", "https"):
        text = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return text[:FIELD_LENGTH]


def _violations(data) -> list[dict] | None:
    """The violations in a report body of either format, in the fields the log keeps;
    None when it is neither."""
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        report = data["csp-report"]
        bodies = [
            {
                "document": report.get("document-uri"),
                "directive": report.get("effective-directive") or report.get("violated-directive"),
                "blocked": report.get("blocked-uri"),
                "source_file": report.get("source-file"),
                "line": report.get("line-number"),
                "disposition": report.get("disposition"),
            }
        ]
    elif isinstance(data, list) and all(isinstance(item, dict) for item in data):
        bodies = [
            {
                "document": body.get("documentURL"),
                "directive": body.get("effectiveDirective"),
                "blocked": body.get("blockedURL"),
                "source_file": body.get("sourceFile"),
                "line": body.get("lineNumber"),
                "disposition": body.get("disposition"),
            }
            for item in data
            if item.get("type") == "csp-violation" and isinstance(body := item.get("body"), dict)
        ]
    else:
        return None
    return [
        {
            "document": _without_query(body["document"]),
            "directive": str(body["directive"] or "")[:FIELD_LENGTH],
            "blocked": _without_query(body["blocked"]),
            "source_file": _without_query(body["source_file"]),
            "line": body["line"] if isinstance(body["line"], int) else None,
            "disposition": str(body["disposition"] or "")[:20],
        }
        for body in bodies
    ]


def _too_many(request) -> bool:
    """More than CSP_REPORTS_PER_MINUTE reports from one address this minute."""
    minute = int(timezone.now().timestamp() // 60)
    key = f"csp-reports:{client_address(request)}:{minute}"
    cache.add(key, 0, timeout=120)
    try:
        return cache.incr(key) > settings.CSP_REPORTS_PER_MINUTE
    except ValueError:  # expired between add and incr
        return False


@csrf_exempt  # browsers send reports without a token; nothing is changed but the log
@login_not_required  # a report may come from the sign-in page
@require_POST
def csp_report(request):
    """Browsers' Content Security Policy violation reports: each logged as a `csp.violation`
    security event. Answers 204; 413 over CSP_REPORT_MAX_BYTES, 415 for another content
    type, 400 for a body that is no report, 429 past the per-address limit."""
    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        return HttpResponse("The report is too large.", status=413, content_type="text/plain")
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponse("The report is too large.", status=413, content_type="text/plain")
    if not body:
        return HttpResponse(status=204)
    if request.content_type not in REPORT_TYPES:
        return HttpResponse(
            "Send a report as application/csp-report or application/reports+json.",
            status=415,
            content_type="text/plain",
        )
    try:
        violations = _violations(json.loads(body))
    except ValueError:
        violations = None
    if violations is None:
        return HttpResponse("That is not a CSP report.", status=400, content_type="text/plain")
    if _too_many(request):
        return HttpResponse("Too many reports.", status=429, content_type="text/plain")
    for violation in violations[:REPORTS_PER_REQUEST]:
        security_event("csp.violation", request=request, **violation)
    if len(violations) > REPORTS_PER_REQUEST:
        security_event(
            "csp.violation",
            request=request,
            not_logged=len(violations) - REPORTS_PER_REQUEST,
        )
    return HttpResponse(status=204)


def csrf_failure(request, reason=""):
    """Django's page for a failed CSRF check; the refusal's security event says why."""
    request._refusal_reason = f"CSRF check failed: {reason}"
    return csrf.csrf_failure(request, reason=reason)
