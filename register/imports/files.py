"""Reading an uploaded register: judged by its content, limited before it is read.

XLSX and ODS are zips: their directory says how large they unpack, so a file that would
unpack past settings.IMPORT_MAX_UNPACKED_BYTES is refused before anything is extracted.
python-calamine (Rust) reads their cells, so no Python XML parser sees a worksheet; the
one XML part the portal parses itself, [Content_Types].xml, goes through defusedxml.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from python_calamine import CalamineError, load_workbook

XLSX, ODS, CSV = "xlsx", "ods", "csv"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
NOT_A_SPREADSHEET = "The file is not a spreadsheet: upload an XLSX, ODS or CSV file"
# How far down a title and notes may push the row of headings.
HEADER_SEARCH_ROWS = 30


class FileRefused(Exception):
    """The file cannot be imported at all; the message says why, in words."""


def too_large_message() -> str:
    return f"The file must be smaller than {filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES)}"


def judge(file) -> str:
    """XLSX, ODS or CSV, from what the file holds (never its name); FileRefused otherwise."""
    file.seek(0)
    if zipfile.is_zipfile(file):
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            kind = _zip_kind(archive)
        file.seek(0)
        return kind
    file.seek(0)
    decode(file.read())
    file.seek(0)
    return CSV


def _zip_kind(archive) -> str:
    members = archive.infolist()
    if sum(member.file_size for member in members) > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise FileRefused(
            "The spreadsheet would unpack to more than "
            f"{filesizeformat(settings.IMPORT_MAX_UNPACKED_BYTES)}: save it again without "
            "pictures or other sheets, or split it into smaller files"
        )
    sizes = {member.filename: member.file_size for member in members}
    if sizes.get("mimetype", 1024) < 1024 and archive.read("mimetype").strip() == ODS_MIMETYPE:
        return ODS
    if sizes.get("[Content_Types].xml", 1 << 20) < 1 << 20:
        try:
            types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
        except ElementTree.ParseError:
            raise FileRefused(NOT_A_SPREADSHEET) from None
        if any(element.get("ContentType") == WORKBOOK_TYPE for element in types.iter()):
            return XLSX
    raise FileRefused(NOT_A_SPREADSHEET)


def decode(content: bytes) -> str:
    """UTF-8 (with or without a byte order mark), else Windows-1252 as Excel saves CSV in
    the UK; a file with NUL bytes is binary, not text."""
    if b"\x00" in content:
        raise FileRefused(NOT_A_SPREADSHEET)
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise FileRefused(NOT_A_SPREADSHEET) from None


@dataclass
class Table:
    """The rows of the file's first sheet, numbered as the spreadsheet numbers them."""

    rows: list[tuple[int, list]]
    merged_rows: set[int] = field(default_factory=set)  # rows a merged title spans


def read_table(file, kind: str) -> Table:
    """Every row, up to the most a file may hold (with room for a title and headings)."""
    limit = settings.IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 1
    file.seek(0)
    if kind == CSV:
        return Table(_csv_rows(file.read(), limit))
    try:
        sheet = load_workbook(file).get_sheet_by_index(0)
        rows = []
        # calamine gives the sheet from its first row, so row numbers are the spreadsheet's.
        for number, row in enumerate(sheet.iter_rows(), start=1):
            if len(rows) >= limit:
                break
            rows.append((number, list(row)))
        merged = set()
        for (first_row, first_col), (last_row, last_col) in sheet.merged_cell_ranges or ():
            if last_col > first_col:
                merged.update(range(first_row + 1, last_row + 2))
    except CalamineError as error:
        raise FileRefused(f"The spreadsheet could not be read ({error})") from error
    return Table(rows, merged)


def _csv_rows(content: bytes, limit: int) -> list[tuple[int, list]]:
    text = decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    # Numbered by record: a cell with line breaks in it is still one row of the spreadsheet.
    for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        if len(rows) >= limit:
            break
        rows.append((number, row))
    return rows
