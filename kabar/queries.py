"""The queries behind every page, API endpoint and the CLI's search and ingest table: each renders what these
return, so the web app and the CLI never disagree.

The web layer reads the store only through this module. A story is one of the latest analysis's stories
(`kabar analyze` / `kabar export`); an article stored since then joins the analysis story that most of its
live story's members belong to (or, failing that, shows under its live story), so new articles appear in
their stories without a new analysis. The analysis records (claims, quotes, timeline, brief sentences) are
grouped by story through the articles their evidence cites. When the analysis keeps records per story,
only this module changes.

Everything derived from the whole store is computed once per store state (`Snapshot`, keyed by a cheap
fingerprint of the tables it reads) and shared by every request until the store changes.
"""

from __future__ import annotations

import gc
import hashlib
import re
import threading
import weakref
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kabar import export
from kabar.export import StoryExport
from kabar.model import (
    BriefSentence,
    Claim,
    ClaimGroup,
    Entity,
    Evidence,
    InputOutcome,
    Quote,
    Story,
    TimelineEntry,
)
from kabar.store import Store
from kabar.store import records as decode

DISPUTED_GROUPS = ("disputed", "conflicting")
DOUBTED_STANCES = ("denied", "unconfirmed")
SORTS = ("newest", "sources", "disputed")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class ArticleRow:
    """What lists need of an article, without its text."""

    id: str
    title: str | None
    outlet: str | None
    language: str
    published: str | None
    day: str | None
    source: str
    duplicate_of: str | None


@dataclass
class StoryRow:
    id: str
    title: str
    articles: list[str]
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    first_day: str | None = None
    last_day: str | None = None
    entities: set[str] = field(default_factory=set)
    groups: list[str] = field(default_factory=list)
    disputed: int = 0
    doubted: int = 0
    analysed: bool = False
    failure: str | None = None

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "articles": len(self.articles), "outlets": self.outlets,
            "sources": len(self.outlets), "languages": self.languages, "first_day": self.first_day,
            "last_day": self.last_day, "disputed_groups": self.disputed, "doubted_claims": self.doubted,
            "analysed": self.analysed, "failure": self.failure,
        }


@dataclass
class Analysis:
    """The latest saved analysis, indexed by the article each record cites first."""

    saved_at: str
    language: str
    entities: dict[str, Entity]
    entity_articles: dict[str, set[str]]
    article_entities: dict[str, set[str]]
    quotes: dict[str, list[Quote]]
    claims: dict[str, Claim]
    claims_by_article: dict[str, list[Claim]]
    groups: dict[str, ClaimGroup]
    timeline: dict[str, list[TimelineEntry]]
    brief: dict[str, list[BriefSentence]]


@dataclass
class Snapshot:
    key: str
    articles: dict[str, ArticleRow]
    stories: dict[str, StoryRow]
    story_of: dict[str, str]
    analysis: Analysis | None
    story_versions: dict[str, str] = field(default_factory=dict)
    """Per story, a hash of everything its page and API answer are made of (its articles, its analysis
    records): an ingest into another story leaves it unchanged."""


_cache: dict[str, Snapshot] = {}
_analyses: dict[str, Analysis] = {}
_lock = threading.Lock()
_building: set[str] = set()
_lock_building = threading.Lock()
DOCUMENTS_KEPT = 2
_documents: OrderedDict[tuple[str, str, str], dict[str, Any]] = OrderedDict()
"""The last story documents built without texts, by story version: after an ingest, a story's page and its
API answer are rendered one after the other from the same document (read only: nobody changes it)."""
_lock_documents = threading.Lock()
_seen: weakref.WeakKeyDictionary[Store, tuple[int, str]] = weakref.WeakKeyDictionary()


