"""The governance assurance exercise for the Annual Governance Statement (G 6.10; D 6(viii);
issue 11 point 6).

Each February and March the register owner opens the year's exercise. Every arrangement in
operation gets a return: its responsible officer confirms that its governance arrangements
are in place and that it still meets the objectives in the register, or says what is not
(and, under Dartford, which categories of internal control issue it falls into); then the
Director of its service gives their assurance. The register owner follows who is
outstanding, reminders go as for reviews, and the result is the annex to the statement,
exceptions first.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from approvals.notifications import Message, arrangement_line, link, notify_all
from register import formatting
from register.dates import add_months
from register.lifecycle import IN_OPERATION
from register.models import Arrangement, FormResponse, FormStatus
from register.occasions import OccasionKind
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, Role, has_role, is_read_only, is_responsible_for
from reviews.models import AssuranceExercise, AssuranceReturn, AssuranceStatus
from reviews.reminders import when_due

NOT_A_REGISTER_MANAGER = "Only the register owner opens and closes the governance assurance"
NO_OFFICER = "No responsible officer named"
OFFICER = "Responsible officer"


class AssuranceRefused(ValidationError):
    """Why a return, a confirmation, or opening or closing the exercise was refused."""


def default_returns_due_on(today: datetime.date) -> datetime.date:
    """The last day of the policy's second month of the exercise (G 6.10: 31 March), this
    year or, once it has passed, next year."""
    last_month = get_policy().assurance_months[-1]
    due = add_months(datetime.date(today.year, last_month, 1), 1) - datetime.timedelta(days=1)
    return due if due >= today else due.replace(year=due.year + 1)


# Who may do what ---------------------------------------------------------------------------


def may_return(user, assurance_return) -> tuple[bool, str]:
    """(allowed, why not): the officer asked, or whoever is now responsible for it; the
    register's keepers only for an arrangement that named no officer."""
    if is_read_only(user):
        return False, "Your role can read the returns but not make one."
    arrangement = assurance_return.arrangement
    if user.pk == assurance_return.officer_id or is_responsible_for(user, arrangement):
        return True, ""
    if assurance_return.officer_id is None:
        if has_role(user, *REGISTER_MANAGERS):
            return True, ""
        return False, "No responsible officer is named for it, so the register owner makes it."
    return False, (
        f"The return is made by its responsible officer, "
        f"{formatting.person(assurance_return.officer)}."
    )


def may_confirm(user, assurance_return) -> tuple[bool, str]:
    """(allowed, why not): the Director of its service, or any Director when the register
    names none; never the person who made the officer's return."""
    if is_read_only(user):
        return False, "Your role can read the returns but not give a Director's assurance."
    if assurance_return.returned_by_id is not None and assurance_return.returned_by_id == user.pk:
        return False, "You made the officer's return, so another Director gives the assurance."
    if assurance_return.director_id is not None:
        if assurance_return.director_id == user.pk:
            return True, ""
        return False, (
            f"The Director's assurance is given by {formatting.person(assurance_return.director)}."
        )
    if has_role(user, Role.DIRECTOR):
        return True, ""
    return False, f"The assurance is given by a {Role.DIRECTOR.label}."


# Writes -------------------------------------------------------------------------------------


def _refuse_unless_register_manager(user):
    if not has_role(user, *REGISTER_MANAGERS):
        raise AssuranceRefused({None: NOT_A_REGISTER_MANAGER})


@transaction.atomic
def open_exercise(*, user, year: int, returns_due_on: datetime.date) -> AssuranceExercise:
    """Open `year`'s exercise: a return for every arrangement in operation, each asked of its
    responsible officer and the Director of its service, who are told."""
    _refuse_unless_register_manager(user)
    errors = {}
    if AssuranceExercise.objects.filter(year=year).exists():
        errors["year"] = f"The governance assurance for {year} has already been opened"
    if returns_due_on <= timezone.localdate():
        errors["returns_due_on"] = "The date returns are due by must be in the future"
    if errors:
        raise AssuranceRefused(errors)
    try:
        with transaction.atomic():
            exercise = AssuranceExercise.objects.create(
                year=year, returns_due_on=returns_due_on, opened_by=user
            )
    except IntegrityError:  # opened by someone else a moment ago
        raise AssuranceRefused(
            {"year": f"The governance assurance for {year} has already been opened"}
        ) from None
    arrangements = (
        Arrangement.objects.filter(status__in=IN_OPERATION).select_related("service").order_by("pk")
    )
    returns = bulk_create_with_history(
        [
            AssuranceReturn(
                exercise=exercise,
                arrangement=arrangement,
                officer_id=arrangement.lead_officer_id,
                director_id=arrangement.service.director_id if arrangement.service else None,
            )
            for arrangement in arrangements
        ],
        AssuranceReturn,
    )
    _tell_of_opening(exercise, returns)
    return exercise


