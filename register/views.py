"""Register pages. Views only check access, call a selector or service, and render."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import ListView, TemplateView

from register import forms, services
from register.conflicts import conflict_page
from register.documents import DocumentUnavailable, verified_copy
from register.formatting import with_article
from register.models import (
    Arrangement,
    CouncilRepresentative,
    Document,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Risk,
    Screening,
)
from register.panels import list_notes_for, panels_for
from register.policies import get_policy
from register.roles import (
    can_create_arrangement,
    can_edit_arrangement,
    can_recategorise,
    can_view_arrangement,
)
from register.security_log import security_event
from register.selectors import (
    arrangements_of,
    arrangements_visible_to,
    export_rows,
    filter_arrangements,
)
from register.spreadsheets import csv_response, neutralised_rows, xlsx_bytes, xlsx_response
from register.submission import missing_for_submission, missing_form_url
from register.versions import NO_CHANGES, EditConflict


def apply_service_errors(form, error: ValidationError):
    """Put a service's refusal next to the right field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def saved_message(request, saved, message: str) -> None:
    """The success banner, only when something was saved: the services that save edits
    return None when the answers change nothing, and then the page says so instead."""
    if saved is None:
        messages.info(request, NO_CHANGES)
    else:
        messages.success(request, message)


@dataclass(frozen=True)
class ShortFormPage:
    """What a short form page shows around its form; heading and button cannot be blank."""

    heading: str
    button: str
    back_url: str
    back_text: str = "Back to the arrangement"
    intro: tuple[str, ...] = ()

    def __post_init__(self):
        if not (self.heading.strip() and self.button.strip()):
            raise ValueError("A short form page needs a heading and a button text")


def short_form_page(request, page: ShortFormPage, form, *, arrangement=None, status=200):
    """Render templates/short_form.html, the one template of every short form page."""
    return render(
        request,
        "short_form.html",
        {"page": page, "form": form, "arrangement": arrangement},
        status=status,
    )


@method_decorator(login_not_required, name="dispatch")
class AccessibilityStatementView(TemplateView):
    template_name = "accessibility.html"


class ForgivingPagesMixin:
    """A page number past the end (or not a number) shows the last (or first) page."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


class ArrangementListView(ForgivingPagesMixin, ListView):
    template_name = "register/arrangement_list.html"
    context_object_name = "arrangements"
    paginate_by = settings.REGISTER_PAGE_SIZE
    heading = "Register of partnerships and shared services"
    mine = False

    def get_queryset(self):
        self.filter_form = forms.ArrangementFilterForm(self.request.GET or None)
        visible = arrangements_visible_to(self.request.user)
        if self.mine:
            visible = visible & arrangements_of(self.request.user)
        return filter_arrangements(visible, **self.filter_form.filters())

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        context = super().get_context_data(
            filter_form=self.filter_form,
            heading=self.heading,
            query_string=query.urlencode(),
            applied_filters=forms.applied_filters(self.filter_form, query),
            sort_links=forms.sort_links(self.filter_form, query),
            mine=self.mine,
            **kwargs,
        )
        if self.mine:
            # Where each of the officer's own arrangements stands in its approval.
            notes = list_notes_for(self.request, context["arrangements"])
            context["rows"] = [(a, notes[a.pk]) for a in context["arrangements"]]
        else:
            context["rows"] = [(a, []) for a in context["arrangements"]]
        return context


class MyArrangementsView(ArrangementListView):
    heading = "My arrangements"
    mine = True


class ArrangementExportView(ArrangementListView):
    """The register list as filtered, every page of it, as CSV or XLSX."""

    paginate_by = None
    format = "csv"

    def get(self, request, *args, **kwargs):
        rows = export_rows(self.get_queryset(), get_policy())
        filename = f"register-{timezone.localdate().isoformat()}.{self.format}"
        security_event(
            "export.register",
            request=request,
            format=self.format,
            filters=request.GET.urlencode(),
        )
        if self.format == "xlsx":
            return xlsx_response(xlsx_bytes(rows, sheet="Register"), filename=filename)
        return csv_response(neutralised_rows(rows), filename=filename)


@dataclass(frozen=True)
class ChecklistSummary:
    group: str
    title: str
    summary: str


def route_preview(policy, arrangement) -> dict:
    """What the policy makes of the arrangement, for register/route_preview.html."""
    return {
        "classification": policy.effective_classification(arrangement),
        "checklists": [
            ChecklistSummary(c.group, c.title, policy.checklist_summary(arrangement, c.group))
            for c in policy.checklists
        ],
        "route": policy.route(arrangement),
        "forms_required": policy.forms_required(arrangement),
        "review_plan": policy.review_plan(arrangement),
        "on_register": policy.on_register(arrangement),
    }


def where_to_answer(policy, arrangement, item) -> str:
    """The page on which a missing answer is given: the form, a part's page or a checklist."""
    reference = arrangement.reference
    if form_url := missing_form_url(arrangement, item):
        return form_url
    if item.field in PARTS:
        return reverse("register:part-add", args=[reference, item.field])
    question = next((q for q in policy.questions if q.key == item.field), None)
    if question is not None:
        return reverse("register:checklist", args=[reference, question.group])
    return f"{reverse('register:edit', args=[reference])}#id_{item.field}"


