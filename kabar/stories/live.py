"""Live stories: each article, as it is stored, is placed by the same two-level grouping `kabar analyze` runs
(`kabar.stories.cluster.StoryGrouper`): it joins an event and that event's story or starts them, and the
fragments it bridges merge, so an article's event and story may change after it was placed. The store holds
the current ones (`kabar.store.live_stories`).

The grouper's state lives in the store and is read by key as the grouper uses it: its mappings (events,
story summaries, merges, story links, postings) load an entry on first use, many entries in one query where
the grouper knows them ahead (a newcomer's candidates: see `_StoredGrouper`), and the vocabulary loads the
counts of the terms of each article it counts. What one article touches is written back right after it is
placed, inside the caller's savepoint, so a failing article undoes its placement with its row, and the
groups depend on the order articles arrive in, not on how they are batched or on which process stored them.
Reads are by key, a few queries an article, and a stored event's summary is read only once its days are
found within the window, so the cost of placing an article follows what it touches, not the size of the
store, and memory holds one batch's working set (a `LiveStories` lives for one batch). Inverse document
frequencies count the articles placed so far: the store cannot know those still to come.

What `kabar analyze` adds when it reads its stories out, splitting a story or event into its cohesive parts,
needs every member's terms and is not done here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import TypeVar

import numpy as np

from kabar.model import Article, Story
from kabar.store import Store
from kabar.store.live_stories import LiveStoryTables, SummaryRow
from kabar.stories.cluster import (
    CANDIDATES,
    RECENT_EVENTS,
    STORY_DAYS,
    TERM_VIEWS,
    Event,
    Features,
    StoryGrouper,
    Vector,
    Vocabulary,
    article_meanings,
    days_apart,
    features,
)
from kabar.stories.titles import headline_of

EVENT, STORY = "event", "story"
MERGED_INTO, STORY_PARENT = "merged_into", "story_parent"
PLACED = "articles"

V = TypeVar("V")


class _Stored(MutableMapping[str, V]):
    """A mapping read from the store on first use, many keys in one query where the grouper knows them ahead
    (`load`). `changed` names the keys set or deleted since they were last written; iterating sees only what
    was read."""

    def __init__(self, load_many: Callable[[list[str]], Mapping[str, V]], changed: set[str] | None = None) -> None:
        self._load_many = load_many
        self.cache: dict[str, V | None] = {}
        self.changed: set[str] = set() if changed is None else changed

    def load(self, keys: Iterable[str]) -> dict[str, V]:
        """Read these keys, those not read yet in one query; returns what that query found."""
        unread = [key for key in dict.fromkeys(keys) if key not in self.cache]
        found = dict(self._load_many(unread)) if unread else {}
        for key in unread:
            self.cache[key] = found.get(key)
        return found

    def __getitem__(self, key: str) -> V:
        if key not in self.cache:
            self.load([key])
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
            self.load([key])
        value = self.cache[key]
        return default if value is None else value

    def __iter__(self) -> Iterator[str]:
        return (key for key, value in self.cache.items() if value is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


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
    """The grouper with its state read from the store as it is used. The events a newcomer may join are found
    in a few queries however large the store: the postings under all its keys at once, then the merges those
    events went through (one query a step), then the days of the events still standing, and only for those
    within the window their summaries, CANDIDATES at a time."""

    events: _Stored[Event]
    story_summaries: _Stored[Event]
    merged_into: _Stored[str]
    story_parent: _Stored[str]
    postings: _Stored[list[str]]

    def __init__(self, tables: LiveStoryTables, vocabulary: _StoredVocabulary) -> None:
        super().__init__(vocabulary)
        self.tables = tables
        self.events, self.story_summaries = _summaries(tables, EVENT), _summaries(tables, STORY)
        self.merged_into = _Stored(lambda keys: tables.links(MERGED_INTO, keys))
        self.story_parent = _Stored(lambda keys: tables.links(STORY_PARENT, keys))
        self.postings = _Stored(lambda keys: _posted(tables.postings(keys, RECENT_EVENTS), keys))
        self.posts: list[tuple[str, str]] = []  # (key, event id) posted since they were written, in order
        self.days: dict[str, tuple[float | None, float | None]] = {}  # of events whose summaries were not read

    def _forget_before(self, day: float) -> None:
        """Nothing to forget: the summaries stay in the store, and memory holds only what one batch read."""

    def _recent_postings(self, keys: list[str]) -> list[list[str]]:
        self.postings.load(keys)
        found = super()._recent_postings(keys)
        merged = {event_id for posted in found for event_id in posted}
        while merged:  # the events these were merged into, and those they were merged into in turn
            merged = set(self.merged_into.load(merged).values())
        return found

    def _likeliest_story(self, vectors: dict[str, Vector], item: Features, candidates: list[Event]) -> str | None:
        """The candidates' stories read first, one query a step up their links and one for their summaries."""
        parents = {event.id for event in candidates}
        while parents:
            parents = set(self.story_parent.load(parents).values())
        self.story_summaries.load(self.story_of(event.id) for event in candidates)
        return super()._likeliest_story(vectors, item, candidates)

    def _post(self, key: str, event_id: str) -> None:
        """Posting needs no read: the store has the events posted before, and what one article posts is written
        before the next article looks."""
        if key in self.postings.cache:
            super()._post(key, event_id)
        self.posts.append((key, event_id))

    def _standing_within(self, event_ids: list[str], day: float | None) -> Iterator[Event]:
        """An event's days are read once a batch: most events posted under an article's terms are outside its
        window, and so for the next articles too. Only placing changes an event's days, and an event is placed
        into or merged only after its summary was read, which then stands in for them."""
        unread = [event_id for event_id in event_ids if event_id not in self.events.cache and event_id not in self.days]
        self.days.update(self.tables.days(EVENT, unread))
        near = [event_id for event_id in event_ids if event_id in self.events.cache
                or (event_id in self.days and days_apart(*self.days[event_id], day) <= STORY_DAYS)]
        for start in range(0, len(near), CANDIDATES):
            self.events.load(near[start:start + CANDIDATES])
            yield from super()._standing_within(near[start:start + CANDIDATES], day)


