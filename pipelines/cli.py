"""`leian` command line: one typer group; each area registers its commands in its own module.

Only here are exceptions turned into one-line messages and exit codes (`config.errors.EXIT_CODES`).
"""
from __future__ import annotations

import logging
import sys

from config.errors import ConfigError, LeianError, ReadError, exit_code_of

# Command modules register on `app` when imported.
from pipelines import cli_codes, cli_corrections, cli_elastic, cli_extract, cli_flows, cli_ledger, cli_store, cli_summary, cli_web  # noqa: F401,E402
from pipelines.cli_app import Invocation, app


def main() -> None:
    """Console entry point: the settings are read here, once, and handed to the command."""
    invocation = Invocation()
    logging.basicConfig(
        level=invocation.log_level(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    import jieba  # its dictionary-loading chatter (jieba resets its level on import)

    jieba.setLogLevel(logging.WARNING)
    try:
        app(obj=invocation)
    except LeianError as exc:
        if isinstance(exc, ReadError):
            message = f"cannot read {exc.path}: {exc.reason}"
        elif isinstance(exc, ConfigError):
            message = f"configuration error: {exc}"
        else:
            message = str(exc)
        print(f"leian: {message}", file=sys.stderr)
        sys.exit(exit_code_of(exc))


if __name__ == "__main__":
    main()
