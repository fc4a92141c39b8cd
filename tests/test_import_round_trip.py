"""The staff export of the register imports back with no changes (issue 13, point 6), so a
council can edit the register in Excel and bring it back."""

import io

import pytest
from django.urls import reverse

from register.imports.checking import UNCHANGED, headings_of
from register.imports.columns import propose
from register.imports.files import judge, read_table
from register.imports.services import check_file
from register.models import Arrangement
from register.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeper(demo_seed, django_user_model):
    return django_user_model.objects.get(username=Role.REGISTER_OWNER.value)


def exported(client, keeper, kind) -> io.BytesIO:
    client.force_login(keeper)
    response = client.get(reverse(f"register:export-{kind}"))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return io.BytesIO(body)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_staff_export_imports_back_with_no_changes(client, keeper, kind):
    file = exported(client, keeper, kind)
    _, headings = headings_of(read_table(file, judge(file)))
    mapping = propose(headings)
    assert {heading for heading, key in mapping.items() if not key} == {"Category"}
    check, total = check_file(file, mapping=mapping)
    assert check.problems == []
    assert total == Arrangement.objects.count()
    assert [row.changes for row in check.rows if row.action != UNCHANGED] == []
