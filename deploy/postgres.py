"""A local PostgreSQL server from Debian's package, for tests and ``make cluster``.

Why it looks like this:

* Debian's ``postgresql`` package puts ``initdb``, ``pg_ctl`` and ``postgres`` in
  ``/usr/lib/postgresql/<version>/bin`` (not on PATH); ``find_bin_dir`` looks there (or
  in ``$KLIMAT_PG_BIN``).
* PostgreSQL refuses to run as root, and CI runs as root: then every server command runs
  as the ``postgres`` user that the package creates (``runuser -u postgres --``), and the
  data and socket directories belong to that user.
* The server listens only on a Unix socket in its own directory (``listen_addresses=''``),
  so several test runs and engineers on one machine never collide on a TCP port; the
  address is ``postgresql://klimat@/klimat?host=<socket dir>&port=<port>``. Local socket
  connections are trusted (``initdb --auth=trust``): this is a single-machine server.
* ``fast=True`` (tests) turns off fsync: a crash may lose the throwaway data, nothing else.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROLE = "klimat"
DATABASE = "klimat"
RUN_AS_WHEN_ROOT = "postgres"
START_TIMEOUT_S = 60


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL binaries (or a user to run them as) are not on this machine."""


def find_bin_dir() -> Path | None:
    """The directory with ``initdb``, ``pg_ctl`` and ``postgres``, newest version first."""
    env = os.environ.get("KLIMAT_PG_BIN", "").strip()
    candidates = [env] if env else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True
    )
    for candidate in candidates:
        path = Path(candidate)
        if all((path / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return path
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def _version_key(path: str) -> float:
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


def _run_as() -> list[str]:
    """Command prefix that runs a server command as a non-root user."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(RUN_AS_WHEN_ROOT)
    except KeyError as error:
        raise PostgresUnavailable(
            f"running as root and there is no '{RUN_AS_WHEN_ROOT}' user to run PostgreSQL as "
            "(apt-get install postgresql creates it)"
        ) from error
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", RUN_AS_WHEN_ROOT, "--"]


def _give_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam(RUN_AS_WHEN_ROOT)
        os.chown(path, entry.pw_uid, entry.pw_gid)


@dataclass
class LocalPostgres:
    """A PostgreSQL server in ``base_dir`` (data in ``data/``, socket in ``socket/``)."""

    base_dir: Path
    port: int
    bin_dir: Path

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory (survives stop; ``make cluster`` keeps it)."""
        return self.base_dir / "data"

    @property
    def socket_dir(self) -> Path:
        """Where the server's Unix socket lives."""
        return self.base_dir / "socket"

    @property
    def log_path(self) -> Path:
        """The server's log file."""
        return self.base_dir / "postgres.log"

    def url(self, database: str = DATABASE) -> str:
        """The psycopg address of ``database`` on this server."""
        return f"postgresql://{ROLE}@/{database}?host={self.socket_dir}&port={self.port}"

    def _command(self, *args: str) -> list[str]:
        return [*_run_as(), str(self.bin_dir / args[0]), *args[1:]]

    def start(self, *, fast: bool = False) -> None:
        """Create the cluster if needed, start the server, create the database; wait."""
        self.base_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.base_dir, 0o755)
        self.socket_dir.mkdir(exist_ok=True)
        _give_to_server_user(self.socket_dir)
        if not (self.data_dir / "PG_VERSION").is_file():
            self.data_dir.mkdir(exist_ok=True)
            os.chmod(self.data_dir, 0o700)
            _give_to_server_user(self.data_dir)
            made = subprocess.run(
                self._command("initdb", "-D", str(self.data_dir), "-U", ROLE,
                              "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"),
                capture_output=True, text=True, cwd="/",
            )
            if made.returncode != 0:
                raise PostgresUnavailable(
                    f"initdb failed in {self.data_dir} (every directory above it must be "
                    f"searchable by the server's user): {made.stderr or made.stdout}")
        self.log_path.touch()
        _give_to_server_user(self.log_path)
        options = (f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' "
                   "-c max_connections=200")
        if fast:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        result = subprocess.run(
            self._command("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_path),
                          "-o", options, "-w", "-t", str(START_TIMEOUT_S), "start"),
            capture_output=True, text=True, cwd="/",
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"PostgreSQL did not start: {result.stderr or result.stdout}\n"
                f"{self.log_tail()}"
            )
        self.create_database(DATABASE)

    def create_database(self, name: str) -> None:
        """Create database ``name`` unless it exists."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            found = con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if found.fetchone() is None:
                con.execute(f'CREATE DATABASE "{name}"')

    def stop(self) -> None:
        """Stop the server (fast shutdown: running transactions roll back); keep the data."""
        if not (self.data_dir / "postmaster.pid").exists():
            return
        subprocess.run(
            self._command("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop"),
            capture_output=True, cwd="/",
        )

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server log, for error messages."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def free_port() -> int:
    """A TCP port nobody listens on (names the socket file; keeps the cluster apart too)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def throwaway(fast: bool = True) -> LocalPostgres:
    """A started server in a new temporary directory (readable by the server user)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            "no PostgreSQL server binaries (looked in /usr/lib/postgresql/*/bin and PATH)"
        )
    _run_as()  # fail early with a clear message when root has no user to switch to
    base = Path(tempfile.mkdtemp(prefix="klimat-pg-"))
    server = LocalPostgres(base, free_port(), bin_dir)
    for attempt in range(3):  # a port (socket name) can be taken between probe and start
        try:
            server.start(fast=fast)
            return server
        except RuntimeError:
            if attempt == 2:
                shutil.rmtree(base, ignore_errors=True)
                raise
            server.port = free_port()
    raise AssertionError("unreachable")
