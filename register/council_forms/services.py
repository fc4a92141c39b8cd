"""Saving an officer's answers to a council template."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from register.choices import GovernanceItem
from register.council_forms.base import financial_year
from register.models import Arrangement, FormResponse, FormStatus, MeasureResult
from register.occasions import Occasion
from register.timeline import changes_by_the_portal
from register.versions import check_version, same_value


class FormLocked(PermissionError):
    """A submitted form is read-only unless it is returned."""


class SavedMeanwhile(Exception):
    """Someone else saved the form first, from the same empty form."""


@transaction.atomic
def save_answers(
    *, response: FormResponse, answers: dict, user, submit: bool, version: str | None = None
) -> FormResponse | None:
    """Keep the answers as a draft, or submit them (then they are read-only).

    The saved row is locked and read again first, so a form submitted by someone else
    since this one was opened is never written over, and a save over a newer version than
    the page's is refused (EditConflict). Submitting also records in the register what the
    definition's tables say they record (Table.on_submit: a review's outturns). A draft
    saved again with the answers it holds is not saved, and makes no new version (None)."""
    current = response
    if response.pk is not None:
        current = FormResponse.objects.select_for_update().get(pk=response.pk)
        response.status, response.version = current.status, current.version
    if not response.is_editable:
        raise FormLocked("This form has been submitted, so it is read-only unless it is returned")
    if response.get_occasion().is_approval and not response.arrangement.is_editable:
        # What the approvers are reading does not change under them (issue 10, point 1).
        raise FormLocked(
            "This arrangement is with its approvers, so its forms for approval are read-only "
            "until the approval is finished or it is returned"
        )
    check_version(current, version)
    if not submit and response.pk is not None and same_answers(current.answers or {}, answers):
        return None
    response.answers = answers
    response.version += 1
    if submit:
        response.status = FormStatus.SUBMITTED
        response.submitted_at = timezone.now()
        response.submitted_by = user
    response.full_clean(validate_constraints=response.pk is not None)
    response._history_user = user  # whoever saved this version, in a request or not
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as error:  # two first saves of the same form at the same moment
        raise SavedMeanwhile(
            "Someone else saved this form at the same moment. Your answers are still on this "
            "page: open the form again to see theirs before you save"
        ) from error
    if submit:
        with changes_by_the_portal("form", user=user):
            _record_in_register(response)
    return response


def same_answers(saved: dict, typed: dict) -> bool:
    """The same answers, a question never answered and one left blank being the same."""
    blank = (None, "", [])
    return all(
        same_value(saved.get(key), typed.get(key))
        or (saved.get(key) in blank and typed.get(key) in blank)
        for key in saved.keys() | typed.keys()
    )


def _record_in_register(response):
    # Imported here: the definitions (imported by the package) name this module's writers.
    from register.council_forms import DEFINITIONS

    definition = DEFINITIONS.get(response.form_key)
    if definition is None:  # a template no council has (the engine's own tests)
        return
    occasion = response.get_occasion()
    for table in definition.for_occasion(response.arrangement, occasion).tables():
        if table.on_submit:
            table.on_submit(table, response.arrangement, occasion, response.answers)


def record_measure_results(table, arrangement, occasion, answers):
    """Each measure's answers into its MeasureResult for the financial year the review
    reports on (the columns are named after MeasureResult's fields): the outturn, and the
    target where the register had none; a target the register holds is kept (G 6.7 b)."""
    year = financial_year(occasion)
    if year is None:  # an approval or a cessation reports on no financial year
        return
    for row in table.row_list():
        values = {
            column.key: Decimal(str(answers[name]))
            for column in table.columns
            if answers.get(name := table.cell(row, column)) not in (None, "")
            and column.key not in row.given
        }
        if values:
            MeasureResult.objects.update_or_create(measure=row.subject, year=year, defaults=values)


IN_PLACE = "in_place"  # the governance table's Yes / No column


def record_governance(table, arrangement, occasion, answers):
    """Each governance row answered on the form into the arrangement's governance in place
    (G Appendix 1): Yes adds it, No takes it out, a row left blank keeps what the register
    holds. The arrangement is saved only if that changes it (its history says so)."""
    current = Arrangement.objects.select_for_update().get(pk=arrangement.pk)
    held = set(current.governance_in_place or [])
    for row in table.row_list():
        answer = answers.get(table.cell(row, IN_PLACE))
        if answer is True:
            held.add(row.key)
        elif answer is False:
            held.discard(row.key)
    in_place = [key for key in GovernanceItem.values if key in held]
    if in_place != list(current.governance_in_place or []):
        current.governance_in_place = in_place
        current.save(update_fields=["governance_in_place", "updated_at"])


@transaction.atomic
def return_forms(*, arrangement, occasion: Occasion) -> None:
    """When an arrangement is returned for changes, its submitted forms of that occasion
    open again."""
    for response in arrangement.form_responses.filter(
        status=FormStatus.SUBMITTED, occasion=occasion.key
    ):
        response.status = FormStatus.RETURNED
        response.save(update_fields=["status", "updated_at"])