def fingerprint(store: Store, fresh: bool = False) -> str:
    """Changes whenever an article is stored, placed in a story, or an analysis is saved: the ETag base.
    Recomputed only when SQLite says another connection committed since this one last asked (its
    `data_version`), unless `fresh` asks for it (after this connection's own writes)."""
    version = store.connection.execute("PRAGMA data_version").fetchone()[0]
    seen = _seen.get(store)
    if seen is not None and seen[0] == version and not fresh:
        return seen[1]
    row = store.connection.execute(
        "SELECT (SELECT saved_at FROM analysis), (SELECT max(rowid) FROM articles), (SELECT count(*) FROM articles),"
        " (SELECT max(rowid) FROM live_story_members), (SELECT count(*) FROM live_story_members)"
    ).fetchone()
    key = hashlib.sha1(repr(tuple(row)).encode()).hexdigest()[:16]
    _seen[store] = (version, key)
    return key


def snapshot(store: Store, wait: bool = False) -> Snapshot:
    """The snapshot of the store. When the store changed since the last one, a background thread builds
    the next while callers keep getting the last one (a moment old), unless `wait` asks for the current
    state (after one's own writes) or there is none yet. Its `key` is what ETags are made of."""
    key = fingerprint(store, fresh=wait)
    path = str(store.path)
    cached = _cache.get(path)
    if cached is not None and cached.key == key:
        return cached
    if wait or cached is None:
        with _lock:
            cached = _cache.get(path)
            if cached is None or cached.key != key:
                cached = _cache[path] = _build(store, key)
        return cached
    with _lock_building:
        start = path not in _building
        _building.add(path)
    if start:
        threading.Thread(target=_rebuild, args=(store.path,), name="kabar-snapshot", daemon=True).start()
    return cached


def _rebuild(path: Path) -> None:
    try:
        with Store(path) as store, _lock:
            key = fingerprint(store, fresh=True)
            if _cache[str(path)].key != key:
                _cache[str(path)] = _build(store, key)
    finally:
        with _lock_building:
            _building.discard(str(path))


def _local_day(published: str | None, published_utc: str | None) -> str | None:
    """The day an article came out on its outlet's own calendar, as report.html and brief.md date stories: a
    Jakarta report of 05:30 on 10 September is of the 10th, though UTC still has the 9th."""
    day = (published or "")[:10]
    return day if DAY.fullmatch(day) else (published_utc or "")[:10] or None


def _build(store: Store, key: str) -> Snapshot:
    c = store.connection
    articles = {
        r["id"]: ArticleRow(r["id"], r["title"], r["outlet"], r["language"], r["published"],
                            _local_day(r["published"], r["published_utc"]), r["source"], r["duplicate_of"])
        for r in c.execute("SELECT id, title, outlet, language, published, published_utc, source, duplicate_of"
                           " FROM articles ORDER BY published_utc, id")
    }
    stories: dict[str, StoryRow] = {}
    story_of: dict[str, str] = {}
    for r in c.execute("SELECT s.id, s.title, s.failure, sa.article_id FROM stories s JOIN story_articles sa"
                       " ON sa.story_id = s.id ORDER BY s.rowid, sa.rowid"):
        stories.setdefault(r["id"], StoryRow(r["id"], r["title"], [], analysed=True, failure=r["failure"])
                           ).articles.append(r["article_id"])
        story_of[r["article_id"]] = r["id"]
    live: dict[str, tuple[str, list[str]]] = {}
    for r in c.execute("SELECT m.article_id, m.story_id, s.title FROM live_story_members m"
                       " JOIN live_stories s ON s.id = m.story_id ORDER BY m.rowid"):
        live.setdefault(r["story_id"], (r["title"], []))[1].append(r["article_id"])
    for live_id, (title, members) in live.items():
        analysed = Counter(story_of[m] for m in members if m in story_of)
        home = analysed.most_common(1)[0][0] if analysed else live_id
        for member in members:
            if member not in story_of:
                stories.setdefault(home, StoryRow(home, title, [])).articles.append(member)
                story_of[member] = home
    for article_id in articles:
        if article_id not in story_of:  # stored before live stories existed and never analysed
            stories[article_id] = StoryRow(article_id, articles[article_id].title or article_id, [article_id])
            story_of[article_id] = article_id
    meta = c.execute("SELECT saved_at FROM analysis").fetchone()
    analysis = _analysis(store, meta["saved_at"]) if meta else None
    for story in stories.values():
        _describe(story, articles, analysis)
    if analysis is not None:
        for group in analysis.groups.values():
            group_home = _group_story(group, analysis, story_of)
            if group_home in stories:
                stories[group_home].groups.append(group.id)
                stories[group_home].disputed += group.status in DISPUTED_GROUPS
    versions = {story.id: _story_version(story, articles, analysis) for story in stories.values()}
    snap = Snapshot(key, articles, stories, story_of, analysis, versions)
    # A snapshot lives until the store changes and holds some 100,000 objects (the analysis's records):
    # each full garbage collection walked them all, a pause of 0.1-0.2 CPU s in which no request was
    # answered (over a second on a busy machine). Frozen, the collector skips them; they hold no cycles, so
    # reference counting still frees them when the next snapshot replaces this one.
    gc.freeze()
    return snap


