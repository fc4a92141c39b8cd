"""The retention review of ended arrangements (issue 11 point 7; B "Data retention": records
held for 36 months after the arrangement ceased, then reviewed for disposal)."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from approvals import services
from approvals.models import ApprovalRound, Decision, Notification
from register.choices import Status
from register.dates import add_months
from register.models import CouncilRepresentative, Document, FormResponse, Risk
from register.policies import COUNCILS, get_policy
from register.roles import Role
from register.timeline import every_entry
from reviews import retention
from reviews.models import RetentionDecision, RetentionOutcome
from tests.approvals_helpers import approve_everything, other_partnership
from tests.factories import (
    ArrangementFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    FormResponseFactory,
    RiskFactory,
    UserFactory,
    submit_required_forms,
)

pytestmark = pytest.mark.django_db

ENDED_ON = datetime.date(2026, 3, 31)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def brentwood(settings):
    settings.COUNCIL_POLICY = "brentwood"
    return get_policy()


@pytest.fixture
def owner(user_with_role):
    return user_with_role(Role.REGISTER_OWNER)


def ended(end_date=ENDED_ON, **fields):
    fields.setdefault("status", Status.ENDED)
    return ArrangementFactory(start_date=datetime.date(2018, 4, 1), end_date=end_date, **fields)


def past_retention_today(**fields):
    """An ended arrangement a day past its retention date today, under the installation's
    policy (the pages decide on today's date)."""
    today = timezone.localdate()
    return ended(add_months(today - DAY, -get_policy().retention_months), **fields)


def listed(today):
    return [item.arrangement for item in retention.past_retention(today)]


def token():
    return uuid.uuid4().hex


# The retention period and date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("council", "months"),
    [
        ("brentwood", 36),  # B "Data retention"
        ("gravesham", 72),  # no period in the document: the product's six years
        ("dartford", 72),
        ("south_derbyshire", 72),
        ("central_bedfordshire", 72),
    ],
)
def test_the_retention_period_is_brentwoods_36_months_or_the_products_six_years(council, months):
    assert council in COUNCILS
    assert get_policy(council).retention_months == months


@pytest.mark.parametrize(
    ("today", "is_past"),
    [
        (datetime.date(2029, 3, 30), False),
        (datetime.date(2029, 3, 31), False),  # the last day of the 36 months: still kept
        (datetime.date(2029, 4, 1), True),  # the day after: due for review
    ],
    ids=["B retention: the day before", "B retention: on the day", "B retention: the day after"],
)
def test_a_brentwood_arrangement_is_past_retention_36_months_after_it_ended(
    brentwood, today, is_past
):
    arrangement = ended()
    assert (arrangement in listed(today)) is is_past
    assert retention.retention_of(arrangement).retention_date == datetime.date(2029, 3, 31)


def test_the_products_six_years_apply_where_the_council_sets_no_period():
    arrangement = ended()
    assert retention.retention_of(arrangement).retention_date == datetime.date(2032, 3, 31)
    assert listed(datetime.date(2032, 3, 31)) == []
    assert listed(datetime.date(2032, 4, 1)) == [arrangement]


def test_an_arrangement_ended_before_its_end_date_is_kept_from_the_day_it_ended(brentwood):
    arrangement = ended(end_date=datetime.date(2030, 3, 31))
    arrangement.status_changed_at = timezone.make_aware(datetime.datetime(2026, 5, 1, 12))
    arrangement.save()
    assert retention.retention_of(arrangement).ended_on == datetime.date(2026, 5, 1)
    assert retention.retention_of(arrangement).retention_date == datetime.date(2029, 5, 1)


KEPT_UNTIL = datetime.date(2030, 6, 30)


