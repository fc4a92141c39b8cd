"""The councils' templates, by the key each policy names in forms_required().

The engine (definition -> web form -> validation -> section completeness -> PDF) lives in
the register so that every app can use it; it imports no other app. Each council's
templates are in the module named after the council (register.policies.COUNCILS).
"""

from importlib import import_module

from register.policies import COUNCILS

DEFINITIONS = {
    form.key: form
    for council in COUNCILS
    for form in import_module(f"register.council_forms.{council}").FORMS
}


def definition(key):
    return DEFINITIONS.get(key)
