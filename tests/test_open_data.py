"""The published register's open data (issue 12, point 4): every file of an edition at its
stable address, validated with the W3C CSVW and Frictionless validators themselves, one
field list behind all of them, and the Open Government Licence on every download."""

import csv
import io
import json
from decimal import Decimal

import frictionless
import openpyxl
import pytest
from csvw import CSVW
from django.urls import reverse
from frictionless import formats, resources

from register import open_data
from register.choices import Sector
from tests.factories import ObjectiveFactory, PartnerFactory
from tests.publication_helpers import live, published

pytestmark = pytest.mark.django_db

FILES = {
    "csv": "register.csv",
    "json": "register.json",
    "xlsx": "register.xlsx",
    "csvw": "register.csv-metadata.json",
    "datapackage": "datapackage.json",
}


@pytest.fixture
def edition(register_owner):
    awkward = live(
        name='Kent "Safer" Partnership, Gravesham & Medway',
        purpose='=HYPERLINK("http://evil.example","Click")\nSecond line; with a comma, too',
        cash_per_year=Decimal("12345.67"),
    )
    PartnerFactory(arrangement=awkward, name="Kent Police", sector=Sector.POLICE_FIRE)
    ObjectiveFactory(arrangement=awkward, description="Fewer burglaries")
    live(name="Gravesham Food Network", is_statutory=None, start_date=None)
    return published(register_owner, 2026)


