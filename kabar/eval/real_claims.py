"""Claim groups on real multi-outlet events (tests/gold/stories/clickid-2019.json): for each event the
stories layer runs on that event's articles alone, as it does per story, and is scored against the claims
an editor lists. The held-back events are scored apart; rules are never tuned on them.

The event's articles are analysed as one story: the gold says which articles tell the event, and story
grouping is measured on its own (kabar eval stories), so a split there does not hide a comparison here.

A gold group is found by the largest system group of a compatible kind whose claims' own words (the
figure, the clause) hold one of its keys. System groups counted as found are those compared across two
or more outlets, plus any single-article group that matched: a claim only one article makes is not a
comparison an editor lists unless it is one the gold asks for. A group compared across outlets that the gold
does not list counts against precision: the gold lists every comparison an editor would put before a reader
(README.md), so an unlisted one is noise to that reader, not an item nobody judged; a claim split over two
groups costs precision the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kabar.clean import clean
from kabar.eval import CHECKOUT_GOLD, SHARED
from kabar.eval.annotations import Score
from kabar.ingest.options import IngestOptions
from kabar.ingest.records import record_to_item
from kabar.model import Claim, ClaimGroup, Doc, RawDocument, Story
from kabar.nlp import annotate, link_entities
from kabar.stories import analyze

GOLD = CHECKOUT_GOLD / "stories" / "clickid-2019.json"
CORPUS = SHARED / "corpus" / "real" / "clickid-2019-dev.jsonl"
MEASURES = ("claim groups found", "status (matched groups)", "independent sources (matched groups)")
# an event told in the clause of a figure ("DPR memilih lima pimpinan KPK") is compared as that figure
COMPATIBLE = {"quantity": ("quantity",), "event": ("event", "statement", "quantity"),
              "statement": ("statement", "event")}


FIRST_BATCH = "first twelve"


@dataclass
class EventResult:
    event: str
    held_back: bool
    batch: str = FIRST_BATCH
    matches: list[tuple[dict, ClaimGroup | None]] = field(default_factory=list)
    compared: int = 0
    # groups compared across outlets that the gold does not list (each costs precision)
    unlisted: list[ClaimGroup] = field(default_factory=list)
    # the system timeline's dates (start, end, precision), scored by kabar/eval/real_timeline.py
    timeline: list[dict] = field(default_factory=list)


def _records(urls: set[str]) -> dict[str, dict]:
    found = {}
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("url") in urls:
                found[record["url"]] = record
    return found


def event_docs(urls: list[str], records: dict[str, dict]) -> list[Doc]:
    docs = []
    for number, url in enumerate(urls, start=1):
        raw = record_to_item(url, records[url], IngestOptions())
        if isinstance(raw, RawDocument):
            docs.append(annotate(clean(raw, f"a{number}")))
    return docs


def one_story(story_id: str, docs: list[Doc]) -> Story:
    """The articles the gold puts together, as the one story whose claims are compared."""
    return Story(story_id, "", [d.article.id for d in docs])


def claim_words(claim: Claim) -> str:
    """What the claim itself says: its figure as written and its label, not the whole sentence."""
    return f"{claim.extra.get('figure', '')} {claim.text}".lower()


def _outlets(group: ClaimGroup, claims: dict[str, Claim], outlet_of: dict[str, str]) -> set[str]:
    return {outlet_of[claims[c].evidence[0].article] for c in group.claims}


def match_event(gold_groups: list[dict], groups: list[ClaimGroup], claims: dict[str, Claim],
                outlet_of: dict[str, str]) -> list:
    taken: set[str] = set()
    matches = []
    for expected in gold_groups:
        keys = [k.lower() for k in expected["keys"]]
        candidates = [g for g in groups if g.id not in taken
                      and claims[g.claims[0]].kind in COMPATIBLE[expected["kind"]]
                      and any(key in claim_words(claims[c]) for c in g.claims for key in keys)]
        group = max(candidates, key=lambda g: (len(_outlets(g, claims, outlet_of)), len(g.claims)), default=None)
        if group is not None:
            taken.add(group.id)
        matches.append((expected, group))
    return matches


def evaluate(gold_path: Path = GOLD, held_back: bool | None = None) -> list[EventResult]:
    """Every event, or only the held-back ones (True) or only the development ones (False): developing on the
    latter never analyses a held-back event."""
    gold = json.loads(gold_path.read_text("utf-8"))
    events = [e for e in gold["events"] if held_back is None or e["held_back"] == held_back]
    records = _records({url for event in events for url in event["articles"]})
    results = []
    for event in events:
        docs = event_docs(event["articles"], records)
        analysis = analyze(docs, link_entities(docs), stories=[one_story(event["id"], docs)])
        claims = {c.id: c for c in analysis.claims}
        outlet_of = {d.article.id: d.article.outlet or d.article.id for d in docs}
        result = EventResult(event["id"], event["held_back"], event.get("added", FIRST_BATCH),
                             match_event(event["groups"], analysis.groups, claims, outlet_of))
        matched = {g.id for _, g in result.matches if g is not None}
        across = [g for g in analysis.groups if len(_outlets(g, claims, outlet_of)) > 1]
        result.compared = len(across) + sum(1 for g in analysis.groups
                                            if g.id in matched and len(_outlets(g, claims, outlet_of)) < 2)
        result.unlisted = [g for g in across if g.id not in matched]
        result.timeline = [{"start": e.when.start, "end": e.when.end, "precision": e.when.precision}
                           for e in analysis.timeline]
        results.append(result)
    return results


def status_right(gold: dict, group: ClaimGroup) -> bool:
    return group.status == gold["status"]


def sources_right(gold: dict, group: ClaimGroup) -> bool:
    return gold["independent_sources"][0] <= group.independent_sources <= gold["independent_sources"][1]


def scores(results: list[EventResult]) -> dict[str, Score]:
    totals = {measure: Score() for measure in MEASURES}
    for result in results:
        matched = [(gold, group) for gold, group in result.matches if group is not None]
        found = totals["claim groups found"]
        found.true_positives += len(matched)
        found.found += result.compared
        found.expected += len(result.matches)
        for measure, right in (("status (matched groups)", status_right),
                               ("independent sources (matched groups)", sources_right)):
            score = totals[measure]
            score.true_positives += sum(1 for gold, group in matched if right(gold, group))
            score.found += len(matched)
            score.expected += len(result.matches)
    return totals
