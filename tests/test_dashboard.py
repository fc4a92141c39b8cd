"""The register owner's dashboard (issue 14, point 2): the register by status and category,
who each arrangement in approval waits on and since when, reviews due and overdue,
conditional support lapsing, records past retention, the council's resources a year by
category, and the register's risks as a 5 x 5 heatmap with a table as its text alternative,
the same in the page and in its PDF. Every figure links to the list behind it."""

import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from register.choices import Status
from register.roles import Role
from tests.approvals_helpers import other_partnership, pending
from tests.factories import ArrangementFactory, ReviewFactory, RiskFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db


def text_of(page: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))


def links(page: str) -> dict[str, str]:
    """{the words of a link: its address} for the links whose words start with a number or
    a pound sign (the dashboard's figures), with their hidden words."""
    found = {}
    for href, words in re.findall(r'<a class="govuk-link" href="([^"]+)">(.*?)</a>', page, re.S):
        said = text_of(words)
        if said[:1].isdigit() or said.startswith("£"):
            found[said] = html.unescape(href)
    return found


def ordinary(**fields):
    """A Gravesham 'other' arrangement unless told otherwise: not statutory, under £50,000."""
    return ArrangementFactory(**{"is_statutory": False, **fields})


@pytest.fixture
def owner_client(client_for, register_owner):
    return client_for(register_owner)


# Who sees it -----------------------------------------------------------------------------

ACCESS = [
    (Role.REGISTER_OWNER, 200),
    (Role.ADMINISTRATOR, 200),
    (Role.INTERNAL_AUDIT, 200),
    (Role.OVERVIEW_SCRUTINY, 200),
    (Role.LEAD_OFFICER, 403),
    (Role.DIRECTOR, 403),
    (Role.MONITORING_OFFICER, 403),
]


@pytest.mark.parametrize(("role", "status"), ACCESS, ids=[r.value for r, _ in ACCESS])
@pytest.mark.parametrize("url_name", ["dashboard", "dashboard-pdf"])
def test_who_may_open_the_dashboard(client_for, role, status, url_name):
    assert client_for(role).get(reverse(url_name)).status_code == status


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# Every figure leads to its list ----------------------------------------------------------


def count_on(client, url) -> int:
    """How many rows the list behind a figure says it has."""
    page = client.get(url).content.decode()
    return int(re.search(r'role="status">(\d+) (?:arrangement|risk)', page).group(1))


def test_each_status_and_category_figure_links_to_a_list_of_as_many(owner_client):
    ordinary(), ordinary()  # drafts
    ordinary(status=Status.ACTIVE), ordinary(status=Status.ACTIVE), ordinary(status=Status.ACTIVE)
    ordinary(status=Status.ENDED, end_date=datetime.date(2026, 6, 30))
    ordinary(status=Status.ACTIVE, cash_per_year=Decimal("60000"))  # significant (G 1.11)
    page = owner_client.get(reverse("dashboard")).content.decode()
    figures = links(page)
    expected = {
        "2 draft": 2,
        "4 active": 4,
        "1 ended": 1,
        "1 significant": 1,
        "6 other": 6,
    }
    for words, count in expected.items():
        assert words in figures, f"no figure {words!r} among {list(figures)}"
        assert count_on(owner_client, figures[words]) == count


def test_a_recategorised_arrangement_counts_in_its_new_category(settings, owner_client):
    settings.COUNCIL_POLICY = "dartford"  # Dartford allows re-categorisation (D 5(iv))
    ArrangementFactory(
        status=Status.ACTIVE, category_override="major", category_override_reason="x"
    )
    ArrangementFactory(status=Status.ACTIVE)
    figures = links(owner_client.get(reverse("dashboard")).content.decode())
    assert "1 major" in figures
    assert count_on(owner_client, figures["1 major"]) == 1


