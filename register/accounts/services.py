"""Writes of signing in: people made and kept up to date from their council account, and
roles from the provider's groups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from register.roles import Role

GROUPS_SOURCE = "single sign-on groups"


def roles_from_groups(claims, mapping: dict[str, frozenset[Role]]) -> frozenset[Role]:
    """The roles the ID token's groups claim gives under the mapping."""
    groups = claims.get("groups") or []
    return frozenset().union(*(mapping.get(str(group), frozenset()) for group in groups))


def _names(claims) -> dict:
    given, family = claims.get("given_name", ""), claims.get("family_name", "")
    if not (given or family):
        given = claims.get("name", "")
    email = claims.get("email") or ""
    upn = claims.get("preferred_username") or ""
    if not email and "@" in upn:
        email = upn
    return {"first_name": given[:150], "last_name": family[:150], "email": email[:254]}


def _free_username(claims) -> str:
    User = get_user_model()
    base = (claims.get("preferred_username") or claims.get("email") or "")[:140]
    if not base:
        base = f"council-{str(claims.get('oid') or claims['sub'])[:30]}"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


@transaction.atomic
def create_person(*, claims):
    """An account for someone new, who signs in only through the provider (no password)."""
    user = get_user_model()(username=_free_username(claims), **_names(claims))
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def update_person(*, user, claims):
    """Name and e-mail as the council's directory has them now (blank ones are kept)."""
    changed = [
        field for field, value in _names(claims).items() if value and getattr(user, field) != value
    ]
    for field in changed:
        setattr(user, field, _names(claims)[field])
    if changed:
        user.save(update_fields=changed)


@transaction.atomic
def apply_group_roles(*, user, roles: frozenset[Role], managed: frozenset[Role]):
    """Give the person the managed roles their groups give and take away the managed roles
    their groups no longer give; roles the mapping never gives are left as they are. Each
    change is a security event (accounts/receivers.py)."""
    current = set(user.groups.filter(name__in=managed).values_list("name", flat=True))
    wanted = {role.value for role in roles}
    user.role_change_source = GROUPS_SOURCE
    adding = [Group.objects.get_or_create(name=name)[0] for name in sorted(wanted - current)]
    removing = Group.objects.filter(name__in=current - wanted)
    if adding:
        user.groups.add(*adding)
    if removing:
        user.groups.remove(*removing)
    user._register_roles = None  # roles_of() reads them again
