"""`kabar eval stories`: B-cubed precision, recall and F1 of story clustering on a labelled set, for the
batch clusterer (the whole set at once) and for live stories (one article at a time, oldest first).

The set (tests/fixtures/stories) was written for Kabar: nine stories, several of them look-alikes that
share actors, places and weeks (North Korean troops in Russia, a North Korean missile test, the treaty
ratified in Moscow; two different KPK cases; Jakarta floods and the council's debate over their cost).
B-cubed scores each article by how much of its system story shares its gold story and how much of its
gold story it was put with, so one large merged story costs as much as many stray singletons.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.clean import clean
from kabar.eval import CHECKOUT_GOLD, fixtures_folder
from kabar.ingest import iter_inputs
from kabar.model import Article, Doc, RawDocument
from kabar.nlp import annotate, link_entities
from kabar.store import Store
from kabar.stories.cluster import cluster
from kabar.stories.incremental import assign_story

GOLD = fixtures_folder(CHECKOUT_GOLD) / "stories"


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


def _scores(clusters: list[list[str]], labels: dict[str, str]) -> StoryScores:
    precision, recall, f1 = bcubed(clusters, labels)
    return StoryScores(precision, recall, f1, len(set(labels.values())), len(clusters), clusters, labels)


def evaluate(folder: Path = GOLD) -> StoryScores:
    """The batch clusterer, given the whole labelled set at once."""
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return _scores([story.articles for story in cluster(fixture_docs(folder))], labels)


def _arrival_order(article: Article) -> tuple[str, str]:
    moment = article.reference_date
    return (moment.replace(tzinfo=None).isoformat() if moment else "9999", article.id)


def evaluate_live(folder: Path = GOLD) -> StoryScores:
    """Live stories: the labelled articles stored one at a time, oldest first, into an empty store."""
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    raws = [raw for raw in iter_inputs([str(path) for path in sorted(folder.glob("*.txt"))])
            if isinstance(raw, RawDocument)]
    articles = {Path(raw.source).name: (clean(raw, Path(raw.source).name), raw) for raw in raws}
    homes: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "live.sqlite") as store:
        for article, raw in sorted(articles.values(), key=lambda pair: _arrival_order(pair[0])):
            store.add_article(article, raw)
            homes.setdefault(assign_story(store, article), []).append(article.id)
    return _scores(list(homes.values()), labels)


def main(gold: Path = CHECKOUT_GOLD) -> None:
    console = Console()
    folder = fixtures_folder(gold) / "stories"
    if not (folder / "labels.json").exists():
        console.print(f"[yellow]Labelled stories not found at {folder}: nothing to evaluate.[/]")
        return
    runs = {"batch (whole set)": evaluate(folder), "live (one at a time, oldest first)": evaluate_live(folder)}
    labels = runs["batch (whole set)"].labels
    table = Table(title=f"Story clustering on {len(labels)} labelled articles (B-cubed)")
    for column in ("clustering", "precision", "recall", "F1", "gold stories", "system stories"):
        table.add_column(column, justify="right" if column != "clustering" else "left")
    for name, scores in runs.items():
        table.add_row(name, f"{scores.precision:.3f}", f"{scores.recall:.3f}", f"{scores.f1:.3f}",
                      str(scores.gold_stories), str(scores.system_stories))
    console.print(table)
    for name, scores in runs.items():
        mixed = [members for members in scores.clusters if len({scores.labels.get(m) for m in members}) > 1]
        for members in mixed:
            console.print(f"mixed story ({name}): " + ", ".join(f"{m} ({scores.labels.get(m)})" for m in members))


if __name__ == "__main__":
    main()
