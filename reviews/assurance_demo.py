"""The demo's governance assurance: this year's exercise open and half returned, with one
exception, so the register owner's progress page and the annex have something to show."""

import datetime

from django.contrib.auth import get_user_model

from reviews import assurance
from reviews.models import AssuranceExercise

EXCEPTION = (
    "The joint committee has not met since the autumn and its terms of reference are out of "
    "date; the partners meet in April to agree new ones."
)


def seed_assurance_demo(today: datetime.date) -> AssuranceExercise | None:
    users = get_user_model().objects.in_bulk(["register_owner", "director"], field_name="username")
    if "register_owner" not in users or AssuranceExercise.objects.filter(year=today.year).exists():
        return None
    exercise = assurance.open_exercise(
        user=users["register_owner"],
        year=today.year,
        returns_due_on=today + datetime.timedelta(days=21),
    )
    returns = [r for r in assurance.returns_of(exercise) if r.officer is not None]
    half = returns[: len(returns) // 2]
    for number, r in enumerate(half):
        exception = number == 0
        assurance.make_return(
            assurance_return=r,
            user=r.officer,
            governance_in_place=not exception,
            governance_detail=EXCEPTION if exception else "",
            meets_objectives=True,
        )
        # The Director has given assurance on the first few; the rest wait on them.
        if number < len(half) // 2 and "director" in users:
            assurance.confirm_as_director(
                assurance_return=r,
                user=users["director"],
                assures=not exception,
                comment=EXCEPTION if exception else "",
            )
    return exercise
