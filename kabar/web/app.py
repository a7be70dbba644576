"""`kabar serve`: the FastAPI app that serves the newsroom pages and the JSON API over one store.

Pages (`kabar.web.pages`) and the API (`kabar.web.api`) are two renderings of the same queries
(`kabar.web.queries`). Writing (ingest) needs the token given at start-up (`KABAR_API_TOKEN`); without one
the server is read-only.
"""

from __future__ import annotations

import hmac
import os
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from kabar import __version__
from kabar.store import Store
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


class AnswerCache:
    """Rendered answers (status, body) by store state and request: pages and API answers depend on nothing
    else, so while the store is unchanged each is computed once however many clients ask. The oldest go
    first beyond `size`."""

    def __init__(self, size: int = 256):
        self.size = size
        self._answers: OrderedDict[tuple, tuple[int, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], tuple[int, bytes]]) -> tuple[int, bytes]:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        answer = compute()
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer

    async def fetch(self, key: tuple, compute: Callable[[], tuple[int, bytes]]) -> tuple[int, bytes]:
        """`get` for the event loop: a hit is answered at once, a miss computed in a worker thread."""
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        return await run_in_threadpool(self.get, key, compute)


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
    app.state.jobs = JobRunner(settings.db)
    app.state.answers = AnswerCache()
    app.mount("/static", StaticFiles(directory=str(resources.files("kabar.web").joinpath("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    app.add_middleware(SecurityHeaders)

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


def answers_of(request: Request) -> AnswerCache:
    return request.app.state.answers


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def not_found(what: str) -> HTTPException:
    return HTTPException(404, f"not found: {what}")


@contextmanager
def serving(app: FastAPI, seconds: float = 30) -> Iterator[str]:
    """Run `app` under uvicorn on 127.0.0.1 and a free port in a background thread (browser tests, the
    README screenshots); yields its base URL and stops it on exit."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
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
