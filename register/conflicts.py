"""The page an officer sees when someone else saved the same row after they opened its form
(templates/conflict.html, status 409): field by field, the saved version and what they
typed, the typed values kept in the page so that "Apply mine on top" saves them over the
newer version without retyping. One page for the arrangement, its parts, checklists and
council forms; the version check itself is register/versions.py."""

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from register import formatting
from register.forms import VERSION, MoneyField
from register.versions import NEW, NO_CHANGES, same_value, version_of

NOT_POSTED_AGAIN = {VERSION, "csrfmiddlewaretoken"}


@dataclass(frozen=True)
class Difference:
    label: str
    theirs: str
    mine: str
    changed_by_them: bool | None  # since the form was opened; None: its history cannot say


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


def opened_values(form, current, version: str) -> dict | None:
    """The form's fields as they were saved in the version the form was opened at, from the
    row's history; None when the history does not hold that version."""
    if version == NEW:
        return {}  # nothing was saved yet
    record = (
        current.history.filter(updated_at=datetime.fromisoformat(version))
        .order_by("-history_id")
        .first()
    )
    if record is None:
        return None
    values = form.saved_values(record.instance)
    for field in current._meta.many_to_many:
        if field.name in values:  # record.instance would read the relation as it is now
            target = field.m2m_reverse_field_name()
            values[field.name] = [getattr(row, target) for row in getattr(record, field.name).all()]
    return values


def differences(form, current) -> list[Difference]:
    """Every field of the (valid) form whose saved value on `current` is not what was typed,
    and whether it is one the others changed after the form was opened."""
    saved, typed = form.saved_values(current), form.typed_values()
    opened = opened_values(form, current, form.version)
    rows = []
    for name, field in form.fields.items():
        if name in typed:
            theirs, mine = shown(field, saved.get(name)), shown(field, typed[name])
            if theirs != mine:
                changed = None if opened is None else shown(field, opened.get(name)) != theirs
                rows.append(Difference(str(field.label), theirs, mine, changed))
    return rows


def saved_by(current) -> str:
    """Who saved the version that is there now, from its history."""
    latest = current.history.order_by("-history_date").select_related("history_user").first()
    user = latest.history_user if latest is not None else None
    return formatting.person(user, blank="Someone else")


def nothing_typed(form, opened: dict | None) -> bool:
    """Whether what was posted is what the form showed when it was opened (from history)."""
    if opened is None:
        return False
    return all(
        same_value(shown(form.fields[name], opened.get(name)), shown(form.fields[name], value))
        for name, value in form.typed_values().items()
    )


def conflict_page(request, conflict, *, form, what: str, arrangement):
    """Refuse the save (409) with what differs, and a form that posts what was typed again
    to the same page at the version that is saved now; "Keep theirs" opens the page again.
    A form sent back with nothing changed, or with what is saved now (the same form sent
    twice), is no conflict: nothing is saved, and the page opens again at the version
    saved now."""
    current = conflict.current
    rows = differences(form, current)
    if not rows or nothing_typed(form, opened_values(form, current, form.version)):
        messages.info(
            request,
            f"{NO_CHANGES}: what you sent is saved already"
            if not rows
            else f"{NO_CHANGES}. {saved_by(current)} saved {what} after you opened it: "
            "this is what is saved now",
        )
        return redirect(request.path)
    return render(
        request,
        "conflict.html",
        {
            "what": what,
            "arrangement": arrangement,
            "differences": rows,
            "marked": any(row.changed_by_them is not None for row in rows),
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
