"""The lever registry (model/levers.py LEVER_SPECS) is the one place a lever is defined.

Issue 11, part 4: the Levers type is generated from the registry, the wiring (which lever
acts on which part of the emissions, and how) is data in the registry that the emission
code reads in a loop, and adding a lever means adding one LeverSpec. The last test does just
that, in a fresh interpreter, and runs the model with the new lever.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import get_args

import pytest

from model.levers import (
    LEVER_SPECS,
    LOWER_IS_BETTER,
    Effect,
    Levers,
    lever_with_effect,
    levers_differing,
)
from model.paths import FLEET_PARAMETERS, FLEETS
from model.sectors import PART_SECTOR, PARTS

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_levers_fields_are_the_registry() -> None:
    """Same names, order and defaults as LEVER_SPECS: links and saved scenarios unchanged."""
    fields = dataclasses.fields(Levers)
    assert [f.name for f in fields] == [spec.id for spec in LEVER_SPECS]
    assert [f.default for f in fields] == [spec.reference for spec in LEVER_SPECS]
    assert Levers().as_dict() == {spec.id: spec.reference for spec in LEVER_SPECS}


def test_levers_stay_frozen_and_hashable() -> None:
    levers = Levers()
    assert hash(levers) == hash(Levers())
    assert levers.with_values(el_personbilar=80.0) != levers
    with pytest.raises(dataclasses.FrozenInstanceError):
        levers.el_personbilar = 1.0  # type: ignore[misc]


def test_wiring_is_well_formed() -> None:
    """Every effect is one the model knows; factor effects act on known parts within the
    lever's own sectors; one lever per obligation and per BECCS input."""
    effects = set(get_args(Effect))
    for spec in LEVER_SPECS:
        assert spec.effect in effects, spec.id
        assert set(spec.parts) <= set(PARTS), spec.id
        assert {PART_SECTOR[p] for p in spec.parts} <= set(spec.sectors), spec.id
        if spec.effect in ("remaining", "change", "cut", "obligation_petrol",
                           "obligation_diesel", "own_diesel"):
            assert spec.parts, f"{spec.id} acts on nothing"
        if spec.fleet:
            assert spec.path == "new_share" and spec.fleet in FLEET_PARAMETERS, spec.id
    for effect in ("obligation_petrol", "obligation_diesel", "beccs_capacity", "beccs_start_year"):
        lever_with_effect(effect)  # exactly one, else ValueError
    assert set(FLEETS) == {s.id for s in LEVER_SPECS if s.path == "new_share"}
    assert {"trafik_personbilar", "idisslare", "beccs_start"} == LOWER_IS_BETTER


def test_emission_code_names_no_lever() -> None:
    """The wiring lives in the registry: the emission code has no lever id in it."""
    source = (REPO_ROOT / "model" / "emissions.py").read_text(encoding="utf-8")
    named = [spec.id for spec in LEVER_SPECS if f'"{spec.id}"' in source]
    assert not named, f"model/emissions.py names levers: {named}"


def test_levers_differing_counts_the_differences() -> None:
    reference = Levers()
    moved = reference.with_values(el_personbilar=80.0, idisslare=-5.0)
    assert levers_differing(reference, reference) == 0
    assert levers_differing(reference, moved) == 2 == levers_differing(moved, reference)
    assert levers_differing(reference, reference.with_values(el_personbilar=66.0 + 1e-12)) == 0
    # Mappings (saved scenarios, presets, sliders): a lever one side lacks differs.
    saved = {"el_personbilar": 80.0, "idisslare": 0.0}
    assert levers_differing(moved, saved) == 19  # idisslare and 18 levers saved lacks
    assert levers_differing(moved.as_dict(), {**moved.as_dict(), "idisslare": 0.0}) == 1
    assert levers_differing(moved, reference, ["el_personbilar", "beccs_kt"]) == 1


