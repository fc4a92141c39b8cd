"""One definition per council template drives its web form, validation, completeness and PDF.

A definition is data: sections of questions, facts the arrangement already holds (shown,
never asked again), tables with totals the portal computes, and the signatures that come
from the approval record.
"""

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


def q(key, label, hint="", kind=Kind.LONG_TEXT, **kwargs) -> Question:
    """A question in a few words: most of the templates' questions are long answers."""
    return Question(key, label, kind, hint, **kwargs)


@dataclass(frozen=True)
class Fact:
    """Something the arrangement already holds; the form shows it and links to its page."""

    label: str
    value: object  # a function of the arrangement, returning words


@dataclass(frozen=True)
class Table:
    """Rows by columns of answers; money columns may be totalled by the portal."""

    key: str
    label: str
    rows: tuple[str, ...]
    columns: tuple[Question, ...]
    totals: bool = False  # add a row of column totals (money and number columns)
    required: bool = True

    def cell(self, row: int, column: Question) -> str:
        return f"{self.key}__{row}__{column.key}"


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
                for row in range(len(item.rows)):
                    for column in item.columns:
                        yield (
                            item.cell(row, column),
                            column if item.required else replace(column, required=False),
                        )


@dataclass(frozen=True)
class Signature:
    """A line of the template's endorsement, filled from the approval record."""

    role: Role
    title: str


@dataclass(frozen=True)
class CouncilForm:
    key: str  # the policy's FormTemplate key
    title: str
    council: str
    source: str  # where in the council's document the template is
    sections: tuple[Section, ...]
    signatures: tuple[Signature, ...] = field(default=())

    def fields(self):
        """(field name, question) for every answer the form asks."""
        for section in self.sections:
            yield from section.questions()

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
        """Required answers not yet given, by section key."""
        return {
            section.key: [
                name
                for name, question in section.questions()
                if question.required and _blank(answers.get(name))
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
            for row in range(len(table.rows)):
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
