"""A success message only when something changed (issue 14, point 6). Every edit form, posted
just as its page draws it, saves nothing: no "saved" banner but "No changes were made", and
no new line in the row's history. The same form with one answer changed is saved, with its
banner and its line of history."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from register.choices import Status
from register.models import Arrangement, FormResponse
from register.policies.dartford import POLICY as DARTFORD
from register.roles import Role
from register.versions import NO_CHANGES
from reviews.models import ReviewAction
from tests.editing import form_as_drawn
from tests.factories import (
    ArrangementFactory,
    CorporateObjectiveFactory,
    CouncilRepresentativeFactory,
    FormResponseFactory,
    MeasureResultFactory,
    ObjectiveFactory,
    PartnerFactory,
    PerformanceMeasureFactory,
    ReviewFactory,
    RiskFactory,
    UserFactory,
    submit_required_forms,
)

pytestmark = pytest.mark.django_db

SCORECARD = DARTFORD.questions_in("scorecard")


def part_url(arrangement, part, row):
    return reverse("register:part-edit", args=[arrangement.reference, part, row.pk])


@dataclass(frozen=True)
class EditPage:
    """One edit form: its page (making the row it edits), the row whose history counts,
    what the page's own buttons add to the post, and one answer changed."""

    open: Callable  # (arrangement, lead officer) -> (url, the row edited)
    change: dict  # a field's new value, posted instead of the drawn one
    saved_words: str  # the success banner
    extra: dict = None  # the button pressed, e.g. {"action": "draft"}
    who: Role = Role.LEAD_OFFICER
    policy: str = "gravesham"


def _arrangement(arrangement, lead):
    CorporateObjectiveFactory(title="A safe and clean borough")
    return reverse("register:edit", args=[arrangement.reference]), arrangement


def _part(part, factory, **kwargs):
    def open_page(arrangement, lead):
        row = factory(**{"arrangement": arrangement} | kwargs)
        return part_url(arrangement, part, row), row

    return open_page


def _measure(arrangement, lead):
    row = PerformanceMeasureFactory(objective=ObjectiveFactory(arrangement=arrangement))
    return part_url(arrangement, "measures", row), row


def _result(arrangement, lead):
    measure = PerformanceMeasureFactory(objective=ObjectiveFactory(arrangement=arrangement))
    row = MeasureResultFactory(measure=measure, outturn=None)
    return part_url(arrangement, "results", row), row


def _checklist(arrangement, lead):
    arrangement.policy_answers = {q.key: False for q in SCORECARD}
    arrangement.save()
    return reverse("register:checklist", args=[arrangement.reference, "scorecard"]), arrangement


def _recategorise(arrangement, lead):
    Arrangement.objects.filter(pk=arrangement.pk).update(
        category_override="significant", category_override_reason="High public profile"
    )
    return reverse("register:recategorise", args=[arrangement.reference]), arrangement


def _council_form(arrangement, lead):
    response = FormResponseFactory(arrangement=arrangement, answers={"aims": "Safer streets"})
    url = reverse("council_forms:fill", args=[arrangement.reference, "approval", response.form_key])
    return url, response


def _review_action(arrangement, lead):
    action = ReviewAction.objects.create(
        review=ReviewFactory(arrangement=arrangement),
        description="Agree new targets",
        owner=lead,
        due_on=datetime.date(2027, 1, 31),
        progress="Targets drafted",
    )
    return reverse("reviews:action", args=[action.pk]), action


EDIT_PAGES = {
    "arrangement": EditPage(
        _arrangement, {"area": "Gravesham and Dartford"}, "saved", extra={"action": "draft"}
    ),
    "partner": EditPage(
        _part("partners", PartnerFactory), {"name": "Kent Fire"}, "The partner has been saved"
    ),
    "council representative": EditPage(
        _part("representatives", CouncilRepresentativeFactory),
        {"role": "Vice-chair"},
        "The council representative has been saved",
    ),
    "objective": EditPage(
        _part("objectives", ObjectiveFactory),
        {"description": "A busier high street"},
        "The objective has been saved",
    ),
    "key performance measure": EditPage(
        _measure, {"unit": "a year"}, "The key performance measure has been saved"
    ),
    "target and outturn": EditPage(
        _result, {"outturn": "12"}, "The target and outturn has been saved"
    ),
    "risk": EditPage(
        _part("risks", RiskFactory, mitigation="Stored with\nline feeds only"),
        {"likelihood": "5"},
        "The risk has been saved",
    ),
    "checklist": EditPage(
        _checklist,
        {SCORECARD[0].key: "True"},
        "Partnership Significance Assessment Scorecard (Appendix 1) saved",
        policy="dartford",
    ),
    "category": EditPage(
        _recategorise,
        {"reason": "Flooding"},
        "The category has been changed",
        who=Role.REGISTER_OWNER,
    ),
    "council form": EditPage(
        _council_form,
        {"aims": "Safer streets at night"},
        "saved as a draft",
        extra={"action": "draft"},
    ),
    "review action": EditPage(
        _review_action, {"progress": "Targets agreed"}, "Progress on the action saved"
    ),
}


