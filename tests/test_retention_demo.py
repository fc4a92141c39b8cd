"""The demo register has an ended arrangement past its retention date, with an uploaded
document and a named representative, for the register owner to review (issue 11 point 7)."""

import dataclasses
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from register.models import Arrangement, CouncilRepresentative
from register.policies import gravesham
from reviews import retention
from reviews.retention_demo import NAME, REPRESENTATIVE, TERMS, seed_retention_demo


@pytest.mark.parametrize("council", ["gravesham", "brentwood"])
def test_the_demo_register_has_an_arrangement_past_its_retention_date(
    demo_seed, db, settings, council
):
    settings.COUNCIL_POLICY = council
    today = timezone.localdate()
    arrangement = seed_retention_demo(today)
    (due,) = [item for item in retention.past_retention(today) if item.arrangement == arrangement]
    assert due.documents_held == 1
    assert due.retention_date < today
    representative = CouncilRepresentative.objects.get(arrangement=arrangement)
    assert (representative.name, representative.role) == REPRESENTATIVE


def test_seeding_the_retention_demo_again_adds_nothing(demo_seed, db):
    first = seed_retention_demo()
    assert seed_retention_demo() == first
    assert Arrangement.objects.filter(name=NAME).count() == 1


def test_under_a_longer_retention_period_the_demo_ended_long_enough_ago(demo_seed, db, monkeypatch):
    longer = dataclasses.replace(gravesham.POLICY, retention_months=120)
    monkeypatch.setattr(gravesham, "POLICY", longer)
    today = timezone.localdate()
    arrangement = seed_retention_demo(today)
    assert retention.retention_of(arrangement).retention_date < today
    assert arrangement in [item.arrangement for item in retention.past_retention(today)]


def test_the_demo_register_owner_can_dispose_of_the_demo_records(demo_seed, db):
    arrangement = seed_retention_demo()
    owner = get_user_model().objects.get(username="register_owner")
    decision = retention.dispose(arrangement=arrangement, user=owner, token=uuid.uuid4().hex)
    assert decision.documents_deleted == [TERMS]
    assert decision.names_replaced == 2  # the representative and the risk owner
    assert not arrangement.documents.exists()
