"""Dartford's templates (Code of Practice for Effective Joint Working Arrangements, 2024):
the elements a 'minor' partnership's governance must refer to (D 7(vii)), and what the
Section 151 Officer agrees where the Council commits money (D 12(iv)).

The wording of both lists is the policy's (MINOR_GOVERNANCE_ELEMENTS, S151_ITEMS). The
lead officer sets out, item by item, what the Section 151 Officer (or nominee) is asked to
be satisfied with; the agreement itself is theirs, given item by item on the approval's
decision page (never ticked by the lead officer), and it fills the form's signature line.
"""

from django.utils.text import slugify

from register.choices import DocumentKind
from register.council_forms.base import CouncilForm, Fact, Section, Signature, q
from register.council_forms.facts import (
    asked,
    council_resources,
    dates,
    documents,
    governance_in_place,
    meetings,
    money,
    objectives,
    partners,
    policy_answer,
    representatives,
    risks,
    text,
    yes_no,
)
from register.formatting import capitalised
from register.policies.dartford import (
    ACCOUNTABLE_BODY,
    MINOR_GOVERNANCE,
    MINOR_GOVERNANCE_ELEMENTS,
    POLICY,
    S151_CHECKLIST,
    S151_ITEMS,
)
from register.roles import Role

COUNCIL = POLICY.council
SOURCE = f"{POLICY.name} ({POLICY.version})"
S151_CHECKLIST_KEY, S151_CHECKLIST_TITLE = S151_CHECKLIST.key, S151_CHECKLIST.title


def element_key(element: str) -> str:
    """A governance element's answer key: its words up to the first ':', ',' or '('."""
    head = element
    for mark in ":,(":
        head = head.split(mark)[0]
    return slugify(head).replace("-", "_")


def scorecard(arrangement):
    return POLICY.scorecard_summary(arrangement)


governing_documents = documents(DocumentKind.TERMS_OF_REFERENCE, DocumentKind.AGREEMENT)

# What the arrangement already holds on an element, shown beside it (by element_key).
ELEMENT_FACTS = {
    "partnerships_name": (Fact("Name of the partnership", text("name")),),
    "duration_of_partnership": (Fact("Start and end dates", dates),),
    "aims_and_objectives": (
        Fact("Purpose, aims and objectives", text("purpose")),
        Fact("Objectives and their measures", objectives),
    ),
    "lead_partner": (Fact("Lead organisation or accountable body", text("lead_organisation")),),
    "accountable_body": (Fact(asked(POLICY, ACCOUNTABLE_BODY), policy_answer(ACCOUNTABLE_BODY)),),
    "membership": (Fact("Partners and their contributions", partners),),
    "roles": (Fact("Council representatives", representatives),),
    "income_and_expenditure": (
        Fact("Overall partnership budget a year", money("overall_budget")),
        Fact("The Council's resources a year", council_resources),
    ),
    "meetings": (Fact("Frequency and place of meetings", meetings),),
    "risk_management_arrangements": (Fact("Risks", risks),),
    "data_protection_and_freedom_of_information": (
        Fact("Is personal data shared?", yes_no("shares_personal_data")),
        Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
    ),
    "exit_strategy_and_arrangements_for_dissolution": (
        Fact("Exit strategy", text("exit_strategy")),
    ),
}


def element_section(element: str) -> Section:
    key = element_key(element)
    return Section(
        key,
        capitalised(element),
        (
            *ELEMENT_FACTS.get(key, ()),
            q(
                key,
                f"{capitalised(element)}: how the governance arrangements cover it",
                "Which document and paragraph refer to it, and what they say.",
            ),
        ),
    )


MINOR_GOVERNANCE_FORM = CouncilForm(
    key=MINOR_GOVERNANCE.key,
    title="Governance arrangements of a 'minor' partnership",
    council=COUNCIL,
    source=f"{SOURCE}, D 7(vii)",
    sections=(
        Section(
            "partnership",
            "The partnership",
            (
                Fact("Name of the partnership", text("name")),
                Fact("Partnership Significance Assessment Scorecard (D 5(vii))", scorecard),
                Fact("Governance arrangements in place", governance_in_place),
                Fact("Governing documents attached to the arrangement", governing_documents),
            ),
            intro="'Minor' partnerships should, as a minimum, have the following elements "
            "referred to in their governance arrangements.",
        ),
        *(element_section(element) for element in MINOR_GOVERNANCE_ELEMENTS),
    ),
)


def s151_section(key: str, item: str) -> Section:
    return Section(
        key,
        capitalised(item),
        (
            q(
                f"{key}_details",
                f"{capitalised(item)}: the arrangements proposed",
                "What the Section 151 Officer (or nominee) is asked to be satisfied with and "
                "agree. They agree or do not agree it themselves when the arrangement is "
                "sent for approval.",
            ),
        ),
    )


S151_CHECKLIST = CouncilForm(
    key=S151_CHECKLIST_KEY,
    title=S151_CHECKLIST_TITLE,
    council=COUNCIL,
    source=f"{SOURCE}, D 12(iv)",
    sections=(
        Section(
            "commitment",
            "The financial commitment",
            (
                Fact("Name of the partnership", text("name")),
                Fact("The Council's resources a year", council_resources),
                Fact("Overall partnership budget a year", money("overall_budget")),
                Fact(asked(POLICY, ACCOUNTABLE_BODY), policy_answer(ACCOUNTABLE_BODY)),
            ),
            intro="Where a partnership requires a financial commitment from the Council, the "
            "following should be satisfied and agreed by the Section 151 Officer (or nominee). "
            "The lead officer sets out each; the Section 151 Officer agrees each item on the "
            "approval's decision page.",
        ),
        *(s151_section(key, item) for key, item in S151_ITEMS),
    ),
    signatures=(Signature(Role.SECTION_151_OFFICER, POLICY.title(Role.SECTION_151_OFFICER)),),
)

FORMS = (MINOR_GOVERNANCE_FORM, S151_CHECKLIST)
