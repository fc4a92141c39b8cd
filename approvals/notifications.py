"""Who is told what, and when. Each (event, person) is recorded once, so nobody is told
twice about the same thing; the e-mail itself is sent by the task worker."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from approvals.tasks import send_notification
from register import formatting


@dataclass(frozen=True)
class Message:
    """One e-mail about one event (`event` names it, for the once-only rule) to some people."""

    event: str
    users: Iterable
    subject: str
    body: str


def notify(event: str, users, subject: str, body: str) -> int:
    """Tell `users` of `event`, once each; how many are newly told."""
    return notify_all([Message(event, users, subject, body)])


def notify_all(messages: Iterable[Message]) -> int:
    """Tell each message's people of its event, once each, in the same few queries however
    many messages there are; each new e-mail goes through the task queue. How many new."""
    from approvals.models import Notification

    wanted = {}
    for message in messages:
        for user in message.users:
            if user is not None:
                event = f"{message.event}:user-{user.pk}"
                wanted.setdefault(
                    event,
                    Notification(
                        event=event, recipient=user, subject=message.subject, body=message.body
                    ),
                )
    if not wanted:
        return 0
    try:
        return _record_new(wanted)
    except IntegrityError:  # a run at the same moment recorded some of them first
        return _record_new(wanted)


@transaction.atomic
def _record_new(wanted: dict) -> int:
    from approvals.models import Notification

    already = set(Notification.objects.filter(event__in=wanted).values_list("event", flat=True))
    created = bulk_create_with_history(
        [notification for event, notification in wanted.items() if event not in already],
        Notification,
    )
    for notification in created:
        send_notification.enqueue(notification.pk)
    return len(created)


def link(path: str) -> str:
    return f"{settings.PORTAL_URL.rstrip('/')}{path}"


def arrangement_line(arrangement) -> str:
    return f"{arrangement.reference} {arrangement.name}"


def awaiting(step):
    """The next people to act."""
    from approvals.permissions import people_who_may_act

    arrangement = step.round.arrangement
    notify(
        f"step-{step.pk}-awaiting",
        people_who_may_act(step),
        f"Awaiting your decision: {arrangement_line(arrangement)}",
        f"{step.describe()} is needed on {arrangement_line(arrangement)}.\n\n"
        f"Open it: {link(reverse('approvals:decide', args=[step.pk]))}\n",
    )


def informed(step):
    """People the policy says are kept informed."""
    from approvals.permissions import people_who_may_act

    arrangement = step.round.arrangement
    notify(
        f"step-{step.pk}-informed",
        people_who_may_act(step),
        f"For information: {arrangement_line(arrangement)}",
        f"As the {step.title}, you are informed of {arrangement_line(arrangement)} "
        f"({step.stage_name}).\n\n{link(arrangement.get_absolute_url())}\n",
    )


def decided(decision):
    """The lead officer hears of every decision."""
    step = decision.step
    arrangement = step.round.arrangement
    comment = f"\n\nComment: {decision.comment}" if decision.comment else ""
    notify(
        f"decision-{decision.pk}",
        [arrangement.lead_officer],
        f"{decision.get_outcome_display()}: {arrangement_line(arrangement)}",
        f"{step.describe()}: {decision.get_outcome_display()} by "
        f"{formatting.person(decision.decided_by)}.{comment}\n\n"
        f"{link(reverse('approvals:record', args=[arrangement.reference]))}\n",
    )


def round_closed(approval_round):
    arrangement = approval_round.arrangement
    notify(
        f"round-{approval_round.pk}-closed",
        [arrangement.lead_officer, arrangement.created_by],
        f"{approval_round.get_purpose_display()} {approval_round.get_outcome_display().lower()}"
        f": {arrangement_line(arrangement)}",
        f"The {approval_round.get_purpose_display().lower()} of {arrangement_line(arrangement)} "
        f"has finished: {approval_round.get_outcome_display().lower()}.\n\n"
        f"{link(reverse('approvals:record', args=[arrangement.reference]))}\n",
    )


def conditional_support_lapsing(arrangements) -> int:
    """Once per grant of conditional support, before it lapses; how many newly told."""
    from django.contrib.auth import get_user_model

    from register.roles import Role

    owners = list(get_user_model().objects.filter(groups__name=Role.REGISTER_OWNER.value))
    return notify_all(_lapsing(arrangement, owners) for arrangement in arrangements)


def _lapsing(arrangement, owners) -> Message:
    until = arrangement.conditional_support_until
    return Message(
        f"conditional-support-{arrangement.pk}-{until.isoformat()}",
        [arrangement.lead_officer, *owners],
        f"Conditional support ends on {formatting.long_date(until)}: "
        f"{arrangement_line(arrangement)}",
        f"Conditional support for {arrangement_line(arrangement)} ends on "
        f"{formatting.long_date(until)}. Renew it, or seek a formal decision, before then.\n\n"
        f"{link(arrangement.get_absolute_url())}\n",
    )
