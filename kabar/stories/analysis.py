"""The stories layer end to end: copies, stories, then for each story on its own its quotes, claims,
claim groups, timeline and brief.

Claims are compared only within a story: pooling a pile would count a flood budget and a bribery case as
"conflicting" figures from many "independent" sources, and the brief would cite several stories at once.
Every record a story yields cites only that story's articles, so a record's story is the story of the
article its evidence points into.
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime

from kabar.errors import failure, or_fallback
from kabar.model import (
    DISPUTED_STANCES,
    DISPUTED_STATUSES,
    Article,
    BriefSentence,
    Claim,
    ClaimGroup,
    Doc,
    Entity,
    Evidence,
    Quote,
    Story,
    TimelineEntry,
)
from kabar.nlp.pipeline import default_workers
from kabar.stories.brief import brief_language, build_brief
from kabar.stories.claims import claims_in, quotes_in, statements
from kabar.stories.cluster import cluster
from kabar.stories.dedup import Copies, find_duplicates
from kabar.stories.groups import group_claims
from kabar.stories.meaning import embeddings
from kabar.stories.rewrite import LlmSettings, rewrite_brief
from kabar.stories.timeline import build_timeline
from kabar.stories.titles import headline_of

log = logging.getLogger(__name__)


@dataclass
class StorySection:
    """What one story's articles say, compared among themselves."""

    story: Story
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    brief_language: str = "id"
    brief: list[BriefSentence] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None

    @property
    def disputed(self) -> int:
        """Claims denied or left unconfirmed, and claim groups whose sources disagree."""
        return (sum(1 for c in self.claims if c.stance in DISPUTED_STANCES)
                + sum(1 for g in self.groups if g.status in DISPUTED_STATUSES))


@dataclass
class StoryAnalysis:
    sections: list[StorySection] = field(default_factory=list)
    duplicates: dict[str, tuple[str, float]] = field(default_factory=dict)
    reuse: list[tuple[str, str, float]] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    """A line for each step over all the articles that failed, with the fallback the analysis took instead."""

    @property
    def stories(self) -> list[Story]:
        return [s.story for s in self.sections]

    @property
    def quotes(self) -> list[Quote]:
        return [q for s in self.sections for q in s.quotes]

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.sections for c in s.claims]

    @property
    def groups(self) -> list[ClaimGroup]:
        return [g for s in self.sections for g in s.groups]

    @property
    def timeline(self) -> list[TimelineEntry]:
        return [t for s in self.sections for t in s.timeline]

    @property
    def brief(self) -> list[BriefSentence]:
        return [b for s in self.sections for b in s.brief]

    @property
    def brief_language(self) -> str:
        return self.sections[0].brief_language if self.sections else "id"


def analyze(docs: list[Doc], entities: list[Entity], llm: LlmSettings | None = None,
            stories: list[Story] | None = None, copies: Copies | None = None) -> StoryAnalysis:
    """Everything across articles, story by story; with `llm` settings each brief is reworded where every
    fact checks out. `stories`, when given, are used as they are instead of clustering the docs, and
    `copies` as `find_duplicates`' answer for the docs' articles instead of asking it. Finding copies or
    grouping stories that fails falls back (no copies; each article its own story), saying so in `fallbacks`."""
    articles = {d.article.id: d.article for d in docs}
    fallbacks: list[str] = []
    if copies is None:
        copies = or_fallback("finding copies", "no article is marked a copy", fallbacks,
                             lambda: find_duplicates(list(articles.values())), lambda: ({}, []))
    duplicates, reuse = copies
    for copy, (original, _similarity) in duplicates.items():
        articles[copy].duplicate_of = original
    if stories is None:
        stories = or_fallback("grouping into stories", "each article is its own story", fallbacks,
                              lambda: cluster(docs), lambda: [_story_alone(d.article) for d in docs])
    names = {e.id: e.name for e in entities}
    by_id = {d.article.id: d for d in docs}
    jobs = [(story, [by_id[a] for a in story.articles if a in by_id]) for story in stories]
    return StoryAnalysis(sorted(_sections(jobs, names, llm), key=_prominence), duplicates, reuse, fallbacks)


def _story_alone(article: Article) -> Story:
    """The article as a story of its own, named as the grouping names a story with one article."""
    return Story("s-" + article.id.removeprefix("a-"), headline_of(article), [article.id])


PARALLEL_FROM = 64
"""Fewer articles than this are analysed in this process: starting workers would cost more than it saves."""
TASKS_PER_WORKER = 8
"""Stories are handed out in about this many parcels per worker, largest first, so no worker idles at the end."""

_Job = tuple[Story, list[Doc]]
_forked: tuple[list[_Job], dict[str, str], LlmSettings | None] = ([], {}, None)
"""What the forked workers read: set just before they start, so the documents are shared, never pickled."""


