"""One audit timeline of an arrangement (issue 14, point 3): field changes in display words,
its parts, every approval decision with its comment, every council form version (each
viewable as it was), reviews, publications and imports; filters by kind, pages, a CSV for
auditors, the portal's own changes with the person whose action caused them, and the same
number of queries for 10 entries as for 1,000."""

import datetime
import html
import logging
import re
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from approvals import services as approvals
from approvals.models import ApprovalStep, Outcome
from register import services
from register.choices import Status
from register.council_forms import definition
from register.council_forms.base import Kind as QuestionKind
from register.council_forms.selectors import response_for
from register.council_forms.services import save_answers
from register.models import Arrangement, FormResponse
from register.occasions import APPROVAL
from register.policies import get_policy
from register.policies.base import StepKind
from register.roles import Role
from register.timeline import PAGE_SIZE
from reviews.models import ReviewStatus
from reviews.services import consider_review, schedule_reviews
from tests.approvals_helpers import approve_everything, decide, pending, person, someone_for
from tests.factories import (
    ArrangementFactory,
    CorporateObjectiveFactory,
    DeputyFactory,
    MeasureResultFactory,
    ObjectiveFactory,
    PartnerFactory,
    PerformanceMeasureFactory,
    ReviewFactory,
    RiskFactory,
    ServiceFactory,
    UserFactory,
    complete_answers,
    submit_required_forms,
)
from tests.publication_helpers import live, published
from tests.timeline_helpers import many_edits

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer(user_with_role):
    return user_with_role(Role.LEAD_OFFICER, first_name="Priya", last_name="Shah")


@pytest.fixture
def arrangement(officer):
    return ArrangementFactory(
        lead_officer=officer,
        service=ServiceFactory(name="Housing"),
        cash_per_year=Decimal("10000"),
        staff_cost_per_year=Decimal("0"),
        is_statutory=False,
        shares_personal_data=False,
        meeting_frequency="quarterly",
        safeguarding_impact="No risks identified.",  # so that "None" would be the portal's
    )


def history_url(arrangement, **query):
    url = reverse("register:history", args=[arrangement.reference])
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query, doseq=True)
    return url


def history(client, arrangement, **query) -> str:
    response = client.get(history_url(arrangement, **query))
    assert response.status_code == 200
    return response.content.decode()


def timeline_of(page: str) -> str:
    """The list of entries of a History page, as HTML."""
    start = page.index('<ol class="govuk-list app-timeline">')
    return page[start : page.index("</ol>", start)]


def words_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def headings(page: str) -> list[str]:
    """Each entry's heading, in the page's order, in plain words."""
    return [
        " ".join(words_of(h).split())
        for h in re.findall(r'<h2 class="govuk-heading-s govuk-!-margin-bottom-1">(.*?)</h2>', page)
    ]


def change_row(label, old, new) -> str:
    def cell(name, value):
        return f'data-label="{name}">{html.escape(value)}</td>'

    return (
        f'<th scope="row" class="govuk-table__header">{html.escape(label)}</th>'
        + f'<td class="govuk-table__cell" {cell("From", old)}'
        + f'<td class="govuk-table__cell" {cell("To", new)}'
    )


def saved(arrangement, user, **fields):
    for name, value in fields.items():
        setattr(arrangement, name, value)
    arrangement._history_user = user
    arrangement.save()


# --- Field changes in words ------------------------------------------------------------------


def _objectives(arrangement, user):
    arrangement._history_user = user
    arrangement.corporate_objectives.set(
        [CorporateObjectiveFactory(title="A safe and clean borough")]
    )


def _service(arrangement, user):
    saved(arrangement, user, service=ServiceFactory(name="Finance"))


def _lead_officer(arrangement, user):
    saved(arrangement, user, lead_officer=UserFactory(first_name="Tom", last_name="Hughes"))


