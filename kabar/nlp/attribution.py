"""Whom each sentence credits for what it says, and how firmly it says it.

The primary source is the one the claim rests on: in "kata badan mata-mata Seoul kepada AFP" it is
the agency, AFP being only the medium; "menurut NIS", "dilansir dari NTV", "mengutip CNN", "NIS
melaporkan bahwa" all name one. Stance is the strongest marker in the sentence: denied (membantah,
"berita palsu"), then unconfirmed (belum dapat mengonfirmasi), then hedged (diduga, diperkirakan).
"""

from __future__ import annotations

import re
from functools import cache

from kabar.lexicon import sections
from kabar.model import Attribution, Doc, EntityAttrs, SentenceAttrs, Span, Stance
from kabar.nlp.folding import FoldedPattern, case_folded
from kabar.nlp.quotes import SPEAKER_KINDS, cues, subject_before, told_to

NEGATION = re.compile(r"\b(tidak|tak|bukan|belum|not|never)\s+$", re.IGNORECASE)
# "seperti dilaporkan Politico" credits a report; only the agentless passive ("dilaporkan telah") hedges
CREDITED_REPORT = re.compile(r"\b(seperti|sebagaimana)\s+(yang\s+)?$", re.IGNORECASE)
QUOTE_MARKS = str.maketrans("", "", "\"“”‘’")
STANCE_ORDER: tuple[Stance, ...] = ("denied", "unconfirmed", "hedged")
CONTENT_REACH = 5  # words before a denial noun where a word of spreading content is looked for


@cache
def _stance_patterns() -> dict[str, FoldedPattern]:
    return {
        stance: FoldedPattern(re.compile(
            r"(?<![\w-])(?:" + "|".join(sections("id/nlp/stance.txt")[stance]) + r")(?![\w-])", re.IGNORECASE))
        for stance in STANCE_ORDER
    }


@cache
def _content_words() -> frozenset[str]:
    return frozenset(word.lower() for word in sections("id/nlp/stance.txt")["content-handled"])


def _names_content(before: str) -> bool:
    """A denial noun after a word of spreading or fighting content ("menyebarkan konten berita bohong atau
    hoaks") names what was spread, not a denial."""
    return any(word in _content_words() for word in re.findall(r"\w+", before.lower())[-CONTENT_REACH:])


@cache
def _source_cue() -> FoldedPattern:
    words = sorted([*cues("source"), *cues("after")], key=len, reverse=True)
    return FoldedPattern(re.compile(r"(?<![\w-])(?P<cue>" + "|".join(words) + r")\s+(?:oleh\s+)?", re.IGNORECASE))


@cache
def _verb_cue() -> FoldedPattern:
    return FoldedPattern(re.compile(r"(?<![\w-])(?P<cue>" + "|".join(cues("before")) + r")(?![\w-])", re.IGNORECASE))


def stance_of(sentence: str) -> tuple[Stance, str | None]:
    """Quotation marks are dropped first: 'tidak dapat "mengonfirmasi laporan"' is still unconfirmed."""
    sentence = sentence.translate(QUOTE_MARKS)
    folded = case_folded(sentence)
    for stance in STANCE_ORDER:
        for match in _stance_patterns()[stance].finditer(sentence, folded):
            before = sentence[: match.start()]
            if stance != "unconfirmed" and NEGATION.search(before):
                continue  # "tidak membantah" does not deny, "tidak berpotensi" does not hedge
            if stance == "hedged" and CREDITED_REPORT.search(before):
                continue
            if stance == "denied" and _names_content(before):
                continue
            return stance, match.group(0)
    return "asserted", None


def _sources(doc: Doc, sentence: Span[SentenceAttrs]) -> list[Span[EntityAttrs]]:
    return [s for s in doc.index("entities").within(sentence.start, sentence.end) if s.label in SPEAKER_KINDS]


def attribution_of(doc: Doc, sentence: Span[SentenceAttrs], folded: str) -> Attribution | None:
    """`folded` is `case_folded(doc.text)`, read once for all the sentences."""
    text = doc.text
    entities = _sources(doc, sentence)
    for quote in doc.covering("quotes", sentence.start, sentence.end):
        if quote.attrs.get("speaker") and quote.attrs.get("speaker_kind") != "described":
            start, end = quote.attrs["speaker"]
            return {"start": start, "end": end, "name": text[start:end], "cue": quote.attrs["cue"]}
    for match in _source_cue().finditer(text, folded, sentence.start, sentence.end):
        after = [e for e in entities if 0 <= e.start - match.end() <= 25 and not told_to(text, e.start)]
        if after:
            first = min(after, key=lambda e: e.start)
            return {"start": first.start, "end": first.end, "name": text[first.start : first.end],
                    "cue": match.group("cue")}
    for match in _verb_cue().finditer(text, folded, sentence.start, sentence.end):
        subject = subject_before(doc, sentence.start, match.start())
        if subject is not None and match.start() - subject.end <= 60:
            return {"start": subject.start, "end": subject.end, "name": text[subject.start : subject.end],
                    "cue": match.group("cue")}
    return None


def mark_attribution(doc: Doc) -> Doc:
    folded = case_folded(doc.text)
    for sentence in doc.layer("sentences"):
        stance, cue = stance_of(doc.text[sentence.start : sentence.end])
        sentence.attrs["stance"] = stance
        sentence.attrs["stance_cue"] = cue
        sentence.attrs["attribution"] = attribution_of(doc, sentence, folded)
    return doc
