"""The approval record as a PDF, for the file or a meeting's papers."""

from django.http import HttpResponse
from django.template import engines
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views import View

from approvals.views import visible_arrangement
from register.pdf import PdfRenderError, render_pdf

# Shown with status 503 when the PDF takes too long; PDF templates have no page of their own.
UNAVAILABLE_PAGE = """{% extends "base.html" %}
{% block title %}The PDF could not be made{% endblock %}
{% block content %}
<h1 class="govuk-heading-l">The PDF could not be made</h1>
<p class="govuk-body">{{ message }}</p>
<p class="govuk-body"><a class="govuk-link" href="{{ back_url }}">Go back to the approval record</a></p>
{% endblock %}"""


class RecordPdfView(View):
    """The approval record (every round, step, person, outcome, comment and time) as a PDF.
    Whoever cannot see the arrangement gets 404, as on the record page."""

    template_name = "approvals/record_pdf.html"

    def get(self, request, reference):
        arrangement = visible_arrangement(request, reference)
        rounds = arrangement.rounds.prefetch_related(
            "steps__decisions__decided_by", "steps__decisions__on_behalf_of"
        ).select_related("opened_by")
        try:
            pdf = render_pdf(self.template_name, {"arrangement": arrangement, "rounds": rounds})
        except PdfRenderError as error:
            page = engines["django"].from_string(UNAVAILABLE_PAGE)
            back_url = reverse("approvals:record", kwargs={"reference": arrangement.reference})
            context = {"message": str(error), "back_url": back_url}
            response = HttpResponse(page.render(context, request), status=503)
            response["Retry-After"] = "120"
            return response
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{arrangement.reference}-approval-record.pdf"
        )
        return response
