"""Uploading a document through the arrangement's own page, as an officer does."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def upload(client, arrangement, name, content):
    """Post the document form with a file of that name and content (sent, as browsers
    often do, as application/octet-stream: the portal judges it by its content)."""
    return client.post(
        reverse("register:part-add", args=[arrangement.reference, "documents"]),
        {
            "kind": "agreement",
            "title": "Partnership agreement",
            "file": SimpleUploadedFile(name, content, content_type="application/octet-stream"),
        },
    )
