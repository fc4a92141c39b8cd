"""The register: one Arrangement model for every partnership and shared service."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from register import documents
from register.choices import (
    TYPES_BY_KIND,
    ArrangementType,
    DocumentKind,
    Kind,
    LegalStatus,
    MeetingFrequency,
    RiskImpact,
    RiskLikelihood,
    Sector,
    Status,
)
from register.occasions import APPROVAL, Occasion, validate_occasion_key

NOT_NEGATIVE = MinValueValidator(Decimal("0"), "Enter an amount of £0 or more")


class MoneyField(models.DecimalField):
    """Pounds and pence a year, £0 or more; shown as money wherever it is shown. Stored and
    migrated as a plain DecimalField."""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.update(max_digits=12, decimal_places=2, null=True, blank=True)
        kwargs.setdefault("validators", [NOT_NEGATIVE])
        super().__init__(verbose_name, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs


class Timestamps(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TimeStampedModel(Timestamps):
    """Every register model keeps its full history (who changed what, when)."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Screening(TimeStampedModel):
    """The answers an officer gave before proposing an arrangement (in scope or not)."""

    proposal = models.CharField("what is proposed", max_length=200)
    answers = models.JSONField(default=dict)
    in_scope = models.BooleanField()
    policy = models.CharField(max_length=40)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    arrangement = models.OneToOneField(
        "Arrangement", on_delete=models.SET_NULL, null=True, blank=True, related_name="screening"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.proposal} ({'in scope' if self.in_scope else 'out of scope'})"


