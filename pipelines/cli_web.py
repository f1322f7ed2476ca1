"""`leian serve` (the web application and REST API) and `leian users` (who may use it)."""
from __future__ import annotations

import getpass
import os
from typing import Optional

import typer

from config.errors import UsageError
from pipelines.cli_app import app
from pipelines.cli_options import StoreOpt

users_app = typer.Typer(help="Users of the web application (`leian serve`): add, remove, passwd, list.",
                        no_args_is_help=True)
app.add_typer(users_app, name="users")


@app.command()
def serve(store: StoreOpt = None,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; any but a loopback one needs users"),
          port: int = typer.Option(8765, "--port", min=1, max=65535),
          workers: int = typer.Option(1, "--workers", min=1, max=64,
                                      help="Server processes (they share sessions; each runs its own upload batches)"),
          max_upload_mb: int = typer.Option(50, "--max-upload-mb", min=1, max=2048, help="Largest upload accepted"),
          search_cache: int = typer.Option(256, "--search-cache", min=0, max=100_000,
                                           help="Recent search results each process keeps until the store changes (0: none)"),
          ) -> None:
    """Serve the analysts' workbench: search, cases, classes and summaries, ingestion, and the
    REST API under /api/v1 (OpenAPI at /openapi.json), on the same store as the CLI.

    On 127.0.0.1 with no users it runs in local single-user mode (you are the admin); on any
    other address it refuses to start until `leian users add` has made a user.

    Example: leian serve --store ./leian-data/leian.db   then open http://127.0.0.1:8765
    """
    import uvicorn

    from config.settings import get_settings
    from pipelines.web.app import check_binding, is_loopback
    from search.open import open_store

    location = store or get_settings().store
    users = _users(location)
    check_binding(host, users)
    open_store(location, existing=True).close()  # a missing store is said now, not in each worker
    os.environ.update(LEIAN_WEB_STORE=location, LEIAN_WEB_HOST=host, LEIAN_WEB_MAX_UPLOAD=str(max_upload_mb << 20),
                      LEIAN_WEB_SEARCH_CACHE=str(search_cache))
    local = is_loopback(host) and not users.load()
    mode = "local single-user mode (no users defined; everyone here is admin)" if local else "users must log in"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"leian serve: {location} on http://{shown}:{port}  ({mode}; {workers} process"
               f"{'es' if workers > 1 else ''}); Ctrl-C stops", err=True)
    level = get_settings().log_level.lower()
    if workers == 1:
        from pipelines.web.app import app_from_env

        uvicorn.run(app_from_env(), host=host, port=port, log_level=level, server_header=False,
                    access_log=level in ("info", "debug", "trace"))
    else:
        from pipelines.web.processes import serve_processes

        code = serve_processes(host, port, workers, level)
        if code:
            raise typer.Exit(code)


def _users(store: str | None):
    from config.settings import get_settings
    from pipelines.web.users import UserFile

    settings = get_settings()
    return UserFile.of_store(store or settings.store, settings)


def _password(given: Optional[str]) -> str:
    """The password from --password-stdin's line, or asked twice on the terminal."""
    if given is not None:
        return given
    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        raise UsageError("the two passwords differ")
    return first


PasswordStdin = typer.Option(False, "--password-stdin", help="Read the password from the first line of stdin")


def _stdin_password(flag: bool) -> Optional[str]:
    import sys

    return sys.stdin.readline().rstrip("\r\n") if flag else None


@users_app.command("add")
def users_add(name: str, role: str = typer.Option("viewer", "--role", help="viewer | analyst | admin"),
              password_stdin: bool = PasswordStdin, store: StoreOpt = None) -> None:
    """Add a user. Example: leian users add wang --role analyst"""
    uf = _users(store)
    uf.add(name, _password(_stdin_password(password_stdin)), role)
    typer.echo(f"added {name} ({role}) to {uf.path}")


@users_app.command("passwd")
def users_passwd(name: str, password_stdin: bool = PasswordStdin, store: StoreOpt = None) -> None:
    """Change a user's password. Example: leian users passwd wang"""
    uf = _users(store)
    uf.passwd(name, _password(_stdin_password(password_stdin)))
    typer.echo(f"changed the password of {name}")


@users_app.command("remove")
def users_remove(name: str, store: StoreOpt = None) -> None:
    """Remove a user. Example: leian users remove wang"""
    uf = _users(store)
    uf.remove(name)
    typer.echo(f"removed {name} from {uf.path}")


@users_app.command("list")
def users_list(store: StoreOpt = None) -> None:
    """The users and their roles."""
    for name, u in sorted(_users(store).load().items()):
        typer.echo(f"{name}\t{u.get('role', '')}")
