"""Helpers of the published register's tests: live arrangements, editions published by the
register owner, and caches emptied between tests (ids are reused after a rollback)."""

import pytest
from django.core.cache import cache

from register import publication
from register.choices import Status
from register.roles import Role
from tests.factories import ArrangementFactory, UserFactory


@pytest.fixture(autouse=True)
def fresh_published_caches():
    cache.clear()
    publication._published_entries.cache_clear()
    yield
    cache.clear()
    publication._published_entries.cache_clear()


@pytest.fixture
def owner(db):
    return UserFactory(roles=[Role.REGISTER_OWNER], username="register-owner")


def live(**fields):
    """An approved arrangement, on the register (significant under Gravesham's rules, as it
    delivers a statutory requirement, unless told otherwise)."""
    return ArrangementFactory(**{"status": Status.ACTIVE, **fields})


def published(owner, year=2026, correction_note="", **kwargs):
    """The year's edition, prepared now and published by the register owner."""
    draft = publication.prepare_edition(
        year=year, user=owner, correction_note=correction_note, **kwargs
    )
    return publication.publish_edition(edition=draft, user=owner)
