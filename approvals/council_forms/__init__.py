"""The councils' templates, by the key each policy names in forms_required()."""

from importlib import import_module

# One module per council document; each lists its templates in FORMS.
MODULES = (
    "gravesham",
    "gravesham_agreements",
    "south_derbyshire",
    "dartford",
    "central_bedfordshire",
    "brentwood",
)

DEFINITIONS = {
    form.key: form
    for module in MODULES
    for form in import_module(f"approvals.council_forms.{module}").FORMS
}


def definition(key):
    return DEFINITIONS.get(key)
