"""The governance assurance pages (issue 11 point 6; G 6.10): the register register_owner opens and
follows the exercise, each officer and Director answers on the page, bad input is said on
the page with nothing saved, and the annex downloads as a PDF and a CSV, exceptions first."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from register.choices import Status
from register.roles import Role
from reviews import assurance
from reviews.models import AssuranceExercise, AssuranceStatus
from tests.factories import ArrangementFactory, ObjectiveFactory, ServiceFactory, UserFactory
from tests.queries import NAVIGATION_QUERIES

pytestmark = pytest.mark.django_db

DUE = timezone.localdate() + datetime.timedelta(days=30)
YEAR = 2027


@pytest.fixture
def exercise(register_owner, director):
    """This year's exercise asking about one arrangement, with two objectives in the
    register, in the Director's service."""
    arrangement = ArrangementFactory(
        name="Gravesham Food Network",
        status=Status.ACTIVE,
        service=ServiceFactory(name="Communities", director=director),
    )
    ObjectiveFactory(arrangement=arrangement, description="Cut food waste by a fifth")
    ObjectiveFactory(arrangement=arrangement, description="Run twelve community larders")
    return assurance.open_exercise(user=register_owner, year=YEAR, returns_due_on=DUE)


# The officer's return with both answers Yes.
ALL_IN_PLACE = {"step": "officer", "governance_in_place": "True", "meets_objectives": "True"}


def still_awaiting_its_officer(r) -> bool:
    r.refresh_from_db()
    return r.status == AssuranceStatus.AWAITING_OFFICER


def return_url(r):
    return reverse("reviews:assurance-return", args=[r.pk])


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


# Opening -----------------------------------------------------------------------------------


def test_the_register_owner_opens_the_years_exercise_on_the_page(client_for, register_owner):
    ArrangementFactory(status=Status.ACTIVE)
    client = client_for(register_owner)
    page = client.get(reverse("reviews:assurance-open"))
    assert page.status_code == 200
    posted = client.post(
        reverse("reviews:assurance-open"), {"year": YEAR, **date_fields("returns_due_on", DUE)}
    )
    assert posted.status_code == 302
    assert posted.url == reverse("reviews:assurance", args=[YEAR])
    assert AssuranceExercise.objects.get().returns.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": "", **date_fields("returns_due_on", DUE)}, "Enter the year"),
        (
            {"year": "next", **date_fields("returns_due_on", DUE)},
            "Enter the year as a number, like 2027",
        ),
        ({"year": YEAR}, "Enter the date returns are due by"),
        (
            {"year": YEAR, "returns_due_on_0": 31, "returns_due_on_1": 2, "returns_due_on_2": 2027},
            "The date returns are due by must be a real date",
        ),
        (
            {"year": YEAR, **date_fields("returns_due_on", timezone.localdate())},
            "The date returns are due by must be in the future",
        ),
    ],
)
def test_opening_with_bad_input_says_what_is_wrong_and_opens_nothing(
    client_for, register_owner, data, message
):
    page = client_for(register_owner).post(reverse("reviews:assurance-open"), data)
    assert page.status_code == 400
    assert message in page.text
    assert "govuk-error-summary" in page.text
    assert not AssuranceExercise.objects.exists()


def test_opening_a_year_twice_says_it_is_open_already(client_for, register_owner, exercise):
    page = client_for(register_owner).post(
        reverse("reviews:assurance-open"), {"year": YEAR, **date_fields("returns_due_on", DUE)}
    )
    assert page.status_code == 400
    assert f"The governance assurance for {YEAR} has already been opened" in page.text
    assert AssuranceExercise.objects.count() == 1


@pytest.mark.parametrize("role", [Role.LEAD_OFFICER, Role.DIRECTOR, Role.INTERNAL_AUDIT])
def test_only_the_register_owner_opens_the_page_to_open_an_exercise(client_for, role):
    client = client_for(role)
    assert client.get(reverse("reviews:assurance-open")).status_code == 403
    refused = client.post(
        reverse("reviews:assurance-open"), {"year": YEAR, **date_fields("returns_due_on", DUE)}
    )
    assert refused.status_code == 403
    assert not AssuranceExercise.objects.exists()


# The officer's return and the Director's assurance ----------------------------------------


