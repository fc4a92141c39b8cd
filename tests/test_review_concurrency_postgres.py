"""Two people at the same moment on a review or a governance assurance return: each write
locks its row (SELECT ... FOR UPDATE), so they are taken one after the other and the second
is refused with what the first did. Real threads, each with its own connection, meet at a
barrier; each pauses RACE_WINDOW seconds inside its transaction, after the lock, so both are
inside their transactions at once for certain.

PostgreSQL only (SQLite has no row locks): scripts/test.sh runs it in its PostgreSQL stage."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from register.choices import Status
from register.policies import get_policy
from register.roles import Role
from reviews import assurance, services
from reviews.models import AssuranceReturn, AssuranceStatus, Review, ReviewStatus
from tests.concurrency import assert_on_postgresql, at_once, slowed
from tests.factories import ArrangementFactory, ReviewFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RACE_WINDOW = 0.3
THREAD_PREFIX = "reviewer-"


@pytest.fixture(autouse=True)
def postgresql_only():
    assert_on_postgresql(__name__)


@pytest.fixture(autouse=True)
def tasks_queued_as_in_production(settings):
    """E-mails wait in the queue, as in production, rather than being sent (and locking
    their recipients' rows) inside the transactions under test."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def assert_one_after_the_other(reached):
    assert len(reached) == 2, reached
    first, second = sorted(reached)
    assert second - first >= RACE_WINDOW, f"{second - first:.3f}s apart: not one after the other"


def as_user(pk, call):
    """A call for a thread: loads its own user through its own connection."""
    return lambda: call(get_user_model().objects.get(pk=pk))


def test_two_people_recording_a_reviews_consideration_at_once_record_it_once(monkeypatch):
    reached = slowed(
        monkeypatch,
        services,
        "_consideration_errors",
        thread_prefix=THREAD_PREFIX,
        seconds=RACE_WINDOW,
    )
    review = ReviewFactory(status=ReviewStatus.SUBMITTED, due_on=timezone.localdate())
    owner = UserFactory(roles=[Role.REGISTER_OWNER])
    clerk = UserFactory(roles=[Role.DEMOCRATIC_SERVICES])
    outcome = get_policy().review_plan(review.arrangement).outcomes[0].words

    def consider(user):
        return services.consider_review(
            review=Review.objects.get(pk=review.pk),
            user=user,
            outcome=outcome,
            considered_on=timezone.localdate(),
            minute="CAB 27/1",
        )

    results = at_once(
        as_user(owner.pk, consider), as_user(clerk.pk, consider), thread_prefix=THREAD_PREFIX
    )

    errors = [error for _value, error in results if error is not None]
    assert len(errors) == 1, results
    assert errors[0].message_dict == {None: ["This review has already been considered"]}
    review.refresh_from_db()
    assert review.status == ReviewStatus.CONSIDERED
    # The outcome acted once: one next review, a year on.
    assert Review.objects.filter(arrangement=review.arrangement).count() == 2
    assert_one_after_the_other(reached)


@pytest.fixture
def a_return():
    arrangement = ArrangementFactory(status=Status.ACTIVE)
    exercise = assurance.open_exercise(
        user=UserFactory(roles=[Role.REGISTER_OWNER]),
        year=2027,
        returns_due_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    return exercise.returns.get(arrangement=arrangement)


def test_the_same_return_made_twice_at_once_is_made_once(monkeypatch, a_return):
    reached = slowed(
        monkeypatch, assurance, "may_return", thread_prefix=THREAD_PREFIX, seconds=RACE_WINDOW
    )
    officer = a_return.officer

    def make(answer):
        return lambda user: assurance.make_return(
            assurance_return=AssuranceReturn.objects.get(pk=a_return.pk),
            user=user,
            governance_in_place=answer,
            governance_detail="" if answer else "No terms of reference",
            meets_objectives=True,
        )

    results = at_once(
        as_user(officer.pk, make(True)),
        as_user(officer.pk, make(False)),
        thread_prefix=THREAD_PREFIX,
    )

    made = [value for value, error in results if error is None]
    errors = [error for _value, error in results if error is not None]
    assert len(made) == 1 and len(errors) == 1, results
    assert errors[0].messages[0].startswith("This return was made by")
    a_return.refresh_from_db()
    assert a_return.status == AssuranceStatus.AWAITING_DIRECTOR
    assert a_return.governance_in_place is made[0].governance_in_place
    assert_one_after_the_other(reached)


def test_two_register_owners_opening_the_same_year_at_once_open_it_once():
    ArrangementFactory(status=Status.ACTIVE)
    owners = [UserFactory(roles=[Role.REGISTER_OWNER]) for _ in range(2)]
    due = timezone.localdate() + datetime.timedelta(days=30)

    def open_it(user):
        return assurance.open_exercise(user=user, year=2027, returns_due_on=due)

    results = at_once(
        *(as_user(owner.pk, open_it) for owner in owners), thread_prefix=THREAD_PREFIX
    )

    errors = [error for _value, error in results if error is not None]
    assert len(errors) == 1, results
    assert errors[0].message_dict == {
        "year": ["The governance assurance for 2027 has already been opened"]
    }
    assert AssuranceReturn.objects.count() == 1
