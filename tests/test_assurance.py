"""The governance assurance exercise for the Annual Governance Statement (issue 11 point 6;
G 6.10: each February / March, assurance from the relevant Director and each responsible
officer that every partnership and shared service has its governance arrangements in place
and still meets the objectives in the register; D 6(viii): issues in its categories are
highlighted in the statement). The clock of the reminders moves by passing `today`."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from approvals.models import Notification
from register.choices import Status
from register.dates import add_months
from register.models import FormStatus
from register.policies import get_policy
from register.roles import Role
from reviews import assurance
from reviews.assurance import AssuranceRefused
from reviews.daily import JOBS
from reviews.models import AssuranceExercise, AssuranceReturn, AssuranceStatus
from tests.factories import ArrangementFactory, FormResponseFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DUE = TODAY + datetime.timedelta(days=40)
YEAR = 2027


def day(offset: int) -> datetime.date:
    """`offset` days after the returns are due (before, when negative)."""
    return DUE + datetime.timedelta(days=offset)


def in_operation(**fields):
    fields.setdefault("status", Status.ACTIVE)
    return ArrangementFactory(**fields)


def opened(register_owner, *arrangements) -> AssuranceExercise:
    return assurance.open_exercise(user=register_owner, year=YEAR, returns_due_on=DUE)


def return_of(exercise, arrangement) -> AssuranceReturn:
    return AssuranceReturn.objects.get(exercise=exercise, arrangement=arrangement)


def made(r, user=None, **answers) -> AssuranceReturn:
    answers = {"governance_in_place": True, "meets_objectives": True, **answers}
    return assurance.make_return(assurance_return=r, user=user or r.officer, **answers)


def refusal(call) -> dict:
    with pytest.raises(AssuranceRefused) as refused:
        call()
    return refused.value.message_dict


# Opening the exercise ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "asked"),
    [
        (Status.ACTIVE, True),
        (Status.CONDITIONAL_SUPPORT, True),
        (Status.UNDER_REVIEW, True),
        (Status.DRAFT, False),
        (Status.SUBMITTED, False),
        (Status.IN_APPROVAL, False),
        (Status.DECLINED, False),
        (Status.WITHDRAWING, True),  # in operation until it has ended
        (Status.ENDED, False),
        (Status.DISPOSAL_REVIEW, False),
    ],
)
def test_a_return_is_asked_for_every_arrangement_in_operation(register_owner, status, asked):
    arrangement = ArrangementFactory(status=status)
    exercise = opened(register_owner)
    assert exercise.returns.filter(arrangement=arrangement).exists() is asked


def test_each_return_is_asked_of_its_responsible_officer_and_its_services_director(
    register_owner, director
):
    arrangement = in_operation(service=ServiceFactory(name="Housing", director=director))
    unnamed = in_operation(service=None)
    exercise = opened(register_owner)
    r = return_of(exercise, arrangement)
    assert (r.officer, r.director, r.status) == (
        arrangement.lead_officer,
        director,
        AssuranceStatus.AWAITING_OFFICER,
    )
    assert return_of(exercise, unnamed).director is None


def test_opening_tells_each_officer_once_with_every_arrangement_they_are_asked_about(
    register_owner,
):
    officer = UserFactory(username="officer-of-two")
    first, second = in_operation(lead_officer=officer), in_operation(lead_officer=officer)
    opened(register_owner)
    told = Notification.objects.get(recipient=officer)
    assert told.event == f"assurance-{YEAR}-opened:user-{officer.pk}"
    assert first.reference in told.body and second.reference in told.body
    assert "still meets the objectives set out in the register" in told.body


@pytest.mark.parametrize(
    "role", [Role.LEAD_OFFICER, Role.DIRECTOR, Role.INTERNAL_AUDIT, Role.MONITORING_OFFICER]
)
def test_only_the_register_owner_opens_the_exercise(user_with_role, role):
    errors = refusal(
        lambda: assurance.open_exercise(user=user_with_role(role), year=YEAR, returns_due_on=DUE)
    )
    assert errors == {None: [assurance.NOT_A_REGISTER_MANAGER]}
    assert not AssuranceExercise.objects.exists()


@pytest.mark.parametrize(
    ("due", "message"),
    [
        (TODAY, "The date returns are due by must be in the future"),
        (TODAY - datetime.timedelta(days=1), "The date returns are due by must be in the future"),
    ],
)
def test_returns_are_asked_for_a_date_in_the_future(register_owner, due, message):
    errors = refusal(
        lambda: assurance.open_exercise(user=register_owner, year=YEAR, returns_due_on=due)
    )
    assert errors == {"returns_due_on": [message]}


def test_a_years_exercise_is_opened_once(register_owner):
    in_operation()
    opened(register_owner)
    errors = refusal(lambda: opened(register_owner))
    assert errors == {"year": [f"The governance assurance for {YEAR} has already been opened"]}
    assert AssuranceReturn.objects.count() == 1


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2027, 1, 10), datetime.date(2027, 3, 31)),  # G 6.10: by the end of March
        (datetime.date(2027, 3, 31), datetime.date(2027, 3, 31)),
        (datetime.date(2027, 4, 1), datetime.date(2028, 3, 31)),
        (datetime.date(2026, 12, 2), datetime.date(2027, 3, 31)),
    ],
)
def test_returns_are_due_by_default_at_the_end_of_the_policys_months(today, due):
    assert assurance.default_returns_due_on(today) == due


# The officer's return ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "errors"),
    [
        (
            {"governance_in_place": None, "meets_objectives": None},
            {
                "governance_in_place": ["Say whether its governance arrangements are in place"],
                "meets_objectives": ["Say whether it still meets the objectives in the register"],
            },
        ),
        (
            {"governance_in_place": False, "governance_detail": "  "},
            {"governance_detail": ["Say what is not in place, and what is being done about it"]},
        ),
        (
            {"meets_objectives": False},
            {"objectives_detail": ["Say what is not being met, and what is being done about it"]},
        ),
        ({"issues": ["not-a-category"]}, {"issues": ["Choose the issues from the list"]}),
    ],
)
def test_a_return_says_what_is_missing_and_saves_nothing(register_owner, answers, errors):
    exercise = opened(register_owner, in_operation())
    r = exercise.returns.get()
    assert refusal(lambda: made(r, **answers)) == errors
    r.refresh_from_db()
    assert (r.status, r.governance_in_place, r.returned_at) == (
        AssuranceStatus.AWAITING_OFFICER,
        None,
        None,
    )


def test_the_officers_return_is_kept_with_what_is_not_in_place_and_waits_on_the_director(
    register_owner,
):
    exercise = opened(register_owner, in_operation())
    r = made(
        exercise.returns.get(),
        governance_in_place=False,
        governance_detail="  Terms of reference out of date  ",
    )
    assert (r.status, r.governance_detail, r.returned_by) == (
        AssuranceStatus.AWAITING_DIRECTOR,
        "Terms of reference out of date",
        r.officer,
    )
    assert r.is_exception
    assert r.history.count() == 2  # asked, then returned: in its history


def test_what_was_not_in_place_is_not_kept_when_the_answer_is_yes(register_owner):
    exercise = opened(register_owner, in_operation())
    r = made(exercise.returns.get(), governance_detail="typed, then Yes chosen")
    assert r.governance_detail == ""


def test_a_return_is_made_once_and_the_second_says_by_whom(register_owner):
    exercise = opened(register_owner, in_operation())
    r = made(exercise.returns.get())
    errors = refusal(lambda: made(r, governance_in_place=False, governance_detail="changed"))
    assert errors[None][0].startswith(f"This return was made by {r.officer.get_full_name()}")
    r.refresh_from_db()
    assert r.governance_in_place is True


@pytest.mark.parametrize(
    "who", ["another officer", "internal audit", "the director", "the register register_owner"]
)
def test_a_return_is_made_only_by_its_responsible_officer(
    register_owner, director, user_with_role, who
):
    exercise = opened(register_owner, in_operation())
    r = exercise.returns.get()
    user = {
        "another officer": user_with_role(Role.LEAD_OFFICER),
        "internal audit": user_with_role(Role.INTERNAL_AUDIT),
        "the director": director,
        "the register register_owner": register_owner,
    }[who]
    assert None in refusal(lambda: made(r, user=user))
    assert AssuranceReturn.objects.get().status == AssuranceStatus.AWAITING_OFFICER


def test_the_officer_now_responsible_makes_the_return_after_a_change_of_officer(register_owner):
    arrangement = in_operation()
    exercise = opened(register_owner)
    successor = UserFactory(username="successor")
    arrangement.lead_officer = successor
    arrangement.save()
    r = made(return_of(exercise, arrangement), user=successor)
    assert r.returned_by == successor


def test_the_register_owner_makes_the_return_of_an_arrangement_with_no_officer(register_owner):
    exercise = opened(register_owner, in_operation(lead_officer=None, created_by=None))
    r = made(exercise.returns.get(), user=register_owner)
    assert r.status == AssuranceStatus.AWAITING_DIRECTOR


def test_dartfords_return_flags_the_d_6_viii_categories_in_the_policys_order(
    settings, register_owner
):
    settings.COUNCIL_POLICY = "dartford"
    exercise = opened(register_owner, in_operation())
    r = made(exercise.returns.get(), issues=["ags_6", "ags_3"])
    assert r.issues == ["ags_3", "ags_6"]
    assert r.is_exception
    assert assurance.issue_words(r) == [
        "The issue has led to a material impact on the accounts",
        "The issue has resulted in formal action being taken by the Section 151 Officer and/or "
        "Monitoring Officer",
    ]


A_YEAR_BEFORE = add_months(DUE, -12)


@pytest.mark.parametrize(
    ("submitted_on", "flagged"),
    [
        (day(-10), True),
        (A_YEAR_BEFORE + datetime.timedelta(days=1), True),  # within the year before
        (A_YEAR_BEFORE, False),
    ],
)
def test_dartfords_annex_lists_the_issues_a_review_of_the_year_flagged_as_exceptions(
    settings, register_owner, director, submitted_on, flagged
):
    settings.COUNCIL_POLICY = "dartford"
    arrangement = in_operation(service=ServiceFactory(director=director))
    exercise = opened(register_owner)
    FormResponseFactory(
        arrangement=arrangement,
        form_key="dartford_minor_review",
        occasion="review-2026",
        answers={"ags_1": False, "ags_4": True},
        status=FormStatus.SUBMITTED,
        submitted_at=timezone.make_aware(
            datetime.datetime.combine(submitted_on, datetime.time(12))
        ),
    )
    r = made(exercise.returns.get())  # the officer flags nothing
    assurance.confirm_as_director(assurance_return=r, user=director, assures=True)
    annex = assurance.annex(exercise)
    if flagged:
        (shown,) = annex.exceptions
        assert shown.review_issue_words == [
            "The Section 151 Officer has reported on it as significant in the annual opinion on "
            "the internal control environment"
        ]
    else:
        assert [r.review_issue_words for r in annex.assured] == [[]]


def test_graveshams_policy_names_no_categories_so_any_is_refused(register_owner):
    assert get_policy().assurance_issues == ()
    exercise = opened(register_owner, in_operation())
    errors = refusal(lambda: made(exercise.returns.get(), issues=["ags_3"]))
    assert errors == {"issues": ["Choose the issues from the list"]}


# The Director's assurance ------------------------------------------------------------------


@pytest.fixture
def returned(register_owner, director):
    """A return made by its officer, of an arrangement in the Director's service."""
    exercise = opened(register_owner, in_operation(service=ServiceFactory(director=director)))
    return made(exercise.returns.get())


