"""Filling in a council template for an occasion, and its PDF (filled or blank)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from register.conflicts import conflict_page
from register.council_forms import definition as definition_for
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
from register.council_forms.pdf import form_pdf_context
from register.council_forms.selectors import approval_forms, response_for, responses_of
from register.council_forms.services import FormLocked, SavedMeanwhile, save_answers
from register.council_forms.webform import CouncilFormForm, shown_answer
from register.occasions import APPROVAL
from register.pdf import pdf_response
from register.policies import get_policy
from register.roles import can_fill_form
from register.security_log import security_event
from register.versions import EditConflict
from register.views import saved_message, visible_arrangement


def _definition(key):
    """One of the installation's council's templates; another council's is not found."""
    definition = definition_for(key, get_policy().key)
    if definition is None:
        raise Http404("No such council form")
    return definition


class FormFillView(View):
    def dispatch(self, request, *args, **kwargs):
        self.arrangement = visible_arrangement(request, kwargs["reference"])
        self.definition = _definition(kwargs["key"])
        self.occasion = kwargs["occasion"]
        self.response = response_for(self.arrangement, self.definition, self.occasion)
        # Its tables' rows from the register: the objectives, measures, last year's list.
        self.definition = self.definition.for_occasion(self.arrangement, self.occasion)
        self.can_edit = self.response.is_editable and can_fill_form(
            request.user, self.arrangement, self.occasion
        )
        return super().dispatch(request, *args, **kwargs)

    def read_only_reason(self) -> str:
        """Why this person cannot change the form, in words for the page."""
        if not self.response.is_editable:
            return "This form has been submitted, so it is read-only unless it is returned."
        if self.occasion.is_approval and not self.arrangement.is_editable:
            return (
                "This arrangement is with its approvers or has ended, so its forms for approval "
                "are read-only."
            )
        return "You can read this form but not change it."

    def get(self, request, **kwargs):
        return self.render(self.make_form())

    def make_form(self, data=None):
        return CouncilFormForm(
            data,
            initial=self.definition.initial(self.response.answers),
            definition=self.definition,
            row=self.response,
        )

    def post(self, request, **kwargs):
        if not self.can_edit:
            return self.render(self.make_form(), status=403)
        form = self.make_form(request.POST)
        submit = request.POST.get("action") == "submit"
        if form.is_valid() and submit:
            form.check_complete()
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            saved = save_answers(
                response=self.response,
                answers=form.answers(),
                user=request.user,
                submit=submit,
                version=form.version,
            )
        except (FormLocked, SavedMeanwhile) as refusal:
            form.add_error(None, str(refusal))
            return self.render(form, status=409)
        except EditConflict as conflict:
            return conflict_page(
                request,
                conflict,
                form=form,
                what=f"the {self.definition.title}",
                arrangement=self.arrangement,
            )
        saved_message(
            request,
            saved,
            f"{self.definition.title} {'submitted' if submit else 'saved as a draft'}",
        )
        return redirect(
            "council_forms:fill", self.arrangement.reference, self.occasion, self.definition.key
        )

    def render(self, form, status=200):
        return form_page(
            self.request,
            form=form,
            definition=self.definition,
            arrangement=self.arrangement,
            occasion=self.occasion,
            response=self.response,
            can_edit=self.can_edit,
            read_only_reason="" if self.can_edit else self.read_only_reason(),
            status=status,
        )


def form_page(
    request,
    *,
    form,
    definition,
    arrangement,
    occasion,
    response,
    can_edit,
    read_only_reason="",
    version=None,
    current_form_url="",
    status=200,
):
    """A council form's page: to fill in, or read only. With `version` (a historical row
    of the response), the answers as that version saved them, with no downloads or buttons."""
    answers = form.answers() if form.is_bound and form.is_valid() else response.answers
    missing = definition.missing(answers or {})
    sections = [
        {
            "section": section,
            "complete": not missing[section.key],
            "items": _items(section.items, form, answers or {}, definition, arrangement),
        }
        for section in definition.sections
    ]
    return render(
        request,
        "council_forms/fill.html",
        {
            "form": form,
            "arrangement": arrangement,
            "definition": definition,
            "occasion": occasion,
            "response": response,
            "sections": sections,
            "can_edit": can_edit,
            "read_only_reason": read_only_reason,
            "version": version,
            "current_form_url": current_form_url,
        },
        status=status,
    )


