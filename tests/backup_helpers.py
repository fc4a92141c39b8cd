"""Restoring a backup into a fresh installation of the same database engine, as a council
would on a new server: `manage.py restore` in a process of its own, against an empty SQLite
file or a new PostgreSQL cluster (scripts/with-postgres.sh), with an empty MEDIA_ROOT."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from register import services
from register.models import Document
from tests.factories import PDF_BYTES

ROOT = Path(__file__).resolve().parent.parent
# Variables of the test run that must not reach the fresh installation.
NOT_INHERITED = ("DATABASE_URL", "MEDIA_ROOT", "WITH_POSTGRES_PORT", "DJANGO_SETTINGS_MODULE")


def restore_in_a_fresh_installation(archive: Path, folder: Path) -> dict:
    """`manage.py restore ARCHIVE` into a fresh, empty installation, then the fingerprint
    of what it holds (tests/backup_fingerprint.py), with the command's output."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "fingerprint.json"
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings.base", "MEDIA_ROOT": str(folder / "media")}
    python = sys.executable
    # Restored, it needs no migration: the schema came with the data.
    steps = (
        f"{python} manage.py restore {archive} && {python} manage.py migrate --check && "
        f"{python} -m tests.backup_fingerprint {out}"
    )
    if connection.vendor == "postgresql":
        # A new cluster of its own: started empty, removed when the steps end.
        command = ["bash", "scripts/with-postgres.sh", "bash", "-c", steps]
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'restored.sqlite3'}"
        command = ["bash", "-c", steps]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return {**json.loads(out.read_text()), "output": result.stdout}


def rewrite_archive(source: Path, target: Path, change=None, extra=()) -> None:
    """A copy of a backup archive with each member's bytes passed through
    `change(name, content) -> content` and `extra` (TarInfo, bytes) members added."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            content = old.extractfile(member).read() if member.isfile() else None
            if change and content is not None:
                content = change(member.name, content)
                member.size = len(content)
            new.addfile(member, io.BytesIO(content) if content is not None else None)
        for member, content in extra:
            new.addfile(member, io.BytesIO(content) if content is not None else None)


def with_manifest(source: Path, target: Path, edit) -> None:
    """A copy of the archive whose manifest.json is `edit(manifest)`."""

    def change(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        edit(manifest)
        return json.dumps(manifest).encode()

    rewrite_archive(source, target, change)


def upload_documents(arrangement, user, titles=("Terms of reference", "Risk assessment")):
    """A small PDF for each title, uploaded to the arrangement as its officer would."""
    for title in titles:
        services.record_part(
            part=Document(
                kind="other",
                title=title,
                file=SimpleUploadedFile(f"{title}.pdf", PDF_BYTES + title.encode()),
            ),
            arrangement=arrangement,
            user=user,
        )
