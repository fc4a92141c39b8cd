from django.urls import path

from reviews import retention_views

app_name = "reviews"

urlpatterns = [
    path("retention/", retention_views.RetentionListView.as_view(), name="retention"),
    path(
        "retention/<str:reference>/",
        retention_views.RetentionDecisionView.as_view(),
        name="retention-decide",
    ),
    path(
        "retention/<str:reference>/dispose/",
        retention_views.RetentionDisposeView.as_view(),
        name="retention-dispose",
    ),
]
