"""One factory per model, one module per app; `from tests.factories import X` finds them all."""

from tests.factories.approvals import DeclaredInterestFactory, DeputyFactory
from tests.factories.register import (
    PDF_BYTES,
    ArrangementFactory,
    CommitteeFactory,
    CorporateObjectiveFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    FormResponseFactory,
    MeasureResultFactory,
    ObjectiveFactory,
    PartnerFactory,
    PerformanceMeasureFactory,
    PortfolioFactory,
    RiskFactory,
    ScreeningFactory,
    ServiceFactory,
    UserFactory,
    complete_answers,
    submit_required_forms,
)
from tests.factories.reviews import ReviewFactory

__all__ = [
    "PDF_BYTES",
    "ArrangementFactory",
    "CommitteeFactory",
    "CorporateObjectiveFactory",
    "CouncilRepresentativeFactory",
    "DeclaredInterestFactory",
    "DeputyFactory",
    "DocumentFactory",
    "FormResponseFactory",
    "MeasureResultFactory",
    "ObjectiveFactory",
    "PartnerFactory",
    "PerformanceMeasureFactory",
    "PortfolioFactory",
    "ReviewFactory",
    "RiskFactory",
    "ScreeningFactory",
    "ServiceFactory",
    "UserFactory",
    "complete_answers",
    "submit_required_forms",
]
