"""The dated timeline on real multi-outlet events (tests/gold/stories/clickid-2019-timeline.json): the
timeline the stories layer builds for an event's articles, analysed as one story by kabar/eval/real_claims.py,
against the entries an editor expects, compared by dates and precision as on the seeds. Only the events the
timeline gold lists are scored; held-back ones apart, by the claim gold's own split."""

from __future__ import annotations

import json
from pathlib import Path

from kabar.eval import CHECKOUT_GOLD
from kabar.eval.annotations import Score
from kabar.eval.real_claims import EventResult

GOLD = CHECKOUT_GOLD / "stories" / "clickid-2019-timeline.json"
DATE_FIELDS = ("start", "end", "precision")


def gold_timelines(gold_path: Path = GOLD) -> dict[str, list[dict]]:
    """Each labelled event's expected entries, by event id."""
    gold = json.loads(gold_path.read_text("utf-8"))
    return {event["id"]: event["timeline"] for event in gold["events"]}


def dates(entries: list[dict]) -> list[dict]:
    """What is scored of an entry: its dates and precision (the gold's `event` label is for people)."""
    return [{k: entry[k] for k in DATE_FIELDS} for entry in entries]


def score(results: list[EventResult], expected: dict[str, list[dict]]) -> Score:
    """Precision and recall of the system's dated entries over the labelled events among the results."""
    total = Score()
    for result in results:
        if result.event in expected:
            total.add(dates(expected[result.event]), dates(result.timeline))
    return total
