"""/published/: the public register, its open data, and the register owner's editions page."""

from django.urls import path, register_converter

from register import open_data
from register import published_views as views


class EditionConverter:
    """An edition's address: its year, the year and number of a correction, or "latest"."""

    regex = r"latest|\d{4}(?:-\d{1,3})?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(EditionConverter, "edition")

app_name = "published"

urlpatterns = [
    path("", views.EditionView.as_view(), name="latest"),
    path("data.json", views.CatalogueView.as_view(), name="catalogue"),
    path("manage/", views.ManageEditionsView.as_view(), name="manage"),
    path("<edition:edition>/", views.EditionView.as_view(), name="edition"),
    path("<edition:edition>/publish/", views.PublishView.as_view(), name="publish"),
    path("<edition:edition>/changes/", views.ChangesView.as_view(), name="changes"),
    path("<edition:edition>/register.csv", views.CsvView.as_view(), name="csv"),
    path("<edition:edition>/register.json", views.JsonView.as_view(), name="json"),
    path("<edition:edition>/register.xlsx", views.XlsxView.as_view(), name="xlsx"),
    path(
        "<edition:edition>/register.csv-metadata.json",
        views.MetadataView.as_view(describe=open_data.csvw_metadata, content_type=open_data.CSVW),
        name="csvw",
    ),
    path(
        "<edition:edition>/datapackage.json",
        views.MetadataView.as_view(describe=open_data.datapackage),
        name="datapackage",
    ),
    path("<edition:edition>/register.pdf", views.EditionPdfView.as_view(), name="pdf"),
    path(
        "<edition:edition>/committees/<slug:committee>.pdf",
        views.EditionPdfView.as_view(),
        name="committee-pdf",
    ),
    path("<edition:edition>/<str:reference>/", views.EntryView.as_view(), name="entry"),
]
