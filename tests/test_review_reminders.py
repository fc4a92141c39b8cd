"""Reminders that escalate (issue 11 point 4): who must complete a review is e-mailed 30
and 7 days before it is due, on the day and weekly while it is overdue; from 14 days overdue
the register owner, who co-ordinates the reviews (G 6.11), and the relevant Director
(G 6.10) are told too. Each reminder goes once. The clock moves by passing `today`."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from approvals.models import Notification
from register.choices import Status
from register.policies import get_policy
from register.roles import Role
from reviews.models import Review, ReviewStatus
from reviews.reminders import send_review_reminders
from tests.factories import ReviewFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

DUE = datetime.date(2027, 4, 1)


def day(offset: int) -> datetime.date:
    """`offset` days after the due date (before it when negative)."""
    return DUE + datetime.timedelta(days=offset)


# Days before the due date (after it when negative) -> the latest reminder fallen due.
LATEST_REMINDER = [
    (31, None, None, False),
    (30, "30-days-before", 30, False),
    (29, "30-days-before", 30, False),
    (8, "30-days-before", 30, False),
    (7, "7-days-before", 7, False),
    (6, "7-days-before", 7, False),
    (0, "due", 0, False),
    (-1, "due", 0, False),
    (-6, "due", 0, False),
    (-7, "7-days-overdue", -7, False),
    (-13, "7-days-overdue", -7, False),
    (-14, "14-days-overdue", -14, True),
    (-15, "14-days-overdue", -14, True),
    (-21, "21-days-overdue", -21, True),
]


@pytest.mark.parametrize(
    ("days_before", "stage", "fell_due_days_before", "escalated"),
    LATEST_REMINDER,
    ids=[f"{case[0]} days before" for case in LATEST_REMINDER],
)
def test_the_latest_reminder_fallen_due_is_the_policys(
    days_before, stage, fell_due_days_before, escalated
):
    reminder = get_policy().review_reminder(DUE, day(-days_before))
    if stage is None:
        assert reminder is None
    else:
        assert (reminder.stage, reminder.on, reminder.escalated) == (
            stage,
            day(-fell_due_days_before),
            escalated,
        )


@pytest.fixture
def people(user_with_role):
    """The person completing the review, two register owners, the Director of its service
    and another Director."""
    completer = UserFactory(username="completer")
    director = user_with_role(Role.DIRECTOR, username="service-director")
    review = ReviewFactory(
        due_on=DUE,
        completed_by=completer,
        arrangement__service=ServiceFactory(name="Housing", director=director),
    )
    return {
        "review": review,
        "completer": completer,
        "owner": user_with_role(Role.REGISTER_OWNER, username="owner"),
        "second owner": user_with_role(Role.REGISTER_OWNER, username="second-owner"),
        "director": director,
        "other director": user_with_role(Role.DIRECTOR, username="other-director"),
    }


def told(mailoutbox, people) -> set[str]:
    by_email = {user.email: name for name, user in people.items() if name != "review"}
    return {by_email[address] for message in mailoutbox for address in message.to}


ESCALATED = {"completer", "owner", "second owner", "director"}
# Run every day: days before the due date (after it when negative) -> who is told that day.
WHO_IS_TOLD = [
    (31, set()),
    (30, {"completer"}),
    (29, set()),
    (8, set()),
    (7, {"completer"}),
    (6, set()),
    (0, {"completer"}),
    (-1, set()),
    (-7, {"completer"}),
    (-13, set()),
    (-14, ESCALATED),
    (-15, set()),
    (-21, ESCALATED),
]


@pytest.mark.parametrize(
    ("days_before", "expected"), WHO_IS_TOLD, ids=[f"{case[0]} days before" for case in WHO_IS_TOLD]
)
def test_run_daily_the_reminder_due_that_day_goes_to_who_the_rule_says(
    mailoutbox, people, days_before, expected
):
    for offset in range(-40, -days_before):
        send_review_reminders(day(offset))
    mailoutbox.clear()
    send_review_reminders(day(-days_before))
    assert told(mailoutbox, people) == expected


def test_each_reminder_goes_once_however_often_the_day_is_run(mailoutbox, people):
    assert send_review_reminders(day(-7)) == 1
    assert send_review_reminders(day(-7)) == 0
    assert send_review_reminders(day(-6)) == 0
    assert len(mailoutbox) == 1
    assert Notification.objects.get().event == (
        f"review-{people['review'].pk}-7-days-before-2027-03-25:user-{people['completer'].pk}"
    )


def test_after_missed_days_only_the_latest_reminder_goes_and_never_an_earlier_one(
    mailoutbox, people
):
    send_review_reminders(day(-40))  # nothing yet
    send_review_reminders(day(-5))  # missed 30 and 7 days before: the 7-day one goes
    send_review_reminders(day(-4))
    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Review due in 5 days"]
    assert [n.event.split(":")[0] for n in Notification.objects.all()] == [
        f"review-{people['review'].pk}-7-days-before-2027-03-25"
    ]
    mailoutbox.clear()
    send_review_reminders(day(16))  # missed the day, 7 and 14 days overdue: the 14-day one
    assert told(mailoutbox, people) == ESCALATED
    assert {m.subject.split(":")[0] for m in mailoutbox} == {"Review 16 days overdue"}


@pytest.mark.parametrize(
    ("status", "reminded"),
    [
        (ReviewStatus.DUE, True),
        (ReviewStatus.IN_PROGRESS, True),
        (ReviewStatus.SUBMITTED, False),
        (ReviewStatus.CONSIDERED, False),
    ],
)
def test_only_a_review_not_yet_submitted_is_reminded(mailoutbox, status, reminded):
    ReviewFactory(due_on=DUE, status=status)
    send_review_reminders(day(21))  # 21 days overdue: reminded and escalated
    assert bool(mailoutbox) is reminded


def test_the_review_of_an_ended_arrangement_is_not_reminded(mailoutbox):
    ReviewFactory(due_on=DUE, arrangement__status=Status.ENDED)
    send_review_reminders(day(0))
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("service", "told_directors", "why"),
    [
        ("with a Director", {"director"}, "You are told as the Director of Housing, because"),
        (
            "with no Director",
            {"director", "other director"},
            "You are told as a Director: the register names no Director for Leisure, because",
        ),
        (
            "none",
            {"director", "other director"},
            "You are told as a Director: the register names no Director for its service, because",
        ),
    ],
    ids=["its service's Director", "every Director: none named", "every Director: no service"],
)
def test_escalation_goes_to_the_register_owners_and_the_relevant_director(
    mailoutbox, user_with_role, service, told_directors, why
):
    people = {
        "director": user_with_role(Role.DIRECTOR, username="director"),
        "other director": user_with_role(Role.DIRECTOR, username="other-director"),
        "owner": user_with_role(Role.REGISTER_OWNER, username="owner"),
        "second owner": user_with_role(Role.REGISTER_OWNER, username="second-owner"),
        "completer": UserFactory(username="completer"),
    }
    services = {
        "with a Director": ServiceFactory(name="Housing", director=people["director"]),
        "with no Director": ServiceFactory(name="Leisure"),
        "none": None,
    }
    ReviewFactory(
        due_on=DUE, completed_by=people["completer"], arrangement__service=services[service]
    )
    send_review_reminders(day(14))
    assert told(mailoutbox, people) == {"completer", "owner", "second owner", *told_directors}
    (to_director,) = [m for m in mailoutbox if m.to == [people["director"].email]]
    assert to_director.body.startswith(why)


def test_a_director_who_is_also_register_owner_is_told_once(mailoutbox, user_with_role):
    both = user_with_role(Role.DIRECTOR, Role.REGISTER_OWNER, username="both")
    ReviewFactory(due_on=DUE, arrangement__service=ServiceFactory(name="Housing", director=both))
    send_review_reminders(day(14))
    assert [m.to for m in mailoutbox].count([both.email]) == 1


def test_the_reminders_say_what_is_due_when_and_link_to_the_review(settings, mailoutbox, people):
    settings.PORTAL_URL = "https://partnerships.council.example/"
    arrangement = people["review"].arrangement
    send_review_reminders(day(14))
    line = f"{arrangement.reference} {arrangement.name}"
    link = f"https://partnerships.council.example/reviews/{people['review'].pk}/"
    by_recipient = {m.to[0]: m for m in mailoutbox}
    completer = by_recipient[people["completer"].email]
    assert completer.subject == f"Review 14 days overdue: {line}"
    assert completer.body.startswith("You are to complete this review.")
    owner = by_recipient[people["owner"].email].body
    assert owner.startswith(
        "You are told as the Corporate Change Manager, because it is 14 days overdue."
    )
    director = by_recipient[people["director"].email].body
    assert director.startswith(
        "You are told as the Director of Housing, because it is 14 days overdue."
    )
    for body in (completer.body, owner, director):
        assert (
            f"The review of {line} was due on 1 April 2027 (14 days overdue). It is to be "
            f"completed by {people['completer'].get_full_name()} on the Shared Service Review: "
            "comprehensive (Appendix 4a). It will be considered by the relevant Cabinet "
            "Committee or Cabinet."
        ) in body
        assert f"Open the review: {link}\n" in body


@pytest.mark.parametrize(
    ("days_before", "subject"),
    [(30, "Review due in 30 days"), (1, "Review due in 1 day"), (0, "Review due today")],
)
def test_the_reminder_says_how_long_is_left(mailoutbox, days_before, subject):
    ReviewFactory(due_on=DUE)
    send_review_reminders(day(-days_before))
    assert mailoutbox[0].subject.split(":")[0] == subject
    assert "is due on 1 April 2027" in mailoutbox[0].body


def test_reminders_take_the_same_queries_for_5_reviews_as_for_50(settings, user_with_role):
    # The queue's own cost (one row per e-mail with the database backend) is left out.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    user_with_role(Role.REGISTER_OWNER)
    user_with_role(Role.DIRECTOR)
    counts = []
    for how_many in (5, 50):
        Notification.objects.all().delete()
        ReviewFactory.create_batch(how_many - Review.objects.count(), due_on=DUE)
        with CaptureQueriesContext(connection) as queries:
            told_now = send_review_reminders(day(21))  # every review reminded and escalated
        counts.append(len(queries))
        assert told_now >= how_many * 2  # each one's completer and register owner at least
    assert counts[0] == counts[1]
