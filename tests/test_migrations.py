"""Data migrations: rows saved before a migration come out of it right."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from approvals.council_forms.services import return_forms, save_answers
from approvals.models import FormResponse
from tests.factories import FormResponseFactory

BEFORE_VERSIONS = ("approvals", "0002_council_forms_and_round_category")
VERSIONS = ("approvals", "0003_form_response_version")


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


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
    return_forms(arrangement)
    returned.refresh_from_db()
    save_answers(response=returned, answers={"aims": "Changed"}, user=None, submit=False)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("approvals")[0]
    try:
        migrate_to(BEFORE_VERSIONS)
        migrate_to(VERSIONS)
    finally:
        migrate_to(latest)

    versions = dict(FormResponse.objects.values_list("pk", "version"))
    assert versions == {saved_three_times.pk: 3, saved_once.pk: 1, returned.pk: 3}
