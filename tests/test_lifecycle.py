import pytest

from register.choices import Status
from register.lifecycle import ALLOWED_TRANSITIONS, TransitionNotAllowed, change_status
from tests.factories import ArrangementFactory

S = Status
ALLOWED = [
    (S.DRAFT, S.SUBMITTED),
    (S.SUBMITTED, S.IN_APPROVAL),
    (S.SUBMITTED, S.DRAFT),
    (S.IN_APPROVAL, S.ACTIVE),
    (S.IN_APPROVAL, S.DECLINED),
    (S.IN_APPROVAL, S.CONDITIONAL_SUPPORT),
    (S.IN_APPROVAL, S.DRAFT),
    (S.CONDITIONAL_SUPPORT, S.ACTIVE),
    (S.ACTIVE, S.UNDER_REVIEW),
    (S.ACTIVE, S.WITHDRAWING),
    (S.UNDER_REVIEW, S.ACTIVE),
    (S.WITHDRAWING, S.ENDED),
    (S.ENDED, S.DISPOSAL_REVIEW),
]
FORBIDDEN = [
    (S.DRAFT, S.ACTIVE),
    (S.DRAFT, S.IN_APPROVAL),
    (S.SUBMITTED, S.ACTIVE),
    (S.DECLINED, S.ACTIVE),
    (S.ENDED, S.ACTIVE),
    (S.ACTIVE, S.DRAFT),
    (S.DISPOSAL_REVIEW, S.ACTIVE),
    (S.ACTIVE, S.ENDED),
]
REASON = "The partnership's objectives have been met"


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "new"), ALLOWED)
def test_allowed_status_change_is_applied(current, new):
    arrangement = ArrangementFactory(status=current)
    change_status(arrangement, new, reason=REASON)
    arrangement.refresh_from_db()
    assert arrangement.status == new
    assert arrangement.status_changed_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "new"), FORBIDDEN)
def test_forbidden_status_change_raises_and_changes_nothing(current, new):
    arrangement = ArrangementFactory(status=current)
    with pytest.raises(TransitionNotAllowed):
        change_status(arrangement, new, reason=REASON)
    arrangement.refresh_from_db()
    assert arrangement.status == current


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("current", "new"),
    [(S.IN_APPROVAL, S.DECLINED), (S.ACTIVE, S.WITHDRAWING), (S.WITHDRAWING, S.ENDED)],
)
def test_declining_withdrawing_and_ending_need_a_reason(current, new):
    arrangement = ArrangementFactory(status=current)
    with pytest.raises(TransitionNotAllowed, match="reason"):
        change_status(arrangement, new, reason="  ")
    arrangement.refresh_from_db()
    assert arrangement.status == current


@pytest.mark.django_db
def test_declined_reason_is_kept_on_the_register():
    arrangement = ArrangementFactory(status=S.IN_APPROVAL)
    change_status(arrangement, S.DECLINED, reason="Benefit to residents is unclear")
    arrangement.refresh_from_db()
    assert arrangement.status_reason == "Benefit to residents is unclear"


def test_every_status_has_a_row_in_the_table_of_allowed_changes():
    assert set(ALLOWED_TRANSITIONS) == set(Status)


def test_no_status_can_move_back_to_itself():
    assert all(status not in moves for status, moves in ALLOWED_TRANSITIONS.items())
