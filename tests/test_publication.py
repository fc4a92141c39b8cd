"""Editions of the published register (issue 12, points 1 and 2): what is in them under each
council's policy, in what order, what an entry shows, and how publishing is kept."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from register import open_data, publication
from register.choices import ArrangementType, Kind, Sector, Status
from register.models import Edition, EditionStatus
from register.roles import Role
from register.services import record_arrangement
from tests.factories import (
    CommitteeFactory,
    CouncilRepresentativeFactory,
    ObjectiveFactory,
    PartnerFactory,
    PortfolioFactory,
    ServiceFactory,
    UserFactory,
)
from tests.publication_helpers import live, published

pytestmark = pytest.mark.django_db


def names(edition):
    return [entry["name"] for entry in edition.entries]


# --- Publishing: the register owner, a snapshot, corrections, history ---------------------


@pytest.mark.parametrize(
    "role", [r for r in Role if r != Role.REGISTER_OWNER], ids=lambda role: role.value
)
def test_only_the_register_owner_prepares_an_edition_g_5_6c(role):
    someone = UserFactory(roles=[role])
    with pytest.raises(PermissionDenied):
        publication.prepare_edition(year=2026, user=someone)


def test_only_the_register_owner_publishes_an_edition(register_owner):
    live()
    draft = publication.prepare_edition(year=2026, user=register_owner)
    administrator = UserFactory(roles=[Role.ADMINISTRATOR], is_superuser=True)
    with pytest.raises(PermissionDenied):
        publication.publish_edition(edition=draft, user=administrator)
    draft.refresh_from_db()
    assert draft.status == EditionStatus.DRAFT


def test_a_published_edition_is_a_snapshot_later_edits_never_change_it(register_owner):
    arrangement = live(name="Gravesham Community Safety Partnership")
    edition = published(register_owner)
    arrangement.name = "Renamed Partnership"
    arrangement.cash_per_year = Decimal("90000")
    record_arrangement(arrangement=arrangement, user=register_owner)
    edition.refresh_from_db()
    assert names(edition) == ["Gravesham Community Safety Partnership"]
    assert edition.entries[0]["council_resources_per_year"] == "15000.00"


def test_an_edit_after_publishing_is_in_the_next_editions_list_of_changes(register_owner):
    arrangement = live()
    first = published(register_owner, 2026)
    arrangement.cash_per_year = Decimal("60000")
    record_arrangement(arrangement=arrangement, user=register_owner)
    second = published(register_owner, 2027)
    changes = publication.changes_between(publication.previous_edition(second), second)
    assert publication.previous_edition(second) == first
    assert [change.what for change in changes.changed] == [
        ("council resources a year changed from £15,000 to £65,000",)
    ]


def test_changes_list_new_ended_and_recategorised_entries(register_owner):
    staying = live(name="Staying", is_statutory=False)
    ending = live(name="Ending")
    published(register_owner, 2026)
    live(name="New")
    ending.status = Status.ENDED
    ending.save()
    staying.is_statutory = True  # now significant (G 1.11b)
    staying.save()
    second = published(register_owner, 2027)
    changes = publication.changes_between(publication.previous_edition(second), second)
    assert [e["name"] for e in changes.new] == ["New"]
    assert [e["name"] for e in changes.ended] == ["Ending"]
    assert [(c.entry["name"], c.what) for c in changes.changed] == [
        ("Staying", ("category changed from Other to Significant",))
    ]


def test_a_correction_is_a_new_edition_numbered_on_with_its_note(register_owner):
    live()
    first = published(register_owner, 2026)
    correction = published(register_owner, 2026, correction_note="The Kent Police entry's partners")
    assert (first.slug, correction.slug) == ("2026", "2026-2")
    assert correction.label == "2026 edition, correction 1"
    assert publication.latest_edition() == correction
    assert publication.previous_edition(correction) == first


@pytest.mark.parametrize("note", ["", "   "], ids=["empty", "spaces"])
def test_a_correction_must_say_what_it_corrects(register_owner, note):
    live()
    published(register_owner, 2026)
    with pytest.raises(ValidationError) as refused:
        publication.prepare_edition(year=2026, user=register_owner, correction_note=note)
    assert "Say what this edition corrects" in str(refused.value)


def test_an_edition_for_a_year_before_the_latest_published_is_refused(register_owner):
    live()
    published(register_owner, 2026)
    with pytest.raises(ValidationError) as refused:
        publication.prepare_edition(year=2025, user=register_owner)
    assert "Enter 2026 or later" in str(refused.value)


def test_preparing_a_year_again_takes_the_drafts_snapshot_again(register_owner):
    live(name="First")
    draft = publication.prepare_edition(year=2026, user=register_owner)
    live(name="Second")
    again = publication.prepare_edition(year=2026, user=register_owner)
    assert again.pk == draft.pk
    assert sorted(names(again)) == ["First", "Second"]
    assert Edition.objects.count() == 1


def test_an_edition_is_published_exactly_as_previewed(register_owner):
    live(name="Previewed")
    draft = publication.prepare_edition(year=2026, user=register_owner)
    live(name="Added after the preview")
    edition = publication.publish_edition(edition=draft, user=register_owner)
    assert names(edition) == ["Previewed"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("published", "already published"),
        ("empty", "nothing to publish"),
    ],
)
def test_publishing_twice_or_publishing_nothing_is_refused(register_owner, setup, message):
    if setup == "published":
        live()
        edition = published(register_owner)
    else:
        edition = publication.prepare_edition(year=2026, user=register_owner)
    with pytest.raises(ValidationError) as refused:
        publication.publish_edition(edition=edition, user=register_owner)
    assert message in str(refused.value)


def test_preparing_and_publishing_are_in_the_editions_history_with_the_owner(register_owner):
    live()
    edition = published(register_owner)
    history = list(edition.history.order_by("history_date"))
    assert [(h.status, h.history_user) for h in history] == [
        (EditionStatus.DRAFT, register_owner),
        (EditionStatus.PUBLISHED, register_owner),
    ]
    assert edition.published_by == register_owner
    assert edition.policy == "Gravesham Borough Council, Working in Partnership Framework 2021"


# --- What is in an edition, and in what order, under each council's policy ---------------


@pytest.mark.parametrize(
    ("status", "included"),
    [
        (Status.DRAFT, False),
        (Status.SUBMITTED, False),
        (Status.IN_APPROVAL, False),
        (Status.DECLINED, False),
        (Status.ACTIVE, True),
        (Status.CONDITIONAL_SUPPORT, True),
        (Status.UNDER_REVIEW, True),
        (Status.WITHDRAWING, True),
        (Status.ENDED, False),
        (Status.DISPOSAL_REVIEW, False),
    ],
)
def test_only_approved_arrangements_not_yet_ended_are_published(register_owner, status, included):
    live(status=status)
    draft = publication.prepare_edition(year=2026, user=register_owner)
    assert bool(draft.entries) is included


def test_gravesham_excludes_ad_hoc_arrangements_g_5_6c(register_owner):
    live(name="Urgent", is_statutory=False, is_urgent=True, end_date=datetime.date(2026, 9, 1))
    live(name="Lasting", is_statutory=False)
    assert names(publication.prepare_edition(year=2026, user=register_owner)) == ["Lasting"]


def test_gravesham_splits_significant_key_other_and_shared_working_g_6_6(register_owner):
    live(name="Zeta significant", is_statutory=True)
    live(name="Alpha other", is_statutory=False)
    live(
        name="Beta shared",
        kind=Kind.SHARED_SERVICE,
        type=ArrangementType.JOINT_OFFICER,
        is_statutory=True,
    )
    edition = publication.prepare_edition(year=2026, user=register_owner)
    assert [
        (section, [e["name"] for e in found])
        for section, found in publication.sections_of(edition.entries)
    ] == [
        ("Significant partnerships", ["Zeta significant"]),
        ("Key other partnerships", ["Alpha other"]),
        ("Shared working arrangements", ["Beta shared"]),
    ]


def test_south_derbyshire_orders_statutory_community_network_and_leaves_out_shared_services(
    register_owner, settings
):
    settings.COUNCIL_POLICY = "south_derbyshire"
    live(name="A forum", type=ArrangementType.NETWORK_FORUM, is_statutory=False)
    live(name="B community", type=ArrangementType.COMMUNITY, is_statutory=False)
    live(name="C statutory", type=ArrangementType.STRATEGIC, is_statutory=True)
    live(name="D shared", kind=Kind.SHARED_SERVICE, type=ArrangementType.JOINT_OFFICER)
    assert names(publication.prepare_edition(year=2026, user=register_owner)) == [
        "C statutory",
        "B community",
        "A forum",
    ]


def test_dartford_publishes_every_major_and_minor_partnership_d_4(register_owner, settings):
    settings.COUNCIL_POLICY = "dartford"
    live(name="Minor one")
    live(name="Another")
    edition = publication.prepare_edition(year=2026, user=register_owner)
    assert sorted(names(edition)) == ["Another", "Minor one"]
    assert {entry["category"] for entry in edition.entries} == {"Minor"}


def test_brentwood_publishes_description_aims_and_partners(register_owner, settings):
    settings.COUNCIL_POLICY = "brentwood"
    live()
    edition = publication.prepare_edition(year=2026, user=register_owner)
    assert edition.fields == [
        "reference",
        "name",
        "category",
        "aims_and_objectives",
        "expected_outcomes",
        "partners",
        "organisation_identifier",
    ]


# --- What an entry shows -----------------------------------------------------------------


def entry_of(owner, arrangement):
    edition = publication.prepare_edition(year=2026, user=owner)
    return next(e for e in edition.entries if e["reference"] == arrangement.reference)


def test_an_entry_shows_every_field_of_the_field_list(register_owner):
    committee = CommitteeFactory(name="Community and Environment Cabinet Committee")
    portfolio = PortfolioFactory(name="Community Safety", committee=committee)
    arrangement = live(
        name="Gravesham Community Safety Partnership",
        service=ServiceFactory(name="Community Safety"),
        portfolio=portfolio,
        end_date=datetime.date(2030, 3, 31),
        next_review_due=datetime.date(2027, 4, 1),
    )
    PartnerFactory(arrangement=arrangement, name="Kent Police", sector=Sector.POLICE_FIRE)
    ObjectiveFactory(arrangement=arrangement, description="Fewer burglaries")
    assert entry_of(register_owner, arrangement) == {
        "reference": arrangement.reference,
        "name": "Gravesham Community Safety Partnership",
        "section": "Significant partnerships",
        "category": "Significant",
        "kind": "Partnership",
        "type": "Strategic partnership",
        "responsible_officer": "Lead officer, Community Safety",
        "lead_members": "Cabinet Portfolio Holder for Community Safety",
        "statutory": True,
        "date_created": "2026-04-01",
        "due_to_end": "2030-03-31",
        "aims_and_objectives": "Reduce crime and disorder across the borough.",
        "expected_outcomes": "Fewer burglaries",
        "partners": "Kent Police (Police, fire and rescue)",
        "council_resources_per_year": "15000.00",
        "next_review": "2027-04-01",
        "reported_to": "Community and Environment Cabinet Committee",
        "organisation_identifier": "GB-LAE-GRA",
    }
    assert list(entry_of(register_owner, arrangement)) == [field.name for field in open_data.FIELDS]


@pytest.mark.parametrize(
    ("names_allowed", "officer", "member"),
    [
        (False, "Lead officer, Housing", "Cabinet Portfolio Holder for Housing"),
        (
            True,
            "Priya Sharma (Lead officer, Housing)",
            "Harjit Sandhu (Cabinet Portfolio Holder for Housing)",
        ),
    ],
    ids=["by role unless names are allowed", "named where the setting allows"],
)
def test_people_appear_by_role_unless_the_council_allows_names(
    register_owner, settings, names_allowed, officer, member
):
    settings.PUBLISH_PEOPLE_NAMES = names_allowed
    holder = UserFactory(first_name="Harjit", last_name="Sandhu", roles=[Role.PORTFOLIO_HOLDER])
    arrangement = live(
        lead_officer=UserFactory(first_name="Priya", last_name="Sharma"),
        service=ServiceFactory(name="Housing"),
        portfolio=PortfolioFactory(name="Housing", holder=holder),
    )
    entry = entry_of(register_owner, arrangement)
    assert (entry["responsible_officer"], entry["lead_members"]) == (officer, member)


def test_representatives_member_involvement_and_personal_data_are_never_published(
    register_owner, settings
):
    settings.PUBLISH_PEOPLE_NAMES = True
    arrangement = live(
        member_involvement="Cllr Wendy Secret sits on the board",
        data_protection_notes="Shares Zebedee's case files",
        shares_personal_data=True,
        safeguarding_impact="Children at Quince Road",
    )
    CouncilRepresentativeFactory(arrangement=arrangement, name="Rupert Hidden", role="Chair")
    text = repr(entry_of(register_owner, arrangement))
    for secret in ("Wendy", "Zebedee", "Quince", "Rupert", "Hidden", "Chair"):
        assert secret not in text


def test_the_councils_organisation_identifier_comes_from_the_setting(register_owner, settings):
    settings.ORGANISATION_IDENTIFIER = "GB-LAE-DAR"
    assert entry_of(register_owner, live())["organisation_identifier"] == "GB-LAE-DAR"


def test_changes_say_nothing_of_what_the_council_does_not_publish(register_owner, settings):
    settings.COUNCIL_POLICY = "brentwood"
    arrangement = live()
    published(register_owner, 2026)
    arrangement.cash_per_year = Decimal("90000")
    arrangement.save()
    second = published(register_owner, 2027)
    changes = publication.changes_between(publication.previous_edition(second), second)
    assert "council_resources_per_year" not in second.fields
    assert not changes
