"""Dartford Borough Council, Code of Practice for Effective Joint Working Arrangements (2024).

Paragraph numbers (D 5(ii), D 12(iv) ...) point into
shared/seeds/dartford-joint-working-code-of-practice-2024.txt.

A partnership is 'major' or 'minor' by the Partnership Significance Assessment Scorecard
(D 5(vii)); the body or officer that approves it is the one the Scheme of Delegations names
for it, recorded per arrangement (D 5(v), 8(v)); the Section 151 Officer agrees any financial
commitment first (D 12(iv)) and approves the Council acting as Accountable Body (D 13(vi)).
"""

from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, Decimal

from register.choices import DocumentKind
from register.completeness import MissingAnswer
from register.policies.base import (
    Category,
    Checklist,
    Classification,
    FormTemplate,
    OutcomeEffect,
    Policy,
    PolicyQuestion,
    ReviewOutcome,
    ReviewPlan,
    ReviewTemplate,
    Stage,
    body_decision,
    continues,
    decision,
    opinion,
    withdraws,
)
from register.roles import Role

MAJOR = Category(
    "major",
    "Major",
    "A score of 50% or more on the Partnership Significance Assessment Scorecard, built from "
    "the 'major' criteria of D 5(ii) (D 5(vii))",
)
MINOR = Category(
    "minor",
    "Minor",
    "All other partnerships: a score of 0-49% on the Partnership Significance Assessment "
    "Scorecard (D 5(iii), 5(vii))",
)

# The 'major' criteria of D 5(ii): (key, question asked, what a met criterion says).
#
# How they were counted: the OCR of D 5(ii) (lines 132-150 of the seed) shows eleven bullets
# with a marker, two without one ("pools resources ...", "requires more stringent governance
# arrangements", the latter repeated once as OCR noise on the next line), and one bullet split
# in two: "assists the Council and partners to identify and deliver high level strategic" at
# the foot of the list belongs with the orphaned "priorities for the Borough;" near the top,
# whose two markers ("· ·") stand alone on the following line. That makes thirteen distinct
# criteria. DOMAIN.md speaks of fifteen; the remaining two cannot be read from the text, so
# none is invented. The scorecard itself (Appendix 1) is on the intranet, not in the seed:
# a council that has it can add criteria as questions with their weights.
SCORECARD_CRITERIA = (
    (
        "develops_policy_for_statutory_services",
        "Does it develop policy and manage resources which have an impact on the ability of "
        "the Council and other public sector organisations to deliver statutory services or "
        "duties?",
        "it develops policy and manages resources affecting the delivery of statutory "
        "services or duties",
    ),
    (
        "strategic_priorities",
        "Does it assist the Council and partners to identify and deliver high level strategic "
        "priorities for the Borough?",
        "it helps identify and deliver high level strategic priorities for the Borough",
    ),
    (
        "community_engagement",
        "Does it assist in enhancing community engagement through the Council's community "
        "leadership role?",
        "it enhances community engagement through the Council's community leadership role",
    ),
    (
        "holistic_themes",
        "Does it assist in base planning and provision on holistic themes affecting the "
        "Borough, such as community safety, the physical and economic environment, or health?",
        "it plans and provides on holistic themes affecting the Borough",
    ),
    (
        "attracts_resources",
        "Does it attract significant additional resources, for example through government "
        "regeneration funding streams?",
        "it attracts significant additional resources",
    ),
    (
        "pools_resources",
        "Does it pool resources or purchasing power to increase efficiency and effectiveness?",
        "it pools resources or purchasing power",
    ),
    (
        "value_for_money",
        "Does it assist in delivering value for money in relation to economy, efficiency and "
        "effectiveness, that is equal or better outcomes for less expenditure?",
        "it helps deliver value for money",
    ),
    (
        "high_public_profile",
        "Does it have a high public profile?",
        "it has a high public profile",
    ),
    (
        "develops_strategies",
        "Is it charged with developing specific strategies?",
        "it is charged with developing specific strategies",
    ),
    (
        "held_to_account",
        "Is it 'held to account' for the delivery of strategies or plans?",
        "it is held to account for the delivery of strategies or plans",
    ),
    (
        "key_initiatives",
        "Is it responsible for delivering key initiatives?",
        "it is responsible for delivering key initiatives",
    ),
    (
        "audit_inspection",
        "Does it come under some form of audit or inspection regime?",
        "it comes under an audit or inspection regime",
    ),
    (
        "stringent_governance",
        "Does it require more stringent governance arrangements?",
        "it requires more stringent governance arrangements",
    ),
)
CRITERION_MET = {key: met for key, _question, met in SCORECARD_CRITERIA}

