"""Date-driven reminders of the approvals app, run each day by `manage.py daily`."""

import datetime

from approvals import notifications
from register.choices import Status
from register.models import Arrangement
from register.policies import get_policy


def send_conditional_support_reminders(today: datetime.date) -> int:
    """Prompt the lead officer and the register owner before conditional support lapses, as
    many days before as the council's policy says (B: up to 3 months at a time). How many
    were newly told."""
    policy = get_policy()
    lapsing = [
        arrangement
        for arrangement in Arrangement.objects.filter(
            status=Status.CONDITIONAL_SUPPORT, conditional_support_until__isnull=False
        ).select_related("lead_officer")
        if policy.conditional_support_warning_on(arrangement.conditional_support_until) <= today
    ]
    return notifications.conditional_support_lapsing(lapsing)