def _tell_of_opening(exercise, returns):
    """Each responsible officer once, with the arrangements they are asked about."""
    by_officer = {}
    for assurance_return in returns:
        by_officer.setdefault(assurance_return.officer_id, []).append(assurance_return)
    officers = get_user_model().objects.in_bulk([pk for pk in by_officer if pk is not None])
    url = link(reverse("reviews:assurance", args=[exercise.year]))
    notify_all(
        Message(
            f"assurance-{exercise.year}-opened",
            [officer],
            f"Governance assurance {exercise.year}: your returns are due by "
            f"{formatting.long_date(exercise.returns_due_on)}",
            "The governance of every partnership and shared service is reviewed for the "
            "Annual Governance Statement. For each arrangement below, confirm that its "
            "governance arrangements are in place and that it still meets the objectives set "
            "out in the register, or say what is not.\n\n"
            + _listed(by_officer[pk])
            + f"\nMake your returns: {url}\n",
        )
        for pk, officer in officers.items()
    )


def _listed(returns) -> str:
    return "".join(f"- {arrangement_line(r.arrangement)}\n" for r in returns)


def _locked(assurance_return) -> AssuranceReturn:
    """The return, locked against a second person answering it at the same moment, or
    refused when its exercise has closed."""
    locked = (
        AssuranceReturn.objects.select_for_update()
        .select_related("exercise", "arrangement")
        .get(pk=assurance_return.pk)
    )
    if not locked.exercise.is_open:
        raise AssuranceRefused(
            {None: f"The governance assurance for {locked.exercise.year} has closed"}
        )
    return locked


@transaction.atomic
def make_return(
    *,
    assurance_return,
    user,
    governance_in_place,
    governance_detail="",
    meets_objectives,
    objectives_detail="",
    issues=(),
) -> AssuranceReturn:
    """The responsible officer's assurance, once."""
    assurance_return = _locked(assurance_return)
    allowed, why = may_return(user, assurance_return)
    if not allowed:
        raise AssuranceRefused({None: why})
    if assurance_return.status != AssuranceStatus.AWAITING_OFFICER:
        raise AssuranceRefused(
            {
                None: f"This return was made by {formatting.person(assurance_return.returned_by)}"
                f" on {formatting.long_date(timezone.localdate(assurance_return.returned_at))}"
            }
        )
    errors = {}
    if governance_in_place is None:
        errors["governance_in_place"] = "Say whether its governance arrangements are in place"
    elif governance_in_place is False and not governance_detail.strip():
        errors["governance_detail"] = "Say what is not in place, and what is being done about it"
    if meets_objectives is None:
        errors["meets_objectives"] = "Say whether it still meets the objectives in the register"
    elif meets_objectives is False and not objectives_detail.strip():
        errors["objectives_detail"] = "Say what is not being met, and what is being done about it"
    known = dict(get_policy().assurance_issues)
    unknown = [key for key in issues if key not in known]
    if unknown:
        errors["issues"] = "Choose the issues from the list"
    if errors:
        raise AssuranceRefused(errors)
    assurance_return.governance_in_place = governance_in_place
    assurance_return.governance_detail = (
        governance_detail.strip() if not governance_in_place else ""
    )
    assurance_return.meets_objectives = meets_objectives
    assurance_return.objectives_detail = objectives_detail.strip() if not meets_objectives else ""
    assurance_return.issues = [key for key in known if key in issues]
    assurance_return.returned_at, assurance_return.returned_by = timezone.now(), user
    assurance_return.status = AssuranceStatus.AWAITING_DIRECTOR
    assurance_return.save()
    return assurance_return