def still_missing(policy, arrangement) -> list[tuple]:
    """What a draft still needs before submission, each with the page where it is given."""
    if not arrangement.is_draft:
        return []
    return [
        (item, where_to_answer(policy, arrangement, item))
        for item in missing_for_submission(policy, arrangement)
    ]


def visible_arrangement(request, reference) -> Arrangement:
    """The arrangement of the URL; another officer's draft is simply not found."""
    arrangement = get_object_or_404(Arrangement, reference=reference)
    if not can_view_arrangement(request.user, arrangement):
        raise Http404("No arrangement found")
    return arrangement


class ArrangementAccessMixin:
    """Finds the arrangement in the URL; another officer's draft is simply not found."""

    needs_edit = False

    def dispatch(self, request, *args, **kwargs):
        self.arrangement = visible_arrangement(request, kwargs["reference"])
        if self.needs_edit and not can_edit_arrangement(request.user, self.arrangement):
            raise PermissionDenied("You cannot change this arrangement")
        return super().dispatch(request, *args, **kwargs)


class ArrangementDetailView(ArrangementAccessMixin, TemplateView):
    template_name = "register/arrangement_detail.html"

    def get_context_data(self, **kwargs):
        arrangement = self.arrangement
        policy = get_policy()
        return super().get_context_data(
            arrangement=arrangement,
            crumbs=[("Register", reverse("register:list")), (arrangement.reference, "")],
            can_edit=can_edit_arrangement(self.request.user, arrangement),
            can_recategorise=can_recategorise(self.request.user, policy),
            asks_council_authorised_officer=policy.asks_council_authorised_officer,
            missing=still_missing(policy, arrangement),
            **route_preview(policy, arrangement),
            partners=arrangement.partners.all(),
            representatives=arrangement.councilrepresentatives.all(),
            objectives=arrangement.objectives.prefetch_related("measures__results"),
            risks=arrangement.risks.all(),
            documents=arrangement.documents.all(),
            corporate_objectives=arrangement.corporate_objectives.all(),
            screening=Screening.objects.filter(arrangement=arrangement)
            .select_related("screened_by")
            .first(),
            screening_questions=policy.screening_questions(),
            panels=panels_for(self.request, arrangement),
            **kwargs,
        )


class ArrangementFormView(View):
    """Create and edit: 'Save as draft' keeps whatever is valid so far; 'Save and submit'
    also needs every answer the council's policy requires."""

    template_name = "register/arrangement_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_create_arrangement(request.user):
            raise PermissionDenied("You cannot record arrangements")
        return super().dispatch(request, *args, **kwargs)

    def get_arrangement(self):
        return self.arrangement

    def extra_save_arguments(self):
        return {}

    def make_form(self, data=None):
        return forms.ArrangementForm(data, instance=self.get_arrangement())

    def get(self, request, **kwargs):
        return self.render(self.make_form())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST)
        submit = request.POST.get("action") == forms.ArrangementForm.SUBMIT
        if form.is_valid() and submit:
            form.check_ready_to_submit()
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            arrangement = services.record_arrangement(
                arrangement=form.instance,
                corporate_objectives=form.cleaned_data["corporate_objectives"],
                user=request.user,
                submit=submit,
                version=form.version,
                **self.extra_save_arguments(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.render(form, status=400)
        except EditConflict as conflict:
            return conflict_page(
                request, conflict, form=form, what="the arrangement", arrangement=conflict.current
            )
        reference = form.instance.reference
        saved_message(request, arrangement, f"{reference} {'submitted' if submit else 'saved'}")
        return redirect(self.saved_url(form.instance, submit))

    def saved_url(self, arrangement, submitted) -> str:
        return arrangement.get_absolute_url()

    def render(self, form, status=200, previewed=False):
        instance = form.instance
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "arrangement": instance if instance.pk else None,
                "form_url": self.form_url(),
                "preview_url": self.preview_url(),
                "previewed": previewed,
                **route_preview(get_policy(), instance),
            },
            status=status,
        )


