"""Writes of an import. The check writes nothing to the register; the import checks every
row again (the register may have changed since the preview) and writes them all in one
transaction, or none of them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from register.choices import Status
from register.formatting import person
from register.imports.checking import NEW, UPDATE, Check, check_table, data_rows, headings_of
from register.imports.columns import BY_KEY, propose
from register.imports.files import FileRefused, judge, read_table
from register.models import (
    Arrangement,
    ImportMapping,
    ImportRun,
    ImportStatus,
    Objective,
    Partner,
    next_references,
)
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, has_role
from register.security_log import security_event
from register.services import reclassify
from register.timeline import changes_by_the_portal


def can_import(user) -> bool:
    """Bringing a register in is for those who keep it."""
    return has_role(user, *REGISTER_MANAGERS)


def _check_importer(user):
    if not can_import(user):
        raise PermissionDenied("Only the register owner or an administrator may import")


class ImportRefused(Exception):
    """The import found problems when it checked the rows again: nothing was written."""

    def __init__(self, check: Check):
        super().__init__(f"{len(check.problems)} problem(s)")
        self.check = check


def check_file(file, *, mapping, on_progress=None, saved_headings=()) -> tuple[Check, int]:
    """(the check of every row, how many rows there are), writing nothing."""
    table = read_table(file, judge(file))
    return check_table(table, mapping, get_policy(), on_progress, saved_headings)


def import_reason(file_name: str, user) -> str:
    return f"Imported from {file_name} by {person(user)}"


@transaction.atomic
def import_file(file, *, file_name: str, mapping, user, saved_headings=()) -> Check:
    """Check every row again and write them all, or raise ImportRefused having written
    nothing. Each arrangement's history says which file it came from and who imported it."""
    _check_importer(user)
    check, _total = check_file(file, mapping=mapping, saved_headings=saved_headings)
    if check.problems:
        raise ImportRefused(check)
    reason = import_reason(file_name, user)
    new = [row for row in check.rows if row.action == NEW]
    updated = [row for row in check.rows if row.action == UPDATE]
    for row in updated:
        # Validated by the arrangement form (its model's full_clean) in the check above.
        row.arrangement._change_reason, row.arrangement._history_user = reason, user
        row.arrangement.save()
    _create_new(new, user=user, reason=reason)
    written = [*new, *updated]
    for row in written:
        for part in (*row.partners, *row.objectives):
            part.arrangement = row.arrangement
    for model, parts in ((Partner, "partners"), (Objective, "objectives")):
        rows = [part for row in written for part in getattr(row, parts)]
        bulk_create_with_history(
            rows, model, batch_size=BATCH, default_user=user, default_change_reason=reason
        )
    for row in written:
        if row.partners or row.objectives:
            with changes_by_the_portal("import", user=user):
                reclassify(row.arrangement)  # e.g. a private sector partner (CB 1.5)
        row.reference = row.arrangement.reference
    transaction.on_commit(
        lambda: security_event(
            "import.completed",
            user=user,
            record=file_name,
            new=len(new),
            updated=len(updated),
        )
    )
    return check


BATCH = 500  # rows a query when the new rows are written


def _create_new(rows, *, user, reason):
    """The new arrangements in a few queries, each numbered and classified as its own save()
    would, with its first history record. (The transaction holds the write lock on SQLite;
    on PostgreSQL a reference taken meanwhile fails the whole import, which can be run again.)"""
    now = timezone.now()
    arrangements = [row.arrangement for row in rows]
    for arrangement, reference in zip(arrangements, next_references(len(rows)), strict=True):
        arrangement.reference = reference
        arrangement.created_by = user
        if arrangement.status != Status.DRAFT:
            # Approved (or ended) before the portal: no approval round or decision is
            # invented; the status says where it came from.
            arrangement.status_reason = (
                f"{arrangement.get_status_display()} before the portal. {reason}"
            )
            arrangement.status_changed_at = now
        arrangement.classify()
    bulk_create_with_history(
        arrangements,
        Arrangement,
        batch_size=BATCH,
        default_user=user,
        default_change_reason=reason,
        default_date=now,
    )


# --- The runs of the import pages ---------------------------------------------------------


def saved_headings(mapping: ImportMapping | None):
    return tuple(mapping.columns) if mapping else ()


