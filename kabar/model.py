"""Typed records passed between Kabar's stages.

Ingest produces `RawDocument`s (or a rejected `InputOutcome`), cleaning turns a raw document into an
`Article` (clean text plus metadata), and the NLP pipeline wraps an article in a `Doc` whose layers
are lists of `Span`s with character offsets into `Article.text`. Every later stage reads offsets
from these spans; nothing recomputes them from guesses.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Any, Generic, Literal, NotRequired, TypedDict, TypeVar, overload


class InputStatus(StrEnum):
    """What became of one input; the values are what the store and the export record."""

    STORED = "stored"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    SKIPPED = "skipped"
    """A file a folder walk passed over (another file type, a dangling link): listed, not a failure."""


ParagraphKind = Literal["body", "heading"]
Stance = Literal["asserted", "hedged", "unconfirmed", "denied"]
Precision = Literal["year", "month", "week", "day", "minute"]
GroupStatus = Literal["single-source", "corroborated", "conflicting", "evolving", "disputed"]
DISPUTED_STANCES = ("denied", "unconfirmed")
"""Stances of a claim that someone doubts: what makes a story disputed."""
DISPUTED_STATUSES = ("conflicting", "disputed")
EntityOrigin = Literal["model", "gazetteer", "title", "apposition", "organisation", "acronym", "described", "dateline",
                       "surname"]
Offsets = list[int]
"""`[start, end]` of another stretch of the same article's text (a list, so it round-trips through JSON)."""


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

    @cached_property
    def sha256(self) -> str:
        """Hashed once: ingest looks the content up by it, then cleaning, storing and the article id read it."""
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
            return datetime.fromisoformat(estimate.earliest or estimate.latest or "")
        return None


class Attribution(TypedDict):
    """The primary source a sentence credits ("badan mata-mata Seoul" with cue "kata")."""

    start: int
    end: int
    name: str
    cue: str | None


class SentenceAttrs(TypedDict):
    paragraph_kind: ParagraphKind
    stance: NotRequired[Stance]  # from here on, set by attribution
    stance_cue: NotRequired[str | None]
    attribution: NotRequired[Attribution | None]


class EntityAttrs(TypedDict):
    origin: EntityOrigin
    role: str | None  # title or function the text gives the person
    known: NotRequired[str]  # gazetteer id
    about: NotRequired[str | None]  # gazetteer id of the country a described source belongs to ("media Korea Selatan")
    acronym: NotRequired[str]  # the acronym written after an organisation's name
    acronym_of: NotRequired[Offsets]  # on the acronym: the organisation's name
    name: NotRequired[str | None]  # how the dateline spells it ("BEKASI" → "Bekasi")
    refers_to: NotRequired[Offsets]  # on a surname mention: the earlier full name
    entity: NotRequired[str]  # canonical entity id, set by linking


class QuoteAttrs(TypedDict):
    content: Offsets  # what was said
    cue: str | None  # None for a quoted sentence that continues the previous quote
    speaker: Offsets | None
    speaker_kind: Literal["named", "described"] | None
    speaker_name: str | None
    via: Offsets | None  # the medium in "kepada AFP"


class QuantityAttrs(TypedDict):
    min: float | None  # equal to max for an exact figure; None for "hingga 300"
    max: float | None  # None for "lebih dari 300"
    approximate: bool
    vague: str | None  # "ribuan"
    unit: str | None  # what is counted, in its base form ("tentara")
    unit_word: str | None  # the unit as written
    approximator: str | None  # "sekitar", "hingga"
    kind: Literal["amount", "age", "duration"]


class TimeAttrs(TypedDict):
    start: str  # ISO date, as precise as known
    end: str | None
    precision: Precision
    expression: str  # the words
    relative: bool  # read against the article's date ("kemarin", "Juni lalu")
    refers_to: NotRequired[Offsets]  # "di hari yang sama", or a clock time next to a date: that day's words
    day: NotRequired[str]  # a clock time's ISO day, where a date right before or after it gives it
    recurring: NotRequired[bool]  # a day of a weekly schedule ("setiap Minggu", "Senin-Jumat"), not one day
    kind: Literal["date", "clock"]


LAYER_ATTRS: dict[str, type] = {
    "sentences": SentenceAttrs,
    "entities": EntityAttrs,
    "quotes": QuoteAttrs,
    "quantities": QuantityAttrs,
    "times": TimeAttrs,
}
"""Each annotation layer's attribute type: the contract between nlp (writes) and stories (reads)."""

A = TypeVar("A")


@dataclass
class Span(Generic[A]):
    """A labelled stretch of an article's text: `article.text[start:end]` is its evidence.

    `attrs` holds what the layer that made it knows, typed per layer (`LAYER_ATTRS`).
    """

    start: int
    end: int
    label: str
    attrs: A = field(default_factory=dict)  # type: ignore[assignment]

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


