"""Checking a spreadsheet row by row with the web form's own rules, writing nothing.

Each row becomes the POST data the arrangement form receives (for an arrangement already
in the register: what its edit page would post, with the row's cells over it) and is
validated by register.forms.ArrangementForm, its partners by PartnerForm and its expected
outcomes by ObjectiveForm. So there is one definition of the rules; what is here is how a
cell is read and which arrangement a row is. Every form error becomes a Problem: the
row as the spreadsheet numbers it, the column's heading, the cell's value and the message.
"""

import copy
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms as django_forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import DecimalField
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from register.choices import Sector, Status
from register.formatting import long_date, money, person, yes_no
from register.forms import ArrangementForm, MoneyField, ObjectiveForm, PartnerForm
from register.imports import cells
from register.imports.columns import BY_KEY, Read, header_score, normalised
from register.imports.files import HEADER_SEARCH_ROWS, FileRefused, Table
from register.models import Arrangement, Objective, Partner, Portfolio, Service
from register.services import MATERIAL_CHANGE_STATUSES, material_changes

NEW, UPDATE, UNCHANGED, ERROR = "new", "update", "unchanged", "error"
# An arrangement brought in is one the council already has: still a proposal, running
# (approved before the portal), or over.
IMPORTED_STATUSES = (Status.DRAFT, Status.ACTIVE, Status.ENDED)
PROGRESS_EVERY = 100  # rows between two reports of how far the check has got


@dataclass(frozen=True)
class Problem:
    row: int | None  # None: the file as a whole
    column: str
    value: str
    message: str

    def as_json(self) -> list:
        return [self.row, self.column, self.value, self.message]


@dataclass
class RowResult:
    row: int
    name: str
    action: str = NEW
    reference: str = ""
    category: str = ""
    changes: list = field(default_factory=list)  # (what, old, new)
    problems: list = field(default_factory=list)
    # What the import writes (never in the preview).
    arrangement: Arrangement | None = None
    partners: list = field(default_factory=list)
    objectives: list = field(default_factory=list)
    next_review_due: datetime.date | None = None  # as the file gives it

    def as_json(self) -> dict:
        return {
            "row": self.row,
            "action": self.action,
            "reference": self.reference,
            "name": self.name,
            "category": self.category,
            "changes": [list(change) for change in self.changes],
        }


@dataclass
class Check:
    rows: list[RowResult]
    problems: list[Problem]

    @property
    def counts(self) -> dict[str, int]:
        return tally(row.action for row in self.rows)


def tally(actions) -> dict[str, int]:
    """How many rows are new, updates, unchanged and errors."""
    counts = dict.fromkeys((NEW, UPDATE, UNCHANGED, ERROR), 0)
    for action in actions:
        counts[action] += 1
    return counts


# --- The table of the file ----------------------------------------------------------------


def headings_of(table: Table, saved_headings=()) -> tuple[int, list[str]]:
    """(index of the row of headings, the headings): the first row near the top with two or
    more headings the import (or a saved mapping) knows, past any title rows; else the
    first row with anything in it. A heading that repeats gets its column's number."""
    known = {normalised(heading) for heading in saved_headings}
    rows = table.rows[:HEADER_SEARCH_ROWS]
    found = next(
        (
            index
            for index, (_, row) in enumerate(rows)
            if header_score(row) + sum(normalised(c) in known for c in row if c) >= 2
        ),
        None,
    )
    if found is None:
        found = next((i for i, (_, row) in enumerate(rows) if not _is_blank_row(row)), None)
    if found is None:
        raise FileRefused("The file is empty: it has no headings and no rows")
    headings, seen = [], set()
    for number, cell in enumerate(table.rows[found][1], start=1):
        heading = cells.text(cell).replace("\n", " ")
        if heading and heading in seen:
            heading = f"{heading} (column {number})"
        seen.add(heading)
        headings.append(heading)
    return found, headings


def _is_blank_row(row) -> bool:
    return all(cells.is_blank(cell) for cell in row)


def data_rows(table: Table, header_index: int, headings: list[str]) -> list[tuple[int, list]]:
    """The rows to import: not blank, not a merged title, not the headings again."""
    repeated = [normalised(heading) for heading in headings]
    found = []
    for number, row in table.rows[header_index + 1 :]:
        if _is_blank_row(row) or number in table.merged_rows:
            continue
        if [normalised(cells.text(cell)) for cell in row[: len(headings)]] == repeated:
            continue
        found.append((number, row))
    if len(found) > settings.IMPORT_MAX_ROWS:
        raise FileRefused(
            f"The file has more than {settings.IMPORT_MAX_ROWS:,} rows: split it into files "
            f"of {settings.IMPORT_MAX_ROWS:,} rows or fewer"
        )
    return found


