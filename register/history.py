"""The register's own sources of an arrangement's timeline (register/timeline.py): changes to
the arrangement and to its parts, from django-simple-history's tables (so removed partners,
risks and documents still show); every version of its council forms; the published editions
that include it. Rows an import wrote say so in their change reason and are filed under
imports."""

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from register.choices import GovernanceItem
from register.council_forms import DEFINITIONS
from register.council_forms.webform import shown_answer
from register.formatting import yes_no
from register.models import (
    Arrangement,
    CouncilRepresentative,
    Document,
    Edition,
    EditionStatus,
    FormResponse,
    FormStatus,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Risk,
)
from register.occasions import Occasion
from register.policies import COUNCILS, get_policy
from register.timeline import (
    NOT_ANSWERED,
    NOT_SET,
    Change,
    Entry,
    EntryKind,
    HistorySource,
    Later,
    Source,
    label_of,
    who_did,
)


def _policies():
    """The installation's policy first, then every other council's: a key saved under an
    earlier policy still finds its words."""
    current = get_policy()
    return [current, *(get_policy(key) for key in COUNCILS if key != current.key)]


def category_words(key: str) -> str:
    for policy in _policies():
        for category in policy.categories:
            if category.key == key:
                return category.label
    return "A category no longer used"


def _question(key: str):
    for policy in _policies():
        for question in policy.questions:
            if question.key == key:
                return question
    return None


def policy_answer_words(question, value) -> str:
    if value is None or value == "":
        return NOT_ANSWERED
    if question is not None and question.choices:
        return str(dict(question.choices).get(value, "An option no longer offered"))
    return yes_no(value)


def governance_words(items) -> str:
    labels = [GovernanceItem(item).label for item in items or [] if item in GovernanceItem.values]
    return "; ".join(labels) or NOT_ANSWERED


class ArrangementHistory(HistorySource):
    model = Arrangement
    kind = EntryKind.ARRANGEMENT
    ignored = HistorySource.ignored | {"status_changed_at", "category_overridden_at"}
    set_by_the_portal = frozenset(
        {
            "status_reason",
            "next_review_due",
            "conditional_support_until",
            "represented_by",
            "category_override",
            "category_override_reason",
            "category_overridden_by",
        }
    )
    objectives_label = "Corporate Plan objectives"

    def records(self, arrangement):
        return Arrangement.history.filter(id=arrangement.pk)

    @staticmethod
    def _objectives_model():
        return apps.get_model("register", "HistoricalArrangement_corporate_objectives")

    def changed_elsewhere(self, rows):
        """Rows whose corporate objectives differ from the row before (one query)."""
        if not rows:
            return set()
        chosen = {}
        arrangement_id = self.model.history.filter(history_id=rows[0][0]).values("id")
        for history_id, objective_id in (
            self._objectives_model()
            .objects.filter(arrangement_id=arrangement_id[:1])
            .values_list("history_id", "corporateobjective_id")
        ):
            chosen.setdefault(history_id, set()).add(objective_id)
        return {
            history_id
            for history_id, _when, history_type, _reason, previous_id, _changed in rows
            if history_type == "~"
            and chosen.get(history_id, set()) != chosen.get(previous_id, set())
        }

    def rows_for(self, entries):
        rows = super().rows_for(entries)
        for row in rows.values():
            row.objective_ids = set()
        for history_id, objective_id in (
            self._objectives_model()
            .objects.filter(history_id__in=rows)
            .values_list("history_id", "corporateobjective_id")
        ):
            rows[history_id].objective_ids.add(objective_id)
        return rows

    def field_changes(self, model_field, old, new, names):
        name = model_field.name
        label = label_of(model_field)
        if name == "policy_answers":
            old, new = old or {}, new or {}
            keys = sorted(k for k in {*old, *new} if old.get(k) != new.get(k))
            changes = []
            for key in keys:
                question = _question(key)
                changes.append(
                    Change(
                        question.text if question else "A question no longer asked",
                        policy_answer_words(question, old.get(key)),
                        policy_answer_words(question, new.get(key)),
                    )
                )
            return changes
        if name == "governance_in_place":
            return [Change(label, governance_words(old), governance_words(new))]
        if name in ("category", "category_override"):
            return [
                Change(
                    label,
                    category_words(old) if old else NOT_SET,
                    category_words(new) if new else NOT_SET,
                )
            ]
        return super().field_changes(model_field, old, new, names)

    def changes(self, row, previous, names):
        found = super().changes(row, previous, names)
        before = set() if previous is None else previous.objective_ids
        if row.objective_ids != before:
            from register.models import CorporateObjective

            found.append(
                Change(
                    self.objectives_label,
                    names.all_of(CorporateObjective, before) if before else NOT_ANSWERED,
                    names.all_of(CorporateObjective, row.objective_ids)
                    if row.objective_ids
                    else NOT_ANSWERED,
                )
            )
        return found

    def summary(self, row, changes, names):
        if row.history_type == "+":
            return "recorded the arrangement"
        status_label = label_of(Arrangement._meta.get_field("status"))
        for change in changes:
            if change.label == status_label:
                return f"changed its status to {change.new}"
        return "changed the arrangement"