class Service(TimeStampedModel):
    """A council service (department) that leads arrangements."""

    name = models.CharField(max_length=120, unique=True)
    # The Director its officers answer to: told of its overdue reviews, and confirms its
    # arrangements' governance for the Annual Governance Statement (G 6.10).
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directed_services",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Committee(TimeStampedModel):
    """A Cabinet Committee (or the council's equivalent) that the published register is
    reported to for the arrangements of the portfolios in its remit (G 5.6c, 6.6)."""

    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Portfolio(TimeStampedModel):
    """A Cabinet portfolio; its holder approves the arrangements in it."""

    name = models.CharField(max_length=120, unique=True)
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portfolios",
        help_text="The committee whose remit covers this portfolio's arrangements",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portfolios",
        verbose_name="Portfolio Holder",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CorporateObjective(TimeStampedModel):
    """An objective of the council's Corporate Plan, kept in Django admin."""

    title = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True, max_length=2000)
    is_current = models.BooleanField("current objective", default=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


REFERENCE_PREFIX = "PA"


def next_reference(today=None) -> str:
    """The next reference of this year, e.g. PA-2026-0042."""
    return next_references(1, today)[0]


def next_references(count: int, today=None) -> list[str]:
    """The next `count` references of this year, in order."""
    year = (today or timezone.localdate()).year
    prefix = f"{REFERENCE_PREFIX}-{year}-"
    this_year = Arrangement.objects.filter(reference__startswith=prefix)
    last = this_year.order_by("-reference").values_list("reference", flat=True).first()
    if last and set(last.removeprefix(prefix)) == {"9"}:
        # Past 9999 the highest by text stays PA-2026-9999 (PA-2026-10000 sorts before it):
        # the longest first, then the highest.
        last = (
            this_year.order_by(Length("reference").desc(), "-reference")
            .values_list("reference", flat=True)
            .first()
        )
    first = int(last.removeprefix(prefix)) + 1 if last else 1
    return [f"{prefix}{number:04d}" for number in range(first, first + count)]


class ArrangementQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("lead_officer", "service")


class Arrangement(Timestamps):
    reference = models.CharField(max_length=20, unique=True, editable=False)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PARTNERSHIP)
    type = models.CharField(max_length=30, choices=ArrangementType.choices, blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT)
    status_reason = models.TextField("reason for the latest status change", blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # What it is for
    purpose = models.TextField("purpose, aims and objectives", blank=True, max_length=5000)
    rationale = models.TextField(
        "why the council cannot achieve this alone", blank=True, max_length=5000
    )
    is_statutory = models.BooleanField("statutory", null=True, blank=True)
    # The Act a statutory arrangement delivers, as registers give it: "Statutory (Crime and
    # Disorder Act 1998)".
    statutory_basis = models.CharField("statutory basis", max_length=200, blank=True)
    is_urgent = models.BooleanField(
        "set up rapidly for an immediate or urgent need", null=True, blank=True
    )
    legal_status = models.CharField(max_length=30, choices=LegalStatus.choices, blank=True)
    lead_organisation = models.CharField(
        "lead organisation or accountable body", max_length=200, blank=True
    )
    area = models.CharField("area of operation", max_length=200, blank=True)
    start_date = models.DateField("date formed or due to start", null=True, blank=True)
    # Published registers often give only the year it was formed ("2012"): kept as a year
    # rather than invented as a day, and shown where the date would be.
    start_year = models.PositiveSmallIntegerField(
        "year formed",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    end_date = models.DateField("date due to end", null=True, blank=True)
    corporate_objectives = models.ManyToManyField(CorporateObjective, blank=True)
    is_fundamental_to_objective = models.BooleanField(
        "fundamental to a Corporate Plan objective", null=True, blank=True
    )

    # The council's resources, each a year
    cash_per_year = MoneyField("council cash a year (£)")
    staff_fte = models.DecimalField(
        "council staff (full-time equivalent)",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "Enter 0 or more")],
    )
    # G Appendix 1: "Staffing (enter number of staff and estimation of time in working days
    # per year)": the staff's time in working days a year, all of them together.
    staff_working_days = models.PositiveIntegerField(
        "council staff working days a year",
        null=True,
        blank=True,
        validators=[MaxValueValidator(99999, "Enter 99,999 working days or fewer")],
    )
    staff_cost_per_year = MoneyField("council staff cost a year (£)")
    in_kind_per_year = MoneyField("council in-kind contribution a year (£)")
    in_kind_description = models.TextField(
        "what the in-kind contribution is", blank=True, max_length=2000
    )
    external_funding = MoneyField("external funding secured (£)")
    external_funding_use = models.TextField("use of external funding", blank=True, max_length=2000)
    overall_budget = MoneyField("overall partnership budget a year (£)")

    # People
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_arrangements",
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True)
    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.PROTECT, null=True, blank=True, verbose_name="Cabinet portfolio"
    )
    member_involvement = models.TextField(
        "Member involvement (which Member, in what role)", blank=True, max_length=2000
    )
    # Asked only where the policy names one (Central Bedfordshire's private sector
    # partnerships, CB 3.2.7: the contract nominates them).
    council_authorised_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authorised_officer_of",
        verbose_name="Council Authorised Officer",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposed_arrangements",
        editable=False,
        null=True,
    )

    # Impacts and safeguards
    shares_personal_data = models.BooleanField("personal data shared", null=True, blank=True)
    data_protection_notes = models.TextField(
        "data protection (GDPR) arrangements", blank=True, max_length=5000
    )
    safeguarding_impact = models.TextField(blank=True, max_length=5000)
    equalities_impact = models.TextField(blank=True, max_length=5000)
    climate_change_impact = models.TextField(
        "climate change contribution", blank=True, max_length=5000
    )
    governance_in_place = models.JSONField(
        "governance arrangements in place", default=list, blank=True
    )
    exit_strategy = models.TextField(blank=True, max_length=5000)
    meeting_frequency = models.CharField(
        max_length=20, choices=MeetingFrequency.choices, blank=True
    )
    meeting_place = models.CharField(max_length=200, blank=True)

    # Dates the approvals set: the first annual review, and how long conditional support lasts.
    next_review_due = models.DateField("next review due", null=True, blank=True)
    # Recorded when a review allows another body to represent the Council (D 6(vi)).
    represented_by = models.CharField(
        "body representing the Council's interests", max_length=200, blank=True
    )
    conditional_support_until = models.DateField(null=True, blank=True)

    # Classification under the installation's council policy, refreshed on every save.
    # Left editable, though no form offers them, because simple-history's diffs (and so
    # the History page) only compare editable fields. Admin shows them read-only.
    category = models.CharField(max_length=40, blank=True)
    category_reasons = models.TextField("why it is in its category", blank=True)
    classified_under = models.CharField("policy and version", max_length=120, blank=True)
    # Re-categorisation by an officer, at any time, with the reason (D 5(iv)).
    category_override = models.CharField("re-categorised as", max_length=40, blank=True)
    category_override_reason = models.TextField(
        "reason for re-categorising", blank=True, max_length=2000
    )
    category_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    category_overridden_at = models.DateTimeField(null=True, blank=True)
    # Answers to the policy's own yes/no questions (scorecard criteria, escalation triggers,
    # declining criteria), keyed by the question's key.
    policy_answers = models.JSONField(default=dict, blank=True)

    objects = ArrangementQuerySet.as_manager()
    # Its own history, as it also records changes to its corporate objectives.
    history = HistoricalRecords(m2m_fields=[corporate_objectives])

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="arrangement_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return f"{self.reference} {self.name}"

    def save(self, *args, **kwargs):
        # Classification and numbering stay here, not in a service: every save (the
        # portal's, Django admin's, the demo seed's) must store the category the policy
        # gives, and take a free reference even against a concurrent save. (An import's
        # bulk write classifies and numbers its new rows itself: register/imports/services.py.)
        if kwargs.get("update_fields") is None:
            self.classify()
        if self.reference:
            return super().save(*args, **kwargs)
        # A new arrangement takes the next free number of its year; a clash with a
        # concurrent save breaks the unique constraint and the next number is tried.
        for _attempt in range(5):
            self.reference = next_reference()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Arrangement.objects.filter(reference=self.reference).exists():
                    raise  # some other constraint failed, not the reference
        raise IntegrityError("Could not find a free arrangement reference")

    def get_absolute_url(self):
        return reverse("register:detail", kwargs={"reference": self.reference})

    def classify(self):
        """Place it in a category of the installation's policy, with the reasons in words."""
        from register.policies import get_policy

        policy = get_policy()
        classification = policy.effective_classification(self)
        self.category = classification.category.key
        self.category_reasons = classification.summary
        self.classified_under = f"{policy.council}, {policy.name} {policy.version}"
        return classification

    def validate_constraints(self, exclude=None):
        # The database's rule that it ends after it starts is clean()'s, in the council's
        # words; Django would check it again with a query for each arrangement checked
        # (an import checks thousands).
        super().validate_constraints(exclude={*(exclude or ()), "end_date"})

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be the same as or after the start date"
        if self.type and self.type not in TYPES_BY_KIND[self.kind]:
            errors["type"] = f"Choose a type of {Kind(self.kind).label.lower()}"
        if errors:
            raise ValidationError(errors)

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_editable(self) -> bool:
        """Not while the approvers are looking at it, nor once it has ended."""
        from register.lifecycle import EDITABLE_STATUSES

        return self.status in EDITABLE_STATUSES

    @property
    def formed(self) -> str:
        """When it was formed: the date, or the year where that is all the register knows."""
        from register.formatting import long_date

        return long_date(self.start_date, "") or (str(self.start_year) if self.start_year else "")

    @property
    def council_resources_per_year(self) -> Decimal:
        """Cash + costed staff time + in-kind: the council's resources a year (G 1.11)."""
        parts = (self.cash_per_year, self.staff_cost_per_year, self.in_kind_per_year)
        return sum((Decimal(part or 0) for part in parts), Decimal("0"))


