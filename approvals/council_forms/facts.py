"""Facts the arrangement already holds, in the words a council form shows them."""

from decimal import Decimal

from register.choices import GovernanceItem


def text(field):
    return lambda arrangement: str(getattr(arrangement, field) or "Not answered")


def money(field):
    def show(arrangement):
        value = getattr(arrangement, field)
        return "Not answered" if value is None else f"£{Decimal(value):,.2f}"

    return show


def yes_no(field, yes="Yes", no="No"):
    def show(arrangement):
        value = getattr(arrangement, field)
        return "Not answered" if value is None else (yes if value else no)

    return show


def person(field):
    def show(arrangement):
        user = getattr(arrangement, field)
        return (user.get_full_name() or user.username) if user else "Not answered"

    return show


def dates(arrangement):
    start = arrangement.start_date.strftime("%-d %B %Y") if arrangement.start_date else "not set"
    end = arrangement.end_date.strftime("%-d %B %Y") if arrangement.end_date else "not set"
    return f"From {start} to {end}"


def partners(arrangement):
    if arrangement.pk is None:
        return "None recorded"
    rows = [
        f"{p.name} ({p.get_sector_display()})"
        + (f": £{p.contribution_per_year:,.2f} a year" if p.contribution_per_year else "")
        for p in arrangement.partners.all()
    ]
    return "; ".join(rows) or "None recorded"


def corporate_objectives(arrangement):
    if arrangement.pk is None:
        return "None recorded"
    titles = [o.title for o in arrangement.corporate_objectives.all()]
    fundamental = " (fundamental to one)" if arrangement.is_fundamental_to_objective else ""
    return ("; ".join(titles) + fundamental) if titles else "None recorded"


def governance_in_place(arrangement):
    labels = [
        GovernanceItem(k).label
        for k in arrangement.governance_in_place or []
        if k in GovernanceItem.values
    ]
    return "; ".join(labels) or "None recorded"
