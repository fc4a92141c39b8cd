"""Each person can subscribe their calendar to their review due dates (issue 11 point 5):
an iCalendar feed at a private address they can replace or stop, read without signing in."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from register.choices import Status
from reviews.calendar import new_calendar_address
from reviews.models import CalendarFeed, ReviewStatus
from tests.factories import ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("reviews:calendar")


def feed_url(feed) -> str:
    return reverse("reviews:calendar-feed", args=[feed.token])


def events(client, feed) -> list:
    response = client.get(feed_url(feed))
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")


@pytest.fixture
def officer():
    return UserFactory(username="officer")


def test_the_feed_has_an_all_day_event_for_each_review_the_person_must_complete(
    client, settings, officer
):
    settings.PORTAL_URL = "https://partnerships.council.example"
    first = ReviewFactory(completed_by=officer, due_on=datetime.date(2027, 4, 1))
    second = ReviewFactory(
        completed_by=officer, due_on=datetime.date(2027, 9, 1), status=ReviewStatus.IN_PROGRESS
    )
    feed = new_calendar_address(user=officer)

    found = events(client, feed)  # no one signed in: calendar apps cannot
    assert [
        (str(e["uid"]), e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]), str(e["url"]))
        for e in found
    ] == [
        (
            f"review-{review.pk}@partnerships.council.example",
            review.due_on,
            review.due_on + datetime.timedelta(days=1),
            f"Review due: {review.arrangement.reference} {review.arrangement.name}",
            f"https://partnerships.council.example{review.arrangement.get_absolute_url()}",
        )
        for review in (first, second)
    ]
    assert not isinstance(found[0].decoded("dtstart"), datetime.datetime)  # all day


def test_the_feed_is_a_private_calendar_file(client, officer):
    response = client.get(feed_url(new_calendar_address(user=officer)))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" not in response.get("Cache-Control", "")
    assert "private" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    assert (str(calendar["version"]), calendar.walk("VEVENT")) == ("2.0", [])


def test_an_event_keeps_its_uid_when_the_review_moves(client, officer):
    review = ReviewFactory(completed_by=officer)
    feed = new_calendar_address(user=officer)
    (before,) = events(client, feed)
    review.due_on = datetime.date(2027, 5, 3)
    review.save()
    (after,) = events(client, feed)
    assert (after["uid"], after.decoded("dtstart")) == (before["uid"], datetime.date(2027, 5, 3))


@pytest.mark.parametrize(
    ("status", "arrangement_status", "shown"),
    [
        (ReviewStatus.DUE, Status.ACTIVE, True),
        (ReviewStatus.IN_PROGRESS, Status.UNDER_REVIEW, True),
        (ReviewStatus.SUBMITTED, Status.ACTIVE, False),
        (ReviewStatus.CONSIDERED, Status.ACTIVE, False),
        (ReviewStatus.DUE, Status.ENDED, False),
    ],
)
def test_only_reviews_not_yet_submitted_are_in_the_feed(
    client, officer, status, arrangement_status, shown
):
    ReviewFactory(completed_by=officer, status=status, arrangement__status=arrangement_status)
    assert len(events(client, new_calendar_address(user=officer))) == int(shown)


def test_another_persons_reviews_are_never_in_the_feed(client, officer):
    mine = ReviewFactory(completed_by=officer)
    other = UserFactory(username="other")
    ReviewFactory(completed_by=other)
    ReviewFactory(completed_by=None)
    new_calendar_address(user=other)
    assert [
        str(e["uid"]).split("@")[0] for e in events(client, new_calendar_address(user=officer))
    ] == [f"review-{mine.pk}"]


def test_the_address_cannot_be_guessed(officer):
    token = new_calendar_address(user=officer).token
    assert len(token) >= 43  # secrets.token_urlsafe(32): 256 random bits
    assert new_calendar_address(user=UserFactory()).token != token


@pytest.mark.parametrize(
    "token",
    ["", "a" * 43, "nearly"],
    ids=["empty", "unknown", "short"],
)
def test_an_address_that_was_never_given_is_not_found(client, officer, token):
    feed = new_calendar_address(user=officer)
    response = client.get(f"/reviews/calendar/{token or feed.token[:-1]}.ics")
    assert response.status_code == 404


def test_a_replaced_address_stops_working_and_the_new_one_works(client, officer):
    ReviewFactory(completed_by=officer)
    client.force_login(officer)
    client.post(PAGE, {"action": "create"})
    old = CalendarFeed.objects.get(user=officer)
    old_url = feed_url(old)
    response = client.post(PAGE, {"action": "replace"}, follow=True)
    assert "Your calendar address has been replaced: the old one no longer works" in (
        response.content.decode()
    )
    new = CalendarFeed.objects.get(user=officer)
    client.logout()
    assert client.get(old_url).status_code == 404
    assert len(events(client, new)) == 1


def test_a_stopped_feed_is_not_found(client, officer):
    feed = new_calendar_address(user=officer)
    client.force_login(officer)
    response = client.post(PAGE, {"action": "stop"}, follow=True)
    assert "Your calendar feed has stopped: its address no longer works" in (
        response.content.decode()
    )
    assert not CalendarFeed.objects.filter(user=officer).exists()
    assert client.get(feed_url(feed)).status_code == 404


def test_the_feed_of_a_person_no_longer_active_is_not_found(client, officer):
    feed = new_calendar_address(user=officer)
    officer.is_active = False
    officer.save()
    assert client.get(feed_url(feed)).status_code == 404


def test_the_page_offers_to_create_an_address_then_shows_it_absolute(client, settings, officer):
    settings.PORTAL_URL = "https://partnerships.council.example"
    ReviewFactory(completed_by=officer)
    client.force_login(officer)
    page = client.get(PAGE).content.decode()
    assert "Create address" in page
    assert "Replace address" not in page
    response = client.post(PAGE, {"action": "create"}, follow=True)
    page = response.content.decode()
    feed = CalendarFeed.objects.get(user=officer)
    assert "Your private calendar address has been created" in page
    assert f'value="https://partnerships.council.example{feed_url(feed)}"' in page
    assert "It shows 1 review you must complete." in page
    assert "Replace address (the old one stops working)" in page
    assert "Stop the feed" in page
    assert "Create address" not in page


def test_the_calendar_page_needs_signing_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("action", ["create", "replace", "stop"])
def test_changing_the_address_needs_the_forms_csrf_token(officer, action):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    new_calendar_address(user=officer)
    token = CalendarFeed.objects.get().token
    assert client.post(PAGE, {"action": action}).status_code == 403
    assert CalendarFeed.objects.get().token == token


def test_an_unknown_action_changes_nothing(client, officer):
    client.force_login(officer)
    assert client.post(PAGE, {"action": "delete-everything"}).status_code == 400
    assert not CalendarFeed.objects.exists()


def test_the_history_of_a_feed_says_when_it_changed_and_never_its_address(officer):
    new_calendar_address(user=officer)
    feed = new_calendar_address(user=officer)
    assert feed.history.count() == 2
    assert not hasattr(feed.history.first(), "token")


@pytest.mark.parametrize("how_many", [2, 20])
def test_the_feed_takes_the_same_queries_for_2_reviews_as_for_20(
    client, officer, django_assert_num_queries, how_many
):
    ReviewFactory.create_batch(how_many, completed_by=officer)
    feed = new_calendar_address(user=officer)
    with django_assert_num_queries(2):  # the address with its person; their reviews
        assert len(events(client, feed)) == how_many
