"""The climate investment plan: unit costs documented, nothing costs anything at the
reference, payers add up, the cost curve is sorted, and the Excel export opens.

Why: a politician reads "who pays" and "SEK per tonne" straight off this; a cost that
appears without any lever moving, or a curve out of order, would mislead the room.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from model import LEVERS_BY_ID, build_municipality_data, reference_levers
from model.costs import (
    CASES,
    DRIVERS,
    PAYERS,
    CostDataError,
    annuity_factor,
    cost_plan,
    cost_table_from_frames,
)
from store.csv_tables import read_cost_table, read_csv_tables
from ui.cost_export import plan_workbook

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SCENARIO = {
    "el_personbilar": 90.0, "trafik_personbilar": -10.0, "el_tunga_lastbilar": 55.0,
    "reduktionsplikt_diesel": 50.0, "fossilfritt_flyg": 30.0, "utfasning_olja": 80.0,
    "energieffektivisering": 10.0, "idisslare": -12.0, "avfall_minskning": 60.0,
    "beccs_kt": 180.0, "beccs_start": 2030.0, "hvo100_lokalt": 100.0,
}


@cache
def municipality(code: str):
    return build_municipality_data(read_csv_tables(), code)


def rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_unit_cost_is_documented() -> None:
    """A source, a basis (source or estimate), a low–high range and payers summing to 1."""
    for row in rows("costs.csv"):
        where = (row["lever_id"], row["item_id"])
        assert row["lever_id"] in LEVERS_BY_ID, where
        assert row["source_id"], where
        assert row["basis"] in {"fakta", "uppskattning"}, where
        assert float(row["low"]) <= float(row["central"]) <= float(row["high"]), where
        assert sum(float(row[f"share_{p}"]) for p in PAYERS) == pytest.approx(1.0), where
        assert row["driver"] in DRIVERS, where
        if row["basis"] == "uppskattning":
            assert row["note_sv"] and row["note_en"], where
    for row in rows("cost_parameters.csv"):
        assert row["source_id"] and row["kind"] in {"fakta", "uppskattning"}, row


def test_every_lever_that_moves_emissions_has_a_cost_item() -> None:
    covered = {item.lever_id for item in read_cost_table().items}
    assert covered == set(LEVERS_BY_ID) - {"beccs_start"}  # the start year shifts BECCS only


def test_bad_tables_are_rejected_with_a_reason() -> None:
    costs = pd.read_csv(DATA_DIR / "costs.csv")
    parameters = pd.read_csv(DATA_DIR / "cost_parameters.csv")
    broken = costs.copy()
    broken.loc[0, "share_hushall"] = 0.9
    with pytest.raises(CostDataError, match="summerar"):
        cost_table_from_frames(broken, parameters)
    broken = costs.copy()
    broken.loc[0, "low"] = broken.loc[0, "high"] + 1
    with pytest.raises(CostDataError, match="low"):
        cost_table_from_frames(broken, parameters)


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_costs_are_zero_for_the_reference(code: str) -> None:
    data = municipality(code)
    plan = cost_plan(data, reference_levers(data), read_cost_table())
    assert not plan.investment.any() and not plan.operating.any() and not plan.annuity.any()
    assert plan.total_reduced_t() == 0
    assert plan.cost_per_tonne() is None
    assert plan.mac_curve().empty
    assert plan.investment_by_payer()["investment_sek"].eq(0).all()


def test_plan_years_run_from_after_the_base_year_to_2035() -> None:
    data = municipality("0780")
    plan = cost_plan(data, reference_levers(data).with_values(**SCENARIO), read_cost_table())
    assert plan.years[0] == data.base_year + 1 and plan.years[-1] == 2035


def test_payers_add_up_to_the_investments() -> None:
    data = municipality("0780")
    plan = cost_plan(data, reference_levers(data).with_values(**SCENARIO), read_cost_table())
    for case in CASES:
        by_payer = plan.investment_by_payer(case)
        assert by_payer["investment_sek"].sum() == pytest.approx(
            plan.investment[CASES.index(case)].sum())
        assert set(by_payer["payer"]) == set(PAYERS)


def test_the_plan_by_item_and_payer_adds_up() -> None:
    """Every lever's investments and yearly costs, split by who pays, sum to the totals."""
    data = municipality("0780")
    plan = cost_plan(data, reference_levers(data).with_values(**SCENARIO), read_cost_table())
    frame = plan.by_item_and_payer()
    investments = frame[frame["kind"] == "investering"]["sek"].sum()
    operating = frame[frame["kind"] == "drift"]["sek"].sum()
    assert investments == pytest.approx(plan.investment[1].sum())
    assert operating == pytest.approx(plan.operating[1].sum())
    beccs = frame[frame["item_id"] == "beccs_investering"]
    assert set(beccs["payer"]) == {"kommun"}
    assert frame["year"].between(2025, 2035).all()


def test_low_central_high_are_ordered() -> None:
    data = municipality("0780")
    plan = cost_plan(data, reference_levers(data).with_values(**SCENARIO), read_cost_table())
    low, central, high = (plan.cost_per_tonne(case) for case in CASES)
    assert low < central < high


