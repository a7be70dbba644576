"""The answer cache's promises: one render per version however many ask, the last answer served while a
fresh one renders, read-your-writes after `expire()`, per-story versions through the real app, and the
gzipped copy of each large answer with its own ETag."""

from __future__ import annotations

import asyncio
import json
import threading

from fastapi.testclient import TestClient

from kabar.cli import example_corpus
from kabar.web.answers import AnswerCache, Recipe
from kabar.web.api import SLICE, json_bytes
from kabar.web.app import accepts_gzip
from tests.web.conftest import TOKEN
from tests.web.test_api import _wait_for


class Renders:
    """A render that counts its calls and can be held until released; `recipe` is what the cache takes."""

    def __init__(self, body: bytes, hold: bool = False):
        self.body, self.calls = body, 0
        self.released = threading.Event()
        if not hold:
            self.released.set()

    def __call__(self) -> tuple[int, bytes]:
        self.calls += 1
        assert self.released.wait(30), "the render was never released"
        return 200, self.body

    @property
    def recipe(self) -> Recipe:
        return Recipe(self, "text/plain", str)


def test_a_new_key_is_rendered_once_however_many_ask_at_the_same_time():
    cache, render = AnswerCache(), Renders(b"one", hold=True)

    async def many() -> list[bytes]:
        asking = [asyncio.ensure_future(cache.fetch("k", "v1", render.recipe)) for _ in range(20)]
        await asyncio.sleep(0.05)
        render.released.set()
        return [answer.body for answer in await asyncio.gather(*asking)]

    assert asyncio.run(many()) == [b"one"] * 20
    assert render.calls == 1
    assert asyncio.run(cache.fetch("k", "v1", Renders(b"other").recipe)).body == b"one"


def test_a_changed_version_serves_the_last_answer_while_one_fresh_render_runs():
    cache = AnswerCache()
    first = asyncio.run(cache.fetch("k", "v1", Renders(b"old").recipe))
    fresh = Renders(b"new", hold=True)

    async def during_the_render() -> list[bytes]:
        return [(await cache.fetch("k", "v2", fresh.recipe)).body for _ in range(5)]

    assert asyncio.run(during_the_render()) == [b"old"] * 5
    fresh.released.set()
    cache.close()  # waits for the queued refresh
    assert fresh.calls == 1
    now = asyncio.run(cache.fetch("k", "v2", Renders(b"unused").recipe))
    assert (now.body, now.version) == (b"new", "v2") and now.etag != first.etag


def test_after_expire_nothing_rendered_before_is_served_for_a_new_version():
    cache = AnswerCache()
    asyncio.run(cache.fetch("k", "v1", Renders(b"old").recipe))
    cache.expire()
    assert asyncio.run(cache.fetch("k", "v1", Renders(b"unused").recipe)).body == b"old"  # its version still holds
    assert asyncio.run(cache.fetch("k", "v2", Renders(b"new").recipe)).body == b"new"
    cache.close()


def test_a_failed_refresh_drops_the_stale_answer_so_the_next_request_meets_the_error():
    cache = AnswerCache()
    asyncio.run(cache.fetch("k", "v1", Renders(b"old").recipe))

    def gone() -> tuple[int, bytes]:
        raise LookupError("the story is gone")

    assert asyncio.run(cache.fetch("k", "v2", Recipe(gone, "text/plain", str))).body == b"old"
    cache.close()  # waits for the queued refresh
    try:
        asyncio.run(cache.fetch("k", "v2", Recipe(gone, "text/plain", str)))
    except LookupError:
        pass
    else:
        raise AssertionError("the stale answer outlived a failed refresh")


def _ingest(client: TestClient, name: str, text: str) -> dict:
    started = client.post("/api/v1/ingest/files", headers={"Authorization": f"Bearer {TOKEN}"},
                          files={"files": (name, text)})
    outcome = _wait_for(client, started.headers["location"])["outcomes"][0]
    assert outcome["status"] == "stored", outcome
    return outcome