def _posted(stored: dict[str, list[str]], keys: list[str]) -> dict[str, list[str]]:
    return {key: stored.get(key, []) for key in keys}


def _row(event: Event) -> SummaryRow:
    meaning = None if event.meaning is None else event.meaning.astype(np.float32).tobytes()
    return SummaryRow(event.id, event.first, event.last,
                      json.dumps({"summary": event.summary, "lengths": event.lengths,
                                  "languages": sorted(event.languages)}, ensure_ascii=False),
                      json.dumps(sorted(event.posted), ensure_ascii=False), meaning)


def _event(row: SummaryRow, changed: set[str]) -> Event:
    """An event or story summary as stored, with no members yet (see `_Members`)."""
    held = json.loads(row.summary)
    meaning = None if row.meaning is None else np.frombuffer(row.meaning, dtype=np.float32).copy()
    return Event(row.id, _Members(row.id, changed), row.first, row.last, held["summary"], held["lengths"],
                 set(json.loads(row.posted)), meaning, set(held.get("languages", ())))


def _summaries(tables: LiveStoryTables, kind: str) -> _Stored[Event]:
    changed: set[str] = set()
    return _Stored(lambda keys: _events(tables.summaries(kind, keys), changed), changed)


def _events(rows: dict[str, SummaryRow], changed: set[str]) -> dict[str, Event]:
    return {key: _event(row, changed) for key, row in rows.items()}


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
        self.vocabulary = _StoredVocabulary(tables)
        self.grouper = _StoredGrouper(tables, self.vocabulary)
        self.events, self.stories = self.grouper.events, self.grouper.story_summaries
        self.merged_into, self.story_parent = self.grouper.merged_into, self.grouper.story_parent

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
        self.tables.start_story(story_id(root), headline_of(article))
        self.tables.add_member(article.id, event_id, story_id(root))
        return story_id(root)

    def _write_summaries(self) -> None:
        """Write back what the last article changed: the summaries it started, joined, merged or merged away,
        the links set, the events posted, the term counts; move the members of merged events to the events they
        were merged into and to those events' stories."""
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
            into = self.grouper.live_event(key)
            self.tables.move_event(key, into, story_id(self.grouper.story_of(into)))
        self.merged_into.changed.clear()
        self.story_parent.changed.clear()
        self.tables.post(self.grouper.posts)
        self.posted_keys.update(key for key, _ in self.grouper.posts)
        self.grouper.posts.clear()
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
