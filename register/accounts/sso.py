"""Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID or any
other), through mozilla-django-oidc: the authorization code flow with PKCE and a nonce, the
ID token's signature checked against the provider's published keys.

What the portal adds to the library:
- the provider's endpoints come from its discovery document (OIDC_ISSUER), read when someone
  first signs in, not at start-up;
- the ID token must come from that issuer, for this portal (aud / azp) and, with Entra, from
  the council's own directory (tid = OIDC_TENANT_ID);
- people are matched by issuer, tenant and the provider's stable identifier (Entra's oid,
  otherwise sub) through SignInIdentity, never by e-mail address;
- a person new to the portal is refused or given an account (OIDC_NEW_USERS), and the
  provider's groups become roles (OIDC_GROUP_ROLES) at every sign-in.
The claims are the ID token's (Entra puts tid, oid and groups there, not in userinfo).
"""

from dataclasses import dataclass

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from register.accounts import services
from register.accounts.models import SignInIdentity
from register.roles import Role
from register.security_log import security_event

REFUSE, CREATE = "refuse", "create"
NEW_USER_CHOICES = (REFUSE, CREATE)
METHOD = "council account"
_discovered: dict[str, dict] = {}  # issuer -> its discovery document, once read


def sso_enabled() -> bool:
    return bool(settings.OIDC_ISSUER)


def group_roles() -> dict[str, frozenset[Role]]:
    """OIDC_GROUP_ROLES as {group id: roles}; a group may give several roles and a role may
    come from several groups. ValueError names a malformed entry or an unknown role."""
    mapping: dict[str, set[Role]] = {}
    for entry in filter(None, (e.strip() for e in settings.OIDC_GROUP_ROLES.split(","))):
        group, _, role = (part.strip() for part in entry.partition("="))
        if not group or not role:
            raise ValueError(f"OIDC_GROUP_ROLES entry {entry!r} is not <group id>=<role>.")
        if role not in Role.values:
            raise ValueError(
                f"OIDC_GROUP_ROLES gives {role!r}, which is not a role: use one of "
                f"{', '.join(Role.values)}."
            )
        mapping.setdefault(group, set()).add(Role(role))
    return {group: frozenset(roles) for group, roles in mapping.items()}


def provider_configuration() -> dict:
    """The provider's discovery document, read once per process; its issuer must be ours."""
    issuer = settings.OIDC_ISSUER
    if issuer not in _discovered:
        response = requests.get(
            f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
        )
        response.raise_for_status()
        document = response.json()
        if str(document.get("issuer", "")).rstrip("/") != issuer:
            raise SuspiciousOperation("The discovery document names another issuer")
        _discovered[issuer] = document
    return _discovered[issuer]


def is_single_sign_on(request, credentials) -> bool:
    """For django-axes: a single sign-on is no password guess, so it is neither counted nor
    refused (the provider limits its own sign-in attempts)."""
    return request.path == reverse("sso-callback")


@dataclass(frozen=True)
class Refusal:
    reason: str  # for the security log
    message: str  # for the person


TRY_AGAIN = Refusal(
    "not completed",
    "Signing in with your council account did not work. Try again, or tell an "
    "administrator if it keeps happening.",
)


def identity_key(claims) -> dict:
    """Entra: the directory (tid) and the person's object ID (oid), which administrators
    can see; any other provider: the issuer's sub."""
    tenant = str(claims.get("tid", ""))
    subject = claims.get("oid") if tenant and claims.get("oid") else claims["sub"]
    return {"issuer": settings.OIDC_ISSUER, "tenant": tenant, "subject": str(subject)}


