"""Where a loaded server's time goes: summarise a py-spy profile taken during the load bench.

    pip install py-spy   (a tool, not a project dependency; needs ptrace, root is enough)
    python -m bench.load_bench --server-option ... &            # or start the app yourself
    py-spy record --pid <server pid> --duration 60 --rate 100 --nonblocking \\
        --format raw --output /tmp/load.txt
    python -m bench.load_profile /tmp/load.txt [--changes 700]

The raw format is one collapsed stack per line with its sample count. This prints, for the
frames that matter per rerun (the script itself, its sections, widget and chart
marshalling, protobuf hashing, the forced garbage collection after each run, the websocket
sends), their inclusive share of all busy samples, and with ``--changes`` (how many lever
changes the server handled while py-spy recorded) the milliseconds per change.

Idle frames (threads waiting in select, sleep or a queue) are dropped first: py-spy does
not always recognise them as idle.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

IDLE_LEAVES = ("select (selectors.py", "time.sleep", "_worker (concurrent/futures/thread.py",
               "Condition.wait (threading.py", "task (streamlit/watcher/polling_path_watcher.py",
               "wait (threading.py", "Event.wait (threading.py")
# (label, a substring of the frame) — inclusive time of each.
KEY_FRAMES = (
    ("whole script run (ScriptRunner._run_script)", "ScriptRunner._run_script ("),
    ("  app.py + page body (exec of the script)", "exec_func_with_error_handling ("),
    ("    sidebar: language, municipality", "language_and_municipality ("),
    ("    sidebar: lever sliders", "lever_widgets ("),
    ("    st.navigation", "navigation (streamlit/commands/navigation.py"),
    ("    scenario page main()", "main (ui/scenario_page.py"),
    ("      key figures", "key_figures ("),
    ("      trajectory chart", "trajectory_section ("),
    ("      fossil section", "fossil_section ("),
    ("      budget section", "budget_section ("),
    ("      model: run_scenario", "run_scenario ("),
    ("    st.vega_lite_chart (all charts)", "VegaChartsMixin._vega_lite_chart ("),
    ("      DataFrame → Arrow bytes", "convert_anything_to_arrow_bytes ("),
    ("    st.slider (all sliders)", "SliderMixin._slider ("),
    ("    widget id computation", "compute_and_register_element_id ("),
    ("    ForwardMsg hash (populate_hash_if_needed)", "populate_hash_if_needed ("),
    ("  after the run: gc.collect(2) (runner.postScriptGC)", "leaf:_on_script_finished ("),
    ("  session state on_script_will_rerun", "on_script_will_rerun ("),
    ("event loop (uvicorn, websocket sends)", "BaseEventLoop._run_once ("),
    ("  serialize ForwardMsg for the socket", "serialize_forward_msg ("),
)


def read_stacks(path: Path) -> Counter[str]:
    """Collapsed stacks → sample counts, idle stacks dropped."""
    stacks: Counter[str] = Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        leaf = stack.rsplit(";", 1)[-1]
        if any(idle in leaf for idle in IDLE_LEAVES):
            continue
        stacks[stack] += int(count)
    return stacks


def summarise(stacks: Counter[str]) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """Total busy samples, inclusive samples per key frame, top self-time leaves."""
    total = sum(stacks.values())
    inclusive = []
    for label, needle in KEY_FRAMES:
        if needle.startswith("leaf:"):  # self time only: a C call inside that frame
            needle = needle.removeprefix("leaf:")
            count = sum(n for s, n in stacks.items() if needle in s.rsplit(";", 1)[-1])
        else:
            count = sum(n for s, n in stacks.items() if needle in s)
        inclusive.append((label, count))
    leaves: Counter[str] = Counter()
    for stack, count in stacks.items():
        leaves[re.sub(r":\d+\)$", ")", stack.rsplit(";", 1)[-1])] += count
    return total, inclusive, leaves.most_common(12)


def main(argv: list[str] | None = None) -> int:
    """Print the summary of a py-spy raw profile."""
    parser = argparse.ArgumentParser(prog="python -m bench.load_profile", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("profile", type=Path, help="py-spy --format raw output")
    parser.add_argument("--rate", type=float, default=100.0, help="py-spy samples per second")
    parser.add_argument("--changes", type=int, help="lever changes handled while recording")
    args = parser.parse_args(argv)
    stacks = read_stacks(args.profile)
    total, inclusive, leaves = summarise(stacks)
    if not total:
        print("no busy samples in the profile")
        return 1
    per_change = 1000.0 / args.rate / args.changes if args.changes else None
    print(f"{total} busy samples ({total / args.rate:.1f} s of busy threads)")
    print(f"{'frame (inclusive)':<52} {'share':>6} {'ms/change':>10}")
    for label, count in inclusive:
        ms = f"{count * per_change:.1f}" if per_change else ""
        print(f"{label:<52} {count / total:>6.1%} {ms:>10}")
    print("\ntop leaves (self time):")
    for leaf, count in leaves:
        print(f"  {count / total:>6.1%}  {leaf[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
