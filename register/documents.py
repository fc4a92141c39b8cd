"""Uploaded documents kept safely (issue 15, point 4).

A document's type is judged by its content, never by its name. The file is stored under a
random name with the extension of that type, in a folder per arrangement under
MEDIA_ROOT (private: never served as static or media files), with a SHA-256 checksum taken
on upload and checked again before every download. The name it was uploaded with is kept
as data: shown on the arrangement page and given to the download (with the type's
extension if it had another). A removed document's file is deleted once the removal has
committed; its history row keeps the name, size, type and checksum, and who removed it.
"""

import hashlib
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

import filetype


@dataclass(frozen=True)
class DocumentType:
    label: str
    extension: str  # what the stored file, and a download named otherwise, ends with
    also: tuple[str, ...] = ()  # other extensions a download may keep (".jpeg")


# The types accepted, by the MIME type the content is detected as.
DOCUMENT_TYPES = {
    "application/pdf": DocumentType("PDF", "pdf"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DocumentType(
        "Word", "docx"
    ),
    "application/vnd.ms-excel": DocumentType("Excel", "xls"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": DocumentType(
        "Excel", "xlsx"
    ),
    "application/vnd.oasis.opendocument.text": DocumentType("OpenDocument text", "odt"),
    "application/vnd.oasis.opendocument.spreadsheet": DocumentType(
        "OpenDocument spreadsheet", "ods"
    ),
    # A signed agreement is often a scan or a photograph of the signed page.
    "image/png": DocumentType("PNG image", "png"),
    "image/jpeg": DocumentType("JPEG image", "jpg", also=("jpeg",)),
}
ACCEPTED_WORDS = "a PDF, Word, Excel or OpenDocument file, or a PNG or JPEG image"
CHUNK = 64 * 1024
# Kept in memory while checked before a download, then in a temporary file.
SPOOL_BYTES = 2 * 1024 * 1024


class DocumentUnavailable(Exception):
    """The stored file is missing, or no longer what was uploaded: it is not sent."""

    def __init__(self, message: str, *, event: str):
        super().__init__(message)
        self.event = event  # the security event it is logged as


def detected_type(file) -> str | None:
    """The MIME type of an accepted document judged from its first bytes, or None."""
    file.seek(0)
    detected = filetype.guess(file.read(8192))
    file.seek(0)
    if detected is None or detected.mime not in DOCUMENT_TYPES:
        return None
    return detected.mime


def checksum_of(file) -> str:
    """The SHA-256 of a file's whole content (hex), read in chunks; left at its start."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(CHUNK), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def clean_file_name(name: str) -> str:
    """The uploaded name as data: its last path part, without control characters, at most
    200 characters (its extension kept)."""
    name = PureWindowsPath(PurePosixPath(name or "").name).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    if name in (".", ".."):
        name = ""
    if len(name) > 200:
        suffix = PurePosixPath(name).suffix
        suffix = suffix if len(suffix) <= 20 else ""
        name = name[: len(name) - len(suffix)][: 200 - len(suffix)] + suffix
    return name or "document"


def stored_name(reference: str, content_type: str) -> str:
    """Where a new upload is kept under MEDIA_ROOT: the arrangement's folder, a random
    name, the extension of its detected type."""
    extension = DOCUMENT_TYPES[content_type].extension if content_type in DOCUMENT_TYPES else "bin"
    return f"documents/{reference}/{secrets.token_hex(16)}.{extension}"


def download_name(original_name: str, content_type: str) -> str:
    """The name a download is saved under: the uploaded name, with the detected type's
    extension when it ended otherwise (`evil.html` holding a PDF downloads as
    `evil.html.pdf`, never as a web page)."""
    name = original_name or "document"
    kind = DOCUMENT_TYPES.get(content_type)
    if kind is None:
        return name
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    if suffix in (kind.extension, *kind.also):
        return name
    return f"{name}.{kind.extension}"


def verified_copy(document):
    """The stored file, read once, checked against the checksum taken on upload, and
    returned as an open temporary copy (what is sent is what was checked). Raises
    DocumentUnavailable when the file is missing or its checksum differs."""
    copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    digest = hashlib.sha256()
    try:
        with document.file.open("rb") as stored:
            for chunk in iter(lambda: stored.read(CHUNK), b""):
                digest.update(chunk)
                copy.write(chunk)
    except FileNotFoundError:
        copy.close()
        raise DocumentUnavailable(
            "The file of this document is missing from the portal's storage.",
            event="document.missing",
        ) from None
    if not document.checksum or digest.hexdigest() != document.checksum:
        copy.close()
        raise DocumentUnavailable(
            "The file stored for this document is not the file that was uploaded: its "
            "SHA-256 checksum no longer matches the one taken on upload.",
            event="document.checksum_mismatch",
        )
    copy.seek(0)
    return copy


def delete_files(stored: list[tuple]) -> None:
    """Delete (storage, name) pairs; a file already gone is not an error."""
    for storage, name in stored:
        if name:
            storage.delete(name)
