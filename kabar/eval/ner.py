"""`kabar eval ner`: the entity model alone and the whole `find_entities` stage on the NER dev splits.

Exact-span precision, recall and F1 per set (PER / ORG / LOC; our GPE counts as LOC, MEDIA as ORG). The
model is scored on the gold tokens, and again as the stage reads it; the full stage reads each sentence as
an article (tokens joined by spaces) and is scored on character spans, so rules, gazetteer and model are
judged together, also on the same sentences lower-cased and upper-cased. The precision of each source of
spans (gazetteer, patterns, model) shows which one earns its place, on each half of the sentences (split by
SHA-1 of their text) apart: a rule is chosen on one half and must hold on the other. The dev splits chose
the model's checkpoint, and were not used to write rules; the held-out test splits are not read here.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.eval import SHARED
from kabar.model import Article, Doc, Span
from kabar.nlp.entities import find_entities
from kabar.nlp.recogniser import recognise_many, recogniser
from kabar.nlp.sentences import split_sentences
from kabar.nlp.training import SETS, Sentence, evaluate, read_tagged

NER_DATA = SHARED / "data" / "ner"
GOLD_LABEL = {"PERSON": "PER", "ORG": "ORG", "MEDIA": "ORG", "GPE": "LOC", "LOC": "LOC"}
CASES: dict[str, Callable[[str], str]] = {"as written": str, "lower-case": str.lower, "upper-case": str.upper}

Mention = tuple[int, int, int, str]  # sentence, start, end, label
HALVES = ("A", "B")


def half_of(text: str) -> str:
    """The half a sentence falls in, fixed by its text whatever its case: rules are chosen on half A and
    confirmed on half B."""
    return HALVES[hashlib.sha1(text.lower().encode("utf-8")).digest()[0] % 2]


@dataclass
class StageScore:
    """Exact-span counts of the whole entity stage, and how often each source of spans was right."""

    gold: int = 0
    found: int = 0
    right: int = 0
    by_origin: Counter[tuple[str, str]] = field(default_factory=Counter)  # (source, half)
    right_by_origin: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_mentions(sentences: Iterable[Sentence], case: Callable[[str], str] = str) -> tuple[list[str], set[Mention]]:
    """Each sentence as text (tokens joined by spaces, re-cased), and its gold spans as character offsets."""
    texts: list[str] = []
    gold: set[Mention] = set()
    for index, (words, tags) in enumerate(sentences):
        starts = []
        offset = 0
        for word in words:
            starts.append(offset)
            offset += len(word) + 1
        for begin, end, label in _entity_runs(tags):
            gold.add((index, starts[begin], starts[end - 1] + len(words[end - 1]), label))
        texts.append(case(" ".join(words)))
    return texts, gold


def _entity_runs(tags: list[str]) -> Iterable[tuple[int, int, str]]:
    start = None
    for index, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            yield start, index, tags[start][2:]
            start = None
        if tag.startswith("B-"):
            start = index


def score_stage(sentences: list[Sentence], case: Callable[[str], str] = str) -> tuple[StageScore, StageScore]:
    """The whole stage and, read the same way (sentence text, character spans), the model alone: the fair
    comparison, since the model's own figure is taken on the sets' tokens ("(Kemensos)" one token)."""
    texts, gold = gold_mentions(sentences, case)
    score, model = StageScore(gold=len(gold)), StageScore(gold=len(gold))
    for index, (text, found) in enumerate(zip(texts, recognise_many(texts), strict=True)):
        half = half_of(text)
        model.found += len(found)
        model.right += sum((index, start, end, label) in gold for start, end, label in found)
        model.by_origin["model", half] += len(found)
        model.right_by_origin["model", half] += sum((index, start, end, label) in gold for start, end, label in found)
        doc = split_sentences(Doc(Article(f"ner-{index}", "ner-dev", text, language="id")))
        doc.layer("recognised").extend(Span(start, end, label) for start, end, label in found)
        for span in find_entities(doc).layer("entities"):
            label = GOLD_LABEL.get(span.label)
            if label is None:
                continue
            origin = span.attrs.get("origin", "?")
            right = (index, span.start, span.end, label) in gold
            score.found += 1
            score.right += right
            score.by_origin[origin, half] += 1
            score.right_by_origin[origin, half] += right
    return score, model


def main(data_dir: Path | None = None) -> None:
    console = Console()
    data_dir = data_dir or NER_DATA
    if not data_dir.exists():
        console.print(f"[yellow]NER data not found at {data_dir}: nothing to evaluate (pass --data with the folder "
                      "holding idner-news-2k/, nergrit/ and nerp/).[/]")
        return
    model_scores = evaluate(recogniser(), data_dir)
    table = Table(title="Entities on the NER dev splits (exact spans): the model alone and the whole stage")
    other_cases = [f"{who} F1 {name}" for name in CASES if name != "as written" for who in ("model", "stage")]
    for column in ("set", "sentences", "model P", "model R", "model F1", "model F1 as text", "stage P", "stage R",
                   "stage F1", *other_cases):
        table.add_column(column, justify="left" if column == "set" else "right",
                         no_wrap=column == "set", min_width=len("idner-news-2k") if column == "set" else None)
    origins = Table(title="Precision of each source of the stage's spans, and of the model's own spans (all dev "
                          "sets, as written), on each half of the sentences")
    origins.add_column("source")
    for half in HALVES:
        for column in ("spans", "right", "precision"):
            origins.add_column(f"{half} {column}", justify="right")
    everything: list[Sentence] = []
    overall = model_alone = StageScore()
    for ner_set in [*SETS, None]:
        if ner_set is None:
            name, sentences = "all", everything
        else:
            name, sentences = ner_set.name, list(read_tagged(data_dir / ner_set.name / ner_set.dev))
            everything.extend(sentences)
        both = {case: score_stage(sentences, transform) for case, transform in CASES.items()}
        stage = {case: scores[0] for case, scores in both.items()}
        model = model_scores[name]
        table.add_row(name, str(len(sentences)), f"{model.precision:.3f}", f"{model.recall:.3f}", f"{model.f1:.3f}",
                      f"{both['as written'][1].f1:.3f}", f"{stage['as written'].precision:.3f}",
                      f"{stage['as written'].recall:.3f}", f"{stage['as written'].f1:.3f}",
                      *(f"{score.f1:.3f}" for case in CASES if case != "as written" for score in both[case][::-1]),
                      style="bold" if name == "all" else None)
        overall, model_alone = both["as written"]
    for name, found, right in [("model alone", model_alone.by_origin, model_alone.right_by_origin),
                               *((origin, overall.by_origin, overall.right_by_origin)
                                 for origin in sorted({origin for origin, _ in overall.by_origin}))]:
        key = "model" if name == "model alone" else name
        origins.add_row(name, *(cell for half in HALVES for cell in _precision_cells(found[key, half],
                                                                                    right[key, half])))
    console.print(table)
    console.print(origins)


def _precision_cells(found: int, right: int) -> tuple[str, str, str]:
    return str(found), str(right), f"{right / found:.3f}" if found else "-"


if __name__ == "__main__":
    main()
