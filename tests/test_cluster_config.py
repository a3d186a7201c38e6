"""The HAProxy configuration the cluster runs with: what it promises, and haproxy accepts it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from deploy.cluster import main as cluster_main
from deploy.haproxy import find_haproxy, render_config
from tests.conftest import in_ci


def test_affinity_is_by_cookie_websockets_stay_open_and_health_is_checked() -> None:
    config = render_config("0.0.0.0", 8500, [8601, 8602])
    lines = {line.strip() for line in config.splitlines()}
    assert "cookie SERVERID insert indirect nocache" in lines
    assert "balance source" not in lines  # a room shares one address: never by IP
    assert "timeout tunnel 8h" in lines
    assert "option httpchk GET /_stcore/health" in lines
    assert "option redispatch" in lines
    assert "timeout check 5s" in lines  # a busy process is not taken for a dead one
    assert "bind 0.0.0.0:8500" in lines
    assert "server app1 127.0.0.1:8601 check cookie app1" in lines
    assert "server app2 127.0.0.1:8602 check cookie app2" in lines


def test_haproxy_accepts_the_configuration(tmp_path: Path) -> None:
    binary = find_haproxy()
    if binary is None:
        message = "haproxy is not installed (apt-get install haproxy): SKIPPED"
        if in_ci():
            pytest.fail(message + "; CI=true, so this fails")
        pytest.skip(message)
    path = tmp_path / "haproxy.cfg"
    path.write_text(render_config("127.0.0.1", 8500, [8601, 8602, 8603],
                                  tmp_path / "haproxy.sock"))
    checked = subprocess.run([binary, "-c", "-f", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr + checked.stdout


def test_the_launcher_refuses_zero_processes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cluster_main(["--processes", "0"])
    assert "at least 1" in capsys.readouterr().err
