import uuid

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from approvals.models import Deputy, ItemAnswer, Outcome
from approvals.services import NOT_AGREED_NEEDS_A_REASON, item_unanswered, outcomes_for
from register import formatting
from register.formatting import capitalised, long_date
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
        self.step = step
        outcomes = outcomes_for(step)
        self.fields["outcome"].choices = [(o.value, Outcome(o).label) for o in outcomes]
        comment = self.fields["comment"]
        if step.kind == StepKind.OPINION:
            # A statutory opinion: advice in the officer's own words (G 2.6, D 12(iv)).
            self.fields["outcome"].label = (
                "Do you agree to it?" if step.binding else "Do you endorse it?"
            )
            self.fields["outcome"].error_messages["required"] = (
                "Select whether you agree to it"
                if step.binding
                else "Select whether you endorse it"
            )
            comment.label = "Your opinion"
            comment.help_text = (
                "Your advice to those who decide, including any conditions; needed unless "
                f"you simply {'agree' if step.binding else 'endorse it'}"
            )
        if step.kind == StepKind.DISCUSSION:
            self.fields["outcome"].label = f"What did {step.body} conclude?"
            comment.help_text = "What was said; needed when it is sent back for changes"
        if step.items:
            # A condition agreed item by item: the answers give the outcome (D 12(iv)).
            del self.fields["outcome"]
            fields = [self._add_item(key, words) for key, words in step.items]
            self.order_fields([key for key, _words in step.items])  # as on the page
            comment.label = "Reason for anything not agreed"
            comment.help_text = (
                "Needed if any item is not agreed: the arrangement goes back to the lead "
                "officer with it"
            )
        else:
            fields = [Field.radios("outcome", legend_size=Size.MEDIUM)]
        fields.append(Field.textarea("comment", label_size=Size.SMALL, rows=4))
        if step.at_a_meeting:
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
        self.set_length_messages()  # in the words of the labels set above

    def _add_item(self, key, words):
        self.fields[key] = forms.ChoiceField(
            label=capitalised(words),
            choices=ItemAnswer.choices,
            widget=forms.RadioSelect,
            error_messages={"required": item_unanswered(words)},
        )
        return Field.radios(key, legend_size=Size.SMALL, inline=True)

    def clean(self):
        cleaned = super().clean()
        not_agreed = ItemAnswer.NOT_AGREED in {cleaned.get(key) for key, _ in self.step.items}
        if not_agreed and not cleaned.get("comment", "").strip():
            self.add_error("comment", NOT_AGREED_NEEDS_A_REASON)
        return cleaned

    @property
    def recorded(self) -> str:
        """What the page records, in the words of its button and its message."""
        if self.step.kind == StepKind.OPINION:
            return "opinion"
        if self.step.kind == StepKind.DISCUSSION:
            return "discussion"
        return "decision"

    def item_answers(self) -> dict:
        return {key: self.cleaned_data[key] for key, _words in self.step.items}

    def chosen_outcome(self) -> str:
        if not self.step.items:
            return self.cleaned_data["outcome"]
        answers = self.item_answers().values()
        return Outcome.AGREE if set(answers) == {ItemAnswer.AGREED} else Outcome.NOT_AGREE

    def details(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": self.chosen_outcome(),
            "item_answers": self.item_answers(),
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
