"""Live stories: each stored article is placed by the two-level grouping, its state kept in the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kabar import pipeline
from kabar.eval.stories import GOLD, evaluate_live
from kabar.store import Store
from kabar.store.live_stories import LiveStoryTables
from kabar.store.migrations import MIGRATIONS
from kabar.stories.cluster import StoryGrouper, article_meanings, features
from kabar.stories.live import LiveStories, live_stories

RICE = ["44-wartaibukota.txt", "45-sinarpagi.txt", "47-beritaselaras.txt"]
DRONE = ["21-detaknusa.txt", "22-beritaselaras.txt", "24-gemarakyat.txt"]
# the labelled set in this order (every third report first, then the others) has late reports merge events (and
# their stories) placed before them
_LABELLED = sorted(str(path) for path in GOLD.glob("*.txt"))
BRIDGED = _LABELLED[::3] + [path for n, path in enumerate(_LABELLED) if n % 3]
STATE = ("live_story_members", "live_stories", "live_summaries", "live_links", "live_terms", "live_counts")


def _paths(names: list[str]) -> list[str]:
    return [str(GOLD / name) for name in names]


def _stories(store: Store, result: pipeline.IngestResult) -> list[str | None]:
    tables = LiveStoryTables(store)
    return [tables.story_of(article_id) for article_id in result.article_ids]


def _state(store: Store) -> list[list[tuple]]:
    return [[tuple(row) for row in store.connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in STATE]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "live.sqlite") as opened:
        yield opened


def test_bcubed_of_live_stories_on_the_labelled_set():
    scores = evaluate_live()
    assert scores.f1 >= 0.8, (scores.precision, scores.recall, scores.clusters)
    placed = sorted(m for members in scores.clusters for m in members)
    assert placed == sorted(scores.labels)


def test_ingest_places_each_article_with_its_own_story(store: Store):
    stories = _stories(store, pipeline.ingest(_paths(RICE + DRONE), store))
    assert len(set(stories[:3])) == 1
    assert len(set(stories[3:])) == 1
    assert stories[0] != stories[3]


def test_a_later_report_joins_the_story_already_stored(store: Store):
    first = _stories(store, pipeline.ingest(_paths(RICE + DRONE), store))
    later = _stories(store, pipeline.ingest(_paths(["48-pelitakota.txt", "25-sinarpagi.txt"]), store))
    assert later == [first[0], first[3]]


def test_an_unrelated_article_starts_a_story(store: Store):
    known = set(_stories(store, pipeline.ingest(_paths(RICE + DRONE), store)))
    [story] = _stories(store, pipeline.ingest(_paths(["29-metrosentana.txt"]), store))
    assert story not in known
    assert store.connection.execute("SELECT count(*) FROM live_story_members WHERE story_id = ?",
                                    (story,)).fetchone()[0] == 1


def test_the_same_report_a_year_later_is_outside_the_window(store: Store, tmp_path: Path):
    [story] = _stories(store, pipeline.ingest(_paths(RICE[:1]), store))
    year_later = tmp_path / "year-later.txt"
    year_later.write_text((GOLD / RICE[0]).read_text("utf-8").replace("2025", "2026"), encoding="utf-8")
    [again] = _stories(store, pipeline.ingest([str(year_later)], store))
    assert again != story


def test_placing_is_done_once_and_reruns_change_nothing(store: Store):
    result = pipeline.ingest(_paths(RICE), store)
    before = _state(store)
    pipeline.ingest(_paths(RICE), store)
    with store.transaction():
        live = LiveStories(store)
        for article in store.articles(result.article_ids):
            assert live.place(article, None) == LiveStoryTables(store).story_of(article.id)
    assert _state(store) == before


def test_the_groups_do_not_depend_on_how_the_articles_were_batched(tmp_path: Path):
    states = []
    for batch_size in (1, 7, 500):
        with Store(tmp_path / f"batched-{batch_size}.sqlite") as store:
            pipeline.ingest(BRIDGED, store, batch_size=batch_size)
            states.append(_state(store))
    assert states[0] == states[1] == states[2]


def test_the_stored_grouping_is_the_grouper_run_in_memory(store: Store):
    """Reading the grouper's state from the store article by article changes nothing it decides: the same
    events and stories, merges included, as one grouper holding everything in memory."""
    result = pipeline.ingest(BRIDGED, store)
    articles = list(store.articles(result.article_ids))
    grouper = StoryGrouper()
    for article, meaning in zip(articles, article_meanings(articles), strict=True):
        grouper.add(features(article, meaning))
    order = {article.id: n for n, article in enumerate(articles)}
    expected = {(story.id, frozenset(frozenset(e.articles) for e in story.events))
                for story in grouper.stories({}, order)}
    stored = {(story.id, frozenset(frozenset(e.articles) for e in story.events)) for story in live_stories(store, articles)}
    assert stored == expected
    assert store.connection.execute("SELECT count(*) FROM live_links WHERE relation = 'merged_into'").fetchone()[0]


def test_a_store_from_before_live_stories_is_upgraded_and_its_articles_placed(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    with Store(path) as store:
        result = pipeline.ingest(_paths(RICE + DRONE), store)
    connection = sqlite3.connect(path)  # back to schema 3: the live tables and later columns dropped, the articles kept
    live = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " AND name LIKE 'live%' ORDER BY name DESC")]
    connection.executescript("".join(f"DROP TABLE {table};" for table in live)
                             + "ALTER TABLE stories DROP COLUMN failure; ALTER TABLE analysis DROP COLUMN fallbacks;"
                             + "PRAGMA user_version = 3;")
    connection.close()
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert LiveStoryTables(store).story_of(result.article_ids[0]) is None
        stories = live_stories(store, list(store.articles(result.article_ids)))
    assert sorted(sorted(story.articles) for story in stories) == sorted(
        [sorted(result.article_ids[:3]), sorted(result.article_ids[3:])])


def _reads_placing_after(copies: int, folder: Path) -> int:
    """The queries that read the store while one report is placed, after `copies` earlier tellings of it were
    placed a year apart each (its words posted under as many events, none within its window)."""
    text = (GOLD / RICE[0]).read_text("utf-8")
    folder.mkdir()
    with Store(folder / "live.sqlite") as store:
        for year in range(2030, 2030 + copies + 1):
            path = folder / f"{year}.txt"
            path.write_text(text.replace("2025", str(year)), encoding="utf-8")
            result = pipeline.ingest([str(path)], store, place_stories=year < 2030 + copies)
        [article] = store.articles(result.article_ids)
        reads: list[str] = []
        store.connection.set_trace_callback(lambda sql: reads.append(sql) if sql.startswith("SELECT") else None)
        with store.transaction():
            LiveStories(store).place(article, article_meanings([article])[0])
        store.connection.set_trace_callback(None)
    return len(reads)


def test_placing_reads_as_often_however_many_events_its_words_were_posted_under(tmp_path: Path):
    """Candidates are read a few queries per article (postings, merges, days, then summaries within the
    window only), not one per event posted: the cost of placing does not grow with what the store holds."""
    assert _reads_placing_after(8, tmp_path / "eight") == _reads_placing_after(2, tmp_path / "two")


def test_the_days_of_events_outside_the_window_are_read_once_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The events posted under a report's words a year before and more are passed over by the next report of
    the batch too: their days are read once, not for every article that looks them up."""
    waiting = []
    with Store(tmp_path / "live.sqlite") as store:
        for year, name in [(2030, RICE[0]), (2031, RICE[0]), (2032, RICE[0]), (2033, RICE[0]), (2033, RICE[1])]:
            path = tmp_path / f"{year}-{name}"
            path.write_text((GOLD / name).read_text("utf-8").replace("2025", str(year)), encoding="utf-8")
            result = pipeline.ingest([str(path)], store, place_stories=year < 2033)
            waiting += result.article_ids if year == 2033 else []
        asked: list[list[str]] = []
        days = LiveStoryTables.days
        monkeypatch.setattr(LiveStoryTables, "days", lambda tables, kind, ids: asked.append(ids) or days(tables, kind, ids))
        with store.transaction():
            live = LiveStories(store)
            for article in store.articles(waiting):
                live.place(article, None)
    assert len(waiting) == 2 and asked[0], "the reports a year apart were not among the first one's candidates"
    assert all(set(asked[0]).isdisjoint(later) for later in asked[1:])


def test_a_live_story_without_headline_is_named_by_its_opening_words(store: Store, tmp_path: Path):
    feed = tmp_path / "untitled.jsonl"
    feed.write_text('{"text": "- Banjir merendam 300 rumah di Kecamatan Sigi Biromaru setelah Sungai Gumbasa meluap'
                    ' pada Senin malam. BPBD Sigi mengerahkan perahu karet."}\n', encoding="utf-8")
    [story] = _stories(store, pipeline.ingest([str(feed)], store))
    [title] = store.connection.execute("SELECT title FROM live_stories WHERE id = ?", (story,)).fetchone()
    assert title == "Banjir merendam 300 rumah di Kecamatan Sigi Biromaru setelah Sungai Gumbasa meluap…"
