"""How sure are we? A Monte Carlo over the model's uncertain inputs, as one batch of arrays.

Method, in the order it runs:

1. **Inputs**: each uncertain input has a distribution and a range with a source
   (``data/uncertainty.csv``): ``uniform`` (low to high), ``triangular`` (low, mode =
   central, high) or ``normal`` (mean = central; low and high are its 10th and 90th
   percentiles). Central is the value the model uses, so the central scenario is the one
   the page shows.
2. **Sampling**: a Latin hypercube (scrambled, seeded; the numbers of
   scipy.stats.qmc.LatinHypercube, whose import cost every server start 0.9 s):
   each input's range is cut into N equally likely slices and every slice is drawn exactly
   once, in a random pairing across inputs. Inputs are taken as independent. The same seed
   gives the same numbers.
3. **Model**: the N draws run through the emission model as one batch
   (``model.uncertainty_core.run_draws``), never a Python loop over the draws.
4. **Results**: per year, the 10th, 25th, 50th, 75th and 90th percentiles of net
   emissions; the share of draws with fossil-free 2030 and with the budget lasting through
   2050; percentiles of the budget's exhaustion year and its most likely month (the peak
   of a histogram of months, smoothed 1–2–1 over three months).
5. **What matters most**: one-at-a-time sensitivity (a tornado): each input at its low
   and then its high value with every other input central, for fossil CO2 in 2030 and the
   budget's exhaustion date. It shows each input's own swing, not interactions.

The statistics years are taken as given (zero width); the revision of the statistics acts
on the scenario from the year after the base year. Not covered: the model's structure,
policy surprises, correlations between inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

import numpy as np
import pandas as pd
from scipy.special import ndtri

from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.errors import UserFacingError
from model.levers import Levers
from model.paths import END_YEAR
from model.uncertainty_core import (
    KNOWN_INPUTS,
    NOT_EXHAUSTED,
    DrawOutcome,
    PreparedDraws,
    prepare_draws,
    run_draws,
)

Distribution = Literal["uniform", "triangular", "normal"]
DISTRIBUTIONS: tuple[str, ...] = ("uniform", "triangular", "normal")
QUANTILES: tuple[tuple[str, float], ...] = (
    ("p10", 0.10), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p90", 0.90),
)
DEFAULT_DRAWS = 1000
DEFAULT_SEED = 12
MAX_DRAWS = 100_000
_Z90 = float(ndtri(0.9))  # a normal's 90th percentile in standard deviations


class UncertaintyError(UserFacingError):
    """Settings or a table the Monte Carlo cannot use, with a message users can read."""


@dataclass(frozen=True)
class UncertainInput:
    """One uncertain input: its distribution, range, and why (with a source)."""

    parameter: str
    label_sv: str
    label_en: str
    distribution: Distribution
    low: float
    central: float
    high: float
    unit: str
    source_id: str
    reason_sv: str
    reason_en: str

    def label(self, lang: str) -> str:
        """The label in the chosen language."""
        return self.label_en if lang == "en" else self.label_sv

    def reason(self, lang: str) -> str:
        """Why the range is what it is, in the chosen language."""
        return self.reason_en if lang == "en" else self.reason_sv

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Values at the probabilities u (0 < u < 1): the inverse of the distribution."""
        low, mode, high = self.low, self.central, self.high
        if self.distribution == "uniform":
            return low + u * (high - low)
        if self.distribution == "normal":
            sd = (high - low) / (2.0 * _Z90)
            return mode + sd * ndtri(u)
        width = high - low
        if width <= 0:
            return np.full(np.shape(u), mode)
        split = (mode - low) / width
        left = low + np.sqrt(u * width * (mode - low))
        right = high - np.sqrt((1.0 - u) * width * (high - mode))
        return np.where(u < split, left, right)


