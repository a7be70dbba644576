"""`kabar serve`: the FastAPI app that serves the newsroom pages and the JSON API over one store.

Pages (`kabar.web.pages`) and the API (`kabar.web.api`) are two renderings of the same queries
(`kabar.queries`). Writing (ingest) needs the token given at start-up (`KABAR_API_TOKEN`); without one
the server is read-only.
"""

from __future__ import annotations

import hmac
import os
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import cookie_parser

from kabar import __version__, queries
from kabar.i18n import chosen_language
from kabar.store import Store
from kabar.web.answers import Answer, AnswerCache, Recipe, etag, gzip_etag
from kabar.web.jobs import JobRunner

SECURITY_HEADERS = {
    # Everything the pages need is served from here; no inline script runs, so injected markup cannot.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                               " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@dataclass
class Settings:
    db: Path
    token: str | None

    @property
    def read_only(self) -> bool:
        return not self.token

    def allows(self, offered: str | None) -> bool:
        return bool(self.token) and offered is not None and hmac.compare_digest(offered, self.token or "")


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every answer (plain ASGI: no per-request task, unlike `@app.middleware`)."""

    def __init__(self, app: Any):
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.headers if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


class Stores:
    """One connection per worker thread: SQLite connections are not shared across threads that query at once."""

    def __init__(self, db: Path):
        self.db = db
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db)
        return store


def create_app(db: Path, token: str | None = None) -> FastAPI:
    """The app over the store at `db`; `token` (default: $KABAR_API_TOKEN) enables ingest."""
    from kabar.web import api, pages

    settings = Settings(Path(db), token if token is not None else os.environ.get("KABAR_API_TOKEN") or None)
    Store(settings.db).close()  # create or upgrade the store before the first request

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - FastAPI's lifespan protocol
        yield
        app.state.jobs.shutdown()
        app.state.answers.close()

    app = FastAPI(
        title="Kabar API",
        version=__version__,
        description="Stories, articles, entities, claims and search over a Kabar store; ingest jobs with a token.",
        docs_url=None,  # the stock docs page loads its script from the internet; pages.api_docs renders ours
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = Stores(settings.db)
    app.state.answers = AnswerCache()
    app.state.jobs = JobRunner(settings.db, on_stored=app.state.answers.expire)
    app.mount("/static", StaticFiles(directory=str(resources.files("kabar.web").joinpath("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    app.add_middleware(CachedAnswers, answers=app.state.answers, stores=app.state.stores)
    app.add_middleware(SecurityHeaders)  # added last, so it wraps the cached answers too

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):  # noqa: ANN202
        if request.url.path.startswith("/api/"):
            return json_error(error.status_code, str(error.detail))
        return pages.error_page(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):  # noqa: ANN202
        reasons = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        if request.url.path.startswith("/api/"):
            return json_error(422, reasons)
        return pages.error_page(request, 422, reasons)

    return app


def json_error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "reason": reason}}, status_code=status)


def answer_key(scope: Mapping[str, Any]) -> tuple:
    """What an answer depends on besides the store: the address asked for and, for pages, the interface
    language (asked with ?lang= or remembered in a cookie)."""
    host = cookie = b""
    for name, value in scope["headers"]:
        if name == b"host":
            host = value
        elif name == b"cookie":
            cookie = value
    query = scope["query_string"]
    asked = parse_qs(query.decode("latin-1")).get("lang", [None])[0] if b"lang=" in query else None
    remembered = cookie_parser(cookie.decode("latin-1")).get("lang") if b"lang=" in cookie else None
    return scope["scheme"], host, scope["path"], query, chosen_language(asked, remembered)


async def answered(request: Request, recipe: Recipe) -> Response:
    """The cached answer to `request` at the store's current version (rendered when missing) as a response
    with its ETag, gzipped when the client accepts it, or 304 when the client already holds it."""
    key = answer_key(request.scope)
    version = recipe.version_of(queries.snapshot(store_of(request)))
    offered = request.headers.get("if-none-match", "")
    if offered:
        for tag in (etag(key, version), gzip_etag(etag(key, version))):
            if tag in offered:
                return Response(status_code=304, headers={"ETag": tag})
    answer = await request.app.state.answers.fetch(key, version, recipe)
    return reply(answer, offered, request.headers.get("accept-encoding", ""))


def reply(answer: Answer, offered: str, accept_encoding: str) -> Response:
    """The answer as sent to a client that holds the ETags `offered` and takes `accept_encoding`."""
    body, headers = answer.body, {"ETag": answer.etag, "Cache-Control": "no-cache"}
    if answer.gzipped is not None:
        headers["Vary"] = "Accept-Encoding"
        if accepts_gzip(accept_encoding):
            body, headers["ETag"], headers["Content-Encoding"] = answer.gzipped, gzip_etag(answer.etag), "gzip"
    if offered and headers["ETag"] in offered:
        return Response(status_code=304, headers={"ETag": headers["ETag"]})
    return Response(body, status_code=answer.status, media_type=answer.media_type, headers=headers)


class CachedAnswers:
    """Answers a GET whose answer is cached at the store's current version straight from the cache, before
    FastAPI routes it: routing, parameters and request objects cost more than sending the cached bytes.
    Anything else (a miss, a stale answer, ?lang= which sets a cookie) goes on to the app."""

    def __init__(self, app: Any, answers: AnswerCache, stores: Stores):
        self.app, self.answers, self.stores = app, answers, stores

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and b"lang=" not in scope["query_string"]:
            answer = self.answers.current(answer_key(scope), queries.snapshot(self.stores.get()))
            if answer is not None and answer.status == 200:
                headers = {name: value.decode("latin-1") for name, value in scope["headers"]
                           if name in (b"if-none-match", b"accept-encoding")}
                response = reply(answer, headers.get(b"if-none-match", ""), headers.get(b"accept-encoding", ""))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0)."""
    for offer in accept_encoding.split(","):
        coding, _, weight = offer.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return weight.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def not_found(what: str) -> HTTPException:
    return HTTPException(404, f"not found: {what}")


def server_config(app: FastAPI, host: str, port: int) -> Any:
    """How `kabar serve` runs the app: one process (the answer cache lives in it; a second process would
    render everything twice on cores an ingest shares), no access-log line per request, and uvicorn's own
    choice of event loop and HTTP parser (uvloop and httptools when installed)."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)


@contextmanager
def serving(app: FastAPI, seconds: float = 30) -> Iterator[str]:
    """Run `app` under uvicorn on 127.0.0.1 and a free port in a background thread (browser tests, the
    README screenshots); yields its base URL and stops it on exit."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(server_config(app, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + seconds
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
