"""Bringing a council's register in (issue 13): real spreadsheets read correctly, every bad
cell refused with its row, column, value and message in words, one definition of the rules
(the arrangement form's), and all rows written or none."""

import datetime
import io
import zipfile
from decimal import Decimal
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from approvals.models import ApprovalRound
from register.choices import Sector, Status
from register.dates import add_months
from register.imports import services
from register.imports.checking import ERROR, NEW, UNCHANGED, UPDATE, headings_of
from register.imports.columns import COLUMNS, normalised, propose, template_bytes
from register.imports.files import NOT_A_SPREADSHEET, FileRefused, judge, read_table
from register.models import Arrangement, ImportMapping, Partner
from register.policies import get_policy
from register.roles import Role
from tests.factories import ArrangementFactory, PartnerFactory, ServiceFactory, UserFactory
from tests.import_helpers import csv_file, ods_file, xlsx_file

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def owner():
    return UserFactory(
        username="karen", first_name="Karen", last_name="Fletcher", roles=[Role.REGISTER_OWNER]
    )


@pytest.fixture
def officer():
    return UserFactory(
        username="priya",
        first_name="Priya",
        last_name="Sharma",
        email="priya.sharma@gravesham.example",
        roles=[Role.LEAD_OFFICER],
    )


def check(file, mapping=None):
    """(the check, its mapping) of a file, its columns matched from their headings."""
    _, headings = headings_of(read_table(file, judge(file)))
    mapping = mapping or propose(headings)
    found, _total = services.check_file(file, mapping=mapping)
    return found, mapping


def one_row(headings, row):
    """The check of a CSV of one row under these headings."""
    found, _ = check(csv_file([headings, row]))
    return found


def import_csv(rows, owner, name="register.csv"):
    file = csv_file(rows, name=name)
    _, mapping = check(file)
    return services.import_file(file, file_name=name, mapping=mapping, user=owner)


# --- Point 4: real spreadsheets read correctly --------------------------------------------


@pytest.mark.parametrize(
    ("cell", "day", "year"),
    [
        (44287, datetime.date(2021, 4, 1), None),  # an Excel serial date
        ("44287", datetime.date(2021, 4, 1), None),
        ("1 April 2021", datetime.date(2021, 4, 1), None),
        ("1 Apr 2021", datetime.date(2021, 4, 1), None),
        ("01/04/2021", datetime.date(2021, 4, 1), None),
        ("2021-04-01", datetime.date(2021, 4, 1), None),
        (datetime.date(2021, 4, 1), datetime.date(2021, 4, 1), None),
        ("2012", None, 2012),  # as published registers give it: a year, no invented day
        (2012, None, 2012),
    ],
    ids=[
        "serial",
        "serial-text",
        "long",
        "short-month",
        "slashes",
        "iso",
        "date-cell",
        "year",
        "year-number",
    ],
)
def test_a_start_date_is_read_as_councils_write_it(owner, cell, day, year):
    found, _ = check(xlsx_file([["Name", "Date created"], ["Kent Resilience Forum", cell]]))
    (row,) = found.rows
    assert found.problems == []
    assert (row.arrangement.start_date, row.arrangement.start_year) == (day, year)


@pytest.mark.parametrize(
    ("cell", "statutory", "basis"),
    [
        ("Yes", True, ""),
        ("Y", True, ""),
        ("True", True, ""),
        ("Statutory", True, ""),
        ("No", False, ""),
        ("n", False, ""),
        ("FALSE", False, ""),
        ("Non-statutory", False, ""),
        ("Statutory (Crime and Disorder Act 1998)", True, "Crime and Disorder Act 1998"),
        ("", None, ""),
    ],
)
def test_statutory_is_read_from_the_words_registers_use(cell, statutory, basis):
    found = one_row(["Name", "Statutory Status"], ["Gravesham Community Safety Partnership", cell])
    arrangement = found.rows[0].arrangement
    assert (arrangement.is_statutory, arrangement.statutory_basis) == (statutory, basis)


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("£1,234.50", Decimal("1234.50")),
        ("1234.5", Decimal("1234.50")),
        (1234.5, Decimal("1234.50")),
    ],
)
def test_money_with_a_pound_sign_and_thousands_separators_is_read(cell, amount):
    found, _ = check(xlsx_file([["Name", "Council cash a year (£)"], ["Food Network", cell]]))
    assert found.rows[0].arrangement.cash_per_year == amount


