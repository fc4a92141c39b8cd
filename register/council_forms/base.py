"""One definition per council template drives its web form, validation, completeness and PDF.

A definition is data: sections of questions, facts the arrangement already holds (shown,
never asked again), tables with totals the portal computes (their rows fixed, or taken from
the register for the arrangement and occasion), lists of short answers, and the signatures
that come from the approval record.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from django.db.models import TextChoices

from register.roles import Role


class Kind(TextChoices):
    TEXT = "text", "Short answer"
    LONG_TEXT = "long_text", "Long answer"
    YES_NO = "yes_no", "Yes or no"
    MONEY = "money", "Pounds"
    NUMBER = "number", "Number"
    CHOICE = "choice", "One of a list"


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: Kind = Kind.LONG_TEXT
    hint: str = ""
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    max_length: int = 5000
    # For a question answered with a person's name: the role that replaces the name when
    # the arrangement's records are disposed of after retention (B "Data retention").
    names_role: str = ""
    # (another question's key, its answers that ask this one): "If 'No' please provide
    # details" is required only when the answer is No.
    when: tuple = ()
    decimal_places: int | None = None  # a number kept in the register, to its precision

    def asked(self, answers: dict) -> bool:
        if not self.when:
            return True
        key, values = self.when
        return answers.get(key) in values


def q(key, label, hint="", kind=Kind.LONG_TEXT, **kwargs) -> Question:
    """A question in a few words: most of the templates' questions are long answers."""
    return Question(key, label, kind, hint, **kwargs)


@dataclass(frozen=True)
class Fact:
    """Something the arrangement already holds; the form shows it and links to its page."""

    label: str
    value: object  # a function of the arrangement, returning words


@dataclass(frozen=True)
class Row:
    """A row of a table. Rows from the register are keyed by their object's pk, so each
    answer stays with its objective or measure when another is added or removed."""

    key: str
    label: str
    # Column key -> what the register already holds for that cell: shown, not asked again.
    given: dict = field(default_factory=dict, compare=False)
    # Column key -> the register's value an empty answer starts from.
    initial: dict = field(default_factory=dict, compare=False)
    subject: object = field(default=None, compare=False)  # the register's object


@dataclass(frozen=True)
class Table:
    """Rows by columns of answers; money columns may be totalled by the portal.

    `rows_from(arrangement, occasion)` takes the rows from the register instead of the fixed
    `rows`; printed blank, such a table has `blank_rows` empty rows to write in. A column
    label's "{year}" is the financial year the occasion reports on. `on_submit(table,
    arrangement, occasion, answers)` also records the answers in the register when the form
    is submitted (in the same transaction)."""

    key: str
    label: str
    rows: tuple = ()  # labels, or Rows
    columns: tuple[Question, ...] = ()
    totals: bool = False  # add a row of column totals (money and number columns)
    required: bool = True
    rows_from: Callable | None = None
    blank_rows: int = 5
    row_heading: str = ""  # the heading over the rows' labels
    empty: str = ""  # said when the register gives no rows
    on_submit: Callable | None = None

    def row_list(self) -> list[Row]:
        return [r if isinstance(r, Row) else Row(str(n), r) for n, r in enumerate(self.rows)]

    def cell(self, row, column: Question) -> str:
        return f"{self.key}__{row.key if isinstance(row, Row) else row}__{column.key}"

    def cells(self):
        """(row, column, field name, question as asked) for each cell asked, row by row."""
        for row in self.row_list():
            for column in self.columns:
                if column.key not in row.given:
                    asked = replace(
                        column,
                        label=f"{self.label}: {row.label}, {column.label}",
                        required=column.required and self.required,
                    )
                    yield row, column, self.cell(row, column), asked


@dataclass(frozen=True)
class ListOf:
    """Numbered short answers, one a row ("Recommendations for the coming year: 1. 2. 3."):
    the first `required` must be given, the others may stay blank."""

    key: str
    label: str  # of each row, numbered
    rows: int = 5
    required: int = 0
    hint: str = ""

    def questions(self):
        for n in range(1, self.rows + 1):
            name = f"{self.key}__{n}"
            yield (
                name,
                Question(
                    name,
                    f"{self.label} {n}",
                    Kind.TEXT,
                    self.hint if n == 1 else "",
                    required=n <= self.required,
                    max_length=1000,
                ),
            )


