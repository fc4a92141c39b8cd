"""`manage.py reclassify`: classify every arrangement again under the installation's policy.

Run it after changing COUNCIL_POLICY or moving to a new version of the council's policy.
Only arrangements whose category or reasons change are saved, so history shows exactly
what moved.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from register.models import Arrangement
from register.policies import get_policy
from register.services import reclassify


class Command(BaseCommand):
    help = "Classify every arrangement again under the installation's council policy."

    @transaction.atomic
    def handle(self, *args, **options):
        policy = get_policy()
        changed = 0
        for arrangement in Arrangement.objects.order_by("pk").iterator():
            before = arrangement.category_reasons
            reclassify(arrangement)
            changed += arrangement.category_reasons != before
        self.stdout.write(
            f"{changed} arrangement(s) reclassified under the {policy.council} "
            f"{policy.name} {policy.version}."
        )
