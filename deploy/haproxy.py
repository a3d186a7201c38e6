"""The HAProxy configuration in front of several Streamlit processes.

Why it looks like this:

* Each browser tab's session lives in one Streamlit process's memory, so a tab must keep
  talking to the same process. A whole workshop room shares one Wi-Fi address, so the
  affinity is a cookie HAProxy sets (``cookie SERVERID insert indirect nocache``), not the
  client address; ``leastconn`` spreads new visitors by open websockets.
* The websocket stays open for the whole visit: ``timeout tunnel`` keeps it open for hours
  while ``timeout client``/``server`` stay short for ordinary requests.
* ``/_stcore/health`` is checked every second; a process that stops answering is taken out
  after two failed checks, and ``option redispatch`` sends a visitor whose cookie names a
  dead process to a live one at once (the new process starts a fresh session from the
  page address, which holds the whole scenario; ui/reconnect.py makes the page ask for
  that run at once).
* A check may take up to ``timeout check`` (5 s) to answer. Without it HAProxy allows only
  ``inter`` (1 s), and a process busy with many lever moves on a loaded machine could miss
  two checks, be counted DOWN and have its visitors' next requests sent elsewhere. A
  crashed process refuses the connection at once, so a crash is still seen within about
  a second; only a hung process takes longer (two checks of up to 5 s).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

HEALTH_PATH = "/_stcore/health"


def find_haproxy() -> str | None:
    """The haproxy binary (Debian puts it in /usr/sbin, which is not always on PATH)."""
    found = shutil.which("haproxy")
    if found:
        return found
    return "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").is_file() else None


def render_config(
    bind_address: str,
    port: int,
    app_ports: Sequence[int],
    stats_socket: Path | None = None,
) -> str:
    """haproxy.cfg for the app processes on 127.0.0.1:``app_ports``, served on ``port``."""
    lines = [
        "global",
        "    maxconn 4096",
    ]
    if stats_socket is not None:
        lines.append(f"    stats socket {stats_socket} mode 600 level admin")
    lines += [
        "",
        "defaults",
        "    mode http",
        "    option http-server-close",
        "    option redispatch",
        "    retries 3",
        "    timeout connect 2s",
        "    timeout client 60s",
        "    timeout server 60s",
        "    timeout http-request 10s",
        "    timeout tunnel 8h",  # an open websocket: a whole workshop day
        "    timeout client-fin 5s",
        "    timeout check 5s",  # a busy process answers late, not never (see above)
        "",
        "frontend klimat",
        f"    bind {bind_address}:{port}",
        "    default_backend streamlit",
        "",
        "backend streamlit",
        "    balance leastconn",
        "    cookie SERVERID insert indirect nocache",
        f"    option httpchk GET {HEALTH_PATH}",
        "    http-check expect status 200",
        "    default-server inter 1s fastinter 500ms fall 2 rise 2",
    ]
    for index, app_port in enumerate(app_ports, start=1):
        lines.append(f"    server app{index} 127.0.0.1:{app_port} check cookie app{index}")
    return "\n".join(lines) + "\n"
