"""Every change is kept, in plain words, with who made it; nobody can rewrite it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from register.models import Arrangement, MeasureResult
from register.roles import Role
from register.timeline import Names, value_words
from tests.editing import post_as_opened
from tests.factories import ArrangementFactory, CorporateObjectiveFactory
from tests.test_arrangement_form import form_data


@pytest.fixture
def lead_officer(user_with_role):
    return user_with_role(Role.LEAD_OFFICER, first_name="Priya", last_name="Shah")


@pytest.fixture
def arrangement(lead_officer):
    return ArrangementFactory(
        lead_officer=lead_officer, cash_per_year="10000.00", exit_strategy="Six months' notice"
    )


def history_page(client, arrangement):
    return client.get(reverse("register:history", args=[arrangement.reference])).content.decode()


def test_history_says_who_changed_which_field_from_what_to_what(lead_officer_client, arrangement):
    lead_officer_client.post(
        reverse("register:edit", args=[arrangement.reference]),
        form_data(
            arrangement,
            cash_per_year="62000",
            name=arrangement.name,
            exit_strategy="Twelve months' notice",
        ),
    )
    page = history_page(lead_officer_client, arrangement)
    assert "Priya Shah changed the arrangement" in page
    assert "Council cash a year (£)" in page
    assert "£10,000" in page and "£62,000" in page
    assert "Six months&#x27; notice" in page and "Twelve months&#x27; notice" in page


def test_history_records_partners_added_changed_and_removed(lead_officer_client, arrangement):
    add = reverse("register:part-add", args=[arrangement.reference, "partners"])
    lead_officer_client.post(add, {"name": "Kent Police", "sector": "police_fire"})
    partner = arrangement.partners.get()
    post_as_opened(
        lead_officer_client,
        reverse("register:part-edit", args=[arrangement.reference, "partners", partner.pk]),
        {"name": "Kent Police", "sector": "police_fire", "contribution": "Two officers"},
    )
    lead_officer_client.post(
        reverse("register:part-remove", args=[arrangement.reference, "partners", partner.pk])
    )
    page = history_page(lead_officer_client, arrangement)
    assert "Priya Shah added partner ‘Kent Police’" in page
    assert "Priya Shah changed partner ‘Kent Police’" in page
    assert "Two officers" in page
    assert "Priya Shah removed partner ‘Kent Police’" in page


def test_history_records_risks_and_documents(lead_officer_client, arrangement):
    lead_officer_client.post(
        reverse("register:part-add", args=[arrangement.reference, "risks"]),
        {"description": "Funding ends", "likelihood": "3", "impact": "4"},
    )
    page = history_page(lead_officer_client, arrangement)
    assert "added risk ‘Funding ends’" in page
    assert "3 – Possible" in page


def test_history_records_corporate_objectives_chosen(lead_officer_client, arrangement):
    objective = CorporateObjectiveFactory(title="A safe and clean borough")
    lead_officer_client.post(
        reverse("register:edit", args=[arrangement.reference]),
        form_data(arrangement, corporate_objectives=[objective.pk]),
    )
    assert "A safe and clean borough" in history_page(lead_officer_client, arrangement)


def test_history_escapes_what_officers_typed(lead_officer_client, arrangement):
    lead_officer_client.post(
        reverse("register:edit", args=[arrangement.reference]),
        form_data(arrangement, exit_strategy="<script>alert(1)</script>"),
    )
    page = history_page(lead_officer_client, arrangement)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_admin_history_cannot_be_reverted(administrator_client, arrangement):
    arrangement.name = "Renamed"
    arrangement.save()
    first = arrangement.history.earliest()
    url = reverse(
        "admin:register_arrangement_simple_history", args=[arrangement.pk, first.history_id]
    )
    assert administrator_client.get(url).status_code == 403
    assert administrator_client.post(url, {"name": "Rewritten"}).status_code == 403
    arrangement.refresh_from_db()
    assert arrangement.name == "Renamed"


def test_admin_history_list_is_readable(administrator_client, arrangement):
    url = reverse("admin:register_arrangement_history", args=[arrangement.pk])
    assert administrator_client.get(url).status_code == 200


def test_history_tables_are_not_in_admin(administrator_client):
    from django.contrib import admin

    historical = [m for m in admin.site._registry if m.__name__.startswith("Historical")]
    assert historical == []


def test_every_register_model_keeps_history():
    from django.apps import apps

    for model in apps.get_app_config("register").get_models():
        if model.__name__.startswith("Historical") or model._meta.auto_created:
            continue
        assert hasattr(model, "history"), model.__name__


def test_deleting_an_arrangement_is_not_offered_in_admin(administrator_client, arrangement):
    url = reverse("admin:register_arrangement_delete", args=[arrangement.pk])
    assert administrator_client.post(url, {"post": "yes"}).status_code == 403
    assert Arrangement.objects.filter(pk=arrangement.pk).exists()


@pytest.mark.parametrize(
    "field, value, shown",
    [
        ("cash_per_year", Decimal("62000.00"), "£62,000"),
        ("cash_per_year", Decimal("62000.50"), "£62,000.50"),
        ("staff_fte", Decimal("1.50"), "1.5"),  # staff time, not money
    ],
)
def test_history_shows_money_as_pounds_and_other_numbers_plainly(field, value, shown):
    assert value_words(Arrangement._meta.get_field(field), value, Names()) == shown


def test_history_shows_targets_and_outturns_as_plain_numbers():
    field = MeasureResult._meta.get_field("target")
    assert value_words(field, Decimal("1250.00"), Names()) == "1,250"