def _story_version(story: StoryRow, articles: dict[str, ArticleRow], analysis: Analysis | None) -> str:
    """`story_document` reads the story's row, its articles' rows and the analysis (whose records it picks
    by the story's articles and groups): the version covers exactly those."""
    made_of = (analysis.saved_at if analysis else None, story.title, story.analysed, story.failure, story.groups,
               [articles[a] for a in story.articles])
    return hashlib.sha1(repr(made_of).encode()).hexdigest()[:16]


def whole_store(snap: Snapshot) -> str:
    """The version of answers that may depend on anything in the store."""
    return snap.key


def story_version(snap: Snapshot, story_id: str) -> str:
    """The version a story's answers are cached and tagged by (for an unknown story, the store's)."""
    return snap.story_versions.get(story_id, snap.key)


def _describe(story: StoryRow, articles: dict[str, ArticleRow], analysis: Analysis | None) -> None:
    rows = [articles[a] for a in story.articles if a in articles]
    rows.sort(key=lambda a: (a.day or "", a.id))
    story.articles = [a.id for a in rows]
    story.outlets = sorted({a.outlet for a in rows if a.outlet})
    story.languages = sorted({a.language for a in rows})
    days = [a.day for a in rows if a.day]
    story.first_day, story.last_day = (min(days), max(days)) if days else (None, None)
    if analysis is not None:
        story.entities = {e for a in story.articles for e in analysis.article_entities.get(a, ())}
        story.doubted = sum(1 for a in story.articles for c in analysis.claims_by_article.get(a, [])
                            if c.stance in DOUBTED_STANCES)


def _group_story(group: ClaimGroup, analysis: Analysis, story_of: dict[str, str]) -> str | None:
    """The story holding most of a group's claims."""
    homes = Counter(story_of.get(analysis.claims[c].evidence[0].article) for c in group.claims
                    if c in analysis.claims and analysis.claims[c].evidence)
    return homes.most_common(1)[0][0] if homes else None


def _analysis(store: Store, saved_at: str) -> Analysis:
    """Decoded once per saved analysis (it changes only when a new one is saved)."""
    if saved_at in _analyses:
        return _analyses[saved_at]
    c = store.connection

    def rows(table: str) -> list[str]:
        return [r["payload"] for r in c.execute(f"SELECT payload FROM {table} ORDER BY position")]

    def first_article(evidence: list[Evidence]) -> str:
        return evidence[0].article if evidence else ""

    entities = {e.id: e for e in map(decode.entity, rows("entities"))}
    claims = {x.id: x for x in map(decode.claim, rows("claims"))}
    article_entities: dict[str, set[str]] = defaultdict(set)
    for entity in entities.values():
        for mention in entity.mentions:
            article_entities[mention.article].add(entity.id)
    analysis = Analysis(
        saved_at=saved_at,
        language=c.execute("SELECT brief_language FROM analysis").fetchone()[0],
        entities=entities,
        entity_articles={e.id: {m.article for m in e.mentions} for e in entities.values()},
        article_entities=dict(article_entities),
        quotes=_by_article(map(decode.quote, rows("quotes")), lambda q: q.evidence.article),
        claims=claims,
        claims_by_article=_by_article(claims.values(), lambda x: first_article(x.evidence)),
        groups={g.id: g for g in map(decode.claim_group, rows("claim_groups"))},
        timeline=_by_article(map(decode.timeline_entry, rows("timeline")), lambda t: first_article(t.evidence)),
        brief=_by_article(map(decode.brief_sentence, rows("brief")), lambda b: first_article(b.citations)),
    )
    _analyses.clear()
    _analyses[saved_at] = analysis
    return analysis


