from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from register.views import AccessibilityStatementView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="register:list"), name="home"),
    path("arrangements/", include("register.urls")),
    path("approvals/", include("approvals.urls")),
    path("forms/", include("register.council_forms.urls")),
    path("reviews/", include("reviews.urls")),
    path("published/", include("register.published_urls")),
    # Signing in (with a council account or a password) and the session's idle warning.
    path("", include("accounts.urls")),
    # Open to visitors too: signing out when already signed out just lands on sign-in,
    # rather than asking to sign in first and then answering 405 to the GET that follows.
    path("sign-out/", login_not_required(auth_views.LogoutView.as_view()), name="logout"),
    path("accessibility/", AccessibilityStatementView.as_view(), name="accessibility"),
    path("admin/", admin.site.urls),
]
