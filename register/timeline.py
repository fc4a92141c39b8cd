"""One audit timeline of an arrangement, merged from every app that records something of it.

The register cannot import approvals or reviews, so each app registers its sources here in
its AppConfig.ready(), as the arrangement page's panels do (register/panels.py). A source
gives its moments cheaply (`moments(arrangement)`: when, kind, its own key) for the whole
timeline; only the moments on the page shown are then described (`describe(entries,
names)`), each source in a fixed number of queries, and the names of related rows
(people, services, objectives ...) are looked up in one query per model for the whole page.
So the page costs the same number of queries for 10 entries as for 10,000.

Changes the portal makes itself (a status moved by a decision, forms opened again when an
arrangement is returned) are saved inside `changes_by_the_portal(cause)`: their history
rows keep the person whose action caused them (history_user) and say so in their change
reason, and the timeline shows them as "The portal, on Jo Bloggs's decision".
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import models
from django.db.models import BooleanField, F, Func, TextField, Value, Window
from django.db.models.functions import Cast, Coalesce, Lag
from django.utils import formats, timezone

from register import formatting
from register.models import MoneyField

NOT_ANSWERED = formatting.NOT_ANSWERED
NOT_SET = "Not set"
PORTAL = "The portal"
PAGE_SIZE = 50


class EntryKind(models.TextChoices):
    """The kinds an auditor filters the timeline by."""

    ARRANGEMENT = "arrangement", "Changes to the arrangement"
    PARTS = "parts", "Partners, representatives, objectives, risks and documents"
    APPROVALS = "approvals", "Approvals and decisions"
    FORMS = "forms", "Council forms"
    REVIEWS = "reviews", "Reviews, assurance and retention"
    PUBLICATIONS = "publications", "Publications of the register"
    IMPORTS = "imports", "Imports from spreadsheets"


# --- Changes the portal makes itself ----------------------------------------------------------

# The change reason of a history row the portal wrote on someone's action: AUTOMATIC + cause.
AUTOMATIC = "automatic: "


# What someone did that made the portal change things: key -> the words after "on Jo
# Bloggs's ...".
CAUSES = {
    "submission": "submission",
    "material_change": "material change",
    "decision": "decision",
    "withdrawal": "request to withdraw it",
    "renewal": "request to renew conditional support",
    "form": "form submission",
    "review": "record of the review’s consideration",
    "retention": "retention decision",
    "import": "import",
}

_cause: ContextVar[tuple[str, object] | None] = ContextVar("portal_change_cause", default=None)


@contextmanager
def changes_by_the_portal(cause: str, *, user=None):
    """History rows saved inside are the portal's changes, made because of `cause` (a key of
    CAUSES); `user` is whose action it was where no request names them (a task). Nested, the
    outermost cause stands: the action a person took."""
    if cause not in CAUSES:
        raise ValueError(f"No such cause of the portal's changes: {cause!r}")
    if _cause.get() is not None:
        yield
        return
    token = _cause.set((cause, user))
    try:
        yield
    finally:
        _cause.reset(token)


def mark_portal_change(sender, history_instance, **kwargs):
    """pre_create_historical_record: a row saved inside changes_by_the_portal says so."""
    current = _cause.get()
    if current is None or history_instance.history_change_reason:
        return
    cause, user = current
    history_instance.history_change_reason = AUTOMATIC + cause
    if history_instance.history_user_id is None and user is not None:
        history_instance.history_user = user


# --- Names looked up once for the page -------------------------------------------------------


class Later:
    """Words worked out when shown, once the page's names have been looked up."""

    def __init__(self, words: Callable[[], str]):
        self._words = words

    def __str__(self):
        return self._words()

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __repr__(self):
        return f"Later({str(self)!r})"