def _by_article(items: Any, article_of: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        found[article_of(item)].append(item)
    return dict(found)


def _page(items: list[Any], offset: int, limit: int) -> dict[str, Any]:
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset : offset + limit]}


# stories


def list_stories(store: Store, sort: str = "newest", since: date | None = None, until: date | None = None,
                 outlet: str | None = None, entity: str | None = None, language: str | None = None,
                 offset: int = 0, limit: int = 20) -> dict[str, Any]:
    """Stories with their counts, filtered (a story qualifies when its days overlap the dates, one of its
    articles is from the outlet or in the language, or it mentions the entity) and sorted."""
    snap = snapshot(store)
    found = list(snap.stories.values())
    if since:
        found = [s for s in found if s.last_day and s.last_day >= since.isoformat()]
    if until:
        found = [s for s in found if s.first_day and s.first_day <= until.isoformat()]
    if outlet:
        found = [s for s in found if outlet.casefold() in (o.casefold() for o in s.outlets)]
    if language:
        found = [s for s in found if language in s.languages]
    if entity:
        found = [s for s in found if entity in s.entities]
    keys = {
        "newest": lambda s: (s.last_day or "", len(s.articles)),
        "sources": lambda s: (len(s.outlets), len(s.articles)),
        "disputed": lambda s: (s.disputed, s.doubted),
    }
    found.sort(key=keys.get(sort, keys["newest"]), reverse=True)
    return _page([s.summary() for s in found], offset, limit)


def filter_choices(store: Store) -> dict[str, Any]:
    """What the story list's filters can be set to, and the live counts shown beside them."""
    snap = snapshot(store)
    analysis = snap.analysis
    named = Counter(e for s in snap.stories.values() for e in s.entities)
    return {
        "outlets": sorted({a.outlet for a in snap.articles.values() if a.outlet}),
        "languages": sorted({a.language for a in snap.articles.values()}),
        "entities": [{"id": e, "name": analysis.entities[e].name, "stories": n}
                     for e, n in named.most_common(40)] if analysis else [],
        "counts": counts(store),
    }


def counts(store: Store) -> dict[str, int]:
    snap = snapshot(store)
    analysis = snap.analysis
    return {
        "articles": len(snap.articles),
        "stories": len(snap.stories),
        "entities": len(analysis.entities) if analysis else 0,
        "claims": len(analysis.claims) if analysis else 0,
    }


