"""Every policy's route shapes, from submission to each outcome."""

from decimal import Decimal

import pytest

from approvals.models import Outcome, RoundOutcome
from register.choices import ArrangementType, DocumentKind, Kind, Status
from register.policies import COUNCILS, get_policy
from register.policies.base import ADVISING_KINDS
from tests.approvals_helpers import (
    approve_everything,
    decide,
    other_partnership,
    pending,
    someone_for,
)
from tests.factories import DocumentFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db

SHAPES = {
    "a small partnership": {},
    "a statutory partnership of £60,000 a year": {
        "is_statutory": True,
        "cash_per_year": Decimal("60000"),
    },
    "a full shared service": {
        "kind": Kind.SHARED_SERVICE,
        "type": ArrangementType.FULL_SHARED_SERVICE,
    },
    "a network forum": {"type": ArrangementType.NETWORK_FORUM},
}


def ready_arrangement(shape):
    """A complete arrangement whose policy questions are all answered and documents given."""
    arrangement = other_partnership(**SHAPES[shape])
    policy = get_policy()
    arrangement.policy_answers = {
        q.key: q.choices[0][0] if q.choices else q.group != "declining" for q in policy.questions
    }
    arrangement.save()
    for kind in DocumentKind.values:
        DocumentFactory(arrangement=arrangement, kind=kind)
    assert policy.missing(arrangement) == [], policy.missing(arrangement)
    return arrangement


CASES = [(policy, shape) for policy in COUNCILS for shape in SHAPES]


@pytest.fixture
def arrangement(settings, request):
    policy, shape = request.param
    settings.COUNCIL_POLICY = policy
    return ready_arrangement(shape)


@pytest.mark.parametrize("arrangement", CASES, indirect=True, ids=[f"{p}: {s}" for p, s in CASES])
def test_approved_at_every_step_it_becomes_active(arrangement):
    route = get_policy().route(arrangement)
    approval_round = approve_everything(submit(arrangement))
    arrangement.refresh_from_db()
    assert (approval_round.outcome, arrangement.status) == (RoundOutcome.APPROVED, Status.ACTIVE)
    decided = [(s.kind, s.role) for s in approval_round.steps.order_by("stage", "pk")]
    assert decided == [(step.kind, step.role) for stage in route for step in stage.steps]


def first_decision_step(approval_round):
    """Give opinions and hold discussions until a decision is pending, and return it."""
    while True:
        steps = pending(approval_round)
        deciding = [s for s in steps if s.kind not in ADVISING_KINDS]
        if deciding:
            return deciding[0]
        for step in steps:
            decide(step, someone_for(step))


@pytest.mark.parametrize("arrangement", CASES, indirect=True, ids=[f"{p}: {s}" for p, s in CASES])
def test_refused_at_the_first_decision_it_is_declined(arrangement):
    approval_round = submit(arrangement)
    step = first_decision_step(approval_round)
    decide(step, someone_for(step), Outcome.REFUSE, comment="Not value for money")
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DECLINED
    assert arrangement.status_reason == "Not value for money"


@pytest.mark.parametrize("arrangement", CASES, indirect=True, ids=[f"{p}: {s}" for p, s in CASES])
def test_returned_at_the_first_decision_it_goes_back_to_draft(arrangement):
    approval_round = submit(arrangement)
    step = first_decision_step(approval_round)
    decide(step, someone_for(step), Outcome.RETURN, comment="Say more about the exit")
    arrangement.refresh_from_db()
    assert arrangement.status == Status.DRAFT
