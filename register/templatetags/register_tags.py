from decimal import Decimal

from django import template

from register.choices import GovernanceItem

register = template.Library()


@register.filter
def pounds(value):
    """£1,234.50, or a dash when not answered."""
    if value in (None, ""):
        return "Not answered"
    return f"£{Decimal(value):,.2f}"


@register.filter
def answer(value):
    """Yes / No / Not answered for the register's three-way questions."""
    if value is None or value == "":
        return "Not answered"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


@register.filter
def governance_labels(keys):
    return [GovernanceItem(key).label for key in keys if key in GovernanceItem.values]


@register.filter
def split_commas(text):
    return [part.strip() for part in text.split(",")]


@register.filter
def person(user, blank="Not answered"):
    """A user's full name (or username), or the blank text when there is nobody."""
    if user is None:
        return blank
    return user.get_full_name() or user.username


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or None when absent."""
    return (mapping or {}).get(key)


@register.filter
def days_until(day):
    """Days from today to the date (negative once it has passed)."""
    from django.utils import timezone

    return (day - timezone.localdate()).days
