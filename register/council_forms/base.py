"""One definition per council template drives its web form, validation, completeness and PDF.

A definition is data: sections of questions, facts the arrangement already holds (shown,
never asked again), groups of rows under one heading (the template's bullets), tables of
what the register holds in the template's rows (partners by sector), tick boxes the
register decides (the category), tables with totals the portal computes (their rows fixed,
or taken from the register for the arrangement and occasion), lists of short answers, and
the endorsement: the template's recommendation, and the signatures that come from the
approval record.
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
    paper: str = ""  # what the blank form prints to fill in by hand ("FTE   £")
    dated: bool = False  # "... and date": the PDF adds the date the form was submitted

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
    hint: str = ""  # the template's guidance, printed on the blank form
    paper: str = ""  # what the blank form prints to fill in by hand: "Yes / No", "£"


@dataclass(frozen=True)
class Group:
    """Rows under one heading of the template, each a bullet of it ("Overall resources
    available to the partnership: • Overall partnership budget £ ...")."""

    label: str
    items: tuple  # Facts and Questions
    hint: str = ""


@dataclass(frozen=True)
class FactTable:
    """What the register holds, in the template's own rows: `entries(arrangement)` gives
    {row label: [cells, ...]}, a line of cells for each entry (each partner of a sector).
    Read-only: changed on the arrangement. Printed blank, each row has empty cells to write
    in."""

    key: str
    label: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    entries: Callable
    row_heading: str = ""
    hint: str = ""  # on the web only: where the register's entries are changed
    none: str = "None"  # the first cell of a row with no entries


@dataclass(frozen=True)
class FactRows:
    """The register's entries as a table of the template, a row each (the council's
    representatives: Name | Date started | Date finished): `entries(arrangement)` gives
    [[cell, ...], ...]. Read-only: changed on the arrangement (its section `change`). Printed
    blank, `blank_rows` empty rows to write in."""

    key: str
    label: str
    columns: tuple[str, ...]
    entries: Callable
    blank_rows: int = 3
    none: str = "None recorded"
    hint: str = ""  # on the web only: where the register's entries are changed
    change: str = ""  # the id of the arrangement page's section that changes them


@dataclass(frozen=True)
class Box:
    key: str  # the policy's category key
    label: str
    means: str  # what follows from it: the route the template gives


@dataclass(frozen=True)
class Boxes:
    """Tick boxes the register decides, such as the template's Significant / Other
    partnership: `chosen(arrangement)` is the key of the box ticked ("" for none). Printed
    blank, none is ticked."""

    key: str
    label: str
    boxes: tuple[Box, ...]
    chosen: Callable
    note: str = ""  # the template's footnote


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
    total_label: str = "Total"
    required: bool = True
    required_rows: int | None = None  # only the first so many rows must be answered
    rows_from: Callable | None = None
    blank_rows: int = 5
    row_heading: str = ""  # the heading over the rows' labels
    empty: str = ""  # said when the register gives no rows
    on_submit: Callable | None = None
    # For fixed rows: `initial_from(arrangement)` -> {row key: {column key: value}}, what
    # the register holds that an empty answer starts from (the governance in place).
    initial_from: Callable | None = None
    # On the web, each row a question of its own (the row's label its legend, a Yes / No
    # with a conditional reveal) instead of a grid of inputs; a grid in the PDF either way.
    rows_as_questions: bool = False
    # In the PDF, each choice column spread over a column per choice, the chosen one ticked
    # (the template's grid of scores: "1 Not in place" ... "4 Standard met").
    spread: bool = False
    # A cell's field name from the table's, the row's and the column's keys: a table laid
    # over questions asked before it was a table keeps their names ("feature_1_score").
    names: str = "{table}__{row}__{column}"
    intro: str = ""  # printed above the table
    note: str = ""  # printed below it ("NB: ...")
    hint: str = ""  # on the web only: how the portal uses the answers

    def row_list(self) -> list[Row]:
        return [r if isinstance(r, Row) else Row(str(n), r) for n, r in enumerate(self.rows)]

    def cell(self, row, column: Question | str) -> str:
        """The field name of a cell, by its row and its column (or the column's key)."""
        key = column if isinstance(column, str) else column.key
        return self.names.format(
            table=self.key, row=row.key if isinstance(row, Row) else row, column=key
        )

    def cells(self):
        """(row, column, field name, question as asked) for each cell asked, row by row. A
        column asked only on another column's answer (`when` naming that column's key) is
        asked on the answer in its own row."""
        keys = {column.key for column in self.columns}
        for n, row in enumerate(self.row_list()):
            row_required = self.required_rows is None or n < self.required_rows
            for column in self.columns:
                if column.key not in row.given:
                    when = column.when
                    if when and when[0] in keys:
                        when = (self.cell(row, when[0]), when[1])
                    # A row asked as a question of its own is named by its row alone.
                    label = (
                        f"{row.label}: {column.label}"
                        if self.rows_as_questions
                        else f"{self.label}: {row.label}, {column.label}"
                    )
                    asked = replace(
                        column,
                        label=label,
                        required=column.required and self.required and row_required,
                        when=when,
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
    paper_rows: int | None = None  # the lines a blank form prints (the template's), else `rows`

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
        yield from _questions(self.items)


def _questions(items):
    for item in items:
        if isinstance(item, Question):
            yield item.key, item
        elif isinstance(item, Table):
            for _row, _column, name, question in item.cells():
                yield name, question
        elif isinstance(item, ListOf):
            yield from item.questions()
        elif isinstance(item, Group):
            yield from _questions(item.items)


@dataclass(frozen=True)
class Signature:
    """A line of the template's endorsement, filled from the approval record: a statutory
    officer's comments on the template's recommendation (`opinion`), or a decision."""

    role: Role
    title: str
    opinion: bool = False


@dataclass(frozen=True)
class Endorsement:
    """The template's own endorsement wording: its title, the recommendation the statutory
    officers comment on (with the template's guidance), and the line over the decisions."""

    title: str = "Endorsement"
    recommendation: str = ""
    guidance: str = ""
    agreed: str = ""


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
    endorsement: Endorsement = Endorsement()
    intro: str = ""  # the template's words under its title, before its first heading

    def for_occasion(self, arrangement, occasion) -> "CouncilForm":
        """The definition with its tables' rows taken from the register for the arrangement
        and occasion; with no arrangement (the blank form) empty rows to write in."""
        year = financial_year_label(financial_year(occasion) if arrangement else None)

        def resolved(item):
            if isinstance(item, Table) and item.initial_from and arrangement is not None:
                held = item.initial_from(arrangement)
                rows = tuple(
                    replace(row, initial={**row.initial, **held.get(row.key, {})})
                    for row in item.row_list()
                )
                return replace(item, rows=rows)
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
