"""Two approvers acting at the same moment: record_decision locks the approval round
(SELECT ... FOR UPDATE), so they are taken one after the other and only one of them can move
the arrangement on.

Real threads, each with its own database connection, meet at a barrier and call
record_decision together. So that both are inside their transactions at once for certain
(rather than one finishing in the few milliseconds before the other starts), each decision
made in those threads pauses RACE_WINDOW seconds twice: after reading the round and the step,
before checking whether it may be recorded; and after checking whether the stage is finished,
before committing. Without the lock, both would read the step as still pending and both would
write; and the last two approvers would each see the other's step as still pending, so
nobody would close the round.

PostgreSQL only (SQLite has no row locks and one writer at a time): `scripts/test.sh` runs
this module in its PostgreSQL stage; on any other database it fails rather than skips.
"""

import threading
import time
import uuid
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from approvals import services
from approvals.models import (
    ApprovalRound,
    ApprovalStep,
    Decision,
    Notification,
    Outcome,
    RoundOutcome,
    StepStatus,
)
from register.choices import Status
from register.lifecycle import change_status
from register.models import Arrangement
from register.roles import Role
from tests.concurrency import assert_on_postgresql, at_once
from tests.factories import ArrangementFactory, UserFactory, submit_required_forms

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RACE_WINDOW = 0.25  # seconds, twice in each decision made by an approver thread
THREAD_PREFIX = "approver-"


@pytest.fixture(autouse=True)
def postgresql_only():
    assert_on_postgresql("tests/test_concurrency_postgres.py")


@pytest.fixture(autouse=True)
def tasks_queued_as_in_production(settings):
    """Notifications are queued in the database for the worker, as in production. (The test
    settings' immediate backend would send each e-mail inside the decision's transaction,
    and the sending task's SELECT ... FOR UPDATE also locks the recipient's user row: that
    lock alone would make two decisions notifying the same lead officer wait for each
    other, and hide whether the round's lock does.)"""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def in_approver_thread() -> bool:
    return threading.current_thread().name.startswith(THREAD_PREFIX)


@pytest.fixture(autouse=True)
def race_window(monkeypatch):
    """Slows down the decisions made in approver threads (see the module's docstring).
    Returns the list of (thread name, time) at which each began checking its decision."""
    checks = []
    decision_errors = services._decision_errors
    advance_if_done = services.advance_if_done

    def slow_decision_errors(*args, **kwargs):
        if in_approver_thread():
            checks.append((threading.current_thread().name, time.monotonic()))
            time.sleep(RACE_WINDOW)
        return decision_errors(*args, **kwargs)

    def slow_advance_if_done(*args, **kwargs):
        result = advance_if_done(*args, **kwargs)
        if in_approver_thread():
            time.sleep(RACE_WINDOW)
        return result

    monkeypatch.setattr(services, "_decision_errors", slow_decision_errors)
    monkeypatch.setattr(services, "advance_if_done", slow_advance_if_done)
    return checks


def assert_taken_one_after_the_other(checks):
    """The second decision was checked only once the first had committed (its two pauses)."""
    assert len(checks) == 2, checks
    first, second = sorted(when for _, when in checks)
    assert second - first >= 2 * RACE_WINDOW, (
        f"the two decisions were checked {second - first:.3f}s apart: not one after the other"
    )


def person(role, first_name, last_name):
    return UserFactory(roles=[role], first_name=first_name, last_name=last_name)


@pytest.fixture
def officer():
    return person(Role.LEAD_OFFICER, "Priya", "Sharma")


@pytest.fixture
def arrangement(officer):
    """An 'other' partnership, submitted: opinions of the Monitoring Officer and Section 151
    Officer, then decisions of the Director, Leader and Portfolio Holder."""
    arrangement = ArrangementFactory(
        complete=True,
        lead_officer=officer,
        cash_per_year=Decimal("1000"),
        staff_cost_per_year=0,
        is_statutory=False,
        is_fundamental_to_objective=False,
    )
    submit_required_forms(arrangement)
    change_status(arrangement, Status.SUBMITTED)
    services.submit_for_approval(arrangement=arrangement, user=officer)
    return arrangement


def step_for(arrangement, role) -> ApprovalStep:
    return ApprovalStep.objects.get(round__arrangement=arrangement, role=role)


def decide(arrangement, role, user, outcome):
    return services.record_decision(
        step=step_for(arrangement, role), user=user, outcome=outcome, token=uuid.uuid4().hex
    )


def decision_by(user_pk, step_pk, outcome, token=None):
    """A call for a thread: loads its own user and step through its own connection."""

    def call():
        user = get_user_model().objects.get(pk=user_pk)
        step = ApprovalStep.objects.get(pk=step_pk)
        return services.record_decision(
            step=step, user=user, outcome=outcome, token=token or uuid.uuid4().hex
        )

    return call


