"""A dated timeline: events the articles date, one entry per event however many report it."""

from __future__ import annotations

from collections import defaultdict

from kabar.model import Claim, TimelineEntry
from kabar.stories.claims import listed_events

PRECISE = ("day", "week", "month", "year")


def build_timeline(claims: list[Claim], names: dict[str, str]) -> list[TimelineEntry]:
    """Event claims with a date; reports of the same event (same action on the same dates) merge
    into one entry carrying all their evidence."""
    merged: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != "event" or claim.when is None or claim.when.precision not in PRECISE:
            continue
        if claim.extra.get("event") not in listed_events() and (claim.when.expression or "") not in claim.text:
            continue  # a date elsewhere in the sentence may date another clause of it
        merged[(claim.when.start, claim.when.end, claim.extra.get("event"))].append(claim)
    entries = []
    for members in merged.values():
        first = members[0]
        evidence = [e for c in members for e in c.evidence]
        sources = sorted({names.get(c.attributed_to or "", "") for c in members} - {""})
        text = first.text + (f" (per {', '.join(sources)})" if sources else "")
        entries.append(TimelineEntry(first.when, text, evidence, [c.id for c in members]))
    return sorted(entries, key=lambda e: (e.when.start, e.when.end or ""))
