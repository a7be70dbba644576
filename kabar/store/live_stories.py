"""The SQL behind live stories (schema step 4): memberships, per-story summaries and term counts.

Kept apart from `Store` because only `kabar.stories.incremental` reads and writes these tables; it holds
the scoring, this module only the rows. Queries pass lists as one JSON parameter (`json_each`), so a
long list needs no placeholder per item.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from kabar.model import Story
from kabar.store.store import Store

Vector = dict[str, float]


class LiveStoryTables:
    def __init__(self, store: Store):
        self.store = store
        self.connection = store.connection

    def story_of(self, article_id: str) -> str | None:
        row = self.connection.execute("SELECT story_id FROM live_story_members WHERE article_id = ?",
                                      (article_id,)).fetchone()
        return row["story_id"] if row else None

    def member_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM live_story_members").fetchone()[0]

    def count_terms(self, view: str, terms: Iterable[str]) -> None:
        """One more article holds each of these terms."""
        self.connection.executemany(
            "INSERT INTO live_story_terms (view, term, articles) VALUES (?, ?, 1)"
            " ON CONFLICT (view, term) DO UPDATE SET articles = articles + 1",
            [(view, term) for term in terms],
        )

    def term_counts(self, view: str, terms: Iterable[str]) -> dict[str, int]:
        """How many articles hold each term (terms never seen are left out)."""
        rows = self.connection.execute(
            "SELECT term, articles FROM live_story_terms"
            " WHERE view = ? AND term IN (SELECT value FROM json_each(?))",
            (view, json.dumps(list(terms), ensure_ascii=False)),
        )
        return dict(rows.fetchall())  # (term, articles) pairs

    def stories_sharing(self, view: str, terms: list[str], since: str | None, until: str | None,
                        limit: int) -> list[str]:
        """Stories whose summary in `view` holds any of `terms`, most weight on them first, among those
        whose members' days (first to last) overlap `since` to `until` (stories with no dated member
        always qualify)."""
        sql = ("SELECT p.story_id FROM live_story_postings p JOIN live_stories s ON s.id = p.story_id"
               " WHERE p.view = ? AND p.term IN (SELECT value FROM json_each(?))")
        params: list[object] = [view, json.dumps(terms, ensure_ascii=False)]
        if since is not None and until is not None:
            sql += " AND (s.first_day IS NULL OR (s.first_day <= ? AND s.last_day >= ?))"
            params += [until, since]
        sql += " GROUP BY p.story_id ORDER BY sum(p.weight) DESC LIMIT ?"
        params.append(limit)
        return [row["story_id"] for row in self.connection.execute(sql, params)]

    def vectors(self, story_ids: list[str]) -> dict[str, dict[str, Vector]]:
        """story id → view → summed member vector."""
        rows = self.connection.execute(
            "SELECT story_id, view, vector FROM live_story_vectors"
            " WHERE story_id IN (SELECT value FROM json_each(?))",
            (json.dumps(story_ids),),
        )
        found: dict[str, dict[str, Vector]] = {story_id: {} for story_id in story_ids}
        for row in rows:
            found[row["story_id"]][row["view"]] = json.loads(row["vector"])
        return found

    def start_story(self, story_id: str, title: str) -> None:
        self.connection.execute("INSERT INTO live_stories (id, title, size) VALUES (?, ?, 0)", (story_id, title))

    def add_member(self, story_id: str, article_id: str, day: str | None, likeness: float | None,
                   vectors: dict[str, Vector], posted: Iterable[str]) -> None:
        """Record the membership, widen the story's days to `day`, and replace its summaries with
        `vectors`, posting the terms of those views named in `posted`."""
        c = self.connection
        c.execute("INSERT INTO live_story_members (article_id, story_id, day, likeness) VALUES (?, ?, ?, ?)",
                  (article_id, story_id, day, likeness))
        c.execute("UPDATE live_stories SET size = size + 1,"
                  " first_day = coalesce(min(first_day, :day), first_day, :day),"
                  " last_day = coalesce(max(last_day, :day), last_day, :day) WHERE id = :story",
                  {"day": day, "story": story_id})
        c.executemany("INSERT OR REPLACE INTO live_story_vectors (story_id, view, vector) VALUES (?, ?, ?)",
                      [(story_id, view, json.dumps(vector, ensure_ascii=False)) for view, vector in vectors.items()])
        for view in (view for view in posted if view in vectors):
            c.execute("DELETE FROM live_story_postings WHERE story_id = ? AND view = ?", (story_id, view))
            c.executemany("INSERT INTO live_story_postings (view, term, story_id, weight) VALUES (?, ?, ?, ?)",
                          [(view, term, story_id, weight) for term, weight in vectors[view].items()])

    def stories(self, article_ids: list[str]) -> list[Story]:
        """The live stories of these articles, each with only these of its members, in the order the
        articles are given."""
        rows = self.connection.execute(
            "SELECT m.article_id, m.story_id, s.title FROM live_story_members m JOIN live_stories s"
            " ON s.id = m.story_id WHERE m.article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(article_ids),),
        )
        home = {r["article_id"]: (r["story_id"], r["title"]) for r in rows}
        stories: dict[str, Story] = {}
        for article_id in article_ids:
            if article_id in home:
                story_id, title = home[article_id]
                stories.setdefault(story_id, Story(story_id, title, [])).articles.append(article_id)
        return list(stories.values())
