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


def choice(field):
    """A field with choices, in the words of the chosen one."""
    return lambda arrangement: getattr(arrangement, f"get_{field}_display")() or "Not answered"


def on_date(field, missing="Not answered"):
    def show(arrangement):
        value = getattr(arrangement, field)
        return value.strftime("%-d %B %Y") if value else missing

    return show


def meetings(arrangement):
    frequency = arrangement.get_meeting_frequency_display()
    place = arrangement.meeting_place
    if not (frequency or place):
        return "Not answered"
    return (
        f"{frequency or 'Frequency not recorded'}; "
        f"{f'at {place}' if place else 'location not recorded'}"
    )


def council_resources(arrangement):
    """The council's resources a year, by what they are, with Member time."""
    lines = []
    if arrangement.cash_per_year:
        lines.append(f"Funding: £{arrangement.cash_per_year:,.2f} a year")
    if arrangement.staff_fte or arrangement.staff_cost_per_year:
        fte = (
            f"{Decimal(arrangement.staff_fte).normalize():f} full-time equivalent"
            if arrangement.staff_fte
            else "time not recorded in full-time equivalents"
        )
        cost = arrangement.staff_cost_per_year
        lines.append(f"Staff time: {fte}" + (f", costing £{cost:,.2f} a year" if cost else ""))
    if arrangement.in_kind_per_year or arrangement.in_kind_description:
        lines.append(
            f"In kind: £{Decimal(arrangement.in_kind_per_year or 0):,.2f} a year"
            + (f" ({arrangement.in_kind_description})" if arrangement.in_kind_description else "")
        )
    if arrangement.member_involvement:
        lines.append(f"Member time: {arrangement.member_involvement}")
    if not lines:
        return "None recorded"
    lines.append(f"In all: £{arrangement.council_resources_per_year:,.2f} a year")
    return "\n".join(lines)


def objectives(arrangement):
    """The arrangement's objectives, each with its key performance measures."""
    if arrangement.pk is None:
        return "None recorded"
    rows = []
    for objective in arrangement.objectives.prefetch_related("measures"):
        measures = "; ".join(m.name for m in objective.measures.all())
        rows.append(objective.description + (f" (measured by: {measures})" if measures else ""))
    return "\n".join(rows) or "None recorded"


def document_titles(arrangement, kinds) -> list[str]:
    if arrangement.pk is None:
        return []
    return [
        f"{d.title} ({d.get_kind_display()})"
        for d in arrangement.documents.filter(kind__in=kinds).order_by("pk")
    ]


def documents(*kinds):
    return lambda arrangement: "; ".join(document_titles(arrangement, kinds)) or "None attached"


def representatives(arrangement):
    if arrangement.pk is None:
        return "None recorded"
    rows = []
    for rep in arrangement.councilrepresentatives.all():
        role = ", ".join(filter(None, [rep.role, "elected Member" if rep.is_member else ""]))
        finished = rep.finish_date.strftime("%-d %B %Y") if rep.finish_date else "not finished"
        rows.append(
            f"{rep.name}{f' ({role})' if role else ''}: started "
            f"{rep.start_date.strftime('%-d %B %Y')}, finished {finished}"
        )
    return "\n".join(rows) or "None recorded"


def risks(arrangement):
    if arrangement.pk is None:
        return "None recorded"
    rows = [
        f"{risk.description} (likelihood {risk.likelihood} × impact {risk.impact} = {risk.score})"
        + (f"; mitigation: {risk.mitigation}" if risk.mitigation else "")
        + ("; on the Council's risk register" if risk.is_escalated else "")
        for risk in arrangement.risks.all()
    ]
    return "\n".join(rows) or "None recorded"


def policy_answer(key):
    """A yes / no policy question as answered on the arrangement's checklist page."""

    def show(arrangement):
        value = (arrangement.policy_answers or {}).get(key)
        return "Not answered" if value is None else ("Yes" if value else "No")

    return show