FIELD_CASES = [
    # (case, change, label, from, to, raw values that must not show)
    ("money", {"cash_per_year": Decimal("40000")}, "Council cash a year (£)", "£10,000", "£40,000", ()),
    ("date", {"end_date": datetime.date(2029, 3, 31)}, "Date due to end", "Not answered", "31 March 2029", ("2029-03-31",)),
    ("yes/no", {"shares_personal_data": True}, "Personal data shared", "No", "Yes", ()),
    ("choice", {"meeting_frequency": "monthly"}, "Meeting frequency", "Quarterly", "Monthly", ("monthly", "quarterly")),
    ("related row", _service, "Service", "Housing", "Finance", ()),
    ("person", _lead_officer, "Lead officer", "Priya Shah", "Tom Hughes", ()),
    (
        "governance list",
        {"governance_in_place": ["terms_of_reference", "risk_monitoring"]},
        "Governance arrangements in place",
        "Not answered",
        "Terms of reference; Risk monitoring",
        ("terms_of_reference", "risk_monitoring"),
    ),
    (
        "policy yes/no answer, asked under another policy (Dartford's scorecard, D 5(ii))",
        {"policy_answers": {"strategic_priorities": True}},
        next(q.text for q in get_policy("dartford").questions if q.key == "strategic_priorities"),
        "Not answered",
        "Yes",
        ("strategic_priorities",),
    ),
    (
        "policy choice (Brentwood's level of partnership)",
        {"policy_answers": {"partnership_level": "borough"}},
        next(q.text for q in get_policy("brentwood").questions if q.key == "partnership_level"),
        "Not answered",
        "Brentwood Borough Partnership",
        ("partnership_level",),
    ),
    (
        "category, by its label (G 1.11: £50,000 or more is significant)",
        {"cash_per_year": Decimal("60000")},
        "Category",
        "Other",
        "Significant",
        ("significant",),
    ),
    (
        "corporate objectives (many to many)",
        _objectives,
        "Corporate Plan objectives",
        "Not answered",
        "A safe and clean borough",
        (),
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "change", "label", "old", "new", "raw"), FIELD_CASES, ids=[c[0] for c in FIELD_CASES]
)
def test_each_change_shows_its_label_and_values_in_words(
    client_for, officer, arrangement, case, change, label, old, new, raw
):
    if callable(change):
        change(arrangement, officer)
    else:
        saved(arrangement, officer, **change)
    page = history(client_for(officer), arrangement)
    entries = timeline_of(page)
    assert change_row(label, old, new) in entries
    assert "Priya Shah changed the arrangement" in headings(page)
    shown = words_of(entries)
    for never in ("{}", "[]", "None", "True", "False", *raw):
        found = re.search(rf"(?<![\w-]){re.escape(never)}(?![\w-])", shown)
        assert not found, shown[found.start() - 200 : found.end() + 50]


def test_a_new_arrangement_shows_what_it_was_recorded_with_in_words(client_for, officer):
    arrangement = ArrangementFactory(
        lead_officer=officer,
        governance_in_place=["terms_of_reference"],
        policy_answers={},
        safeguarding_impact="No risks identified.",
    )
    page = history(client_for(officer), arrangement)
    shown = words_of(timeline_of(page))
    assert "Terms of reference" in shown and "Priya Shah" in shown
    for never in ("{}", "[]", "None", "True", "False", "terms_of_reference", "unincorporated"):
        assert never not in shown, never


def test_a_save_that_changes_nothing_shown_is_not_an_entry(client_for, officer, arrangement):
    saved(arrangement, officer)  # the same values again
    saved(arrangement, officer, name="Renamed partnership")
    page = history(client_for(officer), arrangement)
    # (Recorded by the factory, outside any request: nobody signed in, so the portal.)
    assert headings(page) == [
        "Priya Shah changed the arrangement",
        "The portal recorded the arrangement",
    ]


def test_changes_to_parts_are_kept_after_the_part_is_removed(client_for, officer, arrangement):
    partner = PartnerFactory(arrangement=arrangement, name="Kent Police")
    partner.delete()
    page = history(client_for(officer), arrangement)
    assert "The portal removed partner ‘Kent Police’" in headings(page)
    assert "The portal added partner ‘Kent Police’" in headings(page)


# --- Approvals, and the portal's own changes -------------------------------------------------


