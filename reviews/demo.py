"""The demo register's reviews: every state a review can be in, so each demo role has one
to act on (`manage.py seed_demo_reviews`, after seed_demo and seed_demo_approvals)."""

import datetime

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from register.council_forms import definition as definition_for
from register.dates import add_months
from register.models import Arrangement, FormResponse, FormStatus
from register.policies import get_policy
from reviews.assurance_demo import seed_assurance_demo
from reviews.models import Review, ReviewAction, ReviewStatus
from reviews.retention_demo import seed_retention_demo
from reviews.services import REVIEWED_STATUSES, schedule_reviews, year_of_operation

# Demo arrangements whose review falls due a set number of days from today, and where it
# is left; every other reviewed arrangement is due on the anniversary of its start.
STAGED = {
    "Gravesham Community Safety Partnership": (-20, "due"),  # overdue, not started
    "North Kent Shared Audit Service": (-3, "in_progress"),  # with last year's actions
    "Kent Resilience Forum": (-6, "submitted"),  # awaiting its Portfolio Holder
    "Medway and Gravesham Shared Legal Service": (12, "due"),
    "Joint Head of Environmental Health and Licensing": (25, "in_progress"),
}
WITH_LAST_YEAR = "North Kent Shared Audit Service"


def anniversary_due(arrangement, today) -> datetime.date | None:
    """The first anniversary of its start no more than 60 days ago."""
    start = arrangement.start_date
    if start is None:
        return None
    due = start
    while due < today - datetime.timedelta(days=60):
        due = add_months(due, 12)
    return due


@transaction.atomic
def seed_demo_reviews(today=None) -> int:
    today = today or timezone.localdate()
    reviewed = Arrangement.objects.filter(status__in=REVIEWED_STATUSES)
    for arrangement in reviewed.filter(next_review_due__isnull=True):
        staged = STAGED.get(arrangement.name)
        due = (
            today + datetime.timedelta(days=staged[0])
            if staged
            else anniversary_due(arrangement, today)
        )
        Arrangement.objects.filter(pk=arrangement.pk).update(next_review_due=due)
    schedule_reviews()
    last_year = Arrangement.objects.filter(name=WITH_LAST_YEAR, status__in=REVIEWED_STATUSES)
    for arrangement in last_year:
        considered_last_year(arrangement)
    for name, (_days, state) in STAGED.items():
        review = Review.objects.filter(arrangement__name=name, status=ReviewStatus.DUE).first()
        if review is not None and state != "due":
            fill_demo_form(review, submit=state == "submitted")
    seed_retention_demo(today)  # an ended arrangement past its retention date
    seed_assurance_demo(today)  # this year's governance assurance, half returned
    return Review.objects.count()


def fill_demo_form(review, *, submit):
    """Its template's example answers, as a draft or submitted; its form moves the review
    on (reviews.receivers). A review without a template is submitted by saying so."""
    definition = definition_for(review.template_key, get_policy().key)
    lead = review.arrangement.lead_officer
    if definition is None:
        if submit:
            Review.objects.filter(pk=review.pk).update(
                status=ReviewStatus.SUBMITTED, submitted_at=timezone.now(), submitted_by=lead
            )
        else:
            Review.objects.filter(pk=review.pk).update(status=ReviewStatus.IN_PROGRESS)
        return
    FormResponse.objects.get_or_create(
        arrangement=review.arrangement,
        form_key=definition.key,
        occasion=review.occasion.key,
        defaults={
            "answers": definition.example_answers(),
            "status": FormStatus.SUBMITTED if submit else FormStatus.DRAFT,
            "version": 1,
            "submitted_by": lead if submit else None,
            "submitted_at": timezone.now() if submit else None,
        },
    )


def considered_last_year(arrangement):
    """Last year's review, submitted and considered by Cabinet, with the actions it set."""
    current = arrangement.reviews.order_by("-due_on").first()
    if current is None:
        return
    due = add_months(current.due_on, -12)
    plan = get_policy().review_plan(arrangement)
    year = year_of_operation(arrangement, due)
    template = plan.template_for(year)
    lead = arrangement.lead_officer
    review, created = Review.objects.get_or_create(
        arrangement=arrangement,
        due_on=due,
        defaults={
            "year_of_operation": year,
            "template": template.title if template else "",
            "template_key": template.key if template else "",
            "completed_by": lead,
            "considered_by": plan.considered_by,
            "considered_by_body": plan.considered_by_body,
        },
    )
    if not created:
        return
    fill_demo_form(review, submit=True)
    review.refresh_from_db()
    review.status = ReviewStatus.CONSIDERED
    review.considered_on = due + datetime.timedelta(days=30)
    review.minute = "CAB 25/112" if plan.considered_by_body else ""
    review.outcome = plan.outcomes[0].words
    review.outcome_effect = plan.outcomes[0].effect
    review.comment = "Savings on target; the partners asked for quarterly performance reports."
    review.save()
    bulk_create_with_history(
        [
            ReviewAction(
                review=review,
                description="Report performance to the partners every quarter",
                owner=lead,
                due_on=due + datetime.timedelta(days=120),
                done_on=due + datetime.timedelta(days=110),
                progress="Quarterly reports agreed at the joint committee and sent since.",
            ),
            ReviewAction(
                review=review,
                description="Agree the shared audit plan for next year by the end of March",
                owner=lead,
                due_on=due + datetime.timedelta(days=180),
            ),
        ],
        ReviewAction,
    )
