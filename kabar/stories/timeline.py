"""A dated timeline: what the articles date, one entry per event however many report it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import cache

import numpy as np

from kabar.lexicon import alternation, data_lines, sections, table, word_set
from kabar.model import Claim, TimelineEntry
from kabar.nlp.quotes import cues
from kabar.stories.brief import BARE_DASH
from kabar.stories.claims import CLAUSE_BREAK, WORD, event_patterns, listed_events, one_off_events, predicate_words
from kabar.stories.meaning import embeddings, word_overlap

PRECISE = ("day", "week", "month", "year")
# stems two reports of one dated event share at least (same date, "memanggil duta besar" twice)
SAME_ENTRY_WORDS = 0.2
# cosine of the clauses (shipped sentence encoder) at which two reports of one period tell one development:
# "Kim mencapai kesepakatan dengan Putin" and "perjanjian yang ditandatangani oleh Putin dan Kim"
SAME_ENTRY_MEANING = 0.55
# what lies further back than this before the newest dated entry is background, not the story's timeline
BACKGROUND_DAYS = 365
# fewer words than this label nothing a reader can follow ("mengendarai", "beredar luas")
MIN_LABEL_WORDS = 3

Similar = Callable[[Claim, Claim], bool]


def build_timeline(claims: list[Claim], names: dict[str, str], published: dict[str, date]) -> list[TimelineEntry]:
    """Dated events and figures; reports of the same development in the same period merge into one entry
    carrying all their evidence. Plans are not events yet, a date counts only where it dates the claim's own
    words (a date elsewhere in the sentence may date another clause of it), and only where its report could
    tell it (`published`: each article's date)."""
    dated = [c for c in claims if c.kind != "statement" and c.when is not None and c.when.precision in PRECISE
             and _dated_by_its_own_words(c) and not _planned(c) and _not_after_its_report(c, published)
             and not _so_far(c, published) and not _counted_from_a_speakers_day(c) and not _tells_the_reporting(c)
             and not _day_name_contradicts_date(c) and not _a_term(c)]
    close = _close_in_meaning(dated)
    merged = _one_date_per_one_off_event(_entries_of_one_development(dated, close))
    merged = _credited_figures_join_their_days_event(merged)
    newest = max((_day(m[0].when.start) for m in merged), default=None)  # type: ignore[union-attr]
    entries = []
    for members in merged:
        if newest and (newest - _day(members[0].when.start)).days > BACKGROUND_DAYS:  # type: ignore[union-attr]
            continue
        first = min(members, key=lambda c: c.kind != "event")  # an entry is labelled by what happened
        assert first.when is not None  # only dated claims were merged
        evidence = [e for c in members for e in c.evidence]
        sources = sorted({names.get(c.attributed_to or "", "") for c in members} - {""})
        text = _label(members) + (f" ({', '.join(sources)})" if sources else "")
        entries.append(TimelineEntry(first.when, text, evidence, [c.id for c in members]))
    return sorted(entries, key=lambda e: (e.when.start, e.when.end or ""))


def _entries_of_one_development(dated: list[Claim], close: Similar) -> list[list[Claim]]:
    """Claims told as one development, whatever order the articles come in: a claim that is one entry with
    members of several entries joins them all ("kecelakaan beruntun ... lima kendaraan" and "sopir truk ...
    menabrak empat mobil" become one through a third report naming both the pile-up and the cars)."""
    merged: list[list[Claim]] = []
    for claim in dated:
        homes = [members for members in merged if any(_same_entry(member, claim, close) for member in members)]
        if not homes:
            merged.append([claim])
            continue
        homes[0].extend([member for members in homes[1:] for member in members] + [claim])
        merged = [members for members in merged if not any(members is home for home in homes[1:])]
    return merged


def _label(members: list[Claim]) -> str:
    """What the entry says happened: the first clause that reads on its own, an event's before a figure's; where
    none does ("media sosial dihebohkan dengan", "mengendarai ,"), the sentence of the first, without the bare
    dash of a dropped dateline."""
    ordered = sorted(members, key=lambda c: c.kind != "event")
    readable = next((_clause(c) for c in ordered if _reads_alone(_clause(c))), None)
    return readable or BARE_DASH.sub("", " ".join(ordered[0].evidence[-1].text.split()), count=1)


def _reads_alone(clause: str) -> bool:
    """A clause of a few words, closing on none that promises more (a preposition, a comma) and opening on none
    that makes it a fragment of a sentence (kabar/data/id/stories/unfinished.txt)."""
    words = WORD.findall(clause)
    last, first = _unfinished()
    return (len(words) >= MIN_LABEL_WORDS and not clause.rstrip().endswith((",", ";", ":", "-", "–", "("))
            and words[-1].lower() not in last and words[0].lower() not in first)


@cache
def _unfinished() -> tuple[frozenset[str], frozenset[str]]:
    """(words that leave a clause unfinished when they close it, words that open a fragment)."""
    found = sections("id/stories/unfinished.txt")
    return tuple(frozenset(w for line in found[name] for w in line.split())  # type: ignore[return-value]
                 for name in ("last", "first"))


def _day(start: str) -> date:
    """The first day an ISO start ("2024", "2024-06", "2024-06-19") can mean."""
    parts = [int(p) for p in start.split("-")[:3]] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _not_after_its_report(claim: Claim, published: dict[str, date]) -> bool:
    """A report tells what happened on or before its own date: a claim dated after its article was published
    ("Padahal saat melawan Malaysia, Kamis (10/10/2019)" in an article of 10 September 2019) is a slip of the
    writer's or a plan no cue marked, and neither is an event of the timeline. A claim from an undated article
    keeps its date."""
    days = [published[e.article] for e in claim.evidence if e.article in published]
    return not days or _day(claim.when.start) <= max(days)  # type: ignore[union-attr]


def _so_far(claim: Claim, published: dict[str, date]) -> bool:
    """"175 tersangka hingga September 2019 ini", "karhutla tahun 2019 ini": a month or a year that holds the
    report's own day, with a limit word before it or "ini" after it (kabar/data/id/stories/so-far-cues.txt),
    says how things stand so far, not when something happened ("hingga Agustus 2019", a month already over,
    still dates its figure); so does a week closing on the report's day ("2.500 hotspot dalam sepekan
    terakhir")."""
    when = claim.when
    assert when is not None  # only dated claims are asked
    days = [published[e.article] for e in claim.evidence if e.article in published]
    if when.precision == "week" and when.end in {day.isoformat() for day in days}:
        return True  # "dalam sepekan terakhir": the days up to the report, however it says it
    if when.precision not in ("month", "year") or when.end or not when.expression \
            or not any(day.isoformat().startswith(when.start) for day in days):
        return False
    sentence = claim.evidence[-1].text
    at = _expression_at(claim)
    if at < 0:
        return False
    before, after = _so_far_cues()
    words_before = " ".join(w.group(0).lower() for w in WORD.finditer(sentence, 0, at))
    following = WORD.search(sentence, at + len(when.expression))
    return any(words_before.endswith(" " + cue) or words_before == cue for cue in before) or (
        following is not None and following.group(0).lower() in after
        and not CLAUSE_BREAK.search(sentence, at + len(when.expression), following.start()))


@cache
def _so_far_cues() -> tuple[tuple[str, ...], frozenset[str]]:
    found = sections("id/stories/so-far-cues.txt")
    return tuple(found["before"]), frozenset(found["after"])


def _counted_from_a_speakers_day(claim: Claim) -> bool:
    """"Hari ini, saya mengumumkan niat saya," kata Netanyahu: a day or week read against a day and written
    without a number ("hari ini", "kemarin", "Selasa", "pekan lalu") inside a speaker's own words counts from the
    day they were said, which the report may give elsewhere or not at all; read against the article's day it
    dates nothing. A month ("akhir Agustus kemarin") is the same month whichever day it was said, and a writer's
    bracket ("Besok (hari ini, red)") dates the words for the reader."""
    when = claim.when
    assert when is not None  # only dated claims are asked
    expression = when.expression or ""
    if when.precision not in ("day", "week") or not expression or "(" in expression \
            or any(ch.isdigit() for ch in expression):
        return False
    at = _expression_at(claim)
    if at < 0:
        return False
    before = claim.evidence[-1].text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _day_name_contradicts_date(claim: Claim) -> bool:
    """"terhitung mulai Selasa (6/9/2019)" when the 6th was a Friday: a day named beside a date it does not fall on is
    a writer's slip in one or the other, and the timeline dates nothing by it (the other reports date the event)."""
    when = claim.when
    assert when is not None  # only dated claims are asked
    if when.precision != "day" or not any(ch.isdigit() for ch in when.expression or ""):
        return False
    named = [table("id/days.tsv")[m.group(0).lower()] for m in _day_names().finditer(when.expression or "")]
    return bool(named) and all(int(day) != _day(when.start).weekday() for day in named)


@cache
def _day_names() -> re.Pattern[str]:
    """The day names of kabar/data/id/days.tsv as whole words, the apostrophe of "Jum'at" inside the word, where
    splitting into words would read "Jum" and "at" and find no day."""
    return re.compile(rf"(?<![\w'])(?:{alternation(list(table('id/days.tsv')))})(?![\w'])", re.IGNORECASE)


def _a_term(claim: Claim) -> bool:
    """"lima pimpinan KPK periode 2019-2023", "pimpinan KPK (2019-2023)": a range of years after a term word
    (kabar/data/id/stories/term-words.txt) or in brackets of its own names how long an office or a plan runs, not
    when anything happened."""
    when = claim.when
    assert when is not None  # only dated claims are asked
    expression = when.expression or ""
    sentence = claim.evidence[-1].text
    at = _expression_at(claim)
    if when.precision != "year" or not when.end or not expression or at < 0:
        return False
    if sentence[:at].rstrip().endswith("(") and sentence[at + len(expression) :].lstrip().startswith(")"):
        return True
    words_before = " ".join(w.group(0).lower() for w in WORD.finditer(sentence, 0, at))
    return any(words_before == term or words_before.endswith(" " + term)
               for term in _term_words())


@cache
def _term_words() -> tuple[str, ...]:
    return tuple(data_lines("id/stories/term-words.txt"))


def _expression_at(claim: Claim) -> int:
    """Where the claim's date stands in its sentence (-1 where its words are not there): in the claim's own clause
    where they stand there, as the claims layer chose that date first ('Kapolres berkata "kami bergerak hari ini" dan
    polisi menangkap dua tersangka hari ini' is dated by the second), else where they first stand."""
    expression = claim.when.expression  # type: ignore[union-attr]
    if not expression:
        return -1
    sentence, clause = claim.evidence[-1].text, _clause(claim)
    at = sentence.find(clause)
    own = sentence.find(expression, at, at + len(clause)) if at >= 0 else -1
    return own if own >= 0 else sentence.find(expression)


def _tells_the_reporting(claim: Claim) -> bool:
    """"Demikian diwartakan, Jumat (13/9/2019)": an event whose predicate tells the reporting (kabar/data/id/
    stories/reporting-predicates.txt) is dated by the report, not by anything that happened."""
    return claim.kind == "event" and (claim.extra.get("predicate") or "").lower() in word_set(
        "id/stories/reporting-predicates.txt")


def _clause(claim: Claim) -> str:
    return claim.extra.get("clause") or claim.text


def _anchor(claim: Claim) -> str | None:
    """The words the claim stands on in its clause: its predicate, or its figure."""
    return claim.extra.get("predicate") or claim.extra.get("figure")


def _planned(claim: Claim) -> bool:
    """"dijadwalkan akan mengunjungi Seoul", "berencana mengirim 500 tentara": a plan is not yet an event of
    the timeline, whether the plan word is the predicate itself or stands before it (a plan word after the
    predicate, "telah ditandatangani dan akan berlaku", plans something else)."""
    planned = predicate_words()[2]
    anchor = _anchor(claim) or "\0"
    if anchor.lower() in planned:
        return True
    clause = _clause(claim)
    at = clause.find(anchor)
    return any(w.group(0).lower() in planned for w in WORD.finditer(clause, 0, max(at, 0)))


def _dated_by_its_own_words(claim: Claim) -> bool:
    """Whether the claim's date dates the claim's own words. It does when it stands in the claim's clause, in
    one run of words with its predicate, figure or listed event word ("ditandatangani oleh Kim dan Putin pada
    bulan Juni"), at the opening of the sentence ("Pada Juni lalu, ..."), or alone after a comma at its end
    ("di TMP Kalibata, Jakarta Selatan, Kamis (12/9/2019)"). A date in a credit ("..., kata NIS pada hari
    Jumat") dates the saying: a credited figure, not an event. A date inside another clause ("dikirim ke Rusia,
    sebagai bagian dari kesepakatan pada bulan Juni") dates that clause."""
    expression = claim.when.expression or ""  # type: ignore[union-attr]
    clause, sentence = _clause(claim), claim.evidence[-1].text
    at = sentence.find(expression)
    if claim.kind == "event" and _in_a_credit(clause, clause.find(_anchor(claim) or "\0"), _credit_words()[1]):
        return False  # "kata Rubijanto saat dihubungi wartawan pada Selasa": the saying, not an event
    if expression in clause or at < 0:
        return expression in clause
    end = at + len(expression)
    opening = WORD.search(sentence)
    if opening and not CLAUSE_BREAK.search(sentence, opening.start(), at):
        return True
    anchors = [(m.start(), m.end()) for m in _anchor_matches(claim, sentence)]
    if any(not CLAUSE_BREAK.search(sentence[min(end, a_end) : max(at, a_start)]) for a_start, a_end in anchors):
        return True
    if not any(a_end <= at for _, a_end in anchors):
        return False
    if _credit_between(sentence, [a_end for _, a_end in anchors], at):
        return claim.kind == "quantity"
    run_start = max([m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, at)], default=0)
    return len(WORD.findall(sentence, run_start, at)) <= 1  # a bare date closing the sentence: its time


