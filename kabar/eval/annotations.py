"""`kabar eval annotations`: precision, recall and F1 of the annotation layer on the seeds.

Quantities count when value and unit are exact; time expressions when their normalised dates and
precision are exact; quotes when the speaker is right; entities when found under their canonical
name or an alias, with the aliases and roles the gold expects.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.clean import clean
from kabar.ingest import iter_inputs
from kabar.model import Doc, Entity, RawDocument
from kabar.nlp import annotate, link_entities

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
GOLD = REPO / "tests" / "gold" / "nlp" / "seeds.json"


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


def _key(item: dict | str) -> str:
    """Comparable form: 1500.0 and 1500 are the same figure."""
    def plain(value: object) -> object:
        return int(value) if isinstance(value, float) and value.is_integer() else value

    if isinstance(item, str):
        return item
    return json.dumps({k: plain(v) for k, v in item.items()}, sort_keys=True)


def seed_docs() -> tuple[dict[str, Doc], list[Entity]]:
    docs = {}
    for raw in iter_inputs([str(SEEDS)]):
        if isinstance(raw, RawDocument):
            docs[Path(raw.source).name] = annotate(clean(raw, Path(raw.source).stem[:3]))
    return docs, link_entities(list(docs.values()))


def evaluate() -> dict[str, Score]:
    gold = json.loads(GOLD.read_text("utf-8"))
    docs, entities = seed_docs()
    names = {e.id: e.name for e in entities}
    scores = {layer: Score() for layer in ("quantities", "times", "quotes (speaker)", "entities", "aliases", "roles")}
    for name, doc in docs.items():
        scores["quantities"].add(gold["quantities"][name], [_figure(q.attrs) for q in doc.layer("quantities")
                                                             if q.attrs.get("unit")])
        scores["times"].add(gold["times"][name], [
            {k: t.attrs.get(k) for k in ("start", "end", "precision")} for t in doc.layer("times")])
        scores["quotes (speaker)"].add(
            [{"speaker": q["speaker"]} for q in gold["quotes"][name]],
            [{"speaker": names.get(_speaker(doc, q), "?")} for q in doc.layer("quotes")])
    _score_entities(gold["entities"], entities, scores)
    return scores


def _figure(attrs: dict) -> dict:
    figure = {k: attrs.get(k) for k in ("min", "max", "unit")}
    return figure | ({"vague": attrs["vague"]} if attrs.get("vague") else {})


def _speaker(doc: Doc, quote) -> str | None:
    if not quote.attrs.get("speaker"):
        return None
    start, end = quote.attrs["speaker"]
    return next((s.attrs.get("entity") for s in doc.layer("entities") if s.start == start and s.end == end), None)


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


def main() -> None:
    console = Console()
    if not SEEDS.exists():
        console.print(f"[yellow]Seeds not found at {SEEDS}: nothing to evaluate.[/]")
        return
    table = Table(title="Annotation layer on the five seeds")
    for column in ("layer", "precision", "recall", "F1", "gold items"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    for layer, score in evaluate().items():
        table.add_row(layer, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.expected))
    console.print(table)


if __name__ == "__main__":
    main()