# A new lever, written as one would add it to LEVER_SPECS: hydrogen for industry's energy.
NEW_LEVER = """
    LeverSpec(
        id="vatgas_industri",
        group="energi",
        label_sv="Vätgas i industrin 2030",
        label_en="Hydrogen in industry in 2030",
        help_sv="Andel av industrins fossila energi som ersätts av vätgas.",
        help_en="Share of industry's fossil energy replaced by hydrogen.",
        unit="%",
        min=0.0,
        max=50.0,
        step=5.0,
        reference=0.0,
        sector=INDUSTRY,
        control="naringsliv_hushall",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut",
        reference_note_en="No new decisions",
        path="hold",
        effect="remaining",
        parts=(PART_INDUSTRY_FUEL,),
    ),
"""

# Loads the package with model/levers.py's source plus NEW_LEVER (nothing else changed),
# then runs the model with the new lever.
SCRIPT = """
import importlib.util, json, sys
from pathlib import Path

root = Path(sys.argv[1])
package = importlib.util.spec_from_file_location(
    "model", root / "model" / "__init__.py", submodule_search_locations=[str(root / "model")])
sys.modules["model"] = importlib.util.module_from_spec(package)  # its __init__ runs last
source = (root / "model" / "levers.py").read_text(encoding="utf-8")
end = source.index("\\n)\\n\\nLEVERS_BY_ID")
source = source[:end] + sys.stdin.read().rstrip() + source[end:]
levers_spec = importlib.util.spec_from_loader("model.levers", loader=None)
levers = importlib.util.module_from_spec(levers_spec)
levers.__file__ = str(root / "model" / "levers.py")
sys.modules["model.levers"] = levers
exec(compile(source, levers.__file__, "exec"), levers.__dict__)
package.loader.exec_module(sys.modules["model"])

import numpy as np
from model import build_municipality_data, reference_levers, run_scenario
from model.batch import run_batch
from model.levers import LEVERS_BY_ID, check_lever_value
from model.sectors import INDUSTRY, SECTOR_INDEX
from model.uncertainty import run_uncertainty
from model.scenario import default_budget
from store.csv_tables import read_csv_tables, uncertain_inputs

data = build_municipality_data(read_csv_tables(), "0780")
reference = reference_levers(data)
moved = reference.with_values(vatgas_industri=50.0)
check_lever_value("vatgas_industri", 50.0)
i = SECTOR_INDEX[INDUSTRY]
t = int(np.nonzero(run_scenario(data, reference).years == 2030)[0][0])
base = run_scenario(data, reference).trajectory.fossil_fuel_co2[t]
new = run_scenario(data, moved).trajectory.fossil_fuel_co2[t]
batch = run_batch(data, {"vatgas_industri": np.array([0.0, 50.0])})
fan = run_uncertainty(data, moved, default_budget(data), uncertain_inputs(), 20)
print(json.dumps({
    "field": reference.vatgas_industri,
    "industry_ratio": float(new[i] / base[i]),
    "others_equal": bool(np.allclose(np.delete(new, i), np.delete(base, i))),
    "batch_ratio": float(batch.fossil_fuel_co2[1, t, i] / batch.fossil_fuel_co2[0, t, i]),
    "fan_draws": fan.draws,
    "in_registry": "vatgas_industri" in LEVERS_BY_ID,
}))
"""


def test_adding_a_lever_to_the_registry_is_enough() -> None:
    """A LeverSpec added to LEVER_SPECS, and nothing else, gives a Levers field, a checked
    range and a lever that acts where its parts say, in run_scenario, run_batch and the
    Monte Carlo: half of industry's fossil energy in 2030 replaced halves its fuel CO2."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT), str(REPO_ROOT)],
        input=NEW_LEVER, capture_output=True, text=True, cwd=REPO_ROOT, timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["field"] == 0.0
    assert out["in_registry"]
    assert out["industry_ratio"] == pytest.approx(0.5)
    assert out["batch_ratio"] == pytest.approx(0.5)
    assert out["others_equal"]
    assert out["fan_draws"] == 20
