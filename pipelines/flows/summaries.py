"""The `summaries` flow: write the class-case summaries configured in settings.summaries.

Each entry names a class of alike cases and where its report goes, e.g. in leian.yaml:

    summaries:
      - name: 低保领域
        category: false_claims        # or: query: "虚报冒领 低保" / class: <saved class id>
        format: docx                  # docx | md | json
        output: ./leian-data/summaries/dibao.docx   # default: summaries_dir/<name>.<format>

One task per entry, wrapping the summary area's plain step
(`pipelines.summary_steps.run_configured_summaries` on that one entry), with the store
retries of the other flows; an entry that cannot be written fails its task and the run,
the others are still written.
"""
from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed, Failed

from config.settings import Settings
from pipelines.flows.ingest import flow_settings, retry_options, retryable
from search.open import open_store


def _name(entry: Any, k: int) -> str:
    if isinstance(entry, dict):
        return str(entry.get("name") or entry.get("class") or entry.get("category") or entry.get("query")
                   or f"summary-{k + 1}")
    return f"summary-{k + 1}"


@task(name="write-summary", task_run_name="summary {name}", cache_policy=NO_CACHE, persist_result=False,
      retry_condition_fn=retryable)
def write_summary(settings: Settings, entry: dict[str, Any], name: str) -> list[str]:
    """Write the report of one configured summary from the settings' store; returns the files written."""
    from pipelines.summary_steps import run_configured_summaries

    one = settings.model_copy(update={"summaries": [entry]})
    with open_store(settings.store, settings) as st:
        return [str(p) for p in run_configured_summaries(st, one)]


@flow(name="summaries", validate_parameters=True)
def summaries(store: str | None = None) -> Any:
    """Write every class-case summary configured in settings.summaries (the settings read
    once, here, and passed to every task)."""
    settings = flow_settings(store)
    logger = get_run_logger()
    if not settings.summaries:
        logger.info("no summaries configured (`summaries:` in the config file is empty)")
        return Completed(message="no summaries configured", data=[])
    writer = write_summary.with_options(**retry_options(settings))
    states = [(name, writer(settings, entry, name, return_state=True))
              for name, entry in ((_name(e, k), e) for k, e in enumerate(settings.summaries))]
    written = [f for _, s in states if s.is_completed() for f in s.result()]
    failed = [(n, s.message or s.name) for n, s in states if not s.is_completed()]
    md = "# Class-case summaries\n\n" + "".join(f"- written: `{w}`\n" for w in written)
    md += "".join(f"- **failed** {n}: {why}\n" for n, why in failed)
    create_markdown_artifact(markdown=md, key="summaries",
                             description=f"{len(written)} files written, {len(failed)} summaries failed")
    if failed:
        return Failed(message=f"{len(failed)} of {len(states)} summaries failed: "
                              + "; ".join(f"{n}: {why}" for n, why in failed), data=written)
    return Completed(message=f"{len(written)} files written", data=written)
