import uuid

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from approvals.models import Deputy, Outcome
from approvals.services import outcomes_for
from register import formatting
from register.formatting import long_date
from register.forms import DateField, GovUKForm
from register.policies import get_policy
from register.policies.base import StepKind
from register.roles import READ_ONLY_ROLES, Role, roles_of


class DecisionForm(GovUKForm, forms.Form):
    outcome = forms.ChoiceField(
        label="Your decision",
        widget=forms.RadioSelect,
        error_messages={"required": "Select your decision"},
    )
    comment = forms.CharField(
        label="Comment",
        widget=forms.Textarea,
        required=False,
        max_length=5000,
        help_text="Needed for anything but a plain approval or endorsement, "
        "including any conditions",
    )
    meeting_date = DateField("Date of the meeting", "the date of the meeting")
    minute_reference = forms.CharField(label="Minute reference", required=False, max_length=100)
    support_until = DateField("Conditional support until", "the date conditional support ends")
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, step, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("token", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        outcomes = outcomes_for(step)
        self.fields["outcome"].choices = [(o.value, Outcome(o).label) for o in outcomes]
        fields = [
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.textarea("comment", label_size=Size.SMALL, rows=4),
        ]
        if step.kind == StepKind.BODY_DECISION:
            fields += [
                Field("meeting_date", context={"legend_size": "govuk-fieldset__legend--s"}),
                Field.text("minute_reference", label_size=Size.SMALL, field_width=20),
            ]
        else:
            del self.fields["meeting_date"], self.fields["minute_reference"]
        if Outcome.CONDITIONAL_SUPPORT in outcomes:
            policy = get_policy()
            self.fields["support_until"].help_text = (
                f"Up to {policy.conditional_support_months} months from today, until "
                f"{long_date(policy.conditional_support_ends(timezone.localdate()))} at the "
                "latest; it can be renewed"
            )
            fields.append(
                Field("support_until", context={"legend_size": "govuk-fieldset__legend--s"})
            )
        else:
            del self.fields["support_until"]
        self.helper.layout = Layout(*fields, Field("token"))

    def details(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "comment": data.get("comment", ""),
            "meeting_date": data.get("meeting_date"),
            "minute_reference": data.get("minute_reference", ""),
            "support_until": data.get("support_until"),
            "token": data["token"],
        }


class CorrectionForm(DecisionForm):
    correction_reason = forms.CharField(
        label="Why are you correcting your decision?",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Enter the reason for the correction"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout.append(
            Field.textarea("correction_reason", label_size=Size.SMALL, rows=3)
        )


class WithdrawalForm(GovUKForm, forms.Form):
    reason = forms.CharField(
        label="Why is the council withdrawing?",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Enter the reason for withdrawing"},
    )
    end_date = DateField(
        "When will the council's involvement end?",
        "the date the council's involvement ends",
        required=True,
    )


class RenewalForm(GovUKForm, forms.Form):
    reason = forms.CharField(
        label="Why should conditional support continue?",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Enter the reason for renewing it"},
    )


class DeputyForm(GovUKForm, forms.ModelForm):
    starts = DateField("From", "the date the deputy starts", required=True)
    ends = DateField("Until", "the date the deputy stops", required=True)

    class Meta:
        model = Deputy
        fields = ["role", "deputy", "starts", "ends"]
        labels = {"role": "For which of your roles?", "deputy": "Who will act for you?"}
        error_messages = {
            "role": {"required": "Select the role"},
            "deputy": {"required": "Select who will act for you"},
        }

    def __init__(self, *args, holder, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.holder = holder
        self.fields["role"].choices = [("", "Select a role")] + [
            (role.value, role.label)
            for role in sorted(roles_of(holder))
            if role not in (Role.LEAD_OFFICER, Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY)
        ]
        self.fields["deputy"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__isnull=False)
            .exclude(groups__name__in=[role.value for role in READ_ONLY_ROLES])
            .exclude(pk=holder.pk)
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["deputy"].label_from_instance = formatting.person

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts") and cleaned.get("ends") and cleaned["ends"] < cleaned["starts"]:
            self.add_error("ends", "The end date must be the same as or after the start date")
        return cleaned


class InterestForm(GovUKForm, forms.Form):
    description = forms.CharField(
        label="What is your interest?",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Describe your interest"},
    )
