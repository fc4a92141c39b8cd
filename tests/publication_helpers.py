"""Helpers of the published register's tests: live arrangements and editions published by
the register owner (the `register_owner` fixture of conftest.py)."""

from register import publication
from register.choices import Status
from tests.factories import ArrangementFactory


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
