"""`manage.py daily` (issue 11 point 4): one command, run daily from cron, does every
date-driven job of the portal in order, says what each did, and sends nothing new when
run again the same day. The clock moves with `--date`."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from register.choices import ArrangementType, Kind, Status
from register.roles import Role
from reviews import daily
from reviews.models import AssuranceExercise, AssuranceReturn
from tests.factories import ArrangementFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 2)


def run(*args) -> str:
    out = StringIO()
    call_command("daily", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def dates_due(user_with_role):
    """A shared service whose review is due in 30 days, not yet scheduled, conditional
    support ending in 14 days (B: up to 3 months at a time), this year's governance
    assurance with the shared service's return due in 7 days, and an arrangement that ended
    seven years ago, past its retention date, with the register owner."""
    owner = user_with_role(Role.REGISTER_OWNER)
    shared_service = ArrangementFactory(
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
        status=Status.ACTIVE,
        next_review_due=TODAY + datetime.timedelta(days=30),
    )
    ArrangementFactory(
        status=Status.CONDITIONAL_SUPPORT,
        conditional_support_until=TODAY + datetime.timedelta(days=14),
    )
    ArrangementFactory(
        status=Status.ENDED,
        start_date=datetime.date(2017, 4, 1),
        end_date=datetime.date(2020, 3, 1),
    )
    exercise = AssuranceExercise.objects.create(
        year=TODAY.year, returns_due_on=TODAY + datetime.timedelta(days=7), opened_by=owner
    )
    AssuranceReturn.objects.create(
        exercise=exercise, arrangement=shared_service, officer=shared_service.lead_officer
    )


def test_the_daily_command_does_each_job_in_order_and_says_what_it_did(dates_due, mailoutbox):
    assert run("--date", TODAY.isoformat()) == (
        "Reviews scheduled: 1\n"
        "Review reminders sent: 1\n"  # the review just scheduled, 30 days before
        "Conditional support reminders sent: 2\n"  # the lead officer and the register owner
        "Governance assurance reminders sent: 1\n"  # the shared service's officer, 7 days before
        "Arrangements past their retention date: 1\n"  # six years on (the product's reading)
    )
    assert sorted(m.subject.split(":")[0] for m in mailoutbox) == [
        "Conditional support ends on 16 March 2027",
        "Conditional support ends on 16 March 2027",
        "Due for its retention review",
        "Governance assurance 2027",
        "Review due in 30 days",
    ]


def test_running_the_daily_command_twice_in_a_day_sends_nothing_new(dates_due, mailoutbox):
    run("--date", TODAY.isoformat())
    sent = len(mailoutbox)
    assert run("--date", TODAY.isoformat()) == (
        "Reviews scheduled: 0\nReview reminders sent: 0\nConditional support reminders sent: 0\n"
        "Governance assurance reminders sent: 0\n"
        "Arrangements past their retention date: 1\n"  # still to decide, but not told again
    )
    assert len(mailoutbox) == sent


def test_the_daily_command_catches_up_on_the_date_given(dates_due, mailoutbox):
    run("--date", TODAY.isoformat())
    mailoutbox.clear()
    run("--date", (TODAY + datetime.timedelta(days=23)).isoformat())  # 7 days before
    # ... and the assurance return 16 days late: its officer, and the register owner too.
    assert sorted(m.subject.split(":")[0] for m in mailoutbox) == [
        "Governance assurance 2027",
        "Governance assurance 2027",
        "Review due in 7 days",
    ]


def test_the_daily_command_runs_for_today_without_a_date(dates_due, mailoutbox):
    assert run().startswith("Reviews scheduled: 1\n")


@pytest.mark.parametrize("value", ["2027-02-30", "2 March 2027", ""])
def test_the_daily_command_refuses_a_date_it_cannot_read(value):
    with pytest.raises(CommandError, match="enter the date as YYYY-MM-DD"):
        run("--date", value)


def test_the_daily_jobs_are_the_portals_date_driven_jobs_in_order():
    assert [label for label, _job in daily.JOBS] == [
        "Reviews scheduled",
        "Review reminders sent",
        "Conditional support reminders sent",
        "Governance assurance reminders sent",
        "Arrangements past their retention date",
    ]


def test_a_job_that_fails_does_not_stop_the_others_and_the_run_fails(monkeypatch):
    def broken(today):
        raise RuntimeError("the mail server is down")

    done = []
    monkeypatch.setattr(
        daily,
        "JOBS",
        (("Broken", broken), ("Told", lambda today: done.append(today) or 3)),
    )
    out = StringIO()
    with pytest.raises(CommandError, match="1 daily job\\(s\\) failed: Broken"):
        call_command("daily", "--date", TODAY.isoformat(), stdout=out, stderr=StringIO())
    assert out.getvalue() == "Told: 3\n"
    assert done == [TODAY]
