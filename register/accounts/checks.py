from django.conf import settings
from django.core.checks import Error, register

from register.accounts.backends import LOCAL_SIGN_IN_CHOICES
from register.accounts.sso import NEW_USER_CHOICES, group_roles


@register()
def sign_in_settings_are_understood(app_configs, **kwargs):
    """Refuse to start with sign-in settings that would be silently ignored."""
    errors = []
    if settings.LOCAL_SIGN_IN not in LOCAL_SIGN_IN_CHOICES:
        errors.append(
            Error(
                f"LOCAL_SIGN_IN is {settings.LOCAL_SIGN_IN!r}.",
                hint=f"Set it to one of: {', '.join(LOCAL_SIGN_IN_CHOICES)}.",
                id="accounts.E001",
            )
        )
    if settings.OIDC_NEW_USERS not in NEW_USER_CHOICES:
        errors.append(
            Error(
                f"OIDC_NEW_USERS is {settings.OIDC_NEW_USERS!r}.",
                hint=f"Set it to one of: {', '.join(NEW_USER_CHOICES)}.",
                id="accounts.E002",
            )
        )
    try:
        group_roles()
    except ValueError as error:
        errors.append(Error(str(error), hint="<group id>=<role>,...", id="accounts.E003"))
    if settings.OIDC_ISSUER and not (settings.OIDC_RP_CLIENT_ID and settings.OIDC_RP_CLIENT_SECRET):
        errors.append(
            Error(
                "OIDC_ISSUER is set but OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is not.",
                hint="Set both from the portal's app registration.",
                id="accounts.E004",
            )
        )
    return errors