def test_the_director_gives_assurance_and_the_return_is_complete(returned, director):
    r = assurance.confirm_as_director(assurance_return=returned, user=director, assures=True)
    assert (r.status, r.confirmed_by, r.is_exception) == (AssuranceStatus.RETURNED, director, False)


def test_a_director_who_does_not_give_assurance_says_why_and_it_is_an_exception(returned, director):
    errors = refusal(
        lambda: assurance.confirm_as_director(
            assurance_return=returned, user=director, assures=False
        )
    )
    assert errors == {"comment": ["Say what is not in place, and what is being done about it"]}
    r = assurance.confirm_as_director(
        assurance_return=returned, user=director, assures=False, comment="No risk register"
    )
    assert r.is_exception


def test_the_director_is_asked_to_say_whether_they_give_assurance(returned, director):
    errors = refusal(
        lambda: assurance.confirm_as_director(
            assurance_return=returned, user=director, assures=None
        )
    )
    assert errors == {"assures": ["Say whether you give your assurance"]}


def test_the_directors_assurance_follows_the_officers_return(register_owner, director):
    exercise = opened(register_owner, in_operation(service=ServiceFactory(director=director)))
    errors = refusal(
        lambda: assurance.confirm_as_director(
            assurance_return=exercise.returns.get(), user=director, assures=True
        )
    )
    assert errors == {None: ["The Director's assurance follows the responsible officer's return"]}


