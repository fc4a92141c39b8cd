"""The import pages' forms: the upload, and which field each heading fills."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from register.forms import GovUKForm
from register.imports.columns import COLUMNS
from register.imports.files import FileRefused, judge, too_large_message
from register.models import ImportMapping

NOT_IMPORTED = ""


class UploadForm(GovUKForm, forms.Form):
    file = forms.FileField(
        label="Upload the spreadsheet",
        help_text=f"XLSX, ODS or CSV, up to {filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES)} "
        f"and {settings.IMPORT_MAX_ROWS:,} rows",
        error_messages={
            "required": "Select a spreadsheet to upload",
            "empty": "The selected file is empty",
        },
    )
    mapping = forms.ModelChoiceField(
        label="Match its columns as a saved mapping does (optional)",
        queryset=ImportMapping.objects.all(),
        required=False,
        empty_label="No: from their headings",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field("file", context={"label_size": Size.for_label(Size.SMALL)}),
            Field("mapping", context={"label_size": Size.for_label(Size.SMALL)}),
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Its size first: nothing of a file too large is read.
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_message())
        try:
            judge(upload)
        except FileRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return upload


class ColumnsForm(GovUKForm, forms.Form):
    """One choice per heading of the file: the field it fills, or not imported."""

    save = forms.BooleanField(label="Save this mapping to use again", required=False)
    name = forms.CharField(
        label="Name of the mapping",
        required=False,
        max_length=100,
        help_text="For example, Intranet register 2024",
    )

    def __init__(self, *args, headings, mapping, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(NOT_IMPORTED, "Not imported")] + [(c.key, c.heading) for c in COLUMNS]
        self.headings = {}
        for number, heading in enumerate(headings):
            if not heading:
                continue
            name = f"column_{number}"
            self.headings[name] = heading
            self.fields[name] = forms.ChoiceField(
                label=heading, choices=choices, required=False, initial=mapping.get(heading, "")
            )
        self.set_length_messages()
        self.helper.layout = Layout(
            *(
                Field(name, context={"label_size": Size.for_label(Size.SMALL)})
                for name in self.headings
            ),
            Field.checkbox("save", small=True),
            Field.text("name", field_width=20),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("save") and not cleaned.get("name", "").strip():
            self.add_error("name", "Enter a name for the mapping, or untick saving it")
        return cleaned

    def mapping(self) -> dict[str, str]:
        return {heading: self.cleaned_data[name] for name, heading in self.headings.items()}

    def save_as(self) -> str:
        return self.cleaned_data["name"].strip() if self.cleaned_data["save"] else ""