class Names:
    """The names of related rows (people, services, objectives ...) for what a page shows:
    asked for while entries are described, looked up in one query per model by `load()`."""

    def __init__(self):
        self._wanted = defaultdict(set)
        self._found = {}

    def of(self, model, pk) -> Later:
        self._wanted[model].add(pk)
        return Later(lambda: self.text(model, pk))

    def person(self, pk) -> Later:
        return self.of(get_user_model(), pk)

    def all_of(self, model, pks: Iterable) -> Later:
        pks = sorted(pks)
        for pk in pks:
            self._wanted[model].add(pk)
        return Later(lambda: "; ".join(sorted(self.text(model, pk) for pk in pks)) or NOT_ANSWERED)

    def load(self):
        user_model = get_user_model()
        for model, pks in self._wanted.items():
            missing = [pk for pk in pks if (model, pk) not in self._found]
            if not missing:
                continue
            for pk, row in model._default_manager.in_bulk(missing).items():
                words = formatting.person(row) if model is user_model else str(row)
                self._found[(model, pk)] = words
        self._wanted.clear()

    def text(self, model, pk) -> str:
        if pk is None:
            return NOT_ANSWERED
        return self._found.get((model, pk), f"a {model._meta.verbose_name} since removed")


# --- Entries -----------------------------------------------------------------------------------


@dataclass
class Change:
    """One field's change, in display words."""

    label: str
    old: object
    new: object


@dataclass(slots=True)
class Entry:
    """One moment of the timeline. A source gives when, kind and its own key; it fills in
    the rest when the entry is shown (`describe`)."""

    when: datetime
    kind: EntryKind
    source: "Source"
    key: object
    arrangement: object = None
    order: tuple = ()  # among entries of the same moment: the later saved, the higher
    who: object = ""
    cause: object = ""  # "on Jo Bloggs's decision": why the portal did it
    summary: object = ""  # what happened, after who did it: "changed the arrangement"
    # Set when described (lists then); empty until. (No list made for each of 10,000.)
    changes: list[Change] | tuple = ()
    details: list[tuple[str, object]] | tuple = ()  # (label, value)
    reason: object = ""
    links: list[tuple[str, str]] | tuple = ()  # (words, url)

    @property
    def kind_label(self) -> str:
        return EntryKind(self.kind).label

    @property
    def who_in_full(self) -> str:
        return f"{self.who}, {self.cause}" if self.cause else str(self.who)


class Source:
    """What a source of the timeline gives; see the module's docstring."""

    kinds: frozenset = frozenset(EntryKind)

    def moments(self, arrangement) -> list[Entry]:
        raise NotImplementedError

    def describe(self, entries: list[Entry], names: Names) -> None:
        raise NotImplementedError

    def _identity(self):
        return type(self), getattr(self, "model", None)

    def __eq__(self, other):
        return isinstance(other, Source) and self._identity() == other._identity()

    def __hash__(self):
        return hash(self._identity())


SOURCES: list[Source] = []


def register_source(source: Source) -> Source:
    """Add a source (once: an app's ready() run again adds nothing)."""
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def who_did(user_id, reason: str | None, names: Names) -> tuple[object, object]:
    """(who, cause) of a history row: the person, or the portal on someone's action."""
    reason = reason or ""
    if reason.startswith(AUTOMATIC):
        words = CAUSES.get(reason.removeprefix(AUTOMATIC), "action")
        if user_id is None:
            return PORTAL, f"on {'an' if words[0] in 'aeiou' else 'a'} {words}"
        person = names.person(user_id)
        return PORTAL, Later(lambda: f"on {person}’s {words}")
    if user_id is None:
        return PORTAL, ""
    return names.person(user_id), ""


# --- Values in words -------------------------------------------------------------------------


def when_words(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y \\a\\t H:i")


def value_words(model_field: models.Field, value, names: Names, blank: str = NOT_ANSWERED):
    """A stored value as the page shows it: labels for choices, names for related rows,
    pounds for money, Yes / No, dates in words; never a raw key, list or dict."""
    if value is None or value == "" or value == [] or value == {}:
        return blank
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, "An option no longer offered"))
    if isinstance(model_field, models.ForeignKey):
        return names.of(model_field.related_model, value)
    if isinstance(model_field, models.BooleanField) or isinstance(value, bool):
        return formatting.yes_no(value)
    if isinstance(value, Decimal):
        if isinstance(model_field, MoneyField):
            return formatting.money(value)
        return formatting.number(value)
    if isinstance(value, datetime):
        return when_words(value)
    if isinstance(value, date):
        return formatting.long_date(value)
    if isinstance(model_field, models.FileField) or model_field.name == "file":
        return PurePosixPath(str(value)).name
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def label_of(model_field: models.Field) -> str:
    return formatting.capitalised(str(model_field.verbose_name))


# --- History tables ------------------------------------------------------------------------


