"""Bringing a council's register in, in Chromium (issue 13, "Done when"): the register owner
uploads a council-looking spreadsheet, sees its errors row by row, corrects the column
mapping and then the file, and imports it; nothing is written until then."""

import pytest
from playwright.sync_api import expect

from register.choices import Sector, Status
from register.models import Arrangement
from register.roles import Role
from tests.factories import PartnerFactory, ServiceFactory, UserFactory
from tests.import_helpers import xlsx_file

pytestmark = pytest.mark.browser

TITLE = "Gravesham Borough Council – Corporate Register of Partnerships (2021)"
HEADINGS = [
    "Name of Partnership",
    "Officer in charge",
    "Statutory Status",
    "Date created",
    "Aims and objectives of partnership",
    "Partners",
    "Council resources",
]


def register_file(path, statutory):
    rows = [
        [TITLE],
        HEADINGS,
        ["Significant partnerships"],
        [
            "Gravesham Community Safety Partnership",
            "Priya Sharma",
            "Statutory (Crime and Disorder Act 1998)",
            "2012",
            "To reduce crime and disorder.\nTo reduce re-offending.",
            "Kent Police (Police, fire and rescue); Gravesham CVS",
            "£62,000",
        ],
        [
            "Kent Resilience Forum",
            "priya.sharma@gravesham.example",
            statutory,
            "01/04/2021",
            "Emergency planning across Kent",
            "Kent County Council (Local government)",
            "£1,500",
        ],
    ]
    file = xlsx_file(rows, merged=["A1:G1", "A3:G3"])
    path.write_bytes(file.getvalue())
    return str(path)


def test_the_register_owner_imports_a_council_s_spreadsheet_after_correcting_it(
    page, sign_in, assert_accessible, tmp_path
):
    owner = UserFactory(roles=[Role.REGISTER_OWNER], first_name="Karen", last_name="Fletcher")
    UserFactory(
        roles=[Role.LEAD_OFFICER],
        first_name="Priya",
        last_name="Sharma",
        email="priya.sharma@gravesham.example",
    )
    ServiceFactory(name="Community Safety")
    PartnerFactory(name="Gravesham CVS", sector=Sector.VOLUNTARY)
    known = Arrangement.objects.count()
    sign_in(owner)

    page.goto("/arrangements/")
    page.get_by_role("link", name="Bring your register in from a spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bring your register in")
    assert_accessible(page)
    page.get_by_label("Upload the spreadsheet").set_input_files(
        register_file(tmp_path / "partnerships.xlsx", "Possibly")
    )
    page.get_by_role("button", name="Upload and match the columns").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Match the columns")
    assert_accessible(page)
    # Its own heading for the officer is not one the portal knows: the owner says which.
    expect(page.get_by_label("Officer in charge")).to_have_value("")
    page.get_by_label("Officer in charge").select_option(label="Responsible officer")
    page.get_by_label("Save this mapping to use again").check()
    page.get_by_label("Name of the mapping").fill("Corporate register")
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("The file has errors")
    errors = page.get_by_role("table").first
    expect(errors).to_contain_text("Possibly")
    expect(errors).to_contain_text("Enter Yes or No (or Statutory or Non-statutory)")
    expect(errors.locator("tbody tr").first.locator("td").first).to_have_text("5")
    expect(page.get_by_role("button", name="Import")).to_have_count(0)
    assert_accessible(page)
    assert Arrangement.objects.count() == known

    page.get_by_role("link", name="Back to bringing your register in").click()
    page.get_by_label("Upload the spreadsheet").set_input_files(
        register_file(tmp_path / "partnerships-corrected.xlsx", "Non-statutory")
    )
    page.get_by_label("Match its columns as a saved mapping does").select_option(
        label="Corporate register"
    )
    page.get_by_role("button", name="Upload and match the columns").click()
    expect(page.get_by_label("Officer in charge")).to_have_value("lead_officer")
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check what the import would do")
    expect(page.locator("main")).to_contain_text("Nothing has been saved yet.")
    expect(page.locator("main")).to_contain_text("Significant")
    page.get_by_role("button", name="Import 2 arrangements").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Imported")
    assert_accessible(page)
    safety = Arrangement.objects.get(name="Gravesham Community Safety Partnership")
    assert (safety.start_year, safety.statutory_basis, safety.status) == (
        2012,
        "Crime and Disorder Act 1998",
        Status.DRAFT,
    )
    assert safety.purpose == "To reduce crime and disorder.\nTo reduce re-offending."
    assert sorted(p.name for p in safety.partners.all()) == ["Gravesham CVS", "Kent Police"]
    page.goto(safety.get_absolute_url() + "history/")
    expect(page.locator("main")).to_contain_text(
        "Imported from partnerships-corrected.xlsx by Karen Fletcher"
    )