@pytest.mark.parametrize(
    ("today", "is_past"),
    [(KEPT_UNTIL - DAY, False), (KEPT_UNTIL, False), (KEPT_UNTIL + DAY, True)],
    ids=["the day before", "on the day", "the day after"],
)
def test_keeping_the_records_moves_the_retention_date_to_the_date_given(
    brentwood, owner, today, is_past
):
    arrangement = ended()
    retention.keep(
        arrangement=arrangement,
        user=owner,
        reason="A claim against the partnership is still open",
        keep_until=KEPT_UNTIL,
        token=token(),
        today=datetime.date(2029, 4, 1),
    )
    assert retention.retention_of(arrangement).retention_date == KEPT_UNTIL
    assert (arrangement in listed(today)) is is_past


@pytest.mark.parametrize(
    "status",
    [Status.ACTIVE, Status.WITHDRAWING, Status.DECLINED, Status.DRAFT],
)
def test_only_ended_arrangements_are_listed(brentwood, status):
    ArrangementFactory(status=status, start_date=datetime.date(2018, 4, 1), end_date=ENDED_ON)
    assert listed(datetime.date(2035, 1, 1)) == []


def test_an_arrangement_flagged_for_disposal_review_is_listed(brentwood):
    arrangement = ended(status=Status.DISPOSAL_REVIEW)
    assert listed(datetime.date(2029, 4, 1)) == [arrangement]


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_runs_in_one_query_for_3_or_30_arrangements(
    brentwood, count, django_assert_num_queries
):
    for _ in range(count):
        DocumentFactory(arrangement=ended())
    with django_assert_num_queries(1):
        due = retention.past_retention(datetime.date(2029, 4, 1))
    assert [item.documents_held for item in due] == [1] * count


def test_the_list_page_runs_in_as_many_queries_for_30_arrangements_as_for_3(client_for):
    page = client_for(Role.REGISTER_OWNER)
    counts = []
    for total in (3, 30):
        while len(retention.past_retention(timezone.localdate())) < total:
            DocumentFactory(arrangement=past_retention_today())
        with CaptureQueriesContext(connection) as queries:
            response = page.get(reverse("reviews:retention"))
        assert response.content.decode().count("Record a decision<") == total
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Disposal -------------------------------------------------------------------------------------


@pytest.fixture
def held(settings):
    """An arrangement approved under Gravesham's route, since ended and held under
    Brentwood's retention, with a document, a representative renamed once (so its history
    holds two names) and a named risk owner."""
    arrangement = other_partnership(start_date=datetime.date(2020, 4, 1))
    submit_required_forms(arrangement)
    arrangement.status = Status.SUBMITTED
    arrangement.save()
    approve_everything(
        services.submit_for_approval(arrangement=arrangement, user=arrangement.lead_officer)
    )
    arrangement.refresh_from_db()
    arrangement.status = Status.ENDED
    arrangement.end_date = ENDED_ON
    arrangement.status_reason = "Ended when the grant closed."
    arrangement.save()
    settings.COUNCIL_POLICY = "brentwood"
    document = DocumentFactory(arrangement=arrangement, title="Partnership agreement 2020")
    representative = CouncilRepresentativeFactory(
        arrangement=arrangement, name="Jane Smyth", role="Board member"
    )
    representative.name = "Jane Smith"  # a spelling corrected: both names are in history
    representative.save()
    CouncilRepresentativeFactory(arrangement=arrangement, name="Cllr Tom Ward", role="")
    RiskFactory(arrangement=arrangement, owner="Priya Patel")
    return arrangement, document


def test_disposal_deletes_the_documents_and_their_files_but_history_keeps_their_titles(
    held, owner, django_capture_on_commit_callbacks
):
    arrangement, document = held
    name = document.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        decision = retention.dispose(
            arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
        )
    assert not default_storage.exists(name)
    assert not Document.objects.filter(arrangement=arrangement).exists()
    removed = Document.history.get(id=document.pk, history_type="-")
    assert (removed.title, removed.history_user) == ("Partnership agreement 2020", owner)
    assert (removed.original_name, removed.checksum) == (document.original_name, document.checksum)
    assert removed.history_change_reason == "Disposed of at its retention review"
    assert decision.documents_deleted == ["Partnership agreement 2020"]


