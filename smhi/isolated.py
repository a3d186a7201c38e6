"""Parse an upload in a child process with a time limit and a memory limit.

Why: parsing a large workbook takes seconds of pure-Python work. In the Streamlit server
it would hold the GIL and slow every participant's rerun (40 sessions went from p95 0.64 s
to 2.9 s during one 13 s parse); and a hostile file could take the server's memory with it.
In a child process the server thread only waits on a pipe (GIL released), the operating
system enforces the limits (``RLIMIT_AS``, ``RLIMIT_CPU``, a wall-clock timeout), and all
the parse's memory goes back when the child exits. Only the result crosses back: a
``ParsedReport`` or the problems as plain message strings, never an exception with a
traceback (which would keep the parsed sheet alive).

The child is this module run as ``python -m smhi.isolated``: it reads a pickled request on
stdin and writes a pickled reply on stdout. Pickle is safe here because both ends are this
code; the file's bytes are only ever parsed by openpyxl in the child.
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from smhi.lansrapport import ImportProblem, ImportRejected, ParsedReport, parse_lansrapport

TIMEOUT_S = float(os.environ.get("KLIMAT_IMPORT_TIMEOUT_S", "120"))
MEMORY_LIMIT_MB = int(os.environ.get("KLIMAT_IMPORT_MEMORY_MB", "1500"))
CPU_LIMIT_S = int(TIMEOUT_S) + 5
_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ParseOutcome:
    """The child's answer: a report, or problems; ``peak_mb`` is the child's own peak RSS."""

    report: ParsedReport | None
    problems: tuple[ImportProblem, ...]
    peak_mb: float


def _limit_self() -> None:
    """In the child, before reading the file (not preexec_fn: unsafe in a threaded server)."""
    memory = MEMORY_LIMIT_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S))
    os.nice(5)  # the room's reruns come first


def _failure(sv: str, en: str) -> ParseOutcome:
    return ParseOutcome(None, (ImportProblem(None, None, sv, en),), 0.0)


def parse_isolated(data: bytes, municipality: str | None = None, gas: str | None = None
                   ) -> ParseOutcome:
    """Parse ``data`` as a Länsrapport in a limited child process (see module doc)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", PYTHONPATH=str(_ROOT))
    request = pickle.dumps((data, municipality, gas), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
            [sys.executable, "-m", "smhi.isolated"], input=request, capture_output=True,
            timeout=TIMEOUT_S, env=env, cwd=_ROOT, check=False)
    except subprocess.TimeoutExpired:
        return _failure(f"filen tog mer än {TIMEOUT_S:.0f} s att läsa och avbröts.",
                        f"reading the file took more than {TIMEOUT_S:.0f} s and was stopped.")
    if done.returncode != 0 or not done.stdout:
        return _failure(
            f"filen kunde inte läsas inom gränserna ({MEMORY_LIMIT_MB} MB minne, "
            f"{TIMEOUT_S:.0f} s).",
            f"the file could not be read within the limits ({MEMORY_LIMIT_MB} MB of memory, "
            f"{TIMEOUT_S:.0f} s).")
    kind, payload, peak_mb = pickle.loads(done.stdout)  # noqa: S301 - written by our child
    if kind == "ok":
        return ParseOutcome(payload, (), peak_mb)
    return ParseOutcome(None, tuple(ImportProblem(*p) for p in payload), peak_mb)


def _peak_rss_mb() -> float:
    """This process's own peak resident memory (MB).

    Not getrusage's ru_maxrss: Linux carries that across exec, so a child started by a big
    server reported the server's size at the fork (421 MB from a pytest process, 300 MB
    from a small script) however little the parse took. VmHWM belongs to the address
    space, which exec makes new.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux


def _child() -> int:
    data, municipality, gas = pickle.loads(sys.stdin.buffer.read())  # noqa: S301
    _limit_self()
    try:
        reply: tuple[str, object] = ("ok", parse_lansrapport(data, municipality, gas=gas))
    except ImportRejected as rejected:
        reply = ("rejected", [(p.row, p.column, p.message_sv, p.message_en)
                              for p in rejected.problems])
    except MemoryError:
        reply = ("rejected", [(None, None, "filen behöver för mycket minne för att läsas.",
                               "the file needs too much memory to read.")])
    peak_mb = _peak_rss_mb()
    sys.stdout.buffer.write(pickle.dumps((*reply, peak_mb), protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(_child())
