"""`manage.py send_reminders`: run daily. Prompts the lead officer and the register owner
before conditional support lapses, as many days before as the council's policy says."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from approvals import notifications
from register.choices import Status
from register.models import Arrangement
from register.policies import get_policy


class Command(BaseCommand):
    help = "Send the reminders that are due today (once each)."

    def handle(self, *args, **options):
        policy = get_policy()
        today = timezone.localdate()
        lapsing = [
            arrangement
            for arrangement in Arrangement.objects.filter(
                status=Status.CONDITIONAL_SUPPORT, conditional_support_until__isnull=False
            ).select_related("lead_officer")
            if policy.conditional_support_warning_on(arrangement.conditional_support_until) <= today
        ]
        for arrangement in lapsing:
            notifications.conditional_support_lapsing(arrangement)
        self.stdout.write(f"{len(lapsing)} conditional support reminder(s) due.")
