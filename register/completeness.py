"""What a draft still lacks before it can be submitted.

Drafts may be saved incomplete at any time; this list is shown on the arrangement page
and refuses submission until it is empty.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class MissingAnswer:
    field: str  # the form field (or section) to go to
    message: str  # GOV.UK-style instruction


# field name -> what the officer is told to do when it is blank.
REQUIRED_ANSWERS = {
    "type": "Select the type of arrangement",
    "purpose": "Enter the purpose, aims and objectives",
    "rationale": "Enter why the council cannot achieve this alone",
    "is_statutory": "Select whether the arrangement is statutory",
    "legal_status": "Select the legal status",
    "lead_organisation": "Enter the lead organisation or accountable body",
    "area": "Enter the area of operation",
    "start_date": "Enter the date the arrangement was formed or is due to start",
    "is_fundamental_to_objective": "Select whether it is fundamental to a Corporate Plan objective",
    "lead_officer": "Select the lead officer",
    "service": "Select the lead service",
    "shares_personal_data": "Select whether personal data is shared",
    "safeguarding_impact": "Enter the safeguarding impact",
    "equalities_impact": "Enter the equalities impact",
    "climate_change_impact": "Enter the climate change contribution",
    "exit_strategy": "Enter the exit strategy",
    "meeting_frequency": "Select how often the arrangement meets",
}


def _value(arrangement, field):
    return getattr(arrangement, f"{field}_id" if field in FOREIGN_KEYS else field)


FOREIGN_KEYS = {"lead_officer", "service"}


def missing_answers(arrangement) -> list[MissingAnswer]:
    """Every answer still needed, in the order of the form. Works on unsaved arrangements."""
    missing = [
        MissingAnswer(field, message)
        for field, message in REQUIRED_ANSWERS.items()
        if _value(arrangement, field) in (None, "", [])
    ]
    if arrangement.shares_personal_data and not arrangement.data_protection_notes.strip():
        missing.append(
            MissingAnswer("data_protection_notes", "Enter the data protection (GDPR) arrangements")
        )
    saved = arrangement.pk is not None
    if not (saved and arrangement.partners.exists()):
        missing.append(MissingAnswer("partners", "Add at least one partner organisation"))
    # A risk assessment must exist before approval (G 2.11).
    if not (saved and arrangement.risks.exists()):
        missing.append(MissingAnswer("risks", "Add at least one risk to the risk register"))
    return missing
