"""A review is a record with a life (issue 11, points 2 and 3): its template's form moves it
from due to submitted; whoever the policy names records its consideration, with a meeting
date and minute for a body; and its outcome acts on the arrangement."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from approvals.models import RoundPurpose
from register.choices import ArrangementType, Kind, Status
from register.council_forms import definition
from register.council_forms.selectors import response_for
from register.council_forms.services import save_answers
from register.dates import add_months
from register.policies import get_policy
from register.policies.base import OutcomeEffect
from register.roles import Role
from reviews.models import Review, ReviewAction, ReviewStatus
from reviews.services import (
    Action,
    ReviewRefused,
    consider_review,
    schedule_reviews,
    submit_review,
)
from tests.factories import ArrangementFactory, complete_answers

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DUE = TODAY - datetime.timedelta(days=10)
SHARED_SERVICE = {"kind": Kind.SHARED_SERVICE, "type": ArrangementType.FULL_SHARED_SERVICE}


def active(**fields):
    fields = {"status": Status.ACTIVE, "start_date": DUE.replace(year=DUE.year - 1), **fields}
    return ArrangementFactory(next_review_due=DUE, complete=True, **fields)


def scheduled(arrangement) -> Review:
    (review,) = schedule_reviews()
    assert review.arrangement == arrangement
    return review


def fill(review, *, submit):
    form = definition(review.template_key, get_policy().key)
    save_answers(
        response=response_for(review.arrangement, form, review.occasion),
        answers=complete_answers(form),
        user=review.arrangement.lead_officer,
        submit=submit,
    )
    review.refresh_from_db()
    return review


def submitted(arrangement) -> Review:
    """Submitted by its form, or, with no form in the browser (G 6.8), by saying so."""
    review = scheduled(arrangement)
    if review.template_key:
        return fill(review, submit=True)
    return submit_review(review=review, user=arrangement.lead_officer)


def test_saving_its_form_puts_the_review_in_progress_and_submitting_it_submits_the_review():
    review = scheduled(active(**SHARED_SERVICE))
    assert review.status == ReviewStatus.DUE
    assert fill(review, submit=False).status == ReviewStatus.IN_PROGRESS
    review = fill(review, submit=True)
    assert review.status == ReviewStatus.SUBMITTED
    assert review.submitted_by == review.arrangement.lead_officer
    assert review.submitted_at is not None


def test_another_years_form_of_the_same_template_does_not_move_this_review():
    review = scheduled(active(**SHARED_SERVICE))
    form = definition(review.template_key, get_policy().key)
    from register.occasions import review as review_of

    save_answers(
        response=response_for(review.arrangement, form, review_of(review.due_on.year + 1)),
        answers=complete_answers(form),
        user=review.arrangement.lead_officer,
        submit=True,
    )
    review.refresh_from_db()
    assert review.status == ReviewStatus.DUE


def consider(review, user, outcome_index=0, **details):
    plan = get_policy().review_plan(review.arrangement)
    details.setdefault("considered_on", TODAY)
    return consider_review(
        review=review, user=user, outcome=plan.outcomes[outcome_index].words, **details
    )


def test_continuing_schedules_the_next_review_a_year_after_this_one_was_due(user_with_role):
    """G 6.7: every year."""
    review = submitted(active(**SHARED_SERVICE))
    consider(review, user_with_role(Role.DEMOCRATIC_SERVICES), minute="CAB 23/41")
    review.refresh_from_db()
    arrangement = review.arrangement
    arrangement.refresh_from_db()
    assert (review.status, review.outcome_effect) == (
        ReviewStatus.CONSIDERED,
        OutcomeEffect.CONTINUE,
    )
    assert review.minute == "CAB 23/41"
    assert arrangement.next_review_due == add_months(DUE, 12)
    next_review = Review.objects.get(arrangement=arrangement, due_on=add_months(DUE, 12))
    assert next_review.year_of_operation == review.year_of_operation + 1
    assert next_review.status == ReviewStatus.DUE


def test_a_body_consideration_needs_its_minute_and_a_past_meeting_date(user_with_role):
    review = submitted(active(**SHARED_SERVICE))
    recorder = user_with_role(Role.DEMOCRATIC_SERVICES)
    with pytest.raises(ReviewRefused) as refused:
        consider(review, recorder, considered_on=TODAY + datetime.timedelta(days=1))
    assert refused.value.message_dict == {
        "considered_on": ["The date it was considered must be today or in the past"],
        "minute": ["Enter the minute reference of the meeting that considered it"],
    }
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED  # nothing saved


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (ReviewStatus.DUE, "This review cannot be considered until it has been submitted"),
        (ReviewStatus.IN_PROGRESS, "This review cannot be considered until it has been submitted"),
        (ReviewStatus.CONSIDERED, "This review has already been considered"),
    ],
)
def test_a_review_is_considered_once_and_only_after_it_is_submitted(
    user_with_role, status, message
):
    review = scheduled(active())
    Review.objects.filter(pk=review.pk).update(status=status)
    with pytest.raises(ReviewRefused) as refused:
        consider(review, user_with_role(Role.REGISTER_OWNER))
    assert refused.value.messages == [message]


def test_concerns_raised_need_an_action_and_its_actions_are_shown_at_the_next_review(
    user_with_role, client_for
):
    """G 6.8: a partnership's concerns; the actions are tracked to the next review."""
    owner = user_with_role(Role.REGISTER_OWNER)
    review = submitted(active())
    with pytest.raises(ReviewRefused) as refused:
        consider(review, owner, outcome_index=1)
    assert refused.value.message_dict == {
        "actions": ["Set at least one action, with its owner and due date"]
    }
    lead = review.arrangement.lead_officer
    consider(
        review,
        owner,
        outcome_index=1,
        actions=[Action("Agree a new attendance target", lead, TODAY)],
    )
    (action,) = ReviewAction.objects.all()
    next_review = Review.objects.get(due_on=add_months(DUE, 12))
    page = client_for(lead).get(reverse("reviews:detail", args=[next_review.pk]))
    assert "Actions set by earlier reviews" in page.text
    assert "Agree a new attendance target" in page.text
    assert action.history.count() == 1