class PartHistory(HistorySource):
    """The history of one kind of the arrangement's parts, named by `noun` on the page."""

    def __init__(self, model, noun, ignored=frozenset()):
        self.model, self.noun_words = model, noun
        self.ignored = HistorySource.ignored | ignored

    def records(self, arrangement):
        return self.model.history.filter(arrangement_id=arrangement.pk)

    def noun(self, row, names):
        return f"{self.noun_words} ‘{row.instance}’"


class DocumentHistory(PartHistory):
    """A document's history: where its file is stored (a random name) is not shown, and its
    removal keeps in sight the file's name, type, size and SHA-256 checksum (the file itself
    is deleted)."""

    def __init__(self):
        super().__init__(Document, "document", ignored=frozenset({"size", "content_type", "file"}))

    def removed_details(self, row, names) -> list[tuple[str, str]]:
        return [
            ("File name", row.original_name),
            ("Type", Document(content_type=row.content_type).type_label),
            ("Size", filesizeformat(row.size)),
            ("SHA-256 checksum", row.checksum or "not recorded"),
        ]


def _objective_ids(arrangement):
    return Objective.history.filter(arrangement_id=arrangement.pk).values("id")


class MeasureHistory(PartHistory):
    def records(self, arrangement):
        return PerformanceMeasure.history.filter(objective_id__in=_objective_ids(arrangement))


class ResultHistory(PartHistory):
    """A measure's target and outturn for a year, named by its measure (looked up once)."""

    def noun(self, row, names):
        measure = names.of(PerformanceMeasure, row.measure_id)
        year = f"{row.year}/{(row.year + 1) % 100:02d}"
        return Later(lambda: f"{self.noun_words} ‘{measure} {year}’")

    def records(self, arrangement):
        measures = PerformanceMeasure.history.filter(
            objective_id__in=_objective_ids(arrangement)
        ).values("id")
        return MeasureResult.history.filter(measure_id__in=measures)


# --- Council forms ------------------------------------------------------------------------


def form_title(form_key: str) -> str:
    definition = DEFINITIONS.get(form_key)
    return definition.title if definition is not None else "A council form no longer used"


def occasion_words(occasion_key: str) -> str:
    try:
        return Occasion.from_key(occasion_key).label
    except ValueError:
        return "an occasion no longer used"


