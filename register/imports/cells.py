"""The cells councils write, read into what the web form receives. Only the reading is
here; whether a value is allowed is the form's to say (register/imports/checking.py).

A spreadsheet gives a cell as text, a number (an Excel date is a number of days, a year
is a number too), a date or a boolean; a CSV gives text only. Both are read the same way.
"""

import datetime
import re
from decimal import Decimal

from register.formatting import long_date, yes_no
from register.spreadsheets import FORMULA_STARTS


class CellError(ValueError):
    """The cell cannot be read as what its column holds; the message says how to write it."""


EXCEL_EPOCH = datetime.date(1899, 12, 30)  # day 0 of Excel's serial dates (1900 system)
YEARS = range(1900, 2101)
# Serial numbers of 1 January 1900 to 31 December 2100: anything else is not a date.
SERIALS = range(2, 73051)
DATE_FORMATS = (
    "%d %B %Y",  # 1 April 2021
    "%d %b %Y",  # 1 Apr 2021
    "%d/%m/%Y",  # 01/04/2021
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y-%m-%d",  # 2021-04-01
    "%Y-%m-%d %H:%M:%S",
)
YES = {"yes", "y", "true", "statutory"}
NO = {"no", "n", "false", "non-statutory", "non statutory", "not statutory"}
STATUTORY_BECAUSE = re.compile(r"^statutory\s*[(\[](?P<basis>.+)[)\]]$", re.IGNORECASE)

DATE_MESSAGE = "Enter a date like 1 April 2021 or 01/04/2021"
DATE_OR_YEAR_MESSAGE = "Enter a date like 1 April 2021 or 01/04/2021, or the year, like 2012"
YES_NO_MESSAGE = "Enter Yes or No (or Statutory or Non-statutory)"


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    """A cell as text: whole numbers without ".0", line breaks kept as typed."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return long_date(value)
    words = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    # The register's own downloads put an apostrophe before what a spreadsheet would run
    # as a formula (register/spreadsheets.py): the text is what follows it.
    if words.startswith("'") and words[1:].startswith(FORMULA_STARTS):
        return words[1:]
    return words


def day_or_year(value, *, year_allowed: bool) -> tuple[datetime.date | None, int | None]:
    """(the date, None) or (None, the year) a cell gives; (None, None) when it is blank."""
    if is_blank(value):
        return None, None
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    if isinstance(value, str):
        words = " ".join(value.split())
        for pattern in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(words, pattern).date(), None
            except ValueError:
                continue
        try:
            value = Decimal(words)
        except ArithmeticError:
            raise CellError(DATE_OR_YEAR_MESSAGE if year_allowed else DATE_MESSAGE) from None
    if isinstance(value, (int, float, Decimal)) and value == int(value):
        whole = int(value)
        if whole in YEARS:
            if not year_allowed:
                raise CellError("Enter the whole date, like 1 April 2021, not only the year")
            return None, whole
        if whole in SERIALS:
            return EXCEL_EPOCH + datetime.timedelta(days=whole), None
    raise CellError(DATE_OR_YEAR_MESSAGE if year_allowed else DATE_MESSAGE)


def yes_or_no(value) -> tuple[bool | None, str]:
    """(the answer, the Act it is statutory under, if the cell names one)."""
    if is_blank(value):
        return None, ""
    if isinstance(value, bool):
        return value, ""
    words = " ".join(text(value).split())
    if words.lower() in YES:
        return True, ""
    if words.lower() in NO:
        return False, ""
    if because := STATUTORY_BECAUSE.match(words):
        return True, because["basis"].strip()
    raise CellError(YES_NO_MESSAGE)


def amount(value) -> str:
    """Money as the form receives it: typed text as it is ("£1,234.50"), numbers exactly."""
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return text(value)


def choice(value, choices) -> str:
    """The key of the choice the cell names, by its label or its key, in any case."""
    words = " ".join(text(value).split()).lower()
    if not words:
        return ""
    for key, label in choices:
        if words in (str(key).lower(), str(label).lower()):
            return key
    labels = ", ".join(str(label) for _, label in choices)
    raise CellError(f"Enter one of: {labels}")
