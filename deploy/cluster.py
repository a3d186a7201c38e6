"""Several app processes behind HAProxy, users' data in PostgreSQL: ``make cluster``.

``python -m deploy.cluster [--processes N] [--port PORT] [--state-dir DIR]`` starts, in
order: PostgreSQL (Debian's package, data in ``DIR/postgres``; or the server named by
``KLIMAT_DATABASE_URL``), the source tables (built once into the DuckDB file, which every
app process then only reads), N Streamlit processes on 127.0.0.1, and HAProxy on PORT with
cookie affinity and health checks. Ctrl-C stops everything and keeps the data.

The same ``Cluster`` class starts the end-to-end test's cluster and the load bench's, so
what is tested is what ``make cluster`` runs.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from deploy.haproxy import HEALTH_PATH, find_haproxy, render_config
from deploy.postgres import LocalPostgres, find_bin_dir, free_port
from store.backend import DATABASE_URL_ENV
from store.database import build_database, default_db_path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_STATE_DIR = REPO_ROOT / ".cluster"
DEFAULT_PROCESSES = 2
DEFAULT_PORT = 8500
START_TIMEOUT_S = 90.0


@dataclass
class AppProcess:
    """One Streamlit server behind the proxy."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def url(self) -> str:
        """Its own address (bypassing the proxy)."""
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Cluster:
    """PostgreSQL + N Streamlit processes + HAProxy; a context manager that stops them all."""

    state_dir: Path
    processes: int = DEFAULT_PROCESSES
    port: int = DEFAULT_PORT
    bind_address: str = "0.0.0.0"
    database_url: str | None = None
    source_db: Path | None = None
    fast_postgres: bool = False  # tests: no fsync
    apps: list[AppProcess] = field(default_factory=list)
    postgres: LocalPostgres | None = None
    haproxy: subprocess.Popen[bytes] | None = None

    # ---------------------------------------------------------------- starting

    def start(self) -> None:
        """Start every part and wait until the proxy serves a healthy app."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.database_url is None and os.geteuid() == 0:
            self.state_dir.chmod(0o755)  # PostgreSQL runs as its own user and must reach it
        (self.state_dir / "logs").mkdir(exist_ok=True)
        haproxy = find_haproxy()
        if haproxy is None:
            raise RuntimeError("haproxy is not installed (apt-get install haproxy)")
        try:
            self._start_postgres()
            self._build_sources()
            self._migrate()
            for index in range(1, self.processes + 1):
                self.apps.append(self._start_app(index))
            self._start_haproxy(haproxy)
            self.wait_healthy()
        except BaseException:
            self.stop()
            raise

    def _start_postgres(self) -> None:
        if self.database_url is None:
            self.database_url = os.environ.get(DATABASE_URL_ENV, "").strip() or None
        if self.database_url is not None:
            return
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise RuntimeError(
                "PostgreSQL is not installed (apt-get install postgresql), and "
                f"{DATABASE_URL_ENV} names no other server"
            )
        base = self.state_dir / "postgres"
        port_file = base / "port"
        port = int(port_file.read_text()) if port_file.is_file() else free_port()
        self.postgres = LocalPostgres(base, port, bin_dir)
        self.postgres.start(fast=self.fast_postgres)
        port_file.write_text(str(port))
        self.database_url = self.postgres.url()

    def _build_sources(self) -> None:
        if self.source_db is None:
            self.source_db = default_db_path()
        build_database(self.source_db)

    def _migrate(self) -> None:
        """Create the schema once, before any app process can race for it."""
        from store.postgres_backend import PostgresBackend

        backend = PostgresBackend(str(self.database_url))
        try:
            backend.schema_version()
        finally:
            backend.close()

    def _cookie_secret(self) -> str:
        """One secret for all processes: a visitor moved to another keeps a valid cookie."""
        path = self.state_dir / "cookie_secret"
        if not path.is_file():
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def app_environment(self) -> dict[str, str]:
        """The environment every app process gets."""
        return {
            **os.environ,
            "KLIMAT_DB": str(self.source_db),
            DATABASE_URL_ENV: str(self.database_url),
            "PYTHONUNBUFFERED": "1",
            "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
            "STREAMLIT_SERVER_COOKIE_SECRET": self._cookie_secret(),
        }

    def _start_app(self, index: int, port: int | None = None) -> AppProcess:
        port = port or free_port()
        log_path = self.state_dir / "logs" / f"app{index}.log"
        command = [
            sys.executable, "-m", "ui.server",  # as `make run`: no pages-folder first visit
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]
        with log_path.open("ab") as log:
            process = subprocess.Popen(command, cwd=REPO_ROOT, env=self.app_environment(),
                                       stdout=log, stderr=subprocess.STDOUT)
        return AppProcess(f"app{index}", port, process, log_path)

    def _start_haproxy(self, binary: str) -> None:
        config = self.state_dir / "haproxy.cfg"
        config.write_text(render_config(self.bind_address, self.port,
                                        [app.port for app in self.apps],
                                        self.state_dir / "haproxy.sock"))
        check = subprocess.run([binary, "-c", "-q", "-f", str(config)],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy rejects {config}: {check.stderr or check.stdout}")
        log = (self.state_dir / "logs" / "haproxy.log").open("ab")
        with log:
            self.haproxy = subprocess.Popen([binary, "-db", "-f", str(config)],
                                            stdout=log, stderr=subprocess.STDOUT)

    @property
    def url(self) -> str:
        """The address users open (through the proxy)."""
        host = "127.0.0.1" if self.bind_address in ("0.0.0.0", "") else self.bind_address
        return f"http://{host}:{self.port}"

    def wait_healthy(self, timeout: float = START_TIMEOUT_S) -> None:
        """Wait until every app process answers the health check and HAProxy counts it UP.

        The proxy answers as soon as one process is UP in its eyes, and it marks a process
        UP only after two passed checks of its own: the processes come up one by one. A
        visitor whose affinity cookie names a process HAProxy still counts DOWN is sent to
        another one (``option redispatch``), so "started" means all of them are UP there.
        """
        deadline = time.monotonic() + timeout
        pending = [app.url for app in self.apps if app.process.poll() is None] + [self.url]
        waiting = pending
        while time.monotonic() < deadline:
            for app in self.apps:
                if app.process.poll() is not None:
                    raise RuntimeError(f"{app.name} exited; see {app.log_path}")
            if self.haproxy is not None and self.haproxy.poll() is not None:
                raise RuntimeError(f"haproxy exited; see {self.state_dir / 'logs'}")
            pending = [url for url in pending if not healthy(url)]
            waiting = pending
            if not pending:
                down = self._not_up_in_proxy()
                if not down:
                    return
                waiting = [f"{name} (HAProxy: {state})" for name, state in down.items()]
            time.sleep(0.3)
        raise RuntimeError(f"not healthy within {timeout:.0f} s: {', '.join(waiting)}")

    def _not_up_in_proxy(self) -> dict[str, str]:
        """The live app processes HAProxy does not yet count UP (name: its state)."""
        if self.haproxy is None:
            return {}
        try:
            states = self.server_states()
        except (OSError, IndexError):
            return {app.name: "no stats yet" for app in self.apps}
        return {app.name: states.get(app.name, "?") for app in self.apps
                if app.process.poll() is None and states.get(app.name) != "UP"}

    # ---------------------------------------------------------------- failures

    def kill_app(self, index: int) -> None:
        """Kill app process ``index`` (1-based) the hard way, as a crash would."""
        app = self.apps[index - 1]
        app.process.kill()
        app.process.wait(timeout=10)

    def restart_app(self, index: int) -> None:
        """Start app process ``index`` again on its old port (HAProxy brings it back)."""
        old = self.apps[index - 1]
        self.apps[index - 1] = self._start_app(index, old.port)

    def server_states(self) -> dict[str, str]:
        """HAProxy's view of each app process (UP, DOWN, ...), from its stats socket."""
        import socket

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(self.state_dir / "haproxy.sock"))
            sock.sendall(b"show stat\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        lines = data.decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        states: dict[str, str] = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "streamlit" and row.get("svname", "").startswith("app"):
                states[row["svname"]] = row.get("status", "")
        return states

    # ---------------------------------------------------------------- stopping

    def stop(self) -> None:
        """Stop the proxy, the app processes and PostgreSQL; the data stays."""
        if self.haproxy is not None:
            _terminate(self.haproxy)
            self.haproxy = None
        for app in self.apps:
            _terminate(app.process)
        self.apps = []
        if self.postgres is not None:
            self.postgres.stop()
            self.postgres = None

    def __enter__(self) -> Cluster:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


def healthy(base_url: str) -> bool:
    """True when ``base_url`` answers Streamlit's health check."""
    try:
        with urllib.request.urlopen(base_url + HEALTH_PATH, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _terminate(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    """Run the cluster in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", "-n", type=int, default=DEFAULT_PROCESSES,
                        help="app processes (default %(default)s)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help="port HAProxy serves the app on (default %(default)s)")
    parser.add_argument("--bind", default="0.0.0.0", help="address HAProxy listens on")
    parser.add_argument("--state-dir", type=Path, default=DEFAULT_STATE_DIR,
                        help="PostgreSQL data, logs and configuration (default .cluster/)")
    args = parser.parse_args(argv)
    if args.processes < 1:
        parser.error("--processes must be at least 1")

    cluster = Cluster(args.state_dir.resolve(), args.processes, args.port, args.bind)
    stopping = False

    def stop_on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop_on_signal)
    # Ctrl-C stops everything even when started in the background (which ignores SIGINT).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        cluster.start()
        print(f"Klimatscenarier on {cluster.url} ({args.processes} app processes behind "
              f"HAProxy; users' data in {_safe(cluster.database_url)}). Ctrl-C stops.",
              flush=True)
        while not stopping:
            for app in cluster.apps:
                if app.process.poll() is not None:
                    print(f"{app.name} exited (code {app.process.returncode}); restarting; "
                          f"log {app.log_path}", file=sys.stderr, flush=True)
                    cluster.restart_app(int(app.name.removeprefix("app")))
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        print("stopping; the data stays in " + str(args.state_dir), file=sys.stderr)
        cluster.stop()
    return 0


def _safe(url: str | None) -> str:
    from store.postgres_backend import describe

    return describe(url) if url else "?"


if __name__ == "__main__":
    sys.exit(main())
