"""Where the Prefect API is, without importing Prefect (1.3–1.9 s) to find out.

`leian ingest` asks this on every call: with an API configured it runs a tracked flow run,
with none it runs the same steps in-process instead of paying 9–20 s for an ephemeral
server. `leian schedule` uses it to decide whether to start a local `prefect server start`.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from config.errors import PrefectServerError

log = logging.getLogger(__name__)


def _profiles_path() -> Path:
    explicit = os.environ.get("PREFECT_PROFILES_PATH")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("PREFECT_HOME") or "~/.prefect"
    return Path(home).expanduser() / "profiles.toml"


def api_url() -> str:
    """The Prefect API this process would talk to: PREFECT_API_URL, else the active
    profile's, else "" (no server: Prefect would start an ephemeral one)."""
    url = os.environ.get("PREFECT_API_URL", "").strip()
    if url:
        return url
    path = _profiles_path()
    if not path.is_file():
        return ""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("cannot read Prefect profiles %s: %s", path, exc)
        return ""
    active = os.environ.get("PREFECT_PROFILE") or data.get("active", "")
    profile = data.get("profiles", {}).get(active, {})
    return str(profile.get("PREFECT_API_URL", "")).strip()


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    """True when the Prefect API at `url` answers its health check."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prefect_executable() -> list[str]:
    exe = Path(sys.executable).with_name("prefect")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("prefect")
    if found:
        return [found]
    return [sys.executable, "-m", "prefect"]


@contextmanager
def local_server(host: str = "127.0.0.1", port: int = 0, timeout: float = 180.0,
                 log_path: Path | None = None) -> Iterator[str]:
    """Run `prefect server start` for the duration of the block; yields its API URL.

    The server keeps its database in PREFECT_HOME (default ~/.prefect), so runs and
    deployments survive restarts. It is stopped (SIGTERM, then SIGKILL) on exit.
    """
    port = port or free_port()
    url = f"http://{host}:{port}/api"
    env = dict(os.environ)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.pop("PREFECT_API_URL", None)
    cmd = [*_prefect_executable(), "server", "start", "--host", host, "--port", str(port)]
    out = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    log.info("starting %s", " ".join(cmd))
    proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not is_healthy(url):
            if proc.poll() is not None:
                raise PrefectServerError(
                    f"`prefect server start` exited with code {proc.returncode} before it was ready"
                    + (f" (log: {log_path})" if log_path else ""))
            if time.monotonic() > deadline:
                raise PrefectServerError(f"`prefect server start` not ready at {url} after {timeout:.0f} s")
            time.sleep(0.5)
        log.info("Prefect server ready at %s", url)
        yield url
    finally:
        _stop(proc)
        if log_path:
            out.close()  # type: ignore[union-attr]


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process group started with start_new_session: SIGTERM, then SIGKILL."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        log.warning("Prefect server (pid %s) ignored SIGTERM; killing it", proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass
