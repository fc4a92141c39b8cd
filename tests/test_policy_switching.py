"""Switching COUNCIL_POLICY changes categories, wording, routes and previews throughout: on
the demo register, seeded once for the module (`demo_register`)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from register.models import Arrangement
from register.policies import COUNCILS, get_policy
from register.roles import Role
from tests.factories import ArrangementFactory

POLICIES = list(COUNCILS)


@pytest.mark.parametrize("key", POLICIES)
def test_every_demo_arrangement_is_classified_under_the_chosen_policy(
    settings, demo_register, db, key
):
    settings.COUNCIL_POLICY = key
    call_command("reclassify", verbosity=0)
    policy = get_policy()
    categories = {category.key for category in policy.categories}
    for arrangement in Arrangement.objects.all():
        assert arrangement.category in categories, (arrangement.name, arrangement.category)
        assert arrangement.classified_under.startswith(policy.council)
        assert arrangement.category_reasons


@pytest.mark.parametrize("key", POLICIES)
def test_pages_speak_the_chosen_councils_words(settings, demo_register, client_for, key):
    settings.COUNCIL_POLICY = key
    call_command("reclassify", verbosity=0)
    policy = get_policy()
    client = client_for(Role.INTERNAL_AUDIT)
    listing = client.get(reverse("register:list")).content.decode()
    assert policy.council in listing
    arrangement = Arrangement.objects.exclude(status="draft").order_by("pk").first()
    page = client.get(arrangement.get_absolute_url()).content.decode()
    classification = policy.effective_classification(arrangement)
    assert f"<strong>{classification.category.label}</strong>" in page
    first_step = policy.route(arrangement)[0].steps[0].describe()
    assert first_step.replace("'", "&#x27;") in page
    assert policy.name in page


@pytest.mark.parametrize("key", POLICIES)
def test_screening_speaks_the_chosen_policys_words(settings, lead_officer_client, key):
    settings.COUNCIL_POLICY = key
    policy = get_policy()
    answers = {q.key: "False" for q in policy.screening_questions()}
    response = lead_officer_client.post(
        reverse("register:screening"),
        {"proposal": "A leisure contract", **answers, "client_contractor": "True"},
    )
    reason = policy.screening_questions()[0].out_of_scope
    assert reason.replace("'", "&#x27;").replace('"', "&quot;") in response.content.decode()


def test_reclassify_saves_only_what_moved(demo_register, db):
    call_command("reclassify", verbosity=0)
    before = Arrangement.history.count()
    call_command("reclassify", verbosity=0)
    assert Arrangement.history.count() == before


def test_a_missing_policy_answer_links_to_its_checklist(
    settings, lead_officer_client, lead_officer
):
    settings.COUNCIL_POLICY = "south_derbyshire"
    policy = get_policy()
    arrangement = ArrangementFactory(lead_officer=lead_officer, complete=True)
    missing = {item.field for item in policy.missing(arrangement)}
    question = next(q for q in policy.questions if q.key in missing)
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    url = reverse("register:checklist", args=[arrangement.reference, question.group])
    assert f'href="{url}"' in page
