"""Signing in with a username and password, for everyone or only for administrators."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from register.roles import Role, has_role

EVERYONE = "everyone"
ADMINISTRATORS = "administrators"
LOCAL_SIGN_IN_CHOICES = (EVERYONE, ADMINISTRATORS)


def may_use_password(user) -> bool:
    """LOCAL_SIGN_IN=administrators keeps passwords for superusers and the Administrator
    role (break-glass when single sign-on fails); everyone else uses their council account."""
    if settings.LOCAL_SIGN_IN == EVERYONE:
        return True
    return user.is_superuser or has_role(user, Role.ADMINISTRATOR)


class PasswordBackend(ModelBackend):
    """Django's own, refusing people whom LOCAL_SIGN_IN keeps to single sign-on: their
    password is not accepted and their password sessions end (a wrong password, to axes)."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and may_use_password(user)
