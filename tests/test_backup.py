"""Backup and restore (issue 15, point 6): `manage.py backup` writes one archive of the
database, the uploaded files and a manifest of checksums; `manage.py restore` rebuilds an
empty installation from it and nothing is lost, or refuses, having written nothing.

These run on the suite's database: SQLite in the SQLite stage, PostgreSQL (a second,
fresh cluster for the restore) in the PostgreSQL stage. The demo installation's round trip
on PostgreSQL is tests/test_backup_postgres.py."""

import datetime
import io
import json
import stat
import tarfile
from pathlib import Path

import django
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from register import backup, services
from register.models import Arrangement, Document
from tests.backup_fingerprint import fingerprint
from tests.backup_helpers import (
    restore_in_a_fresh_installation,
    rewrite_archive,
    upload_documents,
    with_manifest,
)
from tests.factories import PDF_BYTES, ArrangementFactory, PartnerFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def installation(media, lead_officer):
    """Arrangements with partners, risks and their history, and documents uploaded (one
    removed since: its history stays, its file does not)."""
    for number, name in enumerate(["Gravesham Café Partnership", "Kent Resilience Forum"]):
        arrangement = ArrangementFactory(name=name, lead_officer=lead_officer, status="active")
        PartnerFactory(arrangement=arrangement, name=f"Partner {number} – “quoted”")
        risk = RiskFactory(arrangement=arrangement, owner="Priya Patel")
        risk.mitigation = "Changed once, so its history has two rows"
        risk.save()
        upload_documents(arrangement, lead_officer, ("Terms of reference", "Partnership agreement"))
    removed = Document.objects.filter(title="Partnership agreement").first()
    services.remove_part(part=removed, arrangement=removed.arrangement, user=lead_officer)
    return media


def back_up(path: Path) -> dict:
    call_command("backup", output=str(path), stdout=io.StringIO())
    with tarfile.open(path) as tar:
        return json.loads(tar.extractfile("manifest.json").read())


def test_a_backup_restores_into_a_fresh_installation_with_nothing_lost(installation, tmp_path):
    before = fingerprint(connection, installation)
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)

    restored = restore_in_a_fresh_installation(archive, tmp_path / "fresh")

    assert restored["tables"] == before["tables"]  # every row of every table, history too
    assert restored["files"] == before["files"]  # every file, byte for byte
    assert before["tables"]["register_historicaldocument"][0] == 5  # 4 added, 1 removed
    assert len(before["files"]) == 3
    events = [json.loads(line) for line in restored["output"].splitlines() if line[:1] == "{"]
    assert [e["event"] for e in events] == ["backup.restored"]


def test_the_manifest_says_when_from_what_and_every_checksum(
    installation, tmp_path, security_events
):
    archive = tmp_path / "backup.tar.gz"
    manifest = back_up(archive)
    created = datetime.datetime.fromisoformat(manifest["created"])
    assert abs(datetime.datetime.now(datetime.UTC) - created) < datetime.timedelta(minutes=5)
    assert manifest["portal_version"] == "0.1.0"
    assert manifest["django_version"] == django.get_version()
    assert manifest["database"]["engine"] == connection.settings_dict["ENGINE"]
    assert "register.0012_document_checksum" in manifest["migrations"]
    assert manifest["tables"]["register_arrangement"] == Arrangement.objects.count() == 2
    assert manifest["tables"]["register_document"] == Document.objects.count() == 3
    on_disk = {
        p.relative_to(installation).as_posix(): p for p in installation.rglob("*") if p.is_file()
    }
    assert {f["path"] for f in manifest["files"]} == set(on_disk)
    for entry in manifest["files"]:
        content = on_disk[entry["path"]].read_bytes()
        assert entry["size"] == len(content)
        assert entry["sha256"] == Document.objects.get(file=entry["path"]).checksum
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # it holds personal data
    [event] = security_events
    assert (event["event"], event["record"], event["files"]) == ("backup.created", str(archive), 3)