@pytest.fixture
def approved(officer):
    """A significant Gravesham partnership (G 1.11) sent for approval by its lead officer and
    approved: the Monitoring Officer corrects their opinion, a deputy gives the Section 151
    Officer's, Management Team discusses it at a meeting, then the Portfolio Holder and
    the Leader approve (G 2.14)."""
    arrangement = ArrangementFactory(
        lead_officer=officer, complete=True, cash_per_year=Decimal("60000"), is_statutory=False
    )
    submit_required_forms(arrangement)
    services.record_arrangement(arrangement=arrangement, user=officer, submit=True)
    approval_round = arrangement.rounds.get()
    monitoring, section_151 = [
        ApprovalStep.objects.get(pk=step.pk)
        for step in pending(approval_round)
        if step.kind == StepKind.OPINION
    ]
    mo = person(Role.MONITORING_OFFICER, first_name="Richard", last_name="Ellis")
    first = decide(monitoring, mo, comment="Lawful, once the agreement is signed.")
    approvals.correct_decision(
        decision=first,
        user=mo,
        outcome=Outcome.ENDORSE,
        comment="Lawful; the agreement is signed.",
        reason="The agreement was signed yesterday",
        token=uuid.uuid4().hex,
    )
    holder = person(Role.SECTION_151_OFFICER, first_name="Sarah", last_name="Whitfield")
    deputy = person(Role.LEAD_OFFICER, first_name="Sam", last_name="Deputy")
    DeputyFactory(holder=holder, deputy=deputy)
    decide(section_151, deputy, comment="Budget available in 2026/27.")
    approve_everything(approval_round, comment_for=lambda step: f"Agreed ({step.title})")
    arrangement.refresh_from_db()
    assert arrangement.status == Status.ACTIVE
    return arrangement


def test_every_decision_shows_with_its_comment_meeting_minute_deputy_and_correction(
    client_for, approved
):
    page = history(client_for(Role.INTERNAL_AUDIT), approved)
    shown = headings(page)
    assert "Priya Shah sent it for approval" in shown
    assert "Richard Ellis recorded ‘Endorse’: Opinion of the Monitoring Officer (or Deputy Monitoring Officer)" in shown  # fmt: skip
    assert "Richard Ellis corrected a decision to ‘Endorse’: Opinion of the Monitoring Officer (or Deputy Monitoring Officer)" in shown  # fmt: skip
    assert (
        "Sam Deputy (for Sarah Whitfield) recorded ‘Endorse’: Opinion of the Section 151 Officer"
        in shown
    )
    text = " ".join(words_of(timeline_of(page)).split())
    for words in (
        "Comment Lawful, once the agreement is signed.",
        "Reason for the correction The agreement was signed yesterday",
        "Comment Budget available in 2026/27.",
        f"Date of the meeting {TODAY:%-d %B %Y}",
        "Minute reference MT/2026/41",
        "Comment Agreed (Leader of the Executive)",
    ):
        assert words in text, words


def test_the_portals_own_changes_name_whose_action_caused_them(client_for, approved):
    shown = headings(history(client_for(Role.INTERNAL_AUDIT), approved))
    leader = approved.rounds.get().steps.get(title="Leader of the Executive").decision.decided_by
    assert "The portal changed its status to Submitted, on Priya Shah’s submission" in shown
    assert "The portal changed its status to In approval, on Priya Shah’s submission" in shown
    # The last decision closed the round: whoever recorded it caused what followed.
    last = max(
        (step.decision for step in approved.rounds.get().steps.all() if step.decision),
        key=lambda d: d.decided_at,
    )
    who = f"{last.decided_by.get_full_name()}’s decision"
    assert f"The portal closed the approval: Approved, on {who}" in shown
    assert f"The portal changed its status to Active, on {who}" in shown
    assert f"The portal changed the arrangement, on {who}" in shown  # the next review date
    assert leader is not None


def test_the_approvals_filter_shows_rounds_and_decisions_only(client_for, approved):
    page = history(client_for(Role.INTERNAL_AUDIT), approved, kind="approvals")
    shown = headings(page)
    assert any("closed the approval: Approved" in h for h in shown)
    assert not any("changed its status" in h or "added partner" in h for h in shown)


def test_a_daily_run_shows_as_the_portals_with_nobody_named(client_for, officer):
    arrangement = ArrangementFactory(
        lead_officer=officer, status=Status.ACTIVE, next_review_due=datetime.date(2027, 4, 1)
    )
    schedule_reviews()  # as `manage.py daily` runs it: no request, nobody signed in
    shown = headings(history(client_for(officer), arrangement, kind="reviews"))
    assert shown == ["The portal scheduled the review due 1 April 2027"]


# --- Council form versions -------------------------------------------------------------------


