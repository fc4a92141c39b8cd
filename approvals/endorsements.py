"""The approval record's opinions and decisions, on the endorsement lines of the council
forms filled for approval (registered with the forms engine in AppConfig.ready)."""

from approvals.models import Decision
from approvals.permissions import STANDS_IN_FOR
from register import formatting
from register.council_forms.endorsements import Endorsement
from register.roles import Role


def approval_endorsements(definition, arrangement, occasion, since) -> dict:
    """Each signature's decision in force, of those made since the form was submitted."""
    if not occasion.is_approval:
        return {}
    decisions = list(
        Decision.objects.filter(step__round__arrangement=arrangement, decided_at__gte=since)
        .select_related("step", "decided_by", "on_behalf_of")
        .order_by("-step__round__created_at", "-decided_at")
    )
    superseded = {d.supersedes_id for d in decisions}
    found = {}
    for signature in definition.signatures:
        roles = {signature.role, *STANDS_IN_FOR.get(Role(signature.role), set())}
        decision = next(
            (d for d in decisions if d.step.role in roles and d.pk not in superseded), None
        )
        if decision is not None:
            found[signature.role] = Endorsement(
                name=formatting.person(decision.decided_by),
                on_behalf_of=formatting.person(decision.on_behalf_of, blank=""),
                outcome=decision.get_outcome_display()
                + (f": {decision.comment}" if decision.comment else ""),
                on=decision.decided_at.date(),
            )
    return found
