"""Reviews in Django admin: readable; they are scheduled and moved on by the portal."""

from django.contrib import admin

from register.admin import ReadOnlyAdmin
from reviews.models import AssuranceExercise, AssuranceReturn, RetentionDecision, Review


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


@admin.register(AssuranceExercise)
class AssuranceExerciseAdmin(ReadOnlyAdmin):
    list_display = ["year", "returns_due_on", "opened_by", "closed_at"]
    search_fields = ["year"]


@admin.register(AssuranceReturn)
class AssuranceReturnAdmin(ReadOnlyAdmin):
    list_display = ["arrangement", "exercise", "status", "officer", "director"]
    list_filter = ["exercise", "status"]
    search_fields = ["arrangement__reference", "arrangement__name"]
    list_select_related = ["arrangement", "exercise", "officer", "director"]
