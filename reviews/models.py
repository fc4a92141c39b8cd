"""Annual reviews: one record per review an arrangement is due, from its policy's review
plan, with its life from due to considered, its outcome and the actions it sets."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from register.models import Arrangement, TimeStampedModel
from register.occasions import Occasion, review


class ReviewStatus(models.TextChoices):
    DUE = "due", "Due"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted, awaiting consideration"
    CONSIDERED = "considered", "Considered"


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
