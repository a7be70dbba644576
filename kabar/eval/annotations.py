"""`kabar eval annotations`: precision, recall and F1 of the annotation layer, on the five seeds (when the
shared corpus sits beside the repo) and on the twenty test pages (always here); then speakers, times and
figures on the hand-labelled real articles, dev part and held-back part apart (kabar.eval.real_annotations).

Quantities count when value and unit are exact (durations such as "90 hari" are left out: this gold
labels amounts); time expressions when their normalised dates and
precision are exact; quotes when the speaker is right (null for a speaker the text does not name);
entities when found under their canonical name or an alias, with the aliases and roles the gold
expects; attributions when the sentence credits the right named source; stances when a sentence that
is not plainly asserted gets the right one. Both corpora go through one scoring path.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.clean import clean
from kabar.eval import CHECKOUT_GOLD, SHARED, fixtures_folder
from kabar.eval.pages import all_pages
from kabar.ingest import iter_inputs
from kabar.model import Doc, Entity, QuantityAttrs, RawDocument
from kabar.nlp import annotate, link_entities

SEEDS = SHARED / "corpus" / "seeds"
LAYERS = ("quantities", "times", "quotes (speaker)", "entities", "aliases", "roles", "attribution", "stance")


@dataclass
class Score:
    true_positives: int = 0
    found: int = 0
    expected: int = 0

    def add(self, gold: list, system: list) -> None:
        overlap = Counter(map(_key, gold)) & Counter(map(_key, system))
        self.true_positives += sum(overlap.values())
        self.found += len(system)
        self.expected += len(gold)

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Corpus:
    title: str
    gold: Path
    docs: Callable[[], dict[str, Doc]]
    available: Callable[[], bool] = lambda: True


def _key(item: dict | str) -> str:
    """Comparable form: 1500.0 and 1500 are the same figure."""
    def plain(value: object) -> object:
        return int(value) if isinstance(value, float) and value.is_integer() else value

    if isinstance(item, str):
        return item
    return json.dumps({k: plain(v) for k, v in item.items()}, sort_keys=True)


def seed_docs() -> dict[str, Doc]:
    docs = {}
    for raw in iter_inputs([str(SEEDS)]):
        if isinstance(raw, RawDocument):
            docs[Path(raw.source).name] = annotate(clean(raw, Path(raw.source).stem[:3]))
    return docs


def page_docs(folder: Path) -> dict[str, Doc]:
    """The pages' text scrapes, cleaned as any input would be (cleaning keeps exactly their body lines)."""
    return {page.name: annotate(clean(page.raw("text"), page.name[:2])) for page in all_pages(folder)}


def corpora(gold: Path) -> tuple[Corpus, Corpus]:
    """The seeds (from the shared corpus) and the labelled pages, each with its gold file under `gold`."""
    return (Corpus("Annotation layer on the five seeds", gold / "nlp" / "seeds.json", seed_docs, SEEDS.exists),
            Corpus("Annotation layer on the twenty pages", gold / "nlp" / "pages.json",
                   lambda: page_docs(fixtures_folder(gold) / "pages")))


SEED_CORPUS, PAGE_CORPUS = corpora(CHECKOUT_GOLD)


def evaluate(corpus: Corpus = SEED_CORPUS) -> dict[str, Score]:
    gold = json.loads(corpus.gold.read_text("utf-8"))
    docs = corpus.docs()
    entities = link_entities(list(docs.values()))
    names = {e.id: e.name for e in entities}
    scores = {layer: Score() for layer in LAYERS}
    for name, doc in docs.items():
        amounts = [q for q in doc.layer("quantities") if q.attrs.get("unit") and q.attrs.get("kind") != "duration"]
        scores["quantities"].add(gold["quantities"][name], [_figure(q.attrs) for q in amounts])
        scores["times"].add(gold["times"][name], [
            {k: t.attrs.get(k) for k in ("start", "end", "precision")} for t in doc.layer("times")])
        scores["quotes (speaker)"].add(
            [{"speaker": q["speaker"]} for q in gold["quotes"][name]],
            [{"speaker": names.get(_entity_at(doc, q.attrs.get("speaker")) or "")} for q in doc.layer("quotes")])
        sources = {i: names.get(_entity_at(doc, [source["start"], source["end"]]) or "", source["name"])
                   for i, s in enumerate(doc.layer("sentences")) if (source := s.attrs.get("attribution"))}
        scores["attribution"].add(_by_sentence(doc, gold["attributions"].get(name, []), "source", sources),
                                  [{"sentence": i, "source": v} for i, v in sources.items()])
        stances = {i: s.attrs["stance"] for i, s in enumerate(doc.layer("sentences"))
                   if s.attrs.get("stance", "asserted") != "asserted"}
        scores["stance"].add(_by_sentence(doc, gold["stances"].get(name, []), "stance", stances),
                             [{"sentence": i, "stance": v} for i, v in stances.items()])
    _score_entities(gold["entities"], entities, scores)
    return scores