def inputs_from_frame(frame: pd.DataFrame) -> tuple[UncertainInput, ...]:
    """The uncertainty table's rows as inputs; a clear error for a row the model cannot use."""
    inputs = []
    for i, row in enumerate(frame.to_dict("records")):
        where = f"data/uncertainty.csv, rad {i + 2} ({row.get('parameter')})"
        if row["parameter"] not in KNOWN_INPUTS:
            raise UncertaintyError(f"{where}: okänd parameter.", f"{where}: unknown parameter.")
        if row["distribution"] not in DISTRIBUTIONS:
            raise UncertaintyError(f"{where}: okänd fördelning.", f"{where}: unknown distribution.")
        low, central, high = (float(row[k]) for k in ("low", "central", "high"))
        if not (low <= central <= high) or not np.isfinite([low, central, high]).all():
            raise UncertaintyError(f"{where}: låg ≤ central ≤ hög gäller inte.",
                                   f"{where}: low ≤ central ≤ high does not hold.")
        inputs.append(UncertainInput(
            parameter=str(row["parameter"]), label_sv=str(row["label_sv"]),
            label_en=str(row["label_en"]), distribution=row["distribution"], low=low,
            central=central, high=high, unit=str(row["unit"]), source_id=str(row["source_id"]),
            reason_sv=str(row["reason_sv"]), reason_en=str(row["reason_en"]),
        ))
    return tuple(inputs)


def latin_hypercube(n: int, dimensions: int, seed: int) -> np.ndarray:
    """N points in the unit cube (n, dimensions): each column hits each of N slices once.

    The same steps and random stream as scipy.stats.qmc.LatinHypercube(d, rng=seed).random(n)
    (tests/test_model_uncertainty.py compares the two): a jitter inside each slice, then a
    random order of the slices per input. Like scipy, the stream is the seed's first child.
    """
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed).spawn(1)[0]))
    jitter = rng.uniform(size=(n, dimensions))
    slices = np.tile(np.arange(1, n + 1), (dimensions, 1))
    for column in slices:
        rng.shuffle(column)
    return (slices.T - jitter) / n


def sample(inputs: Sequence[UncertainInput], n: int, seed: int) -> dict[str, np.ndarray]:
    """N seeded draws of every input, keyed by parameter."""
    unit = latin_hypercube(n, len(inputs), seed)
    return {spec.parameter: spec.ppf(unit[:, j]) for j, spec in enumerate(inputs)}


@lru_cache(maxsize=8)
def _cached_sample(inputs: tuple[UncertainInput, ...], n: int, seed: int
                   ) -> Mapping[str, np.ndarray]:
    values = sample(inputs, n, seed)
    for array in values.values():
        array.setflags(write=False)  # shared between calls: nobody may change it
    return MappingProxyType(values)


def draws_for(inputs: Sequence[UncertainInput], n: int, seed: int) -> Mapping[str, np.ndarray]:
    """The draws for a seed, made once: every lever setting reuses the same draws, which
    keeps a lever change cheap and makes the chances move only because the levers moved."""
    return _cached_sample(tuple(inputs), n, seed)


_KEEP_PREPARED_MAX = 10_000  # draws; larger samples are prepared on each run (memory)


@lru_cache(maxsize=8)
def _cached_prepared(data: MunicipalityData, inputs: tuple[UncertainInput, ...], n: int,
                     seed: int) -> PreparedDraws:
    return prepare_draws(data, _cached_sample(inputs, n, seed))


def prepared_draws_for(data: MunicipalityData, inputs: Sequence[UncertainInput], n: int,
                       seed: int) -> PreparedDraws:
    """draws_for, with what follows from the draws alone (growth factors, parameters) made
    once per municipality: a lever move then runs only what the levers change."""
    return _cached_prepared(data, tuple(inputs), n, seed)


def check_draws(draws: int) -> None:
    """Raise UncertaintyError for a number of draws the Monte Carlo cannot use."""
    if not (2 <= draws <= MAX_DRAWS):
        raise UncertaintyError(
            f"Antalet dragningar måste vara mellan 2 och {MAX_DRAWS}.",
            f"The number of draws must be between 2 and {MAX_DRAWS}.",
        )


