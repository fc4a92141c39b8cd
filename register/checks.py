from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from register.policies import COUNCILS


@register()
def council_policy_is_known(app_configs, **kwargs):
    """Refuse to start with a COUNCIL_POLICY that no module implements."""
    if settings.COUNCIL_POLICY in COUNCILS:
        return []
    return [
        Error(
            f"COUNCIL_POLICY is {settings.COUNCIL_POLICY!r}, which is not a council policy.",
            hint=f"Set it to one of: {', '.join(COUNCILS)}.",
            id="register.E001",
        )
    ]


@register(Tags.security, deploy=True)
def security_contact_is_set(app_configs, **kwargs):
    """security.txt (RFC 9116) needs somewhere to report a vulnerability."""
    contact = settings.SECURITY_CONTACT
    if contact.startswith(("mailto:", "https://", "tel:")):
        return []
    return [
        Warning(
            "SECURITY_CONTACT is not set (or is not a mailto:, https: or tel: address), so "
            "/.well-known/security.txt is not served.",
            hint="Set SECURITY_CONTACT, e.g. mailto:security@your-council.gov.uk.",
            id="register.W001",
        )
    ]
