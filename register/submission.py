"""What an arrangement still needs before it goes to its approvers: the policy's answers,
and every council form the policy requires for its category, submitted (G 2.6: the
Monitoring Officer's and Section 151 Officer's opinions are recorded on the evaluation;
G 3.7: a full shared service or joint management arrangement needs its business case)."""

from django.urls import reverse

from register.completeness import MissingAnswer
from register.council_forms import definition
from register.models import FormStatus
from register.occasions import APPROVAL, Occasion

# A missing form's `field` is this prefix and the form's key; for an occasion other than the
# approval (a cessation), the prefix, the occasion's key, "/" and the form's key.
FORM = "form:"


def missing_form(template, message: str, occasion: Occasion = APPROVAL) -> MissingAnswer:
    where = "" if occasion.is_approval else f"{occasion.key}/"
    return MissingAnswer(f"{FORM}{where}{template.key}", message)


def not_submitted(arrangement, templates, occasion: Occasion) -> list:
    """The templates, in their order, with no response submitted for the occasion."""
    submitted = (
        set(
            arrangement.form_responses.filter(
                occasion=occasion.key, status=FormStatus.SUBMITTED
            ).values_list("form_key", flat=True)
        )
        if arrangement.pk is not None
        else set()
    )
    return [template for template in templates if template.key not in submitted]


def forms_not_submitted(policy, arrangement) -> list[MissingAnswer]:
    """Each required form for approval that is not yet submitted, in the policy's order."""
    return [
        missing_form(
            template,
            f"Fill in and submit the {template.title}: the approvers read it before they "
            "give their opinions and decide",
        )
        for template in not_submitted(arrangement, policy.forms_required(arrangement), APPROVAL)
    ]


def missing_for_submission(policy, arrangement) -> list[MissingAnswer]:
    return policy.missing(arrangement) + forms_not_submitted(policy, arrangement)


def missing_form_url(arrangement, item: MissingAnswer) -> str:
    """Where a missing form is filled in, or "" for any other missing answer."""
    if not item.field.startswith(FORM):
        return ""
    occasion, _, key = item.field.removeprefix(FORM).rpartition("/")
    return reverse(
        "council_forms:fill", args=[arrangement.reference, occasion or APPROVAL.key, key]
    )


def form_links(arrangement, missing) -> dict[str, str]:
    """{message: where the form is filled in} for the missing forms among `missing`, for
    the error summary's links (`error_links`)."""
    return {item.message: url for item in missing if (url := missing_form_url(arrangement, item))}


def required_definitions(policy, arrangement) -> list:
    """The definitions of the forms the policy requires (each one has one: a test says so)."""
    return [definition(t.key, policy.key) for t in policy.forms_required(arrangement)]
