"""`kabar eval claims`: the stories layer on the five seeds against the claim groups, statuses,
independent-source counts and timeline an editor expects (tests/gold/stories/seeds.json).

The five seeds tell one story and are analysed as one (story grouping is measured by kabar eval stories).
System groups counted as found are those compared across two or more articles, and any group a gold
group matched (as on the real events, kabar/eval/real_claims.py). A gold group is found when a system
group has its kind, counts its unit or names its event, is about one of its subjects and quotes one of
its key phrases in its evidence; each gold group takes the largest such group, so a claim split over
several groups costs precision. Status and independence are scored on matched groups (independence
within the range the gold accepts); figures by value and credited source inside the matched group;
timeline entries by dates and precision.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from rich.console import Console
from rich.table import Table

from kabar.eval import CHECKOUT_GOLD, predicates, real_claims, real_timeline
from kabar.eval.annotations import SEEDS, Score, seed_docs
from kabar.model import Claim, ClaimGroup, GroupStatus
from kabar.nlp import link_entities
from kabar.stories import analyze

GOLD = CHECKOUT_GOLD / "stories" / "seeds.json"
MEASURES = ("claim groups found", "status (matched groups)", "independent sources (matched groups)",
            "figures with their source", "timeline (dates + precision)")


@dataclass
class Match:
    gold: dict
    group: ClaimGroup | None
    figures: set[tuple] = field(default_factory=set)


@dataclass
class ClaimScores:
    scores: dict[str, Score]
    matches: list[Match]


def _signature(group: ClaimGroup, claims: dict[str, Claim], names: dict[str, str]) -> tuple[str, set, set, str]:
    """What a system group is about: its kind, the units or events it holds, its subjects' names, and the
    text of its evidence."""
    members = [claims[c] for c in group.claims]
    kind = members[0].kind
    what = {(c.quantity or {}).get("unit") if kind == "quantity" else c.extra.get("event") for c in members}
    evidence = "\n".join(e.text for c in members for e in c.evidence)
    return kind, what, {names.get(c.subject or "") for c in members} - {None}, evidence


def _fits(gold: dict, signature: tuple[str, set, set, str]) -> bool:
    """Same kind, unit or event, and subject, and its evidence holds one of the gold's key phrases (which
    tells two meetings of the same people apart)."""
    kind, what, subjects, evidence = signature
    wanted = gold.get("units" if gold["kind"] == "quantity" else "events", [])
    return (kind == gold["kind"] and bool(what & set(wanted)) and bool(subjects & set(gold["subjects"]))
            and any(key in evidence for key in gold["keys"]))


def _figure_key(quantity: dict) -> tuple:
    def plain(value: float | None) -> int | None:
        return None if value is None else int(value)

    if quantity.get("vague"):
        return ("vague", quantity["vague"])
    return (plain(quantity.get("min")), plain(quantity.get("max")))


def _system_figures(group: ClaimGroup, claims: dict[str, Claim], names: dict[str, str]) -> set[tuple]:
    return {(_figure_key(claims[c].quantity or {}), names.get(claims[c].attributed_to or ""))
            for c in group.claims if claims[c].kind == "quantity"}


def _outlets(group: ClaimGroup, claims: dict[str, Claim]) -> set[str]:
    """The outlets (seed files stand for one outlet each) whose articles make the group's claims."""
    return {claims[c].evidence[0].article for c in group.claims}


def _in_range(count: int, accepted: list[int]) -> bool:
    low, high = accepted
    return low <= count <= high


def evaluate(gold_path: Path = GOLD) -> ClaimScores:
    gold = json.loads(gold_path.read_text("utf-8"))
    docs = list(seed_docs().values())
    entities = link_entities(docs)
    names = {e.id: e.name for e in entities}
    analysis = analyze(docs, entities, stories=[real_claims.one_story("seeds", docs)])
    claims = {c.id: c for c in analysis.claims}
    signatures = {g.id: _signature(g, claims, names) for g in analysis.groups}
    scores = {measure: Score() for measure in MEASURES}
    taken: set[str] = set()
    matches = []
    for expected in gold["groups"]:
        candidates = [g for g in analysis.groups if g.id not in taken and _fits(expected, signatures[g.id])]
        group = max(candidates, key=lambda g: len(g.claims), default=None)
        match = Match(expected, group)
        if group is not None:
            taken.add(group.id)
            match.figures = _system_figures(group, claims, names)
        matches.append(match)
    matched = {m.group.id for m in matches if m.group is not None}
    compared = [g for g in analysis.groups if g.id in matched or len(_outlets(g, claims)) > 1]
    _score_groups(matches, len(compared), scores)
    scores["timeline (dates + precision)"].add(
        [{k: entry[k] for k in ("start", "end", "precision")} for entry in gold["timeline"]],
        [{"start": e.when.start, "end": e.when.end, "precision": e.when.precision} for e in analysis.timeline])
    return ClaimScores(scores, matches)


