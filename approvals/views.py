"""Approval pages. Each view checks access, calls one service, and renders."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import TemplateView

from approvals import forms, selectors, services
from approvals.models import ApprovalStep, Decision, DeclaredInterest, StepStatus
from approvals.permissions import may_act
from register.choices import Status
from register.council_forms.selectors import approval_forms
from register.policies import get_policy
from register.policies.base import StepKind
from register.roles import can_edit_arrangement, is_read_only, is_responsible_for
from register.submission import form_links
from register.views import (
    ShortFormPage,
    apply_service_errors,
    short_form_page,
    visible_arrangement,
)


def form_page(request, template, form, status=200, **context):
    return render(request, template, {"form": form, **context}, status=status)


class InboxView(TemplateView):
    template_name = "approvals/inbox.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(steps=selectors.steps_awaiting(self.request.user), **kwargs)


RECORDED = {
    "opinion": "Your opinion has been recorded",
    "discussion": "The discussion has been recorded",
    "decision": "Your decision has been recorded",
}


class DecideView(View):
    """The decision page: the arrangement, its documents and earlier opinions, and the form."""

    template_name = "approvals/decide.html"
    form_class = forms.DecisionForm

    def dispatch(self, request, *args, **kwargs):
        self.step = get_object_or_404(
            ApprovalStep.objects.select_related("round__arrangement"), pk=kwargs["pk"]
        )
        self.arrangement = self.step.round.arrangement
        permission = may_act(request.user, self.step)
        if not permission.allowed:
            raise PermissionDenied(permission.reason)
        if self.step.kind == StepKind.OPINION and selectors.gave_another_opinion(
            request.user, self.step
        ):
            raise PermissionDenied(
                "You have given the other statutory opinion on this approval, so someone "
                "else must give this one"
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        # Opened from an old link: say why there is nothing to decide. (A form sent twice
        # still reaches post(), where its token finds the decision already recorded.)
        if self.step.status != StepStatus.PENDING:
            raise PermissionDenied(
                "This has already been decided"
                if self.step.status == StepStatus.DONE
                else "This is not yet ready for a decision: an earlier stage comes first"
            )
        return self.render(self.form_class(step=self.step))

    def post(self, request, pk):
        form = self.form_class(request.POST, step=self.step)
        if form.is_valid():
            try:
                self.save(form)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, RECORDED[form.recorded])
                return redirect("approvals:inbox")
        return self.render(form, status=400)

    def save(self, form):
        services.record_decision(step=self.step, user=self.request.user, **form.details())

    def render(self, form, status=200):
        approval_round = self.step.round
        return form_page(
            self.request,
            self.template_name,
            form,
            status,
            step=self.step,
            arrangement=self.arrangement,
            approval_round=approval_round,
            decisions=selectors.decisions_of(approval_round),
            documents=self.arrangement.documents.all(),
            partners=self.arrangement.partners.all(),
            council_forms=approval_forms(get_policy(), self.arrangement),
        )


class CorrectView(DecideView):
    form_class = forms.CorrectionForm
    template_name = "approvals/correct.html"

    def dispatch(self, request, *args, **kwargs):
        self.decision = get_object_or_404(Decision, pk=kwargs["decision"], decided_by=request.user)
        return super().dispatch(request, *args, pk=self.decision.step_id)

    def get(self, request, **kwargs):
        return self.render(self.form_class(step=self.step))

    def post(self, request, **kwargs):
        return super().post(request, self.step.pk)

    def save(self, form):
        details = form.details()
        services.correct_decision(
            decision=self.decision,
            user=self.request.user,
            reason=form.cleaned_data["correction_reason"],
            **details,
        )


class RecordView(TemplateView):
    """The approval record: every step, person, outcome, comment and time, and the policy."""

    template_name = "approvals/record.html"

    def get_context_data(self, **kwargs):
        arrangement = visible_arrangement(self.request, kwargs["reference"])
        return super().get_context_data(
            arrangement=arrangement, rounds=selectors.record_rounds(arrangement), **kwargs
        )


class ArrangementFormView(View):
    """A short form about one arrangement (withdraw, renew, declare an interest)."""

    form_class = None
    allowed_statuses = ()
    heading = button = ""

    def dispatch(self, request, *args, **kwargs):
        self.arrangement = visible_arrangement(request, kwargs["reference"])
        if self.arrangement.status not in self.allowed_statuses or not self.permitted():
            raise PermissionDenied("This cannot be done to this arrangement now")
        return super().dispatch(request, *args, **kwargs)

    def permitted(self):
        return can_edit_arrangement(self.request.user, self.arrangement)

    def get(self, request, reference):
        return self.render(self.form_class())

    def post(self, request, reference):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                message = self.save(form)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, message)
                return redirect(self.arrangement)
        return self.render(form, status=400)

    def render(self, form, status=200):
        page = ShortFormPage(self.heading, self.button, self.arrangement.get_absolute_url())
        return short_form_page(
            self.request, page, form, arrangement=self.arrangement, status=status
        )


class WithdrawView(ArrangementFormView):
    heading, button = "Withdraw from the arrangement", "Send for a decision"
    form_class = forms.WithdrawalForm
    allowed_statuses = (Status.ACTIVE,)

    def permitted(self):
        user = self.request.user
        return is_responsible_for(user, self.arrangement) or super().permitted()

    def save(self, form):
        # A refusal for a form still to submit (SD Appendix 4) links to that form.
        form.error_links = form_links(
            self.arrangement, get_policy().withdrawal_missing(self.arrangement)
        )
        services.request_withdrawal(
            arrangement=self.arrangement, user=self.request.user, **form.cleaned_data
        )
        return "Withdrawal sent for a decision at the level that approved the arrangement"


class RenewView(ArrangementFormView):
    heading, button = "Renew conditional support", "Send for a decision"
    form_class = forms.RenewalForm
    allowed_statuses = (Status.CONDITIONAL_SUPPORT,)

    def save(self, form):
        services.request_renewal(
            arrangement=self.arrangement, user=self.request.user, **form.cleaned_data
        )
        return "Renewal of conditional support sent for a decision"


class InterestView(ArrangementFormView):
    heading, button = "Declare an interest", "Declare the interest"
    form_class = forms.InterestForm
    allowed_statuses = tuple(Status)

    def permitted(self):
        # Read-only roles change nothing, and decide nothing to declare an interest in.
        if is_read_only(self.request.user):
            return False
        return not DeclaredInterest.objects.filter(
            user=self.request.user, arrangement=self.arrangement
        ).exists()

    def save(self, form):
        services.declare_interest(
            user=self.request.user, arrangement=self.arrangement, **form.cleaned_data
        )
        return "Your interest has been recorded; you will not be asked to decide on it"


class DeputiesView(View):
    template_name = "approvals/deputies.html"

    def get(self, request):
        return self.render(forms.DeputyForm(holder=request.user))

    def post(self, request):
        form = forms.DeputyForm(request.POST, holder=request.user)
        if form.is_valid():
            try:
                services.name_deputy(holder=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, "Your deputy has been recorded")
                return redirect("approvals:deputies")
        return self.render(form, status=400)

    def render(self, form, status=200):
        return form_page(
            self.request,
            self.template_name,
            form,
            status,
            deputies=selectors.deputies_named_by(self.request.user),
            deputising=selectors.deputising_for(self.request.user),
        )
