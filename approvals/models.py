"""Approval work: one round per submission (or withdrawal, or material change), its steps
from the policy's route, and the decisions people record on them.

Decisions are never edited or deleted: a correction is a new decision that supersedes one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from register.formatting import capitalised
from register.models import Arrangement, TimeStampedModel
from register.policies.base import MEETING_KINDS, StepKind
from register.roles import Role


class RoundPurpose(models.TextChoices):
    APPROVAL = "approval", "Approval"
    REAPPROVAL = "reapproval", "Approval again after a material change"
    WITHDRAWAL = "withdrawal", "Withdrawal"
    RENEWAL = "renewal", "Renewal of conditional support"


class RoundOutcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    CONDITIONAL = "conditional", "Conditional support"
    REFUSED = "refused", "Refused"
    RETURNED = "returned", "Returned for changes"
    WITHDRAWN = "withdrawn", "Withdrawn"
    CANCELLED = "cancelled", "Cancelled"


class ApprovalRound(TimeStampedModel):
    arrangement = models.ForeignKey(Arrangement, on_delete=models.PROTECT, related_name="rounds")
    purpose = models.CharField(max_length=20, choices=RoundPurpose.choices)
    reason = models.TextField(blank=True, max_length=2000)  # of a withdrawal or change
    end_date = models.DateField(null=True, blank=True)  # of a withdrawal
    policy_key = models.CharField(max_length=40)
    policy_name = models.CharField("policy and version", max_length=200)
    category = models.TextField()  # the category and its reasons when opened
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    current_stage = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(max_length=20, choices=RoundOutcome.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # At most one round at a time is open on an arrangement.
            models.UniqueConstraint(
                fields=["arrangement"],
                condition=Q(closed_at__isnull=True),
                name="one_open_round_per_arrangement",
            ),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} of {self.arrangement.reference}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def advice_against(self) -> list:
        """The advisory 'do not endorse' opinions in force: they do not stop the round
        (G 2.14), and every later decider and the lead officer see them."""
        decisions = (step.decision for step in self.steps.all() if step.kind == StepKind.OPINION)
        return [d for d in decisions if d is not None and d.outcome == Outcome.NOT_ENDORSE]


class StepStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for an earlier stage"
    PENDING = "pending", "Awaiting decision"
    DONE = "done", "Done"
    NOT_NEEDED = "not_needed", "Not needed"


class ApprovalStep(TimeStampedModel):
    round = models.ForeignKey(ApprovalRound, on_delete=models.PROTECT, related_name="steps")
    stage = models.PositiveSmallIntegerField()
    stage_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=StepKind.choices)
    role = models.CharField(max_length=40, choices=Role.choices)
    title = models.CharField(max_length=200)  # the council's words for who acts
    body = models.CharField(max_length=200, blank=True)  # for a decision of a body
    # Copied from the policy's Step when the round opens: a condition rather than advice,
    # and what it agrees item by item, as [key, words] pairs.
    binding = models.BooleanField(default=False)
    items = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=StepStatus.choices, default=StepStatus.WAITING)

    class Meta:
        ordering = ["stage", "pk"]

    def __str__(self):
        return self.describe()

    def describe(self) -> str:
        return self.as_policy_step().describe()

    def as_policy_step(self):
        from register.policies.base import Step

        return Step(
            StepKind(self.kind),
            Role(self.role),
            self.title,
            self.body,
            binding=self.binding,
            items=tuple(tuple(item) for item in self.items),
        )

    @property
    def at_a_meeting(self) -> bool:
        return self.kind in MEETING_KINDS

    @property
    def decision(self):
        """The decision in force: the latest, which supersedes any before it."""
        decisions = list(self.decisions.all())
        superseded = {d.supersedes_id for d in decisions}
        in_force = [d for d in decisions if d.pk not in superseded]
        return in_force[-1] if in_force else None


class Outcome(models.TextChoices):
    ENDORSE = "endorse", "Endorse"
    NOT_ENDORSE = "not_endorse", "Do not endorse"
    APPROVE = "approve", "Approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions", "Approve with conditions"
    CONDITIONAL_SUPPORT = "conditional_support", "Give conditional support"
    REFUSE = "refuse", "Refuse"
    RETURN = "return", "Return for changes"
    AGREE = "agree", "Agree"  # a condition (a binding opinion)
    NOT_AGREE = "not_agree", "Do not agree"
    DISCUSSED = "discussed", "Discussed: go on to the decision"
    NOTED = "noted", "Informed"


class ItemAnswer(models.TextChoices):
    """One item of a condition, e.g. one of the six of D 12(iv)."""

    AGREED = "agreed", "Agreed"
    NOT_AGREED = "not_agreed", "Not agreed"


class DecisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Decisions cannot be changed; record a correction instead")

    def delete(self):
        raise PermissionError("Decisions cannot be deleted")


class Decision(models.Model):
    """What one person (or a body, through its recorder) decided on one step. Never changed."""

    step = models.ForeignKey(ApprovalStep, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    comment = models.TextField(blank=True, max_length=5000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions"
    )
    # When a deputy acts, the role holder they stand in for.
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    meeting_date = models.DateField(null=True, blank=True)  # decisions of bodies
    minute_reference = models.CharField(max_length=100, blank=True)
    support_until = models.DateField(null=True, blank=True)  # conditional support
    # A condition agreed item by item: item key -> ItemAnswer.
    item_answers = models.JSONField(default=dict, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    correction_reason = models.TextField(blank=True, max_length=2000)
    # The form's one-time token: the same submission twice records one decision.
    token = models.CharField(max_length=64, unique=True)

    objects = DecisionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.get_outcome_display()} by {self.decided_by} on {self.step}"

    # Immutability is kept here, not in a service, so that it holds everywhere: the portal,
    # Django admin, the shell and data migrations all go through save() and delete().
    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Decisions cannot be changed; record a correction instead")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Decisions cannot be deleted")

    def item_lines(self) -> list[tuple[str, str]]:
        """Each item of the step in the policy's words, with this decision's answer."""
        answers = self.item_answers or {}
        return [
            (capitalised(words), ItemAnswer(answers[key]).label)
            for key, words in self.step.items
            if answers.get(key) in ItemAnswer.values
        ]

    def items_not_agreed(self) -> list[str]:
        answers = self.item_answers or {}
        return [
            words for key, words in self.step.items if answers.get(key) == ItemAnswer.NOT_AGREED
        ]


class Deputy(TimeStampedModel):
    """A role holder names someone to act for them for a period."""

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="deputies"
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="deputising"
    )
    role = models.CharField(max_length=40, choices=Role.choices)
    starts = models.DateField()
    ends = models.DateField()

    class Meta:
        ordering = ["-starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gte=models.F("starts")), name="deputy_ends_after_starting"
            ),
            models.CheckConstraint(
                condition=~Q(holder=models.F("deputy")), name="deputy_is_someone_else"
            ),
        ]

    def __str__(self):
        return f"{self.deputy} for {self.holder} ({self.get_role_display()})"


class DeclaredInterest(TimeStampedModel):
    """G 4.3i-j: declared interests are recorded; whoever declares one cannot decide."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declared_interests"
    )
    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.PROTECT, related_name="declared_interests"
    )
    description = models.TextField(max_length=2000)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "arrangement"], name="one_interest_each"),
        ]

    def __str__(self):
        return f"{self.user} in {self.arrangement.reference}"


class Notification(models.Model):
    """One e-mail about one event to one person; the event key makes it once only."""

    event = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notifications"
    )
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