def test_the_directors_assurance_is_given_once(returned, director):
    assurance.confirm_as_director(assurance_return=returned, user=director, assures=True)
    errors = refusal(
        lambda: assurance.confirm_as_director(
            assurance_return=returned, user=director, assures=False, comment="changed my mind"
        )
    )
    assert errors[None][0].startswith("The Director's assurance was given by")


def test_only_the_director_of_its_service_gives_assurance(returned, user_with_role):
    other_director = user_with_role(Role.DIRECTOR)
    errors = refusal(
        lambda: assurance.confirm_as_director(
            assurance_return=returned, user=other_director, assures=True
        )
    )
    assert errors[None][0].startswith("The Director's assurance is given by")


def test_any_director_gives_assurance_where_the_service_names_none(register_owner, user_with_role):
    exercise = opened(register_owner, in_operation(service=ServiceFactory(director=None)))
    r = made(exercise.returns.get())
    some_director = user_with_role(Role.DIRECTOR)
    assert assurance.may_confirm(some_director, r) == (True, "")
    assert not assurance.may_confirm(user_with_role(Role.HEAD_OF_SERVICE), r)[0]


def test_the_officer_who_made_the_return_does_not_also_assure_it_as_director(register_owner):
    officer_and_director = UserFactory(roles=[Role.LEAD_OFFICER, Role.DIRECTOR])
    exercise = opened(register_owner, in_operation(lead_officer=officer_and_director, service=None))
    r = made(exercise.returns.get())
    allowed, why = assurance.may_confirm(officer_and_director, r)
    assert not allowed
    assert why == "You made the officer's return, so another Director gives the assurance."


