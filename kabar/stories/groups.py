"""Claims about the same thing, compared across articles.

Figures group by what is counted and whose it is (troops of North Korea); events by what happened
and who did it. A group is corroborated when two or more independent sources agree, evolving when
its figures change as later reports arrive (a source revising upward), conflicting when sources
disagree at the same time, disputed when someone denies it or cannot confirm it. Independence counts
primary sources: five outlets repeating one agency are one source, and a copy counts as its original.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from kabar.model import Article, Claim, ClaimGroup, GroupStatus
from kabar.nlp.linking import capitals
from kabar.nlp.quantities import measures
from kabar.stories.claims import one_off_events

DISPUTING = ("denied", "unconfirmed")
# precisions whose start dates compare as text: "2024-06" holds "2024-06-19"
CALENDAR_PRECISIONS = ("day", "month", "year")


def _source_key(claim: Claim, articles: dict[str, Article]) -> str:
    if claim.attributed_to:
        return claim.attributed_to
    article = articles[claim.evidence[0].article]
    original = article.duplicate_of or article.id
    return f"outlet:{articles[original].outlet or original}"


def _independent_sources(members: list[Claim], articles: dict[str, Article]) -> set[str]:
    """The group's primary sources. An outlet counts as one only where it names no source for the claim:
    within an article that credits it to KCNA, its own unattributed mentions are KCNA's news retold."""
    credited = {c.evidence[0].article for c in members if c.attributed_to}
    return {_source_key(c, articles) for c in members
            if c.attributed_to or c.evidence[0].article not in credited}


def _date(claim: Claim, articles: dict[str, Article]) -> datetime:
    moment = articles[claim.evidence[0].article].reference_date
    return moment.replace(tzinfo=None) if moment else datetime.max


def _interval(claim: Claim) -> tuple[float, float]:
    q = claim.quantity or {}
    low = q.get("min") if q.get("min") is not None else q.get("max")
    high = q.get("max") if q.get("max") is not None else q.get("min")
    return float(low or 0), float(high or 0)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _quantity_status(claims: list[Claim], articles: dict[str, Article], sources: set[str]) -> tuple[GroupStatus, str]:
    intervals = [_interval(c) for c in claims]
    if all(_overlap(a, b) for a in intervals for b in intervals):
        return ("corroborated" if len(sources) > 1 else "single-source"), "the figures agree"
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[_source_key(claim, articles)].append(claim)
    revised = [s for s, items in by_source.items() if len({_interval(c) for c in items}) > 1]
    ordered = sorted(claims, key=lambda c: _date(c, articles))
    if revised and all(_rising(sorted(by_source[s], key=lambda c: _date(c, articles))) for s in revised) and \
            _interval(ordered[-1])[1] >= max(i[1] for i in intervals):
        return "evolving", "later reports give larger figures, and a source revised its own"
    return "conflicting", "sources give figures that do not overlap"


def _rising(claims: list[Claim]) -> bool:
    values = [_interval(c)[1] for c in claims]
    return all(a <= b for a, b in zip(values, values[1:], strict=False))


def _values_note(claims: list[Claim], articles: dict[str, Article], names: dict[str, str]) -> str:
    """"1.500 (per NIS, 3 outlets); 12.000 (per media Korea Selatan)"."""
    by_value: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for claim in sorted(claims, key=lambda c: _date(c, articles)):
        source = names.get(claim.attributed_to or "", "the outlet itself")
        outlet = articles[claim.evidence[0].article].outlet or claim.evidence[0].article
        by_value[claim.text.split(" (")[0]][source].add(outlet)
    parts = []
    for value, sources in by_value.items():
        credited = "; ".join(f"per {s}, {len(o)} outlet{'s' if len(o) > 1 else ''}" for s, o in sources.items())
        parts.append(f"{value} ({credited})")
    return "; ".join(parts)


