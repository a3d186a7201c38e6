"""The server under load: start ``streamlit run app.py`` on loopback, and sample its memory.

The app runs exactly as deployed (``streamlit run app.py``, the repository's
.streamlit/config.toml), on 127.0.0.1 and a free port, with KLIMAT_DB pointing at a
database built in a temporary directory, so the benchmark never touches (or waits for) the
working database. Extra ``--server.x`` / ``--runner.x`` options can be passed through to
compare a configuration change without editing any file.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60.0
# Others edit this tree while the benchmark runs: with a file watcher, their saves would
# unload modules under the running server (and make it raise). The tests' server does the
# same; pass server.fileWatcherType=auto to measure the watcher too.
DEFAULT_OPTIONS = {"server.fileWatcherType": "none"}


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(base_url: str) -> bool:
    """True when Streamlit's health endpoint answers ok."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def rss_bytes(pid: int) -> int | None:
    """Resident memory of a process (psutil when installed, else /proc/<pid>/status)."""
    try:
        import psutil  # type: ignore[import-untyped]

        return int(psutil.Process(pid).memory_info().rss)
    except ImportError:
        pass
    except Exception:  # the process is gone
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used (from /proc/<pid>/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes on the machine have been busy (from /proc/stat).

    The machine is shared: what others run during the benchmark shows up here and not in
    the server's or the client's own CPU time.
    """
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def load_average() -> tuple[float, float, float] | None:
    """The 1, 5 and 15 minute load averages."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return None
    return round(one, 2), round(five, 2), round(fifteen, 2)


class AppServer:
    """``streamlit run app.py`` in a subprocess; a context manager that always stops it.

    app_dir is the checkout to run (default: this one); a snapshot such as
    ``git archive HEAD | tar -x -C /tmp/snap`` measures committed code while others edit.
    """

    # A page that reads no table (bench/browser_timing.py's floor page) skips the build.
    needs_database = True

    def __init__(self, options: dict[str, str] | None = None, port: int | None = None,
                 app_dir: Path | None = None) -> None:
        self.options = {**DEFAULT_OPTIONS, **(options or {})}
        self.port = port
        self.app_dir = Path(app_dir or REPO_ROOT).resolve()
        self.process: subprocess.Popen[bytes] | None = None
        self._scratch = tempfile.TemporaryDirectory(prefix="klimat-load-")
        self.workdir = Path(self._scratch.name)
        self.log_path = self.workdir / "streamlit.log"
        self.base_url = ""

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self.process.pid if self.process is not None else None

    def command(self, port: int) -> list[str]:
        """The command line: the deployment's, on loopback, plus the extra options."""
        return [
            sys.executable, "-m", "ui.server",  # as `make run`: no pages-folder first run
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            *(part for name, value in self.options.items() for part in (f"--{name}", value)),
        ]

    def start(self) -> str:
        """Build the database, start the server and wait until it is healthy; its URL.

        Calling it again while the server runs returns the same URL: a second process would
        be left running after stop() (``with AppServer() as s: s.start()`` did that).
        """
        if self.process is not None and self.process.poll() is None and self.base_url:
            return self.base_url
        db_path = self.workdir / "klimat.duckdb"
        if self.needs_database:  # the app dir's own store code builds it (as `make db` does)
            subprocess.run([sys.executable, "-m", "store", "build", "--db", str(db_path),
                            "--data", "data"], cwd=self.app_dir, check=True,
                           capture_output=True, timeout=START_TIMEOUT_S)
        env = {**os.environ, "KLIMAT_DB": str(db_path), "PYTHONUNBUFFERED": "1",
               "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        for _attempt in range(3):  # a free port can be taken between probing and binding
            port = self.port or free_port()
            base_url = f"http://127.0.0.1:{port}"
            with self.log_path.open("ab") as log:
                self.process = subprocess.Popen(self.command(port), cwd=self.app_dir, env=env,
                                                stdout=log, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + START_TIMEOUT_S
            while time.monotonic() < deadline and self.process.poll() is None:
                if healthy(base_url):
                    self.base_url = base_url
                    return base_url
                time.sleep(0.2)
            self.stop()
            if self.port or "already in use" not in self.log_tail():
                break
        raise RuntimeError(f"the app did not start; log:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the server's output."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Terminate the server (kill it if it does not stop within 10 s)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> AppServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
        self._scratch.cleanup()


@dataclass(frozen=True)
class MemorySample:
    """The server's resident memory and CPU time at a moment of the run."""

    t: float  # seconds since the sampler started
    rss_bytes: int
    cpu_s: float | None


class MemorySampler:
    """Samples a process's RSS every few seconds in a background thread."""

    def __init__(self, pid: int, every_s: float = 2.0) -> None:
        self.pid = pid
        self.every_s = every_s
        self.samples: list[MemorySample] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)
        self._started = 0.0

    def sample(self) -> MemorySample | None:
        """Take one sample now (also used at the phase boundaries)."""
        rss = rss_bytes(self.pid)
        if rss is None:
            return None
        sample = MemorySample(time.monotonic() - self._started, rss, cpu_seconds(self.pid))
        self.samples.append(sample)
        return sample

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self._started = time.monotonic()
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sample()
