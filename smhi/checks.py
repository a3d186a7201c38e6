"""The rules a whole report must keep: sums add up, all main sectors are there, and the
municipality asked for is in the file.

* Sub-sectors must sum to their main sector, and main sectors to the "Alla" total, within
  0.5 % or 1 t, whichever is larger: a file that does not add up is damaged or edited.
* All nine main sectors must be present for every municipality: a scenario built on a
  partial export would silently miss emissions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from smhi.messages import Problems, column_letter, fmt_t
from smhi.sectors import MAIN_SECTORS

if TYPE_CHECKING:
    from smhi.layout import Layout
    from smhi.rows import Row

REL_TOLERANCE = 0.005  # sub-sectors vs main sector, main sectors vs total
ABS_TOLERANCE_T = 1.0
ROUNDING_NEGATIVE_T = 1.0  # values in [-1 t, 0) are rounding noise


@dataclass
class Gap:
    """Years in which a main sector's SMHI breakdown is missing, for one main-sector row."""

    mask: np.ndarray  # bool per year
    sub_rows: list[int]  # indices of that place's sub-sector rows
    ignored: bool  # sub-sectors held non-zero values that were set aside


def check_sums(
    parsed: list[Row], values: np.ndarray, layout: Layout, problems: Problems
) -> dict[int, Gap]:
    """Sub-sectors must add up to their main sector and main sectors to the total.

    One exception is real: SMHI sometimes publishes a main sector without its breakdown. In the
    CO2 release of 2024-04-18 every Avfall sub-sector is 0 in 2005 and 2018-2021 while the main
    sector is not, except in Kumla (and Örebro län), whose "Krematorier ..." row holds the
    national figure instead. A sector-year counts as "not broken down" when at least half of
    the places with emissions in it have all sub-sectors at 0, and a single place when all its
    sub-sectors are 0. Those are returned ({main row index: Gap}) instead of reported, and
    the caller books the main sector's value as not allocated.
    """
    sums = _Sums(parsed, np.nan_to_num(values, nan=0.0), layout, problems)
    sums.index_rows()
    gaps = sums.check_subsectors()
    sums.check_main_sectors()
    _check_all_main_sectors(parsed, problems)
    return gaps


def check_municipalities(
    names_in_file: Mapping[str, str], wanted: tuple[str, str] | None, problems: Problems
) -> None:
    """The file must hold municipalities, and the one asked for ({code: name} of the file)."""
    if not names_in_file and not problems:
        problems.add(
            None,
            "D",
            "filen innehåller inga kommuner (bara län eller riket).",
            "the file holds no municipalities (only counties or Sweden).",
        )
    if wanted is not None and wanted[0] not in names_in_file and names_in_file:
        shown = sorted(names_in_file.values())
        listed = ", ".join(shown[:10]) + (f" och {len(shown) - 10} till" if len(shown) > 10 else "")
        problems.add(
            None,
            "D",
            f"kommunen {wanted[1]} ({wanted[0]}) finns inte i filen; filen innehåller {listed}.",
            f"the municipality {wanted[1]} ({wanted[0]}) is not in the file.",
        )


