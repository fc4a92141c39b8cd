"""The web form of a council template, built from its definition."""

from dataclasses import replace

from django import forms

from register import formatting
from register.council_forms.base import Kind
from register.forms import VERSION, MoneyField, VersionedForm, yes_no_field


def shown_answer(question, value) -> str:
    """An answer in words: Yes / No, pounds for money, plain numbers for counts and
    percentages (Appendix 4's targets and outturns), the chosen option's label, or as typed;
    "" when not given."""
    if value is None or value == "":
        return ""
    if question.kind == Kind.YES_NO:
        return formatting.yes_no(value)
    if question.kind == Kind.MONEY:
        return formatting.money(value)
    if question.kind == Kind.NUMBER:
        return formatting.number(value)
    if question.kind == Kind.CHOICE:
        return dict(question.choices).get(value, str(value))
    return str(value)


def _field(question, label):
    if question.kind == Kind.YES_NO:
        field = yes_no_field(label, help_text=question.hint)
        field.error_messages["invalid_choice"] = f"Select Yes or No for ‘{label}’"
        return field
    if question.kind == Kind.MONEY:
        return MoneyField(label=label, what=f"‘{label}’", help_text=question.hint)
    if question.kind == Kind.NUMBER:
        places = question.decimal_places
        return forms.DecimalField(
            label=label,
            required=False,
            help_text=question.hint,
            max_digits=None if places is None else 14,  # as the register keeps it
            decimal_places=places,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            error_messages={
                "invalid": f"Enter ‘{label}’ as a number",
                "max_decimal_places": f"Enter ‘{label}’ with no more than {places} decimal places",
                "max_digits": f"Enter ‘{label}’ as a smaller number",
                "max_whole_digits": f"Enter ‘{label}’ as a smaller number",
            },
        )
    if question.kind == Kind.CHOICE:
        return forms.ChoiceField(
            label=label,
            choices=question.choices,
            required=False,
            widget=forms.RadioSelect,
            help_text=question.hint,
        )
    widget = forms.Textarea(attrs={"rows": 3}) if question.kind == Kind.LONG_TEXT else None
    return forms.CharField(
        label=label,
        required=False,
        max_length=question.max_length,
        widget=widget,
        help_text=question.hint,
    )


class CouncilFormForm(VersionedForm, forms.Form):
    """Every answer is optional while saving a draft; submitting needs the required ones.

    The definition is the one for the occasion (CouncilForm.for_occasion), its rows taken
    from the register."""

    def __init__(self, *args, definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        self.questions = dict(definition.fields())
        for name, question in self.questions.items():
            if question.dated:
                question = replace(
                    question,
                    hint=f"{question.hint} The portal adds the date you submit the form.".strip(),
                )
            self.fields[name] = _field(question, question.label)
        self.set_length_messages()

    def answers(self) -> dict:
        """The cleaned answers as JSON-friendly values."""
        result = {}
        for name, value in self.cleaned_data.items():
            if name != VERSION:
                result[name] = (
                    str(value)
                    if value is not None and not isinstance(value, (bool, str))
                    else value
                )
        return result

    def saved_values(self, row) -> dict:
        return {name: (row.answers or {}).get(name) for name in self.fields if name != VERSION}

    def typed_values(self) -> dict:
        return self.answers()

    def check_complete(self):
        """Add an error next to every required answer still missing; a conditional one says
        which answer asks it."""
        answers = self.answers()
        for names in self.definition.missing(answers).values():
            for name in names:
                message = f"Answer: {self.fields[name].label}"
                if when := self.questions[name].when:
                    asking = self.questions[when[0]]
                    message += (
                        f" (you answered ‘{shown_answer(asking, answers.get(when[0]))}’ to "
                        f"‘{asking.label}’)"
                    )
                self.add_error(name, message)
