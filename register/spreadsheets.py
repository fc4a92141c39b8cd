"""CSV and XLSX downloads of rows of plain values: the published register's open data and
the staff's export of the register list.

A cell that starts with = + - @ (or a tab or carriage return) would be run as a formula by
a spreadsheet that opens the file, so it gets a leading apostrophe, which spreadsheets show
as text (OWASP's advice on CSV injection). Numbers, dates and booleans are never touched.
"""

import csv
import io
import itertools

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralised(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised_rows(rows):
    for row in rows:
        yield [neutralised(value) for value in row]


def _csv_chunks(rows, size=500):
    """CSV text, `size` rows at a time: one write per chunk, not per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for chunk in itertools.batched(rows, size):
        writer.writerows(chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_response(rows, *, filename: str, headers=None, attachment=False) -> StreamingHttpResponse:
    """UTF-8 CSV of rows already neutralised (`neutralised_rows`), streamed as written; a
    download to save (`attachment`) or, for open data, a file a browser may show."""
    response = StreamingHttpResponse(
        _csv_chunks(rows), content_type="text/csv; charset=utf-8", headers=headers
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=attachment, filename=filename
    )
    return response


def xlsx_bytes(rows, *, sheet: str, notes: tuple[str, ...] = ()) -> bytes:
    """A workbook of one sheet of rows (header first, in bold), and a sheet of notes."""
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    table = workbook.create_sheet(sheet[:31])
    for number, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(table, value=neutralised(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even where it looks like a formula or number
            if number == 0:
                cell.font = Font(bold=True)
            cells.append(cell)
        table.append(cells)
    if notes:
        about = workbook.create_sheet("About")
        for note in notes:
            about.append([note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response