def test_a_disposal_rolled_back_keeps_the_files(held, owner, django_capture_on_commit_callbacks):
    arrangement, document = held
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        retention.dispose(
            arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
        )
    assert default_storage.exists(document.file.name)  # deleted only once committed
    assert len(callbacks) == 1


def test_disposal_replaces_names_with_roles_in_current_and_historical_rows(held, owner):
    arrangement, _document = held
    decision = retention.dispose(
        arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
    )
    representatives = CouncilRepresentative.objects.filter(arrangement=arrangement)
    assert sorted(representatives.values_list("name", flat=True)) == [
        "Board member",
        "Council representative",
    ]
    historical = CouncilRepresentative.history.filter(arrangement_id=arrangement.pk)
    assert set(historical.values_list("name", flat=True)) == {
        "Board member",
        "Council representative",
    }
    assert set(
        Risk.history.filter(arrangement_id=arrangement.pk).values_list("owner", flat=True)
    ) == {"Risk owner"}
    assert set(Risk.objects.filter(arrangement=arrangement).values_list("owner", flat=True)) == {
        "Risk owner"
    }
    # Two representatives, two risk owners, the FOI officer of its agreement checklist and
    # the officer who completed its evaluation (G Appendix 1's "Name and title of person
    # completing the assessment").
    assert decision.names_replaced == 6
    evaluation = FormResponse.objects.get(arrangement=arrangement, form_key="gravesham_evaluation")
    assert evaluation.answers["completed_by"] == "Officer completing the assessment"
    # Its History page's entries for representatives and risks hold none of the names.
    shown = " ".join(
        f"{entry.summary} " + " ".join(f"{c.label}: {c.old} -> {c.new}" for c in entry.changes)
        for entry in every_entry(arrangement)
        if "council representative" in str(entry.summary) or "risk" in str(entry.summary)
    )
    assert "Board member" in shown
    for name in ("Jane Smith", "Jane Smyth", "Tom Ward", "Priya Patel"):
        assert name not in shown


def test_an_elected_member_without_a_role_is_replaced_by_elected_member(brentwood, owner):
    arrangement = ended()
    CouncilRepresentativeFactory(
        arrangement=arrangement, name="Cllr Ann Lee", role="", is_member=True
    )
    retention.dispose(
        arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
    )
    assert CouncilRepresentative.objects.get(arrangement=arrangement).name == "Elected Member"


@pytest.mark.parametrize(
    ("form_key", "question", "role"),
    [
        (
            "central_bedfordshire_private_sector_contract",
            "executive_member",
            "Executive member on the Partnership Board",
        ),
        (
            "central_bedfordshire_private_sector_contract",
            "senior_officer",
            "Senior officer on the Partnership Board",
        ),
        (
            "gravesham_partnership_agreement_checklist",
            "foi_officer",
            "FOI officer for the partnership",
        ),
    ],
    ids=["CB 3.2.1 executive member", "CB 3.2.1 senior officer", "G Appendix 3 FOI officer"],
)
def test_disposal_replaces_the_names_a_council_form_was_answered_with(
    brentwood, owner, form_key, question, role
):
    arrangement = ended()
    response = FormResponseFactory(
        arrangement=arrangement,
        form_key=form_key,
        answers={question: "Alex Morgan", "openness": "Monthly reports"},
    )
    response.answers = {question: "Alex Morgan-Jones", "openness": "Monthly reports"}
    response.save()
    retention.dispose(
        arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
    )
    response.refresh_from_db()
    assert response.answers == {question: role, "openness": "Monthly reports"}
    assert [row.answers[question] for row in FormResponse.history.filter(id=response.pk)] == [
        role,
        role,
    ]


def test_disposal_keeps_the_register_entry_its_dates_and_its_approval_decisions(held, owner):
    arrangement, _document = held
    rounds, decisions = ApprovalRound.objects.count(), Decision.objects.count()
    assert decisions > 0
    retention.dispose(
        arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
    )
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.start_date, arrangement.end_date) == (
        Status.ENDED,
        datetime.date(2020, 4, 1),
        ENDED_ON,
    )
    assert (ApprovalRound.objects.count(), Decision.objects.count()) == (rounds, decisions)


