"""Annual reviews: one record per review an arrangement is due, from its policy's review
plan, with its life from due to considered, its outcome and the actions it sets."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from register.models import Arrangement, TimeStampedModel
from register.occasions import Occasion, review
from register.policies.base import OutcomeEffect


class ReviewStatus(models.TextChoices):
    DUE = "due", "Due"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted, awaiting consideration"
    CONSIDERED = "considered", "Considered"


# A review still to be done: not yet submitted for consideration.
OUTSTANDING = (ReviewStatus.DUE, ReviewStatus.IN_PROGRESS)


class Review(TimeStampedModel):
    arrangement = models.ForeignKey(Arrangement, on_delete=models.PROTECT, related_name="reviews")
    due_on = models.DateField("due")
    year_of_operation = models.PositiveSmallIntegerField()
    # The plan's words when the review was scheduled, so a later policy change does not
    # rewrite what this review was asked to be.
    template = models.CharField("template", max_length=300, blank=True)
    template_key = models.CharField(max_length=80, blank=True)  # its council form, if any
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews_to_complete",
        verbose_name="to be completed by",
    )
    considered_by = models.CharField("to be considered by", max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DUE)
    considered_by_body = models.BooleanField(default=False)  # at a meeting, with a minute
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Its consideration, recorded as a decision is in approvals: by whom, when (a body's
    # meeting date) and under which minute.
    considered_on = models.DateField("date considered", null=True, blank=True)
    minute = models.CharField("minute reference", max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(max_length=300, blank=True)  # in the policy's words
    outcome_effect = models.CharField(max_length=20, choices=OutcomeEffect.choices, blank=True)
    comment = models.TextField("what was concluded", blank=True, max_length=5000)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["arrangement", "due_on"], name="one_review_per_arrangement_and_due_date"
            ),
        ]

    def __str__(self):
        return f"Review of {self.arrangement.reference} due {self.due_on:%-d %B %Y}"

    @property
    def occasion(self) -> Occasion:
        """The council-forms occasion its template is filled for: the review of its year."""
        return review(self.due_on.year)


class ReviewAction(TimeStampedModel):
    """An action a review sets (G Appendix 4a: key areas of focus; B: improvement), tracked
    and shown at the next review."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="actions")
    description = models.CharField("action", max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_actions"
    )
    due_on = models.DateField("due")
    done_on = models.DateField("done", null=True, blank=True)
    progress = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description


class RetentionOutcome(models.TextChoices):
    KEEP = "keep", "Keep the records"
    DISPOSE = "dispose", "Dispose of the records"


class RetentionDecision(TimeStampedModel):
    """The register owner's decision on an ended arrangement past its retention date
    (B "Data retention"): keep its records, with the reason and the date of the next
    review, or dispose of them. Nothing is disposed of without one."""

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.PROTECT, related_name="retention_decisions"
    )
    outcome = models.CharField(max_length=20, choices=RetentionOutcome.choices)
    # The retention date that was due when it was decided.
    retention_date = models.DateField("retention date reviewed")
    reason = models.TextField("why the records are kept", blank=True, max_length=2000)
    keep_until = models.DateField("kept until", null=True, blank=True)
    # What disposal deleted and replaced, for the record once the rows themselves are gone.
    documents_deleted = models.JSONField("documents deleted", default=list, blank=True)
    names_replaced = models.PositiveIntegerField("names replaced by roles", default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="retention_decisions"
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    # The form's one-time token: the same button pressed twice records one decision.
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome=RetentionOutcome.DISPOSE)
                | (models.Q(keep_until__isnull=False) & ~models.Q(reason="")),
                name="a_keep_has_a_reason_and_a_date",
            ),
            models.UniqueConstraint(
                fields=["arrangement"],
                condition=models.Q(outcome=RetentionOutcome.DISPOSE),
                name="an_arrangement_is_disposed_of_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.arrangement.reference}"


class CalendarFeed(models.Model):
    """A person's private calendar address for the reviews they must complete. Whoever holds
    the address can read the feed without signing in, so it can be replaced (the old one
    stops working) or stopped."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)  # secrets.token_urlsafe(32)
    created = models.DateTimeField("address created")
    # History says who created, replaced or stopped a feed, and when; never its secret.
    history = HistoricalRecords(excluded_fields=["token"])

    def __str__(self):
        return f"Calendar feed of {self.user}"


class AssuranceExercise(TimeStampedModel):
    """The year's review of the governance of every partnership and shared service, for the
    Annual Governance Statement (G 6.10, D 6(viii)): opened by the register owner, answered
    by each responsible officer and confirmed by their Director."""

    year = models.PositiveSmallIntegerField(unique=True)
    returns_due_on = models.DateField("returns due by")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"Governance assurance {self.year}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class AssuranceStatus(models.TextChoices):
    AWAITING_OFFICER = "awaiting_officer", "Awaiting the responsible officer"
    AWAITING_DIRECTOR = "awaiting_director", "Awaiting the Director"
    RETURNED = "returned", "Returned"


class AssuranceReturn(TimeStampedModel):
    """One arrangement's return: the responsible officer's assurance that its governance is in
    place and that it still meets the objectives in the register, or what is not; then their
    Director's (G 6.10)."""

    exercise = models.ForeignKey(
        AssuranceExercise, on_delete=models.PROTECT, related_name="returns"
    )
    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.PROTECT, related_name="assurance_returns"
    )
    # Who was asked, when the exercise opened.
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assurance_returns",
        verbose_name="responsible officer",
    )
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assurance_returns_to_confirm",
    )
    status = models.CharField(
        max_length=20, choices=AssuranceStatus.choices, default=AssuranceStatus.AWAITING_OFFICER
    )
    governance_in_place = models.BooleanField("governance arrangements in place", null=True)
    governance_detail = models.TextField("what is not in place", blank=True, max_length=3000)
    meets_objectives = models.BooleanField("still meets the objectives in the register", null=True)
    objectives_detail = models.TextField("what is not being met", blank=True, max_length=3000)
    issues = models.JSONField("issues for the statement", default=list, blank=True)  # policy keys
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    director_assures = models.BooleanField("the Director gives assurance", null=True)
    director_comment = models.TextField("the Director's comment", blank=True, max_length=3000)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["arrangement__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "arrangement"], name="one_assurance_return_per_arrangement"
            ),
        ]

    def __str__(self):
        return f"Assurance {self.exercise.year}: {self.arrangement.reference}"

    @property
    def is_exception(self) -> bool:
        """Whether the annex lists it first: something said not to be in place or not met, an
        issue for the statement, or a Director who does not give assurance."""
        return (
            self.governance_in_place is False
            or self.meets_objectives is False
            or bool(self.issues)
            or self.director_assures is False
        )
