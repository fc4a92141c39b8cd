"""Brentwood's Partnership checklist (Partnership Policy, "Approval of a Brentwood Borough
Partnership"): the nine key controls that must be in place before authorisation is given.

The wording is the policy's (KEY_CONTROLS). Whether each control is in place is a policy
question, answered on the arrangement's checklist page; the form shows that answer, what the
arrangement already holds on it, and asks for the evidence. The checklist has no signature
lines: the authorisation by elected Members is recorded in the approval itself.
"""

from register.choices import DocumentKind
from register.council_forms.base import CouncilForm, Fact, Section, q
from register.council_forms.facts import (
    asked,
    choice,
    corporate_objectives,
    council_resources,
    documents,
    objectives,
    partners,
    person,
    policy_answer,
    risks,
    text,
    yes_no,
)
from register.formatting import capitalised
from register.policies.brentwood import KEY_CONTROLS, PARTNERSHIP_CHECKLIST, POLICY

COUNCIL = POLICY.council
SOURCE = f'{POLICY.name}, "Approval of a Brentwood Borough Partnership"'


def level(arrangement):
    return POLICY.checklist_summary(arrangement, "type")


def evidenced(arrangement):
    return POLICY.checklist_summary(arrangement, "key_controls")


# What the arrangement already holds on a control, shown beside it (by the control's key).
CONTROL_FACTS = {
    "control_statutory_context": (
        Fact("Statutory Status", yes_no("is_statutory", "Statutory", "Not statutory")),
    ),
    "control_objectives": (
        Fact("Purpose, aims and objectives", text("purpose")),
        Fact("Objectives and their measures", objectives),
    ),
    "control_corporate_plan": (Fact("Corporate Plan objectives", corporate_objectives),),
    "control_risks": (Fact("Risks", risks),),
    "control_viability": (Fact("The Council's resources a year", council_resources),),
    "control_frameworks": (
        Fact("Legal status", choice("legal_status")),
        Fact(
            "Agreements attached to the arrangement",
            documents(DocumentKind.AGREEMENT, DocumentKind.TERMS_OF_REFERENCE),
        ),
    ),
    "control_roles_accountability": (
        Fact("Lead organisation or accountable body", text("lead_organisation")),
        Fact("Partners and their contributions", partners),
    ),
}


def control_section(key: str, control: str) -> Section:
    return Section(
        key,
        capitalised(control),
        (
            Fact(asked(POLICY, key), policy_answer(key)),
            *CONTROL_FACTS.get(key, ()),
            q(
                f"{key}_evidence",
                f"Evidence that it is possible to {control}",
                "What shows the control is in place: documents, reports or decisions, and "
                "where they are.",
            ),
        ),
    )


PARTNERSHIP_CHECKLIST_FORM = CouncilForm(
    key=PARTNERSHIP_CHECKLIST.key,
    title=PARTNERSHIP_CHECKLIST.title,
    council=COUNCIL,
    source=SOURCE,
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Partnership name", text("name")),
                Fact("Brentwood Borough Partnership or Service Level Partnership", level),
                Fact("Brentwood Borough Council lead", person("lead_officer")),
                Fact("Key controls in place", evidenced),
            ),
            intro="Key controls have been established which must be in place before "
            "authorisation is given to the engagement in a Brentwood Borough Partnership.",
        ),
        *(control_section(key, control) for key, control in KEY_CONTROLS),
    ),
)

FORMS = (PARTNERSHIP_CHECKLIST_FORM,)
