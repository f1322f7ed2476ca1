"""`leian ingest` both ways: in-process without Prefect (and it says so), a tracked flow run
when PREFECT_API_URL names a Prefect API; the same results either way."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from search.open import open_store
from tests.conftest import REPO
from tests.pipelines.conftest import write_bad_files, write_good_files


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


def _ledger(store: str) -> dict[str, tuple[str, int]]:
    with open_store(store) as st:
        return {e.path: (e.status, e.cases) for e in st.ledger_entries()}


IN_PROCESS = """
import sys
from pipelines.cli import main
sys.argv = ["leian", "ingest", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print("PREFECT_IMPORTED" if "prefect" in sys.modules else "NO_PREFECT", file=sys.stderr)
sys.exit(code)
"""


def test_in_process_without_a_prefect_api(tmp_path):
    inbox = tmp_path / "inbox"
    write_good_files(inbox, count=2)
    write_bad_files(inbox / "broken")
    store = str(tmp_path / "a.db")
    res = subprocess.run([sys.executable, "-c", IN_PROCESS, str(inbox), "--store", store],
                         cwd=REPO, env=_env(PREFECT_HOME=str(tmp_path / "ph")), capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 1, res.stderr  # some files failed
    assert "running in-process (no Prefect API configured" in res.stderr
    assert "NO_PREFECT" in res.stderr, "the in-process path imported Prefect"
    ok = sum(1 for s, _ in _ledger(store).values() if s == "ok")
    assert ok >= 2 and res.stdout.startswith(f"6 files: {ok} new")


@pytest.mark.prefect
def test_tracked_flow_run_with_a_prefect_api(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the harness gives an API URL"
    inbox = tmp_path / "inbox"
    write_good_files(inbox, count=2)
    write_bad_files(inbox / "broken")
    tracked, plain = str(tmp_path / "tracked.db"), str(tmp_path / "plain.db")
    res = subprocess.run([sys.executable, "-m", "pipelines", "ingest", str(inbox), "--store", tracked, "--json"],
                         cwd=REPO, env=_env(PREFECT_API_URL=url), capture_output=True, text=True, timeout=300)
    assert res.returncode == 1, res.stderr
    assert f"tracked flow run on the Prefect API at {url}" in res.stderr
    report = json.loads(res.stdout)
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(report["flow_run_id"])
    ok = sum(1 for s, _ in _ledger(tracked).values() if s == "ok")
    assert run.state.is_completed() and run.state.message.startswith(f"6 files: {ok} new")
    assert report["new"] == ok >= 2 and report["failed"] + report["skipped"] == 6 - ok

    # The same steps in-process give the same ledger.
    subprocess.run([sys.executable, "-m", "pipelines", "ingest", str(inbox), "--store", plain, "-q"],
                   cwd=REPO, env=_env(PREFECT_HOME=str(tmp_path / "ph")), capture_output=True, timeout=300)
    assert _ledger(tracked) == _ledger(plain)
