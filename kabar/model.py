"""Typed records passed between Kabar's stages.

Ingest produces `RawDocument`s (or a rejected `InputOutcome`), cleaning turns a raw document into an
`Article` (clean text plus metadata), and the NLP pipeline wraps an article in a `Doc` whose layers
are lists of `Span`s with character offsets into `Article.text`. Every later stage reads offsets
from these spans; nothing recomputes them from guesses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

InputStatus = Literal["stored", "duplicate", "rejected"]
ParagraphKind = Literal["body", "heading"]


@dataclass
class RawDocument:
    """One article's bytes as they arrived, before any cleaning.

    `media_type` is "text/plain" or "text/html"; `text` is the decoded content (decoding is
    ingest's job, so encoding problems are reported where the bytes are known). `hints` carries
    metadata the container already gave (a JSONL record's title, a feed item's date, an HTTP
    Last-Modified) for cleaning to prefer over guesses.
    """

    source: str
    content: bytes
    text: str
    media_type: str
    url: str | None = None
    encoding: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class InputOutcome:
    """What happened to one input: the row every ingest run records, so nothing is lost silently."""

    source: str
    status: InputStatus
    reason: str | None = None
    sha256: str | None = None
    article_id: str | None = None


@dataclass
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind = "body"


@dataclass
class Removed:
    """A line cleaning took out, kept for audit with the reason it was judged boilerplate."""

    text: str
    reason: str


@dataclass
class DateEstimate:
    """A publication window inferred from the dates an undated article mentions."""

    earliest: str | None
    latest: str | None
    basis: str

    def to_json(self) -> dict[str, Any]:
        return {"earliest": self.earliest, "latest": self.latest, "basis": self.basis}


@dataclass
class Article:
    """A cleaned article: body text (paragraphs joined by a blank line) and its metadata."""

    id: str
    source: str
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    published_estimate: DateEstimate | None = None
    language: str = "id"
    wire_sources: list[str] = field(default_factory=list)
    user_generated: bool = False
    duplicate_of: str | None = None
    sha256: str | None = None

    @property
    def reference_date(self) -> datetime | None:
        """The date relative expressions ("pada hari Jumat") are resolved against."""
        if self.published is not None:
            return self.published
        if self.updated is not None:
            return self.updated
        estimate = self.published_estimate
        if estimate is not None and (estimate.latest or estimate.earliest):
            return datetime.fromisoformat(estimate.latest or estimate.earliest or "")
        return None


@dataclass
class Span:
    """A labelled stretch of an article's text: `article.text[start:end]` is its evidence.

    `attrs` holds what the layer that made it knows (an entity's type, a quantity's value, a
    quote's speaker). Keys are documented by the component that writes the layer.
    """

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Doc:
    """An article plus named annotation layers, the object every NLP component reads and extends."""

    article: Article
    layers: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def layer(self, name: str) -> list[Span]:
        return self.layers.setdefault(name, [])

    def add(self, name: str, span: Span) -> Span:
        if not 0 <= span.start <= span.end <= len(self.article.text):
            raise ValueError(f"span {span.start}:{span.end} outside text of {self.article.id}")
        self.layer(name).append(span)
        return span

    def covering(self, name: str, start: int, end: int) -> list[Span]:
        """Spans of one layer that overlap [start, end)."""
        return [s for s in self.layers.get(name, []) if s.start < end and start < s.end]


@dataclass
class Evidence:
    """A pointer to exact characters of one article: the unit every fact in the export cites."""

    article: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Entity:
    """One real-world thing across all articles, with every surface form it was written as."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)
    related: str | None = None  # e.g. "Pyongyang" acting for "Korea Utara": linked, not merged


@dataclass
class When:
    start: str
    precision: str
    end: str | None = None
    expression: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision,
                "expression": self.expression}


@dataclass
class Quote:
    id: str
    speaker: str | None
    text: str
    direct: bool
    cue: str | None
    evidence: Evidence
    via: str | None = None


@dataclass
class Claim:
    id: str
    kind: Literal["quantity", "event", "statement"]
    text: str
    attributed_to: str | None
    stance: Literal["asserted", "hedged", "unconfirmed", "denied"]
    evidence: list[Evidence]
    subject: str | None = None
    quantity: dict[str, Any] | None = None
    when: When | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ClaimGroup:
    id: str
    topic: str
    claims: list[str]
    status: Literal["single-source", "corroborated", "conflicting", "evolving", "disputed"]
    independent_sources: int
    note: str = ""


@dataclass
class TimelineEntry:
    when: When
    text: str
    evidence: list[Evidence]
    claims: list[str] = field(default_factory=list)


@dataclass
class BriefSentence:
    text: str
    citations: list[Evidence]


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]
    events: list[Story] = field(default_factory=list)  # the developments a running story holds, oldest first
