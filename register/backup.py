"""Backup and restore (issue 15, point 6): one archive that rebuilds an installation.

`create_backup` writes a tar.gz holding the database (PostgreSQL through `pg_dump -Fc`
inside a snapshot exported from a read-only repeatable-read transaction, so the dump and
the row counts see the same moment; SQLite through its online backup API), every file
under MEDIA_ROOT, and `manifest.json`: when, which portal and Django, the database engine,
the migrations applied, the rows of every table, and each file's path, size and SHA-256.

`restore_backup` rebuilds an EMPTY installation from one: it checks every checksum of the
archive before it writes anything, refuses a database with tables or a MEDIA_ROOT with
files unless forced, restores (pg_restore, or SQLite's backup API the other way), then
checks the rows of every table and every file's checksum again.

The archive holds personal data: it is written readable by its owner only (0600), under a
temporary name until it is complete, and never over an existing file.
"""

import getpass
import hashlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from register.security_log import security_event

FORMAT = "partnership-register-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA = "media"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done, said in words for the command line."""


def described(manifest: dict) -> str:
    """"71 tables (1,340 rows) and 12 files", for the commands' last line."""
    rows = sum(manifest["tables"].values())
    return f"{len(manifest['tables'])} tables ({rows:,} rows) and {len(manifest['files'])} files"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as opened:
        for chunk in iter(lambda: opened.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _portal_version() -> str:
    try:
        return importlib.metadata.version("partnership-register")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _postgres_program(name: str) -> str:
    folder = settings.POSTGRES_BIN_DIR
    return str(Path(folder) / name) if folder else name


def _postgres_command(connection, program: str, options: list[str]) -> tuple[list, dict]:
    """`program` with the connection's host, port, user and database (Django's own mapping,
    as `dbshell` uses); the password and TLS settings go in the environment, never in the
    arguments a process list shows."""
    args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, options)
    return [_postgres_program(program), *args[1:]], {**os.environ, **(env or {})}


def _run(command: list, env: dict, what: str) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} was not found: install PostgreSQL's client programs of the "
            "server's version, or set PG_BIN to the folder that holds them"
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or result.stdout.strip()}")


def _applied_migrations(cursor) -> list[str]:
    cursor.execute('SELECT "app", "name" FROM "django_migrations" ORDER BY "id"')
    return [f"{app}.{name}" for app, name in cursor.fetchall()]


def _row_counts(cursor, tables, quote) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _sqlite_tables(database: sqlite3.Connection) -> list[str]:
    rows = database.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return [name for (name,) in rows]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _dump_database(connection, folder: Path) -> dict:
    """The database into `folder`, with what the manifest says of it."""
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backing up a {vendor} database is not supported")
    target = folder / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            tables = _row_counts(copy.cursor(), _sqlite_tables(copy), _quote)
            migrations = _applied_migrations(copy.cursor())
        finally:
            copy.close()
    else:
        if connection.in_atomic_block:
            raise BackupError("Run the backup outside a transaction")
        connection.ensure_connection()
        with connection.cursor() as cursor:
            # One moment for the dump and the counts: pg_dump joins this snapshot.
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            try:
                cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
                snapshot, server_version = cursor.fetchone()
                names = connection.introspection.table_names(cursor)
                tables = _row_counts(cursor, names, connection.ops.quote_name)
                migrations = _applied_migrations(cursor)
                command, env = _postgres_command(
                    connection,
                    "pg_dump",
                    ["--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
                )
                _run(command, env, "pg_dump")
            finally:
                cursor.execute("ROLLBACK")
    described = {
        "engine": connection.settings_dict["ENGINE"],
        "vendor": vendor,
        "file": target.name,
        "size": target.stat().st_size,
        "sha256": _sha256(target),
    }
    if vendor == "postgresql":
        described["server_version"] = server_version
    return {"database": described, "migrations": migrations, "tables": tables}


def _media_files(root: Path) -> list[Path]:
    """Every regular file under MEDIA_ROOT (links are not followed out of it)."""
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BACKUP_DIR) / f"partnership-register-{stamp}.tar.gz"


def create_backup(*, output: Path | None = None, using: str = "default") -> dict:
    """Write the archive to `output` (BACKUP_DIR, named by the time, by default); its
    manifest. Refuses to overwrite a file."""
    output = Path(output or default_output())
    if output.exists():
        raise BackupError(f"{output} already exists; a backup never overwrites a file")
    output.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    partial = output.with_name(output.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="register-backup-") as working:
        database = _dump_database(connection, Path(working))
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise BackupError(f"Another backup is being written to {output}") from None
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                dump = Path(working) / database["database"]["file"]
                tar.add(dump, arcname=dump.name)
                files = []
                for path in _media_files(media_root):
                    relative = path.relative_to(media_root).as_posix()
                    files.append(_add_file(tar, path, f"{MEDIA}/{relative}", relative))
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created": timezone.now().isoformat(),
                    "portal_version": _portal_version(),
                    "django_version": django.get_version(),
                    **database,
                    "files": files,
                }
                content = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = (
                    len(content),
                    int(timezone.now().timestamp()),
                    0o600,
                )
                tar.addfile(info, _BytesReader(content))
                raw.flush()
                os.fsync(raw.fileno())
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.rename(output)
    security_event(
        "backup.created",
        record=str(output),
        os_user=getpass.getuser(),
        size=output.stat().st_size,
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=len(manifest["files"]),
    )
    return manifest