def test_text_keeps_its_line_breaks():
    found = one_row(["Name", "Aims and objectives"], ["Youth Forum", "To listen.\nTo act."])
    assert found.rows[0].arrangement.purpose == "To listen.\nTo act."


@pytest.mark.parametrize("make", [csv_file, xlsx_file, ods_file], ids=["csv", "xlsx", "ods"])
def test_title_rows_blank_rows_and_repeated_headings_are_skipped(make):
    rows = [
        ["Corporate Register of Partnerships 2021"],
        [],
        ["Name of Partnership", "Responsible Officer", "Statutory Status"],
        ["Kent Resilience Forum", "", "Yes"],
        [],
        ["Name of Partnership", "Responsible Officer", "Statutory Status"],
        ["North Kent Food Network", "", "No"],
    ]
    found, _ = check(make(rows))
    assert found.problems == []
    assert [(row.row, row.name) for row in found.rows] == [
        (4, "Kent Resilience Forum"),
        (7, "North Kent Food Network"),
    ]


def test_a_merged_section_title_between_rows_is_skipped():
    rows = [
        ["Name of Partnership", "Statutory Status", "Lead Member(s)"],
        ["Significant partnerships", None, None],
        ["Kent Resilience Forum", "Yes", "Leader"],
    ]
    found, _ = check(xlsx_file(rows, merged=["A2:C2"]))
    assert [row.name for row in found.rows] == ["Kent Resilience Forum"]


def test_partners_in_one_cell_become_partner_rows_with_their_sectors():
    PartnerFactory(name="Gravesham CVS", sector=Sector.VOLUNTARY)  # its sector is known
    found = one_row(
        ["Name", "Partners"],
        ["Community Safety Partnership", "Kent Police (Police, fire and rescue); Gravesham CVS"],
    )
    assert [(p.name, p.sector) for p in found.rows[0].partners] == [
        ("Kent Police", Sector.POLICE_FIRE),
        ("Gravesham CVS", Sector.VOLUNTARY),
    ]


def test_community_groups_and_individuals_have_sectors_and_the_earlier_voluntary_word_still_reads():
    found = one_row(
        ["Name", "Partners", "Working days"],
        [
            "Dementia Friendly Northfleet",
            "Northfleet Residents (Community group); Joan Carer (Individual); "
            "Gravesham CVS (Voluntary and community sector)",
            "110",
        ],
    )
    assert [(p.name, p.sector) for p in found.rows[0].partners] == [
        ("Northfleet Residents", Sector.COMMUNITY),
        ("Joan Carer", Sector.INDIVIDUAL),
        ("Gravesham CVS", Sector.VOLUNTARY),
    ]
    assert found.rows[0].arrangement.staff_working_days == 110


def test_the_responsible_officer_is_found_by_full_name_or_e_mail(officer):
    for cell in ("Priya Sharma", "priya.sharma@gravesham.example", "Priya Sharma (Lead officer)"):
        found = one_row(["Name", "Responsible Officer"], ["Youth Forum", cell])
        assert found.rows[0].arrangement.lead_officer == officer


