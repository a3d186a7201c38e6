"""The README's cluster table in one command: 1 and 2 app processes behind HAProxy.

    python -m bench.cluster_bench [--processes 1,2] [--sessions 40,80,120] [--seconds 60]
                                  [--interval 3] [--json cluster.json]

For each process count it starts one cluster (deploy/cluster.py: PostgreSQL, the app
processes, HAProxy, all on loopback) and runs the load bench (bench/load_bench.py) through
the proxy at each session count in turn, then prints a Markdown table: lever change →
updated result p50/p95, changes per second, errors and memory per process, and the
throughput at saturation (the most changes per second any session count reached) of the
largest process count against one process. All figures come from one run of this command,
so the ratio is fair even on a busy machine; the absolute numbers are not, and the table
says what the load average was.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.load_bench import Settings, run_benchmark, start_cluster


def run_matrix(processes: list[int], sessions: list[int], seconds: float, interval: float,
               log: Any = print) -> list[dict[str, Any]]:
    """One load-bench summary per (processes, sessions), each with those two added."""
    results = []
    for count in processes:
        log(f"== {count} app process(es) behind HAProxy")
        with start_cluster(count) as cluster:
            pids = tuple(app.process.pid for app in cluster.apps)
            for n in sessions:
                log(f"-- {n} sessions for {seconds:g} s")
                settings = Settings(sessions=n, seconds=seconds, interval=interval,
                                    url=cluster.url, pids=pids, baseline_changes=5)
                summary = run_benchmark(settings, log=log)
                summary["processes"] = count
                results.append(summary)
    return results


def _mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:.0f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else (f"{value / 1000:.1f} s" if value >= 1000
                                      else f"{value:.0f} ms")


def markdown(results: list[dict[str, Any]]) -> str:
    """The table for README.md's Speed section, and the throughput ratio under it."""
    lines = [
        "| app processes | sessions | lever → result p50 | p95 | changes/s | errors "
        "| memory per process (MB, end) | load average |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lat = r["load"]["latency"]
        memory = r.get("memory_bytes_by_process", {}).get("end", [])
        load_avg = (r["load_average_before_after"][1] or [None])[0]
        lines.append(
            f"| {r['processes']} | {r['settings']['sessions']} | {_ms(lat['p50_ms'])} "
            f"| {_ms(lat['p95_ms'])} | {r['load']['changes_per_s'] or 0:.1f} "
            f"| {r['errors_total']} | {' / '.join(_mb(m) for m in memory)} | {load_avg} |")
    ratio = saturation_ratio(results)
    if ratio is not None:
        most, one, factor = ratio
        lines += ["", f"Throughput at saturation: {most[1]:.1f} changes/s with {most[0]} "
                      f"processes against {one:.1f} with 1: **{factor:.2f}×**."]
    return "\n".join(lines)


def saturation_ratio(results: list[dict[str, Any]]
                     ) -> tuple[tuple[int, float], float, float] | None:
    """((most processes, their best changes/s), one process's best, the ratio)."""
    best: dict[int, float] = {}
    for r in results:
        rate = r["load"]["changes_per_s"] or 0.0
        best[r["processes"]] = max(best.get(r["processes"], 0.0), rate)
    if 1 not in best or len(best) < 2 or not best[1]:
        return None
    most = max(best)
    return (most, best[most]), best[1], best[most] / best[1]


def main(argv: list[str] | None = None) -> int:
    """Run the matrix and print the Markdown table."""
    parser = argparse.ArgumentParser(prog="python -m bench.cluster_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts")
    parser.add_argument("--sessions", default="40,80,120", help="comma-separated session counts")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each load")
    parser.add_argument("--interval", type=float, default=3.0,
                        help="seconds between a session's lever changes (mean)")
    parser.add_argument("--json", type=Path, help="write every summary to this file")
    args = parser.parse_args(argv)
    processes = [int(p) for p in args.processes.split(",") if p.strip()]
    sessions = [int(s) for s in args.sessions.split(",") if s.strip()]
    if not processes or min(processes) < 1 or not sessions or min(sessions) < 1:
        parser.error("process and session counts must be positive")
    results = run_matrix(processes, sessions, args.seconds, args.interval)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print()
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
