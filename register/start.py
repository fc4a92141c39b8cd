"""A person's start page: what needs them now, from every app, and for the roles that only
read, what has changed lately. The register's own work is here; approvals and reviews
register theirs (register/panels.py: register_work)."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from register.choices import Status
from register.council_forms import DEFINITIONS
from register.formatting import days, long_date
from register.models import Arrangement, FormResponse, FormStatus
from register.panels import Work, WorkItem, work_for
from register.policies import get_policy
from register.roles import is_read_only

# How many of the register's latest changes a reading start page shows.
RECENT_CHANGES = 10


def due_words(due_on: datetime.date, today: datetime.date, *, on: str = "due") -> tuple:
    """("overdue by 3 days", True) or ("due in 12 days", False), for a date to act by."""
    late = (today - due_on).days
    if late > 0:
        return f"overdue by {days(late)}", True
    if late == 0:
        return f"{on} today", False
    return f"{on} in {days(-late)}", False


def label(arrangement) -> str:
    """'PA-2026-0012 Name': an arrangement in a list of work."""
    return f"{arrangement.reference} {arrangement.name}"


def responsible(user) -> Q:
    """Arrangements the user leads or proposed (register/roles.py is_responsible_for)."""
    return Q(lead_officer=user) | Q(created_by=user)


def my_drafts(user, today):
    drafts = Arrangement.objects.filter(responsible(user), status=Status.DRAFT).order_by(
        "-updated_at", "pk"
    )
    return Work(
        "drafts",
        "Your drafts",
        tuple(
            WorkItem(
                label(a),
                "Finish and submit it",
                a.get_absolute_url(),
                f"last saved {long_date(timezone.localdate(a.updated_at))}",
            )
            for a in drafts
        ),
        order=40,
        more_text="All your arrangements",
        more_url=reverse("register:mine"),
    )


def forms_returned(user, today):
    """Council forms sent back with the arrangement for changes (approvals' 'return')."""
    returned = (
        FormResponse.objects.filter(
            Q(arrangement__lead_officer=user) | Q(arrangement__created_by=user),
            status=FormStatus.RETURNED,
        )
        .select_related("arrangement")
        .order_by("updated_at", "pk")
    )
    return Work(
        "forms-returned",
        "Forms returned to you for changes",
        tuple(
            WorkItem(
                label(response.arrangement),
                f"Change and submit the {_form_title(response.form_key)}",
                reverse(
                    "council_forms:fill",
                    args=[response.arrangement.reference, response.occasion, response.form_key],
                ),
                f"returned {long_date(timezone.localdate(response.updated_at))}",
            )
            for response in returned
        ),
        order=20,
    )


def _form_title(key: str) -> str:
    form = DEFINITIONS.get(key)
    return form.title if form is not None else key


def conditional_support_lapsing(user, today):
    """Conditional support on the user's arrangements that lapses soon, or has lapsed."""
    lapsing = lapsing_support(today).filter(responsible(user))
    return Work(
        "support-lapsing",
        "Conditional support lapsing",
        tuple(
            WorkItem(
                label(a),
                "Renew its conditional support or seek a formal decision",
                a.get_absolute_url(),
                *_lapsing_words(a.conditional_support_until, today),
            )
            for a in lapsing
        ),
        order=30,
    )


def lapsing_support(today: datetime.date):
    """Arrangements whose conditional support lapses within the policy's warning days, or
    already has, soonest first."""
    warn_until = today + datetime.timedelta(days=get_policy().conditional_support_warning_days)
    return Arrangement.objects.filter(
        status=Status.CONDITIONAL_SUPPORT,
        conditional_support_until__isnull=False,
        conditional_support_until__lte=warn_until,
    ).order_by("conditional_support_until", "pk")


def _lapsing_words(until: datetime.date, today: datetime.date) -> tuple:
    if until < today:
        return f"lapsed {long_date(until)}", True
    return due_words(until, today, on="lapses")


def work_of(request) -> list:
    """The signed-in person's work, read once per request (the page and the navigation's
    count both show it); none for a role that only reads."""
    if not hasattr(request, "_work"):
        user = request.user
        readers = not user.is_authenticated or is_read_only(user)
        request._work = [] if readers else work_for(user, timezone.localdate())
    return request._work


def work_count(request) -> int:
    return sum(len(work.items) for work in work_of(request))


def start_page(request) -> dict:
    """What a person's start page shows: their work, or for a role that only reads, the
    register's latest changes."""
    if is_read_only(request.user):
        return {"reading": True, "recent": recent_changes(RECENT_CHANGES)}
    return {"reading": False, "work": work_of(request)}


def recent_changes(count: int) -> list:
    """The register's latest changes to arrangements, newest first, each with who and
    what (one query)."""
    return list(
        Arrangement.history.select_related("history_user").order_by("-history_date", "-pk")[:count]
    )
