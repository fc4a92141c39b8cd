"""The approval record as a PDF, for the file or a meeting's papers."""

from django.urls import reverse
from django.views import View

from approvals.selectors import record_rounds
from register.pdf import pdf_response
from register.security_log import security_event
from register.views import visible_arrangement


class RecordPdfView(View):
    """The approval record (every round, step, person, outcome, comment and time) as a PDF.
    Whoever cannot see the arrangement gets 404, as on the record page."""

    def get(self, request, reference):
        arrangement = visible_arrangement(request, reference)
        security_event("export.approval_record_pdf", request=request, record=reference)
        return pdf_response(
            request,
            "approvals/record_pdf.html",
            {"arrangement": arrangement, "rounds": record_rounds(arrangement)},
            filename=f"{arrangement.reference}-approval-record.pdf",
            back_url=reverse("approvals:record", kwargs={"reference": reference}),
        )