def entries(answers: dict, key: str) -> list[tuple[int, str]]:
    """A list's answers given, as (row number, words), blanks left out."""
    rows = []
    for name, value in (answers or {}).items():
        head, _, n = name.rpartition("__")
        if head == key and n.isdigit() and not _blank(value):
            rows.append((int(n), value.strip()))
    return sorted(rows)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple
    intro: str = ""

    def questions(self):
        for item in self.items:
            if isinstance(item, Question):
                yield item.key, item
            elif isinstance(item, Table):
                for _row, _column, name, question in item.cells():
                    yield name, question
            elif isinstance(item, ListOf):
                yield from item.questions()


@dataclass(frozen=True)
class Signature:
    """A line of the template's endorsement, filled from the approval record."""

    role: Role
    title: str


def financial_year(occasion) -> int | None:
    """The financial year (by the year it starts) a review reports on: a review of YYYY is
    held in the spring (G 6.6) on the year ending 31 March YYYY, so review-2027 reports on
    2026/27. None for an approval or a cessation."""
    return occasion.year - 1 if occasion is not None and occasion.year else None


def financial_year_label(start: int | None) -> str:
    """2026/27; "20__/__" to fill by hand."""
    return "20__/__" if start is None else f"{start}/{(start + 1) % 100:02d}"


@dataclass(frozen=True)
class CouncilForm:
    key: str  # the policy's FormTemplate key
    title: str
    council: str
    source: str  # where in the council's document the template is
    sections: tuple[Section, ...]
    signatures: tuple[Signature, ...] = field(default=())

    def for_occasion(self, arrangement, occasion) -> "CouncilForm":
        """The definition with its tables' rows taken from the register for the arrangement
        and occasion; with no arrangement (the blank form) empty rows to write in."""
        year = financial_year_label(financial_year(occasion) if arrangement else None)

        def resolved(item):
            if not (isinstance(item, Table) and item.rows_from):
                return item
            rows = (
                item.rows_from(arrangement, occasion)
                if arrangement is not None
                else tuple(Row(str(n), "") for n in range(1, item.blank_rows + 1))
            )
            columns = tuple(replace(c, label=c.label.replace("{year}", year)) for c in item.columns)
            return replace(item, rows=tuple(rows), columns=columns, rows_from=None)

        return replace(
            self,
            sections=tuple(
                replace(s, items=tuple(resolved(i) for i in s.items)) for s in self.sections
            ),
        )

    def tables(self):
        return (i for s in self.sections for i in s.items if isinstance(i, Table))

    def fields(self):
        """(field name, question) for every answer the form asks."""
        for section in self.sections:
            yield from section.questions()

    def initial(self, answers: dict) -> dict:
        """The answers saved, else the register's values the rows start from."""
        start = {
            table.cell(row, column): value
            for table in self.tables()
            for row in table.row_list()
            for column in table.columns
            if (value := row.initial.get(column.key)) is not None
        }
        return {**start, **(answers or {})}

    def example_answers(self) -> dict:
        """An answer to every question, each valid for its kind: the demo's forms (and the
        tests'), so the demo's arrangements in approval have their forms submitted."""
        return {
            name: question.choices[0][0]
            if question.kind == Kind.CHOICE
            else EXAMPLE_ANSWERS[question.kind]
            for name, question in self.fields()
        }

    def missing(self, answers: dict) -> dict[str, list[str]]:
        """Required answers not yet given, by section key (a conditional question only when
        the answer it depends on asks it)."""
        return {
            section.key: [
                name
                for name, question in section.questions()
                if question.required and question.asked(answers) and _blank(answers.get(name))
            ]
            for section in self.sections
        }

    def table_totals(self, table: Table, answers: dict) -> dict[str, Decimal]:
        """Each money or number column's total, computed from the answers given."""
        totals = {}
        for column in table.columns:
            if column.kind not in (Kind.MONEY, Kind.NUMBER):
                continue
            total = Decimal("0")
            for row in table.row_list():
                try:
                    total += Decimal(str(answers.get(table.cell(row, column)) or 0))
                except InvalidOperation:
                    continue
            totals[column.key] = total
        return totals


EXAMPLE_ANSWERS = {
    Kind.TEXT: "Agreed",
    Kind.LONG_TEXT: "Set out in the partnership agreement",
    Kind.YES_NO: True,
    Kind.MONEY: "1000",
    Kind.NUMBER: "1",
}


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