class RoutePreviewMixin:
    """The route preview of what is typed on the form, saving nothing: the form page again
    with the preview worked out from the posted answers. The 'Update the approval route'
    button posts here without JavaScript; static/js/route-preview.js posts here as fields
    change and swaps in the page's #route-preview-content. Same access as the form (the
    view it is mixed into), and CSRF-protected like every POST."""

    def get(self, request, **kwargs):
        return redirect(self.form_url())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST)
        # Validating builds form.instance from the valid answers; invalid ones keep their
        # earlier values and are listed on the page, with the preview of the rest.
        form.is_valid()
        return self.render(form, previewed=True)


class ArrangementCreateView(ArrangementFormView):
    """Only after a screening by this officer that found the proposal in scope."""

    def dispatch(self, request, *args, **kwargs):
        self.screening = Screening.objects.filter(
            pk=request.GET.get("screening") if request.GET.get("screening", "").isdigit() else None,
            screened_by=request.user.pk,
            in_scope=True,
            arrangement__isnull=True,
        ).first()
        if self.screening is None and request.user.is_authenticated:
            if not can_create_arrangement(request.user):
                raise PermissionDenied("You cannot record arrangements")
            return redirect("register:screening")
        return super().dispatch(request, *args, **kwargs)

    def get_arrangement(self):
        # The person recording leads it unless they choose someone else.
        return Arrangement(name=self.screening.proposal, lead_officer=self.request.user)

    def extra_save_arguments(self):
        return {"screening": self.screening}

    def form_url(self):
        return f"{reverse('register:create')}?screening={self.screening.pk}"

    def preview_url(self):
        return f"{reverse('register:create-route')}?screening={self.screening.pk}"

    def saved_url(self, arrangement, submitted):
        # After the first save: straight on to partners, risks and the council forms.
        if submitted:
            return arrangement.get_absolute_url()
        return reverse("register:next", args=[arrangement.reference])


class ArrangementCreateRouteView(RoutePreviewMixin, ArrangementCreateView):
    pass


class ArrangementUpdateView(ArrangementAccessMixin, ArrangementFormView):
    needs_edit = True

    def form_url(self):
        return reverse("register:edit", args=[self.arrangement.reference])

    def preview_url(self):
        return reverse("register:edit-route", args=[self.arrangement.reference])


class ArrangementUpdateRouteView(RoutePreviewMixin, ArrangementUpdateView):
    pass


class NextStepsView(ArrangementAccessMixin, TemplateView):
    """Right after the first save of a new arrangement: the partners, risks and council
    forms it needs, and what is still missing, so it is taken to 'ready to submit' in one
    journey."""

    template_name = "register/next_steps.html"
    needs_edit = True

    def get_context_data(self, **kwargs):
        arrangement = self.arrangement
        return super().get_context_data(
            arrangement=arrangement,
            missing=still_missing(get_policy(), arrangement),
            partners=arrangement.partners.all(),
            risks=arrangement.risks.all(),
            panels=panels_for(self.request, arrangement),
            **kwargs,
        )


