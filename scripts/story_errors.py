"""Where the story grouping's development events go wrong: each labelled development event the grouping splits
or merges with another, largest loss first. An event's loss is its size times (2 - its B-cubed precision - its
recall), so the losses add up to what the development F1 misses. For each such event: the system events holding
its reports (a split) and the other labelled events sharing them (a merge), with a headline of each. Held-back
events are never listed.

    PYTHONPATH=$PWD nice .venv/bin/python scripts/story_errors.py [how many, 20]
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import kabar.stories.cluster as grouping
from kabar.eval.stories import REAL_CORPUS, REAL_GOLD, real_articles
from kabar.model import Story
from kabar.stories.titles import headline_of


def losses(events: list[list[str]], labels: dict[str, str]) -> Counter[str]:
    """Per labelled event, its members' summed B-cubed misses (1 - precision) + (1 - recall)."""
    system_of = {m: tuple(members) for members in events for m in members}
    size = Counter(labels.values())
    lost: Counter[str] = Counter()
    for item, label in labels.items():
        together = [m for m in system_of.get(item, (item,)) if m in labels]
        right = sum(1 for other in together if labels[other] == label)
        lost[label] += 2 - right / len(together) - right / size[label]
    return lost


def report(stories: list[Story], labels: dict[str, str], titles: dict[str, str], shown: int) -> None:
    events = [[m for m in event.articles if m in labels] for story in stories for event in story.events]
    events = [event for event in events if event]
    story_of = {m: story.id for story in stories for m in story.articles}
    lost = losses(events, labels)
    print(f"development events: {len(set(labels.values()))}, loss {sum(lost.values()):.0f} over {len(labels)} reports")
    for label, loss in lost.most_common(shown):
        holding = [event for event in events if any(labels[m] == label for m in event)]
        print(f"\n{label}: loss {loss:.1f}, {sum(1 for v in labels.values() if v == label)} reports, "
              f"in {len(holding)} system events, {len({story_of[e[0]] for e in holding})} stories")
        for event in sorted(holding, key=len, reverse=True):
            mine = [m for m in event if labels[m] == label]
            others = Counter(labels[m] for m in event if labels[m] != label)
            mixed = ", ".join(f"{other} {n}" for other, n in others.most_common(3))
            print(f"  {len(mine):3d} of an event of {len(event):3d}{' with ' + mixed if mixed else ''}: "
                  f"{titles[mine[0]][:90]}")


def main(shown: int) -> None:
    gold = json.loads(REAL_GOLD.read_text("utf-8"))
    articles = real_articles(REAL_CORPUS / gold["source"])
    items = [grouping.features(a, m) for a, m in zip(articles, grouping.article_meanings(articles), strict=True)]
    id_of = {a.url: a.id for a in articles}
    labels = {id_of[url]: event for url, event in gold["articles"].items()
              if url in id_of and not gold["events"][event]["held_back"]}
    titles = {a.id: headline_of(a) for a in articles}
    report(grouping.group_features(items, titles), labels, titles, shown)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
