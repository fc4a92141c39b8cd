"""Reads of the reviews app."""

from reviews.models import Review, ReviewStatus
from reviews.services import REVIEWED_STATUSES

# A review still to be done: not yet submitted for consideration.
OUTSTANDING = (ReviewStatus.DUE, ReviewStatus.IN_PROGRESS)


def outstanding_reviews():
    """Reviews still to be done, of arrangements still reviewed (an ended one is not)."""
    return Review.objects.filter(
        status__in=OUTSTANDING, arrangement__status__in=REVIEWED_STATUSES
    ).select_related("arrangement", "completed_by")
