"""The retention review pages: the arrangements past their retention date, and the register
owner's decision on each (keep, or dispose after a confirmation). Each view checks access,
calls one service in reviews/retention.py, and renders."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from register.formatting import long_date
from register.roles import REGISTER_MANAGERS, has_role
from register.views import ShortFormPage, apply_service_errors, short_form_page, visible_arrangement
from reviews import retention
from reviews.models import RetentionOutcome
from reviews.retention_forms import RetentionDecisionForm, TokenForm


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _refuse_unless_register_manager(user):
    if not has_role(user, *REGISTER_MANAGERS):
        raise PermissionDenied(retention.NOT_A_REGISTER_MANAGER)


class RetentionListView(TemplateView):
    template_name = "reviews/retention/list.html"

    def dispatch(self, request, *args, **kwargs):
        _refuse_unless_register_manager(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retentions=retention.past_retention(timezone.localdate()), **kwargs
        )


class ArrangementRetentionView(View):
    """A page about one arrangement's retention; opened when no decision can be recorded,
    it says why. (A form sent twice still reaches post(), where its token finds the
    decision already recorded.)"""

    def dispatch(self, request, *args, **kwargs):
        _refuse_unless_register_manager(request.user)
        self.arrangement = visible_arrangement(request, kwargs["reference"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, reference):
        self.retention = retention.retention_of(self.arrangement)
        refusal = self.retention.refusal(timezone.localdate())
        if refusal:
            raise PermissionDenied(refusal)
        return self.render(self.form_class())

    def post(self, request, reference):
        self.retention = retention.retention_of(self.arrangement)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                return self.save(form)
            except ValidationError as error:
                apply_service_errors(form, error)
        return self.render(form, status=400)

    def done(self, message):
        messages.success(self.request, message)
        return redirect("reviews:retention")


class RetentionDecisionView(ArrangementRetentionView):
    form_class = RetentionDecisionForm

    def save(self, form):
        data = form.cleaned_data
        if data["outcome"] == RetentionOutcome.DISPOSE:
            return redirect("reviews:retention-dispose", self.arrangement.reference)
        decision = retention.keep(
            arrangement=self.arrangement,
            user=self.request.user,
            reason=data["reason"],
            keep_until=data["keep_until"],
            token=data["token"],
        )
        return self.done(
            f"The records of {self.arrangement.reference} are kept until "
            f"{long_date(decision.keep_until)}"
        )

    def render(self, form, status=200):
        held = self.retention
        page = ShortFormPage(
            "Retention review",
            "Continue",
            reverse("reviews:retention"),
            "Back to the arrangements past their retention date",
            intro=(
                f"It ended on {long_date(held.ended_on)} and its records were kept until "
                f"{long_date(held.retention_date)}.",
                f"It holds {_counted(held.documents_held, 'uploaded document')} and "
                f"{_counted(len(retention.names_to_replace(self.arrangement)), 'name')} "
                "that disposal would replace with roles. You will be asked to confirm a "
                "disposal before anything is deleted.",
            ),
        )
        return short_form_page(
            self.request, page, form, arrangement=self.arrangement, status=status
        )


class RetentionDisposeView(ArrangementRetentionView):
    form_class = TokenForm
    template_name = "reviews/retention/dispose.html"

    def save(self, form):
        decision = retention.dispose(
            arrangement=self.arrangement, user=self.request.user, token=form.cleaned_data["token"]
        )
        return self.done(
            f"The records of {self.arrangement.reference} have been disposed of: "
            f"{_counted(len(decision.documents_deleted), 'document')} deleted and "
            f"{_counted(decision.names_replaced, 'name')} replaced by roles"
        )

    def render(self, form, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "arrangement": self.arrangement,
                "retention": self.retention,
                "documents": self.arrangement.documents.all(),
                "replacements": retention.names_to_replace(self.arrangement),
            },
            status=status,
        )
