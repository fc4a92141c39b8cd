#!/usr/bin/env python
"""Our register list page against Django admin's changelist, on 5,000 arrangements.

Run from the project folder: `.venv/bin/python benchmarks/run.py` (or `make bench`).
It builds a throwaway SQLite database in a temporary folder, so it never touches yours.
The last line is the result, e.g.

    register-list-vs-admin: ratio=0.83 ours_ms=41.0 baseline_ms=49.5

ratio = our median / the admin's median for the same rows and page size. See README.md.
"""

import argparse
import datetime
import os
import re
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


def get(client, url):
    started = time.perf_counter()
    response = client.get(url)
    return response, (time.perf_counter() - started) * 1000


def page_references(response):
    """References in the results table, in order (ours also has each one in its link)."""
    html = response.content.decode()
    return list(dict.fromkeys(REFERENCE.findall(html[html.find("<tbody") :])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=21, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    if args.requests < 15:
        parser.error("--requests must be at least 15")

    with tempfile.TemporaryDirectory(prefix="register-bench-") as folder:
        configure(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from register.models import Arrangement

        call_command("migrate", verbosity=0, interactive=False)
        admin = build_register(args.rows)
        matching = Arrangement.objects.filter(name__icontains=SEARCH, status=STATUS).count()

        client = Client()
        client.force_login(admin)
        ours_url = f"/arrangements/?q={SEARCH}&status={STATUS}"
        admin_url = f"/admin/register/arrangement/?q={SEARCH}&status__exact={STATUS}"
        pages = {"ours": ours_url, "baseline": admin_url}

        for _ in range(args.warmup):
            for url in pages.values():
                get(client, url)

        checks = {}
        for label, url in pages.items():
            with CaptureQueriesContext(connection) as queries:
                response, _ = get(client, url)
            checks[label] = (response.status_code, page_references(response), len(queries))

        timings = {label: [] for label in pages}
        for round_number in range(args.requests):
            # Alternate which page goes first, so neither always follows the other.
            order = list(pages) if round_number % 2 == 0 else list(reversed(pages))
            for label in order:
                _, elapsed = get(client, pages[label])
                timings[label].append(elapsed)
        connection.close()

    print(
        f"{args.rows} arrangements; {matching} match q={SEARCH!r} status={STATUS!r}; "
        f"{args.requests} timed requests each after {args.warmup} warm-up"
    )
    failed = False
    for label, url in pages.items():
        status, references, queries = checks[label]
        first = references[0] if references else None
        print(
            f"  {label:8} {url}: HTTP {status}, {len(references)} rows on the page, "
            f"first {first}, {queries} queries, median {statistics.median(timings[label]):.1f} "
            f"ms (min {min(timings[label]):.1f}, max {max(timings[label]):.1f})"
        )
        failed |= status != 200 or not references
    if checks["ours"][1][:1] != checks["baseline"][1][:1]:
        print("  FAILED: the two pages do not start with the same arrangement")
        failed = True
    elif checks["ours"][1] != checks["baseline"][1]:
        print("  FAILED: the two pages list different arrangements")
        failed = True
    if failed:
        print("register-list-vs-admin: FAILED (see above)")
        return 1

    ours = statistics.median(timings["ours"])
    baseline = statistics.median(timings["baseline"])
    print(
        f"register-list-vs-admin: ratio={ours / baseline:.2f} ours_ms={ours:.1f} "
        f"baseline_ms={baseline:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