def test_council_resources_a_year_count_only_arrangements_in_operation(owner_client):
    # cash + staff cost + in-kind a year (G 1.11): 10,000 + 5,000 + 0 from the factory
    ordinary(status=Status.ACTIVE)
    ordinary(status=Status.CONDITIONAL_SUPPORT, in_kind_per_year=Decimal("250.50"))
    ordinary(status=Status.DRAFT)  # proposed, not yet the council's
    ordinary(status=Status.ENDED, end_date=datetime.date(2026, 6, 30))
    page = owner_client.get(reverse("dashboard")).content.decode()
    figures = links(page)
    words = "£30,250.50 in other arrangements in operation"
    assert words in figures
    assert count_on(owner_client, figures[words]) == 2
    assert "Total £30,250.50" in text_of(page)


# Who approvals wait on ---------------------------------------------------------------------


def test_each_arrangement_in_approval_shows_who_it_waits_on_and_since_when(owner_client):
    approval_round = submit(other_partnership(status=Status.DRAFT, name="Riverside Rangers"))
    steps = pending(approval_round)
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    type(steps[0]).objects.filter(pk__in=[s.pk for s in steps]).update(updated_at=three_days_ago)
    words = text_of(owner_client.get(reverse("dashboard")).content.decode())
    assert "1 arrangement waiting for an opinion or decision" in words
    assert "Riverside Rangers" in words
    for step in steps:
        assert step.describe() in words
    assert "(3 days)" in words


# Reviews, retention, conditional support ---------------------------------------------------


def test_review_figures_link_to_their_place_on_the_reviews_page(owner_client):
    today = timezone.localdate()
    ReviewFactory.create_batch(2, due_on=today - datetime.timedelta(days=5))
    ReviewFactory(due_on=today + datetime.timedelta(days=10))
    figures = links(owner_client.get(reverse("dashboard")).content.decode())
    assert figures["2 reviews overdue"] == reverse("reviews:board") + "#overdue"
    assert figures["1 reviews due in the next 30 days"] == reverse("reviews:board") + "#due-30"


def test_past_retention_links_to_the_retention_review_for_the_keepers_only(client_for):
    keeper = client_for(Role.REGISTER_OWNER).get(reverse("dashboard")).content.decode()
    assert reverse("reviews:retention") in keeper
    auditor = client_for(Role.INTERNAL_AUDIT).get(reverse("dashboard")).content.decode()
    assert reverse("reviews:retention") not in auditor
    assert "Ended arrangements past their retention date" in text_of(auditor)


def test_conditional_support_lapsing_is_listed_soonest_first(owner_client):
    today = timezone.localdate()
    later = ArrangementFactory(
        status=Status.CONDITIONAL_SUPPORT, conditional_support_until=today + datetime.timedelta(10)
    )
    lapsed = ArrangementFactory(
        status=Status.CONDITIONAL_SUPPORT, conditional_support_until=today - datetime.timedelta(1)
    )
    ArrangementFactory(
        status=Status.CONDITIONAL_SUPPORT, conditional_support_until=today + datetime.timedelta(60)
    )
    words = text_of(owner_client.get(reverse("dashboard")).content.decode())
    assert "Conditional support lapsing (2)" in words
    assert words.index(lapsed.reference) < words.index(later.reference)
    assert f"{lapsed.conditional_support_until:%-d %B %Y} lapsed" in words


# The heatmap ------------------------------------------------------------------------------


def heatmap_table(page: str) -> dict[tuple[int, int], str]:
    """{(impact, likelihood): the cell's text} from the heatmap's table."""
    table = re.search(r'<table class="govuk-table app-heatmap-table">.*?</table>', page, re.S)
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table.group(0), re.S)[1:]
    cells = {}
    for impact, row in zip((5, 4, 3, 2, 1), rows, strict=True):
        numbers = re.findall(r'govuk-table__cell--numeric">(.*?)</td>', row, re.S)
        for likelihood, cell in enumerate(numbers, start=1):
            cells[(impact, likelihood)] = text_of(cell)
    return cells


