"""The fixed lists the register uses, in the councils' own words."""

from django.db.models import IntegerChoices, TextChoices


class Kind(TextChoices):
    PARTNERSHIP = "partnership", "Partnership"
    SHARED_SERVICE = "shared_service", "Shared service"


class ArrangementType(TextChoices):
    # Partnerships (G 1.9, SD "Definitions", CB 1.5, B "Scope").
    STRATEGIC = "strategic", "Strategic partnership"
    DELIVERY = "delivery", "Delivery partnership"
    COMMUNITY = "community", "Community-based partnership"
    NETWORK_FORUM = "network_forum", "Network group or forum"
    # Shared services between local authorities (G 1.16).
    FULL_SHARED_SERVICE = "full_shared_service", "Full shared service"
    JOINT_MANAGEMENT = "joint_management", "Joint management"
    JOINT_OFFICER = "joint_officer", "Joint officer"
    AD_HOC_RESILIENCE = "ad_hoc_resilience", "Ad-hoc resilience"


TYPES_BY_KIND = {
    Kind.PARTNERSHIP: (
        ArrangementType.STRATEGIC,
        ArrangementType.DELIVERY,
        ArrangementType.COMMUNITY,
        ArrangementType.NETWORK_FORUM,
    ),
    Kind.SHARED_SERVICE: (
        ArrangementType.FULL_SHARED_SERVICE,
        ArrangementType.JOINT_MANAGEMENT,
        ArrangementType.JOINT_OFFICER,
        ArrangementType.AD_HOC_RESILIENCE,
    ),
}


class Status(TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    IN_APPROVAL = "in_approval", "In approval"
    ACTIVE = "active", "Active"
    DECLINED = "declined", "Declined"
    CONDITIONAL_SUPPORT = "conditional_support", "Conditional support"
    UNDER_REVIEW = "under_review", "Under annual review"
    WITHDRAWING = "withdrawing", "Withdrawing"
    ENDED = "ended", "Ended"
    DISPOSAL_REVIEW = "disposal_review", "Due for disposal review"


class LegalStatus(TextChoices):
    UNINCORPORATED = "unincorporated", "Unincorporated association"
    JOINT_COMMITTEE = "joint_committee", "Joint committee"
    COMPANY = "company", "Company limited by guarantee or shares"
    CHARITY = "charity", "Charity or trust"
    AGREEMENT = "agreement", "Legal agreement between the partners"
    MEMORANDUM = "memorandum", "Memorandum of understanding"
    NONE = "none", "No formal legal status"


class Sector(TextChoices):
    """A partner's sector. Gravesham's Partnership Evaluation (Appendix 1) groups partners as
    Businesses/Private Sector, Individuals, Community Groups, Voluntary Sectors and Other:
    each of its groups is one sector here, the public sectors falling under its Other
    (register/council_forms/facts.py PARTNER_GROUPS)."""

    LOCAL_GOVERNMENT = "local_government", "Local government"
    HEALTH = "health", "Health"
    POLICE_FIRE = "police_fire", "Police, fire and rescue"
    OTHER_PUBLIC = "other_public", "Other public sector"
    VOLUNTARY = "voluntary", "Voluntary sector"
    COMMUNITY = "community", "Community group"
    PRIVATE = "private", "Private sector"
    EDUCATION = "education", "Education"
    # A person taking part in their own right: never named in the published register
    # unless the council publishes names (register/open_data.py).
    INDIVIDUAL = "individual", "Individual"


class MeetingFrequency(TextChoices):
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    BIMONTHLY = "bimonthly", "Every two months"
    QUARTERLY = "quarterly", "Quarterly"
    TWICE_YEARLY = "twice_yearly", "Twice a year"
    ANNUALLY = "annually", "Once a year"
    AS_NEEDED = "as_needed", "As needed"


class GovernanceItem(TextChoices):
    """The governance arrangements checklist of G Appendix 1."""

    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    MEMBERSHIP_RULES = "membership_rules", "Rules on membership"
    DECISION_RULES = "decision_rules", "Rules on how decisions are made"
    MEETING_RULES = "meeting_rules", "Rules on meetings"
    RECORDING_DECISIONS = "recording_decisions", "Recording of decisions"
    CONFLICTS_POLICY = "conflicts_policy", "Conflicts of interest policy"
    ETHICS_CODE = "ethics_code", "Code of conduct or ethics"
    DRAFT_AGREEMENT = "draft_agreement", "Draft partnership agreement"
    PERFORMANCE_MONITORING = "performance_monitoring", "Performance monitoring"
    FINANCIAL_MONITORING = "financial_monitoring", "Financial monitoring"
    RISK_MONITORING = "risk_monitoring", "Risk monitoring"
    COMPLAINTS = "complaints", "Complaints procedure"
    AUDIT = "audit", "Audit arrangements"


class DocumentKind(TextChoices):
    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    AGREEMENT = "agreement", "Partnership agreement"
    RISK_ASSESSMENT = "risk_assessment", "Risk assessment"
    DPIA = "dpia", "Data protection impact assessment (DPIA)"
    BUSINESS_CASE = "business_case", "Business case"
    OTHER = "other", "Other document"


# A risk's likelihood and impact, each scored 1 to 5 (likelihood x impact, G 4.12, D 9). The
# councils' documents name the two measures but leave the scale open, so the register uses
# the 5 x 5 scale widely used in UK public bodies' risk registers. Its words are here and
# nowhere else: the risk form shows each score's meaning as the hint of its radio.


class RiskScale(IntegerChoices):
    """A score from 1 to 5, labelled "3 – Possible"; what each score means is in
    RISK_MEANINGS."""

    @property
    def word(self) -> str:
        return self.label.partition(" – ")[2]

    @property
    def meaning(self) -> str:
        return RISK_MEANINGS[type(self)][self.value]


class RiskLikelihood(RiskScale):
    RARE = 1, "1 – Rare"
    UNLIKELY = 2, "2 – Unlikely"
    POSSIBLE = 3, "3 – Possible"
    LIKELY = 4, "4 – Likely"
    ALMOST_CERTAIN = 5, "5 – Almost certain"


class RiskImpact(RiskScale):
    NEGLIGIBLE = 1, "1 – Negligible"
    MINOR = 2, "2 – Minor"
    MODERATE = 3, "3 – Moderate"
    MAJOR = 4, "4 – Major"
    SEVERE = 5, "5 – Severe"


RISK_MEANINGS = {
    RiskLikelihood: {
        1: "May happen only in exceptional circumstances",
        2: "Could happen at some time, but is not expected to",
        3: "Might happen at some time",
        4: "Will probably happen at some time",
        5: "Is expected to happen in most circumstances",
    },
    RiskImpact: {
        1: "Little or no effect on the arrangement's objectives, services, money or reputation",
        2: "A small, short-lived effect, dealt with in day-to-day management",
        3: "A noticeable effect on services or objectives, some extra cost, or local attention",
        4: "Serious disruption to services or objectives, a significant cost, or regional or "
        "national attention",
        5: "Objectives not met or services failing, a large financial loss, legal action, or "
        "lasting harm to people or to the council's reputation",
    },
}
