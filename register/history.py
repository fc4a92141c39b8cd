"""The History page: who changed which field of an arrangement from what to what, and when.

Built from django-simple-history's tables of the arrangement and of every row that belongs
to it, so removed partners, risks and documents still show.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone

from register import formatting
from register.choices import GovernanceItem
from register.models import (
    Arrangement,
    CouncilRepresentative,
    Document,
    MeasureResult,
    MoneyField,
    Objective,
    Partner,
    PerformanceMeasure,
    Risk,
)

IGNORED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "status_changed_at",
    "arrangement",
    "created_by",
    "size",
    "content_type",
    "uploaded_by",
    "file",  # where a document's file is stored (a random name); its name is shown instead
}
ACTIONS = {"+": "added", "~": "changed", "-": "removed"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    summary: str
    changes: list[FieldChange] = field(default_factory=list)
    reason: str = ""  # why, where the change says (e.g. "Imported from register.xlsx by ...")


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return "The system"
    return formatting.person(user)


class _Describer:
    """Turns stored values into the words the page shows, looking up related names once."""

    def __init__(self):
        self._names = {}

    def value(self, model_field: models.Field, value) -> str:
        if value in (None, "", []):
            return "not answered"
        if model_field.name == "governance_in_place":
            return (
                ", ".join(
                    GovernanceItem(item).label for item in value if item in GovernanceItem.values
                )
                or "none"
            )
        if isinstance(model_field, models.ManyToManyField):
            key = model_field.related_model._meta.model_name
            return ", ".join(self._name(model_field.related_model, row[key]) for row in value)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.ForeignKey):
            return self._name(model_field.related_model, value)
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, Decimal):
            # Pounds for the money fields, plain numbers for staff time, targets, outturns.
            if isinstance(model_field, MoneyField):
                return formatting.money(value)
            return formatting.number(value)
        if isinstance(value, date):
            return formats.date_format(value, "j F Y")
        return str(value)

    def _name(self, model, pk) -> str:
        key = (model, pk)
        if key not in self._names:
            obj = model._default_manager.filter(pk=pk).first()
            if obj is None:
                self._names[key] = f"#{pk}"
            elif model is get_user_model():
                self._names[key] = formatting.person(obj)
            else:
                self._names[key] = str(obj)
        return self._names[key]


def _entries_for(records, noun: str, describer: _Describer, model) -> list[HistoryEntry]:
    """One entry per history record; changes listed field by field against the one before."""
    entries = []
    previous_by_id = {}
    fields = [f for f in model._meta.concrete_fields if f.name not in IGNORED_FIELDS]
    for record in records:
        previous = previous_by_id.get(record.id)
        previous_by_id[record.id] = record
        label = str(record.instance)
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(previous, excluded_fields=IGNORED_FIELDS)
            changes = [
                FieldChange(
                    model._meta.get_field(change.field).verbose_name.capitalize(),
                    describer.value(model._meta.get_field(change.field), change.old),
                    describer.value(model._meta.get_field(change.field), change.new),
                )
                for change in delta.changes
            ]
            if not changes:
                continue
            entries.append(
                HistoryEntry(
                    record.history_date,
                    _who(record),
                    f"changed {noun} ‘{label}’",
                    changes,
                    record.history_change_reason or "",
                )
            )
        else:
            action = ACTIONS[record.history_type]
            details = (
                _removed_details(record, model)
                if record.history_type == "-"
                else [
                    FieldChange(
                        f.verbose_name.capitalize(),
                        "",
                        describer.value(f, getattr(record, f.attname)),
                    )
                    for f in fields
                    if getattr(record, f.attname) not in (None, "", [])
                ]
            )
            entries.append(
                HistoryEntry(
                    record.history_date,
                    _who(record),
                    f"{action} {noun} ‘{label}’",
                    details,
                    record.history_change_reason or "",
                )
            )
    return entries


def _removed_details(record, model) -> list[FieldChange]:
    """What a removal keeps in sight: a removed document's file name, type, size and
    SHA-256 checksum (its file is deleted; these stay in its history)."""
    if model is not Document:
        return []
    kept = [
        ("File name", record.original_name),
        ("Type", Document(content_type=record.content_type).type_label),
        ("Size", filesizeformat(record.size)),
        ("SHA-256 checksum", record.checksum or "not recorded"),
    ]
    return [FieldChange(label, value, "") for label, value in kept]


def arrangement_history(arrangement: Arrangement) -> list[HistoryEntry]:
    """Every change to the arrangement and its parts, newest first."""
    describer = _Describer()
    objective_ids = Objective.history.filter(arrangement_id=arrangement.pk).values("id")
    measure_ids = PerformanceMeasure.history.filter(objective_id__in=objective_ids).values("id")
    sources = [
        (Arrangement.history.filter(id=arrangement.pk), "the arrangement", Arrangement),
        (Partner.history.filter(arrangement_id=arrangement.pk), "partner", Partner),
        (
            CouncilRepresentative.history.filter(arrangement_id=arrangement.pk),
            "council representative",
            CouncilRepresentative,
        ),
        (Objective.history.filter(arrangement_id=arrangement.pk), "objective", Objective),
        (
            PerformanceMeasure.history.filter(objective_id__in=objective_ids),
            "performance measure",
            PerformanceMeasure,
        ),
        (
            MeasureResult.history.filter(measure_id__in=measure_ids),
            "target and outturn",
            MeasureResult,
        ),
        (Risk.history.filter(arrangement_id=arrangement.pk), "risk", Risk),
        (Document.history.filter(arrangement_id=arrangement.pk), "document", Document),
    ]
    entries = []
    for records, noun, model in sources:
        ordered = records.select_related("history_user").order_by("history_date", "history_id")
        entries += _entries_for(ordered, noun, describer, model)
    return sorted(entries, key=lambda entry: entry.when or timezone.now(), reverse=True)
