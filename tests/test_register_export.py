"""The staff's download of the register list, as filtered, in CSV and XLSX (issue 12,
point 6): what officers keep in their spreadsheet today, with formula injection
neutralised."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from register.choices import Status
from register.roles import Role
from tests.factories import ArrangementFactory

pytestmark = pytest.mark.django_db


def rows_of(response, kind):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture
def register(user_with_role):
    officer = user_with_role(Role.LEAD_OFFICER, first_name="Priya", last_name="Sharma")
    ArrangementFactory(name="Kent Resilience Forum", status=Status.ACTIVE, lead_officer=officer)
    ArrangementFactory(name="=cmd|' /C calc'!A0", status=Status.ACTIVE, lead_officer=officer)
    ArrangementFactory(name="Draft partnership", status=Status.DRAFT, lead_officer=officer)
    return officer


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_register_list_as_filtered_downloads_with_every_match(client_for, register, kind):
    client = client_for(Role.REGISTER_OWNER)
    response = client.get(reverse(f"register:export-{kind}"), {"status": "active", "sort": "name"})
    assert response.status_code == 200
    rows = rows_of(response, kind)
    assert rows[0][:5] == ["Reference", "Name", "Kind", "Type", "Status"]
    assert [row[1] for row in rows[1:]] == ["'=cmd|' /C calc'!A0", "Kent Resilience Forum"]
    kent = rows[2]
    assert kent[7] == "Priya Sharma"
    assert kent[11] in ("15000.00", Decimal("15000.00"), 15000)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_formula_typed_into_an_answer_is_text_in_the_download(client_for, register, kind):
    response = client_for(Role.REGISTER_OWNER).get(reverse(f"register:export-{kind}"))
    names = [row[1] for row in rows_of(response, kind)]
    assert "'=cmd|' /C calc'!A0" in names
    assert "=cmd|' /C calc'!A0" not in names


def test_an_officer_downloads_only_what_they_may_see(client_for, register, user_with_role):
    other = client_for(user_with_role(Role.LEAD_OFFICER))
    names = [row[1] for row in rows_of(other.get(reverse("register:export-csv")), "csv")]
    assert "Draft partnership" not in names and "Kent Resilience Forum" in names


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("register:export-csv"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.mark.parametrize("size", [2, 30])
def test_the_download_runs_in_a_constant_number_of_queries(
    client_for, django_assert_num_queries, size
):
    client = client_for(Role.REGISTER_OWNER)
    ArrangementFactory.create_batch(size, status=Status.ACTIVE)
    # The session and user, the user's roles, the lead officers for the filter, the rows.
    with django_assert_num_queries(4):
        rows_of(client.get(reverse("register:export-csv")), "csv")


def test_the_register_list_links_the_download_with_its_filters(client_for, register):
    response = client_for(Role.REGISTER_OWNER).get(reverse("register:list"), {"status": "active"})
    assert 'href="/arrangements/register.csv?status=active"' in response.content.decode()
