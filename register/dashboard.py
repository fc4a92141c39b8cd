"""The register owner's dashboard: the register by status and category, the council's
resources a year, conditional support lapsing and the register's risks as a 5 x 5 heatmap.
Approvals and reviews add their sections (register/panels.py). Every figure comes with the
address of the list behind it, and the whole page reads in a fixed number of queries."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Case, CharField, Count, DecimalField, F, Sum, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse

from register.choices import Status
from register.lifecycle import IN_OPERATION
from register.models import Arrangement, Risk
from register.panels import dashboard_sections_for
from register.policies import get_policy
from register.selectors import IN_OPERATION_FILTER
from register.start import lapsing_support

ZERO = Decimal("0")


@dataclass(frozen=True)
class Figure:
    label: str
    value: object  # a count, or an amount of money
    url: str  # the list behind it


def register_list(**filters) -> str:
    return f"{reverse('register:list')}?{urlencode(filters)}"


def effective_category():
    """The category as the policy places it, in the database: an officer's re-categorisation
    where the policy allows one, else the rules' (register/selectors.py in_category)."""
    if not get_policy().allows_recategorisation:
        return F("category")
    return Case(
        When(category_override="", then=F("category")),
        default=F("category_override"),
        output_field=CharField(),
    )


def by_status() -> list[Figure]:
    counts = dict(Arrangement.objects.order_by().values_list("status").annotate(n=Count("pk")))
    return [
        Figure(status.label, counts[status.value], register_list(status=status.value))
        for status in Status
        if counts.get(status.value)
    ]


def by_category() -> tuple[list[Figure], list[Figure]]:
    """How many arrangements in each category, and the council's resources a year (cash,
    costed staff time and in-kind, G 1.11) in those in operation: one query."""
    money = DecimalField(max_digits=14, decimal_places=2)
    rows = (
        Arrangement.objects.order_by()
        .annotate(placed=effective_category())
        .values("placed")
        .annotate(
            n=Count("pk"),
            resources=Sum(
                Case(
                    When(
                        status__in=IN_OPERATION,
                        then=Coalesce(F("cash_per_year"), Value(ZERO))
                        + Coalesce(F("staff_cost_per_year"), Value(ZERO))
                        + Coalesce(F("in_kind_per_year"), Value(ZERO)),
                    ),
                    default=Value(ZERO),
                    output_field=money,
                ),
                output_field=money,
            ),
        )
    )
    found = {row["placed"]: row for row in rows}
    counts, resources = [], []
    for category in get_policy().categories:
        row = found.get(category.key)
        if row is None:
            continue
        counts.append(Figure(category.label, row["n"], register_list(category=category.key)))
        resources.append(
            Figure(
                category.label,
                row["resources"] or ZERO,
                register_list(category=category.key, status=IN_OPERATION_FILTER),
            )
        )
    return counts, resources


# The heatmap ------------------------------------------------------------------------------

SCALE = (1, 2, 3, 4, 5)
CELL = 56  # px of one cell in the SVG
AXIS = 92  # px left of the grid for the impact labels, and below it for likelihood's


@dataclass(frozen=True)
class Cell:
    likelihood: int
    impact: int
    count: int
    url: str

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> str:
        """The colour band of its score (a 5 x 5 matrix's usual four)."""
        if self.score >= 15:
            return "high"
        if self.score >= 8:
            return "raised"
        if self.score >= 4:
            return "moderate"
        return "low"

    @property
    def fill(self) -> str:
        return {"high": "#d4351c", "raised": "#f47738", "moderate": "#ffdd00", "low": "#85994b"}[
            self.band
        ]

    @property
    def opacity(self) -> str:
        """An empty cell is paler, so the eye goes to where the risks are."""
        return "1" if self.count else "0.35"

    @property
    def text_fill(self) -> str:
        return "#ffffff" if self.band == "high" else "#0b0c0c"

    @property
    def x(self) -> int:
        return AXIS + (self.likelihood - 1) * CELL

    @property
    def y(self) -> int:
        return (5 - self.impact) * CELL

    @property
    def text_x(self) -> int:
        return self.x + CELL // 2 - 1

    @property
    def text_y(self) -> int:
        return self.y + CELL // 2 + 6  # the number's baseline, so it sits in the middle

    @property
    def words(self) -> str:
        """What the cell says to someone who cannot see the colours."""
        return f"{self.count} {self.after_count}"

    @property
    def after_count(self) -> str:
        risks = "risk" if self.count == 1 else "risks"
        return f"{risks} of likelihood {self.likelihood} and impact {self.impact}"


@dataclass(frozen=True)
class Heatmap:
    rows: list  # [(impact, label, [Cell for likelihood 1..5])], impact 5 first
    likelihoods: list  # [(value, label)]
    total: int

    cell = CELL - 2  # drawn 2 px smaller than its place: a white line between cells
    axis_numbers_x = AXIS - 8
    axis_title_x = AXIS - 36

    @property
    def cells(self) -> list[Cell]:
        return [cell for _impact, _label, cells in self.rows for cell in cells]

    width = AXIS + 5 * CELL + 4
    height = 5 * CELL + 48
    grid_middle_x = AXIS + 5 * CELL // 2
    grid_middle_y = 5 * CELL // 2
    axis_numbers_y = 5 * CELL + 18  # likelihood's numbers, under the grid
    axis_title_y = 5 * CELL + 40

    @property
    def impact_axis(self) -> list[tuple[int, int]]:
        """(impact, baseline y) of the numbers left of the grid."""
        return [(impact, (5 - impact) * CELL + CELL // 2 + 5) for impact in reversed(SCALE)]

    @property
    def likelihood_axis(self) -> list[tuple[int, int]]:
        """(likelihood, x) of the numbers under the grid."""
        return [(value, AXIS + (value - 1) * CELL + CELL // 2) for value in SCALE]


def live_risks():
    """The register's risks: those of arrangements in operation."""
    return Risk.objects.filter(arrangement__status__in=IN_OPERATION)


def risk_heatmap() -> Heatmap:
    counts = {
        (row["likelihood"], row["impact"]): row["n"]
        for row in live_risks().order_by().values("likelihood", "impact").annotate(n=Count("pk"))
    }
    likelihood_labels = dict(Risk._meta.get_field("likelihood").flatchoices)
    impact_labels = dict(Risk._meta.get_field("impact").flatchoices)
    rows = [
        (
            impact,
            impact_labels[impact],
            [
                Cell(
                    likelihood,
                    impact,
                    counts.get((likelihood, impact), 0),
                    risks_url(likelihood, impact),
                )
                for likelihood in SCALE
            ],
        )
        for impact in reversed(SCALE)
    ]
    return Heatmap(rows, [(v, likelihood_labels[v]) for v in SCALE], sum(counts.values()))


def risks_url(likelihood: int, impact: int) -> str:
    query = urlencode({"likelihood": likelihood, "impact": impact})
    return f"{reverse('register:risks')}?{query}"


# The whole dashboard ------------------------------------------------------------------------


def dashboard(user, today: datetime.date) -> dict:
    counts, resources = by_category()
    lapsing = list(lapsing_support(today).select_related("lead_officer"))
    return {
        "today": today,
        "by_status": by_status(),
        "register_list": reverse("register:list"),
        "by_category": counts,
        "resources": resources,
        "resources_total": sum((figure.value for figure in resources), ZERO),
        "lapsing": lapsing,
        "heatmap": risk_heatmap(),
        "sections": dashboard_sections_for(user, today),
    }
