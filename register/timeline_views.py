"""An arrangement's History (its audit timeline), its CSV for auditors, and each council form
version as it was saved. Same access as the arrangement: another officer's draft is not
found."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from register.council_forms import DEFINITIONS
from register.council_forms import definition as definition_for
from register.council_forms.views import form_page
from register.council_forms.webform import CouncilFormForm
from register.forms import TimelineFilterForm
from register.models import FormResponse
from register.occasions import Occasion
from register.policies import get_policy
from register.security_log import security_event
from register.spreadsheets import csv_response, neutralised_rows
from register.timeline import arrangement_timeline, csv_rows, every_entry
from register.views import ArrangementAccessMixin


class ArrangementHistoryView(ArrangementAccessMixin, TemplateView):
    template_name = "register/arrangement_history.html"

    def get_context_data(self, **kwargs):
        form = TimelineFilterForm(self.request.GET or None)
        kinds = form.kinds()
        timeline = arrangement_timeline(
            self.arrangement, kinds=kinds, page=self.request.GET.get("page")
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        page = timeline.page
        return super().get_context_data(
            arrangement=self.arrangement,
            filter_form=form,
            kind_choices=[
                (kind, label, timeline.counts[kind], kind in kinds)
                for kind, label in form.fields["kind"].choices
            ],
            applied_filters=form.applied(query),
            entries=page.object_list,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            query_string=query.urlencode(),
            **kwargs,
        )


class ArrangementHistoryCsvView(ArrangementAccessMixin, View):
    """The whole timeline as filtered, every page of it, for auditors."""

    def get(self, request, reference):
        kinds = TimelineFilterForm(request.GET or None).kinds()
        security_event("export.history_csv", request=request, record=self.arrangement.reference)
        rows = csv_rows(every_entry(self.arrangement, kinds=kinds))
        day = timezone.localdate().isoformat()
        return csv_response(
            neutralised_rows(rows),
            filename=f"{self.arrangement.reference}-history-{day}.csv",
            attachment=True,
        )


def saved_version(arrangement, response_id: int, version: int):
    """The history row of a council form's answers when `version` was saved (its first
    row of that version), or Http404."""
    record = (
        FormResponse.history.filter(arrangement_id=arrangement.pk, id=response_id, version=version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
        .first()
    )
    if record is None or record.form_key not in DEFINITIONS:
        raise Http404("No such version of a council form")
    return record


def arrangement_as_at(arrangement, moment):
    """The arrangement's own fields as they were at `moment` (its parts are as they are)."""
    then = (
        arrangement.history.filter(history_date__lte=moment)
        .order_by("-history_date", "-history_id")
        .first()
    )
    return then.instance if then is not None else arrangement


def current_form_url(arrangement, record, occasion) -> str:
    """The form as it is now, where the installation's council still has its template."""
    if definition_for(record.form_key, get_policy().key) is None:
        return ""
    return reverse("council_forms:fill", args=[arrangement.reference, occasion, record.form_key])


class FormVersionView(ArrangementAccessMixin, View):
    """A council form's answers as one version saved them, on the form's own page, read
    only: never editable."""

    def get(self, request, reference, response, version):
        record = saved_version(self.arrangement, response, version)
        occasion = Occasion.from_key(record.occasion)
        then = arrangement_as_at(self.arrangement, record.history_date)
        definition = DEFINITIONS[record.form_key].for_occasion(then, occasion)
        saved = record.instance
        form = CouncilFormForm(
            initial=definition.initial(saved.answers), definition=definition, row=saved
        )
        return form_page(
            request,
            form=form,
            definition=definition,
            arrangement=then,
            occasion=occasion,
            response=saved,
            can_edit=False,
            version=record,
            current_form_url=current_form_url(self.arrangement, record, occasion),
        )
