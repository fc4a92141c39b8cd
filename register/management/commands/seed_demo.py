"""`manage.py seed_demo`: a believable demo register and one demo user per role.

Safe to run again: rows are found by their natural keys (arrangement name, username, ...)
and only saved when the demo data differs, so a second run changes nothing and adds no
history. It updates and adds the demo rows; it never deletes anything. Statuses are set
directly, not through the lifecycle, and the history names "The system" as the actor.
"""

from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from register import demo_data
from register.models import (
    Arrangement,
    CorporateObjective,
    CouncilRepresentative,
    MeasureResult,
    Objective,
    Partner,
    PerformanceMeasure,
    Portfolio,
    Risk,
    Service,
)
from register.roles import Role
from register.services import reclassify

# Keys of an arrangement in demo_data that are not fields of the Arrangement itself.
RELATED_KEYS = {
    "lead",
    "service",
    "partners",
    "representatives",
    "risks",
    "objectives",
    "corporate_objectives",
}
# Arrangement fields the seed leaves alone: the reference is given on first save, and the
# classification is worked out by the council policy on every save.
UNSEEDED_FIELDS = {
    "id",
    "reference",
    "created_at",
    "updated_at",
    "category",
    "category_reasons",
    "classified_under",
}
# 22 letters and digits: enough entropy that Django never asks to re-hash it.
DEMO_PASSWORD_SALT = "GraveshamDemoSalt2026x"


class Command(BaseCommand):
    help = (
        f"Fill the register with the demo arrangements of {demo_data.COUNCIL} and one demo "
        f"user per role (password {demo_data.DEMO_PASSWORD!r}). Refused where "
        "DEMO_DATA_ALLOWED is not True, as in production."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "seed_demo is not allowed with these settings: demo users share a published "
                "password. Set DEMO_DATA_ALLOWED = True only for development and demo sites, "
                "never in production."
            )
        seeder = Seeder()
        with transaction.atomic():
            seeder.seed()
        self.stdout.write(seeder.summary())


