"""Spreadsheets made in the tests, as councils keep them: CSV, XLSX and ODS."""

import csv
import io
import zipfile
from xml.sax.saxutils import escape

import openpyxl

HEADINGS = ["Name of Partnership", "Lead organisation", "Date created", "Statutory Status"]


def csv_file(rows, *, encoding="utf-8", delimiter=",", name="register.csv") -> io.BytesIO:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    file = io.BytesIO(text.getvalue().encode(encoding))
    file.name = name
    return file


def xlsx_file(rows, *, merged=(), name="register.xlsx") -> io.BytesIO:
    """Rows as a workbook; `merged` ranges such as "A1:D1" are merged cells (titles)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    file = io.BytesIO()
    workbook.save(file)
    file.seek(0)
    file.name = name
    return file


def ods_file(rows, *, name="register.ods") -> io.BytesIO:
    """The smallest OpenDocument spreadsheet LibreOffice would open: text cells only."""
    table = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(cell))}</text:p>'
            "</table:table-cell>"
            for cell in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Register">{table}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    file.seek(0)
    file.name = name
    return file