@transaction.atomic
def confirm_as_director(*, assurance_return, user, assures, comment="") -> AssuranceReturn:
    """The Director's assurance on the officer's return, once, after it."""
    assurance_return = _locked(assurance_return)
    allowed, why = may_confirm(user, assurance_return)
    if not allowed:
        raise AssuranceRefused({None: why})
    if assurance_return.status == AssuranceStatus.AWAITING_OFFICER:
        raise AssuranceRefused(
            {None: "The Director's assurance follows the responsible officer's return"}
        )
    if assurance_return.status == AssuranceStatus.RETURNED:
        raise AssuranceRefused(
            {
                None: f"The Director's assurance was given by "
                f"{formatting.person(assurance_return.confirmed_by)} on "
                f"{formatting.long_date(timezone.localdate(assurance_return.confirmed_at))}"
            }
        )
    if assures is None:
        raise AssuranceRefused({"assures": "Say whether you give your assurance"})
    if assures is False and not comment.strip():
        raise AssuranceRefused(
            {"comment": "Say what is not in place, and what is being done about it"}
        )
    assurance_return.director_assures, assurance_return.director_comment = assures, comment.strip()
    assurance_return.confirmed_at, assurance_return.confirmed_by = timezone.now(), user
    assurance_return.status = AssuranceStatus.RETURNED
    assurance_return.save()
    return assurance_return


@transaction.atomic
def close_exercise(*, exercise, user) -> AssuranceExercise:
    """Close it: no more returns; what is outstanding stays so in the annex."""
    _refuse_unless_register_manager(user)
    exercise = AssuranceExercise.objects.select_for_update().get(pk=exercise.pk)
    if not exercise.is_open:
        raise AssuranceRefused({None: f"The governance assurance for {exercise.year} has closed"})
    exercise.closed_at, exercise.closed_by = timezone.now(), user
    exercise.save(update_fields=["closed_at", "closed_by", "updated_at"])
    return exercise


# Reads --------------------------------------------------------------------------------------


def returns_of_every_exercise():
    """Returns with what their pages and rows show, in one query."""
    return AssuranceReturn.objects.select_related(
        "exercise",
        "arrangement",
        "arrangement__service",
        "officer",
        "director",
        "returned_by",
        "confirmed_by",
    )


def returns_of(exercise):
    return returns_of_every_exercise().filter(exercise=exercise)


@dataclass
class Outstanding:
    """One person's returns still to make (an officer's) or to confirm (a Director's)."""

    person: object  # None: no responsible officer is named, or no Director for the service
    asked_as: str
    returns: list = field(default_factory=list)


@dataclass
class Progress:
    returns: list
    outstanding: list  # of Outstanding, most returns first

    @property
    def total(self) -> int:
        return len(self.returns)

    def _count(self, status) -> int:
        return sum(1 for r in self.returns if r.status == status)

    @property
    def returned(self) -> int:
        return self._count(AssuranceStatus.RETURNED)

    @property
    def awaiting_officer(self) -> int:
        return self._count(AssuranceStatus.AWAITING_OFFICER)

    @property
    def awaiting_director(self) -> int:
        return self._count(AssuranceStatus.AWAITING_DIRECTOR)


def progress(exercise, returns=None) -> Progress:
    """How many are returned, and who is outstanding with what."""
    returns = list(returns_of(exercise) if returns is None else returns)
    outstanding = {}
    for r in returns:
        if r.status == AssuranceStatus.AWAITING_OFFICER:
            key, person, asked_as = ("officer", r.officer_id), r.officer, OFFICER
        elif r.status == AssuranceStatus.AWAITING_DIRECTOR:
            key, person, asked_as = ("director", r.director_id), r.director, Role.DIRECTOR.label
        else:
            continue
        outstanding.setdefault(key, Outstanding(person, asked_as)).returns.append(r)
    ordered = sorted(outstanding.values(), key=lambda o: (-len(o.returns), str(o.person or "")))
    return Progress(returns, ordered)


@dataclass
class Annex:
    """The annex to the Annual Governance Statement: exceptions first, then what is not yet
    returned, then the arrangements assured."""

    exercise: AssuranceExercise
    exceptions: list
    not_returned: list
    assured: list

    @property
    def sections(self):
        return [
            ("exceptions", "Exceptions", self.exceptions),
            ("not-returned", "Not yet returned", self.not_returned),
            ("assured", "Assured", self.assured),
        ]


def issue_words(assurance_return) -> list[str]:
    """The policy's words for the issues a return flags for the statement."""
    issues = dict(get_policy().assurance_issues)
    return [issues.get(key, key) for key in assurance_return.issues]


