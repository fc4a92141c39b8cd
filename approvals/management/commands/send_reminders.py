"""`manage.py send_reminders`: run daily. Prompts the lead officer and the register owner
before conditional support lapses (B: up to 3 months at a time, renewable)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from approvals import notifications
from register.choices import Status
from register.models import Arrangement

PROMPT_DAYS_BEFORE = 14


class Command(BaseCommand):
    help = "Send the reminders that are due today (once each)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        lapsing = Arrangement.objects.filter(
            status=Status.CONDITIONAL_SUPPORT,
            conditional_support_until__lte=today + datetime.timedelta(days=PROMPT_DAYS_BEFORE),
        ).select_related("lead_officer")
        for arrangement in lapsing:
            notifications.conditional_support_lapsing(arrangement)
        self.stdout.write(f"{len(lapsing)} conditional support reminder(s) due.")
