"""Partners, representatives, objectives, measures, results and risks: their pages and their
bad input."""

import re

import pytest
from django.urls import reverse

from register.models import CouncilRepresentative, MeasureResult, PerformanceMeasure, Risk
from tests.factories import (
    ArrangementFactory,
    CouncilRepresentativeFactory,
    DocumentFactory,
    MeasureResultFactory,
    ObjectiveFactory,
    PartnerFactory,
    PerformanceMeasureFactory,
    RiskFactory,
)


@pytest.fixture
def arrangement(lead_officer):
    return ArrangementFactory(lead_officer=lead_officer)


def add(client, arrangement, part, data):
    return client.post(reverse("register:part-add", args=[arrangement.reference, part]), data)


RISK = {"description": "Funding ends", "likelihood": "3", "impact": "3"}
RISK_SCORES = [
    ({"likelihood": "0"}, "likelihood", "Select a likelihood from 1 to 5"),
    ({"likelihood": "6"}, "likelihood", "Select a likelihood from 1 to 5"),
    ({"impact": "0"}, "impact", "Select an impact from 1 to 5"),
    ({"impact": "6"}, "impact", "Select an impact from 1 to 5"),
    ({"impact": "high"}, "impact", "Select an impact from 1 to 5"),
    ({"likelihood": ""}, "likelihood", "Select the likelihood, from 1 to 5"),
    ({"description": ""}, "description", "Enter the risk"),
    ({"description": "x" * 501}, "description", "Risk must be 500 characters or fewer"),
]


@pytest.mark.parametrize(("overrides", "field", "message"), RISK_SCORES)
def test_risk_scores_outside_1_to_5_are_refused(
    lead_officer_client, arrangement, overrides, field, message
):
    response = add(lead_officer_client, arrangement, "risks", {**RISK, **overrides})
    assert response.status_code == 400
    assert message in response.context["form"].errors[field]
    assert "govuk-error-summary" in response.content.decode()
    assert not Risk.objects.exists()


@pytest.mark.parametrize(
    ("likelihood", "impact", "score"), [("1", "1", 1), ("5", "5", 25), ("2", "4", 8)]
)
def test_risk_scores_from_1_to_5_are_kept_and_multiplied(
    lead_officer_client, arrangement, likelihood, impact, score
):
    response = add(
        lead_officer_client,
        arrangement,
        "risks",
        {**RISK, "likelihood": likelihood, "impact": impact},
    )
    assert response.status_code == 302
    assert Risk.objects.get().score == score


REPRESENTATIVE = {
    "name": "Cllr Jo Brown",
    "role": "Board member",
    "start_date_0": "1",
    "start_date_1": "4",
    "start_date_2": "2026",
}


def test_representative_finishing_before_starting_is_refused(lead_officer_client, arrangement):
    response = add(
        lead_officer_client,
        arrangement,
        "representatives",
        {**REPRESENTATIVE, "finish_date_0": "31", "finish_date_1": "3", "finish_date_2": "2026"},
    )
    assert response.status_code == 400
    assert (
        "The finish date must be the same as or after the start date"
        in response.context["form"].errors["finish_date"]
    )
    assert not CouncilRepresentative.objects.exists()


def test_representative_needs_a_start_date(lead_officer_client, arrangement):
    response = add(
        lead_officer_client,
        arrangement,
        "representatives",
        {**REPRESENTATIVE, "start_date_0": "", "start_date_1": "", "start_date_2": ""},
    )
    assert "Enter the date they started" in response.context["form"].errors["start_date"]


def test_representative_is_recorded_with_dates(lead_officer_client, arrangement):
    response = add(
        lead_officer_client, arrangement, "representatives", {**REPRESENTATIVE, "is_member": "on"}
    )
    assert response.status_code == 302
    representative = CouncilRepresentative.objects.get()
    assert representative.is_member and str(representative.start_date) == "2026-04-01"


def test_partner_needs_a_name_and_a_sector(lead_officer_client, arrangement):
    response = add(lead_officer_client, arrangement, "partners", {"name": "", "sector": ""})
    errors = response.context["form"].errors
    assert errors["name"] == ["Enter the name of the partner organisation"]
    assert errors["sector"] == ["Select the partner's sector"]


def test_partner_contribution_must_be_money(lead_officer_client, arrangement):
    response = add(
        lead_officer_client,
        arrangement,
        "partners",
        {
            "name": "Kent County Council",
            "sector": "local_government",
            "contribution_per_year": "-5",
        },
    )
    assert response.context["form"].errors["contribution_per_year"] == [
        "Enter the partner's contribution a year of £0 or more"
    ]