@dataclass(frozen=True, eq=False)
class UncertaintyResult:
    """Ranges and chances for one scenario. Arrays are aligned with ``years``."""

    draws: int
    seed: int
    years: np.ndarray  # statistics years, then the scenario years after the base year
    base_year: int
    net: dict[str, np.ndarray]  # "p10" … "p90" → net emissions per year (t CO2e)
    p_fossil_free_2030: float
    p_budget_lasts_to_2050: float
    fossil_co2_2030: dict[str, float]  # p10, p50, p90 (t CO2)
    budget_exhausted_year: dict[str, int | None]  # p10, p50, p90; None: lasts past 2050
    most_likely_exhaustion: tuple[int, int] | None  # (year, month); None: most draws last

    def as_json(self) -> dict[str, object]:
        """The CLI's ``uncertainty`` key."""
        return {
            "draws": self.draws,
            "seed": self.seed,
            "net": {k: [round(float(v), 3) for v in values] for k, values in self.net.items()},
            "p_fossil_free_2030": round(self.p_fossil_free_2030, 6),
            "p_budget_lasts_to_2050": round(self.p_budget_lasts_to_2050, 6),
            "budget_exhausted_year": dict(self.budget_exhausted_year),
        }

    def frame(self) -> pd.DataFrame:
        """One row a year: the net emissions' percentiles (for charts and exports)."""
        return pd.DataFrame({"year": self.years, **self.net})


def _date_year(date: float) -> int | None:
    return None if not np.isfinite(date) else int(np.floor(date))


def most_likely_month(dates: np.ndarray) -> tuple[int, int] | None:
    """(year, month) at the peak of the months' histogram, smoothed over three months.

    None when at least half of the draws never exhaust the budget: the most likely outcome
    is then that it lasts.
    """
    finite = dates[np.isfinite(dates)]
    if len(finite) * 2 < len(dates) or not len(finite):
        return None
    months = np.floor(finite * 12.0).astype(int)  # year * 12 + month − 1
    first = int(months.min())
    counts = np.bincount(months - first).astype(float)
    smooth = np.convolve(counts, np.array([1.0, 2.0, 1.0]), mode="same")
    peak = first + int(np.argmax(smooth))
    return peak // 12, peak % 12 + 1


def sorted_quantiles(values: np.ndarray, levels: Sequence[float]) -> np.ndarray:
    """``np.quantile(values, levels, axis=0)`` (its default, linear method), bit for bit,
    from one sort of the draws: numpy partitions once per level, which was a fifth of
    the Monte Carlo behind every lever move."""
    return _quantiles_of_sorted(np.sort(values, axis=0), levels)


def _quantiles_of_sorted(ordered: np.ndarray, levels: Sequence[float]) -> np.ndarray:
    """sorted_quantiles for values already sorted along the first axis."""
    n = ordered.shape[0]
    position = (n - 1) * np.asarray(levels, dtype=float)
    low = np.floor(position).astype(int)
    high = np.minimum(low + 1, n - 1)
    weight = (position - low)[:, None]
    below, above = ordered[low], ordered[high]
    step = above - below
    # numpy's own interpolation, from the nearer end (the same rounding as np.quantile).
    return np.where(weight >= 0.5, above - step * (1.0 - weight), below + step * weight)


@lru_cache(maxsize=64)
def _inverted_cdf_positions(n: int, levels: tuple[float, ...]) -> np.ndarray:
    """Where np.quantile(..., method="inverted_cdf") takes each level from n sorted values
    (numpy's own arithmetic: the order statistic at n·q − 1, rounded up unless whole)."""
    index = n * np.asarray(levels, dtype=float) - 1
    previous = np.floor(index)
    positions = np.where(index - previous == 0, previous, previous + 1).astype(np.intp)
    positions[positions < 0] = 0
    positions.flags.writeable = False
    return positions


def summarise(data: MunicipalityData, outcome: DrawOutcome, seed: int) -> UncertaintyResult:
    """Percentiles and chances from a batch of draws."""
    n = outcome.net.shape[0]
    history_net = data.history_ghg.sum(axis=1)
    future = outcome.years > data.base_year
    years = np.concatenate([data.history_years, outcome.years[future]])
    levels = [q for _, q in QUANTILES]
    # One sort for every year's net emissions and (last row) fossil CO2 in 2030, each row
    # a year with its draws side by side (sorting along rows in memory is the fast way).
    by_year = np.empty((int(future.sum()) + 1, n))
    by_year[:-1] = outcome.net[:, future].T
    by_year[-1] = outcome.fossil_co2_2030
    by_year.sort(axis=1)
    future_q = _quantiles_of_sorted(by_year.T, levels)
    net = {
        name: np.concatenate([history_net, future_q[i, :-1]])
        for i, (name, _) in enumerate(QUANTILES)
    }
    dates = outcome.exhausted_date
    # np.quantile(dates, (0.1, 0.5, 0.9), method="inverted_cdf"), from one sort.
    ordered_dates = np.sort(dates)
    date_q = ordered_dates[_inverted_cdf_positions(n, (0.1, 0.5, 0.9))]
    if np.isnan(ordered_dates[-1]):  # as np.quantile: NaN among the draws gives NaN
        date_q = np.full(3, np.nan)
    fossil_q = future_q[[levels.index(q) for q in (0.1, 0.5, 0.9)], -1]
    return UncertaintyResult(
        draws=n,
        seed=seed,
        years=years,
        base_year=data.base_year,
        net=net,
        p_fossil_free_2030=float(outcome.fossil_free_2030.mean()),
        p_budget_lasts_to_2050=float(np.mean(dates == NOT_EXHAUSTED)),
        fossil_co2_2030=dict(zip(("p10", "p50", "p90"), (float(v) for v in fossil_q),
                                 strict=True)),
        budget_exhausted_year=dict(zip(("p10", "p50", "p90"),
                                       (_date_year(float(v)) for v in date_q), strict=True)),
        most_likely_exhaustion=most_likely_month(dates),
    )


