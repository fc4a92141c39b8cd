"""The columns an import knows: the field each fills, its heading in the template, the
note the template gives it, and the headings councils use for it (their published
registers' and the staff export's own, so an export maps itself back in)."""

import re
from dataclasses import dataclass


class Read:
    """How a column's cells are read (register/imports/checking.py)."""

    TEXT = "text"
    CHOICE = "choice"
    YES_NO = "yes_no"
    START = "start"  # a date, or a bare year
    DATE = "date"
    MONEY = "money"
    NUMBER = "number"
    PERSON = "person"
    SERVICE = "service"
    PORTFOLIO = "portfolio"
    PARTNERS = "partners"
    OUTCOMES = "outcomes"
    STATUS = "status"
    REFERENCE = "reference"
    RESOURCES = "resources"  # the council's resources in all
    NEXT_REVIEW = "next_review"


@dataclass(frozen=True)
class Column:
    key: str  # the ArrangementForm field it fills, or what it is
    heading: str  # in the template
    note: str  # in the template, and on the page that matches the columns
    read: str = Read.TEXT
    headings: tuple[str, ...] = ()  # what councils call it
    example: object = ""


COLUMNS = (
    Column(
        "reference",
        "Reference",
        "The portal's reference, to update that arrangement. Leave it blank for a new one",
        Read.REFERENCE,
        ("Ref", "Reference number"),
    ),
    Column(
        "name",
        "Name",
        "Required. The name of the partnership or shared service",
        headings=("Name of Partnership", "Name of the arrangement", "Partnership", "Title"),
        example="Gravesham Community Safety Partnership",
    ),
    Column(
        "kind",
        "Kind",
        "Partnership or Shared service (blank: Partnership)",
        Read.CHOICE,
        ("Partnership or shared service",),
        "Partnership",
    ),
    Column(
        "type",
        "Type",
        "For example Strategic partnership, Delivery partnership, Full shared service",
        Read.CHOICE,
        example="Strategic partnership",
    ),
    Column(
        "status",
        "Status",
        "Draft, Active or Ended (blank: Draft). Active ones are recorded as approved before the portal",
        Read.STATUS,
        example="Active",
    ),
    Column(
        "purpose",
        "Aims and objectives",
        "Its purpose, aims and objectives; line breaks are kept",
        headings=("Aims and objectives of partnership", "Purpose", "Purpose, aims and objectives"),
        example="To reduce crime and disorder in the borough",
    ),
    Column(
        "rationale",
        "Why the council cannot achieve this alone",
        "Why it needs partners",
        headings=("Rationale",),
    ),
    Column(
        "is_statutory",
        "Statutory",
        'Yes or No, or Statutory / Non-statutory; "Statutory (the Act)" keeps the Act',
        Read.YES_NO,
        ("Statutory Status", "Statutory?", "Is it statutory?"),
        "Statutory (Crime and Disorder Act 1998)",
    ),
    Column(
        "statutory_basis",
        "Statutory basis",
        "The Act or duty it delivers",
        headings=("Legislation",),
    ),
    Column(
        "legal_status",
        "Legal status",
        "For example Joint committee, Unincorporated association",
        Read.CHOICE,
    ),
    Column(
        "lead_organisation",
        "Lead organisation",
        "The lead organisation, lead authority or accountable body",
        headings=("Lead partner", "Lead authority", "Accountable body", "Lead body"),
        example="Gravesham Borough Council",
    ),
    Column("area", "Area of operation", "Where it works", headings=("Area",)),
    Column(
        "start_date",
        "Date created",
        "The date it was formed, like 1 April 2021 or 01/04/2021, or only the year, like 2012",
        Read.START,
        ("Start date", "Date formed", "Date formed or due to start", "Year formed"),
        "1 April 2021",
    ),
    Column(
        "end_date",
        "Due to end",
        "The date it is due to end, if set",
        Read.DATE,
        ("End date", "Date due to end"),
    ),
    Column(
        "cash_per_year",
        "Council cash a year (£)",
        "In pounds, like £25,000 or 25000.50",
        Read.MONEY,
        ("Council cash",),
        "£12,500",
    ),
    Column("staff_fte", "Council staff (FTE)", "Full-time equivalents, like 0.5", Read.NUMBER),
    Column(
        "staff_working_days",
        "Council staff working days a year",
        "All the council's staff on it together, like 110",
        Read.NUMBER,
        ("Working days", "No. working days"),
    ),
    Column(
        "staff_cost_per_year",
        "Council staff cost a year (£)",
        "In pounds",
        Read.MONEY,
        (),
        "£8,000",
    ),
    Column("in_kind_per_year", "Council in-kind contribution a year (£)", "In pounds", Read.MONEY),
    Column("in_kind_description", "In-kind contribution", "What the in-kind contribution is"),
    Column("external_funding", "External funding secured (£)", "In pounds", Read.MONEY),
    Column("external_funding_use", "Use of external funding", "What it pays for"),
    Column(
        "overall_budget",
        "Overall partnership budget a year (£)",
        "In pounds",
        Read.MONEY,
        ("Overall budget", "Partnership budget"),
    ),
    Column(
        "council_resources",
        "Council resources a year (£)",
        "In all, as published registers give it: a new arrangement records it as the council's cash",
        Read.RESOURCES,
        ("Council resources", "Council resources per year"),
    ),
    Column(
        "lead_officer",
        "Responsible officer",
        "A person with a portal login: their full name or e-mail address",
        Read.PERSON,
        ("Lead officer", "Officer"),
        "Priya Sharma",
    ),
    Column(
        "service",
        "Service",
        "The council service that leads it, as named in the portal",
        Read.SERVICE,
        ("Department",),
        "Community Safety",
    ),
    Column(
        "portfolio", "Cabinet portfolio", "As named in the portal", Read.PORTFOLIO, ("Portfolio",)
    ),
    Column(
        "member_involvement",
        "Lead Member(s)",
        "Which Member, in what role",
        headings=("Lead Member", "Lead Members", "Member involvement"),
        example="Portfolio Holder for Community Safety",
    ),
    Column(
        "partners",
        "Partners",
        "Separated by semicolons; a partner's sector in brackets, like Kent Police (Police, fire "
        "and rescue), unless the register already holds a partner of that name",
        Read.PARTNERS,
        ("Partner organisations", "Other partners"),
        "Kent Police (Police, fire and rescue); Gravesham CVS (Voluntary sector)",
    ),
    Column(
        "outcomes",
        "Expected outcomes",
        "Each outcome becomes an objective; separate them with semicolons or line breaks",
        Read.OUTCOMES,
        ("Outcomes", "Objectives"),
        "Fewer repeat victims; Less anti-social behaviour",
    ),
    Column("shares_personal_data", "Personal data shared", "Yes or No", Read.YES_NO, (), "Yes"),
    Column("exit_strategy", "Exit strategy", "How the council would leave it"),
    Column(
        "meeting_frequency",
        "Meeting frequency",
        "For example Monthly, Quarterly, Once a year",
        Read.CHOICE,
        example="Quarterly",
    ),
    Column("meeting_place", "Meeting place", "Where it meets"),
    Column(
        "next_review_due",
        "Next review due",
        "Blank for an active one: the policy's review interval from its start",
        Read.NEXT_REVIEW,
        ("Next review", "Review date"),
    ),
)
BY_KEY = {column.key: column for column in COLUMNS}


