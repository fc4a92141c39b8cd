from django.urls import path

from register import home_views, import_views, timeline_views, views

app_name = "register"

urlpatterns = [
    path("", views.ArrangementListView.as_view(), name="list"),
    path("mine/", views.MyArrangementsView.as_view(), name="mine"),
    path("register.csv", views.ArrangementExportView.as_view(), name="export-csv"),
    path("register.xlsx", views.ArrangementExportView.as_view(format="xlsx"), name="export-xlsx"),
    path("import/", import_views.ImportStartView.as_view(), name="import"),
    path("import/template.xlsx", import_views.ImportTemplateView.as_view(), name="import-template"),
    path("import/<int:pk>/", import_views.ImportRunView.as_view(), name="import-run"),
    path(
        "import/<int:pk>/columns/", import_views.ImportColumnsView.as_view(), name="import-columns"
    ),
    path(
        "import/<int:pk>/confirm/", import_views.ImportConfirmView.as_view(), name="import-confirm"
    ),
    path("risks/", home_views.RiskListView.as_view(), name="risks"),
    path("new/", views.ArrangementCreateView.as_view(), name="create"),
    path("new/screening/", views.ScreeningView.as_view(), name="screening"),
    path("new/route/", views.ArrangementCreateRouteView.as_view(), name="create-route"),
    path("<str:reference>/", views.ArrangementDetailView.as_view(), name="detail"),
    path("<str:reference>/edit/", views.ArrangementUpdateView.as_view(), name="edit"),
    path(
        "<str:reference>/edit/route/", views.ArrangementUpdateRouteView.as_view(), name="edit-route"
    ),
    path("<str:reference>/next/", views.NextStepsView.as_view(), name="next"),
    path(
        "<str:reference>/history/", timeline_views.ArrangementHistoryView.as_view(), name="history"
    ),
    path(
        "<str:reference>/history.csv",
        timeline_views.ArrangementHistoryCsvView.as_view(),
        name="history-csv",
    ),
    path(
        "<str:reference>/history/forms/<int:response>/version-<int:version>/",
        timeline_views.FormVersionView.as_view(),
        name="form-version",
    ),
    path("<str:reference>/category/", views.RecategoriseView.as_view(), name="recategorise"),
    path(
        "<str:reference>/checklists/<slug:group>/",
        views.ChecklistView.as_view(),
        name="checklist",
    ),
    path(
        "<str:reference>/documents/<int:pk>/download/",
        views.DocumentDownloadView.as_view(),
        name="document-download",
    ),
    path("<str:reference>/<slug:part>/add/", views.PartFormView.as_view(), name="part-add"),
    path(
        "<str:reference>/<slug:part>/<int:pk>/edit/", views.PartFormView.as_view(), name="part-edit"
    ),
    path(
        "<str:reference>/<slug:part>/<int:pk>/remove/",
        views.PartRemoveView.as_view(),
        name="part-remove",
    ),
]
