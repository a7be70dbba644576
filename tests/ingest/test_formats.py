"""Every input format Kabar reads, from files the tests write and from a local web site."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kabar.ingest import IngestOptions, iter_inputs
from kabar.model import InputOutcome, RawDocument
from tests.conftest import ARTICLE_HTML

STORY = (
    "Pemerintah Kota Medan menutup dua ruas jalan utama selama pekan depan.\n\n"
    "Penutupan dilakukan karena perbaikan saluran air yang rusak sejak awal bulan, kata kepala dinas."
)


def _all(targets: list[str], **options: object) -> list[RawDocument | InputOutcome]:
    return list(iter_inputs(targets, IngestOptions(**options)))


def test_plain_text_file(tmp_path: Path):
    path = tmp_path / "jalan.txt"
    path.write_text(STORY, encoding="utf-8")
    [raw] = _all([str(path)])
    assert isinstance(raw, RawDocument)
    assert raw.media_type == "text/plain" and raw.text == STORY and raw.encoding == "utf-8"


def test_html_charset_comes_from_the_meta_tag(tmp_path: Path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Jum’at malam hujan turun.</p></body></html>'
    path = tmp_path / "halaman.html"
    path.write_bytes(page.encode("cp1252"))
    [raw] = _all([str(path)])
    assert raw.media_type == "text/html" and raw.encoding == "cp1252"
    assert "Jum’at" in raw.text


def test_folders_are_walked_recursively_in_order(tmp_path: Path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "c" / "d.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    found = _all([str(tmp_path)])
    assert [Path(item.source).name for item in found] == ["a.txt", "d.html"]


def test_jsonl_records_carry_their_metadata(tmp_path: Path):
    records = [
        {"text": STORY, "title": "Dua Ruas Jalan Ditutup", "url": "https://contoh.id/a", "published": "2024-10-19"},
        {"html": ARTICLE_HTML, "outlet": "Kabar Lokal"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first, second = _all([str(path)])
    assert first.source.endswith("dump.jsonl#L1") and first.hints["title"] == "Dua Ruas Jalan Ditutup"
    assert first.url == "https://contoh.id/a" and first.hints["published"] == "2024-10-19"
    assert second.media_type == "text/html" and second.hints["outlet"] == "Kabar Lokal"


def test_json_list(tmp_path: Path):
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": STORY}, {"content": STORY + " Tambahan."}]), encoding="utf-8")
    found = _all([str(path)])
    assert [item.source.rsplit("#", 1)[1] for item in found] == ["0", "1"]
    assert all(isinstance(item, RawDocument) for item in found)


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], statuses: dict[str, str] | None = None) -> None:
    """Response records of `pages` (uri, Content-Type, body), each answered "200 OK" unless `statuses` gives
    its URI another HTTP status line."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for uri, content_type, body in pages:
            headers = StatusAndHeaders((statuses or {}).get(uri, "200 OK"), [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def test_warc_gz_response_records(tmp_path: Path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://kabarlokal.example/banjir", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
        ("https://kabarlokal.example/logo.png", "image/png", b"\x89PNG...."),
    ])
    page, image = _all([str(path)])
    assert isinstance(page, RawDocument) and page.url == "https://kabarlokal.example/banjir"
    assert "Banjir Rendam" in page.text
    assert isinstance(image, InputOutcome) and "image/png" in image.reason


def test_url_is_fetched_with_kabar_user_agent(local_site):
    base, pages = local_site
    [raw] = _all([f"{base}/berita/banjir"], allow_private=True)
    assert isinstance(raw, RawDocument) and raw.media_type == "text/html"
    assert raw.url == f"{base}/berita/banjir"


def test_feed_items_are_fetched(local_site, tmp_path: Path):
    base, pages = local_site
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Lokal</title>
    <item><title>Banjir Rendam Tiga Desa</title><link>{base}/berita/banjir</link>
    <pubDate>Tue, 22 Oct 2024 08:00:00 +0700</pubDate></item>
    <item><title>Hilang</title><link>{base}/berita/hilang</link></item></channel></rss>"""
    pages["/rss"] = (200, "application/rss+xml", feed.encode())
    fetched, missing = _all([f"{base}/rss"], allow_private=True)
    assert isinstance(fetched, RawDocument) and fetched.hints["title"] == "Banjir Rendam Tiga Desa"
    assert fetched.hints["outlet"] == "Kabar Lokal"
    assert isinstance(missing, InputOutcome) and "HTTP 404" in missing.reason
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    from_file = _all([str(path)], allow_private=True)
    assert isinstance(from_file[0], RawDocument)


def test_gzip_warc_is_streamed_not_rejected_for_size(tmp_path: Path):
    path = tmp_path / "big.warc.gz"
    write_warc(path, [(f"https://x.example/{i}", "text/html", ARTICLE_HTML.encode()) for i in range(30)])
    found = _all([str(path)], max_bytes=len(ARTICLE_HTML) + 100)
    assert len(found) == 30 and all(isinstance(item, RawDocument) for item in found)
    assert gzip.open(path).read(4) == b"WARC"


def test_gzip_compressed_files_are_read_as_what_their_name_says(tmp_path: Path):
    (tmp_path / "halaman.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode("utf-8")))
    (tmp_path / "berita.txt.gz").write_bytes(gzip.compress(STORY.encode("utf-8")))
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(
        "\n".join(json.dumps({"text": f"{STORY} Nomor {n}."}) for n in range(3)).encode("utf-8")))
    (tmp_path / "arsip.tar.gz").write_bytes(gzip.compress(b"bukan artikel"))
    (tmp_path / "unduhan.gz").write_bytes(gzip.compress(STORY.encode("utf-8")))
    found = {Path(item.source).name: item for item in _all([str(tmp_path)])}
    assert found["halaman.html.gz"].media_type == "text/html" and "<html" in found["halaman.html.gz"].text
    assert found["berita.txt.gz"].media_type == "text/plain" and found["berita.txt.gz"].text == STORY
    assert [found[f"dump.jsonl.gz#L{n}"].text for n in (1, 2, 3)] == [f"{STORY} Nomor {n}." for n in range(3)]
    assert found["arsip.tar.gz"].status == "skipped" and ".tar" in found["arsip.tar.gz"].reason
    assert found["unduhan.gz"].text == STORY


def test_gzip_is_recognised_by_its_bytes_under_any_name(tmp_path: Path):
    path = tmp_path / "unduhan.html"
    path.write_bytes(gzip.compress(ARTICLE_HTML.encode("utf-8")))
    [raw] = _all([str(path)])
    assert isinstance(raw, RawDocument) and "<html" in raw.text


def test_json_written_where_lines_were_expected_and_lines_under_a_json_name(tmp_path: Path):
    records = [{"title": f"Berita {n}", "text": f"{STORY} Nomor {n}."} for n in range(3)]
    (tmp_path / "a-rapi.jsonl").write_text(json.dumps(records, indent=2), encoding="utf-8")
    (tmp_path / "b-satu-baris.jsonl").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "c-baris.json").write_text("\n".join(json.dumps(r) for r in records) + "\n{rusak", encoding="utf-8")
    found = _all([str(tmp_path)])
    assert [Path(item.source).name for item in found] == [
        "a-rapi.jsonl#0", "a-rapi.jsonl#1", "a-rapi.jsonl#2",
        "b-satu-baris.jsonl#L1#0", "b-satu-baris.jsonl#L1#1", "b-satu-baris.jsonl#L1#2",
        "c-baris.json#L1", "c-baris.json#L2", "c-baris.json#L3", "c-baris.json#L4"]
    assert [item.hints["title"] for item in found[:9]] == [r["title"] for r in records] * 3
    assert found[-1].status == "rejected" and "line 4" in found[-1].reason


def test_a_record_whose_text_is_a_list_of_paragraphs(tmp_path: Path):
    path = tmp_path / "paragraf.jsonl"
    paragraphs = STORY.split("\n\n")
    path.write_text("\n".join(json.dumps(r) for r in [{"text": paragraphs}, {"text": [1, 2]}, {"text": 7}]),
                    encoding="utf-8")
    joined, numbers, number = _all([str(path)])
    assert joined.text == STORY
    assert "JSON list, not a string" in numbers.reason and "JSON int, not a string" in number.reason


def test_feed_items_without_a_link_are_read_from_the_feed(tmp_path: Path):
    body = STORY.replace("\n\n", "</p><p>")
    feed = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Kabar &amp; Lokal</title>
    <entry><title>Jalan &amp; saluran</title><updated>2024-10-19T08:00:00Z</updated>
    <content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry>
    <entry><title>Kosong</title></entry></feed>"""
    path = tmp_path / "kabar.atom"
    path.write_text(feed, encoding="utf-8")
    read, empty = _all([str(path)])
    assert isinstance(read, RawDocument) and read.source.endswith("kabar.atom#item0")
    assert "Medan menutup dua ruas" in read.text and read.hints["title"] == "Jalan & saluran"
    assert read.hints["outlet"] == "Kabar & Lokal" and read.hints["published"].startswith("2024-10-19T08:00")
    assert empty.status == "rejected" and "no link to fetch and no text" in empty.reason


def test_a_feed_item_whose_page_cannot_be_fetched_is_read_from_its_full_content_in_the_feed(tmp_path: Path):
    """Offline, or a page gone: before, every item with a link was rejected although the feed carried its
    whole text (content:encoded). A summary alone is no article: that item stays rejected, saying so."""
    body = STORY.replace("\n\n", "</p><p>")
    feed = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>Kabar Lokal</title>
    <item><title>Jalan ditutup</title><link>http://127.0.0.1:9/jalan</link>
      <description>Dua ruas jalan ditutup.</description><content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>
    <item><title>Ringkas saja</title><link>http://127.0.0.1:9/ringkas</link>
      <description>Dua ruas jalan ditutup.</description></item></channel></rss>"""
    path = tmp_path / "kabar.rss"
    path.write_text(feed, encoding="utf-8")
    whole, summary = _all([str(path)])
    assert isinstance(whole, RawDocument) and "Medan menutup dua ruas" in whole.text
    assert whole.source == "http://127.0.0.1:9/jalan" and whole.url == "http://127.0.0.1:9/jalan"
    assert whole.hints["title"] == "Jalan ditutup"
    assert isinstance(summary, InputOutcome) and summary.source == "http://127.0.0.1:9/ringkas"
    assert summary.reason == ("refused: 127.0.0.1 is a private or loopback address (use --allow-private); the feed "
                              "holds only a summary of the item")


def test_record_dates_in_unix_time_or_with_slashes_are_read(tmp_path: Path):
    """Dumps often keep Unix time (a number, or its digits; seconds or milliseconds) or '2019/09/12 10:00'.
    Before, the first was dropped and the second not read: the article got an estimated day instead."""
    from kabar.clean import clean

    path = tmp_path / "tanggal.jsonl"
    written = [1568282400, "1568282400000", "2019/09/12 17:00", "2019/9/12", 20190912, 10**400]
    path.write_text("".join(json.dumps({"text": f"{STORY} Nomor {n}.", "published": value}) + "\n"
                            for n, value in enumerate(written)), encoding="utf-8")
    published = [clean(raw, f"a-{n}").published for n, raw in enumerate(_all([str(path)]))]
    assert [day.isoformat() if day else None for day in published] == [
        "2019-09-12T10:00:00+00:00", "2019-09-12T10:00:00+00:00", "2019-09-12T17:00:00",
        "2019-09-12T00:00:00", None, None]


def test_records_as_common_scrapers_and_news_apis_write_them_keep_their_metadata(tmp_path: Path):
    """newspaper3k writes 'authors' (a list) and 'publish_date'; NewsAPI 'publishedAt' and 'source': {'name'};
    JSON-LD an author list of objects. Before, each of these was dropped, with no word."""
    records = [
        {"text": STORY, "authors": ["Ahmad Luthfi", "Budi Santoso"], "publish_date": "2019-09-12 10:00:00"},
        {"content": STORY + " Dua.", "publishedAt": "2019-09-12T03:00:00Z", "source": {"id": None, "name": "Kompas"}},
        {"text": STORY + " Tiga.", "author": [{"@type": "Person", "name": "Sri Wahyuni"}], "pubDate": "2019-09-12"},
    ]
    path = tmp_path / "scraper.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    first, second, third = (item.hints for item in _all([str(path)]))
    assert first["author"] == "Ahmad Luthfi, Budi Santoso" and first["published"] == "2019-09-12 10:00:00"
    assert second["published"] == "2019-09-12T03:00:00Z" and second["outlet"] == "Kompas"
    assert third["author"] == "Sri Wahyuni" and third["published"] == "2019-09-12"


def test_a_json_answer_wrapping_its_list_of_articles_is_read_record_by_record(tmp_path: Path):
    """A news API's saved answer ({"status": "ok", "articles": [...]}): before, the whole file was one
    rejection ('record has no text, html or content field')."""
    answer = {"status": "ok", "totalResults": 2, "articles": [
        {"title": "Jalan ditutup", "content": STORY, "publishedAt": "2024-10-19T01:00:00Z"},
        {"title": "Tanpa isi"}]}
    path = tmp_path / "jawaban.json"
    path.write_text(json.dumps(answer), encoding="utf-8")
    article, empty = _all([str(path)])
    assert isinstance(article, RawDocument) and article.source.endswith("jawaban.json#articles/0")
    assert article.hints["title"] == "Jalan ditutup"
    assert isinstance(empty, InputOutcome) and empty.source.endswith("jawaban.json#articles/1")


def test_a_record_with_a_list_of_author_objects_is_one_record_not_a_wrapper(tmp_path: Path):
    """A record whose text sits under a key the reader does not know, with one list of objects (its authors):
    before, each author was rejected as a record; now the record is one rejection."""
    record = {"title": "Jalan ditutup", "isi": STORY, "authors": [{"name": "Sri Wahyuni"}, {"name": "Budi"}]}
    path = tmp_path / "satu.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    [item] = _all([str(path)])
    assert isinstance(item, InputOutcome) and item.source.endswith("satu.json")
    assert item.reason == "record has no text, html or content field with article text"
