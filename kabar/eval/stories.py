"""`kabar eval stories`: B-cubed precision, recall and F1 of story grouping, on real news and on the set
written for Kabar.

Real news: 1,463 articles of the CLICK-ID dev file (../shared/corpus/real) labelled with events and the
threads (stories) holding them (tests/gold/stories/clickid-2019-stories.json). The whole file of 7,015
articles is grouped, as `kabar analyze` would; the labelled articles are scored at both levels, the
held-back third of the events apart from the rest (nothing was tuned on it), and the events added after
the first set apart as well.

The Kompas dev file has no story labels: its LARGEST_SHOWN largest stories are listed (size, days, events,
title) with a reader's verdict, where one was given on nearly the same members (tests/gold/stories/
kompas-2025-largest.json, article ids only): one running story, or a beat, genre or theme merged into one.

The set (tests/fixtures/stories) was written for Kabar: nine stories, several of them look-alikes that
share actors, places and weeks (North Korean troops in Russia, a North Korean missile test, the treaty
ratified in Moscow; two different KPK cases; Jakarta floods and the council's debate over their cost).
B-cubed scores each article by how much of its system story shares its gold story and how much of its
gold story it was put with, so one large merged story costs as much as many stray singletons.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.clean import clean
from kabar.errors import KabarError
from kabar.eval import CHECKOUT_GOLD, SHARED, fixtures_folder
from kabar.ingest import iter_inputs
from kabar.model import Article, Doc, RawDocument, Story
from kabar.nlp import annotate, link_entities
from kabar.store import Store
from kabar.stories.cluster import cluster, group_articles
from kabar.stories.live import live_stories

GOLD = fixtures_folder(CHECKOUT_GOLD) / "stories"
REAL_GOLD = CHECKOUT_GOLD / "stories" / "clickid-2019-stories.json"
REAL_CORPUS = SHARED / "corpus" / "real"
UNLABELLED = "kompas-2025-dev.jsonl"
LARGEST_SHOWN = 30
KOMPAS_VERDICTS = CHECKOUT_GOLD / "stories" / "kompas-2025-largest.json"
JUDGED_OVERLAP = 0.8


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
    """Live stories: the labelled articles stored and placed one at a time, oldest first, into an empty store;
    scored on the stories they belong to once all are placed (later articles merge fragments)."""
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    raws = [raw for raw in iter_inputs([str(path) for path in sorted(folder.glob("*.txt"))])
            if isinstance(raw, RawDocument)]
    articles = {Path(raw.source).name: (clean(raw, Path(raw.source).name), raw) for raw in raws}
    arrival = sorted(articles.values(), key=lambda pair: _arrival_order(pair[0]))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "live.sqlite") as store:
        for article, raw in arrival:
            store.add_article(article, raw)
            live_stories(store, [article])
        stories = live_stories(store, [article for article, _ in arrival])
    return _scores([story.articles for story in stories], labels)


# (part, held back, batch): each batch of events (`added` in the gold: absent for the first set, true for the
# second, "third batch", "fourth batch", "fifth batch") is also scored apart; None takes them all
THIRD, FOURTH, FIFTH = "third batch", "fourth batch", "fifth batch"
PARTS = (("development", False, None), ("development, first set", False, False), ("development, added", False, True),
         ("development, third set", False, THIRD), ("development, fourth set", False, FOURTH),
         ("development, fifth set", False, FIFTH),
         ("held back", True, None), ("held back, first set", True, False), ("held back, added", True, True),
         ("held back, third set", True, THIRD), ("held back, fourth set", True, FOURTH),
         ("held back, fifth set", True, FIFTH))


@dataclass
class RealScores:
    """(precision, recall, F1) per level ("event", "story") and part (`PARTS`: "development", "held back", ...)."""

    figures: dict[tuple[str, str], tuple[float, float, float]]
    articles: int
    labelled: dict[str, int]


def real_articles(path: Path) -> list[Article]:
    """Every record of a JSONL file cleaned as ingest would clean it (ids as ingest gives them)."""
    found = []
    for raw in iter_inputs([str(path)]):
        if isinstance(raw, RawDocument):
            try:
                found.append(clean(raw, "a-" + raw.sha256[:12]))
            except KabarError:  # ingest rejects it too
                continue
    return found


@cache
def _grouped_file(path: Path) -> tuple[list[Article], list[Story]]:
    """A JSONL file's articles and the stories they group into, once per process: `eval all` and the
    tests score the same grouping of the 7,015-article file, which takes minutes."""
    articles = real_articles(path)
    return articles, group_articles(articles)


def evaluate_real(gold_path: Path = REAL_GOLD, corpus: Path = REAL_CORPUS) -> RealScores:
    gold = json.loads(gold_path.read_text("utf-8"))
    articles, stories = _grouped_file(corpus / gold["source"])
    id_of = {a.url: a.id for a in articles}
    events = {e.id: e.articles for s in stories for e in s.events}
    threads = {s.id: s.articles for s in stories}
    figures, labelled = {}, {}
    for part, held, batch in PARTS:
        chosen = {id_of[url]: event for url, event in gold["articles"].items() if url in id_of
                  and gold["events"][event]["held_back"] == held
                  and batch in (None, gold["events"][event].get("added", False))}
        labelled[part] = len(chosen)
        for level, groups in (("event", events), ("story", threads)):
            labels = chosen if level == "event" else {a: gold["events"][e]["thread"] for a, e in chosen.items()}
            clusters = [[m for m in members if m in labels] for members in groups.values()]
            figures[level, part] = bcubed([c for c in clusters if c], labels)
    return RealScores(figures, len(articles), labelled)


def _real_table(console: Console, gold_path: Path) -> None:
    if not (REAL_CORPUS / "clickid-2019-dev.jsonl").exists():
        console.print(f"[yellow]Real news not found at {REAL_CORPUS}: skipping the CLICK-ID events.[/]")
        return
    scores = evaluate_real(gold_path)
    table = Table(title=f"Events and stories on real news: CLICK-ID dev, {scores.articles:,} articles grouped "
                        f"(B-cubed on the labelled ones)")
    for column in ("level", "part", "labelled", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column in ("level", "part") else "right")
    for (level, part), (precision, recall, f1) in scores.figures.items():
        table.add_row(level, part, str(scores.labelled[part]), f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}")
    console.print(table)


@dataclass
class Verdict:
    """A reader's judgement of one grouped story of the Kompas file: its members, and whether they are one story."""

    articles: frozenset[str]
    one_story: bool
    about: str


