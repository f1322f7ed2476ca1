"""`leian serve --workers 2` (pipelines/web/processes.py), a real server in a subprocess: 20
clients that connect at once are spread over both processes, each answers, SIGTERM stops
them all, and an address in use is refused with exit code 3."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

REPO = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow  # real server processes: ~10 s


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store: str, port: int, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LEIAN_LOG_LEVEL": "warning"}
    return subprocess.Popen([sys.executable, "-m", "pipelines", "serve", "--store", store, "--port", str(port),
                             "--workers", "2"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def _servers(proc: subprocess.Popen, port: int) -> list[psutil.Process]:
    """The child processes that listen on the port."""
    found = []
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            if any(c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN for c in child.net_connections()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def test_two_processes_share_the_connections_and_stop_together(store_copy, tmp_path):
    port = _free_port()
    proc = _serve(store_copy, port, tmp_path)
    try:
        deadline = time.monotonic() + 90
        while len(_servers(proc, port)) < 2:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "the two server processes did not start listening"
            time.sleep(0.3)
        servers = _servers(proc, port)
        clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) for _ in range(20)]
        barrier = threading.Barrier(len(clients))
        codes: list[int] = []

        def first_request(c: httpx.Client) -> None:
            barrier.wait()  # all connect at once, as the load test's clients do
            codes.append(c.get("/api/v1/search", params={"q": "低保"}).status_code)

        threads = [threading.Thread(target=first_request, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert codes == [200] * 20
        held = [sum(1 for c in s.net_connections() if c.laddr and c.laddr.port == port
                    and c.status == psutil.CONN_ESTABLISHED) for s in servers]
        assert sum(held) == 20 and min(held) >= 3, held  # the kernel spreads them (all on one: p = 2e-6)
        for c in clients:
            c.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in servers)


def test_an_address_in_use_is_refused(store_copy, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = _serve(store_copy, port, tmp_path)
        out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 3, out
    assert f"cannot listen on 127.0.0.1:{port}" in out
