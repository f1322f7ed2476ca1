"""The one command group every `leian` command registers on, and its exit codes."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="leian",
    help="类案 leian: turn discipline-inspection notices and reports into a searchable base of alike cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Exit codes (documented in the README)
EXIT_OK = 0
EXIT_PARTIAL = 1  # the run finished but some files failed
EXIT_USAGE = 2  # bad arguments / unreadable input file
EXIT_CONFIG = 3  # bad settings or configuration data
EXIT_STORE = 4  # the store cannot be reached or written
EXIT_NOT_FOUND = 5  # a case / document that does not exist


@app.callback()
def _root() -> None:
    """类案 leian: turn discipline-inspection notices and reports into a searchable base of alike cases."""
