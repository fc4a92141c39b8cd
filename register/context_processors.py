import functools

from django.conf import settings

from register.policies import get_policy
from register.roles import (
    REGISTER_MANAGERS,
    Role,
    can_create_arrangement,
    is_read_only,
    roles_of,
    sees_the_dashboard,
)
from register.start import work_count


def portal(request):
    """The council's name and the user's roles for the page template's header and navigation."""
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else frozenset()
    policy = get_policy()
    return {
        "council_name": settings.COUNCIL_NAME or policy.council,
        "policy": policy,
        "register_owner_title": policy.title(Role.REGISTER_OWNER),
        "service_name": settings.SERVICE_NAME,
        "user_roles": sorted(
            policy.title(role) if role == Role.REGISTER_OWNER else role.label for role in roles
        ),
        "user_can_create": bool(user) and can_create_arrangement(user),
        "user_keeps_register": bool(roles & REGISTER_MANAGERS),
        "user_reads_only": bool(user) and is_read_only(user),
        "user_sees_dashboard": bool(user) and sees_the_dashboard(user),
        # Called by the navigation only where it is drawn (not for PDFs and downloads).
        "work_count": functools.partial(work_count, request),
    }
