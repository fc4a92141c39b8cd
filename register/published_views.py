"""The published register's pages and open data files, open to everyone without signing in,
and the register owner's page to prepare and publish an edition.

A draft edition has the same addresses as a published one, but only the register's keepers
can open them: that is the preview of exactly what will be published.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csp import get_nonce
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views import View
from django.views.generic import TemplateView

from register import forms, open_data, publication
from register.pdf import pdf_response
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, has_role
from register.security_log import security_event
from register.spreadsheets import csv_response, xlsx_bytes, xlsx_response
from register.views import apply_service_errors


def can_preview(user) -> bool:
    return has_role(user, *REGISTER_MANAGERS)


def publisher_name() -> str:
    return settings.COUNCIL_NAME or get_policy().council


@method_decorator(login_not_required, name="dispatch")
class EditionMixin:
    """Finds the edition of the URL: published ones for everyone, drafts for the keepers."""

    def dispatch(self, request, *args, **kwargs):
        slug = kwargs.get("edition", "latest")
        edition = publication.find_edition(slug)
        if edition is None and can_preview(request.user):
            edition = publication.find_edition(slug, published=False)
        if edition is None and slug == "latest":
            return render(request, "published/none.html", status=404)
        if edition is None:
            raise Http404("No such edition of the published register")
        self.edition = edition
        return super().dispatch(request, *args, **kwargs)

    def edition_context(self, **context):
        """What every page and PDF of an edition shows (the URL's arguments are not in it:
        `edition` is the edition itself)."""
        edition = self.edition
        return {
            "view": self,
            "edition": edition,
            "fields": open_data.fields_of(edition),
            "register_title": get_policy().register_title,
            "publisher": publisher_name(),
            "ogl_notice": open_data.OGL_NOTICE,
            "ogl_url": open_data.OGL_URL,
            **context,
        }


class EditionView(EditionMixin, TemplateView):
    template_name = "published/edition.html"

    def get(self, request, *args, **kwargs):
        """A visitor's view of a whole published edition never changes, so its page is
        made once and kept, with this request's CSP nonce put into it each time."""
        edition = self.edition
        signed_in = request.user.is_authenticated  # a visitor never sees a draft
        if request.GET or signed_in or len(messages.get_messages(request)):
            return super().get(request, *args, **kwargs)
        nonce = str(get_nonce(request)).encode()
        key = f"published-page:{edition.pk}:{edition.published_at.isoformat()}"
        parts = cache.get(key)  # the page, split where the nonce goes
        if parts is None:
            parts = super().get(request, *args, **kwargs).render().content.split(nonce)
            cache.set(key, parts, None)
        return HttpResponse(nonce.join(parts))

    def get_context_data(self, **kwargs):
        edition = self.edition
        form = forms.PublishedSearchForm(
            self.request.GET or None, categories=publication.categories_of(edition)
        )
        searched = form.is_valid() and any(form.cleaned_data.values())
        entries = (
            publication.search_entries(edition, **form.cleaned_data)
            if searched
            else edition.entries
        )
        context = self.edition_context(
            form=form,
            searched=searched,
            entries=entries,
            sections=publication.sections_of(entries),
            list_fields=[f for f in open_data.fields_of(edition) if f.name in open_data.LISTED],
            previous=publication.previous_edition(edition),
            editions=publication.published_editions().defer("entries"),
            committees=[(name, slugify(name)) for name in publication.committees_of(edition)],
            can_publish=publication.can_publish(self.request.user),
        )
        if edition.is_published and not searched:
            # The whole list of a published edition never changes: rendered once.
            key = f"published-list:{edition.pk}:{edition.published_at.isoformat()}"
            context["listing"] = mark_safe(  # our own template's output, escaped as it rendered
                cache.get_or_set(
                    key, lambda: render_to_string("published/sections.html", context), None
                )
            )
        return context


class EntryView(EditionMixin, TemplateView):
    template_name = "published/entry.html"

    def get_context_data(self, **kwargs):
        entry = next(
            (e for e in self.edition.entries if e["reference"] == self.kwargs["reference"]), None
        )
        if entry is None:
            raise Http404("No such entry in this edition")
        return self.edition_context(entry=entry)


class ChangesView(EditionMixin, TemplateView):
    template_name = "published/changes.html"

    def get_context_data(self, **kwargs):
        previous = publication.previous_edition(self.edition)
        return self.edition_context(
            previous=previous,
            changes=publication.changes_between(previous, self.edition),
        )


# --- Open data files ----------------------------------------------------------------------


def licence_link() -> str:
    return f'<{open_data.OGL_URL}>; rel="license"'