def _sections(jobs: list[_Job], names: dict[str, str], llm: LlmSettings | None) -> list[StorySection]:
    """Each story's section, one worker process per core for a large pile (stories are independent: the
    sections are the same whichever process builds them, and come back in story order)."""
    workers = default_workers()
    articles = sum(len(docs) for _story, docs in jobs)
    if workers <= 1 or articles < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [_section(story, docs, names, llm) for story, docs in jobs]
    global _forked
    embeddings(["memuat model"])  # loaded once here, the workers share its weights
    _forked = (jobs, names, llm)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            parcels = [pool.submit(_sections_of, parcel) for parcel in _parcels(jobs, workers * TASKS_PER_WORKER)]
            built = dict(pair for parcel in parcels for pair in parcel.result())
    finally:
        _forked = ([], {}, None)
    return [built[index] for index in range(len(jobs))]


def _parcels(jobs: list[_Job], count: int) -> list[list[int]]:
    """Story indices in about `count` parcels of similar article counts, the largest stories first."""
    largest_first = sorted(range(len(jobs)), key=lambda index: -len(jobs[index][1]))
    size = max(1, sum(len(docs) for _story, docs in jobs) // count)
    parcels: list[list[int]] = [[]]
    held = 0
    for index in largest_first:
        if held >= size:
            parcels.append([])
            held = 0
        parcels[-1].append(index)
        held += len(jobs[index][1])
    return parcels


def _sections_of(indices: list[int]) -> list[tuple[int, StorySection]]:
    jobs, names, llm = _forked
    return [(index, _section(*jobs[index], names, llm)) for index in indices]


def _section(story: Story, docs: list[Doc], names: dict[str, str], llm: LlmSettings | None) -> StorySection:
    """The story's records, stage by stage. A stage that fails costs this story alone: it keeps its articles and
    what the stages before built, and says which stage failed and how (the traceback goes to the debug log)."""
    dates = sorted(d.article.reference_date.replace(tzinfo=None) for d in docs if d.article.reference_date)
    outlets = sorted({d.article.outlet for d in docs if d.article.outlet})
    section = StorySection(story, outlets=outlets, first_seen=dates[0] if dates else None,
                           last_seen=dates[-1] if dates else None)
    texts = {d.article.id: d.article.text for d in docs}
    stage = "claims"
    try:
        quotes, claims = _claims(docs, names)
        _held(texts, [(q.id, [q.evidence]) for q in quotes] + [(c.id, c.evidence) for c in claims])
        section.quotes, section.claims = quotes, claims
        stage = "claim groups"
        section.groups = _groups(story, section.claims, docs, names)
        stage = "brief"
        language, brief = _brief(docs, section.claims, section.groups, llm)
        _held(texts, [("a brief sentence", sentence.citations) for sentence in brief])
        section.brief_language, section.brief = language, brief
        stage = "timeline"
        published = {d.article.id: d.article.reference_date.date() for d in docs if d.article.reference_date}
        timeline = build_timeline(section.claims, names, published)
        _held(texts, [("a timeline entry", entry.evidence) for entry in timeline])
        section.timeline = timeline
    except Exception as error:  # noqa: BLE001 (one story's fault never costs the other stories)
        log.debug("story %s: the %s stage failed", story.id, stage, exc_info=True)
        section.story = replace(story, failure=failure(stage, error))
    return section


def _held(texts: dict[str, str], records: list[tuple[str, list[Evidence]]]) -> None:
    """Raise ValueError for the first record citing characters the story's articles do not hold there: the
    export's check would refuse the whole document for it."""
    for name, cited in records:
        for span in cited:
            if span.article not in texts or texts[span.article][span.start : span.end] != span.text:
                raise ValueError(f"{name} cites {span.article} [{span.start}:{span.end}] for {span.text[:40]!r}, "
                                 "which its text does not hold there")


def _claims(docs: list[Doc], names: dict[str, str]) -> tuple[list[Quote], list[Claim]]:
    quotes: list[Quote] = []
    claims: list[Claim] = []
    for doc in docs:
        found_quotes = quotes_in(doc)
        found_claims = claims_in(doc, names)
        quotes.extend(found_quotes)
        claims.extend(found_claims)
        claims.extend(statements(doc, found_quotes, len(found_claims) + 1))
    return quotes, claims


def _groups(story: Story, claims: list[Claim], docs: list[Doc], names: dict[str, str]) -> list[ClaimGroup]:
    groups = group_claims(claims, {d.article.id: d.article for d in docs}, names, brief_language(docs))
    for group in groups:  # group ids are numbered per call: the story makes them unique across stories
        group.id = f"{story.id}-{group.id}"
    return groups


def _brief(docs: list[Doc], claims: list[Claim], groups: list[ClaimGroup],
           llm: LlmSettings | None) -> tuple[str, list[BriefSentence]]:
    language, brief = build_brief(docs, claims, groups)
    return language, rewrite_brief(brief, llm) if llm is not None else brief


def _prominence(section: StorySection) -> tuple[int, int, float, int, str]:
    """Most sources first (outlets, then articles), then the most recent, then the most disputed."""
    latest = section.last_seen.timestamp() if section.last_seen else 0.0
    return (-len(section.outlets), -len(section.story.articles), -latest, -section.disputed, section.story.id)
