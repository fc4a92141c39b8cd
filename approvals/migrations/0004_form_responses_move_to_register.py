"""Council-form responses move to the register's forms engine, each on the approval
occasion (the only one there was), with their history rows and their ids unchanged."""

from django.core.management.color import no_style
from django.db import migrations

COLUMNS = (
    "id, created_at, updated_at, form_key, answers, status, version, submitted_at, "
    "arrangement_id, submitted_by_id"
)
HISTORY_COLUMNS = (
    f"{COLUMNS}, history_id, history_date, history_change_reason, history_type, "
    "history_user_id"
)
TABLES = (
    ("approvals_formresponse", "register_formresponse", COLUMNS),
    ("approvals_historicalformresponse", "register_historicalformresponse", HISTORY_COLUMNS),
)


def _reset_sequences(schema_editor, models):
    # Rows were inserted with their ids: PostgreSQL's sequences must move past them.
    connection = schema_editor.connection
    for sql in connection.ops.sequence_reset_sql(no_style(), models):
        schema_editor.execute(sql)


def move_to_register(apps, schema_editor):
    # Copied in SQL so that created_at and updated_at (auto_now) keep their values.
    for source, target, columns in TABLES:
        schema_editor.execute(
            f"INSERT INTO {target} ({columns}, occasion) "
            f"SELECT {columns}, 'approval' FROM {source}"
        )
    _reset_sequences(
        schema_editor,
        [apps.get_model("register", "FormResponse"), apps.get_model("register", "HistoricalFormResponse")],
    )


def move_back_to_approvals(apps, schema_editor):
    # Before this migration a template had one response per arrangement: the approval's.
    for source, target, columns in TABLES:
        schema_editor.execute(
            f"INSERT INTO {source} ({columns}) "
            f"SELECT {columns} FROM {target} WHERE occasion = 'approval'"
        )
    for _source, target, _columns in reversed(TABLES):
        schema_editor.execute(f"DELETE FROM {target}")
    _reset_sequences(
        schema_editor,
        [
            apps.get_model("approvals", "FormResponse"),
            apps.get_model("approvals", "HistoricalFormResponse"),
        ],
    )


class Migration(migrations.Migration):

    dependencies = [
        ("approvals", "0003_form_response_version"),
        ("register", "0004_form_responses_on_occasions"),
    ]

    operations = [
        migrations.RunPython(move_to_register, move_back_to_approvals),
        migrations.RemoveConstraint(
            model_name="formresponse",
            name="one_response_per_form",
        ),
        migrations.RemoveField(
            model_name="formresponse",
            name="arrangement",
        ),
        migrations.RemoveField(
            model_name="formresponse",
            name="submitted_by",
        ),
        migrations.DeleteModel(
            name="HistoricalFormResponse",
        ),
        migrations.DeleteModel(
            name="FormResponse",
        ),
    ]