class ArrangementChild(TimeStampedModel):
    """A row that belongs to one arrangement and appears in its history."""

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.CASCADE, related_name="%(class)ss"
    )

    class Meta:
        abstract = True


class Partner(ArrangementChild):
    name = models.CharField("partner organisation", max_length=200)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    contribution = models.TextField("what the partner contributes", blank=True, max_length=2000)
    contribution_per_year = MoneyField("partner's financial contribution a year (£)")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CouncilRepresentative(ArrangementChild):
    name = models.CharField(max_length=120)
    role = models.CharField("role on the partnership", max_length=120, blank=True)
    is_member = models.BooleanField("elected Member", default=False)
    start_date = models.DateField()
    finish_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(finish_date__isnull=True) | Q(finish_date__gte=F("start_date")),
                name="representative_finishes_after_starting",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.finish_date and self.finish_date < self.start_date:
            raise ValidationError(
                {"finish_date": "The finish date must be the same as or after the start date"}
            )


class Objective(ArrangementChild):
    description = models.CharField(max_length=500)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.description


class PerformanceMeasure(TimeStampedModel):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField("key performance measure", max_length=300)
    unit = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class MeasureResult(TimeStampedModel):
    """Target and outturn of one measure for one financial year (G Appendix 4)."""

    measure = models.ForeignKey(
        PerformanceMeasure, on_delete=models.CASCADE, related_name="results"
    )
    year = models.PositiveSmallIntegerField(
        "financial year starting", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    target = models.DecimalField(max_digits=14, decimal_places=2)
    outturn = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "year"], name="one_result_a_year"),
        ]

    def __str__(self):
        return f"{self.measure} {self.year}/{(self.year + 1) % 100:02d}"


class Risk(ArrangementChild):
    description = models.CharField("risk", max_length=500)
    likelihood = models.PositiveSmallIntegerField(choices=RiskLikelihood.choices)
    impact = models.PositiveSmallIntegerField(choices=RiskImpact.choices)
    mitigation = models.TextField(blank=True, max_length=2000)
    owner = models.CharField("risk owner", max_length=120, blank=True)
    is_escalated = models.BooleanField("escalated to the corporate risk register", default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=5), name="risk_likelihood_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(impact__gte=1, impact__lte=5), name="risk_impact_1_to_5"
            ),
        ]

    def __str__(self):
        return self.description

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def in_words(self) -> str:
        """ "Unlikely, major": the words of its two scores."""
        return f"{RiskLikelihood(self.likelihood).word}, {RiskImpact(self.impact).word.lower()}"


def document_path(document, filename):
    """A random name with the extension of the detected type, never the uploaded name
    (register/documents.py); the uploaded name is kept in `original_name`."""
    return documents.stored_name(document.arrangement.reference, document.content_type)


