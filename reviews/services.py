"""Writes of the reviews app. Each is one transaction."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from simple_history.utils import bulk_create_with_history

from register.choices import Status
from register.models import Arrangement
from register.policies import get_policy
from reviews.models import Review

# Arrangements whose reviews are due: approved and not yet ended.
REVIEWED_STATUSES = (Status.ACTIVE, Status.CONDITIONAL_SUPPORT, Status.UNDER_REVIEW)


def year_of_operation(arrangement, due_on: datetime.date) -> int:
    """Which year of operation a review due on `due_on` looks back on: the first review,
    a year after the start, is year one's (G 6.7: 4a in years one and two, 4b from three)."""
    start = arrangement.start_date
    if start is None or due_on <= start:
        return 1
    years = due_on.year - start.year - ((due_on.month, due_on.day) < (start.month, start.day))
    return max(1, years)


@transaction.atomic
def schedule_reviews() -> list[Review]:
    """A review record for every arrangement whose next review date has none yet, from its
    policy's review plan. Safe to run every day: it adds nothing already scheduled."""
    policy = get_policy()
    already = Review.objects.filter(
        arrangement=OuterRef("pk"), due_on=OuterRef("next_review_due")
    )
    due = (
        Arrangement.objects.filter(status__in=REVIEWED_STATUSES, next_review_due__isnull=False)
        .exclude(Exists(already))
        .prefetch_related("partners")
        .order_by("pk")
    )
    reviews = []
    for arrangement in due:
        plan = policy.review_plan(arrangement)
        if plan.every_months == 0:  # the policy schedules no review of it
            continue
        year = year_of_operation(arrangement, arrangement.next_review_due)
        template = plan.template_for(year)
        reviews.append(
            Review(
                arrangement=arrangement,
                due_on=arrangement.next_review_due,
                year_of_operation=year,
                template=template.title if template else "",
                template_key=template.key if template else "",
                completed_by_id=arrangement.lead_officer_id,
                considered_by=plan.considered_by,
            )
        )
    return bulk_create_with_history(reviews, Review)
