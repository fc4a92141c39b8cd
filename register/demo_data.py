"""The demo register of a Kent borough council, loaded by `manage.py seed_demo`.

Fixed data, no randomness: every run produces the same rows. Names are the natural keys
(arrangement name, username, service name, objective title), so a second run finds and
updates what the first one made. The people are invented; the partner bodies are the
real public bodies a north Kent borough works with.

Amounts are chosen to sit on the policy boundaries later rules use: council resources a
year (cash + staff cost + in-kind) of exactly £50,000 and £49,999.99 (G 1.11), and in-kind
contributions of exactly £5,000 and £5,000.01 (B "Service Level Partnership").
"""

import datetime
from decimal import Decimal as D

from register.choices import (
    ArrangementType,
    GovernanceItem,
    Kind,
    LegalStatus,
    MeetingFrequency,
    Sector,
    Status,
)
from register.roles import Role

COUNCIL = "Gravesham Borough Council"
# Every demo user signs in with this password (it is printed in the README: demo use only).
DEMO_PASSWORD = "demo-password-1"
EMAIL_DOMAIN = "gravesham.example"

# (username, role, first name, last name). One user per role, plus a second lead officer
# so that "another officer's draft" can be shown.
USERS = [
    ("lead_officer", Role.LEAD_OFFICER, "Priya", "Sharma"),
    ("lead_officer_2", Role.LEAD_OFFICER, "Tom", "Hughes"),
    ("head_of_service", Role.HEAD_OF_SERVICE, "Gemma", "Clarke"),
    ("director", Role.DIRECTOR, "Daniel", "Okafor"),
    ("chief_executive", Role.CHIEF_EXECUTIVE, "Helen", "Marsh"),
    ("monitoring_officer", Role.MONITORING_OFFICER, "Richard", "Ellis"),
    ("deputy_monitoring_officer", Role.DEPUTY_MONITORING_OFFICER, "Amrit", "Gill"),
    ("section_151_officer", Role.SECTION_151_OFFICER, "Sarah", "Whitfield"),
    ("management_team", Role.MANAGEMENT_TEAM, "Mark", "Bennett"),
    ("leader", Role.LEADER, "Margaret", "Doyle"),
    ("portfolio_holder", Role.PORTFOLIO_HOLDER, "Harjit", "Sandhu"),
    ("portfolio_holder_2", Role.PORTFOLIO_HOLDER, "Rebecca", "Lane"),
    ("portfolio_holder_3", Role.PORTFOLIO_HOLDER, "Alan", "Ridgers"),
    ("democratic_services", Role.DEMOCRATIC_SERVICES, "Lucy", "Barnes"),
    ("register_owner", Role.REGISTER_OWNER, "Karen", "Fletcher"),
    ("internal_audit", Role.INTERNAL_AUDIT, "Owen", "Price"),
    ("overview_scrutiny", Role.OVERVIEW_SCRUTINY, "Janet", "Moss"),
    ("administrator", Role.ADMINISTRATOR, "Chris", "Webb"),
]
# Cabinet portfolios (name, holder's username, the services whose arrangements are in it):
# only the Portfolio Holder of an arrangement's portfolio approves it (G 2.14). The register
# owner keeps them in Django admin.
PORTFOLIOS = [
    (
        "Community Safety and Environment",
        "portfolio_holder",
        [
            "Community Safety",
            "Emergency Planning and Resilience",
            "Environmental Health and Licensing",
            "Environmental Services",
        ],
    ),
    (
        "Housing and Communities",
        "portfolio_holder_2",
        ["Communities", "Housing", "Leisure and Culture"],
    ),
    (
        "Regeneration and Corporate Services",
        "portfolio_holder_3",
        [
            "Corporate Services",
            "Finance",
            "Legal and Democratic Services",
            "Planning and Regeneration",
        ],
    ),
]
PORTFOLIO_OF_SERVICE = {
    service: name for name, _holder, services in PORTFOLIOS for service in services
}

# Django admin access: the administrator and the register owner.
STAFF_USERNAMES = {"administrator", "register_owner"}

SERVICES = [
    "Communities",
    "Community Safety",
    "Corporate Services",
    "Emergency Planning and Resilience",
    "Environmental Health and Licensing",
    "Environmental Services",
    "Finance",
    "Housing",
    "Leisure and Culture",
    "Legal and Democratic Services",
    "Planning and Regeneration",
]

# (title, description, is current)
CORPORATE_OBJECTIVES = [
    (
        "A safe and clean borough",
        "Less crime and anti-social behaviour, clean streets and open spaces, and communities "
        "that feel safe.",
        True,
    ),
    (
        "A healthy and active community",
        "Residents who live longer, healthier lives, with leisure, sport and green space for all.",
        True,
    ),
    (
        "Good homes for everyone",
        "Enough good-quality, affordable homes, an end to rough sleeping and help for people at "
        "risk of homelessness.",
        True,
    ),
    (
        "A thriving local economy and town centres",
        "Jobs, skills and investment for Gravesend, Northfleet and the rural villages, and a "
        "growing Ebbsfleet Garden City.",
        True,
    ),
    (
        "A greener borough",
        "The council's own operations net zero by 2030, and a borough adapting to climate change.",
        True,
    ),
    (
        "A well-run council that lives within its means",
        "Sound finances, good governance and services designed around residents.",
        True,
    ),
    (
        "Recovery from the COVID-19 pandemic",
        "The 2020-2023 recovery objective, kept so older arrangements still show it.",
        False,
    ),
]
SAFE, HEALTHY, HOMES, ECONOMY, GREENER, WELL_RUN, RECOVERY = (
    title for title, _description, _current in CORPORATE_OBJECTIVES
)

CIVIC_CENTRE = "Civic Centre, Windmill Street, Gravesend"
BOROUGH = "Borough of Gravesham"
ALL_GOVERNANCE = list(GovernanceItem.values)
CORE_GOVERNANCE = [
    GovernanceItem.TERMS_OF_REFERENCE,
    GovernanceItem.MEMBERSHIP_RULES,
    GovernanceItem.DECISION_RULES,
    GovernanceItem.MEETING_RULES,
    GovernanceItem.RECORDING_DECISIONS,
    GovernanceItem.CONFLICTS_POLICY,
    GovernanceItem.PERFORMANCE_MONITORING,
    GovernanceItem.RISK_MONITORING,
]
LIGHT_GOVERNANCE = [
    GovernanceItem.TERMS_OF_REFERENCE,
    GovernanceItem.MEETING_RULES,
    GovernanceItem.RECORDING_DECISIONS,
]
SHARED_SERVICE_GOVERNANCE = CORE_GOVERNANCE + [
    GovernanceItem.DRAFT_AGREEMENT,
    GovernanceItem.FINANCIAL_MONITORING,
    GovernanceItem.COMPLAINTS,
    GovernanceItem.AUDIT,
]


def day(year, month, day_of_month):
    return datetime.date(year, month, day_of_month)


def at(year, month, day_of_month):
    """A status change at 10am (UTC) on that day."""
    return datetime.datetime(year, month, day_of_month, 10, 0, tzinfo=datetime.UTC)


def partner(name, sector, contribution="", per_year=None):
    return {
        "name": name,
        "sector": sector,
        "contribution": contribution,
        "contribution_per_year": per_year,
    }


def rep(name, role, start, finish=None, member=False):
    return {
        "name": name,
        "role": role,
        "start_date": start,
        "finish_date": finish,
        "is_member": member,
    }


def risk(description, likelihood, impact, mitigation, owner, escalated=False):
    return {
        "description": description,
        "likelihood": likelihood,
        "impact": impact,
        "mitigation": mitigation,
        "owner": owner,
        "is_escalated": escalated,
    }


def objective(description, *measures):
    return {"description": description, "measures": list(measures)}


def measure(name, unit, results):
    """results: {financial year starting: (target, outturn or None)}."""
    return {"name": name, "unit": unit, "results": results}


# Partner bodies used by several arrangements.
def kent_police(contribution="Chief Inspector for Gravesham and analysts", per_year=None):
    return partner("Kent Police", Sector.POLICE_FIRE, contribution, per_year)


def kent_fire(contribution="Station manager and community safety advocates"):
    return partner("Kent Fire and Rescue Service", Sector.POLICE_FIRE, contribution)


def kent_cc(contribution, per_year=None):
    return partner("Kent County Council", Sector.LOCAL_GOVERNMENT, contribution, per_year)


def kent_icb(contribution, per_year=None):
    return partner(
        "NHS Kent and Medway Integrated Care Board", Sector.HEALTH, contribution, per_year
    )


def council(name, contribution, per_year=None):
    return partner(name, Sector.LOCAL_GOVERNMENT, contribution, per_year)


# Text shared by many arrangements; each arrangement can override it.
NO_DIRECT_SAFEGUARDING = (
    "No direct work with children or adults at risk. Partners follow their own safeguarding "
    "policies and concerns are referred to the council's Designated Safeguarding Lead."
)
EQUALITIES_NEUTRAL = (
    "Equality impact assessment completed: no adverse impact identified on any of the nine "
    "protected characteristics."
)
CLIMATE_NEUTRAL = "Neutral. Meetings are held online where possible to cut travel."
NOTICE_EXIT = (
    "Any partner may leave on six months' written notice; the council's contribution stops "
    "at the end of the financial year in which notice is given."
)
SHARED_SERVICE_EXIT = (
    "Twelve months' notice by either council, to end on 31 March. Staff transfer back to "
    "their home authority under TUPE; shared systems and records are split under the exit "
    "schedule of the agreement."
)
SHARED_SERVICE_EQUALITIES = (
    "Equality impact assessment completed for staff and service users; no adverse impact "
    "found. Both councils' equality policies apply to the shared team."
)


def _common(**fields):
    """Defaults for an arrangement whose evaluation is complete (anything beyond draft)."""
    defaults = {
        "is_statutory": False,
        "legal_status": LegalStatus.UNINCORPORATED,
        "lead_organisation": COUNCIL,
        "area": BOROUGH,
        "is_fundamental_to_objective": False,
        "shares_personal_data": False,
        "safeguarding_impact": NO_DIRECT_SAFEGUARDING,
        "equalities_impact": EQUALITIES_NEUTRAL,
        "climate_change_impact": CLIMATE_NEUTRAL,
        "governance_in_place": CORE_GOVERNANCE,
        "exit_strategy": NOTICE_EXIT,
        "meeting_frequency": MeetingFrequency.QUARTERLY,
        "meeting_place": CIVIC_CENTRE,
        "lead": "lead_officer",
        "partners": [],
        "representatives": [],
        "risks": [],
        "objectives": [],
        "corporate_objectives": [],
    }
    return defaults | fields


def partnership(name, type, status, **fields):
    return _common(name=name, kind=Kind.PARTNERSHIP, type=type, status=status, **fields)