def test_not_continuing_opens_the_withdrawal_with_the_review_as_its_reason(user_with_role):
    """G Appendix 4a q6: the shared service does not continue; B: withdrawal is decided at
    the level of the original approval."""
    review = submitted(active(**SHARED_SERVICE))
    ends = TODAY + datetime.timedelta(days=90)
    consider(
        review,
        user_with_role(Role.DEMOCRATIC_SERVICES),
        outcome_index=1,
        minute="CAB 24/7",
        end_date=ends,
    )
    arrangement = review.arrangement
    arrangement.refresh_from_db()
    assert arrangement.status == Status.WITHDRAWING
    (withdrawal,) = arrangement.rounds.filter(purpose=RoundPurpose.WITHDRAWAL)
    assert withdrawal.end_date == ends
    assert withdrawal.reason.startswith(f"{review}, considered on")
    assert "does not continue" in withdrawal.reason
    assert not Review.objects.filter(due_on__gt=DUE).exists()  # no next review


def test_a_withdrawal_that_cannot_open_leaves_the_review_unconsidered(user_with_role):
    """G 2.12: withdrawing follows the exit strategy, so one is needed first."""
    review = submitted(active(exit_strategy="", **SHARED_SERVICE))
    with pytest.raises(ReviewRefused) as refused:
        consider(
            review,
            user_with_role(Role.DEMOCRATIC_SERVICES),
            outcome_index=1,
            minute="CAB 24/7",
            end_date=TODAY + datetime.timedelta(days=90),
        )
    assert refused.value.messages == [
        "The withdrawal cannot go for a decision yet: Enter the exit strategy"
    ]
    review.refresh_from_db()
    review.arrangement.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED
    assert review.arrangement.status == Status.ACTIVE
    assert not ReviewAction.objects.exists()


DARTFORD_CASES = [
    # D 6(vi): the outcome, what it needs, and what it changes on the arrangement.
    ("withdraw from the partnership", {"end_date": 90}, {"status": Status.WITHDRAWING}),
    (
        "allow another body to represent the Council's interests",
        {"another_body": "Kent County Council"},
        {"represented_by": "Kent County Council", "status": Status.ACTIVE},
    ),
    (
        "set a time limit for involvement",
        {"end_date": 200},
        {"end_date": 200, "next_review_due": None, "status": Status.ACTIVE},
    ),
    (
        "set a time limit for involvement",
        {"end_date": 800},
        {"end_date": 800, "next_review_due": "a year on", "status": Status.ACTIVE},
    ),
    ("remain involved", {}, {"next_review_due": "a year on", "status": Status.ACTIVE}),
]


@pytest.mark.parametrize(("outcome", "given", "expected"), DARTFORD_CASES)
def test_each_dartford_outcome_acts_on_the_arrangement(
    settings, user_with_role, outcome, given, expected
):
    settings.COUNCIL_POLICY = "dartford"
    arrangement = active(policy_answers={"approving_body": "cabinet"})  # D 5(v)
    review = scheduled(arrangement)
    Review.objects.filter(pk=review.pk).update(status=ReviewStatus.SUBMITTED)
    review.refresh_from_db()
    details = {
        k: TODAY + datetime.timedelta(days=v) if k == "end_date" else v for k, v in given.items()
    }
    consider_review(
        review=review,
        user=user_with_role(Role.REGISTER_OWNER),
        outcome=outcome,
        considered_on=TODAY,
        **details,
    )
    arrangement.refresh_from_db()
    for name, value in expected.items():
        if name == "end_date":
            value = TODAY + datetime.timedelta(days=value)
        if value == "a year on":
            value = add_months(DUE, 12)
        assert getattr(arrangement, name) == value, name


@pytest.mark.parametrize(
    ("outcome", "given", "error"),
    [
        (
            "set a time limit for involvement",
            {},
            {"end_date": "Enter the date the Council's involvement ends"},
        ),
        (
            "set a time limit for involvement",
            {"end_date": TODAY},
            {"end_date": "The date the Council's involvement ends must be in the future"},
        ),
        (
            "allow another body to represent the Council's interests",
            {"another_body": "  "},
            {"another_body": "Enter the body that will represent the Council's interests"},
        ),
        ("carry on regardless", {}, {"outcome": "Choose what the review concluded"}),
    ],
)
def test_an_outcome_missing_what_it_needs_is_refused_in_words(
    settings, user_with_role, outcome, given, error
):
    settings.COUNCIL_POLICY = "dartford"
    review = scheduled(active())
    Review.objects.filter(pk=review.pk).update(status=ReviewStatus.SUBMITTED)
    review.refresh_from_db()
    with pytest.raises(ReviewRefused) as refused:
        consider_review(
            review=review,
            user=user_with_role(Role.REGISTER_OWNER),
            outcome=outcome,
            considered_on=TODAY,
            **given,
        )
    assert {k: v[0] for k, v in refused.value.message_dict.items()} == error
