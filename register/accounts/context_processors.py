import time

from django.conf import settings

from register.accounts import sessions


def session_timeout(request):
    """What the idle warning needs (templates/accounts/session_timeout.html)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"session_timeout": None}
    warning = settings.SESSION_WARNING_MINUTES
    return {
        "session_timeout": {
            "seconds_left": sessions.seconds_left(request.session, time.time()),
            "warning_seconds": warning * 60,
            "warning_words": f"{warning} minute" if warning == 1 else f"{warning} minutes",
        }
    }