def test_the_officer_sees_the_objectives_in_the_register_and_makes_the_return(client_for, exercise):
    r = exercise.returns.get()
    client = client_for(r.officer)
    page = client.get(return_url(r))
    assert "Cut food waste by a fifth" in page.text and "Run twelve community larders" in page.text
    assert "Make my return" in page.text
    posted = client.post(
        return_url(r),
        {
            "step": "officer",
            "governance_in_place": "False",
            "governance_detail": "No risk register yet",
            "meets_objectives": "True",
        },
    )
    assert posted.status_code == 302
    r.refresh_from_db()
    assert (r.status, r.governance_detail) == (
        AssuranceStatus.AWAITING_DIRECTOR,
        "No risk register yet",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Say whether its governance arrangements are in place"),
        ({"governance_in_place": "True"}, "Say whether it still meets the objectives"),
        (
            {"governance_in_place": "False", "meets_objectives": "True"},
            "Say what is not in place, and what is being done about it",
        ),
        (
            {"governance_in_place": "True", "meets_objectives": "False"},
            "Say what is not being met, and what is being done about it",
        ),
        (
            {
                "governance_in_place": "True",
                "meets_objectives": "True",
                "governance_detail": "x" * 3001,
            },
            "characters or fewer",
        ),
    ],
)
def test_a_return_with_bad_input_says_what_is_wrong_on_the_page_and_saves_nothing(
    client_for, exercise, data, message
):
    r = exercise.returns.get()
    page = client_for(r.officer).post(return_url(r), {"step": "officer", **data})
    assert page.status_code == 400
    assert message in page.text
    assert "<title>Error: " in page.text
    assert still_awaiting_its_officer(r)


def test_the_same_return_sent_twice_is_kept_once_and_the_second_is_told_by_whom(
    client_for, exercise
):
    r = exercise.returns.get()
    client = client_for(r.officer)
    assert client.post(return_url(r), ALL_IN_PLACE).status_code == 302
    again = client.post(
        return_url(r),
        {**ALL_IN_PLACE, "governance_in_place": "False", "governance_detail": "later"},
    )
    assert again.status_code == 400
    assert f"This return was made by {r.officer.get_full_name()}" in again.text
    r.refresh_from_db()
    assert r.governance_in_place is True


def test_the_director_gives_assurance_on_the_page_after_the_officer(client_for, exercise, director):
    r = exercise.returns.get()
    client = client_for(director)
    waiting = client.get(return_url(r))
    assert "Give my assurance" not in waiting.text  # the officer has not returned it yet
    early = client.post(return_url(r), {"step": "director", "assures": "True"})
    assert "follows the responsible officer&#x27;s return" in early.text
    assurance.make_return(
        assurance_return=r, user=r.officer, governance_in_place=True, meets_objectives=True
    )
    assert "Give my assurance" in client.get(return_url(r)).text
    done = client.post(return_url(r), {"step": "director", "assures": "True"})
    assert done.status_code == 302
    r.refresh_from_db()
    assert (r.status, r.confirmed_by) == (AssuranceStatus.RETURNED, director)


def test_another_officer_cannot_open_a_return_that_is_not_theirs(client_for, exercise):
    r = exercise.returns.get()
    client = client_for(UserFactory(roles=[Role.LEAD_OFFICER]))
    assert client.get(return_url(r)).status_code == 403
    assert client.post(return_url(r), ALL_IN_PLACE).status_code == 403
    assert still_awaiting_its_officer(r)


def test_internal_audit_reads_a_return_but_is_given_no_form(client_for, exercise):
    r = exercise.returns.get()
    page = client_for(Role.INTERNAL_AUDIT).get(return_url(r))
    assert page.status_code == 200
    assert "Make my return" not in page.text
    assert "Your role can read the returns but not make one." in page.text


def test_a_closed_exercises_return_says_so_and_takes_no_answer(
    client_for, register_owner, exercise
):
    r = exercise.returns.get()
    client_for(register_owner).post(reverse("reviews:assurance-close", args=[YEAR]))
    client = client_for(r.officer)
    page = client.get(return_url(r))
    assert f"The governance assurance for {YEAR} has closed." in page.text
    assert "Make my return" not in page.text
    assert client.post(return_url(r), ALL_IN_PLACE).status_code == 400
    assert still_awaiting_its_officer(r)


def test_only_the_register_owner_closes_the_exercise_on_the_page(client_for, director, exercise):
    assert (
        client_for(director).post(reverse("reviews:assurance-close", args=[YEAR])).status_code
        == 403
    )
    exercise.refresh_from_db()
    assert exercise.is_open


# Following it -----------------------------------------------------------------------------


