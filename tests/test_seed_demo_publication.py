"""The demo's published register (issue 12, point 8): `make run` leaves last year's edition,
this year's, and a draft of next year's, which the demo register owner publishes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from register import publication
from register.models import Edition, EditionStatus


@pytest.fixture
def this_year():
    return timezone.localdate().year


def test_the_demo_has_two_published_editions_and_a_draft_of_the_next(demo_register, db, this_year):
    editions = [(e.year, e.status) for e in Edition.objects.all()]
    assert editions == [
        (this_year + 1, EditionStatus.DRAFT),
        (this_year, EditionStatus.PUBLISHED),
        (this_year - 1, EditionStatus.PUBLISHED),
    ]


def test_the_demo_editions_changes_have_something_to_show(demo_register, db, this_year):
    edition = publication.find_edition(str(this_year))
    changes = publication.changes_between(publication.previous_edition(edition), edition)
    assert changes.new
    assert all(entry["date_created"] >= f"{this_year}-01-01" for entry in changes.new)


def test_the_demo_register_owner_publishes_the_draft_and_a_visitor_reads_it(
    demo_register, db, this_year
):
    owner = Client()
    owner.force_login(get_user_model().objects.get(username="register_owner"))
    draft = str(this_year + 1)
    assert owner.get(reverse("published:edition", args=[draft])).status_code == 200
    assert Client().get(reverse("published:edition", args=[draft])).status_code == 404
    owner.post(reverse("published:publish", args=[draft]))
    visitor = Client().get(reverse("published:latest"))
    assert visitor.context["edition"].slug == draft


def test_seeding_the_demo_publication_again_changes_nothing(demo_register, db):
    before = list(Edition.objects.values_list("pk", "status", "snapshot_at"))
    output = io.StringIO()
    call_command("seed_demo_publication", stdout=output)
    assert list(Edition.objects.values_list("pk", "status", "snapshot_at")) == before
    assert "3 editions of the published register" in output.getvalue()


def test_the_demo_maps_every_portfolio_to_a_committee(demo_register, db):
    from register.models import Portfolio

    assert not Portfolio.objects.filter(committee__isnull=True).exists()
