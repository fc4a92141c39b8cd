"""`manage.py daily`: run once a day from cron. Does every date-driven job of the portal
(`reviews.daily.JOBS`); safe to run again the same day, when it sends nothing new."""

import argparse
import datetime
import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reviews import daily

logger = logging.getLogger(__name__)


def day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"enter the date as YYYY-MM-DD, for example 2026-04-01, not {value!r}"
        ) from None


class Command(BaseCommand):
    help = (
        "Do every date-driven job of the portal due today: reviews, reminders, conditional support."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=day,
            help="Run as if today were this day (YYYY-MM-DD), to catch up or to test.",
        )

    def handle(self, *args, date=None, **options):
        today = date or timezone.localdate()
        failed = []
        for label, job in daily.JOBS:
            # One job failing must not stop the others: they are each a day's work.
            try:
                count = job(today)
            except Exception:
                logger.exception("The daily job %r failed on %s", label, today)
                failed.append(label)
                self.stderr.write(f"{label}: failed (see the log)")
            else:
                self.stdout.write(f"{label}: {count}")
        if failed:
            raise CommandError(f"{len(failed)} daily job(s) failed: {', '.join(failed)}")
