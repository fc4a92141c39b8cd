from django.urls import path

from reviews import calendar_views, retention_views, views

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
    path("calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path(
        "calendar/<slug:token>.ics",
        calendar_views.CalendarFeedView.as_view(),
        name="calendar-feed",
    ),
]
