"""Forms of the register pages, rendered with the GOV.UK template pack."""

from decimal import Decimal

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from register import documents
from register.choices import (
    TYPES_BY_KIND,
    ArrangementType,
    GovernanceItem,
    Kind,
    MeetingFrequency,
    RiskImpact,
    RiskLikelihood,
    Sector,
    Status,
)
from register.formatting import time_of_day, with_article
from register.models import (
    Arrangement,
    CouncilRepresentative,
    Document,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Risk,
    Service,
)
from register.policies import get_policy
from register.roles import may_lead_arrangements
from register.selectors import IN_OPERATION_FILTER
from register.submission import missing_for_submission, missing_form_url
from register.templatetags.register_tags import person
from register.timeline import EntryKind
from register.versions import NEW, parse_version, version_of

YES_NO = [("True", "Yes"), ("False", "No")]


def types_by_kind() -> list:
    """The types of arrangement grouped under their kind, as a select's option groups."""
    return [
        (Kind(kind).label, [(t.value, t.label) for t in types])
        for kind, types in TYPES_BY_KIND.items()
    ]


class GovUKForm:
    """Sets up the GOV.UK crispy helper; the page template draws the <form> and buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.set_length_messages()

    def set_length_messages(self):
        """GOV.UK wording for answers over their limit (fields added later call it again)."""
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.validators = [
                    v for v in field.validators if not isinstance(v, MaxLengthValidator)
                ] + [MaxLengthValidator(field.max_length, _too_long(field))]
                if isinstance(field.widget, forms.Textarea):
                    field.widget.attrs.pop("maxlength", None)  # the character count says it


class DeferredLayoutHelper(FormHelper):
    """A helper whose layout is built when the page first draws the form: an import checks
    thousands of arrangement forms and draws none of them."""

    def __init__(self, form, build):
        self._layout, self._build = None, build
        super().__init__(form)
        self.form_tag = False

    def build_default_layout(self, form):
        return None

    @property
    def layout(self):
        if self._layout is None:
            self._layout = self._build()
        return self._layout

    @layout.setter
    def layout(self, layout):
        self._layout = layout


VERSION = "version"  # the hidden field of every edit form


class VersionedForm(GovUKForm):
    """An edit form that carries, hidden, the version of the row it was opened at
    (register/versions.py). A model form's row is its instance; other forms are given
    `row`. What is typed and what is saved are compared field by field on a conflict
    (register/conflicts.py)."""

    MISSING_VERSION = (
        "Nothing was saved: this page did not say which version it was opened at. Open the "
        "page again to see what is saved now, then make your changes"
    )

    def __init__(self, *args, row=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[VERSION] = forms.CharField(
            required=False,
            widget=forms.HiddenInput,
            initial=version_of(self.instance if row is None else row),
        )
        self.helper.render_hidden_fields = True

    def clean_version(self):
        """None when missing or garbled; a form for a row not saved yet (adding a partner,
        a council form never saved) needs none: there is no version to lose."""
        token = self.cleaned_data[VERSION]
        if not token and self.fields[VERSION].initial == NEW:
            return NEW
        return parse_version(token)

    def clean(self):
        cleaned = super().clean()
        if VERSION in cleaned and cleaned[VERSION] is None:
            self.add_error(None, self.MISSING_VERSION)
        return cleaned

    @property
    def version(self) -> str:
        """The version it was opened at (once valid)."""
        return self.cleaned_data[VERSION]

    def saved_values(self, row) -> dict:
        """The row's saved values of this form's fields, as typed_values() gives them."""
        values = {}
        for name in self.fields:
            if name != VERSION:
                value = getattr(row, name)
                values[name] = (
                    list(value.all()) if row._meta.get_field(name).many_to_many else value
                )
        return values

    def typed_values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != VERSION}


def _too_long(field):
    """The field's own words for it ("max_length"), or its label's."""
    return field.error_messages.get(
        "max_length", f"{field.label} must be {field.max_length:,} characters or fewer"
    )


class MoneyField(forms.DecimalField):
    """Pounds and pence, 0 or more; accepts '£25,000.50' as typed by officers."""

    widget = forms.TextInput

    def __init__(self, *, label, what, **kwargs):
        super().__init__(
            label=label,
            required=False,
            min_value=Decimal("0"),
            max_digits=12,
            decimal_places=2,
            **kwargs,
        )
        self.error_messages.update(
            {
                "invalid": f"Enter {what} as a number of pounds, like 25000 or 25000.50",
                "min_value": f"Enter {what} of £0 or more",
                "max_decimal_places": f"Enter {what} to the nearest penny (2 decimal places or fewer)",
                "max_digits": f"Enter {what} of less than £10,000,000,000",
                "max_whole_digits": f"Enter {what} of less than £10,000,000,000",
            }
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("£").replace(",", "").strip()
        return super().to_python(value)

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "spellcheck": "false"}


class DateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that name the date asked for."""

    def __init__(self, label, what, *, required=False, help_text="For example, 1 4 2026"):
        super().__init__(
            label=label, required=required, help_text=help_text, require_all_fields=False
        )
        what_capitalised = what[0].upper() + what[1:]
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["invalid"] = f"{what_capitalised} must be a real date"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = f"{what_capitalised} must include a {name}"
            part.validators = [
                RegexValidator(r"^[0-9]+$", f"{what_capitalised} must be a real date")
            ]

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except ValidationError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error


