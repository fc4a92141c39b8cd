"""Django admin: every model is there, searchable and filterable."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from register.choices import Status
from register.models import ImportMapping, ImportRun, Portfolio
from register.publication import prepare_edition
from register.roles import Role
from tests.factories import (
    ArrangementFactory,
    CommitteeFactory,
    CorporateObjectiveFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    FormResponseFactory,
    MeasureResultFactory,
    PartnerFactory,
    PortfolioFactory,
    RiskFactory,
    ScreeningFactory,
    UserFactory,
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
    CommitteeFactory()
    ArrangementFactory(status=Status.ACTIVE)
    owner = UserFactory(roles=[Role.REGISTER_OWNER])
    prepare_edition(year=2026, user=owner)
    ImportMapping.objects.create(
        name="Intranet register", columns={"Title": "name"}, saved_by=owner
    )
    ImportRun.objects.create(file_name="register.xlsx", uploaded_by=owner)


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


PORTFOLIO_ADMIN = [
    # (case, role, add page, list page)
    ("the register owner keeps portfolios", Role.REGISTER_OWNER, 200, 200),
    ("Internal Audit reads nothing in admin", Role.INTERNAL_AUDIT, 403, 403),
    ("Overview & Scrutiny reads nothing in admin", Role.OVERVIEW_SCRUTINY, 403, 403),
    ("a Portfolio Holder does not choose their own portfolio", Role.PORTFOLIO_HOLDER, 403, 403),
]


@pytest.mark.parametrize(
    ("case", "role", "add", "changelist"), PORTFOLIO_ADMIN, ids=[c[0] for c in PORTFOLIO_ADMIN]
)
def test_only_the_register_owner_keeps_portfolios_in_admin_G_2_14(
    client_for, case, role, add, changelist
):
    client = client_for(role, is_staff=True)  # staff status alone gives no permission
    assert client.get(reverse("admin:register_portfolio_add")).status_code == add
    assert client.get(reverse("admin:register_portfolio_changelist")).status_code == changelist


def test_a_portfolio_is_held_by_someone_in_the_portfolio_holder_role(client_for, user_with_role):
    holder = user_with_role(Role.PORTFOLIO_HOLDER, first_name="Rebecca", last_name="Lane")
    director = user_with_role(Role.DIRECTOR)
    client = client_for(Role.REGISTER_OWNER, is_staff=True)
    add = reverse("admin:register_portfolio_add")

    choices = client.get(add).context["adminform"].form.fields["holder"].queryset
    refused = client.post(add, {"name": "Housing", "holder": director.pk})
    saved = client.post(add, {"name": "Housing", "holder": holder.pk})

    assert list(choices) == [holder]
    assert refused.status_code == 200  # the form again, with the error
    assert saved.status_code == 302
    assert Portfolio.objects.get(name="Housing").holder == holder


# Admin keeps the rules (issue 10, point 7) ----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["status", "category", "category_override"])
def test_an_arrangements_status_and_category_are_read_only_in_admin(administrator_client, field):
    from tests.factories import ArrangementFactory

    arrangement = ArrangementFactory()
    page = administrator_client.get(
        reverse("admin:register_arrangement_change", args=[arrangement.pk])
    ).content.decode()
    assert f'name="{field}"' not in page  # shown, not offered as an input
    assert 'name="name"' in page  # the rest stays editable


@pytest.mark.django_db
def test_a_declared_interest_is_read_only_in_admin(administrator_client):
    from tests.factories import DeclaredInterestFactory

    interest = DeclaredInterestFactory()
    change = reverse("admin:approvals_declaredinterest_change", args=[interest.pk])
    response = administrator_client.post(change, {"description": "Changed in admin"})
    interest.refresh_from_db()
    assert interest.description != "Changed in admin"
    assert response.status_code == 403
    delete = reverse("admin:approvals_declaredinterest_delete", args=[interest.pk])
    assert administrator_client.post(delete, {"post": "yes"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "acted, deletable",
    [
        ("nothing", True),
        ("led an arrangement", False),
        ("changed something in the portal", False),
    ],
)
def test_a_user_who_has_acted_is_deactivated_not_deleted(administrator_client, acted, deletable):
    from django.contrib.auth import get_user_model

    from tests.factories import ArrangementFactory, UserFactory

    user = UserFactory(roles=[Role.LEAD_OFFICER])
    if acted == "led an arrangement":
        ArrangementFactory(lead_officer=user, created_by=user)
    elif acted == "changed something in the portal":
        ArrangementFactory().history.update(history_user=user)  # its history names them
    delete = reverse("admin:auth_user_delete", args=[user.pk])
    response = administrator_client.post(delete, {"post": "yes"})
    exists = get_user_model().objects.filter(pk=user.pk).exists()
    assert exists is not deletable, response.status_code
    if not deletable:
        assert response.status_code == 403
