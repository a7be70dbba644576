"""The public story export (`kabar.story-export/1`): one JSON document per analysis.

The shape follows `kabar/data/story-export.schema.json`; extra fields carry what the schema leaves open
(dateline, user-generated flag, entity relations, claim details).
"""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from kabar import __version__
from kabar.model import (
    Article,
    Claim,
    Evidence,
    StoryExport,
)

SCHEMA_ID = "kabar.story-export/1"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


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
    return {
        "schema": SCHEMA_ID,
        "generator": {"name": "kabar", "version": __version__},
        "articles": [article_json(a) for a in export.articles],
        "stories": [{"id": s.id, "title": s.title, "articles": s.articles} for s in export.stories],
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
        "quotes": [
            {
                "id": q.id,
                "speaker": q.speaker,
                "text": q.text,
                "direct": q.direct,
                "cue": q.cue,
                "via": q.via,
                "evidence": q.evidence.to_json(),
            }
            for q in export.quotes
        ],
        "claims": [_claim_json(c) for c in export.claims],
        "claim_groups": [
            {
                "id": g.id,
                "topic": g.topic,
                "claims": g.claims,
                "status": g.status,
                "independent_sources": g.independent_sources,
                "note": g.note,
                "values": g.values,
            }
            for g in export.claim_groups
        ],
        "timeline": [
            {"when": t.when.to_json(), "text": t.text, "claims": t.claims, "evidence": _evidence(t.evidence)}
            for t in export.timeline
        ],
        "brief": {
            "language": export.brief_language,
            "sentences": [{"text": s.text, "citations": _evidence(s.citations)} for s in export.brief],
        },
        "inputs": export.inputs,
    }


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
    text = resources.files("kabar.data").joinpath("story-export.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(document: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when the document breaks the contract or an offset lies."""
    import jsonschema

    jsonschema.validate(document, load_schema())
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
    return spans


def write(export: StoryExport, path: Path) -> dict[str, Any]:
    document = to_json(export)
    validate(document)
    with path.open("w", encoding="utf-8") as out:  # streamed: a large analysis is never one string in memory
        json.dump(document, out, ensure_ascii=False, indent=2)
    return document
