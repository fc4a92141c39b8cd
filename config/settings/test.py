"""Tests: fast hashing, files in a temporary folder, invalid template variables fail."""

import tempfile

from .base import *  # noqa: F403
from .base import STORAGES, TEMPLATES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="register-test-media-")
# Static files come from the source folders through the finders; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class InvalidTemplateVariable(str):
    """Turns a missing template variable into a test failure instead of a silent blank."""

    def __mod__(self, name):
        raise NameError(f"Invalid template variable: {name}")


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = InvalidTemplateVariable("%s")

# Tasks run at once, inside the test's transaction.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SECURITY_CONTACT = "mailto:security@council.example"
