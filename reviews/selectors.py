"""Reads of the reviews app, each in a fixed number of queries however many reviews."""

import datetime
from dataclasses import dataclass, field

from reviews.models import OUTSTANDING, Review, ReviewAction, ReviewStatus
from reviews.services import REVIEWED_STATUSES


def open_reviews(*, service=None, officer=None, category=""):
    """Reviews not yet considered, with what their rows show, filtered."""
    reviews = (
        Review.objects.exclude(status=ReviewStatus.CONSIDERED)
        .select_related("arrangement", "arrangement__service", "completed_by")
        .order_by("due_on", "pk")
    )
    if service is not None:
        reviews = reviews.filter(arrangement__service=service)
    if officer is not None:
        reviews = reviews.filter(completed_by=officer)
    if category:
        reviews = reviews.filter(arrangement__category=category)
    return reviews


@dataclass
class Board:
    """The register owner's view of reviews (issue 11, point 5), by where each stands."""

    today: datetime.date
    overdue: list = field(default_factory=list)
    due_in_30_days: list = field(default_factory=list)
    due_in_90_days: list = field(default_factory=list)
    in_progress: list = field(default_factory=list)
    submitted: list = field(default_factory=list)

    def add(self, review):
        review.days_overdue = (self.today - review.due_on).days
        if review.status == ReviewStatus.SUBMITTED:
            self.submitted.append(review)
        elif review.days_overdue > 0:
            self.overdue.append(review)
        elif review.status == ReviewStatus.IN_PROGRESS:
            self.in_progress.append(review)
        elif review.days_overdue >= -30:
            self.due_in_30_days.append(review)
        elif review.days_overdue >= -90:
            self.due_in_90_days.append(review)

    @property
    def sections(self):
        return [
            ("overdue", "Overdue", self.overdue),
            ("due-30", "Due in the next 30 days", self.due_in_30_days),
            ("due-90", "Due in 31 to 90 days", self.due_in_90_days),
            ("in-progress", "In progress", self.in_progress),
            ("submitted", "Submitted, awaiting consideration", self.submitted),
        ]


def board(today: datetime.date, reviews) -> Board:
    shown = Board(today)
    for review in reviews:
        shown.add(review)
    return shown


def late_reviews(today: datetime.date, reviews) -> list[Review]:
    """Reviews past their due date and not yet submitted, the latest first: the exception
    report of late reviews (B "Monitoring")."""
    late = list(reviews.filter(status__in=OUTSTANDING, due_on__lt=today))
    for review in late:
        review.days_overdue = (today - review.due_on).days
    return sorted(late, key=lambda r: -r.days_overdue)


def actions_from_earlier_reviews(review) -> list[ReviewAction]:
    """What earlier reviews of the arrangement set, for this review to report on."""
    return list(
        ReviewAction.objects.filter(
            review__arrangement_id=review.arrangement_id, review__due_on__lt=review.due_on
        ).select_related("owner", "review")
    )


def reviews_of(arrangement_ids) -> dict[int, list[Review]]:
    """{arrangement pk: its reviews, the latest first}, in one query."""
    found = {pk: [] for pk in arrangement_ids}
    for review in Review.objects.filter(arrangement_id__in=arrangement_ids).order_by("-due_on"):
        found[review.arrangement_id].append(review)
    return found


@dataclass
class TemplateSummary:
    """One template's reviews of a year, across all arrangements: each review's outcome,
    and how many gave each answer to each of its choice questions (e.g. SD Appendix 3's
    scores, summarised to SMT)."""

    definition: object  # its council form, or None for a template not in the browser
    title: str
    reviews: list = field(default_factory=list)
    answers: list = field(default_factory=list)  # (question label, [(answer, count), ...])


def year_summary(year: int, policy) -> list[TemplateSummary]:
    """Every review due in `year`, by template, in two queries."""
    from register.council_forms import definition as definition_for
    from register.council_forms.base import Kind
    from register.models import FormResponse, FormStatus
    from register.occasions import review as review_of

    reviews = list(
        Review.objects.filter(due_on__year=year).select_related("arrangement", "completed_by")
    )
    submitted = {
        (r.arrangement_id, r.form_key): r.answers
        for r in FormResponse.objects.filter(
            occasion=review_of(year).key, status=FormStatus.SUBMITTED
        ).only("arrangement_id", "form_key", "answers")
    }
    summaries = {}
    for review in sorted(reviews, key=lambda r: r.arrangement.name.lower()):
        if review.template_key not in summaries:
            definition = definition_for(review.template_key, policy.key)
            summaries[review.template_key] = TemplateSummary(
                definition, review.template or "Reviews with no template"
            )
        review.answers = submitted.get((review.arrangement_id, review.template_key))
        summaries[review.template_key].reviews.append(review)
    for summary in summaries.values():
        if summary.definition is None:
            continue
        for name, question in summary.definition.fields():
            if question.kind not in (Kind.CHOICE, Kind.YES_NO):
                continue
            given = [r.answers.get(name) for r in summary.reviews if r.answers]
            choices = (
                question.choices if question.kind == Kind.CHOICE else ((True, "Yes"), (False, "No"))
            )
            summary.answers.append(
                (question.label, [(label, given.count(value)) for value, label in choices])
            )
    return list(summaries.values())


def outstanding_reviews():
    """Reviews still to be done, of arrangements still reviewed (an ended one is not)."""
    return Review.objects.filter(
        status__in=OUTSTANDING, arrangement__status__in=REVIEWED_STATUSES
    ).select_related("arrangement", "completed_by")
