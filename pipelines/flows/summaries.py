"""The `summaries` flow: write the class-case summaries configured in settings.summaries.

Each entry names a class of alike cases and where its summary goes, e.g. in leian.yaml:

    summaries:
      - name: 低保领域
        category: B03            # or: query: "虚报冒领 低保"
        format: docx             # docx | md
        output: ./leian-data/summaries/dibao.docx   # default: summaries_dir/<name>.<format>

One task per summary (store reads: retried); a summary that cannot be written fails its
task and the run, the others are still written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed, Failed, State

from config.settings import get_settings
from extractors.errors import ConfigError
from pipelines.flows.ingest import retry_options


def summary_output(entry: dict[str, Any], summaries_dir: str) -> Path:
    """Where the summary of one configured entry is written."""
    name = str(entry.get("name") or "").strip()
    if not name:
        raise ConfigError(f"a configured summary has no name: {entry!r}")
    fmt = str(entry.get("format") or "docx").lower()
    if fmt not in ("docx", "md"):
        raise ConfigError(f"summary {name!r}: format must be docx or md, not {fmt!r}")
    out = entry.get("output") or Path(summaries_dir) / f"{name}.{fmt}"
    return Path(out).expanduser()


@task(name="write-summary", task_run_name="summary {entry[name]}", cache_policy=NO_CACHE, persist_result=False)
def write_summary(store: str, entry: dict[str, Any], output: str) -> str:
    """Write one class-case summary; returns the path written."""
    from search.open import open_store
    from search.summary import write_configured_summary  # the summary area's entry point

    with open_store(store) as st:
        return str(write_configured_summary(st, entry, Path(output)))


@flow(name="summaries")
def summaries(store: str | None = None) -> list[str] | State:
    """Write every class-case summary configured in settings.summaries."""
    settings = get_settings()
    store = store or settings.store
    logger = get_run_logger()
    if not settings.summaries:
        logger.info("no summaries configured (settings.summaries is empty)")
        return Completed(message="no summaries configured", data=[])
    outputs = [(e, summary_output(e, settings.summaries_dir)) for e in settings.summaries]
    writer = write_summary.with_options(**retry_options(settings))
    states = [(e, writer(store, e, str(out), return_state=True)) for e, out in outputs]
    written = [s.result() for _, s in states if s.is_completed()]
    failed = [(e["name"], s.message or s.name) for e, s in states if not s.is_completed()]
    md = "# Class-case summaries\n\n" + "\n".join(f"- written: `{w}`" for w in written)
    if failed:
        md += "\n" + "\n".join(f"- **failed** {n}: {why}" for n, why in failed)
    create_markdown_artifact(markdown=md + "\n", key="summaries", description=f"{len(written)} written, {len(failed)} failed")
    if failed:
        return Failed(message=f"{len(failed)} of {len(outputs)} summaries failed: "
                              + "; ".join(f"{n}: {why}" for n, why in failed), data=written)
    return Completed(message=f"{len(written)} summaries written", data=written)
