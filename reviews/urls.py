from django.urls import path

from reviews import calendar_views

app_name = "reviews"

urlpatterns = [
    path("calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path(
        "calendar/<slug:token>.ics",
        calendar_views.CalendarFeedView.as_view(),
        name="calendar-feed",
    ),
]