@pytest.mark.parametrize(
    ("content", "encoding", "delimiter"),
    [
        ("utf-8", "utf-8", ","),
        ("bom", "utf-8-sig", ","),
        ("windows", "cp1252", ";"),
        ("tabs", "utf-8", "\t"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) > 1 else None,
)
def test_csv_in_any_of_the_encodings_and_delimiters_excel_saves(content, encoding, delimiter):
    file = csv_file(
        [["Name", "Council cash a year (£)"], ["Café Network", "£1,200"]],
        encoding=encoding,
        delimiter=delimiter,
    )
    found, _ = check(file)
    arrangement = found.rows[0].arrangement
    assert (arrangement.name, arrangement.cash_per_year) == ("Café Network", Decimal("1200"))


def test_the_council_s_published_register_headings_are_matched():
    headings = [
        "Name of Partnership",
        "Responsible Officer",
        "Lead Member(s)",
        "Statutory Status",
        "Date created",
        "Aims and objectives of partnership",
        "Expected outcomes",
        "Partners",
        "Council resources",
    ]
    assert list(propose(headings).values()) == [
        "name",
        "lead_officer",
        "member_involvement",
        "is_statutory",
        "start_date",
        "purpose",
        "outcomes",
        "partners",
        "council_resources",
    ]


def test_a_saved_mapping_is_offered_for_the_council_s_own_headings(owner):
    file = csv_file([["Partnership title", "Officer in charge"], ["Youth Forum", ""]])
    run = services.upload(file=file, user=owner)
    assert run.mapping == {"Partnership title": "", "Officer in charge": ""}
    services.choose_columns(
        run=run,
        mapping={"Partnership title": "name", "Officer in charge": "lead_officer"},
        user=owner,
        save_as="Intranet register",
    )
    saved = ImportMapping.objects.get(name="Intranet register")
    again = services.upload(
        file=csv_file([["Partnership title"], ["Food"]]), user=owner, mapping=saved
    )
    assert again.mapping == {"Partnership title": "name"}


# --- Point 4: each bad input refused with its row, column, value and message ---------------


BAD_CELLS = [
    (
        "Date created",
        "31/02/2021",
        "Enter a date like 1 April 2021 or 01/04/2021, or the year, like 2012",
    ),
    (
        "Date created",
        "sometime",
        "Enter a date like 1 April 2021 or 01/04/2021, or the year, like 2012",
    ),
    ("Due to end", "2027", "Enter the whole date, like 1 April 2021, not only the year"),
    ("Due to end", "1 April 2020", "The end date must be the same as or after the start date"),
    (
        "Council cash a year (£)",
        "lots",
        "Enter the council's cash a year as a number of pounds, like 25000 or 25000.50",
    ),
    ("Council cash a year (£)", "-5", "Enter the council's cash a year of £0 or more"),
    (
        "Council cash a year (£)",
        "12.345",
        "Enter the council's cash a year to the nearest penny (2 decimal places or fewer)",
    ),
    ("Statutory Status", "Maybe", "Enter Yes or No (or Statutory or Non-statutory)"),
    ("Kind", "Contract", "Enter one of: Partnership, Shared service"),
    ("Type", "Full shared service", "Choose a type of partnership"),
    ("Name", "", "Enter the name of the arrangement"),
    ("Name", "N" * 201, "Name of the arrangement must be 200 characters or fewer"),
    (
        "Responsible Officer",
        "Jo Nobody",
        "No one with a portal login has this name or e-mail address: add them in Django admin, or correct the name",
    ),
    (
        "Service",
        "Parks",
        "No service in the portal has this name: add it in Django admin, or correct the name",
    ),
    ("Status", "In approval", "A new arrangement can be imported as Draft, Active or Ended"),
    (
        "Reference",
        "PA-1999-0001",
        "No arrangement in the register has this reference: leave it blank to add a new one",
    ),
    (
        "Partners",
        "Friends of the Park",
        "Friends of the Park: Select the partner's sector. Write the sector in brackets after the name, like Kent Police (Police, fire and rescue)",
    ),
]


@pytest.mark.parametrize(
    ("column", "value", "message"), BAD_CELLS, ids=[m for _, _, m in BAD_CELLS]
)
def test_a_bad_cell_is_refused_naming_its_row_column_value_and_why(column, value, message):
    headings = (
        ["Name", "Date created", column]
        if column not in ("Name", "Date created")
        else ["Name", "Date created"]
    )
    row = {"Name": "Kent Resilience Forum", "Date created": "1 April 2021", column: value}
    found = one_row(headings, [row[h] for h in headings])
    assert [(p.row, p.column, p.value, p.message) for p in found.problems] == [
        (2, column, value, message)
    ]
    assert found.rows[0].action == ERROR


def test_duplicate_rows_are_refused_naming_both_rows():
    found, _ = check(
        csv_file(
            [
                ["Name", "Lead organisation"],
                ["Youth Forum", "GBC"],
                ["Food", ""],
                ["Youth Forum", "gbc"],
            ]
        )
    )
    assert [(p.row, p.column, p.message) for p in found.problems] == [
        (4, "Name", "Row 4 repeats row 2 (the same name and lead organisation): remove one of them")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\x00", NOT_A_SPREADSHEET),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NOT_A_SPREADSHEET),
        (b"\x81\x8d\x8f\x90\x9d", NOT_A_SPREADSHEET),  # neither UTF-8 nor Windows-1252 text
    ],
    ids=["pdf", "png", "undecodable"],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_whatever_its_name(content, message):
    with pytest.raises(FileRefused, match=f"^{message}$"):
        judge(io.BytesIO(content))


def test_a_zip_that_is_not_a_workbook_is_refused():
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", '<Types><Default ContentType="text/plain"/></Types>'
        )
    with pytest.raises(FileRefused, match=f"^{NOT_A_SPREADSHEET}$"):
        judge(file)


