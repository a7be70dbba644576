"""Rendered answers (pages and API bodies), kept with the version of the store they were rendered from.

A page or API answer depends only on the store, the URL and the language, so while the store is unchanged
each is rendered once however many clients ask. The version is the whole store's fingerprint, or for a
story's page and API answer that story's own version (`queries.story_version`), so an ingest into one story
leaves the other stories' answers standing.

When the version moved on, the last answer is still served while one fresh render runs in the background
(stale-while-revalidate): under a running ingest, readers do not wait for renders, and each answer is at most
the renders queued before its own behind the store. Its ETag names the version served. `expire()` (called
when an ingest through this server ends) stops serving what was rendered before it: the next request waits
for a fresh render, so whoever ingested reads what they wrote. A request nobody has asked for before is
rendered once, however many ask for it at the same time.

Each answer is also kept gzipped (compressed once per render, not per request): a large story's API
answer is megabytes of JSON, and sending and reading those bytes cost both ends more than anything else.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

GZIP_FROM = 1024
"""Bytes: smaller answers are sent as they are."""

Render = Callable[[], tuple[int, bytes]]
"""Computes an answer's status and body (it blocks: SQLite, the queries, templates)."""
VersionOf = Callable[[Any], str]
"""Reads the version an answer depends on off a store snapshot (`kabar.queries.Snapshot`)."""


@dataclass(frozen=True)
class Recipe:
    """How one answer is made and what it depends on."""

    render: Render
    media_type: str
    version_of: VersionOf


@dataclass(frozen=True)
class Answer:
    version: str
    status: int
    body: bytes
    etag: str
    generation: int
    """The cache's generation when its render started: `expire()` starts a new one."""
    gzipped: bytes | None
    """The body gzipped, when it is large enough to gain from it."""
    media_type: str
    version_of: VersionOf


def etag(key: Hashable, version: str) -> str:
    return '"' + hashlib.sha1(repr((version, key)).encode()).hexdigest()[:20] + '"'


def gzip_etag(tag: str) -> str:
    """The tag of the gzipped body: another representation, another tag."""
    return tag[:-1] + '-gzip"'


class AnswerCache:
    """Answers by request key (route, URL, language); the least recently asked go first beyond `size`."""

    def __init__(self, size: int = 256):
        self.size = size
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        self._rendering: dict[Hashable, Future[Answer]] = {}
        self._refreshing: set[Hashable] = set()
        self._generation = 0
        self._lock = threading.Lock()
        # One background renderer: refreshes queue behind each other instead of all taking the CPU (and
        # Python's lock) from the event loop that serves the answers already rendered.
        self._refresher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kabar-refresh")

    def current(self, key: Hashable, snapshot: Any) -> Answer | None:
        """The answer for `key` when it is cached at the version `snapshot` gives it, else None (to be
        asked for through `fetch`)."""
        held = self._answers.get(key)
        return held if held is not None and held.version == held.version_of(snapshot) else None

    async def fetch(self, key: Hashable, version: str, recipe: Recipe) -> Answer:
        """The answer for `key` at `version`: at once when cached (or stale and still servable), otherwise
        rendered in a worker thread, once for all who ask meanwhile."""
        with self._lock:
            held = self._answers.get(key)
            if held is not None:
                self._answers.move_to_end(key)
                if held.version == version:
                    return held
                if held.generation == self._generation:
                    if key not in self._refreshing:
                        self._refreshing.add(key)
                        self._refresher.submit(self._refresh, key, version, recipe)
                    return held
            pending = self._rendering.get(key)
            mine = pending is None
            if pending is None:
                pending = self._rendering[key] = Future()
        if mine:
            await run_in_threadpool(self._render_into, pending, key, version, recipe)
        return await asyncio.wrap_future(pending)

    def expire(self) -> None:
        """Serve nothing rendered before now: each answer is rendered again when next asked for."""
        with self._lock:
            self._generation += 1

    def close(self) -> None:
        self._refresher.shutdown(wait=True, cancel_futures=True)

    def _render_into(self, pending: Future[Answer], key: Hashable, version: str, recipe: Recipe) -> None:
        try:
            pending.set_result(self._render(key, version, recipe))
        except BaseException as error:  # noqa: BLE001 - whoever waits gets the error raised
            pending.set_exception(error)
        finally:
            with self._lock:
                self._rendering.pop(key, None)

    def _refresh(self, key: Hashable, version: str, recipe: Recipe) -> None:
        held = self._answers.get(key)
        try:
            if held is None or held.version != version:
                self._render(key, version, recipe)
        except Exception:  # noqa: BLE001 - the next request renders it itself and gets the error
            with self._lock:
                if self._answers.get(key) is held:
                    self._answers.pop(key, None)
        finally:
            with self._lock:
                self._refreshing.discard(key)

    def _render(self, key: Hashable, version: str, recipe: Recipe) -> Answer:
        """Renders and keeps the answer. `version` is read before the render starts, so the body is at least
        as new as the version it is kept under."""
        generation = self._generation
        status, body = recipe.render()
        gzipped = gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= GZIP_FROM else None
        answer = Answer(version, status, body, etag(key, version), generation, gzipped, recipe.media_type,
                        recipe.version_of)
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer
