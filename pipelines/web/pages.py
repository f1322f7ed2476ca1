"""Server-rendered pages (simplified Chinese): search, case, classes and summaries, ingestion,
login, audit log. They call the same functions as the API and the CLI; templates escape
every value (Jinja2 autoescape), highlights come from offsets (pipelines.web.marks)."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from pipelines.cli_store import case_with_info
from pipelines.web import labels
from pipelines.web.api import retry_failed, save_uploads, summary_download
from pipelines.web.app import ctx_of, need, page_context, session_of, set_session_cookie
from pipelines.web.marks import KIND_LABELS, case_segments, snippet_segments
from pipelines.web.params import SearchParams, search_params
from pipelines.web.security import COOKIE, csrf_ok
from pipelines.web.summaries import DownloadFormat, SummaryParams, build, preview_blocks, summary_params

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, http_status: int = 200, **data) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, page_context(request, **data),
                                                        status_code=http_status)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/search", status_code=303)


# --------------------------------------------------------------------------- login
def _safe_next(target: str) -> str:
    """Only a path on this site (no //host, no scheme) may be redirected to after login."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/search"


@router.get("/login")
def login_page(request: Request, next: str = "/search") -> Response:
    session_of(request)  # the form's CSRF token
    return render(request, "login.html", next=_safe_next(next), error="")


@router.post("/login")
def login(request: Request, name: str = Form(..., max_length=64), password: str = Form(..., max_length=1024),
          csrf_token: str = Form(""), next: str = Form("/search")) -> Response:
    ctx = ctx_of(request)
    if not csrf_ok(request.state.session, csrf_token):
        raise HTTPException(403, "CSRF 校验失败：请刷新登录页后重试")
    client = request.client.host if request.client else "?"
    keys = (f"ip:{client}", f"user:{name}")
    if ctx.limiter.blocked(*keys):
        ctx.audit.write(name, "login_refused", reason="rate limited", client=client)
        return render(request, "login.html", 429, next=_safe_next(next), error="登录失败次数过多，请 5 分钟后再试")
    role = ctx.users.verify(name, password)
    if role is None:
        ctx.limiter.failed(*keys)
        ctx.audit.write(name, "login_failed", client=client)
        return render(request, "login.html", 401, next=_safe_next(next), error="用户名或密码错误")
    ctx.sessions.drop(request.cookies.get(COOKIE))
    token, _ = ctx.sessions.new(name, role)
    ctx.audit.write(name, "login", client=client)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    if not csrf_ok(request.state.session, csrf_token):
        raise HTTPException(403, "CSRF 校验失败")
    ctx = ctx_of(request)
    ctx.audit.write(request.state.user, "logout")
    ctx.sessions.drop(request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


# --------------------------------------------------------------------------- search
FACETS_SHOWN = 12  # values of each facet field the search page lists (search.html)
@router.get("/search")
def search_page(request: Request, p: SearchParams = Depends(search_params), _=need("viewer")) -> Response:
    st = ctx_of(request).store
    res = ctx_of(request).searches.search(p.query())
    hits = []
    for h in res.hits:
        info = st.case_info(h.case.id) or {}
        copies = len([c for c in dict.fromkeys([info.get("duplicate_of") or "", *info.get("copies", [])]) if c])
        hits.append({"hit": h, "segments": snippet_segments(h.snippet), "copies": copies,
                     "categories": [labels.category(c) for c in dict.fromkeys(x.code for x in h.case.categories)],
                     "amount": labels.yuan(h.case.total_amount) if h.case.total_amount else ""})
    pages = max(1, math.ceil(res.total / p.size)) if p.size else 1
    return render(request, "search.html", p=p, res=res, hits=hits, facets=labels.facets(p, res.facets, FACETS_SHOWN),
                  active=labels.active_filters(p), pages=pages, title="检索")


# --------------------------------------------------------------------------- case
@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: str, _=need("viewer")) -> Response:
    return case_view(request, case_id)


def case_view(request: Request, case_id: str, http_status: int = 200, error: str = "",
              form: dict[str, str] | None = None) -> Response:
    """The case page; a case marked "not a case" too (shown as excluded, with its undo), and
    for an analyst the correction form — `error` and the submitted `form` when a correction
    was refused."""
    from pipelines.web import correction_view as cv
    from pipelines.web.users import has_role
    from search.similar import reason

    st = ctx_of(request).store
    state = st.case_state(case_id)
    if state is not None and state.not_a_case:
        case = state.corrected
        doc = st.get_document(case.doc_id)
        info = {"doc_type": doc.doc_type if doc else "", "doc_date": doc.date if doc else "",
                "doc_title": doc.title if doc else "", "case_date": ""}
        similar, incident = [], []
    else:
        case, info = case_with_info(st, case_id)
        similar = [{"hit": h, "reason": reason(h)} for h in st.similar(case_id, k=5)]
        incident = [c for c in dict.fromkeys([info.get("first_published") or "", info.get("duplicate_of") or "",
                                              *info.get("copies", [])]) if c and c != case_id]
        doc = st.get_document(case.doc_id)
    analyst = has_role(request.state.role, "analyst")
    if analyst:
        session_of(request)  # the correction forms' CSRF token
    shown = cv.form_values(case)
    return render(request, "case.html", http_status, case=case, info=info, doc=doc, segments=case_segments(case),
                  kinds=KIND_LABELS, similar=similar, incident=incident,
                  others=[c for c in (doc.cases if doc else []) if c.id != case_id],
                  original=bool(doc and Path(doc.path).is_file()), labels=labels, title=f"案例 {case_id}",
                  excluded=bool(state and state.not_a_case), corrected=cv.corrected_fields(state) if state else set(),
                  history=cv.history_rows(state.history) if state else [], may_correct=analyst, shown=shown,
                  form=form or shown, error=error, field_labels=cv.FIELD_LABELS, max_field=cv.MAX_FIELD)


@router.get("/cases/{case_id}/original")
def original(request: Request, case_id: str, _=need("viewer")) -> Response:
    """The case's source file, from the path the store recorded, only while it still holds the
    bytes that were ingested (its sha256 is the document id)."""
    from extractors.filehash import sha256_file

    st = ctx_of(request).store
    case, _info = case_with_info(st, case_id)
    doc = st.get_document(case.doc_id)
    path = Path(doc.path) if doc else None
    if doc is None or path is None or not path.is_file():
        raise HTTPException(404, "原始文件已不在记录的位置")
    if sha256_file(path) != doc.id:
        raise HTTPException(404, "原始文件在导入后已被修改，不再提供下载")
    return FileResponse(path, filename=path.name, media_type="application/octet-stream")


# --------------------------------------------------------------------------- classes, summaries
@router.get("/classes")
def classes_page(request: Request, _=need("viewer")) -> Response:
    listing = ctx_of(request).class_listing()
    return render(request, "classes.html", listing=listing, labels=labels, title="类案与分析报告")


@router.get("/summary")
def summary_page(request: Request, p: SummaryParams = Depends(summary_params), _=need("analyst")) -> Response:
    ctx = ctx_of(request)
    summary = build(ctx.store, ctx.settings.classes_file(), p) if p.named() else None
    from urllib.parse import urlencode

    return render(request, "summary.html", p=p, summary=summary, blocks=preview_blocks(summary) if summary else [],
                  query_string=urlencode(p.pairs), categories=labels.category_choices(),
                  domains=labels.domain_choices(), title="类案分析报告")


@router.get("/summary/download")
def summary_file(request: Request, p: SummaryParams = Depends(summary_params),
                 format: DownloadFormat = "docx", _=need("analyst")) -> Response:
    return summary_download(request, p, format)


# --------------------------------------------------------------------------- ingestion
@router.get("/ingest")
def ingest_page(request: Request, status: Literal["", "ok", "failed", "skipped", "pending"] = "",
                _=need("viewer")) -> Response:
    from pipelines.web.ingest_jobs import allowed_extensions

    ctx = ctx_of(request)
    session_of(request)  # the CSRF token of the upload and retry forms
    every = ctx.store.ledger_entries()
    counts = {s: sum(e.status == s for e in every) for s in ("ok", "failed", "pending", "skipped")}
    entries = sorted((e for e in every if not status or e.status == status), key=lambda e: e.updated_at, reverse=True)
    return render(request, "ingest.html", entries=entries[:500], counts=counts, status=status, job=ctx.worker.state,
                  queued=ctx.worker.pending(), allowed=" ".join(allowed_extensions()),
                  max_mb=ctx.max_upload // (1024 * 1024), title="文件导入")


@router.post("/ingest/upload")
async def upload_form(request: Request, files: list[UploadFile] = File(...),
                      _=need("admin", write=True)) -> Response:
    stored = await save_uploads(request, files)
    ctx_of(request).worker.submit([Path(s["stored"]) for s in stored])
    return RedirectResponse("/ingest", status_code=303)


@router.post("/ingest/retry")
def retry_form(request: Request, _=need("admin", write=True)) -> Response:
    retry_failed(request)
    return RedirectResponse("/ingest", status_code=303)


# --------------------------------------------------------------------------- audit
@router.get("/audit")
def audit_page(request: Request, _=need("admin")) -> Response:
    return render(request, "audit.html", lines=ctx_of(request).audit.tail(200), title="审计日志")
