"""Writes of the reviews app. Each is one transaction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from register.choices import Status
from register.models import Arrangement, FormStatus
from register.occasions import OccasionKind
from register.policies import get_policy
from register.policies.base import OutcomeEffect
from register.timeline import changes_by_the_portal
from reviews.models import OUTSTANDING, Review, ReviewAction, ReviewStatus

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
def schedule_reviews(arrangements=None) -> list[Review]:
    """A review record for every arrangement (of `arrangements`, else the register) whose
    next review date has none yet, from its policy's review plan. Safe to run every day:
    it adds nothing already scheduled."""
    policy = get_policy()
    already = Review.objects.filter(arrangement=OuterRef("pk"), due_on=OuterRef("next_review_due"))
    due = (
        (Arrangement.objects.all() if arrangements is None else arrangements)
        .filter(status__in=REVIEWED_STATUSES, next_review_due__isnull=False)
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
                considered_by_body=plan.considered_by_body,
            )
        )
    return bulk_create_with_history(reviews, Review)


# The life of a review -------------------------------------------------------------------------


class ReviewRefused(ValidationError):
    """A step of a review taken out of order, or with something it needs missing."""


@transaction.atomic
def follow_form(response) -> Review | None:
    """Its template's answers move a review on: saved as a draft, it is in progress;
    submitted, it awaits consideration; returned, it is in progress again."""
    occasion = response.get_occasion()
    if occasion.kind != OccasionKind.REVIEW:
        return None
    review = (
        Review.objects.select_for_update()
        .filter(
            arrangement_id=response.arrangement_id,
            template_key=response.form_key,
            due_on__year=occasion.year,
        )
        .exclude(status=ReviewStatus.CONSIDERED)
        .first()
    )
    if review is None:
        return None
    if response.status == FormStatus.SUBMITTED:
        review.status = ReviewStatus.SUBMITTED
        review.submitted_at, review.submitted_by = response.submitted_at, response.submitted_by
    else:
        review.status = ReviewStatus.IN_PROGRESS
        review.submitted_at = review.submitted_by = None
    review.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    return review


@transaction.atomic
def submit_review(*, review: Review, user) -> Review:
    """A review on a template not filled in the browser (kept as a document) is submitted
    by saying so; one with a council form is submitted by submitting the form."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.template_key:
        raise ReviewRefused("Submit its form: the review is submitted with it")
    if review.status not in OUTSTANDING:
        raise ReviewRefused(f"This review is already {review.get_status_display().lower()}")
    review.status = ReviewStatus.SUBMITTED
    review.submitted_at, review.submitted_by = timezone.now(), user
    review.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    return review


@dataclass(frozen=True)
class Action:
    description: str
    owner: object  # a user
    due_on: datetime.date


@transaction.atomic
def consider_review(
    *,
    review: Review,
    user,
    outcome: str,
    considered_on: datetime.date,
    minute: str = "",
    comment: str = "",
    actions: list[Action] = (),
    end_date: datetime.date | None = None,
    another_body: str = "",
) -> Review:
    """Record who considered the review, when and under which minute, its outcome in the
    policy's words and the actions it sets; then the outcome acts on the arrangement
    (issue 11, point 3). All of it happens, or none of it (ReviewRefused)."""
    review = Review.objects.select_for_update().select_related("arrangement").get(pk=review.pk)
    arrangement = review.arrangement
    policy = get_policy()
    chosen = policy.review_plan(arrangement).outcome(outcome)
    errors = _consideration_errors(
        review, chosen, considered_on, minute, actions, end_date, another_body
    )
    if errors:
        raise ReviewRefused(errors)
    review.status = ReviewStatus.CONSIDERED
    review.considered_on, review.minute = considered_on, minute.strip()
    review.recorded_by, review.comment = user, comment.strip()
    review.outcome, review.outcome_effect = chosen.words, chosen.effect
    review.save()
    bulk_create_with_history(
        [
            ReviewAction(
                review=review, description=a.description.strip(), owner=a.owner, due_on=a.due_on
            )
            for a in actions
        ],
        ReviewAction,
    )
    reason = f"{review}, considered on {considered_on:%-d %B %Y}: {chosen.words}" + (
        f". {comment.strip()}" if comment.strip() else ""
    )
    if chosen.effect == OutcomeEffect.WITHDRAW:
        from approvals.services import request_withdrawal

        try:
            with changes_by_the_portal("review", user=user):
                request_withdrawal(
                    arrangement=arrangement, user=user, reason=reason, end_date=end_date
                )
        except ValidationError as refused:
            raise ReviewRefused(
                {
                    None: [
                        f"The withdrawal cannot go for a decision yet: {m}"
                        for m in refused.messages
                    ]
                }
            ) from refused
        return review
    changed = {"next_review_due": policy.next_review_due(review.due_on)}
    if chosen.effect == OutcomeEffect.TIME_LIMIT:
        changed["end_date"] = end_date
    if chosen.effect == OutcomeEffect.ANOTHER_BODY:
        changed["represented_by"] = another_body.strip()
    if end_date is not None and changed["next_review_due"] > end_date:
        changed["next_review_due"] = None  # it ends before another review falls due
    for name, value in changed.items():
        setattr(arrangement, name, value)
    with changes_by_the_portal("review", user=user):
        arrangement.save(update_fields=[*changed, "updated_at"])
    schedule_reviews(Arrangement.objects.filter(pk=arrangement.pk))
    return review


def _consideration_errors(review, chosen, considered_on, minute, actions, end_date, another_body):
    """{field: message} for everything wrong with a consideration, in words."""
    if review.status != ReviewStatus.SUBMITTED:
        return {
            None: "This review has already been considered"
            if review.status == ReviewStatus.CONSIDERED
            else "This review cannot be considered until it has been submitted"
        }
    errors = {}
    if chosen is None:
        errors["outcome"] = "Choose what the review concluded"
    if considered_on is None:
        errors["considered_on"] = "Enter the date it was considered"
    elif considered_on > timezone.localdate():
        errors["considered_on"] = "The date it was considered must be today or in the past"
    if review.considered_by_body and not minute.strip():
        errors["minute"] = "Enter the minute reference of the meeting that considered it"
    if chosen is None:
        return errors
    if chosen.effect == OutcomeEffect.IMPROVE and not actions:
        errors["actions"] = "Set at least one action, with its owner and due date"
    needs_end = chosen.effect in (OutcomeEffect.WITHDRAW, OutcomeEffect.TIME_LIMIT)
    if needs_end and end_date is None:
        errors["end_date"] = "Enter the date the Council's involvement ends"
    elif needs_end and end_date <= timezone.localdate():
        errors["end_date"] = "The date the Council's involvement ends must be in the future"
    if chosen.effect == OutcomeEffect.ANOTHER_BODY and not another_body.strip():
        errors["another_body"] = "Enter the body that will represent the Council's interests"
    return errors


@transaction.atomic
def update_action(
    *, action: ReviewAction, user, progress: str, done_on=None
) -> ReviewAction | None:
    """Its progress and the date it was done; the same again changes nothing and is not
    saved (None)."""
    action = ReviewAction.objects.select_for_update().get(pk=action.pk)
    if done_on is not None and done_on > timezone.localdate():
        raise ReviewRefused({"done_on": "The date it was done must be today or in the past"})
    if (action.progress, action.done_on) == (progress.strip(), done_on):
        return None
    action.progress, action.done_on = progress.strip(), done_on
    action.save(update_fields=["progress", "done_on", "updated_at"])
    return action
