"""Every request of a signed-in person: end the session when it has been idle or open too
long, note that the person was seen, and keep every answer out of caches."""

import time

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.urls import reverse

from register.accounts import sessions

NO_STORE = "no-store, private"
EXPIRED_MESSAGES = {
    "idle": "You were signed out because you did nothing for {minutes} minutes. "
    "Sign in again to carry on.",
    "absolute": "You were signed out because you had been signed in for {hours} hours. "
    "Sign in again to carry on.",
}


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: the session is not even read.
        signed_in = (
            settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated
        )
        if signed_in:
            now = time.time()
            reason = sessions.expiry_reason(request.session, now)
            if reason:
                sessions.expire(request, reason=reason)
                messages.info(request, expired_message(reason))
                if request.path == reverse("session-status"):
                    return JsonResponse({"signed_in": False, "seconds_left": 0})
            elif request.path != reverse("session-status"):
                # Asking how long is left is not activity; everything else is.
                sessions.seen(request.session, now)
        response = self.get_response(request)
        if signed_in or request.user.is_authenticated:
            # Signed-in pages and private downloads are never kept by a browser or proxy
            # (public pages such as /published/ keep their own caching for visitors).
            response["Cache-Control"] = NO_STORE
        return response


def expired_message(reason: str) -> str:
    return EXPIRED_MESSAGES[reason].format(
        minutes=sessions.idle_seconds() // 60, hours=sessions.absolute_seconds() // 3600
    )
