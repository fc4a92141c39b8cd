"""Django admin: every model is there, searchable and filterable."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from register.roles import Role
from tests.factories import (
    CorporateObjectiveFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    FormResponseFactory,
    MeasureResultFactory,
    PartnerFactory,
    PortfolioFactory,
    RiskFactory,
    ScreeningFactory,
)


def register_models():
    return [
        model
        for model in apps.get_app_config("register").get_models()
        if not model.__name__.startswith("Historical") and not model._meta.auto_created
    ]


def test_every_register_model_is_in_admin():
    missing = [m.__name__ for m in register_models() if m not in admin.site._registry]
    assert missing == []


def test_every_admin_screen_has_search():
    no_search = [m.__name__ for m in register_models() if not admin.site._registry[m].search_fields]
    assert no_search == []


@pytest.fixture
def rows(db):
    CorporateObjectiveFactory()
    PortfolioFactory()
    ScreeningFactory()
    MeasureResultFactory()
    PartnerFactory()
    RiskFactory()
    CouncilRepresentativeFactory()
    DocumentFactory()
    FormResponseFactory()


@pytest.mark.parametrize("model", register_models(), ids=lambda m: m.__name__)
def test_admin_list_search_and_history_pages_open(administrator_client, rows, model):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    changelist = reverse(f"{prefix}_changelist")
    assert administrator_client.get(changelist).status_code == 200
    assert administrator_client.get(changelist, {"q": "a"}).status_code == 200
    obj = model.objects.first()
    assert administrator_client.get(reverse(f"{prefix}_history", args=[obj.pk])).status_code == 200
    assert administrator_client.get(reverse(f"{prefix}_change", args=[obj.pk])).status_code == 200


def test_arrangement_admin_filters_by_status_and_kind(administrator_client, rows):
    url = reverse("admin:register_arrangement_changelist")
    response = administrator_client.get(
        url, {"status__exact": "draft", "kind__exact": "partnership"}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


def test_every_role_has_a_group_after_migrate(db):
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


def test_register_owner_keeps_corporate_objectives_and_services_in_admin(client_for):
    client = client_for(Role.REGISTER_OWNER, is_staff=True)
    add = reverse("admin:register_corporateobjective_add")
    response = client.post(add, {"title": "A safe and clean borough", "is_current": "on"})
    assert response.status_code == 302
    assert client.get(reverse("admin:register_service_changelist")).status_code == 200
    assert client.get(reverse("admin:register_arrangement_changelist")).status_code == 403