class YearField(forms.IntegerField):
    """A year typed as four digits: a text input (GOV.UK's advice, not type=number), with
    messages that name the year asked for."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})

    def __init__(self, label, what, **kwargs):
        super().__init__(
            label=label,
            min_value=2000,
            max_value=2100,
            error_messages={
                "required": f"Enter {what}",
                "invalid": "Enter the year as a number, like 2027",
                "min_value": "Enter a year from 2000 to 2100",
                "max_value": "Enter a year from 2000 to 2100",
            },
            **kwargs,
        )


def yes_no_field(label, help_text="", required_message=""):
    """Yes / No radios giving True or False. Optional unless a required message is given;
    not answered is None (the register's three-way questions)."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        required=bool(required_message),
        empty_value=None,
        help_text=help_text,
        error_messages={"required": required_message}
        | ({"invalid_choice": required_message} if required_message else {}),
    )


ARRANGEMENT_SECTIONS = {
    "About the arrangement": [
        "name",
        "kind",
        "type",
        "purpose",
        "rationale",
        "is_statutory",
        "statutory_basis",
        "is_urgent",
        "legal_status",
        "lead_organisation",
        "area",
        "start_date",
        "start_year",
        "end_date",
    ],
    "Corporate objectives": ["corporate_objectives", "is_fundamental_to_objective"],
    "The council's resources": [
        "cash_per_year",
        "staff_fte",
        "staff_working_days",
        "staff_cost_per_year",
        "in_kind_per_year",
        "in_kind_description",
        "external_funding",
        "external_funding_use",
        "overall_budget",
    ],
    "People": [
        "lead_officer",
        "council_authorised_officer",
        "service",
        "portfolio",
        "member_involvement",
    ],
    "Impacts and safeguards": [
        "shares_personal_data",
        "data_protection_notes",
        "safeguarding_impact",
        "equalities_impact",
        "climate_change_impact",
    ],
    "Governance": [
        "governance_in_place",
        "exit_strategy",
        "meeting_frequency",
        "meeting_place",
    ],
}


