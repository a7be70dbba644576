"""Live stories: each stored article joins a story already in the store or starts one, once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kabar import pipeline
from kabar.eval.stories import GOLD, evaluate_live
from kabar.store import Store
from kabar.store.live_stories import LiveStoryTables
from kabar.store.migrations import MIGRATIONS
from kabar.stories.incremental import assign_story, live_stories

RICE = ["44-wartaibukota.txt", "45-sinarpagi.txt", "47-beritaselaras.txt"]
DRONE = ["21-detaknusa.txt", "22-beritaselaras.txt", "24-gemarakyat.txt"]


def _paths(names: list[str]) -> list[str]:
    return [str(GOLD / name) for name in names]


def _stories(store: Store, result: pipeline.IngestResult) -> list[str]:
    tables = LiveStoryTables(store)
    return [tables.story_of(article_id) for article_id in result.article_ids]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "live.sqlite") as opened:
        yield opened


def test_bcubed_of_live_stories_on_the_labelled_set():
    scores = evaluate_live()
    assert scores.f1 >= 0.9, (scores.precision, scores.recall, scores.clusters)
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
    assert store.connection.execute("SELECT size FROM live_stories WHERE id = ?", (story,)).fetchone()[0] == 1


def test_the_same_report_a_year_later_is_outside_the_window(store: Store, tmp_path: Path):
    [story] = _stories(store, pipeline.ingest(_paths(RICE[:1]), store))
    year_later = tmp_path / "year-later.txt"
    year_later.write_text((GOLD / RICE[0]).read_text("utf-8").replace("2025", "2026"), encoding="utf-8")
    [again] = _stories(store, pipeline.ingest([str(year_later)], store))
    assert again != story


def test_placing_is_done_once_and_reruns_change_nothing(store: Store):
    result = pipeline.ingest(_paths(RICE), store)
    snapshot = [store.connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("live_story_members", "live_stories", "live_story_terms")]
    pipeline.ingest(_paths(RICE), store)
    for article in store.articles(result.article_ids):
        assert assign_story(store, article) == LiveStoryTables(store).story_of(article.id)
    assert snapshot == [store.connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                        for table in ("live_story_members", "live_stories", "live_story_terms")]


def test_a_store_from_before_live_stories_is_upgraded_and_its_articles_placed(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    with Store(path) as store:
        result = pipeline.ingest(_paths(RICE + DRONE), store)
    connection = sqlite3.connect(path)  # back to schema 3: the live tables dropped, the articles kept
    live = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " AND name LIKE 'live%' ORDER BY name DESC")]
    connection.executescript("".join(f"DROP TABLE {table};" for table in live) + "PRAGMA user_version = 3;")
    connection.close()
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert LiveStoryTables(store).story_of(result.article_ids[0]) is None
        stories = live_stories(store, list(store.articles(result.article_ids)))
    assert sorted(sorted(story.articles) for story in stories) == sorted(
        [sorted(result.article_ids[:3]), sorted(result.article_ids[3:])])
