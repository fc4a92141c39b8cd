"""What the reviews app adds to the arrangement page and to 'My arrangements'."""

import datetime

from django.urls import reverse
from django.utils import timezone

from register.formatting import long_date
from register.panels import DashboardSection, Work, WorkItem
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, has_role, is_read_only
from register.start import due_words, label
from reviews import retention, selectors
from reviews.models import AssuranceStatus, Review, ReviewAction, ReviewStatus
from reviews.permissions import may_consider
from reviews.selectors import reviews_of


def review_panel(request, arrangement):
    """When it is next reviewed, the open review and the earlier ones."""
    reviews = reviews_of([arrangement.pk])[arrangement.pk]
    if not reviews and arrangement.next_review_due is None and not arrangement.represented_by:
        return None
    return (
        "reviews/panel.html",
        {
            "reviews": reviews,
            "today": timezone.localdate(),
            "next_review_due": arrangement.next_review_due,
            "represented_by": arrangement.represented_by,
        },
    )


def review_notes(request, arrangements):
    """On 'My arrangements': each one's review not yet considered, and how close it is."""
    ids = [a.pk for a in arrangements]
    today = timezone.localdate()
    notes = {}
    for pk, reviews in reviews_of(ids).items():
        open_review = next((r for r in reviews if r.status != ReviewStatus.CONSIDERED), None)
        if open_review is not None:
            notes[pk] = {"review": open_review, "days_overdue": (today - open_review.due_on).days}
    return "reviews/list_note.html", notes


def assurance_notes(request, arrangements):
    """On 'My arrangements': a governance assurance return waiting on this person."""
    from reviews.assurance import returns_owed_by

    ids = [a.pk for a in arrangements]
    owed = returns_owed_by(request.user).filter(arrangement_id__in=ids)
    return "reviews/assurance/list_note.html", {r.arrangement_id: {"owed": r} for r in owed}


def reviews_to_do(user, today):
    """On the start page: the reviews the user completes that are due soon or overdue, and
    the submitted reviews whose consideration they may record."""
    soon = today + datetime.timedelta(days=max(get_policy().review_reminder_days, default=30))
    items = [
        WorkItem(
            label(review.arrangement),
            f"Complete the review due {long_date(review.due_on)}",
            reverse("reviews:detail", args=[review.pk]),
            *due_words(review.due_on, today),
        )
        for review in selectors.outstanding_reviews().filter(completed_by=user, due_on__lte=soon)
    ]
    if not is_read_only(user):
        submitted = Review.objects.filter(status=ReviewStatus.SUBMITTED).select_related(
            "arrangement__portfolio"
        )
        items += [
            WorkItem(
                label(review.arrangement),
                "Record the review's consideration",
                reverse("reviews:consider", args=[review.pk]),
                f"submitted {long_date(timezone.localdate(review.submitted_at))}",
            )
            for review in submitted.order_by("submitted_at", "pk")
            if may_consider(user, review)[0]
        ]
    return Work(
        "reviews",
        "Reviews due and overdue",
        tuple(items),
        order=15,
        more_text="All your reviews",
        more_url=reverse("reviews:board"),
    )


def actions_to_do(user, today):
    """On the start page: the review actions the user owns and has not done."""
    actions = (
        ReviewAction.objects.filter(owner=user, done_on__isnull=True)
        .select_related("review__arrangement")
        .order_by("due_on", "pk")
    )
    return Work(
        "actions",
        "Actions from reviews",
        tuple(
            WorkItem(
                label(action.review.arrangement),
                f"Action: {action.description}",
                reverse("reviews:action", args=[action.pk]),
                *due_words(action.due_on, today),
            )
            for action in actions
        ),
        order=25,
    )


def assurance_to_do(user, today):
    """On the start page: governance assurance returns waiting on the user (G 6.10)."""
    from reviews.assurance import returns_owed_by

    return Work(
        "assurance",
        "Governance assurance returns",
        tuple(
            WorkItem(
                label(owed.arrangement),
                _assurance_what(owed),
                reverse("reviews:assurance-return", args=[owed.pk]),
                *due_words(owed.exercise.returns_due_on, today),
            )
            for owed in returns_owed_by(user)
        ),
        order=22,
    )


def _assurance_what(owed) -> str:
    if owed.status == AssuranceStatus.AWAITING_DIRECTOR:
        return f"Give your assurance on the {owed.exercise.year} governance return"
    return f"Make the {owed.exercise.year} governance assurance return"


def reviews_section(user, today):
    """On the dashboard: reviews overdue, due soon, in progress and awaiting consideration,
    each figure linked to its place on the reviews page; and records past retention."""
    board = selectors.board(today, selectors.open_reviews())
    past = retention.past_retention(today)
    keeps_register = has_role(user, *REGISTER_MANAGERS)
    return DashboardSection(
        "reviews",
        "Reviews and retention",
        "reviews/dashboard_reviews.html",
        {
            "board": board,
            "board_url": reverse("reviews:board"),
            "overdue": board.overdue[:10],
            "past_retention": past,
            # The retention review is the keepers' own page; others see the figure only.
            "retention_url": reverse("reviews:retention") if keeps_register else "",
        },
        order=20,
    )
