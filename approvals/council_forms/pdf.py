"""What the PDF of a council template shows: the council's headings, the answers (or blank
lines to fill by hand), and the endorsements from the approval record."""

from approvals.council_forms.base import Fact, Kind, Table
from approvals.models import Decision, FormStatus
from approvals.permissions import STANDS_IN_FOR
from register.roles import Role


def _answer(question, value) -> str:
    if value is None or value == "":
        return ""
    if question.kind == Kind.YES_NO:
        return "Yes" if value else "No"
    if question.kind == Kind.MONEY:
        from decimal import Decimal

        return f"£{Decimal(str(value)):,.2f}"
    return str(value)


def _options(question) -> str:
    if question.kind == Kind.YES_NO:
        return "Yes / No"
    return " / ".join(label for _, label in question.choices)


def form_pdf_context(definition, arrangement=None, response=None) -> dict:
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
                        "rows": [
                            (
                                label,
                                [_answer(c, answers.get(item.cell(row, c))) for c in item.columns],
                            )
                            for row, label in enumerate(item.rows)
                        ],
                        "totals": [
                            _answer(c, totals.get(c.key)) if not blank else "" for c in item.columns
                        ]
                        if item.totals
                        else None,
                    }
                )
            else:
                items.append(
                    {
                        "label": item.label,
                        "value": _answer(item, answers.get(item.key)),
                        # Printed on blank forms: what to circle, and the template's guidance.
                        "options": _options(item),
                        "hint": item.hint,
                    }
                )
        sections.append({"title": section.title, "intro": section.intro, "items": items})
    return {
        "council_name": definition.council,
        "definition": definition,
        "arrangement": arrangement,
        "response": response if response is not None and response.pk else None,
        "sections": sections,
        "draft": response is None or response.status != FormStatus.SUBMITTED,
        "blank": blank,
        "signatures": _signatures(definition, arrangement),
    }


def _signatures(definition, arrangement):
    """Each signature line with the decision in force from the latest approval round (none
    on a blank form)."""
    decisions = (
        []
        if arrangement is None
        else list(
            Decision.objects.filter(step__round__arrangement=arrangement)
            .select_related("step", "decided_by", "on_behalf_of")
            .order_by("-step__round__created_at", "-decided_at")
        )
    )
    superseded = {d.supersedes_id for d in decisions}
    lines = []
    for signature in definition.signatures:
        roles = {signature.role, *STANDS_IN_FOR.get(Role(signature.role), set())}
        decision = next(
            (d for d in decisions if d.step.role in roles and d.pk not in superseded), None
        )
        lines.append({"signature": signature, "decision": decision})
    return lines
