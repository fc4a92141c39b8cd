"""Council policies: one module per council, chosen by the COUNCIL_POLICY setting.

`get_policy()` returns the installation's policy; `get_policy("dartford")` a named one.
"""

from importlib import import_module

from django.conf import settings

from register.policies.base import Policy

# Every council the portal ships, by key. Each has a policy module here and a module of
# its templates in register/council_forms/ of the same name.
COUNCILS = ("gravesham", "dartford", "south_derbyshire", "central_bedfordshire", "brentwood")


class UnknownPolicy(LookupError):
    pass


def get_policy(key: str | None = None) -> Policy:
    key = key or settings.COUNCIL_POLICY
    if key not in COUNCILS:
        raise UnknownPolicy(
            f"No council policy called {key!r}; choose one of {', '.join(COUNCILS)}"
        )
    return import_module(f"register.policies.{key}").POLICY
