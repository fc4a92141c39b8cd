"""What every council policy declares, as data and small plain functions.

A policy answers, for one council: which category an arrangement falls in and why; who
gives opinions, who decides and who is told, in what order; which forms it needs; what it
still lacks; whether and where it appears on the published register; and how it is
reviewed. Policies read an arrangement's fields and never write; they work on unsaved
arrangements too.
"""

import datetime
from dataclasses import KW_ONLY, dataclass, field

from django.db.models import TextChoices

from register.choices import Status
from register.completeness import MissingAnswer, missing_answers
from register.dates import add_months
from register.roles import Role


class StepKind(TextChoices):
    OPINION = "opinion", "Opinion"
    DECISION = "decision", "Decision"
    BODY_DECISION = "body_decision", "Decision of a body"
    DISCUSSION = "discussion", "Discussion by a body"
    INFORM = "inform", "Informed"


# Steps a body takes at a meeting: recorded by its officer with the meeting date and minute.
MEETING_KINDS = frozenset({StepKind.BODY_DECISION, StepKind.DISCUSSION})
# Steps that give a view before the deciders decide; withdrawal and renewal skip them.
ADVISING_KINDS = frozenset({StepKind.OPINION, StepKind.DISCUSSION})


@dataclass(frozen=True)
class Step:
    """One person or body acting on an arrangement. For a body, `role` records its decision."""

    kind: StepKind
    role: Role
    title: str  # in the council's words, e.g. "Monitoring Officer (or Deputy Monitoring Officer)"
    body: str = ""  # e.g. "Management Team", "Cabinet"
    # An opinion is advice (False: "do not endorse" is shown to every later decider and the
    # round goes on) or a condition (True: "do not agree" ends the round and returns the
    # arrangement with the reason, e.g. Dartford's Section 151 agreement, D 12(iv)).
    binding: bool = False
    # What a condition agrees item by item, as (key, words), e.g. the six items of D 12(iv).
    items: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        if self.kind == StepKind.OPINION:
            return f"{'Agreement' if self.binding else 'Opinion'} of the {self.title}"
        if self.kind == StepKind.DECISION:
            return f"Approval by the {self.title}"
        if self.kind == StepKind.BODY_DECISION:
            return f"Decision of {self.body}, recorded by the {self.title}"
        if self.kind == StepKind.DISCUSSION:
            return f"Discussion at {self.body}, recorded by the {self.title}"
        return f"The {self.title} is informed"


@dataclass(frozen=True)
class Stage:
    """Steps that run side by side; the next stage starts when all of them are done."""

    name: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class Classification:
    category: Category
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        return f"{self.category.label}: {'; '.join(self.reasons)}"


@dataclass(frozen=True)
class FormTemplate:
    key: str
    title: str  # the council's own name for it, with its appendix


