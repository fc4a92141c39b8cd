"""Shared by the signing-in tests: the security events written while a test runs."""

import logging

import pytest


class SecurityEvents(logging.Handler):
    """Collects the `security` logger's events (register/security_log.py) as dicts."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.security)

    def named(self, event):
        return [line for line in self.lines if line["event"] == event]

    def names(self):
        return [line["event"] for line in self.lines]


@pytest.fixture
def security_events():
    handler = SecurityEvents()
    logger = logging.getLogger("security")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
