"""`manage.py seed_demo_publication`: the demo's published register (last year's edition,
this year's, and a draft of next year's). Run after seed_demo_reviews; safe to repeat."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from register.demo_publication import seed_demo_publication


class Command(BaseCommand):
    help = "Publish the demo register's editions and prepare a draft of the next."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "seed_demo_publication is not allowed with these settings "
                "(DEMO_DATA_ALLOWED is not True), as in production."
            )
        self.stdout.write(f"{seed_demo_publication()} editions of the published register.")
