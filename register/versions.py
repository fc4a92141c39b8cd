"""No lost update: an edit form carries the version of the row it was opened at, and the
service that saves it locks the row and refuses a save over a newer version.

A row's version is the moment it was last saved (`updated_at`, to the microsecond), so no
column is added: every save through the ORM moves it on, including a status change or a
re-classification. The page that tells the officer is register/conflicts.py."""

from datetime import datetime

NEW = "new"  # the version of a row not saved yet, e.g. a council form opened empty
NO_CHANGES = "No changes were made"  # said instead of "saved" when an edit changes nothing


def version_of(row) -> str:
    return row.updated_at.isoformat() if row.pk is not None and row.updated_at else NEW


def parse_version(token: str) -> str | None:
    """The token as version_of writes it, or None when it is missing or garbled."""
    token = (token or "").strip()
    if token == NEW:
        return NEW
    try:
        moment = datetime.fromisoformat(token)
    except ValueError:
        return None
    return moment.isoformat() if moment.tzinfo is not None else None


class EditConflict(Exception):
    """Someone else saved the row after this form was opened; `current` is their version."""

    def __init__(self, current):
        super().__init__("Someone else saved this after you opened it")
        self.current = current


def check_version(current, version: str | None) -> None:
    """Refuse unless `current`, read under a row lock, is still at the version the form was
    opened at. None: not a save from an edit form (the demo seed, factories)."""
    if version is not None and version_of(current) != version:
        raise EditConflict(current)


def unchanged(saved, edited) -> bool:
    """Whether `edited` holds what `saved` (the row as stored) holds in every field but its
    timestamps. Saving it would change nothing and add a line to its history, so the
    services that save edits save nothing and return None instead."""
    return all(
        same_value(getattr(saved, field.attname), getattr(edited, field.attname))
        for field in type(saved)._meta.concrete_fields
        if field.name not in ("created_at", "updated_at")
    )


def same_value(saved, typed) -> bool:
    """Equal, text that differs only in its line endings too: a browser sends every line
    break of a text area as CRLF, whatever the stored text has."""
    if isinstance(saved, str) and isinstance(typed, str):
        return saved.replace("\r\n", "\n") == typed.replace("\r\n", "\n")
    return saved == typed


def locked_at_version(row, version: str | None):
    """The saved row, read again and locked until the transaction ends, checked against the
    version the form was opened at. Call inside the service's transaction."""
    current = type(row).objects.select_for_update().get(pk=row.pk)
    check_version(current, version)
    return current
