"""The demo register has reviews in every state (issue 11, point 8), and seeding again
changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from reviews.models import Review, ReviewAction, ReviewStatus


@pytest.mark.django_db
def test_the_demo_has_reviews_in_every_state_including_an_overdue_one(demo_register):
    statuses = set(Review.objects.values_list("status", flat=True))
    assert statuses == set(ReviewStatus.values)
    overdue = Review.objects.filter(status=ReviewStatus.DUE, due_on__lt=timezone.localdate())
    assert overdue.filter(arrangement__name="Gravesham Community Safety Partnership").exists()


@pytest.mark.django_db
def test_the_demo_shared_service_is_on_appendix_4b_with_last_years_actions(demo_register):
    current, last_year = Review.objects.filter(
        arrangement__name="North Kent Shared Audit Service"
    ).order_by("-due_on")
    assert current.template_key == "gravesham_shared_service_review_4b"
    assert current.status == ReviewStatus.IN_PROGRESS
    assert last_year.status == ReviewStatus.CONSIDERED and last_year.minute
    assert ReviewAction.objects.filter(review=last_year).count() == 2


@pytest.mark.django_db
def test_seeding_the_demo_reviews_again_changes_nothing(demo_register):
    before = (Review.objects.count(), Review.history.count(), ReviewAction.objects.count())
    call_command("seed_demo_reviews", stdout=StringIO())
    assert (Review.objects.count(), Review.history.count(), ReviewAction.objects.count()) == before


@pytest.mark.django_db
def test_seed_demo_reviews_is_refused_in_production(settings):
    from django.core.management.base import CommandError

    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="not allowed"):
        call_command("seed_demo_reviews", stdout=StringIO())