class CsvView(EditionMixin, View):
    def get(self, request, **kwargs):
        return csv_response(
            publication.csv_rows_of(self.edition),
            filename=f"register-{self.edition.slug}.csv",
            headers={
                "Link": f'<register.csv-metadata.json>; rel="describedby"; type="{open_data.CSVW}", '
                + licence_link()
            },
        )


class JsonView(EditionMixin, View):
    def get(self, request, **kwargs):
        return HttpResponse(
            open_data.json_document(self.edition, publisher=publisher_name()),
            content_type="application/json",
            headers={"Link": licence_link()},
        )


class XlsxView(EditionMixin, View):
    def get(self, request, **kwargs):
        edition = self.edition
        content = xlsx_bytes(
            open_data.rows(edition, typed=True),
            sheet="Register",
            notes=(
                open_data.edition_title(edition),
                edition.policy,
                open_data.OGL_NOTICE,
                open_data.OGL_URL,
            ),
        )
        response = xlsx_response(content, filename=f"register-{edition.slug}.xlsx")
        response["Link"] = licence_link()
        return response


class MetadataView(EditionMixin, View):
    """register.csv-metadata.json (W3C CSVW) or datapackage.json (Frictionless)."""

    describe = None  # open_data.csvw_metadata or open_data.datapackage
    content_type = "application/json"

    def get(self, request, **kwargs):
        document = self.describe(self.edition, publisher=publisher_name())
        return JsonResponse(
            document,
            content_type=self.content_type,
            json_dumps_params={"indent": 1, "ensure_ascii": False},
            headers={"Link": licence_link()},
        )


class EditionPdfView(EditionMixin, View):
    """The whole edition, split by part of the register, or a committee's extract of the
    entries in its remit, laid out for committee papers."""

    def get(self, request, committee=None, **kwargs):
        edition = self.edition
        entries = edition.entries
        heading = open_data.edition_title(edition)
        if committee is not None:
            names = {slugify(name): name for name in publication.committees_of(edition)}
            if committee not in names:
                raise Http404("No entries of this edition are reported to that committee")
            entries = [e for e in entries if e["reported_to"] == names[committee]]
            heading = f"{names[committee]}: extract of the {heading}"
        fields = open_data.fields_of(edition)
        context = self.edition_context(
            heading=heading,
            sections=publication.sections_of(entries),
            shown_fields=[f for f in fields if f.name not in ("name", "section")],
        )
        name = f"register-{edition.slug}" + (f"-{committee}" if committee else "")
        return pdf_response(
            request,
            "published/edition_pdf.html",
            context,
            filename=f"{name}.pdf",
            back_url=reverse("published:edition", args=[edition.slug]),
            # A published edition never changes: its PDFs are made once.
            cache_key=f"published-pdf:{name}:{edition.published_at.isoformat()}"
            if edition.is_published
            else None,
        )


@method_decorator(login_not_required, name="dispatch")
class CatalogueView(View):
    """/published/data.json: every published edition as a DCAT dataset."""

    def get(self, request):
        editions = publication.published_editions().defer("entries")
        return JsonResponse(
            open_data.catalogue(
                editions, publisher=publisher_name(), absolute=request.build_absolute_uri
            ),
            json_dumps_params={"indent": 1, "ensure_ascii": False},
        )


# --- The register owner's page ------------------------------------------------------------


class ManageEditionsView(View):
    """Every edition, drafts included, and the form to prepare the next one."""

    def dispatch(self, request, *args, **kwargs):
        if not can_preview(request.user):
            raise PermissionDenied("Only the register's keepers prepare the published register")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        latest = publication.latest_edition()
        year = latest.year + 1 if latest else None
        return self.render(forms.PrepareEditionForm(initial={"year": year}))

    def post(self, request):
        form = forms.PrepareEditionForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            edition = publication.prepare_edition(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.render(form, status=400)
        messages.success(
            request, f"The draft of the {edition.label} is ready to preview and publish"
        )
        return redirect(edition.get_absolute_url())

    def render(self, form, status=200):
        return render(
            self.request,
            "published/manage.html",
            {
                "form": form,
                "editions": publication.Edition.objects.defer("entries"),
                "can_publish": publication.can_publish(self.request.user),
            },
            status=status,
        )


class PublishView(EditionMixin, View):
    """The Publish button on a draft's preview; opened, it goes back to the preview."""

    def get(self, request, **kwargs):
        return redirect(self.edition.get_absolute_url())

    def post(self, request, **kwargs):
        try:
            edition = publication.publish_edition(edition=self.edition, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.edition.get_absolute_url())
        security_event(
            "publication.published",
            request=request,
            record=edition.slug,
            entries=len(edition.entries),
            people_named=settings.PUBLISH_PEOPLE_NAMES,
        )
        messages.success(request, f"The {edition.label} is published")
        return redirect(edition.get_absolute_url())
