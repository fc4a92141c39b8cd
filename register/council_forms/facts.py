"""Facts the arrangement already holds, in the words a council form shows them."""

from django.db.models import Prefetch

from register import formatting
from register.choices import GovernanceItem, Sector
from register.council_forms.base import Row, entries, financial_year
from register.formatting import NOT_ANSWERED, long_date
from register.models import FormResponse, FormStatus, MeasureResult, PerformanceMeasure
from register.occasions import review


# Each fact names the arrangement's field it shows, so getattr reads it by that name.
def text(field):
    return lambda arrangement: str(getattr(arrangement, field) or NOT_ANSWERED)


def money(field):
    def show(arrangement):
        value = getattr(arrangement, field)
        return NOT_ANSWERED if value is None else formatting.money(value)

    return show


def yes_no(field, yes="Yes", no="No"):
    return lambda arrangement: formatting.yes_no(getattr(arrangement, field), yes, no)


def person(field):
    return lambda arrangement: formatting.person(getattr(arrangement, field))


def dates(arrangement):
    start = long_date(arrangement.start_date, "not set")
    end = long_date(arrangement.end_date, "not set")
    return f"From {start} to {end}"


def partners(arrangement):
    if arrangement.pk is None:
        return "None recorded"
    rows = [
        f"{p.name} ({p.get_sector_display()})"
        + (
            f": {formatting.money(p.contribution_per_year)} a year"
            if p.contribution_per_year
            else ""
        )
        for p in arrangement.partners.all()
    ]
    return "; ".join(rows) or "None recorded"


# Gravesham's Appendix 1 groups the organisations involved in five rows; every sector is
# in one of them, the public sectors under "Other" (each partner's sector is named there).
PARTNER_GROUPS = (
    ("Businesses/Private Sector", (Sector.PRIVATE,)),
    ("Individuals", (Sector.INDIVIDUAL,)),
    ("Community Groups", (Sector.COMMUNITY,)),
    ("Voluntary Sectors", (Sector.VOLUNTARY,)),
    (
        "Other",
        (
            Sector.LOCAL_GOVERNMENT,
            Sector.HEALTH,
            Sector.POLICE_FIRE,
            Sector.OTHER_PUBLIC,
            Sector.EDUCATION,
        ),
    ),
)
GROUP_OF_SECTOR = {sector: label for label, sectors in PARTNER_GROUPS for sector in sectors}


def partners_by_group(arrangement) -> dict[str, list[list[str]]]:
    """{group: [[name, contribution], ...]}: each partner in its group of the template, by
    name, the contribution a year in pounds and in words; "Other" names the sector."""
    groups = {label: [] for label, _sectors in PARTNER_GROUPS}
    if arrangement.pk is None:
        return groups
    for p in arrangement.partners.all():
        group = GROUP_OF_SECTOR[p.sector]
        name = p.name if group != "Other" else f"{p.name} ({p.get_sector_display()})"
        pounds = (
            f"{formatting.money(p.contribution_per_year)} a year"
            if p.contribution_per_year is not None
            else ""
        )
        groups[group].append([name, "\n".join(filter(None, [pounds, p.contribution]))])
    return groups


def external_funding(arrangement):
    """ "Has external funding been secured? Yes / No, £, its use" (G Appendix 1)."""
    amount = arrangement.external_funding
    if amount is None:
        return NOT_ANSWERED
    if not amount:
        return "No"
    use = arrangement.external_funding_use
    return f"Yes, {formatting.money(amount)}" + (f"\nUse: {use}" if use else "")


def staffing(arrangement):
    """The council's staff on it: full-time equivalents, working days a year, and their
    cost where the register has it."""
    fte, days = arrangement.staff_fte, arrangement.staff_working_days
    cost = arrangement.staff_cost_per_year
    parts = [
        f"{formatting.number(fte)} FTE" if fte is not None else "",
        f"{formatting.number(days)} working days a year" if days is not None else "",
        f"costing {formatting.money(cost)} a year" if cost else "",
    ]
    return "; ".join(filter(None, parts)) or NOT_ANSWERED


def formed(arrangement):
    """The date it starts, or the year where that is all the register knows."""
    return arrangement.formed or NOT_ANSWERED


def statutory_status(arrangement):
    """Statutory (with its Act, where recorded) or not."""
    status = formatting.yes_no(arrangement.is_statutory, "Statutory", "Not statutory")
    basis = arrangement.statutory_basis
    return f"{status} ({basis})" if arrangement.is_statutory and basis else status


def in_kind(arrangement):
    amount, words = arrangement.in_kind_per_year, arrangement.in_kind_description
    if amount is None and not words:
        return NOT_ANSWERED
    return "\n".join(
        filter(None, [f"{formatting.money(amount)} a year" if amount is not None else "", words])
    )


def member_input(arrangement):
    """ "Member input (if 'Yes' please specify which Member and their role)"."""
    words = arrangement.member_involvement
    return f"Yes: {words}" if words else "None recorded"


def governance_held(arrangement) -> dict:
    """{governance item: {"in_place": True}} for each arrangement the register holds as in
    place: the Yes an empty answer of the governance table starts from."""
    return {key: {"in_place": True} for key in arrangement.governance_in_place or []}


