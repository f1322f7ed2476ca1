"""`leian ingest` both ways, one code path: the steps of pipelines.steps run as a tracked
Prefect flow run when a Prefect API is configured (PREFECT_API_URL or the active profile)
or `--prefect` is given, and in-process otherwise — without paying 9–20 s for an
ephemeral Prefect server on every call. Either way one run per store at a time.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from config.errors import PrefectServerError
from config.settings import Settings
from pipelines.prefect_api import api_url
from search.store import CaseStore

LOCK_WAIT = 3600.0  # seconds `leian ingest` waits for a running ingest (e.g. the nightly one)
IN_PROCESS_NOTE = ("leian ingest: running in-process (no Prefect API configured; set PREFECT_API_URL "
                   "or pass --prefect for a tracked flow run)")


def use_prefect(flag: bool) -> bool:
    """Run as a tracked flow run: asked for, or a Prefect API is configured."""
    return flag or bool(api_url())


def _waiting(holder: str) -> None:
    typer.echo(f"leian ingest: another ingest run holds this store ({holder}); waiting for it to finish", err=True)


@contextmanager
def in_process_lock(store: CaseStore) -> Iterator[None]:
    """The store's ingest lock for an in-process run, waiting (and saying so) while another
    run — the nightly flow, another `leian ingest`, on this machine or another — holds it."""
    with store.ingest_lock(wait=LOCK_WAIT, on_wait=_waiting):
        yield


def run_as_flow(paths: Sequence[str | Path], settings: Settings, *, as_json: bool = False, quiet: bool = False) -> int:
    """Run the `ingest` flow on `paths` into settings.store as a tracked flow run, with these
    settings (the command's: its --store, LEIAN_*, config file); prints its summary like the
    in-process command and returns the exit code."""
    url = api_url()
    if url:
        typer.echo(f"leian ingest: tracked flow run on the Prefect API at {url}", err=True)
    else:
        typer.echo("leian ingest: --prefect with no Prefect API configured: starting an ephemeral "
                   "Prefect server for this run (9–20 s; set PREFECT_API_URL to use a running one)", err=True)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from pipelines.flows.ingest import ingest

    try:
        # The flow run reads its settings as it starts (a worker's run has only its parameters):
        # in this process the same LEIAN_* environment and config file, with this store.
        state: Any = ingest(paths=[str(Path(p).expanduser().resolve()) for p in paths], store=settings.store,
                       lock_wait=LOCK_WAIT, return_state=True)
    except (RuntimeError, OSError) as exc:  # Prefect could not start or reach its API
        raise PrefectServerError(f"the ingest flow run could not start: {exc}") from exc
    summary = state.result(raise_on_failure=False)
    if isinstance(summary, BaseException):  # the run crashed (bad settings, store unreachable…)
        raise summary
    if as_json:
        import json

        typer.echo(json.dumps({**summary.as_dict(), "flow_run_id": str(state.state_details.flow_run_id)},
                              ensure_ascii=False, indent=1))
        return summary.exit_code
    if quiet:
        for r in summary.failed + summary.pending:
            typer.echo(f"{'failed' if r in summary.failed else 'pending'}: {r.path}: {r.error}", err=True)
    else:
        for r in summary.failed:
            typer.echo(f"failed {r.path}: {r.error}", err=True)
        for r in summary.pending:
            typer.echo(f"pending {r.path}: {r.error}", err=True)
    typer.echo(summary.line())
    if url:
        typer.echo(f"flow run: {url.removesuffix('/api')}/runs/flow-run/{state.state_details.flow_run_id}", err=True)
    return summary.exit_code
