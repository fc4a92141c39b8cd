"""Production settings refuse to start without their secrets and pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40 + "-5Gk!",
    "ALLOWED_HOSTS": "register.council.example",
    "SECURITY_CONTACT": "mailto:security@council.example",
}


def manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_reports_no_issues_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_demo_data_is_refused_under_production_settings():
    result = manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "production" in result.stderr.lower()


def test_database_url_selects_postgresql(monkeypatch):
    import dj_database_url

    config = dj_database_url.parse("postgres://register@db.example:5432/register")
    assert config["ENGINE"] == "django.db.backends.postgresql"


def test_sqlite_runs_in_wal_mode_with_immediate_transactions_and_a_busy_timeout():
    from config.settings.base import database

    options = database("sqlite:////srv/register/db.sqlite3")["OPTIONS"]
    assert options == {
        "init_command": "PRAGMA journal_mode=WAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    assert database("sqlite:////srv/register/db.sqlite3?timeout=5")["OPTIONS"]["timeout"] == 5


def test_postgresql_gets_none_of_the_sqlite_options():
    from config.settings.base import database

    assert database("postgres://register@db.example:5432/register").get("OPTIONS", {}) == {}


def test_content_security_policy_header_is_sent(client, db):
    response = client.get("/sign-in/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "frame-ancestors 'none'" in policy
