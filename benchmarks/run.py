#!/usr/bin/env python
"""Two figures from one run, each ours against what we would get without the portal's code.

* register-list-vs-admin: our register list page against Django admin's changelist, on
  5,000 arrangements.
* reviews-page-vs-admin: the register owner's reviews page against Django admin's changelist
  of reviews, the same open reviews, among a year of considered ones for every arrangement.
* pdf-evaluation-vs-bare: exporting a fully filled Gravesham Partnership Evaluation as a PDF
  through the portal, against WeasyPrint alone turning the same HTML into a PDF.
* published-register-vs-static: the public page of a 5,000-entry edition against a static
  file of the same bytes served by the same server.
* open-data-csv-vs-bare: the edition's register.csv, streamed, against a bare csv.writer
  over the same rows.
* import-5000-vs-bare: bringing in a council's register of 5,000 rows (the dry run, then the
  import) against a bare loop of full_clean() and save() of the same rows.

Run from the project folder: `.venv/bin/python benchmarks/run.py` (or `make bench`).
It builds a throwaway SQLite database in a temporary folder, so it never touches yours.
The last six lines are the results, e.g.

    register-list-vs-admin: ratio=0.83 ours_ms=41.0 baseline_ms=49.5
    reviews-page-vs-admin: ratio=0.90 ours_ms=60.0 baseline_ms=66.0
    pdf-evaluation-vs-bare: ratio=1.05 ours_ms=420.0 baseline_ms=400.0
    published-register-vs-static: ratio=1.26 ours_ms=5.2 baseline_ms=4.2
    open-data-csv-vs-bare: ratio=1.15 ours_ms=56.8 baseline_ms=49.3
    import-5000-vs-bare: ratio=0.74 ours_ms=58234.3 baseline_ms=78740.6

ratio = our median / the baseline's median. See README.md.
"""

import argparse
import datetime
import gc
import os
import re
import resource
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCH = "safety"  # in the names of 2 of the 16 kinds of arrangement below
STATUS = "active"
REFERENCE = re.compile(r"PA-\d{4}-\d{4}")

SERVICES = [
    "Communities",
    "Community Safety",
    "Corporate Services",
    "Emergency Planning",
    "Environmental Health",
    "Environmental Services",
    "Finance",
    "Housing",
    "Leisure and Culture",
    "Legal Services",
    "Planning",
    "Regeneration",
]
PLACES = [
    "Gravesend",
    "Northfleet",
    "Meopham",
    "Higham",
    "Shorne",
    "Cobham",
    "Istead Rise",
    "Vigo",
    "Singlewell",
    "Riverview Park",
    "Painters Ash",
    "Coldharbour",
    "Westcourt",
    "Chalk",
    "Denton",
    "Rosherville",
    "Perry Street",
    "Kings Farm",
    "Woodlands",
    "Whitehill",
    "Pelham",
    "Central Gravesend",
    "Ebbsfleet",
    "Thong",
    "Luddesdown",
]
# (name, kind, type)
TOPICS = [
    ("Community Safety Partnership", "partnership", "strategic"),
    ("Health and Wellbeing Board", "partnership", "strategic"),
    ("Youth Forum", "partnership", "community"),
    ("Food Network", "partnership", "community"),
    ("Road Safety Group", "partnership", "delivery"),
    ("Town Centre Partnership", "partnership", "delivery"),
    ("Housing Forum", "partnership", "network_forum"),
    ("Faith and Cohesion Forum", "partnership", "network_forum"),
    ("Shared Audit Service", "shared_service", "full_shared_service"),
    ("Shared Legal Service", "shared_service", "full_shared_service"),
    ("Joint Licensing Management", "shared_service", "joint_management"),
    ("Joint Parking Management", "shared_service", "joint_management"),
    ("Joint Emergency Planning Officer", "shared_service", "joint_officer"),
    ("Joint Tree Officer", "shared_service", "joint_officer"),
    ("Elections Mutual Aid", "shared_service", "ad_hoc_resilience"),
    ("Planning Backlog Support", "shared_service", "ad_hoc_resilience"),
]
# Half of the register is active, as in a real one.
STATUSES = [
    "active",
    "draft",
    "active",
    "submitted",
    "active",
    "in_approval",
    "active",
    "under_review",
    "active",
    "ended",
    "active",
    "declined",
    "active",
    "withdrawing",
    "conditional_support",
    "disposal_review",
]
PARTNERS = [
    ("Kent Police", "police_fire"),
    ("Kent County Council", "local_government"),
    ("Dartford Borough Council", "local_government"),
    ("Medway Council", "local_government"),
    ("NHS Kent and Medway ICB", "health"),
    ("Porchlight", "voluntary"),
    ("North Kent College", "education"),
    ("Kent Fire and Rescue Service", "police_fire"),
    ("Environment Agency", "other_public"),
    ("Citizens Advice North and West Kent", "voluntary"),
    ("Swale Borough Council", "local_government"),
    ("Clarion Housing", "voluntary"),
]


