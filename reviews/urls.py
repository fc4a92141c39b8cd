from django.urls import path

from reviews import assurance_views, calendar_views, retention_views, views

app_name = "reviews"

urlpatterns = [
    path("", views.ReviewBoardView.as_view(), name="board"),
    path("reviews.csv", views.ReviewBoardView.as_view(), {"export": True}, name="board-csv"),
    path("late/", views.LateReviewsView.as_view(), name="late"),
    path("late.csv", views.LateReviewsView.as_view(), {"export": True}, name="late-csv"),
    path("summary/", views.YearSummaryView.as_view(), name="summary"),
    path("summary/<int:year>/", views.YearSummaryView.as_view(), name="summary-year"),
    path("<int:pk>/", views.ReviewDetailView.as_view(), name="detail"),
    path("<int:pk>/consider/", views.ConsiderView.as_view(), name="consider"),
    path("<int:pk>/submit/", views.SubmitReviewView.as_view(), name="submit"),
    path("actions/<int:pk>/", views.ActionView.as_view(), name="action"),
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
    path("assurance/", assurance_views.AssuranceListView.as_view(), name="assurance-list"),
    path("assurance/open/", assurance_views.OpenExerciseView.as_view(), name="assurance-open"),
    path(
        "assurance/<int:year>/", assurance_views.AssuranceExerciseView.as_view(), name="assurance"
    ),
    path(
        "assurance/<int:year>/close/",
        assurance_views.CloseExerciseView.as_view(),
        name="assurance-close",
    ),
    path(
        "assurance/<int:year>/annex/", assurance_views.AnnexView.as_view(), name="assurance-annex"
    ),
    path(
        "assurance/<int:year>/annex.pdf",
        assurance_views.AnnexView.as_view(),
        {"export": "pdf"},
        name="assurance-annex-pdf",
    ),
    path(
        "assurance/<int:year>/annex.csv",
        assurance_views.AnnexView.as_view(),
        {"export": "csv"},
        name="assurance-annex-csv",
    ),
    path(
        "assurance/returns/<int:pk>/",
        assurance_views.AssuranceReturnView.as_view(),
        name="assurance-return",
    ),
    path("calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path(
        "calendar/<slug:token>.ics",
        calendar_views.CalendarFeedView.as_view(),
        name="calendar-feed",
    ),
]
