"""A review end to end in Chromium under each of the five policies (issue 11, "Done
when"): the lead officer opens the review from 'My arrangements', fills in and submits the
council's review template (or, with none in the browser, submits the review), and the
register owner records its consideration; the outcome schedules the next review."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from register.choices import ArrangementType, Kind, Status
from register.dates import add_months
from register.policies import get_policy
from register.policies.base import OutcomeEffect
from register.roles import Role
from reviews.models import Review, ReviewStatus
from reviews.services import schedule_reviews
from tests.e2e.conftest import sign_in_on, watched_page
from tests.e2e.council_forms import fill_every_answer
from tests.factories import ArrangementFactory, UserFactory

pytestmark = pytest.mark.browser

TODAY = timezone.localdate()
DUE = TODAY - datetime.timedelta(days=3)
POLICIES = ["gravesham", "dartford", "south_derbyshire", "central_bedfordshire", "brentwood"]
# Gravesham reviews its shared services on Appendix 4a / 4b (G 6.7); every other council
# reviews its partnerships.
REVIEWED = {"gravesham": {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.FULL_SHARED_SERVICE}}


@pytest.mark.parametrize("policy", POLICIES)
def test_a_review_is_completed_submitted_and_considered_in_the_browser(
    page, browser, live_server, officer, sign_in, assert_accessible, settings, policy
):
    settings.COUNCIL_POLICY = policy
    arrangement = ArrangementFactory(
        status=Status.ACTIVE,
        lead_officer=officer,
        start_date=add_months(DUE, -24),
        next_review_due=DUE,
        complete=True,
        policy_answers={"approving_body": "cabinet"},  # Dartford's approver (D 5(v))
        **REVIEWED.get(policy, {}),
    )
    (review,) = schedule_reviews()
    sign_in(officer)

    page.goto("/arrangements/mine/")
    page.get_by_role("link", name="Review overdue by 3 days").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review due {DUE:%-d %B %Y}")
    assert_accessible(page)
    fill = page.get_by_role("link", name=re.compile("^Fill in the "))
    if review.template_key:
        fill.click()
        fill_every_answer(page)
        page.get_by_role("button", name="Submit the form").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("submitted")
        page.goto(f"/reviews/{review.pk}/")
    else:
        expect(fill).to_have_count(0)
        page.get_by_role("button", name="Submit the review for consideration").click()
    expect(page.locator("#review-status")).to_have_text("Submitted, awaiting consideration")

    owner = UserFactory(roles=[Role.REGISTER_OWNER])
    owners = watched_page(browser, live_server, "the register owner's browser")
    second = next(owners)
    sign_in_on(second, owner)
    second.goto("/reviews/")
    second.get_by_role("link", name=re.compile(re.escape(arrangement.reference))).click()
    plan = get_policy().review_plan(arrangement)
    goes_on = next(o for o in plan.outcomes if o.effect == OutcomeEffect.CONTINUE)
    second.locator("input[name=outcome]").and_(second.locator(f'[value="{goes_on.words}"]')).check()
    second.locator("input[name=considered_on_0]").fill(str(TODAY.day))
    second.locator("input[name=considered_on_1]").fill(str(TODAY.month))
    second.locator("input[name=considered_on_2]").fill(str(TODAY.year))
    if second.locator("input[name=minute]").count():
        second.locator("input[name=minute]").fill("EXEC 26/14")
    second.get_by_role("button", name="Record the consideration").click()
    expect(second.locator("#review-status")).to_have_text("Considered")
    expect(second.locator("#consideration")).to_contain_text(f"{TODAY:%-d %B %Y}")
    assert_accessible(second)
    next(owners, None)  # closes the second browser, failing on what went wrong in it

    review.refresh_from_db()
    assert review.status == ReviewStatus.CONSIDERED
    assert review.recorded_by == owner
    assert Review.objects.filter(arrangement=arrangement, due_on=add_months(DUE, 12)).exists()
