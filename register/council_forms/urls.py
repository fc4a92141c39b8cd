from django.urls import path, register_converter

from register.council_forms import views
from register.occasions import KEY_REGEX, Occasion


class OccasionConverter:
    regex = KEY_REGEX

    def to_python(self, value):
        return Occasion.from_key(value)

    def to_url(self, value):
        return value.key if isinstance(value, Occasion) else str(value)


register_converter(OccasionConverter, "occasion")

app_name = "council_forms"

urlpatterns = [
    path("blank/<slug:key>.pdf", views.BlankFormPdfView.as_view(), name="blank"),
    path(
        "<str:reference>/<occasion:occasion>/<slug:key>/", views.FormFillView.as_view(), name="fill"
    ),
    path(
        "<str:reference>/<occasion:occasion>/<slug:key>/pdf/",
        views.FormPdfView.as_view(),
        name="pdf",
    ),
]