def _score_groups(matches: list[Match], system_groups: int, scores: dict[str, Score]) -> None:
    matched = [m for m in matches if m.group is not None]
    found = scores["claim groups found"]
    found.true_positives, found.found, found.expected = len(matched), system_groups, len(matches)
    for measure, agrees in (
            ("status (matched groups)", lambda m: m.group.status == m.gold["status"]),
            ("independent sources (matched groups)",
             lambda m: _in_range(m.group.independent_sources, m.gold["independent_sources"]))):
        score = scores[measure]
        score.true_positives = sum(1 for m in matched if agrees(m))
        score.found, score.expected = len(matched), len(matches)
    figures = scores["figures with their source"]
    for match in matches:
        wanted = {(_figure_key(f), f["source"]) for f in match.gold.get("figures", [])}
        if wanted:
            figures.true_positives += len(wanted & match.figures)
            figures.found += len(match.figures)
            figures.expected += len(wanted)


def main(gold: Path = CHECKOUT_GOLD, detail: bool = False) -> None:
    """The figures on the seeds and on the real events; with `detail`, every development event's gold groups
    beside the system group each matched, and the groups compared across outlets that the gold does not list."""
    console = Console()
    if not SEEDS.exists():
        console.print(f"[yellow]Seeds not found at {SEEDS}: claim evaluation skipped.[/]")
        return
    result = evaluate(gold / "stories" / "seeds.json")
    table = Table(title="Claims, claim groups and timeline on the five seeds")
    for column in ("measure", "precision", "recall", "F1", "gold items"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for measure, score in result.scores.items():
        table.add_row(measure, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.expected))
    console.print(table)
    matched = Table(title="Gold claim groups and the system group each matched")
    for column in ("gold group", "system group", "status (gold / system)", "sources (gold / system)"):
        matched.add_column(column)
    for match in result.matches:
        low, high = match.gold["independent_sources"]
        accepted = str(low) if low == high else f"{low}–{high}"
        group = match.group
        matched.add_row(match.gold["id"], group.topic if group else "—",
                       f"{match.gold['status']} / {group.status if group else '—'}",
                       f"{accepted} / {group.independent_sources if group else '—'}")
    console.print(matched)
    _print_real(console, gold, detail)
    if predicates.UD_TEST.exists():
        found = predicates.evaluate()
        console.print(f"Clause predicates on {found.sentences} UD Indonesian-CSUI test sentences with a verb root: "
                      f"a verb {found.is_verb:.3f}, the root verb {found.is_root:.3f}, "
                      f"none found {found.none_found:.3f}")


def _print_real(console: Console, gold: Path, detail: bool = False) -> None:
    if not real_claims.CORPUS.exists():
        console.print(f"[yellow]Real corpus not found at {real_claims.CORPUS}: real-event claim evaluation skipped.[/]")
        return
    results = real_claims.evaluate(gold / "stories" / "clickid-2019.json")
    # the first batch first, then the rest in the gold's order (a set's order changes from run to run)
    batches = sorted(dict.fromkeys(r.batch for r in results), key=lambda batch: batch != real_claims.FIRST_BATCH)
    parts = [("development events", [r for r in results if not r.held_back])]
    parts += [(f"development events of the {batch}", [r for r in results if not r.held_back and r.batch == batch])
              for batch in batches if len(batches) > 1]
    parts += [(f"held-back events of the {batch} (never tuned on)",
               [r for r in results if r.held_back and r.batch == batch]) for batch in batches]
    for title, part in parts:
        table = Table(title=f"Claim groups on real multi-outlet events of clickid-2019: {title}")
        for column in ("measure", "precision", "recall", "F1", "gold items"):
            table.add_column(column, justify="left" if column == "measure" else "right")
        for measure, score in real_claims.scores(part).items():
            table.add_row(measure, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                          str(score.expected))
        console.print(table)
    timelines = real_timeline.gold_timelines(gold / "stories" / "clickid-2019-timeline.json")
    console.print(timeline_table(results, timelines))
    if detail:
        console.print(detail_table(results))
        console.print(status_confusion(results))
        console.print(timeline_detail(results, timelines))


