"""The web application: `create_app(store_location)` builds the FastAPI app that `leian serve` runs.

One WebContext per app holds the store (opened through search.open, so SQLite and
Elasticsearch both work), the users, sessions, audit log and the ingest worker. Every request
passes `identify` (who: session cookie, HTTP Basic, or the local single-user mode) and gets
the security headers; routes declare the role they need with `need(role, write=...)`.

Local single-user mode: bound to a loopback address with no users defined, everyone who can
reach the port is the local user with the admin role (the pages say so). Bound to any other
address, the app refuses to start until `leian users add` has made a user.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config.errors import BindRefused, LeianError, UploadRefused, exit_code_of
from pipelines.web.ingest_jobs import MAX_FILES, MAX_UPLOAD_BYTES, IngestWorker
from pipelines.web.search_cache import DEFAULT_SIZE, SearchCache
from pipelines.web.security import (
    COOKIE,
    HEADERS,
    LOCAL_USER,
    AuditLog,
    LoginLimiter,
    Session,
    Sessions,
    WebDb,
    csrf_ok,
)
from pipelines.web.users import ROLE_LABELS, UserFile, has_role
from search.store import CaseStore

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
API = "/api/v1"


class LoginNeeded(Exception):
    """The request needs a logged-in user (pages redirect to /login, the API answers 401)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class WebContext:
    """What every request of one app works with."""

    store: CaseStore
    location: str
    host: str
    users: UserFile
    audit: AuditLog
    uploads: Path
    worker: IngestWorker
    sessions: Sessions
    limiter: LoginLimiter
    searches: SearchCache
    max_upload: int = MAX_UPLOAD_BYTES
    _classes: dict = field(default_factory=dict)
    _classes_lock: threading.Lock = field(default_factory=threading.Lock)

    def local_mode(self) -> bool:
        return is_loopback(self.host) and not self.users.load()

    def class_listing(self):
        """`leian classes` of the store, computed once per store state: its number of cases and
        of correction entries (so a correction made through another process counts too);
        ingests drop it."""
        from config.settings import get_settings
        from search.classes import list_classes

        with self._classes_lock:
            key = (self.store.count_cases(), len(self.store.corrections()))
            if key not in self._classes:
                self._classes.clear()
                self._classes[key] = list_classes(self.store, get_settings().classes_file(self.location))
            return self._classes[key]

    def forget_classes(self) -> None:
        with self._classes_lock:
            self._classes.clear()


def check_binding(host: str, users: UserFile) -> None:
    """Refuse a non-loopback address while no user is defined."""
    if not is_loopback(host) and not users.load():
        raise BindRefused(f"refusing to serve on {host} with no users: anyone on the network could read the case "
                          f"base. Add one with `leian users add NAME --role admin` (users file {users.path}), "
                          "or serve on 127.0.0.1")


def ctx_of(request: Request) -> WebContext:
    return request.app.state.ctx


# --------------------------------------------------------------------------- who is asking
def _basic(request: Request) -> tuple[str, str] | None:
    import base64
    import binascii

    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("basic "):
        return None
    try:
        name, _, password = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")
    return name, password