class Differs(Func):
    """Whether two values differ, a NULL differing from a value (IS DISTINCT FROM)."""

    arity = 2
    template = "(%(expressions)s)"
    arg_joiner = " IS DISTINCT FROM "
    output_field = BooleanField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, arg_joiner=" IS NOT ", **extra)


class Joined(Func):
    """Texts joined end to end (||), flat: SQLite's parser overflows on Concat's nesting."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = TextField()


NULL_MARK, SEPARATOR = "\u2400", "\u241f"  # ␀ and ␟: never typed by an officer


def row_text(fields) -> Joined:
    """Every field of a row as one text, NULL told from empty, for comparing a history row
    with the one before it in one window function (one for each field is slower on SQLite)."""
    parts = []
    for model_field in fields:
        parts += [
            Coalesce(Cast(model_field.attname, TextField()), Value(NULL_MARK)),
            Value(SEPARATOR),
        ]
    return Joined(*parts)


@dataclass(frozen=True)
class HistoryKey:
    """A history row on the timeline, and the one before it of the same object."""

    history_id: int
    previous_id: int | None
    history_type: str
    reason: str


class HistorySource(Source):
    """The rows of one model's history table that belong to an arrangement. `moments` reads
    only which rows changed something shown, and when: whether a row changed any field is
    worked out by the database against the row before it (LAG), not by loading the rows."""

    model: type[models.Model]
    kind: EntryKind = EntryKind.PARTS
    ignored: frozenset = frozenset(
        {"id", "created_at", "updated_at", "arrangement", "created_by", "uploaded_by"}
    )
    # Fields no form asks: empty, they are "Not set" rather than "Not answered".
    set_by_the_portal: frozenset = frozenset()

    def records(self, arrangement) -> models.QuerySet:
        raise NotImplementedError

    def fields(self) -> list[models.Field]:
        return [f for f in self.model._meta.concrete_fields if f.name not in self.ignored]

    def kind_of(self, key: HistoryKey) -> EntryKind:
        if key.reason.startswith("Imported from"):
            return EntryKind.IMPORTS
        return self.kind

    def changed_elsewhere(self, rows) -> set[int]:
        """History ids of rows that changed something the columns do not show (an m2m)."""
        return set()

    def moments(self, arrangement) -> list[Entry]:
        window = {
            "partition_by": [F("id")],
            "order_by": [F("history_date").asc(), F("history_id").asc()],
        }
        text = row_text(self.fields())
        rows = list(
            self.records(arrangement)
            .annotate(
                previous_id=Window(Lag("history_id"), **window),
                changed=Differs(text, Window(Lag(text), **window)),
            )
            .values_list(
                "history_id",
                "history_date",
                "history_type",
                "history_change_reason",
                "previous_id",
                "changed",
            )
            .order_by()
        )
        elsewhere = self.changed_elsewhere(rows)
        entries = []
        for history_id, when, history_type, reason, previous_id, changed in rows:
            if history_type == "~" and not changed and history_id not in elsewhere:
                continue  # saved with nothing shown changed
            key = HistoryKey(history_id, previous_id, history_type, reason or "")
            entries.append(Entry(when, self.kind_of(key), self, key, order=(history_id,)))
        return entries

    def rows_for(self, entries) -> dict[int, models.Model]:
        ids = {e.key.history_id for e in entries} | {
            e.key.previous_id for e in entries if e.key.previous_id is not None
        }
        rows = self.model.history.filter(history_id__in=ids)
        return {row.history_id: row for row in rows}

    def field_changes(self, model_field, old, new, names: Names) -> list[Change]:
        """The words for one field that differs between two rows; a subclass may show a
        field as several lines (a policy's answers, one for each question)."""
        blank = NOT_ANSWERED if model_field.name not in self.set_by_the_portal else NOT_SET
        return [
            Change(
                label_of(model_field),
                value_words(model_field, old, names, blank),
                value_words(model_field, new, names, blank),
            )
        ]

    def shown_at_first(self, model_field, value, names: Names) -> list[Change]:
        return self.field_changes(model_field, None, value, names)

    def changes(self, row, previous, names: Names) -> list[Change]:
        found = []
        for model_field in self.fields():
            new = getattr(row, model_field.attname)
            if previous is None:
                if new not in (None, "", [], {}):
                    found += self.shown_at_first(model_field, new, names)
                continue
            old = getattr(previous, model_field.attname)
            if old != new:
                found += self.field_changes(model_field, old, new, names)
        return found

    def noun(self, row, names: Names) -> object:
        """What the row is, in words (a row's own fields only: no query for each row)."""
        return f"{self.model._meta.verbose_name} ‘{row.instance}’"

    def removed_details(self, row, names: Names) -> list[tuple[str, str]]:
        """What a removal keeps in sight, as (label, words); nothing unless a part says."""
        return []

    def summary(self, row, changes, names: Names) -> object:
        verb = {"+": "added", "~": "changed", "-": "removed"}[row.history_type]
        noun = self.noun(row, names)
        return Later(lambda: f"{verb} {noun}")

    def describe(self, entries, names):
        rows = self.rows_for(entries)
        for entry in entries:
            row = rows[entry.key.history_id]
            previous = rows.get(entry.key.previous_id) if row.history_type == "~" else None
            entry.who, entry.cause = who_did(row.history_user_id, row.history_change_reason, names)
            changes = [] if row.history_type == "-" else self.changes(row, previous, names)
            entry.summary = self.summary(row, changes, names)
            if row.history_type == "+":
                # What it was recorded with: a value for each field, with nothing before it.
                entry.details = [(change.label, change.new) for change in changes]
            elif row.history_type == "-":
                entry.details = self.removed_details(row, names)
            else:
                entry.changes = changes
            reason = row.history_change_reason or ""
            entry.reason = "" if reason.startswith(AUTOMATIC) else reason


# --- The timeline -----------------------------------------------------------------------------


def moments_of(arrangement, kinds=()) -> list[Entry]:
    """Every moment of the arrangement's timeline (of `kinds`, or all), newest first,
    not yet described."""
    wanted = set(kinds) or set(EntryKind)
    found = []
    for number, source in enumerate(SOURCES):
        if not (source.kinds & wanted):
            continue
        for entry in source.moments(arrangement):
            if entry.kind in wanted:
                entry.arrangement = arrangement
                entry.order = (number, *entry.order)
                found.append(entry)
    return sorted(found, key=lambda e: (e.when, e.order), reverse=True)


def describe(entries: list[Entry]) -> list[Entry]:
    """Fill in the words of these entries: each source once, then the names once a model."""
    names = Names()
    by_source = defaultdict(list)
    for entry in entries:
        by_source[entry.source].append(entry)
    for source, own in by_source.items():
        source.describe(own, names)
    names.load()
    return entries


@dataclass
class Timeline:
    page: object  # django.core.paginator.Page of described entries
    counts: dict  # kind -> how many entries of it the whole timeline has


def arrangement_timeline(arrangement, *, kinds=(), page=None, per_page=PAGE_SIZE) -> Timeline:
    """One page of the timeline of `kinds` (all when none), its entries described; a page
    past the end shows the last. The counts are of every kind, for the filter."""
    every = moments_of(arrangement)
    counts = Counter(entry.kind for entry in every)
    shown = [entry for entry in every if not kinds or entry.kind in kinds]
    on_page = Paginator(shown, per_page).get_page(page)
    describe(list(on_page.object_list))
    return Timeline(on_page, {kind: counts.get(kind, 0) for kind in EntryKind})


def every_entry(arrangement, *, kinds=(), batch=500):
    """Every entry of the (filtered) timeline, described a batch at a time: the CSV."""
    moments = moments_of(arrangement, kinds)
    for start in range(0, len(moments), batch):
        yield from describe(moments[start : start + batch])


CSV_HEADINGS = ["When (ISO 8601)", "When", "Kind", "Who", "What", "Field", "From", "To", "Reason"]


def csv_rows(entries) -> Iterable[list[str]]:
    """The auditors' download: a line for each change or detail of an entry, or one line."""
    yield CSV_HEADINGS
    for entry in entries:
        start = [
            entry.when.isoformat(),
            when_words(entry.when),
            entry.kind_label,
            entry.who_in_full,
            str(entry.summary),
        ]
        lines = [[c.label, str(c.old), str(c.new)] for c in entry.changes]
        lines += [[label, "", str(value)] for label, value in entry.details]
        for line in lines or [["", "", ""]]:
            yield [*start, *line, str(entry.reason)]
