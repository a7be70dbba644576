"""A short brief in the articles' language, every sentence an article sentence with its citation.

It says, in an editor's order, what happened (the sentence most like the whole story), the headline
figure (the one most outlets give) and the other key claims with who claims them (one sentence per claim
group, groups told by most outlets first), what is denied or unconfirmed, and the latest development
(the newest article's lead). Near-repeats are dropped, and nothing comes from removed boilerplate. A
lead's dateline ("JAKARTA, KOMPAS.com - ") says where a report was filed, not what happened: the cited
characters start after it.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.clean.classify import DATELINE
from kabar.model import BriefSentence, Claim, ClaimGroup, Doc, Evidence, SentenceAttrs, Span
from kabar.textnorm import normalize_tokens

MAX_SENTENCES = 8
KEY_GROUPS = 4  # claim groups compared across most outlets, after the headline figure
REDUNDANT = 0.5
BARE_DASH = re.compile(r"^[-–—]+\s+(?=\S)")
"""A dash opening a sentence with nothing before it: what is left of a dateline the source dropped."""


def brief_language(docs: list[Doc]) -> str:
    counts = Counter(d.article.language for d in docs)
    return counts.most_common(1)[0][0] if counts else "id"


def _sentence_evidence(doc: Doc, sentence: Span[SentenceAttrs]) -> Evidence:
    return Evidence(doc.article.id, sentence.start, sentence.end, doc.text[sentence.start : sentence.end])


def _jaccard(a: str, b: str) -> float:
    x, y = set(normalize_tokens(a)), set(normalize_tokens(b))
    return len(x & y) / len(x | y) if x | y else 1.0


def build_brief(docs: list[Doc], claims: list[Claim], groups: list[ClaimGroup]) -> tuple[str, list[BriefSentence]]:
    language = brief_language(docs)
    docs = [d for d in docs if d.article.language == language and not d.article.duplicate_of]
    if not docs:
        return language, []
    by_id = {d.article.id: d for d in docs}
    candidates = [_sentence_evidence(d, s) for d in docs for s in d.layer("sentences")
                  if s.attrs.get("paragraph_kind") != "heading" and len(s.attrs) and s.end - s.start > 40]
    chosen: list[Evidence] = []

    def take(evidence: Evidence | None) -> None:
        if evidence is not None and len(chosen) < MAX_SENTENCES and all(
                _jaccard(evidence.text, c.text) < REDUNDANT for c in chosen):
            chosen.append(evidence)

    take(_most_central(candidates))
    claims_by_id = {c.id: c for c in claims}
    figures = [g for g in groups if claims_by_id[g.claims[0]].kind == "quantity"]
    headline = figures[:1]  # the figure most outlets give is always there, with whom it is credited to
    for group in headline + [g for g in groups[:KEY_GROUPS] if g not in headline]:
        take(_group_sentence(group, claims_by_id, by_id))
    for claim in claims:
        if claim.stance in ("denied", "unconfirmed") and claim.evidence[-1].article in by_id:
            take(_whole_sentence(by_id[claim.evidence[-1].article], claim.evidence[-1]))
    take(_latest_lead(docs))
    return language, [BriefSentence(e.text, [e]) for e in map(_after_dateline, chosen)]


def _after_dateline(evidence: Evidence) -> Evidence:
    """The evidence without a dateline opening it: a city or outlet in capitals, or a domain, before a dash; or
    without the bare dash left where an outlet's dump dropped its dateline ("- Satresnarkoba Polres …"), which
    a brief would print as a stray list marker."""
    found = DATELINE.match(evidence.text)
    first_word = found.group(0).split(maxsplit=1)[0].rstrip(",") if found else ""
    if found is not None and (first_word.isupper() or "." in first_word):
        skip = found.end() - 1
    else:
        skip = bare.end() if (bare := BARE_DASH.match(evidence.text)) else 0
    return Evidence(evidence.article, evidence.start + skip, evidence.end, evidence.text[skip:]) if skip else evidence


def _whole_sentence(doc: Doc, evidence: Evidence) -> Evidence:
    """A quote's words stand in a sentence that says who spoke; the brief cites the sentence."""
    around = doc.covering("sentences", evidence.start, evidence.end)
    return _sentence_evidence(doc, around[0]) if around else evidence


def _most_central(candidates: list[Evidence]) -> Evidence | None:
    if not candidates:
        return None
    matrix = TfidfVectorizer(analyzer=normalize_tokens).fit_transform([c.text for c in candidates])
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    scores = matrix @ centroid
    return candidates[int(np.argmax(scores))]


def _group_sentence(group: ClaimGroup, claims: dict[str, Claim], docs: dict[str, Doc]) -> Evidence | None:
    """The group's best-sourced claim sentence: attributed ones first, then the earliest."""
    members = [claims[c] for c in group.claims if claims[c].evidence[-1].article in docs]
    members.sort(key=lambda c: (c.attributed_to is None, c.evidence[-1].article))
    return members[0].evidence[-1] if members else None


def _latest_lead(docs: list[Doc]) -> Evidence | None:
    dated = [d for d in docs if d.article.reference_date is not None and d.layer("sentences")]
    if not dated:
        return None
    newest = max(dated, key=lambda d: (d.article.reference_date or datetime.min).replace(tzinfo=None))
    return _sentence_evidence(newest, newest.layer("sentences")[0])
