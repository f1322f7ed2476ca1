"""`leian corrections add|list|revert|export`: analysts' corrections of extracted cases
(search/corrections.py), kept by the store apart from extraction, with who and when."""
from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Optional

import typer

from config.errors import UsageError
from pipelines.cli_app import app, command_store
from pipelines.cli_options import StoreOpt
from search.corrections import describe as _describe

corrections_app = typer.Typer(name="corrections", no_args_is_help=True,
                              help="Correct a case's people, amounts, sanctions and categories, or mark it not a case; "
                                   "list, revert and export the corrections as gold annotations.")
app.add_typer(corrections_app)

UserOpt = typer.Option(None, "--user", "-u", help="Who corrects (default: $USER)")
NoteOpt = typer.Option("", "--note", help="Why (kept in the history)")


def _user(user: str | None) -> str:
    name = user or os.environ.get("USER") or ""
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no login name on this machine
            name = ""
    if not name.strip():
        raise UsageError("who makes the correction? give --user NAME (or set $USER)")
    return name.strip()


def _changes_from_file(path: Path):
    from pydantic import ValidationError

    from search.corrections import Changes

    try:
        return Changes.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (ValidationError, ValueError) as exc:
        first = str(exc).splitlines()
        raise UsageError(f"{path}: not a correction ({first[1] if len(first) > 1 else first[0]}); "
                         'write e.g. {"categories": ["bribery"], "people": [{"name": "张某某"}]}') from None


@corrections_app.command("add")
def add(ctx: typer.Context, case_id: str = typer.Argument(..., help="A case id as printed by search"),
        people: Optional[str] = typer.Option(None, "--people", help="NAME[:POST], comma-separated; '' clears"),
        amounts: Optional[str] = typer.Option(None, "--amounts", help="TEXT[=YUAN] as written, comma-separated; '' clears"),
        sanctions: Optional[str] = typer.Option(None, "--sanctions", help="LABEL[:PERSON], canonical labels; '' clears"),
        categories: Optional[str] = typer.Option(None, "--categories", help="Category codes or labels, comma-separated"),
        not_a_case: Optional[bool] = typer.Option(None, "--not-a-case/--is-a-case",
                                                  help="Withhold the case from search, facets and summaries (or undo)"),
        from_file: Optional[Path] = typer.Option(None, "--from", help="A JSON file of the changes (same fields)"),
        user: Optional[str] = UserOpt, note: str = NoteOpt, store: StoreOpt = None,
        as_json: bool = typer.Option(False, "--json", help="Print the stored correction as JSON")) -> None:
    """Correct one case; the latest correction of each field wins, everywhere.

    Example: leian corrections add 3f2a9c0d1e2b4a5c-002 --people '张某某:村党支部书记' --categories bribery,false_claims
    """
    from search.corrections import changes_from_text

    given = changes_from_text(people=people, amounts=amounts, sanctions=sanctions, categories=categories,
                              not_a_case=not_a_case)
    if from_file is not None:
        if given.fields():
            raise UsageError("give the changes either as options or with --from FILE, not both")
        given = _changes_from_file(from_file)
    with command_store(ctx, store) as st:
        corr = st.add_correction(case_id, given, _user(user), note)
    if as_json:
        typer.echo(corr.model_dump_json(indent=1))
        return
    typer.echo(f"correction {corr.id} of case {case_id} by {corr.user}: {_describe(corr)}")


@corrections_app.command("list")
def list_(ctx: typer.Context, case_id: Optional[str] = typer.Argument(None, help="Only this case's history"),
          unattached: bool = typer.Option(False, "--unattached",
                                          help="Only active corrections no stored case matches any more"),
          store: StoreOpt = None,
          as_json: bool = typer.Option(False, "--json", help="Print the history as JSON")) -> None:
    """The history of corrections (oldest first): who, when, which case, what; reverted ones marked.

    Example: leian corrections list 3f2a9c0d1e2b4a5c-002
    """
    from search.corrections import active

    with command_store(ctx, store) as st:
        if case_id and st.case_state(case_id) is None and not st.corrections(case_id):
            from config.errors import NotFoundError

            raise NotFoundError(f"no case {case_id} in the store")
        history = st.corrections(case_id)
    live = {c.id for c in active(history)}
    if unattached:
        history = [c for c in history if c.id in live and not c.attached_to]
    if as_json:
        typer.echo(json.dumps([c.model_dump(mode="json") | {"active": c.id in live} for c in history],
                              ensure_ascii=False, indent=1))
        return
    reverted = {c.reverts for c in history if c.reverts}
    for c in history:
        where = c.attached_to or f"UNATTACHED (was {c.case_id})"
        what = f"revert of {c.reverts}" if c.reverts else _describe(c)
        mark = "  [reverted]" if c.id in reverted else ""
        note = f"  — {c.note}" if c.note else ""
        typer.echo(f"{c.id}  {c.at[:19]}  {c.user}  {where}  {what}{mark}{note}")
    if not history:
        typer.echo("no corrections" + (" unattached" if unattached else ""))


@corrections_app.command("revert")
def revert(ctx: typer.Context, correction_ids: list[str] = typer.Argument(..., help="Ids as printed by `leian corrections list`"),
           user: Optional[str] = UserOpt, note: str = NoteOpt, store: StoreOpt = None) -> None:
    """Undo corrections (recorded in the history; the case falls back to its earlier
    corrections or to its extraction).

    Example: leian corrections revert 5e0c2a9b7d11
    """
    who = _user(user)
    with command_store(ctx, store) as st:
        for cid in correction_ids:
            rev = st.revert_correction(cid, who, note)
            typer.echo(f"reverted {cid} ({rev.id}) on case {rev.attached_to or rev.case_id}")


@corrections_app.command("export")
def export(ctx: typer.Context, out_dir: Path = typer.Argument(..., help="Folder for NAME.txt + NAME.gold.json pairs"),
           store: StoreOpt = None) -> None:
    """Write every corrected document as gold annotations (gold-format.md): all its cases as
    corrected or extracted, its text beside it; score the extractor on it with `leian eval DIR`.

    Example: leian corrections export gold-corrections/
    """
    from pipelines.gold_export import export_gold

    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} is a file, not a folder")
    with command_store(ctx, store) as st:
        report = export_gold(st, out_dir)
    for line in report.problems:
        typer.echo(f"leian: {line}", err=True)
    typer.echo(report.summary_line())
