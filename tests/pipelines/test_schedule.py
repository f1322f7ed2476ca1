"""`leian schedule` against a real local `prefect server start` (which it starts itself):
the nightly deployment gets scheduled runs at 02:00 Asia/Shanghai, a run of it executes a
real ingest in the served runner, and SIGTERM stops serving and the server."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from pipelines.prefect_api import free_port, is_healthy
from tests.conftest import REPO
from tests.pipelines.conftest import write_good_files

pytestmark = [pytest.mark.prefect, pytest.mark.slow]


def _wait(what: str, probe, timeout: float, proc: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        if proc.poll() is not None:
            pytest.fail(f"`leian schedule` exited ({proc.returncode}) while waiting for {what}:\n"
                        + log.read_text(errors="replace")[-3000:])
        time.sleep(1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}:\n" + log.read_text(errors="replace")[-3000:])


def test_schedule_serves_nightly_ingest_on_a_real_server(tmp_path):
    watch = tmp_path / "inbox"
    files = write_good_files(watch, count=2)
    store = tmp_path / "data" / "leian.db"
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),  # a fresh server database
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",
        "LEIAN_WATCH": json.dumps([str(watch)]),
        "LEIAN_STORE": str(store),
        "LEIAN_SCHEDULE_CRON": "0 2 * * *",
        "LEIAN_TIMEZONE": "Asia/Shanghai",
    })
    log = tmp_path / "schedule.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pipelines", "schedule", "--port", str(port)],
                                cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    client = httpx.Client(base_url=api, timeout=10)
    try:
        def nightly():
            if not is_healthy(api):
                return None
            r = client.get("/deployments/name/ingest/nightly")
            return r.json() if r.status_code == 200 else None

        dep = _wait("the nightly deployment", nightly, 240, proc, log)
        sched = dep["schedules"][0]["schedule"]
        assert sched["cron"] == "0 2 * * *" and sched["timezone"] == "Asia/Shanghai"
        assert dep["parameters"]["paths"] == [str(watch)]

        def scheduled_runs():
            r = client.post("/flow_runs/filter", json={
                "deployments": {"id": {"any_": [dep["id"]]}},
                "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}})
            return r.json() if r.status_code == 200 and r.json() else None

        runs = _wait("a scheduled nightly run", scheduled_runs, 120, proc, log)
        starts = [datetime.fromisoformat(r["expected_start_time"]).astimezone(ZoneInfo("Asia/Shanghai"))
                  for r in runs]
        assert all((s.hour, s.minute) == (2, 0) for s in starts), starts

        # Run it now: the served runner executes a real ingest of the watched folder.
        # (a busy server may answer with an error body, e.g. its database locked: ask again, and a
        # timeout shows the server's log)
        def created():
            r = client.post(f"/deployments/{dep['id']}/create_flow_run", json={})
            return r.json() if r.status_code in (200, 201) and "id" in r.json() else None

        run = _wait("the flow run to be created", created, 120, proc, log)

        def finished():
            r = client.get(f"/flow_runs/{run['id']}").json()
            return r if r["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED") else None

        done = _wait("the ingest run to finish", finished, 240, proc, log)
        assert done["state"]["type"] == "COMPLETED", done["state"]
        from search.open import open_store

        with open_store(str(store)) as st:
            ok = {e.path for e in st.ledger_entries("ok")}
        assert {str(p) for p in files} <= ok
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("`leian schedule` did not stop on SIGTERM")
        client.close()
    assert not is_healthy(api), "the local Prefect server is still running after `leian schedule` stopped"
