"""What a published entry is: one list of fields that defines the entry page, the CSV's
columns, the W3C CSV on the Web metadata and the Frictionless Table Schema, so none of them
can drift from the others; and the open data files built from an edition's snapshot.

A field's value is read from a live arrangement when an edition's snapshot is taken and
kept in the edition as JSON (dates as ISO strings, money as a plain decimal string). People
appear by role or job title unless settings.PUBLISH_PEOPLE_NAMES; council representatives,
Member involvement and anything personal are not fields, so they are never published.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from register.choices import Sector
from register.formatting import capitalised, long_date, money, person, yes_no
from register.policies import get_policy
from register.roles import Role
from register.spreadsheets import XLSX

CSVW = "application/csvm+json"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
OGL_NAME = "OGL-UK-3.0"
OGL_TITLE = "Open Government Licence v3.0"
OGL_NOTICE = "Contains public sector information licensed under the Open Government Licence v3.0."


@dataclass(frozen=True)
class Reading:
    """What a field's value depends on besides the arrangement."""

    policy: object
    names_allowed: bool
    organisation_identifier: str


@dataclass(frozen=True)
class Field:
    name: str  # the CSV header, JSON key and schema name
    title: str  # in words, for pages and metadata
    datatype: str  # "string", "date", "number" or "boolean"
    description: str
    read: Callable  # (arrangement, Reading) -> str | bool | None

    @property
    def csvw_datatype(self) -> str:
        return {"number": "decimal"}.get(self.datatype, self.datatype)


def _iso(day):
    return day.isoformat() if day else None


def _amount(value):
    return f"{Decimal(value):.2f}" if value is not None else None


def _officer(arrangement, reading):
    """The lead officer by role and service, or by name as well where names may be shown."""
    officer = arrangement.lead_officer
    if officer is None:
        return None
    title = capitalised(reading.policy.title(Role.LEAD_OFFICER))
    role = f"{title}, {arrangement.service}" if arrangement.service else title
    return f"{person(officer)} ({role})" if reading.names_allowed else role


def _lead_members(arrangement, reading):
    """The Member who holds the arrangement's portfolio, by their office."""
    portfolio = arrangement.portfolio
    if portfolio is None:
        return None
    # The policies say "the relevant Portfolio Holder": here it is the one of this portfolio.
    office = capitalised(reading.policy.title(Role.PORTFOLIO_HOLDER).removeprefix("relevant "))
    role = f"{office} for {portfolio.name}"
    if reading.names_allowed and portfolio.holder is not None:
        return f"{person(portfolio.holder)} ({role})"
    return role


def _partners(arrangement, reading):
    """Each partner with its sector; a person taking part as an individual is named only
    where the council publishes names (OGL does not cover personal data)."""
    partners = [
        "An individual"
        if p.sector == Sector.INDIVIDUAL and not reading.names_allowed
        else f"{p.name} ({p.get_sector_display()})"
        for p in arrangement.partners.all()
    ]
    return "; ".join(partners) or None


def _outcomes(arrangement, reading):
    return "; ".join(o.description for o in arrangement.objectives.all()) or None


def _committee(arrangement, reading):
    portfolio = arrangement.portfolio
    return str(portfolio.committee) if portfolio and portfolio.committee else None