@pytest.fixture
def two_versions(officer, arrangement):
    form = definition("gravesham_evaluation", "gravesham")
    name, question = next((n, q) for n, q in form.fields() if q.kind == QuestionKind.LONG_TEXT)
    answers = complete_answers(form)
    response = response_for(arrangement, form, APPROVAL)
    save_answers(response=response, answers=answers, user=officer, submit=False)
    response = FormResponse.objects.get(pk=response.pk)
    save_answers(
        response=response,
        answers={**answers, name: "Revised: £5,000 from the Lottery"},
        user=UserFactory(first_name="Karen", last_name="Fletcher"),
        submit=False,
    )
    return response, question, answers[name]


def test_each_form_version_shows_what_it_changed_and_links_to_the_version_as_it_was(
    client_for, officer, arrangement, two_versions
):
    response, question, first_answer = two_versions
    page = history(client_for(officer), arrangement, kind="forms")
    assert headings(page) == [
        "Karen Fletcher saved version 2 of ‘Partnership Evaluation’ (Approval)",
        "Priya Shah saved version 1 of ‘Partnership Evaluation’ (Approval)",
    ]
    assert change_row(question.label, first_answer, "Revised: £5,000 from the Lottery") in page
    version_1 = reverse("register:form-version", args=[arrangement.reference, response.pk, 1])
    assert f'href="{version_1}"' in page
    shown = client_for(officer).get(version_1).content.decode()
    assert "Version 1, saved" in shown and "by Priya Shah" in shown
    assert html.escape(first_answer) in shown
    assert "Revised: £5,000 from the Lottery" not in shown
    # Read only: nothing to type into, no button that saves.
    assert "<textarea" not in shown and 'name="action"' not in shown


def test_a_version_not_saved_or_of_another_arrangement_is_not_found(
    client_for, officer, arrangement, two_versions
):
    response, _question, _answer = two_versions
    other = ArrangementFactory(lead_officer=officer)
    client = client_for(officer)
    for reference, version in ((arrangement.reference, 3), (other.reference, 1)):
        url = reverse("register:form-version", args=[reference, response.pk, version])
        assert client.get(url).status_code == 404


def test_a_form_opened_again_by_a_return_is_the_portals_on_the_decision(client_for, officer):
    arrangement = ArrangementFactory(lead_officer=officer, complete=True, is_statutory=False)
    submit_required_forms(arrangement)
    services.record_arrangement(arrangement=arrangement, user=officer, submit=True)
    approval_round = arrangement.rounds.get()
    for step in pending(approval_round):  # the opinions
        decide(step, someone_for(step))
    director_step = pending(approval_round)[0]
    director = someone_for(director_step)
    decide(director_step, director, Outcome.RETURN, comment="Add the exit costs")
    shown = headings(history(client_for(officer), arrangement, kind="forms"))
    assert (
        "The portal opened ‘Partnership Evaluation’ (Approval) again for changes, "
        f"on {director.get_full_name()}’s decision" in shown
    )


# --- Reviews, publications, imports ----------------------------------------------------------


def test_a_considered_review_shows_its_outcome_minute_and_conclusion(client_for, user_with_role):
    review = ReviewFactory(status=ReviewStatus.SUBMITTED)
    recorder = user_with_role(Role.DEMOCRATIC_SERVICES, first_name="Lucy", last_name="Barnes")
    outcome = get_policy().review_plan(review.arrangement).outcomes[0].words
    consider_review(
        review=review,
        user=recorder,
        outcome=outcome,
        considered_on=TODAY,
        minute="CAB 23/41",
        comment="Savings delivered as planned",
    )
    page = history(client_for(Role.OVERVIEW_SCRUTINY), review.arrangement, kind="reviews")
    shown = headings(page)
    assert f"Lucy Barnes recorded that the review due 1 April 2027 was considered: {outcome}" in shown  # fmt: skip
    everything = headings(history(client_for(Role.OVERVIEW_SCRUTINY), review.arrangement))
    # The next review date it set is the portal's, on the recorder's action.
    assert "The portal changed the arrangement, on Lucy Barnes’s record of the review’s consideration" in everything  # fmt: skip
    text = " ".join(words_of(timeline_of(page)).split())
    assert "Minute reference CAB 23/41" in text
    assert "What was concluded Savings delivered as planned" in text