class ScreeningView(View):
    """Is the proposal one the policy covers? Out-of-scope answers are told why, and kept."""

    def dispatch(self, request, *args, **kwargs):
        if not can_create_arrangement(request.user):
            raise PermissionDenied("You cannot record arrangements")
        self.policy = get_policy()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(forms.ScreeningForm(policy=self.policy))

    def post(self, request):
        form = forms.ScreeningForm(request.POST, policy=self.policy)
        if not form.is_valid():
            return self.render(form, status=400)
        screening = services.record_screening(
            proposal=form.cleaned_data["proposal"],
            answers=form.answers(),
            policy=self.policy,
            user=request.user,
        )
        if screening.in_scope:
            return redirect(f"{reverse('register:create')}?screening={screening.pk}")
        return render(
            request,
            "register/out_of_scope.html",
            {"screening": screening, "reasons": form.out_of_scope_reasons()},
        )

    def render(self, form, status=200):
        page = ShortFormPage(
            "Check the arrangement is covered",
            "Continue",
            reverse("register:list"),
            back_text="Back to the register",
            intro=(
                f"The {self.policy.council} {self.policy.name} covers partnerships and shared "
                "services. Some arrangements are dealt with in other ways. Your answers are "
                "kept with the arrangement.",
            ),
        )
        return short_form_page(self.request, page, form, status=status)


@dataclass(frozen=True)
class Part:
    """One kind of row that belongs to an arrangement, edited on its own small page."""

    model: type[models.Model]
    form_class: type
    noun: str
    lookup: str = "arrangement"  # path from the part to its arrangement
    editable: bool = True

    def of(self, arrangement):
        return self.model.objects.filter(**{self.lookup: arrangement})


PARTS = {
    "partners": Part(Partner, forms.PartnerForm, "partner"),
    "representatives": Part(
        CouncilRepresentative, forms.CouncilRepresentativeForm, "council representative"
    ),
    "objectives": Part(Objective, forms.ObjectiveForm, "objective"),
    "measures": Part(
        PerformanceMeasure,
        forms.PerformanceMeasureForm,
        "key performance measure",
        lookup="objective__arrangement",
    ),
    "results": Part(
        MeasureResult,
        forms.MeasureResultForm,
        "target and outturn",
        lookup="measure__objective__arrangement",
    ),
    "risks": Part(Risk, forms.RiskForm, "risk"),
    "documents": Part(Document, forms.DocumentForm, "document", editable=False),
}


class PartMixin(ArrangementAccessMixin):
    needs_edit = True

    def dispatch(self, request, *args, **kwargs):
        if kwargs["part"] not in PARTS:
            raise Http404("No such part of an arrangement")
        self.part = PARTS[kwargs["part"]]
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.part.of(self.arrangement), pk=self.kwargs["pk"])

    def render(self, template, **context):
        return render(
            self.request, template, {"arrangement": self.arrangement, "part": self.part, **context}
        )


