"""No lost update under concurrent requests: two officers post the same edit form, opened at
the same version, at the same moment. The service locks the row (SELECT ... FOR UPDATE)
before it compares versions, so the second is held until the first has committed, then
finds the newer version and gets the conflict page (409); only the first is saved.

Real threads, each with its own test client and database connection, meet at a barrier and
post together. So that both are inside their transactions at once for certain, each version
check made in those threads pauses RACE_WINDOW seconds after checking, before committing.
Without the lock both would read the old version, both pass and both save: the first
officer's change would be lost.

PostgreSQL only (SQLite has no row locks and one writer at a time): run with
`bash scripts/with-postgres.sh .venv/bin/pytest -m postgres`; on any other database it fails
rather than skips."""

import threading
import time

import pytest

from register import versions
from register.council_forms import services as council_form_services
from register.roles import Role
from tests.concurrency import assert_on_postgresql, at_once
from tests.editing import version_on
from tests.factories import ArrangementFactory, UserFactory
from tests.test_no_lost_update import EDIT_FORMS, signed_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RACE_WINDOW = 0.3  # seconds, after each version check made in an officer's thread
THREAD_PREFIX = "officer-"


@pytest.fixture(autouse=True)
def postgresql_only():
    assert_on_postgresql(__name__)


@pytest.fixture(autouse=True)
def race_window(monkeypatch):
    """The (thread name, time) of each version check made in an officer's thread, each
    followed by a pause while the row stays locked."""
    checks = []
    check_version = versions.check_version

    def slow_check_version(current, version):
        in_thread = threading.current_thread().name.startswith(THREAD_PREFIX)
        if in_thread:
            checks.append((threading.current_thread().name, time.monotonic()))
        check_version(current, version)
        if in_thread:
            time.sleep(RACE_WINDOW)

    monkeypatch.setattr(versions, "check_version", slow_check_version)
    monkeypatch.setattr(council_form_services, "check_version", slow_check_version)
    return checks


@pytest.mark.parametrize("kind", ["arrangement", "partner", "checklist", "council form"])
def test_two_saves_of_one_version_at_once_keep_one_and_show_the_other_the_conflict(
    kind, settings, race_window
):
    edit_form = EDIT_FORMS[kind]
    settings.COUNCIL_POLICY = edit_form.policy
    lead = UserFactory(roles=[Role.LEAD_OFFICER], first_name="Priya", last_name="Shah")
    owner = UserFactory(roles=[Role.REGISTER_OWNER], first_name="Sam", last_name="Okoro")
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    url = edit_form.open(arrangement)
    clients = [signed_in(lead), signed_in(owner)]
    opened = version_on(clients[0].get(url))
    typed = [edit_form.theirs[0], edit_form.mine[0]]

    def post(index):
        data = edit_form.posted(arrangement, typed[index]) | {"version": opened}
        return lambda: clients[index].post(url, data)

    outcomes = at_once(post(0), post(1), thread_prefix=THREAD_PREFIX)
    assert [error for _, error in outcomes] == [None, None]
    responses = [response for response, _ in outcomes]

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [302, 409], [r.content.decode()[:500] for r in responses]
    winner = typed[[r.status_code for r in responses].index(302)]
    assert edit_form.saved(arrangement) == winner
    loser = next(r for r in responses if r.status_code == 409)
    assert "Someone else changed this while you were editing" in loser.content.decode()
    # The second check was made only once the first save had committed.
    assert len(race_window) == 2, race_window
    first, second = sorted(when for _, when in race_window)
    assert second - first >= RACE_WINDOW, f"checked {second - first:.3f}s apart"