def _anchor_matches(claim: Claim, sentence: str) -> list[re.Match[str]]:
    found = [m for anchor in (_anchor(claim), _clause(claim)) if anchor
             for m in re.finditer(re.escape(anchor), sentence)]
    event = claim.extra.get("event")
    return found + [m for pattern, name in event_patterns() if name == event for m in pattern.finditer(sentence)]


@cache
def _credit_words() -> tuple[frozenset[str], frozenset[str]]:
    """(any word that credits a source, the words that credit after a quotation: "kata", "ujar")."""
    after = frozenset(w.lower() for cue in cues("after") for w in cue.split())
    return after | {w.lower() for cue in cues("before") for w in cue.split()}, after


def _in_a_credit(text: str, before: int, words: frozenset[str]) -> bool:
    """A credit word stands in the text (before the given offset, when one is given)."""
    return any(w.group(0).lower() in words for w in WORD.finditer(text, 0, before if before >= 0 else len(text)))


def _close_in_meaning(claims: list[Claim]) -> Similar:
    """Whether two of these claims' clauses are close in meaning, through the shipped sentence encoder. Only
    claims sharing their date with another that their words alone do not already make one entry with are ever
    compared, so only those are encoded."""
    by_period: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_period[_period(claim)].append(claim)
    compared = [c for c in claims if any(not _one_entry_by_words(c, other) for other in by_period[_period(c)]
                                         if other is not c)]
    if not compared:
        return lambda first, second: False
    vectors = embeddings([_clause(c) for c in compared])
    row = {id(c): i for i, c in enumerate(compared)}
    similarity = vectors @ vectors.T
    return lambda first, second: bool(np.float32(similarity[row[id(first)], row[id(second)]]) >= SAME_ENTRY_MEANING)


