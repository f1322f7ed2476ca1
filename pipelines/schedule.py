"""The deployments `leian schedule` serves: nightly ingest, on-demand reindex, weekly summaries.

Prefect schedules nothing on an ephemeral server ("Cannot schedule flows on an ephemeral
server"), so these are served against a real Prefect API: the configured one
(PREFECT_API_URL or the active profile) or a local `prefect server start` that
`leian schedule` runs for as long as it serves (see pipelines.prefect_api.local_server).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from config.settings import Settings

log = logging.getLogger(__name__)

INGEST_DEPLOYMENT = "nightly"
REINDEX_DEPLOYMENT = "on-demand"
SUMMARIES_DEPLOYMENT = "weekly"


def _absolute_store(store: str) -> str:
    if store.startswith(("http://", "https://")):
        return store
    return str(Path(store).expanduser().resolve())


def deployments(settings: Settings) -> list[Any]:
    """RunnerDeployments for the three flows, parameters resolved to absolute paths so a
    run does the same thing whatever directory the runner executes it in."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from pipelines.flows.ingest import ingest
    from pipelines.flows.reindex import reindex
    from pipelines.flows.summaries import summaries

    store = _absolute_store(settings.store)
    watch = [str(Path(p).expanduser().resolve()) for p in settings.watch]
    tags = ["leian"]
    common: dict[str, Any] = {"tags": tags, "entrypoint_type": EntrypointType.MODULE_PATH}
    return [
        ingest.to_deployment(
            name=INGEST_DEPLOYMENT,
            schedule=Cron(settings.schedule_cron, timezone=settings.timezone),
            parameters={"paths": watch, "store": store},
            description=f"Ingest new and changed files of {', '.join(watch) or '(no watched folders)'} "
                        f"into {store}, {settings.schedule_cron} {settings.timezone}.",
            **common,
        ),
        reindex.to_deployment(
            name=REINDEX_DEPLOYMENT,
            parameters={"store": store},
            description="Rebuild the index from the stored documents (run after a taxonomy or extractor change).",
            **common,
        ),
        summaries.to_deployment(
            name=SUMMARIES_DEPLOYMENT,
            schedule=Cron(settings.summaries_cron, timezone=settings.timezone),
            parameters={"store": store},
            description="Write the class-case summaries configured in settings.summaries.",
            **common,
        ),
    ]


def serve_deployments(settings: Settings, api_url: str) -> None:
    """Register the deployments with the Prefect API at `api_url` and run their flow runs
    in this process until SIGTERM/SIGINT (their schedules are paused on shutdown and
    resumed by the next `leian schedule`)."""
    os.environ["PREFECT_API_URL"] = api_url
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect import serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        deps = deployments(settings)
        log.info("serving %d deployments against %s", len(deps), api_url)
        serve(*deps, print_starting_message=True, limit=1)