def test_an_edition_that_includes_it_is_on_its_timeline_and_not_on_others(
    client_for, register_owner
):
    register_owner.first_name, register_owner.last_name = "Karen", "Fletcher"
    register_owner.save()
    on_it = live(name="Kent Resilience Forum")
    not_on_it = ArrangementFactory()  # a draft is not published
    edition = published(register_owner)
    client = client_for(Role.INTERNAL_AUDIT)
    page = history(client, on_it, kind="publications")
    assert headings(page) == [
        "Karen Fletcher published the 2026 edition of the register, which includes it"
    ]
    assert reverse("published:entry", args=[edition.slug, on_it.reference]) in page
    assert headings(history(client, not_on_it, kind="publications")) == []


def test_rows_an_import_wrote_say_which_file_and_who(client_for, register_owner):
    from tests.import_helpers import HEADINGS
    from tests.test_import import import_csv

    register_owner.first_name, register_owner.last_name = "Karen", "Fletcher"
    register_owner.save()
    import_csv(
        [HEADINGS, ["Gravesham Community Safety Partnership", "The council", "2012", "Yes"]],
        register_owner,
        name="council-register.csv",
    )
    arrangement = Arrangement.objects.get(name="Gravesham Community Safety Partnership")
    page = history(client_for(Role.INTERNAL_AUDIT), arrangement, kind="imports")
    assert headings(page) == ["Karen Fletcher recorded the arrangement"]
    assert "Imported from council-register.csv by Karen Fletcher" in page


# --- Filters, pages, the CSV ---------------------------------------------------------------


def test_pages_keep_the_filter_and_a_page_past_the_end_shows_the_last(
    client_for, officer, arrangement
):
    many_edits(arrangement, PAGE_SIZE + 5, officer)
    client = client_for(officer)
    page = history(client, arrangement, kind="arrangement", page=99)
    assert f"{PAGE_SIZE + 6} entries, page 2 of 2" in page
    assert headings(page)[-1] == "The portal recorded the arrangement"
    assert len(headings(page)) == 6
    assert "?kind=arrangement&amp;page=1" in page


def test_each_applied_filter_is_shown_and_removable_on_its_own(client_for, officer, arrangement):
    page = history(client_for(officer), arrangement, kind=["approvals", "forms"])
    assert "Showing only" in page
    assert f'href="{history_url(arrangement)}?kind=forms"' in page
    assert f'href="{history_url(arrangement)}?kind=approvals"' in page
    assert 'id="kind-approvals" name="kind" type="checkbox" value="approvals" checked' in page


def test_a_kind_not_on_the_list_says_so_and_shows_everything(client_for, officer, arrangement):
    page = history(client_for(officer), arrangement, kind="gossip")
    assert "Choose the kinds of entry from the list" in page
    assert "The portal recorded the arrangement" in headings(page)