def category_key(arrangement):
    """The policy's category the arrangement is in (kept on every save, re-categorised if
    it was)."""
    return arrangement.category


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
    return lambda arrangement: getattr(arrangement, f"get_{field}_display")() or NOT_ANSWERED


def on_date(field, missing=NOT_ANSWERED):
    return lambda arrangement: long_date(getattr(arrangement, field), missing)


def meetings(arrangement):
    frequency = arrangement.get_meeting_frequency_display()
    place = arrangement.meeting_place
    if not (frequency or place):
        return NOT_ANSWERED
    return (
        f"{frequency or 'Frequency not recorded'}; "
        f"{f'at {place}' if place else 'location not recorded'}"
    )


def council_resources(arrangement):
    """The council's resources a year, by what they are, with Member time."""
    lines = []
    if arrangement.cash_per_year:
        lines.append(f"Funding: {formatting.money(arrangement.cash_per_year)} a year")
    if arrangement.staff_fte or arrangement.staff_cost_per_year:
        fte = (
            f"{formatting.number(arrangement.staff_fte)} full-time equivalent"
            if arrangement.staff_fte
            else "time not recorded in full-time equivalents"
        )
        cost = arrangement.staff_cost_per_year
        costing = f", costing {formatting.money(cost)} a year" if cost else ""
        lines.append(f"Staff time: {fte}{costing}")
    if arrangement.in_kind_per_year or arrangement.in_kind_description:
        lines.append(
            f"In kind: {formatting.money(arrangement.in_kind_per_year or 0)} a year"
            + (f" ({arrangement.in_kind_description})" if arrangement.in_kind_description else "")
        )
    if arrangement.member_involvement:
        lines.append(f"Member time: {arrangement.member_involvement}")
    if not lines:
        return "None recorded"
    lines.append(f"In all: {formatting.money(arrangement.council_resources_per_year)} a year")
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


# Rows of a table from the register, for Table.rows_from(arrangement, occasion).
def objective_rows(arrangement, occasion):
    return tuple(Row(str(o.pk), o.description, subject=o) for o in arrangement.objectives.all())


def measure_rows(arrangement, occasion):
    """Each key performance measure, with its target (given: kept, not asked again) and
    outturn (to start from) in the register for the year the occasion reports on."""
    year = financial_year(occasion)
    measures = PerformanceMeasure.objects.filter(
        objective__arrangement=arrangement
    ).prefetch_related(
        Prefetch("results", MeasureResult.objects.filter(year=year), to_attr="of_the_year")
    )
    rows = []
    for measure in measures.order_by("objective", "pk"):
        result = measure.of_the_year[0] if measure.of_the_year else None
        label = measure.name + (f" ({measure.unit})" if measure.unit else "")
        rows.append(
            Row(
                str(measure.pk),
                label,
                given={"target": result.target} if result else {},
                initial={"outturn": result.outturn} if result else {},
                subject=measure,
            )
        )
    return tuple(rows)


def carried_forward(key, form_keys):
    """The list `key` of the previous year's review (any of `form_keys`, submitted), a row
    for each entry, keyed by its number there."""

    def rows(arrangement, occasion):
        if not occasion.year:
            return ()
        previous = (
            FormResponse.objects.filter(
                arrangement=arrangement,
                form_key__in=form_keys,
                occasion=review(occasion.year - 1).key,
                status=FormStatus.SUBMITTED,
            )
            .order_by("-submitted_at")
            .first()
        )
        return (
            tuple(Row(str(n), words) for n, words in entries(previous.answers, key))
            if previous
            else ()
        )

    return rows


def document_titles(arrangement, kinds) -> list[str]:
    if arrangement.pk is None:
        return []
    return [
        f"{d.title} ({d.get_kind_display()})"
        for d in arrangement.documents.filter(kind__in=kinds).order_by("pk")
    ]


def documents(*kinds):
    return lambda arrangement: "; ".join(document_titles(arrangement, kinds)) or "None attached"


def _representative(rep) -> str:
    """A representative's name, with their role on the partnership."""
    role = ", ".join(filter(None, [rep.role, "elected Member" if rep.is_member else ""]))
    return f"{rep.name}{f' ({role})' if role else ''}"


def representatives(arrangement):
    if arrangement.pk is None:
        return "None recorded"
    rows = [
        f"{_representative(rep)}: started {long_date(rep.start_date)}, finished "
        f"{long_date(rep.finish_date, 'not finished')}"
        for rep in arrangement.councilrepresentatives.all()
    ]
    return "\n".join(rows) or "None recorded"


def representative_rows(arrangement) -> list[list[str]]:
    """The council's representatives as the template's table (Name | Date started | Date
    finished), the latest first."""
    if arrangement.pk is None:
        return []
    return [
        [
            _representative(rep),
            long_date(rep.start_date),
            long_date(rep.finish_date, "Not finished"),
        ]
        for rep in arrangement.councilrepresentatives.all()
    ]


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
        return formatting.yes_no((arrangement.policy_answers or {}).get(key))

    return show


def asked(policy, key) -> str:
    """The policy question's own wording."""
    return next(question.text for question in policy.questions if question.key == key)
