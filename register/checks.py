from django.conf import settings
from django.core.checks import Error, register

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
