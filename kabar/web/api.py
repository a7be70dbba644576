"""The JSON API under /api/v1: the same queries the pages render, with pagination, ETags and JSON errors.

Every GET answers with an ETag made of the version of the store it was rendered from (for a story, that
story's own version) and the request, and with 304 when the client already holds it, so pollers cost one
cheap query. Ingest needs the start-up token as a Bearer header.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from kabar import queries
from kabar.web.answers import Recipe, VersionOf
from kabar.web.app import answered, json_error, not_found, settings_of, store_of

router = APIRouter(prefix="/api/v1", tags=["api"])

Offset = Annotated[int, Query(ge=0, description="Skip this many items.")]
Limit = Annotated[int, Query(ge=1, le=200, description="At most this many items.")]
Since = Annotated[date | None, Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="On or before this day (YYYY-MM-DD).")]


async def _etagged(request: Request, compute: Callable[[], Any],
                   version_of: VersionOf = queries.whole_store) -> Response:
    """The answer from the cache (`kabar.web.answers`: on the event loop, no thread hop), rendered in a
    worker thread when missing (SQLite and the queries block); 304 when the client holds what it would get."""

    def encoded() -> tuple[int, bytes]:
        body = compute()
        if body is None:
            return 404, b""
        if isinstance(body, dict) and "items" in body:
            _link_pages(request, body)
        return 200, json_bytes(body)

    response = await answered(request, Recipe(encoded, "application/json", version_of))
    if response.status_code == 404:
        raise not_found(request.url.path.removeprefix("/api/v1/"))
    return response


SLICE = 200
"""List items encoded per json.dumps call (see `json_bytes`)."""


def json_bytes(value: Any) -> bytes:
    """`value` as compact JSON, the same bytes as one json.dumps call, but encoded a slice of each long
    list at a time: one call over a large story's megabytes holds Python's lock for 0.1 CPU s, in which the
    event loop answers nobody; between slices it gets its turn."""
    return "".join(_json_pieces(value, top=True)).encode()


def _json_pieces(value: Any, top: bool = False) -> Iterator[str]:
    def dumps(part: Any) -> str:
        return json.dumps(part, ensure_ascii=False, separators=(",", ":"))

    if top and isinstance(value, dict):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("," if number else "") + dumps(str(key)) + ":"
            yield from _json_pieces(item)
        yield "}"
    elif isinstance(value, list) and len(value) > SLICE:
        yield "["
        for start in range(0, len(value), SLICE):
            yield ("," if start else "") + dumps(value[start : start + SLICE])[1:-1]
        yield "]"
    else:
        yield dumps(value)


def _link_pages(request: Request, page: dict[str, Any]) -> None:
    """`next` and `previous` URLs beside the items, so a client pages without counting."""
    offset, limit, total = page["offset"], page["limit"], page["total"]
    page["next"] = str(request.url.include_query_params(offset=offset + limit)) if offset + limit < total else None
    page["previous"] = str(request.url.include_query_params(offset=max(0, offset - limit))) if offset else None


@router.get("/stories", summary="Stories with their counts, filtered and sorted")
async def stories(request: Request, sort: Literal["newest", "sources", "disputed"] = "newest", since: Since = None,
            until: Until = None, outlet: str | None = None, entity: str | None = None, language: str | None = None,
            offset: Offset = 0, limit: Limit = 20) -> Response:
    return await _etagged(request, lambda: queries.list_stories(store_of(request), sort, since, until, outlet, entity,
                                                          language, offset, limit))


@router.get("/stories/{story_id}", summary="One story as a per-story export document")
async def story(request: Request, story_id: str,
          texts: Annotated[bool, Query(description="Include each article's text, paragraphs and removed lines, "
                                                   "as story.json does (a large story's texts run to megabytes; "
                                                   "one article's are at /articles/{id}).")] = False
          ) -> Response:
    return await _etagged(request, lambda: queries.story_document(store_of(request), story_id, texts),
                          functools.partial(queries.story_version, story_id=story_id))


@router.get("/articles", summary="Articles, newest first")
async def articles(request: Request, outlet: str | None = None, language: str | None = None, story: str | None = None,
             offset: Offset = 0, limit: Limit = 50) -> Response:
    return await _etagged(request, lambda: queries.list_articles(store_of(request), outlet, language, story, offset,
                                                                 limit))


@router.get("/articles/{article_id}", summary="One article: clean text, removed lines, metadata, annotations")
async def article(request: Request, article_id: str) -> Response:
    return await _etagged(request, lambda: queries.article_detail(store_of(request), article_id))


@router.get("/entities", summary="Entities, most mentioned first")
async def entities(request: Request, q: str | None = None, type: str | None = None, offset: Offset = 0,
             limit: Limit = 50) -> Response:
    return await _etagged(request, lambda: queries.list_entities(store_of(request), q, type, offset, limit))


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles, quotes, stories")
async def entity(request: Request, entity_id: str) -> Response:
    return await _etagged(request, lambda: queries.entity_detail(store_of(request), entity_id))


@router.get("/search", summary="Full-text search with facets; matches are offsets into each snippet")
async def search(request: Request, q: Annotated[str, Query(min_length=1)], outlet: str | None = None,
           language: str | None = None, since: Since = None, until: Until = None, limit: Limit = 50) -> Response:
    return await _etagged(request, lambda: queries.search(store_of(request), q, outlet, language, since, until, limit))


@router.get("/claims", summary="Claims, filtered by story, stance and kind")
async def claims(request: Request, story: str | None = None,
           stance: Literal["asserted", "hedged", "unconfirmed", "denied"] | None = None,
           kind: Literal["quantity", "event", "statement"] | None = None, offset: Offset = 0,
           limit: Limit = 50) -> Response:
    return await _etagged(request, lambda: queries.list_claims(store_of(request), story, stance, kind, offset, limit))


@router.get("/export", summary="The latest analysis as one export document (story.json)")
async def export(request: Request) -> Response:
    return await _etagged(request, lambda: queries.full_export(store_of(request)))


@router.get("/stats", summary="Live counts: articles, stories, entities, claims")
async def stats(request: Request) -> Response:
    return await _etagged(request, lambda: queries.counts(store_of(request)))


class IngestRequest(BaseModel):
    urls: list[str] = Field(default_factory=list, description="Article or feed addresses, http(s) only.")
    analyze: bool = Field(False, description="Analyse the whole store again after ingesting.")


def check_targets(urls: list[str]) -> list[str]:
    """Pasted targets must be web addresses: a path would read files on the server."""
    targets = [u.strip() for u in urls if u.strip()]
    for target in targets:
        if not target.lower().startswith(("http://", "https://")):
            raise ValueError(f"only http(s) addresses can be given: {target}")
    return targets


def _authorised(request: Request) -> JSONResponse | None:
    settings = settings_of(request)
    if settings.read_only:
        return json_error(403, "this server is read-only: start it with KABAR_API_TOKEN set to allow ingest")
    offered = request.headers.get("authorization", "").removeprefix("Bearer ").strip() or None
    if not settings.allows(offered):
        return json_error(401, "missing or wrong token: send 'Authorization: Bearer <KABAR_API_TOKEN>'")
    return None


@router.post("/ingest", status_code=202, summary="Start an ingest job from addresses (JSON body)")
def ingest(request: Request, body: IngestRequest) -> Response:
    refused = _authorised(request)
    if refused is not None:
        return refused
    return _start(request, body.urls, body.analyze, [])


@router.post("/ingest/files", status_code=202, summary="Start an ingest job from uploaded files (multipart)")
async def ingest_files(request: Request, files: Annotated[list[UploadFile], File()],
                       analyze: Annotated[bool, Form()] = False) -> Response:
    refused = _authorised(request)
    if refused is not None:
        return refused
    uploads = [(f.filename or "upload", await f.read()) for f in files]
    return _start(request, [], analyze, uploads)


def _start(request: Request, urls: list[str], analyze: bool, uploads: list[tuple[str, bytes]]) -> Response:
    try:
        targets = check_targets(urls)
    except ValueError as error:
        return json_error(422, str(error))
    if not targets and not uploads:
        return json_error(422, "nothing to ingest: give urls or files")
    job = request.app.state.jobs.submit(targets, analyze, uploads)
    location = f"/api/v1/ingest/{job.id}"
    return JSONResponse(job.to_json(), status_code=202, headers={"Location": location})


@router.get("/ingest/{job_id}", summary="Poll an ingest job: progress, then the outcome of every input")
def ingest_job(request: Request, job_id: str) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise not_found(f"ingest job {job_id}")
    return JSONResponse(job.to_json())
