"""Annual reviews are scheduled from the policy's review plan (issue 11, points 1 and 2):
one record per review due, in the year of operation it looks back on, on the template the
plan sets for that year."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from register.choices import ArrangementType, Kind, Status
from reviews.models import Review, ReviewStatus
from reviews.services import schedule_reviews, year_of_operation
from tests.factories import ArrangementFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 4, 1)


@pytest.mark.parametrize(
    ("due_on", "year"),
    [
        (datetime.date(2025, 3, 31), 1),  # before a full year: still the first
        (datetime.date(2025, 4, 1), 1),  # a year after the start: year one's review
        (datetime.date(2026, 4, 1), 2),
        (datetime.date(2027, 3, 31), 2),
        (datetime.date(2027, 4, 1), 3),  # G 6.7b: from year three
    ],
)
def test_a_review_looks_back_on_its_year_of_operation(due_on, year):
    assert year_of_operation(ArrangementFactory.build(start_date=START), due_on) == year


def shared_service(due_on, **fields):
    return ArrangementFactory(
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
        status=Status.ACTIVE,
        start_date=START,
        next_review_due=due_on,
        **fields,
    )


@pytest.mark.parametrize(
    ("due_on", "template"),
    [
        (datetime.date(2025, 4, 1), "Shared Service Review: comprehensive (Appendix 4a)"),
        (datetime.date(2026, 4, 1), "Shared Service Review: comprehensive (Appendix 4a)"),
        (datetime.date(2027, 4, 1), "Shared Service Review: focused (Appendix 4b)"),
    ],
    ids=["G 6.7a year one", "G 6.7a year two", "G 6.7b year three"],
)
def test_a_gravesham_shared_service_review_is_scheduled_on_its_years_template(due_on, template):
    arrangement = shared_service(due_on)
    (scheduled,) = schedule_reviews()
    assert (scheduled.arrangement, scheduled.due_on, scheduled.template) == (
        arrangement,
        due_on,
        template,
    )
    assert scheduled.template_key == (
        "gravesham_shared_service_review_4b"
        if due_on.year == 2027
        else "gravesham_shared_service_review_4a"
    )
    assert scheduled.status == ReviewStatus.DUE
    assert scheduled.completed_by == arrangement.lead_officer
    assert scheduled.considered_by == "the relevant Cabinet Committee or Cabinet"
    assert scheduled.history.count() == 1  # in history from the start


def test_scheduling_again_adds_nothing_already_scheduled():
    shared_service(datetime.date(2027, 4, 1))
    schedule_reviews()
    assert schedule_reviews() == []
    assert Review.objects.count() == 1


@pytest.mark.parametrize(
    "status",
    [Status.DRAFT, Status.IN_APPROVAL, Status.DECLINED, Status.ENDED],
)
def test_only_approved_arrangements_that_have_not_ended_are_reviewed(status):
    ArrangementFactory(status=status, next_review_due=datetime.date(2027, 4, 1))
    assert schedule_reviews() == []


def test_a_new_review_date_schedules_the_next_review_beside_the_last():
    arrangement = shared_service(datetime.date(2026, 4, 1))
    schedule_reviews()
    arrangement.next_review_due = datetime.date(2027, 4, 1)
    arrangement.save()
    (second,) = schedule_reviews()
    assert second.year_of_operation == 3
    assert list(arrangement.reviews.values_list("due_on", flat=True)) == [
        datetime.date(2026, 4, 1),
        datetime.date(2027, 4, 1),
    ]


@pytest.mark.parametrize("council", ["gravesham", "central_bedfordshire"])
def test_scheduling_costs_the_same_queries_for_few_or_many_arrangements(settings, council):
    settings.COUNCIL_POLICY = council

    def queries(count):
        Review.objects.all().delete()
        for _ in range(count):
            ArrangementFactory(
                complete=True, status=Status.ACTIVE, next_review_due=datetime.date(2027, 4, 1)
            )
        with CaptureQueriesContext(connection) as captured:
            schedule_reviews()
        return len(captured)

    assert queries(2) == queries(20)


def test_reviews_are_readable_in_admin_and_changed_only_by_the_portal(administrator_client):
    shared_service(datetime.date(2027, 4, 1))
    schedule_reviews()
    review = Review.objects.get()
    assert administrator_client.get("/admin/reviews/review/").status_code == 200
    assert administrator_client.get(f"/admin/reviews/review/{review.pk}/change/").status_code == 200
    assert administrator_client.get("/admin/reviews/review/add/").status_code == 403
    page = administrator_client.get(f"/admin/reviews/review/{review.pk}/change/").content.decode()
    assert 'name="status"' not in page  # shown, not editable