def story_document(store: Store, story_id: str, texts: bool = True) -> dict[str, Any] | None:
    """The per-story export: the export document restricted to one story's articles and what they say.
    Without `texts`, articles carry their metadata only (what the story page lists), not their text."""
    snap = snapshot(store)
    story = snap.stories.get(story_id)
    if story is None:
        return None
    kept = (str(store.path), story_id, snap.story_versions[story_id])
    if not texts:
        with _lock_documents:
            if kept in _documents:
                return _documents[kept]
    records = StoryExport(articles=[], stories=[Story(story.id, story.title, story.articles, failure=story.failure)])
    analysis = snap.analysis
    if analysis is not None:
        members = set(story.articles)
        records.entities = [
            Entity(e.id, e.name, e.type, e.aliases, e.roles, [m for m in e.mentions if m.article in members],
                   e.related)
            for e in analysis.entities.values() if e.id in story.entities
        ]
        records.quotes = [q for a in story.articles for q in analysis.quotes.get(a, [])]
        records.claims = [x for a in story.articles for x in analysis.claims_by_article.get(a, [])]
        records.claim_groups = [analysis.groups[g] for g in story.groups]
        records.timeline = sorted((t for a in story.articles for t in analysis.timeline.get(a, [])),
                                  key=lambda t: t.when.start)
        records.brief = [b for a in _brief_order(analysis, members) for b in analysis.brief.get(a, [])]
        records.brief_language = analysis.language
    document = export.to_json(records)
    if texts:
        document["articles"] = [export.article_json(a) for a in store.articles(story.articles)]
    else:
        document["articles"] = [dict(vars(snap.articles[a]))
                                for a in story.articles]
    document["story"] = story.summary()
    if not texts:
        with _lock_documents:
            _documents[kept] = document
            while len(_documents) > DOCUMENTS_KEPT:
                _documents.popitem(last=False)
    return document


def _brief_order(analysis: Analysis, members: set[str]) -> list[str]:
    """Articles in the order the brief cites them first, so the story's sentences keep the brief's order."""
    return [a for a in analysis.brief if a in members]


# articles


