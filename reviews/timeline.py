"""The reviews app's part of an arrangement's History (register/timeline.py): each review
scheduled, submitted and considered (with its outcome, minute and conclusion), the actions
reviews set and their progress, governance assurance returns and the Director's assurance,
and retention decisions."""

from collections import defaultdict

from django.db.models import F, Window
from django.db.models.functions import Lag

from register.formatting import long_date, yes_no
from register.policies import get_policy
from register.timeline import (
    PORTAL,
    Entry,
    EntryKind,
    HistorySource,
    Source,
    label_of,
    who_did,
)
from reviews.models import (
    AssuranceReturn,
    RetentionDecision,
    Review,
    ReviewAction,
    ReviewStatus,
)

# The moments of a review's life the History shows (starting one is its form's first save,
# shown with the form).
SHOWN_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.CONSIDERED)


def _field(model, name) -> str:
    return label_of(model._meta.get_field(name))


class ReviewSource(Source):
    kinds = frozenset({EntryKind.REVIEWS})

    def moments(self, arrangement):
        window = {
            "partition_by": [F("id")],
            "order_by": [F("history_date").asc(), F("history_id").asc()],
        }
        rows = (
            Review.history.filter(arrangement_id=arrangement.pk)
            .annotate(previous_status=Window(Lag("status"), **window))
            .values_list("history_id", "history_date", "history_type", "status", "previous_status")
            .order_by()
        )
        entries = []
        for history_id, when, history_type, status, previous_status in rows:
            if history_type == "+":
                entries.append(self._entry(when, "scheduled", history_id, 0))
            if status in SHOWN_STATUSES and status != previous_status:
                entries.append(self._entry(when, "status", history_id, 1))
        decisions = RetentionDecision.objects.filter(arrangement=arrangement).values_list(
            "pk", "decided_at"
        )
        entries += [self._entry(when, "retention", pk, 2) for pk, when in decisions]
        returns = AssuranceReturn.objects.filter(arrangement=arrangement).values_list(
            "pk", "returned_at", "confirmed_at"
        )
        for pk, returned_at, confirmed_at in returns:
            if returned_at is not None:
                entries.append(self._entry(returned_at, "returned", pk, 3))
            if confirmed_at is not None:
                entries.append(self._entry(confirmed_at, "confirmed", pk, 4))
        return entries

    def _entry(self, when, what, pk, order):
        return Entry(when, EntryKind.REVIEWS, self, (what, pk), order=(order, pk))

    def describe(self, entries, names):
        wanted = defaultdict(set)
        for entry in entries:
            wanted[entry.key[0]].add(entry.key[1])
        reviews = Review.history.in_bulk(wanted["scheduled"] | wanted["status"])
        retention = RetentionDecision.objects.in_bulk(wanted["retention"])
        returns = AssuranceReturn.objects.select_related("exercise").in_bulk(
            wanted["returned"] | wanted["confirmed"]
        )
        for entry in entries:
            what, pk = entry.key
            if what == "scheduled":
                self._scheduled(entry, reviews[pk], names)
            elif what == "status":
                self._status(entry, reviews[pk], names)
            elif what == "retention":
                self._retention(entry, retention[pk], names)
            else:
                self._assurance(entry, what, returns[pk], names)

    def _scheduled(self, entry, row, names):
        entry.who = PORTAL
        entry.summary = f"scheduled the review due {long_date(row.due_on)}"
        entry.details = [
            (_field(Review, "template"), row.template or "Not named by the policy"),
            (_field(Review, "year_of_operation"), str(row.year_of_operation)),
            (_field(Review, "completed_by"), names.person(row.completed_by_id)),
        ]
        if row.considered_by:
            entry.details.append((_field(Review, "considered_by"), row.considered_by))

    def _status(self, entry, row, names):
        due = long_date(row.due_on)
        if row.status == ReviewStatus.SUBMITTED:
            entry.who, entry.cause = who_did(row.history_user_id, "", names)
            entry.summary = f"submitted the review due {due} for consideration"
            return
        entry.who = names.person(row.recorded_by_id or row.history_user_id)
        entry.summary = f"recorded that the review due {due} was considered: {row.outcome}"
        entry.details = [
            (_field(Review, "considered_on"), long_date(row.considered_on)),
            (_field(Review, "considered_by"), row.considered_by or "Not named"),
        ]
        if row.minute:
            entry.details.append((_field(Review, "minute"), row.minute))
        if row.comment:
            entry.details.append((_field(Review, "comment"), row.comment))

    def _retention(self, entry, decision, names):
        entry.who = names.person(decision.decided_by_id)
        outcome = decision.get_outcome_display()
        entry.summary = f"decided to {outcome[0].lower()}{outcome[1:]}"
        entry.details = [
            (
                _field(RetentionDecision, "retention_date"),
                long_date(decision.retention_date),
            )
        ]
        if decision.keep_until:
            entry.details += [
                (_field(RetentionDecision, "keep_until"), long_date(decision.keep_until)),
                (_field(RetentionDecision, "reason"), decision.reason),
            ]
        else:
            entry.details += [
                (
                    _field(RetentionDecision, "documents_deleted"),
                    "; ".join(decision.documents_deleted) or "No documents",
                ),
                (_field(RetentionDecision, "names_replaced"), str(decision.names_replaced)),
            ]

    def _assurance(self, entry, what, assurance, names):
        year = assurance.exercise.year
        if what == "returned":
            entry.who = names.person(assurance.returned_by_id)
            entry.summary = f"made the governance assurance return for {year}"
            issues = dict(get_policy().assurance_issues)
            entry.details = [
                (
                    _field(AssuranceReturn, "governance_in_place"),
                    yes_no(assurance.governance_in_place),
                ),
                (
                    _field(AssuranceReturn, "meets_objectives"),
                    yes_no(assurance.meets_objectives),
                ),
            ]
            if assurance.governance_detail:
                entry.details.append(
                    (_field(AssuranceReturn, "governance_detail"), assurance.governance_detail)
                )
            if assurance.objectives_detail:
                entry.details.append(
                    (_field(AssuranceReturn, "objectives_detail"), assurance.objectives_detail)
                )
            if assurance.issues:
                entry.details.append(
                    (
                        _field(AssuranceReturn, "issues"),
                        "; ".join(
                            issues.get(key, "An issue no longer listed") for key in assurance.issues
                        ),
                    )
                )
            return
        entry.who = names.person(assurance.confirmed_by_id)
        entry.summary = f"gave the Director’s assurance for {year}"
        entry.details = [
            (_field(AssuranceReturn, "director_assures"), yes_no(assurance.director_assures))
        ]
        if assurance.director_comment:
            entry.details.append(
                (_field(AssuranceReturn, "director_comment"), assurance.director_comment)
            )


class ReviewActionHistory(HistorySource):
    """The actions reviews set, and their progress, field by field."""

    model = ReviewAction
    kind = EntryKind.REVIEWS
    ignored = HistorySource.ignored | {"review"}

    def records(self, arrangement):
        reviews = Review.objects.filter(arrangement_id=arrangement.pk).values("id")
        return ReviewAction.history.filter(review_id__in=reviews)

    def noun(self, row, names):
        return f"review action ‘{row.instance}’"
