"""Django admin for every register model, with search, filters and the (read-only) history."""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalChanges

from register import services
from register.models import (
    Arrangement,
    Committee,
    CorporateObjective,
    CouncilRepresentative,
    Document,
    Edition,
    FormResponse,
    ImportMapping,
    ImportRun,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Portfolio,
    Risk,
    Screening,
    Service,
)
from register.roles import Role


class RegisterAdmin(SimpleHistoryAdmin):
    """History can be read here but never reverted, edited or deleted."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        raise PermissionDenied("History cannot be changed")


class ReadOnlyAdmin(RegisterAdmin):
    """Readable in admin, changed only through the portal's services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


class RiskInline(admin.TabularInline):
    model = Risk
    extra = 0


@admin.register(Arrangement)
class ArrangementAdmin(RegisterAdmin):
    list_display = [
        "reference",
        "name",
        "kind",
        "type",
        "status",
        "service",
        "lead_officer",
        "is_statutory",
        "updated_at",
    ]
    list_filter = ["kind", "type", "status", "service", "is_statutory", "lead_officer"]
    search_fields = ["reference", "name", "partners__name"]
    list_select_related = ["service", "lead_officer"]
    list_per_page = 50
    # Status changes only through the lifecycle, category only through the policy (or a
    # re-categorisation with its reason, on the arrangement's page).
    readonly_fields = [
        "reference",
        "created_by",
        "status",
        "status_reason",
        "status_changed_at",
        "category_override",
        "category_override_reason",
        "category",
        "category_reasons",
        "classified_under",
        "category_overridden_by",
        "category_overridden_at",
    ]
    filter_horizontal = ["corporate_objectives"]
    inlines = [PartnerInline, RiskInline]

    def has_delete_permission(self, request, obj=None):
        # The register keeps every arrangement; an ended one is marked, never deleted.
        return False


@admin.register(Service)
class ServiceAdmin(RegisterAdmin):
    list_display = ["name", "director"]
    search_fields = ["name"]
    list_select_related = ["director"]


@admin.register(CorporateObjective)
class CorporateObjectiveAdmin(RegisterAdmin):
    list_display = ["title", "is_current"]
    list_filter = ["is_current"]
    search_fields = ["title", "description"]


class ArrangementPartAdmin(RegisterAdmin):
    list_select_related = ["arrangement"]
    autocomplete_fields = ["arrangement"]


@admin.register(Partner)
class PartnerAdmin(ArrangementPartAdmin):
    list_display = ["name", "sector", "arrangement"]
    list_filter = ["sector"]
    search_fields = ["name", "arrangement__reference", "arrangement__name"]


@admin.register(CouncilRepresentative)
class CouncilRepresentativeAdmin(ArrangementPartAdmin):
    list_display = ["name", "role", "start_date", "finish_date", "arrangement"]
    list_filter = ["is_member"]
    search_fields = ["name", "arrangement__reference"]


@admin.register(Objective)
class ObjectiveAdmin(ArrangementPartAdmin):
    list_display = ["description", "arrangement"]
    search_fields = ["description", "arrangement__reference"]


@admin.register(PerformanceMeasure)
class PerformanceMeasureAdmin(RegisterAdmin):
    list_display = ["name", "unit", "objective"]
    search_fields = ["name", "objective__arrangement__reference"]
    autocomplete_fields = ["objective"]


@admin.register(MeasureResult)
class MeasureResultAdmin(RegisterAdmin):
    list_display = ["measure", "year", "target", "outturn"]
    list_filter = ["year"]
    search_fields = ["measure__name"]
    autocomplete_fields = ["measure"]


@admin.register(Risk)
class RiskAdmin(ArrangementPartAdmin):
    list_display = ["description", "likelihood", "impact", "owner", "is_escalated", "arrangement"]
    list_filter = ["likelihood", "impact", "is_escalated"]
    search_fields = ["description", "owner", "arrangement__reference"]


