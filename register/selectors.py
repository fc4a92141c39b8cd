"""Reads of the register: who may see which arrangements, and the searchable list."""

from django.db.models import Exists, OuterRef, Q

from register.choices import Status
from register.models import Arrangement, Partner
from register.roles import roles_of, sees_every_draft


def arrangements_visible_to(user):
    """Everything but other officers' drafts, unless the user's role sees every draft."""
    arrangements = Arrangement.objects.all()
    if not roles_of(user):
        return arrangements.none()
    if sees_every_draft(user):
        return arrangements
    return arrangements.filter(~Q(status=Status.DRAFT) | Q(lead_officer=user) | Q(created_by=user))


def arrangements_of(user):
    """'My arrangements': the ones the user leads or proposed."""
    return Arrangement.objects.filter(Q(lead_officer=user) | Q(created_by=user))


def filter_arrangements(
    arrangements,
    *,
    q="",
    kind="",
    type="",
    status="",
    service=None,
    lead_officer=None,
    statutory="",
    sort="",
):
    """Search and filters of the register list; one query however many rows match."""
    if q:
        partner_matches = Partner.objects.filter(arrangement=OuterRef("pk"), name__icontains=q)
        arrangements = arrangements.filter(
            Q(name__icontains=q) | Q(reference__icontains=q) | Exists(partner_matches)
        )
    exact = {
        "kind": kind,
        "type": type,
        "status": status,
        "service": service,
        "lead_officer": lead_officer,
    }
    arrangements = arrangements.filter(**{key: value for key, value in exact.items() if value})
    if statutory:
        arrangements = arrangements.filter(is_statutory=(statutory == "yes"))
    ordering = [sort] if sort else []
    return arrangements.for_list().order_by(*ordering, "-created_at", "pk")
