import json
import logging
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from register import publication
from register.roles import Role
from register.security_log import JsonLineFormatter
from tests.factories import UserFactory


@pytest.fixture
def user_with_role(db):
    """user_with_role(Role.MONITORING_OFFICER) -> a saved user in that role's group."""

    def make(*roles, **kwargs):
        return UserFactory(roles=list(roles), **kwargs)

    return make


@pytest.fixture
def client_for(client, user_with_role):
    """client_for(user) or client_for(Role.X): a test client signed in as that user."""

    def sign_in(who, **kwargs):
        user = user_with_role(who, **kwargs) if isinstance(who, Role) else who
        client.force_login(user)
        client.user = user
        return client

    return sign_in


@pytest.fixture(autouse=True)
def fresh_published_caches():
    """A published edition's entries and page are kept per process, by its id and time of
    publishing; ids are used again after a test's rollback, so each test starts afresh."""
    cache.clear()
    publication.forget_kept_editions()


@pytest.fixture
def lead_officer(user_with_role):
    return user_with_role(Role.LEAD_OFFICER)


@pytest.fixture
def lead_officer_client(client_for, lead_officer):
    return client_for(lead_officer)


@pytest.fixture
def register_owner(user_with_role):
    return user_with_role(Role.REGISTER_OWNER, username="register-owner")


@pytest.fixture
def director(user_with_role):
    return user_with_role(Role.DIRECTOR, username="director-of-the-service")


@pytest.fixture
def administrator_client(client_for):
    """Signed in as the Administrator, who has Django admin's every permission."""
    return client_for(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture(scope="module")
def demo_seed(django_db_setup, django_db_blocker):
    """`seed_demo` run once on the empty database for a module's tests; its output. Each test
    still runs in its own rolled-back transaction on top of it (ask for `db` too); the tables
    are emptied after the module's last test."""
    output = StringIO()
    with django_db_blocker.unblock():  # only while seeding: tests still ask for `db`
        call_command("seed_demo", stdout=output)
    try:
        yield output.getvalue()
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def demo_register(demo_seed, django_db_blocker):
    """The demo register as `make run` makes it (`seed_demo`, `seed_demo_approvals`,
    `seed_demo_reviews`, then `seed_demo_publication`), seeded once for a module's tests, as
    `demo_seed` is."""
    with django_db_blocker.unblock():
        call_command("seed_demo_approvals", verbosity=0)
        call_command("seed_demo_reviews", verbosity=0)
        call_command("seed_demo_publication", verbosity=0)


class SecurityEvents(list):
    """The security events written during a test, each the JSON line the log collector would
    read, parsed into a dict, in the order written."""

    def named(self, event: str) -> list[dict]:
        return [line for line in self if line["event"] == event]

    def names(self) -> list[str]:
        return [line["event"] for line in self]


class _SecurityEventsHandler(logging.Handler):
    def __init__(self, events: SecurityEvents):
        super().__init__(level=logging.INFO)
        self.setFormatter(JsonLineFormatter())
        self.events = events

    def emit(self, record):
        self.events.append(json.loads(self.format(record)))


@pytest.fixture
def security_events():
    """The security events written during the test (the `security` logger does not
    propagate to the root, so caplog alone misses them)."""
    events = SecurityEvents()
    handler = _SecurityEventsHandler(events)
    logger = logging.getLogger("security")
    logger.addHandler(handler)
    try:
        yield events
    finally:
        logger.removeHandler(handler)