def normalised(heading) -> str:
    """A heading as compared: letters and digits in lower case, single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(heading or "").lower()).split())


KNOWN = {}
for _column in COLUMNS:
    for _heading in (_column.heading, _column.key, *_column.headings):
        KNOWN.setdefault(normalised(_heading), _column.key)


def propose(headings, saved: dict | None = None) -> dict[str, str]:
    """Each heading's column key ("" for not imported): a saved mapping's choice first,
    then the known headings; a column is filled from one heading only."""
    saved = {normalised(heading): key for heading, key in (saved or {}).items()}
    proposal, taken = {}, set()
    for heading in headings:
        key = saved.get(normalised(heading), KNOWN.get(normalised(heading), ""))
        if key in taken:
            key = ""
        proposal[heading] = key
        taken.add(key)
    return proposal


def header_score(cells) -> int:
    """How many of a row's cells are headings the import knows."""
    return sum(1 for cell in cells if normalised(cell) in KNOWN)


def template_bytes() -> bytes:
    """The template to download: every column's heading with its note as a comment, and
    one example row. (The council's resources in all are left out: its parts are there.)"""
    import io

    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    columns = [column for column in COLUMNS if column.read != Read.RESOURCES]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Register"
    sheet.append([column.heading for column in columns])
    sheet.append([column.example for column in columns])
    for cell, column in zip(sheet[1], columns, strict=True):
        cell.font = Font(bold=True)
        cell.comment = Comment(column.note, "Partnership Register", width=300, height=120)
    notes = workbook.create_sheet("Notes")
    notes.append(["Column", "What to write"])
    for column in columns:
        notes.append([column.heading, column.note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
