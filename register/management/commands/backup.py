"""`manage.py backup [--output PATH]`: the database, the uploaded files and a manifest of
checksums in one archive (register/backup.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from register.backup import BackupError, create_backup, default_output, described


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="where to write the archive (default: BACKUP_DIR/partnership-register-"
            "YYYYMMDD-HHMMSS.tar.gz); an existing file is never overwritten",
        )

    def handle(self, *args, output, **options):
        path = output or default_output()
        try:
            manifest = create_backup(output=path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backed up {described(manifest)} to {path} "
            f"({filesizeformat(manifest['database']['size'])} of database)."
        )
