"""Each person's start page, the register owner's dashboard, and the risks behind its
heatmap. Views check access, call a selector and render."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from register.dashboard import dashboard, live_risks
from register.forms import RiskFilterForm
from register.pdf import pdf_response
from register.policies import get_policy
from register.roles import Role, can_create_arrangement, sees_the_dashboard
from register.selectors import arrangements_visible_to
from register.start import start_page
from register.views import ForgivingPagesMixin


class HomeView(TemplateView):
    """Where everyone lands after signing in: what needs them now."""

    template_name = "home/start.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            **start_page(self.request),
            can_create=can_create_arrangement(user),
            sees_dashboard=sees_the_dashboard(user),
            **kwargs,
        )


class DashboardAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not sees_the_dashboard(request.user):
            raise PermissionDenied(
                f"The dashboard is for the {get_policy().title(Role.REGISTER_OWNER)}, "
                "administrators, Internal Audit and Overview & Scrutiny"
            )
        return super().dispatch(request, *args, **kwargs)


class DashboardView(DashboardAccessMixin, TemplateView):
    template_name = "home/dashboard.html"

    def get(self, request, export=False, **kwargs):
        context = dashboard(request.user, timezone.localdate())
        if export:
            return pdf_response(
                request,
                "home/dashboard_pdf.html",
                {
                    **context,
                    "policy": get_policy(),
                    "register_owner_title": get_policy().title(Role.REGISTER_OWNER),
                },
                filename=f"register-dashboard-{context['today'].isoformat()}.pdf",
                back_url=reverse("dashboard"),
            )
        return self.render_to_response(self.get_context_data(**context))


class RiskListView(ForgivingPagesMixin, ListView):
    """The register's risks (of arrangements in operation), by likelihood and impact: the
    list behind each cell of the dashboard's heatmap."""

    template_name = "home/risks.html"
    context_object_name = "risks"
    paginate_by = settings.REGISTER_PAGE_SIZE

    def get_queryset(self):
        self.filter_form = RiskFilterForm(self.request.GET or None)
        self.filter_form.is_valid()  # what is valid is applied; the rest is shown as errors
        filters = getattr(self.filter_form, "cleaned_data", {})
        visible = arrangements_visible_to(self.request.user)
        risks = live_risks().filter(arrangement__in=visible)
        risks = risks.filter(**{k: v for k, v in filters.items() if v is not None})
        return risks.select_related("arrangement").order_by(
            "-likelihood", "-impact", "arrangement__reference", "pk"
        )

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=self.filter_form,
            query_string=query.urlencode(),
            sees_dashboard=sees_the_dashboard(self.request.user),
            **kwargs,
        )
