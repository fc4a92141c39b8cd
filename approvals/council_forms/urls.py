from django.urls import path

from approvals.council_forms import views

app_name = "council_forms"

urlpatterns = [
    path("blank/<slug:key>.pdf", views.BlankFormPdfView.as_view(), name="blank"),
    path("<str:reference>/<slug:key>/", views.FormFillView.as_view(), name="fill"),
    path("<str:reference>/<slug:key>/pdf/", views.FormPdfView.as_view(), name="pdf"),
]