class SpanIndex:
    """A layer's spans sorted by start, so that the spans inside or across a stretch are found by bisection:
    on a long article, thousands of lookups that each scanned every span cost the square of its length."""

    def __init__(self, spans: list[Span[Any]]):
        self.spans = spans
        self.size = len(spans)
        self.order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self.starts = [spans[i].start for i in self.order]
        self.longest = max((span.end - span.start for span in spans), default=0)

    def within(self, start: int, end: int) -> list[Span[Any]]:
        """Spans lying inside [start, end], in layer order."""
        candidates = self.order[bisect_left(self.starts, start) : bisect_right(self.starts, end)]
        return [self.spans[i] for i in sorted(candidates) if self.spans[i].end <= end]

    def overlapping(self, start: int, end: int) -> list[Span[Any]]:
        """Spans that overlap [start, end), in layer order."""
        candidates = self.order[bisect_left(self.starts, start - self.longest) : bisect_left(self.starts, end)]
        return [self.spans[i] for i in sorted(candidates) if start < self.spans[i].end]


@dataclass
class Doc:
    """An article plus named annotation layers, the object every NLP component reads and extends."""

    article: Article
    layers: dict[str, list[Span[Any]]] = field(default_factory=dict)
    indexes: dict[str, SpanIndex] = field(default_factory=dict, repr=False, compare=False)
    """Per layer, its SpanIndex while the layer stays the same list of the same length (spans are only ever
    added to a layer, never moved)."""

    def index(self, name: str) -> SpanIndex:
        layer = self.layer(name)
        index = self.indexes.get(name)
        if index is None or index.spans is not layer or index.size != len(layer):
            index = self.indexes[name] = SpanIndex(layer)
        return index

    @property
    def text(self) -> str:
        return self.article.text

    @overload
    def layer(self, name: Literal["sentences"]) -> list[Span[SentenceAttrs]]: ...
    @overload
    def layer(self, name: Literal["entities"]) -> list[Span[EntityAttrs]]: ...
    @overload
    def layer(self, name: Literal["quotes"]) -> list[Span[QuoteAttrs]]: ...
    @overload
    def layer(self, name: Literal["quantities"]) -> list[Span[QuantityAttrs]]: ...
    @overload
    def layer(self, name: Literal["times"]) -> list[Span[TimeAttrs]]: ...
    @overload
    def layer(self, name: str) -> list[Span[Any]]: ...
    def layer(self, name: str) -> list[Span[Any]]:
        return self.layers.setdefault(name, [])

    @overload
    def add(self, name: Literal["sentences"], span: Span[SentenceAttrs]) -> Span[SentenceAttrs]: ...
    @overload
    def add(self, name: Literal["entities"], span: Span[EntityAttrs]) -> Span[EntityAttrs]: ...
    @overload
    def add(self, name: Literal["quotes"], span: Span[QuoteAttrs]) -> Span[QuoteAttrs]: ...
    @overload
    def add(self, name: Literal["quantities"], span: Span[QuantityAttrs]) -> Span[QuantityAttrs]: ...
    @overload
    def add(self, name: Literal["times"], span: Span[TimeAttrs]) -> Span[TimeAttrs]: ...
    @overload
    def add(self, name: str, span: Span[Any]) -> Span[Any]: ...
    def add(self, name: str, span: Span[Any]) -> Span[Any]:
        if not 0 <= span.start <= span.end <= len(self.article.text):
            raise ValueError(f"span {span.start}:{span.end} outside text of {self.article.id}")
        self.layer(name).append(span)
        return span

    def covering(self, name: str, start: int, end: int) -> list[Span[Any]]:
        """Spans of one layer that overlap [start, end)."""
        return self.index(name).overlapping(start, end) if name in self.layers else []


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
    precision: Precision
    end: str | None = None
    expression: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision,
                "expression": self.expression}


def precision_worth_showing(precision: str) -> bool:
    """Whether a date's precision is worth printing beside it: a full date already says it is a day, while a
    bare month or year ("2019-09", "2019") or a week's first and last day may not say what they stand for."""
    return precision != "day"


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
    stance: Stance
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
    status: GroupStatus
    independent_sources: int
    note: str = ""
    values: list[dict[str, Any]] = field(default_factory=list)  # per report: outlet, value, source, date


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
    failure: str | None = None
    """Why the story's analysis stopped short, naming the stage (the story keeps what was built before it)."""


@dataclass
class StoryExport:
    """Everything one analysis produced, in the order the export lists it."""

    articles: list[Article]
    stories: list[Story] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    claim_groups: list[ClaimGroup] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    brief: list[BriefSentence] = field(default_factory=list)
    brief_language: str = "id"
    inputs: list[dict[str, Any]] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    """A line for each step over all the articles that failed, with the fallback taken (the run went on)."""