def _items(items, form, answers, definition, arrangement):
    """What the page shows for each item: a fact's words, a field, a group of them under
    its heading, the register's table (partners by sector), the tick boxes the register
    decides, a table of fields (with the register's values it already holds shown), each of
    its rows as a question of its own, or a list of fields."""
    shown = []
    for item in items:
        if isinstance(item, Fact):
            # Facts one after another read as one summary list.
            fact = {"label": item.label, "value": item.value(arrangement)}
            if shown and "facts" in shown[-1]:
                shown[-1]["facts"].append(fact)
            else:
                shown.append({"facts": [fact]})
        elif isinstance(item, Group):
            shown.append(
                {"group": item, "items": _items(item.items, form, answers, definition, arrangement)}
            )
        elif isinstance(item, FactTable):
            entries = item.entries(arrangement)
            shown.append(
                {
                    "fact_table": item,
                    # Each cell with its column's heading, which names it on a phone.
                    "groups": [
                        (
                            label,
                            [
                                list(zip(item.columns, cells, strict=True))
                                for cells in entries.get(label, [])
                            ],
                        )
                        for label in item.rows
                    ],
                }
            )
        elif isinstance(item, FactRows):
            shown.append(
                {
                    "fact_rows": item,
                    # Each cell with its column's heading, which names it on a phone.
                    "rows": [
                        list(zip(item.columns, cells, strict=True))
                        for cells in item.entries(arrangement)
                    ],
                }
            )
        elif isinstance(item, Boxes):
            chosen = item.chosen(arrangement)
            shown.append(
                {"boxes": item, "ticked": [(box, box.key == chosen) for box in item.boxes]}
            )
        elif isinstance(item, Table) and item.rows_as_questions:
            shown.append({"row_questions": item, "rows": _row_questions(item, form, answers)})
        elif isinstance(item, Table):
            rows = [
                (
                    row.label,
                    [
                        {"given": shown_answer(column, row.given[column.key])}
                        if column.key in row.given
                        else {
                            "field": form[name],
                            "column": column,
                            "shown": shown_answer(column, answers.get(name)),
                        }
                        for column in item.columns
                        if (name := item.cell(row, column))
                    ],
                )
                for row in item.row_list()
            ]
            totals = definition.table_totals(item, answers) if item.totals else None
            shown.append(
                {
                    "table": item,
                    "rows": rows,
                    "totals": [shown_answer(c, totals.get(c.key)) for c in item.columns]
                    if totals
                    else None,
                }
            )
        elif isinstance(item, ListOf):
            shown.append(
                {
                    "list": item,
                    "fields": [
                        (form[name], answers.get(name) or "") for name, _q in item.questions()
                    ],
                }
            )
        else:
            # Read-only pages show the answer in words, as the PDF does.
            shown.append(
                {"field": form[item.key], "shown": shown_answer(item, answers.get(item.key))}
            )
    return shown


def _row_questions(table, form, answers):
    """Each row of the table as a question: its Yes / No or choice (the first such column),
    with what the template gives for the row (its standard) as its hint, and the other
    columns, those asked on its answer revealed by it."""
    rows = []
    for row in table.row_list():
        cells = [
            {
                "column": column,
                "field": form[table.cell(row, column)],
                "shown": shown_answer(column, answers.get(table.cell(row, column))),
            }
            for column in table.columns
            if column.key not in row.given
        ]
        choice = next((c for c in cells if c["column"].kind in (Kind.YES_NO, Kind.CHOICE)), None)
        chosen = str(choice["field"].value()) if choice else ""
        revealed = [c for c in cells if c is not choice and c["column"].when]
        options = []
        if choice:
            column = choice["column"]
            pairs = (
                (("True", "Yes"), ("False", "No")) if column.kind == Kind.YES_NO else column.choices
            )
            # The reveal hangs from the first answer that asks the revealed columns (Yes).
            reveals = {str(c["column"].when[1][0]) for c in revealed}
            options = [
                {
                    "value": str(value),
                    "label": label,
                    "checked": chosen == str(value),
                    "reveals": str(value) in reveals,
                    # The first option's id is the field's, so the error summary finds it.
                    "suffix": "" if n == 0 else ("-no" if column.kind == Kind.YES_NO else f"-{n}"),
                }
                for n, (value, label) in enumerate(pairs)
            ]
        rows.append(
            {
                "label": row.label,
                "given": [row.given[c.key] for c in table.columns if c.key in row.given],
                "choice": choice,
                "options": options,
                "revealed": revealed,
                "others": [c for c in cells if c is not choice and not c["column"].when],
            }
        )
    return rows


class FormPdfView(View):
    def get(self, request, reference, occasion, key):
        arrangement = visible_arrangement(request, reference)
        definition = _definition(key)
        context = form_pdf_context(
            definition.for_occasion(arrangement, occasion),
            arrangement,
            response_for(arrangement, definition, occasion),
        )
        security_event(
            "export.council_form_pdf",
            request=request,
            record=reference,
            form=definition.key,
            occasion=occasion.key,
        )
        return pdf_response(
            request,
            "council_forms/pdf.html",
            context,
            filename=f"{arrangement.reference}-{occasion.key}-{definition.key}.pdf",
            back_url=reverse("council_forms:fill", args=[reference, occasion, key]),
        )


class BlankFormPdfView(View):
    """The template to print and fill by hand."""

    def get(self, request, key):
        definition = _definition(key)
        return pdf_response(
            request,
            "council_forms/pdf.html",
            form_pdf_context(definition.for_occasion(None, None)),
            filename=f"{definition.key}-blank.pdf",
            back_url=reverse("register:list"),
        )


def forms_panel(request, arrangement):
    """On the arrangement page: the templates its council's policy requires for approval,
    and every response kept from other occasions (earlier years' reviews ...)."""
    policy = get_policy()
    kept = responses_of(arrangement)  # one query for every occasion
    rows = approval_forms(policy, arrangement, kept)
    earlier = [
        (definition, response)
        for response in kept
        if response.occasion != APPROVAL.key
        and (definition := definition_for(response.form_key, policy.key)) is not None
    ]
    if not (rows or earlier):
        return None
    return "council_forms/panel.html", {"rows": rows, "earlier": earlier}
