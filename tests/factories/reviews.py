"""Factories of the reviews app's models."""

import datetime

import factory

from register.choices import ArrangementType, Kind, Status
from reviews.models import Review
from tests.factories.register import ArrangementFactory


class ReviewFactory(factory.django.DjangoModelFactory):
    """A Gravesham full shared service's first annual review (G 6.7a), due, to be completed
    by its lead officer."""

    class Meta:
        model = Review

    arrangement = factory.SubFactory(
        ArrangementFactory,
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
        status=Status.ACTIVE,
    )
    due_on = datetime.date(2027, 4, 1)
    year_of_operation = 1
    template = "Shared Service Review: comprehensive (Appendix 4a)"
    template_key = "gravesham_shared_service_review_4a"
    completed_by = factory.SelfAttribute("arrangement.lead_officer")
    considered_by = "the relevant Cabinet Committee or Cabinet"
