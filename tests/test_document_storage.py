"""Files kept safely (issue 15, point 4): real uploads stored under random names with the
extension of their detected type, in a folder per arrangement outside the static files;
the uploaded name kept as data; a SHA-256 checksum taken on upload, shown, and checked on
every download; a removed document's file deleted once the removal commits, its history
keeping its name, size, type, checksum and who removed it."""

import hashlib
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from register import services
from register.documents import clean_file_name, download_name
from register.models import Document
from register.pdf import html_to_pdf
from register.roles import Role
from tests.document_helpers import upload
from tests.factories import PDF_BYTES, ArrangementFactory, DocumentFactory
from tests.test_migrations import migrate_to


def real_pdf() -> bytes:
    return html_to_pdf("<h1>Partnership agreement</h1><p>Signed by both councils.</p>")


def real_png() -> bytes:
    """A one-pixel PNG, as an image editor writes it."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def real_docx() -> bytes:
    """A Word document as the Open Packaging Conventions lay it out: content types, the
    package's relationships and the main document part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        package.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Terms of reference</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# (case, uploaded name, content, stored extension, type kept)
STORED = [
    ("a PDF", "Partnership agreement.pdf", real_pdf, "pdf", "application/pdf"),
    ("a Word document", "terms of reference.docx", real_docx, "docx", DOCX),
    ("a PNG named .htaccess", ".htaccess", real_png, "png", "image/png"),
    ("a PDF named evil.html", "evil.html", real_pdf, "pdf", "application/pdf"),
    ("a PDF named as a program", "agreement.pdf.exe", real_pdf, "pdf", "application/pdf"),
]


@pytest.fixture
def draft(lead_officer):
    return ArrangementFactory(lead_officer=lead_officer)


def download(client, document):
    url = reverse("register:document-download", args=[document.arrangement.reference, document.pk])
    return client.get(url)


@pytest.mark.parametrize(
    ("case", "name", "make", "extension", "content_type"), STORED, ids=[s[0] for s in STORED]
)
def test_an_upload_is_stored_under_a_random_name_with_the_extension_of_its_detected_type(
    lead_officer_client, draft, case, name, make, extension, content_type
):
    content = make()
    response = upload(lead_officer_client, draft, name, content)
    assert response.status_code == 302
    document = Document.objects.get(arrangement=draft)
    assert re.fullmatch(
        rf"documents/{draft.reference}/[0-9a-f]{{32}}\.{extension}", document.file.name
    ), document.file.name
    assert document.content_type == content_type
    assert document.original_name == name  # kept as data, for the page and the download
    stored = Path(document.file.path)
    assert stored.read_bytes() == content
    assert stored.is_relative_to(Path(django_settings.MEDIA_ROOT).resolve())
    for static in django_settings.STATICFILES_DIRS:
        assert not stored.is_relative_to(Path(static).resolve())


def test_the_media_folder_is_not_inside_the_static_files_in_any_settings():
    from config.settings import base

    media = Path(base.MEDIA_ROOT).resolve()
    for static in [base.STATIC_ROOT, *base.STATICFILES_DIRS]:
        assert not media.is_relative_to(Path(static).resolve())


def test_two_uploads_of_the_same_name_are_kept_apart(lead_officer_client, draft):
    upload(lead_officer_client, draft, "agreement.pdf", PDF_BYTES)
    upload(lead_officer_client, draft, "agreement.pdf", real_pdf())
    first, second = Document.objects.filter(arrangement=draft).order_by("pk")
    assert first.file.name != second.file.name
    assert first.original_name == second.original_name == "agreement.pdf"
    assert Path(first.file.path).read_bytes() == PDF_BYTES


def test_the_checksum_is_taken_on_upload_and_shown_on_the_arrangement_page(
    lead_officer_client, draft
):
    content = real_pdf()
    upload(lead_officer_client, draft, "Partnership agreement.pdf", content)
    document = Document.objects.get(arrangement=draft)
    assert document.checksum == hashlib.sha256(content).hexdigest()
    assert document.size == len(content)
    page = lead_officer_client.get(draft.get_absolute_url()).content.decode()
    assert document.checksum in page
    assert "Partnership agreement.pdf" in page
    assert "SHA-256 checksum" in page


def test_a_web_page_renamed_pdf_is_refused_with_nothing_stored(lead_officer_client, draft):
    before = set(Path(django_settings.MEDIA_ROOT).rglob("*"))
    response = upload(lead_officer_client, draft, "agreement.pdf", HTML)
    assert response.status_code == 400
    assert "must be a PDF, Word, Excel or OpenDocument file" in response.content.decode()
    assert not Document.objects.exists()
    assert set(Path(django_settings.MEDIA_ROOT).rglob("*")) == before


