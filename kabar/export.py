"""The public story export (`kabar.story-export/2`): one JSON document per analysis.

The shape follows `kabar/data/story-export-2.schema.json`; extra fields carry what the schema leaves open
(dateline, user-generated flag, entity relations, claim details). Version 2 keeps version 1's top-level
lists, each record now naming its story, so a reader of version 1 keeps working; each story also holds
its own brief, timeline and key figures. A record's story is the story of the article its evidence cites:
the analysis builds every record from one story's articles.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kabar import __version__
from kabar.errors import failure
from kabar.model import (
    DISPUTED_STANCES,
    DISPUTED_STATUSES,
    Article,
    Claim,
    ClaimGroup,
    Evidence,
    Quote,
    Story,
    StoryExport,
    TimelineEntry,
)

if TYPE_CHECKING:
    from kabar.contract import Check

SCHEMA_ID = "kabar.story-export/2"
SCHEMA_FILE = "story-export-2.schema.json"
VERSION_1_FILE = "story-export.schema.json"

log = logging.getLogger(__name__)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _naive(moment: datetime) -> datetime:
    """Dates with and without a UTC offset sort together (an undated-offset date is taken as written)."""
    return moment.replace(tzinfo=None)


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [item.to_json() for item in items]


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "dateline": article.dateline,
        "published": _iso(article.published),
        "updated": _iso(article.updated),
        "published_estimate": article.published_estimate.to_json() if article.published_estimate else None,
        "language": article.language,
        "user_generated": article.user_generated,
        "wire_sources": list(article.wire_sources),
        "duplicate_of": article.duplicate_of,
        "text": article.text,
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in article.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def to_json(export: StoryExport) -> dict[str, Any]:
    story_of = {a: s.id for s in export.stories for a in s.articles}
    # a partial export (one claim shown on its own, with no stories) leaves the story out
    quotes = [dict(_quote_json(q), story=story_of.get(q.evidence.article)) for q in export.quotes]
    claims = [dict(_claim_json(c), story=story_of.get(c.evidence[0].article)) for c in export.claims]
    claim_story = {c["id"]: c["story"] for c in claims}
    groups = [dict(_group_json(g), story=claim_story.get(g.claims[0])) for g in export.claim_groups]
    timeline = [dict(_timeline_json(t), story=story_of.get(t.evidence[0].article)) for t in export.timeline]
    sentences = [{"text": s.text, "citations": _evidence(s.citations), "story": story_of.get(s.citations[0].article)}
                 for s in export.brief]
    return {
        "schema": SCHEMA_ID,
        "generator": {"name": "kabar", "version": __version__},
        "articles": [article_json(a) for a in export.articles],
        "stories": _stories_json(export, groups, timeline, sentences),
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "roles": e.roles,
                "related": e.related,
                "mentions": _evidence(e.mentions),
            }
            for e in export.entities
        ],
        "quotes": quotes,
        "claims": claims,
        "claim_groups": groups,
        "timeline": timeline,
        "brief": {"language": export.brief_language, "sentences": sentences},
        "inputs": export.inputs,
        "fallbacks": export.fallbacks,
    }


def _quote_json(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "speaker": q.speaker, "text": q.text, "direct": q.direct, "cue": q.cue, "via": q.via,
            "evidence": q.evidence.to_json()}


def _group_json(g: ClaimGroup) -> dict[str, Any]:
    return {"id": g.id, "topic": g.topic, "claims": g.claims, "status": g.status,
            "independent_sources": g.independent_sources, "note": g.note, "values": g.values}


def _timeline_json(t: TimelineEntry) -> dict[str, Any]:
    return {"when": t.when.to_json(), "text": t.text, "claims": t.claims, "evidence": _evidence(t.evidence)}


def _by_story(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Records per story, without the story field they no longer need there."""
    found: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        found.setdefault(record["story"], []).append({k: v for k, v in record.items() if k != "story"})
    return found


