"""The occasion a council template is filled for: the approval of a submission, the review
of a given year, or a cessation. The same template may be filled once per occasion, so a
review template is filled again every year and the earlier years stay readable."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import TextChoices


class OccasionKind(TextChoices):
    APPROVAL = "approval", "Approval"
    REVIEW = "review", "Review"
    CESSATION = "cessation", "Cessation"


# An occasion's key, in URLs and in the database: approval, cessation or review-2027.
KEY_REGEX = "approval|cessation|review-[12][0-9]{3}"
KEY_PATTERN = re.compile(f"^(?:{KEY_REGEX})$")


@dataclass(frozen=True)
class Occasion:
    kind: OccasionKind
    year: int | None = None  # of a review

    @classmethod
    def from_key(cls, key: str) -> "Occasion":
        """'approval', 'cessation' or 'review-2027'; ValueError for anything else."""
        if not KEY_PATTERN.match(key or ""):
            raise ValueError(f"{key!r} is not an occasion")
        if key.startswith("review-"):
            return cls(OccasionKind.REVIEW, int(key.removeprefix("review-")))
        return cls(OccasionKind(key))

    @property
    def key(self) -> str:
        return f"review-{self.year}" if self.kind == OccasionKind.REVIEW else str(self.kind)

    @property
    def is_approval(self) -> bool:
        return self.kind == OccasionKind.APPROVAL

    @property
    def label(self) -> str:
        if self.kind == OccasionKind.REVIEW:
            return f"Review of {self.year}"
        return self.kind.label

    def __str__(self):
        return self.label


APPROVAL = Occasion(OccasionKind.APPROVAL)
CESSATION = Occasion(OccasionKind.CESSATION)


def review(year: int) -> Occasion:
    return Occasion(OccasionKind.REVIEW, year)


def validate_occasion_key(key):
    try:
        Occasion.from_key(key)
    except ValueError as error:
        raise ValidationError(str(error), code="invalid") from error