def test_a_backup_never_overwrites_a_file(media, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    archive.write_bytes(b"last night's backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", output=str(archive))
    assert archive.read_bytes() == b"last night's backup"
    assert not list(tmp_path.glob("*.partial"))


def test_two_backups_to_one_name_at_once_do_not_mix(media, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    (tmp_path / "backup.tar.gz.partial").write_bytes(b"being written by another run")
    with pytest.raises(CommandError, match="Another backup is being written"):
        call_command("backup", output=str(archive))
    assert not archive.exists()
    assert (tmp_path / "backup.tar.gz.partial").read_bytes() == b"being written by another run"


def test_restore_refuses_a_database_that_is_not_empty(installation, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    ArrangementFactory(name="Recorded after the backup")
    with pytest.raises(CommandError, match="The database already has .* tables"):
        call_command("restore", str(archive))
    assert Arrangement.objects.filter(name="Recorded after the backup").exists()


def test_restore_refuses_a_media_folder_that_is_not_empty(installation, tmp_path, monkeypatch):
    before = fingerprint(connection, installation)
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    monkeypatch.setattr(backup, "_database_tables", lambda connection: [])  # as if empty
    with pytest.raises(CommandError, match="MEDIA_ROOT\\) is not empty"):
        call_command("restore", str(archive))
    assert fingerprint(connection, installation) == before


def test_restore_with_force_puts_back_everything_as_it_was(installation, tmp_path):
    before = fingerprint(connection, installation)
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    # After the backup: a new arrangement, one removed document, a stray file.
    ArrangementFactory(name="Recorded after the backup")
    kept = Document.objects.first()
    services.remove_part(part=kept, arrangement=kept.arrangement, user=None)
    (installation / "stray.txt").write_text("not in the backup")

    out = io.StringIO()
    call_command("restore", str(archive), force=True, stdout=out)

    assert fingerprint(connection, installation) == before
    assert "every checksum matching" in out.getvalue()


def tampered(archive: Path, target: Path) -> Path:
    def change(name, content):
        return content.replace(b"%%EOF", b"%%EOX") if name.startswith("media/") else content

    rewrite_archive(archive, target, change)
    return target


@pytest.mark.parametrize("force", [False, True])
def test_restore_refuses_an_archive_whose_file_was_changed_before_writing_anything(
    installation, tmp_path, force
):
    before = fingerprint(connection, installation)
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(tampered(archive, tmp_path / "t.tar.gz")), force=force)
    assert fingerprint(connection, installation) == before


def test_restore_refuses_an_archive_whose_database_was_changed(installation, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    changed = tmp_path / "changed.tar.gz"
    rewrite_archive(
        archive,
        changed,
        lambda name, content: content + b"\0" if name.startswith("database.") else content,
    )
    with pytest.raises(CommandError, match="database in the archive does not match"):
        call_command("restore", str(changed), force=True)


@pytest.mark.parametrize(
    ("case", "member"),
    [
        ("a path out of the folder", "../../etc/cron.d/evil"),
        ("an absolute path", "/etc/cron.d/evil"),
        ("a link", "media/link"),
        ("a file no backup holds", "settings.py"),
    ],
)
def test_restore_refuses_an_archive_that_would_write_outside_its_folder(
    installation, tmp_path, case, member
):
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    info = tarfile.TarInfo(member)
    content = b"* * * * * root rm -rf /\n"
    if case == "a link":
        info.type, info.linkname, content = tarfile.SYMTYPE, "/etc/passwd", None
    else:
        info.size = len(content)
    bad = tmp_path / "bad.tar.gz"
    rewrite_archive(archive, bad, extra=[(info, content)])
    with pytest.raises(CommandError, match="which no backup does|cannot be read as a backup"):
        call_command("restore", str(bad), force=True)


def test_restore_refuses_a_file_added_to_the_archive_beside_the_manifest(installation, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    info = tarfile.TarInfo("media/documents/extra.pdf")
    info.size = len(PDF_BYTES)
    bad = tmp_path / "bad.tar.gz"
    rewrite_archive(archive, bad, extra=[(info, PDF_BYTES)])
    with pytest.raises(CommandError, match="differ from its manifest"):
        call_command("restore", str(bad), force=True)


def test_restore_refuses_a_backup_of_a_newer_portal(installation, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    newer = tmp_path / "newer.tar.gz"
    with_manifest(archive, newer, lambda m: m["migrations"].append("register.9999_future"))
    with pytest.raises(CommandError, match="newer version of the portal"):
        call_command("restore", str(newer), force=True)


def test_restore_refuses_a_backup_of_another_database_engine(installation, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    elsewhere = tmp_path / "other.tar.gz"
    with_manifest(archive, elsewhere, lambda m: m["database"].update(vendor=other))
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(elsewhere), force=True)


@pytest.mark.parametrize(
    ("case", "content"),
    [("not an archive", b"PK\x03\x04 a zip, say"), ("an archive of something else", None)],
)
def test_restore_refuses_a_file_that_is_not_a_backup(media, tmp_path, case, content):
    path = tmp_path / "backup.tar.gz"
    if content is None:
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("database.sqlite3")
            info.size = 4
            tar.addfile(info, io.BytesIO(b"data"))
    else:
        path.write_bytes(content)
    with pytest.raises(CommandError, match="cannot be read as a backup|is not a backup"):
        call_command("restore", str(path), force=True)


def test_restore_check_only_checks_and_changes_nothing(installation, tmp_path):
    before = fingerprint(connection, installation)
    archive = tmp_path / "backup.tar.gz"
    back_up(archive)
    out = io.StringIO()
    call_command("restore", str(archive), check=True, stdout=out)
    assert out.getvalue().startswith("Checked the backup of ")
    assert fingerprint(connection, installation) == before
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(tampered(archive, tmp_path / "t.tar.gz")), check=True)