def _period(claim: Claim) -> tuple[str, str | None]:
    return claim.when.start, claim.when.end  # type: ignore[union-attr]


def _same_entry(first: Claim, second: Claim, close: Similar) -> bool:
    return _period(first) == _period(second) and (_one_entry_by_words(first, second) or close(first, second))


def _one_entry_by_words(first: Claim, second: Claim) -> bool:
    """Two reports of one period that are one entry whatever their clauses mean: one sentence, one party, one
    listed event, or shared stems."""
    if first.evidence[-1] == second.evidence[-1] or (first.subject and first.subject == second.subject):
        return True  # one sentence, or one party, on one date: one entry
    if first.attributed_to and first.attributed_to == second.attributed_to \
            and first.evidence[-1].article == second.evidence[-1].article:
        return True  # one source's account of one day in one article
    tags = first.extra.get("event"), second.extra.get("event")
    if tags[0] == tags[1] and tags[0] in listed_events():
        return True
    happening = _happening(first)
    if happening and happening == _happening(second):
        return True
    return word_overlap(_clause(first), _clause(second)) >= SAME_ENTRY_WORDS


def _happening(claim: Claim) -> str | None:
    """The happening the claim's sentence names before its predicate or figure ("Kebakaran menghanguskan",
    "kebakaran terjadi"; kabar/data/id/stories/happenings.txt), where it names one."""
    sentence = claim.evidence[-1].text
    at = sentence.find(_anchor(claim) or "\0")
    words = (w.group(0).lower() for w in WORD.finditer(sentence, 0, at if at >= 0 else 0))
    return next((w for w in words if w in word_set("id/stories/happenings.txt")), None)