def timeline_table(results: list[real_claims.EventResult], timelines: dict[str, list[dict]]) -> Table:
    """The timeline's dates and precision on the labelled real events, development and held-back apart."""
    table = Table(title="Timeline (dates + precision) on real multi-outlet events of clickid-2019")
    for column in ("events", "precision", "recall", "F1", "gold items"):
        table.add_column(column, justify="left" if column == "events" else "right")
    for title, held_back in (("development", False), ("held-back (never tuned on)", True)):
        part = [r for r in results if r.held_back == held_back and r.event in timelines]
        score = real_timeline.score(part, timelines)
        table.add_row(f"{title} ({len(part)})", f"{score.precision:.3f}", f"{score.recall:.3f}",
                      f"{score.f1:.3f}", str(score.expected))
    return table


def timeline_detail(results: list[real_claims.EventResult], timelines: dict[str, list[dict]]) -> Table:
    """Per labelled development event, the dates the gold expects that the system missed and the ones it gave
    that the gold does not hold. Held-back events are never shown."""
    table = Table(title="Timeline of the development events: dates missed and dates not expected")
    for column in ("event", "missed (gold)", "not expected (system)"):
        table.add_column(column)
    for result in (r for r in results if not r.held_back and r.event in timelines):
        gold = [_date_label(e) for e in real_timeline.dates(timelines[result.event])]
        system = [_date_label(e) for e in real_timeline.dates(result.timeline)]
        missed, extra = _multiset_minus(gold, system), _multiset_minus(system, gold)
        table.add_row(result.event, ", ".join(missed) or "—", ", ".join(extra) or "—")
    return table


def _date_label(entry: dict) -> str:
    span = entry["start"] + (f"..{entry['end']}" if entry["end"] else "")
    return f"{span} ({entry['precision']})"


def _multiset_minus(items: list[str], others: list[str]) -> list[str]:
    left = list(others)
    kept = []
    for item in items:
        if item in left:
            left.remove(item)
        else:
            kept.append(item)
    return kept


def detail_table(results: list[real_claims.EventResult]) -> Table:
    """One row per gold group of the development events, marked where the system's group is missing or its
    status or source count is wrong, then one per group compared across outlets that the gold does not list.
    Held-back events are scored but never shown in detail, so no rule is tuned on them."""
    table = Table(title="Claim groups of the development events: gold beside system (✗ marks what is wrong)")
    for column in ("event", "gold group", "system group", "status (gold / system)", "sources (gold / system)",
                   "system note"):
        table.add_column(column)
    for result in (r for r in results if not r.held_back):
        for gold, group in result.matches:
            low, high = gold["independent_sources"]
            accepted = str(low) if low == high else f"{low}–{high}"
            if group is None:
                table.add_row(result.event, gold["id"], "✗ not found", gold["status"], accepted, "")
                continue
            table.add_row(result.event, gold["id"], group.topic,
                          _marked(f"{gold['status']} / {group.status}", real_claims.status_right(gold, group)),
                          _marked(f"{accepted} / {group.independent_sources}",
                                  real_claims.sources_right(gold, group)), group.note)
        for group in result.unlisted:
            table.add_row(result.event, "✗ not listed", group.topic, f"— / {group.status}",
                          f"— / {group.independent_sources}", group.note)
    return table


def status_confusion(results: list[real_claims.EventResult]) -> Table:
    """How often each gold status of a development event's found group came out as each system status: which
    statuses are mistaken for which, the first thing to read before changing the status rule. Held-back events are
    left out, as in `detail_table`."""
    counts: dict[tuple[str, str], int] = {}
    for result in (r for r in results if not r.held_back):
        for gold, group in result.matches:
            if group is not None:
                counts[gold["status"], group.status] = counts.get((gold["status"], group.status), 0) + 1
    table = Table(title="Status of the development events' found groups: gold (rows) against system (columns)")
    table.add_column("gold / system")
    statuses = get_args(GroupStatus)
    for status in statuses:
        table.add_column(status, justify="right")
    for expected in statuses:
        table.add_row(expected, *(str(counts.get((expected, given), 0)) for given in statuses))
    return table


def _marked(text: str, right: bool) -> str:
    return text if right else f"✗ {text}"


if __name__ == "__main__":
    main()
