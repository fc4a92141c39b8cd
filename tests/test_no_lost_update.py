"""No lost update (issue 10, point 8): every edit form carries the version it was opened at;
a save over a newer version is refused (409) with the conflict page, which shows the saved
value and the typed one field by field, keeps what was typed, and applies it on top.

Each case is one kind of edit form, opened by two officers at once: the other officer saves
first, then this one. The values posted are chosen to read back as typed (str of what is
stored), and each is shown on the conflict page in words, never as a raw key."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from register.models import FormResponse
from register.policies.dartford import POLICY as DARTFORD
from register.roles import Role
from tests.editing import hidden_inputs, post_as_opened, version_on
from tests.factories import (
    ArrangementFactory,
    CorporateObjectiveFactory,
    CouncilRepresentativeFactory,
    FormResponseFactory,
    MeasureResultFactory,
    ObjectiveFactory,
    PartnerFactory,
    PerformanceMeasureFactory,
    RiskFactory,
    UserFactory,
)
from tests.test_arrangement_form import form_data

pytestmark = pytest.mark.django_db

HEADING = "Someone else changed this while you were editing"


def part_url(arrangement, part, row):
    return reverse("register:part-edit", args=[arrangement.reference, part, row.pk])


def measure_of(arrangement):
    return PerformanceMeasureFactory(objective=ObjectiveFactory(arrangement=arrangement))


@dataclass(frozen=True)
class EditForm:
    """One kind of edit form: its page (making the row to edit), the form as posted with a
    value in the field the two officers both change, and that field's saved value."""

    open: Callable  # arrangement -> the edit page's URL
    posted: Callable  # (arrangement, value) -> the form's data
    saved: Callable  # arrangement -> the field's saved value, as a string
    label: str
    theirs: tuple[str, str]  # (posted, shown on the conflict page)
    mine: tuple[str, str]
    policy: str = "gravesham"


SCORECARD = DARTFORD.questions_in("scorecard")  # Dartford's Appendix 1 checklist page

EDIT_FORMS = {
    "arrangement": EditForm(
        open=lambda a: reverse("register:edit", args=[a.reference]),
        posted=lambda a, value: form_data(a, cash_per_year=value) | {"version": ""},
        saved=lambda a: str(type(a).objects.get(pk=a.pk).cash_per_year),
        label="Council cash a year (£)",
        theirs=("62000.00", "£62,000"),
        mine=("70000.50", "£70,000.50"),
    ),
    "partner": EditForm(
        open=lambda a: part_url(a, "partners", PartnerFactory(arrangement=a)),
        posted=lambda a, value: {"name": "Kent Police", "sector": value},
        saved=lambda a: a.partners.latest("pk").sector,
        label="Sector",
        theirs=("health", "Health"),
        mine=("voluntary", "Voluntary sector"),
    ),
    "council representative": EditForm(
        open=lambda a: part_url(a, "representatives", CouncilRepresentativeFactory(arrangement=a)),
        posted=lambda a, value: {
            "name": "Jo Bloggs",
            "role": "Board member",
            "start_date_0": "1",
            "start_date_1": "4",
            "start_date_2": "2026",
            "finish_date_0": value,
            "finish_date_1": "3",
            "finish_date_2": "2027",
        },
        saved=lambda a: str(a.councilrepresentatives.get().finish_date.day),
        label="Finish date (if they have stopped)",
        theirs=("30", "30 March 2027"),
        mine=("31", "31 March 2027"),
    ),
    "objective": EditForm(
        open=lambda a: part_url(a, "objectives", ObjectiveFactory(arrangement=a)),
        posted=lambda a, value: {"description": value},
        saved=lambda a: a.objectives.get().description,
        label="Objective",
        theirs=("Fewer empty shops", "Fewer empty shops"),
        mine=("A busier high street", "A busier high street"),
    ),
    "key performance measure": EditForm(
        open=lambda a: part_url(a, "measures", measure_of(a)),
        posted=lambda a, value: {
            "objective": a.objectives.get().pk,
            "name": "Reported incidents",
            "unit": value,
        },
        saved=lambda a: a.objectives.get().measures.get().unit,
        label="Unit",
        theirs=("incidents a month", "incidents a month"),
        mine=("incidents a year", "incidents a year"),
    ),
    "target and outturn": EditForm(
        open=lambda a: part_url(a, "results", MeasureResultFactory(measure=measure_of(a))),
        posted=lambda a, value: {
            "measure": a.objectives.get().measures.get().pk,
            "year": "2026",
            "target": "400",
            "outturn": value,
        },
        saved=lambda a: str(a.objectives.get().measures.get().results.get().outturn),
        label="Outturn (if known)",
        theirs=("1250.00", "1,250"),
        mine=("1300.50", "1,300.5"),
    ),
    "risk": EditForm(
        open=lambda a: part_url(a, "risks", RiskFactory(arrangement=a)),
        posted=lambda a, value: {"description": "Funding ends", "likelihood": value, "impact": "4"},
        saved=lambda a: str(a.risks.latest("pk").likelihood),
        label="How likely is it to happen?",
        theirs=("3", "3 – Possible"),
        mine=("5", "5 – Almost certain"),
    ),
    "checklist": EditForm(
        open=lambda a: reverse("register:checklist", args=[a.reference, "scorecard"]),
        posted=lambda a, value: {q.key: "False" for q in SCORECARD} | {SCORECARD[0].key: value},
        saved=lambda a: str(type(a).objects.get(pk=a.pk).policy_answers[SCORECARD[0].key]),
        label=SCORECARD[0].text,
        theirs=("True", "Yes"),
        mine=("False", "No"),
        policy="dartford",
    ),
    "council form": EditForm(
        open=lambda a: reverse(
            "council_forms:fill",
            args=[
                a.reference,
                "approval",
                # Opened at an answer neither officer types: typing what was already there
                # is no change, and no conflict (tests/test_nothing_changed.py).
                FormResponseFactory(arrangement=a, answers={"aims": "As first drafted"}).form_key,
            ],
        ),
        posted=lambda a, value: {"aims": value, "action": "draft"},
        saved=lambda a: FormResponse.objects.get(arrangement=a).answers["aims"],
        label="What is the partnership planning to achieve?",
        theirs=("Safer streets", "Safer streets"),
        mine=("Safer streets at night", "Safer streets at night"),
    ),
}


