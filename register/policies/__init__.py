"""Council policies: one module per council, chosen by the COUNCIL_POLICY setting.

`get_policy()` returns the installation's policy; `get_policy("dartford")` a named one.
"""

from importlib import import_module

from django.conf import settings

from register.policies.base import Policy

POLICY_MODULES = {
    "gravesham": "register.policies.gravesham",
    "dartford": "register.policies.dartford",
    "south_derbyshire": "register.policies.south_derbyshire",
    "central_bedfordshire": "register.policies.central_bedfordshire",
    "brentwood": "register.policies.brentwood",
}
DEFAULT_POLICY = "gravesham"


class UnknownPolicy(LookupError):
    pass


def get_policy(key: str | None = None) -> Policy:
    key = key or getattr(settings, "COUNCIL_POLICY", DEFAULT_POLICY)
    if key not in POLICY_MODULES:
        raise UnknownPolicy(
            f"No council policy called {key!r}; choose one of {', '.join(POLICY_MODULES)}"
        )
    return import_module(POLICY_MODULES[key]).POLICY