def shared_service(name, type, status, **fields):
    defaults = {
        "legal_status": LegalStatus.AGREEMENT,
        "governance_in_place": SHARED_SERVICE_GOVERNANCE,
        "exit_strategy": SHARED_SERVICE_EXIT,
        "equalities_impact": SHARED_SERVICE_EQUALITIES,
        "meeting_frequency": MeetingFrequency.QUARTERLY,
    }
    return _common(
        name=name, kind=Kind.SHARED_SERVICE, type=type, status=status, **(defaults | fields)
    )


def draft(name, kind, **fields):
    """A draft: only what the officer has typed so far."""
    base = {
        "name": name,
        "kind": kind,
        "status": Status.DRAFT,
        "lead": "lead_officer",
        "partners": [],
        "representatives": [],
        "risks": [],
        "objectives": [],
        "corporate_objectives": [],
        "governance_in_place": [],
    }
    return base | fields


STRATEGIC = ArrangementType.STRATEGIC
DELIVERY = ArrangementType.DELIVERY
COMMUNITY = ArrangementType.COMMUNITY
NETWORK = ArrangementType.NETWORK_FORUM
FULL = ArrangementType.FULL_SHARED_SERVICE
JOINT_MANAGEMENT = ArrangementType.JOINT_MANAGEMENT
JOINT_OFFICER = ArrangementType.JOINT_OFFICER
AD_HOC = ArrangementType.AD_HOC_RESILIENCE