# --- What the register already holds, read once per check ---------------------------------


class Lookups:
    """People, services, portfolios, partners' sectors and arrangements, each in one query."""

    def __init__(self):
        self.people = {}
        users = get_user_model().objects.filter(is_active=True, groups__isnull=False).distinct()
        for user in users:
            for key in {normalised(user.get_full_name()), user.email.lower(), user.username}:
                if key:
                    self.people.setdefault(key, []).append(user.pk)
        self.services = {normalised(n): [pk] for pk, n in Service.objects.values_list("pk", "name")}
        self.portfolios = {
            normalised(n): [pk] for pk, n in Portfolio.objects.values_list("pk", "name")
        }
        self.sectors = dict(
            Partner.objects.annotate(key=Lower("name")).values_list("key", "sector")
        )
        self.by_reference, self.by_name = {}, {}
        for pk, reference, name, lead in Arrangement.objects.values_list(
            "pk", "reference", "name", "lead_organisation"
        ):
            self.by_reference[reference.upper()] = pk
            self.by_name.setdefault((normalised(name), normalised(lead)), []).append(pk)
        self.arrangements = {}

    def load(self, pks):
        """The arrangements rows will update, with what their form and diff read."""
        self.arrangements = (
            Arrangement.objects.select_related("lead_officer", "service", "portfolio")
            .prefetch_related("partners", "objectives", "corporate_objectives")
            .in_bulk(pks)
        )


# --- One row ------------------------------------------------------------------------------


def form_data(form) -> MultiValueDict:
    """What the form's page would post, unchanged: each field's value as its widget sends it."""
    data = MultiValueDict()
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, django_forms.MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for suffix, part in zip(widget.widgets_names, parts, strict=True):
                data[bound.html_name + suffix] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data.setlist(bound.html_name, [str(item) for item in value])
        else:
            data[bound.html_name] = "" if value is None else str(value)
    return data


def _set_date(data, name, day):
    """As the day, month and year boxes of the form's date post it."""
    parts = (day.day, day.month, day.year) if day else ("", "", "")
    for suffix, part in zip(("_0", "_1", "_2"), parts, strict=True):
        data[name + suffix] = str(part)


def split_list(value) -> list[str]:
    """A cell of several names or outcomes: separated by semicolons or line breaks."""
    return [
        part.strip() for part in cells.text(value).replace("\n", ";").split(";") if part.strip()
    ]


SECTOR_LABELS = {
    normalised(label): key
    for key, label in (
        *Sector.choices,
        # The register's earlier word for the voluntary sector, in files exported before
        # community groups had a sector of their own.
        (Sector.VOLUNTARY, "Voluntary and community sector"),
    )
}


def partner_and_sector(words: str, sectors: dict) -> tuple[str, str]:
    """ "Kent Police (Police, fire and rescue)" -> the name and the sector it names; a name
    alone takes the sector the register holds for a partner of that name, if any."""
    name, _, bracketed = words.partition(" (")
    sector = SECTOR_LABELS.get(normalised(bracketed.removesuffix(")")))
    if bracketed and sector is None:
        name = words  # brackets that name no sector are part of the name
    return name.strip(), sector or sectors.get(name.strip().lower(), "")


def shown(arrangement, key) -> str:
    """A field's value in words, for the preview's old -> new."""
    if key == "start_date":
        return arrangement.formed
    model_field = Arrangement._meta.get_field(key)
    value = getattr(arrangement, key)
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value or "")
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(model_field, DecimalField) and key != "staff_fte":
        return money(value)
    if isinstance(value, datetime.date):
        return long_date(value)
    if model_field.is_relation:
        return person(value) if key == "lead_officer" else str(value)
    return str(value)


