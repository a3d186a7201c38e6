"""The result tables: kept rows as tidy main- and sub-sector frames in tonnes.

Where SMHI published a main sector without its breakdown (see smhi.checks.check_sums), the
main sector's value is booked as one remainder sub-sector here, so that sub-sectors always add
up to their main sector in the result and the model never loses emissions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from smhi.checks import ABS_TOLERANCE_T, Gap
from smhi.messages import fmt_t
from smhi.municipalities import MUNICIPALITIES
from smhi.rows import Row
from smhi.sectors import (
    MACHINERY,
    MACHINERY_SUBSECTORS,
    MAIN_SECTORS,
    TRANSPORT,
    TRANSPORT_SUBSECTORS,
    UNALLOCATED,
    normalise_subsector,
)

# per main sector: (years with a gap, municipality codes, places whose values were set aside)
_GapsBySector = dict[str, tuple[set[int], set[str], set[str]]]


def book_unallocated(
    parsed: list[Row],
    values: np.ndarray,
    keep: list[int],
    gaps: dict[int, Gap],
    years: list[int],
    warnings: list[str],
) -> tuple[list[Row], np.ndarray]:
    """Kept rows, with SMHI's missing breakdowns booked as one remainder sub-sector.

    In the years of a gap the place's sub-sector values are set aside and the main sector's
    value goes to "Ej fördelat" ("Övriga" for transport and machinery), so that sub-sectors
    always add up to their main sector in the result.
    """
    rows = [parsed[i] for i in keep]
    position = {i: n for n, i in enumerate(keep)}
    kept = np.array(values[keep] if keep else values[:0], dtype=float)
    extra_values: list[np.ndarray] = []
    by_sector: _GapsBySector = {}
    for i in keep:
        gap = gaps.get(i)
        if gap is None:
            continue
        r = parsed[i]
        assert r.main is not None and r.code is not None
        for j in gap.sub_rows:
            kept[position[j], gap.mask] = 0.0
        rows.append(Row(r.excel_row, r.main, UNALLOCATED, r.county, r.kommun, r.code))
        extra_values.append(np.where(gap.mask, np.nan_to_num(values[i]), 0.0))
        gap_years, codes, ignored = by_sector.setdefault(r.main, (set(), set(), set()))
        gap_years.update(y for y, m in zip(years, gap.mask, strict=True) if m)
        codes.add(r.code)
        if gap.ignored:
            ignored.add(r.kommun or r.code)
    warnings.extend(_gap_warnings(by_sector))
    if extra_values:
        kept = np.vstack([kept, np.array(extra_values)])
    return rows, kept


def _gap_warnings(by_sector: _GapsBySector) -> list[str]:
    """One warning per main sector whose breakdown was missing, naming the years."""
    out = []
    for sector, (gap_years, codes, ignored) in by_sector.items():
        listed = ", ".join(str(y) for y in sorted(gap_years))
        target = normalise_subsector(sector, UNALLOCATED)
        text = (
            f"{sector}: SMHI:s fördelning på undersektorer saknas år {listed} "
            f"({_kommuner(len(codes))}); huvudsektorns värde redovisas som undersektorn "
            f"'{target}'."
        )
        if ignored:
            names = ", ".join(sorted(ignored)[:5])
            text += f" Undersektorvärden som inte stämde med huvudsektorn ({names}) användes inte."
        out.append(text)
    return out


def _kommuner(n: int) -> str:
    return f"{n} kommun" if n == 1 else f"{n} kommuner"


def rounding_warnings(main: pd.DataFrame, sub: pd.DataFrame) -> list[str]:
    """Say where sub-sectors differ from their main sector by more than 1 t (but within 0.5 %).

    SMHI's own rounding: in the 2024-04-18 release transport sub-sectors for 1990 and 2000 sum
    up to 0.3 % away from the main sector. The main sector's value is the one to use.
    """
    if sub.empty:
        return []
    keys = ["municipality_code", "year", "sector"]
    sums = sub.groupby(keys, sort=False)["value_t"].sum().rename("sub_t")
    both = main.set_index(keys)[["value_t"]].join(sums, how="inner")
    diff = (both["sub_t"] - both["value_t"]).abs()
    rel = diff / both["value_t"].abs().clip(lower=1.0)
    off = both.assign(rel=rel)[diff > ABS_TOLERANCE_T].reset_index()
    out = []
    for sector, part in off.groupby("sector", sort=False):
        years = sorted({int(y) for y in part["year"]})
        codes = part["municipality_code"].unique()
        out.append(
            f"{sector}: undersektorerna summerar inte exakt till huvudsektorn år "
            f"{', '.join(map(str, years))} ({_kommuner(len(codes))}, som mest "
            f"{fmt_t(100 * float(part['rel'].max()))} %); huvudsektorns värde gäller."
        )
    return out


def frames(
    parsed: list[Row], values: np.ndarray, years: list[int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(main, sub) tidy frames in the model's sector order; blanks and noise become 0 t."""
    v = np.nan_to_num(values, nan=0.0)
    v[v < 0] = 0.0  # only rounding noise is left here; larger negatives were rejected
    main_idx = [i for i, r in enumerate(parsed) if r.sub is None and r.main is not None]
    sub_idx = [i for i, r in enumerate(parsed) if r.sub is not None]
    main = _sorted_main(_long(parsed, v, main_idx, years, with_sub=False))
    sub = _sorted_sub(_long(parsed, v, sub_idx, years, with_sub=True))
    for frame in (main, sub):
        frame["value_t"] = frame["value_t"].astype("float64")
    return main, sub


