"""The lead officer (issue 14, point 6): a new arrangement's lead officer is the person
recording it unless they choose someone else, and only active people who may record
arrangements are offered; whoever an arrangement already names stays selectable."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from register.forms import ArrangementForm
from register.models import Arrangement
from register.roles import Role
from tests.factories import ArrangementFactory, UserFactory
from tests.test_arrangement_form import create_url, form_data

pytestmark = pytest.mark.django_db


def offered(page) -> dict[str, str]:
    """{value: shown} of the lead officer select, and which one is selected ("*" after)."""
    select = re.search(
        r'<select name="lead_officer"[^>]*>(.*?)</select>', page.content.decode(), re.S
    ).group(1)
    return {
        value: name.strip() + (" *" if selected else "")
        for value, selected, name in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    }


def test_a_new_arrangements_lead_officer_is_the_person_recording_it(client_for):
    recorder = UserFactory(roles=[Role.LEAD_OFFICER], first_name="Priya", last_name="Shah")
    client = client_for(recorder)
    page = client.get(create_url(recorder))
    choices = offered(page)
    assert choices[str(recorder.pk)] == "Priya Shah *"
    assert "You, unless you choose someone else who may record arrangements" in page.text
    assert [shown for shown in choices.values() if shown.endswith("*")] == ["Priya Shah *"]


def test_saved_as_drafted_the_person_recording_leads_it(client_for):
    recorder = UserFactory(roles=[Role.LEAD_OFFICER])
    client = client_for(recorder)
    url = create_url(recorder)
    client.post(url, {"name": "Kent Resilience Forum", "kind": "partnership", "action": "draft"})
    assert Arrangement.objects.get().lead_officer == recorder


def test_the_person_recording_may_name_another_lead_officer(client_for):
    recorder = UserFactory(roles=[Role.REGISTER_OWNER])
    lead = UserFactory(roles=[Role.LEAD_OFFICER])
    client = client_for(recorder)
    data = form_data(lead_officer=str(lead.pk)) | {"action": "draft"}
    assert client.post(create_url(recorder), data).status_code == 302
    assert Arrangement.objects.get().lead_officer == lead


PEOPLE = [
    # (who, offered as lead officer?)
    ("lead officer", {"roles": [Role.LEAD_OFFICER]}, True),
    ("head of service", {"roles": [Role.HEAD_OF_SERVICE]}, True),
    ("director", {"roles": [Role.DIRECTOR]}, True),
    ("register owner", {"roles": [Role.REGISTER_OWNER]}, True),
    ("administrator (superuser, no group)", {"roles": [], "is_superuser": True}, True),
    ("auditor who also leads", {"roles": [Role.INTERNAL_AUDIT, Role.LEAD_OFFICER]}, True),
    ("internal audit", {"roles": [Role.INTERNAL_AUDIT]}, False),
    ("overview & scrutiny", {"roles": [Role.OVERVIEW_SCRUTINY]}, False),
    ("switched-off lead officer", {"roles": [Role.LEAD_OFFICER], "is_active": False}, False),
    ("no role at all", {"roles": []}, False),
]


@pytest.mark.parametrize(("who", "kwargs", "is_offered"), PEOPLE, ids=[p[0] for p in PEOPLE])
def test_only_active_people_who_may_record_arrangements_are_offered(
    client_for, who, kwargs, is_offered
):
    person = UserFactory(**kwargs)
    recorder = UserFactory(roles=[Role.LEAD_OFFICER])
    client = client_for(recorder)
    assert (str(person.pk) in offered(client.get(create_url(recorder)))) is is_offered


@pytest.mark.parametrize(
    "kwargs",
    [{"roles": [Role.LEAD_OFFICER], "is_active": False}, {"roles": [Role.INTERNAL_AUDIT]}],
    ids=["switched off since", "read-only since"],
)
def test_a_lead_officer_already_named_stays_selectable_and_the_edit_saves(client_for, kwargs):
    named = UserFactory(first_name="Ann", last_name="Lee", **kwargs)
    arrangement = ArrangementFactory(lead_officer=named, complete=True)
    owner = UserFactory(roles=[Role.REGISTER_OWNER])
    client = client_for(owner)
    url = reverse("register:edit", args=[arrangement.reference])
    assert offered(client.get(url))[str(named.pk)] == "Ann Lee *"
    page = client.get(url)
    version = re.search(r'name="version" value="([^"]+)"', page.content.decode()).group(1)
    data = form_data(arrangement, area="Gravesham and Dartford", lead_officer=str(named.pk))
    response = client.post(url, data | {"action": "draft", "version": version})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Arrangement.objects.get(pk=arrangement.pk).lead_officer == named


def test_a_read_only_person_posted_as_lead_officer_is_refused_with_a_clear_message(client_for):
    auditor = UserFactory(roles=[Role.INTERNAL_AUDIT])
    recorder = UserFactory(roles=[Role.LEAD_OFFICER])
    client = client_for(recorder)
    data = form_data(lead_officer=str(auditor.pk)) | {"action": "draft"}
    response = client.post(create_url(recorder), data)
    assert response.status_code == 400
    assert response.context["form"].errors["lead_officer"] == [
        "Select a lead officer from the list: only people who may record arrangements can lead one"
    ]
    assert "govuk-error-summary" in response.content.decode()
    assert not Arrangement.objects.exists()


@pytest.mark.parametrize("people", [3, 40])
def test_the_lead_officer_choices_are_read_in_one_query(people):
    for n in range(people):
        UserFactory(roles=[Role.LEAD_OFFICER, Role.DIRECTOR] if n % 2 else [Role.LEAD_OFFICER])
    UserFactory(roles=[Role.INTERNAL_AUDIT])
    named = UserFactory(roles=[Role.OVERVIEW_SCRUTINY])
    form = ArrangementForm(instance=ArrangementFactory(lead_officer=named))
    with CaptureQueriesContext(connection) as queries:
        select = str(form["lead_officer"])  # as the page draws it
    assert len(queries) == 1
    # The blank, everyone who may lead, and the one named.
    assert select.count("<option") == 1 + people + 1
