"""Bad input never stops a run: each gets a one-line reason and the rest goes on."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from kabar.clean import clean
from kabar.ingest import IngestOptions, iter_inputs
from kabar.ingest.sniff import binary_kind
from kabar.model import InputOutcome, RawDocument
from tests.ingest.test_formats import ARTICLE_HTML, STORY, write_warc


def _one(path: Path, **options: object) -> RawDocument | InputOutcome:
    [item] = list(iter_inputs([str(path)], IngestOptions(**options)))
    return item


def _reason(item: RawDocument | InputOutcome) -> str:
    assert isinstance(item, InputOutcome) and item.status == "rejected", item
    assert item.reason and "\n" not in item.reason
    return item.reason


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("kosong.txt", b"", "empty input"),
        ("spasi.txt", b"  \n\t \n", "empty input: only whitespace"),
        ("laporan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("foto.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("arsip.txt", b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        ("biner.txt", b"abc\x00\x01\x02def", "NUL"),
    ],
)
def test_unreadable_content_is_rejected_with_a_reason(tmp_path: Path, name: str, content: bytes, expected: str):
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in _reason(_one(path))


def test_a_stray_nul_byte_in_an_article_is_read_as_a_space_and_the_article_kept(tmp_path: Path):
    from kabar.clean import clean

    middle = len(STORY) // 2
    path = tmp_path / "sisa-basis-data.txt"
    path.write_bytes(STORY[:middle].encode() + b"\x00" + STORY[middle:].encode())
    raw = _one(path)
    assert isinstance(raw, RawDocument)
    article = clean(raw, "nul")
    assert "\x00" not in article.text and len(article.text.split()) > 0.9 * len(STORY.split())


def test_a_stray_nul_byte_in_a_short_text_is_no_sign_of_binary_data():
    """One NUL in a 50-byte sentence is more than one byte in a hundred: before, annotate_text (given a str)
    and a short JSON record were rejected as 'binary data (NUL bytes)'."""
    from kabar.annotation import annotate_text

    record = annotate_text("Presiden\x00Joko Widodo tiba di Jakarta pada Senin.", as_is=True)
    assert "error" not in record, record
    assert binary_kind(b"abc\x00\x01\x02def\x00") == "binary data (NUL bytes)"


def test_file_over_the_size_limit(tmp_path: Path):
    path = tmp_path / "besar.txt"
    path.write_bytes(b"kata " * 3000)
    assert "over the" in _reason(_one(path, max_bytes=10_000))


def test_missing_path():
    assert _reason(_one(Path("/tidak/ada/berkas.txt"))) == "no such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path):
    path = tmp_path / "rahasia.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    assert "unreadable" in _reason(_one(path))


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd to name a pipe")
def test_a_pipe_named_as_an_input_is_refused_with_a_reason_not_read_as_empty():
    """What `kabar ingest <(zcat dump.gz)` names. Before, probing its first bytes for gzip drained the pipe and
    the input was rejected as 'empty input: no bytes to read' (and a FIFO with no writer hung the run)."""
    reading, writing = os.pipe()
    try:
        os.write(writing, STORY.encode())
        os.close(writing)
        reason = _reason(_one(Path(f"/dev/fd/{reading}")))
    finally:
        os.close(reading)
    assert reason.startswith("not a regular file (a pipe, socket or device)")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded_not_rejected(tmp_path: Path, encoding: str):
    text = "Pada hari Jum’at, café di Menteng ramai; harga naik 5½ persen." if encoding == "cp1252" else (
        "Pada hari Jumat, café di Menteng ramai; harga naik 5½ persen.")
    path = tmp_path / "lama.txt"
    path.write_bytes(text.encode(encoding))
    raw = _one(path)
    assert isinstance(raw, RawDocument)
    assert raw.text == text


NON_LATIN = {
    "zh": "北京时间今天上午，市政府宣布因下水道维修关闭两条主要道路，居民被要求绕行河边的道路。",
    "ru": "В понедельник городская администрация закрыла две главные улицы из-за ремонта канализации. ",
}


@pytest.mark.parametrize("language", ["zh", "ru"])
@pytest.mark.parametrize("damage", ["cut mid-character", "one stray byte"])
def test_utf8_in_another_script_with_a_bad_byte_or_two_is_read_not_rejected(tmp_path: Path, language: str,
                                                                             damage: str):
    """A file or record cut at a byte count ends inside a character. Before, in a script beyond Latin this
    rejected the whole input ('unreadable text: text encoding could not be determined'); the bad bytes are
    now replacement characters and the rest is read. Text really in another encoding still reads by it."""
    text = NON_LATIN[language] * 20
    data = text.encode()
    leads = [index for index, byte in enumerate(data) if byte >= 0xC0]  # where multibyte characters begin
    data = data[: leads[-1] + 1] if damage == "cut mid-character" else data[: leads[50]] + b"\xff" + data[leads[50]:]
    path = tmp_path / "berita.txt"
    path.write_bytes(data)
    raw = _one(path)
    assert isinstance(raw, RawDocument) and raw.encoding == "utf-8+replaced"
    kept = raw.text.replace("\ufffd", "")
    assert raw.text.count("\ufffd") == 1 and (kept == text if damage == "one stray byte" else
                                              text.startswith(kept) and len(kept) > len(text) - 4)
    path.write_bytes(text.encode("gb18030" if language == "zh" else "cp1251"))
    raw = _one(path)
    assert isinstance(raw, RawDocument) and raw.text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
@pytest.mark.parametrize("name", ["catatan.txt", "halaman.html"])
def test_unicode_with_a_byte_order_mark_is_text_not_binary(tmp_path: Path, encoding: str, name: str):
    text = ARTICLE_HTML if name.endswith(".html") else STORY + " Harga naik 5½ persen, kata “pejabat” itu."
    path = tmp_path / name
    path.write_bytes(("\ufeff" + text).encode(encoding))
    raw = _one(path)
    assert isinstance(raw, RawDocument), raw
    assert raw.text == text


def test_malformed_jsonl_lines_are_rejected_one_by_one(tmp_path: Path):
    path = tmp_path / "rusak.jsonl"
    lines = [json.dumps({"text": STORY}), "{tidak valid", json.dumps({"title": "tanpa isi"}), "[1, 2]",
             json.dumps({"text": STORY + " Lagi."})]
    path.write_text("\n".join(lines), encoding="utf-8")
    found = list(iter_inputs([str(path)]))
    assert [type(item).__name__ for item in found] == [
        "RawDocument", "InputOutcome", "InputOutcome", "InputOutcome", "RawDocument"]
    assert "line 2" in found[1].reason and found[1].source.endswith("#L2")
    assert "no text" in found[2].reason
    assert "not an object" in found[3].reason


@pytest.mark.parametrize("name", ["terpotong.warc", "terpotong.warc.gz"])
def test_truncated_warc_keeps_the_good_records(tmp_path: Path, name: str):
    path = tmp_path / name
    write_warc(path, [(f"https://x.example/{i}", "text/html", ARTICLE_HTML.encode()) for i in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    found = list(iter_inputs([str(path)]))
    good = [item for item in found if isinstance(item, RawDocument)]
    bad = [item for item in found if isinstance(item, InputOutcome)]
    assert len(good) == 2
    assert len(bad) == 1 and "truncated or corrupt WARC" in bad[0].reason


def test_private_addresses_and_other_schemes_are_refused(local_site):
    base, _ = local_site
    assert "private or loopback" in _reason(next(iter_inputs([f"{base}/berita/banjir"])))
    assert "only http and https" in _reason(next(iter_inputs(["ftp://example.com/berita.txt"])))
    assert "only http and https" in _reason(next(iter_inputs(["file:///etc/passwd"])))


def test_robots_txt_is_honoured(local_site):
    base, pages = local_site
    pages["/private/laporan"] = (200, "text/html", ARTICLE_HTML.encode())
    item = next(iter_inputs([f"{base}/private/laporan"], IngestOptions(allow_private=True)))
    assert "robots.txt" in _reason(item)


def test_slow_and_unreachable_urls(local_site):
    base, _ = local_site
    slow = next(iter_inputs([f"{base}/slow"], IngestOptions(allow_private=True, timeout=0.5)))
    assert "timed out" in _reason(slow)
    gone = next(iter_inputs(["http://127.0.0.1:9/"], IngestOptions(allow_private=True, timeout=1)))
    assert "could not fetch" in _reason(gone)


def test_redirect_loops_are_cut(local_site):
    base, pages = local_site
    pages["/putar"] = (302, "text/html", b"/putar")
    item = next(iter_inputs([f"{base}/putar"], IngestOptions(allow_private=True, max_redirects=3)))
    assert "redirects" in _reason(item)


def test_oversized_download_is_cut(local_site):
    base, pages = local_site
    pages["/besar"] = (200, "text/html", b"<p>" + b"a" * 50_000 + b"</p>")
    item = next(iter_inputs([f"{base}/besar"], IngestOptions(allow_private=True, max_bytes=10_000)))
    assert "over the" in _reason(item)


def test_compressed_files_that_cannot_be_read_say_why(tmp_path: Path):
    truncated = tmp_path / "terpotong.html.gz"
    truncated.write_bytes(gzip.compress(ARTICLE_HTML.encode("utf-8"))[:-12])
    assert "corrupt or truncated gzip" in _reason(_one(truncated))
    bomb = tmp_path / "bom.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 3_000_000))
    assert "once decompressed" in _reason(_one(bomb, max_bytes=1_000_000))
    big_json = tmp_path / "besar.json.gz"
    big_json.write_bytes(gzip.compress(json.dumps([{"text": STORY}] * 20_000).encode("utf-8")))
    assert "size limit" in _reason(_one(big_json, max_bytes=1_000_000))


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("kosong.jsonl", b"", "empty input: no bytes to read"),
    ("kosong.warc", b"", "empty input: no bytes to read"),
    ("baris-kosong.jsonl", b"\n \n\n", "empty input: no JSON records, only blank lines"),
    ("daftar-kosong.json", b"[]", "empty input: the JSON list holds no records"),
    ("daftar-kosong.jsonl", b"[\n]\n", "empty input: the JSON list holds no records"),
])
def test_a_dump_with_no_records_is_rejected_not_silently_passed_over(tmp_path: Path, name: str, content: bytes,
                                                                      expected: str):
    """Before, these gave no outcome at all: the run said nothing about a file it had been given."""
    path = tmp_path / name
    path.write_bytes(content)
    assert _reason(_one(path)) == expected


@pytest.mark.parametrize("target", ["", "  "])
def test_an_empty_target_is_refused_not_read_as_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  target: str):
    """`kabar ingest "$FOLDER"` with FOLDER unset. Before, "" was read as ".": every file of the current folder
    went into the store."""
    (tmp_path / "berita.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [item] = list(iter_inputs([target]))
    assert _reason(item) == 'empty path: give a file, folder or URL ("." for the current folder)'


def test_xml_that_is_not_a_feed_is_read_as_markup_and_a_sitemap_is_refused(tmp_path: Path):
    """Before, any .xml that was not RSS or Atom was read as plain text: an XML export was stored with its tags
    in the article text ('<?xml version="1.0"?><doc><title>...'), and a sitemap was judged as an article."""
    paragraphs = "".join(f"<para>{STORY} Nomor {number}.</para>\n" for number in range(3))
    (tmp_path / "ekspor.xml").write_text(f'<?xml version="1.0"?><doc><title>Jalan Ditutup</title>{paragraphs}</doc>',
                                         encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                                          'sitemap/0.9"><url><loc>https://x.example/a</loc></url></urlset>',
                                          encoding="utf-8")
    export, sitemap = list(iter_inputs([str(tmp_path)]))
    assert isinstance(export, RawDocument) and export.media_type == "text/html"
    article = clean(export, "a-ekspor")
    assert "<" not in article.text and article.text.count("Nomor") == 3
    assert _reason(sitemap) == "a sitemap (a list of page addresses), not an article or a feed: give its pages' URLs"


def test_a_host_that_never_answers_is_tried_once_per_run_and_its_later_items_share_the_reason():
    import httpx

    asked: list[str] = []
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Kabar Lokal</title>"
            + "".join(f"<item><title>Berita {n}</title><link>http://mati.example/berita/{n}</link></item>"
                      for n in range(3))
            + "<item><title>Banjir</title><link>http://hidup.example/berita/banjir</link></item></channel></rss>")

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.host == "mati.example":
            raise httpx.ConnectTimeout("no answer", request=request)
        if request.url.path == "/rss":
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=feed)
        if request.url.path == "/berita/banjir":
            return httpx.Response(200, headers={"content-type": "text/html"}, text=ARTICLE_HTML)
        return httpx.Response(404)

    options = IngestOptions(private_host=lambda host: False,
                            client_factory=lambda o: httpx.Client(transport=httpx.MockTransport(answer)))
    items = list(iter_inputs(["http://hidup.example/rss"], options))
    dead = [item for item in items if "mati.example" in item.source]
    assert len(dead) == 3 and all(isinstance(item, InputOutcome) for item in dead)
    assert {_reason(item) for item in dead} == {"timed out after 15 s"}
    assert sum("mati.example" in url for url in asked) == 1
    assert any(isinstance(item, RawDocument) and "banjir" in item.source for item in items)


@pytest.mark.parametrize(("reader", "name", "content", "reason"), [
    ("kabar.ingest.files.iter_file", "berita.txt", STORY, "reading failed: RuntimeError: injected fault"),
    ("kabar.ingest.records._record_item", "dump.jsonl", json.dumps({"text": STORY}),
     "reading the record failed: RuntimeError: injected fault"),
])
def test_a_reader_fault_is_the_inputs_one_line_reason_and_its_traceback_is_in_the_debug_log(
        tmp_path: Path, monkeypatch, caplog, reader, name, content, reason):
    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(reader, failing)
    (tmp_path / name).write_text(content, encoding="utf-8")
    with caplog.at_level("DEBUG", logger="kabar"):
        [item] = list(iter_inputs([str(tmp_path / name)]))
    assert _reason(item) == reason
    assert "Traceback" in caplog.text and "RuntimeError: injected fault" in caplog.text