@transaction.atomic
def upload(*, file, user, mapping: ImportMapping | None = None) -> ImportRun:
    """Keep the uploaded file and propose which field each of its headings fills (a saved
    mapping's choices first). FileRefused when it is no spreadsheet, or too large."""
    _check_importer(user)
    kind = judge(file)
    table = read_table(file, kind)
    index, headings = headings_of(table, saved_headings(mapping))
    total = len(data_rows(table, index, headings))
    run = ImportRun(
        file_name=(file.name or "register")[:255],
        uploaded_by=user,
        headings=headings,
        mapping=propose(headings, mapping.columns if mapping else None),
        rows_total=total,
    )
    file.seek(0)
    run.file.save(f"register.{kind}", file, save=False)
    run.save()
    return run


@transaction.atomic
def choose_columns(*, run: ImportRun, mapping: dict, user, save_as: str = "") -> ImportRun:
    """Keep the mapping (and under a name, to be offered next time) and check the file in
    the task queue. ValidationError when a field is filled twice or nothing names them."""
    _check_importer(user)
    if run.is_running:
        raise ValidationError("The file is being checked or imported: wait for it to finish")
    chosen = {heading: key for heading, key in mapping.items() if key in BY_KEY}
    twice = {key for key in chosen.values() if list(chosen.values()).count(key) > 1}
    if twice:
        headings = " and ".join(h for h, key in chosen.items() if key in twice)
        raise ValidationError(f"Columns {headings} fill the same field: choose one of them")
    if "name" not in chosen.values():
        raise ValidationError("Choose the column that holds the name of the arrangement")
    if save_as:
        ImportMapping.objects.update_or_create(
            name=save_as, defaults={"columns": mapping, "saved_by": user}
        )
    run.mapping = mapping
    _start(run, ImportStatus.CHECKING)
    from register.tasks import check_import

    check_import.enqueue(run.pk)
    return run


def _start(run, status):
    run.status = status
    run.rows_checked = 0
    run.save(update_fields=["mapping", "status", "rows_checked", "updated_at"])


def run_check(run_id: int) -> None:
    """The task's work: check the run's file and keep the preview and the problems."""
    run = ImportRun.objects.select_related("uploaded_by").get(pk=run_id)

    def progress(done):
        ImportRun.objects.filter(pk=run.pk).update(rows_checked=done)

    with run.file.open("rb") as file:
        try:
            check, total = check_file(
                file,
                mapping=run.mapping,
                on_progress=progress,
                saved_headings=run.headings,  # so the same row is found as the headings
            )
        except FileRefused as refused:
            _finish(run, ImportStatus.CHECKED, [], [[None, "", "", str(refused)]], run.rows_total)
            return
    _finish(run, ImportStatus.CHECKED, check.rows, [p.as_json() for p in check.problems], total)


def _finish(run, status, rows, problems, total):
    run.status = status
    run.preview = [row.as_json() for row in rows]
    run.errors = problems
    run.error_count = len(problems)
    run.rows_total = total
    run.rows_checked = total
    run.save()


def can_confirm(run: ImportRun) -> bool:
    """Checked, without errors, and with a row to add or update."""
    return (
        run.status == ImportStatus.CHECKED
        and not run.errors
        and any(row["action"] in (NEW, UPDATE) for row in run.preview)
    )


@transaction.atomic
def confirm(*, run: ImportRun, user) -> None:
    """Import a checked run without problems, in the task queue; locked, so the button
    pressed twice at once queues one import."""
    _check_importer(user)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ImportStatus.CHECKED or run.errors:
        raise ValidationError("Only a checked file without errors can be imported")
    if not can_confirm(run):
        raise ValidationError("Nothing to import: every row is already in the register as it is")
    run.status = ImportStatus.IMPORTING
    run.save(update_fields=["status", "updated_at"])
    from register.tasks import import_run

    import_run.enqueue(run.pk, user.pk)


def run_import(run_id: int, user_id: int) -> None:
    """The task's work: import the run's file, or keep the problems found if it cannot."""
    from django.contrib.auth import get_user_model

    run = ImportRun.objects.get(pk=run_id)
    user = get_user_model().objects.get(pk=user_id)
    with run.file.open("rb") as file:
        try:
            check = import_file(
                file,
                file_name=run.file_name,
                mapping=run.mapping,
                user=user,
                saved_headings=run.headings,
            )
        except (ImportRefused, FileRefused) as refused:
            found = getattr(refused, "check", None)
            problems = (
                [p.as_json() for p in found.problems] if found else [[None, "", "", str(refused)]]
            )
            _finish(
                run, ImportStatus.CHECKED, found.rows if found else [], problems, run.rows_total
            )
            return
    run.imported_at = timezone.now()
    _finish(run, ImportStatus.IMPORTED, check.rows, [], run.rows_total)


def runs_for_list():
    """Every run, newest first, with who uploaded it: one query however many there are."""
    return ImportRun.objects.select_related("uploaded_by").defer("preview", "errors")