@dataclass(frozen=True)
class ReviewTemplate:
    """The template a review is done on, in the years of operation it is used for."""

    title: str  # the council's own name for it, with its appendix
    first_year: int = 1
    last_year: int | None = None  # None: every year from first_year on
    # The key of its council-forms definition when it is filled in the browser, else "".
    key: str = ""

    def used_in(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


class OutcomeEffect(TextChoices):
    """What a review's outcome does to the arrangement (issue 11, point 3)."""

    CONTINUE = "continue", "It continues; the next review is scheduled"
    IMPROVE = "improve", "It continues with actions, tracked and shown at the next review"
    WITHDRAW = "withdraw", "The withdrawal is sent for a decision at the level that approved it"
    TIME_LIMIT = "time_limit", "It continues until an end date"
    ANOTHER_BODY = "another_body", "Another body represents the Council"


@dataclass(frozen=True)
class ReviewOutcome:
    """One conclusion a review may reach, in the policy's words, and what it does."""

    words: str
    effect: OutcomeEffect = OutcomeEffect.CONTINUE

    def __str__(self):
        return self.words


def continues(words):
    return ReviewOutcome(words, OutcomeEffect.CONTINUE)


def improves(words):
    return ReviewOutcome(words, OutcomeEffect.IMPROVE)


def withdraws(words):
    return ReviewOutcome(words, OutcomeEffect.WITHDRAW)


@dataclass(frozen=True)
class ReviewPlan:
    """How the policy has an arrangement reviewed, as data: how often, on which template in
    which year of operation, who completes it and who considers it, and the outcomes in the
    council's own words."""

    cadence: str  # in words, e.g. "Every year, presented to the relevant Cabinet Committee"
    _: KW_ONLY
    every_months: int = 12  # 0: the policy schedules no review of it
    templates: tuple[ReviewTemplate, ...] = ()
    completed_by: str = ""  # who completes it, in the council's words
    considered_by: str = ""  # the person or body who considers it
    considered_by_body: bool = False  # a body, whose consideration has a meeting and minute
    outcomes: tuple[ReviewOutcome, ...] = ()  # what the review may conclude
    # Who records its consideration besides the register's keepers: for a body, its
    # Democratic Services officer; for a person, their role (the Portfolio Holder of the
    # arrangement's portfolio, G 6.8). None with `at_approval_level`: whoever decided its
    # approval (B: "to the decision-maker").
    considered_by_role: Role | None = None
    at_approval_level: bool = False
    # Needed when the arrangement ends, before it can end (SD Appendix 4).
    on_ending: ReviewTemplate | None = None
    # Issues in these categories are flagged for the Annual Governance Statement (D 6(viii)).
    governance_statement_issues: tuple[str, ...] = ()

    def outcome(self, words: str) -> ReviewOutcome | None:
        return next((o for o in self.outcomes if o.words == words), None)

    def template_for(self, year: int) -> ReviewTemplate | None:
        """The template of the review in the arrangement's `year` of operation (1, 2 ...)."""
        return next((t for t in self.templates if t.used_in(year)), None)

    @property
    def template(self) -> str:
        """Its templates in words, with their years, for the arrangement page."""
        described = [_in_years(t) for t in self.templates]
        if self.on_ending is not None:
            described.append(f"{self.on_ending.title} when the partnership ends")
        return "; ".join(described)


@dataclass(frozen=True)
class ReviewReminder:
    """One reminder of a review: which (`stage`, e.g. "7-days-before", "due",
    "14-days-overdue"), the day it fell due, and whether it goes beyond the person who
    must complete the review."""

    stage: str
    on: datetime.date
    escalated: bool = False


def _in_years(template: ReviewTemplate) -> str:
    if template.first_year == 1 and template.last_year is None:
        return template.title
    if template.last_year is None:
        return f"{template.title} from year {template.first_year}"
    joined = "and" if template.last_year == template.first_year + 1 else "to"
    return f"{template.title} in years {template.first_year} {joined} {template.last_year}"


@dataclass(frozen=True)
class PolicyQuestion:
    """A question a policy asks of every arrangement: yes/no (a scorecard criterion, a
    declining criterion, an escalation trigger) or, with choices, one of a list."""

    key: str
    text: str
    group: str  # which checklist it belongs to, e.g. "scorecard"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); empty means yes / no


@dataclass(frozen=True)
class Checklist:
    """A page of policy questions, e.g. Dartford's significance scorecard."""

    group: str
    title: str
    hint: str = ""


@dataclass(frozen=True)
class ScreeningQuestion:
    key: str
    question: str
    out_of_scope: str  # why a yes means the arrangement is not covered, in the policy's words
    hint: str = ""  # what the question means
    unanswered: str = ""  # the error when it is not answered ("Select yes if ...")


def opinion(role, title, *, binding: bool, items=()):
    """An opinion the policy declares advice (binding=False) or a condition (binding=True)."""
    return Step(StepKind.OPINION, role, title, binding=binding, items=tuple(items))


def decision(role, title):
    return Step(StepKind.DECISION, role, title)


def body_decision(body, recorder_title="Democratic Services officer"):
    return Step(StepKind.BODY_DECISION, Role.DEMOCRATIC_SERVICES, recorder_title, body)


def discussion(body, recorder_title="Democratic Services officer"):
    """A body discusses it and may send it back; the approval is someone else's."""
    return Step(StepKind.DISCUSSION, Role.DEMOCRATIC_SERVICES, recorder_title, body)


def inform(role, title):
    return Step(StepKind.INFORM, role, title)


# The four kinds of arrangement every council screens out (G 1.18, SD "Contractual
# Arrangements", D 2.3, B "Scope"); each policy gives the reasons in its own words.
SCREENING_KEYS = ("client_contractor", "commissioning", "grant", "informal_forum")
SCREENING_QUESTIONS_ASKED = {  # key -> (question, what it means, error when unanswered)
    "client_contractor": (
        "Is it a client-contractor contract?",
        "The council buys a service under a formal contract",
        "Select yes if it is a client-contractor contract",
    ),
    "commissioning": (
        "Is it a commissioning arrangement?",
        "The council is paid to deliver a service for another organisation, or pays another "
        "organisation to deliver one",
        "Select yes if it is a commissioning arrangement",
    ),
    "grant": (
        "Is it a grant?",
        "A grant the council gives to, or receives from, another organisation",
        "Select yes if it is a grant",
    ),
    "informal_forum": (
        "Is it an informal forum or network?",
        "A forum or network with no shared objectives, resources or decisions",
        "Select yes if it is an informal forum or network",
    ),
}


# What an arrangement must hold when its withdrawal is sent for a decision.
WITHDRAWAL_NEEDS = frozenset({"exit_strategy", "risks"})


@dataclass(frozen=True)
class Policy:
    """One council's rules. Subclasses fill in the data and the small functions below."""

    key: str
    name: str  # the policy document
    version: str
    council: str
    categories: tuple[Category, ...]
    role_titles: dict = field(default_factory=dict)  # Role -> the council's title
    questions: tuple[PolicyQuestion, ...] = ()
    out_of_scope_reasons: dict = field(default_factory=dict)  # screening key -> words
    checklists: tuple[Checklist, ...] = ()  # pages of `questions`, by group
    allows_recategorisation: bool = True
    # An approved arrangement is reviewed every year (G 6.7, D 4(vi), SD, CB, B).
    review_interval_months: int = 12
    # Conditional support in place of approval, for up to this many months at a time
    # (0: the council's policy has no such thing; Brentwood's is 3).
    conditional_support_months: int = 0
    # How long before conditional support lapses the officer and register owner are told
    # (the product's reading: no council sets a day).
    conditional_support_warning_days: int = 14
    # Who must complete a review is reminded this many days before it is due (0: on the
    # day), then every `review_overdue_every_days` while it is overdue; from
    # `review_escalation_days` overdue the register owner, who co-ordinates the reviews
    # (G 6.11) and reports where they are late (B "Monitoring and scrutiny of a
    # partnership"), and the relevant Director (G 6.10) are told too. Issue 11's reading:
    # no council sets a day.
    review_reminder_days: tuple[int, ...] = (30, 7, 0)
    review_overdue_every_days: int = 7
    review_escalation_days: int = 14
    # Whether the record form asks for the Council Authorised Officer (CB 3.2.7).
    asks_council_authorised_officer: bool = False
    # How long an ended arrangement's records are kept before the register owner reviews
    # them for disposal. Only Brentwood sets a period (36 months, B "Data retention"); the
    # product's reading for the others is six years after the end, as councils' retention
    # schedules keep partnership agreements and contracts (the Limitation Act 1980's six
    # years for claims under a contract).
    retention_months: int = 72
    # The governance assurance exercise for the Annual Governance Statement runs in February
    # and March (G 6.10; the product's reading for the councils that set no months): returns
    # are asked for by the last day of the second month.
    assurance_months: tuple[int, int] = (2, 3)
    # Internal control issues a return flags for the statement, as (key, words): Dartford's
    # categories (D 6(viii)); the others name none.
    assurance_issues: tuple[tuple[str, str], ...] = ()
    # The published register's title, in the council's words.
    register_title: str = "Register of Partnerships and Shared Services"
    # The fields of register/open_data.py the published register shows, in that order
    # (empty: every one). Brentwood's public page shows description, aims and partners.
    published_fields: tuple[str, ...] = ()
    # The arrangements a published edition may include: approved and not yet ended
    # (the product's reading; on_register says which of them the council publishes).
    published_statuses: frozenset = frozenset(
        {Status.ACTIVE, Status.CONDITIONAL_SUPPORT, Status.UNDER_REVIEW, Status.WITHDRAWING}
    )

    # What the portal asks of the policy -------------------------------------------------

    def classify(self, arrangement) -> Classification:
        raise NotImplementedError

    def route(self, arrangement) -> tuple[Stage, ...]:
        raise NotImplementedError

    def forms_required(self, arrangement) -> tuple[FormTemplate, ...]:
        raise NotImplementedError

    def policy_missing(self, arrangement, category: Category) -> list[MissingAnswer]:
        """What this council needs beyond the register's own required answers."""
        return []

    def on_register(self, arrangement) -> bool:
        """Whether the published register includes it."""
        return True

    def register_order(self, arrangement) -> tuple:
        """Sort key of the published register: the order of `categories`, then the name."""
        category = self.effective_classification(arrangement).category
        return (self.categories.index(category), arrangement.name.lower())

    def register_section(self, arrangement) -> str:
        """The heading the published register lists it under (its category, unless the
        policy splits the register otherwise); register_order keeps each heading's entries
        together."""
        return self.effective_classification(arrangement).category.label

    def review_plan(self, arrangement) -> ReviewPlan:
        raise NotImplementedError

    def withdrawal_route(self, arrangement, approved_route=None) -> tuple[Stage, ...]:
        """Withdrawal is decided by those who decided its approval (`approved_route`, the
        stages of the round that approved it), without the opinions and discussions again;
        before any approval was recorded, by the deciders of the policy's route
        (B "Withdrawing")."""
        stages = approved_route or self.route(arrangement)
        deciding = (
            Stage(stage.name, tuple(s for s in stage.steps if s.kind not in ADVISING_KINDS))
            for stage in stages
        )
        return tuple(stage for stage in deciding if stage.steps)

    def renewal_route(self, arrangement, approved_route=None) -> tuple[Stage, ...]:
        """Conditional support is renewed at the level that gave it."""
        return self.withdrawal_route(arrangement, approved_route)

    def reapproval_missing(self, arrangement) -> list[MissingAnswer]:
        """What a re-approval after a material change still needs: what first submission
        does (a risk assessment, G 2.11; an exit strategy, G 2.12 ...)."""
        return self.missing(arrangement)

    def renewal_missing(self, arrangement) -> list[MissingAnswer]:
        """Renewing conditional support approves it for longer, so it needs what first
        submission does."""
        return self.missing(arrangement)

    def withdrawal_missing(self, arrangement) -> list[MissingAnswer]:
        """Withdrawing follows the exit strategy (G 2.12) and its risks (G 2.11): neither
        may be missing when the withdrawal goes for a decision."""
        return [item for item in self.missing(arrangement) if item.field in WITHDRAWAL_NEEDS]

    # Shared behaviour ----------------------------------------------------------------------

    @property
    def offers_conditional_support(self) -> bool:
        return self.conditional_support_months > 0

    def conditional_support_ends(self, granted_on: datetime.date) -> datetime.date:
        """The last day of a grant of conditional support given on `granted_on`."""
        return add_months(granted_on, self.conditional_support_months)

    def conditional_support_allowed_until(
        self, granted_on: datetime.date, until: datetime.date
    ) -> bool:
        """Whether one grant of conditional support may run to `until`."""
        return granted_on <= until <= self.conditional_support_ends(granted_on)

    def conditional_support_warning_on(self, until: datetime.date) -> datetime.date:
        """The day the prompt before conditional support lapses is due."""
        return until - datetime.timedelta(days=self.conditional_support_warning_days)

    def retention_ends(self, ended_on: datetime.date) -> datetime.date:
        """The last day an arrangement that ended on `ended_on` has its records kept; from
        the day after, they are due for the register owner's retention review."""
        return add_months(ended_on, self.retention_months)

    def review_reminder(self, due_on: datetime.date, today: datetime.date) -> ReviewReminder | None:
        """The latest reminder of a review due on `due_on` that has fallen due by `today`,
        or None before the first. Only the latest: a daily run missed for a few days sends
        it, never the earlier ones it replaces."""
        overdue = (today - due_on).days
        weeks = overdue // self.review_overdue_every_days
        if weeks >= 1:
            days = weeks * self.review_overdue_every_days
            return ReviewReminder(
                f"{days}-days-overdue",
                due_on + datetime.timedelta(days=days),
                escalated=days >= self.review_escalation_days,
            )
        fallen_due = [days for days in self.review_reminder_days if overdue >= -days]
        if not fallen_due:
            return None
        days = min(fallen_due)
        stage = "due" if days == 0 else f"{days}-days-before"
        return ReviewReminder(stage, due_on - datetime.timedelta(days=days))

    def next_review_due(self, approved_on: datetime.date) -> datetime.date:
        return add_months(approved_on, self.review_interval_months)

    def title(self, role: Role) -> str:
        return self.role_titles.get(role, role.label)

    def category(self, key: str) -> Category:
        return next(category for category in self.categories if category.key == key)

    def effective_classification(self, arrangement) -> Classification:
        """The rules' answer, unless an officer has re-categorised the arrangement."""
        override = getattr(arrangement, "category_override", "")
        if self.allows_recategorisation and override in {c.key for c in self.categories}:
            return Classification(
                self.category(override),
                (f"re-categorised: {arrangement.category_override_reason}",),
            )
        return self.classify(arrangement)

    def missing(self, arrangement) -> list[MissingAnswer]:
        category = self.effective_classification(arrangement).category
        return self.required_answers(arrangement, category) + self.policy_missing(
            arrangement, category
        )

    def required_answers(self, arrangement, category: Category) -> list[MissingAnswer]:
        """The register's own required answers; a policy may relax them for a category."""
        return missing_answers(arrangement)

    def screening_questions(self) -> tuple[ScreeningQuestion, ...]:
        return tuple(
            ScreeningQuestion(
                key,
                SCREENING_QUESTIONS_ASKED[key][0],
                self.out_of_scope_reasons[key],
                hint=SCREENING_QUESTIONS_ASKED[key][1],
                unanswered=SCREENING_QUESTIONS_ASKED[key][2],
            )
            for key in SCREENING_KEYS
        )

    def answer(self, arrangement, key: str):
        """A policy question as answered on the arrangement: True / False for yes / no
        questions (unanswered is no), the chosen value (or "") for a choice."""
        value = (arrangement.policy_answers or {}).get(key)
        question = next(q for q in self.questions if q.key == key)
        return (value or "") if question.choices else bool(value)

    def checklist_summary(self, arrangement, group: str) -> str:
        """A line shown with a checklist's answers, e.g. the scorecard's percentage."""
        return ""

    def questions_in(self, group: str) -> tuple[PolicyQuestion, ...]:
        return tuple(q for q in self.questions if q.group == group)
