"""Documents kept safely (issue 15, point 4): the uploaded file name kept as data and a
SHA-256 checksum of every file; files uploaded before this are renamed to a random name
with the extension of their detected type, in the arrangement's folder.

Self-contained (no import of the register's code, which may change after it). A file that
is missing keeps its row, with no checksum: its download is refused and logged.
"""

import hashlib
import secrets
from pathlib import PurePosixPath

from django.db import migrations, models, transaction

EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def _name_of(path: str) -> str:
    return PurePosixPath(path).name[:255] or "document"


def keep_existing_files_safely(apps, schema_editor):
    Document = apps.get_model("register", "Document")
    HistoricalDocument = apps.get_model("register", "HistoricalDocument")
    renamed = []
    for document in Document.objects.select_related("arrangement").order_by("pk"):
        storage, old = document.file.storage, document.file.name
        document.original_name = _name_of(old)
        digest = hashlib.sha256()
        try:
            with storage.open(old, "rb") as stored:
                for chunk in iter(lambda: stored.read(65536), b""):
                    digest.update(chunk)
        except FileNotFoundError:
            document.save(update_fields=["original_name"])
            continue
        document.checksum = digest.hexdigest()
        extension = EXTENSIONS.get(document.content_type, "bin")
        new = f"documents/{document.arrangement.reference}/{secrets.token_hex(16)}.{extension}"
        with storage.open(old, "rb") as stored:
            document.file.name = storage.save(new, stored)
        document.save(update_fields=["original_name", "checksum", "file"])
        renamed.append((storage, old))
    for record in HistoricalDocument.objects.filter(original_name=""):
        record.original_name = _name_of(record.file or "")
        record.save(update_fields=["original_name"])
    # The old copies go once the new names are committed (kept if this is rolled back).
    transaction.on_commit(
        lambda: [storage.delete(name) for storage, name in renamed],
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0011_risk_scale_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="checksum",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                max_length=64,
                verbose_name="SHA-256 checksum",
            ),
        ),
        migrations.AddField(
            model_name="document",
            name="original_name",
            field=models.CharField(
                default="", editable=False, max_length=255, verbose_name="file name"
            ),
        ),
        migrations.AddField(
            model_name="historicaldocument",
            name="checksum",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                max_length=64,
                verbose_name="SHA-256 checksum",
            ),
        ),
        migrations.AddField(
            model_name="historicaldocument",
            name="original_name",
            field=models.CharField(
                default="", editable=False, max_length=255, verbose_name="file name"
            ),
        ),
        migrations.RunPython(keep_existing_files_safely, migrations.RunPython.noop),
    ]