def run_uncertainty(
    data: MunicipalityData, levers: Levers, budget: BudgetSettings,
    inputs: Sequence[UncertainInput], draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED,
) -> UncertaintyResult:
    """The Monte Carlo for one scenario: sample, run the batch, summarise."""
    check_draws(draws)
    values = (prepared_draws_for(data, inputs, draws, seed) if draws <= _KEEP_PREPARED_MAX
              else draws_for(inputs, draws, seed))
    return summarise(data, run_draws(data, levers, budget, values), seed)


@dataclass(frozen=True)
class TornadoRow:
    """One input's swing: the results with it at its low and at its high value."""

    parameter: str
    label_sv: str
    label_en: str
    low: float
    high: float
    unit: str
    fossil_co2_2030_low: float
    fossil_co2_2030_high: float
    exhausted_low: float  # exhaustion date (year + fraction); END_YEAR + 1 if it lasts
    exhausted_high: float

    def label(self, lang: str) -> str:
        """The label in the chosen language."""
        return self.label_en if lang == "en" else self.label_sv

    @property
    def fossil_swing(self) -> float:
        """How far the input moves fossil CO2 in 2030 (t)."""
        return abs(self.fossil_co2_2030_high - self.fossil_co2_2030_low)

    @property
    def budget_swing(self) -> float:
        """How far the input moves the exhaustion date (years)."""
        return abs(self.exhausted_high - self.exhausted_low)


@dataclass(frozen=True)
class Tornado:
    """One-at-a-time sensitivity around the central scenario."""

    fossil_co2_2030_central: float
    exhausted_central: float  # END_YEAR + 1 if the budget lasts
    rows: tuple[TornadoRow, ...]

    def ranked(self, metric: Literal["fossil", "budget"], top: int | None = None
               ) -> tuple[TornadoRow, ...]:
        """Rows by their swing in the metric, largest first; inputs with no swing left out."""
        key = (lambda r: r.fossil_swing) if metric == "fossil" else (lambda r: r.budget_swing)
        rows = sorted((r for r in self.rows if key(r) > 1e-9), key=key, reverse=True)
        return tuple(rows[:top] if top else rows)


def tornado(
    data: MunicipalityData, levers: Levers, budget: BudgetSettings,
    inputs: Sequence[UncertainInput],
) -> Tornado:
    """Each input at its low and its high value, the others central: one batch of 2P + 1."""
    p = len(inputs)
    table = np.tile([spec.central for spec in inputs], (2 * p + 1, 1))
    for j, spec in enumerate(inputs):
        table[2 * j, j] = spec.low
        table[2 * j + 1, j] = spec.high
    values = {spec.parameter: table[:, j] for j, spec in enumerate(inputs)}
    outcome = run_draws(data, levers, budget, values)
    dates = np.where(np.isfinite(outcome.exhausted_date), outcome.exhausted_date, END_YEAR + 1.0)
    fossil = outcome.fossil_co2_2030
    rows = tuple(
        TornadoRow(spec.parameter, spec.label_sv, spec.label_en, spec.low, spec.high, spec.unit,
                   float(fossil[2 * j]), float(fossil[2 * j + 1]),
                   float(dates[2 * j]), float(dates[2 * j + 1]))
        for j, spec in enumerate(inputs)
    )
    return Tornado(float(fossil[-1]), float(dates[-1]), rows)
