"""Each person's start page (issue 14, point 1): after sign-in, what needs them now, from the
register, approvals and reviews, each a link with how long it has waited or when it is due,
with the count in the header's navigation; the roles that only read get a reading start
page with no links to actions they cannot take."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from register.choices import Status
from register.models import FormStatus
from register.roles import Role
from reviews.models import ReviewAction, ReviewStatus
from tests.approvals_helpers import other_partnership, pending, person
from tests.factories import ArrangementFactory, FormResponseFactory, ReviewFactory
from tests.queries import NAVIGATION_QUERIES
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days_from_today(count):
    return TODAY() + datetime.timedelta(days=count)


def text_of(response):
    """The page's words with the markup and spacing taken out."""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split()))


def section(response, key):
    """The words of one section of work on the start page ('' when it is not there)."""
    page = response.content.decode()
    found = re.search(rf'<section class="app-work" id="{key}".*?</section>', page, re.S)
    if not found:
        return ""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split()))


def nav_count(response) -> int | None:
    found = re.search(r'class="app-nav-count">(\d+)<', response.content.decode())
    return int(found.group(1)) if found else None


def test_signing_in_lands_on_the_start_page(client, lead_officer):
    response = client.post(
        reverse("login"), {"username": lead_officer.username, "password": "demo-password-1"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_nothing_waiting_says_so_and_the_navigation_has_no_count(client_for):
    response = client_for(Role.LEAD_OFFICER).get(reverse("home"))
    assert response.status_code == 200
    assert "Nothing needs you now" in text_of(response)
    assert nav_count(response) is None


# Decisions awaiting -----------------------------------------------------------------------


def test_a_decision_awaiting_the_monitoring_officer_is_listed_with_the_days_it_has_waited(
    client_for,
):
    approval_round = submit(other_partnership(status=Status.DRAFT))
    step = next(s for s in pending(approval_round) if s.role == Role.MONITORING_OFFICER)
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    type(step).objects.filter(pk=step.pk).update(updated_at=ten_days_ago)
    monitoring_officer = person(Role.MONITORING_OFFICER)

    response = client_for(monitoring_officer).get(reverse("home"))

    words = section(response, "decisions")
    assert f"Opinion of the {step.title}" in words
    assert approval_round.arrangement.reference in words
    assert "waiting 10 days" in words
    assert reverse("approvals:decide", args=[step.pk]) in response.content.decode()
    assert nav_count(response) == 1


def test_the_lead_officer_is_not_asked_to_decide_on_their_own_arrangement(client_for):
    arrangement = other_partnership(status=Status.DRAFT)
    submit(arrangement)
    arrangement.lead_officer.groups.add(*person(Role.MONITORING_OFFICER).groups.all())
    response = client_for(arrangement.lead_officer).get(reverse("home"))
    assert section(response, "decisions") == ""


# Reviews, actions and assurance -----------------------------------------------------------

# (case, days from today the review is due, listed?, the words beside it). The first
# reminder of a Gravesham review is 30 days before it is due (review_reminder_days).
REVIEW_DATES = [
    ("due in 31 days: not yet", 31, False, ""),
    ("due in 30 days: listed", 30, True, "due in 30 days"),
    ("due today", 0, True, "due today"),
    ("a day overdue", -1, True, "overdue by 1 day"),
    ("long overdue", -45, True, "overdue by 45 days"),
]


@pytest.mark.parametrize(
    ("case", "due_in", "listed", "words"), REVIEW_DATES, ids=[c[0] for c in REVIEW_DATES]
)
def test_a_review_to_complete_is_listed_from_its_first_reminder(
    client_for, case, due_in, listed, words
):
    review = ReviewFactory(due_on=days_from_today(due_in))
    response = client_for(review.completed_by).get(reverse("home"))
    shown = section(response, "reviews")
    assert (review.arrangement.reference in shown) is listed
    if listed:
        assert words in shown
        assert reverse("reviews:detail", args=[review.pk]) in response.content.decode()


def test_an_overdue_review_is_marked_as_overdue(client_for):
    review = ReviewFactory(due_on=days_from_today(-3))
    page = client_for(review.completed_by).get(reverse("home")).content.decode()
    assert 'govuk-tag--red">overdue by 3 days<' in page


def test_a_submitted_review_is_listed_for_the_register_owner_to_record_its_consideration(
    client_for, register_owner
):
    review = ReviewFactory(
        status=ReviewStatus.SUBMITTED, submitted_at=timezone.now(), due_on=days_from_today(-5)
    )
    response = client_for(register_owner).get(reverse("home"))
    assert "Record the review's consideration" in section(response, "reviews")
    assert reverse("reviews:consider", args=[review.pk]) in response.content.decode()


def test_a_review_action_not_done_is_listed_for_its_owner_and_not_once_done(client_for):
    review = ReviewFactory(status=ReviewStatus.CONSIDERED)
    owner = person(Role.LEAD_OFFICER)
    action = ReviewAction.objects.create(
        review=review, description="Agree the audit plan", owner=owner, due_on=days_from_today(7)
    )
    client = client_for(owner)
    assert "Action: Agree the audit plan" in section(client.get(reverse("home")), "actions")
    action.done_on = TODAY()
    action.save()
    assert section(client.get(reverse("home")), "actions") == ""


def test_a_governance_assurance_return_owed_is_listed(client_for, register_owner):
    from reviews import assurance

    arrangement = ArrangementFactory(status=Status.ACTIVE)
    assurance.open_exercise(
        year=TODAY().year, returns_due_on=days_from_today(20), user=register_owner
    )
    response = client_for(arrangement.lead_officer).get(reverse("home"))
    words = section(response, "assurance")
    assert f"Make the {TODAY().year} governance assurance return" in words
    assert "due in 20 days" in words


# The register's own work ------------------------------------------------------------------


def test_my_drafts_are_listed_and_another_officers_are_not(client_for):
    mine = ArrangementFactory(name="Riverside Litter Pick")
    ArrangementFactory(name="Somebody Else's Draft")
    response = client_for(mine.lead_officer).get(reverse("home"))
    words = section(response, "drafts")
    assert "Riverside Litter Pick" in words
    assert "Finish and submit it" in words
    assert "Somebody Else's Draft" not in text_of(response)


def test_a_form_returned_for_changes_is_listed_with_a_link_to_fill_it(client_for):
    arrangement = ArrangementFactory()
    response_row = FormResponseFactory(arrangement=arrangement, status=FormStatus.RETURNED)
    response = client_for(arrangement.lead_officer).get(reverse("home"))
    assert "Change and submit the" in section(response, "forms-returned")
    fill = reverse(
        "council_forms:fill",
        args=[arrangement.reference, response_row.occasion, response_row.form_key],
    )
    assert fill in response.content.decode()


# (case, days from today conditional support lapses, listed?, words). Gravesham's policy
# warns 14 days before (conditional_support_warning_days).
LAPSING = [
    ("lapses in 15 days: not yet", 15, False, ""),
    ("lapses in 14 days", 14, True, "lapses in 14 days"),
    ("lapses today", 0, True, "lapses today"),
    ("lapsed yesterday", -1, True, "lapsed"),
]


@pytest.mark.parametrize(("case", "until", "listed", "words"), LAPSING, ids=[c[0] for c in LAPSING])
def test_conditional_support_lapsing_on_my_arrangement_is_listed(
    client_for, case, until, listed, words
):
    arrangement = ArrangementFactory(
        status=Status.CONDITIONAL_SUPPORT, conditional_support_until=days_from_today(until)
    )
    shown = section(client_for(arrangement.lead_officer).get(reverse("home")), "support-lapsing")
    assert (arrangement.reference in shown) is listed
    assert words in shown


# The count in the navigation --------------------------------------------------------------


def test_the_navigation_counts_everything_waiting_on_every_page(client_for):
    officer = person(Role.LEAD_OFFICER)
    ArrangementFactory(lead_officer=officer)
    ArrangementFactory(lead_officer=officer)
    ReviewFactory(arrangement__lead_officer=officer, due_on=days_from_today(-1))
    client = client_for(officer)
    assert nav_count(client.get(reverse("home"))) == 3
    # Said in words to screen readers, and on another page too.
    other_page = client.get(reverse("register:list"))
    assert nav_count(other_page) == 3
    assert '3<span class="govuk-visually-hidden"> need you now</span>' in (
        other_page.content.decode()
    )


# The roles that only read -----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY])
def test_a_reading_role_gets_the_latest_changes_and_no_links_to_actions(client_for, role):
    changed = ArrangementFactory(name="Cleaner Streets Partnership", status=Status.ACTIVE)
    ReviewFactory(completed_by=None, due_on=days_from_today(-10))
    response = client_for(role).get(reverse("home"))
    page = response.content.decode()
    assert "The register at a glance" in text_of(response)
    assert "Cleaner Streets Partnership" in text_of(response)
    assert reverse("register:history", args=[changed.reference]) in page
    for action in (reverse("register:create"), reverse("register:mine"), "/approvals/steps/"):
        assert f'href="{action}' not in page
    assert nav_count(response) is None
    assert reverse("dashboard") in page


# Constant queries -------------------------------------------------------------------------


def queries_for_start_page(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    return len(captured.captured_queries)


def test_the_start_page_takes_the_same_queries_for_2_or_20_things_waiting(client_for):
    officer = person(Role.LEAD_OFFICER)
    client = client_for(officer)

    def add(count):
        for n in range(count):
            arrangement = ArrangementFactory(lead_officer=officer)
            FormResponseFactory(arrangement=arrangement, status=FormStatus.RETURNED)
            ReviewFactory(arrangement__lead_officer=officer, due_on=days_from_today(-n))
            ArrangementFactory(
                lead_officer=officer,
                status=Status.CONDITIONAL_SUPPORT,
                conditional_support_until=days_from_today(n % 10),
            )

    add(2)
    few = queries_for_start_page(client)
    add(18)
    assert queries_for_start_page(client) == few


def test_the_navigations_count_costs_the_same_few_queries_on_every_page(client_for):
    def queries(client):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("accessibility")).status_code == 200
        return len(captured.captured_queries)

    reader = queries(client_for(Role.INTERNAL_AUDIT))
    officer = queries(client_for(Role.LEAD_OFFICER))
    assert officer - reader == NAVIGATION_QUERIES
