"""Every date-driven job of the portal, in the order `manage.py daily` runs them. Each takes
the day it runs for and returns how many things it did; adding a job is adding its line."""

import datetime

from approvals.reminders import send_conditional_support_reminders
from reviews.assurance import send_assurance_reminders
from reviews.reminders import send_review_reminders
from reviews.retention import notify_retention_due
from reviews.services import schedule_reviews


def schedule_reviews_due(today: datetime.date) -> int:
    """Reviews newly scheduled (from each arrangement's next review date, whatever the day)."""
    return len(schedule_reviews())


def retention_reviews_due(today: datetime.date) -> int:
    """Arrangements past their retention date (the register owner is told of each once)."""
    return len(notify_retention_due(today))


# (what the command's line says, the job): scheduling first, so that a review due soon is
# reminded of on the day it is scheduled.
JOBS = (
    ("Reviews scheduled", schedule_reviews_due),
    ("Review reminders sent", send_review_reminders),
    ("Conditional support reminders sent", send_conditional_support_reminders),
    ("Governance assurance reminders sent", send_assurance_reminders),
    ("Arrangements past their retention date", retention_reviews_due),
)
