from django.urls import path

from approvals.pdf_views import RecordPdfView

app_name = "approvals_pdf"

urlpatterns = [
    path("record/<str:reference>/pdf/", RecordPdfView.as_view(), name="record-pdf"),
]