class ArrangementForm(VersionedForm, forms.ModelForm):
    """Every fact the arrangement carries. A draft may leave most of them blank."""

    DRAFT = "draft"
    SUBMIT = "submit"

    start_date = DateField(
        "Date formed or due to start", "the date it was formed or is due to start"
    )
    end_date = DateField("Date due to end (if known)", "the date it is due to end")
    is_statutory = yes_no_field("Is it statutory?")
    is_urgent = yes_no_field("Is it being set up rapidly for an immediate or urgent need?")
    is_fundamental_to_objective = yes_no_field("Is it fundamental to a Corporate Plan objective?")
    shares_personal_data = yes_no_field("Is personal data shared with the partners?")
    cash_per_year = MoneyField(label="Council cash a year (£)", what="the council's cash a year")
    staff_cost_per_year = MoneyField(
        label="Council staff cost a year (£)", what="the council's staff cost a year"
    )
    in_kind_per_year = MoneyField(
        label="Council in-kind contribution a year (£)",
        what="the council's in-kind contribution a year",
    )
    external_funding = MoneyField(
        label="External funding secured (£)", what="the external funding secured"
    )
    overall_budget = MoneyField(
        label="Overall partnership budget a year (£)", what="the overall partnership budget"
    )
    governance_in_place = forms.MultipleChoiceField(
        label="Which governance arrangements are in place?",
        required=False,
        choices=GovernanceItem.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )

    class Meta:
        model = Arrangement
        fields = [name for names in ARRANGEMENT_SECTIONS.values() for name in names]
        labels = {
            "name": "Name of the arrangement",
            "kind": "Is it a partnership or a shared service?",
            "statutory_basis": "Statutory basis (the Act or duty, if statutory)",
            "start_year": "Year formed (only if the date is not known)",
            "staff_working_days": "Council staff time in working days a year",
        }
        help_texts = {
            "staff_working_days": "All the council's staff on it together, like 110 for "
            "half a post",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "corporate_objectives": forms.CheckboxSelectMultiple,
            "staff_fte": forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
            "start_year": forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            "staff_working_days": forms.TextInput(
                attrs={"inputmode": "numeric", "spellcheck": "false"}
            ),
        }
        error_messages = {
            "name": {"required": "Enter the name of the arrangement"},
            "kind": {"required": "Select whether it is a partnership or a shared service"},
            "start_year": {
                "invalid": "Enter the year it was formed as a number, like 2012",
                "min_value": "Enter a year from 1900 to 2100",
                "max_value": "Enter a year from 1900 to 2100",
            },
            "staff_working_days": {
                "invalid": "Enter the working days a year as a whole number, like 110",
                "min_value": "Enter working days of 0 or more",
            },
            "staff_fte": {
                "invalid": "Enter the staff time as a number, like 0.5",
                "max_decimal_places": "Enter the staff time to 2 decimal places or fewer",
                "max_digits": "Enter the staff time as less than 10,000 full-time equivalents",
                "max_whole_digits": "Enter the staff time as less than 10,000 full-time equivalents",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "Select a type"), *types_by_kind()]
        self._offer_people_who_may_lead("lead_officer")
        if self.instance.pk is None:
            self.fields["lead_officer"].help_text = (
                "You, unless you choose someone else who may record arrangements"
            )
        self.fields["lead_officer"].error_messages["invalid_choice"] = (
            "Select a lead officer from the list: only people who may record arrangements "
            "can lead one"
        )
        if get_policy().asks_council_authorised_officer:
            officer = self.fields["council_authorised_officer"]
            self._offer_people_who_may_lead("council_authorised_officer")
            officer.help_text = (
                "For a private sector partnership: the officer its contract nominates to "
                "monitor the services and that the contract is met (CB 3.2.7)"
            )
        else:
            del self.fields["council_authorised_officer"]
        self.fields["service"].queryset = Service.objects.all()
        self.fields["meeting_frequency"].choices = [("", "Select how often")] + list(
            MeetingFrequency.choices
        )
        self.fields["staff_fte"].error_messages["min_value"] = "Enter staff time of 0 or more"
        deferred = DeferredLayoutHelper(self, self._layout)
        deferred.render_hidden_fields = self.helper.render_hidden_fields  # the version
        self.helper = deferred

    def _offer_people_who_may_lead(self, name):
        """Active people who may record arrangements (not read-only roles), and whoever the
        arrangement already names, though no longer one of them."""
        users = get_user_model().objects.all()
        already = getattr(self.instance, f"{name}_id")
        field = self.fields[name]
        field.queryset = (
            (may_lead_arrangements(users) | users.filter(pk=already))
            if already
            else may_lead_arrangements(users)
        ).order_by("first_name", "last_name", "username")
        field.label_from_instance = person

    def _layout(self):
        items = []
        for heading, names in ARRANGEMENT_SECTIONS.items():
            items.append(HTML(f'<h2 class="govuk-heading-m">{heading}</h2>'))
            items += [self._field(name) for name in names if name in self.fields]
        return Layout(*items)

    def _field(self, name):
        field = self.fields[name]
        if isinstance(field.widget, forms.RadioSelect):
            return Field.radios(name, legend_size=Size.SMALL, inline=len(field.choices) <= 2)
        if isinstance(field.widget, forms.CheckboxSelectMultiple):
            return Field.checkboxes(name, legend_size=Size.SMALL, small=True)
        if isinstance(field.widget, forms.Textarea):
            # crispy-forms-gds 2.0.1 appends the character count's id to this attribute
            # and fails if the field has no hint to start it.
            field.widget.attrs.setdefault("aria-describedby", "")
            return Field.textarea(
                name, label_size=Size.SMALL, rows=4, max_characters=field.max_length
            )
        if isinstance(field, DateInputField):
            return Field(name, context={"legend_size": Size.for_legend(Size.SMALL)})
        if isinstance(field.widget, forms.Select):
            return Field(name, context={"label_size": Size.for_label(Size.SMALL)})
        width = 10 if isinstance(field, forms.DecimalField) else None
        width = 4 if name == "start_year" else width
        return Field.text(name, label_size=Size.SMALL, field_width=width)

    def clean(self):
        cleaned = super().clean()
        # A year is kept only while the day is not known: the date says the year.
        if cleaned.get("start_date"):
            cleaned["start_year"] = None
        return cleaned

    def check_ready_to_submit(self):
        """Add an error next to every answer that submission needs and the draft lacks."""
        arrangement = self.instance
        self.error_links = {}
        for missing in missing_for_submission(get_policy(), arrangement):
            if missing.field in self.fields:
                self.add_error(missing.field, missing.message)
                continue
            if form_url := missing_form_url(arrangement, missing):
                self.error_links[missing.message] = form_url
            self.add_error(None, missing.message)
        if arrangement.status != Status.DRAFT:
            self.add_error(None, "Only a draft can be submitted")