def test_measure_can_only_belong_to_an_objective_of_this_arrangement(
    lead_officer_client, arrangement
):
    other_objective = ObjectiveFactory()
    response = add(
        lead_officer_client,
        arrangement,
        "measures",
        {"objective": other_objective.pk, "name": "Incidents"},
    )
    assert response.status_code == 400
    assert not PerformanceMeasure.objects.filter(name="Incidents").exists()


def test_target_and_outturn_are_recorded_once_a_year(lead_officer_client, arrangement):
    measure = PerformanceMeasureFactory(objective__arrangement=arrangement)
    data = {"measure": measure.pk, "year": "2026", "target": "400", "outturn": "380"}
    assert add(lead_officer_client, arrangement, "results", data).status_code == 302
    again = add(lead_officer_client, arrangement, "results", data)
    assert again.status_code == 400
    assert MeasureResult.objects.count() == 1


@pytest.mark.parametrize(
    ("year", "message"),
    [("1999", "Enter a year from 2000 to 2100"), ("next", "Enter the year as a number, like 2026")],
)
def test_result_year_must_be_a_real_financial_year(lead_officer_client, arrangement, year, message):
    measure = PerformanceMeasureFactory(objective__arrangement=arrangement)
    response = add(
        lead_officer_client,
        arrangement,
        "results",
        {"measure": measure.pk, "year": year, "target": "1"},
    )
    assert message in response.context["form"].errors["year"]


def test_a_part_of_another_arrangement_is_not_found(lead_officer_client, arrangement):
    stranger = PartnerFactory()
    url = reverse("register:part-edit", args=[arrangement.reference, "partners", stranger.pk])
    assert lead_officer_client.get(url).status_code == 404
    url = reverse("register:part-remove", args=[arrangement.reference, "partners", stranger.pk])
    assert lead_officer_client.post(url).status_code == 404
    assert stranger.__class__.objects.filter(pk=stranger.pk).exists()


def test_an_unknown_part_is_not_found(lead_officer_client, arrangement):
    url = reverse("register:part-add", args=[arrangement.reference, "secrets"])
    assert lead_officer_client.get(url).status_code == 404


def test_removing_asks_first_and_a_get_changes_nothing(lead_officer_client, arrangement):
    partner = PartnerFactory(arrangement=arrangement)
    url = reverse("register:part-remove", args=[arrangement.reference, "partners", partner.pk])
    assert "Remove the partner" in lead_officer_client.get(url).content.decode()
    assert arrangement.partners.exists()
    lead_officer_client.post(url)
    assert not arrangement.partners.exists()


@pytest.mark.parametrize(
    "target, outturn, shown",
    [
        ("1250", "1300", "target 1,250, outturn 1,300"),  # counts, not pounds
        ("87.5", None, "target 87.5, outturn not yet known"),  # a percentage
    ],
)
def test_targets_and_outturns_show_as_plain_numbers(client_for, target, outturn, shown):
    from decimal import Decimal

    from tests.factories import MeasureResultFactory

    result = MeasureResultFactory(
        target=Decimal(target), outturn=Decimal(outturn) if outturn else None
    )
    arrangement = result.measure.objective.arrangement
    page = client_for(arrangement.lead_officer).get(arrangement.get_absolute_url())
    assert shown in page.content.decode()
    assert f"target £{target}" not in page.content.decode()


def test_on_the_arrangement_page_every_cell_of_a_parts_table_is_labelled_with_its_column(
    lead_officer_client, arrangement
):
    """The labels a phone shows above each cell (WCAG 1.4.10) are the columns' headings."""
    PartnerFactory(arrangement=arrangement)
    CouncilRepresentativeFactory(arrangement=arrangement)
    RiskFactory(arrangement=arrangement)
    measure = PerformanceMeasureFactory(objective=ObjectiveFactory(arrangement=arrangement))
    MeasureResultFactory(measure=measure)
    DocumentFactory(arrangement=arrangement)
    page = lead_officer_client.get(arrangement.get_absolute_url()).content.decode()
    tables = re.findall(r'<table class="govuk-table app-table--reflow">(.*?)</table>', page, re.S)
    assert len(tables) == 5
    for table in tables:
        headings = re.findall(r'<th scope="col" class="govuk-table__header">([^<]+)</th>', table)
        row = re.search(r'<tbody class="govuk-table__body">(.*?)</tr>', table, re.S).group(1)
        assert re.findall(r'<td data-label="([^"]*)"', row) == headings
