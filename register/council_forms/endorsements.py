"""The endorsement lines of a template's PDF, filled by whichever app records who endorsed
it: approvals for the approval occasion, reviews for a review. An app registers a function
`endorser(definition, arrangement, occasion, since) -> {role: Endorsement}` in its
AppConfig.ready(), as register/panels.py does for panels; the engine imports no app.
`since` is when the version being printed was submitted: only what was decided on that
version is printed on it."""

import datetime
from dataclasses import dataclass

from register.council_forms.base import Signature
from register.models import FormStatus

ENDORSERS = []


@dataclass(frozen=True)
class Endorsement:
    name: str  # who endorsed or decided
    on_behalf_of: str  # whom a deputy acted for, or ""
    outcome: str  # in words, with any comment
    on: datetime.date


@dataclass(frozen=True)
class EndorsementLine:
    signature: Signature
    endorsement: Endorsement | None


def register_endorser(function):
    if function not in ENDORSERS:
        ENDORSERS.append(function)
    return function


def endorsement_lines(definition, arrangement, response) -> list[EndorsementLine]:
    """Every signature line of the template, with the endorsements recorded since this
    version of the form was submitted (none on a blank form or a draft)."""
    found = {}
    submitted = response is not None and response.status == FormStatus.SUBMITTED
    if arrangement is not None and definition.signatures and submitted:
        for endorser in ENDORSERS:
            found.update(
                endorser(definition, arrangement, response.get_occasion(), response.submitted_at)
            )
    return [
        EndorsementLine(signature, found.get(signature.role)) for signature in definition.signatures
    ]
