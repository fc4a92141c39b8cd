"""What the PDF of a council template shows: the council's headings, the answers (or blank
lines to fill by hand), and the endorsements recorded for the occasion."""

from register.council_forms.base import Fact, Kind, ListOf, Table
from register.council_forms.endorsements import endorsement_lines
from register.council_forms.webform import shown_answer
from register.models import FormStatus
from register.occasions import APPROVAL


def _options(question) -> str:
    if question.kind == Kind.YES_NO:
        return "Yes / No"
    return " / ".join(label for _, label in question.choices)


def form_pdf_context(definition, arrangement=None, response=None) -> dict:
    """`definition` is the one for the occasion (CouncilForm.for_occasion): on a blank form
    its register's tables have empty rows to write in."""
    answers = (response.answers if response is not None else {}) or {}
    blank = arrangement is None
    sections = []
    for section in definition.sections:
        items = []
        for item in section.items:
            if isinstance(item, Fact):
                items.append(
                    {"label": item.label, "value": "" if blank else item.value(arrangement)}
                )
            elif isinstance(item, Table):
                totals = definition.table_totals(item, answers) if item.totals else {}
                items.append(
                    {
                        "table": item,
                        # Figures line up on the right; a table of words reads from the left.
                        "align": "number"
                        if all(c.kind in (Kind.MONEY, Kind.NUMBER) for c in item.columns)
                        else "",
                        "rows": [
                            (
                                row.label,
                                [
                                    shown_answer(
                                        c, row.given.get(c.key, answers.get(item.cell(row, c)))
                                    )
                                    for c in item.columns
                                ],
                            )
                            for row in item.row_list()
                        ],
                        "totals": [
                            shown_answer(c, totals.get(c.key)) if not blank else ""
                            for c in item.columns
                        ]
                        if item.totals
                        else None,
                    }
                )
            elif isinstance(item, ListOf):
                items.append(
                    {"list": item, "rows": [answers.get(n) or "" for n, _q in item.questions()]}
                )
            else:
                items.append(
                    {
                        "label": item.label,
                        "value": shown_answer(item, answers.get(item.key)),
                        # Printed on blank forms: what to circle, and the template's guidance.
                        "options": _options(item),
                        "hint": item.hint,
                    }
                )
        sections.append({"title": section.title, "intro": section.intro, "items": items})
    occasion = response.get_occasion() if response is not None else APPROVAL
    return {
        "council_name": definition.council,
        "definition": definition,
        "arrangement": arrangement,
        "response": response if response is not None and response.pk else None,
        "occasion": occasion,
        "sections": sections,
        "draft": response is None or response.status != FormStatus.SUBMITTED,
        "blank": blank,
        "signatures": endorsement_lines(definition, arrangement, response),
    }
