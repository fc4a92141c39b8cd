"""Gravesham Borough Council, Working in Partnership Framework (2021): the default policy.

Paragraph numbers (G 1.11, G 2.14 ...) point into
shared/seeds/gravesham-working-in-partnership-framework-2021.txt.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from register.choices import ArrangementType, DocumentKind, Kind
from register.completeness import MissingAnswer
from register.formatting import money
from register.policies.base import (
    Category,
    Classification,
    FormTemplate,
    Policy,
    ReviewPlan,
    ReviewTemplate,
    Stage,
    body_decision,
    continues,
    decision,
    discussion,
    improves,
    inform,
    opinion,
    withdraws,
)
from register.roles import Role

AD_HOC = Category(
    "ad_hoc",
    "Ad hoc",
    "Set up rapidly to meet an immediate or urgent need for a defined period of time (G 1.11a)",
)
SIGNIFICANT = Category(
    "significant",
    "Significant",
    "Council resources of £50,000 or more, fundamental to a Corporate Plan objective, or set "
    "up to deliver a legal or statutory requirement (G 1.11b)",
)
OTHER = Category("other", "Other", "All other partnership and joint-working arrangements (G 1.11c)")

EVALUATION = FormTemplate("gravesham_evaluation", "Partnership Evaluation (Appendix 1)")
BUSINESS_CASE = FormTemplate(
    "gravesham_business_case", "Shared Services Business Case (Appendix 2)"
)
PARTNERSHIP_CHECKLIST = FormTemplate(
    "gravesham_partnership_agreement_checklist", "Partnership agreement checklist (Appendix 3)"
)
SHARED_SERVICE_CHECKLIST = FormTemplate(
    "gravesham_shared_service_agreement_checklist",
    "Shared service agreement checklist (Appendix 3)",
)

# G 6.7: every full shared service and shared management arrangement is reviewed yearly,
# comprehensively (Appendix 4a) in its first two years of operation, then focused on
# progress, key performance measures and the previous review's recommendations (4b).
# Appendix 4a in years one and two, 4b from year three (G 6.7), both filled in the browser.
INITIAL_REVIEW = ReviewTemplate(
    "Shared Service Review: comprehensive (Appendix 4a)",
    1,
    2,
    key="gravesham_shared_service_review_4a",
)
LATER_REVIEW = ReviewTemplate(
    "Shared Service Review: focused (Appendix 4b)", 3, key="gravesham_shared_service_review_4b"
)
SHARED_SERVICE_REVIEW = ReviewPlan(
    "Every year, presented to the relevant Cabinet Committee or Cabinet (G 6.7)",
    templates=(INITIAL_REVIEW, LATER_REVIEW),
    completed_by="the officer responsible for the shared service",
    considered_by="the relevant Cabinet Committee or Cabinet",
    considered_by_body=True,
    # Appendix 4a question 6: "will the shared service continue to operate?"
    considered_by_role=Role.DEMOCRATIC_SERVICES,
    outcomes=(
        continues(
            "the shared service continues to operate, with the key areas of focus for the "
            "coming year"
        ),
        withdraws("the shared service does not continue, with the exit plans discussed or agreed"),
    ),
)
# G 6.8, 6.6, 6.10: partnerships are kept under review by their Portfolio Holder and
# confirmed in the register's spring review and the governance assurance exercise.
PARTNERSHIP_REVIEW = ReviewPlan(
    "Kept under regular review by the relevant Cabinet Portfolio Holder (G 6.8); confirmed "
    "in the full review of the register every spring (G 6.6) and the governance assurance "
    "exercise in February and March (G 6.10)",
    completed_by="the responsible officer",
    considered_by="the relevant Cabinet Portfolio Holder",
    considered_by_role=Role.PORTFOLIO_HOLDER,
    outcomes=(
        continues("still meets the objectives set out in the register"),
        improves("concerns raised"),
    ),
)

# The three parts of the published register (G 6.6), in its order.
SIGNIFICANT_PARTNERSHIPS = "Significant partnerships"
KEY_OTHER_PARTNERSHIPS = "Key other partnerships"
SHARED_WORKING = "Shared working arrangements"
PUBLISHED_SECTIONS = (SIGNIFICANT_PARTNERSHIPS, KEY_OTHER_PARTNERSHIPS, SHARED_WORKING)

# Shared services that need a business case (G 3.7) and an annual review (G 6.7).
BUSINESS_CASE_TYPES = {ArrangementType.FULL_SHARED_SERVICE, ArrangementType.JOINT_MANAGEMENT}


@dataclass(frozen=True)
class Gravesham(Policy):
    # Council resources a year (cash + staff cost + in-kind) that make it significant; the
    # boundary is inclusive (G 1.11b: "£50,000 or greater").
    significant_resources: Decimal = Decimal("50000")
    # Reading of the product: an urgent arrangement that is also significant follows the
    # significant route, so urgency never skips Member approval of a large commitment.
    significant_overrides_ad_hoc: bool = True

    def classify(self, arrangement) -> Classification:
        significant = self.significance_reasons(arrangement)
        ad_hoc = bool(arrangement.is_urgent) and arrangement.end_date is not None
        if ad_hoc and not (significant and self.significant_overrides_ad_hoc):
            return Classification(
                AD_HOC,
                (
                    "set up for an immediate or urgent need for a defined period, to "
                    f"{arrangement.end_date:%-d %B %Y} (G 1.11a)",
                ),
            )
        if significant:
            return Classification(SIGNIFICANT, tuple(significant))
        resources = arrangement.council_resources_per_year
        return Classification(
            OTHER,
            (
                f"council resources of {money(resources)} a year are below "
                f"{money(self.significant_resources)}, it is not fundamental to a Corporate "
                "Plan objective and not set up for a statutory requirement (G 1.11c)",
            ),
        )

    def significance_reasons(self, arrangement) -> list[str]:
        reasons = []
        resources = arrangement.council_resources_per_year
        if resources >= self.significant_resources:
            reasons.append(
                f"council resources of {money(resources)} a year are "
                f"{money(self.significant_resources)} or more (G 1.11b)"
            )
        if arrangement.is_fundamental_to_objective:
            reasons.append("it is fundamental to a Corporate Plan objective (G 1.11b)")
        if arrangement.is_statutory:
            reasons.append("it delivers a legal or statutory requirement (G 1.11b)")
        return reasons

    def members_on_board(self, arrangement) -> bool:
        """Council Members sit on the partnership board (G 2.7): a council representative
        who is an elected Member and has not finished."""
        if arrangement.pk is None:
            return False
        today = timezone.localdate()
        return (
            arrangement.councilrepresentatives.filter(is_member=True)
            .filter(Q(finish_date__isnull=True) | Q(finish_date__gte=today))
            .exists()
        )

    def route(self, arrangement) -> tuple[Stage, ...]:
        # The Monitoring Officer's and Section 151 Officer's opinions come first, with the
        # Corporate Change Manager kept informed (G 2.6, 2.14, 3.9). They are advice: the
        # evaluation documents them (G 2.9) for those who approve.
        opinions = (
            opinion(Role.MONITORING_OFFICER, self.title(Role.MONITORING_OFFICER), binding=False),
            opinion(Role.SECTION_151_OFFICER, self.title(Role.SECTION_151_OFFICER), binding=False),
            inform(Role.REGISTER_OWNER, self.title(Role.REGISTER_OWNER)),
        )
        director = decision(Role.DIRECTOR, self.title(Role.DIRECTOR))
        leader = decision(Role.LEADER, self.title(Role.LEADER))
        portfolio_holder = decision(Role.PORTFOLIO_HOLDER, self.title(Role.PORTFOLIO_HOLDER))
        if arrangement.kind == Kind.SHARED_SERVICE:
            return (
                Stage("Statutory officers' opinions", opinions),
                *self._shared_service_approval(
                    arrangement.type, director, leader, portfolio_holder
                ),
            )
        category = self.effective_classification(arrangement).category
        if category == SIGNIFICANT:  # G 2.14a
            approval = (
                Stage("Discussion at Management Team", (discussion("Management Team"),)),
                Stage("Formal approval", (portfolio_holder, leader)),
            )
        elif category == AD_HOC:  # G 2.14c: no Member approval; the Lead Member is informed
            approval = (
                Stage("Approval", (director, inform(Role.PORTFOLIO_HOLDER, "Lead Member"))),
            )
        else:  # G 2.14b
            approval = (Stage("Formal approval", (director, leader, portfolio_holder)),)
        deciding = [step for stage in approval for step in stage.steps]
        if self.members_on_board(arrangement) and director not in deciding:
            # G 2.7: with council Members on the partnership board the relevant Director is
            # involved as well; where the route has no Director's approval, they give their
            # view on the evaluation beside the statutory officers (and sign its Director line).
            return (
                Stage(
                    "Opinions of the statutory officers and the relevant Director (G 2.7: "
                    "council Members sit on the partnership board)",
                    (*opinions, opinion(Role.DIRECTOR, self.title(Role.DIRECTOR), binding=False)),
                ),
                *approval,
            )
        return (Stage("Statutory officers' opinions", opinions), *approval)

    def _shared_service_approval(self, type_, director, leader, portfolio_holder):
        if type_ == ArrangementType.FULL_SHARED_SERVICE:  # G 3.10a: Cabinet approves
            return (
                Stage("Approval of the business case", (director, leader, portfolio_holder)),
                Stage("Cabinet approval", (body_decision("Cabinet"),)),
            )
        # G 3.10b: the Leader with the Portfolio Holder(s) decide; a report on shared
        # management arrangements goes to the relevant Cabinet Committee "to enable Member
        # discussion" first. A joint officer arrangement goes straight to them.
        if type_ == ArrangementType.JOINT_MANAGEMENT:
            return (
                Stage(
                    "Discussion at the relevant Cabinet Committee",
                    (discussion("the relevant Cabinet Committee"),),
                ),
                Stage("Decision", (leader, portfolio_holder)),
            )
        if type_ == ArrangementType.JOINT_OFFICER:
            return (Stage("Decision", (leader, portfolio_holder)),)
        # Ad-hoc resilience (G 3.10c): no formal Member approval, the Leader and Portfolio
        # Holder are kept informed. Reading of the product: the Director approves it as the
        # officer responsible.
        return (
            Stage(
                "Approval",
                (
                    director,
                    inform(Role.LEADER, self.title(Role.LEADER)),
                    inform(Role.PORTFOLIO_HOLDER, self.title(Role.PORTFOLIO_HOLDER)),
                ),
            ),
        )

    def forms_required(self, arrangement) -> tuple[FormTemplate, ...]:
        if arrangement.kind == Kind.SHARED_SERVICE:
            if arrangement.type in BUSINESS_CASE_TYPES:
                return (BUSINESS_CASE, SHARED_SERVICE_CHECKLIST)
            return (SHARED_SERVICE_CHECKLIST,)
        if self.effective_classification(arrangement).category == AD_HOC:
            return ()  # G 2.13: no detailed evaluation form
        return (EVALUATION, PARTNERSHIP_CHECKLIST)

    # Ad hoc arrangements skip the evaluation but must consider safeguarding and GDPR
    # (G 2.13, 4.5); a risk assessment and an exit strategy are always needed (G 2.11, 2.12).
    AD_HOC_REQUIRED = frozenset(
        {
            "type",
            "purpose",
            "lead_officer",
            "service",
            "start_date",
            "shares_personal_data",
            "data_protection_notes",
            "safeguarding_impact",
            "exit_strategy",
            "partners",
            "risks",
        }
    )

    def required_answers(self, arrangement, category):
        missing = super().required_answers(arrangement, category)
        if category == AD_HOC:
            return [item for item in missing if item.field in self.AD_HOC_REQUIRED]
        return missing

    def policy_missing(self, arrangement, category) -> list[MissingAnswer]:
        missing = []
        if arrangement.kind == Kind.SHARED_SERVICE and arrangement.type in BUSINESS_CASE_TYPES:
            has_business_case = (
                arrangement.pk is not None
                and arrangement.documents.filter(kind=DocumentKind.BUSINESS_CASE).exists()
            )
            if not has_business_case:
                missing.append(
                    MissingAnswer(
                        "documents",
                        "Add the business case (Appendix 2): full shared service and joint "
                        "management arrangements need one (G 3.7)",
                    )
                )
        return missing

    def on_register(self, arrangement) -> bool:
        # The published register excludes ad hoc arrangements (G 5.6c).
        return self.effective_classification(arrangement).category != AD_HOC

    def register_section(self, arrangement) -> str:
        # The Corporate Register of Partnerships and Shared Working Arrangements is split
        # into significant partnerships, key other partnerships and shared working (G 6.6).
        if arrangement.kind == Kind.SHARED_SERVICE:
            return SHARED_WORKING
        category = self.effective_classification(arrangement).category
        return SIGNIFICANT_PARTNERSHIPS if category == SIGNIFICANT else KEY_OTHER_PARTNERSHIPS

    def register_order(self, arrangement) -> tuple:
        section = self.register_section(arrangement)
        return (PUBLISHED_SECTIONS.index(section), arrangement.name.lower())

    def review_plan(self, arrangement) -> ReviewPlan:
        if arrangement.kind == Kind.SHARED_SERVICE and arrangement.type in BUSINESS_CASE_TYPES:
            return SHARED_SERVICE_REVIEW
        return PARTNERSHIP_REVIEW


POLICY = Gravesham(
    key="gravesham",
    name="Working in Partnership Framework",
    version="2021",
    council="Gravesham Borough Council",
    # In the order of the published register: significant first (ad hoc is not on it).
    categories=(SIGNIFICANT, OTHER, AD_HOC),
    register_title="Corporate Register of Partnerships and Shared Working Arrangements",
    role_titles={
        Role.REGISTER_OWNER: "Corporate Change Manager",
        Role.MONITORING_OFFICER: "Monitoring Officer (or Deputy Monitoring Officer)",
        Role.DEPUTY_MONITORING_OFFICER: "Deputy Monitoring Officer",
        Role.SECTION_151_OFFICER: "Section 151 Officer",
        Role.DIRECTOR: "relevant Director",
        Role.LEADER: "Leader of the Executive",
        Role.PORTFOLIO_HOLDER: "relevant Cabinet Portfolio Holder",
        Role.MANAGEMENT_TEAM: "Management Team",
    },
    out_of_scope_reasons={
        "client_contractor": "The Framework does not cover an arrangement that is in place "
        "and covered by a formal client-contractor contract (G 1.18).",
        "commissioning": "A commissioning arrangement, where the council is paid to deliver a "
        "service on behalf of another organisation, is not a partnership arrangement; it "
        "should have agreed terms of reference or a service level agreement (G 1.18).",
        "grant": "Grants to community organisations are reviewed every three years and are "
        "considered separately against the definition of a partnership (G 1.14).",
        "informal_forum": "A partnership is an agreement with one or more independent bodies "
        "to work together to achieve the council's Corporate objectives (G 1.9); an informal "
        "forum without such an agreement is not one.",
    },
)
