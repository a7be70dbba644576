"""Input met in the wild that once took a run down: each becomes its own outcome, and the rest goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from kabar.clean import clean
from kabar.ingest import IngestOptions, iter_inputs, warc
from kabar.ingest.decode import decode
from kabar.ingest.feeds import feed_date
from kabar.ingest.options import ROBOTS_MAX_BYTES
from kabar.model import InputOutcome, InputStatus, RawDocument
from tests.conftest import ARTICLE_HTML
from tests.ingest.test_formats import STORY, write_warc


def _items(targets: list[str], **options: object) -> list[RawDocument | InputOutcome]:
    return list(iter_inputs(targets, IngestOptions(**options)))


def _rejection(item: RawDocument | InputOutcome) -> str:
    assert isinstance(item, InputOutcome) and item.status == InputStatus.REJECTED, item
    assert item.reason and "\n" not in item.reason
    return item.reason


# one bad record, file or item among good ones


def test_a_lone_surrogate_in_a_jsonl_field_is_replaced_not_fatal(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([
        '{"title": "Judul \\ud800 rusak", "text": "' + STORY.replace("\n", "\\n") + '"}',
        '{"text": "\\udfff ' + STORY.replace("\n", "\\n") + ' Lagi."}',
    ]), encoding="utf-8")
    first, second = _items([str(path)])
    assert isinstance(first, RawDocument) and first.hints["title"] == "Judul \ufffd rusak"
    assert isinstance(second, RawDocument) and second.text.startswith("\ufffd ")


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_json_nested_too_deeply_is_rejected_with_a_reason(tmp_path: Path, suffix: str):
    (tmp_path / f"a-dalam{suffix}").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "b-baik.txt").write_text(STORY, encoding="utf-8")
    deep, good = _items([str(tmp_path)])
    assert "nested too deeply" in _rejection(deep)
    assert isinstance(good, RawDocument)


def test_a_file_name_that_is_not_utf8_is_read_and_named_readably(tmp_path: Path):
    name = os.fsdecode(b"berita-caf\xe9.txt")
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    [raw] = _items([str(tmp_path)])
    assert isinstance(raw, RawDocument)
    assert raw.source.endswith("berita-caf\\xe9.txt")
    raw.source.encode("utf-8")  # storable as it is


def test_dangling_links_and_link_loops_are_listed_as_skipped(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "berita.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "kembali").symlink_to(tmp_path)
    (tmp_path / "hilang.txt").symlink_to(tmp_path / "tidak-ada.txt")
    (tmp_path / "putar.txt").symlink_to(tmp_path / "putar.txt")
    found = {Path(item.source).name: item for item in _items([str(tmp_path)])}
    assert isinstance(found["berita.txt"], RawDocument)
    for name, reason in (("kembali", "loop"), ("hilang.txt", "dangling"), ("putar.txt", "looping")):
        assert found[name].status == InputStatus.SKIPPED and reason in found[name].reason


# WARC


def test_garbage_after_a_warc_header_is_a_rejected_record(tmp_path: Path):
    path = tmp_path / "rusak.warc"
    write_warc(path, [("https://x.example/1", "text/html", ARTICLE_HTML.encode())])
    path.write_bytes(path.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\n\x00\x01\xff sampah\r\n\r\nabc")
    good, bad = _items([str(path)])
    assert isinstance(good, RawDocument)
    assert "WARC" in _rejection(bad)


def test_a_warc_gz_bomb_stops_at_the_decompressed_budget(tmp_path: Path):
    path = tmp_path / "bom.warc.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    with path.open("wb") as handle:
        zeros = bytes(1 << 20)
        for _ in range(64):
            handle.write(packer.compress(zeros))
        handle.write(packer.flush())
    [item] = _items([str(path)], max_bytes=1 << 20)
    assert "decompressed" in _rejection(item)


def test_warc_responses_that_are_not_pages_say_their_http_status(tmp_path: Path):
    """Before, a 404 page was stored as an article and a redirect was rejected as 'empty input'; a fetched URL
    answering either is refused with its status, and so is a WARC record of one."""
    path = tmp_path / "crawl.warc.gz"
    pages = [(f"https://x.example/{name}", "text/html", ARTICLE_HTML.encode()) for name in ("baik", "hilang", "pindah")]
    write_warc(path, pages, {"https://x.example/hilang": "404 Not Found", "https://x.example/pindah": "301 Moved"})
    good, missing, moved = _items([str(path)])
    assert isinstance(good, RawDocument)
    assert _rejection(missing) == "WARC response is HTTP 404 Not Found, not a page"
    assert _rejection(moved) == "WARC response is HTTP 301 Moved, not a page"


def test_a_warc_response_without_http_headers_is_judged_by_its_record_content_type(tmp_path: Path):
    """Crawlers such as Heritrix keep DNS lookups as response records with no HTTP headers: before, one was
    read as a page and rejected as 'no article text found: every block looked like page furniture'."""
    path = tmp_path / "heritrix.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warc_record(
            "dns:x.example", "response", payload=io.BytesIO(b"20190912101010\nx.example.\t300\tIN\tA\t93.184.216.34\n"),
            warc_content_type="text/dns"))
    [item] = _items([str(path)])
    assert _rejection(item) == "WARC response is text/dns, not HTML"


def test_a_warc_resource_record_holding_a_page_is_read(tmp_path: Path):
    """Tools that archive a page without its HTTP exchange (a browser's capture, wget of a local file) keep it
    as a resource record: before, it was passed over without a word, and a file of them gave no outcome."""
    path = tmp_path / "tangkapan.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warc_record(
            "https://x.example/banjir", "resource", payload=io.BytesIO(ARTICLE_HTML.encode()),
            warc_content_type="text/html; charset=utf-8"))
        writer.write_record(writer.create_warc_record(
            "https://x.example/logo.png", "resource", payload=io.BytesIO(b"\x89PNG...."), warc_content_type="image/png"))
    page, image = _items([str(path)])
    assert isinstance(page, RawDocument) and page.url == "https://x.example/banjir"
    assert _rejection(image) == "WARC resource is image/png, not HTML"


def test_a_warc_with_no_response_records_is_rejected_not_silently_passed_over(tmp_path: Path):
    path = tmp_path / "info.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "uji"}))
        writer.write_record(writer.create_warc_record("https://x.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    [item] = _items([str(path)])
    assert _rejection(item) == "no pages: the WARC file holds no response or resource records (1 request, 1 warcinfo)"


def test_a_warc_record_without_a_type_is_counted_not_a_crash(tmp_path: Path):
    """Before, a record missing its WARC-Type header failed the whole file with a TypeError."""
    path = tmp_path / "tanpa-jenis.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warc_record("https://x.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    path.write_bytes(path.read_bytes().replace(b"WARC-Type: request\r\n", b""))
    [item] = _items([str(path)])
    assert _rejection(item) == "no pages: the WARC file holds no response or resource records (1 untyped)"


def test_a_bad_warc_record_followed_by_corrupt_gzip_is_one_rejection(tmp_path: Path):
    """Checking whether the file ended at a bad record read on into a corrupt gzip member, and that
    decompression error escaped: the whole file failed with 'reading failed: error'."""
    plain = io.BytesIO()
    writer = WARCWriter(plain, gzip=False)
    writer.write_record(writer.create_warc_record("https://x.example/1", "resource", payload=io.BytesIO(b"<p>x</p>"),
                                                  warc_content_type="text/html"))
    without_uri = b"".join(line for line in plain.getvalue().splitlines(keepends=True)
                           if not line.startswith(b"WARC-Target-URI"))
    path = tmp_path / "rusak.warc.gz"
    path.write_bytes(gzip.compress(without_uri) + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 40)
    [item] = _items([str(path)])
    assert _rejection(item).startswith("truncated or corrupt WARC record at offset 0")


def test_an_error_in_judging_a_warc_page_is_not_blamed_on_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Only the WARC library's reading is taken for bad input: a bug of ours in judging a well-formed record
    surfaces, where it was reported as 'truncated or corrupt WARC record'."""
    path = tmp_path / "baik.warc"
    write_warc(path, [("https://x.example/1", "text/html", ARTICLE_HTML.encode())])

    def broken(*args: object) -> None:
        raise AttributeError("a bug of ours")

    monkeypatch.setattr(warc, "make_raw", broken)
    with pytest.raises(AttributeError, match="a bug of ours"):
        list(warc.iter_warc(path, IngestOptions()))


@pytest.mark.parametrize("cut_at", [b"WARC-Record-ID", b"HTTP/1.1"])
def test_a_warc_cut_inside_a_record_header_says_so(tmp_path: Path, cut_at: bytes):
    """Before, a file cut inside the headers of its last record ended quietly after the good records (cut in
    its HTTP headers), or with an unreadable reason and the wrong offset ("after offset 0: 'NoneType' object
    has no attribute 'startswith'", cut before its URI)."""
    path = tmp_path / "terpotong.warc"
    write_warc(path, [(f"https://x.example/{i}", "text/html", ARTICLE_HTML.encode()) for i in range(2)])
    data = path.read_bytes()
    second = data.index(b"WARC/1.0", 1)
    path.write_bytes(data[: data.index(cut_at, second)])
    good, cut = _items([str(path)])
    assert isinstance(good, RawDocument)
    assert _rejection(cut) == f"truncated WARC file: it ends inside the record at offset {second}"
    assert cut.source.endswith(f"terpotong.warc#{second}")


# text


def test_utf8_with_a_windows_1252_run_is_decoded_part_by_part():
    content = "Kafe baru di Menteng: café, crème brûlée. ".encode() + "Pada hari Jum’at harga naik 5½ persen.".encode(
        "cp1252")
    text, encoding = decode(content)
    assert text == "Kafe baru di Menteng: café, crème brûlée. Pada hari Jum’at harga naik 5½ persen."
    assert encoding == "utf-8+cp1252"
    assert "Ã" not in text


@pytest.mark.parametrize("header", ["text/html; charset=iso-8859-1", "text/html; charset=windows-1252",
                                    "text/html; charset=gbk"])
def test_a_page_in_utf8_under_a_header_naming_another_charset_is_read_as_utf8(tmp_path: Path, header: str):
    """A server's default header (often ISO-8859-1) over a page written in UTF-8: before, 'Jum’at' came out
    as 'JumÃ¢â‚¬â„¢at'. Bytes that are valid UTF-8 with multibyte letters are UTF-8 whatever the header
    says; a page really in Windows-1252 is not valid UTF-8 and still reads by its charset."""
    page = "<html><head><meta charset=utf-8></head><body><p>Jum’at malam, kafe di Menteng (café) tutup.</p></body></html>"
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://x.example/utf8", header, page.encode()),
                      ("https://x.example/cp1252", "text/html; charset=windows-1252", page.encode("cp1252"))])
    utf8, windows = _items([str(path)])
    assert isinstance(utf8, RawDocument) and "Jum’at malam, kafe di Menteng (café)" in utf8.text
    assert utf8.encoding == "utf-8"
    assert isinstance(windows, RawDocument) and "Jum’at malam, kafe di Menteng (café)" in windows.text
    assert windows.encoding == "cp1252"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Mon, 21 Oct 2024 03:00:00 +0000", "2024-10-21T03:00:00+00:00"),
        ("Mon, 21 Oct 2024 10:00:00 +0700", "2024-10-21T10:00:00+07:00"),
        ("Mon, 21 Oct 2024 03:00:00 GMT", "2024-10-21T03:00:00+00:00"),
        ("2024-10-21T03:00:00Z", "2024-10-21T03:00:00+00:00"),
        ("kemarin sore", "kemarin sore"),
    ],
)
def test_feed_dates_keep_their_offset(written: str, expected: str):
    assert feed_date(written) == expected


