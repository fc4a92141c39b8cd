"""Work the task worker (`manage.py db_worker`) does for the register, away from the page:
checking and importing a council's spreadsheet, which can take a while for 5,000 rows."""

from django.tasks import task


@task
def check_import(run_id: int) -> None:
    from register.imports.services import run_check

    run_check(run_id)


@task
def import_run(run_id: int, user_id: int) -> None:
    from register.imports.services import run_import

    run_import(run_id, user_id)