FIELDS = (
    Field(
        "reference",
        "Reference",
        "string",
        "The register's reference of the arrangement",
        lambda a, r: a.reference,
    ),
    Field(
        "name",
        "Name",
        "string",
        "The name of the partnership or shared service",
        lambda a, r: a.name,
    ),
    Field(
        "section",
        "Part of the register",
        "string",
        "The part of the register it is published in, under the council's policy",
        lambda a, r: r.policy.register_section(a),
    ),
    Field(
        "category",
        "Category",
        "string",
        "Its category under the council's policy",
        lambda a, r: r.policy.effective_classification(a).category.label,
    ),
    Field(
        "kind", "Kind", "string", "Partnership or shared service", lambda a, r: a.get_kind_display()
    ),
    Field(
        "type",
        "Type",
        "string",
        "The type of partnership or shared service",
        lambda a, r: a.get_type_display() or None,
    ),
    Field(
        "responsible_officer",
        "Responsible officer",
        "string",
        "The officer responsible for it, by role and service",
        _officer,
    ),
    Field(
        "lead_members",
        "Lead Member(s)",
        "string",
        "The Cabinet Member whose portfolio it is in, by office",
        _lead_members,
    ),
    Field(
        "statutory",
        "Statutory",
        "boolean",
        "Whether it is set up to deliver a legal or statutory requirement",
        lambda a, r: a.is_statutory,
    ),
    Field(
        "date_created",
        "Date created",
        "date",
        "The date it was formed or is due to start",
        lambda a, r: _iso(a.start_date),
    ),
    Field(
        "due_to_end",
        "Due to end",
        "date",
        "The date it is due to end, if set",
        lambda a, r: _iso(a.end_date),
    ),
    Field(
        "aims_and_objectives",
        "Aims and objectives",
        "string",
        "Its purpose, aims and objectives",
        lambda a, r: a.purpose or None,
    ),
    Field(
        "expected_outcomes",
        "Expected outcomes",
        "string",
        "The outcomes it is expected to achieve",
        _outcomes,
    ),
    Field(
        "partners",
        "Partners",
        "string",
        "The other partner organisations, each with its sector",
        _partners,
    ),
    Field(
        "council_resources_per_year",
        "Council resources a year (£)",
        "number",
        "The council's cash, costed staff time and in-kind contribution a year, in pounds",
        lambda a, r: _amount(a.council_resources_per_year),
    ),
    Field(
        "next_review",
        "Next review",
        "date",
        "The date its next review is due",
        lambda a, r: _iso(a.next_review_due),
    ),
    Field(
        "reported_to",
        "Reported to",
        "string",
        "The Cabinet Committee whose remit it is in",
        _committee,
    ),
    Field(
        "organisation_identifier",
        "Organisation identifier",
        "string",
        "The council's identifier (org-id.guide)",
        lambda a, r: r.organisation_identifier,
    ),
)
BY_NAME = {field.name: field for field in FIELDS}
# Shown beside each name in the list of an edition's entries (where the policy publishes them).
LISTED = ("category", "council_resources_per_year")
PRIMARY_KEY = "reference"


def reading_for(policy) -> Reading:
    return Reading(
        policy=policy,
        names_allowed=settings.PUBLISH_PEOPLE_NAMES,
        organisation_identifier=settings.ORGANISATION_IDENTIFIER,
    )


def published_field_names(policy) -> list[str]:
    """The fields the policy publishes, in the field list's order."""
    chosen = set(policy.published_fields or BY_NAME)
    return [field.name for field in FIELDS if field.name in chosen]


def entry_of(arrangement, reading) -> dict:
    """Every field's value for one arrangement, as the snapshot keeps it."""
    return {field.name: field.read(arrangement, reading) for field in FIELDS}


def fields_of(edition) -> list[Field]:
    return [BY_NAME[name] for name in edition.fields]


# --- Values in each file ------------------------------------------------------------------