def test_the_disposal_is_on_the_arrangements_history_page(held, owner, client_for):
    arrangement, _document = held
    retention.dispose(
        arrangement=arrangement, user=owner, token=token(), today=datetime.date(2029, 4, 1)
    )
    page = client_for(owner).get(reverse("register:history", args=[arrangement.reference]))
    text = page.content.decode()
    assert (
        "Retention review on 1 April 2029: records disposed of. 1 document deleted "
        "(Partnership agreement 2020); 6 names replaced by roles." in text
    )
    assert "removed document ‘Partnership agreement 2020’" in text


# Refusals ---------------------------------------------------------------------------------------


def _dispose(arrangement, user, today=datetime.date(2029, 4, 1)):
    return retention.dispose(arrangement=arrangement, user=user, token=token(), today=today)


def _keep(arrangement, user, today=datetime.date(2029, 4, 1)):
    return retention.keep(
        arrangement=arrangement,
        user=user,
        reason="An audit is open",
        keep_until=datetime.date(2031, 1, 1),
        token=token(),
        today=today,
    )


@pytest.mark.parametrize("decide", [_dispose, _keep], ids=["dispose", "keep"])
@pytest.mark.parametrize(
    ("make", "today", "message"),
    [
        (
            lambda owner: ended(status=Status.ACTIVE),
            datetime.date(2029, 4, 1),
            "It is active: only an ended arrangement's records are reviewed for disposal",
        ),
        (
            lambda owner: ended(),
            datetime.date(2029, 3, 31),
            "Its records are kept until 31 March 2029; they are reviewed for disposal after "
            "that date",
        ),
        (
            lambda owner: _disposed(owner),
            datetime.date(2029, 4, 2),
            f"Its records were disposed of on {timezone.localdate():%-d %B %Y}",
        ),
    ],
    ids=["not ended", "not past its retention date", "already disposed of"],
)
def test_a_retention_decision_is_refused_with_the_reason(
    brentwood, owner, decide, make, today, message
):
    arrangement = make(owner)
    before = RetentionDecision.objects.count()
    with pytest.raises(ValidationError) as refused:
        decide(arrangement, owner, today)
    assert refused.value.messages == [message]
    assert RetentionDecision.objects.count() == before


def _disposed(owner):
    arrangement = ended()
    _dispose(arrangement, owner)
    return arrangement


@pytest.mark.parametrize(
    ("reason", "keep_until", "errors"),
    [
        ("", datetime.date(2031, 1, 1), {"reason": ["Enter why the records are kept"]}),
        (
            "An audit is open",
            None,
            {"keep_until": ["Enter the date to keep the records until"]},
        ),
        (
            "An audit is open",
            datetime.date(2029, 4, 1),  # today
            {"keep_until": ["The date to keep the records until must be in the future"]},
        ),
        (
            "An audit is open",
            datetime.date(2029, 3, 1),
            {"keep_until": ["The date to keep the records until must be in the future"]},
        ),
    ],
    ids=["no reason", "no date", "today", "a past date"],
)
def test_keeping_needs_a_reason_and_a_date_in_the_future(
    brentwood, owner, reason, keep_until, errors
):
    arrangement = ended()
    with pytest.raises(ValidationError) as refused:
        retention.keep(
            arrangement=arrangement,
            user=owner,
            reason=reason,
            keep_until=keep_until,
            token=token(),
            today=datetime.date(2029, 4, 1),
        )
    assert refused.value.message_dict == errors
    assert not RetentionDecision.objects.exists()


@pytest.mark.parametrize("role", [Role.LEAD_OFFICER, Role.INTERNAL_AUDIT, Role.DIRECTOR])
def test_only_the_register_owner_may_dispose(brentwood, user_with_role, role):
    arrangement = ended()
    with pytest.raises(PermissionDenied, match="Only the register owner records retention"):
        _dispose(arrangement, user_with_role(role))
    assert not RetentionDecision.objects.exists()