class _BytesReader:
    def __init__(self, content: bytes):
        self.content, self.offset = content, 0

    def read(self, size=-1):
        end = len(self.content) if size < 0 else self.offset + size
        chunk = self.content[self.offset : end]
        self.offset += len(chunk)
        return chunk


class _HashingReader:
    """Hands tarfile a file's bytes and takes their SHA-256 as they go: the checksum in
    the manifest is of exactly the bytes in the archive."""

    def __init__(self, opened):
        self.opened, self.digest = opened, hashlib.sha256()

    def read(self, size=-1):
        chunk = self.opened.read(size)
        self.digest.update(chunk)
        return chunk


def _add_file(tar, path: Path, arcname: str, relative: str) -> dict:
    with path.open("rb") as opened:
        info = tar.gettarinfo(fileobj=opened, arcname=arcname)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(opened)
        tar.addfile(info, reader)
    return {"path": relative, "size": info.size, "sha256": reader.digest.hexdigest()}


# Restoring --------------------------------------------------------------------------------


def _extract(archive: Path, folder: Path) -> dict:
    """The archive unpacked into `folder` (plain files and folders only, nothing outside
    it); its manifest, checked against every byte unpacked."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                name = PurePosixPath(member.name)
                allowed = str(name) == MANIFEST or name.parts[0] in (
                    MEDIA,
                    *DATABASE_FILES.values(),
                )
                if not (member.isfile() or member.isdir()) or not allowed:
                    raise BackupError(f"The archive holds {member.name!r}, which no backup does")
            tar.extractall(folder, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{archive} cannot be read as a backup ({error})") from None
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{archive} has no {MANIFEST}: it is not a backup of the portal")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{archive} is not a backup this version of the portal can read")
    return manifest


def check_archive(archive: Path, folder: Path) -> dict:
    """Unpack and check every checksum; the manifest. Nothing outside `folder` is touched."""
    manifest = _extract(Path(archive), folder)
    database = manifest["database"]
    dump = folder / database["file"]
    if not dump.is_file() or _sha256(dump) != database["sha256"]:
        raise BackupError("The database in the archive does not match its checksum")
    listed = {entry["path"]: entry for entry in manifest["files"]}
    media = folder / MEDIA
    found = {p.relative_to(media).as_posix() for p in _media_files(media)}
    if found != set(listed):
        extra, missing = sorted(found - set(listed)), sorted(set(listed) - found)
        raise BackupError(
            f"The archive's files differ from its manifest: extra {extra}, missing {missing}"
        )
    for relative, entry in listed.items():
        path = media / relative
        if path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            raise BackupError(f"{relative} in the archive does not match its checksum")
    return manifest


def _known_migrations(connection) -> set[str]:
    loader = MigrationLoader(connection, ignore_no_migrations=True, load=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def _database_tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _restore_database(connection, dump: Path, force: bool) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    if force:
        with connection.cursor() as cursor:
            for table in _database_tables(connection):
                cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connection.close()
    command, env = _postgres_command(
        connection,
        "pg_restore",
        ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname"],
    )
    _run([*command, str(dump)], env, "pg_restore")


def _empty_folder(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def restore_backup(*, archive: Path, using: str = "default", force: bool = False) -> dict:
    """Rebuild this installation's database and MEDIA_ROOT from the archive; its manifest.
    Refuses (BackupError, having written nothing) an archive whose checksums fail, one of
    another database engine or of a newer portal, and a database or MEDIA_ROOT that is not
    empty unless `force`, which replaces what is there."""
    archive = Path(archive)
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="register-restore-") as working:
        folder = Path(working)
        manifest = check_archive(archive, folder)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"The archive holds a {vendor} database; this installation uses {connection.vendor}"
            )
        unknown = [m for m in manifest["migrations"] if m not in _known_migrations(connection)]
        if unknown:
            raise BackupError(
                "The archive comes from a newer version of the portal (migrations "
                f"{', '.join(unknown[:5])} are unknown here): update the portal first"
            )
        tables = _database_tables(connection)
        if tables and not force:
            raise BackupError(
                f"The database already has {len(tables)} tables: restore into an empty "
                "database, or give --force to replace everything in it"
            )
        if media_root.is_dir() and any(media_root.iterdir()) and not force:
            raise BackupError(
                f"{media_root} (MEDIA_ROOT) is not empty: restore into an empty folder, or "
                "give --force to replace its files"
            )
        _restore_database(connection, folder / manifest["database"]["file"], force)
        media_root.mkdir(parents=True, exist_ok=True)
        if force:
            _empty_folder(media_root)
        for entry in manifest["files"]:
            target = media_root / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / MEDIA / entry["path"], target)
    _check_restored(connection, manifest, media_root)
    security_event(
        "backup.restored",
        record=str(archive),
        os_user=getpass.getuser(),
        created=manifest["created"],
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=len(manifest["files"]),
    )
    return manifest


def _check_restored(connection, manifest: dict, media_root: Path) -> None:
    """After restoring: every table with its rows, every file with its checksum."""
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        counts = _row_counts(cursor, names, connection.ops.quote_name)
    if counts != manifest["tables"]:
        differ = sorted(
            t
            for t in set(counts) | set(manifest["tables"])
            if counts.get(t) != manifest["tables"].get(t)
        )
        raise BackupError(f"Restored, but the rows differ from the backup in: {', '.join(differ)}")
    for entry in manifest["files"]:
        path = media_root / entry["path"]
        if not path.is_file() or _sha256(path) != entry["sha256"]:
            raise BackupError(f"Restored, but {entry['path']} does not match its checksum")
