"""The stories layer end to end: copies, stories, claims, claim groups, timeline and brief."""

from __future__ import annotations

from dataclasses import dataclass, field

from kabar.model import BriefSentence, Claim, ClaimGroup, Doc, Entity, Quote, Story, TimelineEntry
from kabar.stories.brief import build_brief
from kabar.stories.claims import claims_in, quotes_in, statements
from kabar.stories.cluster import cluster
from kabar.stories.dedup import find_duplicates
from kabar.stories.groups import group_claims
from kabar.stories.rewrite import LlmSettings, rewrite_brief
from kabar.stories.timeline import build_timeline


@dataclass
class StoryAnalysis:
    stories: list[Story] = field(default_factory=list)
    duplicates: dict[str, tuple[str, float]] = field(default_factory=dict)
    reuse: list[tuple[str, str, float]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    brief_language: str = "id"
    brief: list[BriefSentence] = field(default_factory=list)


def analyze(docs: list[Doc], entities: list[Entity], llm: LlmSettings | None = None,
            stories: list[Story] | None = None) -> StoryAnalysis:
    """Everything across articles; with `llm` settings the brief is reworded where every fact checks out.
    `stories`, when given, are used as they are instead of clustering the docs."""
    articles = {d.article.id: d.article for d in docs}
    duplicates, reuse = find_duplicates(list(articles.values()))
    for copy, (original, _similarity) in duplicates.items():
        articles[copy].duplicate_of = original
    names = {e.id: e.name for e in entities}
    quotes: list[Quote] = []
    claims: list[Claim] = []
    for doc in docs:
        found_quotes = quotes_in(doc)
        found_claims = claims_in(doc, names)
        quotes.extend(found_quotes)
        claims.extend(found_claims)
        claims.extend(statements(doc, found_quotes, len(found_claims) + 1))
    groups = group_claims(claims, articles, names)
    language, brief = build_brief(docs, claims, groups)
    if llm is not None:
        brief = rewrite_brief(brief, llm)
    return StoryAnalysis(
        stories=stories if stories is not None else cluster(docs),
        duplicates=duplicates,
        reuse=reuse,
        quotes=quotes,
        claims=claims,
        groups=groups,
        timeline=build_timeline(claims, names),
        brief_language=language,
        brief=brief,
    )