def _one_date_per_one_off_event(merged: list[list[Claim]]) -> list[list[Claim]]:
    """An event that happens once (a signing) told at two dates happened at one of them: the date fewer
    articles give joins the entry of the date most articles give (the claim groups show the conflict)."""
    def articles(members: list[Claim]) -> int:
        return len({c.evidence[0].article for c in members})

    kept = sorted(merged, key=articles, reverse=True)
    for members in list(kept):
        home = next((other for other in kept if other is not members and articles(other) > articles(members)
                     and _one_off_of_the_same_parties(members, other)), None)
        if home is not None:
            home.extend(members)
            kept.remove(members)
    return [m for m in merged if any(m is k for k in kept)]


def _credited_figures_join_their_days_event(merged: list[list[Claim]]) -> list[list[Claim]]:
    """"Sebanyak sekitar 600 personel sudah kita siapkan," kata Argo, Kamis (12/9/2019)": a figure dated only by the
    day it was said is what a source told of that day's event, so where an entry of that day holds an event (the
    funeral) the figure is its evidence, not a development of its own; with no event that day it stays an entry."""
    kept = []
    for members in merged:
        if all(c.kind == "quantity" and _dated_by_its_credit(c) for c in members):
            home = next((other for other in merged if _period(other[0]) == _period(members[0])
                         and any(c.kind == "event" for c in other)), None)
            if home is not None:
                home.extend(members)
                continue
        kept.append(members)
    return kept


