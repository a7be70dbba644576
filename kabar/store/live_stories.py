"""The SQL behind live stories (schema step 6): memberships, and the state of the two-level grouping that
places each article as it is stored (summaries, links, postings, term counts).

Kept apart from `Store` because only `kabar.stories.live` reads and writes these tables; it holds the
grouping, this module only the rows. Every read is by key, so its cost follows what one article touches,
not the size of the store. Queries pass lists as one JSON parameter (`json_each`), so a long list needs no
placeholder per item.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from kabar.model import Story
from kabar.store.store import Store


@dataclass
class SummaryRow:
    """One event's or story's summary as stored: its days, the JSON of its term summaries and posted keys,
    and the bytes of its summed embedding."""

    id: str
    first: float | None
    last: float | None
    summary: str
    posted: str
    meaning: bytes | None


class LiveStoryTables:
    def __init__(self, store: Store):
        self.store = store
        self.connection = store.connection

    # memberships and stories, as readers see them

    def story_of(self, article_id: str) -> str | None:
        row = self.connection.execute("SELECT story_id FROM live_story_members WHERE article_id = ?",
                                      (article_id,)).fetchone()
        return row["story_id"] if row else None

    def add_member(self, article_id: str, event_id: str, story_id: str) -> None:
        self.connection.execute("INSERT INTO live_story_members (article_id, event_id, story_id) VALUES (?, ?, ?)",
                                (article_id, event_id, story_id))

    def start_story(self, story_id: str, title: str) -> None:
        """A story's row, unless it has one."""
        self.connection.execute("INSERT OR IGNORE INTO live_stories (id, title) VALUES (?, ?)", (story_id, title))

    def move_event(self, event_id: str, into: str, story_id: str) -> None:
        """The members of a merged event now belong to the event it was merged into, and to that event's story."""
        self.connection.execute("UPDATE live_story_members SET event_id = ?, story_id = ? WHERE event_id = ?",
                                (into, story_id, event_id))

    def unplaced(self, article_ids: list[str]) -> list[str]:
        """Those of these articles that have no live story yet, in the order given."""
        placed = {row[0] for row in self.connection.execute(
            "SELECT article_id FROM live_story_members WHERE article_id IN (SELECT value FROM json_each(?))",
            (_listed(article_ids),))}
        return [article_id for article_id in article_ids if article_id not in placed]

    def stories(self, article_ids: list[str]) -> list[Story]:
        """The live stories of these articles, each with only these of its members and its events, in the
        order the articles are given."""
        rows = self.connection.execute(
            "SELECT m.article_id, m.event_id, m.story_id, s.title FROM live_story_members m JOIN live_stories s"
            " ON s.id = m.story_id WHERE m.article_id IN (SELECT value FROM json_each(?))",
            (_listed(article_ids),),
        )
        home = {r["article_id"]: (r["story_id"], r["event_id"], r["title"]) for r in rows}
        stories: dict[str, Story] = {}
        events: dict[str, Story] = {}
        for article_id in article_ids:
            if article_id in home:
                story_id, event_id, title = home[article_id]
                story = stories.setdefault(story_id, Story(story_id, title, []))
                story.articles.append(article_id)
                if event_id not in events:
                    events[event_id] = Story(event_id, title, [])
                    story.events.append(events[event_id])
                events[event_id].articles.append(article_id)
        return list(stories.values())

    # the grouping's state

    def summaries(self, kind: str, summary_ids: list[str]) -> dict[str, SummaryRow]:
        rows = self.connection.execute("SELECT id, first, last, summary, posted, meaning FROM live_summaries"
                                       " WHERE kind = ? AND id IN (SELECT value FROM json_each(?))",
                                       (kind, _listed(summary_ids)))
        return {row[0]: SummaryRow(*row) for row in rows}

    def days(self, kind: str, summary_ids: list[str]) -> dict[str, tuple[float | None, float | None]]:
        """The first and last day of each of these events or stories that stands (their summaries unread)."""
        rows = self.connection.execute("SELECT id, first, last FROM live_summaries"
                                       " WHERE kind = ? AND id IN (SELECT value FROM json_each(?))",
                                       (kind, _listed(summary_ids)))
        return {row[0]: (row[1], row[2]) for row in rows}

    def save_summary(self, kind: str, row: SummaryRow) -> None:
        self.connection.execute("INSERT OR REPLACE INTO live_summaries"
                                " (kind, id, first, last, summary, posted, meaning) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                (kind, row.id, row.first, row.last, row.summary, row.posted, row.meaning))

    def delete_summary(self, kind: str, summary_id: str) -> None:
        self.connection.execute("DELETE FROM live_summaries WHERE kind = ? AND id = ?", (kind, summary_id))

    def links(self, relation: str, sources: list[str]) -> dict[str, str]:
        rows = self.connection.execute("SELECT id, target FROM live_links"
                                       " WHERE relation = ? AND id IN (SELECT value FROM json_each(?))",
                                       (relation, _listed(sources)))
        return dict(rows.fetchall())

    def save_link(self, relation: str, source: str, target: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO live_links (relation, id, target) VALUES (?, ?, ?)",
                                (relation, source, target))

    def postings(self, keys: list[str], most: int) -> dict[str, list[str]]:
        """The `most` events posted last under each of these keys, oldest first (keys with none left out)."""
        rows = self.connection.execute(
            "SELECT key, event_id FROM (SELECT key, event_id, rowid AS posted, row_number() OVER"
            " (PARTITION BY key ORDER BY rowid DESC) AS recency FROM live_postings"
            " WHERE key IN (SELECT value FROM json_each(?))) WHERE recency <= ? ORDER BY posted",
            (_listed(keys), most))
        found: dict[str, list[str]] = {}
        for key, event_id in rows:
            found.setdefault(key, []).append(event_id)
        return found

    def post(self, rows: Iterable[tuple[str, str]]) -> None:
        """(key, event id) pairs, in the order they were posted."""
        self.connection.executemany("INSERT INTO live_postings (key, event_id) VALUES (?, ?)", rows)

    def prune_postings(self, keys: Iterable[str], kept: int) -> None:
        """Only the `kept` most recent events under each key are ever read: drop the older ones."""
        self.connection.execute(
            "DELETE FROM live_postings WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER"
            " (PARTITION BY key ORDER BY rowid DESC) AS recency FROM live_postings"
            " WHERE key IN (SELECT value FROM json_each(?))) WHERE recency > ?)",
            (_listed(keys), kept))

    def term_counts(self, view: str, terms: Iterable[str]) -> dict[str, int]:
        """How many articles hold each term (terms never seen are left out)."""
        rows = self.connection.execute(
            "SELECT term, articles FROM live_terms WHERE view = ? AND term IN (SELECT value FROM json_each(?))",
            (view, _listed(terms)),
        )
        return dict(rows.fetchall())

    def save_term_counts(self, view: str, counts: dict[str, int]) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO live_terms (view, term, articles) VALUES (?, ?, ?)",
                                    [(view, term, n) for term, n in counts.items()])

    def count(self, name: str) -> int:
        row = self.connection.execute("SELECT value FROM live_counts WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    def save_count(self, name: str, value: int) -> None:
        self.connection.execute("INSERT OR REPLACE INTO live_counts (name, value) VALUES (?, ?)", (name, value))


def _listed(values: Iterable[str]) -> str:
    """A list as one JSON parameter, for `json_each`."""
    return json.dumps(list(values), ensure_ascii=False)
