"""The policy layer as the portal uses it: choosing a policy, classification on every save,
re-categorisation, and the route preview."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from register.policies import COUNCILS, UnknownPolicy, get_policy
from register.roles import Role
from tests.factories import ArrangementFactory


def test_gravesham_is_the_default_policy(monkeypatch, settings):
    import importlib

    import config.settings.base

    monkeypatch.delenv("COUNCIL_POLICY", raising=False)
    settings.COUNCIL_POLICY = importlib.reload(config.settings.base).COUNCIL_POLICY
    assert get_policy().key == "gravesham"


def test_the_installation_policy_comes_from_council_policy(settings):
    settings.COUNCIL_POLICY = "gravesham"
    assert get_policy().key == "gravesham"
    assert get_policy("gravesham").council == "Gravesham Borough Council"


def test_an_unknown_policy_is_refused_with_the_choices():
    with pytest.raises(UnknownPolicy, match="gravesham, dartford"):
        get_policy("kent")


@pytest.mark.django_db
def test_the_system_check_refuses_an_unknown_council_policy(settings):
    settings.COUNCIL_POLICY = "kent"
    with pytest.raises(SystemCheckError, match="register.E001"):
        call_command("check")


def test_five_council_policies_ship():
    assert set(COUNCILS) == {
        "gravesham",
        "dartford",
        "south_derbyshire",
        "central_bedfordshire",
        "brentwood",
    }


@pytest.mark.django_db
def test_classification_is_stored_on_save_with_its_reasons_and_policy():
    arrangement = ArrangementFactory(
        cash_per_year=Decimal("50000"),
        staff_cost_per_year=0,
        in_kind_per_year=Decimal("12000"),
        is_statutory=False,
    )
    assert arrangement.category == "significant"
    assert arrangement.category_reasons == (
        "Significant: council resources of £62,000 a year are £50,000 or more (G 1.11b)"
    )
    assert arrangement.classified_under == (
        "Gravesham Borough Council, Working in Partnership Framework 2021"
    )


@pytest.mark.django_db
def test_a_change_of_category_appears_in_history(client_for, lead_officer):
    arrangement = ArrangementFactory(
        lead_officer=lead_officer,
        is_statutory=False,
        cash_per_year=Decimal("1000"),
        staff_cost_per_year=0,
    )
    assert arrangement.category == "other"
    arrangement.cash_per_year = Decimal("80000")
    arrangement.save()
    page = (
        client_for(lead_officer)
        .get(reverse("register:history", args=[arrangement.reference]))
        .content.decode()
    )
    assert "Category" in page
    assert "Why it is in its category" in page
    assert "£80,000 a year are £50,000 or more" in page


@pytest.fixture
def arrangement(lead_officer):
    return ArrangementFactory(
        lead_officer=lead_officer,
        is_statutory=False,
        cash_per_year=Decimal("1000"),
        staff_cost_per_year=0,
    )


def test_register_owner_recategorises_with_reason_who_and_when(client_for, arrangement):
    client = client_for(Role.REGISTER_OWNER, first_name="Karen", last_name="Fletcher")
    url = reverse("register:recategorise", args=[arrangement.reference])
    response = client.post(
        url, {"category": "significant", "reason": "High public profile after the flooding"}
    )
    assert response.status_code == 302
    arrangement.refresh_from_db()
    assert arrangement.category == "significant"
    assert arrangement.category_reasons == (
        "Significant: re-categorised: High public profile after the flooding"
    )
    assert arrangement.category_overridden_by == client.user
    assert arrangement.category_overridden_at is not None
    page = client.get(arrangement.get_absolute_url()).content.decode()
    assert "Re-categorised by Karen Fletcher" in page
    # The route follows the new category (G 2.14a: Management Team).
    assert "Discussion at Management Team" in page


def test_recategorising_needs_a_reason(client_for, arrangement):
    client = client_for(Role.REGISTER_OWNER)
    url = reverse("register:recategorise", args=[arrangement.reference])
    response = client.post(url, {"category": "significant", "reason": " "})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["Enter the reason for re-categorising it"]
    arrangement.refresh_from_db()
    assert arrangement.category == "other"


def test_recategorising_back_to_the_rules_clears_the_override(client_for, arrangement):
    client = client_for(Role.REGISTER_OWNER)
    url = reverse("register:recategorise", args=[arrangement.reference])
    client.post(url, {"category": "significant", "reason": "Profile"})
    client.post(url, {"category": "rules", "reason": ""})
    arrangement.refresh_from_db()
    assert (arrangement.category, arrangement.category_override) == ("other", "")
    assert arrangement.category_overridden_by is None


@pytest.mark.parametrize("role", [Role.LEAD_OFFICER, Role.INTERNAL_AUDIT, Role.DIRECTOR])
def test_only_the_register_keepers_recategorise(client_for, arrangement, lead_officer, role):
    client = client_for(lead_officer if role == Role.LEAD_OFFICER else role)
    arrangement.status = "active"
    arrangement.save()
    url = reverse("register:recategorise", args=[arrangement.reference])
    assert client.post(url, {"category": "significant", "reason": "x"}).status_code == 403


def test_an_unknown_category_is_refused(client_for, arrangement):
    client = client_for(Role.REGISTER_OWNER)
    url = reverse("register:recategorise", args=[arrangement.reference])
    response = client.post(url, {"category": "major", "reason": "Not a Gravesham category"})
    assert response.status_code == 400


def test_the_arrangement_page_previews_category_route_and_forms(lead_officer_client, arrangement):
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    assert "council resources of £1,000 a year are below £50,000" in page
    assert "Opinion of the Monitoring Officer (or Deputy Monitoring Officer)" in page
    assert "Approval by the relevant Director" in page
    assert "Partnership Evaluation (Appendix 1)" in page


def test_the_form_previews_the_route_of_what_was_typed(lead_officer_client, arrangement):
    from tests.test_arrangement_form import form_data

    response = lead_officer_client.post(
        reverse("register:edit", args=[arrangement.reference]),
        form_data(arrangement, cash_per_year="70000", name=""),
    )
    assert response.status_code == 400
    assert "£90,000 a year are £50,000 or more" in response.content.decode()
    arrangement.refresh_from_db()
    assert arrangement.category == "other"
