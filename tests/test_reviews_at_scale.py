"""The daily run and the reviews page take the same number of queries for 50 arrangements as
for 5,000 (issue 11 point 8). A bulk insert that the database splits into batches (SQLite
limits the parameters of one statement) counts as one write."""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from register.choices import ArrangementType, Kind, Status
from register.models import Arrangement
from register.roles import Role
from reviews import daily
from reviews.models import AssuranceExercise, AssuranceReturn
from tests.factories import ArrangementFactory, ServiceFactory, UserFactory
from tests.queries import NAVIGATION_QUERIES

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 2)
INSERT = re.compile(r'^INSERT INTO "?(\w+)"?', re.IGNORECASE)


def statements(queries) -> list[str]:
    """The queries run, with each run of inserts into one table (one bulk insert, however
    many batches) counted once."""
    named = [
        INSERT.match(q["sql"]).group(0) if INSERT.match(q["sql"]) else q["sql"] for q in queries
    ]
    return [sql for sql, _run in itertools.groupby(named)]


def a_register_of(how_many, officers, service):
    """`how_many` active shared services, each due for review some day in the next 40 days
    or the last 40 (so each is reminded), with an open governance assurance asking about
    them all. Made with bulk inserts: 5,000 through the factory's saves would take minutes."""
    template = ArrangementFactory.build(
        kind=Kind.SHARED_SERVICE, type=ArrangementType.FULL_SHARED_SERVICE, status=Status.ACTIVE
    )
    fields = {
        f.attname: getattr(template, f.attname)
        for f in Arrangement._meta.concrete_fields
        if not f.primary_key and f.attname not in ("lead_officer_id", "created_by_id", "service_id")
    }
    arrangements = Arrangement.objects.bulk_create(
        Arrangement(
            **{
                **fields,
                "reference": f"PA-2027-{n:05d}",
                "name": f"Shared service {n}",
                "lead_officer": officers[n % len(officers)],
                "created_by": officers[n % len(officers)],
                "service": service,
                "next_review_due": TODAY + datetime.timedelta(days=n % 80 - 40),
            }
        )
        for n in range(how_many)
    )
    exercise = AssuranceExercise.objects.create(
        year=TODAY.year, returns_due_on=TODAY, opened_by=officers[0]
    )
    AssuranceReturn.objects.bulk_create(
        AssuranceReturn(exercise=exercise, arrangement=a, officer_id=a.lead_officer_id)
        for a in arrangements
    )


@pytest.fixture
def people(user_with_role):
    user_with_role(Role.REGISTER_OWNER)
    director = user_with_role(Role.DIRECTOR)
    return [UserFactory() for _ in range(10)], ServiceFactory(director=director)


@pytest.mark.parametrize("how_many", [50, 5000])
def test_the_daily_run_takes_the_same_queries_for_50_arrangements_as_for_5000(
    settings, people, how_many
):
    # The queue's own cost (one row per e-mail with the database backend) is left out.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    a_register_of(how_many, *people)
    with CaptureQueriesContext(connection) as queries:
        done = [job(TODAY) for _label, job in daily.JOBS]
    assert done[0] == how_many  # every review scheduled, and reminded
    assert done[1] >= how_many
    assert len(statements(queries.captured_queries)) == DAILY_RUN_STATEMENTS


DAILY_RUN_STATEMENTS = 31


@pytest.mark.parametrize("how_many", [50, 5000])
def test_the_reviews_page_takes_the_same_queries_for_50_arrangements_as_for_5000(
    client_for, people, how_many
):
    a_register_of(how_many, *people)
    daily.schedule_reviews_due(TODAY)
    client = client_for(Role.REGISTER_OWNER)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("reviews:board"))
    assert page.status_code == 200
    assert len(statements(queries.captured_queries)) == REVIEWS_PAGE_STATEMENTS


# The page's own (each filter list in one query), and the navigation's count.
REVIEWS_PAGE_STATEMENTS = 6 + NAVIGATION_QUERIES