@admin.register(Document)
class DocumentAdmin(ArrangementPartAdmin):
    list_display = ["title", "kind", "arrangement", "size", "uploaded_by"]
    list_filter = ["kind"]
    search_fields = ["title", "arrangement__reference"]
    readonly_fields = ["original_name", "content_type", "size", "checksum", "uploaded_by"]
    exclude = ["file"]  # stored under a random name; downloaded from the arrangement page

    def has_add_permission(self, request):
        # Uploads go through the arrangement page, where their content is checked.
        return False

    # Removed here as on the arrangement page: the file goes too, the history keeps it.
    def delete_model(self, request, obj):
        services.remove_documents(documents=[obj], user=request.user, reason="Removed in admin")

    def delete_queryset(self, request, queryset):
        services.remove_documents(
            documents=list(queryset), user=request.user, reason="Removed in admin"
        )


@admin.register(Screening)
class ScreeningAdmin(RegisterAdmin):
    list_display = ["proposal", "in_scope", "policy", "screened_by", "arrangement", "created_at"]
    list_filter = ["in_scope", "policy"]
    search_fields = ["proposal", "arrangement__reference"]
    readonly_fields = ["proposal", "answers", "in_scope", "policy", "screened_by", "arrangement"]

    def has_add_permission(self, request):
        return False  # screening is done by the officer before proposing


@admin.register(Portfolio)
class PortfolioAdmin(RegisterAdmin):
    """Kept by the register owner: the holder approves the arrangements in the portfolio."""

    list_display = ["name", "holder", "committee"]
    list_select_related = ["holder", "committee"]
    list_filter = ["committee"]
    search_fields = ["name", "holder__first_name", "holder__last_name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "holder":
            # Only someone who holds the role can hold a portfolio.
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True, groups__name=Role.PORTFOLIO_HOLDER.value)
                .order_by("last_name", "first_name")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Committee)
class CommitteeAdmin(RegisterAdmin):
    """The remit of each committee is the portfolios mapped to it (on each portfolio): the
    published register's extract for it lists their arrangements."""

    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Edition)
class EditionAdmin(ReadOnlyAdmin):
    """Editions are prepared and published on the portal's editions page."""

    list_display = ["year", "number", "status", "snapshot_at", "published_at", "published_by"]
    list_filter = ["status"]
    search_fields = ["year", "correction_note"]
    exclude = ["entries"]


@admin.register(ImportMapping)
class ImportMappingAdmin(RegisterAdmin):
    """Mappings are saved on the import page; a wrong one may be corrected or renamed here."""

    list_display = ["name", "saved_by", "updated_at"]
    search_fields = ["name"]


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    """Files are checked and imported on the portal's import pages."""

    list_display = ["file_name", "uploaded_by", "status", "rows_total", "error_count", "created_at"]
    list_filter = ["status"]
    search_fields = ["file_name"]
    exclude = ["preview", "errors"]


@admin.register(FormResponse)
class FormResponseAdmin(ArrangementPartAdmin):
    list_display = ["form_key", "occasion", "arrangement", "status", "version", "submitted_by"]
    list_filter = ["status", "occasion", "form_key"]
    search_fields = ["form_key", "arrangement__reference", "arrangement__name"]
    readonly_fields = [
        "form_key",
        "occasion",
        "answers",
        "status",
        "version",
        "submitted_at",
        "submitted_by",
    ]

    def has_add_permission(self, request):
        # Answers are given on the form's page, where they are checked.
        return False


def has_acted(user) -> bool:
    """Whether the user has done anything the register or another app keeps: a row that
    protects them from deletion (a decision, an arrangement they lead ...) or a change in
    any history."""
    collector = NestedObjects(using="default")
    collector.collect([user])
    if collector.protected:
        return True
    # Every simple-history table (m2m ones have no history_user of their own).
    return any(
        model._default_manager.filter(history_user=user).exists()
        for model in apps.get_models()
        if issubclass(model, HistoricalChanges)
        and any(field.name == "history_user" for field in model._meta.fields)
    )


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class PortalUserAdmin(UserAdmin):
    """Someone who has acted on anything is deactivated, never deleted, so every record
    and history keeps their name."""

    def has_delete_permission(self, request, obj=None):
        if obj is not None and has_acted(obj):
            return False
        return super().has_delete_permission(request, obj)
