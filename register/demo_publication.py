"""The demo's published register (`manage.py seed_demo_publication`, after seed_demo,
seed_demo_approvals and seed_demo_reviews): last year's edition, this year's, and a draft
of next year's, so the changes between editions and the preview have something to show."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from register.models import Arrangement, Committee, Edition, Portfolio
from register.publication import prepare_edition, publish_edition
from register.roles import Role

# Each Cabinet Committee and the portfolios in its remit, as the register owner keeps them
# in Django admin.
COMMITTEES = {
    "Community and Environment Cabinet Committee": (
        "Community Safety and Environment",
        "Housing and Communities",
    ),
    "Finance and Corporate Services Cabinet Committee": ("Regeneration and Corporate Services",),
}


@transaction.atomic
def seed_demo_publication(today=None) -> int:
    """The number of editions; safe to repeat (an edition already there is left alone)."""
    today = today or timezone.localdate()
    for name, portfolios in COMMITTEES.items():
        committee, _ = Committee.objects.get_or_create(name=name)
        for portfolio in Portfolio.objects.filter(name__in=portfolios).exclude(committee=committee):
            portfolio.committee = committee
            portfolio.save()
    owner = get_user_model().objects.get(username=Role.REGISTER_OWNER.value)
    now = timezone.now()
    if not Edition.objects.filter(year=today.year - 1).exists():
        # Last year's register: what was there before this year began.
        began = datetime.date(today.year, 1, 1)
        then = Arrangement.objects.filter(Q(start_date__lt=began) | Q(start_date__isnull=True))
        earlier = prepare_edition(year=today.year - 1, user=owner, arrangements=then)
        publish_edition(
            edition=earlier, user=owner, published_at=now - datetime.timedelta(days=365)
        )
    if not Edition.objects.filter(year=today.year).exists():
        current = prepare_edition(year=today.year, user=owner)
        publish_edition(edition=current, user=owner, published_at=now - datetime.timedelta(days=1))
    if not Edition.objects.filter(year=today.year + 1).exists():
        prepare_edition(year=today.year + 1, user=owner)
    return Edition.objects.count()
