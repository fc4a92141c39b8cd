"""`manage.py seed_demo_approvals`: approval work for the demo register, so that every
demo role has something in 'Awaiting my decision'. Run after seed_demo; safe to repeat."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from approvals.models import RoundPurpose
from approvals.services import open_round
from register.choices import Status
from register.lifecycle import change_status
from register.models import Arrangement, FormResponse, FormStatus
from register.occasions import APPROVAL
from register.policies import get_policy
from register.roles import Role
from register.submission import required_definitions


def submit_example_forms(policy, arrangement):
    for definition in required_definitions(policy, arrangement):
        FormResponse.objects.get_or_create(
            arrangement=arrangement,
            form_key=definition.key,
            occasion=APPROVAL.key,
            defaults={
                "answers": definition.example_answers(),
                "status": FormStatus.SUBMITTED,
                "version": 1,
                "submitted_by": arrangement.lead_officer,
                "submitted_at": timezone.now(),
            },
        )


class Command(BaseCommand):
    help = "Open the approval rounds of the demo arrangements that are awaiting approval."

    @transaction.atomic
    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "seed_demo_approvals is not allowed with these settings "
                "(DEMO_DATA_ALLOWED is not True), as in production."
            )
        policy = get_policy()
        opened = 0
        awaiting = Arrangement.objects.filter(
            status__in=[Status.SUBMITTED, Status.IN_APPROVAL], rounds__isnull=True
        )
        system = get_user_model().objects.filter(username=Role.REGISTER_OWNER.value).first()
        # Approvers read the council forms first (issue 10): every demo arrangement past
        # draft has its forms submitted.
        for arrangement in Arrangement.objects.exclude(status=Status.DRAFT):
            submit_example_forms(policy, arrangement)
        for arrangement in awaiting.order_by("pk"):
            if arrangement.status == Status.SUBMITTED:
                change_status(arrangement, Status.IN_APPROVAL)
            # Demo rows were given their status directly; the route is the policy's own.
            open_round(
                arrangement=arrangement,
                purpose=RoundPurpose.APPROVAL,
                user=arrangement.lead_officer or system,
                stages=[stage for stage in policy.route(arrangement) if stage.steps],
            )
            opened += 1
        self.stdout.write(f"Approval rounds opened for {opened} demo arrangement(s).")