# Who may approve entering into it, under the Scheme of Delegations (D 5(v), 8(v)).
APPROVER = "approving_body"
GAC, CABINET, DELEGATED_OFFICER = "gac", "cabinet", "delegated_officer"
APPROVER_CHOICES = (
    (GAC, "General Assembly of the Council (GAC)"),
    (CABINET, "Cabinet"),
    (DELEGATED_OFFICER, "An officer with delegated authority under the Scheme of Delegations"),
)
DELEGATED_OFFICER_TITLE = (
    "officer with delegated authority under the Scheme of Delegations to Officers"
)
ACCOUNTABLE_BODY = "council_accountable_body"

# What the Section 151 Officer (or nominee) must be satisfied with and agree where a partnership
# requires a financial commitment from the Council (D 12(iv)): (key, what is agreed).
S151_ITEMS = (
    ("s151_budget_availability", "budget availability to fund the partnership commitment"),
    ("s151_pending_approvals", "pending approvals within the partnership"),
    ("s151_budget_monitoring", "budget monitoring arrangements"),
    ("s151_over_under_spends", "arrangements to deal with over and under spends"),
    ("s151_vat", "VAT arrangements"),
    ("s151_document_retention", "document retention in respect of external inspections"),
)
# D 13(vi): the prior approval of the Council acting as the Accountable Body.
ACCOUNTABLE_BODY_ITEM = (
    "s151_accountable_body",
    "Council acting as the Accountable Body, subject to the risk assessment of the "
    "responsibilities of being the Accountable Body",
)

# The elements a 'minor' partnership's governance arrangements must at least refer to
# (D 7(vii)); meetings with their notice, quorum, chairing, voting and representation count
# as one element, which gives the twenty-four of DOMAIN.md.
MINOR_GOVERNANCE_ELEMENTS = (
    "partnership's name",
    "duration of partnership",
    "aims and objectives",
    "lead partner",
    "accountable body",
    "membership, including status of different members and termination of membership",
    "schemes of delegation",
    "powers",
    "roles",
    "income and expenditure",
    "meetings: notice and frequency, quorum rules, chairing, voting and representation of "
    "other members",
    "decision-making processes (scope and timescales)",
    "minutes",
    "confidentiality",
    "amendments to the partnership's governance",
    "insurance and risk sharing provisions",
    "business continuity arrangements",
    "risk management arrangements",
    "insurance arrangements",
    "data protection and freedom of information",
    "complaints and redress",
    "conduct provisions",
    "performance monitoring",
    "exit strategy and arrangements for dissolution",
)

# The decisions a review can lead to (D 6(vi)).
REVIEW_OUTCOMES = (
    withdraws("withdraw from the partnership"),
    ReviewOutcome(
        "allow another body to represent the Council's interests", OutcomeEffect.ANOTHER_BODY
    ),
    ReviewOutcome("set a time limit for involvement", OutcomeEffect.TIME_LIMIT),
    continues("remain involved"),
    continues("remain involved at a different level, e.g. as a watching brief"),
)

# D 6(viii): issues in a partnership's activities flagged for the Annual Governance Statement.
GOVERNANCE_STATEMENT_ISSUES = (
    "the issue has seriously prejudiced or prevented achievement of a principal objective",
    "the issue has resulted in a need to seek additional funding to allow it to be resolved "
    "or in a significant diversion of resources from another part of the partnership",
    "the issue has led to a material impact on the accounts",
    "the Section 151 Officer has reported on it as significant in the annual opinion on the "
    "internal control environment",
    "the issue or its impact has attracted significant public interest or has seriously "
    "damaged the reputation of the partnership",
    "the issue has resulted in formal action being taken by the Section 151 Officer and/or "
    "Monitoring Officer",
)
# The same categories as the governance assurance asks them, keyed as the review forms'
# questions (ags_1 ... ags_6), so that a review's flag and a return's are one issue.
AGS_ISSUES = tuple(
    (f"ags_{n}", words[0].upper() + words[1:])
    for n, words in enumerate(GOVERNANCE_STATEMENT_ISSUES, start=1)
)
# D 4(vi), 31(i): a 'major' partnership is reviewed in full every year, against the Code
# and the Toolkit, by the officer leading on it, with the self-assessment (Appendix 7) and
# on the four arrangements of D 7(viii).
MAJOR_REVIEW = ReviewPlan(
    "Every year, as part of the annual review of the Partnerships Register, by the officer "
    "leading on it (D 4(vi), 31(i))",
    templates=(
        ReviewTemplate(
            "Full review: the Partnership Evaluation: Self Assessment (Appendix 7), on the "
            "delivery of objectives, financial performance against budgets, outputs and value "
            "for money, and the adequacy of reporting to the partners (D 7(viii))",
            key="dartford_major_review",
        ),
    ),
    completed_by="the officer leading on the partnership arrangement",
    considered_by="the Chief Officer & Director of Corporate Services, with the annual "
    "review of the Partnerships Register",
    considered_by_role=Role.REGISTER_OWNER,
    outcomes=REVIEW_OUTCOMES,
    governance_statement_issues=GOVERNANCE_STATEMENT_ISSUES,
)
# D 31(ii): a 'minor' one, light touch, on the financial and risk implications.
MINOR_REVIEW = replace(
    MAJOR_REVIEW,
    cadence="Every year, as part of the annual review of the Partnerships Register, light "
    "touch (D 4(vi), 31(ii))",
    templates=(
        ReviewTemplate(
            "Light-touch review of the financial and risk implications for the Council (D 31(ii))",
            key="dartford_minor_review",
        ),
    ),
)

