"""Saving an officer's answers to a council template."""

from django.db import transaction
from django.utils import timezone

from register.models import FormResponse, FormStatus
from register.occasions import Occasion


class FormLocked(PermissionError):
    """A submitted form is read-only unless it is returned."""


@transaction.atomic
def save_answers(*, response: FormResponse, answers: dict, user, submit: bool) -> FormResponse:
    """Keep the answers as a draft, or submit them (then they are read-only)."""
    if not response.is_editable:
        raise FormLocked("A submitted form is read-only unless it is returned")
    response.answers = answers
    response.version += 1
    if submit:
        response.status = FormStatus.SUBMITTED
        response.submitted_at = timezone.now()
        response.submitted_by = user
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def return_forms(*, arrangement, occasion: Occasion) -> None:
    """When an arrangement is returned for changes, its submitted forms of that occasion
    open again."""
    for response in arrangement.form_responses.filter(
        status=FormStatus.SUBMITTED, occasion=occasion.key
    ):
        response.status = FormStatus.RETURNED
        response.save(update_fields=["status", "updated_at"])
