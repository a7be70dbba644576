"""Speakers, times and figures scored on real articles nobody here wrote (`../shared/corpus/real/`), against
the hand labels in tests/gold/real/ (see its README), with the held-back third apart from the part the
rules were developed on.

Quotes count when the sentence the gold marks gets a quote whose speaker names who said it (a surname
for a full name, "analis" for "beberapa analis"); times and figures are matched by overlapping spans
(overlap F1) and then compared on their normalised values (dates and precision; min, max, unit,
approximate and age).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from kabar.eval import CHECKOUT_GOLD, SHARED
from kabar.eval.annotations import Score
from kabar.model import Article, DateEstimate, Doc, Span
from kabar.nlp import annotate
from kabar.nlp.quantities import unit_of

REAL = SHARED / "corpus" / "real"
GOLD = CHECKOUT_GOLD / "real"
PARTS = ("dev", "held-back")
# words that introduce a speaker without naming them: "beberapa analis" is the analysts
SPEAKER_DETERMINERS = re.compile(
    r"^(?:(?:para|beberapa|sejumlah|seorang|salah seorang|salah satu|sebagian|pihak|kata|dr\.?|prof\.?)\s+)+",
    re.IGNORECASE)


def record_id(record: dict) -> str:
    """The record's URL, or a digest of its text where the dump has none (most Kompas 2025 records)."""
    return record.get("url") or "sha1:" + hashlib.sha1(record["text"].encode("utf-8")).hexdigest()[:12]


def part_of(article_id: str) -> str:
    """A third of the articles is held back, chosen by the digest of their id before any rule was tuned."""
    return "held-back" if int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def available() -> bool:
    return REAL.exists() and all((REAL / name).exists() for name, _ in _labelled_articles())


@cache
def _records(name: str) -> dict[str, dict]:
    records = (json.loads(line) for line in (REAL / name).read_text("utf-8").splitlines() if line.strip())
    return {record_id(r): r for r in records}


@cache
def _labelled_articles() -> tuple[tuple[str, str], ...]:
    layers = json.loads((GOLD / "articles.json").read_text("utf-8"))
    return tuple(dict.fromkeys(tuple(pair) for pairs in layers.values() for pair in pairs))


def article_of(name: str, article_id: str) -> Article:
    """The record as an article, its text untouched so the gold offsets hold. Kompas 2025 records carry no
    publication date, only the day they were collected (that day or the next): the latest it can be."""
    record = _records(name)[article_id]
    published = datetime.fromisoformat(record["published"]) if record.get("published") else None
    estimate = DateEstimate(None, record["collected_on"], "collected_on") if record.get("collected_on") else None
    return Article(id=article_id, source=name, text=record["text"], url=record.get("url"),
                   outlet=record.get("outlet"), title=record.get("title"), published=published,
                   published_estimate=estimate)


@cache
def real_docs() -> dict[tuple[str, str], Doc]:
    return {(name, article_id): annotate(article_of(name, article_id)) for name, article_id in _labelled_articles()}


def _gold(layer: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / f"{layer}.jsonl").read_text("utf-8").splitlines() if line.strip()]


def _articles(layer: str) -> list[tuple[str, str]]:
    return [(pair[0], pair[1]) for pair in json.loads((GOLD / "articles.json").read_text("utf-8"))[layer]]


@dataclass
class Figures:
    """Overlap P/R/F1 of spans, and how many matched spans carry the right normalised value."""

    spans: Score = field(default_factory=Score)
    values_right: int = 0

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.spans.true_positives if self.spans.true_positives else 1.0


@dataclass
class Speakers:
    right: int = 0
    quotes: int = 0
    found_elsewhere: int = 0  # system quotes on sentences the gold says report nobody

    @property
    def accuracy(self) -> float:
        return self.right / self.quotes if self.quotes else 1.0


def _normal(name: str) -> list[str]:
    return SPEAKER_DETERMINERS.sub("", name.lower().strip(" ,.")).replace("(", " ").replace(")", " ").split()


def _contains(longer: list[str], shorter: list[str]) -> bool:
    return bool(shorter) and any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


def speaker_matches(gold: dict, system: str | None) -> bool:
    """A person is named by any part of their name; a group, role or body must be named at least as fully
    as the gold names it ("Kepala Staf Gabungan Korea Selatan" for "Kepala Staf Gabungan", not "Israel" for
    "otoritas militer Israel")."""
    if system is None:
        return False
    said = _normal(system)
    for form in (gold["speaker"], *gold.get("also", [])):
        wanted = _normal(form)
        if said == wanted or _contains(said, wanted):
            return True
        if gold["kind"] == "person" and _contains(wanted, said):
            return True
    return False


def score_speakers() -> dict[str, Speakers]:
    """Dev part and held-back part."""
    scores = {part: Speakers() for part in PARTS}
    _score_speakers(lambda key: scores[part_of(key[1])])
    return scores


def score_speakers_by_batch() -> dict[tuple[str, str], Speakers]:
    """Each labelling batch and part apart, as for times and figures."""
    batches = batch_of("speakers")
    scores: dict[tuple[str, str], Speakers] = {}
    _score_speakers(lambda key: scores.setdefault((batches.get(key, "unbatched"), part_of(key[1])), Speakers()))
    return scores