SCORECARD = FormTemplate(
    "dartford_scorecard", "Partnership Significance Assessment Scorecard (Appendix 1)"
)
BUSINESS_CASE_CHECKLIST = FormTemplate(
    "dartford_business_case_checklist", "Partnership Business Case Checklist (Appendix 2)"
)
S151_CHECKLIST = FormTemplate(
    "dartford_s151_financial_checklist", "Section 151 Officer's financial checklist (D 12(iv))"
)
RISK_AREAS = FormTemplate("dartford_key_risk_areas", "Key Partnership Risk Areas (Appendix 5)")
GOVERNING_DOCUMENT = FormTemplate(
    "dartford_governing_document",
    "Governing document or partnership agreement, following the Partnership Governance "
    "Framework for 'major' partnerships (Appendix 3)",
)
MINOR_GOVERNANCE = FormTemplate(
    "dartford_minor_governance",
    "Governance arrangements covering the minimum elements for 'minor' partnerships (D 7(vii))",
)
ACCOUNTABLE_BODY_RISK_ASSESSMENT = FormTemplate(
    "dartford_accountable_body_risk_assessment",
    "Risk assessment of the responsibilities of being the Accountable Body (D 13(vi))",
)
INFORMATION_SHARING = FormTemplate(
    "dartford_information_sharing", "Kent & Medway Information Sharing Agreement (D 19(iv))"
)


def _equal_weights() -> dict:
    return dict.fromkeys(CRITERION_MET, 1)


