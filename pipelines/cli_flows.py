"""`leian schedule`: serve the nightly ingest, reindex and summaries deployments."""
from __future__ import annotations

from pathlib import Path

import typer

from pipelines.cli_app import app, settings_of


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command()
def schedule(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address of the local Prefect server, when one is started"),
    port: int = typer.Option(4200, help="Port of the local Prefect server, when one is started (0: any free port)"),
    server_log: Path = typer.Option(None, "--server-log", help="Write the local Prefect server's output here"),
) -> None:
    """Serve the deployments: ingest nightly (cron `schedule_cron`, default 02:00 in
    `timezone`, default Asia/Shanghai), summaries weekly, reindex on demand.

    Uses the Prefect API in PREFECT_API_URL (or the active Prefect profile); with none,
    starts `prefect server start` on --host/--port for as long as it serves, since Prefect
    schedules nothing on an ephemeral server. Runs until Ctrl-C / SIGTERM; the UI of a
    local server is at http://HOST:PORT.

    Example: LEIAN_WATCH='["/data/notices"]' leian schedule --port 4200
    """
    import signal
    import sys

    from config.errors import PrefectServerError
    from pipelines.prefect_api import api_url, is_healthy, local_server
    from pipelines.schedule import serve_deployments

    settings = settings_of(ctx)
    if not settings.watch:
        typer.echo("leian schedule: no watched folders (set LEIAN_WATCH or `watch:` in the config file); "
                   "the nightly ingest will fail until there are some", err=True)
    # SIGTERM (systemd, docker stop) ends serving like Ctrl-C, so the local server is stopped too.
    signal.signal(signal.SIGTERM, _interrupt)
    url = api_url()
    if url:
        if not is_healthy(url):
            raise PrefectServerError(f"the Prefect API at {url} does not answer (PREFECT_API_URL)")
        typer.echo(f"leian schedule: serving against the Prefect API at {url}", err=True)
        try:
            serve_deployments(settings, url)
        except KeyboardInterrupt:
            pass
        return
    typer.echo(f"leian schedule: no Prefect API configured; starting `prefect server start` on {host}:{port or 'a free port'}",
               err=True)
    try:
        with local_server(host=host, port=port, log_path=server_log) as url:
            typer.echo(f"leian schedule: Prefect server ready, UI at {url.removesuffix('/api')}", err=True)
            sys.stderr.flush()
            serve_deployments(settings, url)
    except KeyboardInterrupt:
        pass
    typer.echo("leian schedule: stopped", err=True)
