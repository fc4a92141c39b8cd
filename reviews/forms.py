from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.contrib.auth import get_user_model

from register import formatting
from register.forms import DateField, GovUKForm
from register.policies.base import OutcomeEffect
from register.roles import READ_ONLY_ROLES
from reviews.services import Action

ACTION_ROWS = 3  # actions set at one consideration; more can follow at the next review


def action_owners():
    """People who may own an action: anyone with a role that acts."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__isnull=False)
        .exclude(groups__name__in=[role.value for role in READ_ONLY_ROLES])
        .distinct()
        .order_by("first_name", "last_name")
    )


class ConsiderationForm(GovUKForm, forms.Form):
    outcome = forms.ChoiceField(
        label="What did the review conclude?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the review concluded"},
    )
    considered_on = DateField("Date considered", "the date it was considered", required=True)
    minute = forms.CharField(label="Minute reference", required=False, max_length=100)
    comment = forms.CharField(
        label="What was concluded",
        widget=forms.Textarea,
        required=False,
        max_length=5000,
        help_text="The reasons, any conditions, and the key areas of focus for the coming year",
    )
    end_date = DateField(
        "Date the Council's involvement ends",
        "the date the Council's involvement ends",
        help_text="Needed to withdraw or to set a time limit. For example, 31 3 2027",
    )
    another_body = forms.CharField(
        label="Body that will represent the Council's interests",
        required=False,
        max_length=200,
        help_text="Needed when another body is allowed to represent the Council",
    )

    def __init__(self, *args, plan, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [
            (o.words, formatting.capitalised(o.words)) for o in plan.outcomes
        ]
        effects = {o.effect for o in plan.outcomes}
        owners = action_owners()
        layout = [Field.radios("outcome", legend_size=Size.MEDIUM)]
        if review.considered_by_body:
            self.fields["considered_on"].label = "Date of the meeting"
            self.fields["minute"].required = True
            self.fields["minute"].error_messages["required"] = (
                "Enter the minute reference of the meeting that considered it"
            )
            layout += [
                _date("considered_on"),
                Field.text("minute", label_size=Size.SMALL, field_width=20),
            ]
        else:
            del self.fields["minute"]
            layout.append(_date("considered_on"))
        layout.append(Field.textarea("comment", label_size=Size.SMALL, rows=4))
        if effects & {OutcomeEffect.WITHDRAW, OutcomeEffect.TIME_LIMIT}:
            layout.append(_date("end_date"))
        else:
            del self.fields["end_date"]
        if OutcomeEffect.ANOTHER_BODY in effects:
            layout.append(Field.text("another_body", label_size=Size.SMALL))
        else:
            del self.fields["another_body"]
        rows = []
        for row in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{row}"] = forms.CharField(
                label=f"Action {row}", required=False, max_length=500
            )
            self.fields[f"action_{row}_owner"] = forms.ModelChoiceField(
                owners, label=f"Action {row} owner", required=False, empty_label="Select the owner"
            )
            self.fields[f"action_{row}_owner"].label_from_instance = formatting.person
            self.fields[f"action_{row}_due"] = DateField(
                f"Action {row} due", f"the date action {row} is due"
            )
            rows += [
                Field.text(f"action_{row}", label_size=Size.SMALL),
                Field.select(f"action_{row}_owner", label_size=Size.SMALL),
                _date(f"action_{row}_due"),
            ]
        self.set_length_messages()
        layout.append(
            Fieldset(
                *rows,
                legend="Actions it sets",
                legend_size=Size.MEDIUM,
            )
        )
        self.helper.layout = Layout(*layout)

    def clean(self):
        cleaned = super().clean()
        for row in range(1, ACTION_ROWS + 1):
            parts = (f"action_{row}", f"action_{row}_owner", f"action_{row}_due")
            given = [bool(cleaned.get(name)) for name in parts]
            if any(given) and not all(given):
                for name, present in zip(parts, given, strict=True):
                    if not present and name not in self.errors:
                        what = {0: "the action", 1: "its owner", 2: "its due date"}[
                            parts.index(name)
                        ]
                        self.add_error(name, f"Action {row} needs {what}")
        return cleaned

    def actions(self) -> list[Action]:
        data = self.cleaned_data
        return [
            Action(data[f"action_{row}"], data[f"action_{row}_owner"], data[f"action_{row}_due"])
            for row in range(1, ACTION_ROWS + 1)
            if data.get(f"action_{row}")
        ]

    def details(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "considered_on": data["considered_on"],
            "minute": data.get("minute", ""),
            "comment": data.get("comment", ""),
            "end_date": data.get("end_date"),
            "another_body": data.get("another_body", ""),
            "actions": self.actions(),
        }


def _date(name):
    return Field(name, context={"legend_size": "govuk-fieldset__legend--s"})


class ActionProgressForm(GovUKForm, forms.Form):
    progress = forms.CharField(
        label="Progress",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Say what progress has been made on the action"},
    )
    done_on = DateField(
        "Date done", "the date it was done", help_text="Leave blank if not done yet"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.textarea("progress", label_size=Size.SMALL, rows=3), _date("done_on")
        )


class ReviewFilterForm(GovUKForm, forms.Form):
    service = forms.ModelChoiceField(None, required=False, empty_label="All services")
    officer = forms.ModelChoiceField(
        None, required=False, empty_label="All officers", label="To be completed by"
    )
    category = forms.ChoiceField(required=False)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        from register.models import Service

        self.fields["service"].queryset = Service.objects.all()
        self.fields["officer"].queryset = (
            get_user_model().objects.filter(reviews_to_complete__isnull=False).distinct()
        )
        self.fields["officer"].label_from_instance = formatting.person
        self.fields["category"].choices = [("", "All categories")] + [
            (c.key, c.label) for c in categories
        ]
