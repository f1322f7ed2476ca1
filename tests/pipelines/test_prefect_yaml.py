"""prefect.yaml: `prefect deploy --all` to a process work pool creates the same deployments
`leian schedule` serves, with the configured cron and timezone."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from config.settings import Settings
from pipelines.schedule import INGEST_DEPLOYMENT, REINDEX_DEPLOYMENT, SUMMARIES_DEPLOYMENT
from tests.conftest import REPO

pytestmark = [pytest.mark.prefect]


def test_prefect_yaml_matches_the_served_deployments():
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    deps = {d["name"]: d for d in spec["deployments"]}
    assert set(deps) == {INGEST_DEPLOYMENT, REINDEX_DEPLOYMENT, SUMMARIES_DEPLOYMENT}
    defaults = Settings()
    nightly = deps[INGEST_DEPLOYMENT]["schedules"][0]
    assert (nightly["cron"], nightly["timezone"]) == (defaults.schedule_cron, defaults.timezone)
    weekly = deps[SUMMARIES_DEPLOYMENT]["schedules"][0]
    assert (weekly["cron"], weekly["timezone"]) == (defaults.summaries_cron, defaults.timezone)
    for d in deps.values():
        path, func = d["entrypoint"].split(":")
        assert (REPO / path).is_file() and f"def {func}(" in (REPO / path).read_text(encoding="utf-8")


def test_prefect_deploy_creates_the_deployments(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL

    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name="leian", type="process"), overwrite=True)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_API_URL=PREFECT_API_URL.value(), PYTHONPATH=str(REPO), LEIAN_HOME=str(REPO))
    prefect = Path(sys.executable).with_name("prefect")
    res = subprocess.run([str(prefect), "--no-prompt", "deploy", "--all"], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    with get_client(sync_client=True) as client:
        nightly = client.read_deployment_by_name(f"ingest/{INGEST_DEPLOYMENT}")
        reindex = client.read_deployment_by_name(f"reindex/{REINDEX_DEPLOYMENT}")
        client.read_deployment_by_name(f"summaries/{SUMMARIES_DEPLOYMENT}")
    assert nightly.work_pool_name == "leian"
    sched = nightly.schedules[0].schedule
    assert (sched.cron, sched.timezone) == ("0 2 * * *", "Asia/Shanghai")
    assert reindex.schedules == []
