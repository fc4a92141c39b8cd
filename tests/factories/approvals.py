"""Factories of the approvals app's models."""

import datetime

import factory
from django.utils import timezone

from approvals.models import DeclaredInterest, Deputy
from register.roles import Role
from tests.factories.register import ArrangementFactory, UserFactory


class DeputyFactory(factory.django.DjangoModelFactory):
    """A week's cover for the Section 151 Officer, starting today."""

    class Meta:
        model = Deputy

    holder = factory.SubFactory(UserFactory, roles=[Role.SECTION_151_OFFICER])
    deputy = factory.SubFactory(UserFactory, roles=[Role.LEAD_OFFICER])
    role = Role.SECTION_151_OFFICER
    starts = factory.LazyFunction(timezone.localdate)
    ends = factory.LazyAttribute(lambda deputy: deputy.starts + datetime.timedelta(days=7))


class DeclaredInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeclaredInterest

    user = factory.SubFactory(UserFactory)
    arrangement = factory.SubFactory(ArrangementFactory)
    description = "My spouse chairs one of the partners"
