"""How much NED revises a municipality's figures between releases: the size of the
base-year uncertainty, derived from the two releases in ../shared/data/.

    python -m store.ned_revisions [--shared DIR] [--data DIR]

For each NED main sector it compares every municipality's figures in the release with data
to 2023 and the release with data to 2024, for the years both hold. The latest overlapping
year (2023) is what matters for the model: it is the analogue of today's base year, whose
figure the next release will revise. The script rewrites the ``ned_revision_*`` rows of
``data/uncertainty.csv`` (every other row is kept as it is) and writes the per-sector figures
behind them to ``data/ned_revisions.csv``.

A sector's range is a symmetric normal distribution whose 10–90 % range is ± the 80th
percentile of the absolute relative revision across the municipalities in 2023 (each
municipality counts once: the question is how far one municipality's figure may move;
sectors under 100 t are left out). Central is 0: the model takes today's
statistics as its best estimate. Växjö's own revision is written beside it for reference.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

from model.sectors import SECTORS, sector_label

SHARED_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
OLD_RELEASE = "ned-ghg-by-sector-290-municipalities-release-2025.json"
NEW_RELEASE = "ned-ghg-by-sector-290-municipalities-release-2026.json"
SOURCE_ID = "ned_revision_2025_2026"
REVISION_YEAR = "2023"
# The JSON spells one sector without the space the model's (and SMHI's) table uses.
_NAME_FIX = {"Avfall (inkl.avlopp)": "Avfall (inkl. avlopp)"}
# A sector smaller than this in a municipality is left out: a relative revision of a few
# tonnes says nothing about the base year's uncertainty.
MIN_TONNES = 100.0


def parameter_id(sector: str) -> str:
    """The uncertainty table's row id for a sector's revision."""
    return "ned_revision_" + str(SECTORS.index(sector))


def _load(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {
        row["name"]: {
            year: {_NAME_FIX.get(s, s): float(v or 0.0) for s, v in sectors.items()}
            for year, sectors in row["sectors"].items()
        }
        for row in rows
    }


def _quantile(values: np.ndarray, q: float) -> float:
    """Quantile of values; 0 with no values (a sector nobody has)."""
    return float(np.quantile(values, q)) if len(values) else 0.0


def derive(shared_dir: Path = SHARED_DIR) -> list[dict[str, object]]:
    """Per sector: Växjö's revision, the national spread, and the range used."""
    old = _load(shared_dir / OLD_RELEASE)
    new = _load(shared_dir / NEW_RELEASE)
    names = sorted(set(old) & set(new))
    out: list[dict[str, object]] = []
    for sector in SECTORS:
        rel = []
        all_years_abs = []
        for name in names:
            for year in set(old[name]) & set(new[name]):
                before = old[name][year].get(sector, 0.0)
                after = new[name][year].get(sector, 0.0)
                if before < MIN_TONNES:
                    continue
                if year == REVISION_YEAR:
                    rel.append(after / before - 1.0)
                all_years_abs.append(abs(after / before - 1.0))
        values = np.array(rel)
        vaxjo_old = old.get("Växjö", {}).get(REVISION_YEAR, {}).get(sector, 0.0)
        vaxjo_new = new.get("Växjö", {}).get(REVISION_YEAR, {}).get(sector, 0.0)
        spread = _quantile(np.abs(values), 0.8)
        out.append({
            "sector": sector,
            "parameter": parameter_id(sector),
            "municipalities": len(values),
            "vaxjo_revision_2023": round(vaxjo_new / vaxjo_old - 1.0, 4) if vaxjo_old else "",
            "national_p10_2023": round(_quantile(values, 0.1), 4),
            "national_p50_2023": round(_quantile(values, 0.5), 4),
            "national_p90_2023": round(_quantile(values, 0.9), 4),
            "abs_p80_2023": round(spread, 4),
            "abs_median_all_years": round(float(np.median(all_years_abs)), 4)
            if all_years_abs else 0.0,
        })
    return out


def _pct_sv(value: float, signed: bool = False) -> str:
    text = f"{abs(value) * 100:.1f}".replace(".", ",") + " %"
    if signed:
        return ("\u2212" if value < 0 else "+") + text
    return text


def uncertainty_rows(revisions: list[dict[str, object]]) -> list[dict[str, object]]:
    """The ned_revision_* rows of data/uncertainty.csv."""
    rows = []
    for rev in revisions:
        if not rev["municipalities"]:  # no municipality has the sector: nothing to revise
            continue
        spread = max(float(rev["abs_p80_2023"]), 0.001)  # type: ignore[arg-type]
        sector = str(rev["sector"])
        vaxjo = rev["vaxjo_revision_2023"]
        vaxjo_sv = _pct_sv(float(vaxjo), signed=True) if vaxjo != "" else "–"
        vaxjo_en = f"{float(vaxjo) * 100:+.1f} %" if vaxjo != "" else "–"
        rows.append({
            "parameter": rev["parameter"],
            "label_sv": f"Statistikens revidering: {sector_label(sector, 'sv').lower()}",
            "label_en": f"Revision of the statistics: {sector_label(sector, 'en').lower()}",
            "distribution": "normal",
            "low": round(-spread, 4),
            "central": 0.0,
            "high": round(spread, 4),
            "unit": "relativ ändring",
            "applies_to": sector,
            "source_id": SOURCE_ID,
            "reason_sv": (
                f"NED ändrade 2023 års siffror mellan publiceringarna 2025 och 2026; i 80 % av "
                f"kommunerna ändrades sektorn mindre än ±{_pct_sv(spread)} "
                f"(Växjö: {vaxjo_sv}). Normalfördelning med 10–90 % = ±{_pct_sv(spread)}."
            ),
            "reason_en": (
                f"NED changed the 2023 figures between the 2025 and 2026 releases; in 80 % of the "
                f"municipalities the sector changed by less than "
                f"±{spread * 100:.1f} % (Växjö: {vaxjo_en}). Normal with 10–90 % = "
                f"±{spread * 100:.1f} %."
            ),
        })
    return rows


UNCERTAINTY_COLUMNS = ("parameter", "label_sv", "label_en", "distribution", "low", "central",
                       "high", "unit", "applies_to", "source_id", "reason_sv", "reason_en")


def write(shared_dir: Path = SHARED_DIR, data_dir: Path = DATA_DIR) -> None:
    """Rewrite data/ned_revisions.csv and the revision rows of data/uncertainty.csv."""
    revisions = derive(shared_dir)
    with (data_dir / "ned_revisions.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=[*revisions[0], "source_id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "source_id": SOURCE_ID} for r in revisions)
    path = data_dir / "uncertainty.csv"
    kept: list[dict[str, str]] = []
    if path.exists():
        with path.open(encoding="utf-8", newline="") as f:
            kept = [r for r in csv.DictReader(f) if not r["parameter"].startswith("ned_revision_")]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=UNCERTAINTY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(uncertainty_rows(revisions))
        writer.writerows(kept)


def main(argv: list[str] | None = None) -> int:
    """Derive and write; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m store.ned_revisions", description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED_DIR)
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    if not (args.shared / OLD_RELEASE).exists():
        print(f"fel: {args.shared / OLD_RELEASE} saknas", file=sys.stderr)
        return 1
    write(args.shared, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
