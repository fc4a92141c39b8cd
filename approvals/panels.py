from django.urls import reverse
from django.utils import timezone

from approvals.models import ApprovalRound
from approvals.permissions import may_act, standing_of
from approvals.selectors import (
    approval_of,
    not_endorsed,
    open_round_of,
    steps_awaiting,
    waiting_on,
)
from register import formatting
from register.choices import Status
from register.panels import DashboardSection, Work, WorkItem
from register.policies import get_policy
from register.roles import can_edit_arrangement, is_responsible_for
from register.start import label

# Statuses in which the arrangement page says how it was approved and when it is reviewed.
APPROVED_STATUSES = (Status.ACTIVE, Status.CONDITIONAL_SUPPORT, Status.WITHDRAWING)


def approval_panel(request, arrangement):
    """On the arrangement page: how it was approved, who it is waiting on and since when,
    any 'do not endorse', and what the user may do."""
    if arrangement.is_draft and not arrangement.rounds.exists():
        return None
    user = request.user
    approval_round = open_round_of(arrangement)
    waiting = waiting_on([arrangement.pk]).get(arrangement.pk, []) if approval_round else []
    standing = standing_of(user)
    until = arrangement.conditional_support_until
    can_withdraw = arrangement.status == Status.ACTIVE and (
        is_responsible_for(user, arrangement) or can_edit_arrangement(user, arrangement)
    )
    return (
        "approvals/panel.html",
        {
            "approval_round": approval_round,
            "waiting": waiting,
            "my_steps": [w.step for w in waiting if may_act(user, w.step, standing).allowed],
            "not_endorsed": not_endorsed([arrangement.pk]).get(arrangement.pk, []),
            "approval": approval_of(arrangement)
            if arrangement.status in APPROVED_STATUSES
            else None,
            "can_withdraw": can_withdraw,
            # What must be filled in before it can end (SD Appendix 4), beside the withdrawal.
            "ending_form": get_policy().review_plan(arrangement).on_ending
            if can_withdraw
            else None,
            "can_renew": arrangement.status == Status.CONDITIONAL_SUPPORT
            and can_edit_arrangement(user, arrangement),
            "support_lapsing": until is not None
            and get_policy().conditional_support_warning_on(until) <= timezone.localdate(),
        },
    )


def approval_notes(request, arrangements):
    """For a list of arrangements ('My arrangements'): who each is waiting on and since
    when, and any 'do not endorse'; a fixed number of queries however long the list."""
    ids = [a.pk for a in arrangements]
    waiting, advice = waiting_on(ids), not_endorsed(ids)
    return (
        "approvals/list_note.html",
        {pk: {"waiting": waiting.get(pk, []), "not_endorsed": advice.get(pk, [])} for pk in ids},
    )


def decisions_awaiting(user, today):
    """On the start page: every opinion and decision waiting on the user, longest first."""
    items = []
    for step in steps_awaiting(user):
        waited = (today - timezone.localdate(step.updated_at)).days
        items.append(
            WorkItem(
                label(step.round.arrangement),
                formatting.capitalised(step.describe()),
                reverse("approvals:decide", args=[step.pk]),
                "opened today" if waited <= 0 else f"waiting {formatting.days(waited)}",
            )
        )
    return Work(
        "decisions",
        "Decisions awaiting you",
        tuple(items),
        order=10,
        more_text="Everything awaiting your decision",
        more_url=reverse("approvals:inbox"),
    )


def waiting_section(user, today):
    """On the dashboard: every open round, who it waits on and since when."""
    open_rounds = list(
        ApprovalRound.objects.filter(closed_at__isnull=True)
        .select_related("arrangement")
        .order_by("created_at", "pk")
    )
    waiting = waiting_on([r.arrangement_id for r in open_rounds])
    return DashboardSection(
        "waiting",
        "Waiting for a decision",
        "approvals/dashboard_waiting.html",
        {"rounds": [(r, waiting.get(r.arrangement_id, [])) for r in open_rounds]},
        order=10,
    )