@dataclass(frozen=True)
class Dartford(Policy):
    # A scorecard of 50% or more is 'major', 0-49% 'minor' (D 5(vii)); inclusive at 50%.
    major_threshold: Decimal = Decimal("50")
    # Weight of each scorecard criterion, by question key; equal unless configured. A
    # criterion left out of the dict weighs 1; weigh it 0 to take it out of the score.
    weights: dict = field(default_factory=_equal_weights)
    assurance_issues: tuple[tuple[str, str], ...] = AGS_ISSUES

    # The scorecard -------------------------------------------------------------------------

    def weight(self, key: str) -> Decimal:
        return Decimal(str(self.weights.get(key, 1)))

    def criteria_met(self, arrangement) -> list[str]:
        return [q.key for q in self.questions_in("scorecard") if self.answer(arrangement, q.key)]

    def score(self, arrangement) -> Decimal:
        """The weighted share of criteria met, as a percentage (0 when nothing weighs)."""
        total = sum((self.weight(q.key) for q in self.questions_in("scorecard")), Decimal(0))
        if not total:
            return Decimal(0)
        met = sum((self.weight(key) for key in self.criteria_met(arrangement)), Decimal(0))
        return met * 100 / total

    @staticmethod
    def percent(score: Decimal) -> str:
        # Reading of the product: whole percentages are shown rounded down, so a score just
        # under the threshold (49.9%) never reads as "50%" while being 'minor'.
        return f"{score.quantize(Decimal(1), rounding=ROUND_DOWN)}%"

    def scorecard_count(self, arrangement) -> str:
        """E.g. "8 of 13 criteria met (61%)"."""
        met = len(self.criteria_met(arrangement))
        total = len(self.questions_in("scorecard"))
        return f"{met} of {total} criteria met ({self.percent(self.score(arrangement))})"

    def scorecard_summary(self, arrangement) -> str:
        """E.g. "8 of 13 criteria met (61%): major"."""
        major = self.score(arrangement) >= self.major_threshold
        return f"{self.scorecard_count(arrangement)}: {(MAJOR if major else MINOR).key}"

    def classify(self, arrangement) -> Classification:
        score = self.score(arrangement)
        met = [CRITERION_MET[key] for key in self.criteria_met(arrangement)]
        summary = self.scorecard_count(arrangement)
        threshold = self.percent(self.major_threshold)
        if score >= self.major_threshold:  # D 5(vii): 50%+ is 'major'
            category = MAJOR
            reasons = [
                f"Partnership Significance Assessment Scorecard: {summary}, {threshold} or "
                "more (D 5(vii))"
            ]
        else:  # D 5(iii), 5(vii): 0-49% and every other partnership is 'minor'
            category = MINOR
            reasons = [
                f"Partnership Significance Assessment Scorecard: {summary}, below {threshold} "
                "(D 5(iii), 5(vii))"
            ]
        if met:
            reasons.append(f"{'; '.join(met)} (D 5(ii))")
        return Classification(category, tuple(reasons))

    # Who acts, in what order ----------------------------------------------------------------

    def commits_resources(self, arrangement) -> bool:
        # D 12(i): "the possibility of Council funds, services and/or other resources being
        # committed": cash, costed staff time or in-kind, any amount.
        return arrangement.council_resources_per_year > 0

    def is_accountable_body(self, arrangement) -> bool:
        return self.answer(arrangement, ACCOUNTABLE_BODY)

    def approver(self, arrangement) -> str:
        chosen = self.answer(arrangement, APPROVER)
        return chosen if chosen in dict(APPROVER_CHOICES) else ""

    def route(self, arrangement) -> tuple[Stage, ...]:
        # No Monitoring Officer opinion is required before approval: the Code gives the
        # Monitoring Officer a general role in keeping arrangements robust (D 24) and a
        # consulting role on ethical standards (D 11(iv)), not a step in approval.
        stages = []
        s151 = self.title(Role.SECTION_151_OFFICER)
        # Both are conditions, not advice: the Section 151 Officer (or nominee) agrees each
        # item on the decision page, and anything not agreed returns the arrangement.
        financial = S151_ITEMS if self.commits_resources(arrangement) else ()
        if self.is_accountable_body(arrangement):
            # D 13(vi): being the Accountable Body needs the S151 Officer's prior approval
            # (which covers the agreement of D 12(iv) when money is committed too).
            stages.append(
                Stage(
                    "Section 151 Officer's prior approval of the Council as Accountable Body",
                    (
                        opinion(
                            Role.SECTION_151_OFFICER,
                            s151,
                            binding=True,
                            items=(ACCOUNTABLE_BODY_ITEM, *financial),
                        ),
                    ),
                )
            )
        elif financial:
            # D 12(iv): a financial commitment is satisfied and agreed by the S151 Officer.
            stages.append(
                Stage(
                    "Section 151 Officer's agreement to the financial commitment",
                    (opinion(Role.SECTION_151_OFFICER, s151, binding=True, items=financial),),
                )
            )
        stages.append(self._approval_stage(self.approver(arrangement)))
        return tuple(stages)

    def _approval_stage(self, approver: str) -> Stage:
        # D 5(v), 8(v): the GAC or Cabinet grants authority, or an officer holds it under
        # the Scheme of Delegations to Officers.
        if approver == GAC:
            return Stage(
                "Approval by the General Assembly of the Council",
                (body_decision("the General Assembly of the Council (GAC)"),),
            )
        if approver == CABINET:
            return Stage("Approval by Cabinet", (body_decision("Cabinet"),))
        if approver == DELEGATED_OFFICER:
            return Stage(
                "Approval under the Scheme of Delegations to Officers",
                (decision(Role.DIRECTOR, DELEGATED_OFFICER_TITLE),),
            )
        # Until the approver is chosen the stage has no one in it; the draft cannot be
        # submitted meanwhile (policy_missing).
        return Stage(
            "Approval under the Scheme of Delegations: who approves is not yet chosen "
            "(D 5(v), 8(v))",
            (),
        )

    # Forms and what is still missing ----------------------------------------------------------

    def forms_required(self, arrangement) -> tuple[FormTemplate, ...]:
        category = self.effective_classification(arrangement).category
        forms = [SCORECARD, BUSINESS_CASE_CHECKLIST, RISK_AREAS]  # D 5(vii), 6(v), 9(iii)
        # D 7(v)-(vi): a 'major' partnership needs a governing document or agreement;
        # D 7(vii): a 'minor' one's governance covers at least the listed elements.
        forms.append(GOVERNING_DOCUMENT if category == MAJOR else MINOR_GOVERNANCE)
        if self.commits_resources(arrangement):
            forms.append(S151_CHECKLIST)  # D 12(iv)
        if self.is_accountable_body(arrangement):
            forms.append(ACCOUNTABLE_BODY_RISK_ASSESSMENT)  # D 13(vi)
        if arrangement.shares_personal_data:
            forms.append(INFORMATION_SHARING)  # D 19(iv)
        return tuple(forms)

    def policy_missing(self, arrangement, category) -> list[MissingAnswer]:
        missing = []
        if not self.approver(arrangement):
            missing.append(
                MissingAnswer(
                    APPROVER,
                    "Select who approves it under the Scheme of Delegations: the General "
                    "Assembly of the Council, Cabinet or an officer with delegated authority "
                    "(D 5(v), 8(v))",
                )
            )
        if self.is_accountable_body(arrangement):
            has_assessment = (
                arrangement.pk is not None
                and arrangement.documents.filter(kind=DocumentKind.RISK_ASSESSMENT).exists()
            )
            if not has_assessment:
                missing.append(
                    MissingAnswer(
                        "documents",
                        "Add the risk assessment of the responsibilities of being the "
                        "Accountable Body (D 13(vi))",
                    )
                )
        return missing

    def checklist_summary(self, arrangement, group: str) -> str:
        if group == "scorecard":
            return self.scorecard_summary(arrangement)
        if group == "approval":
            approver = self.approver(arrangement)
            if not approver:
                return "Who approves it is not yet chosen (D 5(v), 8(v))"
            return f"Approving body or officer: {dict(APPROVER_CHOICES)[approver]} (D 5(v), 8(v))"
        return ""

    # The register and reviews ------------------------------------------------------------------

    def on_register(self, arrangement) -> bool:
        # D 4(i): all 'major' and 'minor' partnerships must be recorded.
        return True

    def review_plan(self, arrangement) -> ReviewPlan:
        if self.effective_classification(arrangement).category == MAJOR:
            return MAJOR_REVIEW
        return MINOR_REVIEW


