"""The published register end to end in Chromium (issue 12, "Done when"): the register owner
prepares the year's edition, previews it and publishes it; a visitor who has not signed in
reads it, searches it, opens an entry and downloads every file; an edit after publishing
leaves the edition as it was and shows in the next edition's list of changes."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from register.choices import Status
from register.roles import Role
from tests.e2e.conftest import watched_page
from tests.factories import ArrangementFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.browser

YEAR = timezone.localdate().year
FILES = {
    "register.csv": "text/csv",
    "register.json": "application/json",
    "register.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "register.csv-metadata.json": "application/csvm+json",
    "datapackage.json": "application/json",
    "register.pdf": "application/pdf",
}


def prepare_and_publish(page, year, correction=""):
    page.goto("/published/manage/")
    page.locator("input[name=year]").fill(str(year))
    if correction:
        page.locator("textarea[name=correction_note]").fill(correction)
    page.get_by_role("button", name="Prepare the edition").click()
    expect(page.get_by_role("alert")).to_contain_text("ready to preview")
    page.get_by_role("button", name="Publish the").click()
    expect(page.get_by_role("alert")).to_contain_text("is published")


def test_the_register_owner_publishes_and_a_visitor_reads_searches_and_downloads_it(
    page, browser, live_server, sign_in, assert_accessible
):
    arrangement = ArrangementFactory(
        name="Dementia Friendly Gravesham",
        status=Status.ACTIVE,
        cash_per_year=Decimal("12000"),
        staff_cost_per_year=Decimal("0"),
        in_kind_per_year=Decimal("0"),
    )
    PartnerFactory(arrangement=arrangement, name="Gravesham CVS")
    ArrangementFactory(name="Kent Resilience Forum", status=Status.ACTIVE)
    owner = UserFactory(roles=[Role.REGISTER_OWNER])
    sign_in(owner)
    prepare_and_publish(page, YEAR - 1)
    assert_accessible(page)

    visitors = watched_page(browser, live_server, "the visitor's browser")
    visitor = next(visitors)
    visitor.goto("/published/")
    expect(visitor.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(visitor)
    visitor.locator("input[name=q]").fill("dementia")
    visitor.get_by_role("button", name="Search").click()
    expect(visitor.get_by_role("link", name="Dementia Friendly Gravesham")).to_be_visible()
    expect(visitor.get_by_role("link", name="Kent Resilience Forum")).to_have_count(0)
    visitor.get_by_role("link", name="Dementia Friendly Gravesham").click()
    expect(visitor.locator("main")).to_contain_text("Gravesham CVS")
    expect(visitor.locator("main")).to_contain_text("£12,000")
    assert_accessible(visitor)

    downloads = {}
    for name, content_type in FILES.items():
        response = visitor.request.get(f"/published/{YEAR - 1}/{name}")
        assert response.status == 200, name
        assert response.headers["content-type"].startswith(content_type), name
        downloads[name] = response.body()
    rows = list(csv.DictReader(io.StringIO(downloads["register.csv"].decode("utf-8"))))
    assert {row["name"] for row in rows} == {"Dementia Friendly Gravesham", "Kent Resilience Forum"}
    assert {e["name"] for e in json.loads(downloads["register.json"])["entries"]} == {
        "Dementia Friendly Gravesham",
        "Kent Resilience Forum",
    }
    sheet = openpyxl.load_workbook(io.BytesIO(downloads["register.xlsx"])).active
    assert sheet.max_row >= 3  # a header and two entries
    assert json.loads(downloads["datapackage.json"])["resources"]
    assert downloads["register.pdf"].startswith(b"%PDF")

    # An edit after publishing: the edition stays as it was; the next one lists the change.
    arrangement.cash_per_year = Decimal("20000")
    arrangement.save()
    prepare_and_publish(page, YEAR)
    visitor.goto(f"/published/{YEAR - 1}/{arrangement.reference}/")
    expect(visitor.locator("main")).to_contain_text("£12,000")
    visitor.goto(f"/published/{YEAR}/changes/")
    expect(visitor.locator("main")).to_contain_text("Dementia Friendly Gravesham")
    expect(visitor.locator("main")).to_contain_text("from £12,000 to £20,000")
    assert_accessible(visitor)
    next(visitors, None)
