"""An arrangement's whole approval, in Chromium against the live server, under the Gravesham
policy: the lead officer submits; the Monitoring Officer and the Section 151 Officer give
their opinions; the Director, the Leader and the Portfolio Holder decide; the lead officer
finds it active, with every step in the approval record and every status in the history."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from approvals.models import ApprovalRound, Decision, Outcome, RoundOutcome
from register.choices import Status
from register.models import Arrangement
from register.roles import Role
from tests.e2e.council_forms import submit_council_forms
from tests.factories import ArrangementFactory, UserFactory

pytestmark = pytest.mark.browser

CONDITIONS = "Subject to a review of the data sharing agreement within six months."


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    expect(page.locator(".govuk-footer")).not_to_contain_text("Signed in as")


def open_from_inbox(page, arrangement, step_title, assert_accessible):
    """Through the header's 'Awaiting my decision': the arrangement is listed with what is
    needed, and its link opens the decision page."""
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Awaiting my decision"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Awaiting my decision")
    row = page.locator("tbody tr", has_text=arrangement.reference)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(step_title)
    expect(row).to_contain_text("Priya Sharma")  # the lead officer
    assert_accessible(page)
    row.get_by_role("link", name=f"{arrangement.reference} {arrangement.name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(step_title))
    expect(page.locator("main .govuk-caption-l")).to_have_text(
        f"{arrangement.reference} {arrangement.name}"
    )


def record(page, outcome, comment=""):
    page.get_by_role("group", name="Your decision").get_by_label(outcome, exact=True).check()
    if comment:
        page.get_by_label("Comment").fill(comment)
    page.get_by_role("button", name="Record my decision").click()


def give_opinion(page, outcome):
    """A statutory opinion's page asks for an opinion, not a decision."""
    page.get_by_role("group", name="Do you endorse it?").get_by_label(outcome, exact=True).check()
    expect(page.get_by_label("Your opinion")).to_be_visible()
    page.get_by_role("button", name="Record my opinion").click()


def expect_recorded(page, arrangement, what="Your decision"):
    """Back on 'Awaiting my decision', where the decided step is no longer listed."""
    expect(page).to_have_url(re.compile(r"/approvals/$"))
    expect(page.locator("tbody tr", has_text=arrangement.reference)).to_have_count(0)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{what} has been recorded")


