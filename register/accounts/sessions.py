"""Sessions that end: idle and absolute limits, and ending a person's sessions everywhere.

A session records when its person signed in and when they were last seen; the middleware
(register/accounts/middleware.py) ends it when either is too long ago. Each signed-in session is
listed (SignedInSession) so that an administrator switching someone off, deleting them or
taking a role away ends every session they have, on every device.
"""

import time
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import logout
from django.db import transaction
from django.utils import timezone

from register.accounts.models import SignedInSession
from register.security_log import client_address, security_event

SIGNED_IN_AT = "signed_in_at"  # seconds since the epoch, in the session
LAST_SEEN_AT = "last_seen_at"
# Being seen is written at most this often, so a page view does not always save the session.
SEEN_RESOLUTION_SECONDS = 30


def idle_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def absolute_seconds() -> int:
    return settings.SESSION_MAX_HOURS * 60 * 60


def start(request, *, user, method: str):
    """A person has just signed in (called from the user_logged_in signal)."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now
    if request.session.session_key is None:
        request.session.save()
    SignedInSession.objects.filter(
        user=user, signed_in_at__lt=_oldest_live_session()
    ).delete()  # forgotten ones, long expired
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"user": user, "method": method, "address": client_address(request) or None},
    )


def _oldest_live_session():
    return timezone.now() - timedelta(seconds=absolute_seconds())


def forget(request):
    """A person has signed out: their session is no longer one to end."""
    key = request.session.session_key
    if key:
        SignedInSession.objects.filter(session_key=key).delete()


def expiry_reason(session, now: float) -> str | None:
    """Why the session is over: "absolute" past the working day, "idle" past the idle
    limit; None while it goes on."""
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if signed_in_at is not None and now - signed_in_at >= absolute_seconds():
        return "absolute"
    if last_seen_at is not None and now - last_seen_at >= idle_seconds():
        return "idle"
    return None


def seconds_left(session, now: float) -> int:
    """How long until the session ends, idle or absolute, whichever comes first."""
    signed_in_at = session.get(SIGNED_IN_AT, now)
    last_seen_at = session.get(LAST_SEEN_AT, now)
    return max(
        0,
        int(min(signed_in_at + absolute_seconds(), last_seen_at + idle_seconds()) - now),
    )


def seen(session, now: float, *, force: bool = False):
    """The person was active now; sessions without a start (force_login, older ones) begin."""
    session.setdefault(SIGNED_IN_AT, now)
    if force or now - session.get(LAST_SEEN_AT, 0) >= SEEN_RESOLUTION_SECONDS:
        session[LAST_SEEN_AT] = now


def expire(request, *, reason: str):
    """End this request's session because it was idle or too old; logged."""
    security_event("session.expired", request=request, reason=reason)
    request.session_end_reason = reason  # not a sign-out of the person's own
    logout(request)


@transaction.atomic
def end_sessions_of(*, user, reason: str, request=None) -> int:
    """End every session the person has, wherever they signed in; logged. Returns how many."""
    keys = list(SignedInSession.objects.filter(user=user).values_list("session_key", flat=True))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()
    SignedInSession.objects.filter(session_key__in=keys).delete()
    if keys:
        security_event(
            "session.ended_everywhere",
            request=request,
            record=user.get_username(),
            reason=reason,
            count=len(keys),
        )
    return len(keys)