def flagged_by_reviews(exercise, arrangement_ids) -> dict[int, list[str]]:
    """{arrangement pk: the words of the issues its reviews submitted in the year before the
    returns are due flagged for the statement} (Dartford's review forms ask each category
    of D 6(viii), under the same keys as the returns)."""
    issues = dict(get_policy().assurance_issues)
    if not issues:
        return {}
    since = add_months(exercise.returns_due_on, -12)
    flagged = {}
    for response in FormResponse.objects.filter(
        arrangement_id__in=arrangement_ids,
        status=FormStatus.SUBMITTED,
        occasion__startswith=f"{OccasionKind.REVIEW}-",
        submitted_at__date__gt=since,
        submitted_at__date__lte=exercise.returns_due_on,
    ).only("arrangement_id", "answers"):
        keys = {key for key in issues if response.answers.get(key) is True}
        flagged.setdefault(response.arrangement_id, set()).update(keys)
    return {
        pk: [words for key, words in issues.items() if key in keys] for pk, keys in flagged.items()
    }


def annex(exercise) -> Annex:
    exceptions, not_returned, assured = [], [], []
    returns = list(returns_of(exercise))
    by_reviews = flagged_by_reviews(exercise, [r.arrangement_id for r in returns])
    for r in returns:
        r.issue_words = issue_words(r)
        r.review_issue_words = [
            words for words in by_reviews.get(r.arrangement_id, []) if words not in r.issue_words
        ]
        if r.is_exception or r.review_issue_words:
            exceptions.append(r)
        elif r.status != AssuranceStatus.RETURNED:
            not_returned.append(r)
        else:
            assured.append(r)
    return Annex(exercise, exceptions, not_returned, assured)


def returns_owed_by(user):
    """The returns of open exercises waiting on `user`, as officer or Director (one named
    by the register, or any Director where it names none)."""
    directing = Q(director=user)
    if has_role(user, Role.DIRECTOR):
        directing |= Q(director__isnull=True)  # any Director, where its service names none
    waiting = Q(status=AssuranceStatus.AWAITING_OFFICER, officer=user) | (
        Q(status=AssuranceStatus.AWAITING_DIRECTOR) & directing
    )
    return (
        AssuranceReturn.objects.filter(waiting, exercise__closed_at__isnull=True)
        .select_related("arrangement", "exercise")
        .order_by("exercise__returns_due_on", "arrangement__name")
    )


# Reminders ---------------------------------------------------------------------------------


@transaction.atomic
def send_assurance_reminders(today: datetime.date) -> int:
    """Remind each person with returns outstanding in an open exercise, on the policy's
    review reminder days before the returns are due, on the day and weekly after; once it is
    long overdue the register owner is told who is outstanding. One e-mail a person a
    reminder, listing their returns; each goes once. How many people were newly told."""
    policy = get_policy()
    users = get_user_model().objects.filter(is_active=True)
    owners = list(users.filter(groups__name=Role.REGISTER_OWNER.value))
    directors = list(users.filter(groups__name=Role.DIRECTOR.value))
    messages = []
    for exercise in AssuranceExercise.objects.filter(closed_at__isnull=True):
        reminder = policy.review_reminder(exercise.returns_due_on, today)
        if reminder is None:
            continue
        event = f"assurance-{exercise.year}-{reminder.stage}-{reminder.on.isoformat()}"
        due = when_due(exercise.returns_due_on, today)
        url = link(reverse("reviews:assurance", args=[exercise.year]))
        outstanding = progress(exercise).outstanding
        for waiting in outstanding:
            # Where none is named: the register owner makes the return, any Director assures.
            if waiting.person is not None:
                people = [waiting.person]
            else:
                people = owners if waiting.asked_as == OFFICER else directors
            messages.append(
                Message(
                    f"{event}-{'officer' if waiting.asked_as == OFFICER else 'director'}"
                    f"{'' if waiting.person else '-unnamed'}",
                    people,
                    f"Governance assurance {exercise.year}: {len(waiting.returns)} "
                    f"return{'' if len(waiting.returns) == 1 else 's'} {due}",
                    f"As {waiting.asked_as.lower()}, your assurance is still needed on:\n\n"
                    f"{_listed(waiting.returns)}\nMake your returns: {url}\n",
                )
            )
        if reminder.escalated and outstanding:
            lines = "".join(
                f"- {formatting.person(o.person)} ({o.asked_as}): {len(o.returns)}\n"
                for o in outstanding
            )
            messages.append(
                Message(
                    f"{event}-register-owner",
                    owners,
                    f"Governance assurance {exercise.year}: returns {due}",
                    f"You are told as the {policy.title(Role.REGISTER_OWNER)}. Still "
                    f"outstanding:\n\n{lines}\n{url}\n",
                )
            )
    return notify_all(messages)