def test_the_exercise_page_shows_how_many_are_in_and_who_is_outstanding(
    client_for, register_owner, exercise
):
    officer = exercise.returns.get().officer
    page = client_for(register_owner).get(reverse("reviews:assurance", args=[YEAR]))
    progress = page.context["progress"]
    assert (progress.total, progress.returned, progress.awaiting_officer) == (1, 0, 1)
    assert officer.get_full_name() in page.text


def test_an_officer_sees_only_the_returns_asked_of_them(client_for, register_owner, exercise):
    ArrangementFactory(status=Status.ACTIVE, name="Someone else's arrangement")
    other = assurance.open_exercise(user=register_owner, year=YEAR + 1, returns_due_on=DUE)
    mine = other.returns.get(arrangement__name="Gravesham Food Network")
    page = client_for(mine.officer).get(reverse("reviews:assurance", args=[YEAR + 1]))
    assert [r.arrangement.name for r in page.context["progress"].returns] == [
        "Gravesham Food Network"
    ]


def test_my_arrangements_and_the_list_show_the_return_waiting_on_me(client_for, exercise):
    r = exercise.returns.get()
    client = client_for(r.officer)
    assert return_url(r) in client.get(reverse("register:mine")).text
    assert return_url(r) in client.get(reverse("reviews:assurance-list")).text


@pytest.mark.parametrize("returns", [2, 20])
def test_the_exercise_page_takes_the_same_queries_however_many_returns(
    client_for, register_owner, django_assert_num_queries, returns
):
    client = client_for(register_owner)
    for _ in range(returns):
        ArrangementFactory(status=Status.ACTIVE)
    assurance.open_exercise(user=register_owner, year=YEAR, returns_due_on=DUE)
    with django_assert_num_queries(EXERCISE_PAGE_QUERIES):
        client.get(reverse("reviews:assurance", args=[YEAR]))


# The page's own, and the navigation's count of what needs the person; none a return.
EXERCISE_PAGE_QUERIES = 5 + NAVIGATION_QUERIES


# The annex -------------------------------------------------------------------------------


def not_in_place(exercise, detail):
    """The exercise's one return made by its officer: governance not in place, `detail`."""
    r = exercise.returns.get()
    assurance.make_return(
        assurance_return=r,
        user=r.officer,
        governance_in_place=False,
        governance_detail=detail,
        meets_objectives=True,
    )


def annex_csv_rows(client):
    response = client.get(reverse("reviews:assurance-annex-csv", args=[YEAR]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


@pytest.fixture
def annexed(register_owner, director, exercise):
    """The exercise's return made with an exception whose words would be markup, and a
    second arrangement's return not yet made."""
    ArrangementFactory(status=Status.ACTIVE, name="Arts Partnership")
    not_in_place(exercise, "<script>alert(1)</script> terms of reference lapsed")
    return assurance.open_exercise(user=register_owner, year=YEAR + 1, returns_due_on=DUE), exercise


def test_the_annex_csv_lists_exceptions_first(client_for, annexed):
    rows = annex_csv_rows(client_for(Role.INTERNAL_AUDIT))
    assert [(row["Section"], row["Arrangement"]) for row in rows] == [
        ("Exceptions", "Gravesham Food Network")
    ]
    assert rows[0]["Governance arrangements in place"] == "No"


def test_the_annex_csv_keeps_a_typed_formula_as_text(client_for, exercise):
    not_in_place(exercise, '=HYPERLINK("http://example.com")')
    (row,) = annex_csv_rows(client_for(Role.INTERNAL_AUDIT))
    assert row["What is not in place"] == '\'=HYPERLINK("http://example.com")'


def test_the_annex_pdf_prints_the_exception_as_text_never_as_markup(client_for, annexed):
    response = client_for(Role.REGISTER_OWNER).get(
        reverse("reviews:assurance-annex-pdf", args=[YEAR])
    )
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Annex for the Annual Governance Statement" in text
    assert "Exceptions (1)" in text
    assert "<script>alert(1)</script> terms of reference lapsed" in " ".join(text.split())


def test_the_annex_page_escapes_what_officers_typed(client_for, annexed):
    page = client_for(Role.REGISTER_OWNER).get(reverse("reviews:assurance-annex", args=[YEAR]))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert(1)</script>" not in page.text


@pytest.mark.parametrize("role", [Role.LEAD_OFFICER, Role.HEAD_OF_SERVICE])
def test_the_annex_is_for_those_who_follow_every_review(client_for, annexed, role):
    client = client_for(role)
    for name in (
        "reviews:assurance-annex",
        "reviews:assurance-annex-pdf",
        "reviews:assurance-annex-csv",
    ):
        assert client.get(reverse(name, args=[YEAR])).status_code == 403