POLICY = Dartford(
    key="dartford",
    name="Code of Practice for Effective Joint Working Arrangements",
    version="2024",
    council="Dartford Borough Council",
    categories=(MAJOR, MINOR),
    register_title="Partnerships Register",
    role_titles={
        Role.REGISTER_OWNER: "Chief Officer & Director of Corporate Services",
        Role.SECTION_151_OFFICER: "Section 151 Officer (or nominee)",
        Role.MONITORING_OFFICER: "Monitoring Officer",
        Role.DIRECTOR: "relevant Director",
        Role.LEAD_OFFICER: "Officer leading on the partnership arrangement",
        Role.MANAGEMENT_TEAM: "Leadership Team",
    },
    questions=(
        *(PolicyQuestion(key, question, "scorecard") for key, question, _met in SCORECARD_CRITERIA),
        PolicyQuestion(
            APPROVER,
            "Who may approve entering into it under the Scheme of Delegations to Officers and "
            "the Terms of Reference in Part 3 of the Constitution?",
            "approval",
            APPROVER_CHOICES,
        ),
        PolicyQuestion(
            ACCOUNTABLE_BODY,
            "Will the Council act as the Accountable Body for the partnership?",
            "approval",
        ),
    ),
    checklists=(
        Checklist(
            "scorecard",
            "Partnership Significance Assessment Scorecard (Appendix 1)",
            "Tick each 'major' criterion of D 5(ii) the partnership meets. A score of 50% or "
            "more makes it 'major', 0-49% 'minor' (D 5(vii)).",
        ),
        Checklist(
            "approval",
            "Approval under the Scheme of Delegations",
            "Check the Scheme of Delegations to Officers and the Terms of Reference in Part 3 "
            "of the Constitution for the level of decision the partnership needs (D 5(v), 8(v)).",
        ),
    ),
    out_of_scope_reasons={
        "client_contractor": "The Code does not cover goods, services and works contracts, "
        "partnering agreements, strategic service partners, PPP/PFI and joint ventures or "
        "service level agreements: these are contractual arrangements (D 2.3).",
        "commissioning": "The Code does not cover commissioning partnerships, which are "
        "contractual arrangements, nor commissioning bodies (D 2.3).",
        "grant": "The Code does not cover community partnerships involving funding, nor "
        "appointments and financial commitments to outside bodies where the Council has no "
        "strategic or policy function, e.g. where it provides grants and requires a place on "
        "the outside body's board (D 2.3).",
        "informal_forum": "The Code does not cover consultative groups (D 2.3); a partnership "
        "creates an organisational structure or process and plans and implements a jointly "
        "agreed programme (D 2.1).",
    },
)