def test_the_cost_curve_is_sorted_and_its_widths_add_up() -> None:
    data = municipality("0780")
    plan = cost_plan(data, reference_levers(data).with_values(**SCENARIO), read_cost_table())
    for case in CASES:
        curve = plan.mac_curve(case)
        assert len(curve) >= 5
        assert curve["sek_per_t"].is_monotonic_increasing
        assert (curve["reduced_t"] >= 1).all()
        assert curve["x_start"].iloc[0] == 0
        np.testing.assert_allclose(curve["x_end"].iloc[:-1].to_numpy(),
                                   curve["x_start"].iloc[1:].to_numpy())
        assert curve["x_end"].iloc[-1] == pytest.approx(curve["reduced_t"].sum())
    assert "beccs_start" not in set(plan.mac_curve()["lever_id"])  # counted with BECCS


def test_bigger_moves_cost_more_investment() -> None:
    data = municipality("0780")
    table = read_cost_table()
    reference = reference_levers(data)
    some = cost_plan(data, reference.with_values(el_personbilar=80.0), table)
    more = cost_plan(data, reference.with_values(el_personbilar=100.0), table)
    assert 0 < some.investment[1].sum() < more.investment[1].sum()


def test_electric_cars_count_vehicles_and_their_investment_comes_by_2030() -> None:
    """All new cars electric from 2030 instead of 66 %: fleet renewal lets the electric share
    of car-km rise about 4.6 points more by 2030, ≈ 4.6 % of about 39,000 car equivalents;
    bought 2025–2030."""
    data = municipality("0780")
    table = read_cost_table()
    reference = reference_levers(data)
    plan = cost_plan(data, reference.with_values(el_personbilar=100.0), table)
    i = next(k for k, item in enumerate(plan.items) if item.item_id == "elbil_merpris")
    cars_2030 = plan.quantities[i][list(plan.years).index(2030)]
    assert 1_200 < cars_2030 < 2_500
    investment = plan.investment[CASES.index("central"), i]
    assert investment[plan.years <= 2030].sum() == pytest.approx(cars_2030 * 40_000)


def test_electric_cars_leave_less_petrol_to_blend() -> None:
    """The biofuel blend is paid on the fuel the scenario still burns."""
    data = municipality("0780")
    table = read_cost_table()
    reference = reference_levers(data)
    blend_only = cost_plan(data, reference.with_values(reduktionsplikt_bensin=28.0), table)
    with_cars = cost_plan(data, reference.with_values(reduktionsplikt_bensin=28.0,
                                                      el_personbilar=100.0), table)
    i = next(k for k, item in enumerate(blend_only.items) if item.item_id == "biobensin_merpris")
    assert with_cars.operating[1, i].sum() < 0.95 * blend_only.operating[1, i].sum()


def test_beccs_investment_falls_in_the_two_years_before_the_start() -> None:
    data = municipality("0780")
    plan = cost_plan(data, reference_levers(data).with_values(beccs_kt=180.0, beccs_start=2031.0),
                     read_cost_table())
    i = next(k for k, item in enumerate(plan.items) if item.item_id == "beccs_investering")
    investment = dict(zip(plan.years.tolist(), plan.investment[1, i], strict=True))
    # 17,500 SEK per tonne of yearly capacity: Stockholm Exergi's 13 bn / 800 kt, a bit more
    # for a smaller plant.
    total = 180_000 * 17_500
    assert investment[2029] == pytest.approx(total / 2)
    assert investment[2030] == pytest.approx(total / 2)
    assert sum(investment.values()) == pytest.approx(total)


def test_annuity_factor() -> None:
    assert annuity_factor(0.0, 10) == pytest.approx(0.1)
    assert annuity_factor(0.035, 25) == pytest.approx(0.060674, rel=1e-4)


def test_excel_export_opens_with_every_sheet() -> None:
    data = municipality("0780")
    reference = reference_levers(data)
    levers = reference.with_values(**SCENARIO)
    plan = cost_plan(data, levers, read_cost_table())
    workbook = openpyxl.load_workbook(io.BytesIO(
        plan_workbook(plan, levers, reference, data.name, "sv", {})))
    assert workbook.sheetnames == ["Sammanfattning", "Investeringar",
                                   "Plan per spak och betalare", "Åtgärder", "Kostnadskurva",
                                   "Enhetskostnader"]
    investments = workbook["Investeringar"]
    totals = [row[-1] for row in investments.iter_rows(min_row=2, values_only=True)
              if row[0] == "Mellan"]
    assert sum(totals) == pytest.approx(plan.investment[1].sum())
    plan_rows = [row for row in workbook["Plan per spak och betalare"].iter_rows(
        min_row=2, values_only=True) if row[0] == "Mellan"]
    assert sum(sum(row[5:]) for row in plan_rows) == pytest.approx(
        plan.investment[1].sum() + plan.operating[1].sum())
    english = openpyxl.load_workbook(io.BytesIO(
        plan_workbook(plan, levers, reference, data.name, "en", {})))
    assert english.sheetnames[0] == "Summary"
