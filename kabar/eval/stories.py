"""`kabar eval stories`: B-cubed precision, recall and F1 of story clustering on a labelled set.

The set (tests/fixtures/stories) was written for Kabar: nine stories, several of them look-alikes that
share actors, places and weeks (North Korean troops in Russia, a North Korean missile test, the treaty
ratified in Moscow; two different KPK cases; Jakarta floods and the council's debate over their cost).
B-cubed scores each article by how much of its system story shares its gold story and how much of its
gold story it was put with, so one large merged story costs as much as many stray singletons.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.clean import clean
from kabar.ingest import iter_inputs
from kabar.model import Doc, RawDocument
from kabar.nlp import annotate, link_entities
from kabar.stories.cluster import cluster

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "fixtures" / "stories"


@dataclass
class StoryScores:
    precision: float
    recall: float
    f1: float
    gold_stories: int
    system_stories: int
    clusters: list[list[str]]
    labels: dict[str, str]


def bcubed(clusters: Sequence[Sequence[str]], labels: Mapping[str, str]) -> tuple[float, float, float]:
    """Per-article B-cubed precision and recall averaged over all articles, and their harmonic mean."""
    system_of = {item: tuple(members) for members in clusters for item in members}
    gold_members: dict[str, list[str]] = {}
    for item, label in labels.items():
        gold_members.setdefault(label, []).append(item)
    precision = recall = 0.0
    for item, label in labels.items():
        together = system_of.get(item, (item,))
        right = sum(1 for other in together if labels.get(other) == label)
        precision += right / len(together)
        recall += right / len(gold_members[label])
    count = len(labels) or 1
    precision, recall = precision / count, recall / count
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fixture_docs(folder: Path = GOLD) -> list[Doc]:
    """The labelled articles as the main job would see them: cleaned, annotated and linked across the set."""
    docs = []
    for raw in iter_inputs([str(path) for path in sorted(folder.glob("*.txt"))]):
        if isinstance(raw, RawDocument):
            docs.append(annotate(clean(raw, Path(raw.source).name)))
    link_entities(docs)
    return docs


def evaluate(folder: Path = GOLD) -> StoryScores:
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    clusters = [story.articles for story in cluster(fixture_docs(folder))]
    precision, recall, f1 = bcubed(clusters, labels)
    return StoryScores(precision, recall, f1, len(set(labels.values())), len(clusters), clusters, labels)


def main() -> None:
    console = Console()
    if not (GOLD / "labels.json").exists():
        console.print(f"[yellow]Labelled stories not found at {GOLD}: nothing to evaluate.[/]")
        return
    scores = evaluate()
    table = Table(title=f"Story clustering on {len(scores.labels)} labelled articles (B-cubed)")
    for column in ("precision", "recall", "F1", "gold stories", "system stories"):
        table.add_column(column, justify="right")
    table.add_row(f"{scores.precision:.3f}", f"{scores.recall:.3f}", f"{scores.f1:.3f}",
                  str(scores.gold_stories), str(scores.system_stories))
    console.print(table)
    mixed = [members for members in scores.clusters if len({scores.labels.get(m) for m in members}) > 1]
    for members in mixed:
        console.print("mixed story: " + ", ".join(f"{m} ({scores.labels.get(m)})" for m in members))


if __name__ == "__main__":
    main()