def list_articles(store: Store, outlet: str | None = None, language: str | None = None, story: str | None = None,
                  offset: int = 0, limit: int = 50) -> dict[str, Any]:
    snap = snapshot(store)
    found = list(snap.articles.values())[::-1]
    if outlet:
        found = [a for a in found if (a.outlet or "").casefold() == outlet.casefold()]
    if language:
        found = [a for a in found if a.language == language]
    if story:
        found = [a for a in found if snap.story_of.get(a.id) == story]
    return _page([{**vars(a), "story": snap.story_of.get(a.id)} for a in found], offset, limit)


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article as the export writes it, with its annotations, its story and what cites it."""
    article = store.article(article_id)
    if article is None:
        return None
    snap = snapshot(store)
    story_id = snap.story_of.get(article_id)
    story = snap.stories.get(story_id or "")
    layers = store.load_annotations(article_id)
    analysis = snap.analysis
    return {
        **export.article_json(article),
        "story": {"id": story.id, "title": story.title} if story else None,
        "annotations": {name: [{"start": s.start, "end": s.end, "label": s.label, "text": s.text_in(article.text),
                                "attrs": s.attrs} for s in spans] for name, spans in sorted(layers.items())},
        "claims": [export.to_json(StoryExport([], claims=[x]))["claims"][0]
                   for x in (analysis.claims_by_article.get(article_id, []) if analysis else [])],
    }


# entities


def list_entities(store: Store, query: str | None = None, kind: str | None = None, offset: int = 0,
                  limit: int = 50) -> dict[str, Any]:
    analysis = snapshot(store).analysis
    found = list(analysis.entities.values()) if analysis else []
    if query:
        folded = query.casefold()
        found = [e for e in found if folded in e.name.casefold() or any(folded in a.casefold() for a in e.aliases)]
    if kind:
        found = [e for e in found if e.type == kind]
    found.sort(key=lambda e: -len(e.mentions))
    types = sorted({e.type for e in analysis.entities.values()}) if analysis else []
    rows = [{"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "mentions": len(e.mentions)}
            for e in found]
    return {"types": types, **_page(rows, offset, limit)}


def entity_detail(store: Store, entity_id: str) -> dict[str, Any] | None:
    snap = snapshot(store)
    analysis = snap.analysis
    entity = analysis.entities.get(entity_id) if analysis else None
    if entity is None or analysis is None:
        return None
    held = analysis.entity_articles.get(entity_id, set())
    stories = {snap.story_of[a] for a in held if a in snap.story_of}
    quotes = [q for qs in analysis.quotes.values() for q in qs if q.speaker == entity_id]
    return {
        "id": entity.id, "name": entity.name, "type": entity.type, "aliases": entity.aliases, "roles": entity.roles,
        "related": ({"id": entity.related, "name": analysis.entities[entity.related].name}
                    if entity.related in analysis.entities else None),
        "mentions": [m.to_json() for m in entity.mentions],
        "quotes": export.to_json(StoryExport([], quotes=quotes))["quotes"],
        "claims_credited": sum(1 for x in analysis.claims.values() if x.attributed_to == entity_id),
        "stories": [snap.stories[s].summary() for s in sorted(stories, key=lambda s: snap.stories[s].title)],
        "outlets": dict(Counter(snap.articles[a].outlet or "" for a in held if a in snap.articles).most_common()),
        "article_outlets": {q.evidence.article: snap.articles[q.evidence.article].outlet
                            for q in quotes if q.evidence.article in snap.articles},
    }


# claims


def list_claims(store: Store, story: str | None = None, stance: str | None = None, kind: str | None = None,
                offset: int = 0, limit: int = 50) -> dict[str, Any]:
    snap = snapshot(store)
    analysis = snap.analysis
    found = list(analysis.claims.values()) if analysis else []
    if story:
        found = [x for x in found if x.evidence and snap.story_of.get(x.evidence[0].article) == story]
    if stance:
        found = [x for x in found if x.stance == stance]
    if kind:
        found = [x for x in found if x.kind == kind]
    page = _page(found, offset, limit)
    page["items"] = export.to_json(StoryExport([], claims=page["items"]))["claims"]
    return page


# search


def search(store: Store, query: str, outlet: str | None = None, language: str | None = None,
           since: date | None = None, until: date | None = None, limit: int = 50) -> dict[str, Any]:
    """Full-text hits with where the query words matched, and facets (outlet, language, story) over the hits
    the filters leave, so each facet count says how many hits choosing it would keep."""
    snap = snapshot(store)
    hits = store.search(query, outlet=outlet, since=since, until=until, limit=500, language=language)
    facets: dict[str, Counter[str]] = {"outlet": Counter(), "language": Counter(), "story": Counter()}
    for hit in hits:
        facets["outlet"][hit.outlet or ""] += 1
        facets["language"][hit.language or ""] += 1
        facets["story"][snap.story_of.get(hit.article_id, "")] += 1
    titles = {s: snap.stories[s].title for s in facets["story"] if s in snap.stories}
    return {
        "query": query,
        "total": len(hits),
        "hits": [{"article": h.article_id, "title": h.title, "outlet": h.outlet, "published": h.published,
                  "language": h.language, "story": snap.story_of.get(h.article_id), "snippet": h.snippet,
                  "matches": [list(m) for m in h.matches]} for h in hits[:limit]],
        "facets": {
            "outlet": [{"value": v, "hits": n} for v, n in facets["outlet"].most_common() if v],
            "language": [{"value": v, "hits": n} for v, n in facets["language"].most_common() if v],
            "story": [{"value": v, "title": titles[v], "hits": n} for v, n in facets["story"].most_common(10)
                      if v in titles],
        },
    }


def full_export(store: Store) -> dict[str, Any] | None:
    """The latest analysis as one export document (what `kabar export` writes as story.json)."""
    saved = store.load_analysis()
    return export.to_json(saved) if saved is not None else None


def ingest_outcomes(store: Store, outcomes: list[InputOutcome]) -> list[dict[str, Any]]:
    """One row per input: what happened, the article it is (for a duplicate, the one it duplicates) and the
    story that article is in now."""
    snap = snapshot(store, wait=True)
    rows = []
    for o in outcomes:
        story = snap.story_of.get(o.article_id or "")
        rows.append({"source": o.source, "status": o.status, "reason": o.reason,
                     "article": o.article_id,
                     "story": {"id": story, "title": snap.stories[story].title} if story else None})
    return rows