def _filter(what, choices=None, **kwargs):
    """An optional filter of the register list; a value not on its list is said in words."""
    messages = {"invalid_choice": f"Choose {what} from the list"}
    if "queryset" in kwargs:
        return forms.ModelChoiceField(required=False, error_messages=messages, **kwargs)
    return forms.ChoiceField(choices=choices, required=False, error_messages=messages)


class ArrangementFilterForm(GovUKForm, forms.Form):
    """Search, filters and sorting of the register list (all optional, from the query string).
    A value it cannot use is refused on the page, and the list is filtered by the rest."""

    # The columns the list sorts by, each both ways ("-" first: the other way).
    SORTS = {
        "reference": ("Reference", "oldest first", "newest first"),
        "name": ("Name", "A to Z", "Z to A"),
        "status": ("Status", "A to Z", "Z to A"),
        "start_date": ("Start date", "earliest first", "latest first"),
        "next_review_due": ("Next review", "soonest first", "latest first"),
        "updated_at": ("Last changed", "longest ago first", "most recently first"),
    }

    q = forms.CharField(
        label="Search by name, reference, partner or lead organisation",
        required=False,
        max_length=100,
        error_messages={"max_length": "Search for 100 characters or fewer"},
    )
    kind = _filter("a kind", [("", "Any kind")] + Kind.choices)
    type = _filter("a type", [("", "Any type")] + ArrangementType.choices)
    status = _filter(
        "a status", [("", "Any status"), (IN_OPERATION_FILTER, "In operation"), *Status.choices]
    )
    category = _filter("a category", [])
    service = _filter("a service", queryset=Service.objects.all(), empty_label="Any service")
    lead_officer = _filter(
        "a lead officer",
        queryset=get_user_model().objects.none(),
        empty_label="Any lead officer",
    )
    statutory = _filter(
        "statutory or not",
        [("", "Statutory or not"), ("yes", "Statutory"), ("no", "Not statutory")],
    )
    sort = _filter(
        "an order",
        [
            choice
            for key, (label, up, down) in SORTS.items()
            for choice in ((key, f"{label}, {up}"), (f"-{key}", f"{label}, {down}"))
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "Any type"), *types_by_kind()]
        self.fields["category"].choices = [("", "Any category")] + [
            (category.key, category.label) for category in get_policy().categories
        ]
        self.fields["lead_officer"].queryset = (
            get_user_model()
            .objects.filter(led_arrangements__isnull=False)
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["lead_officer"].label_from_instance = person

    def clean(self):
        cleaned = super().clean()
        kind, chosen = cleaned.get("kind"), cleaned.get("type")
        if kind and chosen and ArrangementType(chosen) not in TYPES_BY_KIND[Kind(kind)]:
            self.add_error(
                "type",
                f"{ArrangementType(chosen).label} is not a type of {Kind(kind).label.lower()}: "
                f"choose a type of {Kind(kind).label.lower()}, or any type",
            )
        return cleaned

    def filters(self) -> dict:
        """The search, filters and order asked for and usable; one refused is left out (its
        error is on the page) and the list is filtered by the rest."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def applied_filters(form: ArrangementFilterForm, query) -> list[tuple[str, str]]:
    """(what was asked, the query string without it) for each search and filter used, so
    each can be removed on its own."""
    applied = []
    for name, value in form.filters().items():
        if name == "sort":
            continue
        field = form.fields[name]
        if name == "q":
            shown = f"Search: “{value}”"
        elif isinstance(field, forms.ModelChoiceField):
            shown = f"{form[name].label}: {field.label_from_instance(value)}"
        else:
            shown = f"{form[name].label}: {dict(_flat(field.choices)).get(value, value)}"
        without = query.copy()
        without.pop(name, None)
        applied.append((shown, without.urlencode()))
    return applied


def _flat(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield key, label


def sort_links(form: ArrangementFilterForm, query) -> dict[str, tuple[str, str]]:
    """{column: (query string sorting by it, aria-sort)}: a column sorted one way links to
    the other way."""
    current = form.filters().get("sort", "")
    links = {}
    for key in form.SORTS:
        ordered = query.copy()
        ordered["sort"] = f"-{key}" if current == key else key
        state = {key: "ascending", f"-{key}": "descending"}.get(current, "none")
        links[key] = (ordered.urlencode(), state)
    return links


class TimelineFilterForm(forms.Form):
    """The kinds of entry an arrangement's History shows (all when none is ticked)."""

    kind = forms.MultipleChoiceField(
        label="Show only",
        choices=EntryKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose the kinds of entry from the list"},
    )

    def kinds(self) -> list[str]:
        return self.cleaned_data["kind"] if self.is_bound and self.is_valid() else []

    def applied(self, query) -> list[tuple[str, str]]:
        """(the kind shown, the query string without it) for each kind ticked."""
        applied = []
        for kind in self.kinds():
            without = query.copy()
            without.setlist("kind", [k for k in query.getlist("kind") if k != kind])
            applied.append((EntryKind(kind).label, without.urlencode()))
        return applied


class PartnerForm(VersionedForm, forms.ModelForm):
    contribution_per_year = MoneyField(
        label="Partner's financial contribution a year (£, optional)",
        what="the partner's contribution a year",
    )

    class Meta:
        model = Partner
        fields = ["name", "sector", "contribution", "contribution_per_year"]
        error_messages = {
            "name": {"required": "Enter the name of the partner organisation"},
            "sector": {"required": "Select the partner's sector"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "Select a sector")] + Sector.choices


class CouncilRepresentativeForm(VersionedForm, forms.ModelForm):
    start_date = DateField("Start date", "the date they started", required=True)
    finish_date = DateField("Finish date (if they have stopped)", "the date they finished")

    class Meta:
        model = CouncilRepresentative
        fields = ["name", "role", "is_member", "start_date", "finish_date"]
        error_messages = {"name": {"required": "Enter the representative's name"}}


class ObjectiveForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["description"]
        labels = {"description": "Objective"}
        error_messages = {"description": {"required": "Enter the objective"}}


class PerformanceMeasureForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = PerformanceMeasure
        fields = ["objective", "name", "unit"]
        error_messages = {
            "objective": {"required": "Select the objective this measure belongs to"},
            "name": {"required": "Enter the key performance measure"},
        }

    def limit_to(self, arrangement):
        self.fields["objective"].queryset = arrangement.objectives.all()


class MeasureResultForm(VersionedForm, forms.ModelForm):
    target = forms.DecimalField(
        label="Target",
        max_digits=14,
        decimal_places=2,
        error_messages={"required": "Enter the target", "invalid": "Enter the target as a number"},
    )
    outturn = forms.DecimalField(
        label="Outturn (if known)",
        max_digits=14,
        decimal_places=2,
        required=False,
        error_messages={"invalid": "Enter the outturn as a number"},
    )

    class Meta:
        model = MeasureResult
        fields = ["measure", "year", "target", "outturn"]
        labels = {"year": "Financial year starting (for 2026/27 enter 2026)"}
        widgets = {"year": forms.TextInput(attrs={"inputmode": "numeric"})}
        error_messages = {
            "measure": {"required": "Select the measure"},
            "year": {
                "required": "Enter the financial year",
                "invalid": "Enter the year as a number, like 2026",
                "min_value": "Enter a year from 2000 to 2100",
                "max_value": "Enter a year from 2000 to 2100",
            },
        }

    def limit_to(self, arrangement):
        self.fields["measure"].queryset = PerformanceMeasure.objects.filter(
            objective__arrangement=arrangement
        )


def score_field(scale, label, what):
    """A risk's score, 1 to 5, as radios: each says its word and, as its hint, what it
    means; no blank choice (a score is required)."""
    return forms.TypedChoiceField(
        label=label,
        choices=[Choice(score.value, score.label, hint=score.meaning) for score in scale],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Select the {what}, from 1 to 5",
            "invalid_choice": f"Select {with_article(what)} from 1 to 5",
        },
    )


