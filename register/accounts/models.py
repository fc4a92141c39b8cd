"""Who signs in how: a person's council account at the single sign-on provider, and the
sessions each person has open (so that they can be ended everywhere at once)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class SignInIdentity(models.Model):
    """A person's account at the council's OpenID Connect provider, matched by the provider
    (issuer), the tenant (Entra's tid) and the provider's stable identifier for the person
    (Entra's oid, otherwise sub): never by e-mail address."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_identities"
    )
    issuer = models.CharField(max_length=300)
    tenant = models.CharField(
        max_length=100, blank=True, help_text="Microsoft Entra ID: the directory (tenant) ID"
    )
    subject = models.CharField(
        max_length=255,
        help_text="Microsoft Entra ID: the person's object ID; other providers: their sub",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_signed_in_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "council account"
        verbose_name_plural = "council accounts"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "tenant", "subject"], name="one_person_per_council_account"
            )
        ]

    def __str__(self):
        return f"{self.subject} at {self.issuer}"


class SignedInSession(models.Model):
    """One session a person has signed in with; removed when they sign out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    method = models.CharField(max_length=40)
    signed_in_at = models.DateTimeField(auto_now_add=True)
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = "signed-in session"
        indexes = [models.Index(fields=["user", "signed_in_at"])]

    def __str__(self):
        return f"{self.user} since {self.signed_in_at:%Y-%m-%d %H:%M}"
