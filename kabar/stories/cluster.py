"""Stories: an article joins the story it is most like, or starts a new one (incremental).

Likeness blends TF-IDF cosine over stemmed words with the share of canonical entities two articles
have in common, so an English and an Indonesian report on one event can still meet; articles far
apart in time need more of both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.model import Doc, Story
from kabar.textnorm import normalize_tokens

JOIN = 0.2
ENTITY_WEIGHT = 0.5
WINDOW_DAYS = 30


@dataclass
class _Story:
    members: list[int] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)


def _entities(doc: Doc) -> set[str]:
    return {s.attrs["entity"] for s in doc.layer("entities") if s.attrs.get("entity")}


def _days_apart(a: Doc, b: Doc) -> float:
    first, second = a.article.reference_date, b.article.reference_date
    if first is None or second is None:
        return 0.0
    return abs((first.replace(tzinfo=None) - second.replace(tzinfo=None)).days)


def cluster(docs: list[Doc]) -> list[Story]:
    if not docs:
        return []
    vectors = TfidfVectorizer(analyzer=normalize_tokens, sublinear_tf=True).fit_transform(
        [f"{d.article.title or ''}\n{d.text}" for d in docs])
    entity_sets = [_entities(d) for d in docs]
    stories: list[_Story] = []
    for index, doc in enumerate(docs):
        best, best_score = None, 0.0
        for story in stories:
            centroid = np.asarray(vectors[story.members].mean(axis=0)).ravel()
            cosine = float(vectors[index].toarray().ravel() @ centroid) / (np.linalg.norm(centroid) or 1.0)
            union = entity_sets[index] | story.entities
            overlap = len(entity_sets[index] & story.entities) / len(union) if union else 0.0
            score = (1 - ENTITY_WEIGHT) * cosine + ENTITY_WEIGHT * overlap
            if min(_days_apart(doc, docs[m]) for m in story.members) > WINDOW_DAYS:
                score *= 0.5
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < JOIN:
            best = _Story()
            stories.append(best)
        best.members.append(index)
        best.entities |= entity_sets[index]
    return [Story(f"story-{n + 1}", _title(docs, s.members), [docs[m].article.id for m in s.members])
            for n, s in enumerate(stories)]


def _title(docs: list[Doc], members: list[int]) -> str:
    """The earliest titled member's headline names the story."""
    titled = [docs[m].article for m in members if docs[m].article.title]
    return (titled[0].title or "") if titled else f"Story of {len(members)} articles"