def _figure(attrs: QuantityAttrs) -> dict:
    figure = {k: attrs.get(k) for k in ("min", "max", "unit")}
    return figure | ({"vague": attrs["vague"]} if attrs.get("vague") else {})


def _entity_at(doc: Doc, offsets: list[int] | None) -> str | None:
    if not offsets:
        return None
    start, end = offsets
    return next((s.attrs.get("entity") for s in doc.layer("entities") if s.start == start and s.end == end), None)


def _by_sentence(doc: Doc, gold: list[dict], field: str, system: Mapping[int, str]) -> list[dict]:
    """Gold items keyed like the system's: by the index of the sentence holding the gold substring. Where
    the gold accepts several values (a sentence crediting two sources), the one the system chose counts."""
    sentences = doc.layer("sentences")
    keyed = []
    for item in gold:
        index = next((i for i, s in enumerate(sentences) if item["sentence"] in doc.text[s.start : s.end]),
                     item["sentence"])
        accepted = item[field] if isinstance(item[field], list) else [item[field]]
        chosen = system.get(index) if system.get(index) in accepted else accepted[0]
        keyed.append({"sentence": index, field: chosen})
    return keyed


def _score_entities(gold: list[dict], entities: list[Entity], scores: dict[str, Score]) -> None:
    forms = {e.id: {e.name, *e.aliases} for e in entities}
    found_gold = []
    for expected in gold:
        match = next((e for e in entities if expected["name"] in forms[e.id]), None)
        found_gold.append(match)
        scores["aliases"].add(expected.get("aliases", []), sorted(set(expected.get("aliases", [])) & forms[match.id])
                              if match else [])
        wanted = expected.get("roles", [])
        scores["roles"].add(wanted, [r for r in wanted if match and r in match.roles])
    gold_names = {g["name"] for g in gold} | {a for g in gold for a in g.get("aliases", [])}
    system_right = [e for e in entities if forms[e.id] & gold_names]
    scores["entities"].true_positives += sum(1 for m in found_gold if m is not None)
    scores["entities"].expected += len(gold)
    scores["entities"].found += len(entities) - len(system_right) + sum(1 for m in found_gold if m is not None)


def main(gold: Path = CHECKOUT_GOLD) -> None:
    console = Console()
    for corpus in corpora(gold):
        if not corpus.available():
            console.print(f"[yellow]Seeds not found at {SEEDS}: {corpus.title.lower()} skipped.[/]")
            continue
        table = Table(title=corpus.title)
        for column in ("layer", "precision", "recall", "F1", "gold items"):
            table.add_column(column, justify="left" if column == "layer" else "right")
        for layer, score in evaluate(corpus).items():
            table.add_row(layer, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                          str(score.expected))
        console.print(table)
    _print_real_sample(console)


def _print_real_sample(console: Console) -> None:
    """Speakers, times and figures on the hand-labelled real articles, the held-back third apart."""
    from kabar.eval import real_annotations as real  # imported here: that module builds on this one

    if not real.available():
        console.print(f"[yellow]Real articles not found at {real.REAL}: the real-sample figures are skipped.[/]")
        return
    table = Table(title="Speakers, times and figures on real articles (tests/gold/real)")
    for column in ("layer", "part", "precision", "recall", "F1", "value accuracy", "gold items"):
        table.add_column(column, justify="left" if column in ("layer", "part") else "right")
    speaker_scores = real.score_speakers()
    for part, speakers in speaker_scores.items():
        table.add_row("speakers", part, "", "", "", f"{speakers.accuracy:.3f}", str(speakers.quotes))
    for layer in ("times", "quantities"):
        for part, figures in real.score_spans(layer).items():
            spans = figures.spans
            table.add_row(layer, part, f"{spans.precision:.3f}", f"{spans.recall:.3f}", f"{spans.f1:.3f}",
                          f"{figures.value_accuracy:.3f}", str(spans.expected))
    console.print(table)
    console.print("held-back: the third of the labelled articles (by SHA-1 of their id) no rule was tuned on.")
    batches = Table(title="Speakers, times and figures on real articles per labelling batch "
                          "(tests/gold/real/batches.json)")
    for column in ("layer", "batch", "part", "precision", "recall", "F1", "value accuracy", "gold items"):
        batches.add_column(column, justify="left" if column in ("layer", "batch", "part") else "right")
    for (batch, part), speakers in real.score_speakers_by_batch().items():
        batches.add_row("speakers", batch, part, "", "", "", f"{speakers.accuracy:.3f}", str(speakers.quotes))
    for layer in ("times", "quantities"):
        for (batch, part), figures in real.score_spans_by_batch(layer).items():
            spans = figures.spans
            batches.add_row(layer, batch, part, f"{spans.precision:.3f}", f"{spans.recall:.3f}", f"{spans.f1:.3f}",
                            f"{figures.value_accuracy:.3f}", str(spans.expected))
    console.print(batches)
    console.print("quotes found on sentences the gold says report nobody: " + ", ".join(
        f"{part} {speakers.found_elsewhere}" for part, speakers in speaker_scores.items()))


if __name__ == "__main__":
    main()
