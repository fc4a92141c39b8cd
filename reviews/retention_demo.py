"""The demo register's arrangement for the retention review: ended, past its retention date
under the installation's policy, with an uploaded document and a named representative, so
the register owner can try keep and dispose. Run after `seed_demo` (it uses its users and
services); safe to run again."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from register.choices import ArrangementType, DocumentKind, Kind, Sector, Status
from register.dates import add_months
from register.models import Arrangement, CouncilRepresentative, Document, Partner, Risk, Service
from register.pdf import html_to_pdf
from register.policies import get_policy

NAME = "North Kent Apprenticeship Pilot"
# Its real end; moved earlier only if a policy's retention period would not yet have run.
ENDED = datetime.date(2019, 3, 31)
REPRESENTATIVE = ("Rachel Adeyemi", "Steering group member")
TERMS = "Terms of reference of the North Kent Apprenticeship Pilot"


def _ended_on(today: datetime.date) -> datetime.date:
    return min(ENDED, add_months(today, -get_policy().retention_months - 1))


@transaction.atomic
def seed_retention_demo(today: datetime.date | None = None) -> Arrangement:
    """The demo's ended arrangement past its retention date; left as it is once it exists
    (a disposal of it is not undone)."""
    existing = Arrangement.objects.filter(name=NAME).first()
    if existing is not None:
        return existing
    ended = _ended_on(today or timezone.localdate())
    lead = get_user_model().objects.get(username="lead_officer")
    arrangement = Arrangement.objects.create(
        name=NAME,
        kind=Kind.PARTNERSHIP,
        type=ArrangementType.DELIVERY,
        status=Status.ENDED,
        status_reason=f"Ended on {ended:%-d %B %Y} when the pilot's Skills Funding Agency "
        "grant closed; 41 apprentices placed. Cessation evaluation reported to Cabinet "
        "Committee.",
        status_changed_at=timezone.make_aware(
            datetime.datetime.combine(ended + datetime.timedelta(days=1), datetime.time(10))
        ),
        purpose="Place young people from Gravesham in apprenticeships with local employers.",
        rationale="The college trains, employers employ; the council brought them together.",
        is_statutory=False,
        lead_organisation="North Kent College",
        area="Gravesham and Dartford",
        start_date=add_months(ended, -24),
        end_date=ended,
        cash_per_year=Decimal("12000.00"),
        staff_cost_per_year=Decimal("6000.00"),
        in_kind_per_year=Decimal("0.00"),
        lead_officer=lead,
        created_by=lead,
        service=Service.objects.get(name="Communities"),
        shares_personal_data=True,
        exit_strategy="Ends with the grant; placed apprentices stay with their employers.",
    )
    Partner.objects.create(
        arrangement=arrangement,
        name="North Kent College",
        sector=Sector.EDUCATION,
        contribution="Apprenticeship training and assessors",
    )
    name, role = REPRESENTATIVE
    CouncilRepresentative.objects.create(
        arrangement=arrangement, name=name, role=role, start_date=arrangement.start_date
    )
    Risk.objects.create(
        arrangement=arrangement,
        description="Employers withdraw placements",
        likelihood=2,
        impact=3,
        mitigation="Closed.",
        owner="Daniel Okafor",
    )
    pdf = html_to_pdf(
        f'<html lang="en-GB"><title>{TERMS}</title><h1>{TERMS}</h1><p>Agreed by the '
        f"steering group. Representative of Gravesham Borough Council: {name}, {role}.</p>"
    )
    Document.objects.create(
        arrangement=arrangement,
        kind=DocumentKind.TERMS_OF_REFERENCE,
        title=TERMS,
        file=ContentFile(pdf, name="terms-of-reference.pdf"),
        content_type="application/pdf",
        size=len(pdf),
        uploaded_by=lead,
    )
    return arrangement
