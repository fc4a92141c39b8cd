"""The published register: editions prepared from the live register under the council's
policy, previewed, and published by the register owner; what changed between editions.

An edition keeps a snapshot of its entries (register/open_data.py), so later edits to an
arrangement never change a published edition. A correction is a new edition of the same
year, numbered on (2026, then 2026-2), with a note of what it corrects.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from register import open_data
from register.formatting import money
from register.models import Arrangement, Edition, EditionStatus
from register.policies import get_policy
from register.roles import Role, has_role
from register.spreadsheets import neutralised_rows


def can_publish(user) -> bool:
    """Preparing and publishing an edition is the register owner's (G 5.6c, 6.6)."""
    return has_role(user, Role.REGISTER_OWNER)


def _check_publisher(user):
    if not can_publish(user):
        raise PermissionDenied("Only the register owner may prepare or publish the register")


# --- Reads --------------------------------------------------------------------------------


def arrangements_to_publish(policy, arrangements=None) -> list[Arrangement]:
    """The live arrangements the policy publishes, in the register's order."""
    arrangements = Arrangement.objects.all() if arrangements is None else arrangements
    found = (
        arrangements.filter(status__in=policy.published_statuses)
        .select_related("lead_officer", "service", "portfolio__holder", "portfolio__committee")
        .prefetch_related("partners", "objectives")
    )
    return sorted((a for a in found if policy.on_register(a)), key=policy.register_order)


def published_editions():
    return Edition.objects.filter(status=EditionStatus.PUBLISHED)


def latest_edition() -> Edition | None:
    return published_editions().first()


def find_edition(slug: str, *, published=True) -> Edition | None:
    """The edition at an address ("2026", "2026-2", or "latest"), with its entries."""
    editions = (published_editions() if published else Edition.objects.all()).defer("entries")
    if slug == "latest":
        edition = editions.first() if published else None
    else:
        year, _, number = slug.partition("-")
        edition = editions.filter(year=int(year), number=int(number or 1)).first()
    if edition is not None:
        edition.entries = entries_of(edition)
    return edition


def entries_of(edition) -> list[dict]:
    """A published edition never changes, so its entries are read from the database once
    per process; a draft's every time."""
    if edition.is_published:
        return _published_entries(edition.pk, edition.published_at)
    return Edition.objects.values_list("entries", flat=True).get(pk=edition.pk)


@lru_cache(maxsize=16)
def _published_entries(pk, published_at) -> list[dict]:
    return Edition.objects.values_list("entries", flat=True).get(pk=pk)


def csv_rows_of(edition) -> list[list[str]]:
    """The rows of the edition's register.csv, formulas neutralised; a published edition's
    are worked out once per process, as its entries are."""
    if edition.is_published:
        return _published_csv_rows(edition.pk, edition.published_at)
    return list(neutralised_rows(open_data.rows(edition)))


@lru_cache(maxsize=16)
def _published_csv_rows(pk, published_at) -> list[list[str]]:
    edition = Edition.objects.defer("entries").get(pk=pk)
    edition.entries = _published_entries(pk, published_at)
    return list(neutralised_rows(open_data.rows(edition)))


def previous_edition(edition) -> Edition | None:
    """The published edition before this one (a correction's is the one it corrects),
    without its entries."""
    earlier = Q(year=edition.year, number__lt=edition.number) | Q(year__lt=edition.year)
    return published_editions().filter(earlier).defer("entries").first()


@dataclass(frozen=True)
class Change:
    entry: dict
    what: tuple[str, ...]  # in words


@dataclass(frozen=True)
class Changes:
    new: list[dict]
    ended: list[dict]
    changed: list[Change]

    def __bool__(self):
        return bool(self.new or self.ended or self.changed)


def changes_between(previous, edition) -> Changes:
    """New entries, entries no longer published, and entries whose category or council
    resources changed, from `previous` to `edition` (only what the edition publishes)."""
    before = {entry["reference"]: entry for entry in entries_of(previous)} if previous else {}
    now = {entry["reference"]: entry for entry in edition.entries}
    changed = []
    for reference, entry in now.items():
        old = before.get(reference)
        if old is None:
            continue
        what = []
        if "category" in edition.fields and old["category"] != entry["category"]:
            what.append(f"category changed from {old['category']} to {entry['category']}")
        old_amount = _amount(old["council_resources_per_year"])
        new_amount = _amount(entry["council_resources_per_year"])
        if "council_resources_per_year" in edition.fields and old_amount != new_amount:
            what.append(
                f"council resources a year changed from {money(old_amount)} to {money(new_amount)}"
            )
        if what:
            changed.append(Change(entry, tuple(what)))
    return Changes(
        new=[entry for reference, entry in now.items() if reference not in before],
        ended=[entry for reference, entry in before.items() if reference not in now],
        changed=changed,
    )