def configure(database_path):
    """Settings for the run: the base settings on a throwaway database, DEBUG off."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: no collectstatic

    import django
    from django.conf import settings

    settings.DEBUG = False
    # No collectstatic has run, so the manifest storage would fail on {% static %}.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    django.setup()


def build_register(rows):
    """`rows` arrangements with services, lead officers and two partners each."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from register.models import Arrangement, Partner, Service
    from register.roles import Role

    User = get_user_model()
    services = Service.objects.bulk_create(Service(name=name) for name in SERVICES)
    officers = User.objects.bulk_create(
        User(
            username=f"officer{number:02d}",
            first_name=f"Officer{number:02d}",
            last_name="Bench",
            password="!",
        )
        for number in range(40)
    )
    admin = User.objects.create(
        username="bench-admin",
        first_name="Bench",
        last_name="Admin",
        is_staff=True,
        is_superuser=True,
        password="!",
    )
    admin.groups.add(Group.objects.get_or_create(name=Role.ADMINISTRATOR.value)[0])

    arrangements = []
    for number in range(rows):
        name, kind, type = TOPICS[number % len(TOPICS)]
        officer = officers[number % len(officers)]
        arrangements.append(
            Arrangement(
                reference=f"PA-2026-{number + 1:04d}",
                name=f"{PLACES[number // len(TOPICS) % len(PLACES)]} {name}",
                kind=kind,
                type=type,
                status=STATUSES[(number // len(TOPICS) + number) % len(STATUSES)],
                service=services[number % len(services)],
                lead_officer=officer,
                created_by=officer,
                purpose="Benchmark arrangement.",
                is_statutory=number % 3 == 0,
            )
        )
    arrangements = Arrangement.objects.bulk_create(arrangements, batch_size=500)
    # Distinct creation times, so both pages' orderings (newest first) agree row for row.
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    for number, arrangement in enumerate(arrangements):
        arrangement.created_at = start + datetime.timedelta(minutes=number)
    Arrangement.objects.bulk_update(arrangements, ["created_at"], batch_size=500)
    Partner.objects.bulk_create(
        (
            Partner(arrangement=arrangement, name=name, sector=sector)
            for number, arrangement in enumerate(arrangements)
            for name, sector in (
                PARTNERS[number % len(PARTNERS)],
                PARTNERS[(number + 5) % len(PARTNERS)],
            )
        ),
        batch_size=1000,
    )
    return admin


# The evaluation's answers: a few sentences each, as a lead officer would write them.
EVALUATION_ANSWERS = {
    "potential_funding": (
        "The Police and Crime Commissioner's Safer Streets Fund opens again in the autumn and "
        "would cover CCTV upgrades in the town centre. The Community Safety Partnership could "
        "also bid to the Home Office Serious Violence Duty grant for youth diversion work."
    ),
    "anticipated_outcomes": (
        "A single plan for community safety across the borough, agreed with Kent Police, Kent "
        "Fire and Rescue Service and the health partners. Fewer duplicated meetings and one "
        "set of performance figures. Better use of the council's enforcement officers, who "
        "will be tasked jointly with the police neighbourhood teams."
    ),
    "aims": (
        "Reduce anti-social behaviour in Gravesend town centre and Northfleet by 15% over "
        "three years. Cut repeat victimisation of vulnerable residents. Deliver the statutory "
        "strategic assessment and partnership plan each year."
    ),
    "evidence": (
        "The 2025 strategic assessment showed anti-social behaviour concentrated in four "
        "wards, with a third of incidents involving repeat locations. Residents' survey "
        "results put feeling safe after dark at 48%, below the Kent average. Joint tasking in "
        "Dartford and Swale reduced repeat calls by a fifth within two years."
    ),
    "council_aims": (
        "Yes. It delivers the Corporate Plan priority 'A safe, clean and green borough' and "
        "the target to reduce anti-social behaviour incidents. It also supports the Town "
        "Centre Strategy's aim of an evening economy that families use."
    ),
    "first_year": (
        "A joint tasking group meeting fortnightly from April. The first partnership plan "
        "published by June, with quarterly performance reports to Cabinet. Two days of "
        "environmental visual audits in the town centre with residents and traders."
    ),
    "community_outcomes": (
        "Residents and businesses should see quicker action on reported problems and fewer "
        "repeat incidents. Victims will have one named contact across the agencies. Young "
        "people will have more diversionary activities in the school holidays."
    ),
    "alternatives": (
        "Each agency would continue to work on its own priorities, with informal contact "
        "between officers. Some joint work could be done through the Kent Community Safety "
        "Partnership, but it does not deal with local hotspots."
    ),
    "consequences": (
        "The council would not meet its statutory duty under the Crime and Disorder Act 1998 "
        "to work in partnership to reduce crime. Resources would be duplicated and residents "
        "would continue to be passed between agencies."
    ),
    "success": (
        "Quarterly figures for anti-social behaviour, repeat victims and repeat locations, "
        "against the targets in the partnership plan. An annual residents' survey question "
        "on feeling safe. An annual review of the partnership under the Framework."
    ),
    "set_up_cost": (
        "About £4,500 of officer time to draft the terms of reference, the information "
        "sharing agreement and the first plan. No capital costs."
    ),
    "running_cost": (
        "£18,000 a year: half of a Community Safety Officer post and £3,000 towards the "
        "joint analyst's licences. Met from the existing Community Safety budget."
    ),
    "additional_resources": (
        "Meeting rooms at the Civic Centre and minute taking by Democratic Services for the "
        "four board meetings a year. No additional staff."
    ),
    "other_income": (
        "The Police and Crime Commissioner's grant (£25,000 a year for three years) has been "
        "secured. The Safer Streets Fund and the Serious Violence Duty grant have been "
        "explored and bids are planned."
    ),
    "impact_on_services": (
        "Enforcement officers will spend about a day a week on joint patrols, which the "
        "Environmental Services plan already allows for. No other service is affected."
    ),
    "value_for_money": (
        "Costs and outcomes will be reported to Cabinet each year, with the cost per "
        "resolved case compared with the previous year. Joint commissioning of the analyst "
        "saves the council about £12,000 a year compared with its own post."
    ),
    "risk_assessment_done": True,
    "serious_problems": (
        "Unlikely. The main risks are a partner withdrawing its funding and a data breach "
        "when personal data is shared; both are on the partnership's risk register with "
        "mitigations and owners."
    ),
    "insurance": (
        "Yes. Each partner keeps its own public liability and professional indemnity cover "
        "for its staff. Joint events are covered by the lead organisation's policy."
    ),
    "uninsured_risks": (
        "The reputational risk of a high-profile incident cannot be insured. It is managed "
        "through the joint communications protocol agreed by the partners."
    ),
    "experience": (
        "Community Safety Partnerships have been in place in every district since 1998 and "
        "are well understood. Reviews in Kent have found the main risk is weak governance, "
        "which the terms of reference and annual review address."
    ),
    "changing_risks": (
        "Possibly, if police neighbourhood teams are reorganised or the Commissioner's grant "
        "ends. The partnership plan is reviewed every year and the exit strategy allows any "
        "partner to withdraw on six months' notice."
    ),
    "equalities_aims": (
        "Yes. The plan targets support at groups at higher risk of victimisation, including "
        "disabled and older residents, and hate crime reporting is one of its measures."
    ),
    "negative_impact": (
        "Dispersal orders could affect young people disproportionately. Each order will be "
        "reviewed against an equality impact assessment, and youth services are consulted "
        "before one is made."
    ),
}


def answer_for(question):
    """A plausible answer to a question added to the evaluation since this was written."""
    from register.council_forms.base import Kind

    if question.kind == Kind.YES_NO:
        return True
    if question.kind in (Kind.MONEY, Kind.NUMBER):
        return "12000"
    if question.kind == Kind.CHOICE and question.choices:
        return question.choices[0][0]
    return (
        "Agreed with the partners at the board meeting in March. The lead officer will "
        "report progress to the Cabinet Member each quarter and to Cabinet once a year."
    )


def person(username, first_name, last_name, role):
    """A user in one role's group (no password: the client is logged in directly)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create(
        username=username, first_name=first_name, last_name=last_name, password="!"
    )
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    return user


def build_evaluation(service):
    """A Gravesham partnership with every fact the evaluation shows, its evaluation answered
    in full and submitted, and the Monitoring Officer's and Section 151 Officer's opinions
    recorded. Returns (arrangement, its lead officer)."""
    import uuid
    from decimal import Decimal

    from django.utils import timezone

    from approvals import services as approvals
    from approvals.models import Outcome, StepStatus
    from register.choices import GovernanceItem, LegalStatus, Status
    from register.council_forms import definition
    from register.models import (
        Arrangement,
        CorporateObjective,
        CouncilRepresentative,
        FormResponse,
        FormStatus,
        Objective,
        Partner,
        PerformanceMeasure,
        Risk,
    )
    from register.policies import get_policy
    from register.roles import Role
    from register.submission import required_definitions

    lead = person("priya-sharma", "Priya", "Sharma", Role.LEAD_OFFICER)
    arrangement = Arrangement.objects.create(
        name="Gravesham Community Safety Partnership",
        kind="partnership",
        type="strategic",
        status=Status.SUBMITTED,
        purpose="Reduce crime, disorder and anti-social behaviour across Gravesham.",
        rationale="No one agency holds all the levers: the police, the council, health and "
        "the fire service each hold part of the answer.",
        is_statutory=True,
        legal_status=LegalStatus.UNINCORPORATED,
        lead_organisation="Gravesham Borough Council",
        area="The borough of Gravesham, with a focus on Gravesend town centre and Northfleet",
        start_date=datetime.date(2026, 4, 1),
        end_date=datetime.date(2029, 3, 31),
        is_fundamental_to_objective=True,
        cash_per_year=Decimal("18000"),
        staff_fte=Decimal("0.5"),
        staff_cost_per_year=Decimal("21500"),
        in_kind_per_year=Decimal("2500"),
        in_kind_description="Meeting rooms and minute taking at the Civic Centre.",
        external_funding=Decimal("25000"),
        external_funding_use="The Police and Crime Commissioner's grant pays for the joint "
        "analyst and for youth diversion activities in the school holidays.",
        overall_budget=Decimal("96000"),
        lead_officer=lead,
        created_by=lead,
        service=service,
        member_involvement="The Cabinet Member for Community Safety chairs the board; a "
        "second Member sits on the joint tasking group.",
        shares_personal_data=True,
        data_protection_notes="Personal data of victims and offenders is shared under the "
        "Kent and Medway Information Sharing Agreement, with a data protection impact "
        "assessment reviewed every year. Access is limited to named officers.",
        safeguarding_impact="Officers from every partner are trained to recognise and refer "
        "safeguarding concerns, and the partnership reports to the Kent Safeguarding "
        "Children Multi-Agency Partnership on exploitation.",
        equalities_impact="Support is targeted at residents at higher risk of "
        "victimisation. Hate crime reports are monitored across the nine protected "
        "characteristics and reported to the board each quarter.",
        climate_change_impact="Meetings are held online where possible, and joint patrols "
        "use the council's electric vehicles.",
        governance_in_place=[
            GovernanceItem.TERMS_OF_REFERENCE,
            GovernanceItem.MEMBERSHIP_RULES,
            GovernanceItem.DECISION_RULES,
            GovernanceItem.MEETING_RULES,
            GovernanceItem.CONFLICTS_POLICY,
            GovernanceItem.PERFORMANCE_MONITORING,
            GovernanceItem.RISK_MONITORING,
        ],
        exit_strategy="Any partner may withdraw on six months' notice to the board. The "
        "statutory duty stays with the responsible authorities, who would meet as a "
        "smaller group.",
        meeting_frequency="quarterly",
        meeting_place="Gravesend Civic Centre",
    )
    arrangement.corporate_objectives.set(
        CorporateObjective.objects.get_or_create(title=title)[0]
        for title in (
            "A safe, clean and green borough",
            "Strong and healthy communities",
            "A thriving town centre",
        )
    )
    for number, (name, sector) in enumerate(PARTNERS[:6]):
        Partner.objects.create(
            arrangement=arrangement,
            name=name,
            sector=sector,
            contribution="Officers at the board and the joint tasking group.",
            contribution_per_year=Decimal(5000 * (number + 1)),
        )
    for description, measure in (
        ("Reduce anti-social behaviour in the town centre", "Reported incidents"),
        ("Reduce repeat victimisation", "Repeat victims a quarter"),
        ("Increase the feeling of safety after dark", "Residents who feel safe (%)"),
    ):
        objective = Objective.objects.create(arrangement=arrangement, description=description)
        PerformanceMeasure.objects.create(objective=objective, name=measure)
    Risk.objects.create(
        arrangement=arrangement,
        description="A partner withdraws its funding",
        likelihood=2,
        impact=4,
        mitigation="Annual funding letters agreed in advance",
        owner="Head of Community Safety",
    )
    CouncilRepresentative.objects.create(
        arrangement=arrangement,
        name="Cllr Alan Ridgers",
        role="Chair of the board",
        is_member=True,
        start_date=datetime.date(2026, 4, 1),
    )

    evaluation = definition("gravesham_evaluation", "gravesham")
    answers = {
        name: EVALUATION_ANSWERS.get(name, answer_for(question))
        for name, question in evaluation.fields()
    }
    FormResponse.objects.create(
        arrangement=arrangement,
        form_key=evaluation.key,
        answers=answers,
        status=FormStatus.SUBMITTED,
        version=1,
        submitted_by=lead,
        submitted_at=timezone.now(),
    )

    for other in required_definitions(get_policy(), arrangement):  # submitted before approval
        FormResponse.objects.get_or_create(
            arrangement=arrangement,
            form_key=other.key,
            defaults={
                "answers": other.example_answers(),
                "status": FormStatus.SUBMITTED,
                "version": 1,
                "submitted_by": lead,
                "submitted_at": timezone.now(),
            },
        )

    # The statutory officers' opinions, so the endorsement lines are filled too.
    approval_round = approvals.submit_for_approval(arrangement=arrangement, user=lead)
    opinions = {
        Role.MONITORING_OFFICER: ("Morag", "Oduya", "The terms of reference are sound."),
        Role.SECTION_151_OFFICER: ("Sunil", "Fenwick", "Met from the existing budget."),
    }
    for step in approval_round.steps.filter(status=StepStatus.PENDING).order_by("pk"):
        if step.role not in opinions:
            continue
        first, last, comment = opinions[Role(step.role)]
        approvals.record_decision(
            step=step,
            user=person(f"{first}-{last}".lower(), first, last, Role(step.role)),
            outcome=Outcome.ENDORSE,
            comment=comment,
            token=uuid.uuid4().hex,
        )
    return arrangement, lead


def get(client, url):
    started = time.perf_counter()
    response = client.get(url)
    return response, (time.perf_counter() - started) * 1000


def download(client, url):
    """get(), reading a streamed answer (a CSV, a static file) to its end inside the timing."""
    started = time.perf_counter()
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.body = body
    return response, (time.perf_counter() - started) * 1000


def page_references(response):
    """References in the results table, in order (ours also has each one in its link)."""
    html = response.content.decode()
    return list(dict.fromkeys(REFERENCE.findall(html[html.find("<tbody") :])))


def table_references(response):
    """The set of references in the page's first table and after (the admin's rows, or the
    reviews page's sections)."""
    html = response.content.decode()
    return set(REFERENCE.findall(html[html.find("<table") :]))


def time_pages(args, client, pages, references_of, fetch=get):
    """Warm both pages up, check each once ({label: (status, references, queries)}), then
    time them in alternating order ({label: [ms, ...]})."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(args.warmup):
        for url in pages.values():
            fetch(client, url)
    checks = {}
    for label, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response, _ = fetch(client, url)
        checks[label] = (response.status_code, references_of(response), len(queries))
    timings = {label: [] for label in pages}
    for round_number in range(args.requests):
        # Alternate which page goes first, so neither always follows the other.
        order = list(pages) if round_number % 2 == 0 else list(reversed(pages))
        for label in order:
            _, elapsed = fetch(client, pages[label])
            timings[label].append(elapsed)
    return checks, timings


def minor_page_faults() -> int:
    """Pages the kernel had to map for the process so far (see README: a PDF render that
    needs many more than WeasyPrint alone is paying for memory mapped and unmapped)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, (time.perf_counter() - started) * 1000


def summary(timings):
    return (
        f"median {statistics.median(timings):.1f} ms "
        f"(min {min(timings):.1f}, max {max(timings):.1f})"
    )


def figure(name, ours, baseline):
    return f"{name}: ratio={ours / baseline:.2f} ours_ms={ours:.1f} baseline_ms={baseline:.1f}"


def bench_register_list(args, admin):
    """(lines to print, result line, failed)."""
    from django.test import Client

    from register.models import Arrangement

    matching = Arrangement.objects.filter(name__icontains=SEARCH, status=STATUS).count()
    client = Client()
    client.force_login(admin)
    ours_url = f"/arrangements/?q={SEARCH}&status={STATUS}"
    admin_url = f"/admin/register/arrangement/?q={SEARCH}&status__exact={STATUS}"
    pages = {"ours": ours_url, "baseline": admin_url}
    checks, timings = time_pages(args, client, pages, page_references)

    lines = [
        f"{args.rows} arrangements; {matching} match q={SEARCH!r} status={STATUS!r}; "
        f"{args.requests} timed requests each after {args.warmup} warm-up"
    ]
    failed = False
    for label, url in pages.items():
        status, references, queries = checks[label]
        first = references[0] if references else None
        lines.append(
            f"  {label:8} {url}: HTTP {status}, {len(references)} rows on the page, "
            f"first {first}, {queries} queries, {summary(timings[label])}"
        )
        failed |= status != 200 or not references
    if checks["ours"][1][:1] != checks["baseline"][1][:1]:
        lines.append("  FAILED: the two pages do not start with the same arrangement")
        failed = True
    elif checks["ours"][1] != checks["baseline"][1]:
        lines.append("  FAILED: the two pages list different arrangements")
        failed = True
    if failed:
        return lines, "register-list-vs-admin: FAILED (see above)", True
    ours = statistics.median(timings["ours"])
    baseline = statistics.median(timings["baseline"])
    return lines, figure("register-list-vs-admin", ours, baseline), False


OPEN_REVIEWS = 100  # the admin changelist's page, so both pages show every open review


def build_reviews(admin):
    """Last year's review of every arrangement, considered; this year's open for the first
    OPEN_REVIEWS of them, overdue, due soon, in progress or submitted."""
    from django.utils import timezone

    from register.models import Arrangement
    from reviews.models import Review, ReviewStatus

    today = timezone.localdate()
    open_statuses = [ReviewStatus.DUE, ReviewStatus.IN_PROGRESS, ReviewStatus.SUBMITTED]
    reviews = []
    for number, arrangement in enumerate(Arrangement.objects.order_by("pk")):
        common = {"arrangement": arrangement, "completed_by_id": arrangement.lead_officer_id}
        reviews.append(
            Review(
                due_on=today - datetime.timedelta(days=365 + number % 60),
                year_of_operation=1,
                status=ReviewStatus.CONSIDERED,
                outcome="remain involved",
                **common,
            )
        )
        if number < OPEN_REVIEWS:
            reviews.append(
                Review(
                    due_on=today + datetime.timedelta(days=number % 120 - 30),
                    year_of_operation=2,
                    status=open_statuses[number % 3],
                    **common,
                )
            )
    Review.objects.bulk_create(reviews, batch_size=1000)
    return admin


def bench_reviews_page(args, admin):
    """(lines to print, result line, failed)."""
    from django.test import Client

    from reviews.models import Review

    client = Client()
    client.force_login(admin)
    pages = {
        "ours": "/reviews/",
        "baseline": "/admin/reviews/review/?status__in=due,in_progress,submitted",
    }
    checks, timings = time_pages(args, client, pages, table_references)
    lines = [
        f"{Review.objects.count()} reviews, {OPEN_REVIEWS} of them open; "
        f"{args.requests} timed requests each after {args.warmup} warm-up"
    ]
    failed = False
    for label, url in pages.items():
        status, references, queries = checks[label]
        lines.append(
            f"  {label:8} {url}: HTTP {status}, {len(references)} arrangements on the page, "
            f"{queries} queries, {summary(timings[label])}"
        )
        failed |= status != 200 or len(references) != OPEN_REVIEWS
    if checks["ours"][1] != checks["baseline"][1]:
        lines.append("  FAILED: the two pages list different reviews")
        failed = True
    if failed:
        return lines, "reviews-page-vs-admin: FAILED (see above)", True
    ours = statistics.median(timings["ours"])
    baseline = statistics.median(timings["baseline"])
    return lines, figure("reviews-page-vs-admin", ours, baseline), False


def pdf_facts(pdf: bytes):
    """(pages, text without white space) of a PDF."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    return len(reader.pages), text


def bench_pdf(args):
    """(lines to print, result line, failed).

    Ours: the whole portal request for the PDF of a fully filled Gravesham evaluation, as its
    lead officer (session, permission check, queries, template, WeasyPrint under the portal's
    fetcher, attachment stripping and time limit, the download response).
    The baseline: WeasyPrint alone, with its defaults, on the same HTML rendered once.
    """
    import weasyprint
    from django.conf import settings
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from register.council_forms import definition
    from register.council_forms.pdf import form_pdf_context
    from register.council_forms.selectors import response_for
    from register.models import Service
    from register.occasions import APPROVAL
    from register.pdf import static_folders
    from register.policies import get_policy

    arrangement, lead = build_evaluation(Service.objects.order_by("name").first())
    evaluation = definition("gravesham_evaluation", "gravesham")
    client = Client()
    client.force_login(lead)
    url = reverse("council_forms:pdf", args=[arrangement.reference, "approval", evaluation.key])

    # The same HTML as the portal's (render_pdf's context), rendered once, outside the timing.
    context = {
        "council_name": settings.COUNCIL_NAME or get_policy().council,
        "printed_at": timezone.localtime(),
        **form_pdf_context(
            evaluation, arrangement, response_for(arrangement, evaluation, APPROVAL)
        ),
    }
    html = render_to_string("council_forms/pdf.html", context)
    base_url = static_folders()[0][1].as_uri() + "/"  # as the portal's html_to_pdf

    def ours():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"pdf-evaluation-vs-bare: FAILED (HTTP {response.status_code})")
        return response.content

    def bare():
        return weasyprint.HTML(string=html, base_url=base_url).write_pdf()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # now: the next request empties the connection's query log
    status = response.status_code
    if status != 200 or response["Content-Type"] != "application/pdf":
        return (
            [f"  ours     GET {url}: HTTP {status}, {response['Content-Type']}"],
            "pdf-evaluation-vs-bare: FAILED (see above)",
            True,
        )
    pdfs = {"ours": response.content, "baseline": bare()}

    sides = {"ours": ours, "baseline": bare}
    for _ in range(args.pdf_warmup):
        for call in sides.values():
            call()

    timings = {label: [] for label in sides}
    faults = {label: [] for label in sides}
    for round_number in range(args.pdf_requests):
        order = list(sides) if round_number % 2 == 0 else list(reversed(sides))
        for label in order:
            # A PDF leaves ~100,000 objects behind: collect them first, so that a full
            # collection (~100 ms) is not charged to whichever side happens to trigger it.
            gc.collect()
            before = minor_page_faults()
            _, elapsed = timed(sides[label])
            faults[label].append(minor_page_faults() - before)
            timings[label].append(elapsed)

    saved = response_for(arrangement, evaluation, APPROVAL).answers
    answers = [value for value in saved.values() if isinstance(value, str)]
    lines = [
        f"{arrangement.reference} {evaluation.title}: {len(answers)} written answers "
        f"({sum(map(len, answers)):,} characters), {arrangement.partners.count()} partners, "
        f"HTML of {len(html):,} characters; {args.pdf_requests} timed PDFs each after "
        f"{args.pdf_warmup} warm-up"
    ]
    failed = False
    facts = {}
    for label, pdf in pdfs.items():
        pages, text = facts[label] = pdf_facts(pdf)
        where = (
            f"GET {url}, HTTP {status}, {query_count} queries"
            if label == "ours"
            else f"weasyprint.HTML(string=html, base_url={base_url!r}).write_pdf()"
        )
        missing = [a for a in answers if "".join(a.split()) not in text]
        lines.append(
            f"  {label:8} {where}: {len(pdf) / 1024:.0f} KiB, {pages} pages, "
            f"{len(answers) - len(missing)}/{len(answers)} answers in the text, "
            f"{statistics.median(faults[label]):,.0f} page faults, {summary(timings[label])}"
        )
        failed |= bool(missing) or not pdf.startswith(b"%PDF-")
    if facts["ours"][0] != facts["baseline"][0]:
        lines.append("  FAILED: the two PDFs have different numbers of pages")
        failed = True
    if failed:
        return lines, "pdf-evaluation-vs-bare: FAILED (see above)", True
    ours_ms = statistics.median(timings["ours"])
    baseline_ms = statistics.median(timings["baseline"])
    return lines, figure("pdf-evaluation-vs-bare", ours_ms, baseline_ms), False


def publish_register():
    """Every benchmark arrangement made live, and the 2026 edition published from them by the
    register owner, through the portal's services: an edition of `rows` entries."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from register.models import Arrangement
    from register.publication import prepare_edition, publish_edition
    from register.roles import Role

    Arrangement.objects.update(status="active")
    owner = get_user_model().objects.create(username="bench-owner", password="!")
    owner.groups.add(Group.objects.get_or_create(name=Role.REGISTER_OWNER.value)[0])
    draft = prepare_edition(year=2026, user=owner)
    return publish_edition(edition=draft, user=owner)


def bench_published_page(args, edition, folder):
    """(lines to print, result line, failed): the public page of the edition, as a visitor,
    against the same bytes as a static file served by the same server (WhiteNoise)."""
    from django.conf import settings
    from django.test import Client

    static = Path(folder) / "static"
    static.mkdir()
    page = Client().get(f"/published/{edition.slug}/")
    (static / "published-bench.html").write_bytes(page.content)
    # WhiteNoise reads STATIC_ROOT when a new client's handler first loads the middleware.
    settings.STATIC_ROOT = static
    client = Client()
    pages = {"ours": f"/published/{edition.slug}/", "baseline": "/static/published-bench.html"}
    checks, timings = time_pages(args, client, pages, lambda r: r.body, fetch=download)
    lines = [
        f"{len(edition.entries)} entries in the {edition.label}, a page of "
        f"{len(page.content):,} bytes; {args.requests} timed requests each after "
        f"{args.warmup} warm-up"
    ]
    failed = False
    for label, url in pages.items():
        status, body, queries = checks[label]
        lines.append(
            f"  {label:8} {url}: HTTP {status}, {len(body):,} bytes, {queries} queries, "
            f"{summary(timings[label])}"
        )
        failed |= status != 200 or len(REFERENCE.findall(body.decode())) < len(edition.entries)
    return compared("published-register-vs-static", lines, timings, failed)


def bench_open_data_csv(args, edition):
    """(lines to print, result line, failed): the edition's register.csv, streamed to a
    visitor, against a bare csv.writer over the same rows in memory."""
    import csv
    import io

    from django.test import Client

    from register import open_data

    rows = list(open_data.rows(edition))
    client = Client()
    url = f"/published/{edition.slug}/register.csv"

    def ours():
        return download(client, url)[0].body

    def bare():
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return buffer.getvalue().encode()

    sides = {"ours": ours, "baseline": bare}
    for _ in range(args.warmup):
        for call in sides.values():
            call()
    outputs = {label: call() for label, call in sides.items()}
    timings = {label: [] for label in sides}
    for round_number in range(args.requests):
        order = list(sides) if round_number % 2 == 0 else list(reversed(sides))
        for label in order:
            timings[label].append(timed(sides[label])[1])
    lines = [f"{len(rows) - 1} rows of {len(rows[0])} columns; {args.requests} timed each"]
    for label, output in outputs.items():
        lines.append(f"  {label:8} {len(output):,} bytes, {summary(timings[label])}")
    failed = outputs["ours"] != outputs["baseline"]
    if failed:
        lines.append("  FAILED: the download is not the bare writer's CSV")
    return compared("open-data-csv-vs-bare", lines, timings, failed)


def compared(name, lines, timings, failed):
    if failed:
        return lines, f"{name}: FAILED (see above)", True
    ours = statistics.median(timings["ours"])
    baseline = statistics.median(timings["baseline"])
    return lines, figure(name, ours, baseline), False


IMPORT_HEADINGS = [
    "Name of Partnership",
    "Kind",
    "Type",
    "Status",
    "Responsible Officer",
    "Service",
    "Statutory Status",
    "Date created",
    "Council cash a year (£)",
    "Aims and objectives of partnership",
    "Partners",
]


def import_rows(count, officers, services):
    """A council's register of `count` rows, as plain values: what the file says."""
    rows = []
    for number in range(count):
        name, kind, type = TOPICS[number % len(TOPICS)]
        partner, sector = PARTNERS[number % len(PARTNERS)]
        rows.append(
            {
                "name": f"Imported {name} {number:04d}",
                "kind": kind,
                "type": type,
                "status": "active" if number % 2 else "draft",
                "officer": officers[number % len(officers)],
                "service": services[number % len(services)],
                "statutory": number % 3 == 0,
                "start": datetime.date(2015 + number % 10, 1 + number % 12, 1 + number % 28),
                "cash": 1000 + number,
                "purpose": f"To work together on {name.lower()}.\nReported every year.",
                "partner": (partner, sector),
            }
        )
    return rows


def import_file(rows):
    """The rows as the council's XLSX, with its own headings and words."""
    import io

    from openpyxl import Workbook

    from register.choices import ArrangementType, Kind, Sector, Status
    from register.formatting import person

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append(IMPORT_HEADINGS)
    for row in rows:
        partner, sector = row["partner"]
        sheet.append(
            [
                row["name"],
                Kind(row["kind"]).label,
                ArrangementType(row["type"]).label,
                Status(row["status"]).label,
                person(row["officer"]),
                row["service"].name,
                "Statutory" if row["statutory"] else "Non-statutory",
                row["start"],
                f"£{row['cash']:,}",
                row["purpose"],
                f"{partner} ({Sector(sector).label})",
            ]
        )
    file = io.BytesIO()
    workbook.save(file)
    return file


def bench_import(args, admin):
    """(lines to print, result line, failed).

    Ours: the dry run (every row through the arrangement form, partners through theirs,
    classified, matched against the register) and the import (checked again and written in
    one transaction, with history), as the task queue runs them.
    The baseline: the same rows, already as Python values, each Arrangement and its Partner
    full_clean()ed and saved in one transaction.
    Each side starts from the same register: its writes are rolled back after each round.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction

    from register.choices import Status
    from register.imports import services as imports
    from register.imports.checking import headings_of
    from register.imports.columns import propose
    from register.imports.files import judge, read_table
    from register.models import Arrangement, Partner, Service
    from register.policies import get_policy
    from register.roles import Role

    User = get_user_model()
    lead = Group.objects.get_or_create(name=Role.LEAD_OFFICER.value)[0]
    officers = list(User.objects.filter(username__startswith="officer").order_by("username"))
    lead.user_set.add(*officers)
    services = list(Service.objects.order_by("name"))
    rows = import_rows(args.import_rows, officers, services)
    content = import_file(rows).getvalue()
    policy = get_policy()

    def opened():
        import io

        return io.BytesIO(content)

    _, headings = headings_of(read_table(opened(), judge(opened())))
    mapping = propose(headings)

    def ours():
        check, _total = imports.check_file(opened(), mapping=mapping)
        if check.problems:
            raise SystemExit(f"import-5000-vs-bare: FAILED ({check.problems[0]})")
        return imports.import_file(opened(), file_name="register.xlsx", mapping=mapping, user=admin)

    def bare():
        for row in rows:
            arrangement = Arrangement(
                name=row["name"],
                kind=row["kind"],
                type=row["type"],
                status=row["status"],
                lead_officer=row["officer"],
                service=row["service"],
                is_statutory=row["statutory"],
                start_date=row["start"],
                cash_per_year=row["cash"],
                purpose=row["purpose"],
                created_by=admin,
            )
            if arrangement.status == Status.ACTIVE:
                arrangement.next_review_due = policy.next_review_due(row["start"])
            arrangement.full_clean(exclude=["reference"])
            arrangement.save()
            partner = Partner(
                arrangement=arrangement, name=row["partner"][0], sector=row["partner"][1]
            )
            partner.full_clean()
            partner.save()

    def rolled_back(call):
        with transaction.atomic():
            gc.collect()
            result, elapsed = timed(call)
            written = Arrangement.objects.filter(name__startswith="Imported ").count()
            transaction.set_rollback(True)
        return result, elapsed, written

    sides = {"ours": ours, "baseline": bare}
    timings = {label: [] for label in sides}
    written = {}
    for round_number in range(args.import_rounds):
        order = list(sides) if round_number % 2 == 0 else list(reversed(sides))
        for label in order:
            _, elapsed, written[label] = rolled_back(sides[label])
            timings[label].append(elapsed)
    lines = [
        f"{len(rows):,} rows of a council's XLSX ({len(content) / 1024:.0f} KiB, "
        f"{len(IMPORT_HEADINGS)} columns, a partner each) into a register of "
        f"{Arrangement.objects.count():,}; {args.import_rounds} rounds each way, rolled back"
    ]
    failed = False
    for label in sides:
        lines.append(
            f"  {label:8} {written[label]:,} arrangements written: {summary(timings[label])}"
        )
        failed |= written[label] != len(rows)
    return compared("import-5000-vs-bare", lines, timings, failed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=21, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--pdf-requests", type=int, default=9, help="timed PDFs each way")
    parser.add_argument("--pdf-warmup", type=int, default=2)
    parser.add_argument("--import-rows", type=int, default=5000)
    parser.add_argument("--import-rounds", type=int, default=3, help="timed imports each way")
    args = parser.parse_args()
    if args.requests < 15:
        parser.error("--requests must be at least 15")
    if args.pdf_requests < 5:
        parser.error("--pdf-requests must be at least 5")

    with tempfile.TemporaryDirectory(prefix="register-bench-") as folder:
        configure(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0, interactive=False)
        admin = build_register(args.rows)
        register_lines, register_result, register_failed = bench_register_list(args, admin)
        build_reviews(admin)
        reviews_lines, reviews_result, reviews_failed = bench_reviews_page(args, admin)
        pdf_lines, pdf_result, pdf_failed = bench_pdf(args)
        import_lines, import_result, import_failed = bench_import(args, admin)
        edition = publish_register()
        page_lines, page_result, page_failed = bench_published_page(args, edition, folder)
        csv_lines, csv_result, csv_failed = bench_open_data_csv(args, edition)
        connection.close()

    print(
        "\n".join(
            [
                *register_lines,
                *reviews_lines,
                *pdf_lines,
                *page_lines,
                *csv_lines,
                *import_lines,
                register_result,
                reviews_result,
                pdf_result,
                page_result,
                csv_result,
                import_result,
            ]
        )
    )
    failures = (register_failed, reviews_failed, pdf_failed, page_failed, csv_failed, import_failed)
    return 1 if any(failures) else 0


if __name__ == "__main__":
    sys.exit(main())
