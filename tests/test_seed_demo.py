"""`manage.py seed_demo`: a complete, repeatable demo register. Every test here starts from one
run of the seed on the empty database (`demo_seed`); tests/test_seed_demo_refused.py shows it
is never run in production."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from register.choices import TYPES_BY_KIND, ArrangementType, Kind, Status
from register.demo_data import DEMO_PASSWORD
from register.lifecycle import REASON_REQUIRED
from register.models import (
    Arrangement,
    CorporateObjective,
    CouncilRepresentative,
    FormResponse,
    FormStatus,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Portfolio,
    Risk,
    Service,
)
from register.roles import Role
from register.selectors import arrangements_visible_to

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_seed")]

SEEDED_MODELS = [
    Arrangement,
    Partner,
    CouncilRepresentative,
    Risk,
    Objective,
    PerformanceMeasure,
    MeasureResult,
    Service,
    CorporateObjective,
    Portfolio,
    Group,
    get_user_model(),
]


def seed_demo():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


def row_counts():
    """Rows of every seeded model, and of their history tables."""
    counts = {model.__name__: model.objects.count() for model in SEEDED_MODELS}
    counts |= {
        f"history of {model.__name__}": model.history.count()
        for model in SEEDED_MODELS
        if hasattr(model, "history")
    }
    return counts


def test_running_the_seed_twice_leaves_the_same_rows_and_adds_no_history():
    first = row_counts()  # after the first run, on the empty database
    references = dict(Arrangement.objects.values_list("name", "reference"))

    seed_demo()

    assert row_counts() == first
    assert dict(Arrangement.objects.values_list("name", "reference")) == references


def test_the_seed_prints_a_summary_of_what_it_holds_and_made(demo_seed):
    first = demo_seed  # the output of the first run, on the empty database
    second = seed_demo()

    arrangements = Arrangement.objects.count()
    assert f"arrangements: {arrangements} ({arrangements} new, 0 updated)" in first
    assert f"arrangements: {arrangements} (0 new, 0 updated)" in second
    assert DEMO_PASSWORD in first


def test_the_seed_puts_back_demo_data_that_was_changed_since():
    arrangement = Arrangement.objects.get(name="Kent Resilience Forum")
    arrangement.status = Status.ENDED
    arrangement.save()

    output = seed_demo()

    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE
    assert f"arrangements: {Arrangement.objects.count()} (0 new, 1 updated)" in output


def test_the_demo_register_has_at_least_forty_arrangements():
    assert Arrangement.objects.count() >= 40


def test_every_kind_type_and_status_appears_in_the_demo_register():
    assert set(Arrangement.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert set(Arrangement.objects.exclude(type="").values_list("type", flat=True)) == set(
        ArrangementType.values
    )
    assert set(Arrangement.objects.values_list("status", flat=True)) == set(Status.values)


def test_every_arrangement_with_a_type_has_a_type_of_its_own_kind():
    for kind, type in Arrangement.objects.exclude(type="").values_list("kind", "type"):
        assert type in TYPES_BY_KIND[kind], f"{type} is not a type of {kind}"


def test_every_arrangement_past_draft_is_complete_enough_to_have_been_submitted():
    past_draft = Arrangement.objects.exclude(status=Status.DRAFT)
    for arrangement in past_draft:
        assert arrangement.type and arrangement.purpose and arrangement.exit_strategy
        assert arrangement.partners.exists(), arrangement.name
        assert arrangement.risks.exists(), arrangement.name
        assert arrangement.lead_officer and arrangement.service and arrangement.status_changed_at


def test_declined_withdrawing_and_ended_arrangements_say_why():
    for arrangement in Arrangement.objects.filter(status__in=REASON_REQUIRED):
        assert arrangement.status_reason.strip(), arrangement.name


def test_council_resources_sit_on_both_sides_of_the_policy_thresholds():
    resources = [a.council_resources_per_year for a in Arrangement.objects.all()]
    in_kind = set(Arrangement.objects.values_list("in_kind_per_year", flat=True))

    assert Decimal("50000.00") in resources
    assert Decimal("49999.99") in resources
    assert {Decimal("5000.00"), Decimal("5000.01")} <= in_kind


def test_the_register_has_risks_escalated_and_measures_with_targets_and_outturns():
    assert Risk.objects.filter(is_escalated=True).exists()
    assert Risk.objects.filter(is_escalated=False).exists()
    assert MeasureResult.objects.filter(outturn__isnull=False).exists()
    assert MeasureResult.objects.filter(outturn__isnull=True).exists()
    assert CouncilRepresentative.objects.filter(finish_date__isnull=False).exists()
    assert CorporateObjective.objects.filter(is_current=True).count() >= 5


def test_every_role_has_a_demo_user_who_signs_in_with_the_demo_password(client):
    for role in Role:
        user = get_user_model().objects.get(username=role.value)

        assert user.groups.filter(name=role.value).exists(), role
        assert user.get_full_name(), role
        # Through the sign-in page: django-axes needs the request that signs in.
        signed_in = client.post(
            reverse("login"), {"username": role.value, "password": DEMO_PASSWORD}
        )
        assert signed_in.status_code == 302, role
        client.logout()


def test_only_the_administrator_and_register_owner_can_use_django_admin():
    staff = get_user_model().objects.filter(is_staff=True).order_by("username")

    assert list(staff.values_list("username", flat=True)) == [
        Role.ADMINISTRATOR.value,
        Role.REGISTER_OWNER.value,
    ]
    assert list(staff.filter(is_superuser=True).values_list("username", flat=True)) == [
        Role.ADMINISTRATOR.value
    ]


def test_a_lead_officer_cannot_see_the_other_lead_officers_draft():
    lead_officer = get_user_model().objects.get(username="lead_officer")
    other_officer = get_user_model().objects.get(username="lead_officer_2")
    others_drafts = Arrangement.objects.filter(status=Status.DRAFT, lead_officer=other_officer)

    assert other_officer.groups.filter(name=Role.LEAD_OFFICER.value).exists()
    assert others_drafts.exists()
    assert not arrangements_visible_to(lead_officer).filter(pk__in=others_drafts).exists()
    assert (
        arrangements_visible_to(lead_officer)
        .filter(status=Status.DRAFT, lead_officer=lead_officer)
        .exists()
    )


def test_demo_approvals_give_the_statutory_officers_work_and_run_twice_safely():
    from approvals.selectors import steps_awaiting

    call_command("seed_demo_approvals", verbosity=0)
    call_command("seed_demo_approvals", verbosity=0)
    monitoring_officer = get_user_model().objects.get(username=Role.MONITORING_OFFICER.value)
    assert steps_awaiting(monitoring_officer)
    assert not Arrangement.objects.filter(status=Status.SUBMITTED).exists()
    for arrangement in Arrangement.objects.filter(status=Status.IN_APPROVAL):
        assert arrangement.rounds.filter(closed_at__isnull=True).count() == 1


def test_every_demo_arrangement_past_draft_has_its_council_forms_submitted_first():
    """No demo arrangement is in approval or active with its evaluation "Not started"."""
    from register.policies import get_policy
    from register.submission import forms_not_submitted

    call_command("seed_demo_approvals", verbosity=0)
    policy = get_policy()
    past_draft = Arrangement.objects.exclude(status=Status.DRAFT)
    assert {a.reference: forms_not_submitted(policy, a) for a in past_draft} == {
        a.reference: [] for a in past_draft
    }
    versions = set(FormResponse.objects.values_list("status", "version"))
    assert versions == {(FormStatus.SUBMITTED, 1)}


def test_demo_portfolios_are_held_by_demo_portfolio_holders_and_hold_the_arrangements():
    portfolios = Portfolio.objects.select_related("holder")
    assert portfolios.count() >= 3
    holders = {portfolio.holder for portfolio in portfolios}
    assert len(holders) == portfolios.count()  # one holder each
    for holder in holders:
        assert holder.groups.filter(name=Role.PORTFOLIO_HOLDER.value).exists()
    with_service = Arrangement.objects.exclude(service=None)
    assert with_service.exists()
    assert not with_service.filter(portfolio=None).exists()
    for portfolio in portfolios:
        assert portfolio.arrangement_set.exists(), portfolio.name


def test_in_the_demo_only_the_holder_of_its_portfolio_approves_an_arrangement_G_2_14(db):
    from approvals.models import RoundPurpose
    from approvals.permissions import may_act
    from approvals.services import open_round
    from register.policies import get_policy
    from register.policies.base import StepKind

    def portfolio_holder_decides(stages):
        return any(
            step.role == Role.PORTFOLIO_HOLDER and step.kind == StepKind.DECISION
            for stage in stages
            for step in stage.steps
        )

    policy = get_policy()
    arrangement = next(
        a
        for a in Arrangement.objects.filter(status=Status.ACTIVE).exclude(portfolio=None)
        if portfolio_holder_decides(policy.route(a))
    )
    stages = policy.route(arrangement)
    approval_round = open_round(
        arrangement=arrangement,
        purpose=RoundPurpose.REAPPROVAL,
        user=arrangement.lead_officer,
        stages=stages,
    )
    step = approval_round.steps.get(role=Role.PORTFOLIO_HOLDER, kind=StepKind.DECISION)
    portfolio_holders = get_user_model().objects.filter(groups__name=Role.PORTFOLIO_HOLDER.value)

    allowed = {user.username for user in portfolio_holders if may_act(user, step).allowed}

    assert allowed == {arrangement.portfolio.holder.username}


def test_demo_approvals_are_refused_under_production_settings(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo_approvals", verbosity=0)
