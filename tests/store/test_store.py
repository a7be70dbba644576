"""The SQLite store: schema upgrades, round trips, search, and surviving a crash mid-ingest."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kabar.errors import StoreError
from kabar.export import StoryExport
from kabar.model import (
    Article,
    BriefSentence,
    Claim,
    ClaimGroup,
    DateEstimate,
    Entity,
    Evidence,
    InputOutcome,
    Paragraph,
    Quote,
    RawDocument,
    Removed,
    Span,
    Story,
    TimelineEntry,
    When,
)
from kabar.store import Store
from kabar.store.migrations import LATEST, MIGRATIONS

WIB = timezone(timedelta(hours=7))


def _article(number: int, text: str, outlet: str = "Warta Contoh", published: datetime | None = None) -> tuple:
    raw = RawDocument(f"a{number}.txt", text.encode(), text, "text/plain")
    article = Article(
        id=f"a-{number}", source=raw.source, text=text, outlet=outlet, title=f"Judul {number}",
        published=published, paragraphs=[Paragraph(0, len(text))], removed=[Removed("Baca Juga: x", "related")],
        published_estimate=None if published else DateEstimate("2024-11-01", None, "disebut awal November"),
        wire_sources=["AFP"], sha256=raw.sha256,
    )
    return article, raw


def test_a_new_store_is_at_the_latest_schema_with_wal(tmp_path: Path):
    with Store(tmp_path / "k.sqlite") as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize("version", range(1, LATEST))
def test_an_older_store_is_upgraded_on_open_and_keeps_its_rows(tmp_path: Path, version: int):
    path = tmp_path / "old.sqlite"
    connection = sqlite3.connect(path)
    connection.executescript(";".join(MIGRATIONS[:version]) + f";PRAGMA user_version = {version};")
    connection.execute(
        "INSERT INTO inputs (source, received_at, status, reason) VALUES ('x.pdf', '2024-11-01', 'rejected', 'pdf')"
    )
    connection.commit()
    connection.close()
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert store.outcomes() == [InputOutcome("x.pdf", "rejected", "pdf")]
        assert store.outcomes(store.run_id) == []
        assert store.load_analysis() is None


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path):
    path = tmp_path / "new.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_store_answering_locked_at_once_is_opened_again_until_it_is_free(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch):
    from kabar.store import store as store_module
    answers, real_migrate = iter([sqlite3.OperationalError("database is locked")]), store_module.migrate

    def migrate_once_locked(connection: sqlite3.Connection) -> int:
        for answer in answers:
            raise answer  # another process is turning on the write-ahead log of the same new file
        return real_migrate(connection)

    monkeypatch.setattr(store_module, "migrate", migrate_once_locked)
    monkeypatch.setattr(store_module, "OPEN_RETRY_FIRST_PAUSE_S", 0.01)
    with Store(tmp_path / "k.sqlite") as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_a_store_that_is_no_database_is_refused_at_once(tmp_path: Path):
    path = tmp_path / "k.sqlite"
    path.write_bytes(b"not a database at all, just some text written over many bytes" * 20)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


def test_outcomes_can_be_read_per_run(tmp_path: Path):
    path = tmp_path / "k.sqlite"
    with Store(path) as first:
        first.record_input(InputOutcome("a.txt", "rejected", "empty"))
        first_run = first.run_id
    with Store(path) as second:
        second.record_input(InputOutcome("b.txt", "duplicate", "same content", "abc", None))
        assert [o.source for o in second.outcomes(second.run_id)] == ["b.txt"]
        assert [o.source for o in second.outcomes(first_run)] == ["a.txt"]
        assert [o.source for o in second.outcomes()] == ["a.txt", "b.txt"]


def test_article_round_trip_keeps_dates_zone_and_estimate(tmp_path: Path):
    published = datetime(2024, 10, 19, 17, 0, tzinfo=WIB)
    first, raw1 = _article(1, "Sekitar 1.500 tentara dikirim.", published=published)
    second, raw2 = _article(2, "Tanpa tanggal yang dicetak.")
    with Store(tmp_path / "k.sqlite") as store:
        store.add_article(first, raw1)
        store.add_article(second, raw2)
        assert store.article("a-1") == first
        assert store.article("a-2").published_estimate == second.published_estimate
        assert store.raw_content(raw1.sha256) == raw1.content
        assert store.has_content(raw1.sha256) == "a-1"


def test_annotations_round_trip(tmp_path: Path):
    article, raw = _article(1, "Korut mengirim pasukan.")
    layers = {"entities": [Span(0, 5, "GPE", {"entity": "ent-korea-utara"})]}
    with Store(tmp_path / "k.sqlite") as store:
        store.add_article(article, raw)
        store.save_annotations("a-1", layers)
        assert store.load_annotations("a-1") == layers


def test_search_matches_stems_and_filters_by_outlet_and_date(tmp_path: Path):
    rows = [
        _article(1, "Korea Utara mengirimkan pasukan ke Rusia.", "Warta A", datetime(2024, 10, 19, 9, tzinfo=WIB)),
        _article(2, "Pengiriman pasukan dibantah Kremlin.", "Warta B", datetime(2024, 11, 2, 9, tzinfo=WIB)),
        _article(3, "Harga cabai naik di pasar induk.", "Warta A", datetime(2024, 10, 20, 9, tzinfo=WIB)),
    ]
    with Store(tmp_path / "k.sqlite") as store:
        for article, raw in rows:
            store.add_article(article, raw)
        assert {h.article_id for h in store.search("pengiriman pasukan")} == {"a-1", "a-2"}
        assert [h.article_id for h in store.search("dikirim", outlet="warta a")] == ["a-1"]
        assert [h.article_id for h in store.search("pasukan", since=date(2024, 11, 1))] == ["a-2"]
        assert [h.article_id for h in store.search("pasukan", until=date(2024, 10, 31))] == ["a-1"]
        hit = store.search("pengiriman pasukan", outlet="warta b")[0]
        assert [hit.snippet[s:e] for s, e in hit.matches] == ["Pengiriman", "pasukan"]
        assert store.search("   ") == []


def _analysis(article: Article) -> StoryExport:
    said = Evidence(article.id, 0, 11, article.text[:11])
    when = When("2024-10-18", "day", None, "Jumat lalu")
    return StoryExport(
        articles=[article],
        stories=[Story("story-1", "Pasukan ke Rusia", [article.id])],
        entities=[Entity("ent-korut", "Korea Utara", "GPE", ["Korut"], ["pengirim"], [said], "ent-pyongyang")],
        quotes=[Quote("q-1", "ent-nis", "ribuan tentara", False, "menurut", said, via="Yonhap")],
        claims=[
            Claim("c-1", "quantity", "1.500 tentara", "ent-nis", "hedged", [said], "ent-korut",
                  {"value": 1500, "unit": "tentara", "approx": True}, when, {"source_type": "intelligence"}),
            Claim("c-2", "statement", "dibantah", "ent-kremlin", "denied", [said]),
        ],
        claim_groups=[ClaimGroup("g-1", "jumlah pasukan", ["c-1", "c-2"], "disputed", 2, "dibantah")],
        timeline=[TimelineEntry(when, "Pengiriman pertama", [said], ["c-1"])],
        brief=[BriefSentence("Korea Utara disebut mengirim pasukan.", [said])],
        brief_language="id",
        inputs=[{"source": "a1.txt", "status": "stored", "reason": None, "article": article.id}],
        fallbacks=["finding copies failed: MemoryError; no article is marked a copy"],
    )


def test_analysis_round_trips_and_its_key_columns_can_be_queried(tmp_path: Path):
    article, raw = _article(1, "Korea Utara mengirim pasukan ke Rusia.", published=datetime(2024, 10, 19, tzinfo=WIB))
    analysis = _analysis(article)
    with Store(tmp_path / "k.sqlite") as store:
        store.add_article(article, raw)
        store.save_analysis(analysis)
        assert store.load_analysis() == analysis
        denied = store.connection.execute("SELECT id FROM claims WHERE stance = 'denied'").fetchall()
        assert [row[0] for row in denied] == ["c-2"]
        analysis.claims = analysis.claims[:1]
        store.save_analysis(analysis)
        assert store.load_analysis() == analysis


def test_an_analysis_citing_an_unstored_story_article_is_refused_whole(tmp_path: Path):
    article, raw = _article(1, "Korea Utara mengirim pasukan ke Rusia.")
    analysis = _analysis(article)
    with Store(tmp_path / "k.sqlite") as store:
        store.add_article(article, raw)
        store.save_analysis(analysis)
        analysis.stories[0].articles.append("a-missing")
        with pytest.raises(sqlite3.IntegrityError):
            store.save_analysis(replace(analysis, claims=[]))
        assert len(store.load_analysis().claims) == 2


CRASHING_WRITER = textwrap.dedent(
    """
    import os, sys
    from kabar.model import Article, RawDocument
    from kabar.store import Store

    store = Store(sys.argv[1])
    for batch in range(10):
        with store.transaction():
            for n in range(batch * 20, batch * 20 + 20):
                text = f"Artikel nomor {n} tentang pasukan."
                raw = RawDocument(f"{n}.txt", text.encode(), text, "text/plain")
                if store.has_content(raw.sha256):
                    continue
                store.add_article(Article(id=f"a-{n}", source=raw.source, text=text), raw)
                if n == int(sys.argv[2]):
                    os._exit(9)
    """
)


def test_a_crash_mid_batch_leaves_a_consistent_store_and_a_rerun_finishes(tmp_path: Path):
    path = tmp_path / "k.sqlite"
    script = tmp_path / "writer.py"
    script.write_text(CRASHING_WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    crashed = subprocess.run([sys.executable, str(script), str(path), "87"], env=env, check=False)
    assert crashed.returncode == 9
    with Store(path) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count_articles() == 80  # four whole batches; the fifth was rolled back
        orphans = store.connection.execute(
            "SELECT count(*) FROM articles a LEFT JOIN raw r ON r.sha256 = a.sha256 "
            "LEFT JOIN article_search s ON s.article_id = a.id WHERE r.sha256 IS NULL OR s.article_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finished = subprocess.run([sys.executable, str(script), str(path), "-1"], env=env, check=False)
    assert finished.returncode == 0
    with Store(path) as store:
        assert store.count_articles() == 200


def test_a_story_analysed_in_part_keeps_its_reason_in_the_store(tmp_path: Path):
    article, raw = _article(1, "Korea Utara mengirim pasukan ke Rusia.", published=datetime(2024, 10, 19, tzinfo=WIB))
    analysis = _analysis(article)
    analysis.stories[0].failure = "claim groups failed: RuntimeError: injected fault"
    with Store(tmp_path / "k.sqlite") as store:
        store.add_article(article, raw)
        store.save_analysis(analysis)
        assert store.load_analysis() == analysis
