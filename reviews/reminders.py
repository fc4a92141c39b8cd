"""Reminders of the reviews due (issue 11): the person who must complete a review is told
before it is due, on the day and each week it is overdue; once it is long overdue the
register owner and the relevant Director are told too. The days are the policy's
(`Policy.review_reminder`); each reminder goes once, through the task queue."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from approvals.notifications import Message, arrangement_line, link, notify_all
from register import formatting
from register.policies import get_policy
from register.roles import Role
from reviews.selectors import outstanding_reviews


@transaction.atomic
def send_review_reminders(today: datetime.date) -> int:
    """Send every review reminder that has fallen due by `today` and not yet gone, in the
    same few queries however many reviews there are. How many people were newly told."""
    policy = get_policy()
    soonest = today + datetime.timedelta(days=max(policy.review_reminder_days, default=0))
    reviews = (
        outstanding_reviews()
        .filter(due_on__lte=soonest)
        .select_related("arrangement__service__director")
    )
    users = get_user_model().objects.filter(is_active=True)
    owners = list(users.filter(groups__name=Role.REGISTER_OWNER.value))
    directors = list(users.filter(groups__name=Role.DIRECTOR.value))
    messages = []
    for review in reviews:
        reminder = policy.review_reminder(review.due_on, today)
        if reminder is None:
            continue
        event = f"review-{review.pk}-{reminder.stage}-{reminder.on.isoformat()}"
        messages.append(_to_complete(review, event, today))
        if reminder.escalated:
            messages.extend(_escalated(review, event, today, policy, owners, directors))
    return notify_all(messages)


def _due(review, today) -> str:
    return when_due(review.due_on, today)


def when_due(due_on, today) -> str:
    """When something is due, from `today`: "due in 30 days", "due today", "14 days overdue"."""
    days = (due_on - today).days
    if days > 0:
        return f"due in {formatting.days(days)}"
    return "due today" if days == 0 else f"{formatting.days(-days)} overdue"


def _about(review, today) -> str:
    """What every reminder of it says: what, when, on which template, for whom, and where.
    The link is to the arrangement until the review has a page of its own (reviews:detail)."""
    template = f" on the {review.template}" if review.template else ""
    considered = (
        f" It will be considered by {review.considered_by}." if review.considered_by else ""
    )
    return (
        f"The review of {arrangement_line(review.arrangement)} "
        f"{'was' if review.due_on < today else 'is'} due on "
        f"{formatting.long_date(review.due_on)} ({_due(review, today)}). It is to be completed "
        f"by {formatting.person(review.completed_by)}{template}.{considered}\n\n"
        f"Open the review: {link(reverse('reviews:detail', args=[review.pk]))}\n"
    )


def _subject(review, today) -> str:
    return f"Review {_due(review, today)}: {arrangement_line(review.arrangement)}"


def _to_complete(review, event, today) -> Message:
    return Message(
        event,
        [review.completed_by],
        _subject(review, today),
        f"You are to complete this review.\n\n{_about(review, today)}",
    )


def _escalated(review, event, today, policy, owners, directors) -> list[Message]:
    """The register owner(s), and the Director of the arrangement's service, or every
    Director when the register names none for it; nobody twice, nor the person reminded."""
    service = review.arrangement.service
    director = service.director if service else None
    owners = [user for user in owners if user != review.completed_by]
    # The Director by the role's own name: the policies' titles are for approval steps.
    if director is not None:
        directing = [director]
        why = f"You are told as the {Role.DIRECTOR.label} of {service.name}"
    else:
        directing = directors
        why = (
            f"You are told as a {Role.DIRECTOR.label}: the register names no "
            f"{Role.DIRECTOR.label} for {service.name if service else 'its service'}"
        )
    directing = [user for user in directing if user not in owners and user != review.completed_by]
    overdue = f", because it is {_due(review, today)}.\n\n{_about(review, today)}"
    return [
        Message(
            f"{event}-register-owner",
            owners,
            _subject(review, today),
            f"You are told as the {policy.title(Role.REGISTER_OWNER)}{overdue}",
        ),
        Message(f"{event}-director", directing, _subject(review, today), f"{why}{overdue}"),
    ]
