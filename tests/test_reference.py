import datetime
import re

import pytest

from register.models import Arrangement, next_reference
from tests.factories import ArrangementFactory


@pytest.mark.django_db
def test_new_arrangement_gets_a_readable_reference_of_this_year():
    arrangement = ArrangementFactory()
    year = datetime.date.today().year
    assert re.fullmatch(rf"PA-{year}-\d{{4}}", arrangement.reference)


@pytest.mark.django_db
def test_references_count_up_within_a_year():
    first, second = ArrangementFactory(), ArrangementFactory()
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1


@pytest.mark.django_db
def test_reference_numbering_starts_again_each_year():
    ArrangementFactory()
    assert next_reference(datetime.date(2099, 1, 1)) == "PA-2099-0001"


@pytest.mark.django_db
def test_reference_does_not_change_when_the_arrangement_is_saved_again():
    arrangement = ArrangementFactory()
    reference = arrangement.reference
    arrangement.name = "Renamed"
    arrangement.save()
    arrangement.refresh_from_db()
    assert arrangement.reference == reference


@pytest.mark.django_db
def test_numbering_goes_on_past_9999_in_a_year():
    year = datetime.date.today().year
    for number in ("9999", "10000"):
        arrangement = ArrangementFactory()
        Arrangement.objects.filter(pk=arrangement.pk).update(reference=f"PA-{year}-{number}")
    assert next_reference() == f"PA-{year}-10001"
    assert ArrangementFactory().reference == f"PA-{year}-10001"
