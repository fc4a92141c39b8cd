"""Filling in a council template for an occasion, and its PDF (filled or blank)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from register.conflicts import conflict_page
from register.council_forms import definition as definition_for
from register.council_forms.base import Fact, ListOf, Table
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
from register.views import visible_arrangement


def _definition(key):
    """One of the installation's council's templates; another council's is not found."""
    definition = definition_for(key, get_policy().key)
    if definition is None:
        raise Http404("No such council form")
    return definition


class FormFillView(View):
    template_name = "council_forms/fill.html"

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
            save_answers(
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
        messages.success(
            request, f"{self.definition.title} {'submitted' if submit else 'saved as a draft'}"
        )
        return redirect(
            "council_forms:fill", self.arrangement.reference, self.occasion, self.definition.key
        )

    def render(self, form, status=200):
        answers = form.answers() if form.is_bound and form.is_valid() else self.response.answers
        missing = self.definition.missing(answers or {})
        sections = [
            {
                "section": section,
                "complete": not missing[section.key],
                "items": _items(section, form, answers or {}, self.definition, self.arrangement),
            }
            for section in self.definition.sections
        ]
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "arrangement": self.arrangement,
                "definition": self.definition,
                "occasion": self.occasion,
                "response": self.response,
                "sections": sections,
                "can_edit": self.can_edit,
                "read_only_reason": "" if self.can_edit else self.read_only_reason(),
            },
            status=status,
        )


def _items(section, form, answers, definition, arrangement):
    """What the page shows for each item: a fact's words, a field, a table of fields (with
    the register's values it already holds shown), or a list of fields."""
    items = []
    for item in section.items:
        if isinstance(item, Fact):
            items.append({"fact": item, "value": item.value(arrangement)})
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
            items.append(
                {
                    "table": item,
                    "rows": rows,
                    "totals": [shown_answer(c, totals.get(c.key)) for c in item.columns]
                    if totals
                    else None,
                }
            )
        elif isinstance(item, ListOf):
            items.append(
                {
                    "list": item,
                    "fields": [
                        (form[name], answers.get(name) or "") for name, _q in item.questions()
                    ],
                }
            )
        else:
            # Read-only pages show the answer in words, as the PDF does.
            items.append(
                {"field": form[item.key], "shown": shown_answer(item, answers.get(item.key))}
            )
    return items


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
