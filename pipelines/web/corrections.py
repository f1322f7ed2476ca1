"""Corrections in the workbench: the REST API (`api_router`, under /api/v1) and the forms of the
case page and the corrections list (`pages_router`).

The same store methods as `leian corrections` (add_correction, revert_correction,
corrections, case_state) and the same syntax and checks (search.corrections); a refused
correction is a 400 with the CLI's one-line message (on a page: shown above the form), an
unknown case or correction a 404. Writing needs the analyst role and, for cookie sessions, the
CSRF token; every correction, revert and export goes to the audit log.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Optional

from fastapi import APIRouter, Body, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from pipelines.web.api import _json
from pipelines.web.app import ctx_of, need
from pipelines.web.correction_view import MAX_FIELD, changes_from_form, history_json, history_rows
from search.corrections import Changes, Correction, CorrectionError, describe

api_router = APIRouter(tags=["corrections"])
pages_router = APIRouter(include_in_schema=False)


class CorrectionIn(Changes):
    """A correction as the API takes it: the fields of `leian corrections add --from FILE`
    (a field left out is not touched; an empty list clears it) and a note."""

    model_config = ConfigDict(extra="forbid")
    note: str = Field("", max_length=2000)


class RevertIn(BaseModel):
    """Why a correction is undone (optional)."""

    model_config = ConfigDict(extra="forbid")
    note: str = Field("", max_length=2000)


# --------------------------------------------------------------------------- shared steps
def add(request: Request, case_id: str, changes: Changes, note: str) -> Correction:
    """Record a correction by the request's user, audited."""
    ctx = ctx_of(request)
    corr = ctx.store.add_correction(case_id, changes, request.state.user, note)
    ctx.audit.write(request.state.user, "correction", case=case_id, correction=corr.id, what=describe(corr),
                    note=note)
    return corr


def revert(request: Request, correction_id: str, note: str = "") -> Correction:
    """Record the revert of a correction by the request's user, audited."""
    ctx = ctx_of(request)
    rev = ctx.store.revert_correction(correction_id, request.state.user, note)
    ctx.audit.write(request.state.user, "correction_revert", case=rev.attached_to or rev.case_id,
                    correction=correction_id, revert=rev.id, note=note)
    return rev


def _known(request: Request, case_id: str):
    state = ctx_of(request).store.case_state(case_id)
    if state is None:
        from pipelines.cli_store import NotFoundError

        raise NotFoundError(f"no case {case_id} in the store")
    return state


def _state_json(state) -> dict:
    return {"case": state.corrected.model_dump(mode="json"), "not_a_case": state.not_a_case}


# --------------------------------------------------------------------------- API
@api_router.get("/cases/{case_id}/corrections", summary="A case's correction history (oldest first), each with `active`")
def case_corrections(request: Request, case_id: str, _=need("viewer")) -> Response:
    return _json(history_json(_known(request, case_id).history))


@api_router.post("/cases/{case_id}/corrections",
                 summary="Correct a case (analyst): people, amounts, sanctions, categories, not_a_case; "
                         "returns the correction and the corrected case")
def add_correction(request: Request, case_id: str, body: CorrectionIn = Body(...),
                   _=need("analyst", write=True)) -> Response:
    changes = Changes.model_validate(body.model_dump(exclude={"note"}, exclude_unset=True))
    corr = add(request, case_id, changes, body.note)
    return _json({"correction": corr.model_dump(mode="json"), **_state_json(_known(request, case_id))})


@api_router.post("/corrections/{correction_id}/revert",
                 summary="Undo a correction (analyst): recorded in the history; returns the revert and the case")
def revert_correction(request: Request, correction_id: str, body: Optional[RevertIn] = Body(None),
                      _=need("analyst", write=True)) -> Response:
    rev = revert(request, correction_id, body.note if body else "")
    out = {"revert": rev.model_dump(mode="json")}
    state = ctx_of(request).store.case_state(rev.attached_to) if rev.attached_to else None
    return _json(out | (_state_json(state) if state else {"case": None, "not_a_case": False}))