def _stories_json(export: StoryExport, groups: list[dict[str, Any]], timeline: list[dict[str, Any]],
                  sentences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each story with what only its own articles say, in the order the analysis ranked them."""
    articles = {a.id: a for a in export.articles}
    own_groups, own_timeline, own_brief = _by_story(groups), _by_story(timeline), _by_story(sentences)
    story_of = {a: s.id for s in export.stories for a in s.articles}
    disputed = Counter(story_of.get(c.evidence[0].article) for c in export.claims if c.stance in DISPUTED_STANCES)
    disputed.update(g["story"] for g in groups if g["status"] in DISPUTED_STATUSES)
    stories = []
    for story in export.stories:
        try:
            sections = _story_sections(story, articles, export.brief_language, own_groups.get(story.id, []),
                                       own_timeline.get(story.id, []), own_brief.get(story.id, []),
                                       disputed[story.id])
            stories.append(_story_json(story, export.brief_language, sections))
        except Exception as error:  # noqa: BLE001 (one story's fault never costs the other stories)
            log.debug("story %s: its export failed", story.id, exc_info=True)
            reason = failure("export", error)
            if reason not in (story.failure or ""):  # the same export written twice says it once
                story.failure = "; ".join(filter(None, (story.failure, reason)))
            stories.append(_story_json(story, export.brief_language))
    return stories


def _story_json(story: Story, language: str, sections: dict[str, Any] | None = None) -> dict[str, Any]:
    """A story's entry, with its own sections; a story whose sections could not be written has empty ones beside
    its articles and the reason, which the story keeps for the store and the run's summary (its records stay
    listed at the top level, each naming it)."""
    empty: dict[str, Any] = {"events": [], "outlets": [], "first_seen": None, "last_seen": None,
                             "brief": {"language": language, "sentences": []}, "timeline": [], "key_figures": [],
                             "disputed": 0}
    return {"id": story.id, "title": story.title, "articles": story.articles, **empty, **(sections or {}),
            "failure": story.failure}


def _story_sections(story: Story, articles: dict[str, Article], language: str, groups: list[dict[str, Any]],
                    timeline: list[dict[str, Any]], sentences: list[dict[str, Any]],
                    disputed: int) -> dict[str, Any]:
    """What only the story's own articles say: its events, outlets, dates, brief, timeline and key figures."""
    members = [articles[a] for a in story.articles if a in articles]
    dates = sorted((d for d in (a.reference_date for a in members) if d is not None), key=_naive)
    languages = Counter(a.language for a in members)
    key_groups = sorted(groups, key=lambda g: -g["independent_sources"])
    return {
        "events": _events_json(story, articles),
        "outlets": sorted({a.outlet for a in members if a.outlet}),
        "first_seen": _iso(dates[0]) if dates else None,
        "last_seen": _iso(dates[-1]) if dates else None,
        "brief": {"language": languages.most_common(1)[0][0] if languages else language, "sentences": sentences},
        "timeline": timeline,
        "key_figures": [{"group": g["id"], "topic": g["topic"], "status": g["status"],
                         "independent_sources": g["independent_sources"]} for g in key_groups],
        "disputed": disputed,
    }


def _events_json(story: Story, articles: dict[str, Article]) -> list[dict[str, Any]]:
    """The story's developments; a story told in one burst is its own single event."""
    events = []
    for event in story.events or [Story(story.id + "-e1", story.title, story.articles)]:
        dates = sorted((d for d in (articles[a].reference_date for a in event.articles if a in articles) if d),
                       key=_naive)
        events.append({"id": event.id, "title": event.title, "articles": event.articles,
                       "first_seen": _iso(dates[0]) if dates else None,
                       "last_seen": _iso(dates[-1]) if dates else None})
    return events


def _claim_json(claim: Claim) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": claim.id,
        "kind": claim.kind,
        "text": claim.text,
        "subject": claim.subject,
        "attributed_to": claim.attributed_to,
        "stance": claim.stance,
        "evidence": _evidence(claim.evidence),
    }
    if claim.quantity is not None:
        data["quantity"] = claim.quantity
    if claim.when is not None:
        data["when"] = claim.when.to_json()
    data.update(claim.extra)
    return data


def load_schema() -> dict[str, Any]:
    """The export contract, shipped with the package so validation works without the shared folder."""
    return _schema(SCHEMA_FILE)


def load_version_1_schema() -> dict[str, Any]:
    """The earlier contract, kept to show that a version 2 document still serves its readers."""
    return _schema(VERSION_1_FILE)


def _schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("kabar.data").joinpath(name).read_text("utf-8"))


@cache
def _contract() -> Check:
    from kabar.contract import compile_schema  # jsonschema loads only when an export is checked

    return compile_schema(load_schema())


def validate(document: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when the document breaks the contract, ValueError when an offset
    lies. The schema is compiled once (`kabar.contract`): jsonschema's own walk of a 1,154-article export
    took 14 CPU-seconds."""
    _contract()(document)
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for span in _all_spans(document):
        actual = texts[span["article"]][span["start"] : span["end"]]
        if "text" in span and span["text"] != actual:
            raise ValueError(f"span {span} does not match its article text {actual!r}")


def _all_spans(document: dict[str, Any]) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    for entity in document["entities"]:
        spans.extend(entity["mentions"])
    spans.extend(q["evidence"] for q in document["quotes"])
    for claim in document["claims"]:
        spans.extend(claim["evidence"])
    for entry in document["timeline"]:
        spans.extend(entry["evidence"])
    for sentence in document["brief"]["sentences"]:
        spans.extend(sentence["citations"])
    for story in document.get("stories", []):
        for entry in story.get("timeline", []):
            spans.extend(entry["evidence"])
        for sentence in story.get("brief", {}).get("sentences", []):
            spans.extend(sentence["citations"])
    return spans


def write(export: StoryExport, path: Path) -> dict[str, Any]:
    document = to_json(export)
    validate(document)
    write_document(document, path)
    return document


def write_document(document: dict[str, Any], path: Path) -> None:
    """A document already validated, as JSON."""
    with path.open("w", encoding="utf-8") as out:
        _write_records(document, out)


def _write_records(document: dict[str, Any], out: TextIO) -> None:
    """The document with one record a line: each top-level field, and each item of a top-level list, is
    written whole by json's C encoder (an indented dump runs its Python encoder over every value, several
    CPU-seconds for a thousand articles), and one record at a time, so a large analysis is never one string
    in memory."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("{")
    for position, (key, value) in enumerate(document.items()):
        out.write(("," if position else "") + f"\n  {encode(key)}: ")
        if isinstance(value, list) and value:
            out.write("[")
            out.writelines(("," if index else "") + "\n    " + encode(item) for index, item in enumerate(value))
            out.write("\n  ]")
        else:
            out.write(encode(value))
    out.write("\n}\n")
