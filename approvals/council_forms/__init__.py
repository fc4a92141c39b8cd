"""The councils' templates, by the key each policy names in forms_required()."""

from approvals.council_forms import gravesham

DEFINITIONS = {form.key: form for form in (*gravesham.FORMS,)}


def definition(key):
    return DEFINITIONS.get(key)