class RiskForm(VersionedForm, forms.ModelForm):
    likelihood = score_field(RiskLikelihood, "How likely is it to happen?", "likelihood")
    impact = score_field(RiskImpact, "How great would its impact be?", "impact")

    class Meta:
        model = Risk
        fields = ["description", "likelihood", "impact", "mitigation", "owner", "is_escalated"]
        error_messages = {"description": {"required": "Enter the risk"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "description",
            Field.radios("likelihood", legend_size=Size.SMALL),
            Field.radios("impact", legend_size=Size.SMALL),
            "mitigation",
            "owner",
            "is_escalated",
        )


# What the register accepts, judged by the file's content, not its name.
class DocumentForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Document
        fields = ["kind", "title", "file"]
        labels = {"kind": "What is it?", "file": "Upload a file"}
        help_texts = {
            "file": "PDF, Word, Excel or OpenDocument, or a scan as a PNG or JPEG image, up "
            f"to {filesizeformat(settings.DOCUMENT_MAX_BYTES)}"
        }
        error_messages = {
            "kind": {"required": "Select what the document is"},
            "title": {"required": "Enter a title for the document"},
            "file": {"required": "Select a file to upload", "empty": "The selected file is empty"},
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(settings.DOCUMENT_MAX_BYTES)}"
            )
        # Judged by its content, not its name (register/documents.py).
        if documents.detected_type(upload) is None:
            raise forms.ValidationError(f"The selected file must be {documents.ACCEPTED_WORDS}")
        return upload