# Closing ---------------------------------------------------------------------------------


def test_a_closed_exercise_takes_no_more_returns_nor_assurances(register_owner, director):
    exercise = opened(
        register_owner, in_operation(), in_operation(service=ServiceFactory(director=director))
    )
    waiting, to_assure = exercise.returns.order_by("pk")
    to_assure = made(to_assure)
    assurance.close_exercise(exercise=exercise, user=register_owner)
    closed = {None: [f"The governance assurance for {YEAR} has closed"]}
    assert refusal(lambda: made(waiting)) == closed
    assert (
        refusal(
            lambda: assurance.confirm_as_director(
                assurance_return=to_assure, user=director, assures=True
            )
        )
        == closed
    )
    assert (
        refusal(lambda: assurance.close_exercise(exercise=exercise, user=register_owner)) == closed
    )


def test_only_the_register_owner_closes_the_exercise(register_owner, director):
    exercise = opened(register_owner, in_operation())
    refusal(lambda: assurance.close_exercise(exercise=exercise, user=director))
    exercise.refresh_from_db()
    assert exercise.is_open


# Progress and the annex --------------------------------------------------------------------


@pytest.fixture
def four_returns(register_owner, director):
    """Four arrangements, named so that the annex's order is not theirs: one assured, one
    returned with an exception and assured, one awaiting its Director, one not returned."""
    officer = UserFactory(username="the-officer")
    service = ServiceFactory(director=director)
    names = ["A assured", "B exception", "C awaiting director", "D not returned"]
    arrangements = [in_operation(name=n, lead_officer=officer, service=service) for n in names]
    exercise = opened(register_owner)
    assured, exception, awaiting, _not = (return_of(exercise, a) for a in arrangements)
    for r in (assured, exception):
        made(r, meets_objectives=r is assured or False, objectives_detail="Fewer outputs")
        assurance.confirm_as_director(assurance_return=r, user=director, assures=True)
    made(awaiting)
    return exercise, officer


def test_progress_counts_the_returns_and_names_who_is_outstanding(four_returns, director):
    exercise, officer = four_returns
    shown = assurance.progress(exercise)
    assert (shown.total, shown.returned, shown.awaiting_director, shown.awaiting_officer) == (
        4,
        2,
        1,
        1,
    )
    assert [(o.person, o.asked_as, len(o.returns)) for o in shown.outstanding] == [
        (director, "Director", 1),
        (officer, "Responsible officer", 1),
    ]


