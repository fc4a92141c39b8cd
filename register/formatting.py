"""One way to show money, plain numbers, people, yes / no and dates, for pages, PDFs,
e-mails and the policies' reasons alike."""

import re
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

NOT_ANSWERED = "Not answered"


def money(amount) -> str:
    """Pounds as GOV.UK writes them: £62,000, or £62,000.50 when there are pence."""
    amount = Decimal(str(amount))
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


def number(value) -> str:
    """A count or a percentage as typed, with thousands separated: 1,250 or 12.5."""
    value = Decimal(str(value)).normalize()
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,f}"


def person(user, blank: str = NOT_ANSWERED) -> str:
    """A user's full name, or their username when they have none."""
    if user is None:
        return blank
    return user.get_full_name() or user.username


def yes_no(value, yes: str = "Yes", no: str = "No", blank: str = NOT_ANSWERED) -> str:
    if value is None or value == "":
        return blank
    return yes if value else no


def long_date(day: date | None, blank: str = NOT_ANSWERED) -> str:
    """1 April 2026."""
    return day.strftime("%-d %B %Y") if day else blank


def time_of_day(moment: datetime) -> str:
    """A time as GOV.UK writes it, in the council's time zone: 9am, 2:45pm, midday, midnight."""
    local = timezone.localtime(moment)
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{hour}{minutes}{'am' if local.hour < 12 else 'pm'}"


def days(count: int) -> str:
    """A number of days: "1 day", "12 days"."""
    return f"{count} day" if count == 1 else f"{count} days"


def waited(count: int) -> str:
    """How long something has waited: "opened today", "1 day", "12 days"."""
    return "opened today" if count <= 0 else days(count)


def capitalised(words: str) -> str:
    """The first letter in capitals, the rest as written (a policy's words in a list)."""
    return words[:1].upper() + words[1:]


# Words that sound as if they start with a vowel, or not, whatever their first letter:
# "an hour", "a unit", "a European", "a one-off".
_SOUNDS_LIKE_A_VOWEL = re.compile(
    r"^(?:[ai]|e(?!u)|o(?!ne\b|ne-|nce)|u(?!ni|s[eu]|r[aeiou]|til|k\b)|hon|hour|heir)", re.I
)


def with_article(noun: str) -> str:
    """The noun after "a" or "an" as it is said: "a partner", "an objective", "a unit"."""
    return f"{'an' if _SOUNDS_LIKE_A_VOWEL.match(noun) else 'a'} {noun}"
