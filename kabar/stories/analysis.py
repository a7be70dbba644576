"""Placeholder until the stories layer lands: one story holding every article, no claims yet."""

from __future__ import annotations

from dataclasses import dataclass, field

from kabar.model import BriefSentence, Claim, ClaimGroup, Doc, Entity, Quote, Story, TimelineEntry


@dataclass
class StoryAnalysis:
    stories: list[Story] = field(default_factory=list)
    duplicates: dict[str, tuple[str, float]] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    brief_language: str = "id"
    brief: list[BriefSentence] = field(default_factory=list)


def analyze(docs: list[Doc], entities: list[Entity]) -> StoryAnalysis:
    if not docs:
        return StoryAnalysis()
    first = docs[0].article
    story = Story("story-1", first.title or first.id, [d.article.id for d in docs])
    return StoryAnalysis(stories=[story])