def group_claims(claims: list[Claim], articles: dict[str, Article], names: dict[str, str]) -> list[ClaimGroup]:
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "quantity" and claim.quantity and claim.quantity.get("unit") not in (None, *measures()):
            buckets[("quantity", claim.quantity["unit"], claim.subject)].append(claim)
        elif claim.kind == "event" and (claim.subject or claim.extra.get("event") in one_off_events()):
            # "Pyongyang memasok senjata" is North Korea's doing: a capital acts for its country
            doer = capitals().get(claim.subject or "", claim.subject)
            buckets[("event", claim.extra.get("event"), doer)].append(claim)
    _fold_subjectless(buckets)
    _merge_one_off(buckets)
    _fold_denials(buckets)
    groups = []
    for number, ((kind, what, subject), members) in enumerate(
            sorted(buckets.items(), key=lambda kv: -len(kv[1])), start=1):
        # those who deny it or cannot confirm it are not behind it
        sources = _independent_sources([c for c in members if c.stance not in DISPUTING], articles)
        subject_name = names.get(subject or "", "")
        status: GroupStatus
        if kind == "quantity":
            status, why = _quantity_status(members, articles, sources)
            topic = f"{what} ({subject_name})" if subject_name else what
            note = f"{why}: {_values_note(members, articles, names)}"
        else:
            status = "corroborated" if len(sources) > 1 else "single-source"
            topic = f"{subject_name} — {what}"
            note = f"reported from {len(sources)} independent source{'s' if len(sources) > 1 else ''}"
            if what in one_off_events():
                status, note = _event_dates(members, status, note)
        disputing = [c for c in members if c.stance in DISPUTING]
        if disputing:
            status = "disputed"
            note += f"; {len(disputing)} report(s) deny it or cannot confirm it"
        groups.append(ClaimGroup(f"g-{number}", topic, [c.id for c in members], status, len(sources), note))
    return groups


def _fold_subjectless(buckets: dict[tuple, list[Claim]]) -> None:
    """A figure whose owner the sentence leaves implicit joins the largest group counting the same thing, and
    a one-off event whose doer it leaves implicit ("ditunjukkan oleh penandatanganan perjanjian") the largest
    group of that event; a one-off event with no such group is dropped, as events without a doer are."""
    for key in [k for k in buckets if k[2] is None]:
        owned = [k for k in buckets if k[:2] == key[:2] and k[2] is not None]
        if owned:
            largest = max(owned, key=lambda k: len(buckets[k]))
            buckets[largest].extend(buckets.pop(key))
        elif key[0] == "event":
            del buckets[key]


def _merge_one_off(buckets: dict[tuple, list[Claim]]) -> None:
    """Reports of a one-off event (a signing, a ratification) are one event whichever party each names as its
    doer, when they give it the same date or come from the same article; the largest report names the group."""
    for event in one_off_events():
        keys = sorted((k for k in buckets if k[:2] == ("event", event)), key=lambda k: -len(buckets[k]))
        merged: list[tuple] = []
        for key in keys:
            home = next((m for m in merged if _same_occasion(buckets[m], buckets[key])), None)
            if home is None:
                merged.append(key)
            else:
                buckets[home].extend(buckets.pop(key))


def _same_occasion(first: list[Claim], second: list[Claim]) -> bool:
    dates = {c.when.start for c in first if c.when}
    articles = {c.evidence[0].article for c in first}
    return any((c.when and c.when.start in dates) or c.evidence[0].article in articles for c in second)


def _fold_denials(buckets: dict[tuple, list[Claim]]) -> None:
    """A denial that names what it denies ("menepis kabar mengenai pasukan Korea Utara") joins the largest
    group of events done by that party, where it disputes them, instead of standing alone as a denier's act.
    Naming no party that did anything ("Iran membantah mengirim drone"), it denies the denier's own doing."""
    for key in [k for k in buckets if k[:2] == ("event", "deny")]:
        for claim in list(buckets[key]):
            claimed: list[tuple] = []
            for party in (claim.extra.get("target"), claim.subject):
                about = capitals().get(party or "", party)
                claimed = claimed or [k for k in buckets if k[0] == "event" and k[1] != "deny" and about
                                      and k[2] == about]
            if claimed:
                buckets[max(claimed, key=lambda k: len(buckets[k]))].append(claim)
                buckets[key].remove(claim)
        if not buckets[key]:
            del buckets[key]


def _event_dates(members: list[Claim], status: GroupStatus, note: str) -> tuple[GroupStatus, str]:
    """The same event dated differently by different reports is a conflict too: June against September, or
    one day against another; a month and a day within it agree."""
    dates = sorted({c.when.start for c in members if c.when and c.when.precision in CALENDAR_PRECISIONS})
    if any(not later.startswith(earlier) and not earlier.startswith(later)
           for earlier in dates for later in dates):
        return "conflicting", note + f"; dated differently: {', '.join(dates)}"
    return status, note
