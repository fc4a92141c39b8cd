"""Helpers of the audit timeline's tests: an arrangement with a long history."""

from decimal import Decimal

from django.db import connection
from django.utils import timezone

from register.models import Arrangement
from tests.factories import ServiceFactory


def many_edits(arrangement, count, user):
    """`count` saved changes of its name, cash and service, as history rows between its last
    save and now, as a long-lived arrangement collects them over the years. Written with one
    statement run for every row (Django's bulk_create takes seconds to write 10,000 rows of
    some sixty columns)."""
    services_ = [ServiceFactory(name="Housing").pk, ServiceFactory(name="Finance").pk]
    model = Arrangement.history.model
    last = Arrangement.history.filter(id=arrangement.pk).latest()
    step = (timezone.now() - last.history_date) / (count + 1)
    fields = [f for f in model._meta.concrete_fields if f.attname != "history_id"]
    prepared = {f.attname: f.get_db_prep_save(getattr(last, f.attname), connection) for f in fields}
    changing = {"name", "cash_per_year", "service_id", "history_date", "history_type"}
    changing |= {"history_user_id"}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    by_name = {f.attname: f for f in fields}
    rows = []
    for number in range(1, count + 1):
        values = {
            "name": f"{arrangement.name}, revision {number}",
            "cash_per_year": Decimal(10000 + number),
            "service_id": services_[number % 2],
            "history_date": last.history_date + step * number,
            "history_type": "~",
            "history_user_id": user.pk,
        }
        rows.append(
            [
                by_name[f.attname].get_db_prep_save(values[f.attname], connection)
                if f.attname in changing
                else prepared[f.attname]
                for f in fields
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
