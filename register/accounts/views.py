"""Signing in and keeping a session: the sign-in page (a council account and, where allowed,
a password), its answer to a locked-out account, and the idle warning's two endpoints."""

import time

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from register.accounts import sessions
from register.accounts.backends import EVERYONE
from register.accounts.sso import sso_enabled
from register.forms import SignInForm


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            single_sign_on=sso_enabled(),
            passwords_for_everyone=settings.LOCAL_SIGN_IN == EVERYONE,
            **kwargs,
        )

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error("__all__", "locked_out"):
            response.status_code = 429
        return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes's answer to a locked-out attempt: the sign-in page already says so (its
    form checks request.axes_locked_out), with 429 Too Many Requests."""
    if original_response is not None and request.path == reverse("login"):
        original_response.status_code = 429
        return original_response
    return HttpResponse("Too many attempts to sign in; try again later.", status=429)


def _session_answer(request) -> JsonResponse:
    signed_in = request.user.is_authenticated
    return JsonResponse(
        {
            "signed_in": signed_in,
            "seconds_left": sessions.seconds_left(request.session, time.time()) if signed_in else 0,
        }
    )


@login_not_required
@require_GET
def session_status(request):
    """How long the session has left (asking is not activity: see the middleware)."""
    return _session_answer(request)


@require_POST
def keep_alive(request):
    """The person pressed "Stay signed in"."""
    sessions.seen(request.session, time.time(), force=True)
    return _session_answer(request)