class PartFormView(PartMixin, View):
    def render_form(self, form, status=200):
        noun = self.part.noun
        page = ShortFormPage(
            f"Change the {noun}" if form.instance.pk else f"Add {with_article(noun)}",
            "Save",
            self.arrangement.get_absolute_url(),
        )
        return short_form_page(
            self.request, page, form, arrangement=self.arrangement, status=status
        )

    def make_form(self, data=None, files=None):
        obj = self.get_object()
        if obj is not None and not self.part.editable:
            raise Http404("This cannot be edited; remove it and add it again")
        form = self.part.form_class(data, files, instance=obj)
        if hasattr(form, "limit_to"):
            form.limit_to(self.arrangement)
        return form

    def get(self, request, **kwargs):
        return self.render_form(self.make_form())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_form(form, status=400)
        try:
            saved = services.record_part(
                part=form.instance,
                arrangement=self.arrangement,
                user=request.user,
                version=form.version,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.render_form(form, status=400)
        except EditConflict as conflict:
            return conflict_page(
                request,
                conflict,
                form=form,
                what=f"the {self.part.noun}",
                arrangement=self.arrangement,
            )
        if isinstance(saved, Document):
            document_event("document.uploaded", request, saved)
        saved_message(request, saved, f"The {self.part.noun} has been saved")
        return redirect(self.arrangement)


class PartRemoveView(PartMixin, View):
    template_name = "register/part_remove.html"

    def get(self, request, **kwargs):
        return self.render(self.template_name, obj=self.get_object())

    def post(self, request, **kwargs):
        part = self.get_object()
        services.remove_part(part=part, arrangement=self.arrangement, user=request.user)
        if isinstance(part, Document):
            document_event("document.removed", request, part)
        messages.success(request, f"The {self.part.noun} has been removed")
        return redirect(self.arrangement)


def document_event(event: str, request, document, **details):
    security_event(
        event,
        request=request,
        record=document.arrangement.reference,
        document=document.pk,
        file_name=document.original_name,
        checksum=document.checksum,
        **details,
    )


class DocumentDownloadView(ArrangementAccessMixin, View):
    """Documents are private: served only to those who may see the arrangement, and only
    while the stored file still has the checksum taken on upload."""

    def get(self, request, reference, pk):
        document = get_object_or_404(self.arrangement.documents, pk=pk)
        try:
            content = verified_copy(document)
        except DocumentUnavailable as refusal:
            document_event(refusal.event, request, document)
            return render(
                request,
                "register/document_unavailable.html",
                {"arrangement": self.arrangement, "document": document, "reason": str(refusal)},
                status=409,
            )
        document_event("document.download", request, document)
        return FileResponse(
            content,
            as_attachment=True,
            filename=document.download_name,
            content_type=document.content_type,
        )


class RecategoriseView(ArrangementAccessMixin, View):
    def check(self):
        if not can_recategorise(self.request.user, get_policy()):
            raise PermissionDenied("Only the register's keepers may re-categorise")

    def get(self, request, reference):
        self.check()
        form = forms.RecategoriseForm(
            policy=get_policy(),
            initial={
                "category": self.arrangement.category_override or forms.RecategoriseForm.RULES,
                "reason": self.arrangement.category_override_reason,
            },
        )
        return self.render(form)

    def post(self, request, reference):
        self.check()
        form = forms.RecategoriseForm(request.POST, policy=get_policy())
        if not form.is_valid():
            return self.render(form, status=400)
        saved = services.recategorise(
            arrangement=self.arrangement,
            category=form.cleaned_data["category"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        )
        saved_message(request, saved, "The category has been changed")
        return redirect(self.arrangement)

    def render(self, form, status=200):
        page = ShortFormPage(
            "Re-categorise the arrangement",
            "Save",
            self.arrangement.get_absolute_url(),
            intro=(
                f"It is now {self.arrangement.category_reasons}",
                "An arrangement may be re-categorised at any time to reflect complicated, "
                "high-risk or changing circumstances. The reason, your name and the date are "
                "kept, and the approval route follows the new category.",
            ),
        )
        return short_form_page(
            self.request, page, form, arrangement=self.arrangement, status=status
        )


class ChecklistView(ArrangementAccessMixin, View):
    """A page of the policy's own questions, e.g. Dartford's significance scorecard."""

    needs_edit = True

    def dispatch(self, request, *args, **kwargs):
        policy = get_policy()
        self.checklist = next((c for c in policy.checklists if c.group == kwargs["group"]), None)
        if self.checklist is None:
            raise Http404("This council's policy has no such checklist")
        self.questions = policy.questions_in(self.checklist.group)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, reference, group):
        answers = self.arrangement.policy_answers or {}
        initial = {
            q.key: answers[q.key] if q.choices else str(bool(answers[q.key]))
            for q in self.questions
            if q.key in answers
        }
        return self.render(
            forms.ChecklistForm(questions=self.questions, initial=initial, row=self.arrangement)
        )

    def post(self, request, reference, group):
        form = forms.ChecklistForm(request.POST, questions=self.questions, row=self.arrangement)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            saved = services.record_policy_answers(
                arrangement=self.arrangement, answers=form.answers(), version=form.version
            )
        except EditConflict as conflict:
            return conflict_page(
                request,
                conflict,
                form=form,
                what=self.checklist.title,
                arrangement=conflict.current,
            )
        saved_message(request, saved, f"{self.checklist.title} saved")
        return redirect(self.arrangement)

    def render(self, form, status=200):
        checklist = self.checklist
        page = ShortFormPage(
            checklist.title,
            "Save",
            self.arrangement.get_absolute_url(),
            intro=(checklist.hint,) if checklist.hint else (),
        )
        return short_form_page(
            self.request, page, form, arrangement=self.arrangement, status=status
        )
