"""Reads of council-form responses."""

from register.models import FormResponse
from register.occasions import Occasion, OccasionKind


def response_for(arrangement, definition, occasion: Occasion) -> FormResponse:
    """The saved answers for the occasion, or an unsaved empty response."""
    return FormResponse.objects.filter(
        arrangement=arrangement, form_key=definition.key, occasion=occasion.key
    ).select_related("submitted_by").first() or FormResponse(
        arrangement=arrangement, form_key=definition.key, occasion=occasion.key
    )


def responses_of(arrangement) -> list[FormResponse]:
    """Every response kept for the arrangement, in one query: the approval's first, then
    the latest occasion first (a cessation, then the reviews from the newest year)."""

    def order(response):
        occasion = response.get_occasion()
        return (
            not occasion.is_approval,
            occasion.kind == OccasionKind.CESSATION,
            occasion.year or 0,
        )

    responses = FormResponse.objects.filter(arrangement=arrangement)
    return sorted(responses.select_related("submitted_by"), key=order, reverse=True)