class RowChecker:
    """Checks the rows of one file under one mapping."""

    def __init__(self, mapping: dict[str, str], headings: list[str], policy):
        self.policy = policy
        # (index in the row, column key, heading) of every column imported.
        self.columns = [
            (index, mapping[heading], heading)
            for index, heading in enumerate(headings)
            if mapping.get(heading) in BY_KEY
        ]
        self.heading = {key: heading for _, key, heading in self.columns}
        self.lookups = Lookups()
        self.today = timezone.localdate()
        self.forms = {}
        self.new_form = ArrangementForm()

    def arrangement_form(self, data, existing) -> ArrangementForm:
        """The arrangement form bound to a row's data. For a new arrangement, a copy of one
        form made for the whole file, with no errors or answers yet: making a form costs
        more than checking it (every field is copied, its choices and people found) and the
        fields do not change as a form is checked."""
        if existing is not None:
            return ArrangementForm(data, instance=existing)
        form = copy.copy(self.new_form)
        form.data, form.is_bound, form.instance = data, True, Arrangement()
        form._errors, form._bound_fields_cache = None, {}
        return form

    def cells_of(self, row) -> dict:
        return {key: row[index] if index < len(row) else None for index, key, _ in self.columns}

    def match(self, values, problems, number) -> int | None:
        """The arrangement a row is: by reference, else by name and lead organisation."""
        reference = cells.text(values.get("reference")).upper()
        if reference:
            pk = self.lookups.by_reference.get(reference)
            if pk is None:
                problems.append(
                    self.problem(
                        number,
                        "reference",
                        values,
                        "No arrangement in the register has this reference: leave it blank "
                        "to add a new one",
                    )
                )
            return pk
        key = (
            normalised(cells.text(values.get("name"))),
            normalised(values.get("lead_organisation")),
        )
        found = self.lookups.by_name.get(key, [])
        if len(found) > 1:
            problems.append(
                self.problem(
                    number,
                    "name",
                    values,
                    "More than one arrangement in the register has this name and lead "
                    "organisation: give its reference to say which",
                )
            )
            return None
        return found[0] if found else None

    def problem(self, number, key, values, message) -> Problem:
        return Problem(number, self.heading.get(key, key), cells.text(values.get(key)), message)

    def check(self, rows, on_progress=None) -> Check:
        matched = {}
        results, problems = [], []
        first_of = {}  # what tells a row from the others -> the first row with it
        for number, row in rows:
            values = self.cells_of(row)
            row_problems = []
            pk = self.match(values, row_problems, number)
            matched[number] = (values, pk, row_problems)
            same = ("pk", pk) if pk else ("name", *self._name_key(values))
            if same in first_of:
                what = "arrangement" if pk else "name and lead organisation"
                row_problems.append(
                    self.problem(
                        number,
                        "reference" if values.get("reference") else "name",
                        values,
                        f"Row {number} repeats row {first_of[same]} (the same {what}): "
                        "remove one of them",
                    )
                )
            else:
                first_of[same] = number
        self.lookups.load([pk for _, pk, _ in matched.values() if pk])
        for done, (number, (values, pk, row_problems)) in enumerate(matched.items(), start=1):
            existing = self.lookups.arrangements.get(pk)
            result = self.check_row(number, values, existing, row_problems)
            results.append(result)
            problems += result.problems
            if on_progress and done % PROGRESS_EVERY == 0:
                on_progress(done)
        return Check(results, problems)

    def _name_key(self, values):
        return normalised(values.get("name")), normalised(values.get("lead_organisation"))

    def check_row(self, number, values, existing, problems) -> RowResult:
        result = RowResult(row=number, name=cells.text(values.get("name")), problems=problems)
        before = {key: shown(existing, key) for key in self.diffed()} if existing else {}
        data = form_data(ArrangementForm(instance=existing)) if existing else MultiValueDict()
        if existing is None:
            data["kind"] = Arrangement._meta.get_field("kind").default
        filled_by = {}
        extra = self.read_cells(number, values, existing, data, filled_by, result)
        form = self.arrangement_form(data, existing)
        if not form.is_valid():
            for name, messages in form.errors.items():
                key = filled_by.get(name, name)
                column = self.heading.get(key) or (
                    form.fields[name].label if name in form.fields else ""
                )
                for message in messages:
                    result.problems.append(
                        Problem(number, column, cells.text(values.get(key)), message)
                    )
        if result.problems:
            result.action = ERROR
            return result
        arrangement = form.instance
        result.arrangement = arrangement
        result.category = self.policy.effective_classification(arrangement).category.label
        result.reference = arrangement.reference
        if result.next_review_due is not None:
            arrangement.next_review_due = result.next_review_due
        if existing is None:
            arrangement.status = extra["status"]
            if arrangement.status == Status.ACTIVE and arrangement.next_review_due is None:
                arrangement.next_review_due = self.next_review(arrangement)
            return result
        self.compare(result, existing, before, values)
        return result

    def diffed(self):
        """The columns whose old and new values the preview shows."""
        return [
            key
            for key in self.heading
            if BY_KEY[key].read
            not in (Read.REFERENCE, Read.STATUS, Read.RESOURCES, Read.PARTNERS, Read.OUTCOMES)
        ]

    def compare(self, result, existing, before, values):
        for key in self.diffed():
            after = shown(existing, key)
            if after != before[key]:
                result.changes.append((self.heading[key], before[key], after))
        for label, added, had in (
            (
                "partners",
                [p.name for p in result.partners],
                [p.name for p in existing.partners.all()],
            ),
            (
                "outcomes",
                [o.description for o in result.objectives],
                [o.description for o in existing.objectives.all()],
            ),
        ):
            if added:
                result.changes.append((self.heading[label], "; ".join(had), "; ".join(had + added)))
        if not result.changes:
            result.action = UNCHANGED
            return
        result.action = UPDATE
        # Importing is the keepers' (services.py), who may edit whatever is editable.
        if not existing.is_editable:
            result.problems.append(
                self.problem(
                    result.row,
                    "name",
                    values,
                    f"It is {existing.get_status_display().lower()}: nobody changes an "
                    "arrangement while it is with its approvers, or once it has ended",
                )
            )
        elif existing.status in MATERIAL_CHANGE_STATUSES:
            original = Arrangement.objects.get(pk=existing.pk)
            if reasons := material_changes(self.policy, original, existing):
                result.problems.append(
                    self.problem(
                        result.row,
                        "name",
                        values,
                        f"The change needs approval again ({'; '.join(reasons)}): make it on "
                        "the arrangement's page",
                    )
                )
        if result.problems:
            result.action = ERROR

    def next_review(self, arrangement) -> datetime.date:
        """The next anniversary of its start after today, at the policy's review interval;
        with no start date, a review interval from today."""
        start = arrangement.start_date
        if start is None:
            return self.policy.next_review_due(self.today)
        due = start
        while due <= self.today:
            due = self.policy.next_review_due(due)
        return due

    def read_cells(self, number, values, existing, data, filled_by, result) -> dict:
        """Put each cell into the form's data as its page would post it, or a Problem."""
        extra = {"status": Status.DRAFT}
        for key, value in values.items():
            column = BY_KEY[key]
            try:
                self.read_cell(column, value, existing, data, filled_by, result, extra)
            except cells.CellError as error:
                result.problems.append(self.problem(number, key, values, str(error)))
        return extra

    def read_cell(self, column, value, existing, data, filled_by, result, extra):
        key, read = column.key, column.read
        if read == Read.TEXT:
            if key == "statutory_basis" and cells.is_blank(value) and data.get(key):
                return  # given with "Statutory (the Act)"
            data[key] = cells.text(value)
        elif read == Read.CHOICE:
            choices = Arrangement._meta.get_field(key).flatchoices
            chosen = cells.choice(value, choices)
            if chosen or existing is not None or key != "kind":
                data[key] = chosen
        elif read in (Read.MONEY, Read.NUMBER):
            data[key] = cells.amount(value)
        elif read == Read.YES_NO:
            answer, basis = cells.yes_or_no(value)
            data[key] = "" if answer is None else str(answer)
            if basis:
                data["statutory_basis"] = basis
                filled_by["statutory_basis"] = key
        elif read == Read.START:
            day, year = cells.day_or_year(value, year_allowed=True)
            _set_date(data, key, day)
            data["start_year"] = str(year or "")
            filled_by["start_year"] = key
        elif read == Read.DATE:
            _set_date(data, key, cells.day_or_year(value, year_allowed=False)[0])
        elif read == Read.NEXT_REVIEW:
            result.next_review_due = cells.day_or_year(value, year_allowed=False)[0]
        elif read == Read.PERSON:
            data[key] = self.find(self.lookups.people, value, key)
        elif read == Read.SERVICE:
            data[key] = self.find(self.lookups.services, value, key)
        elif read == Read.PORTFOLIO:
            data[key] = self.find(self.lookups.portfolios, value, key)
        elif read == Read.STATUS:
            self.read_status(value, existing, extra)
        elif read == Read.RESOURCES:
            self.read_resources(value, existing, data, filled_by)
        elif read == Read.PARTNERS:
            self.read_partners(value, existing, result)
        elif read == Read.OUTCOMES:
            self.read_outcomes(value, existing, result)

    def find(self, found_by, value, key) -> str:
        words = cells.text(value)
        if not words:
            return ""
        # "Priya Sharma (Lead officer, Community Safety)": the name before the role.
        name = words.partition(" (")[0] if key == "lead_officer" else words
        pks = found_by.get(name.lower(), []) or found_by.get(normalised(name), [])
        if len(pks) == 1:
            return str(pks[0])
        if pks:
            raise cells.CellError(
                "More than one person in the portal has this name: give their e-mail address"
            )
        what = {
            "lead_officer": "No one with a portal login has this name or e-mail address: add "
            "them in Django admin, or correct the name",
            "service": "No service in the portal has this name: add it in Django admin, or "
            "correct the name",
            "portfolio": "No Cabinet portfolio in the portal has this name: add it in Django "
            "admin, or correct the name",
        }
        raise cells.CellError(what[key])

    def read_status(self, value, existing, extra):
        status = cells.choice(value, Status.choices) or (
            existing.status if existing else Status.DRAFT
        )
        if existing is not None and status != existing.status:
            raise cells.CellError(
                f"It is {existing.get_status_display().lower()} in the register: its status "
                "changes through approvals and reviews, not an import"
            )
        if existing is None and status not in IMPORTED_STATUSES:
            raise cells.CellError("A new arrangement can be imported as Draft, Active or Ended")
        extra["status"] = status

    def read_resources(self, value, existing, data, filled_by):
        """The council's resources in all: a new arrangement's cash, unless its own column
        gives that; for one already in the register, only a check that it is unchanged."""
        if existing is None:
            if cells.is_blank(data.get("cash_per_year")) and "cash_per_year" not in self.heading:
                data["cash_per_year"] = cells.amount(value)
                filled_by["cash_per_year"] = "council_resources"
            return
        reading = MoneyField(label="", what="the council's resources a year")
        try:
            total = reading.clean(cells.amount(value))
        except django_forms.ValidationError as error:
            raise cells.CellError(error.messages[0]) from None
        held = existing.council_resources_per_year
        if total is not None and Decimal(total) != held:
            raise cells.CellError(
                "The register keeps the council's cash, staff cost and in-kind contribution "
                f"({money(held)} in all): put the new figure in the column of one of those"
            )

    def validated(self, form_class, **data):
        """The form validated once for the same answers: a register names the same partner
        on many rows."""
        key = (form_class, *sorted(data.items()))
        if key not in self.forms:
            form = self.forms[key] = form_class(data)
            form.is_valid()
        return self.forms[key]

    def read_partners(self, value, existing, result):
        held = {p.name.lower() for p in existing.partners.all()} if existing else set()
        messages = []
        for words in split_list(value):
            name, sector = partner_and_sector(words, self.lookups.sectors)
            if name.lower() in held:
                continue
            held.add(name.lower())
            form = self.validated(PartnerForm, name=name, sector=sector)
            if not form.errors:
                result.partners.append(Partner(**form.typed_values()))
            else:
                messages += [f"{name}: {m}" for m in form.errors.get("sector", [])]
                messages += [m for f, ms in form.errors.items() if f != "sector" for m in ms]
        if messages:
            raise cells.CellError(
                "; ".join(messages)
                + (
                    ". Write the sector in brackets after the name, like Kent Police (Police, "
                    "fire and rescue)"
                    if any("sector" in m for m in messages)
                    else ""
                )
            )

    def read_outcomes(self, value, existing, result):
        held = {o.description.lower() for o in existing.objectives.all()} if existing else set()
        for words in split_list(value):
            if words.lower() in held:
                continue
            held.add(words.lower())
            form = self.validated(ObjectiveForm, description=words)
            if form.errors:
                raise cells.CellError("; ".join(form.errors["description"]))
            result.objectives.append(Objective(**form.typed_values()))


def check_table(table: Table, mapping, policy, on_progress=None, saved_headings=()):
    """The check of a whole file: every row's result and every problem found."""
    index, headings = headings_of(table, saved_headings)
    rows = data_rows(table, index, headings)
    checker = RowChecker(mapping, headings, policy)
    missing = (
        [Problem(None, "", "", "Choose the column that holds the name of the arrangement")]
        if "name" not in checker.heading
        else []
    )
    if missing:
        return Check([], missing), len(rows)
    return checker.check(rows, on_progress), len(rows)