def read_verdicts(path: Path = KOMPAS_VERDICTS) -> list[Verdict]:
    if not path.exists():
        return []
    return [Verdict(frozenset(v["articles"]), v["one_story"], v["about"])
            for v in json.loads(path.read_text("utf-8"))["stories"]]


def judged(members: Sequence[str], verdicts: Sequence[Verdict]) -> Verdict | None:
    """The verdict given on nearly the same members (Jaccard at least JUDGED_OVERLAP), if any: a story that
    has since been split or grown into something else needs a reader's look again."""
    found = set(members)
    best = max(verdicts, key=lambda v: len(v.articles & found) / len(v.articles | found), default=None)
    if best is None or len(best.articles & found) / len(best.articles | found) < JUDGED_OVERLAP:
        return None
    return best


def _largest_table(console: Console, path: Path = REAL_CORPUS / UNLABELLED) -> None:
    if not path.exists():
        return
    articles, stories = _grouped_file(path)
    day = {a.id: a.reference_date.date().isoformat() for a in articles if a.reference_date}
    largest = sorted(stories, key=lambda s: -len(s.articles))[:LARGEST_SHOWN]
    verdicts = read_verdicts()
    table = Table(title=f"The {LARGEST_SHOWN} largest stories of {path.name} ({len(articles):,} articles): "
                        "one story each, or a beat, genre or theme?")
    for column in ("#", "articles", "events", "days", "verdict", "title"):
        table.add_column(column, justify="left" if column in ("days", "verdict", "title") else "right")
    tally: Counter[str] = Counter()
    for rank, story in enumerate(largest, 1):
        days = sorted(day[m] for m in story.articles if m in day)
        span = f"{days[0]} .. {days[-1]}" if days else "undated"
        verdict = judged(story.articles, verdicts)
        said = "unjudged" if verdict is None else "one story" if verdict.one_story else "not one story"
        tally[said] += 1
        table.add_row(str(rank), str(len(story.articles)), str(len(story.events)), span, said, story.title)
    console.print(table)
    console.print(f"Of the {len(largest)} largest: {tally['one story']} judged one story, {tally['not one story']} "
                  f"a beat, genre or theme merged into one, {tally['unjudged']} not yet judged "
                  f"({KOMPAS_VERDICTS.name}).")


def main(gold: Path = CHECKOUT_GOLD) -> None:
    console = Console()
    _real_table(console, gold / "stories" / "clickid-2019-stories.json")
    _largest_table(console)
    folder = fixtures_folder(gold) / "stories"
    if not (folder / "labels.json").exists():
        console.print(f"[yellow]Labelled stories not found at {folder}: nothing to evaluate.[/]")
        return
    runs = {"two-level grouping (stories)": evaluate(folder), "live placement at ingest": evaluate_live(folder)}
    labels = runs["two-level grouping (stories)"].labels
    table = Table(title=f"Stories on the {len(labels)} articles written for Kabar (B-cubed)")
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