def test_the_service_refuses_a_file_of_another_type_whoever_calls_it(draft, lead_officer):
    document = Document(
        kind="agreement", title="Agreement", file=SimpleUploadedFile("a.pdf", HTML)
    )
    with pytest.raises(ValidationError) as refused:
        services.record_part(part=document, arrangement=draft, user=lead_officer)
    assert "must be a PDF" in str(refused.value)
    assert not Document.objects.exists()


def test_a_download_is_named_as_uploaded_safely_quoted(client_for, lead_officer):
    document = DocumentFactory(
        arrangement__lead_officer=lead_officer, original_name='Agreement "final" – signed.pdf'
    )
    response = download(client_for(lead_officer), document)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "Agreement%20%22final%22%20%E2%80%93%20signed.pdf" in disposition
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_download_keeps_the_detected_types_extension_whatever_it_was_uploaded_as(
    client_for, lead_officer
):
    document = DocumentFactory(arrangement__lead_officer=lead_officer, original_name="evil.html")
    response = download(client_for(lead_officer), document)
    assert response["Content-Disposition"] == 'attachment; filename="evil.html.pdf"'


@pytest.mark.parametrize(
    ("uploaded", "kept"),
    [
        ("agreement.pdf", "agreement.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\jo\\Desktop\\agreement.pdf", "agreement.pdf"),
        ("agree\r\nment\x00.pdf", "agreement.pdf"),
        ("\u202eevil\u202c.pdf", "evil.pdf"),  # no right-to-left override to disguise it
        ("", "document"),
        ("..", "document"),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_the_uploaded_name_is_kept_without_paths_or_control_characters(uploaded, kept):
    assert clean_file_name(uploaded) == kept


@pytest.mark.parametrize(
    ("name", "content_type", "downloaded"),
    [
        ("agreement.pdf", "application/pdf", "agreement.pdf"),
        ("AGREEMENT.PDF", "application/pdf", "AGREEMENT.PDF"),
        ("scan.jpeg", "image/jpeg", "scan.jpeg"),
        (".htaccess", "image/png", ".htaccess.png"),
        ("agreement", DOCX, "agreement.docx"),
        ("budget.xlsx.html", "application/pdf", "budget.xlsx.html.pdf"),
    ],
)
def test_a_download_ends_with_an_extension_of_its_detected_type(name, content_type, downloaded):
    assert download_name(name, content_type) == downloaded


def test_a_file_changed_on_disk_is_refused_with_a_clear_page_and_logged(
    client_for, lead_officer, security_events
):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)
    Path(document.file.path).write_bytes(PDF_BYTES.replace(b"Catalog", b"Catalox"))
    response = download(client_for(lead_officer), document)
    assert response.status_code == 409
    page = response.content.decode()
    assert "This document cannot be downloaded" in page
    assert "its SHA-256 checksum no longer matches" in page
    assert document.checksum in page
    assert b"Catalox" not in response.content
    [event] = [e for e in security_events if e["event"] == "document.checksum_mismatch"]
    assert event["user"] == lead_officer.username
    assert event["record"] == document.arrangement.reference
    assert event["document"] == document.pk
    assert not any(e["event"] == "document.download" for e in security_events)


def test_a_missing_file_is_refused_with_a_clear_page_and_logged(
    client_for, lead_officer, security_events
):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)
    default_storage.delete(document.file.name)
    response = download(client_for(lead_officer), document)
    assert response.status_code == 409
    assert "The file of this document is missing" in response.content.decode()
    assert [e["event"] for e in security_events if e["event"].startswith("document.")] == [
        "document.missing"
    ]


def test_a_document_without_a_checksum_is_never_sent(client_for, lead_officer):
    document = DocumentFactory(arrangement__lead_officer=lead_officer, checksum="")
    assert download(client_for(lead_officer), document).status_code == 409


def test_removing_a_document_deletes_its_file_once_committed_and_history_keeps_it(
    client_for, lead_officer, django_capture_on_commit_callbacks
):
    client = client_for(lead_officer)
    upload(client, ArrangementFactory(lead_officer=lead_officer), "agreement.pdf", PDF_BYTES)
    document = Document.objects.get()
    arrangement = document.arrangement
    stored = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("register:part-remove", args=[arrangement.reference, "documents", document.pk])
        )
    assert response.status_code == 302
    assert not stored.exists()
    assert not Document.objects.exists()
    removed = Document.history.get(id=document.pk, history_type="-")
    assert (removed.original_name, removed.size, removed.content_type, removed.checksum) == (
        "agreement.pdf",
        len(PDF_BYTES),
        "application/pdf",
        hashlib.sha256(PDF_BYTES).hexdigest(),
    )
    assert removed.history_user == lead_officer
    history = client.get(reverse("register:history", args=[arrangement.reference]))
    page = history.content.decode()
    assert "removed document ‘Partnership agreement’" in page
    assert removed.checksum in page
    assert "agreement.pdf" in page


