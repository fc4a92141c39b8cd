"""The approvals app's part of an arrangement's History (register/timeline.py): each round
opened with its route, each decision with its comment, meeting and minute (a deputy's says
for whom, a correction what it corrects and why), each round closed, and declared
interests."""

from collections import defaultdict

from django.utils import timezone
from django.utils.text import capfirst

from approvals.models import ApprovalRound, Decision, DeclaredInterest, RoundPurpose
from register.formatting import long_date
from register.timeline import PORTAL, Entry, EntryKind, Later, Source

OPENED = {
    RoundPurpose.APPROVAL: "sent it for approval",
    RoundPurpose.REAPPROVAL: "sent it for approval again after a material change",
    RoundPurpose.WITHDRAWAL: "asked for its withdrawal",
    RoundPurpose.RENEWAL: "asked to renew its conditional support",
}
# What the person who opened a round did, when no decision closed it (nobody had to decide).
OPENED_BY = {
    RoundPurpose.APPROVAL: "submission",
    RoundPurpose.REAPPROVAL: "material change",
    RoundPurpose.WITHDRAWAL: "request to withdraw it",
    RoundPurpose.RENEWAL: "request to renew conditional support",
}


class ApprovalSource(Source):
    kinds = frozenset({EntryKind.APPROVALS})

    def moments(self, arrangement):
        entries = []
        rounds = ApprovalRound.objects.filter(arrangement=arrangement).values_list(
            "pk", "created_at", "closed_at"
        )
        for pk, opened, closed in rounds:
            entries.append(Entry(opened, EntryKind.APPROVALS, self, ("opened", pk), order=(0, pk)))
            if closed is not None:
                entries.append(
                    Entry(closed, EntryKind.APPROVALS, self, ("closed", pk), order=(2, pk))
                )
        decisions = Decision.objects.filter(step__round__arrangement=arrangement).values_list(
            "pk", "decided_at"
        )
        entries += [
            Entry(when, EntryKind.APPROVALS, self, ("decision", pk), order=(1, pk))
            for pk, when in decisions
        ]
        interests = DeclaredInterest.objects.filter(arrangement=arrangement).values_list(
            "pk", "created_at"
        )
        entries += [
            Entry(when, EntryKind.APPROVALS, self, ("interest", pk), order=(1, pk))
            for pk, when in interests
        ]
        return entries

    def describe(self, entries, names):
        wanted = defaultdict(set)
        for entry in entries:
            wanted[entry.key[0]].add(entry.key[1])
        round_ids = wanted["opened"] | wanted["closed"]
        rounds = ApprovalRound.objects.prefetch_related("steps").in_bulk(round_ids)
        decisions = Decision.objects.select_related("step", "supersedes").in_bulk(
            wanted["decision"]
        )
        # The decision that closed each round: its last before it closed.
        last = {}
        for decision in Decision.objects.filter(step__round__in=wanted["closed"]).select_related(
            "step"
        ):
            closed_at = rounds[decision.step.round_id].closed_at
            if decision.decided_at <= closed_at:
                last[decision.step.round_id] = decision
        interests = DeclaredInterest.objects.in_bulk(wanted["interest"])
        for entry in entries:
            what, pk = entry.key
            if what == "opened":
                self._opened(entry, rounds[pk], names)
            elif what == "closed":
                self._closed(entry, rounds[pk], last.get(pk), names)
            elif what == "decision":
                self._decision(entry, decisions[pk], names)
            else:
                interest = interests[pk]
                entry.who = names.person(interest.user_id)
                entry.summary = "declared an interest, so does not decide on it"
                entry.details = [("Interest declared", interest.description)]

    def _opened(self, entry, approval_round, names):
        entry.who = names.person(approval_round.opened_by_id)
        entry.summary = OPENED[approval_round.purpose]
        entry.details = [("Policy and version", approval_round.policy_name)]
        if approval_round.category:
            entry.details.append(("Its category when sent", approval_round.category))
        if approval_round.reason:
            entry.details.append(("Reason", approval_round.reason))
        if approval_round.end_date:
            entry.details.append(("Date it would end", long_date(approval_round.end_date)))
        stages = defaultdict(list)
        for step in approval_round.steps.all():
            stages[(step.stage, step.stage_name)].append(step.describe())
        for (_number, name), steps in sorted(stages.items()):
            entry.details.append((capfirst(name), "; ".join(steps)))

    def _closed(self, entry, approval_round, decision, names):
        entry.who = PORTAL
        if decision is not None:
            person = names.person(decision.decided_by_id)
            entry.cause = Later(lambda: f"on {person}’s decision")
        else:
            person = names.person(approval_round.opened_by_id)
            words = OPENED_BY[approval_round.purpose]
            entry.cause = Later(lambda: f"on {person}’s {words}")
        purpose = approval_round.get_purpose_display().lower()
        entry.summary = f"closed the {purpose}: {approval_round.get_outcome_display()}"

    def _decision(self, entry, decision, names):
        decider = names.person(decision.decided_by_id)
        if decision.on_behalf_of_id:
            holder = names.person(decision.on_behalf_of_id)
            entry.who = Later(lambda: f"{decider} (for {holder})")
        else:
            entry.who = decider
        verb = "corrected a decision to" if decision.supersedes_id else "recorded"
        entry.summary = f"{verb} ‘{decision.get_outcome_display()}’: {decision.step.describe()}"
        details = []
        if decision.comment:
            details.append(("Comment", decision.comment))
        if decision.meeting_date:
            details.append(("Date of the meeting", long_date(decision.meeting_date)))
        if decision.minute_reference:
            details.append(("Minute reference", decision.minute_reference))
        if decision.support_until:
            details.append(("Conditional support until", long_date(decision.support_until)))
        details += decision.item_lines()
        if decision.supersedes_id:
            corrected = decision.supersedes
            details.append(
                (
                    "It corrects",
                    f"‘{corrected.get_outcome_display()}’ recorded on "
                    f"{long_date(timezone.localdate(corrected.decided_at))}",
                )
            )
            details.append(("Reason for the correction", decision.correction_reason))
        entry.details = details
