from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.generic import RedirectView

from register.accounts import sso, views

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-in/council/", sso.StartView.as_view(), name="sso-start"),
    path("sign-in/council/callback/", sso.CallbackView.as_view(), name="sso-callback"),
    path("session/", views.session_status, name="session-status"),
    path("session/keep-alive/", views.keep_alive, name="session-keep-alive"),
    # Django admin signs in on the portal's own page (its limits and single sign-on).
    path(
        "admin/login/",
        login_not_required(RedirectView.as_view(pattern_name="login", query_string=True)),
        name="admin-sign-in",
    ),
]
