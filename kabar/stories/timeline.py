"""A dated timeline: what the articles date, one entry per event however many report it."""

from __future__ import annotations

from datetime import date

from kabar.model import Claim, TimelineEntry
from kabar.stories.claims import WORD, listed_events, predicate_words
from kabar.stories.meaning import word_overlap

PRECISE = ("day", "week", "month", "year")
# stems two reports of one dated event share at least (same date, "memanggil duta besar" twice)
SAME_ENTRY_WORDS = 0.2
# what lies further back than this before the newest dated entry is background, not the story's timeline
BACKGROUND_DAYS = 365


def build_timeline(claims: list[Claim], names: dict[str, str]) -> list[TimelineEntry]:
    """Dated events and figures; reports of the same thing on the same dates merge into one entry carrying
    all their evidence. A date counts where it stands in the claim's own clause (or dates a listed event),
    since a date elsewhere in the sentence may date another clause of it."""
    merged: list[list[Claim]] = []
    for claim in claims:
        if claim.kind == "statement" or claim.when is None or claim.when.precision not in PRECISE:
            continue
        if not _dated_by_its_own_words(claim) or _planned(claim):
            continue
        home = next((members for members in merged if _same_entry(members[0], claim)), None)
        if home is None:
            merged.append([claim])
        else:
            home.append(claim)
    newest = max((_day(m[0].when.start) for m in merged), default=None)  # type: ignore[union-attr]
    entries = []
    for members in merged:
        if newest and (newest - _day(members[0].when.start)).days > BACKGROUND_DAYS:  # type: ignore[union-attr]
            continue
        first = members[0]
        assert first.when is not None  # only dated claims were merged
        evidence = [e for c in members for e in c.evidence]
        sources = sorted({names.get(c.attributed_to or "", "") for c in members} - {""})
        label = first.extra.get("clause") or first.text
        text = label + (f" ({', '.join(sources)})" if sources else "")
        entries.append(TimelineEntry(first.when, text, evidence, [c.id for c in members]))
    return sorted(entries, key=lambda e: (e.when.start, e.when.end or ""))


def _day(start: str) -> date:
    """The first day an ISO start ("2024", "2024-06", "2024-06-19") can mean."""
    parts = [int(p) for p in start.split("-")[:3]] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _planned(claim: Claim) -> bool:
    """"dijadwalkan akan mengunjungi Seoul": a plan is not yet an event of the timeline (a plan word after
    the predicate, "telah ditandatangani dan akan berlaku", plans something else)."""
    planned = predicate_words()[2]
    clause = claim.extra.get("clause") or claim.text
    verb = clause.find(claim.extra.get("predicate") or "\0")
    return any(w.group(0).lower() in planned for w in WORD.finditer(clause, 0, max(verb, 0)))


def _dated_by_its_own_words(claim: Claim) -> bool:
    """The date stands in the claim's own clause, dates a listed event, or dates a credited figure's
    saying ("sekitar 1.500 tentara ..., kata NIS pada hari Jumat")."""
    if claim.extra.get("event") in listed_events() or (claim.kind == "quantity" and claim.attributed_to):
        return True
    return (claim.when.expression or "") in claim.extra.get("clause", claim.text)  # type: ignore[union-attr]


def _same_entry(first: Claim, second: Claim) -> bool:
    if (first.when.start, first.when.end) != (second.when.start, second.when.end):  # type: ignore[union-attr]
        return False
    if first.evidence[-1] == second.evidence[-1] or (first.subject and first.subject == second.subject):
        return True  # one sentence, or one party, on one date: one entry
    tags = first.extra.get("event"), second.extra.get("event")
    if tags[0] == tags[1] and tags[0] in listed_events():
        return True
    words = [c.extra.get("clause") or c.text for c in (first, second)]
    return word_overlap(*words) >= SAME_ENTRY_WORDS
