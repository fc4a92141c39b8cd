"""What the reviews app adds to the arrangement page and to 'My arrangements'."""

from django.utils import timezone

from reviews.models import ReviewStatus
from reviews.selectors import reviews_of


def review_panel(request, arrangement):
    """When it is next reviewed, the open review and the earlier ones."""
    reviews = reviews_of([arrangement.pk])[arrangement.pk]
    if not reviews and arrangement.next_review_due is None and not arrangement.represented_by:
        return None
    return (
        "reviews/panel.html",
        {
            "reviews": reviews,
            "today": timezone.localdate(),
            "next_review_due": arrangement.next_review_due,
            "represented_by": arrangement.represented_by,
        },
    )


def review_notes(request, arrangements):
    """On 'My arrangements': each one's review not yet considered, and how close it is."""
    ids = [a.pk for a in arrangements]
    today = timezone.localdate()
    notes = {}
    for pk, reviews in reviews_of(ids).items():
        open_review = next((r for r in reviews if r.status != ReviewStatus.CONSIDERED), None)
        if open_review is not None:
            notes[pk] = {"review": open_review, "days_overdue": (today - open_review.due_on).days}
    return "reviews/list_note.html", notes


def assurance_notes(request, arrangements):
    """On 'My arrangements': a governance assurance return waiting on this person."""
    from reviews.assurance import returns_owed_by

    ids = [a.pk for a in arrangements]
    owed = returns_owed_by(request.user).filter(arrangement_id__in=ids)
    return "reviews/assurance/list_note.html", {r.arrangement_id: {"owed": r} for r in owed}
