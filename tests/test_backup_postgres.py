"""The demo installation backed up on PostgreSQL and restored into a fresh cluster, with
nothing lost (issue 15, "Done when"): the rows of every table, every history row (a hash
of each table's rows in order, history tables included) and every file's checksum.

The source is the suite's PostgreSQL database, loaded as `make run` loads it (seed_demo,
seed_demo_approvals, seed_demo_reviews, seed_demo_publication) with documents uploaded and
one removed; the restore runs `manage.py restore` in a second throwaway PostgreSQL 15
cluster (scripts/with-postgres.sh) with an empty MEDIA_ROOT. PostgreSQL only: it fails
rather than skips on any other database; scripts/test.sh runs it in its PostgreSQL stage."""

import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.db import connection

from register import services
from register.models import Arrangement, Document
from register.roles import Role
from tests.backup_fingerprint import fingerprint
from tests.backup_helpers import restore_in_a_fresh_installation, upload_documents

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SEEDS = ("seed_demo", "seed_demo_approvals", "seed_demo_reviews", "seed_demo_publication")


def test_the_demo_installation_restores_into_a_fresh_cluster_with_nothing_lost(
    settings, tmp_path, django_user_model
):
    assert connection.vendor == "postgresql", (
        "tests/test_backup_postgres.py restores into a fresh PostgreSQL cluster: run it with "
        "`bash scripts/with-postgres.sh .venv/bin/pytest -m postgres tests/test_backup_postgres.py`"
    )
    settings.MEDIA_ROOT = str(tmp_path / "media")
    for seed in SEEDS:
        call_command(seed, stdout=io.StringIO())
    officer = django_user_model.objects.get(username=Role.LEAD_OFFICER.value)
    arrangements = Arrangement.objects.filter(lead_officer=officer).order_by("pk")[:3]
    for arrangement in arrangements:
        upload_documents(arrangement, officer)
    removed = Document.objects.order_by("pk").first()
    services.remove_part(part=removed, arrangement=removed.arrangement, user=officer)
    before = fingerprint(connection, settings.MEDIA_ROOT)

    archive = tmp_path / "demo.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        assert "database.pgdump" in tar.getnames()
    assert manifest["database"]["server_version"].startswith("15")

    restored = restore_in_a_fresh_installation(archive, tmp_path / "fresh")

    # The comparison means something: a demo register with its history and files.
    rows = {table: count for table, (count, _hash) in before["tables"].items()}
    assert rows["register_arrangement"] >= 50
    assert rows["register_historicalarrangement"] > 50
    assert rows["register_historicaldocument"] == Document.history.count() >= 7
    assert Document.history.filter(history_type="-").exists()  # a removal is kept too
    assert len(before["files"]) >= 5
    assert {table: count for table, count in manifest["tables"].items()} == rows
    assert restored["tables"] == before["tables"]
    assert restored["files"] == before["files"]