@api_router.get("/corrections", summary="Every correction (oldest first): `leian corrections list --json`")
def list_corrections(request: Request, unattached: bool = False, _=need("viewer")) -> Response:
    return _json(history_json(ctx_of(request).store.corrections(), unattached))


@api_router.get("/corrections/export", summary="The corrections as gold files (zip of NAME.txt + NAME.gold.json): "
                                               "`leian corrections export DIR` (analyst)",
                response_class=Response, responses={200: {"content": {"application/zip": {}}}})
def export(request: Request, _=need("analyst")) -> Response:
    return Response(export_zip(request), media_type="application/zip",
                    headers={"Content-Disposition": "attachment; filename=leian-gold-corrections.zip"})


def export_zip(request: Request) -> bytes:
    """export_gold into a temporary folder, zipped (with export-report.log), audited."""
    from pipelines.gold_export import export_gold
    from pipelines.web.summaries import temp_folder

    ctx = ctx_of(request)
    with temp_folder() as tmp:
        report = export_gold(ctx.store, Path(tmp) / "gold")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted((Path(tmp) / "gold").iterdir()):
                zf.write(path, path.name)
            zf.writestr("export-report.log", "\n".join([report.summary_line(), *report.problems]) + "\n")
    ctx.audit.write(request.state.user, "export", format="gold", documents=report.documents,
                    corrected_cases=report.corrected_cases)
    return buf.getvalue()


# --------------------------------------------------------------------------- pages
def _back(case_id: str) -> RedirectResponse:
    return RedirectResponse(f"/cases/{case_id}#corrections", status_code=303)


@pages_router.post("/cases/{case_id}/corrections")
def correction_form(request: Request, case_id: str,
                    people: str = Form("", max_length=MAX_FIELD), amounts: str = Form("", max_length=MAX_FIELD),
                    sanctions: str = Form("", max_length=MAX_FIELD), categories: str = Form("", max_length=MAX_FIELD),
                    orig_people: str = Form("", max_length=MAX_FIELD), orig_amounts: str = Form("", max_length=MAX_FIELD),
                    orig_sanctions: str = Form("", max_length=MAX_FIELD),
                    orig_categories: str = Form("", max_length=MAX_FIELD), note: str = Form("", max_length=2000),
                    _=need("analyst", write=True)) -> Response:
    from pipelines.web.pages import case_view

    new = {"people": people, "amounts": amounts, "sanctions": sanctions, "categories": categories}
    old = {"people": orig_people, "amounts": orig_amounts, "sanctions": orig_sanctions, "categories": orig_categories}
    _known(request, case_id)
    try:
        add(request, case_id, changes_from_form(new, old), note)
    except CorrectionError as exc:
        return case_view(request, case_id, 400, error=str(exc), form={**new, "note": note})
    return _back(case_id)


@pages_router.post("/cases/{case_id}/not-a-case")
def not_a_case_form(request: Request, case_id: str, value: bool = Form(...),
                    _=need("analyst", write=True)) -> Response:
    """Mark the case not a case (value=true), or undo the mark (value=false, a new entry)."""
    from pipelines.web.pages import case_view

    try:
        add(request, case_id, Changes(not_a_case=value), "网页标记：不是案例" if value else "网页撤销：恢复为案例")
    except CorrectionError as exc:
        return case_view(request, case_id, 400, error=str(exc))
    return _back(case_id)


@pages_router.post("/corrections/{correction_id}/revert")
def revert_form(request: Request, correction_id: str, _=need("analyst", write=True)) -> Response:
    rev = revert(request, correction_id)  # a refused one: the error page (400), as any LeianError
    return _back(rev.attached_to or rev.case_id)


@pages_router.get("/corrections")
def corrections_page(request: Request, unattached: bool = False, _=need("analyst")) -> Response:
    from pipelines.web.pages import render

    rows = history_rows(ctx_of(request).store.corrections())
    if unattached:
        rows = [r for r in rows if r["active"] and not r["case"]]
    return render(request, "corrections.html", rows=rows, unattached=unattached, title="更正")
