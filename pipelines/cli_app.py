"""The one command group every `leian` command registers on (exit codes: `config.errors`)."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="leian",
    help="类案 leian: turn discipline-inspection notices and reports into a searchable base of alike cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """类案 leian: turn discipline-inspection notices and reports into a searchable base of alike cases."""
