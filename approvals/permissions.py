"""Who may act on an approval step: the role holder or their deputy, never someone who
proposed or leads the arrangement or has declared an interest in it (G 4.3i-j)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from approvals.models import DeclaredInterest, Deputy
from register.roles import Role, roles_from_groups, roles_of

# Either may act (DOMAIN.md section 4): the Deputy Monitoring Officer for the Monitoring Officer.
STANDS_IN_FOR = {Role.MONITORING_OFFICER: {Role.DEPUTY_MONITORING_OFFICER}}
# The two statutory opinions, each the other's: never given by one person.
MONITORING = frozenset({Role.MONITORING_OFFICER, Role.DEPUTY_MONITORING_OFFICER})
OTHER_STATUTORY_OPINION = {
    Role.MONITORING_OFFICER: frozenset({Role.SECTION_151_OFFICER}),
    Role.DEPUTY_MONITORING_OFFICER: frozenset({Role.SECTION_151_OFFICER}),
    Role.SECTION_151_OFFICER: MONITORING,
}


@dataclass(frozen=True)
class MayAct:
    allowed: bool
    reason: str = ""  # why not, in plain words
    on_behalf_of: object = None  # the role holder, when a deputy acts


def holds(user, step) -> bool:
    """The user holds the step's role (for the Portfolio Holder: of this portfolio)."""
    role = Role(step.role)
    if not (roles_of(user) & ({role} | STANDS_IN_FOR.get(role, set()))):
        return False
    portfolio = step.round.arrangement.portfolio
    if role == Role.PORTFOLIO_HOLDER and portfolio is not None and portfolio.holder_id:
        return portfolio.holder_id == user.pk
    return True


@dataclass(frozen=True)
class Standing:
    """What a user brings to every step: their declared interests and current deputyships.
    Read once for a list of steps, so the inbox costs the same queries however long it is."""

    interests: frozenset
    deputyships: tuple  # Deputy rows in force today, with their holders


def standing_of(user, today=None) -> Standing:
    today = today or timezone.localdate()
    return Standing(
        frozenset(
            DeclaredInterest.objects.filter(user=user).values_list("arrangement_id", flat=True)
        ),
        tuple(
            Deputy.objects.filter(deputy=user, starts__lte=today, ends__gte=today).select_related(
                "holder"
            )
        ),
    )


def may_act(user, step, standing=None) -> MayAct:
    arrangement = step.round.arrangement
    standing = standing or standing_of(user)
    proposers = (arrangement.lead_officer_id, arrangement.created_by_id)
    if user.pk in proposers:
        return MayAct(False, "You proposed or lead this arrangement, so someone else must decide")
    if arrangement.pk in standing.interests:
        return MayAct(False, "You have declared an interest in this arrangement")
    if holds(user, step):
        return MayAct(True)
    for deputy in standing.deputyships:
        if deputy.role == step.role and deputy.holder_id not in proposers:
            if holds(deputy.holder, step):
                return MayAct(True, on_behalf_of=deputy.holder)
    return MayAct(False, f"This needs the {step.title}")


def _roles_for(step) -> list[str]:
    return [step.role, *STANDS_IN_FOR.get(Role(step.role), set())]


def _who_may_act(step, users):
    arrangement = step.round.arrangement
    proposers = (arrangement.lead_officer_id, arrangement.created_by_id)
    return [u for u in users if u.pk not in proposers and holds(u, step)]


def people_who_may_act(step):
    """Everyone the step is waiting on (for notifications and the lead officer's view)."""
    users = get_user_model().objects.filter(is_active=True)
    return _who_may_act(step, users.filter(groups__name__in=_roles_for(step)).distinct())


def people_who_may_act_on(steps) -> dict[int, list]:
    """people_who_may_act for many steps in two queries, however many steps (for lists).
    Each user's roles come from the prefetched groups, so roles_of() asks for nothing."""
    steps = list(steps)
    roles = {role for step in steps for role in _roles_for(step)}
    users = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=roles)
        .distinct()
        .prefetch_related("groups")
        .order_by("last_name", "first_name", "pk")
    )
    for user in users:
        user._register_roles = roles_from_groups(user, [g.name for g in user.groups.all()])
    return {step.pk: _who_may_act(step, users) for step in steps}
