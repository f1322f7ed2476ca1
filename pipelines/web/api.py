"""REST API under /api/v1: the same functions and JSON as the CLI's `--json` output.

search = `leian search --json`, cases/{id} = `leian show --json`, cases/{id}/similar =
`leian similar --json` (plus each hit's reason), duplicates = `leian duplicates --json`,
classes = `leian classes --json`, summary = `leian summary -o FILE` (and the class's cases
as XLSX), ledger = the ingestion ledger, upload = store files and ingest them.
"""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Literal, Optional

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from config.errors import UploadRefused
from pipelines.cli_store import case_with_info
from pipelines.web.app import ctx_of, need, session_of
from pipelines.web.ingest_jobs import MAX_FILES, store_upload
from pipelines.web.params import SearchParams, search_params
from pipelines.web.summaries import DOWNLOADS, DownloadFormat, SummaryParams, summary_params, temp_folder, write_download

router = APIRouter(tags=["api"])


def _json(data) -> Response:
    """JSON of a pydantic model or of plain data, written directly (FastAPI's generic encoder
    would walk it again: 2 ms of a 10 ms search)."""
    if hasattr(data, "model_dump_json"):
        return Response(data.model_dump_json(), media_type="application/json")
    return JSONResponse(data)


@router.get("/session", summary="Who you are, your role and your CSRF token (send it as X-CSRF-Token)")
def session(request: Request) -> dict:
    s, session = request.state, session_of(request)
    return {"user": s.user, "role": s.role, "local_mode": s.local, "csrf_token": session.csrf if session else ""}


@router.get("/search", summary="Search cases: what `leian search --json` prints")
def search(request: Request, p: SearchParams = Depends(search_params), _=need("viewer")) -> Response:
    return _json(ctx_of(request).searches.search(p.query()))


@router.get("/cases/{case_id}", summary="One case: what `leian show --json` prints")
def case(request: Request, case_id: str, _=need("viewer")) -> Response:
    c, info = case_with_info(ctx_of(request).store, case_id)
    return _json({"case": c.model_dump(mode="json"), **info})


@router.get("/cases/{case_id}/similar", summary="Similar cases: `leian similar --json`, each with its reason")
def similar(request: Request, case_id: str, k: int = Query(10, ge=1, le=100), _=need("viewer")) -> Response:
    from search.similar import reason

    st = ctx_of(request).store
    case_with_info(st, case_id)  # 404 for an unknown case
    return _json([{**h.model_dump(mode="json"), "reason": reason(h)} for h in st.similar(case_id, k=k)])


@router.get("/duplicates", summary="Near-duplicate groups: `leian duplicates --json`")
def duplicates(request: Request, _=need("viewer")) -> Response:
    return _json([g.model_dump(mode="json") for g in ctx_of(request).store.duplicates()])


@router.get("/classes", summary="Classes of alike cases: `leian classes --json`")
def classes(request: Request, _=need("viewer")) -> Response:
    return _json(ctx_of(request).class_listing())


@router.get("/summary", summary="A class's rectification summary as DOCX, Markdown, JSON or XLSX; its cases as XLSX (format=cases)",
            response_class=Response, responses={200: {"content": {t: {} for t in DOWNLOADS.values()}}})
def summary(request: Request, p: SummaryParams = Depends(summary_params),
            format: DownloadFormat = "docx", _=need("analyst")) -> Response:
    return summary_download(request, p, format)


def summary_download(request: Request, p: SummaryParams, fmt: DownloadFormat) -> Response:
    """The download, audited as an export (used by the API and the summary page)."""
    from urllib.parse import quote

    ctx = ctx_of(request)
    with temp_folder() as tmp:
        path, name = write_download(ctx.store, ctx.location, p, fmt, Path(tmp))
        body = path.read_bytes()
    ctx.audit.write(request.state.user, "export", format=fmt, **{k: v for k, v in p.pairs})
    return Response(body, media_type=DOWNLOADS[fmt],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


@router.get("/ledger", summary="The ingestion ledger: every file seen, ok / failed (with the reason) / pending / skipped")
def ledger(request: Request, status: Optional[Literal["ok", "failed", "skipped", "pending"]] = None,
           _=need("viewer")) -> Response:
    return _json([e.model_dump(mode="json") for e in ctx_of(request).store.ledger_entries(status)])


@router.get("/jobs", summary="The ingestion batch running (or the last one) and batches waiting")
def jobs(request: Request, _=need("viewer")) -> dict:
    w = ctx_of(request).worker
    return {**w.state.as_dict(), "queued": w.pending()}


@router.post("/upload", summary="Upload documents (admin): stored by content hash, then ingested in the background")
async def upload(request: Request, files: list[UploadFile] = File(...), _=need("admin", write=True)) -> dict:
    stored = await save_uploads(request, files)
    job = ctx_of(request).worker.submit([Path(s["stored"]) for s in stored])
    return {"job": job, "files": stored}


async def save_uploads(request: Request, files: list[UploadFile]) -> list[dict]:
    """Store each upload by content hash (all refused if one is), audited."""
    ctx = ctx_of(request)
    if not files:
        raise UploadRefused("没有上传文件")
    if len(files) > MAX_FILES:
        raise UploadRefused(f"每次最多上传 {MAX_FILES} 个文件", 413)
    out = []
    for f in files:
        path = await asyncio.to_thread(store_upload, f.file, f.filename or "", ctx.uploads, ctx.max_upload)
        out.append({"filename": f.filename or "", "stored": str(path), "sha256": path.stem})
    ctx.audit.write(request.state.user, "upload", files=[{"filename": s["filename"], "sha256": s["sha256"]} for s in out])
    return out


@router.post("/ledger/retry", summary="Ingest again every failed file that still exists (admin)")
def retry(request: Request, _=need("admin", write=True)) -> dict:
    return retry_failed(request)


def retry_failed(request: Request) -> dict:
    ctx = ctx_of(request)
    paths = [Path(e.path) for e in ctx.store.ledger_entries("failed") if Path(e.path).is_file()]
    job = ctx.worker.submit(paths) if paths else 0
    ctx.audit.write(request.state.user, "reingest", files=len(paths))
    return {"job": job, "files": [str(p) for p in paths]}
