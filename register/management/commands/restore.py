"""`manage.py restore PATH [--force] [--check]`: rebuild an empty installation from a
backup archive (register/backup.py)."""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from register.backup import BackupError, check_archive, described, restore_backup


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a tar.gz written by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that has tables and a MEDIA_ROOT that has files",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="only check the archive's checksums; restore nothing",
        )

    def handle(self, *args, archive, force, check, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}")
        try:
            if check:
                with tempfile.TemporaryDirectory(prefix="register-check-") as folder:
                    manifest = check_archive(path, Path(folder))
                verb = "Checked"
            else:
                manifest = restore_backup(archive=path, force=force)
                verb = "Restored"
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{verb} the backup of {manifest['created']}: {described(manifest)}, every "
            "checksum matching."
        )
