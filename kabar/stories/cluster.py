"""Stories: an article joins the story it is most like, or starts a new one; then every article is
moved, if need be, to the story it is most like once all have arrived, so arrival order matters less.

Likeness to a story is a blend of three cosines to the centroid of its members:

- words: TF-IDF over stemmed words, the headline counted twice because it names the event. Words are
  weighed and compared within one language only: in a mostly Indonesian pile, English "the" and
  "said" are rare and would otherwise look like strong evidence that two English reports belong
  together. An article with no member in its language is judged on the other two views.
- names and figures: capitalised words and numbers ("Makassar", "F-16", "1.500"), which
  read the same in Indonesian and English, and tell apart look-alike stories about the same actors.
- entities: the canonical entities the articles mention.

An article further than WINDOW_DAYS from every member counts for half.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.model import Doc, Story
from kabar.textnorm import fold, normalize_tokens

JOIN = 0.25
WORD_WEIGHT = 1.0
NAME_WEIGHT = 0.5
ENTITY_WEIGHT = 0.5
TITLE_REPEATS = 2
WINDOW_DAYS = 30
REFINE_ROUNDS = 5
EPOCH = datetime(1970, 1, 1)

# A capitalised word not opening a sentence, or a number; "1.500" and "1,500" both become "1500".
NAME_OR_FIGURE = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b(?:[A-Z][\w-]*\w|\d[\d.,]*\d)", re.MULTILINE)


def _entities(doc: Doc) -> set[str]:
    return {s.attrs["entity"] for s in doc.layer("entities") if s.attrs.get("entity")}


def names_and_figures(text: str) -> list[str]:
    found = (match.group() for match in NAME_OR_FIGURE.finditer(text))
    return [fold(token) if not token[0].isdigit() else re.sub(r"[.,]", "", token) for token in found]


def _days_apart(docs: list[Doc]) -> np.ndarray:
    """Whole days between every pair of articles (as `timedelta.days`), zero where either is undated."""
    dates = [d.article.reference_date for d in docs]
    seconds = np.array([(d.replace(tzinfo=None) - EPOCH).total_seconds() if d else np.nan for d in dates])
    days = np.abs(np.floor((seconds[:, None] - seconds[None, :]) / 86400))
    return np.nan_to_num(days, nan=0.0).astype(np.float32)


def _gram(texts: list, analyzer: Callable) -> np.ndarray:
    """Cosines between every pair of articles in one view (rows are unit length)."""
    try:
        vectors = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit_transform(texts)
    except ValueError:  # not one token in the whole view
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return (vectors @ vectors.T).toarray().astype(np.float32)


def _word_gram(texts: list[str], languages: list[str]) -> np.ndarray:
    """Word cosines within each language; zero across languages."""
    gram = np.zeros((len(texts), len(texts)), dtype=np.float32)
    for language in set(languages):
        rows = [i for i, lang in enumerate(languages) if lang == language]
        gram[np.ix_(rows, rows)] = _gram([texts[i] for i in rows], normalize_tokens)
    return gram


class _Stories:
    """Story memberships with each story's squared centroid length per view kept up to date, so an
    article's likeness to every story is a few matrix-vector products. The word view keeps one length
    per language, since words are compared only with members in the article's language."""

    def __init__(self, docs: list[Doc]):
        texts = ["\n".join([d.article.title or ""] * TITLE_REPEATS) + "\n" + d.text for d in docs]
        self.languages = [d.article.language for d in docs]
        self.views = [(WORD_WEIGHT, _word_gram(texts, self.languages)),
                      (NAME_WEIGHT, _gram(texts, names_and_figures)),
                      (ENTITY_WEIGHT, _gram([sorted(_entities(d)) for d in docs], lambda names: names))]
        self.days = _days_apart(docs)
        count = len(docs)
        self.membership = np.zeros((count, count), dtype=np.float32)  # never more stories than articles
        self.count = 0
        self.squared = {(view, self._key(view, lang)): np.zeros(count, dtype=np.float32)
                        for view in range(len(self.views)) for lang in self.languages}
        self.in_language = {lang: np.zeros(count, dtype=np.float32) for lang in self.languages}

    @staticmethod
    def _key(view: int, language: str | None) -> str | None:
        return language if view == 0 else None

    def new_story(self) -> int:
        self.count += 1
        return self.count - 1

    def move(self, index: int, story: int, sign: int) -> None:
        """Add (sign 1) or remove (sign -1) one article, updating the centroid lengths."""
        language = self.languages[index]
        if sign < 0:
            self.membership[story, index] = 0
        for view, (_, gram) in enumerate(self.views):
            shared = self.membership[story] @ gram[index]
            self.squared[view, self._key(view, language)][story] += sign * (2 * shared + gram[index, index])
        if sign > 0:
            self.membership[story, index] = 1
        self.in_language[language][story] += sign

    def likeness(self, index: int) -> np.ndarray:
        """The article's likeness to every story so far, judged without the article itself."""
        membership = self.membership[:self.count]
        language = self.languages[index]
        inside = membership[:, index]
        sizes = membership.sum(axis=1) - inside
        total = np.zeros(self.count, dtype=np.float32)
        weights = np.zeros(self.count, dtype=np.float32)
        for view, (weight, gram) in enumerate(self.views):
            shared = membership @ gram[index] - inside * gram[index, index]
            squared = self.squared[view, self._key(view, language)][:self.count] - inside * (
                2 * shared + gram[index, index])
            cosine = np.divide(shared, np.sqrt(np.maximum(squared, 0)), out=np.zeros_like(shared),
                               where=squared > 1e-9)
            counted = (self.in_language[language][:self.count] - inside > 0) if view == 0 else sizes > 0
            total += weight * cosine * counted
            weights += weight * counted
        score = np.divide(total, weights, out=np.zeros_like(total), where=weights > 0)
        others = (membership > 0) & (np.arange(membership.shape[1]) != index)
        nearest = np.where(others, self.days[index], np.inf).min(axis=1)
        score[nearest > WINDOW_DAYS] *= 0.5
        score[sizes == 0] = -1.0
        return score


def cluster(docs: list[Doc]) -> list[Story]:
    if not docs:
        return []
    stories = _Stories(docs)
    home = []
    for index in range(len(docs)):
        scores = stories.likeness(index)
        best = int(scores.argmax()) if len(scores) and scores.max() >= JOIN else stories.new_story()
        stories.move(index, best, 1)
        home.append(best)
    for _ in range(REFINE_ROUNDS):
        moved = False
        for index in range(len(docs)):
            scores = stories.likeness(index)
            best = int(scores.argmax())
            if best != home[index] and scores[best] >= JOIN and scores[best] > scores[home[index]]:
                stories.move(index, home[index], -1)
                stories.move(index, best, 1)
                home[index], moved = best, True
        if not moved:
            break
    groups: dict[int, list[int]] = {}
    for index, story in enumerate(home):
        groups.setdefault(story, []).append(index)
    ordered = sorted(groups.values(), key=lambda members: members[0])
    return [Story(f"story-{n + 1}", _title(docs, members), [docs[m].article.id for m in members])
            for n, members in enumerate(ordered)]


def _title(docs: list[Doc], members: list[int]) -> str:
    """The earliest titled member's headline names the story."""
    titled = [docs[m].article for m in members if docs[m].article.title]
    return (titled[0].title or "") if titled else f"Story of {len(members)} articles"
