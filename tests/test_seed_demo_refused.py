"""Demo data is never seeded where it is not allowed, as in production: `seed_demo` refuses
and writes nothing."""

import importlib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from register.models import Arrangement


def seed_demo():
    call_command("seed_demo", stdout=StringIO())


@pytest.mark.django_db
def test_the_seed_refuses_to_run_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError, match="not allowed"):
        seed_demo()
    assert not Arrangement.objects.exists()
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_the_seed_refuses_to_run_where_the_setting_is_missing(settings):
    del settings.DEMO_DATA_ALLOWED

    with pytest.raises(CommandError, match="not allowed"):
        seed_demo()


def test_production_settings_do_not_allow_demo_data(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-for-this-test-only")
    monkeypatch.setenv("ALLOWED_HOSTS", "register.example.gov.uk")

    production = importlib.import_module("config.settings.production")

    assert production.DEMO_DATA_ALLOWED is False