class CouncilAccountBackend(OIDCAuthenticationBackend):
    """The library's backend, matching people by SignInIdentity."""

    def __init__(self, *args, **kwargs):
        # Every authenticate() call builds every backend: the provider is only asked when
        # someone actually returns from it (see authenticate).
        self.UserModel = get_user_model()
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, **kwargs):
        if not sso_enabled() or request is None or "nonce" not in kwargs:
            return None  # a password sign-in, or single sign-on switched off
        configuration = provider_configuration()
        self.OIDC_OP_TOKEN_ENDPOINT = configuration["token_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = configuration["jwks_uri"]
        self.OIDC_OP_USER_ENDPOINT = configuration.get("userinfo_endpoint")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)  # signature, expiry, nonce
        client_id = settings.OIDC_RP_CLIENT_ID
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if str(payload.get("iss", "")).rstrip("/") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("The ID token is from another issuer")
        if client_id not in audiences or (len(audiences) > 1 and payload.get("azp") != client_id):
            raise SuspiciousOperation("The ID token is for another application")
        if settings.OIDC_TENANT_ID and payload.get("tid") != settings.OIDC_TENANT_ID:
            self.request.sso_refusal = Refusal(
                "another directory",
                "That account is not in the council's directory. Sign in with your council "
                "account.",
            )
            raise SuspiciousOperation("The ID token is from another tenant")
        return payload

    def get_user(self, user_id):
        """As Django's own backend: a switched-off person's session is no longer theirs
        (the library's would still return them)."""
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    def get_userinfo(self, access_token, id_token, payload):
        return payload  # the verified ID token's claims

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        with transaction.atomic():
            return self._user_for(payload)

    def _user_for(self, claims):
        key = identity_key(claims)
        identity = SignInIdentity.objects.select_related("user").filter(**key).first()
        roles = services.roles_from_groups(claims, group_roles())
        # Entra leaves the groups out of a token for someone in very many of them (the
        # "groups overage"); their roles cannot be known, so they are not changed.
        overage = "groups" in claims.get("_claim_names", {})
        if identity is None:
            if settings.OIDC_NEW_USERS != CREATE:
                return self._refuse(
                    "not set up",
                    "Your council account has not been given access to the "
                    f"{settings.SERVICE_NAME} yet. Ask an administrator to add you, "
                    f"quoting this reference: {key['subject']}",
                    key,
                )
            if group_roles() and (overage or not roles):
                return self._refuse(
                    "no mapped group",
                    "Your council account is not in a group that has access to the "
                    f"{settings.SERVICE_NAME}. Ask an administrator.",
                    key,
                )
            user = services.create_person(claims=claims)
            identity = SignInIdentity.objects.create(user=user, **key)
            security_event(
                "user.created", request=self.request, record=user.get_username(), method=METHOD
            )
        user = identity.user
        if not user.is_active:
            return self._refuse(
                "account switched off",
                "This account has been switched off; ask an administrator",
                key,
            )
        services.update_person(user=user, claims=claims)
        if group_roles() and overage:
            security_event(
                "sign_in.groups_not_sent", request=self.request, record=user.get_username()
            )
        elif group_roles():
            services.apply_group_roles(user=user, roles=roles, managed=managed_roles())
        identity.last_signed_in_at = timezone.now()
        identity.save(update_fields=["last_signed_in_at"])
        user.sign_in_method = METHOD
        return user

    def _refuse(self, reason, message, key):
        self.request.sso_refusal = Refusal(reason, message)
        self.request.sso_subject = key["subject"]
        return None


def managed_roles() -> frozenset[Role]:
    """The roles that single sign-on's groups give and take away; others are left alone."""
    return frozenset().union(*group_roles().values())


@method_decorator(login_not_required, name="dispatch")
class StartView(OIDCAuthenticationRequestView):
    """The start button "Sign in with your council account" (a link, as GOV.UK's start
    buttons are): on to the provider, with a new state, nonce and PKCE challenge kept in the
    session. `next` must be on this site (the library checks)."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # endpoints come from discovery, below

    def get(self, request):
        if not sso_enabled():
            return not_set_up(request)
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_configuration()["authorization_endpoint"]
        except (requests.RequestException, ValueError, KeyError, SuspiciousOperation) as error:
            return refused(request, TRY_AGAIN, detail=type(error).__name__)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class CallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the person back: signed in, or back to sign-in with why."""

    def get(self, request):
        if not sso_enabled():
            return not_set_up(request)
        try:
            return super().get(request)
        except (requests.RequestException, ValueError, KeyError, SuspiciousOperation) as error:
            return refused(
                request, getattr(request, "sso_refusal", TRY_AGAIN), detail=type(error).__name__
            )

    def login_failure(self):
        return refused(self.request, getattr(self.request, "sso_refusal", TRY_AGAIN))


def not_set_up(request):
    """Single sign-on switched off (an old bookmark, say): the sign-in page, with why."""
    messages.info(request, "Signing in with a council account is not set up here.")
    return redirect("login")


def refused(request, refusal: Refusal, detail: str = ""):
    security_event(
        "sign_in.failed",
        request=request,
        method=METHOD,
        reason=refusal.reason,
        subject=getattr(request, "sso_subject", ""),
        **({"detail": detail} if detail else {}),
    )
    messages.error(request, refusal.message)
    return redirect("login")
