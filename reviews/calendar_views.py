"""The calendar feed's pages: the person's own page to create, replace or stop their private
address, and the feed itself, read by calendar apps that cannot sign in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from reviews import calendar
from reviews.models import CalendarFeed


class CalendarView(TemplateView):
    """The person's own calendar address: create it, replace it or stop the feed."""

    template_name = "reviews/calendar.html"

    def get_context_data(self, **kwargs):
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        return super().get_context_data(
            feed=feed,
            address=calendar.feed_address(feed) if feed else "",
            reviews=calendar.reviews_in_calendar(self.request.user).count(),
            **kwargs,
        )

    def post(self, request):
        action = request.POST.get("action")
        if action == "stop":
            calendar.stop_calendar_feed(user=request.user)
            messages.success(request, "Your calendar feed has stopped: its address no longer works")
        elif action in ("create", "replace"):
            replacing = CalendarFeed.objects.filter(user=request.user).exists()
            calendar.new_calendar_address(user=request.user)
            messages.success(
                request,
                "Your calendar address has been replaced: the old one no longer works"
                if replacing
                else "Your private calendar address has been created",
            )
        else:
            return HttpResponseBadRequest("Choose create, replace or stop")
        return redirect("reviews:calendar")


@method_decorator([login_not_required, never_cache], name="dispatch")
class CalendarFeedView(View):
    """The private address itself stands in for signing in; a replaced or stopped one is
    not found, like any address that never was."""

    http_method_names = ["get", "head"]

    def get(self, request, token):
        feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
        if feed is None or not feed.user.is_active:
            raise Http404("No such calendar")
        response = HttpResponse(
            calendar.review_calendar(feed.user), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = 'inline; filename="reviews.ics"'
        response["X-Robots-Tag"] = "noindex"
        return response