def test_xml_entities_in_the_content_types_are_refused_not_expanded():
    bomb = '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">]><Types>&a;</Types>'
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("[Content_Types].xml", bomb)
    with pytest.raises(Exception, match="EntitiesForbidden|not a spreadsheet"):
        judge(file)


def test_a_workbook_that_would_unpack_too_large_is_refused_without_unpacking(settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1000
    file = xlsx_file([["Name"], ["x" * 5000]])
    with mock.patch.object(zipfile.ZipFile, "read", side_effect=AssertionError("unpacked")):
        with pytest.raises(FileRefused, match="^The spreadsheet would unpack to more than 1000"):
            judge(file)


def test_a_file_with_too_many_rows_is_refused(settings, owner):
    settings.IMPORT_MAX_ROWS = 3
    file = csv_file([["Name"]] + [[f"Forum {n}"] for n in range(4)])
    with pytest.raises(
        FileRefused, match="^The file has more than 3 rows: split it into files of 3 rows or fewer$"
    ):
        services.upload(file=file, user=owner)


# --- Point 2: dry run ---------------------------------------------------------------------


def test_a_dry_run_says_new_update_or_unchanged_with_old_and_new_and_writes_nothing(owner):
    by_reference = ArrangementFactory(name="Kent Resilience Forum", area="Kent")
    by_name = ArrangementFactory(name="Youth Forum", lead_organisation="GBC", area="Gravesend")
    as_it_is = ArrangementFactory(name="Food Network", lead_organisation="", area="Northfleet")
    before = Arrangement.history.count()
    found, _ = check(
        csv_file(
            [
                ["Reference", "Name", "Lead organisation", "Area of operation"],
                [by_reference.reference, "Kent Resilience Forum", "The council", "Kent and Medway"],
                ["", "Youth Forum", "GBC", "Gravesham"],
                ["", "Food Network", "", "Northfleet"],
                ["", "Dementia Friendly Gravesham", "", ""],
            ]
        )
    )
    assert [(row.action, row.reference, row.changes) for row in found.rows] == [
        (UPDATE, by_reference.reference, [("Area of operation", "Kent", "Kent and Medway")]),
        (UPDATE, by_name.reference, [("Area of operation", "Gravesend", "Gravesham")]),
        (UNCHANGED, as_it_is.reference, []),
        (NEW, "", []),
    ]
    assert found.rows[3].category == "Other"
    assert (Arrangement.objects.count(), Arrangement.history.count()) == (3, before)


def test_the_preview_classifies_each_row_under_the_council_s_policy():
    found = one_row(["Name", "Council cash a year (£)"], ["Shared Audit Service", "£50,000"])
    assert found.rows[0].category == "Significant"  # £50,000 or more (G 1.11b)


def test_an_arrangement_with_its_approvers_cannot_be_changed_by_an_import():
    held = ArrangementFactory(name="Kent Resilience Forum", status=Status.IN_APPROVAL, area="Kent")
    found = one_row(["Reference", "Name", "Area"], [held.reference, held.name, "Medway"])
    assert [p.message for p in found.problems] == [
        "It is in approval: nobody changes an arrangement while it is with its approvers, or "
        "once it has ended"
    ]


# --- Point 3: all or nothing, history, approved before the portal -------------------------


def test_confirming_writes_every_row_with_its_file_and_importer_in_history(owner, officer):
    ServiceFactory(name="Community Safety")
    import_csv(
        [
            [
                "Name of Partnership",
                "Responsible Officer",
                "Service",
                "Partners",
                "Expected outcomes",
            ],
            [
                "Community Safety Partnership",
                "Priya Sharma",
                "Community Safety",
                "Kent Police (Police, fire and rescue)",
                "Fewer repeat victims; Less anti-social behaviour",
            ],
            ["Youth Forum", "", "", "", ""],
        ],
        owner,
        name="intranet-register.csv",
    )
    safety = Arrangement.objects.get(name="Community Safety Partnership")
    assert (safety.lead_officer, safety.created_by, safety.status) == (officer, owner, Status.DRAFT)
    assert [p.name for p in safety.partners.all()] == ["Kent Police"]
    assert [o.description for o in safety.objectives.all()] == [
        "Fewer repeat victims",
        "Less anti-social behaviour",
    ]
    first = safety.history.earliest()
    assert (first.history_change_reason, first.history_user) == (
        "Imported from intranet-register.csv by Karen Fletcher",
        owner,
    )
    assert (
        Partner.history.get(name="Kent Police").history_change_reason == first.history_change_reason
    )


def test_an_active_arrangement_is_recorded_as_approved_before_the_portal(owner):
    start = datetime.date(2019, 6, 1)
    import_csv(
        [["Name", "Status", "Date created"], ["Kent Resilience Forum", "Active", "01/06/2019"]],
        owner,
    )
    forum = Arrangement.objects.get()
    assert forum.status == Status.ACTIVE
    assert forum.start_date == start
    assert (
        forum.status_reason
        == "Active before the portal. Imported from register.csv by Karen Fletcher"
    )
    assert not ApprovalRound.objects.exists()  # no approval round or decision is invented
    interval = get_policy().review_interval_months
    due = forum.next_review_due
    assert due > TODAY >= add_months(due, -interval)
    assert (due.month, due.day) == (6, 1)  # an anniversary of its start


def test_an_active_arrangement_known_only_by_its_year_is_reviewed_an_interval_from_now(owner):
    import_csv(
        [["Name", "Status", "Date created"], ["Kent Resilience Forum", "Active", "2012"]], owner
    )
    forum = Arrangement.objects.get()
    assert (forum.start_date, forum.start_year) == (None, 2012)
    assert forum.next_review_due == get_policy().next_review_due(TODAY)


def test_a_failing_row_leaves_the_database_untouched(owner):
    before = (Arrangement.objects.count(), Arrangement.history.count())
    with pytest.raises(services.ImportRefused) as refused:
        import_csv(
            [["Name", "Statutory"], ["Youth Forum", "Yes"], ["Food Network", "Perhaps"]], owner
        )
    assert [p.row for p in refused.value.check.problems] == [3]
    assert (Arrangement.objects.count(), Arrangement.history.count()) == before


def test_a_write_that_fails_half_way_leaves_nothing_written(owner):
    rows = [
        ["Name", "Partners"],
        ["Youth Forum", ""],
        ["Food Network", "Kent Police (Police, fire and rescue)"],
    ]
    # Fails once the arrangements and the partner are written, before the end.
    with mock.patch.object(services, "reclassify", side_effect=RuntimeError("disk full")):
        with pytest.raises(RuntimeError):
            import_csv(rows, owner)
    assert not Arrangement.objects.exists()
    assert not Partner.objects.exists()


def test_only_the_register_s_keepers_may_import(officer):
    with pytest.raises(services.PermissionDenied):
        import_csv([["Name"], ["Youth Forum"]], officer)
    assert not Arrangement.objects.exists()


def test_partners_are_added_to_an_arrangement_already_in_the_register(owner):
    held = ArrangementFactory(name="Kent Resilience Forum")
    PartnerFactory(arrangement=held, name="Kent Police")
    found = one_row(
        ["Reference", "Name", "Partners"],
        [held.reference, held.name, "Kent Police; Medway Council (Local government)"],
    )
    assert found.rows[0].changes == [("Partners", "Kent Police", "Kent Police; Medway Council")]


# --- The template -------------------------------------------------------------------------


def test_the_template_has_a_note_on_every_column_and_an_example_row_that_imports(officer):
    import openpyxl

    ServiceFactory(name="Community Safety")
    sheet = openpyxl.load_workbook(io.BytesIO(template_bytes()))["Register"]
    headings = [cell.value for cell in sheet[1]]
    assert all(cell.comment and cell.comment.text for cell in sheet[1])
    assert len(headings) == len({normalised(h) for h in headings}) == len(COLUMNS) - 1
    found, _ = check(io.BytesIO(template_bytes()))
    assert found.problems == []
    assert [row.action for row in found.rows] == [NEW]


# --- The command --------------------------------------------------------------------------


def write(tmp_path, rows, name="register.csv"):
    path = tmp_path / name
    path.write_bytes(csv_file(rows).getvalue())
    return str(path)


def test_the_command_prints_the_dry_run_and_writes_nothing(tmp_path, capsys):
    call_command("import_register", write(tmp_path, [["Name"], ["Youth Forum"]]), "--dry-run")
    out = capsys.readouterr().out
    assert "Row 2: new Youth Forum (Other)" in out
    assert "Dry run: nothing was written." in out
    assert not Arrangement.objects.exists()


def test_the_command_exits_non_zero_on_any_error(tmp_path, capsys):
    path = write(tmp_path, [["Name", "Statutory"], ["Youth Forum", "Perhaps"]])
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_register", path, "--dry-run")
    assert "Row 2, column 'Statutory', value 'Perhaps': Enter Yes or No" in capsys.readouterr().err


def test_the_command_imports_with_a_saved_mapping(tmp_path, owner):
    ImportMapping.objects.create(
        name="Intranet", columns={"Partnership title": "name"}, saved_by=owner
    )
    path = write(tmp_path, [["Partnership title"], ["Youth Forum"]])
    call_command("import_register", path, "--mapping", "Intranet", "--by", "karen")
    assert Arrangement.objects.get().name == "Youth Forum"


def test_each_row_is_checked_on_its_own_answers_not_those_of_the_rows_before():
    """The new rows of a file share one form set up for the file: a row's errors and
    answers never carry to the next."""
    headings = ["Name of Partnership", "Date created", "Due to end", "Council cash a year"]
    rows = [
        ["Kent Resilience Forum", "1 April 2021", "1 April 2020", "lots"],
        ["Youth Forum", "", "", ""],
        ["Food Network", "1 May 2022", "", "£1,500"],
        ["Road Safety Group", "", "", ""],
    ]
    found, _ = check(csv_file([headings, *rows]))
    assert [(p.row, p.column) for p in found.problems] == [
        (2, "Council cash a year"),
        (2, "Due to end"),
    ]
    assert [row.action for row in found.rows] == [ERROR, NEW, NEW, NEW]
    youth, food, road = (row.arrangement for row in found.rows[1:])
    assert (youth.start_date, youth.end_date, youth.cash_per_year) == (None, None, None)
    assert (food.start_date, food.cash_per_year) == (datetime.date(2022, 5, 1), 1500)
    assert (road.start_date, road.cash_per_year, road.name) == (None, None, "Road Safety Group")
    assert len({id(row.arrangement) for row in found.rows[1:]}) == 3
