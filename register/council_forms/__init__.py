"""The councils' templates, by the key each policy names in forms_required().

The engine (definition -> web form -> validation -> section completeness -> PDF) lives in
the register so that every app can use it; it imports no other app. Each council's
templates are in the module named after the council (register.policies.COUNCILS).
"""

from importlib import import_module

from register.policies import COUNCILS

BY_COUNCIL = {
    council: {form.key: form for form in import_module(f"register.council_forms.{council}").FORMS}
    for council in COUNCILS
}
DEFINITIONS = {key: form for forms in BY_COUNCIL.values() for key, form in forms.items()}


def definition(key, council: str):
    """The template of that key among the council's own (None for another council's)."""
    return BY_COUNCIL[council].get(key)