class SignInForm(GovUKForm, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password (both are case-sensitive)",
        "inactive": "This account has been switched off; ask an administrator",
        "locked_out": "There have been too many attempts to sign in to this account or from "
        "this address. Try again after {time}, or ask an administrator to unlock it",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def get_invalid_login_error(self):
        """django-axes marks the request when the account or address is locked out; the
        lock lasts from this attempt for SIGN_IN_LOCKOUT_MINUTES."""
        if getattr(self.request, "axes_locked_out", False):
            until = timezone.now() + settings.AXES_COOLOFF_TIME
            return ValidationError(
                self.error_messages["locked_out"].format(time=time_of_day(until)),
                code="locked_out",
            )
        return super().get_invalid_login_error()


class ScreeningForm(GovUKForm, forms.Form):
    """Before an arrangement is recorded: is it one the council's policy covers at all?"""

    proposal = forms.CharField(
        label="What is the proposed arrangement called?",
        max_length=200,
        error_messages={
            "required": "Enter the name of the proposed arrangement",
            "max_length": "The name must be 200 characters or fewer",
        },
    )

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = policy.screening_questions()
        for question in self.questions:
            self.fields[question.key] = yes_no_field(
                question.question, help_text=question.hint, required_message=question.unanswered
            )
        self.helper.layout = Layout(
            Field.text("proposal", label_size=Size.SMALL),
            *(Field.radios(q.key, legend_size=Size.SMALL, inline=True) for q in self.questions),
        )

    def answers(self) -> dict[str, bool]:
        return {q.key: self.cleaned_data[q.key] for q in self.questions}

    def out_of_scope_reasons(self) -> list[str]:
        return [q.out_of_scope for q in self.questions if self.cleaned_data[q.key]]


class RecategoriseForm(GovUKForm, forms.Form):
    """Re-categorisation at any time, with the reason (D 5(iv))."""

    RULES = "rules"

    category = forms.ChoiceField(
        label="Which category should it be in?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select a category, or the policy's rules"},
    )
    reason = forms.CharField(
        label="Why?",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (category.key, category.label) for category in policy.categories
        ] + [(self.RULES, "As the policy's rules place it")]
        self.helper.layout = Layout(
            Field.radios("category", legend_size=Size.SMALL),
            Field.textarea("reason", label_size=Size.SMALL, rows=3),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == self.RULES:
            cleaned["category"] = ""
        elif cleaned.get("category") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Enter the reason for re-categorising it")
        return cleaned


class ChecklistForm(VersionedForm, forms.Form):
    """One page of a policy's questions (a scorecard, a checklist of controls ...)."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                choices=question.choices or YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer: {question.text}"},
            )
        self.helper.layout = Layout(
            *(Field.radios(q.key, legend_size=Size.SMALL, inline=not q.choices) for q in questions)
        )

    def answers(self) -> dict:
        return {
            q.key: self.cleaned_data[q.key] if q.choices else self.cleaned_data[q.key] == "True"
            for q in self.questions
        }

    def saved_values(self, row) -> dict:
        saved = row.policy_answers or {}
        return {q.key: saved.get(q.key) for q in self.questions}

    def typed_values(self) -> dict:
        return self.answers()


class PrepareEditionForm(GovUKForm, forms.Form):
    """The register owner prepares (or refreshes) the draft of a year's edition."""

    year = YearField("Year of the edition", "the year of the edition")
    correction_note = forms.CharField(
        label="What this edition corrects (only for a correction)",
        help_text="Needed once that year's edition is published: the correction is published "
        "as a new edition with this note.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("year", field_width=4), Field.textarea("correction_note")
        )


class PublishedSearchForm(GovUKForm, forms.Form):
    """Search and the category filter of a published edition (from the query string)."""

    q = forms.CharField(
        label="Search by name, reference, aims or partner",
        required=False,
        max_length=100,
    )
    category = forms.ChoiceField(
        label="Category",
        required=False,
        error_messages={"invalid_choice": "Choose a category from the list"},
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Any category")] + [(c, c) for c in categories]


class RiskFilterForm(forms.Form):
    """The risks list's likelihood and impact (the dashboard heatmap's cells)."""

    likelihood = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    impact = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("likelihood", "impact"):
            field = self.fields[name]
            field.label = Risk._meta.get_field(name).verbose_name.capitalize()
            field.choices = [("", "Any")] + list(Risk._meta.get_field(name).choices)
            field.error_messages["invalid_choice"] = f"Choose a {name} from 1 to 5"
