"""Who is told what, and when. Each (event, person) is recorded once, so nobody is told
twice about the same thing; the e-mail itself is sent by the task worker."""

from django.conf import settings
from django.urls import reverse

from approvals.tasks import send_notification
from register import formatting


def _notify(event: str, users, subject: str, body: str):
    from approvals.models import Notification

    for user in {u.pk: u for u in users if u is not None}.values():
        notification, created = Notification.objects.get_or_create(
            event=f"{event}:user-{user.pk}",
            defaults={"recipient": user, "subject": subject, "body": body},
        )
        if created:
            send_notification.enqueue(notification.pk)


def _link(path: str) -> str:
    return f"{settings.PORTAL_URL.rstrip('/')}{path}"


def _arrangement_line(arrangement) -> str:
    return f"{arrangement.reference} {arrangement.name}"


def awaiting(step):
    """The next people to act."""
    from approvals.permissions import people_who_may_act

    arrangement = step.round.arrangement
    _notify(
        f"step-{step.pk}-awaiting",
        people_who_may_act(step),
        f"Awaiting your decision: {_arrangement_line(arrangement)}",
        f"{step.describe()} is needed on {_arrangement_line(arrangement)}.\n\n"
        f"Open it: {_link(reverse('approvals:decide', args=[step.pk]))}\n",
    )


def informed(step):
    """People the policy says are kept informed."""
    from approvals.permissions import people_who_may_act

    arrangement = step.round.arrangement
    _notify(
        f"step-{step.pk}-informed",
        people_who_may_act(step),
        f"For information: {_arrangement_line(arrangement)}",
        f"As the {step.title}, you are informed of {_arrangement_line(arrangement)} "
        f"({step.stage_name}).\n\n{_link(arrangement.get_absolute_url())}\n",
    )


def decided(decision):
    """The lead officer hears of every decision."""
    step = decision.step
    arrangement = step.round.arrangement
    comment = f"\n\nComment: {decision.comment}" if decision.comment else ""
    _notify(
        f"decision-{decision.pk}",
        [arrangement.lead_officer],
        f"{decision.get_outcome_display()}: {_arrangement_line(arrangement)}",
        f"{step.describe()}: {decision.get_outcome_display()} by "
        f"{formatting.person(decision.decided_by)}.{comment}\n\n"
        f"{_link(reverse('approvals:record', args=[arrangement.reference]))}\n",
    )


def round_closed(approval_round):
    arrangement = approval_round.arrangement
    _notify(
        f"round-{approval_round.pk}-closed",
        [arrangement.lead_officer, arrangement.created_by],
        f"{approval_round.get_purpose_display()} {approval_round.get_outcome_display().lower()}"
        f": {_arrangement_line(arrangement)}",
        f"The {approval_round.get_purpose_display().lower()} of {_arrangement_line(arrangement)} "
        f"has finished: {approval_round.get_outcome_display().lower()}.\n\n"
        f"{_link(reverse('approvals:record', args=[arrangement.reference]))}\n",
    )


def conditional_support_lapsing(arrangement):
    """Once per grant of conditional support, before it lapses."""
    from django.contrib.auth import get_user_model

    from register.roles import Role

    owners = get_user_model().objects.filter(groups__name=Role.REGISTER_OWNER.value)
    until = arrangement.conditional_support_until
    _notify(
        f"conditional-support-{arrangement.pk}-{until.isoformat()}",
        [arrangement.lead_officer, *owners],
        f"Conditional support ends on {until:%-d %B %Y}: {_arrangement_line(arrangement)}",
        f"Conditional support for {_arrangement_line(arrangement)} ends on "
        f"{until:%-d %B %Y}. Renew it, or seek a formal decision, before then.\n\n"
        f"{_link(arrangement.get_absolute_url())}\n",
    )
