"""The import pages (issue 13): upload, match the columns, the dry run's preview and
progress, confirm; only the register's keepers; CSRF, escaping, constant queries."""

import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from register.imports.files import NOT_A_SPREADSHEET
from register.models import Arrangement, ImportRun, ImportStatus
from register.roles import Role
from tests.factories import UserFactory
from tests.import_helpers import csv_file, xlsx_file

pytestmark = pytest.mark.django_db

COUNCIL_REGISTER = [
    ["Gravesham Borough Council: Corporate Register of Partnerships"],
    ["Name of Partnership", "Statutory Status", "Date created", "Partners"],
    [
        "Gravesham Community Safety Partnership",
        "Statutory (Crime and Disorder Act 1998)",
        "2012",
        "Kent Police (Police, fire and rescue)",
    ],
    ["<script>alert('x')</script> Forum", "Perhaps", "1 April 2021", ""],
]


@pytest.fixture
def keeper(client_for):
    return client_for(Role.REGISTER_OWNER, first_name="Karen", last_name="Fletcher")


def upload(client, file, **data):
    return client.post(reverse("register:import"), {"file": file, **data})


def check_columns(client, run, **extra):
    data = {f"column_{n}": key for n, key in enumerate(run.mapping[h] for h in run.headings)}
    return client.post(reverse("register:import-columns", args=[run.pk]), {**data, **extra})


@pytest.mark.parametrize("role", [Role.LEAD_OFFICER, Role.INTERNAL_AUDIT, Role.DIRECTOR])
def test_only_the_register_s_keepers_may_upload(client_for, role):
    response = upload(client_for(role), csv_file([["Name"], ["Youth Forum"]]))
    assert response.status_code == 403
    assert not ImportRun.objects.exists()


def test_the_register_list_links_its_keepers_to_the_import(keeper, client_for):
    assert reverse("register:import") in keeper.get(reverse("register:list")).content.decode()
    officer = client_for(UserFactory(roles=[Role.LEAD_OFFICER]))
    assert reverse("register:import") not in officer.get(reverse("register:list")).content.decode()


def test_a_council_s_register_is_uploaded_checked_corrected_and_imported(keeper):
    response = upload(keeper, xlsx_file(COUNCIL_REGISTER))
    run = ImportRun.objects.get()
    assert response.url == reverse("register:import-columns", args=[run.pk])
    page = keeper.get(response.url).content.decode()
    assert "Name of Partnership" in page and "Match the columns" in page

    response = check_columns(keeper, run)
    assert response.url == run.get_absolute_url()
    page = keeper.get(run.get_absolute_url()).content.decode()
    assert "1 error to correct" in page
    assert "Enter Yes or No (or Statutory or Non-statutory)" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Forum" in page
    assert "<script>alert" not in page
    assert "Import 1 arrangement" not in page
    assert "1 error to correct" in keeper.get(reverse("register:import")).content.decode()
    assert not Arrangement.objects.exists()

    fixed = [row[:] for row in COUNCIL_REGISTER]
    fixed[3][1] = "No"
    upload(keeper, xlsx_file(fixed))
    run = ImportRun.objects.first()
    check_columns(keeper, run)
    page = keeper.get(run.get_absolute_url()).content.decode()
    assert "Import 2 arrangements" in page and "Nothing has been saved yet." in page
    response = keeper.post(reverse("register:import-confirm", args=[run.pk]))
    assert response.url == run.get_absolute_url()
    run.refresh_from_db()
    assert run.status == ImportStatus.IMPORTED
    safety = Arrangement.objects.get(name="Gravesham Community Safety Partnership")
    assert (safety.start_year, safety.statutory_basis) == (2012, "Crime and Disorder Act 1998")
    assert "2 new, 0 updated" in keeper.get(run.get_absolute_url()).content.decode()
    detail = keeper.get(safety.get_absolute_url()).content.decode()
    assert "2012" in detail and "Crime and Disorder Act 1998" in detail
    history = keeper.get(reverse("register:history", args=[safety.reference])).content.decode()
    assert "Imported from register.xlsx by Karen Fletcher" in history


def test_the_import_button_pressed_twice_imports_once(keeper):
    fixed = [row[:] for row in COUNCIL_REGISTER]
    fixed[3][1] = "No"
    upload(keeper, xlsx_file(fixed))
    run = ImportRun.objects.get()
    check_columns(keeper, run)
    confirm = reverse("register:import-confirm", args=[run.pk])
    keeper.post(confirm)
    again = keeper.post(confirm, follow=True)
    assert "Only a checked file without errors can be imported" in again.content.decode()
    assert Arrangement.objects.count() == 2


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_page(keeper):
    pdf = io.BytesIO(b"%PDF-1.4\n\x00\x01binary")
    pdf.name = "register.xlsx"
    response = upload(keeper, pdf)
    assert response.status_code == 400
    assert NOT_A_SPREADSHEET in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_file_too_large_is_refused_before_it_is_read(keeper, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    response = upload(keeper, csv_file([["Name"]] + [["Youth Forum"]] * 20))
    assert "The file must be smaller than 100" in response.content.decode()


def test_two_columns_filling_one_field_are_refused_on_the_page(keeper):
    upload(keeper, csv_file([["Name", "Title"], ["Youth Forum", "Youth"]]))
    run = ImportRun.objects.get()
    response = keeper.post(
        reverse("register:import-columns", args=[run.pk]), {"column_0": "name", "column_1": "name"}
    )
    assert response.status_code == 400
    assert (
        "Columns Name and Title fill the same field: choose one of them"
        in response.content.decode()
    )


def test_saving_a_mapping_needs_its_name(keeper):
    upload(keeper, csv_file([["Name"], ["Youth Forum"]]))
    run = ImportRun.objects.get()
    response = check_columns(keeper, run, save="on", name="")
    assert "Enter a name for the mapping, or untick saving it" in response.content.decode()


def test_a_check_in_progress_shows_its_progress_and_refreshes_itself(keeper):
    owner = keeper.user
    run = ImportRun.objects.create(
        file_name="big.xlsx",
        uploaded_by=owner,
        status=ImportStatus.CHECKING,
        rows_total=5000,
        rows_checked=1200,
    )
    page = keeper.get(run.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert '<progress id="progress" class="app-progress" max="5000" value="1200">' in page
    assert "1,200 of 5,000 rows checked" in page
    run.status = ImportStatus.CHECKED
    run.save()
    assert "http-equiv" not in keeper.get(run.get_absolute_url()).content.decode()


def test_the_import_buttons_need_the_page_s_csrf_token(keeper):
    upload(keeper, csv_file([["Name"], ["Youth Forum"]]))
    run = ImportRun.objects.get()
    check_columns(keeper, run)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(keeper.user)
    assert strict.post(reverse("register:import-confirm", args=[run.pk])).status_code == 403
    assert not Arrangement.objects.exists()


def test_the_list_of_files_takes_the_same_queries_for_2_or_20(keeper, django_assert_num_queries):
    def make(count):
        ImportRun.objects.all().delete()
        for n in range(count):
            uploader = UserFactory(roles=[Role.ADMINISTRATOR])
            ImportRun.objects.create(file_name=f"{n}.csv", uploaded_by=uploader)

    make(2)
    keeper.get(reverse("register:import"))  # the session and roles, read once
    with CaptureQueriesContext(connection) as two:
        assert "1.csv" in keeper.get(reverse("register:import")).content.decode()
    make(20)
    with django_assert_num_queries(len(two.captured_queries)):
        assert "19.csv" in keeper.get(reverse("register:import")).content.decode()
