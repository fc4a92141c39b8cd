"""Reviews in Django admin: readable; they are scheduled and moved on by the portal."""

from django.contrib import admin

from register.admin import ReadOnlyAdmin
from reviews.models import RetentionDecision, Review


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["arrangement", "due_on", "year_of_operation", "status", "completed_by"]
    list_filter = ["status"]
    search_fields = ["arrangement__reference", "arrangement__name"]
    date_hierarchy = "due_on"


@admin.register(RetentionDecision)
class RetentionDecisionAdmin(ReadOnlyAdmin):
    list_display = ["arrangement", "outcome", "retention_date", "keep_until", "decided_by"]
    list_filter = ["outcome"]
    search_fields = ["arrangement__reference", "arrangement__name"]
