"""The council roles of DOMAIN.md section 4 and what each may do in the register.

Roles are Django groups named after these choices; nothing else types a role name. This
module imports nothing of the project's, so every other module may import it.
"""

from django.db.models import TextChoices


class Role(TextChoices):
    LEAD_OFFICER = "lead_officer", "Lead officer"
    HEAD_OF_SERVICE = "head_of_service", "Head of Service"
    DIRECTOR = "director", "Director"
    CHIEF_EXECUTIVE = "chief_executive", "Chief Executive"
    MONITORING_OFFICER = "monitoring_officer", "Monitoring Officer"
    DEPUTY_MONITORING_OFFICER = "deputy_monitoring_officer", "Deputy Monitoring Officer"
    SECTION_151_OFFICER = "section_151_officer", "Section 151 Officer"
    MANAGEMENT_TEAM = "management_team", "Management Team member"
    LEADER = "leader", "Leader of the Executive"
    PORTFOLIO_HOLDER = "portfolio_holder", "Cabinet Portfolio Holder"
    DEMOCRATIC_SERVICES = "democratic_services", "Democratic Services officer"
    REGISTER_OWNER = "register_owner", "Register owner"
    INTERNAL_AUDIT = "internal_audit", "Internal Audit"
    OVERVIEW_SCRUTINY = "overview_scrutiny", "Overview & Scrutiny"
    ADMINISTRATOR = "administrator", "Administrator"


# Roles that see every arrangement, drafts included, and change nothing.
READ_ONLY_ROLES = frozenset({Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY})
# Roles that look after the whole register and may edit any arrangement in it.
REGISTER_MANAGERS = frozenset({Role.REGISTER_OWNER, Role.ADMINISTRATOR})


# What each role may do in Django admin (its users also need "staff status"). The register
# owner keeps the lists the register uses; everything else is done in the portal.
ADMIN_PERMISSIONS = {
    Role.REGISTER_OWNER: [
        "register.add_corporateobjective",
        "register.change_corporateobjective",
        "register.view_corporateobjective",
        "register.add_service",
        "register.change_service",
        "register.view_service",
        "register.add_portfolio",
        "register.change_portfolio",
        "register.view_portfolio",
        "register.add_committee",
        "register.change_committee",
        "register.view_committee",
    ],
}


def create_role_groups(**kwargs):
    """One Django group per role, with its admin permissions; run after every migrate."""
    from django.contrib.auth.models import Group, Permission

    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        codenames = [name.split(".", 1)[1] for name in ADMIN_PERMISSIONS.get(role, [])]
        group.permissions.set(
            Permission.objects.filter(codename__in=codenames, content_type__app_label="register")
        )


def roles_of(user) -> frozenset[Role]:
    """The user's roles, read once per request and cached on the user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_register_roles", None)
    if cached is None:
        cached = roles_from_groups(user, user.groups.values_list("name", flat=True))
        user._register_roles = cached
    return cached


def roles_from_groups(user, group_names) -> frozenset[Role]:
    """The roles of a user in these groups (for lists that read every user's groups at once)."""
    names = set(group_names)
    roles = frozenset(role for role in Role if role.value in names)
    return roles | {Role.ADMINISTRATOR} if user.is_superuser else roles


def has_role(user, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def is_read_only(user) -> bool:
    roles = roles_of(user)
    return bool(roles) and roles <= READ_ONLY_ROLES


def sees_every_draft(user) -> bool:
    return has_role(user, *READ_ONLY_ROLES, *REGISTER_MANAGERS)


def can_create_arrangement(user) -> bool:
    return bool(roles_of(user)) and not is_read_only(user)


def may_lead_arrangements(users):
    """Of `users`, those can_create_arrangement allows, in one query and without a join
    that repeats a user: active, and a superuser or in a role that is not read-only."""
    from django.contrib.auth.models import Group
    from django.db.models import Exists, OuterRef, Q

    writer_roles = [role.value for role in Role if role not in READ_ONLY_ROLES]
    in_a_writer_role = Group.objects.filter(user=OuterRef("pk"), name__in=writer_roles)
    return users.filter(Q(is_superuser=True) | Exists(in_a_writer_role), is_active=True)


def is_responsible_for(user, arrangement) -> bool:
    """The officer who leads it or who proposed it."""
    return user.pk is not None and user.pk in (
        arrangement.lead_officer_id,
        arrangement.created_by_id,
    )


def can_view_arrangement(user, arrangement) -> bool:
    if not roles_of(user):
        return False
    if arrangement.is_draft:
        return is_responsible_for(user, arrangement) or sees_every_draft(user)
    return True


def can_edit_arrangement(user, arrangement) -> bool:
    if is_read_only(user) or not arrangement.is_editable:
        return False
    return is_responsible_for(user, arrangement) or has_role(user, *REGISTER_MANAGERS)


def can_recategorise(user, policy) -> bool:
    """Re-categorising is for those who keep the register, at any time (D 5(iv)), where
    the council's policy allows it."""
    return has_role(user, *REGISTER_MANAGERS) and policy.allows_recategorisation


def can_fill_form(user, arrangement, occasion) -> bool:
    """A council form for approval is part of the proposal, changed while the arrangement
    may be; a review's or a cessation's is filled, once the arrangement is past draft, by
    the officer responsible for it or by the register's keepers."""
    if occasion.is_approval:
        return can_edit_arrangement(user, arrangement)
    return (
        not is_read_only(user)
        and not arrangement.is_draft
        and (is_responsible_for(user, arrangement) or has_role(user, *REGISTER_MANAGERS))
    )


def sees_the_dashboard(user) -> bool:
    """The register owner's dashboard: for those who keep the register, and for the roles
    that read all of it (Internal Audit, Overview & Scrutiny)."""
    return has_role(user, *REGISTER_MANAGERS, *READ_ONLY_ROLES)
