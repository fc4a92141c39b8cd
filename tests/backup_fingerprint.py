"""What an installation holds, to compare before a backup and after its restore: every
table's row count and a SHA-256 of all its rows in order (history tables included), and
every uploaded file's SHA-256.

Run as a program inside a restored installation to write its fingerprint as JSON:
    python -m tests.backup_fingerprint OUT.json
"""

import hashlib
import json
import sys
from pathlib import Path


def _value(value):
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def database_fingerprint(connection) -> dict[str, list]:
    """{table: [rows, sha256 of the rows ordered by every column]}."""
    found = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            columns = connection.introspection.get_table_description(cursor, table)
            order = ", ".join(str(position) for position in range(1, len(columns) + 1))
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY {order}")
            digest, count = hashlib.sha256(), 0
            for row in cursor.fetchall():
                digest.update(repr(tuple(_value(v) for v in row)).encode())
                count += 1
            found[table] = [count, digest.hexdigest()]
    return found


def media_fingerprint(root) -> dict[str, str]:
    """{path under MEDIA_ROOT: sha256}."""
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def fingerprint(connection, media_root) -> dict:
    return {
        "tables": database_fingerprint(connection),
        "files": media_fingerprint(media_root),
    }


if __name__ == "__main__":
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    Path(sys.argv[1]).write_text(json.dumps(fingerprint(connection, settings.MEDIA_ROOT)))
