"""Approvals in Django admin: readable, never editable (decisions are immutable)."""

from django.contrib import admin

from approvals.models import (
    ApprovalRound,
    ApprovalStep,
    Decision,
    DeclaredInterest,
    Deputy,
    Notification,
)
from register.admin import ReadOnlyAdmin, RegisterAdmin


@admin.register(ApprovalRound)
class ApprovalRoundAdmin(ReadOnlyAdmin):
    list_display = ["arrangement", "purpose", "outcome", "policy_name", "created_at", "closed_at"]
    list_filter = ["purpose", "outcome", "policy_key"]
    search_fields = ["arrangement__reference", "arrangement__name"]


@admin.register(ApprovalStep)
class ApprovalStepAdmin(ReadOnlyAdmin):
    list_display = ["round", "stage", "kind", "role", "status"]
    list_filter = ["kind", "role", "status"]
    search_fields = ["round__arrangement__reference", "title"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["step", "outcome", "decided_by", "on_behalf_of", "decided_at"]
    list_filter = ["outcome"]
    search_fields = ["step__round__arrangement__reference", "comment"]


@admin.register(Deputy)
class DeputyAdmin(RegisterAdmin):
    list_display = ["holder", "deputy", "role", "starts", "ends"]
    list_filter = ["role"]
    search_fields = ["holder__username", "deputy__username"]


@admin.register(DeclaredInterest)
class DeclaredInterestAdmin(ReadOnlyAdmin):
    """A declared interest stays on the record as declared, in the portal."""

    list_display = ["user", "arrangement", "created_at"]
    search_fields = ["user__username", "arrangement__reference"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["subject", "recipient", "created_at", "sent_at"]
    list_filter = ["sent_at"]
    search_fields = ["subject", "recipient__username", "event"]
