"""The one command group every `leian` command registers on (exit codes: `config.errors`), and
the settings of an invocation: read once, on first use, and passed down from the command."""
from __future__ import annotations

import typer

from config.errors import ConfigError
from config.settings import Settings, load_settings, with_store

app = typer.Typer(
    name="leian",
    help="类案 leian: turn discipline-inspection notices and reports into a searchable base of alike cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Invocation:
    """The settings of one `leian` invocation (LEIAN_* environment, config file), read once
    when a command first asks for them — so `--help` and commands that need none still work
    while they are bad — and then the same object for everything the command calls."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._error: ConfigError | None = None

    def settings(self) -> Settings:
        """The settings; a bad one is the ConfigError saying which (raised on every ask)."""
        if self._settings is None and self._error is None:
            try:
                self._settings = load_settings()
            except ConfigError as exc:
                self._error = exc
        if self._error is not None:
            raise self._error
        assert self._settings is not None
        return self._settings

    def log_level(self) -> str:
        """The settings' log_level; WARNING while they are bad (the command says what is wrong)."""
        try:
            return self.settings().log_level
        except ConfigError:
            return "WARNING"


@app.callback()
def _root(ctx: typer.Context) -> None:
    """类案 leian: turn discipline-inspection notices and reports into a searchable base of alike cases."""
    if not isinstance(ctx.obj, Invocation):  # `leian` passes its own (main); a test runner none
        ctx.obj = Invocation()


def settings_of(ctx: typer.Context, store: str | None = None) -> Settings:
    """The invocation's settings, with the command's `--store` when given (checked): what a
    command passes down to everything it calls."""
    invocation = ctx.find_object(Invocation)
    if invocation is None:  # a command invoked on its own, without the group
        invocation = ctx.ensure_object(Invocation)
    return with_store(invocation.settings(), store)


def command_store(ctx: typer.Context, store: str | None = None, *, existing: bool = True):
    """The store of a command (its `--store`, else the settings'), opened with the invocation's
    settings; read commands need it to exist (only ingest makes one)."""
    from search.open import open_store

    settings = settings_of(ctx, store)
    return open_store(settings.store, settings, existing=existing)
