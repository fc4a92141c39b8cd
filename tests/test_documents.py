"""Uploads are judged by their content, limited in size, and served only to those allowed."""

import io
import zipfile

import pytest
from django.urls import reverse

from register.models import Document
from register.roles import Role
from tests.document_helpers import upload
from tests.factories import PDF_BYTES, ArrangementFactory, DocumentFactory


def office_file(mimetype: str, main_part: str) -> bytes:
    """A minimal OOXML / OpenDocument zip, enough for content sniffing."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype.startswith("application/vnd.oasis"):
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<xml/>")
    return buffer.getvalue()


ACCEPTED = [
    ("agreement.pdf", PDF_BYTES, "application/pdf"),
    (
        "agreement.docx",
        office_file("docx", "word/document.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "budget.xlsx",
        office_file("xlsx", "xl/workbook.xml"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "agreement.odt",
        office_file("application/vnd.oasis.opendocument.text", "content.xml"),
        "application/vnd.oasis.opendocument.text",
    ),
    # A signed agreement scanned or photographed.
    ("signed page.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png"),
    ("signed page.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg"),
]
REFUSED = [
    ("script pretending to be a PDF", "agreement.pdf", b"#!/bin/sh\nrm -rf /\n"),
    ("web page named as Word", "agreement.docx", b"<html><script>alert(1)</script></html>"),
    ("web page named as a PDF", "evil.pdf", b"<!DOCTYPE html><script>alert(1)</script>"),
    ("web page", "evil.html", b"<html><body onload=alert(1)></body></html>"),
    ("SVG image (it can hold script)", "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ("GIF image", "photo.pdf", b"GIF89a" + b"\x00" * 100),
    ("plain text", "notes.txt", b"Some notes"),
]


@pytest.fixture
def draft(lead_officer):
    return ArrangementFactory(lead_officer=lead_officer)


@pytest.mark.parametrize(("name", "content", "content_type"), ACCEPTED)
def test_pdf_word_excel_opendocument_and_image_files_are_accepted(
    lead_officer_client, draft, name, content, content_type
):
    response = upload(lead_officer_client, draft, name, content)
    assert response.status_code == 302
    document = Document.objects.get(arrangement=draft)
    assert document.content_type == content_type
    assert document.size == len(content)
    assert document.uploaded_by == lead_officer_client.user


@pytest.mark.parametrize(("case", "name", "content"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_file_of_another_type_is_refused_whatever_its_name(
    lead_officer_client, draft, case, name, content
):
    response = upload(lead_officer_client, draft, name, content)
    assert response.status_code == 400
    message = (
        "The selected file must be a PDF, Word, Excel or OpenDocument file, or a PNG or JPEG image"
    )
    assert response.content.decode().count(message) >= 2
    assert not Document.objects.exists()


def test_a_file_over_the_size_limit_is_refused(lead_officer_client, draft, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    response = upload(lead_officer_client, draft, "big.pdf", PDF_BYTES + b"0" * 1024)
    assert response.status_code == 400
    assert (
        "The selected file must be smaller than 1.0\xa0KB"
        in response.context["form"].errors["file"]
    )
    assert not Document.objects.exists()


def test_an_empty_upload_is_refused(lead_officer_client, draft):
    response = upload(lead_officer_client, draft, "empty.pdf", b"")
    assert response.status_code == 400
    assert not Document.objects.exists()


def test_no_file_at_all_is_refused(lead_officer_client, draft):
    response = lead_officer_client.post(
        reverse("register:part-add", args=[draft.reference, "documents"]),
        {"kind": "agreement", "title": "Agreement"},
    )
    assert "Select a file to upload" in response.context["form"].errors["file"]


def test_document_downloads_for_someone_who_can_see_the_arrangement(client_for, lead_officer):
    document = DocumentFactory(arrangement__lead_officer=lead_officer, arrangement__status="active")
    url = reverse("register:document-download", args=[document.arrangement.reference, document.pk])
    response = client_for(Role.INTERNAL_AUDIT).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment")


def test_document_of_another_officers_draft_cannot_be_downloaded(client_for, lead_officer):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)
    url = reverse("register:document-download", args=[document.arrangement.reference, document.pk])
    assert client_for(Role.LEAD_OFFICER).get(url).status_code == 404


def test_document_is_not_found_through_another_arrangement(lead_officer_client, lead_officer):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)
    other = ArrangementFactory(lead_officer=lead_officer)
    url = reverse("register:document-download", args=[other.reference, document.pk])
    assert lead_officer_client.get(url).status_code == 404


def test_uploaded_files_are_not_served_as_public_media(lead_officer_client, lead_officer):
    document = DocumentFactory(arrangement__lead_officer=lead_officer)
    assert lead_officer_client.get(f"/media/{document.file.name}").status_code == 404
