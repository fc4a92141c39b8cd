"""Forms of the retention review pages; the rules they feed are in reviews/retention.py."""

import uuid

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from register.forms import DateField, GovUKForm
from reviews.models import RetentionOutcome


class TokenForm(GovUKForm, forms.Form):
    """Carries the page's one-time token, so the same button pressed twice acts once."""

    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("token", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field("token"))


class RetentionDecisionForm(TokenForm):
    outcome = forms.ChoiceField(
        label="What should happen to its records?",
        choices=RetentionOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to keep the records or dispose of them"},
    )
    reason = forms.CharField(
        label="Why are the records kept?",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
        help_text="If you keep them",
    )
    keep_until = DateField(
        "Keep the records until",
        "the date to keep the records until",
        help_text="If you keep them: they come back for review after this date. "
        "For example, 31 3 2028",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.textarea("reason", label_size=Size.SMALL, rows=3),
            Field("keep_until", context={"legend_size": "govuk-fieldset__legend--s"}),
            Field("token"),
        )
