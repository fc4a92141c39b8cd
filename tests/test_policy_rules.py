"""The council's numbers and routes come from its policy: approvals read them, and a
policy that says otherwise changes what approvals do (tables of cases)."""

import dataclasses
import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import register.policies.brentwood as brentwood_module
import register.policies.gravesham as gravesham_module
from approvals import services
from register.choices import Status
from register.models import Arrangement
from register.policies import COUNCILS, get_policy
from register.views import ShortFormPage
from tests.approvals_helpers import approve_everything, other_partnership
from tests.test_approvals import brentwood_borough_partnership, submit
from tests.test_arrangement_form import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "key, months, conditional, warning",
    [
        ("gravesham", 12, 0, 14),
        ("dartford", 12, 0, 14),
        ("south_derbyshire", 12, 0, 14),
        ("central_bedfordshire", 12, 0, 14),
        ("brentwood", 12, 3, 14),  # B "CONDITIONAL": up to 3 months at a time
    ],
)
def test_each_policy_declares_its_review_interval_and_conditional_support(
    key, months, conditional, warning
):
    policy = get_policy(key)
    assert (
        policy.review_interval_months,
        policy.conditional_support_months,
        policy.conditional_support_warning_days,
    ) == (months, conditional, warning)
    assert policy.offers_conditional_support is bool(conditional)


def test_every_council_is_listed_once():
    assert len(COUNCILS) == len(set(COUNCILS)) == 5


@pytest.mark.parametrize("months", [6, 12, 24])
def test_approval_sets_the_first_review_after_the_policys_interval(monkeypatch, months):
    policy = dataclasses.replace(gravesham_module.POLICY, review_interval_months=months)
    monkeypatch.setattr(gravesham_module, "POLICY", policy)
    arrangement = other_partnership()
    approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    assert arrangement.next_review_due == policy.next_review_due(timezone.localdate())
    assert arrangement.next_review_due > timezone.localdate() + datetime.timedelta(days=28 * months)


@pytest.mark.parametrize(
    "warning_days, days_left, prompted",
    [
        (14, 15, False),
        (14, 14, True),  # the warning is due on the 14th day before
        (30, 30, True),
        (30, 31, False),
    ],
)
def test_the_conditional_support_prompt_goes_when_the_policy_says(
    settings, monkeypatch, warning_days, days_left, prompted
):
    settings.COUNCIL_POLICY = "brentwood"
    monkeypatch.setattr(
        brentwood_module,
        "POLICY",
        dataclasses.replace(brentwood_module.POLICY, conditional_support_warning_days=warning_days),
    )
    arrangement = other_partnership(
        status=Status.CONDITIONAL_SUPPORT,
        conditional_support_until=timezone.localdate() + datetime.timedelta(days=days_left),
    )
    call_command("daily", stdout=StringIO())
    assert bool(mail.outbox) is prompted, arrangement.reference


def test_the_decision_form_gives_the_policys_limit_for_conditional_support(settings):
    from approvals.forms import DecisionForm
    from approvals.models import ApprovalStep
    from register.policies.base import StepKind
    from register.roles import Role

    settings.COUNCIL_POLICY = "brentwood"
    step = ApprovalStep(kind=StepKind.DECISION, role=Role.HEAD_OF_SERVICE)
    help_text = DecisionForm(step=step).fields["support_until"].help_text
    ends = get_policy().conditional_support_ends(timezone.localdate())
    assert help_text.startswith("Up to 3 months from today")
    assert f"{ends:%-d %B %Y}" in help_text


@pytest.fixture
def active():
    arrangement = other_partnership()
    approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    return arrangement


def test_a_material_change_is_refused_with_what_re_approval_needs_and_nothing_is_saved(
    client_for, active
):
    client = client_for(active.lead_officer)
    data = form_data(active, cash_per_year="75000", staff_cost_per_year="0", is_statutory="False")
    data["exit_strategy"] = ""  # G 2.12: approval needs an exit strategy

    response = client.post(reverse("register:edit", args=[active.reference]), data)

    assert response.status_code == 400
    assert "exit strategy" in response.content.decode().lower()
    saved = Arrangement.objects.get(pk=active.pk)
    assert (saved.status, saved.cash_per_year) == (Status.ACTIVE, active.cash_per_year)
    assert not saved.rounds.filter(purpose="reapproval").exists()


@pytest.mark.parametrize(
    "url_name, status, heading, button",
    [
        (
            "approvals:withdraw",
            Status.ACTIVE,
            "Withdraw from the arrangement",
            "Send for a decision",
        ),
        (
            "approvals:renew",
            Status.CONDITIONAL_SUPPORT,
            "Renew conditional support",
            "Send for a decision",
        ),
        ("approvals:interest", Status.ACTIVE, "Declare an interest", "Declare the interest"),
    ],
)
def test_the_short_forms_about_an_arrangement_show_their_heading_and_button(
    client_for, url_name, status, heading, button
):
    arrangement = other_partnership(status=status)
    client = client_for(arrangement.lead_officer)
    page = client.get(reverse(url_name, args=[arrangement.reference])).content.decode()
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert f">{button}</button>" in page
    assert f"<title>{heading} – {arrangement.reference}" in page