# the network, from servers the tests start


class _Server(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        if self.path == "/tetes":
            self._drip()
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"tidak ada"))
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _drip(self) -> None:
        """Four bytes at a time, forever (until the client hangs up)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"<p>a")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[tuple[int, dict[str, tuple[int, dict[str, str], bytes]]]]:
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /rahasia/\n"),
        "/berita": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode()),
        "/rahasia/laporan": (200, {"Content-Type": "text/html"}, ARTICLE_HTML.encode()),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), type("Server", (_Server,), {"routes": routes}))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd.server_address[1], routes
    finally:
        httpd.shutdown()
        httpd.server_close()


def _only_127_is_private(host: str) -> bool:
    """Test seam: "localhost" plays a public site, 127.0.0.1 the private address it must not reach."""
    return host == "127.0.0.1"


def test_a_redirect_to_a_private_address_is_refused(server):
    port, routes = server
    routes["/pindah"] = (302, {"Location": f"http://127.0.0.1:{port}/berita"}, b"")
    assert isinstance(_items([f"http://localhost:{port}/berita"], private_host=_only_127_is_private)[0], RawDocument)
    [item] = _items([f"http://localhost:{port}/pindah"], private_host=_only_127_is_private)
    reason = _rejection(item)
    assert "private or loopback" in reason and "redirected to" in reason


def test_a_redirect_into_a_disallowed_path_is_refused(server):
    port, routes = server
    routes["/pindah"] = (301, {"Location": "/rahasia/laporan"}, b"")
    [item] = _items([f"http://127.0.0.1:{port}/pindah"], allow_private=True)
    assert "robots.txt" in _rejection(item)


def test_a_dripping_server_meets_the_total_deadline(server):
    port, _ = server
    [item] = _items([f"http://127.0.0.1:{port}/tetes"], allow_private=True, timeout=5, deadline=1.0)
    assert "deadline" in _rejection(item)


def test_robots_txt_is_read_up_to_its_size_cap(server):
    port, routes = server
    padding = b"# " + b"x" * ROBOTS_MAX_BYTES + b"\n"
    routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                             b"User-agent: *\nDisallow: /rahasia/\n" + padding + b"Disallow: /berita\n")
    refused, fetched = _items([f"http://127.0.0.1:{port}/rahasia/laporan", f"http://127.0.0.1:{port}/berita"],
                              allow_private=True)
    assert "robots.txt" in _rejection(refused)
    assert isinstance(fetched, RawDocument)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_feed_items_with_unusable_links_are_rejected_one_by_one(server, tmp_path: Path, host: str):
    port, _ = server
    links = [f"http://{'a' * 64}.example/berita", "http://kabar.example:99999/berita", f"http://{host}:{port}/berita"]
    items = "".join(f"<item><title>Berita {n}</title><link>{link}</link>"
                    "<pubDate>Mon, 21 Oct 2024 03:00:00 +0000</pubDate></item>" for n, link in enumerate(links))
    feed = tmp_path / "umpan.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Lokal</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    options = {"private_host": _only_127_is_private} if host == "localhost" else {"allow_private": True}
    long_label, bad_port, good = _items([str(feed)], **options)
    assert "invalid URL" in _rejection(long_label)
    assert "invalid URL" in _rejection(bad_port)
    assert isinstance(good, RawDocument)
    article = clean(good, "a-umpan")
    assert article.published is not None and article.published.isoformat() == "2024-10-21T03:00:00+00:00"


def test_a_host_label_too_long_for_dns_is_an_invalid_url():
    [item] = _items([f"http://{'a' * 64}.example/berita"])
    assert "invalid URL" in _rejection(item)


def test_json_records_stay_readable_after_a_bad_one(tmp_path: Path):
    path = tmp_path / "daftar.json"
    path.write_text(json.dumps([{"text": STORY, "title": {"name": ["aneh"]}}, 7, {"text": STORY + " Dua."}]),
                    encoding="utf-8")
    first, odd, last = _items([str(path)])
    assert isinstance(first, RawDocument) and isinstance(last, RawDocument)
    assert "not an object" in _rejection(odd)


@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "dump.jsonl"), ("utf-32", "dump.jsonl"),
                                                ("cp1252", "dump.jsonl"), ("cp1252", "dump.json"),
                                                ("utf-16", "dump.jsonl.gz")])
def test_json_saved_by_windows_tools_is_read_whole(tmp_path: Path, encoding: str, name: str):
    """PowerShell's '>' writes UTF-16 with a byte-order mark, and Python on Windows writes Windows-1252 unless
    told otherwise. Before, the UTF-16 file lost its first record and gained a spurious malformed last line,
    and every Windows-1252 record was rejected ('utf-8' codec can't decode byte 0xe9)."""
    records = [{"text": STORY + f" Kafe nomor {number} di Menteng (café) tutup Jum’at.", "title": f"Judul {number}"}
               for number in range(3)]
    if name.endswith(".json"):
        content = json.dumps(records, ensure_ascii=False)
    else:
        content = "".join(json.dumps(record, ensure_ascii=False) + "\r\n" for record in records)
    data = content.encode(encoding)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    found = _items([str(path)])
    assert [item.text for item in found if isinstance(item, RawDocument)] == [record["text"] for record in records]
    assert [item.hints["title"] for item in found] == ["Judul 0", "Judul 1", "Judul 2"]
