"""The council-forms engine: any app may use it, and a template is filled once per occasion,
so a review template is filled again every year with the earlier years kept."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

from register.choices import Status
from register.council_forms.base import CouncilForm, Kind, Section, Table, q
from register.council_forms.pdf import form_pdf_context
from register.council_forms.selectors import response_for
from register.council_forms.services import FormLocked, save_answers
from register.models import FormResponse, FormStatus
from register.occasions import APPROVAL, CESSATION, Occasion, OccasionKind, review
from register.roles import Role
from tests.factories import ArrangementFactory

ROOT = Path(__file__).resolve().parents[1]

# A review template of the same definition kind as the approval ones.
REVIEW = CouncilForm(
    key="test_review",
    title="Annual review",
    council="Gravesham Borough Council",
    source="test",
    sections=(
        Section(
            "progress",
            "Progress",
            (
                q("progress", "Progress against the objectives"),
                Table(
                    "measures",
                    "Targets and outturns",
                    ("Visits", "Satisfaction (%)"),
                    (
                        q("target", "Target", kind=Kind.NUMBER),
                        q("outturn", "Outturn", kind=Kind.NUMBER),
                    ),
                ),
            ),
        ),
    ),
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_register_and_its_forms_engine_import_neither_approvals_nor_reviews():
    offenders = [
        (str(path.relative_to(ROOT)), name)
        for path in (ROOT / "register").rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[0] in {"approvals", "reviews"}
    ]
    assert offenders == []


def test_roles_imports_nothing_of_the_project():
    project = {"register", "approvals", "reviews", "config"}
    names = imported_modules(ROOT / "register" / "roles.py")
    assert {name for name in names if name.split(".")[0] in project} == set()


@pytest.mark.parametrize(
    "key, occasion",
    [
        ("approval", APPROVAL),
        ("cessation", CESSATION),
        ("review-2027", review(2027)),
        ("review-1999", Occasion(OccasionKind.REVIEW, 1999)),
    ],
)
def test_an_occasion_is_named_by_its_key(key, occasion):
    assert Occasion.from_key(key) == occasion
    assert occasion.key == key


@pytest.mark.parametrize(
    "key", ["", "review", "review-27", "review-20270", "approvals", "Review-2027"]
)
def test_anything_else_is_not_an_occasion(key):
    with pytest.raises(ValueError):
        Occasion.from_key(key)


@pytest.mark.django_db
def test_a_review_template_is_filled_twice_for_two_years_and_both_are_kept(lead_officer):
    arrangement = ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer)
    first = response_for(arrangement, REVIEW, review(2026))
    save_answers(
        response=first,
        answers={
            "progress": "On track",
            "measures__0__target": "1250",
            "measures__0__outturn": "1300",
        },
        user=lead_officer,
        submit=True,
    )
    second = response_for(arrangement, REVIEW, review(2027))
    assert second.pk is None  # a new year starts empty
    save_answers(response=second, answers={"progress": "Behind"}, user=lead_officer, submit=False)

    kept = {r.occasion: (r.status, r.answers["progress"]) for r in FormResponse.objects.all()}
    assert kept == {
        "review-2026": (FormStatus.SUBMITTED, "On track"),
        "review-2027": (FormStatus.DRAFT, "Behind"),
    }
    with pytest.raises(FormLocked):
        save_answers(
            response=response_for(arrangement, REVIEW, review(2026)),
            answers={},
            user=lead_officer,
            submit=False,
        )
    # The earlier year stays readable, its counts plain numbers, not pounds.
    context = form_pdf_context(REVIEW, arrangement, response_for(arrangement, REVIEW, review(2026)))
    table = next(run["block"] for run in context["sections"][0]["runs"] if "block" in run)
    label, cells = table["rows"][0]
    assert (label, [cell["value"] for cell in cells]) == ("Visits", ["1,250", "1,300"])
    assert context["occasion"] == review(2026)


@pytest.mark.django_db
def test_an_officer_fills_a_template_for_a_review_in_the_browser_beside_its_approval_answers(
    client_for, lead_officer
):
    arrangement = ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer, complete=True)
    client = client_for(lead_officer)
    key = "gravesham_evaluation"
    url = reverse("council_forms:fill", args=[arrangement.reference, "review-2027", key])

    response = client.post(url, {"action": "draft", "aims": "Reviewed aims"})

    assert response.status_code == 302
    saved = FormResponse.objects.get(arrangement=arrangement)
    assert (saved.occasion, saved.answers["aims"]) == ("review-2027", "Reviewed aims")
    approval_page = client.get(
        reverse("council_forms:fill", args=[arrangement.reference, "approval", key])
    )
    assert "Reviewed aims" not in approval_page.content.decode()
    detail = client.get(arrangement.get_absolute_url()).content.decode()
    assert "Review of 2027" in detail


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, occasion, status",
    [
        (Role.LEAD_OFFICER, "review-2027", 302),  # the officer responsible for it
        (Role.INTERNAL_AUDIT, "review-2027", 403),  # reads everything, changes nothing
        (Role.DIRECTOR, "review-2027", 403),  # neither responsible nor a keeper
        (Role.REGISTER_OWNER, "review-2027", 302),
    ],
)
def test_who_may_fill_a_template_depends_on_its_occasion(
    client_for, lead_officer, role, occasion, status
):
    arrangement = ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer)
    client = client_for(lead_officer if role == Role.LEAD_OFFICER else role)
    url = reverse(
        "council_forms:fill", args=[arrangement.reference, occasion, "gravesham_evaluation"]
    )
    assert client.post(url, {"action": "draft", "aims": "x"}).status_code == status


@pytest.mark.django_db
def test_an_address_with_no_such_occasion_is_not_found(lead_officer_client):
    arrangement = ArrangementFactory(lead_officer=lead_officer_client.user)
    path = f"/forms/{arrangement.reference}/review-27/gravesham_evaluation/"
    assert lead_officer_client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_arrangement_page_lists_kept_responses_latest_first_in_one_query(client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from register.council_forms.views import forms_panel
    from tests.factories import FormResponseFactory

    arrangement = ArrangementFactory(status=Status.ACTIVE)
    for occasion in ("approval", "review-2026", "cessation", "review-2027"):
        FormResponseFactory(
            arrangement=arrangement, form_key="gravesham_evaluation", occasion=occasion
        )
    request = type("Request", (), {"user": arrangement.lead_officer})()
    with CaptureQueriesContext(connection) as queries:
        _template, panel = forms_panel(request, arrangement)
    assert [r.occasion for _, r in panel["earlier"]] == ["cessation", "review-2027", "review-2026"]
    assert [r.occasion for _, r in panel["rows"] if r.pk] == ["approval"]
    assert len(queries) == 1


@pytest.mark.django_db
def test_two_first_saves_of_the_same_form_keep_the_first_and_refuse_the_second(lead_officer):
    from register.council_forms.services import SavedMeanwhile

    arrangement = ArrangementFactory(lead_officer=lead_officer)
    mine = response_for(arrangement, REVIEW, review(2027))
    theirs = response_for(arrangement, REVIEW, review(2027))  # both opened it empty
    save_answers(response=theirs, answers={"progress": "Theirs"}, user=lead_officer, submit=False)

    with pytest.raises(SavedMeanwhile, match="Someone else saved this form"):
        save_answers(response=mine, answers={"progress": "Mine"}, user=lead_officer, submit=False)
    assert FormResponse.objects.get().answers == {"progress": "Theirs"}


@pytest.mark.django_db
def test_a_form_submitted_by_someone_else_since_it_was_opened_is_not_written_over(
    lead_officer,
):
    arrangement = ArrangementFactory(lead_officer=lead_officer)
    save_answers(
        response=response_for(arrangement, REVIEW, review(2027)),
        answers={"progress": "Draft"},
        user=lead_officer,
        submit=False,
    )
    opened = response_for(arrangement, REVIEW, review(2027))  # still a draft when opened
    save_answers(
        response=response_for(arrangement, REVIEW, review(2027)),
        answers={"progress": "Submitted by the other officer"},
        user=lead_officer,
        submit=True,
    )
    with pytest.raises(FormLocked, match="has been submitted"):
        save_answers(response=opened, answers={"progress": "Late"}, user=lead_officer, submit=False)
    saved = FormResponse.objects.get()
    assert (saved.status, saved.answers["progress"]) == (
        FormStatus.SUBMITTED,
        "Submitted by the other officer",
    )


@pytest.mark.django_db
def test_the_second_first_save_is_told_on_the_page_and_keeps_what_was_typed(
    client_for, lead_officer, monkeypatch
):
    from register.council_forms import views

    arrangement = ArrangementFactory(status=Status.ACTIVE, lead_officer=lead_officer)
    key = "gravesham_evaluation"
    url = reverse("council_forms:fill", args=[arrangement.reference, "review-2027", key])
    real = views.response_for

    def opened_before_the_other_save(*args):
        # The page is read empty, then another officer's first save lands before this one.
        response = real(*args)
        FormResponse.objects.create(
            arrangement=arrangement, form_key=key, occasion="review-2027", answers={"aims": "x"}
        )
        return response

    monkeypatch.setattr(views, "response_for", opened_before_the_other_save)
    client = client_for(lead_officer)
    page = client.post(url, {"action": "draft", "aims": "Typed by me"})

    assert page.status_code == 409
    body = page.content.decode()
    assert "Someone else saved this form at the same moment" in body
    assert "Typed by me" in body
    assert FormResponse.objects.get().answers == {"aims": "x"}
