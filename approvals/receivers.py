"""The approvals app's answers to the register's signals, inside the same transaction."""

from django.dispatch import receiver

from approvals import services
from register.signals import arrangement_submitted, material_change


@receiver(arrangement_submitted, dispatch_uid="approvals-route-on-submission")
def route_submitted_arrangement(sender, arrangement, user, **kwargs):
    services.submit_for_approval(arrangement=arrangement, user=user)


@receiver(material_change, dispatch_uid="approvals-route-on-material-change")
def route_materially_changed_arrangement(sender, arrangement, user, reasons, **kwargs):
    services.route_again(arrangement=arrangement, user=user, reasons=reasons)