@pytest.fixture(params=list(EDIT_FORMS), ids=list(EDIT_FORMS))
def edit_form(request, settings):
    case = EDIT_FORMS[request.param]
    settings.COUNCIL_POLICY = case.policy
    return case


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def officers():
    """Two officers who may change the same draft: its lead officer, and the register's owner."""
    lead = UserFactory(roles=[Role.LEAD_OFFICER], first_name="Priya", last_name="Shah")
    owner = UserFactory(roles=[Role.REGISTER_OWNER], first_name="Sam", last_name="Okoro")
    return signed_in(lead), signed_in(owner), lead


@pytest.fixture
def opened_by_both(edit_form, officers):
    """The edit page opened by both officers; the other one (the owner) has saved since.
    (me, the page's URL, the version both opened, the arrangement)."""
    me, other, lead = officers
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    url = edit_form.open(arrangement)
    opened = version_on(me.get(url))
    assert version_on(other.get(url)) == opened
    theirs = other.post(
        url, edit_form.posted(arrangement, edit_form.theirs[0]) | {"version": opened}
    )
    assert theirs.status_code == 302, theirs.content.decode()[:2000]
    return me, url, opened, arrangement


def test_a_save_over_a_newer_version_is_refused_and_theirs_is_kept(edit_form, opened_by_both):
    me, url, opened, arrangement = opened_by_both

    page = me.post(url, edit_form.posted(arrangement, edit_form.mine[0]) | {"version": opened})

    assert page.status_code == 409
    assert edit_form.saved(arrangement) == edit_form.theirs[0]  # nothing of theirs lost


def test_the_conflict_page_shows_their_value_and_what_was_typed_in_words(edit_form, opened_by_both):
    me, url, opened, arrangement = opened_by_both

    page = me.post(url, edit_form.posted(arrangement, edit_form.mine[0]) | {"version": opened})

    body = page.content.decode()
    assert HEADING in body
    assert "Sam Okoro saved" in body
    row = body[body.index(f">{edit_form.label}<".replace("'", "&#x27;")) :]
    row = row[: row.index("</tr>")]
    assert f">{edit_form.theirs[1]}<" in row
    assert f">{edit_form.mine[1]}<" in row
    assert body.count('<tr class="govuk-table__row">') == 2  # its heading, and that field only
    assert 'href="' + url + '"' in body  # Keep theirs: back to the page


