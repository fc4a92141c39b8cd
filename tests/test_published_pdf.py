"""The edition as one tagged PDF, split by part of the register, and each committee's
extract of the entries in its remit (issue 12, point 5; G 5.6c, 6.6: reported to the Leader
and to each Cabinet Committee for the partnerships in its remit)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from register import pdf as pdf_module
from register.choices import ArrangementType, Kind
from tests.factories import CommitteeFactory, PortfolioFactory
from tests.publication_helpers import live, published

pytestmark = pytest.mark.django_db


def text_of(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


@pytest.fixture
def edition(register_owner):
    community = CommitteeFactory(name="Community and Environment Cabinet Committee")
    finance = CommitteeFactory(name="Finance and Corporate Services Cabinet Committee")
    live(name="Safer Gravesham", portfolio=PortfolioFactory(name="Community", committee=community))
    live(
        name="Shared Audit",
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.FULL_SHARED_SERVICE,
        portfolio=PortfolioFactory(name="Finance", committee=finance),
    )
    live(name="Not in any remit", is_statutory=False)
    return published(register_owner, 2026)


def download(client, name, *args):
    response = client.get(reverse(f"published:{name}", args=args))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_the_whole_edition_is_one_tagged_pdf_split_by_part_of_the_register(client, edition):
    content = download(client, "pdf", "2026")
    reader = PdfReader(io.BytesIO(content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged, for screen readers
    text = text_of(content)
    for words in (
        "Significant partnerships (1)",
        "Safer Gravesham",
        "Key other partnerships (1)",
        "Not in any remit",
        "Shared working arrangements (1)",
        "Shared Audit",
        "Contains public sector information licensed under the Open Government Licence v3.0",
    ):
        assert words in text
    assert text.index("Significant partnerships") < text.index("Shared working arrangements")


@pytest.mark.parametrize(
    ("committee", "included", "left_out"),
    [
        ("community-and-environment-cabinet-committee", "Safer Gravesham", "Shared Audit"),
        ("finance-and-corporate-services-cabinet-committee", "Shared Audit", "Safer Gravesham"),
    ],
)
def test_a_committees_extract_has_only_the_entries_in_its_remit(
    client, edition, committee, included, left_out
):
    text = text_of(download(client, "committee-pdf", "2026", committee))
    assert included in text
    assert left_out not in text and "Not in any remit" not in text
    assert "Cabinet Committee: extract of the Corporate Register" in text


def test_the_edition_page_links_each_committees_extract(client, edition):
    text = client.get(reverse("published:edition", args=["2026"])).content.decode()
    assert "/published/2026/committees/community-and-environment-cabinet-committee.pdf" in text
    assert "/published/2026/committees/finance-and-corporate-services-cabinet-committee.pdf" in text


def test_a_committee_with_no_entries_in_the_edition_has_no_extract(client, edition):
    url = reverse("published:committee-pdf", args=["2026", "planning-committee"])
    assert client.get(url).status_code == 404


def test_a_published_editions_pdf_is_made_once(client, edition, monkeypatch):
    renders = []
    real = pdf_module.render_pdf
    monkeypatch.setattr(
        pdf_module, "render_pdf", lambda *a, **k: renders.append(1) or real(*a, **k)
    )
    first = download(client, "pdf", "2026")
    assert download(client, "pdf", "2026") == first
    assert len(renders) == 1
