"""Saving an officer's answers to a council template."""

from django.db import transaction
from django.utils import timezone

from approvals.models import FormResponse, FormStatus


def response_for(arrangement, definition):
    """The saved answers, or an unsaved empty response."""
    return FormResponse.objects.filter(
        arrangement=arrangement, form_key=definition.key
    ).select_related("submitted_by").first() or FormResponse(
        arrangement=arrangement, form_key=definition.key
    )


@transaction.atomic
def save_answers(*, response, answers: dict, user, submit: bool):
    """Keep the answers as a draft, or submit them (then they are read-only)."""
    if not response.is_editable:
        raise PermissionError("A submitted form is read-only unless it is returned")
    response.answers = answers
    response.version += 1
    if submit:
        response.status = FormStatus.SUBMITTED
        response.submitted_at = timezone.now()
        response.submitted_by = user
    response.save()
    return response


def return_forms(arrangement):
    """When an arrangement is returned for changes, its submitted forms open again."""
    for response in arrangement.form_responses.filter(status=FormStatus.SUBMITTED):
        response.status = FormStatus.RETURNED
        response.save(update_fields=["status", "updated_at"])
