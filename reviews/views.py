"""Reviews pages. Views check access, call a selector or service, and render."""

import itertools

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View

from register import formatting
from register.council_forms import definition as definition_for
from register.council_forms.selectors import response_for
from register.policies import get_policy
from register.roles import Role, can_view_arrangement
from register.security_log import security_event
from register.spreadsheets import csv_response, neutralised_rows
from register.views import apply_service_errors, saved_message
from reviews import selectors, services
from reviews.forms import ActionProgressForm, ConsiderationForm, ReviewFilterForm
from reviews.models import Review, ReviewAction, ReviewStatus
from reviews.permissions import completes, may_consider, sees_every_review

CSV_COLUMNS = (
    "Reference",
    "Arrangement",
    "Category",
    "Service",
    "Due",
    "Status",
    "Days overdue",
    "To be completed by",
    "To be considered by",
    "Template",
)


def _filtered(request):
    """The reviews this person follows, with the page's filters applied."""
    form = ReviewFilterForm(request.GET or None, categories=get_policy().categories)
    filters = form.cleaned_data if form.is_valid() else {}
    reviews = selectors.open_reviews(**{k: v for k, v in filters.items() if v})
    if not sees_every_review(request.user):
        reviews = reviews.filter(completed_by=request.user)
    return form, reviews


def _csv(request, filename, reviews):
    security_event("export.reviews", request=request, file_name=filename, rows=len(reviews))
    rows = (
        [
            review.arrangement.reference,
            review.arrangement.name,
            review.arrangement.category,
            review.arrangement.service or "",
            review.due_on.isoformat(),
            review.get_status_display(),
            max(review.days_overdue, 0),
            formatting.person(review.completed_by),
            review.considered_by,
            review.template,
        ]
        for review in reviews
    )
    return csv_response(
        neutralised_rows(itertools.chain([CSV_COLUMNS], rows)), filename=filename, attachment=True
    )


class ReviewBoardView(View):
    """Overdue, due soon, in progress and awaiting consideration (issue 11, point 5)."""

    def get(self, request, export=False):
        form, reviews = _filtered(request)
        today = timezone.localdate()
        board = selectors.board(today, reviews)
        if export:
            rows = [review for _key, _title, shown in board.sections for review in shown]
            return _csv(request, f"reviews-{today.isoformat()}.csv", rows)
        return render(
            request,
            "reviews/board.html",
            {
                "board": board,
                "filter_form": form,
                "query_string": request.GET.urlencode(),
                "everyone": sees_every_review(request.user),
                "owner_title": get_policy().title(Role.REGISTER_OWNER),
            },
        )


class LateReviewsView(View):
    """The exception report of late reviews (B "Monitoring")."""

    def get(self, request, export=False):
        form, reviews = _filtered(request)
        today = timezone.localdate()
        late = selectors.late_reviews(today, reviews)
        if export:
            return _csv(request, f"late-reviews-{today.isoformat()}.csv", late)
        return render(
            request,
            "reviews/late.html",
            {
                "late": late,
                "today": today,
                "filter_form": form,
                "query_string": request.GET.urlencode(),
                "owner_title": get_policy().title(Role.REGISTER_OWNER),
            },
        )


class YearSummaryView(View):
    """A year's reviews summarised across all arrangements, by template, for the body that
    receives them (SD: "a summary ... to SMT"; G 6.7: to Cabinet)."""

    def get(self, request, year=None):
        if not sees_every_review(request.user):
            raise PermissionDenied("The summary of every review is for the register's keepers")
        year = year or timezone.localdate().year
        return render(
            request,
            "reviews/summary.html",
            {
                "year": year,
                "summaries": selectors.year_summary(year, get_policy()),
                "years": [year - 1, year + 1],
            },
        )