@dataclass
class _Sums:
    """The rows grouped by place and sector, and the comparisons made on them."""

    parsed: list[Row]
    v: np.ndarray  # values with blanks as 0
    layout: Layout
    problems: Problems
    main_rows: dict[tuple, int] = field(default_factory=dict)  # (main, county, kommun)
    total_rows: dict[tuple, int] = field(default_factory=dict)  # (county, kommun)
    sub_sum: dict[tuple, np.ndarray] = field(default_factory=dict)
    sub_idx: dict[tuple, list[int]] = field(default_factory=dict)
    main_sum: dict[tuple, np.ndarray] = field(default_factory=dict)

    def index_rows(self) -> None:
        """Find each place's total and main-sector rows and sum what should add up to them."""
        v = self.v
        for idx, r in enumerate(self.parsed):
            place = (r.county, r.kommun)
            if r.main is None:
                self.total_rows[place] = idx
            elif r.sub is None:
                self.main_rows[(r.main, *place)] = idx
                self.main_sum[place] = self.main_sum.get(place, 0.0) + v[idx]
            else:
                key = (r.main, *place)
                self.sub_sum[key] = self.sub_sum.get(key, 0.0) + v[idx]
                self.sub_idx.setdefault(key, []).append(idx)

    def compare(
        self, idx: int, expected: np.ndarray, what_sv: str, what_en: str, skip: np.ndarray | None
    ) -> None:
        """Report the first year in which row `idx` is off its expected sum (and how many)."""
        v = self.v
        diff = np.abs(v[idx] - expected)
        tol = np.maximum(ABS_TOLERANCE_T, REL_TOLERANCE * np.abs(v[idx]))
        off = diff > tol
        if skip is not None:
            off &= ~skip
        bad = np.flatnonzero(off)
        if bad.size == 0:
            return
        j = int(bad[0])
        col, year = self.layout.year_cols[j]
        more = f" (och {bad.size - 1} år till)" if bad.size > 1 else ""
        more_en = f" (and {bad.size - 1} more years)" if bad.size > 1 else ""
        self.problems.add(
            self.parsed[idx].excel_row,
            column_letter(col),
            f"{what_sv} summerar till {fmt_t(expected[j])} t år {year}, men raden säger "
            f"{fmt_t(v[idx][j])} t{more}.",
            f"{what_en} sum to {expected[j]:.0f} t in {year} but the row says "
            f"{v[idx][j]:.0f} t{more_en}.",
        )

    def missing_breakdowns(self) -> tuple[dict[tuple, np.ndarray], dict[str, np.ndarray]]:
        """Where the breakdown is missing: per place, then per sector-year over all places."""
        zero: dict[tuple, np.ndarray] = {}
        emitting: dict[str, np.ndarray] = {}
        zero_count: dict[str, np.ndarray] = {}
        for key, total in self.sub_sum.items():
            if key not in self.main_rows:
                continue
            main_v = self.v[self.main_rows[key]]
            zero[key] = (total == 0.0) & (main_v > ABS_TOLERANCE_T)
            emitting[key[0]] = emitting.get(key[0], 0) + (main_v > ABS_TOLERANCE_T)
            zero_count[key[0]] = zero_count.get(key[0], 0) + zero[key]
        not_broken_down = {
            sector: (zero_count[sector] > 0) & (2 * zero_count[sector] >= emitting[sector])
            for sector in zero_count
        }
        return zero, not_broken_down

    def check_subsectors(self) -> dict[int, Gap]:
        """Each main sector against its sub-sectors, skipping the years SMHI left unbroken."""
        zero, not_broken_down = self.missing_breakdowns()
        gaps: dict[int, Gap] = {}
        for key, total in self.sub_sum.items():
            main, county, kommun = key
            place = kommun or county or "Sverige"
            if key not in self.main_rows:
                first = self.parsed[self.sub_idx[key][0]]
                self.problems.add(
                    first.excel_row,
                    "B",
                    f"raden med undersektor 'Alla' för {main} i {place} saknas.",
                    f"the 'Alla' sub-sector row for {main} in {place} is missing.",
                )
                continue
            idx = self.main_rows[key]
            skip = zero[key] | not_broken_down[main]
            if skip.any():
                ignored = bool((total[skip] != 0.0).any())
                gaps[idx] = Gap(skip, self.sub_idx[key], ignored)
            self.compare(
                idx,
                total,
                f"undersektorerna till {main} i {place}",
                f"the sub-sectors of {main} in {place}",
                skip,
            )
        return gaps

    def check_main_sectors(self) -> None:
        """Each place's "Alla" total against the sum of its main sectors."""
        for place, idx in self.total_rows.items():
            if place in self.main_sum:
                where = place[1] or place[0] or "Sverige"
                self.compare(
                    idx,
                    self.main_sum[place],
                    f"huvudsektorerna i {where}",
                    f"the main sectors in {where}",
                    None,
                )


def _check_all_main_sectors(parsed: list[Row], problems: Problems) -> None:
    """Every municipality needs all nine main sectors."""
    present: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for r in parsed:
        if r.code is not None and r.main is not None:
            present.setdefault(r.code, set()).add(r.main)
            names[r.code] = r.kommun or r.code
    for code, mains in present.items():
        for sector in MAIN_SECTORS:
            if sector not in mains:
                problems.add(
                    None,
                    "A",
                    f"huvudsektorn '{sector}' saknas för {names[code]}; exportera alla "
                    "huvudsektorer.",
                    f"main sector '{sector}' is missing for {names[code]}.",
                )
