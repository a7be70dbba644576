"""JSON payloads for the analysis records the store keeps, and back to the dataclasses of `kabar.model`.

The payload is the whole record; the tables copy out only the columns worth querying.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from kabar.model import BriefSentence, Claim, ClaimGroup, Entity, Evidence, Quote, TimelineEntry, When


def payload(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, default=fields_of)


def fields_of(value: object) -> dict[str, Any]:
    """A dataclass's fields for json.dumps, which walks the values itself: the same JSON as
    `dataclasses.asdict`, without asdict's deep copy of every value (the largest cost of saving an analysis)."""
    if not is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return {f.name: getattr(value, f.name) for f in fields(value)}


def _evidence(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**item) for item in items]


def _when(data: dict[str, Any] | None) -> When | None:
    return When(**data) if data else None


def entity(text: str) -> Entity:
    data = json.loads(text)
    return Entity(**{**data, "mentions": _evidence(data["mentions"])})


def quote(text: str) -> Quote:
    data = json.loads(text)
    return Quote(**{**data, "evidence": Evidence(**data["evidence"])})


def claim(text: str) -> Claim:
    data = json.loads(text)
    return Claim(**{**data, "evidence": _evidence(data["evidence"]), "when": _when(data["when"])})


def claim_group(text: str) -> ClaimGroup:
    return ClaimGroup(**json.loads(text))


def timeline_entry(text: str) -> TimelineEntry:
    data = json.loads(text)
    return TimelineEntry(**{**data, "when": When(**data["when"]), "evidence": _evidence(data["evidence"])})


def brief_sentence(text: str) -> BriefSentence:
    data = json.loads(text)
    return BriefSentence(text=data["text"], citations=_evidence(data["citations"]))
