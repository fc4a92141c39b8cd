"""Factories of the register app's models, and of the users who hold its roles. They build
complete, valid rows; tests override what matters."""

import datetime
import hashlib
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from register.choices import ArrangementType, DocumentKind, Kind, LegalStatus, Sector, Status
from register.council_forms import definition
from register.council_forms.selectors import response_for
from register.council_forms.services import save_answers
from register.models import (
    Arrangement,
    Committee,
    CorporateObjective,
    CouncilRepresentative,
    Document,
    FormResponse,
    FormStatus,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Portfolio,
    Risk,
    Screening,
    Service,
)
from register.occasions import APPROVAL
from register.policies import get_policy
from register.roles import Role

# The smallest file that is really a PDF by its content.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"officer{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda user: f"{user.username}@council.example")
    password = factory.django.Password("demo-password-1")

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        """UserFactory(roles=[Role.MONITORING_OFFICER]) puts the user in those groups."""
        if not create:
            return
        for role in [Role.LEAD_OFFICER] if extracted is None else extracted:
            group, _ = Group.objects.get_or_create(name=Role(role).value)
            user.groups.add(group)


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ["name"]

    name = factory.Iterator(["Housing", "Community Safety", "Environment", "Finance", "Leisure"])


class PortfolioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Portfolio
        django_get_or_create = ["name"]

    name = "Community Safety"
    holder = factory.SubFactory(
        UserFactory, roles=[Role.PORTFOLIO_HOLDER], username="portfolio-holder"
    )


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ["name"]

    name = "Community and Environment Cabinet Committee"


class CorporateObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CorporateObjective
        django_get_or_create = ["title"]

    title = factory.Sequence(lambda n: f"Corporate Plan objective {n}")


class ArrangementFactory(factory.django.DjangoModelFactory):
    """A draft with every answer that submission needs (partners and risks come from
    the traits below)."""

    class Meta:
        model = Arrangement
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Community Safety Partnership {n}")
    kind = Kind.PARTNERSHIP
    type = ArrangementType.STRATEGIC
    status = Status.DRAFT
    purpose = "Reduce crime and disorder across the borough."
    rationale = "No one agency holds all the levers."
    is_statutory = True
    legal_status = LegalStatus.UNINCORPORATED
    lead_organisation = "The council"
    area = "The borough"
    start_date = datetime.date(2026, 4, 1)
    is_fundamental_to_objective = False
    cash_per_year = Decimal("10000.00")
    staff_cost_per_year = Decimal("5000.00")
    in_kind_per_year = Decimal("0.00")
    lead_officer = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("lead_officer")
    service = factory.SubFactory(ServiceFactory)
    shares_personal_data = False
    safeguarding_impact = "None identified."
    equalities_impact = "Positive for all protected characteristics."
    climate_change_impact = "Neutral."
    exit_strategy = "Six months' notice to the other partners."
    meeting_frequency = "quarterly"

    class Params:
        complete = factory.Trait(
            partner=factory.RelatedFactory(
                "tests.factories.register.PartnerFactory", "arrangement"
            ),
            risk=factory.RelatedFactory("tests.factories.register.RiskFactory", "arrangement"),
            # Named on a private sector partnership's contract (CB 3.2.7).
            council_authorised_officer=factory.SubFactory(UserFactory),
        )


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    arrangement = factory.SubFactory(ArrangementFactory)
    name = factory.Sequence(lambda n: f"Kent Police division {n}")
    sector = Sector.POLICE_FIRE


class CouncilRepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilRepresentative

    arrangement = factory.SubFactory(ArrangementFactory)
    name = factory.Faker("name", locale="en_GB")
    role = "Board member"
    start_date = datetime.date(2026, 4, 1)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    arrangement = factory.SubFactory(ArrangementFactory)
    description = "Reduce anti-social behaviour in the town centre"


class PerformanceMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerformanceMeasure

    objective = factory.SubFactory(ObjectiveFactory)
    name = "Reported incidents of anti-social behaviour"
    unit = "incidents"


class MeasureResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureResult

    measure = factory.SubFactory(PerformanceMeasureFactory)
    year = 2026
    target = Decimal("400")


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    arrangement = factory.SubFactory(ArrangementFactory)
    description = "A partner withdraws its funding"
    likelihood = 2
    impact = 4
    mitigation = "Annual funding letters agreed in advance"
    owner = "Head of Community Safety"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    arrangement = factory.SubFactory(ArrangementFactory)
    kind = DocumentKind.TERMS_OF_REFERENCE
    title = "Terms of reference"
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="terms.pdf"))
    original_name = "terms.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    checksum = hashlib.sha256(PDF_BYTES).hexdigest()
    uploaded_by = factory.SelfAttribute("arrangement.lead_officer")


class ScreeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Screening

    proposal = "Kent Resilience Forum"
    answers = factory.LazyFunction(
        lambda: dict.fromkeys(
            ("client_contractor", "commissioning", "grant", "informal_forum"), False
        )
    )
    in_scope = True
    policy = "gravesham"
    screened_by = factory.SubFactory(UserFactory)


class FormResponseFactory(factory.django.DjangoModelFactory):
    """A draft of a council template, saved once. Use `save_answers` to save it again."""

    class Meta:
        model = FormResponse

    arrangement = factory.SubFactory(ArrangementFactory)
    form_key = "gravesham_evaluation"
    answers = factory.LazyFunction(lambda: {"aims": "Safer streets at night"})
    status = FormStatus.DRAFT
    version = 1


def complete_answers(definition) -> dict:
    """An answer to every question of a council template, each valid for its kind."""
    return definition.example_answers()


def submit_required_forms(arrangement, user=None) -> list[FormResponse]:
    """Fill and submit every form the policy requires before approval that is not yet
    submitted (as the lead officer, unless someone else is named)."""
    policy = get_policy()
    responses = []
    for template in policy.forms_required(arrangement):
        form = definition(template.key, policy.key)
        response = response_for(arrangement, form, APPROVAL)
        if response.status != FormStatus.SUBMITTED:
            response = save_answers(
                response=response,
                answers={**complete_answers(form), **(response.answers or {})},
                user=user or arrangement.lead_officer,
                submit=True,
            )
        responses.append(response)
    # Submitting may record answers in the register (Appendix 1's governance rows): the
    # caller's copy is read again, so that saving it does not write over them.
    arrangement.refresh_from_db(fields=["governance_in_place", "updated_at"])
    return responses
