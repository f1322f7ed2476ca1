"""`leian` command line: one typer group; each area registers its commands in its own module.

Only here are exceptions turned into one-line messages and exit codes.
"""
from __future__ import annotations

import logging
import os
import sys

from extractors.errors import ConfigError, LeianError, ReadError
from pipelines.cli_app import EXIT_CONFIG, EXIT_USAGE, app

# Command modules register on `app` when imported.
from pipelines import (cli_codes, cli_corrections, cli_elastic, cli_extract, cli_flows, cli_store,  # noqa: F401,E402
                       cli_summary, cli_web)


def main() -> None:
    """Console entry point."""
    logging.basicConfig(
        level=os.environ.get("LEIAN_LOG_LEVEL", "WARNING").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    import jieba  # its dictionary-loading chatter (jieba resets its level on import)

    jieba.setLogLevel(logging.WARNING)
    try:
        app()
    except ReadError as exc:
        print(f"leian: cannot read {exc.path}: {exc.reason}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except ConfigError as exc:
        print(f"leian: configuration error: {exc}", file=sys.stderr)
        sys.exit(EXIT_CONFIG)
    except LeianError as exc:
        print(f"leian: {exc}", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 1))


if __name__ == "__main__":
    main()