def _dated_by_its_credit(claim: Claim) -> bool:
    """The claim's date stands outside its clause, after a credit word that follows its figure or predicate
    ("..., kata Argo, Kamis (12/9/2019)"): it dates the saying."""
    expression = claim.when.expression or ""  # type: ignore[union-attr]
    sentence = claim.evidence[-1].text
    at = sentence.find(expression)
    if not expression or expression in _clause(claim) or at < 0:
        return False
    return _credit_between(sentence, [m.end() for m in _anchor_matches(claim, sentence)], at)


def _credit_between(sentence: str, anchor_ends: list[int], at: int) -> bool:
    """A credit word stands between the last of the claim's anchors before its date and the date ("... personel
    sudah kita siapkan," kata Argo, Kamis (12/9/2019)"): the date is the saying's."""
    before = [end for end in anchor_ends if end <= at]
    return bool(before) and _in_a_credit(sentence[max(before) : at], -1, _credit_words()[0])


def _one_off_of_the_same_parties(first: list[Claim], second: list[Claim]) -> bool:
    events = {c.extra.get("event") for c in first} & {c.extra.get("event") for c in second} & one_off_events()
    if not events:
        return False
    parties = [{p for c in members if c.extra.get("event") in events for p in (c.subject, c.extra.get("target")) if p}
               for members in (first, second)]
    return not parties[0] or not parties[1] or bool(parties[0] & parties[1])
