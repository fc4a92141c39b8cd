"""Data migrations: rows saved before a migration come out of it right."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from register.council_forms.services import return_forms, save_answers
from register.models import FormResponse, FormStatus
from register.occasions import APPROVAL, review
from tests.factories import ArrangementFactory, FormResponseFactory, UserFactory

BEFORE_VERSIONS = ("approvals", "0002_council_forms_and_round_category")
VERSIONS = ("approvals", "0003_form_response_version")
BEFORE_MOVE = VERSIONS
MOVE = ("approvals", "0004_form_responses_move_to_register")


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes("approvals")[0]


@pytest.mark.django_db(transaction=True)
def test_forms_saved_before_versions_are_numbered_by_their_saves():
    saved_three_times = FormResponseFactory()
    for aims in ("Two", "Three"):
        save_answers(response=saved_three_times, answers={"aims": aims}, user=None, submit=False)
    arrangement = saved_three_times.arrangement
    saved_once = FormResponseFactory(arrangement=arrangement, form_key="other")
    # Submitted, returned for changes (not a save), then saved again: three saves.
    returned = FormResponseFactory(arrangement=arrangement, form_key="returned")
    save_answers(response=returned, answers={"aims": "Submitted"}, user=None, submit=True)
    return_forms(arrangement=arrangement, occasion=APPROVAL)
    returned.refresh_from_db()
    save_answers(response=returned, answers={"aims": "Changed"}, user=None, submit=False)
    try:
        migrate_to(BEFORE_VERSIONS)
        migrate_to(VERSIONS)
    finally:
        migrate_to(latest())

    versions = dict(FormResponse.objects.values_list("pk", "version"))
    assert versions == {saved_three_times.pk: 3, saved_once.pk: 1, returned.pk: 3}


def _columns(rows, *names):
    return sorted(tuple(getattr(row, name) for name in names) for row in rows)


# Sequences start afresh, so the ids copied over would collide with the next new row on
# PostgreSQL unless the migration moves the sequences past them.
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_responses_move_to_the_forms_engine_on_the_approval_occasion_with_their_history():
    arrangement = ArrangementFactory()
    officer = UserFactory()
    try:
        old = migrate_to(BEFORE_MOVE)
        OldResponse = old.get_model("approvals", "FormResponse")
        OldHistory = old.get_model("approvals", "HistoricalFormResponse")
        submitted_at = timezone.now() - datetime.timedelta(days=3)
        rows = [
            OldResponse.objects.create(
                arrangement_id=arrangement.pk,
                form_key="gravesham_evaluation",
                answers={"aims": "Safer streets", "cost": "1200.50"},
                status=FormStatus.SUBMITTED,
                version=2,
                submitted_at=submitted_at,
                submitted_by_id=officer.pk,
            ),
            OldResponse.objects.create(
                arrangement_id=arrangement.pk,
                form_key="gravesham_business_case",
                answers={"summary": "Draft <b>text</b>"},
                status=FormStatus.RETURNED,
                version=1,
            ),
        ]
        for row in rows:
            for history_type, answers in (("+", {}), ("~", row.answers)):
                OldHistory.objects.create(
                    id=row.pk,
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                    form_key=row.form_key,
                    answers=answers,
                    status=row.status,
                    version=row.version,
                    submitted_at=row.submitted_at,
                    arrangement_id=arrangement.pk,
                    submitted_by_id=row.submitted_by_id,
                    history_date=row.updated_at,
                    history_type=history_type,
                    history_user_id=officer.pk,
                )
        fields = (
            "pk",
            "form_key",
            "answers",
            "status",
            "version",
            "submitted_at",
            "submitted_by_id",
            "created_at",
            "updated_at",
        )
        before = _columns(OldResponse.objects.all(), *fields)
        history_fields = ("history_id", "id", "history_type", "answers", "history_user_id")
        history_before = _columns(OldHistory.objects.all(), *history_fields)
        migrate_to(MOVE)
    finally:
        migrate_to(latest())

    moved = FormResponse.objects.all()
    assert _columns(moved, *fields) == before
    assert {response.occasion for response in moved} == {APPROVAL.key}
    assert _columns(FormResponse.history.all(), *history_fields) == history_before
    # A new response after the move takes a fresh id (PostgreSQL's sequence moved on).
    again = FormResponseFactory(
        arrangement=arrangement, form_key="gravesham_evaluation", occasion=review(2027).key
    )
    assert again.pk not in {row.pk for row in rows}
    assert FormResponse.objects.count() == 3