def _score_speakers(speakers_of: Callable[[tuple[str, str]], Speakers]) -> None:
    """Each gold quote takes a system quote whose content overlaps its sentence and names the same speaker;
    a system quote is used once. System quotes on sentences the gold marks as reporting nobody are counted
    apart (they would be wrong quotes). Each article's counts go to the figures `speakers_of` gives it."""
    docs = real_docs()
    by_sentence: dict[tuple, list[dict]] = {}
    for item in _gold("speakers"):
        by_sentence.setdefault((item["file"], item["id"], item["start"], item["end"]), []).append(item)
    used: set[int] = set()
    for (name, article_id, start, end), items in by_sentence.items():
        score = speakers_of((name, article_id))
        quotes = [q for q in docs[(name, article_id)].layer("quotes") if _content_overlaps(q, start, end)]
        if not items[0]["quote"]:
            score.found_elsewhere += sum(1 for q in quotes if not _overlaps_a_quote(q, name, article_id, by_sentence))
            continue
        for item in items:
            score.quotes += 1
            hit = next((q for q in quotes if id(q) not in used and speaker_matches(item, q.attrs.get("speaker_name"))),
                       None)
            if hit is not None:
                score.right += 1
                used.add(id(hit))


def _content_overlaps(quote: Span, start: int, end: int) -> bool:
    content_start, content_end = quote.attrs.get("content") or (quote.start, quote.end)
    return content_start < end and start < content_end


def _overlaps_a_quote(quote: Span, name: str, article_id: str, by_sentence: dict[tuple, list[dict]]) -> bool:
    return any(items[0]["quote"] and _content_overlaps(quote, start, end)
               for (file, other, start, end), items in by_sentence.items() if (file, other) == (name, article_id))


def _time_value(attrs: dict) -> dict:
    return {k: attrs.get(k) for k in ("start", "end", "precision")}


def _figure_value(attrs: dict) -> tuple:
    unit = attrs.get("unit")
    return (attrs.get("min"), attrs.get("max"), unit_of(unit) or unit if unit else None,
            bool(attrs.get("approximate")), attrs.get("kind") == "age")


def _gold_figure_value(item: dict) -> tuple:
    unit = item["unit"]
    return (item["min"], item["max"], unit_of(unit) or unit if unit else None, item["approximate"],
            item.get("kind") == "age")


def score_spans(layer: str) -> dict[str, Figures]:
    """Dev part and held-back part."""
    scores = {part: Figures() for part in PARTS}
    _score_spans(layer, lambda key: scores[part_of(key[1])])
    return scores


def score_spans_by_batch(layer: str) -> dict[tuple[str, str], Figures]:
    """Each labelling batch (tests/gold/real/batches.json) and part apart: a batch labelled to check the rules
    written on the ones before shows whether they hold on text they were not written from."""
    batches = batch_of(layer)
    scores: dict[tuple[str, str], Figures] = {}
    _score_spans(layer, lambda key: scores.setdefault((batches.get(key, "unbatched"), part_of(key[1])), Figures()))
    return scores


def batch_of(layer: str) -> dict[tuple[str, str], str]:
    """The batch that labelled each article: batches.json counts the articles each added, in list order."""
    path = GOLD / "batches.json"
    counts = json.loads(path.read_text("utf-8")).get(layer, []) if path.exists() else []
    articles = _articles(layer)
    names: dict[tuple[str, str], str] = {}
    position = 0
    for name, count in counts:
        names.update((key, name) for key in articles[position : position + count])
        position += count
    return names


def _score_spans(layer: str, figures_of: Callable[[tuple[str, str]], Figures]) -> None:
    """One-to-one matching of overlapping spans in text order, then their values compared; each article's
    counts go to the figures `figures_of` gives it."""
    gold_by_article: dict[tuple[str, str], list[dict]] = {}
    for item in _gold(layer):
        gold_by_article.setdefault((item["file"], item["id"]), []).append(item)
    docs = real_docs()
    for key in _articles(layer):
        figures = figures_of(key)
        system = list(docs[key].layer(layer))
        if layer == "quantities":
            system = [s for s in system if s.attrs.get("min") is not None or s.attrs.get("max") is not None]
        gold = gold_by_article.get(key, [])
        pairs = list(_pairs(gold, system))
        figures.spans.true_positives += len(pairs)
        figures.spans.found += len(system)
        figures.spans.expected += len(gold)
        for item, span in pairs:
            if layer == "times":
                figures.values_right += _time_value(span.attrs) == item["value"]
            else:
                figures.values_right += _figure_value(span.attrs) == _gold_figure_value(item)


def _pairs(gold: list[dict], system: list[Span]) -> Iterator[tuple[dict, Span]]:
    free = sorted(system, key=lambda s: s.start)
    for item in sorted(gold, key=lambda g: g["start"]):
        match = next((s for s in free if s.start < item["end"] and item["start"] < s.end), None)
        if match is not None:
            free.remove(match)
            yield item, match