def test_the_annex_puts_exceptions_first_then_what_is_not_yet_returned(four_returns):
    exercise, _officer = four_returns
    annex = assurance.annex(exercise)
    assert [
        (key, [r.arrangement.name for r in returns]) for key, _title, returns in annex.sections
    ] == [
        ("exceptions", ["B exception"]),
        ("not-returned", ["C awaiting director", "D not returned"]),
        ("assured", ["A assured"]),
    ]


def test_the_returns_waiting_on_a_person_are_theirs_in_open_exercises(four_returns, director):
    exercise, officer = four_returns
    assert [r.arrangement.name for r in assurance.returns_owed_by(officer)] == ["D not returned"]
    assert [r.arrangement.name for r in assurance.returns_owed_by(director)] == [
        "C awaiting director"
    ]
    assurance.close_exercise(exercise=exercise, user=exercise.opened_by)
    assert not assurance.returns_owed_by(officer).exists()


# Reminders --------------------------------------------------------------------------------


def told(today) -> list[tuple[str, str]]:
    """(event without its person, username) of the reminders newly sent on `today`."""
    before = set(Notification.objects.values_list("pk", flat=True))
    assurance.send_assurance_reminders(today)
    return sorted(
        (n.event.split(":")[0], n.recipient.username)
        for n in Notification.objects.exclude(pk__in=before).select_related("recipient")
    )


@pytest.fixture
def waiting(register_owner, director):
    """Two returns: one waiting on its officer, one on the Director."""
    service = ServiceFactory(director=director)
    first = in_operation(lead_officer=UserFactory(username="slow-officer"), service=service)
    second = in_operation(lead_officer=UserFactory(username="quick-officer"), service=service)
    exercise = opened(register_owner)
    made(return_of(exercise, second))
    Notification.objects.all().delete()  # those of the opening
    return exercise, first


@pytest.mark.parametrize(
    ("offset", "stage"),
    [
        (-31, None),
        (-30, "30-days-before"),
        (-7, "7-days-before"),
        (0, "due"),
        (7, "7-days-overdue"),
    ],
)
def test_whoever_is_outstanding_is_reminded_on_the_policys_days(waiting, offset, stage):
    on = day(offset)
    expected = [
        (f"assurance-{YEAR}-{stage}-{on}-director", "director-of-the-service"),
        (f"assurance-{YEAR}-{stage}-{on}-officer", "slow-officer"),
    ]
    assert told(day(offset)) == ([] if stage is None else expected)


def test_a_reminder_goes_once_however_often_the_daily_job_runs(waiting):
    assert len(told(day(-7))) == 2
    assert told(day(-7)) == []
    assert told(day(-6)) == []


def test_after_two_weeks_overdue_the_register_owner_is_told_who_is_outstanding(waiting):
    events = told(day(14))
    assert (
        f"assurance-{YEAR}-14-days-overdue-{day(14)}-register-owner",
        "register-owner",
    ) in events
    body = Notification.objects.get(recipient__username="register-owner").body
    assert "slow-officer" in body or "Responsible officer): 1" in body


def test_nobody_is_reminded_once_everything_is_returned_or_the_exercise_is_closed(
    waiting, director
):
    exercise, first = waiting
    assurance.close_exercise(exercise=exercise, user=exercise.opened_by)
    assert told(day(0)) == []


def test_where_no_director_is_named_every_director_is_reminded(register_owner, director):
    exercise = opened(register_owner, in_operation(service=None))
    made(exercise.returns.get())
    Notification.objects.all().delete()
    assert told(day(0)) == [
        (f"assurance-{YEAR}-due-{day(0)}-director-unnamed", "director-of-the-service")
    ]


def test_the_reminders_take_the_same_queries_for_3_returns_as_for_30(settings, register_owner):
    # The queue's own cost (one row per e-mail with the database backend) is left out.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    counts = []
    for year, how_many in ((YEAR, 3), (YEAR + 1, 30)):
        AssuranceExercise.objects.update(closed_at=timezone.now())
        for _ in range(how_many):
            in_operation(lead_officer=UserFactory())
        assurance.open_exercise(user=register_owner, year=year, returns_due_on=DUE)
        with CaptureQueriesContext(connection) as queries:
            told_now = assurance.send_assurance_reminders(day(14))  # and escalated
        counts.append(len(queries))
        assert told_now == AssuranceReturn.objects.filter(exercise__year=year).count() + 1
    assert counts[0] == counts[1]


def test_the_daily_run_sends_the_assurance_reminders():
    assert ("Governance assurance reminders sent", assurance.send_assurance_reminders) in JOBS