def csv_value(value) -> str:
    """Booleans as true / false, nothing as an empty cell, the rest as kept."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def json_value(field, value):
    """Money as a JSON number; everything else as kept."""
    if value is not None and field.datatype == "number":
        return float(Decimal(value))
    return value


def typed_value(field, value):
    """For a spreadsheet: money as a number, dates as dates."""
    if value is None:
        return None
    if field.datatype == "number":
        return Decimal(value)
    if field.datatype == "date":
        return datetime.date.fromisoformat(value)
    return value


def rows(edition, *, typed=False):
    """The rows of register.csv (plain values) or register.xlsx (typed), header first."""
    fields = fields_of(edition)
    yield [field.name for field in fields]
    for entry in edition.entries:
        if typed:
            yield [typed_value(field, entry[field.name]) for field in fields]
        else:
            yield [csv_value(entry[field.name]) for field in fields]


def json_document(edition, *, publisher: str) -> str:
    fields = fields_of(edition)
    document = {
        "title": edition_title(edition),
        "edition": edition.slug,
        "publisher": {"name": publisher, "identifier": settings.ORGANISATION_IDENTIFIER},
        "issued": _iso(edition.published_at),
        "policy": edition.policy,
        "correction": edition.correction_note or None,
        "licence": {"name": OGL_TITLE, "url": OGL_URL, "notice": OGL_NOTICE},
        "fields": [{"name": f.name, "title": f.title, "type": f.datatype} for f in fields],
        "entries": [
            {f.name: json_value(f, entry[f.name]) for f in fields} for entry in edition.entries
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def edition_title(edition) -> str:
    return f"{get_policy().register_title}: {edition.label}"


def csvw_metadata(edition, *, publisher: str) -> dict:
    """W3C CSV on the Web metadata of register.csv (beside it at the same address)."""
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": "register.csv",
        "dc:title": edition_title(edition),
        "dc:description": f"{OGL_NOTICE} Built under {edition.policy}.",
        "dc:publisher": {
            "schema:name": publisher,
            "schema:identifier": settings.ORGANISATION_IDENTIFIER,
        },
        "dc:issued": {"@value": _iso(edition.published_at), "@type": "xsd:dateTime"},
        "dc:modified": {"@value": _iso(edition.published_at), "@type": "xsd:dateTime"},
        "dc:license": {"@id": OGL_URL},
        "dialect": {"header": True, "encoding": "utf-8"},
        "tableSchema": {
            "columns": [
                {
                    "name": field.name,
                    # The header row holds the names (as Frictionless expects); either
                    # matches the column.
                    "titles": [field.name, field.title],
                    "dc:description": field.description,
                    "datatype": field.csvw_datatype,
                    **({"required": True} if field.name == PRIMARY_KEY else {}),
                }
                for field in fields_of(edition)
            ],
            "primaryKey": PRIMARY_KEY,
        },
    }


def datapackage(edition, *, publisher: str) -> dict:
    """A Frictionless Data Package of register.csv, with its Table Schema."""
    return {
        "name": f"register-of-partnerships-{edition.slug}",
        "title": edition_title(edition),
        "description": f"{OGL_NOTICE} Built under {edition.policy}.",
        "created": _iso(edition.published_at),
        "licenses": [{"name": OGL_NAME, "path": OGL_URL, "title": OGL_TITLE}],
        "contributors": [{"title": publisher, "role": "publisher"}],
        "resources": [
            {
                "name": "register",
                "path": "register.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {
                            "name": field.name,
                            "title": field.title,
                            "description": field.description,
                            "type": field.datatype,
                            **(
                                {"constraints": {"required": True, "unique": True}}
                                if field.name == PRIMARY_KEY
                                else {}
                            ),
                        }
                        for field in fields_of(edition)
                    ],
                    "primaryKey": [PRIMARY_KEY],
                },
            }
        ],
    }


def catalogue(editions, *, publisher: str, absolute) -> dict:
    """The published editions as DCAT datasets (data.json), each with its files.
    `absolute` makes a full address of a path."""
    from django.urls import reverse

    def address(name, edition):
        return absolute(reverse(f"published:{name}", args=[edition.slug]))

    files = (
        ("csv", "text/csv", "CSV"),
        ("json", "application/json", "JSON"),
        ("xlsx", XLSX, "Excel"),
        ("csvw", CSVW, "CSV on the Web metadata"),
        ("datapackage", "application/json", "Frictionless Data Package"),
    )
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "dataset": [
            {
                "@type": "dcat:Dataset",
                "identifier": address("edition", edition),
                "title": edition_title(edition),
                "description": f"The council's partnerships and shared services as published "
                f"in the {edition.label}, built under {edition.policy}. {OGL_NOTICE}",
                "issued": _iso(edition.published_at),
                "modified": _iso(edition.published_at),
                "license": OGL_URL,
                "rights": OGL_NOTICE,
                "publisher": {
                    "@type": "org:Organization",
                    "name": publisher,
                    "identifier": settings.ORGANISATION_IDENTIFIER,
                },
                "landingPage": address("edition", edition),
                "distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "title": title,
                        "downloadURL": address(name, edition),
                        "mediaType": media_type,
                    }
                    for name, media_type, title in files
                ],
            }
            for edition in editions
        ],
    }


def shown(field, value) -> str:
    """A value as pages and PDFs show it: £62,000, 1 April 2026, Yes."""
    if value is None or value == "":
        return "Not given"
    if field.datatype == "number":
        return money(value)
    if field.datatype == "date":
        return long_date(datetime.date.fromisoformat(value))
    if field.datatype == "boolean":
        return yes_no(value)
    return value
