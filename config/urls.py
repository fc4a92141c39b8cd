from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from register import security_views
from register.home_views import DashboardView, HomeView
from register.views import AccessibilityStatementView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("dashboard/", DashboardView.as_view(), name="dashboard"),
    path("dashboard.pdf", DashboardView.as_view(), {"export": True}, name="dashboard-pdf"),
    path("arrangements/", include("register.urls")),
    path("approvals/", include("approvals.urls")),
    path("forms/", include("register.council_forms.urls")),
    path("reviews/", include("reviews.urls")),
    path("published/", include("register.published_urls")),
    # Signing in (with a council account or a password) and the session's idle warning.
    path("", include("register.accounts.urls")),
    # Open to visitors too: signing out when already signed out just lands on sign-in,
    # rather than asking to sign in first and then answering 405 to the GET that follows.
    path("sign-out/", login_not_required(auth_views.LogoutView.as_view()), name="logout"),
    path("accessibility/", AccessibilityStatementView.as_view(), name="accessibility"),
    path("admin/", admin.site.urls),
    # For browsers and the council's security team (register/security_views.py).
    path(".well-known/security.txt", security_views.security_txt, name="security-txt"),
    path("csp-report/", security_views.csp_report, name="csp-report"),
]
