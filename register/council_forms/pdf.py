"""What the PDF of a council template shows: the council's headings, rows and tables in the
template's order, the answers (or, on a blank form, room to write, the "Yes / No" to circle
and the template's guidance), and the endorsements recorded for the occasion."""

from register.council_forms.base import (
    Boxes,
    Fact,
    FactRows,
    FactTable,
    Group,
    Kind,
    ListOf,
    Table,
)
from register.council_forms.endorsements import endorsement_lines
from register.council_forms.webform import shown_answer
from register.formatting import long_date
from register.models import FormStatus
from register.occasions import APPROVAL

# The kinds of column the PDF gives a set width (templates/council_forms/pdf.html).
SET_WIDTHS = (Kind.MONEY, Kind.NUMBER, Kind.YES_NO, Kind.CHOICE, "tick")


def _options(question) -> str:
    """What a blank form prints to fill in: the template's own prompt, "Yes / No" to circle,
    the choices, or "£" for money."""
    if question.paper:
        return question.paper
    if question.kind == Kind.YES_NO:
        return "Yes / No"
    if question.kind == Kind.MONEY:
        return "£"
    return " / ".join(label for _, label in question.choices)


def _runs(items) -> list[dict]:
    """The section's items as the PDF lays them out: rows of label and answer together in
    one table, and each grid (a table, the partners, the tick boxes) on its own, so that a
    long grid breaks across pages row by row."""
    runs = []
    for item in items:
        if any(key in item for key in ("table", "fact_table", "fact_rows", "boxes")):
            runs.append({"block": item})
        elif runs and "rows" in runs[-1]:
            runs[-1]["rows"].append(item)
        else:
            runs.append({"rows": [item]})
    return runs


def form_pdf_context(definition, arrangement=None, response=None) -> dict:
    """`definition` is the one for the occasion (CouncilForm.for_occasion): on a blank form
    its register's tables have empty rows to write in."""
    answers = (response.answers if response is not None else {}) or {}
    blank = arrangement is None
    draft = response is None or response.status != FormStatus.SUBMITTED
    submitted_on = (
        long_date(response.submitted_at.date()) if not draft and response.submitted_at else ""
    )

    def item_context(item):
        if isinstance(item, Group):
            return {
                "group": item,
                "items": [item_context(i) for i in item.items],
                "hint": item.hint,
            }
        if isinstance(item, Fact):
            return {
                "label": item.label,
                "value": "" if blank else item.value(arrangement),
                "options": item.paper,
                "hint": item.hint,
            }
        if isinstance(item, FactTable):
            entries = {} if blank else item.entries(arrangement)
            # A row with no entries: empty cells to write in, or "None" on a filled form.
            nothing = [""] * len(item.columns)
            if not blank:
                nothing[0] = item.none
            return {
                "fact_table": item,
                "groups": [(label, entries.get(label) or [nothing]) for label in item.rows],
            }
        if isinstance(item, Boxes):
            chosen = "" if blank else item.chosen(arrangement)
            return {"boxes": item, "ticked": [(box, box.key == chosen) for box in item.boxes]}
        if isinstance(item, FactRows):
            return {
                "fact_rows": item,
                "rows": [[""] * len(item.columns)] * item.blank_rows
                if blank
                else item.entries(arrangement),
            }
        if isinstance(item, Table):
            return table_context(item)
        if isinstance(item, ListOf):
            rows = [answers.get(n) or "" for n, _q in item.questions()]
            if blank and item.paper_rows:
                rows = rows[: item.paper_rows]  # the template's lines to write on
            return {"list": item, "rows": rows}
        value = shown_answer(item, answers.get(item.key))
        if value and item.dated and submitted_on:
            value = f"{value}, {submitted_on}"
        return {
            "label": item.label,
            "value": value,
            # Printed on blank forms: what to circle, and the template's guidance.
            "options": _options(item),
            "hint": item.hint,
            "long": item.kind == Kind.LONG_TEXT,  # room for a paragraph on paper
        }

    def table_context(item):
        totals = definition.table_totals(item, answers) if item.totals else {}
        heads, cells_of = [], []
        for column in item.columns:
            if item.spread and column.kind == Kind.CHOICE:
                # A column per choice, headed by its words; the answer's is ticked.
                for value, label in column.choices:
                    heads.append({"label": label, "kind": "tick"})
                    cells_of.append((column, value))
            else:
                heads.append({"label": column.label, "hint": column.hint, "kind": column.kind})
                cells_of.append((column, None))

        def cell(row, column, value):
            answer = row.given.get(column.key, answers.get(item.cell(row, column)))
            if value is not None:
                return {"tick": True, "ticked": not blank and str(answer) == value}
            return {
                "value": shown_answer(column, answer),
                # A blank form's cell: what to circle or the unit.
                "options": _options(column) if blank else "",
                "long": column.kind == Kind.LONG_TEXT,
            }

        return {
            "table": item,
            "heads": heads,
            # Numbered rows ("1", "2" ...) need only a narrow first column; beside columns
            # of figures or ticks only (each of a set width), it takes the rest of the page.
            "numbered": all(len(row.label) <= 3 for row in item.row_list()),
            "figures": all(head["kind"] in SET_WIDTHS for head in heads),
            # A grid of many columns (a feature, its standard, four scores, the evidence) is
            # printed on a landscape page, as wide as the template's.
            "wide": len(heads) > 4,
            # Figures line up on the right; a table of words reads from the left.
            "align": "number"
            if all(c.kind in (Kind.MONEY, Kind.NUMBER) for c in item.columns)
            else "",
            "rows": [
                (row.label, [cell(row, column, value) for column, value in cells_of])
                for row in item.row_list()
            ],
            "totals": [
                shown_answer(c, totals.get(c.key)) if not blank else "" for c in item.columns
            ]
            if item.totals
            else None,
        }

    sections = [
        {
            "title": section.title,
            "intro": section.intro,
            "runs": _runs([item_context(item) for item in section.items]),
        }
        for section in definition.sections
    ]
    occasion = response.get_occasion() if response is not None else APPROVAL
    lines = endorsement_lines(definition, arrangement, response)
    return {
        "council_name": definition.council,
        "definition": definition,
        "arrangement": arrangement,
        "response": response if response is not None and response.pk else None,
        "occasion": occasion,
        "sections": sections,
        "draft": draft,
        "blank": blank,
        "signatures": lines,
        "opinions": [line for line in lines if line.signature.opinion],
        "decisions": [line for line in lines if not line.signature.opinion],
    }