class Seeder:
    def __init__(self):
        self.created = Counter()
        self.changed = Counter()

    def seed(self):
        # One hash for every demo user: hashing is slow on purpose, and a fixed salt makes
        # the stored value the same on every run (the password is published anyway).
        self.password_hash = make_password(demo_data.DEMO_PASSWORD, salt=DEMO_PASSWORD_SALT)
        groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}
        self.users = {
            username: self.seed_user(username, role, first, last, groups[role])
            for username, role, first, last in demo_data.USERS
        }
        self.services = {
            name: self.upsert(Service, {"name": name}, {}) for name in demo_data.SERVICES
        }
        self.objectives = {
            title: self.upsert(
                CorporateObjective,
                {"title": title},
                {"description": description, "is_current": current},
            )
            for title, description, current in demo_data.CORPORATE_OBJECTIVES
        }
        self.portfolios = {
            name: self.upsert(Portfolio, {"name": name}, {"holder": self.users[holder]})
            for name, holder, _services in demo_data.PORTFOLIOS
        }
        for spec in demo_data.ARRANGEMENTS:
            self.seed_arrangement(spec)

    def seed_user(self, username, role, first_name, last_name, group):
        is_staff = username in demo_data.STAFF_USERNAMES
        user = self.upsert(
            get_user_model(),
            {"username": username},
            {
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{first_name}.{last_name}@{demo_data.EMAIL_DOMAIN}".lower(),
                "is_active": True,
                "is_staff": is_staff,
                "is_superuser": role == Role.ADMINISTRATOR,
            },
            validate=False,
        )
        if user.password != self.password_hash:
            user.password = self.password_hash
            user.save(update_fields=["password"])
        user.groups.set([group])
        return user

    def seed_arrangement(self, spec):
        values = {
            field.name: field.get_default()
            for field in Arrangement._meta.concrete_fields
            if field.name not in UNSEEDED_FIELDS
        }
        values |= {key: value for key, value in spec.items() if key not in RELATED_KEYS}
        values |= {
            # The lead officer proposed it.
            "lead_officer": self.users[spec["lead"]],
            "created_by": self.users[spec["lead"]],
            "service": self.services[spec["service"]] if spec.get("service") else None,
            # In the portfolio of its service, whose holder approves it.
            "portfolio": self.portfolios.get(
                demo_data.PORTFOLIO_OF_SERVICE.get(spec.get("service", ""), "")
            ),
        }
        name = values.pop("name")
        arrangement = self.upsert(Arrangement, {"name": name}, values)
        arrangement.corporate_objectives.set(
            [self.objectives[title] for title in spec["corporate_objectives"]]
        )
        # Under whichever council policy this installation runs (COUNCIL_POLICY).
        reclassify(arrangement)
        for item in spec["partners"]:
            self.upsert(
                Partner, {"arrangement": arrangement, "name": item["name"]}, _without(item, "name")
            )
        for item in spec["representatives"]:
            self.upsert(
                CouncilRepresentative,
                {
                    "arrangement": arrangement,
                    "name": item["name"],
                    "start_date": item["start_date"],
                },
                _without(item, "name", "start_date"),
            )
        for item in spec["risks"]:
            self.upsert(
                Risk,
                {"arrangement": arrangement, "description": item["description"]},
                _without(item, "description"),
            )
        for item in spec["objectives"]:
            objective = self.upsert(
                Objective, {"arrangement": arrangement, "description": item["description"]}, {}
            )
            for measure_spec in item["measures"]:
                measure = self.upsert(
                    PerformanceMeasure,
                    {"objective": objective, "name": measure_spec["name"]},
                    {"unit": measure_spec["unit"]},
                )
                for year, (target, outturn) in measure_spec["results"].items():
                    self.upsert(
                        MeasureResult,
                        {"measure": measure, "year": year},
                        {"target": target, "outturn": outturn},
                    )

    def upsert(self, model, lookup, values, validate=True):
        """Find the row by its natural key; create it, or save it only if the data differs."""
        row = model.objects.filter(**lookup).order_by("pk").first()
        if row is None:
            row = model(**lookup, **values)
            self.created[model] += 1
        else:
            differences = {
                name: value for name, value in values.items() if _current(row, name) != _key(value)
            }
            if not differences:
                return row
            for name, value in differences.items():
                setattr(row, name, value)
            self.changed[model] += 1
        if validate:
            # The reference is given by save() on first save.
            row.full_clean(exclude=["reference"] if model is Arrangement else None)
        row.save()
        return row

    def summary(self) -> str:
        names = [spec["name"] for spec in demo_data.ARRANGEMENTS]
        counted = [
            (get_user_model(), "demo users", {"username__in": self.users}),
            (Service, "services", {"name__in": self.services}),
            (CorporateObjective, "corporate objectives", {"title__in": self.objectives}),
            (Portfolio, "portfolios", {"name__in": self.portfolios}),
            (Arrangement, "arrangements", {"name__in": names}),
            (Partner, "partners", {"arrangement__name__in": names}),
            (CouncilRepresentative, "council representatives", {"arrangement__name__in": names}),
            (Risk, "risks", {"arrangement__name__in": names}),
            (Objective, "objectives", {"arrangement__name__in": names}),
            (
                PerformanceMeasure,
                "key performance measures",
                {"objective__arrangement__name__in": names},
            ),
            (
                MeasureResult,
                "targets and outturns",
                {"measure__objective__arrangement__name__in": names},
            ),
        ]
        lines = [f"Demo register of {demo_data.COUNCIL}:"]
        for model, noun, lookup in counted:
            lines.append(
                f"  {noun}: {model.objects.filter(**lookup).count()} "
                f"({self.created[model]} new, "
                f"{self.changed[model]} updated)"
            )
        lines.append(
            f"Sign in as any role's name (e.g. lead_officer, monitoring_officer, administrator) "
            f"with the password {demo_data.DEMO_PASSWORD}"
        )
        return "\n".join(lines)


def _without(item, *keys):
    return {key: value for key, value in item.items() if key not in keys}


def _key(value):
    return value.pk if isinstance(value, models.Model) else value


def _current(row, name):
    """The stored value of a field; for a foreign key, the related row's key."""
    return getattr(row, row._meta.get_field(name).attname)
