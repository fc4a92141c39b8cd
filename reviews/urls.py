from django.urls import path

from reviews import calendar_views

app_name = "reviews"

urlpatterns = [
    path("calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path(
        "calendar/address/", calendar_views.CalendarAddressView.as_view(), name="calendar-address"
    ),
    path("calendar/stop/", calendar_views.CalendarStopView.as_view(), name="calendar-stop"),
    path(
        "calendar/<slug:token>.ics",
        calendar_views.CalendarFeedView.as_view(),
        name="calendar-feed",
    ),
]