class Document(ArrangementChild):
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=document_path, max_length=300)
    original_name = models.CharField("file name", max_length=255, editable=False, default="")
    content_type = models.CharField(max_length=120, editable=False)
    size = models.PositiveIntegerField(editable=False)
    checksum = models.CharField(
        "SHA-256 checksum", max_length=64, editable=False, blank=True, default=""
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, editable=False, null=True
    )

    class Meta:
        ordering = ["kind", "title"]

    def __str__(self):
        return self.title

    @property
    def type_label(self) -> str:
        kind = documents.DOCUMENT_TYPES.get(self.content_type)
        return kind.label if kind else self.content_type

    @property
    def download_name(self) -> str:
        return documents.download_name(self.original_name, self.content_type)


class FormStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"


class FormResponse(TimeStampedModel):
    """An officer's answers to one council template for one arrangement, on one occasion
    (register/occasions.py): one response per arrangement, template and occasion."""

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.PROTECT, related_name="form_responses"
    )
    form_key = models.CharField(max_length=80)
    occasion = models.CharField(
        max_length=20, default=APPROVAL.key, validators=[validate_occasion_key]
    )
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=FormStatus.choices, default=FormStatus.DRAFT)
    # 1 for the first save of the answers, one more for every save after; printed in the
    # PDF's footer so a paper copy can be matched to the form's history.
    version = models.PositiveIntegerField(default=0, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["form_key", "occasion"]
        constraints = [
            models.UniqueConstraint(
                fields=["arrangement", "form_key", "occasion"],
                name="one_response_per_form_and_occasion",
            ),
        ]

    def __str__(self):
        return f"{self.form_key} for {self.arrangement.reference} ({self.get_occasion()})"

    def get_occasion(self) -> Occasion:
        return Occasion.from_key(self.occasion)

    @property
    def is_editable(self) -> bool:
        return self.status != FormStatus.SUBMITTED


class EditionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Edition(TimeStampedModel):
    """One edition of the published register: a snapshot of its entries taken from the live
    register under the council's policy. Once published it never changes; a correction is a
    new edition of the same year with the next number and a note of what it corrects."""

    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    number = models.PositiveSmallIntegerField(default=1, editable=False)
    status = models.CharField(
        max_length=20, choices=EditionStatus.choices, default=EditionStatus.DRAFT, editable=False
    )
    correction_note = models.TextField("what this edition corrects", blank=True, max_length=2000)
    policy = models.CharField("policy and version", max_length=120, editable=False)
    # The published fields' names (register/open_data.py), in order.
    fields = models.JSONField(default=list, editable=False)
    snapshot_at = models.DateTimeField(editable=False)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # One dict per entry with every field's value, as the snapshot was taken. Last, so that
    # SQLite reads the other columns without walking through it.
    entries = models.JSONField(default=list, editable=False)

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="one_edition_per_number"),
        ]

    def __str__(self):
        return f"{self.label} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        # A draft's address is where it will be published; only the keepers can open it.
        return reverse("published:edition", kwargs={"edition": self.slug})

    @property
    def slug(self) -> str:
        """Its address: the year, and for a correction the year and its number (2026-2)."""
        return str(self.year) if self.number == 1 else f"{self.year}-{self.number}"

    @property
    def label(self) -> str:
        return (
            f"{self.year} edition"
            if self.number == 1
            else f"{self.year} edition, correction {self.number - 1}"
        )

    @property
    def is_published(self) -> bool:
        return self.status == EditionStatus.PUBLISHED


class ImportMapping(TimeStampedModel):
    """Which field each of a council's spreadsheet headings fills, saved by name to be
    offered next time (register/imports/)."""

    name = models.CharField(max_length=100, unique=True)
    columns = models.JSONField(default=dict)  # heading -> field key ("" for not imported)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ImportStatus(models.TextChoices):
    MATCHING = "matching", "Columns to match"
    CHECKING = "checking", "Checking"
    CHECKED = "checked", "Checked"
    IMPORTING = "importing", "Importing"
    IMPORTED = "imported", "Imported"


class ImportRun(Timestamps):
    """One spreadsheet brought into the register: the stored file, its mapping, how far the
    check has got, and what it found (the preview and the errors)."""

    # Who uploaded, matched and imported what, when; not every copy of a long preview.
    history = HistoricalRecords(excluded_fields=["preview", "errors", "rows_checked"])

    file = models.FileField(upload_to="imports/%Y/%m/", max_length=300)
    file_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ImportStatus.choices, default=ImportStatus.MATCHING
    )
    headings = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)  # heading -> field key
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    # One dict per row (register/imports/checking.py: RowResult.as_json), and every problem
    # as (row, column, value, message).
    preview = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    error_count = models.PositiveIntegerField(default=0)  # for the list, which skips both
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("register:import-run", kwargs={"pk": self.pk})

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.CHECKING, ImportStatus.IMPORTING)
