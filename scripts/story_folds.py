"""How far the story grouping's development figure holds across parts of the development events: B-cubed F1 of
events and threads on the CLICK-ID development events, all together, in three folds (by SHA-1 of the event id, a
rule independent of the held-back one) and per labelling batch, for the constants as they are and for each
`NAME=VALUE` given (module constants of kabar.stories.cluster; EVENT_COHESION and STORY_COHESION set their cut).

A constant whose best value differs between folds is fitted to the development events. Each fold is scored among
its own events, as the held-back part is among its own. Held-back events are never scored here.

    PYTHONPATH=$PWD nice .venv/bin/python scripts/story_folds.py EVENT_JOIN=0.24 EVENT_JOIN=0.30
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import replace

import kabar.stories.cluster as grouping
from kabar.eval.stories import REAL_CORPUS, REAL_GOLD, bcubed, real_articles
from kabar.stories.titles import headline_of

FOLDS = 3
BATCHES = {False: "first", True: "added", "third batch": "third", "fourth batch": "fourth", "fifth batch": "fifth"}
PARTS = ("all", *(f"fold{k}" for k in range(FOLDS)), *BATCHES.values())
COHESIONS = ("EVENT_COHESION", "STORY_COHESION")


def fold_of(event_id: str) -> int:
    """The held-back rule takes the SHA-1 modulo 3; the folds take the next base-3 digit, so all three fill."""
    return int(hashlib.sha1(event_id.encode()).hexdigest(), 16) // 3 % FOLDS


def development_parts(gold: dict, id_of: dict[str, str]) -> dict[str, dict[str, str]]:
    """Article id -> event, per part, of the development events only."""
    events = gold["events"]
    dev = {id_of[url]: event for url, event in gold["articles"].items()
           if url in id_of and not events[event]["held_back"]}
    parts = {"all": dev}
    for k in range(FOLDS):
        parts[f"fold{k}"] = {a: e for a, e in dev.items() if fold_of(e) == k}
    for added, name in BATCHES.items():
        parts[name] = {a: e for a, e in dev.items() if events[e].get("added", False) == added}
    return parts


def scores(items: list[grouping.Features], titles: dict[str, str], parts: dict[str, dict[str, str]],
           gold: dict) -> dict[tuple[str, str], float]:
    stories = grouping.group_features(items, titles)
    events = [event.articles for story in stories for event in story.events]
    threads = [story.articles for story in stories]
    found = {}
    for part, chosen in parts.items():
        for level, groups in (("events", events), ("threads", threads)):
            labels = chosen if level == "events" else {a: gold["events"][e]["thread"] for a, e in chosen.items()}
            clusters = [[m for m in group if m in labels] for group in groups]
            found[level, part] = bcubed([c for c in clusters if c], labels)[2]
    return found


def setting(assignment: str) -> object:
    """Set one constant; returns its value before."""
    name, value = assignment.split("=")
    before = getattr(grouping, name)
    if name in COHESIONS:
        setattr(grouping, name, replace(before, least=float(value)))
    else:
        setattr(grouping, name, type(before)(float(value)))
    return before


def main(assignments: list[str]) -> None:
    gold = json.loads(REAL_GOLD.read_text("utf-8"))
    articles = real_articles(REAL_CORPUS / gold["source"])
    items = [grouping.features(a, m) for a, m in zip(articles, grouping.article_meanings(articles), strict=True)]
    parts = development_parts(gold, {a.url: a.id for a in articles})
    titles = {a.id: headline_of(a) for a in articles}
    print(f"{'':28s} level    " + " ".join(f"{part:>6s}" for part in PARTS))
    for assignment in ["as is", *assignments]:
        before = setting(assignment) if assignment != "as is" else None
        found = scores(items, titles, parts, gold)
        for level in ("events", "threads"):
            figures = " ".join(f"{found[level, part]:6.3f}" for part in PARTS)
            print(f"{assignment:28s} {level:8s} {figures}", flush=True)
        if before is not None:
            setattr(grouping, assignment.split("=")[0], before)


if __name__ == "__main__":
    main(sys.argv[1:])
