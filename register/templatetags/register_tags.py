from django import template

from register import formatting
from register.choices import GovernanceItem

register = template.Library()


@register.filter
def pounds(value):
    """£1,234 or £1,234.50, or "Not answered"."""
    if value in (None, ""):
        return formatting.NOT_ANSWERED
    return formatting.money(value)


@register.filter
def plain_number(value):
    """A count or percentage: 1,250 or 12.5, or "Not answered"."""
    if value in (None, ""):
        return formatting.NOT_ANSWERED
    return formatting.number(value)


@register.filter
def answer(value):
    """Yes / No / Not answered for the register's three-way questions."""
    if value is None or value == "":
        return "Not answered"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


@register.filter
def waited_days(days):
    """12 days, 1 day, or "opened today"."""
    return formatting.waited(days)


@register.filter
def days(count):
    """1 day, 12 days."""
    return formatting.days(count)


@register.filter
def governance_labels(keys):
    return [GovernanceItem(key).label for key in keys if key in GovernanceItem.values]


@register.filter
def split_commas(text):
    return [part.strip() for part in text.split(",")]


@register.filter
def select_options(field):
    """[(group label or None, [(value, label, selected), ...]), ...]: a select's choices as
    its widget groups them (the types under their kind), the value asked for selected."""
    widget = field.field.widget
    return [
        (group, [(option["value"], option["label"], option["selected"]) for option in options])
        for group, options, _index in widget.optgroups(
            field.html_name, widget.format_value(field.value())
        )
    ]


@register.filter
def person(user, blank=formatting.NOT_ANSWERED):
    """A user's full name (or username), or the blank text when there is nobody."""
    return formatting.person(user, blank)


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or None when absent."""
    return (mapping or {}).get(key)


@register.filter
def non_field_error_links(form):
    """(error, link) for each error not about one field: the page it is put right on, where
    the form says (`error_links`), or else the form's first field."""
    links = getattr(form, "error_links", {})
    first = f"#{form.visible_fields()[0].auto_id}" if form.visible_fields() else "#"
    return [(error, links.get(str(error), first)) for error in form.non_field_errors()]


@register.filter
def published(entry, field):
    """A published entry's value of one field (register/open_data.py), in words."""
    from register.open_data import shown

    return shown(field, entry[field.name])
