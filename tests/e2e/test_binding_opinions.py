"""The Section 151 Officer's agreement under Dartford's code, item by item on the decision
page (D 12(iv)), and an advisory 'do not endorse' in view of the next decider under
Gravesham's framework (G 2.6, 2.14), in Chromium at desktop and phone widths. Screenshots go
to $SHOTS_DIR (e.g. /tmp/shots) when it is set."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from approvals.models import ApprovalRound, Outcome, RoundOutcome
from register.choices import Status
from register.policies.dartford import S151_ITEMS
from register.roles import Role
from tests.approvals_helpers import decide, pending, someone_for
from tests.factories import ArrangementFactory, UserFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)  # desktop, phone


def shoot(page, name):
    folder = os.environ.get("SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{folder}/routes-{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def open_as(page, sign_in, step, role, first_name, last_name):
    """Sign in as a new holder of the role and open the step's decision page."""
    sign_in(UserFactory(roles=[role], first_name=first_name, last_name=last_name))
    page.goto(reverse("approvals:decide", args=[step.pk]))


def submitted(**fields):
    """Submitted as its lead officer does: its council forms first."""
    return submit(ArrangementFactory(complete=True, **fields))


def test_the_s151_officer_agrees_item_by_item_and_not_agreed_returns_it(
    settings, page, sign_in, assert_accessible
):
    settings.COUNCIL_POLICY = "dartford"
    approval_round = submitted(
        cash_per_year=Decimal("12000"), policy_answers={"approving_body": "cabinet"}
    )
    step = pending(approval_round)[0]
    open_as(page, sign_in, step, Role.SECTION_151_OFFICER, "Sam", "Patel")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Agreement of the Section 151 Officer (or nominee)"
    )
    expect(page.locator(".govuk-inset-text")).to_contain_text("a condition of approval")
    for _key, words in S151_ITEMS:
        expect(page.get_by_role("group", name=words[0].upper() + words[1:])).to_be_visible()
    assert_accessible(page)
    shoot(page, "s151-items")

    # Everything agreed but VAT, one item left unanswered and no reason: told on the page.
    for _key, words in S151_ITEMS[:4]:
        page.get_by_role("group", name=words[0].upper() + words[1:]).get_by_label(
            "Agreed", exact=True
        ).check()
    page.get_by_role("group", name="VAT arrangements").get_by_label("Not agreed").check()
    page.get_by_role("button", name="Record my opinion").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "Select agreed or not agreed for the document retention in respect of external inspections"
    )
    expect(summary).to_contain_text("Enter the reason it is not agreed")
    assert_accessible(page)
    shoot(page, "s151-errors")

    page.get_by_role(
        "group", name="Document retention in respect of external inspections"
    ).get_by_label("Agreed", exact=True).check()
    page.get_by_label("Reason for anything not agreed").fill("Take VAT advice first (D 12(v))")
    page.get_by_role("button", name="Record my opinion").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your opinion has been recorded"
    )
    approval_round = ApprovalRound.objects.get(pk=approval_round.pk)
    assert approval_round.outcome == RoundOutcome.RETURNED
    arrangement = approval_round.arrangement
    assert arrangement.status == Status.DRAFT
    assert "did not agree the VAT arrangements" in arrangement.status_reason


def test_the_next_decider_sees_an_advisory_do_not_endorse_as_a_warning(
    page, sign_in, assert_accessible
):
    approval_round = submitted(cash_per_year=Decimal("1000"), is_statutory=False)
    monitoring, section_151 = pending(approval_round)
    decide(monitoring, someone_for(monitoring), Outcome.NOT_ENDORSE, comment="Powers unclear")
    decide(section_151, someone_for(section_151))
    director_step = next(s for s in pending(approval_round) if s.role == Role.DIRECTOR)
    open_as(page, sign_in, director_step, Role.DIRECTOR, "Dana", "Director")
    expect(page.locator(".govuk-warning-text")).to_contain_text("does not endorse it")
    expect(page.locator(".govuk-warning-text")).to_contain_text("Powers unclear")
    assert_accessible(page)
    shoot(page, "advice-warning")


def test_democratic_services_record_management_teams_discussion_g_2_14a(
    page, sign_in, assert_accessible
):
    approval_round = submitted(is_statutory=True)  # significant: discussed at Management Team
    for step in pending(approval_round):
        decide(step, someone_for(step))
    discussion = pending(approval_round)[0]
    open_as(page, sign_in, discussion, Role.DEMOCRATIC_SERVICES, "Dora", "Clerk")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Discussion at Management Team, recorded by the Democratic Services officer"
    )
    outcome = page.get_by_role("group", name="What did Management Team conclude?")
    expect(outcome.get_by_label("Refuse")).to_have_count(0)
    assert_accessible(page)
    shoot(page, "discussion")
    outcome.get_by_label("Discussed: go on to the decision").check()
    page.get_by_label("Day").fill(str(approval_round.created_at.day))
    page.get_by_label("Month").fill(str(approval_round.created_at.month))
    page.get_by_label("Year").fill(str(approval_round.created_at.year))
    page.get_by_label("Minute reference").fill("MT/2026/41")
    page.get_by_role("button", name="Record the discussion").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The discussion has been recorded"
    )
    assert {s.role for s in pending(approval_round)} == {Role.LEADER, Role.PORTFOLIO_HOLDER}
