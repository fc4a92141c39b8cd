from django.utils import timezone

from approvals.models import StepStatus
from approvals.permissions import may_act, people_who_may_act
from approvals.selectors import open_round_of
from register.choices import Status
from register.policies import get_policy
from register.roles import can_edit_arrangement, is_responsible_for


def approval_panel(request, arrangement):
    """On the arrangement page: who it is waiting on, and what the user may do."""
    if arrangement.is_draft and not arrangement.rounds.exists():
        return None
    approval_round = open_round_of(arrangement)
    waiting = []
    mine = []
    if approval_round is not None:
        for step in approval_round.steps.filter(status=StepStatus.PENDING):
            waiting.append((step, people_who_may_act(step)))
            if may_act(request.user, step).allowed:
                mine.append(step)
    user = request.user
    until = arrangement.conditional_support_until
    return (
        "approvals/panel.html",
        {
            "approval_round": approval_round,
            "waiting": waiting,
            "my_steps": mine,
            "can_withdraw": arrangement.status == Status.ACTIVE
            and (is_responsible_for(user, arrangement) or can_edit_arrangement(user, arrangement)),
            "can_renew": arrangement.status == Status.CONDITIONAL_SUPPORT
            and can_edit_arrangement(user, arrangement),
            "support_lapsing": until is not None
            and get_policy().conditional_support_warning_on(until) <= timezone.localdate(),
        },
    )
