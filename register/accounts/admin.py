"""Council accounts and signed-in sessions in Django admin. django-axes adds "Access
attempts": deleting one unlocks that username and address."""

from django.conf import settings
from django.contrib import admin

from register.accounts.models import SignedInSession, SignInIdentity


@admin.register(SignInIdentity)
class SignInIdentityAdmin(admin.ModelAdmin):
    """Made at a person's first single sign-on (OIDC_NEW_USERS=create), or added here to let
    someone in (OIDC_NEW_USERS=refuse: the refusal gives them the reference to quote).
    Never changed: delete it to unlink the account."""

    list_display = ["user", "subject", "tenant", "issuer", "created_at", "last_signed_in_at"]
    list_filter = ["issuer", "tenant"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "subject"]
    readonly_fields = ["created_at", "last_signed_in_at"]
    autocomplete_fields = ["user"]

    def get_changeform_initial_data(self, request):
        return {"issuer": settings.OIDC_ISSUER, "tenant": settings.OIDC_TENANT_ID}

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)


@admin.register(SignedInSession)
class SignedInSessionAdmin(admin.ModelAdmin):
    """Who is signed in where; read-only (switching someone off ends their sessions)."""

    list_display = ["user", "method", "signed_in_at", "address"]
    list_filter = ["method"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "method", "signed_in_at", "address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
