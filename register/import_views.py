"""The pages that bring a council's register in: upload, match the columns, the dry run's
preview with its progress, and the import. For the register's keepers only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from register.imports import services
from register.imports.checking import UNCHANGED, tally
from register.imports.columns import template_bytes
from register.imports.files import FileRefused
from register.imports.forms import ColumnsForm, UploadForm
from register.models import ImportRun
from register.security_log import security_event
from register.spreadsheets import xlsx_response
from register.views import apply_service_errors

REFRESH_SECONDS = 2  # how often a running check's page reloads itself


class KeepersOnly(View):
    def dispatch(self, request, *args, **kwargs):
        if not services.can_import(request.user):
            raise PermissionDenied("Only the register owner or an administrator may import")
        return super().dispatch(request, *args, **kwargs)


class ImportStartView(KeepersOnly):
    template_name = "register/imports/start.html"

    def get(self, request):
        return self.render(UploadForm())

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                run = services.upload(
                    file=form.cleaned_data["file"],
                    user=request.user,
                    mapping=form.cleaned_data["mapping"],
                )
            except FileRefused as refused:
                form.add_error("file", str(refused))
            else:
                return redirect("register:import-columns", pk=run.pk)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return render(
            self.request,
            self.template_name,
            {"form": form, "runs": services.runs_for_list()},
            status=status,
        )


class ImportTemplateView(KeepersOnly):
    def get(self, request):
        return xlsx_response(template_bytes(), filename="register-import-template.xlsx")


class RunMixin(KeepersOnly):
    def dispatch(self, request, *args, **kwargs):
        self.run = get_object_or_404(
            ImportRun.objects.select_related("uploaded_by"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class ImportColumnsView(RunMixin):
    template_name = "register/imports/columns.html"

    def make_form(self, data=None):
        return ColumnsForm(data, headings=self.run.headings, mapping=self.run.mapping)

    def get(self, request, pk):
        return self.render(self.make_form())

    def post(self, request, pk):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                services.choose_columns(
                    run=self.run, mapping=form.mapping(), user=request.user, save_as=form.save_as()
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                return redirect(self.run)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return render(
            self.request, self.template_name, {"form": form, "run": self.run}, status=status
        )


class ImportRunView(RunMixin):
    """Progress while the task queue checks or imports it (the page reloads itself, no
    JavaScript), then the preview: every row as new, update, unchanged or error."""

    template_name = "register/imports/run.html"

    def get(self, request, pk):
        run = self.run
        return render(
            request,
            self.template_name,
            {
                "run": run,
                "refresh": REFRESH_SECONDS if run.is_running else None,
                "counts": tally(row["action"] for row in run.preview),
                "rows": [row for row in run.preview if row["action"] != UNCHANGED],
                "can_confirm": services.can_confirm(run),
            },
        )


class ImportConfirmView(RunMixin):
    def get(self, request, pk):
        return redirect(self.run)

    def post(self, request, pk):
        try:
            services.confirm(run=self.run, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            security_event(
                "import.confirmed",
                request=request,
                record=f"import {self.run.pk}",
                file_name=self.run.file_name,
            )
        return redirect(reverse("register:import-run", args=[pk]))