def test_the_same_disposal_sent_twice_disposes_once(brentwood, owner):
    arrangement = ended()
    same = token()
    first = retention.dispose(
        arrangement=arrangement, user=owner, token=same, today=datetime.date(2029, 4, 1)
    )
    again = retention.dispose(
        arrangement=arrangement, user=owner, token=same, today=datetime.date(2029, 4, 1)
    )
    assert again == first
    assert RetentionDecision.objects.filter(outcome=RetentionOutcome.DISPOSE).count() == 1
    assert arrangement.history.filter(status_reason__contains="records disposed of").count() == 1


# Notifications ------------------------------------------------------------------------------------


def test_the_register_owner_is_told_once_per_arrangement_and_retention_date(
    brentwood, owner, mailoutbox
):
    arrangement = ended()
    UserFactory(roles=[Role.LEAD_OFFICER])  # not told
    retention.notify_retention_due(datetime.date(2029, 4, 1))
    retention.notify_retention_due(datetime.date(2029, 4, 2))
    assert [message.to for message in mailoutbox] == [[owner.email]]
    assert mailoutbox[0].subject == f"Due for its retention review: {arrangement}"
    assert "records were kept until 31 March 2029" in mailoutbox[0].body
    assert reverse("reviews:retention-decide", args=[arrangement.reference]) in (mailoutbox[0].body)
    # Kept until a new date: told again when that date has passed.
    retention.keep(
        arrangement=arrangement,
        user=owner,
        reason="An audit is open",
        keep_until=datetime.date(2030, 1, 31),
        token=token(),
        today=datetime.date(2029, 4, 2),
    )
    retention.notify_retention_due(datetime.date(2029, 12, 1))
    retention.notify_retention_due(datetime.date(2030, 2, 1))
    retention.notify_retention_due(datetime.date(2030, 2, 2))
    assert len(mailoutbox) == 2
    assert Notification.objects.filter(recipient=owner).count() == 2


# Pages ---------------------------------------------------------------------------------------------


PAGES = ["reviews:retention", "reviews:retention-decide", "reviews:retention-dispose"]


def _url(name, arrangement):
    if name == "reviews:retention":
        return reverse(name)
    return reverse(name, args=[arrangement.reference])


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.REGISTER_OWNER, 200),
        (Role.ADMINISTRATOR, 200),
        (Role.LEAD_OFFICER, 403),
        (Role.INTERNAL_AUDIT, 403),
        (Role.MONITORING_OFFICER, 403),
    ],
)
def test_the_retention_pages_are_the_register_owners(client_for, name, role, status):
    arrangement = past_retention_today()
    response = client_for(role).get(_url(name, arrangement))
    assert response.status_code == status
    if status == 403:
        assert "Only the register owner records retention decisions." in response.content.decode()


