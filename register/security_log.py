"""Security events: one structured line each (JSON), for the council's log collector.

Every event names what happened, who did it, which record, and from where. Nothing secret
is ever passed in (no passwords, tokens or session keys): callers give names and
references, and `security_event` drops any detail whose key looks like a secret.

    security_event("sign_in.failed", request=request, username="jo", reason="bad password")

Lines go to the `security` logger, which settings send to standard output as JSON.
"""

import json
import logging

from django.utils import timezone

logger = logging.getLogger("security")

# Details never written, whatever a caller passes.
SECRET_WORDS = ("password", "token", "secret", "session", "cookie", "code_verifier", "nonce")


def client_address(request) -> str:
    """Where the request came from: the address the last trusted proxy saw (REMOTE_ADDR;
    a proxy in front sets it through gunicorn's --forwarded-allow-ips)."""
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")


def _who(request, user) -> str:
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_username()


def security_event(event: str, *, request=None, user=None, record: str = "", **details):
    """Write one security event: `event` as a dotted name (sign_in.failed, document.download).

    `user` is whoever acted (the request's user by default); `record` what it was done to
    (an arrangement's reference, a document's id); details are plain values."""
    safe = {
        key: value
        for key, value in details.items()
        if not any(word in key.lower() for word in SECRET_WORDS)
    }
    line = {
        "time": timezone.now().isoformat(),
        "event": event,
        "user": _who(request, user),
        "record": record,
        "address": client_address(request),
        "path": request.path if request is not None else "",
        **safe,
    }
    logger.info("%s", event, extra={"security": line})


class JsonLineFormatter(logging.Formatter):
    """A security event as one JSON line; any other record as a JSON line with its message."""

    def format(self, record):
        line = getattr(record, "security", None) or {
            "time": timezone.now().isoformat(),
            "event": record.getMessage(),
        }
        return json.dumps(line, default=str, sort_keys=False)