def transitions_to(arrangement, status) -> int:
    records = arrangement.history.order_by("history_date", "history_id")
    previous = None
    count = 0
    for record in records:
        if record.status == status and previous != status:
            count += 1
        previous = record.status
    return count


def test_the_last_two_decisions_at_once_make_the_arrangement_active_once(
    arrangement, officer, race_window
):
    decide(
        arrangement,
        Role.MONITORING_OFFICER,
        person(Role.MONITORING_OFFICER, "Mo", "Okafor"),
        Outcome.ENDORSE,
    )
    decide(
        arrangement,
        Role.SECTION_151_OFFICER,
        person(Role.SECTION_151_OFFICER, "Sam", "Field"),
        Outcome.ENDORSE,
    )
    decide(arrangement, Role.DIRECTOR, person(Role.DIRECTOR, "Dee", "Rowe"), Outcome.APPROVE)
    leader = person(Role.LEADER, "Lee", "Hart")
    portfolio_holder = person(Role.PORTFOLIO_HOLDER, "Pat", "Moss")
    leader_step = step_for(arrangement, Role.LEADER)
    portfolio_step = step_for(arrangement, Role.PORTFOLIO_HOLDER)
    assert (leader_step.status, portfolio_step.status) == (StepStatus.PENDING,) * 2

    results = at_once(
        decision_by(leader.pk, leader_step.pk, Outcome.APPROVE),
        decision_by(portfolio_holder.pk, portfolio_step.pk, Outcome.APPROVE),
        thread_prefix=THREAD_PREFIX,
    )

    assert [error for _, error in results] == [None, None]
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE
    assert arrangement.next_review_due is not None
    approval_round = ApprovalRound.objects.get(arrangement=arrangement)  # one round, no other
    assert approval_round.outcome == RoundOutcome.APPROVED
    assert approval_round.closed_at is not None
    assert not approval_round.steps.filter(status=StepStatus.PENDING).exists()
    assert Decision.objects.filter(step__round=approval_round).count() == 5
    assert transitions_to(arrangement, Status.ACTIVE) == 1
    closed = Notification.objects.filter(event__startswith=f"round-{approval_round.pk}-closed:")
    assert [n.recipient for n in closed] == [officer]  # lead officer, who also proposed it
    assert closed.get().subject.startswith("Approval approved:")
    # The second was held at the lock until the first had committed.
    assert_taken_one_after_the_other(race_window)


def test_two_holders_of_one_role_on_the_same_step_record_one_decision(
    arrangement, officer, race_window
):
    first = person(Role.MONITORING_OFFICER, "Mo", "Okafor")
    second = person(Role.MONITORING_OFFICER, "Maya", "Quinn")
    step = step_for(arrangement, Role.MONITORING_OFFICER)
    assert step.status == StepStatus.PENDING

    results = at_once(
        decision_by(first.pk, step.pk, Outcome.ENDORSE),
        decision_by(second.pk, step.pk, Outcome.ENDORSE),
        thread_prefix=THREAD_PREFIX,
    )

    decisions = [value for value, error in results if error is None]
    errors = [error for _, error in results if error is not None]
    assert len(decisions) == 1, results
    assert len(errors) == 1, results
    assert isinstance(errors[0], ValidationError), repr(errors[0])
    assert errors[0].message_dict == {"outcome": ["This has already been decided"]}
    recorded = Decision.objects.get(step=step)  # exactly one
    assert recorded.pk == decisions[0].pk
    assert recorded.decided_by in (first, second)
    step.refresh_from_db()
    assert step.status == StepStatus.DONE
    assert Notification.objects.filter(event__startswith="decision-").count() == 1
    arrangement.refresh_from_db()
    assert arrangement.status == Status.IN_APPROVAL  # the Section 151 Officer is still to act
    # The second was held at the lock until the first had committed.
    assert_taken_one_after_the_other(race_window)


def test_the_same_submission_twice_at_once_records_one_decision(arrangement, race_window):
    monitoring_officer = person(Role.MONITORING_OFFICER, "Mo", "Okafor")
    step = step_for(arrangement, Role.MONITORING_OFFICER)
    token = uuid.uuid4().hex

    results = at_once(
        decision_by(monitoring_officer.pk, step.pk, Outcome.ENDORSE, token),
        decision_by(monitoring_officer.pk, step.pk, Outcome.ENDORSE, token),
        thread_prefix=THREAD_PREFIX,
    )

    assert [error for _, error in results] == [None, None], results
    recorded = Decision.objects.get(step=step)  # exactly one
    assert [value.pk for value, _ in results] == [recorded.pk, recorded.pk]
    assert recorded.token == token
    assert recorded.decided_by == monitoring_officer
    assert Notification.objects.filter(event__startswith="decision-").count() == 1
    assert Arrangement.objects.get(pk=arrangement.pk).status == Status.IN_APPROVAL
    # Only the first got as far as checking its decision: the second, let in after the
    # first had committed, found the decision already recorded under its token.
    assert len(race_window) == 1, race_window