@pytest.fixture(params=list(EDIT_PAGES), ids=list(EDIT_PAGES))
def edit_page(request, settings, client):
    """(the page's case, a signed-in client, the page's URL, the row it edits)."""
    case = EDIT_PAGES[request.param]
    settings.COUNCIL_POLICY = case.policy
    lead = UserFactory(roles=[Role.LEAD_OFFICER], first_name="Priya", last_name="Shah")
    user = lead if case.who == Role.LEAD_OFFICER else UserFactory(roles=[case.who])
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    url, row = case.open(arrangement, lead)
    client.force_login(user)
    return case, client, url, row


def history_of(row) -> int:
    return type(row).history.filter(id=row.pk).count()


def banners(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_an_edit_posted_as_drawn_saves_nothing_and_says_no_changes_were_made(edit_page):
    case, client, url, row = edit_page
    before = history_of(row)
    drawn = form_as_drawn(client.get(url)) | (case.extra or {})

    response = client.post(url, drawn)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert banners(response) == [("info", NO_CHANGES)]
    assert history_of(row) == before
    assert NO_CHANGES in client.get(response["Location"]).content.decode()


def test_an_edit_that_changes_an_answer_is_saved_with_its_banner(edit_page):
    case, client, url, row = edit_page
    before = history_of(row)
    drawn = form_as_drawn(client.get(url)) | (case.extra or {}) | case.change

    response = client.post(url, drawn)

    assert response.status_code == 302, response.content.decode()[:3000]
    ((level, words),) = banners(response)
    assert level == "success" and case.saved_words in words
    assert history_of(row) == before + 1


def test_submitting_an_unchanged_draft_still_submits_it(client_for):
    lead = UserFactory(roles=[Role.LEAD_OFFICER])
    arrangement = ArrangementFactory(lead_officer=lead, complete=True)
    submit_required_forms(arrangement)
    client = client_for(lead)
    url = reverse("register:edit", args=[arrangement.reference])

    response = client.post(url, form_as_drawn(client.get(url)) | {"action": "submit"})

    assert response.status_code == 302, response.content.decode()[:3000]
    assert banners(response) == [("success", f"{arrangement.reference} submitted")]
    assert Arrangement.objects.get(pk=arrangement.pk).status == Status.IN_APPROVAL


def test_choosing_other_corporate_objectives_alone_is_a_change(client_for):
    lead = UserFactory(roles=[Role.LEAD_OFFICER])
    arrangement = ArrangementFactory(lead_officer=lead)
    objective = CorporateObjectiveFactory(title="A safe and clean borough")
    client = client_for(lead)
    url = reverse("register:edit", args=[arrangement.reference])
    drawn = form_as_drawn(client.get(url)) | {"action": "draft"}

    response = client.post(url, drawn | {"corporate_objectives": [objective.pk]})

    assert banners(response) == [("success", f"{arrangement.reference} saved")]
    assert list(arrangement.corporate_objectives.all()) == [objective]


def test_a_council_form_saved_again_unchanged_makes_no_new_version(client_for):
    lead = UserFactory(roles=[Role.LEAD_OFFICER])
    arrangement = ArrangementFactory(lead_officer=lead)
    response = FormResponseFactory(arrangement=arrangement, answers={"aims": "Safer streets"})
    client = client_for(lead)
    url = reverse("council_forms:fill", args=[arrangement.reference, "approval", response.form_key])
    version = FormResponse.objects.get(pk=response.pk).version

    client.post(url, form_as_drawn(client.get(url)) | {"action": "draft"})

    assert FormResponse.objects.get(pk=response.pk).version == version


# The forms that carry the version they were opened at (register/versions.py).
VERSIONED = [name for name in EDIT_PAGES if name not in ("category", "review action")]


@pytest.mark.parametrize("edit_page", VERSIONED, indirect=True)
def test_sent_back_unchanged_after_someone_else_saved_is_no_conflict(edit_page):
    """Nothing typed, so nothing of theirs to overwrite: no conflict page offering to put
    the old answers back, but the page again at their version, saying so."""
    case, client, url, row = edit_page
    drawn = form_as_drawn(client.get(url)) | (case.extra or {})
    other = Client()
    other.force_login(UserFactory(roles=[Role.REGISTER_OWNER], first_name="Sam", last_name="Okoro"))
    theirs = other.post(url, form_as_drawn(other.get(url)) | (case.extra or {}) | case.change)
    assert theirs.status_code == 302, theirs.content.decode()[:3000]
    after_theirs = history_of(row)

    response = client.post(url, drawn)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == url
    ((level, words),) = banners(response)
    assert level == "info" and words.startswith(f"{NO_CHANGES}. Sam Okoro saved ")
    assert history_of(row) == after_theirs
    page = form_as_drawn(client.get(url))
    name, value = next(iter(case.change.items()))
    assert page[name][0].startswith(value)  # theirs, "12" shown as "12.00"


@pytest.mark.parametrize("edit_page", VERSIONED, indirect=True)
def test_the_same_change_sent_twice_is_saved_once_and_the_second_says_so(edit_page):
    case, client, url, row = edit_page
    before = history_of(row)
    changed = form_as_drawn(client.get(url)) | (case.extra or {}) | case.change

    first, second = client.post(url, changed), client.post(url, changed)

    assert (first.status_code, second.status_code) == (302, 302)
    # (The first's banner is still to be shown: nothing has opened a page since.)
    assert [level for level, _ in banners(second)] == ["success", "info"]
    assert banners(second)[-1][1] == f"{NO_CHANGES}: what you sent is saved already"
    assert history_of(row) == before + 1
