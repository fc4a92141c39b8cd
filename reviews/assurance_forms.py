"""Forms of the governance assurance pages. What must be answered is checked once, in
reviews/assurance.py, whose messages the views put beside these fields."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from register.forms import DateField, GovUKForm, YearField, yes_no_field


class OpenExerciseForm(GovUKForm, forms.Form):
    year = YearField("Year of the Annual Governance Statement", "the year")
    returns_due_on = DateField(
        "Returns due by", "the date returns are due by", required=True, help_text=""
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("year", field_width=4, label_size=Size.SMALL),
            Field("returns_due_on", context={"legend_size": "govuk-fieldset__legend--s"}),
        )


class OfficerReturnForm(GovUKForm, forms.Form):
    governance_in_place = yes_no_field(
        "Are its governance arrangements in place?",
        help_text="Its agreement or terms of reference, decision-making and accountability, "
        "risk management, financial reporting and performance monitoring",
    )
    governance_detail = forms.CharField(
        label="If not, what is not in place, and what is being done about it?",
        widget=forms.Textarea,
        required=False,
        max_length=3000,
    )
    meets_objectives = yes_no_field("Is it still meeting the objectives set out in the register?")
    objectives_detail = forms.CharField(
        label="If not, what is not being met, and what is being done about it?",
        widget=forms.Textarea,
        required=False,
        max_length=3000,
    )
    issues = forms.MultipleChoiceField(
        label="Has it had an issue in any of these categories this year?",
        help_text="Each one chosen is highlighted in the Annual Governance Statement. "
        "Choose none if it has had none.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, issues=(), **kwargs):
        super().__init__(*args, **kwargs)
        layout = [
            Field.radios("governance_in_place", legend_size=Size.SMALL, inline=True),
            Field.textarea("governance_detail", label_size=Size.SMALL, rows=3),
            Field.radios("meets_objectives", legend_size=Size.SMALL, inline=True),
            Field.textarea("objectives_detail", label_size=Size.SMALL, rows=3),
        ]
        if issues:
            self.fields["issues"].choices = issues
            layout.append(Field.checkboxes("issues", legend_size=Size.SMALL))
        else:
            del self.fields["issues"]
        self.helper.layout = Layout(*layout)


class DirectorAssuranceForm(GovUKForm, forms.Form):
    assures = yes_no_field(
        "Do you give your assurance that its governance arrangements are in place?"
    )
    comment = forms.CharField(
        label="Comment",
        widget=forms.Textarea,
        required=False,
        max_length=3000,
        help_text="If you do not give it, what is not in place, and what is being done about it",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("assures", legend_size=Size.SMALL, inline=True),
            Field.textarea("comment", label_size=Size.SMALL, rows=3),
        )