def test_the_list_shows_each_arrangement_past_its_retention_date(client_for):
    arrangement = past_retention_today(name="Old Skills Partnership")
    DocumentFactory(arrangement=arrangement)
    DocumentFactory(arrangement=arrangement, title="Agreement")
    ArrangementFactory(status=Status.ACTIVE, name="Live Partnership")
    text = client_for(Role.REGISTER_OWNER).get(reverse("reviews:retention")).content.decode()
    assert "Old Skills Partnership" in text
    assert arrangement.reference in text
    assert f"{arrangement.end_date:%-d %B %Y}" in text
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in text
    assert "Live Partnership" not in text


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, ["Select whether to keep the records or dispose of them"]),
        (
            {"outcome": "keep"},
            ["Enter why the records are kept", "Enter the date to keep the records until"],
        ),
        (
            {
                "outcome": "keep",
                "reason": "An audit is open",
                "keep_until_0": "1",
                "keep_until_1": "1",
                "keep_until_2": "2020",
            },
            ["The date to keep the records until must be in the future"],
        ),
        (
            {"outcome": "keep", "reason": "Audit", "keep_until_0": "31", "keep_until_1": "2"},
            ["The date to keep the records until must include a year"],
        ),
    ],
    ids=["no choice", "keep without a reason or date", "a past date", "no year"],
)
def test_a_bad_decision_shows_the_error_summary_and_keeps_what_was_typed(client_for, data, errors):
    arrangement = past_retention_today()
    response = client_for(Role.REGISTER_OWNER).post(
        reverse("reviews:retention-decide", args=[arrangement.reference]),
        {"token": token(), **data},
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in text
    for error in errors:
        assert error in text
    if data.get("reason"):
        assert data["reason"] in text
    assert not RetentionDecision.objects.exists()


def test_keeping_from_the_page_records_the_decision(client_for):
    arrangement = past_retention_today()
    keep_until = timezone.localdate() + datetime.timedelta(days=400)
    page = client_for(Role.REGISTER_OWNER)
    response = page.post(
        reverse("reviews:retention-decide", args=[arrangement.reference]),
        {
            "token": token(),
            "outcome": "keep",
            "reason": "A claim is open",
            "keep_until_0": keep_until.day,
            "keep_until_1": keep_until.month,
            "keep_until_2": keep_until.year,
        },
        follow=True,
    )
    decision = RetentionDecision.objects.get()
    assert (decision.outcome, decision.reason, decision.keep_until, decision.decided_by) == (
        RetentionOutcome.KEEP,
        "A claim is open",
        keep_until,
        page.user,
    )
    assert f"are kept until {keep_until:%-d %B %Y}" in response.content.decode()


def test_choosing_dispose_asks_for_a_confirmation_that_says_what_goes(client_for):
    arrangement = past_retention_today()
    DocumentFactory(arrangement=arrangement, title="Terms of reference 2019")
    CouncilRepresentativeFactory(arrangement=arrangement, name="Jane Smith", role="Board member")
    page = client_for(Role.REGISTER_OWNER)
    response = page.post(
        reverse("reviews:retention-decide", args=[arrangement.reference]),
        {"token": token(), "outcome": "dispose"},
    )
    confirm = reverse("reviews:retention-dispose", args=[arrangement.reference])
    assert response.status_code == 302 and response.url == confirm
    assert not RetentionDecision.objects.exists()  # nothing disposed without confirming
    text = page.get(confirm).content.decode()
    assert "Terms of reference 2019" in text
    assert '<td class="govuk-table__cell">Jane Smith</td>' in text
    assert '<td class="govuk-table__cell">Board member</td>' in text
    assert "Disposal cannot be undone." in text


def test_the_confirmation_button_pressed_twice_disposes_once(client_for):
    arrangement = past_retention_today()
    DocumentFactory(arrangement=arrangement)
    page = client_for(Role.REGISTER_OWNER)
    url = reverse("reviews:retention-dispose", args=[arrangement.reference])
    same = token()
    first = page.post(url, {"token": same})
    second = page.post(url, {"token": same}, follow=True)
    assert first.status_code == 302
    assert "have been disposed of: 1 document deleted" in second.content.decode()
    assert RetentionDecision.objects.count() == 1
    # A fresh page, after the disposal: refused with the reason.
    refused = page.post(url, {"token": token()})
    assert refused.status_code == 400
    assert "Its records were disposed of on" in refused.content.decode()
    assert page.get(url).status_code == 403


def test_an_arrangement_not_yet_due_says_why_on_its_decision_page(client_for):
    arrangement = ended(end_date=timezone.localdate() - DAY)
    response = client_for(Role.REGISTER_OWNER).get(
        reverse("reviews:retention-decide", args=[arrangement.reference])
    )
    assert response.status_code == 403
    assert "Its records are kept until" in response.content.decode()


def test_disposal_needs_the_csrf_token(user_with_role):
    arrangement = past_retention_today()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role(Role.REGISTER_OWNER))
    response = client.post(
        reverse("reviews:retention-dispose", args=[arrangement.reference]), {"token": token()}
    )
    assert response.status_code == 403
    assert not RetentionDecision.objects.exists()