class FormVersionHistory(HistorySource):
    """Every saved version of the arrangement's council forms, each with the answers it
    changed and a link to the version as it was; a form opened again for changes too."""

    model = FormResponse
    kind = EntryKind.FORMS

    def records(self, arrangement):
        return FormResponse.history.filter(arrangement_id=arrangement.pk)

    def fields(self):
        # A new version or status is a moment; the answers are compared only when shown.
        return [FormResponse._meta.get_field(name) for name in ("version", "status")]

    def describe(self, entries, names):
        rows = self.rows_for(entries)
        definitions = {}  # (form, occasion) -> the definition for it, its rows read once
        for entry in entries:
            row = rows[entry.key.history_id]
            previous = rows.get(entry.key.previous_id) if row.history_type == "~" else None
            entry.who, entry.cause = who_did(row.history_user_id, row.history_change_reason, names)
            title = form_title(row.form_key)
            new_version = previous is None or previous.version != row.version
            if not new_version and row.status == FormStatus.RETURNED:
                entry.summary = (
                    f"opened ‘{title}’ ({occasion_words(row.occasion)}) again for changes"
                )
            else:
                verb = "submitted" if row.status == FormStatus.SUBMITTED else "saved"
                entry.summary = (
                    f"{verb} version {row.version} of ‘{title}’ ({occasion_words(row.occasion)})"
                )
            if new_version and previous is not None:
                entry.changes = self._answer_changes(entry.arrangement, row, previous, definitions)
            entry.links = [
                (
                    f"See version {row.version} as it was",
                    reverse(
                        "register:form-version",
                        args=[entry.arrangement.reference, row.id, row.version],
                    ),
                )
            ]

    def _answer_changes(self, arrangement, row, previous, definitions) -> list[Change]:
        definition = DEFINITIONS.get(row.form_key)
        if definition is None:
            return []
        key = (row.form_key, row.occasion)
        if key not in definitions:
            # Its tables' rows as the register holds them now (objectives, measures).
            definitions[key] = definition.for_occasion(arrangement, Occasion.from_key(row.occasion))
        changes = []
        old, new = previous.answers or {}, row.answers or {}
        known = set()
        for name, question in definitions[key].fields():
            known.add(name)
            if (old.get(name) or "") != (new.get(name) or ""):
                changes.append(
                    Change(
                        question.label,
                        shown_answer(question, old.get(name)) or NOT_ANSWERED,
                        shown_answer(question, new.get(name)) or NOT_ANSWERED,
                    )
                )
        others = [n for n in {*old, *new} - known if (old.get(n) or "") != (new.get(n) or "")]
        if others:
            changes.append(
                Change("Answers in rows no longer in the register", "", f"{len(others)} changed")
            )
        return changes


# --- Publications --------------------------------------------------------------------------


class PublicationSource(Source):
    """Each published edition of the register that includes the arrangement."""

    kinds = frozenset({EntryKind.PUBLICATIONS})

    def moments(self, arrangement):
        # An edition's entries are a JSON snapshot; the reference in quotes is one entry's.
        editions = (
            Edition.objects.filter(status=EditionStatus.PUBLISHED)
            .alias(text=Cast("entries", TextField()))
            .filter(text__contains=f'"{arrangement.reference}"')
            .values_list("pk", "published_at")
        )
        return [
            Entry(published_at, EntryKind.PUBLICATIONS, self, (pk, arrangement.reference))
            for pk, published_at in editions
        ]

    def describe(self, entries, names):
        editions = Edition.objects.defer("entries", "fields").in_bulk(e.key[0] for e in entries)
        for entry in entries:
            edition = editions[entry.key[0]]
            entry.who = names.person(edition.published_by_id)
            entry.summary = f"published the {edition.label} of the register, which includes it"
            entry.details = [("Policy and version", edition.policy)]
            if edition.correction_note:
                entry.details.append(("What it corrects", edition.correction_note))
            entry.links = [
                (
                    f"Its entry in the {edition.label}",
                    reverse("published:entry", args=[edition.slug, entry.key[1]]),
                )
            ]


SOURCES = (
    ArrangementHistory(),
    PartHistory(Partner, "partner"),
    PartHistory(CouncilRepresentative, "council representative"),
    PartHistory(Objective, "objective"),
    MeasureHistory(PerformanceMeasure, "performance measure"),
    ResultHistory(MeasureResult, "target and outturn"),
    PartHistory(Risk, "risk"),
    DocumentHistory(),
    FormVersionHistory(),
    PublicationSource(),
)