class ReviewMixin:
    def dispatch(self, request, *args, **kwargs):
        self.review = get_object_or_404(
            Review.objects.select_related(
                "arrangement", "completed_by", "submitted_by", "recorded_by"
            ),
            pk=kwargs["pk"],
        )
        if not can_view_arrangement(request.user, self.review.arrangement):
            raise Http404("No review found")
        return super().dispatch(request, *args, **kwargs)

    def page(self, consideration_form=None, status=200):
        review, user = self.review, self.request.user
        policy = get_policy()
        definition = (
            definition_for(review.template_key, policy.key) if review.template_key else None
        )
        allowed, why_not = may_consider(user, review)
        if consideration_form is None and allowed and review.status == ReviewStatus.SUBMITTED:
            consideration_form = _consideration_form(review)
        return render(
            self.request,
            "reviews/review.html",
            {
                "review": review,
                "arrangement": review.arrangement,
                "plan": policy.review_plan(review.arrangement),
                "definition": definition,
                "response": response_for(review.arrangement, definition, review.occasion)
                if definition
                else None,
                "completes": completes(user, review),
                "may_consider": allowed,
                "why_not": why_not,
                "form": consideration_form,
                "actions": review.actions.select_related("owner"),
                "earlier_actions": selectors.actions_from_earlier_reviews(review),
                "history": review.history.select_related("history_user").order_by("history_date"),
            },
            status=status,
        )


def _consideration_form(review, data=None):
    return ConsiderationForm(data, plan=get_policy().review_plan(review.arrangement), review=review)


class ReviewDetailView(ReviewMixin, View):
    def get(self, request, pk):
        return self.page()


class ReviewPostMixin(ReviewMixin):
    """A button on the review page: opened in the browser, it is the review page."""

    def get(self, request, pk):
        return redirect("reviews:detail", pk)


class ConsiderView(ReviewPostMixin, View):
    def post(self, request, pk):
        allowed, why_not = may_consider(request.user, self.review)
        if not allowed:
            raise PermissionDenied(why_not)
        form = _consideration_form(self.review, request.POST)
        if form.is_valid():
            try:
                services.consider_review(review=self.review, user=request.user, **form.details())
            except ValidationError as refusal:
                apply_service_errors(form, refusal)
            else:
                messages.success(request, f"Consideration recorded: {form.cleaned_data['outcome']}")
                return redirect("reviews:detail", self.review.pk)
        self.review.refresh_from_db()
        return self.page(form, status=400)


class SubmitReviewView(ReviewPostMixin, View):
    def post(self, request, pk):
        if not completes(request.user, self.review):
            raise PermissionDenied("Only the officer responsible for it submits this review")
        try:
            services.submit_review(review=self.review, user=request.user)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, "Review submitted for consideration")
        return redirect("reviews:detail", self.review.pk)


class ActionView(View):
    """Its owner (or the register's keepers) reports progress on an action."""

    def dispatch(self, request, *args, **kwargs):
        self.action = get_object_or_404(
            ReviewAction.objects.select_related("review__arrangement", "owner"), pk=kwargs["pk"]
        )
        review = self.action.review
        if not can_view_arrangement(request.user, review.arrangement):
            raise Http404("No action found")
        if self.action.owner_id != request.user.pk and not completes(request.user, review):
            raise PermissionDenied("Only the action's owner or the review's officer updates it")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        initial = {"progress": self.action.progress, "done_on": self.action.done_on}
        return self.render(ActionProgressForm(initial=initial))

    def post(self, request, pk):
        form = ActionProgressForm(request.POST)
        if form.is_valid():
            try:
                saved = services.update_action(
                    action=self.action, user=request.user, **form.cleaned_data
                )
            except ValidationError as refusal:
                apply_service_errors(form, refusal)
            else:
                saved_message(request, saved, "Progress on the action saved")
                return redirect("reviews:detail", self.action.review_id)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return render(
            self.request,
            "reviews/action.html",
            {"action": self.action, "review": self.action.review, "form": form},
            status=status,
        )