# Oldest first: the register lists the most recently recorded at the top.
ARRANGEMENTS = [
    # --- Strategic partnerships ---------------------------------------------------------
    partnership(
        "Gravesham Community Safety Partnership",
        STRATEGIC,
        Status.ACTIVE,
        purpose=(
            "Reduce crime, anti-social behaviour and re-offending in Gravesham, and tackle "
            "domestic abuse, serious violence and substance misuse, through a yearly "
            "Community Safety Plan agreed by the responsible authorities."
        ),
        rationale=(
            "A statutory duty shared by the responsible authorities (Crime and Disorder Act "
            "1998, s.5-6): no one agency holds the enforcement, health and housing levers."
        ),
        is_statutory=True,
        is_fundamental_to_objective=True,
        start_date=day(1999, 4, 1),
        status_changed_at=at(2025, 6, 18),
        cash_per_year=D("25000.00"),
        staff_fte=D("0.50"),
        staff_cost_per_year=D("20000.00"),
        in_kind_per_year=D("5000.00"),
        in_kind_description="CCTV footage, meeting rooms and the Community Safety Unit office.",
        external_funding=D("38500.00"),
        external_funding_use="Police and Crime Commissioner grant for youth diversion work.",
        overall_budget=D("121000.00"),
        service="Community Safety",
        lead="lead_officer",
        member_involvement="Cabinet Member for Community Safety chairs the Strategic Group.",
        shares_personal_data=True,
        data_protection_notes=(
            "Kent and Medway information sharing agreement (s.115 Crime and Disorder Act); "
            "DPIA for the Community Safety Unit case system reviewed in 2025."
        ),
        safeguarding_impact=(
            "High: the partnership handles referrals of children and adults at risk. Every "
            "partner's staff are trained to Kent and Medway Safeguarding standards."
        ),
        equalities_impact=(
            "Positive: targeted work on hate crime and violence against women and girls. "
            "EIA of the 2025-26 plan found no adverse impact."
        ),
        climate_change_impact="Neutral.",
        governance_in_place=ALL_GOVERNANCE,
        exit_strategy="Statutory: the council cannot leave. Its contribution is reviewed yearly.",
        meeting_frequency=MeetingFrequency.QUARTERLY,
        corporate_objectives=[SAFE, HEALTHY],
        partners=[
            kent_police(per_year=D("15000.00")),
            kent_fire(),
            partner(
                "Probation Service (Kent, Surrey and Sussex)",
                Sector.OTHER_PUBLIC,
                "Integrated Offender Management officer",
            ),
            kent_icb("Public health commissioning for substance misuse", D("12000.00")),
            kent_cc("Youth services and Kent Community Safety Team analyst"),
        ],
        representatives=[
            rep("Cllr Samir Ahmed", "Chair of the Strategic Group", day(2023, 5, 25), member=True),
            rep("Priya Sharma", "Community Safety Manager", day(2021, 9, 1)),
            rep("Alan Forbes", "Community Safety Manager", day(2014, 4, 1), day(2021, 8, 31)),
        ],
        risks=[
            risk(
                "Police and Crime Commissioner grant is cut or ends",
                3,
                3,
                "Plan priorities ranked so lower-priority projects stop first.",
                "Community Safety Manager",
            ),
            risk(
                "Partners stop sharing information after a data breach",
                2,
                4,
                "Information sharing agreement, yearly training, DPIA reviewed each year.",
                "Community Safety Manager",
            ),
            risk(
                "Serious violence duty work is not resourced",
                3,
                4,
                "Raised with the Police and Crime Commissioner; escalated to the corporate "
                "risk register in 2025.",
                "Director (Environment and Operations)",
                escalated=True,
            ),
        ],
        objectives=[
            objective(
                "Reduce anti-social behaviour in Gravesend town centre",
                measure(
                    "Reported incidents of anti-social behaviour in the town centre",
                    "incidents",
                    {
                        2023: (D("950"), D("1012")),
                        2024: (D("900"), D("874")),
                        2025: (D("860"), D("841")),
                        2026: (D("820"), None),
                    },
                ),
            ),
            objective(
                "Support victims of domestic abuse",
                measure(
                    "Victims supported by the One Stop Shop",
                    "people",
                    {
                        2024: (D("400"), D("436")),
                        2025: (D("420"), D("455")),
                        2026: (D("450"), None),
                    },
                ),
                measure(
                    "Repeat referrals to MARAC",
                    "%",
                    {2024: (D("30"), D("33.5")), 2025: (D("28"), D("27.1")), 2026: (D("27"), None)},
                ),
            ),
        ],
    ),
    partnership(
        "Kent Resilience Forum",
        STRATEGIC,
        Status.ACTIVE,
        purpose=(
            "Plan and exercise the multi-agency response to emergencies in Kent and Medway "
            "(flooding, pandemics, port disruption, severe weather) and coordinate recovery."
        ),
        rationale=(
            "The Civil Contingencies Act 2004 requires Category 1 responders to co-operate "
            "through a Local Resilience Forum."
        ),
        is_statutory=True,
        is_fundamental_to_objective=True,
        lead_organisation="Kent Resilience Forum secretariat (Kent County Council)",
        area="Kent and Medway",
        start_date=day(2005, 4, 1),
        status_changed_at=at(2024, 9, 10),
        cash_per_year=D("3500.00"),
        staff_fte=D("0.30"),
        staff_cost_per_year=D("12000.00"),
        in_kind_per_year=D("0.00"),
        overall_budget=D("640000.00"),
        service="Emergency Planning and Resilience",
        lead="lead_officer_2",
        member_involvement="Leader receives the yearly resilience report.",
        governance_in_place=ALL_GOVERNANCE,
        exit_strategy="Statutory membership: the council cannot withdraw.",
        meeting_frequency=MeetingFrequency.QUARTERLY,
        meeting_place="Kent Fire and Rescue Service headquarters, Tovil",
        corporate_objectives=[SAFE],
        partners=[
            kent_cc("Hosts the secretariat and the Kent Resilience Team", D("320000.00")),
            kent_police("Chairs the Strategic Coordinating Group"),
            kent_fire("Joint Resilience Team officers"),
            partner("Environment Agency", Sector.OTHER_PUBLIC, "Flood warning and response"),
            partner("UK Health Security Agency", Sector.HEALTH, "Health protection advice"),
            council("Medway Council", "Emergency planning officers", D("12000.00")),
        ],
        representatives=[
            rep("Daniel Okafor", "Gold (strategic) on-call director", day(2022, 1, 10)),
            rep("Tom Hughes", "Emergency Planning Officer", day(2020, 6, 1)),
        ],
        risks=[
            risk(
                "Council cannot staff a rest centre during a large flood",
                2,
                5,
                "Rest centre volunteers trained twice a year; mutual aid with Dartford.",
                "Emergency Planning Officer",
                escalated=True,
            ),
            risk(
                "Out-of-hours contact list out of date",
                3,
                3,
                "Contact list checked monthly; quarterly call-out test.",
                "Emergency Planning Officer",
            ),
        ],
        objectives=[
            objective(
                "Keep the borough's emergency plans exercised and current",
                measure(
                    "Multi-agency exercises the council takes part in",
                    "exercises",
                    {2024: (D("3"), D("4")), 2025: (D("3"), D("3")), 2026: (D("3"), None)},
                ),
            ),
        ],
    ),
    partnership(
        "Kent and Medway Safeguarding Adults Board",
        STRATEGIC,
        Status.ACTIVE,
        purpose=(
            "Make sure local safeguarding arrangements protect adults with care and support "
            "needs from abuse and neglect, and carry out Safeguarding Adults Reviews."
        ),
        rationale="A statutory board under the Care Act 2014, led by Kent County Council.",
        is_statutory=True,
        lead_organisation="Kent County Council",
        area="Kent and Medway",
        start_date=day(2015, 4, 1),
        status_changed_at=at(2024, 4, 2),
        cash_per_year=D("4000.00"),
        staff_fte=D("0.05"),
        staff_cost_per_year=D("2500.00"),
        service="Communities",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="Board information sharing protocol; Safeguarding Adults Reviews "
        "are anonymised before publication.",
        safeguarding_impact="Central: the board exists to safeguard adults at risk.",
        governance_in_place=ALL_GOVERNANCE,
        exit_strategy="Statutory: the council remains a partner while it has housing duties.",
        meeting_place="Sessions House, Maidstone",
        corporate_objectives=[HEALTHY],
        partners=[
            kent_cc("Adult social care; hosts the board business unit", D("210000.00")),
            council("Medway Council", "Adult social care", D("60000.00")),
            kent_police("Public protection unit"),
            kent_icb("Designated adult safeguarding nurse", D("60000.00")),
        ],
        representatives=[rep("Gemma Clarke", "District council representative", day(2022, 4, 1))],
        risks=[
            risk(
                "Council staff do not recognise self-neglect cases",
                2,
                4,
                "Mandatory e-learning; safeguarding champions in housing and environmental health.",
                "Head of Communities",
            ),
        ],
    ),
    partnership(
        "Thames Gateway Kent Partnership",
        STRATEGIC,
        Status.ACTIVE,
        purpose=(
            "Promote regeneration, investment and infrastructure along the Kent Thames "
            "Gateway, speaking with one voice to government and investors."
        ),
        rationale=(
            "Infrastructure bids (rail, Lower Thames Crossing mitigation, skills) succeed "
            "when the north Kent authorities and business bid together."
        ),
        lead_organisation="Thames Gateway Kent Partnership board",
        area="Dartford, Gravesham, Medway and Swale",
        start_date=day(2001, 7, 1),
        status_changed_at=at(2025, 7, 3),
        cash_per_year=D("10000.00"),
        staff_fte=D("0.10"),
        staff_cost_per_year=D("6000.00"),
        service="Planning and Regeneration",
        lead="lead_officer_2",
        member_involvement="Leader of the Executive sits on the board.",
        meeting_frequency=MeetingFrequency.TWICE_YEARLY,
        meeting_place="Rotating between the partner councils",
        corporate_objectives=[ECONOMY],
        partners=[
            council("Dartford Borough Council", "Subscription", D("10000.00")),
            council("Medway Council", "Subscription", D("10000.00")),
            council("Swale Borough Council", "Subscription", D("10000.00")),
            kent_cc("Economic development officer", D("20000.00")),
            partner("University of Kent", Sector.EDUCATION, "Research and skills input"),
            partner(
                "Kent Invicta Chamber of Commerce",
                Sector.PRIVATE,
                "Business representation on the board",
            ),
        ],
        representatives=[
            rep("Cllr Margaret Doyle", "Board member", day(2023, 5, 25), member=True),
        ],
        risks=[
            risk(
                "Partnership loses relevance after county devolution changes",
                3,
                2,
                "Board reviews its role each year against the county growth plan.",
                "Head of Planning and Regeneration",
            ),
        ],
    ),
    partnership(
        "Kent Joint Waste Partnership",
        STRATEGIC,
        Status.ACTIVE,
        purpose=(
            "Joint Waste Partnership of the Kent waste collection and disposal authorities: "
            "raise recycling rates, cut contamination and procure processing together."
        ),
        rationale=(
            "Collection (districts) and disposal (county) are split by law; recycling "
            "credits and contracts only work if both tiers plan together."
        ),
        legal_status=LegalStatus.JOINT_COMMITTEE,
        lead_organisation="Kent County Council",
        area="Kent",
        start_date=day(2007, 4, 1),
        status_changed_at=at(2024, 5, 15),
        cash_per_year=D("8000.00"),
        staff_fte=D("0.20"),
        staff_cost_per_year=D("9000.00"),
        in_kind_per_year=D("1500.00"),
        in_kind_description="Data returns and communications support.",
        overall_budget=D("410000.00"),
        service="Environmental Services",
        lead="lead_officer",
        member_involvement="Cabinet Member for Environment on the Members' Board.",
        meeting_frequency=MeetingFrequency.QUARTERLY,
        corporate_objectives=[SAFE, GREENER],
        partners=[
            kent_cc("Waste disposal authority; hosts the partnership", D("150000.00")),
            council("Dartford Borough Council", "Waste collection authority", D("8000.00")),
            council("Sevenoaks District Council", "Waste collection authority", D("8000.00")),
            council("Swale Borough Council", "Waste collection authority", D("8000.00")),
        ],
        representatives=[
            rep("Cllr Harjit Sandhu", "Members' Board", day(2023, 5, 25), member=True),
            rep("Gemma Clarke", "Officer Advisory Group", day(2019, 1, 7)),
        ],
        risks=[
            risk(
                "Simpler Recycling reforms change collection costs",
                4,
                3,
                "Modelled in the medium-term financial plan; joint procurement of food "
                "waste caddies.",
                "Head of Environmental Services",
            ),
        ],
        objectives=[
            objective(
                "Raise the household recycling rate",
                measure(
                    "Household waste sent for reuse, recycling or composting",
                    "%",
                    {
                        2023: (D("42"), D("39.8")),
                        2024: (D("43"), D("41.2")),
                        2025: (D("45"), D("44.1")),
                        2026: (D("46"), None),
                    },
                ),
            ),
        ],
    ),
    partnership(
        "Ebbsfleet Garden City Strategic Partnership",
        STRATEGIC,
        Status.ACTIVE,
        purpose=(
            "Coordinate the delivery of up to 15,000 homes, schools and infrastructure at "
            "Ebbsfleet Garden City across the Gravesham and Dartford boundary."
        ),
        rationale=(
            "Planning powers sit with the Development Corporation, infrastructure with the "
            "county and services with the boroughs: delivery needs all of them."
        ),
        is_fundamental_to_objective=True,
        lead_organisation="Ebbsfleet Development Corporation",
        area="Ebbsfleet Garden City (Gravesham and Dartford)",
        start_date=day(2015, 4, 1),
        end_date=day(2031, 3, 31),
        status_changed_at=at(2025, 3, 20),
        staff_fte=D("0.80"),
        staff_cost_per_year=D("35000.00"),
        cash_per_year=D("0.00"),
        in_kind_per_year=D("0.00"),
        service="Planning and Regeneration",
        lead="lead_officer_2",
        member_involvement="Leader and Cabinet Member for Regeneration attend the board.",
        meeting_frequency=MeetingFrequency.BIMONTHLY,
        meeting_place="Ebbsfleet Development Corporation, The Observatory, Ebbsfleet",
        corporate_objectives=[ECONOMY, HOMES],
        partners=[
            partner(
                "Ebbsfleet Development Corporation",
                Sector.OTHER_PUBLIC,
                "Planning authority for the garden city; programme team",
            ),
            council("Dartford Borough Council", "Neighbouring borough: services and planning"),
            kent_cc("Education, highways and social infrastructure"),
            partner("Homes England", Sector.OTHER_PUBLIC, "Land and housing investment"),
        ],
        representatives=[
            rep("Cllr Margaret Doyle", "Board member", day(2023, 5, 25), member=True),
            rep("Daniel Okafor", "Officer steering group", day(2021, 2, 1)),
        ],
        risks=[
            risk(
                "Development Corporation winds down before services transfer",
                3,
                5,
                "Legacy and transition plan agreed with government; escalated.",
                "Director (Planning and Regeneration)",
                escalated=True,
            ),
            risk(
                "Infrastructure lags behind new homes",
                3,
                4,
                "Infrastructure delivery plan monitored by the board.",
                "Head of Planning and Regeneration",
            ),
        ],
        objectives=[
            objective(
                "Deliver new homes at Ebbsfleet in Gravesham",
                measure(
                    "Net new homes completed in the Gravesham part of the garden city",
                    "homes",
                    {
                        2023: (D("350"), D("298")),
                        2024: (D("400"), D("362")),
                        2025: (D("450"), D("401")),
                        2026: (D("450"), None),
                    },
                ),
            ),
        ],
    ),
    partnership(
        "Dartford, Gravesham and Swanley Health and Wellbeing Board",
        STRATEGIC,
        Status.UNDER_REVIEW,
        purpose=(
            "The Health and Wellbeing Board of the local health and care partnership: reduce "
            "health inequalities in Dartford, Gravesham and Swanley through housing, leisure "
            "and prevention."
        ),
        rationale=(
            "The wider determinants of health (housing, leisure, environment) sit with the "
            "boroughs; the money and clinical services sit with the NHS."
        ),
        lead_organisation="NHS Kent and Medway Integrated Care Board",
        area="Dartford, Gravesham and Swanley",
        start_date=day(2019, 4, 1),
        status_changed_at=at(2026, 10, 1),
        status_reason="Annual review 2026/27 started: attendance and outcomes to be checked.",
        staff_fte=D("0.10"),
        staff_cost_per_year=D("6000.00"),
        service="Communities",
        lead="lead_officer",
        member_involvement="Cabinet Member for Health and Wellbeing is a board member.",
        shares_personal_data=False,
        equalities_impact=(
            "Positive: the board targets wards with the lowest life expectancy, including "
            "Northfleet North and Singlewell."
        ),
        meeting_frequency=MeetingFrequency.BIMONTHLY,
        meeting_place="Darent Valley Hospital, Dartford",
        corporate_objectives=[HEALTHY],
        partners=[
            kent_icb("Chairs the board; commissions local services", D("250000.00")),
            council("Dartford Borough Council", "Housing and leisure services"),
            council("Sevenoaks District Council", "Swanley services"),
            partner("Dartford and Gravesham NHS Trust", Sector.HEALTH, "Acute hospital"),
            partner(
                "Kent Community Health NHS Foundation Trust",
                Sector.HEALTH,
                "Community health services",
            ),
        ],
        representatives=[
            rep("Cllr Ruth Adeyemi", "Board member", day(2023, 5, 25), member=True),
        ],
        risks=[
            risk(
                "Board meetings are poorly attended and stop making decisions",
                3,
                2,
                "Review of membership and frequency under way.",
                "Head of Communities",
            ),
        ],
        objectives=[
            objective(
                "Get more residents active",
                measure(
                    "Adults in Gravesham who are physically inactive",
                    "%",
                    {
                        2023: (D("25"), D("27.4")),
                        2024: (D("24"), D("26.0")),
                        2025: (D("23"), D("25.1")),
                        2026: (D("23"), None),
                    },
                ),
            ),
        ],
    ),
    # --- Network groups and forums -------------------------------------------------------
    partnership(
        "Kent Housing Group",
        NETWORK,
        Status.ACTIVE,
        purpose="Forum of Kent's housing authorities and providers to share practice and "
        "speak jointly on housing policy.",
        rationale="Joint responses to government carry more weight than a single borough's.",
        lead_organisation="Kent Housing Group",
        area="Kent and Medway",
        start_date=day(2003, 1, 1),
        status_changed_at=at(2023, 11, 2),
        cash_per_year=D("1200.00"),
        staff_cost_per_year=D("2000.00"),
        service="Housing",
        lead="lead_officer",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.QUARTERLY,
        meeting_place="Online",
        corporate_objectives=[HOMES],
        partners=[
            council("Dartford Borough Council", "Member authority", D("1200.00")),
            council("Medway Council", "Member authority", D("1200.00")),
            partner("Moat Homes", Sector.VOLUNTARY, "Housing association member"),
            partner("Clarion Housing Group", Sector.VOLUNTARY, "Housing association member"),
        ],
        representatives=[rep("Gemma Clarke", "Member", day(2018, 9, 1))],
        risks=[
            risk(
                "Officer time spent without local benefit",
                2,
                1,
                "Attendance reviewed yearly.",
                "Head of Housing",
            ),
        ],
    ),
    partnership(
        "North Kent Strategic Planning Forum",
        NETWORK,
        Status.ACTIVE,
        purpose="Meet the duty to co-operate on strategic planning issues (housing need, "
        "transport, the Lower Thames Crossing) across north Kent.",
        rationale="The duty to co-operate cannot be met by one local planning authority.",
        is_statutory=True,
        area="Dartford, Gravesham, Medway and Swale",
        start_date=day(2012, 6, 1),
        status_changed_at=at(2024, 2, 14),
        staff_fte=D("0.10"),
        staff_cost_per_year=D("5500.00"),
        service="Planning and Regeneration",
        lead="lead_officer_2",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.QUARTERLY,
        meeting_place="Online",
        corporate_objectives=[ECONOMY, HOMES],
        partners=[
            council("Dartford Borough Council", "Planning policy team"),
            council("Medway Council", "Planning policy team"),
            council("Swale Borough Council", "Planning policy team"),
            kent_cc("Transport and minerals planning"),
            partner("National Highways", Sector.OTHER_PUBLIC, "Strategic road network"),
        ],
        representatives=[rep("Tom Hughes", "Planning Policy Manager", day(2022, 7, 1))],
        risks=[
            risk(
                "Local Plan examination finds the duty to co-operate not met",
                2,
                5,
                "Signed statements of common ground kept up to date.",
                "Head of Planning and Regeneration",
            ),
        ],
    ),
    partnership(
        "Gravesham Faith and Community Cohesion Forum",
        NETWORK,
        Status.ACTIVE,
        purpose="Bring faith and community leaders together with the council and police to "
        "build good relations and respond quickly to tensions.",
        rationale="Trust and reach into communities sit with faith and community groups.",
        start_date=day(2011, 3, 1),
        status_changed_at=at(2023, 3, 8),
        in_kind_per_year=D("1800.00"),
        in_kind_description="Meeting rooms and refreshments at the Civic Centre.",
        staff_cost_per_year=D("3000.00"),
        service="Communities",
        lead="lead_officer",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.BIMONTHLY,
        corporate_objectives=[SAFE],
        partners=[
            kent_police("Community liaison officer"),
            partner(
                "Guru Nanak Darbar Gurdwara, Gravesend", Sector.VOLUNTARY, "Faith community lead"
            ),
            partner("Churches Together in Gravesham", Sector.VOLUNTARY, "Faith community lead"),
            partner("Gravesend Islamic Centre", Sector.VOLUNTARY, "Faith community lead"),
        ],
        representatives=[
            rep("Cllr Samir Ahmed", "Council lead Member", day(2023, 5, 25), member=True),
        ],
        risks=[
            risk(
                "Community tension after a national or international event",
                3,
                3,
                "Tension monitoring with Kent Police; forum can meet within 48 hours.",
                "Head of Communities",
            ),
        ],
    ),
    partnership(
        "Kent Finance Officers' Group",
        NETWORK,
        Status.ACTIVE,
        purpose="Kent and Medway chief finance officers share practice on budgets, business "
        "rates pooling and audit.",
        rationale="Business rates pooling and joint responses need all Kent authorities.",
        lead_organisation="Kent County Council",
        area="Kent and Medway",
        start_date=day(2009, 4, 1),
        status_changed_at=at(2023, 6, 1),
        staff_cost_per_year=D("1500.00"),
        service="Finance",
        lead="lead_officer",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.QUARTERLY,
        meeting_place="Online",
        corporate_objectives=[WELL_RUN],
        partners=[
            kent_cc("Hosts the group and the business rates pool"),
            council("Dartford Borough Council", "Chief finance officer"),
            council("Medway Council", "Chief finance officer"),
        ],
        representatives=[rep("Sarah Whitfield", "Section 151 Officer", day(2020, 11, 2))],
        risks=[
            risk(
                "Business rates pool makes a loss in a bad year",
                2,
                3,
                "Pool safety net and reserves held by the lead authority.",
                "Section 151 Officer",
            ),
        ],
    ),
    # --- Delivery partnerships -----------------------------------------------------------
    partnership(
        "Gravesham Home Improvement Agency",
        DELIVERY,
        Status.ACTIVE,
        purpose=(
            "Deliver Disabled Facilities Grants and small repairs so that older and disabled "
            "residents can live safely at home."
        ),
        rationale="Occupational therapy sits with the county, grants with the borough and "
        "building work with the agency.",
        is_statutory=True,
        lead_organisation="Town and Country Foundation",
        start_date=day(2016, 4, 1),
        status_changed_at=at(2024, 6, 12),
        cash_per_year=D("45000.00"),
        staff_fte=D("0.12"),
        staff_cost_per_year=D("4999.99"),
        in_kind_per_year=D("0.00"),
        external_funding=D("1150000.00"),
        external_funding_use="Better Care Fund allocation for Disabled Facilities Grants.",
        service="Housing",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="Data processing agreement with the agency; DPIA completed 2023.",
        safeguarding_impact="Works in the homes of adults at risk: enhanced DBS checks for "
        "agency staff and contractors.",
        equalities_impact="Positive for disabled and older residents.",
        governance_in_place=SHARED_SERVICE_GOVERNANCE,
        meeting_frequency=MeetingFrequency.MONTHLY,
        corporate_objectives=[HOMES, HEALTHY],
        partners=[
            partner(
                "Town and Country Foundation",
                Sector.VOLUNTARY,
                "Runs the agency: caseworkers and surveyors",
            ),
            kent_cc("Occupational therapists"),
        ],
        representatives=[rep("Gemma Clarke", "Contract lead", day(2019, 4, 1))],
        risks=[
            risk(
                "Builders' prices rise faster than the grant",
                4,
                3,
                "Framework of approved contractors retendered in 2025.",
                "Head of Housing",
            ),
            risk(
                "Waiting time for adaptations exceeds six months",
                3,
                3,
                "Monthly monitoring; fast track for hospital discharges.",
                "Head of Housing",
            ),
        ],
        objectives=[
            objective(
                "Adapt homes quickly",
                measure(
                    "Average weeks from referral to completed adaptation",
                    "weeks",
                    {
                        2023: (D("26"), D("31")),
                        2024: (D("24"), D("25")),
                        2025: (D("22"), D("21.5")),
                        2026: (D("20"), None),
                    },
                ),
                measure(
                    "Disabled Facilities Grants completed",
                    "grants",
                    {
                        2024: (D("120"), D("131")),
                        2025: (D("125"), D("118")),
                        2026: (D("130"), None),
                    },
                ),
            ),
        ],
    ),
    partnership(
        "Warm Homes Kent",
        DELIVERY,
        Status.ACTIVE,
        purpose="Insulate and retrofit the homes of low-income households to cut fuel poverty "
        "and carbon emissions.",
        rationale="Government retrofit grants are awarded to county-wide consortia only.",
        lead_organisation="Kent County Council",
        area="Kent",
        start_date=day(2022, 4, 1),
        end_date=day(2028, 3, 31),
        status_changed_at=at(2022, 3, 29),
        staff_fte=D("0.20"),
        staff_cost_per_year=D("8500.00"),
        external_funding=D("1200000.00"),
        external_funding_use="Warm Homes: Local Grant for homes in Gravesham.",
        service="Housing",
        lead="lead_officer_2",
        shares_personal_data=True,
        data_protection_notes="Joint controller agreement with Kent County Council; DPIA 2022.",
        climate_change_impact="Positive: about 2.1 tonnes of CO2 saved a year per home.",
        corporate_objectives=[GREENER, HOMES],
        partners=[
            kent_cc("Consortium lead and grant holder"),
            partner("Act on Energy", Sector.VOLUNTARY, "Energy advice to residents"),
            partner("Eon Next Energy Solutions", Sector.PRIVATE, "Installer under contract"),
        ],
        representatives=[rep("Tom Hughes", "Officer lead", day(2022, 4, 1))],
        risks=[
            risk(
                "Installers' poor workmanship damages homes",
                2,
                4,
                "TrustMark installers only; post-installation inspections.",
                "Private Sector Housing Manager",
            ),
        ],
        objectives=[
            objective(
                "Retrofit homes of low-income households",
                measure(
                    "Homes retrofitted in Gravesham",
                    "homes",
                    {
                        2023: (D("60"), D("48")),
                        2024: (D("90"), D("94")),
                        2025: (D("110"), D("102")),
                        2026: (D("120"), None),
                    },
                ),
            ),
        ],
    ),
    partnership(
        "Gravesham Rough Sleeping Initiative",
        DELIVERY,
        Status.ACTIVE,
        purpose="Outreach, accommodation and support to end rough sleeping in Gravesham.",
        rationale="Health, drug and alcohol and probation services hold most of the support "
        "a rough sleeper needs; the council holds the housing duty.",
        is_statutory=False,
        is_fundamental_to_objective=True,
        start_date=day(2018, 10, 1),
        end_date=day(2028, 3, 31),
        status_changed_at=at(2025, 4, 22),
        cash_per_year=D("18000.00"),
        staff_fte=D("1.00"),
        staff_cost_per_year=D("41000.00"),
        in_kind_per_year=D("6000.00"),
        in_kind_description="Two council flats used as assessment beds.",
        external_funding=D("180000.00"),
        external_funding_use="Rough Sleeping Prevention and Recovery Grant (MHCLG).",
        overall_budget=D("245000.00"),
        service="Housing",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="Information sharing agreement with Porchlight and Kent Police; "
        "consent recorded for every client.",
        safeguarding_impact="High: clients are often adults at risk. Multi-agency risk "
        "meetings weekly.",
        equalities_impact="Positive for disabled people and people with mental illness.",
        meeting_frequency=MeetingFrequency.MONTHLY,
        corporate_objectives=[HOMES, HEALTHY],
        partners=[
            partner("Porchlight", Sector.VOLUNTARY, "Outreach and tenancy sustainment", D("0.00")),
            kent_police("Neighbourhood policing team"),
            kent_icb("Mental health nurse for rough sleepers", D("45000.00")),
            partner("Forward Trust", Sector.VOLUNTARY, "Drug and alcohol support"),
        ],
        representatives=[
            rep("Cllr Harjit Sandhu", "Portfolio Holder oversight", day(2023, 5, 25), member=True),
            rep("Priya Sharma", "Operational lead", day(2022, 2, 1)),
        ],
        risks=[
            risk(
                "Government grant ends in March 2028",
                4,
                4,
                "Exit plan for each post; bid for successor funding.",
                "Head of Housing",
                escalated=True,
            ),
            risk(
                "Lack of move-on accommodation",
                4,
                3,
                "Private rented sector access scheme with deposit guarantees.",
                "Housing Options Manager",
            ),
        ],
        objectives=[
            objective(
                "End rough sleeping",
                measure(
                    "People sleeping rough on a single night (autumn count)",
                    "people",
                    {
                        2023: (D("8"), D("11")),
                        2024: (D("6"), D("7")),
                        2025: (D("5"), D("4")),
                        2026: (D("4"), None),
                    },
                ),
            ),
        ],
    ),
    partnership(
        "Gravesham Domestic Abuse One Stop Shop",
        DELIVERY,
        Status.ACTIVE,
        purpose="Weekly drop-in where victims of domestic abuse see advisers, police, housing "
        "and legal help in one place.",
        rationale="Victims need several agencies at once; a single place cuts repeat telling.",
        start_date=day(2014, 9, 1),
        status_changed_at=at(2024, 10, 7),
        cash_per_year=D("7500.00"),
        staff_cost_per_year=D("9000.00"),
        in_kind_per_year=D("2500.00"),
        in_kind_description="Room at the Civic Centre.",
        service="Community Safety",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="Consent-based sharing; records held by the domestic abuse "
        "service, not the council.",
        safeguarding_impact="High: children in the household are referred to Kent Children's "
        "Services when needed.",
        equalities_impact="Positive for women and for disabled victims; interpreters provided.",
        meeting_frequency=MeetingFrequency.MONTHLY,
        corporate_objectives=[SAFE],
        partners=[
            partner(
                "North Kent Domestic Abuse Consortium",
                Sector.VOLUNTARY,
                "Independent domestic violence advisers",
                D("32000.00"),
            ),
            kent_police("Domestic abuse officer at each session"),
            partner(
                "Citizens Advice in North and West Kent",
                Sector.VOLUNTARY,
                "Debt and benefits advice",
            ),
        ],
        representatives=[rep("Priya Sharma", "Steering group chair", day(2021, 9, 1))],
        risks=[
            risk(
                "Perpetrator finds the venue",
                2,
                5,
                "Venue not published; security on site during sessions.",
                "Community Safety Manager",
            ),
        ],
    ),
    partnership(
        "Gravesham Sports and Physical Activity Partnership",
        DELIVERY,
        Status.UNDER_REVIEW,
        purpose="Increase participation in sport and physical activity, especially among "
        "inactive adults and children in deprived wards.",
        rationale="Clubs, schools and the active partnership reach people the council cannot.",
        start_date=day(2017, 4, 1),
        status_changed_at=at(2026, 9, 15),
        status_reason="Annual review 2026/27: outcomes below target for two years.",
        cash_per_year=D("12000.00"),
        staff_cost_per_year=D("15000.00"),
        service="Leisure and Culture",
        lead="lead_officer_2",
        safeguarding_impact="Works with children: all coaches DBS checked; clubs hold Club "
        "Matters or equivalent safeguarding accreditation.",
        corporate_objectives=[HEALTHY],
        partners=[
            partner(
                "Active Kent and Medway",
                Sector.OTHER_PUBLIC,
                "County active partnership: funding bids",
            ),
            partner("North Kent College", Sector.EDUCATION, "Sports students as volunteers"),
            partner("Gravesham Sports Council", Sector.VOLUNTARY, "Local clubs"),
        ],
        representatives=[rep("Tom Hughes", "Officer lead", day(2024, 1, 8))],
        risks=[
            risk(
                "Participation targets missed again",
                4,
                2,
                "Review to refocus on two wards.",
                "Leisure and Culture Manager",
            ),
        ],
        objectives=[
            objective(
                "More children active every day",
                measure(
                    "Children taking part in the holiday activities programme",
                    "children",
                    {
                        2024: (D("1500"), D("1210")),
                        2025: (D("1500"), D("1330")),
                        2026: (D("1400"), None),
                    },
                ),
            ),
        ],
    ),
    partnership(
        "Gravesham Climate Change Partnership",
        STRATEGIC,
        Status.SUBMITTED,
        purpose="Bring public bodies, businesses and community groups together on the "
        "borough's route to net zero and on adapting to flooding and heat.",
        rationale="Most of the borough's emissions come from homes, transport and business, "
        "outside the council's control.",
        start_date=day(2027, 4, 1),
        status_changed_at=at(2026, 11, 3),
        cash_per_year=D("29999.98"),
        staff_fte=D("0.40"),
        staff_cost_per_year=D("15000.00"),
        in_kind_per_year=D("5000.01"),
        in_kind_description="Communications campaign and Civic Centre events space.",
        service="Environmental Services",
        lead="lead_officer",
        climate_change_impact="Positive: the partnership's whole purpose.",
        corporate_objectives=[GREENER],
        partners=[
            kent_cc("Kent Climate Change Network officer"),
            partner("Kent Wildlife Trust", Sector.VOLUNTARY, "Nature recovery advice"),
            partner("Gravesham Business Forum", Sector.PRIVATE, "Business engagement"),
        ],
        risks=[
            risk(
                "Partners sign up but take no action",
                3,
                2,
                "Each partner commits to one measurable pledge a year.",
                "Climate Change Officer",
            ),
        ],
    ),
    partnership(
        "Gravesend Town Centre Partnership",
        STRATEGIC,
        Status.IN_APPROVAL,
        purpose="Revive Gravesend town centre: events, a shop-front scheme, safer evenings "
        "and a plan for empty units.",
        rationale="Landlords, traders and the police must act with the council for the town "
        "centre to recover.",
        start_date=day(2027, 1, 1),
        status_changed_at=at(2026, 10, 20),
        cash_per_year=D("40000.00"),
        staff_fte=D("0.25"),
        staff_cost_per_year=D("10000.00"),
        in_kind_per_year=D("0.00"),
        external_funding=D("60000.00"),
        external_funding_use="UK Shared Prosperity Fund.",
        service="Planning and Regeneration",
        lead="lead_officer_2",
        member_involvement="Cabinet Member for Regeneration would chair the board.",
        corporate_objectives=[ECONOMY, SAFE],
        partners=[
            partner(
                "Gravesend Town Centre traders' association", Sector.PRIVATE, "Events and marketing"
            ),
            kent_police("Town centre policing team"),
            partner("St George's Shopping Centre", Sector.PRIVATE, "Landlord", D("15000.00")),
        ],
        representatives=[
            rep("Cllr Ruth Adeyemi", "Proposed chair", day(2027, 1, 1), member=True),
        ],
        risks=[
            risk(
                "Traders lose interest after the first year",
                3,
                3,
                "Yearly programme agreed with traders; quick wins first.",
                "Town Centre Manager",
            ),
        ],
    ),
    partnership(
        "Cyclopark Community Partnership",
        DELIVERY,
        Status.CONDITIONAL_SUPPORT,
        purpose="Keep Cyclopark open as a community cycling and fitness park with free "
        "sessions for schools and disabled riders.",
        rationale="The park is run by an independent trust; the council owns the land.",
        lead_organisation="The Cyclopark Trust",
        start_date=day(2026, 9, 1),
        status_changed_at=at(2026, 9, 1),
        status_reason=(
            "Conditional support for three months to 30 November 2026: the Trust must provide "
            "audited accounts and a three-year business plan before a formal decision."
        ),
        cash_per_year=D("20000.00"),
        in_kind_per_year=D("5000.00"),
        in_kind_description="Grounds maintenance of the car park.",
        service="Leisure and Culture",
        lead="lead_officer",
        safeguarding_impact="School sessions: Trust's safeguarding policy checked by the "
        "council's safeguarding lead.",
        equalities_impact="Positive for disabled riders (adapted bikes).",
        corporate_objectives=[HEALTHY],
        partners=[
            partner("The Cyclopark Trust", Sector.VOLUNTARY, "Runs the park"),
            partner("British Cycling", Sector.VOLUNTARY, "Coaching programmes"),
        ],
        risks=[
            risk(
                "The Trust becomes insolvent",
                3,
                4,
                "Conditional support until the accounts are seen; step-in rights in the lease.",
                "Leisure and Culture Manager",
                escalated=True,
            ),
        ],
    ),
    partnership(
        "Northfleet Big Local",
        COMMUNITY,
        Status.ACTIVE,
        purpose="Resident-led plan to spend £1m of National Lottery money on Northfleet: "
        "youth activities, the high street and green spaces.",
        rationale="The money is awarded to residents, not the council; the council supports.",
        lead_organisation="Northfleet Big Local partnership (residents)",
        area="Northfleet",
        start_date=day(2013, 6, 1),
        end_date=day(2027, 3, 31),
        status_changed_at=at(2023, 7, 12),
        cash_per_year=D("0.00"),
        staff_cost_per_year=D("0.00"),
        in_kind_per_year=D("5000.01"),
        in_kind_description="Community development officer time and use of Northfleet "
        "community hall.",
        external_funding=D("1000000.00"),
        external_funding_use="Local Trust (National Lottery Community Fund) over 10 years.",
        service="Communities",
        lead="lead_officer",
        equalities_impact="Positive: Northfleet has some of the borough's most deprived areas.",
        meeting_frequency=MeetingFrequency.MONTHLY,
        meeting_place="Northfleet community hall",
        corporate_objectives=[HEALTHY, ECONOMY],
        partners=[
            partner("Local Trust", Sector.VOLUNTARY, "Funder", D("100000.00")),
            partner("Northfleet residents' partnership", Sector.VOLUNTARY, "Decides spending"),
        ],
        representatives=[
            rep("Cllr Patrick Reilly", "Ward councillor (observer)", day(2023, 5, 25), member=True),
        ],
        risks=[
            risk(
                "Projects left without funding when Big Local ends in 2027",
                4,
                2,
                "Legacy plan: two projects move to the community trust.",
                "Community Development Manager",
            ),
        ],
    ),
    partnership(
        "Gravesham Community Food Network",
        COMMUNITY,
        Status.ACTIVE,
        purpose="Link food banks, community larders and cooking clubs so that no household "
        "goes hungry and surplus food is not wasted.",
        rationale="The food is given and distributed by voluntary groups.",
        start_date=day(2022, 11, 1),
        status_changed_at=at(2022, 11, 1),
        cash_per_year=D("0.00"),
        staff_cost_per_year=D("4000.00"),
        in_kind_per_year=D("5000.00"),
        in_kind_description="Warehouse space at the depot and van use.",
        service="Communities",
        lead="lead_officer_2",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.BIMONTHLY,
        corporate_objectives=[HEALTHY],
        partners=[
            partner("Gravesham Foodbank", Sector.VOLUNTARY, "Emergency food parcels"),
            partner("FareShare Sussex and Kent", Sector.VOLUNTARY, "Surplus food supply"),
            partner("Gravesham Community Larder", Sector.VOLUNTARY, "Low-cost food shop"),
        ],
        representatives=[rep("Tom Hughes", "Coordinator", day(2022, 11, 1))],
        risks=[
            risk(
                "Food safety incident at a partner's site",
                2,
                3,
                "Food hygiene advice visits by environmental health.",
                "Community Development Manager",
            ),
        ],
    ),
    partnership(
        "Gravesham Armed Forces Covenant Partnership",
        COMMUNITY,
        Status.ACTIVE,
        purpose="Make sure serving personnel, veterans and their families are not "
        "disadvantaged when using council services.",
        rationale="Veterans' charities and the Ministry of Defence hold the contacts and "
        "specialist help.",
        is_statutory=True,
        start_date=day(2012, 6, 25),
        status_changed_at=at(2023, 6, 25),
        staff_cost_per_year=D("2500.00"),
        service="Communities",
        lead="lead_officer",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.TWICE_YEARLY,
        corporate_objectives=[HOMES],
        partners=[
            partner("Royal British Legion", Sector.VOLUNTARY, "Veterans' welfare"),
            partner("SSAFA Kent", Sector.VOLUNTARY, "Casework for families"),
            partner("Ministry of Defence", Sector.OTHER_PUBLIC, "Covenant guidance"),
        ],
        representatives=[
            rep("Cllr Brian Kemp", "Armed Forces Champion", day(2019, 5, 23), member=True),
        ],
        risks=[
            risk(
                "Housing staff unaware of the covenant duty",
                2,
                2,
                "Yearly briefing for front-line staff.",
                "Housing Options Manager",
            ),
        ],
    ),
    partnership(
        "Rural Gravesham Villages Partnership",
        COMMUNITY,
        Status.SUBMITTED,
        purpose="Work with the parish councils of Meopham, Higham, Shorne, Cobham and "
        "Vigo on rural transport, village halls and speeding.",
        rationale="Parish councils and KCC highways hold most of the rural levers.",
        area="Rural parishes of Gravesham",
        start_date=day(2027, 4, 1),
        status_changed_at=at(2026, 11, 10),
        staff_cost_per_year=D("7000.00"),
        in_kind_per_year=D("1000.00"),
        in_kind_description="Meeting rooms.",
        service="Communities",
        lead="lead_officer_2",
        governance_in_place=LIGHT_GOVERNANCE,
        corporate_objectives=[SAFE, HEALTHY],
        partners=[
            partner("Meopham Parish Council", Sector.LOCAL_GOVERNMENT, "Parish lead"),
            partner("Higham Parish Council", Sector.LOCAL_GOVERNMENT, "Parish lead"),
            partner("Shorne Parish Council", Sector.LOCAL_GOVERNMENT, "Parish lead"),
            kent_cc("Highways and community transport"),
        ],
        risks=[
            risk(
                "Parishes expect council funding that is not budgeted",
                3,
                2,
                "Terms of reference say the partnership has no budget.",
                "Head of Communities",
            ),
        ],
    ),
    partnership(
        "Gravesend Riverside Festival Partnership",
        COMMUNITY,
        Status.CONDITIONAL_SUPPORT,
        purpose="A yearly riverside festival on the Gravesend waterfront with community "
        "groups, heritage vessels and local food.",
        rationale="The festival is organised by volunteers; the council provides the site.",
        start_date=day(2026, 10, 15),
        status_changed_at=at(2026, 10, 15),
        status_reason=(
            "Conditional support until 15 January 2027: the organisers must show public "
            "liability insurance and an event management plan."
        ),
        cash_per_year=D("4000.00"),
        in_kind_per_year=D("4999.99"),
        in_kind_description="Use of the Riverside Leisure Area, barriers and cleansing.",
        service="Leisure and Culture",
        lead="lead_officer",
        corporate_objectives=[ECONOMY],
        partners=[
            partner("Gravesend Riverside Festival Committee", Sector.VOLUNTARY, "Organisers"),
            partner("Port of London Authority", Sector.OTHER_PUBLIC, "River safety"),
        ],
        risks=[
            risk(
                "Crowd safety incident on the waterfront",
                2,
                5,
                "Safety Advisory Group review of the event plan.",
                "Events Manager",
            ),
        ],
    ),
    # --- Declined, withdrawing, ended and disposal review -------------------------------
    partnership(
        "Gravesend Regatta sponsorship by BetRiver",
        DELIVERY,
        Status.DECLINED,
        purpose="Proposed three-year headline sponsorship of the Gravesend Regatta by an "
        "online betting company.",
        rationale="Would have covered the regatta's costs.",
        start_date=day(2026, 6, 1),
        status_changed_at=at(2026, 3, 12),
        status_reason=(
            "Declined: the sponsor promotes gambling, which the partnership policy rules out. "
            "Recommendation recorded: seek local business sponsors instead."
        ),
        cash_per_year=D("0.00"),
        staff_cost_per_year=D("1500.00"),
        service="Leisure and Culture",
        lead="lead_officer_2",
        corporate_objectives=[ECONOMY],
        partners=[partner("BetRiver Ltd", Sector.PRIVATE, "Sponsorship", D("25000.00"))],
        risks=[
            risk(
                "Reputational harm from gambling advertising at a family event",
                4,
                4,
                "Proposal declined.",
                "Leisure and Culture Manager",
            ),
        ],
    ),
    partnership(
        "Northfleet Embankment Community Trust",
        COMMUNITY,
        Status.DECLINED,
        purpose="A developer-funded trust to run community facilities on the Northfleet "
        "Embankment development.",
        rationale="The developer offered an endowment.",
        area="Northfleet Embankment",
        start_date=day(2026, 4, 1),
        status_changed_at=at(2025, 12, 9),
        status_reason=(
            "Declined: the developer's funding was conditional on the council supporting its "
            "pending planning application, which would compromise the council's independence."
        ),
        staff_cost_per_year=D("3000.00"),
        service="Planning and Regeneration",
        lead="lead_officer_2",
        legal_status=LegalStatus.CHARITY,
        corporate_objectives=[ECONOMY],
        partners=[
            partner(
                "Thameside Estates (Northfleet) Ltd",
                Sector.PRIVATE,
                "Proposed endowment",
                D("80000.00"),
            ),
        ],
        risks=[
            risk(
                "Perception that planning decisions can be bought",
                4,
                5,
                "Declined; Monitoring Officer advice recorded.",
                "Monitoring Officer",
            ),
        ],
    ),
    partnership(
        "North Kent Fly-tipping Enforcement Partnership",
        DELIVERY,
        Status.WITHDRAWING,
        purpose="A shared contractor issuing fixed penalty notices for fly-tipping and "
        "littering across Dartford and Gravesham.",
        rationale="A shared contract was cheaper than each borough's own enforcement team.",
        lead_organisation="Dartford Borough Council",
        area="Dartford and Gravesham",
        start_date=day(2021, 4, 1),
        end_date=day(2027, 3, 31),
        status_changed_at=at(2026, 10, 1),
        status_reason=(
            "Withdrawing: Cabinet decided on 29 September 2026 to bring enforcement in-house "
            "from April 2027. Six months' notice given to Dartford on 1 October 2026."
        ),
        cash_per_year=D("30000.00"),
        staff_cost_per_year=D("5000.00"),
        service="Environmental Services",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="Contractor is a data processor; records return to the council "
        "on exit.",
        corporate_objectives=[SAFE],
        partners=[
            council(
                "Dartford Borough Council", "Lead authority and contract manager", D("30000.00")
            ),
            partner("Kingdom Local Authority Support", Sector.PRIVATE, "Enforcement contractor"),
        ],
        representatives=[rep("Gemma Clarke", "Contract board", day(2021, 4, 1))],
        risks=[
            risk(
                "Gap in enforcement between contract end and the in-house team",
                3,
                3,
                "Recruitment starts January 2027.",
                "Head of Environmental Services",
            ),
        ],
    ),
    partnership(
        "Gravesend Heritage Action Zone",
        DELIVERY,
        Status.ENDED,
        purpose="Restore historic shop fronts and buildings in Gravesend's conservation area "
        "with Historic England.",
        rationale="Historic England funding required a local partnership scheme.",
        start_date=day(2020, 4, 1),
        end_date=day(2024, 3, 31),
        status_changed_at=at(2024, 4, 2),
        status_reason=(
            "Ended on 31 March 2024 when the Historic England programme closed; 23 buildings "
            "restored. Cessation evaluation completed in May 2024."
        ),
        cash_per_year=D("50000.00"),
        staff_cost_per_year=D("0.00"),
        in_kind_per_year=D("0.00"),
        external_funding=D("1300000.00"),
        external_funding_use="Historic England grant.",
        service="Planning and Regeneration",
        lead="lead_officer_2",
        corporate_objectives=[ECONOMY],
        partners=[
            partner("Historic England", Sector.OTHER_PUBLIC, "Funder and advisers", D("325000.00")),
            kent_cc("Heritage conservation advice"),
        ],
        risks=[
            risk("Match funding not found", 2, 3, "Closed.", "Head of Planning and Regeneration"),
        ],
        objectives=[
            objective(
                "Restore historic buildings",
                measure(
                    "Buildings restored",
                    "buildings",
                    {2021: (D("5"), D("4")), 2022: (D("8"), D("9")), 2023: (D("10"), D("10"))},
                ),
            ),
        ],
    ),
    partnership(
        "Gravesham Credit Union Partnership",
        DELIVERY,
        Status.DISPOSAL_REVIEW,
        purpose="Promote affordable loans and savings through a local credit union.",
        rationale="The credit union holds the regulated financial services.",
        start_date=day(2015, 4, 1),
        end_date=day(2022, 3, 31),
        status_changed_at=at(2025, 4, 1),
        status_reason=(
            "Ended 31 March 2022 when the credit union merged; records kept 36 months and now "
            "due for disposal review."
        ),
        cash_per_year=D("5000.00"),
        service="Finance",
        lead="lead_officer",
        corporate_objectives=[RECOVERY],
        partners=[partner("Kent Savers Credit Union", Sector.VOLUNTARY, "Loans and savings")],
        risks=[risk("Credit union failure", 2, 3, "Closed.", "Section 151 Officer")],
    ),
    partnership(
        "Gravesham Landlords' Forum",
        NETWORK,
        Status.DISPOSAL_REVIEW,
        purpose="Twice-yearly forum for private landlords on standards and licensing.",
        rationale="Reaches landlords who do not otherwise deal with the council.",
        start_date=day(2010, 1, 1),
        end_date=day(2023, 3, 31),
        status_changed_at=at(2026, 4, 1),
        status_reason=(
            "Ended 31 March 2023, replaced by the Kent-wide landlord accreditation scheme. "
            "Retention period of 36 months passed on 31 March 2026."
        ),
        staff_cost_per_year=D("2000.00"),
        service="Housing",
        lead="lead_officer_2",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.TWICE_YEARLY,
        corporate_objectives=[HOMES],
        partners=[
            partner(
                "National Residential Landlords Association",
                Sector.PRIVATE,
                "Speakers and publicity",
            )
        ],
        risks=[risk("Poor attendance", 3, 1, "Closed.", "Private Sector Housing Manager")],
    ),
    # --- Shared services -----------------------------------------------------------------
    shared_service(
        "North Kent Shared Audit Service",
        FULL,
        Status.ACTIVE,
        purpose="One internal audit and counter-fraud team serving Gravesham and Medway, "
        "hosted by Medway Council.",
        rationale="A single team gives resilience, specialist IT audit skills and a "
        "cheaper chief auditor.",
        lead_organisation="Medway Council (host)",
        area="Gravesham and Medway",
        start_date=day(2016, 4, 1),
        status_changed_at=at(2025, 7, 8),
        cash_per_year=D("142000.00"),
        staff_fte=D("0.00"),
        staff_cost_per_year=D("0.00"),
        in_kind_per_year=D("0.00"),
        overall_budget=D("690000.00"),
        service="Finance",
        lead="lead_officer",
        member_involvement="Finance and Audit Committee receives the yearly audit opinion.",
        shares_personal_data=True,
        data_protection_notes="Each council stays controller of its data; the shared team "
        "works under a data sharing agreement. DPIA 2016, reviewed 2024.",
        corporate_objectives=[WELL_RUN],
        is_fundamental_to_objective=False,
        partners=[council("Medway Council", "Host authority: employs the team", D("548000.00"))],
        representatives=[
            rep("Sarah Whitfield", "Shared service board", day(2020, 11, 2)),
            rep(
                "Cllr Brian Kemp",
                "Chair, Finance and Audit Committee",
                day(2023, 5, 25),
                member=True,
            ),
        ],
        risks=[
            risk(
                "Audit plan not delivered because of vacancies",
                3,
                3,
                "Agency auditors framework; plan reprioritised at half year.",
                "Chief Internal Auditor",
            ),
            risk(
                "Conflict between the two councils' priorities",
                2,
                2,
                "Days split fixed in the agreement.",
                "Section 151 Officer",
            ),
        ],
        objectives=[
            objective(
                "Deliver the audit plan",
                measure(
                    "Audit plan delivered by year end",
                    "%",
                    {
                        2023: (D("90"), D("86")),
                        2024: (D("90"), D("92")),
                        2025: (D("90"), D("91")),
                        2026: (D("90"), None),
                    },
                ),
            ),
        ],
    ),
    shared_service(
        "Medway and Gravesham Shared Legal Service",
        FULL,
        Status.ACTIVE,
        purpose="Shared legal service for both councils (litigation, property, planning, "
        "governance), hosted by Medway Council.",
        rationale="A larger team can recruit and keep specialist lawyers and cut external "
        "legal spend.",
        lead_organisation="Medway Council (host)",
        area="Gravesham and Medway",
        start_date=day(2012, 10, 1),
        status_changed_at=at(2025, 10, 14),
        cash_per_year=D("385000.00"),
        overall_budget=D("2600000.00"),
        service="Legal and Democratic Services",
        lead="lead_officer_2",
        member_involvement="Leader and Portfolio Holder for Corporate Services.",
        shares_personal_data=True,
        data_protection_notes="Legal professional privilege; case files held in each council's "
        "own document system.",
        is_fundamental_to_objective=True,
        corporate_objectives=[WELL_RUN],
        partners=[council("Medway Council", "Host authority", D("2215000.00"))],
        representatives=[
            rep("Richard Ellis", "Client officer (Monitoring Officer)", day(2019, 3, 1)),
        ],
        risks=[
            risk(
                "Host's priorities crowd out Gravesham work",
                2,
                3,
                "Service level agreement with hours tracked monthly.",
                "Monitoring Officer",
            ),
            risk(
                "Loss of key planning lawyer",
                3,
                4,
                "Two lawyers cross-trained; framework of external counsel.",
                "Head of Legal (Shared Service)",
                escalated=True,
            ),
        ],
    ),
    shared_service(
        "STG Building Control Partnership",
        FULL,
        Status.UNDER_REVIEW,
        purpose="One building control service for Sevenoaks, Tonbridge and Malling and Gravesham.",
        rationale="Building control is a fee-earning service in competition with approved "
        "inspectors; scale keeps it viable.",
        legal_status=LegalStatus.JOINT_COMMITTEE,
        lead_organisation="Sevenoaks District Council (host)",
        area="Sevenoaks, Tonbridge and Malling, Gravesham",
        start_date=day(2016, 4, 1),
        status_changed_at=at(2026, 6, 2),
        status_reason="Annual shared service review 2026 (year 3+ focused template) under way.",
        cash_per_year=D("55000.00"),
        staff_cost_per_year=D("0.00"),
        service="Planning and Regeneration",
        lead="lead_officer",
        corporate_objectives=[SAFE, WELL_RUN],
        partners=[
            council("Sevenoaks District Council", "Host authority", D("180000.00")),
            council("Tonbridge and Malling Borough Council", "Partner authority", D("90000.00")),
        ],
        representatives=[rep("Daniel Okafor", "Joint committee officer", day(2021, 2, 1))],
        risks=[
            risk(
                "Building Safety Regulator registration of inspectors not achieved",
                3,
                5,
                "Training and competence plan; escalated in 2024.",
                "Head of Building Control",
                escalated=True,
            ),
        ],
        objectives=[
            objective(
                "Decide applications on time",
                measure(
                    "Full plans decided within five weeks",
                    "%",
                    {2024: (D("90"), D("84")), 2025: (D("90"), D("88")), 2026: (D("90"), None)},
                ),
            ),
        ],
    ),
    shared_service(
        "Dartford and Gravesham Shared CCTV Control Room",
        FULL,
        Status.IN_APPROVAL,
        purpose="One CCTV monitoring centre for both boroughs, hosted by Gravesham.",
        rationale="Both control rooms need new equipment; one shared room saves £90,000 a "
        "year between the councils.",
        area="Dartford and Gravesham",
        start_date=day(2027, 4, 1),
        status_changed_at=at(2026, 11, 5),
        cash_per_year=D("60000.00"),
        staff_fte=D("4.00"),
        staff_cost_per_year=D("128000.00"),
        service="Community Safety",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="CCTV code of practice; joint controller agreement; DPIA drafted.",
        corporate_objectives=[SAFE],
        partners=[council("Dartford Borough Council", "Partner authority", D("150000.00"))],
        representatives=[rep("Priya Sharma", "Project lead", day(2026, 4, 1))],
        risks=[
            risk(
                "TUPE transfer of Dartford operators delayed",
                3,
                3,
                "HR consultation timetable agreed with unions.",
                "Community Safety Manager",
            ),
        ],
    ),
    shared_service(
        "Shared Revenues and Benefits Service with Dartford",
        FULL,
        Status.DECLINED,
        purpose="Proposed single revenues and benefits team with Dartford Borough Council.",
        rationale="Expected savings from one IT system and one management team.",
        area="Dartford and Gravesham",
        start_date=day(2026, 4, 1),
        status_changed_at=at(2025, 11, 18),
        status_reason=(
            "Declined by Cabinet on 17 November 2025: the business case showed savings of "
            "under 2% over three years, not enough to justify the transition risk."
        ),
        cash_per_year=D("0.00"),
        staff_cost_per_year=D("12000.00"),
        service="Finance",
        lead="lead_officer",
        corporate_objectives=[WELL_RUN],
        partners=[council("Dartford Borough Council", "Proposed host")],
        risks=[
            risk(
                "Service disruption during migration to one system",
                4,
                4,
                "Not pursued.",
                "Section 151 Officer",
            ),
        ],
    ),
    shared_service(
        "Joint Head of Environmental Health and Licensing",
        JOINT_MANAGEMENT,
        Status.ACTIVE,
        purpose="One head of environmental health and licensing managing both councils' teams.",
        rationale="Saves one senior post and aligns enforcement policy across the boundary.",
        lead_organisation=COUNCIL + " (employer)",
        area="Dartford and Gravesham",
        start_date=day(2019, 9, 1),
        status_changed_at=at(2024, 9, 3),
        cash_per_year=D("0.00"),
        staff_fte=D("0.50"),
        staff_cost_per_year=D("42000.00"),
        in_kind_per_year=D("0.00"),
        service="Environmental Health and Licensing",
        lead="lead_officer_2",
        corporate_objectives=[SAFE, HEALTHY],
        partners=[council("Dartford Borough Council", "Pays half the post", D("42000.00"))],
        representatives=[rep("Daniel Okafor", "Line manager", day(2019, 9, 1))],
        risks=[
            risk(
                "Postholder overstretched during an outbreak in both boroughs",
                3,
                3,
                "Deputy in each council; mutual aid protocol.",
                "Director (Environment and Operations)",
            ),
        ],
    ),
    shared_service(
        "Joint Management of Parking Services",
        JOINT_MANAGEMENT,
        Status.SUBMITTED,
        purpose="A joint parking services manager for Dartford and Gravesham, with one "
        "penalty notice processing team.",
        rationale="Both councils use the same processing system; one team removes duplication.",
        lead_organisation="Dartford Borough Council (employer)",
        area="Dartford and Gravesham",
        start_date=day(2027, 4, 1),
        status_changed_at=at(2026, 11, 12),
        staff_fte=D("1.50"),
        staff_cost_per_year=D("50000.00"),
        cash_per_year=D("0.00"),
        in_kind_per_year=D("0.00"),
        service="Environmental Services",
        lead="lead_officer_2",
        shares_personal_data=True,
        data_protection_notes="Keeper details from DVLA processed by the joint team; DPIA "
        "in draft.",
        corporate_objectives=[WELL_RUN],
        partners=[council("Dartford Borough Council", "Would employ the joint manager")],
        risks=[
            risk(
                "Penalty notice income falls during the change",
                2,
                3,
                "Phased transfer after the summer peak.",
                "Parking Services Manager",
            ),
        ],
    ),
    shared_service(
        "Shared Director of Housing with Swale",
        JOINT_MANAGEMENT,
        Status.ENDED,
        purpose="A director of housing shared with Swale Borough Council.",
        rationale="Saved half a director's salary at each council.",
        lead_organisation="Swale Borough Council (employer)",
        area="Gravesham and Swale",
        start_date=day(2021, 1, 4),
        end_date=day(2025, 6, 30),
        status_changed_at=at(2025, 7, 1),
        status_reason=(
            "Ended 30 June 2025 when the postholder retired; each council appointed its own "
            "head of housing. Cessation evaluation reported to Cabinet Committee in "
            "September 2025."
        ),
        staff_fte=D("0.50"),
        staff_cost_per_year=D("55000.00"),
        service="Housing",
        lead="lead_officer",
        corporate_objectives=[HOMES],
        partners=[council("Swale Borough Council", "Employer", D("55000.00"))],
        risks=[risk("Director's time split unevenly", 2, 2, "Closed.", "Chief Executive")],
    ),
    shared_service(
        "Joint Emergency Planning Officer",
        JOINT_OFFICER,
        Status.ACTIVE,
        purpose="An emergency planning officer shared with Dartford Borough Council.",
        rationale="Neither council needs a full-time post; sharing gives better cover.",
        lead_organisation=COUNCIL + " (employer)",
        area="Dartford and Gravesham",
        start_date=day(2020, 6, 1),
        status_changed_at=at(2023, 5, 30),
        staff_fte=D("0.50"),
        staff_cost_per_year=D("24000.00"),
        service="Emergency Planning and Resilience",
        lead="lead_officer_2",
        corporate_objectives=[SAFE],
        partners=[council("Dartford Borough Council", "Pays half the post", D("24000.00"))],
        representatives=[rep("Tom Hughes", "Joint Emergency Planning Officer", day(2020, 6, 1))],
        risks=[
            risk(
                "Emergency in both boroughs at once",
                2,
                4,
                "Kent Resilience Team provides cover.",
                "Emergency Planning Officer",
            ),
        ],
    ),
    shared_service(
        "Joint Data Protection Officer",
        JOINT_OFFICER,
        Status.WITHDRAWING,
        purpose="A data protection officer shared with Tonbridge and Malling Borough Council.",
        rationale="Both councils needed a statutory DPO (UK GDPR Article 37).",
        lead_organisation="Tonbridge and Malling Borough Council (employer)",
        area="Gravesham and Tonbridge and Malling",
        start_date=day(2018, 5, 25),
        end_date=day(2027, 3, 31),
        status_changed_at=at(2026, 9, 30),
        status_reason=(
            "Withdrawing: the council will appoint its own DPO from 1 April 2027 after the "
            "volume of subject access requests doubled. Notice given 30 September 2026."
        ),
        staff_fte=D("0.40"),
        staff_cost_per_year=D("21000.00"),
        service="Legal and Democratic Services",
        lead="lead_officer",
        shares_personal_data=True,
        data_protection_notes="The DPO sees personal data of both councils under a written "
        "confidentiality agreement.",
        is_statutory=True,
        corporate_objectives=[WELL_RUN],
        partners=[council("Tonbridge and Malling Borough Council", "Employer", D("31000.00"))],
        risks=[
            risk(
                "No DPO cover between the end of the arrangement and the new appointment",
                3,
                4,
                "Recruitment from January 2027; interim cover agreed.",
                "Monitoring Officer",
                escalated=True,
            ),
        ],
    ),
    shared_service(
        "Joint Tree and Landscape Officer",
        JOINT_OFFICER,
        Status.CONDITIONAL_SUPPORT,
        purpose="An arboriculturist shared with Dartford Borough Council for tree "
        "preservation orders and planning advice.",
        rationale="Neither council can recruit a full-time arboriculturist alone.",
        area="Dartford and Gravesham",
        start_date=day(2026, 10, 1),
        status_changed_at=at(2026, 10, 1),
        status_reason=(
            "Conditional support for three months while the two councils agree how the "
            "officer's time is split."
        ),
        staff_fte=D("0.50"),
        staff_cost_per_year=D("21500.00"),
        service="Planning and Regeneration",
        lead="lead_officer_2",
        corporate_objectives=[GREENER],
        partners=[council("Dartford Borough Council", "Employer", D("21500.00"))],
        risks=[
            risk(
                "Tree preservation order appeals missed",
                2,
                3,
                "Shared case tracker.",
                "Development Management Manager",
            ),
        ],
    ),
    shared_service(
        "Kent Councils' Mutual Aid for Elections",
        AD_HOC,
        Status.ACTIVE,
        purpose="Kent councils lend each other count staff and electoral services officers "
        "at short notice for elections and by-elections.",
        rationale="A snap general election or by-election can exceed one council's staff.",
        legal_status=LegalStatus.MEMORANDUM,
        area="Kent",
        start_date=day(2017, 5, 1),
        status_changed_at=at(2024, 5, 2),
        staff_cost_per_year=D("0.00"),
        service="Legal and Democratic Services",
        lead="lead_officer",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.AS_NEEDED,
        meeting_place="Online",
        exit_strategy="Any council may leave the memorandum by letter.",
        corporate_objectives=[WELL_RUN],
        partners=[
            council("Dartford Borough Council", "Count staff"),
            council("Sevenoaks District Council", "Count staff"),
            council("Medway Council", "Electoral services officers"),
        ],
        risks=[
            risk(
                "No staff available when all councils have elections on one day",
                3,
                3,
                "Aid only for unscheduled polls.",
                "Democratic Services Manager",
            ),
        ],
    ),
    shared_service(
        "Avian Influenza Outbreak Mutual Aid",
        AD_HOC,
        Status.ENDED,
        purpose="Environmental health officers lent to Swale Borough Council during the "
        "2025 avian influenza outbreak on the Isle of Sheppey.",
        rationale="Swale needed animal health inspectors at short notice.",
        area="Swale",
        start_date=day(2025, 1, 13),
        end_date=day(2025, 3, 28),
        status_changed_at=at(2025, 3, 31),
        status_reason="Ended 28 March 2025 when the protection zone was lifted; costs "
        "recharged to Swale.",
        staff_fte=D("1.00"),
        staff_cost_per_year=D("9500.00"),
        service="Environmental Health and Licensing",
        lead="lead_officer_2",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.WEEKLY,
        exit_strategy="Officers return on two days' notice.",
        corporate_objectives=[HEALTHY],
        partners=[council("Swale Borough Council", "Receiving council; pays the recharge")],
        risks=[
            risk(
                "Gravesham inspections fall behind", 3, 2, "Closed.", "Environmental Health Manager"
            )
        ],
    ),
    shared_service(
        "Planning Application Backlog Support",
        AD_HOC,
        Status.DISPOSAL_REVIEW,
        purpose="Dartford planning officers helped clear Gravesham's backlog of householder "
        "applications.",
        rationale="A sudden vacancy left applications undecided past their deadline.",
        area="Gravesham",
        start_date=day(2022, 1, 10),
        end_date=day(2022, 7, 29),
        status_changed_at=at(2025, 7, 30),
        status_reason="Ended 29 July 2022; records kept 36 months and now due for disposal review.",
        cash_per_year=D("18000.00"),
        service="Planning and Regeneration",
        lead="lead_officer",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.WEEKLY,
        exit_strategy="Ends when the backlog is cleared.",
        corporate_objectives=[WELL_RUN],
        partners=[council("Dartford Borough Council", "Planning officers", D("0.00"))],
        risks=[risk("Inconsistent decisions", 2, 2, "Closed.", "Development Management Manager")],
    ),
    shared_service(
        "COVID-19 Business Grants Resilience Team",
        AD_HOC,
        Status.DISPOSAL_REVIEW,
        purpose="Finance staff from Dartford and Gravesham processed each other's COVID-19 "
        "business grant applications during peaks.",
        rationale="Grant volumes in 2020-21 far exceeded either council's team.",
        area="Dartford and Gravesham",
        start_date=day(2020, 4, 6),
        end_date=day(2021, 9, 30),
        status_changed_at=at(2024, 10, 1),
        status_reason="Ended 30 September 2021 when the grant schemes closed; retention "
        "period ended, due for disposal review.",
        staff_fte=D("2.00"),
        staff_cost_per_year=D("62000.00"),
        service="Finance",
        lead="lead_officer_2",
        shares_personal_data=True,
        data_protection_notes="Grant applications shared under government data sharing "
        "guidance; fraud checks via Spotlight.",
        governance_in_place=LIGHT_GOVERNANCE,
        meeting_frequency=MeetingFrequency.WEEKLY,
        exit_strategy="Ends when the grant schemes close.",
        corporate_objectives=[RECOVERY],
        partners=[council("Dartford Borough Council", "Finance officers")],
        risks=[
            risk(
                "Fraudulent grant claims",
                4,
                4,
                "Pre-payment checks; post-payment assurance.",
                "Section 151 Officer",
            )
        ],
    ),
    # --- A complete draft, ready to take through approval in the browser ----------------
    partnership(
        "Dementia Friendly Gravesham",
        COMMUNITY,
        Status.DRAFT,
        purpose="Make shops, services and transport in the borough dementia friendly, with "
        "training for front-line staff and a memory cafe in each town.",
        rationale="Carers' charities, the NHS and businesses reach people the council does "
        "not; none can do it alone.",
        start_date=day(2027, 4, 1),
        cash_per_year=D("8000.00"),
        staff_fte=D("0.10"),
        staff_cost_per_year=D("4000.00"),
        in_kind_per_year=D("0.00"),
        service="Communities",
        lead="lead_officer",
        shares_personal_data=False,
        corporate_objectives=[HEALTHY],
        partners=[
            partner("Alzheimer's Society", Sector.VOLUNTARY, "Dementia Friends training"),
            kent_icb("Memory assessment service and GP practice champions"),
        ],
        risks=[
            risk(
                "Volunteers for the memory cafes cannot be found",
                2,
                3,
                "Recruit through the Volunteer Centre and faith groups before launch.",
                "Community Development Manager",
            ),
        ],
    ),
    # --- Drafts: recorded recently, answers still missing --------------------------------
    draft(
        "Gravesham Youth Forum",
        Kind.PARTNERSHIP,
        type=COMMUNITY,
        purpose="Give young people aged 11 to 19 a say in council decisions that affect them.",
        service="Communities",
        lead="lead_officer",
        corporate_objectives=[HEALTHY],
        partners=[partner("Gravesham Youth Council", Sector.VOLUNTARY, "Young members")],
    ),
    draft(
        "Kent Climate Change Network",
        Kind.PARTNERSHIP,
        type=NETWORK,
        purpose="Officer network of Kent councils sharing practice on net zero plans.",
        rationale="Shared tools and data for carbon reporting.",
        service="Environmental Services",
        lead="lead_officer_2",
        is_statutory=False,
        staff_cost_per_year=D("1000.00"),
    ),
    draft(
        "Lower Thames Crossing Community Fund Partnership",
        Kind.PARTNERSHIP,
        type=DELIVERY,
        purpose="Decide with National Highways how the Lower Thames Crossing community fund "
        "is spent in Gravesham.",
        rationale="The fund is held by National Highways.",
        is_statutory=False,
        legal_status=LegalStatus.AGREEMENT,
        lead_organisation="National Highways",
        area="Gravesham and Thurrock",
        start_date=day(2027, 6, 1),
        external_funding=D("2500000.00"),
        service="Planning and Regeneration",
        lead="lead_officer_2",
        corporate_objectives=[ECONOMY, GREENER],
        partners=[
            partner("National Highways", Sector.OTHER_PUBLIC, "Holds the community fund"),
            partner("Thurrock Council", Sector.LOCAL_GOVERNMENT, "Neighbouring authority"),
        ],
    ),
    draft(
        "North Kent Shared Procurement Service",
        Kind.SHARED_SERVICE,
        type=FULL,
        purpose="A shared procurement team for Dartford, Gravesham and Swale to meet the "
        "Procurement Act 2023.",
        service="Finance",
        lead="lead_officer_2",
        cash_per_year=D("35000.00"),
    ),
    draft(
        "Shared Payroll Service",
        Kind.SHARED_SERVICE,
        purpose="Looking at sharing payroll with a neighbouring council.",
        service="Corporate Services",
        lead="lead_officer",
    ),
]