def csv_of(client, arrangement, **query):
    url = reverse("register:history-csv", args=[arrangement.reference])
    response = client.get(url, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    import csv
    import io

    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_has_every_page_each_change_a_line_and_formulas_kept_as_text(
    client_for, officer, arrangement, caplog
):
    many_edits(arrangement, PAGE_SIZE + 5, officer)
    saved(arrangement, officer, exit_strategy='=HYPERLINK("http://evil.example")')
    with caplog.at_level(logging.INFO, logger="security"):
        rows = csv_of(client_for(Role.INTERNAL_AUDIT), arrangement)
    assert rows[0] == [
        "When (ISO 8601)", "When", "Kind", "Who", "What", "Field", "From", "To", "Reason"
    ]  # fmt: skip
    edits = [row for row in rows[1:] if row[4] == "changed the arrangement"]
    assert len({row[0] for row in edits}) == PAGE_SIZE + 6  # every page
    exit_line = next(row for row in rows if row[5] == "Exit strategy")
    assert exit_line[3:8] == [
        "Priya Shah",
        "changed the arrangement",
        "Exit strategy",
        "Six months' notice to the other partners.",
        '\'=HYPERLINK("http://evil.example")',
    ]
    assert datetime.datetime.fromisoformat(exit_line[0]).tzinfo is not None
    (event,) = [
        r.security
        for r in caplog.records
        if getattr(r, "security", {}).get("event") == "export.history_csv"
    ]
    assert event["record"] == arrangement.reference


def test_a_filtered_csv_has_the_kinds_chosen_only(client_for, approved):
    rows = csv_of(client_for(Role.INTERNAL_AUDIT), approved, kind="approvals")
    assert {row[2] for row in rows[1:]} == {"Approvals and decisions"}
    assert any(row[5] == "Comment" and row[7] == "Budget available in 2026/27." for row in rows)


# --- Access ------------------------------------------------------------------------------


def the_three_pages(arrangement, response_pk):
    return [
        reverse("register:history", args=[arrangement.reference]),
        reverse("register:history-csv", args=[arrangement.reference]),
        reverse("register:form-version", args=[arrangement.reference, response_pk, 1]),
    ]


ACCESS = [
    ("its lead officer", "lead", 200),
    ("another lead officer: a draft not theirs is not found", Role.LEAD_OFFICER, 404),
    ("Internal Audit (read only)", Role.INTERNAL_AUDIT, 200),
    ("Overview & Scrutiny (read only)", Role.OVERVIEW_SCRUTINY, 200),
    ("the register owner", Role.REGISTER_OWNER, 200),
    ("a visitor who has not signed in", None, 302),
]


@pytest.mark.parametrize(("case", "who", "status"), ACCESS, ids=[a[0] for a in ACCESS])
def test_history_csv_and_versions_open_as_the_arrangement_does(
    client, client_for, officer, arrangement, two_versions, case, who, status
):
    response, _question, _answer = two_versions
    if who == "lead":
        client = client_for(officer)
    elif who is not None:
        client = client_for(who)
    for url in the_three_pages(arrangement, response.pk):
        answer = client.get(url)
        assert answer.status_code == status, url
        if status == 302:
            assert answer["Location"].startswith(reverse("login"))


# --- Constant queries (the "Done when") ----------------------------------------------


def queries_for_history(client, arrangement) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(history_url(arrangement)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("many", [1000, 10_000])
def test_the_history_page_costs_the_same_queries_for_10_entries_as_for_many(
    client_for, officer, many
):
    """The issue's "Done when": before, a page of 100 edits cost 214 queries."""
    client = client_for(Role.INTERNAL_AUDIT)
    short, long = ArrangementFactory(lead_officer=officer), ArrangementFactory(lead_officer=officer)
    many_edits(short, 10, officer)
    many_edits(long, many, officer)
    queries = queries_for_history(client, short)
    assert queries_for_history(client, long) == queries
    assert queries <= 30


def parts_added(arrangement, count):
    """`count` each of partners, risks and a measure's targets and outturns, in turn; then
    (the newest) another objective with a measure."""
    measure = PerformanceMeasureFactory(objective=ObjectiveFactory(arrangement=arrangement))
    for number in range(count):
        PartnerFactory(arrangement=arrangement)
        RiskFactory(arrangement=arrangement)
        MeasureResultFactory(measure=measure, year=2000 + number)
    PerformanceMeasureFactory(objective=ObjectiveFactory(arrangement=arrangement))


def test_a_page_of_parts_costs_the_same_queries_however_many_it_shows(client_for, officer):
    """Names of related rows (a result's measure, a measure's objective) are looked up once
    for the page: a page of 10 entries costs what a page of 50 does."""
    client = client_for(Role.INTERNAL_AUDIT)
    fewer, more = ArrangementFactory(lead_officer=officer), ArrangementFactory(lead_officer=officer)
    parts_added(fewer, 2)
    parts_added(more, 100)
    queries = []
    for arrangement in (fewer, more):
        with CaptureQueriesContext(connection) as captured:
            page = history(client, arrangement, kind="parts")
        queries.append(len(captured))
        assert "added target and outturn ‘Reported incidents of anti-social behaviour" in page
    assert len(headings(history(client, fewer, kind="parts"))) == 10
    assert queries[0] == queries[1]


def test_what_people_typed_is_shown_as_text_in_entries_and_form_versions(
    client_for, officer, arrangement
):
    form = definition("gravesham_evaluation", "gravesham")
    name = next(n for n, q in form.fields() if q.kind == QuestionKind.LONG_TEXT)
    response = save_answers(
        response=response_for(arrangement, form, APPROVAL),
        answers={name: "<script>alert('answer')</script>"},
        user=officer,
        submit=False,
    )
    PartnerFactory(arrangement=arrangement, name="<b>Kent Police</b>")
    client = client_for(officer)
    page = history(client, arrangement)
    version = client.get(
        reverse("register:form-version", args=[arrangement.reference, response.pk, 1])
    ).content.decode()
    assert "<b>Kent Police</b>" not in page and "&lt;b&gt;Kent Police&lt;/b&gt;" in page
    assert "<script>alert" not in version
    assert "&lt;script&gt;alert(&#x27;answer&#x27;)&lt;/script&gt;" in version