def test_an_ingest_into_one_story_leaves_the_other_stories_answers_and_etags(writable_client: TestClient):
    told = sorted(example_corpus().glob("*.txt"))[0].read_text(encoding="utf-8").rstrip()
    first = _ingest(writable_client, "satu.txt", told + "\n\nHingga Senin malam, belum ada keterangan lain.\n")
    stories = writable_client.get("/api/v1/stories", params={"limit": 200}).json()["items"]
    before = {}
    for story in stories:
        api, page = (writable_client.get(f"{prefix}/stories/{story['id']}") for prefix in ("/api/v1", ""))
        before[story["id"]] = (api.headers["etag"], page.headers["etag"])
    # the same report with one more paragraph joins the first one's (live) story
    second = _ingest(writable_client, "dua.txt", told + "\n\nHingga Selasa pagi, belum ada keterangan lain.\n")
    joined, article = second["story"]["id"], second["article"]
    assert joined == first["story"]["id"]

    api_tag, page_tag = before[joined]
    changed = writable_client.get(f"/api/v1/stories/{joined}", headers={"If-None-Match": api_tag})
    assert changed.status_code == 200 and changed.headers["etag"] != api_tag
    assert article in {a["id"] for a in changed.json()["articles"]}
    page = writable_client.get(f"/stories/{joined}", headers={"If-None-Match": page_tag})
    assert page.status_code == 200 and f"/articles/{article}" in page.text
    assert writable_client.get(f"/stories/{joined}", headers={"If-None-Match": page.headers["etag"]}
                               ).status_code == 304

    others = [story_id for story_id in before if story_id != joined]
    assert others
    for story_id in others:
        api_tag, page_tag = before[story_id]
        assert writable_client.get(f"/api/v1/stories/{story_id}", headers={"If-None-Match": api_tag}
                                   ).status_code == 304, story_id
        assert writable_client.get(f"/stories/{story_id}").headers["etag"] == page_tag, story_id
    # the store as a whole changed: its lists are answered afresh
    assert writable_client.get("/api/v1/articles").json()["total"] == 13


def test_large_answers_are_gzipped_once_with_their_own_etag(client: TestClient):
    story = client.get("/api/v1/stories", params={"sort": "sources"}).json()["items"][0]["id"]
    for url in (f"/api/v1/stories/{story}", f"/stories/{story}"):
        zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers, url
        assert zipped.content == plain.content and int(zipped.headers["content-length"]) < len(plain.content), url
        assert zipped.headers["etag"] != plain.headers["etag"] and zipped.headers["vary"] == "Accept-Encoding"
        for response, encoding in ((zipped, "gzip"), (plain, "identity")):
            again = client.get(url, headers={"Accept-Encoding": encoding, "If-None-Match": response.headers["etag"]})
            assert again.status_code == 304 and again.headers["etag"] == response.headers["etag"], url


def test_gzip_is_sent_only_where_the_client_takes_it():
    assert accepts_gzip("gzip, deflate, br") and accepts_gzip("br;q=1.0, *;q=0.5")
    assert not accepts_gzip("identity") and not accepts_gzip("gzip;q=0") and not accepts_gzip("")


def test_json_is_encoded_in_slices_to_the_same_bytes_as_one_call():
    document = {"schema": "x/1", "articles": [{"id": f"a-{n}", "title": f"Judul “{n}”"} for n in range(1234)],
                "stories": [{"id": "s", "articles": [f"a-{n}" for n in range(450)]}], "empty": [], "n": None}
    assert json_bytes(document) == json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    assert json_bytes(list(range(SLICE * 3 + 1))) == json.dumps(list(range(SLICE * 3 + 1))).replace(" ", "").encode()


def test_current_gives_an_answer_only_at_the_snapshots_version():
    cache = AnswerCache()
    asyncio.run(cache.fetch("k", "v1", Renders(b"one").recipe))  # its version is read off a snapshot by str()
    assert cache.current("k", "v1").body == b"one"
    assert cache.current("k", "v2") is None and cache.current("other", "v1") is None
    cache.close()


def test_a_cached_answer_sent_before_routing_is_the_routed_one_with_the_same_headers(client: TestClient):
    story = client.get("/api/v1/stories").json()["items"][0]["id"]
    for url in (f"/stories/{story}", f"/api/v1/stories/{story}", "/api/v1/stats", "/?sort=sources"):
        first, again = client.get(url), client.get(url)  # the first may be rendered; the second is cached
        assert again.status_code == 200 and again.content == first.content, url
        for header in ("etag", "content-type", "content-security-policy", "x-content-type-options", "vary"):
            assert again.headers.get(header) == first.headers.get(header), (url, header)
        assert again.headers["content-security-policy"].startswith("default-src 'self'")
