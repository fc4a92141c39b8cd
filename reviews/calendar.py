"""Each person's review due dates as an iCalendar feed (issue 11 point 5), at a private
address they can replace or stop."""

import datetime
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from approvals.notifications import arrangement_line, link
from register.policies import get_policy
from reviews.models import CalendarFeed
from reviews.selectors import outstanding_reviews


def feed_address(feed: CalendarFeed) -> str:
    return link(reverse("reviews:calendar-feed", args=[feed.token]))


@transaction.atomic
def new_calendar_address(*, user) -> CalendarFeed:
    """A new private address for `user`'s feed; an address they had stops working."""
    # 32 random bytes: 43 characters no one can guess, and the database finds it by its
    # unique index rather than by comparing it with each address in turn.
    token = secrets.token_urlsafe(32)
    feed, _ = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": token, "created": timezone.now()}
    )
    return feed


@transaction.atomic
def stop_calendar_feed(*, user) -> None:
    """Stop `user`'s feed: its address no longer works."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        feed.delete()


def reviews_in_calendar(user):
    """The reviews `user` must complete and has not yet submitted, soonest first."""
    return outstanding_reviews().filter(completed_by=user).order_by("due_on", "pk")


def review_calendar(user) -> bytes:
    """The feed: one all-day event on the day each review is due. Its UID stays the same
    while the review does, so a calendar moves the event rather than adding another."""
    host = urlsplit(settings.PORTAL_URL).hostname or "localhost"
    council = settings.COUNCIL_NAME or get_policy().council
    calendar = Calendar()
    calendar.add("prodid", f"-//{council}//{settings.SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Reviews to complete: {settings.SERVICE_NAME}")
    for review in reviews_in_calendar(user):
        # The arrangement's page until the review has a page of its own (reviews:detail).
        address = link(review.arrangement.get_absolute_url())
        event = Event()
        event.add("uid", f"review-{review.pk}@{host}")
        event.add("dtstamp", review.updated_at)
        event.add("dtstart", review.due_on)
        event.add("dtend", review.due_on + datetime.timedelta(days=1))
        event.add("summary", f"Review due: {arrangement_line(review.arrangement)}")
        event.add("url", address)
        event.add("description", _described(review, address))
        calendar.add_component(event)
    return calendar.to_ical()


def _described(review, address: str) -> str:
    template = f"{review.template}. " if review.template else ""
    considered = f"To be considered by {review.considered_by}. " if review.considered_by else ""
    return f"{template}{considered}{address}"
