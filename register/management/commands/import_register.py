"""`manage.py import_register FILE [--dry-run] [--mapping NAME] [--by USERNAME]`: bring a
council's register in from the command line, with the same check as the import pages.

Prints what each row does (new, update, unchanged, or an error with its column, value
and message) and exits non-zero when any row has an error, having written nothing. With
--dry-run it only checks; without, it checks and imports every row in one transaction,
recorded in history as imported by the register owner or administrator named with --by.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from register.imports.checking import ERROR, NEW, UNCHANGED, UPDATE, headings_of
from register.imports.columns import BY_KEY, propose
from register.imports.files import FileRefused, judge, read_table
from register.imports.services import ImportRefused, can_import, check_file, import_file
from register.models import ImportMapping

WORDS = {NEW: "new", UPDATE: "update", UNCHANGED: "unchanged", ERROR: "error"}


class Command(BaseCommand):
    help = "Check a council's register (XLSX, ODS or CSV) and import it, all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument("--mapping", help="the name of a mapping saved on the import page")
        parser.add_argument(
            "--by", help="username of the register owner or administrator importing"
        )

    def handle(self, *args, file, dry_run, mapping, by, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        user = self.importer(by, dry_run)
        saved = self.saved_mapping(mapping)
        with path.open("rb") as opened:
            try:
                _, headings = headings_of(read_table(opened, judge(opened)), tuple(saved))
                columns = propose(headings, saved)
                self.print_mapping(columns)
                if dry_run:
                    check, total = check_file(opened, mapping=columns, saved_headings=tuple(saved))
                else:
                    # Checked and written in one transaction: nothing can change in between.
                    check = import_file(
                        opened,
                        file_name=path.name,
                        mapping=columns,
                        user=user,
                        saved_headings=tuple(saved),
                    )
                    total = len(check.rows)
            except FileRefused as refused:
                raise CommandError(str(refused)) from None
            except ImportRefused as refused:
                check, total = refused.check, len(refused.check.rows)
        self.print_check(check, total)
        if check.problems:
            raise CommandError(f"{len(check.problems)} error(s): nothing was imported")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        counts = check.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {counts[NEW]} new, {counts[UPDATE]} updated, "
                f"{counts[UNCHANGED]} unchanged."
            )
        )

    def importer(self, username, dry_run):
        if username is None:
            if dry_run:
                return None
            raise CommandError(
                "Say who is importing: --by USERNAME (the register owner or an administrator)"
            )
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None or not can_import(user):
            raise CommandError(f"{username} is not a register owner or administrator of the portal")
        return user

    def saved_mapping(self, name) -> dict:
        if name is None:
            return {}
        mapping = ImportMapping.objects.filter(name=name).first()
        if mapping is None:
            raise CommandError(f"No saved mapping is called {name!r}")
        return mapping.columns

    def print_mapping(self, columns):
        for heading, key in columns.items():
            filled = BY_KEY[key].heading if key else "not imported"
            self.stdout.write(f"Column {heading!r}: {filled}")

    def print_check(self, check, total):
        self.stdout.write(f"{total} row(s) checked.")
        for row in check.rows:
            line = f"Row {row.row}: " + " ".join(
                filter(None, (WORDS[row.action], row.reference, row.name))
            )
            if row.category:
                line += f" ({row.category})"
            self.stdout.write(line)
            for what, old, new in row.changes:
                self.stdout.write(f"    {what}: {old or '(blank)'} -> {new or '(blank)'}")
        for problem in check.problems:
            where = f"Row {problem.row}" if problem.row else "The file"
            column = f", column {problem.column!r}" if problem.column else ""
            value = f", value {problem.value!r}" if problem.value else ""
            self.stderr.write(f"{where}{column}{value}: {problem.message}")
