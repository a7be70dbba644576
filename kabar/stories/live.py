"""Live stories: each article, as it is stored, is placed by the same two-level grouping `kabar analyze` runs
(`kabar.stories.cluster.StoryGrouper`): it joins an event and that event's story or starts them, and the
fragments it bridges merge, so an article's event and story may change after it was placed. The store holds
the current ones (`kabar.store.live_stories`).

The grouper's state lives in the store and is read key by key as the grouper uses it: its mappings (events,
story summaries, merges, story links, postings) load an entry on first use, and the vocabulary loads the
counts of the terms of each article it counts. What one article touches is written back right after it is
placed, inside the caller's savepoint, so a failing article undoes its placement with its row, and the
groups depend on the order articles arrive in, not on how they are batched or on which process stored them.
Reads are by key, so the cost of placing an article follows what it touches, not the size of the store, and
memory holds one batch's working set (a `LiveStories` lives for one batch). Inverse document frequencies
count the articles placed so far: the store cannot know those still to come.

What `kabar analyze` adds when it reads its stories out, splitting a story or event into its cohesive parts,
needs every member's terms and is not done here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import TypeVar

import numpy as np

from kabar.model import Article, Story
from kabar.store import Store
from kabar.store.live_stories import LiveStoryTables, SummaryRow
from kabar.stories.cluster import (
    RECENT_EVENTS,
    TERM_VIEWS,
    Event,
    Features,
    StoryGrouper,
    Vocabulary,
    article_meanings,
    features,
)

EVENT, STORY = "event", "story"
MERGED_INTO, STORY_PARENT = "merged_into", "story_parent"
PLACED = "articles"

V = TypeVar("V")


class _Stored(MutableMapping[str, V]):
    """A mapping read from the store one key at a time, on first use. `changed` names the keys set or
    deleted since they were last written; iterating sees only what was read."""

    def __init__(self, load: Callable[[str], V | None], changed: set[str] | None = None) -> None:
        self._load = load
        self.cache: dict[str, V | None] = {}
        self.changed: set[str] = set() if changed is None else changed

    def __getitem__(self, key: str) -> V:
        if key not in self.cache:
            self.cache[key] = self._load(key)
        value = self.cache[key]
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: V) -> None:
        self.cache[key] = value
        self.changed.add(key)

    def __delitem__(self, key: str) -> None:
        self[key]  # noqa: B018 - a missing key raises KeyError
        self.cache[key] = None
        self.changed.add(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def get(self, key: str, default: V | None = None) -> V | None:  # type: ignore[override]
        if key not in self.cache:
            self.cache[key] = self._load(key)
        value = self.cache[key]
        return default if value is None else value

    def __iter__(self) -> Iterator[str]:
        return (key for key, value in self.cache.items() if value is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Posted(list[str]):
    """The events posted under one key: the most recent ones in the store, then those `added` since, the key
    kept in `pending` until they are written."""

    def __init__(self, key: str, stored: list[str], pending: dict[str, _Posted]) -> None:
        super().__init__(stored)
        self.key, self.pending = key, pending
        self.added: list[str] = []

    def append(self, event_id: str) -> None:
        super().append(event_id)
        self.added.append(event_id)
        self.pending[self.key] = self


class _Members(list[str]):
    """The members an event or story gained since its summary was written (the membership table holds the
    rest): the grouper changes a summary only as it adds members, so adding one marks the summary `changed`."""

    def __init__(self, summary_id: str, changed: set[str]) -> None:
        super().__init__()
        self.summary_id, self.changed = summary_id, changed

    def append(self, member: str) -> None:
        super().append(member)
        self.changed.add(self.summary_id)

    def extend(self, members: Iterable[str]) -> None:
        super().extend(members)
        self.changed.add(self.summary_id)


class _StoredVocabulary(Vocabulary):
    """Term counts read from the store for the terms of each article counted, and written back."""

    def __init__(self, tables: LiveStoryTables) -> None:
        super().__init__()
        self.tables = tables
        self.articles = tables.count(PLACED)
        self.changed: dict[str, set[str]] = {view: set() for view in TERM_VIEWS}

    def count(self, item: Features) -> None:
        for view, counts in item.terms.items():
            self.holding[view].update(self.tables.term_counts(view, [t for t in counts if t not in self.holding[view]]))
            self.changed[view].update(counts)
        super().count(item)

    def write(self) -> None:
        for view, terms in self.changed.items():
            self.tables.save_term_counts(view, {term: self.holding[view][term] for term in terms})
            terms.clear()
        self.tables.save_count(PLACED, self.articles)


class _StoredGrouper(StoryGrouper):
    def _forget_before(self, day: float) -> None:
        """Nothing to forget: the summaries stay in the store, and memory holds only what one batch read."""


def _row(event: Event) -> SummaryRow:
    meaning = None if event.meaning is None else event.meaning.astype(np.float32).tobytes()
    return SummaryRow(event.id, event.first, event.last,
                      json.dumps({"summary": event.summary, "lengths": event.lengths}, ensure_ascii=False),
                      json.dumps(sorted(event.posted), ensure_ascii=False), meaning)


def _event(row: SummaryRow | None, changed: set[str]) -> Event | None:
    """An event or story summary as stored, with no members yet (see `_Members`)."""
    if row is None:
        return None
    held = json.loads(row.summary)
    meaning = None if row.meaning is None else np.frombuffer(row.meaning, dtype=np.float32).copy()
    return Event(row.id, _Members(row.id, changed), row.first, row.last, held["summary"], held["lengths"],
                 set(json.loads(row.posted)), meaning)


def _summaries(tables: LiveStoryTables, kind: str) -> _Stored[Event]:
    changed: set[str] = set()
    summaries: _Stored[Event] = _Stored(lambda key: _event(tables.summary(kind, key), changed), changed)
    return summaries


def story_id(root_event: str) -> str:
    """A story is named after its root event, as `StoryGrouper.stories` names it."""
    return "s-" + root_event.removeprefix("e-")


class LiveStories:
    """Places stored articles in the store's live events and stories. It caches what it reads, so it serves
    one batch of writes, inside that batch's transaction; `place` belongs inside the article's savepoint."""

    def __init__(self, store: Store) -> None:
        self.tables = LiveStoryTables(store)
        self.posted_keys: set[str] = set()
        self.reread()

    def reread(self) -> None:
        """Forget what was read: after an article's writes were undone, the store no longer holds it."""
        tables = self.tables  # the loaders hold it, not self: no cycle keeps a batch's reads alive
        pending: dict[str, _Posted] = {}
        self.vocabulary = _StoredVocabulary(tables)
        self.grouper = _StoredGrouper(self.vocabulary)
        self.events, self.stories = _summaries(tables, EVENT), _summaries(tables, STORY)
        self.merged_into = _Stored(lambda key: tables.link(MERGED_INTO, key))
        self.story_parent = _Stored(lambda key: tables.link(STORY_PARENT, key))
        self.pending = pending
        self.postings: _Stored[list[str]] = _Stored(
            lambda key: _Posted(key, tables.postings(key, RECENT_EVENTS), pending))
        self.grouper.events, self.grouper.story_summaries = self.events, self.stories
        self.grouper.merged_into, self.grouper.story_parent = self.merged_into, self.story_parent
        self.grouper.postings = self.postings

    def place(self, article: Article, meaning: np.ndarray | None) -> str:
        """Place a stored article (`meaning`: its `article_meanings` row) and return its story's id; an article
        placed before keeps its current story."""
        placed = self.tables.story_of(article.id)
        if placed is not None:
            return placed
        item = features(article, meaning)
        self.vocabulary.count(item)
        event_id = self.grouper.add(item)
        self._write_summaries()
        root = self.grouper.story_of(event_id)
        self.tables.start_story(story_id(root), article.title or article.id)
        self.tables.add_member(article.id, event_id, story_id(root))
        return story_id(root)

    def _write_summaries(self) -> None:
        """Write back what the last article changed: the summaries it started, joined, merged or merged away,
        the links set, the events posted, the term counts; move the members of merged events and stories to
        the ones they were merged into."""
        for kind, summaries in ((EVENT, self.events), (STORY, self.stories)):
            for key in summaries.changed:
                summary = summaries.cache[key]
                if summary is None:
                    self.tables.delete_summary(kind, key)
                else:
                    self.tables.save_summary(kind, _row(summary))
                    summary.members = _Members(key, summaries.changed)
            summaries.changed.clear()
        for relation, links in ((MERGED_INTO, self.merged_into), (STORY_PARENT, self.story_parent)):
            for key in links.changed:
                self.tables.save_link(relation, key, links[key])
        for key in self.merged_into.changed:
            self.tables.move_event(key, self.grouper.live_event(key))
        for key in self.story_parent.changed:
            root = self.grouper.story_of(key)
            if key != root:
                self.tables.move_story(story_id(key), story_id(root))
        self.merged_into.changed.clear()
        self.story_parent.changed.clear()
        self.tables.post([(key, event_id) for key, posted in self.pending.items() for event_id in posted.added])
        for posted in self.pending.values():
            posted.added.clear()
        self.posted_keys.update(self.pending)
        self.pending.clear()
        self.vocabulary.write()

    def finish(self) -> None:
        """Drop the postings no article will read again (only the RECENT_EVENTS last under each key are)."""
        self.tables.prune_postings(self.posted_keys, RECENT_EVENTS)
        self.posted_keys.clear()


def live_stories(store: Store, articles: list[Article]) -> list[Story]:
    """The live stories of these stored articles (placing, in the order given, any stored without one: by
    `kabar analyze`, or before this grouping), each holding only these articles."""
    tables = LiveStoryTables(store)
    unplaced = set(tables.unplaced([article.id for article in articles]))
    waiting = [article for article in articles if article.id in unplaced]
    if waiting:
        with store.transaction():
            live = LiveStories(store)
            for article, meaning in zip(waiting, article_meanings(waiting), strict=True):
                live.place(article, meaning)
            live.finish()
    return tables.stories([article.id for article in articles])
