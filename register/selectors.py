"""Reads of the register: who may see which arrangements, and the searchable list."""

from django.db.models import Exists, OuterRef, Q

from register.choices import Status
from register.formatting import person, yes_no
from register.lifecycle import IN_OPERATION
from register.models import Arrangement, Partner
from register.policies import get_policy
from register.roles import roles_of, sees_every_draft

# The register list's status filter for every status IN_OPERATION (the dashboard's links).
IN_OPERATION_FILTER = "in_operation"


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
    category="",
    service=None,
    lead_officer=None,
    statutory="",
    sort="",
):
    """Search and filters of the register list; one query however many rows match."""
    for word in q.split():
        # Every word, in any order, in the name, reference, lead organisation or a partner.
        partner_matches = Partner.objects.filter(arrangement=OuterRef("pk"), name__icontains=word)
        arrangements = arrangements.filter(
            Q(name__icontains=word)
            | Q(reference__icontains=word)
            | Q(lead_organisation__icontains=word)
            | Exists(partner_matches)
        )
    if status == IN_OPERATION_FILTER:
        arrangements = arrangements.filter(status__in=IN_OPERATION)
    elif status:
        arrangements = arrangements.filter(status=status)
    exact = {
        "kind": kind,
        "type": type,
        "service": service,
        "lead_officer": lead_officer,
    }
    arrangements = arrangements.filter(**{key: value for key, value in exact.items() if value})
    if category:
        arrangements = arrangements.filter(in_category(category, get_policy()))
    if statutory:
        arrangements = arrangements.filter(is_statutory=(statutory == "yes"))
    ordering = [sort] if sort else []
    return arrangements.for_list().order_by(*ordering, "-created_at", "pk")


def in_category(key: str, policy) -> Q:
    """In the category as the policy places it: re-categorised by an officer, or as the
    rules classified it (policy.effective_classification, as a filter)."""
    if not policy.allows_recategorisation:
        return Q(category=key)
    return Q(category_override=key) | (Q(category_override="") & Q(category=key))


# The staff's download of the register list: (column, value of an arrangement).
EXPORT_COLUMNS = (
    ("Reference", lambda a, labels: a.reference),
    ("Name", lambda a, labels: a.name),
    ("Kind", lambda a, labels: a.get_kind_display()),
    ("Type", lambda a, labels: a.get_type_display()),
    ("Status", lambda a, labels: a.get_status_display()),
    ("Category", lambda a, labels: labels.get(a.category, a.category)),
    ("Service", lambda a, labels: str(a.service or "")),
    ("Lead officer", lambda a, labels: person(a.lead_officer, "")),
    ("Statutory", lambda a, labels: yes_no(a.is_statutory, blank="")),
    # Only the year where that is all the register knows (an imported "2012").
    ("Start date", lambda a, labels: a.start_date or a.start_year),
    ("End date", lambda a, labels: a.end_date),
    ("Council resources a year (£)", lambda a, labels: a.council_resources_per_year),
    ("Next review due", lambda a, labels: a.next_review_due),
)


def export_rows(arrangements, policy):
    """The register list as rows, header first, in the list's order."""
    labels = {category.key: category.label for category in policy.categories}
    yield [column for column, _ in EXPORT_COLUMNS]
    for arrangement in arrangements:
        yield [value(arrangement, labels) for _, value in EXPORT_COLUMNS]
