"""What an arrangement still needs before it goes to its approvers: the policy's answers,
and every council form the policy requires for its category, submitted (G 2.6: the
Monitoring Officer's and Section 151 Officer's opinions are recorded on the evaluation;
G 3.7: a full shared service or joint management arrangement needs its business case)."""

from django.urls import reverse

from register.completeness import MissingAnswer
from register.council_forms import definition
from register.models import FormStatus
from register.occasions import APPROVAL

# A missing form's `field` is this prefix and the form's key.
FORM = "form:"


def forms_not_submitted(policy, arrangement) -> list[MissingAnswer]:
    """Each required form for approval that is not yet submitted, in the policy's order."""
    required = policy.forms_required(arrangement)
    submitted = (
        set(
            arrangement.form_responses.filter(
                occasion=APPROVAL.key, status=FormStatus.SUBMITTED
            ).values_list("form_key", flat=True)
        )
        if arrangement.pk is not None
        else set()
    )
    return [
        MissingAnswer(
            f"{FORM}{template.key}",
            f"Fill in and submit the {template.title}: the approvers read it before they "
            "give their opinions and decide",
        )
        for template in required
        if template.key not in submitted
    ]


def missing_for_submission(policy, arrangement) -> list[MissingAnswer]:
    return policy.missing(arrangement) + forms_not_submitted(policy, arrangement)


def missing_form_key(item: MissingAnswer) -> str:
    """The council form's key of a missing form, or "" for any other missing answer."""
    return item.field.removeprefix(FORM) if item.field.startswith(FORM) else ""


def missing_form_url(arrangement, item: MissingAnswer) -> str:
    """Where a missing form is filled in, or "" for any other missing answer."""
    key = missing_form_key(item)
    return reverse("council_forms:fill", args=[arrangement.reference, APPROVAL, key]) if key else ""


def required_definitions(policy, arrangement) -> list:
    """The definitions of the forms the policy requires (each one has one: a test says so)."""
    return [definition(t.key, policy.key) for t in policy.forms_required(arrangement)]
