"""Reads of council-form responses."""

from register.models import FormResponse
from register.occasions import APPROVAL, Occasion, OccasionKind
from register.submission import required_definitions


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


def approval_forms(policy, arrangement, kept=None) -> list[tuple]:
    """(definition, response) for every form the policy requires for approval, an unsaved
    response where none is kept yet; `kept` is responses_of(arrangement) when already read."""
    if kept is None:
        kept = FormResponse.objects.filter(arrangement=arrangement, occasion=APPROVAL.key)
    approval = {r.form_key: r for r in kept if r.occasion == APPROVAL.key}
    return [
        (d, approval.get(d.key) or FormResponse(arrangement=arrangement, form_key=d.key))
        for d in required_definitions(policy, arrangement)
    ]
