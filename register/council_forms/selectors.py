"""Reads of council-form responses."""

from register.models import FormResponse
from register.occasions import Occasion


def response_for(arrangement, definition, occasion: Occasion) -> FormResponse:
    """The saved answers for the occasion, or an unsaved empty response."""
    return FormResponse.objects.filter(
        arrangement=arrangement, form_key=definition.key, occasion=occasion.key
    ).select_related("submitted_by").first() or FormResponse(
        arrangement=arrangement, form_key=definition.key, occasion=occasion.key
    )


def responses_of(arrangement) -> list[FormResponse]:
    """Every response kept for the arrangement, on every occasion, newest occasion first."""
    return sorted(
        FormResponse.objects.filter(arrangement=arrangement).select_related("submitted_by"),
        key=lambda response: (response.occasion != "approval", response.occasion),
        reverse=True,
    )
