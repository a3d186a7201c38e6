"""Vehicle fleets as stocks that renew: the electric share of driving follows from new sales.

The lever for cars, light trucks and heavy trucks is the zero-emission share of NEW
vehicles in each year. The fleet's zero-emission share then moves only as fast as the fleet
renews:

    s(t) = s(t−1) + r · (n(t) − n(t − L))

where s is the zero-emission share of vehicles in traffic, r the share of the fleet that is
new each year (new registrations / fleet), n the zero-emission share of new vehicles and L
the vehicle lifetime (the zero-emission vehicles sold L years earlier leave the fleet; those
in the fleet at the start are young and stay within the horizon). Plug-in hybrids (cars)
are a second stock, driving part of their kilometres on electricity. Young vehicles drive
more than old ones, so the zero-emission share of vehicle-km weighs the (young)
zero-emission stock by a mileage ratio w:

    e = w·(s + φ·p) / (w·(s + p) + (1 − s − p))

Everything is vectorised: the new-sales path may carry leading batch axes (..., years) and
every parameter may be a float or an array broadcastable against (..., 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

ArrayLike = float | np.ndarray


@dataclass(frozen=True)
class FleetState:
    """A fleet's path: shares of vehicles and of vehicle-km, each (..., years), 0–1."""

    new_zero_emission: np.ndarray  # zero-emission share of new vehicles
    stock_zero_emission: np.ndarray  # zero-emission share of vehicles in traffic
    stock_plugin: np.ndarray  # plug-in hybrid share of vehicles in traffic (cars only)
    electric_km: np.ndarray  # share of vehicle-km driven on electricity


def _lagged_cumsum(values: np.ndarray, lag: np.ndarray | float) -> np.ndarray:
    """Cumulative sum along the last axis minus the same sum `lag` years earlier (0 before)."""
    total = np.cumsum(values, axis=-1)
    n = values.shape[-1]
    lags = np.asarray(lag, dtype=float).round().astype(int)
    if lags.ndim and lags.size and lags.flat[0] >= 0 and np.all(lags == lags.flat[0]):
        # Every row has the same lifetime (290 municipalities, one national figure): the
        # plain shift below gives the same numbers as the gather, in a fraction of the time.
        shape = np.broadcast_shapes(total.shape, np.broadcast_shapes(lags.shape, (n,)))
        shifted = _shifted_difference(total, int(lags.flat[0]))
        return shifted if shifted.shape == shape else np.broadcast_to(shifted, shape).copy()
    if lags.ndim == 0:  # one lifetime for the whole batch: a plain shift
        return _shifted_difference(total, int(lags))
    if total.ndim == 1:
        # One path, a lifetime per row (a Monte Carlo's draws): take from the path padded
        # with what the general case below reads out of range (0 before the first year,
        # the last year's sum after the last), in one indexing instead of a dozen calls.
        lags = np.clip(lags, -n, n)
        padded = np.concatenate([np.zeros(n), total, np.full(n, total[-1])])
        return total - padded[np.arange(n, 2 * n) - lags]
    idx = np.arange(n) - lags  # (n_batch, 1) lags give (n_batch, years)
    shape = np.broadcast_shapes(total.shape, idx.shape)
    earlier = np.take_along_axis(np.broadcast_to(total, shape),
                                 np.broadcast_to(np.clip(idx, 0, n - 1), shape), axis=-1)
    return total - np.where(idx >= 0, earlier, 0.0)


def _shifted_difference(total: np.ndarray, k: int) -> np.ndarray:
    """total minus itself k steps earlier along the last axis (0 before the start)."""
    n = total.shape[-1]
    if k >= n:
        return total
    earlier = np.concatenate([np.zeros(total.shape[:-1] + (k,)), total[..., : n - k]], axis=-1)
    return total - earlier