def test_a_removal_rolled_back_keeps_the_file(lead_officer, django_capture_on_commit_callbacks):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                services.remove_part(
                    part=document, arrangement=document.arrangement, user=lead_officer
                )
                raise RuntimeError("something after the removal failed")
        except RuntimeError:
            pass
    assert Path(document.file.path).exists()
    assert Document.objects.filter(title=document.title).exists()
    assert callbacks == []  # the deletion was never queued for a commit


def test_removing_a_document_in_admin_deletes_its_file_too(
    administrator_client, django_capture_on_commit_callbacks
):
    document = DocumentFactory()
    stored = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator_client.post(
            reverse("admin:register_document_delete", args=[document.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not stored.exists()
    removed = Document.history.get(id=document.pk, history_type="-")
    assert removed.history_user == administrator_client.user
    assert removed.history_change_reason == "Removed in admin"


def test_uploads_downloads_and_removals_are_security_events(
    client_for, lead_officer, security_events, django_capture_on_commit_callbacks
):
    client = client_for(lead_officer)
    arrangement = ArrangementFactory(lead_officer=lead_officer)
    upload(client, arrangement, "agreement.pdf", PDF_BYTES)
    document = Document.objects.get()
    download(client, document)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("register:part-remove", args=[arrangement.reference, "documents", document.pk])
        )
    events = [e for e in security_events if e["event"].startswith("document.")]
    assert [e["event"] for e in events] == [
        "document.uploaded",
        "document.download",
        "document.removed",
    ]
    for event in events:
        assert event["user"] == lead_officer.username
        assert event["record"] == arrangement.reference
        assert event["address"] == "127.0.0.1"
        assert event["file_name"] == "agreement.pdf"
        assert event["checksum"] == hashlib.sha256(PDF_BYTES).hexdigest()


def test_a_document_of_an_arrangement_nobody_may_see_is_not_checked_or_logged(
    client_for, lead_officer, security_events
):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)  # a draft
    response = download(client_for(Role.LEAD_OFFICER), document)
    assert response.status_code == 404
    assert not [e for e in security_events if e["event"].startswith("document.")]


BEFORE_CHECKSUMS = ("register", "0011_risk_scale_words")
CHECKSUMS = ("register", "0012_document_checksum")


def latest_register_migration():
    graph = MigrationExecutor(connection).loader.graph
    return next(node for node in graph.leaf_nodes() if node[0] == "register")


@pytest.mark.django_db(transaction=True)
def test_documents_uploaded_before_are_checksummed_and_renamed_by_the_migration():
    arrangement = ArrangementFactory()
    try:
        old_apps = migrate_to(BEFORE_CHECKSUMS)
        OldDocument = old_apps.get_model("register", "Document")
        folder = f"documents/{arrangement.reference}"
        kept = default_storage.save(f"{folder}/evil.html", io.BytesIO(PDF_BYTES))
        gone = f"{folder}/lost.pdf"  # its file was lost before the migration
        common = {
            "arrangement_id": arrangement.pk,
            "kind": "agreement",
            "content_type": "application/pdf",
            "size": len(PDF_BYTES),
        }
        document = OldDocument.objects.create(title="Kept", file=kept, **common)
        OldDocument.objects.create(title="Lost", file=gone, **common)
        old_apps.get_model("register", "HistoricalDocument").objects.create(
            id=document.pk,
            title="Kept",
            file=kept,
            history_date=timezone.now(),
            history_type="+",
            created_at=document.created_at,
            updated_at=document.updated_at,
            **common,
        )
        migrate_to(CHECKSUMS)
    finally:
        migrate_to(latest_register_migration())

    renamed = Document.objects.get(title="Kept")
    assert re.fullmatch(rf"{folder}/[0-9a-f]{{32}}\.pdf", renamed.file.name)
    assert renamed.original_name == "evil.html"
    assert renamed.checksum == hashlib.sha256(PDF_BYTES).hexdigest()
    assert default_storage.open(renamed.file.name).read() == PDF_BYTES
    assert not default_storage.exists(kept)  # the old copy went once the migration committed
    lost = Document.objects.get(title="Lost")
    assert (lost.original_name, lost.checksum, lost.file.name) == ("lost.pdf", "", gone)
    # Its history, added before the migration, names the file as it was uploaded too.
    assert Document.history.get(id=renamed.pk).original_name == "evil.html"