class Identify:
    """ASGI middleware: who the request is (`identify`) and the security headers (and a new
    session's cookie) on every response. Plain ASGI rather than Starlette's BaseHTTPMiddleware,
    which streams every response through a task group and memory channels (~1 ms a request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        refused = await identify(request)
        if refused is not None:
            await _secure(refused)(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    if k not in headers:
                        headers[k] = v
                if request.state.new_token:
                    cookie = Response()
                    set_session_cookie(request, cookie, request.state.new_token)
                    headers.append("set-cookie", cookie.headers["set-cookie"])
            await send(message)

        await self.app(scope, receive, send_secured)


async def identify(request: Request) -> Response | None:
    """Set who the request is (request.state: user, role, via, session, local); a response
    when it is refused here (too large, too many failed logins, wrong password). Sessions are
    made only when a page needs one (session_of)."""
    ctx = ctx_of(request)
    token = request.cookies.get(COOKIE)
    session = ctx.sessions.get(token)
    state = request.state
    state.new_token = None
    if _too_large(request, ctx):
        return JSONResponse({"error": f"请求过大：每次最多上传 {MAX_FILES} 个文件，每个不超过 "
                                      f"{ctx.max_upload >> 20} MB", "status": 413}, status_code=413)
    state.user, state.role, state.via, state.local = "", "", "session", ctx.local_mode()
    creds = _basic(request)
    if creds is not None:
        client = request.client.host if request.client else "?"
        if ctx.limiter.blocked(f"ip:{client}", f"user:{creds[0]}"):
            return JSONResponse({"error": "登录失败次数过多，请稍后再试", "status": 429}, status_code=429)
        role = await asyncio.to_thread(ctx.users.verify, *creds)
        if role is None:
            ctx.limiter.failed(f"ip:{client}", f"user:{creds[0]}")
            return JSONResponse({"error": "用户名或密码错误", "status": 401}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="leian"'})
        state.user, state.role, state.via = creds[0], role, "basic"
    else:
        if session is not None and session.user:
            user = ctx.users.load().get(session.user)
            if user:  # the role as the users file says now
                state.user, state.role = session.user, user.get("role", "")
        elif state.local:
            state.user, state.role = LOCAL_USER, "admin"
    state.session = session
    return None


def _too_large(request: Request, ctx: WebContext) -> bool:
    """A request body larger than the most an upload may be, refused before it is read."""
    try:
        length = int(request.headers.get("content-length") or 0)
    except ValueError:
        return True
    return length > MAX_FILES * ctx.max_upload + (1 << 20)


def session_of(request: Request) -> Session | None:
    """The request's session; a visitor without one gets one now (its cookie is set on the
    response), as a page with a form needs its CSRF token. Not for HTTP Basic requests."""
    state = request.state
    if state.session is None and state.via != "basic":
        state.new_token, state.session = ctx_of(request).sessions.new()
    return state.session


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def _secure(response: Response) -> Response:
    for k, v in HEADERS.items():
        response.headers.setdefault(k, v)
    return response


def need(role: str, write: bool = False):
    """A route dependency: the request's user must have `role`; a `write` request must also
    carry the session's CSRF token (form field csrf_token or header X-CSRF-Token), unless it
    authenticated with HTTP Basic (no cookie, so no cross-site forgery)."""

    async def check(request: Request) -> Request:
        state = request.state
        if not state.role:
            raise LoginNeeded()
        if not has_role(state.role, role):
            raise HTTPException(403, f"权限不足：需要{ROLE_LABELS[role]}（{role}）角色，当前为"
                                     f"{ROLE_LABELS.get(state.role, state.role)}（{state.role}）")
        if write and state.via != "basic":
            token = request.headers.get("x-csrf-token")
            if token is None and request.headers.get("content-type", "").startswith(
                    ("multipart/form-data", "application/x-www-form-urlencoded")):
                field = (await request.form()).get("csrf_token")
                token = field if isinstance(field, str) else None
            if not csrf_ok(state.session, token):
                raise HTTPException(403, "CSRF 校验失败：请刷新页面后重试（API 客户端请带 X-CSRF-Token 头，"
                                         "见 GET /api/v1/session）")
        return request

    return Depends(check)


# --------------------------------------------------------------------------- errors
def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API) or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", page_context(request, status=status, message=message),
                                      status_code=status)


def _status_of(exc: LeianError) -> int:
    if isinstance(exc, UploadRefused):
        return exc.status
    return {2: 400, 5: 404, 4: 503}.get(exit_code_of(exc), 500)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginNeeded)
    async def _login(request: Request, exc: LoginNeeded) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "需要登录（页面 /login，或 HTTP Basic 认证）", "status": 401}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="leian"'})
        from urllib.parse import quote

        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where}: {e.get('msg', '')}" if where else str(e.get("msg", "")))
        return _error(request, 400, "请求参数有误：" + "；".join(parts))

    @app.exception_handler(LeianError)
    async def _leian(request: Request, exc: LeianError) -> Response:
        status = _status_of(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(request, status, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "服务器内部错误（详情见服务器日志）")


# --------------------------------------------------------------------------- templates
def page_context(request: Request, **extra) -> dict:
    """What every page template gets: who is logged in, the mode, the CSRF token, the nav."""
    state = request.state
    session = getattr(state, "session", None)  # pages with a form call session_of first
    return {"user": getattr(state, "user", ""), "role": getattr(state, "role", ""),
            "role_label": ROLE_LABELS.get(getattr(state, "role", ""), ""),
            "local_mode": getattr(state, "local", False), "csrf": session.csrf if session else "",
            "nav": request.app.state.nav, "path": request.url.path, **extra}


# Pages listed in the navigation bar: (path, label, role needed); routers add theirs
# through `include` (the corrections list in `create_app` below).
NAV = [("/search", "检索", "viewer"), ("/classes", "类案与分析报告", "viewer"), ("/ingest", "文件导入", "viewer"),
       ("/audit", "审计日志", "admin")]


def create_app(store_location: str | None = None, *, host: str = "127.0.0.1", store: CaseStore | None = None,
               max_upload: int = MAX_UPLOAD_BYTES, search_cache: int = DEFAULT_SIZE) -> FastAPI:
    """The app on the store at `store_location` (default: the settings' store). Refuses
    (BindRefused) a non-loopback host while no user is defined. `search_cache`: recent
    search results kept (pipelines.web.search_cache; 0: none)."""
    from config.settings import get_settings
    from search.open import open_store

    settings = get_settings()
    location = store_location or settings.store
    folder = settings.side_dir(location)
    users = UserFile(folder / "users.json")
    check_binding(host, users)
    st = store or open_store(location, existing=True)
    worker = IngestWorker(st, location)
    db = WebDb(folder / "web-sessions.db")
    ctx = WebContext(store=st, location=location, host=host, users=users, audit=AuditLog(folder / "audit.log"),
                     uploads=folder / "uploads", worker=worker, sessions=Sessions(db), limiter=LoginLimiter(db),
                     searches=SearchCache(st, search_cache), max_upload=max_upload)
    worker.on_change = ctx.forget_classes

    app = FastAPI(title="leian 类案 API", version="1", docs_url=None, redoc_url=None,
                  description="类案检索与分析：与 `leian` 命令行同一存储、同一函数。Errors are JSON "
                              '{"error": message, "status": code}.')
    app.state.ctx = ctx
    app.state.nav = list(NAV)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["static_version"] = "1"
    templates.env.auto_reload = False  # the templates are part of the installed code: no stat() per page
    app.state.templates = templates
    app.add_middleware(Identify)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    templates.env.globals["has_role"] = has_role
    from pipelines.web import api, corrections, pages

    include(app, api.router, prefix=API)
    include(app, corrections.api_router, prefix=API)
    include(app, corrections.pages_router, nav=("/corrections", "更正", "analyst"))
    include(app, pages.router)
    return app


def include(app: FastAPI, router, *, prefix: str = "", nav: tuple[str, str, str] | None = None) -> None:
    """Add a router (API routes under prefix=API) and, for a page, its navigation entry
    (path, label, role needed to see it)."""
    app.include_router(router, prefix=prefix)
    if nav:
        app.state.nav.append(nav)


def app_from_env() -> FastAPI:
    """The app each process of `leian serve --workers N` builds (uvicorn's factory): the store,
    host, upload limit and search cache come in LEIAN_WEB_STORE, LEIAN_WEB_HOST,
    LEIAN_WEB_MAX_UPLOAD, LEIAN_WEB_SEARCH_CACHE."""
    from search.store import SearchQuery

    app = create_app(os.environ["LEIAN_WEB_STORE"], host=os.environ.get("LEIAN_WEB_HOST", "127.0.0.1"),
                     max_upload=int(os.environ.get("LEIAN_WEB_MAX_UPLOAD", MAX_UPLOAD_BYTES)),
                     search_cache=int(os.environ.get("LEIAN_WEB_SEARCH_CACHE", DEFAULT_SIZE)))
    app.state.ctx.store.search(SearchQuery(text="预热", size=1))  # the segmenter's dictionary, before the first search
    return app
