"""The published register's pages (issue 12, point 3): open to everyone without signing in,
searchable, a page per entry, the earlier editions and what changed; drafts only for the
register's keepers, who preview them and (the register owner) publish them."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from register import publication
from register.models import EditionStatus
from register.roles import Role
from tests.factories import PartnerFactory, UserFactory
from tests.publication_helpers import live, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(register_owner):
    safety = live(name="Gravesham Community Safety Partnership", is_statutory=True)
    PartnerFactory(arrangement=safety, name="Kent Police")
    live(name="Gravesham Food Network", is_statutory=False, purpose="Tackle food poverty.")
    return published(register_owner, 2026)


def page(client, name, *args, **query):
    return client.get(reverse(f"published:{name}", args=args), query)


def test_a_visitor_reads_the_latest_edition_without_signing_in(client, edition):
    response = page(client, "latest")
    assert response.status_code == 200
    assert response.context["edition"] == edition
    text = response.content.decode()
    assert "Gravesham Community Safety Partnership" in text
    assert "Significant partnerships" in text and "Key other partnerships" in text
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0" in text
    )


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"q": "food"}, ["Gravesham Food Network"]),
        ({"q": "KENT POLICE"}, ["Gravesham Community Safety Partnership"]),  # a partner
        ({"q": "poverty"}, ["Gravesham Food Network"]),  # its aims
        ({"category": "Significant"}, ["Gravesham Community Safety Partnership"]),
        ({"q": "gravesham", "category": "Other"}, ["Gravesham Food Network"]),
        ({"q": "nothing like it"}, []),
    ],
    ids=["name", "partner", "aims", "category", "both", "none"],
)
def test_a_visitor_searches_an_edition_and_filters_it_by_category(client, edition, query, found):
    response = page(client, "edition", "2026", **query)
    assert [e["name"] for e in response.context["entries"]] == found


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"q": "x" * 101},
            "Search by name, reference, aims or partner must be 100 characters or fewer",
        ),
        ({"category": "Made up"}, "Choose a category from the list"),
    ],
    ids=["search too long", "unknown category"],
)
def test_bad_search_input_gets_a_clear_message_and_every_entry(client, edition, query, message):
    response = page(client, "edition", "2026", **query)
    text = response.content.decode()
    assert message in text
    assert text.count(message) >= 2  # in the error summary and beside the field
    assert len(response.context["entries"]) == 2


def test_an_entry_has_its_own_page_with_every_published_field(client, edition):
    entry = edition.entries[0]
    response = page(client, "entry", "2026", entry["reference"])
    text = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Responsible officer",
        "Lead Member(s)",
        "Council resources a year (£)",
        "£15,000",
    ):
        assert label in text


def test_an_entry_not_in_the_edition_is_not_found(client, edition):
    assert page(client, "entry", "2026", "PA-1999-0001").status_code == 404


def test_what_an_answer_says_is_escaped_on_every_page(client, register_owner):
    live(name="<script>alert('x')</script>", purpose="<b>bold</b>")
    edition = published(register_owner, 2026)
    pages = [
        page(client, "edition", "2026"),
        page(client, "entry", "2026", edition.entries[0]["reference"]),
    ]
    for response in pages:
        text = response.content.decode()
        assert "<script>alert" not in text and "<b>bold" not in text
        assert "&lt;script&gt;" in text


def test_the_list_of_a_published_edition_is_rendered_once(client, edition):
    first = page(client, "edition", "2026")
    second = page(client, "edition", "2026")
    assert "published/sections.html" in [t.name for t in first.templates]
    assert "published/sections.html" not in [t.name for t in second.templates]
    assert "Gravesham Food Network" in second.content.decode()


def test_earlier_editions_are_listed_and_the_changes_since_the_previous_one(
    client, register_owner, edition
):
    live(name="Ebbsfleet Garden City", cash_per_year=Decimal("80000"))
    published(register_owner, 2027)
    response = page(client, "latest")
    text = response.content.decode()
    assert re.search(r'href="/published/2026/">2026 edition</a>', text)
    assert "What changed since the 2026 edition" in text
    changes = page(client, "changes", "2027")
    assert [e["name"] for e in changes.context["changes"].new] == ["Ebbsfleet Garden City"]
    assert "Ebbsfleet Garden City" in changes.content.decode()


def test_the_first_edition_says_every_entry_is_new(client, edition):
    assert "This is the first published edition" in page(client, "changes", "2026").content.decode()


def test_a_correction_shows_what_it_corrects(client, register_owner, edition):
    published(register_owner, 2026, correction_note="The Food Network's partners were wrong")
    text = page(client, "edition", "2026-2").content.decode()
    assert "The Food Network&#x27;s partners were wrong" in text


@pytest.mark.parametrize("size", [2, 40])
def test_edition_search_and_entry_pages_run_in_a_constant_number_of_queries(
    client, register_owner, django_assert_num_queries, size
):
    for number in range(size):
        live(name=f"Partnership {number}")
    edition = published(register_owner, 2026)
    published(register_owner, 2026, correction_note="Another edition, to list")
    reference = edition.entries[0]["reference"]
    # Each page: the edition, its entries, the previous edition, the list of editions.
    for name, args, query, queries in [
        ("edition", ["2026"], {}, 4),
        ("edition", ["2026"], {"q": "partnership 1"}, 4),
        ("entry", ["2026", reference], {}, 2),
        ("changes", ["2026-2"], {}, 4),
    ]:
        publication.forget_kept_editions()
        with django_assert_num_queries(queries):
            assert page(client, name, *args, **query).status_code == 200


# --- Drafts: previewed by the keepers, published by the register owner --------------------


@pytest.fixture
def draft(register_owner):
    live(name="Gravesham Community Safety Partnership")
    return publication.prepare_edition(year=2027, user=register_owner)


@pytest.mark.parametrize(
    ("role", "status", "publish_button"),
    [
        (None, 404, False),
        (Role.LEAD_OFFICER, 404, False),
        (Role.INTERNAL_AUDIT, 404, False),
        (Role.ADMINISTRATOR, 200, False),
        (Role.REGISTER_OWNER, 200, True),
    ],
    ids=["visitor", "lead officer", "internal audit", "administrator", "register owner"],
)
def test_a_draft_is_previewed_only_by_the_registers_keepers(
    client, draft, role, status, publish_button
):
    if role is not None:
        client.force_login(UserFactory(roles=[role]))
    response = page(client, "edition", "2027")
    assert response.status_code == status
    text = response.content.decode()
    assert ("Publish the 2027 edition" in text) is publish_button
    if status == 200:
        assert "Draft: not published" in text


def test_the_register_owner_publishes_the_previewed_draft_with_csrf(draft, register_owner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(register_owner)
    preview = browser.get(reverse("published:edition", args=["2027"]))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', preview.content.decode())[1]
    url = reverse("published:publish", args=["2027"])
    assert browser.post(url).status_code == 403  # no CSRF token
    response = browser.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == "/published/2027/"
    draft.refresh_from_db()
    assert draft.status == EditionStatus.PUBLISHED and draft.published_by == register_owner
    assert Client().get("/published/").context["edition"] == draft


def test_an_administrator_cannot_publish(client, draft):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    assert client.post(reverse("published:publish", args=["2027"])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == EditionStatus.DRAFT


def test_publishing_a_published_edition_again_says_so(client, register_owner, edition):
    client.force_login(register_owner)
    response = client.post(reverse("published:publish", args=["2026"]), follow=True)
    assert "The 2026 edition is already published" in response.content.decode()


def test_the_register_owner_prepares_an_edition_and_is_taken_to_its_preview(client, register_owner):
    live()
    client.force_login(register_owner)
    response = client.post(reverse("published:manage"), {"year": "2027"})
    assert response.status_code == 302 and response["Location"] == "/published/2027/"
    assert "Draft: not published" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": ""}, "Enter the year of the edition"),
        ({"year": "next"}, "Enter the year as a number, like 2027"),
        ({"year": "1999"}, "Enter a year from 2000 to 2100"),
        ({"year": "2101"}, "Enter a year from 2000 to 2100"),
        ({"year": "2025"}, "Enter 2026 or later: the 2026 edition is already published"),
        ({"year": "2026"}, "Say what this edition corrects"),
        ({"year": "2027", "correction_note": "x" * 2001}, "2,000 characters or fewer"),
    ],
    ids=[
        "no year",
        "not a number",
        "too early",
        "too late",
        "before the latest",
        "correction without a note",
        "note too long",
    ],
)
def test_preparing_an_edition_with_bad_input_says_what_to_fix(
    client, register_owner, edition, data, message
):
    client.force_login(register_owner)
    response = client.post(reverse("published:manage"), data)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 302), (Role.LEAD_OFFICER, 403), (Role.INTERNAL_AUDIT, 403), (Role.ADMINISTRATOR, 200)],
    ids=["visitor", "lead officer", "internal audit", "administrator"],
)
def test_the_editions_page_is_the_registers_keepers(client, role, status):
    if role is not None:
        client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("published:manage")).status_code == status


def test_before_any_edition_is_published_the_register_says_so(client):
    response = page(client, "latest")
    assert response.status_code == 404
    assert "No published register yet" in response.content.decode()