def test_an_arrangement_is_approved_step_by_step_in_the_browser(
    page, officer, sign_in, assert_accessible
):
    arrangement = ArrangementFactory(
        complete=True,
        lead_officer=officer,
        cash_per_year=Decimal("1000"),
        staff_cost_per_year=0,
        is_statutory=False,
        is_fundamental_to_objective=False,
    )
    reference = arrangement.reference
    people = {
        Role.MONITORING_OFFICER: UserFactory(
            roles=[Role.MONITORING_OFFICER], first_name="Morag", last_name="Oduya"
        ),
        Role.SECTION_151_OFFICER: UserFactory(
            roles=[Role.SECTION_151_OFFICER], first_name="Sunil", last_name="Fenwick"
        ),
        Role.DIRECTOR: UserFactory(roles=[Role.DIRECTOR], first_name="Dara", last_name="Rowe"),
        Role.LEADER: UserFactory(roles=[Role.LEADER], first_name="Lena", last_name="Hart"),
        Role.PORTFOLIO_HOLDER: UserFactory(
            roles=[Role.PORTFOLIO_HOLDER], first_name="Pat", last_name="Mossop"
        ),
    }

    # The lead officer tries to submit it before its council forms: refused, with a link
    # to each (G 2.6: the opinions are recorded on the evaluation).
    sign_in(officer)
    page.goto(f"/arrangements/{reference}/edit/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Change {arrangement.name}")
    page.get_by_role("button", name="Save and submit").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Fill in and submit the Partnership Evaluation (Appendix 1)")
    assert_accessible(page)
    submit_council_forms(page, reference)

    # Then it submits it from its edit page.
    page.goto(f"/arrangements/{reference}/edit/")
    page.get_by_role("button", name="Save and submit").click()
    expect(page).to_have_url(re.compile(rf"/arrangements/{reference}/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{reference} submitted")
    expect(page.locator("main .govuk-tag").first).to_have_text("In approval")
    waiting = page.locator("#waiting-on")
    expect(waiting).to_contain_text("Morag Oduya")
    expect(waiting).to_contain_text("Sunil Fenwick")
    sign_out(page)

    # Stage 1: the statutory officers' opinions.
    for role, title in (
        (Role.MONITORING_OFFICER, "Opinion of the Monitoring Officer"),
        (Role.SECTION_151_OFFICER, "Opinion of the Section 151 Officer"),
    ):
        sign_in(people[role])
        open_from_inbox(page, arrangement, title, assert_accessible)
        forms = page.locator("main dl", has_text="Partnership Evaluation")
        expect(forms).to_contain_text("Version 1, submitted on")
        expect(forms.get_by_role("link", name=re.compile("^PDF"))).to_have_count(2)
        assert_accessible(page)  # the decision page
        give_opinion(page, "Endorse")
        expect_recorded(page, arrangement, "Your opinion")
        sign_out(page)

    # Stage 2: the decisions. The Director first tries conditions without saying what.
    sign_in(people[Role.DIRECTOR])
    open_from_inbox(page, arrangement, "relevant Director", assert_accessible)
    expect(page.locator("main")).to_contain_text("Opinions and decisions so far")
    expect(page.locator("main")).to_contain_text("Morag Oduya")
    expect(page.locator("main")).to_contain_text("Sunil Fenwick")
    assert_accessible(page)
    record(page, "Approve with conditions")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Enter a comment")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(
        page.get_by_role("group", name="Your decision").get_by_label(
            "Approve with conditions", exact=True
        )
    ).to_be_checked()
    assert_accessible(page)  # the decision page with its errors
    summary.get_by_role("link", name=re.compile("Enter a comment")).click()
    expect(page.get_by_label("Comment")).to_be_focused()
    page.get_by_label("Comment").fill(CONDITIONS)
    page.get_by_role("button", name="Record my decision").click()
    expect_recorded(page, arrangement)
    sign_out(page)

    for role, title in (
        (Role.LEADER, "Leader of the Executive"),
        (Role.PORTFOLIO_HOLDER, "relevant Cabinet Portfolio Holder"),
    ):
        sign_in(people[role])
        open_from_inbox(page, arrangement, title, assert_accessible)
        assert_accessible(page)
        record(page, "Approve")
        expect_recorded(page, arrangement)
        sign_out(page)

    # The lead officer finds it active.
    sign_in(officer)
    page.goto(f"/arrangements/{reference}/")
    expect(page.locator("main .govuk-tag").first).to_have_text("Active")
    how = page.locator("#how-approved")
    expect(how).to_contain_text("Approved with conditions")
    expect(page.locator("#approval-conditions")).to_contain_text(CONDITIONS)
    expect(page.locator("#next-review")).not_to_have_text("Not set")

    # The approval record: every step, who decided and what.
    page.get_by_role("link", name="Approval record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Approval record")
    expect(page.locator("main h2")).to_have_text(re.compile(r"^Approval, .*: approved$"))
    rows = page.locator("main table tbody tr")
    expected_rows = [
        ("Opinion of the Monitoring Officer", "Done", "Endorse by Morag Oduya"),
        ("Opinion of the Section 151 Officer", "Done", "Endorse by Sunil Fenwick"),
        ("Corporate Change Manager", "Done", "–"),
        ("relevant Director", "Done", "Approve with conditions by Dara Rowe"),
        ("Leader of the Executive", "Done", "Approve by Lena Hart"),
        ("relevant Cabinet Portfolio Holder", "Done", "Approve by Pat Mossop"),
    ]
    expect(rows).to_have_count(len(expected_rows))
    for row, (step, status, decision) in zip(rows.all(), expected_rows, strict=True):
        cells = row.locator("td")
        expect(cells.nth(0)).to_contain_text(step)
        expect(cells.nth(1)).to_have_text(status)
        expect(cells.nth(2)).to_contain_text(decision)
    expect(rows.nth(3)).to_contain_text(CONDITIONS)
    expect(rows.nth(0)).to_contain_text("1. Statutory officers' opinions")
    expect(rows.nth(5)).to_contain_text("2. Formal approval")
    assert_accessible(page)

    # The history: submitted and so in approval (on the lead officer's submission); active
    # (on the last decision), each the portal's change on someone's action; recorded as a
    # draft by the test's factory, which names nobody.
    page.goto(f"/arrangements/{reference}/")
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    status = page.locator("th", has_text=re.compile(r"^Status$"))
    status_changes = page.locator("main table tbody tr", has=status)
    moves = [
        (row.locator("td").nth(0).inner_text(), row.locator("td").nth(1).inner_text())
        for row in status_changes.all()
    ]
    assert moves == [  # newest first
        ("In approval", "Active"),
        ("Submitted", "In approval"),
        ("Draft", "Submitted"),
    ], moves
    who = page.locator("main ol > li", has=status).locator("h2")
    expect(who).to_have_text(
        [
            "The portal changed its status to Active, on Pat Mossop’s decision",
            "The portal changed its status to In approval, on Priya Sharma’s submission",
            "The portal changed its status to Submitted, on Priya Sharma’s submission",
        ]
    )
    expect(page.locator("main ol > li h2").last).to_have_text("The portal recorded the arrangement")

    # And in the database: one round, approved, with the five decisions.
    arrangement = Arrangement.objects.get(pk=arrangement.pk)
    assert arrangement.status == Status.ACTIVE
    approval_round = ApprovalRound.objects.get(arrangement=arrangement)
    assert approval_round.outcome == RoundOutcome.APPROVED
    assert list(
        Decision.objects.filter(step__round=approval_round)
        .order_by("decided_at")
        .values_list("outcome", "decided_by__last_name")
    ) == [
        (Outcome.ENDORSE, "Oduya"),
        (Outcome.ENDORSE, "Fenwick"),
        (Outcome.APPROVE_WITH_CONDITIONS, "Rowe"),
        (Outcome.APPROVE, "Hart"),
        (Outcome.APPROVE, "Mossop"),
    ]