@pytest.mark.parametrize("heading, button", [("", "Save"), ("Add a partner", " "), ("", "")])
def test_a_short_form_page_without_a_heading_or_button_text_is_refused(heading, button):
    with pytest.raises(ValueError):
        ShortFormPage(heading, button, "/")


def test_a_withdrawal_nobody_is_set_to_decide_is_refused_and_nothing_is_saved(settings, client_for):
    # Dartford: the approver is chosen per arrangement (D 5(v), 8(v)); none is chosen here
    # and no approval was recorded, so the route has nobody to decide a withdrawal.
    settings.COUNCIL_POLICY = "dartford"
    arrangement = other_partnership(status=Status.ACTIVE)
    client = client_for(arrangement.lead_officer)
    response = client.post(
        reverse("approvals:withdraw", args=[arrangement.reference]),
        {"reason": "Objectives met", "end_date_0": "31", "end_date_1": "3", "end_date_2": "2027"},
    )
    assert response.status_code == 400
    assert "Nobody is set to decide this yet" in response.content.decode()
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE
    assert not arrangement.rounds.exists()


@pytest.mark.parametrize("days_left, warned", [(15, False), (14, True), (0, True)])
def test_the_arrangement_page_warns_of_lapsing_support_when_the_policy_says(
    settings, client_for, days_left, warned
):
    settings.COUNCIL_POLICY = "brentwood"  # 14 days' warning
    arrangement = other_partnership(
        status=Status.CONDITIONAL_SUPPORT,
        conditional_support_until=timezone.localdate() + datetime.timedelta(days=days_left),
    )
    page = client_for(arrangement.lead_officer).get(arrangement.get_absolute_url())
    assert ("renew it before it lapses" in page.content.decode()) is warned


# Every round checks what the policy needs before it opens (issue 10, point 2) ------------------


def withdraw(arrangement):
    return services.request_withdrawal(
        arrangement=arrangement,
        user=arrangement.lead_officer,
        reason="The partners have agreed to end it",
        end_date=timezone.localdate() + datetime.timedelta(days=90),
    )


def renew(arrangement):
    return services.request_renewal(
        arrangement=arrangement, user=arrangement.lead_officer, reason="The bid is delayed"
    )


def lose(arrangement, needed):
    """An approved arrangement that has since lost what the policy needs."""
    if needed == "exit_strategy":
        Arrangement.objects.filter(pk=arrangement.pk).update(exit_strategy="")
    elif needed == "risks":
        arrangement.risks.all().delete()
    else:
        Arrangement.objects.filter(pk=arrangement.pk).update(purpose="")
    arrangement.refresh_from_db()


ROUND_CHECKS = [
    # (round, what it has lost, refused, the message)
    (withdraw, "exit_strategy", True, "Enter the exit strategy"),  # G 2.12
    (withdraw, "risks", True, "Add at least one risk to the risk register"),  # G 2.11
    (withdraw, "purpose", False, None),  # the withdrawal itself needs no purpose
    (renew, "exit_strategy", True, "Enter the exit strategy"),  # G 2.12
    (renew, "risks", True, "Add at least one risk to the risk register"),  # G 2.11
    (renew, "purpose", True, "Enter the purpose, aims and objectives"),
]


@pytest.mark.parametrize(
    ("request_round", "needed", "refused", "message"),
    ROUND_CHECKS,
    ids=[f"{r.__name__} without {n}" for r, n, *_ in ROUND_CHECKS],
)
def test_withdrawal_and_renewal_run_the_policys_checks_before_the_round_opens(
    settings, request_round, needed, refused, message
):
    if request_round is renew:
        settings.COUNCIL_POLICY = "brentwood"  # conditional support is Brentwood's (B)
        arrangement = brentwood_borough_partnership()
    else:
        arrangement = other_partnership()
    approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    if request_round is renew:
        Arrangement.objects.filter(pk=arrangement.pk).update(status=Status.CONDITIONAL_SUPPORT)
    lose(arrangement, needed)
    rounds_before = arrangement.rounds.count()
    status_before = arrangement.status
    if not refused:
        request_round(arrangement)
        assert arrangement.rounds.count() == rounds_before + 1
        return
    with pytest.raises(ValidationError) as refusal:
        request_round(arrangement)
    assert message in refusal.value.messages
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.rounds.count()) == (status_before, rounds_before)


def test_a_withdrawal_refused_on_the_page_lists_what_is_missing_and_saves_nothing(client_for):
    arrangement = other_partnership()
    approve_everything(submit(arrangement))
    Arrangement.objects.filter(pk=arrangement.pk).update(exit_strategy="")
    end = timezone.localdate() + datetime.timedelta(days=90)
    response = client_for(arrangement.lead_officer).post(
        reverse("approvals:withdraw", args=[arrangement.reference]),
        {
            "reason": "The partners have agreed to end it",
            "end_date_0": end.day,
            "end_date_1": end.month,
            "end_date_2": end.year,
        },
    )
    assert response.status_code == 400
    assert "Enter the exit strategy" in response.content.decode()
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE
