"""Security events of signing in and of people's roles, and sessions ended everywhere when
an administrator switches someone off, deletes them or takes a role away.

Role changes are Django group changes (register/roles.py: a role is a group), made in Django
admin or by single sign-on's group mapping; each group added or removed is one event.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from register.accounts import sessions
from register.security_log import security_event

User = get_user_model()


def current_request():
    """The request being answered, if any (simple-history's middleware keeps it)."""
    return getattr(HistoricalRecords.context, "request", None)


def sign_in_method(user) -> str:
    return getattr(user, "sign_in_method", "password")


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    if request is None:
        return
    method = sign_in_method(user)
    sessions.start(request, user=user, method=method)
    security_event("sign_in.succeeded", request=request, user=user, method=method)


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs):
    if request is None:
        return
    sessions.forget(request)
    if user is not None and not hasattr(request, "session_end_reason"):
        security_event("sign_out", request=request, user=user)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    """A wrong username or password (single sign-on logs its own failures with reasons)."""
    if "username" not in credentials or request is None:
        return
    security_event(
        "sign_in.failed",
        request=request,
        username=credentials["username"],
        method="password",
    )


@receiver(user_locked_out)
def locked_out(sender, request, username=None, ip_address=None, **kwargs):
    """Too many failures for this username or from this address (django-axes)."""
    security_event("sign_in.locked_out", request=request, username=username or "")


@receiver(pre_save, sender=User)
def note_whether_active(sender, instance, **kwargs):
    instance._was_active = (
        sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=User)
def end_sessions_of_the_deactivated(sender, instance, created, **kwargs):
    if not created and getattr(instance, "_was_active", None) and not instance.is_active:
        request = current_request()
        security_event("user.deactivated", request=request, record=instance.get_username())
        sessions.end_sessions_of(user=instance, reason="deactivated", request=request)


@receiver(pre_delete, sender=User)
def end_sessions_of_the_deleted(sender, instance, **kwargs):
    request = current_request()
    security_event("user.deleted", request=request, record=instance.get_username())
    sessions.end_sessions_of(user=instance, reason="deleted", request=request)


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Log each role given or taken away; a role taken away ends the person's sessions."""
    if action == "pre_clear":
        # Which pairs are about to go: after the clear they cannot be read.
        instance._cleared_pairs = (
            list(instance.user_set.values_list("pk", flat=True))
            if reverse
            else list(instance.groups.values_list("pk", flat=True))
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    ids = instance.__dict__.pop("_cleared_pairs", []) if action == "post_clear" else pk_set
    if not ids:
        return
    if reverse:  # group.user_set.add(...) / remove(...)
        pairs = [(user, instance) for user in User.objects.filter(pk__in=ids)]
    else:
        pairs = [(instance, group) for group in Group.objects.filter(pk__in=ids)]
    event = "role.added" if action == "post_add" else "role.removed"
    request = current_request()
    for user, group in pairs:
        security_event(
            event,
            request=request,
            record=user.get_username(),
            role=group.name,
            source=getattr(user, "role_change_source", None) or ("admin" if request else "command"),
        )
    if event == "role.removed":
        for user in {user for user, _ in pairs}:
            sessions.end_sessions_of(user=user, reason="role removed", request=request)