@lru_cache(maxsize=64)
def _masks(years: int, anchor: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Over a year axis: after the anchor year (0/1), the anchor year and before it from the
    second year (bool), and before the anchor year (bool)."""
    index = np.arange(years)
    masks = ((index > anchor).astype(float), (index <= anchor) & (index >= 1), index < anchor)
    for mask in masks:
        mask.flags.writeable = False
    return masks


def _still_to_come(sales: np.ndarray, before: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """For each year before the anchor, the sales from the next year through the anchor
    year (0 from the anchor year on)."""
    to_come = np.cumsum((sales * before)[..., ::-1], axis=-1)[..., ::-1]
    return np.concatenate(
        [to_come[..., 1:], np.zeros(to_come.shape[:-1] + (1,))], axis=-1
    ) * earlier


def fleet_path(
    years: np.ndarray,
    new_zero_emission: np.ndarray,
    *,
    fleet_year: int,
    stock_zero_emission: ArrayLike,
    renewal: ArrayLike,
    lifetime: ArrayLike,
    mileage_ratio: ArrayLike,
    stock_plugin: ArrayLike = 0.0,
    new_plugin: np.ndarray | None = None,
    plugin_electric: ArrayLike = 0.0,
) -> FleetState:
    """The fleet's zero-emission shares for a path of new-vehicle shares (fractions 0–1).

    `years` must be consecutive; the stock figures are for the end of `fleet_year`, which
    must be one of `years`. Years before it are back-cast with the same rule.
    """
    anchor = int(np.nonzero(years == fleet_year)[0][0])
    n = np.asarray(new_zero_emission, dtype=float)
    r = np.asarray(renewal, dtype=float)
    lifetime = np.asarray(lifetime, dtype=float)
    # Only sales after the anchor year change the anchored stock; sales before it are in it.
    after, before, earlier = _masks(len(years), anchor)
    added = _lagged_cumsum(n * after, lifetime)
    # Back-cast: the years before the anchor had the anchor year's sales still to come.
    removed_before = _still_to_come(n, before, earlier)
    stock = np.clip(stock_zero_emission + r * (added - removed_before), 0.0, 1.0)
    if new_plugin is None:
        plugin = np.zeros_like(stock)
    else:
        p_new = np.minimum(np.asarray(new_plugin, dtype=float), 1.0 - n)
        p_before = _still_to_come(p_new, before, earlier)
        plugin = stock_plugin + r * (_lagged_cumsum(p_new * after, lifetime) - p_before)
        plugin = np.clip(plugin, 0.0, 1.0 - stock)
    w = np.asarray(mileage_ratio, dtype=float)
    young = stock + plugin
    electric = w * (stock + plugin_electric * plugin) / (w * young + (1.0 - young))
    return FleetState(np.broadcast_to(n, stock.shape), stock, plugin, electric)


def fastest_electric_km(
    years: np.ndarray, first_year: int, **fleet: ArrayLike
) -> np.ndarray:
    """The electric share of vehicle-km if every new vehicle from `first_year` were
    zero-emission (and no new plug-in hybrids): the ceiling fleet renewal allows."""
    n = (years >= first_year).astype(float)
    fleet = {k: v for k, v in fleet.items() if k not in ("new_plugin",)}
    if "stock_plugin" in fleet:  # the plug-in hybrids already on the road stay
        fleet["new_plugin"] = np.zeros_like(n)
    return fleet_path(years, n, **fleet).electric_km  # type: ignore[arg-type]


# data/vehicle_fleet.csv (agreed shape, see the project notes) → the model's fleet parameters.
_FLEET_PARAMETERS: dict[tuple[str, str], str] = {
    ("personbilar", "alla"): "car_fleet_total",
    ("personbilar", "el"): "car_fleet_bev",
    ("personbilar", "laddhybrid"): "car_fleet_phev",
    ("personbilar", "bensin"): "car_fleet_petrol",
    ("personbilar", "diesel"): "car_fleet_diesel",
    ("lätta_lastbilar", "alla"): "van_fleet_total",
    ("tunga_lastbilar", "alla"): "heavy_fleet_total",
}


def fleet_parameters(rows: pd.DataFrame, code: str) -> dict[str, float]:
    """One municipality's fleet parameters from a vehicle_fleet table (columns
    municipality_code, vehicle_type, fuel, count, year), to lay over data/parameters.csv
    when the table covers the municipality (the 290-municipality build). The electric shares
    of light and heavy trucks are not in the table's shape: they keep the parameter rows
    (their own or the default), scaled to the municipality's fleet."""
    own = rows[rows["municipality_code"].astype(str).str.zfill(4) == code]
    out: dict[str, float] = {}
    for (vehicle_type, fuel), parameter in _FLEET_PARAMETERS.items():
        hit = own[(own["vehicle_type"] == vehicle_type) & (own["fuel"] == fuel)]
        if len(hit):
            out[parameter] = float(hit["count"].iloc[0])
    if len(own):
        out["car_fleet_year"] = float(own["year"].iloc[0])
    return out
