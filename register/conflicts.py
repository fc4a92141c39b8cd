"""The page an officer sees when someone else saved the same row after they opened its form
(templates/conflict.html, status 409): field by field, the saved version and what they
typed, the typed values kept in the page so that "Apply mine on top" saves them over the
newer version without retyping. One page for the arrangement, its parts, checklists and
council forms; the version check itself is register/versions.py."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.shortcuts import render

from register import formatting
from register.forms import VERSION, MoneyField
from register.versions import version_of

NOT_POSTED_AGAIN = {VERSION, "csrfmiddlewaretoken"}


@dataclass(frozen=True)
class Difference:
    label: str
    theirs: str
    mine: str


def _choice_label(field, value) -> str:
    for key, label in field.choices:
        options = label if isinstance(label, (list, tuple)) else [(key, label)]
        for option, option_label in options:
            if str(option) == str(value):
                return str(option_label)
    return str(value)


def shown(field, value) -> str:
    """A value of a form field in words, whether saved or typed: choices by their label,
    people by name, money, numbers, yes / no and dates as register/formatting.py writes
    them; "Not answered" when empty."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(field.label_from_instance(item) for item in value or ()) or (
            formatting.NOT_ANSWERED
        )
    if value is None or value == "" or value == []:
        return formatting.NOT_ANSWERED
    if isinstance(field, forms.ModelChoiceField):
        return field.label_from_instance(value)
    if isinstance(field, forms.MultipleChoiceField):
        return ", ".join(_choice_label(field, item) for item in value)
    if isinstance(field, forms.ChoiceField):
        return _choice_label(field, value)
    if isinstance(field, MoneyField):
        return formatting.money(value)
    if isinstance(field, forms.DecimalField):
        return formatting.number(value)
    if isinstance(field, forms.BooleanField):
        return formatting.yes_no(value)
    if isinstance(value, date):
        return formatting.long_date(value)
    return str(value)


def differences(form, current) -> list[Difference]:
    """Every field of the (valid) form whose saved value on `current` is not what was typed."""
    saved, typed = form.saved_values(current), form.typed_values()
    rows = []
    for name, field in form.fields.items():
        if name in typed:
            theirs, mine = shown(field, saved.get(name)), shown(field, typed[name])
            if theirs != mine:
                rows.append(Difference(str(field.label), theirs, mine))
    return rows


def saved_by(current) -> str:
    """Who saved the version that is there now, from its history."""
    latest = current.history.order_by("-history_date").select_related("history_user").first()
    user = latest.history_user if latest is not None else None
    return formatting.person(user, blank="Someone else")


def conflict_page(request, conflict, *, form, what: str, arrangement):
    """Refuse the save (409) with what differs, and a form that posts what was typed again
    to the same page at the version that is saved now; "Keep theirs" opens the page again."""
    current = conflict.current
    return render(
        request,
        "conflict.html",
        {
            "what": what,
            "arrangement": arrangement,
            "differences": differences(form, current),
            "saved_by": saved_by(current),
            "saved_at": current.updated_at,
            "typed": [
                (name, value)
                for name, values in request.POST.lists()
                if name not in NOT_POSTED_AGAIN
                for value in values
            ],
            "version": version_of(current),
            "back_url": request.path,
        },
        status=409,
    )
