"""Shared fixtures: where the shared seed corpus is, and a small local web site for fetch tests."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
NER_DATA = SHARED / "data" / "ner"

logging.getLogger("kabar").setLevel(logging.DEBUG)
"""A story or article whose analysis fails is kept apart and its traceback logged at debug level: so a test
that fails shows that traceback among its captured logs, and a programming error stays in sight."""


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is absent in this clone (the seed corpus lives beside the repo)")
    return SEEDS


@pytest.fixture
def ner_data_dir() -> Path:
    if not NER_DATA.exists():
        pytest.skip("../shared/data/ner is absent in this clone (the public NER sets live beside the repo)")
    return NER_DATA


ARTICLE_HTML = """<html><head><meta charset="utf-8"><title>Banjir Rendam Tiga Desa - Kabar Lokal</title></head>
<body><nav><a href="/">Beranda</a></nav><article><h1>Banjir Rendam Tiga Desa</h1>
<p>Hujan deras sejak Senin malam membuat sungai meluap dan merendam tiga desa di kabupaten itu, kata petugas.</p>
<p>Sebanyak 120 keluarga mengungsi ke balai desa dan masjid terdekat sambil menunggu air surut.</p>
</article></body></html>"""


class _Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        if self.path == "/slow":
            threading.Event().wait(2)
        if 300 <= status < 400:
            self.send_response(status)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def local_site() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    """A web server on 127.0.0.1; tests add pages to the returned dict (path → status, type, body)."""
    pages: dict[str, tuple[int, str, bytes]] = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/berita/banjir": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode()),
        "/slow": (200, "text/html", ARTICLE_HTML.encode()),
    }
    handler = type("Site", (_Site,), {"pages": pages})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        server.server_close()