def _amount(value) -> Decimal:
    return Decimal(value or 0)


SEARCHED = ("reference", "name", "aims_and_objectives", "partners")


def search_entries(edition, *, q="", category=""):
    """The edition's entries whose reference, name, aims or partners contain `q`, in
    `category`; only what the edition publishes is searched."""
    words = q.casefold()
    searched = [key for key in SEARCHED if key in edition.fields]
    return [
        entry
        for entry in edition.entries
        if (not category or entry["category"] == category)
        and (not words or any(words in (entry[key] or "").casefold() for key in searched))
    ]


def categories_of(edition) -> list[str]:
    """The categories to filter the edition by, where it publishes them."""
    if "category" not in edition.fields:
        return []
    return sorted({entry["category"] for entry in edition.entries})


def forget_kept_editions():
    """Empty this process's copies of published editions (tests reuse database ids)."""
    _published_entries.cache_clear()
    _published_csv_rows.cache_clear()


def sections_of(entries) -> list[tuple[str, list[dict]]]:
    """The entries under their headings. The snapshot is in the register's order, so the
    headings come in the order the edition's policy gave them."""
    grouped = {}
    for entry in entries:
        grouped.setdefault(entry["section"], []).append(entry)
    return list(grouped.items())


def committees_of(edition) -> list[str]:
    """The committees the edition's entries are reported to, for their extracts."""
    return sorted({entry["reported_to"] for entry in edition.entries if entry["reported_to"]})


# --- Writes -------------------------------------------------------------------------------


def take_snapshot(edition, policy, arrangements=None):
    reading = open_data.reading_for(policy)
    edition.policy = f"{policy.council}, {policy.name} {policy.version}"
    edition.fields = open_data.published_field_names(policy)
    edition.entries = [
        open_data.entry_of(a, reading) for a in arrangements_to_publish(policy, arrangements)
    ]
    edition.snapshot_at = timezone.now()


@transaction.atomic
def prepare_edition(*, year: int, user, correction_note: str = "", arrangements=None) -> Edition:
    """The draft of `year`'s edition, its snapshot taken now from the live register (again,
    if a draft of that year was already prepared). After that year's edition is published,
    the draft is a correction and must say what it corrects. `arrangements` limits what is
    read (the demo's earlier edition); by default the whole register."""
    _check_publisher(user)
    correction_note = correction_note.strip()
    latest = latest_edition()
    if latest is not None and year < latest.year:
        raise ValidationError(
            {"year": f"Enter {latest.year} or later: the {latest.label} is already published"}
        )
    edition = Edition.objects.filter(year=year, status=EditionStatus.DRAFT).first()
    if edition is None:
        published = published_editions().filter(year=year).aggregate(last=Max("number"))
        edition = Edition(year=year, number=(published["last"] or 0) + 1, prepared_by=user)
    if edition.number > 1 and not correction_note:
        raise ValidationError(
            {
                "correction_note": f"Say what this edition corrects: the {year} edition is "
                "already published, so this one is a correction"
            }
        )
    edition.correction_note = correction_note
    edition.prepared_by = user
    take_snapshot(edition, get_policy(), arrangements)
    edition.full_clean()
    edition._history_user = user
    edition.save()
    return edition


@transaction.atomic
def publish_edition(*, edition: Edition, user, published_at=None) -> Edition:
    """Publish the draft exactly as previewed. Refused when it has been published already
    or has no entries."""
    _check_publisher(user)
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.is_published:
        raise ValidationError(f"The {edition.label} is already published")
    if not edition.entries:
        raise ValidationError("There is nothing to publish: the edition has no entries")
    edition.status = EditionStatus.PUBLISHED
    edition.published_at = published_at or timezone.now()
    edition.published_by = user
    edition._history_user = user
    edition.save()
    return edition
