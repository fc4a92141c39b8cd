"""`manage.py seed_demo_reviews`: the demo register's reviews in every state (overdue, due
soon, in progress, submitted, considered with actions). Run after seed_demo and
seed_demo_approvals; safe to repeat."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reviews.demo import seed_demo_reviews


class Command(BaseCommand):
    help = "Schedule and stage the demo register's reviews."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "seed_demo_reviews is not allowed with these settings "
                "(DEMO_DATA_ALLOWED is not True), as in production."
            )
        self.stdout.write(f"{seed_demo_reviews()} demo reviews.")
