"""All 290 municipalities under one lever setting: the Sverige page's and `overview`'s run.

Target ≤ 200 ms for the run (model/overview.py run_overview + overview_frame). It calls
model.batch.run_municipalities, which runs all municipalities as one vectorised batch
(their inputs stacked on the batch axis: model.data.MunicipalityStack); measured ~20 ms
median on the 2-core machine (the loop of one run_batch per municipality it replaced took
2–5 s). The stacking of the base data (overview_base, which also prepares the batch) is done
once per server and reported apart. For scale, one run_scenario for each of the 290 is timed
once beside it (same process).
"""

from __future__ import annotations

import itertools
import time

OVERVIEW_TARGET_MS = 200.0


def bench_overview(repetitions: int, warmup: int) -> list:
    """Timings of the 290-municipality run, its base build and the one-by-one loop."""
    from bench.model_bench import Timing, time_calls
    from model import build_municipality_data, reference_levers, run_scenario
    from model.local_levers import carry_over
    from model.overview import overview_base, overview_frame, run_overview
    from store.csv_tables import read_csv_tables

    tables = read_csv_tables()
    started = time.perf_counter()
    base = overview_base(tables)
    base_s = time.perf_counter() - started
    settings = itertools.cycle([{"el_personbilar": v, "reduktionsplikt_diesel": 30.0}
                                for v in (50.0, 60.0, 70.0)])

    def overview() -> object:
        return overview_frame(run_overview(base, next(settings)))

    datas = [build_municipality_data(tables, code) for code in base.codes]
    vaxjo = reference_levers(datas[base.index_of("0780")])
    moved = vaxjo.with_values(el_personbilar=60.0, reduktionsplikt_diesel=30.0)

    def one_by_one() -> object:
        return [run_scenario(d, carry_over(moved, vaxjo, d)) for d in datas]

    return [
        Timing(f"overview: all {base.n} municipalities in one batch (run_overview + frame)",
               time_calls(overview, repetitions, warmup), f"≤ {OVERVIEW_TARGET_MS:g} ms"),
        Timing(f"overview: stacking the {base.n} municipalities' base data (once per server)",
               [base_s]),
        Timing(f"overview: {base.n} × run_scenario one by one, for scale",
               time_calls(one_by_one, 3, 1)),
    ]