def _long(
    parsed: list[Row], v: np.ndarray, idx: list[int], years: list[int], with_sub: bool
) -> pd.DataFrame:
    """One row per (data row, year), in the order of `idx`."""
    n_years = len(years)
    codes = np.repeat([parsed[i].code for i in idx], n_years)
    frame = pd.DataFrame(
        {
            "municipality_code": pd.array(codes, dtype="str"),
            "municipality": pd.array(
                np.repeat([MUNICIPALITIES[parsed[i].code] for i in idx], n_years),
                dtype="str",
            ),
            "year": np.tile(np.array(years, dtype="int64"), len(idx)),
            "sector": pd.array(np.repeat([parsed[i].main for i in idx], n_years), dtype="str"),
        }
    )
    if with_sub:
        subs = [normalise_subsector(parsed[i].main, parsed[i].sub) for i in idx]
        frame["subsector"] = pd.array(np.repeat(subs, n_years), dtype="str")
    frame["value_t"] = v[idx].reshape(-1) if idx else np.array([], dtype=float)
    return frame


def _sector_rank() -> dict[str, int]:
    return {s: i for i, s in enumerate(MAIN_SECTORS)}


def _sorted_main(main: pd.DataFrame) -> pd.DataFrame:
    """Main sectors per municipality and year, in the model's sector order."""
    main["_s"] = main["sector"].map(_sector_rank())
    main = main.sort_values(["municipality_code", "year", "_s"], kind="stable")
    return main.drop(columns="_s").reset_index(drop=True)


def _sorted_sub(sub: pd.DataFrame) -> pd.DataFrame:
    """Sub-sectors folded into the project's (summed) and sorted in its order."""
    keys = ["municipality_code", "municipality", "year", "sector", "subsector"]
    # First appearance keeps SMHI's order for the sub-sectors that are not folded together.
    sub["_first"] = np.arange(len(sub))
    sub = sub.groupby(keys, as_index=False, sort=False).agg(
        value_t=("value_t", "sum"), _first=("_first", "min")
    )
    sub["_s"] = sub["sector"].map(_sector_rank())
    sub["_o"] = [
        _subsector_order(s, n) for s, n in zip(sub["sector"], sub["subsector"], strict=True)
    ]
    sub = sub.sort_values(["municipality_code", "year", "_s", "_o", "_first"], kind="stable")
    return sub.drop(columns=["_s", "_o", "_first"]).reset_index(drop=True)


def _subsector_order(sector: str, name: str) -> int:
    if sector == TRANSPORT:
        return TRANSPORT_SUBSECTORS.index(name)
    if sector == MACHINERY:
        return MACHINERY_SUBSECTORS.index(name)
    return 0