def download(client, edition, name, slug=None):
    response = client.get(reverse(f"published:{name}", args=[slug or edition.slug]))
    assert response.status_code == 200, (name, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.fixture
def files(client, edition, tmp_path):
    """Every file of the edition downloaded anonymously into one folder, as a reuser would."""
    for name, filename in FILES.items():
        (tmp_path / filename).write_bytes(download(client, edition, name)[1])
    return tmp_path


def test_the_csv_and_its_csvw_metadata_pass_the_w3c_csvw_validator(files):
    checked = CSVW(str(files / "register.csv-metadata.json"), validate=True)
    assert checked.is_valid, [str(warning.message) for warning in checked.warnings]


def test_the_data_package_and_its_csv_pass_the_frictionless_validator(files):
    report = frictionless.validate(str(files / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == 2


def schema_of(files):
    package = json.loads((files / "datapackage.json").read_text())
    return frictionless.Schema.from_descriptor(package["resources"][0]["schema"])


@pytest.mark.parametrize(
    ("filename", "control"),
    [
        ("register.xlsx", formats.ExcelControl(sheet="Register")),
        ("register.json", formats.JsonControl(property="entries", keyed=True)),
    ],
    ids=["xlsx", "json"],
)
def test_the_xlsx_and_json_hold_the_same_table_schema_by_frictionless(files, filename, control):
    resource = resources.TableResource(
        path=filename, basepath=str(files), schema=schema_of(files), control=control
    )
    report = frictionless.validate(resource)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == 2  # read as a table, every row checked


def test_one_field_list_makes_the_csv_header_the_metadata_and_the_schema(files, edition):
    header = next(csv.reader(io.StringIO((files / "register.csv").read_text())))
    metadata = json.loads((files / "register.csv-metadata.json").read_text())
    package = json.loads((files / "datapackage.json").read_text())
    document = json.loads((files / "register.json").read_text())
    workbook = openpyxl.load_workbook(files / "register.xlsx", read_only=True)
    expected = [field.name for field in open_data.FIELDS]
    assert header == expected
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == expected
    assert [f["name"] for f in package["resources"][0]["schema"]["fields"]] == expected
    assert [f["name"] for f in document["fields"]] == expected
    assert list(document["entries"][0]) == expected
    assert [cell.value for cell in next(workbook["Register"].iter_rows())] == expected
    assert metadata["tableSchema"]["primaryKey"] == "reference"
    assert package["resources"][0]["schema"]["primaryKey"] == ["reference"]


def test_the_csv_is_utf8_with_one_header_row_iso_dates_and_plain_money(files, edition):
    rows = list(csv.DictReader(io.StringIO((files / "register.csv").read_bytes().decode("utf-8"))))
    assert len(rows) == len(edition.entries) == 2
    kent = next(row for row in rows if row["name"].startswith("Kent"))
    assert kent["name"] == 'Kent "Safer" Partnership, Gravesham & Medway'
    assert kent["date_created"] == "2026-04-01"
    assert kent["council_resources_per_year"] == "17345.67"
    assert kent["statutory"] == "true"
    food = next(row for row in rows if row["name"] == "Gravesham Food Network")
    assert (food["statutory"], food["date_created"]) == ("", "")


def test_csvw_metadata_names_title_publisher_modified_date_licence_and_every_column(files, edition):
    metadata = json.loads((files / "register.csv-metadata.json").read_text())
    assert metadata["url"] == "register.csv"
    assert metadata["dc:title"] == (
        "Corporate Register of Partnerships and Shared Working Arrangements: 2026 edition"
    )
    assert metadata["dc:publisher"]["schema:name"] == "Gravesham Borough Council"
    assert metadata["dc:publisher"]["schema:identifier"] == "GB-LAE-GRA"
    assert metadata["dc:modified"]["@value"] == edition.published_at.isoformat()
    assert metadata["dc:license"] == {"@id": open_data.OGL_URL}
    columns = {c["name"]: c for c in metadata["tableSchema"]["columns"]}
    assert columns["date_created"]["datatype"] == "date"
    assert columns["council_resources_per_year"]["datatype"] == "decimal"
    assert columns["statutory"]["datatype"] == "boolean"
    assert all(column["titles"] and column["dc:description"] for column in columns.values())


def test_the_csv_is_served_with_a_link_to_its_csvw_metadata(client, edition):
    response, _ = download(client, edition, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert '<register.csv-metadata.json>; rel="describedby"' in response["Link"]


@pytest.mark.parametrize("name", list(FILES))
def test_every_download_carries_the_open_government_licence(client, edition, name, tmp_path):
    response, body = download(client, edition, name)
    assert f'<{open_data.OGL_URL}>; rel="license"' in response["Link"]
    if name == "xlsx":
        (tmp_path / "register.xlsx").write_bytes(body)
        about = openpyxl.load_workbook(tmp_path / "register.xlsx")["About"]
        assert open_data.OGL_NOTICE in [row[0].value for row in about.iter_rows()]
    elif name != "csv":  # a CSV has one header row; its licence is in its metadata
        assert open_data.OGL_URL in body.decode()


@pytest.mark.parametrize("name", list(FILES))
def test_the_latest_edition_is_also_at_published_latest(client, edition, register_owner, name):
    correction = published(register_owner, 2026, correction_note="A partner's sector")
    _, latest = download(client, edition, name, slug="latest")
    _, at_its_address = download(client, correction, name)
    if name != "xlsx":  # a workbook records when it was written
        assert latest == at_its_address


def test_a_spreadsheet_formula_in_an_answer_is_neutralised_in_csv_and_xlsx(files):
    rows = list(csv.DictReader(io.StringIO((files / "register.csv").read_text())))
    kent = next(row for row in rows if row["name"].startswith("Kent"))
    assert kent["aims_and_objectives"].startswith("'=HYPERLINK(")
    sheet = openpyxl.load_workbook(files / "register.xlsx")["Register"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    hyperlink = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert hyperlink.data_type == "s" and hyperlink.value.startswith("'=")


def test_the_json_keeps_the_answer_as_typed_with_money_as_a_number(files):
    document = json.loads((files / "register.json").read_text())
    kent = next(e for e in document["entries"] if e["name"].startswith("Kent"))
    assert kent["aims_and_objectives"].startswith('=HYPERLINK("http://evil.example"')
    assert kent["council_resources_per_year"] == 17345.67
    assert document["licence"]["notice"] == open_data.OGL_NOTICE


def test_data_json_lists_every_published_edition_as_a_dcat_dataset(client, edition):
    catalogue = client.get(reverse("published:catalogue")).json()
    (dataset,) = catalogue["dataset"]
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["identifier"] == "http://testserver/published/2026/"
    assert dataset["license"] == open_data.OGL_URL
    assert dataset["issued"] == edition.published_at.isoformat()
    assert {d["downloadURL"] for d in dataset["distribution"]} == {
        f"http://testserver/published/2026/{filename}" for filename in FILES.values()
    }


def test_a_drafts_files_are_not_published(client, register_owner):
    from register.publication import prepare_edition

    live()
    prepare_edition(year=2026, user=register_owner)
    assert client.get(reverse("published:csv", args=["2026"])).status_code == 404
    assert client.get(reverse("published:catalogue")).json()["dataset"] == []
