"""The review pages (issue 11, points 2 and 5): the review and its consideration, the
register owner's board of what is overdue and due, its CSV, the exception report of late
reviews, and each officer's own reviews on 'My arrangements'."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import ArrangementType, Kind, Status
from register.roles import Role
from reviews.models import Review, ReviewStatus
from reviews.services import schedule_reviews
from tests.factories import ArrangementFactory, PortfolioFactory, ServiceFactory
from tests.queries import NAVIGATION_QUERIES

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def review_due(due_on, status=ReviewStatus.DUE, **fields) -> Review:
    arrangement = ArrangementFactory(
        status=Status.ACTIVE, next_review_due=due_on, complete=True, **fields
    )
    (review,) = schedule_reviews(type(arrangement).objects.filter(pk=arrangement.pk))
    Review.objects.filter(pk=review.pk).update(status=status)
    review.refresh_from_db()
    return review


BOARD_CASES = [
    # (days from today it is due, status, section of the board)
    (-1, ReviewStatus.DUE, "overdue"),
    (-30, ReviewStatus.IN_PROGRESS, "overdue"),
    (0, ReviewStatus.DUE, "due-30"),
    (30, ReviewStatus.DUE, "due-30"),
    (31, ReviewStatus.DUE, "due-90"),
    (90, ReviewStatus.DUE, "due-90"),
    (5, ReviewStatus.IN_PROGRESS, "in-progress"),
    (-5, ReviewStatus.SUBMITTED, "submitted"),
    (40, ReviewStatus.SUBMITTED, "submitted"),
]


@pytest.mark.parametrize(("due_in", "status", "section"), BOARD_CASES)
def test_the_board_puts_each_review_where_it_stands(client_for, due_in, status, section):
    review = review_due(days(due_in), status)
    page = client_for(Role.REGISTER_OWNER).get(reverse("reviews:board"))
    assert page.status_code == 200
    board = page.context["board"]
    shown = {key: [r.pk for r in reviews] for key, _title, reviews in board.sections}
    assert shown == {key: [review.pk] if key == section else [] for key in shown}


def test_a_review_due_after_90_days_and_not_started_is_not_on_the_board_yet(client_for):
    review_due(days(91))
    board = client_for(Role.REGISTER_OWNER).get(reverse("reviews:board")).context["board"]
    assert not any(reviews for _key, _title, reviews in board.sections)


def test_the_board_filters_by_service_and_says_days_overdue_and_who_owes_it(client_for):
    housing, leisure = ServiceFactory(name="Housing"), ServiceFactory(name="Leisure")
    late = review_due(days(-12), service=housing)
    review_due(days(-3), service=leisure)
    client = client_for(Role.REGISTER_OWNER)
    page = client.get(reverse("reviews:board"), {"service": housing.pk})
    assert [r.pk for r in page.context["board"].overdue] == [late.pk]
    assert "12 days" in page.text
    assert late.completed_by.get_full_name() in page.text


def test_the_board_downloads_as_csv_with_the_same_rows(client_for):
    review_due(days(-12))
    review_due(days(20))
    response = client_for(Role.REGISTER_OWNER).get(reverse("reviews:board-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [(row["Days overdue"], row["Status"]) for row in rows] == [("12", "Due"), ("0", "Due")]


def test_an_officer_sees_only_the_reviews_they_must_complete(client_for):
    mine = review_due(days(-2))
    review_due(days(-2))
    page = client_for(mine.completed_by).get(reverse("reviews:board"))
    assert [r.pk for r in page.context["board"].overdue] == [mine.pk]


def test_the_exception_report_lists_late_reviews_latest_first(client_for):
    """B "Monitoring": exception reports where reviews are late."""
    a_little = review_due(days(-3))
    very = review_due(days(-40))
    review_due(days(-50), ReviewStatus.SUBMITTED)  # submitted: not late any more
    review_due(days(3))
    page = client_for(Role.REGISTER_OWNER).get(reverse("reviews:late"))
    assert [r.pk for r in page.context["late"]] == [very.pk, a_little.pk]


@pytest.mark.parametrize("rows", [2, 20])
def test_the_board_runs_in_the_same_number_of_queries_however_many_reviews(
    client_for, django_assert_num_queries, rows
):
    client = client_for(Role.REGISTER_OWNER)
    for n in range(rows):
        review_due(days(n - rows // 2), ReviewStatus.IN_PROGRESS if n % 3 else ReviewStatus.DUE)
    with django_assert_num_queries(QUERIES_FOR_THE_BOARD):
        client.get(reverse("reviews:board"))


# The same for 2 rows or 20, none a row: the page's own, and the navigation's count.
QUERIES_FOR_THE_BOARD = 6 + NAVIGATION_QUERIES


def test_my_arrangements_shows_my_review_due(client_for):
    review = review_due(days(-4))
    page = client_for(review.completed_by).get(reverse("register:mine"))
    assert "Review overdue by 4 days" in page.text
    assert reverse("reviews:detail", args=[review.pk]) in page.text


def test_the_arrangement_page_links_its_reviews(client_for):
    review = review_due(days(10))
    page = client_for(review.completed_by).get(review.arrangement.get_absolute_url())
    assert reverse("reviews:detail", args=[review.pk]) in page.text


def consider_page_post(client, review, **data):
    fields = {
        "outcome": "",
        "considered_on_0": str(TODAY.day),
        "considered_on_1": str(TODAY.month),
        "considered_on_2": str(TODAY.year),
        **data,
    }
    return client.post(reverse("reviews:consider", args=[review.pk]), fields)


def test_the_portfolio_holder_of_its_portfolio_records_a_partnerships_review(
    client_for, user_with_role
):
    """G 6.8: partnerships are kept under review by the relevant Cabinet Portfolio Holder."""
    holder = user_with_role(Role.PORTFOLIO_HOLDER)
    review = review_due(days(-1), ReviewStatus.SUBMITTED, portfolio=PortfolioFactory(holder=holder))
    other_holder = client_for(user_with_role(Role.PORTFOLIO_HOLDER))
    outcome = "still meets the objectives set out in the register"
    refused = consider_page_post(other_holder, review, outcome=outcome)
    assert refused.status_code == 403
    page = consider_page_post(client_for(holder), review, outcome=outcome)
    assert page.status_code == 302
    review.refresh_from_db()
    assert (review.status, review.recorded_by) == (ReviewStatus.CONSIDERED, holder)


def test_whoever_submitted_the_review_does_not_record_its_consideration(client_for):
    review = review_due(days(-1), ReviewStatus.SUBMITTED)
    Review.objects.filter(pk=review.pk).update(submitted_by=review.completed_by)
    owner = client_for(review.completed_by)
    page = owner.get(reverse("reviews:detail", args=[review.pk]))
    assert "someone else records its consideration" in page.text
    assert consider_page_post(owner, review, outcome="x").status_code == 403


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose what the review concluded"),
        (
            {"outcome": "concerns raised", "action_1": "Agree new targets"},
            "Action 1 needs its owner",
        ),
        ({"outcome": "concerns raised"}, "Set at least one action, with its owner and due date"),
        (
            {
                "outcome": "still meets the objectives set out in the register",
                "considered_on_0": "32",
            },
            "The date it was considered must be a real date",
        ),
    ],
)
def test_a_consideration_with_bad_input_says_what_is_wrong_on_the_page(client_for, data, message):
    review = review_due(days(-1), ReviewStatus.SUBMITTED)
    page = consider_page_post(client_for(Role.REGISTER_OWNER), review, **data)
    assert page.status_code == 400
    assert message in page.text
    assert "govuk-error-summary" in page.text
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED


def test_recording_twice_records_once(client_for):
    review = review_due(days(-1), ReviewStatus.SUBMITTED)
    client = client_for(Role.REGISTER_OWNER)
    outcome = "still meets the objectives set out in the register"
    assert consider_page_post(client, review, outcome=outcome).status_code == 302
    again = consider_page_post(client, review, outcome=outcome)
    assert again.status_code == 400
    assert "This review has already been considered" in again.text
    assert review.history.filter(status=ReviewStatus.CONSIDERED).count() == 1


def test_a_shared_service_review_links_its_appendix_4a_form(client_for):
    review = review_due(days(5), kind=Kind.SHARED_SERVICE, type=ArrangementType.FULL_SHARED_SERVICE)
    page = client_for(review.completed_by).get(reverse("reviews:detail", args=[review.pk]))
    fill = reverse(
        "council_forms:fill",
        args=[review.arrangement.reference, review.occasion.key, review.template_key],
    )
    assert fill in page.text
    assert "Fill in the" in page.text


def test_the_years_summary_counts_each_answer_across_the_submitted_reviews(client_for):
    """SD "Review and Evaluation": the assessments are summarised to SMT; here Appendix 4a's
    Yes / No / In part answers, across every shared service reviewed in the year."""
    from register.council_forms import definition
    from register.models import FormResponse, FormStatus

    shared = {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.FULL_SHARED_SERVICE}
    reviews = [review_due(days(-n), **shared) for n in (1, 2, 3)]
    form = definition(reviews[0].template_key, "gravesham")
    name, question = next((n, q) for n, q in form.fields() if q.choices)
    answers = [question.choices[0][0], question.choices[1][0]]
    for review, answer in zip(reviews[:2], answers, strict=True):
        FormResponse.objects.create(
            arrangement=review.arrangement,
            form_key=form.key,
            occasion=review.occasion.key,
            answers={**form.example_answers(), name: answer},
            status=FormStatus.SUBMITTED,
        )
    page = client_for(Role.REGISTER_OWNER).get(
        reverse("reviews:summary-year", args=[reviews[0].due_on.year])
    )
    (summary,) = [s for s in page.context["summaries"] if s.definition == form]
    assert len(summary.reviews) == 3
    counts = dict(summary.answers)[question.label]
    assert counts[:2] == [(question.choices[0][1], 1), (question.choices[1][1], 1)]


def test_the_years_summary_is_for_those_who_follow_every_review(client_for):
    assert client_for(Role.LEAD_OFFICER).get(reverse("reviews:summary")).status_code == 403


def test_an_actions_owner_reports_progress_and_an_empty_report_is_refused(
    client_for, user_with_role
):
    from reviews.models import ReviewAction

    review = review_due(days(-1), ReviewStatus.CONSIDERED)
    owner = user_with_role(Role.LEAD_OFFICER)
    action = ReviewAction.objects.create(
        review=review, description="Agree new targets", owner=owner, due_on=days(30)
    )
    client = client_for(owner)
    url = reverse("reviews:action", args=[action.pk])
    refused = client.post(url, {"progress": " "})
    assert refused.status_code == 400
    assert "Say what progress has been made on the action" in refused.text
    done = {"progress": "Agreed", "done_on_0": TODAY.day, "done_on_1": TODAY.month}
    done["done_on_2"] = TODAY.year
    assert client.post(url, done).status_code == 302
    action.refresh_from_db()
    assert (action.progress, action.done_on) == ("Agreed", TODAY)
    assert client_for(user_with_role(Role.LEAD_OFFICER)).get(url).status_code == 403
