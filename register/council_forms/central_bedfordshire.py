"""Central Bedfordshire's Joint Committee or Board terms of reference (Partnerships Protocol
J3, paragraph 2.9.1).

The fifteen items are worded once, in the policy (TERMS_OF_REFERENCE_ITEMS), whose
checklist on the arrangement records which of them the terms of reference cover. This form
records what the terms of reference say on each: where the arrangement already holds it
(the parties, the vision, the legal status, the lead authority, the frequency of meetings)
it is shown, not asked again. The protocol gives no signatures for it.
"""

from register.council_forms.base import CouncilForm, Fact, Kind, Question, Section
from register.council_forms.facts import choice, meetings, objectives, partners, text
from register.policies.central_bedfordshire import (
    BOARD_TERMS_OF_REFERENCE,
    POLICY,
    TERMS_OF_REFERENCE_ITEMS,
    terms_of_reference_key,
)

COUNCIL = "Central Bedfordshire Council"
CHECKLIST = next(c for c in POLICY.checklists if c.group == "board_terms_of_reference")


def vision(arrangement):
    return f"{arrangement.purpose or 'Not answered'}\nObjectives:\n{objectives(arrangement)}"


def checklist_confirms(arrangement):
    return POLICY.checklist_summary(arrangement, CHECKLIST.group)


# The items whose content the arrangement holds, by paragraph.
HELD = {
    "2.9.1.1": partners,
    "2.9.1.2": vision,
    "2.9.1.3": choice("legal_status"),
    "2.9.1.4": text("lead_organisation"),
    "2.9.1.8": meetings,
}
# Held in part: the exit strategy is shown before the question.
TERMINATION = "2.9.1.11"


def label(paragraph, words):
    return f"{paragraph} {words[:1].upper()}{words[1:]}"


def items():
    for paragraph, words in TERMS_OF_REFERENCE_ITEMS:
        if paragraph in HELD:
            yield Fact(label(paragraph, words), HELD[paragraph])
            continue
        hint = "What the terms of reference say."
        if paragraph == TERMINATION:
            yield Fact("Exit strategy", text("exit_strategy"))
            hint = (
                "What the terms of reference say, besides the exit strategy above, including "
                "the disposal of any joint assets."
            )
        yield Question(
            terms_of_reference_key(paragraph),
            label(paragraph, words),
            Kind.LONG_TEXT,
            hint,
            required="(if appropriate)" not in words,
        )


BOARD_TERMS = CouncilForm(
    key=BOARD_TERMS_OF_REFERENCE.key,
    title="Joint Committee or Board terms of reference",
    council=COUNCIL,
    source="Partnerships Protocol J3, paragraph 2.9.1",
    sections=(
        Section(
            "board",
            "The Joint Committee or Board",
            (
                Fact("Partnership", text("name")),
                Fact("The fifteen items, on the arrangement's checklist", checklist_confirms),
            ),
        ),
        Section(
            "terms_of_reference",
            "Its terms of reference include",
            tuple(items()),
            intro="The Joint Committee or Board shall establish its terms of reference to "
            "include these fifteen items (CB 2.9.1).",
        ),
    ),
)

FORMS = (BOARD_TERMS,)