def test_apply_mine_on_top_saves_what_was_typed_without_typing_it_again(edit_form, opened_by_both):
    me, url, opened, arrangement = opened_by_both
    conflict = me.post(url, edit_form.posted(arrangement, edit_form.mine[0]) | {"version": opened})

    applied = me.post(url, hidden_inputs(conflict))  # the page's own form, as it is

    assert applied.status_code == 302
    assert edit_form.saved(arrangement) == edit_form.mine[0]


def test_a_save_at_the_version_saved_now_still_works(edit_form, officers):
    me, _other, lead = officers
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    url = edit_form.open(arrangement)

    first = post_as_opened(me, url, edit_form.posted(arrangement, edit_form.theirs[0]))
    second = post_as_opened(me, url, edit_form.posted(arrangement, edit_form.mine[0]))

    assert (first.status_code, second.status_code) == (302, 302)
    assert edit_form.saved(arrangement) == edit_form.mine[0]


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="blank"),
        pytest.param("yesterday", id="garbled"),
        pytest.param("2026-13-45T10:00:00+00:00", id="not-a-date"),
        pytest.param("2026-12-01T10:00:00", id="without-a-time-zone"),
    ],
)
@pytest.mark.parametrize("kind", ["arrangement", "risk", "council form"])
def test_a_missing_or_garbled_version_is_refused_with_a_clear_message(kind, token, officers):
    edit_form = EDIT_FORMS[kind]
    me, _other, lead = officers
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    url = edit_form.open(arrangement)
    before = edit_form.saved(arrangement)
    data = edit_form.posted(arrangement, edit_form.mine[0])
    data.pop("version", None)

    page = me.post(url, data if token is None else data | {"version": token})

    assert page.status_code == 400
    assert "this page did not say which version it was opened at" in page.content.decode()
    assert edit_form.saved(arrangement) == before


def test_what_was_typed_is_escaped_on_the_conflict_page(officers):
    edit_form = EDIT_FORMS["objective"]
    me, other, lead = officers
    arrangement = ArrangementFactory(lead_officer=lead)
    url = edit_form.open(arrangement)
    opened = version_on(me.get(url))
    other.post(url, {"description": "Theirs", "version": opened})

    page = me.post(url, {"description": '"><script>alert(1)</script>', "version": opened})

    body = page.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert hidden_inputs(page)["description"] == ['"><script>alert(1)</script>']


def test_a_council_form_first_saved_by_someone_else_while_it_was_open_empty_is_a_conflict(
    officers,
):
    me, other, lead = officers
    arrangement = ArrangementFactory(lead_officer=lead)
    url = reverse(
        "council_forms:fill", args=[arrangement.reference, "approval", "gravesham_evaluation"]
    )
    opened = version_on(me.get(url))
    assert opened == "new"
    other.post(url, {"aims": "Theirs", "action": "draft", "version": version_on(other.get(url))})

    page = me.post(url, {"aims": "Mine", "action": "draft", "version": opened})

    assert page.status_code == 409
    assert FormResponse.objects.get().answers["aims"] == "Theirs"
    assert me.post(url, hidden_inputs(page)).status_code == 302
    assert FormResponse.objects.get().answers["aims"] == "Mine"


def test_the_conflict_page_marks_the_answers_they_changed_apart_from_those_only_i_changed(
    officers,
):
    me, other, lead = officers
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    objective = CorporateObjectiveFactory(title="A safe and clean borough")
    url = reverse("register:edit", args=[arrangement.reference])
    as_opened = form_data(arrangement, area="Gravesham", meeting_place="Civic Centre")
    post_as_opened(me, url, as_opened)
    opened = version_on(me.get(url))
    other.post(
        url,
        as_opened | {"area": "Dartford", "corporate_objectives": [objective.pk], "version": opened},
    )

    page = me.post(url, as_opened | {"meeting_place": "Woodville Halls", "version": opened})

    rows = {
        label: (theirs, mine, changed)
        for label, theirs, mine, changed in (
            (r.label, r.theirs, r.mine, r.changed_by_them) for r in page.context["differences"]
        )
    }
    assert rows == {
        "Area of operation": ("Dartford", "Gravesham", True),
        "Corporate objectives": ("A safe and clean borough", "Not answered", True),
        "Meeting place": ("Civic Centre", "Woodville Halls", False),
    }
    assert page.content.decode().count("Changed since you opened it</strong></td>") == 2
