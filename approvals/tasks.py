"""Work done by the task worker (`manage.py db_worker`), away from the page request."""

from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.utils import timezone


@task
def send_notification(notification_id: int) -> None:
    """Send one notification e-mail, once: a notification already sent is left alone."""
    from approvals.models import Notification

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None or not notification.recipient.email:
            return
        send_mail(notification.subject, notification.body, None, [notification.recipient.email])
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