def test_the_heatmap_counts_the_risks_of_arrangements_in_operation_by_cell(owner_client):
    active = ArrangementFactory(status=Status.ACTIVE)
    RiskFactory.create_batch(3, arrangement=active, likelihood=4, impact=5)
    RiskFactory(arrangement=active, likelihood=1, impact=1)
    RiskFactory(arrangement=ArrangementFactory(), likelihood=4, impact=5)  # a draft's
    ended = ArrangementFactory(status=Status.ENDED, end_date=datetime.date(2026, 6, 30))
    RiskFactory(arrangement=ended, likelihood=4, impact=5)

    page = owner_client.get(reverse("dashboard")).content.decode()
    cells = heatmap_table(page)

    assert cells[(5, 4)].startswith("3 risks of likelihood 4 and impact 5")
    assert cells[(1, 1)].startswith("1 risk of likelihood 1 and impact 1")
    assert sum(1 for text in cells.values() if text == "0") == 23
    assert "4 risks of the arrangements in operation" in text_of(page)
    # The SVG draws the same counts, each square a link to its risks.
    svg = re.search(r"<svg class=\"app-heatmap\".*?</svg>", page, re.S).group(0)
    assert "<title>3 risks of likelihood 4 and impact 5</title>" in svg
    assert svg.count("<rect") == 25
    url = reverse("register:risks") + "?likelihood=4&amp;impact=5"
    assert f'<a href="{url}" tabindex="-1">' in svg
    assert count_on(owner_client, html.unescape(url)) == 3


def test_the_risks_list_refuses_a_score_off_the_scale_with_a_message(owner_client):
    response = owner_client.get(reverse("register:risks"), {"likelihood": "9"})
    assert response.status_code == 200
    assert "Choose a likelihood from 1 to 5" in text_of(response.content.decode())


def test_the_risks_list_shows_what_officers_typed_as_text(owner_client):
    RiskFactory(
        arrangement=ArrangementFactory(status=Status.ACTIVE),
        description="<script>alert('risk')</script>",
    )
    page = owner_client.get(reverse("register:risks")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


# The PDF ----------------------------------------------------------------------------------


def test_the_pdf_has_every_figure_and_the_heatmap_table(owner_client):
    active = ArrangementFactory(status=Status.ACTIVE, name="<b>Bold</b> Riverside Partnership")
    RiskFactory.create_batch(2, arrangement=active, likelihood=3, impact=2)
    response = owner_client.get(reverse("dashboard-pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(
            io.BytesIO(
                b"".join(response.streaming_content) if response.streaming else response.content
            )
        ).pages
    )
    for words in (
        "Register dashboard",
        "Arrangements by status",
        "Arrangements by category",
        "Council resources a year",
        "Waiting for a decision",
        "Reviews and retention",
        "Conditional support lapsing",
        "The register's risks",
        "Risks by impact (rows) and likelihood (columns)",
        "2 risks of the arrangements in operation",
    ):
        assert words in text, words


# Constant queries -------------------------------------------------------------------------


def test_the_dashboard_takes_the_same_queries_for_5_or_50_arrangements(owner_client):
    def add(count):
        for n in range(count):
            arrangement = ArrangementFactory(status=Status.ACTIVE if n % 2 else Status.DRAFT)
            RiskFactory(arrangement=arrangement, likelihood=n % 5 + 1, impact=(n * 3) % 5 + 1)
            ReviewFactory(due_on=timezone.localdate() - datetime.timedelta(days=n))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert owner_client.get(reverse("dashboard")).status_code == 200
        return len(captured.captured_queries)

    add(5)
    submit(other_partnership(status=Status.DRAFT))
    few = queries()
    add(45)
    submit(other_partnership(status=Status.DRAFT))
    assert queries() == few
