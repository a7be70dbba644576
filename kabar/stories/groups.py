"""Claims about the same thing, compared across articles.

Figures group by what is counted and whose it is (troops of North Korea); events by what happened
and who did it. A group is corroborated when two or more independent sources agree, evolving when
its figures change as later reports arrive (a source revising upward), conflicting when sources
disagree at the same time, disputed when someone denies it or cannot confirm it. Independence counts
primary sources: five outlets repeating one agency are one source, and a copy counts as its original.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime
from difflib import SequenceMatcher
from functools import cache

from kabar.lexicon import alternation, data_lines, table, word_set
from kabar.model import Article, Claim, ClaimGroup, GroupStatus
from kabar.nlp.quantities import GENERIC_PEOPLE, measures, people_units, spelled_numbers
from kabar.stories.claims import RANK_UNIT, figure_for_reader, listed_events, one_off_events
from kabar.stories.meaning import embeddings, stems, word_overlap
from kabar.stories.places import provinces_named

DISPUTING = ("denied", "unconfirmed")
# precisions whose start dates compare as text: "2024-06" holds "2024-06-19"
CALENDAR_PRECISIONS = ("day", "month", "year")
# the precision the times layer gives a time of day ("pukul 14.30 WIB")
CLOCK_PRECISION = "minute"
# minutes two times of day of one event may differ by and agree: reporters round to five ("20.30", "20.31")
CLOCK_ROUNDING = 5
MINUTES_A_DAY = 24 * 60
# minutes a planned time is rounded to ("pukul 14.00", "pukul 09.30"): two things may be set for it alike (set on the
# development events: the hour alone let a funeral's half-hour time join two things; quarter hours change nothing)
ROUND_CLOCK = 30
# cosine of the sentence encoder and stem overlap a pair of claims needs (set on the development events of
# tests/gold/stories/clickid-2019.json and the seeds, never on the held-back events)
SAME_FIGURE_MEANING, SAME_FIGURE_WORDS = 0.5, 0.25
REVISED_FIGURE_MEANING, REVISED_FIGURE_WORDS = 0.7, 0.35
SAME_EVENT_MEANING, SAME_EVENT_WORDS = 0.6, 0.2
MEAN_MEANING = 0.45
RETOLD_MEANING, RETOLD_WORDS = 0.6, 0.3
# an article crediting one source for at least this many of its claims, and for at least this share of those it credits,
# reports that source's briefing (a press conference, a release): its own narration of an event repeats it (set on the
# development events, where 2 to 4 claims give the same figures)
FRAMING_CREDITS, FRAMING_SHARE = 3, 0.5
# share of two outlets' clauses, word for word in order, above which they are one release copied, not two
# tellings (set on the development events)
COPIED_WORDS = 0.65
# words two clauses must share in order to be one copied: fewer are what any telling of a short fact says in its own
# words ("saat menyalip pengendara sepeda motor", "saat akan menyalip sepeda motor"; set on the development events: 4
# finds part of the same, 6 joins one telling the gold does not list)
COPIED_MIN_WORDS = 5
# share of an article, from its start, that holds its news (the inverted pyramid puts what happened first); an
# event only ever told after it is background: a third, as on the development events the events an editor lists
# are all told within the first third of some article (a half kept as comparisons what outlets tell two fifths in:
# where a quake was felt, the traffic after a crash, what the Palestinians claim)
NEWS_SHARE = 1 / 3
# a figure is compared wherever it stands in the first two thirds: outlets give the figures of the news further down
# than its events (the sum, the count, the sentence), but what every outlet gives only in its last third is background
# (the previous years' deficits, how many days after the crash)
FIGURE_NEWS_SHARE = 2 / 3
# a later estimate this close to the largest earlier one is a rounding, not a fall ("hingga 12.000" after
# "12.000–15.000")
ROUNDED_FALL = 0.75
APPROXIMATE = 0.1
# share two specific figures may differ by and be one count told differently, where their sentences name one acronym
# (a slip in the last digits, "96,6 juta" and "96,8 juta"; set on the development events: 2 % and 5 % join the same,
# 10 % joins what counts two things, 35 and 37,3 juta members, a 1.200 and a 1.300 cc engine)
NEAR_FIGURE = 0.02
MIN_MEASURE_STEM = 4
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# digits between one or two capitals and one to three more, as a plate writes them ("S 7190 US", "AE-567-SC")
CODE_BETWEEN_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{1,2}[\s-]\d{1,4}[\s-][A-Z]{1,3}(?![\w-])")
NAME = re.compile(r"\b[A-Z][\w-]+")
# a name written as capitals alone ("PBI", "DOHC")
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
# a word and the number right after it ("lantai 7", "KM 92", "Pasal 98 ayat 1" gives "Pasal 98")
NUMBERED = re.compile(r"\b([^\W\d_]+)\.?\s+(\d+(?:[.,]\d+)*)\b")
WORD = re.compile(r"\w+")
ZONE_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>\d\d):(?P<minutes>\d\d)$")


def _source_key(claim: Claim, articles: dict[str, Article], framed: dict[str, str]) -> str:
    if claim.attributed_to:
        return claim.attributed_to
    if claim.kind != "quantity" and claim.evidence[0].article in framed:
        return framed[claim.evidence[0].article]
    return _report_key(claim, articles)


def _report_key(claim: Claim, articles: dict[str, Article]) -> str:
    """The outlet of the report a claim is told in, a copy counted as the report it copies (its outlet, or its id
    where it has none): a copy is its original's word again, whatever figure an update of it gives."""
    article = articles[claim.evidence[0].article]
    original = article.duplicate_of or article.id
    # the copied report may sit in another story: then its id, not its outlet, names the one source
    return f"outlet:{original in articles and articles[original].outlet or original}"


def _independent_sources(members: list[Claim], articles: dict[str, Article], names: dict[str, str],
                         framed: dict[str, str]) -> set[str]:
    """The group's primary sources. Where any report names a source for the claim, outlets that name none
    are taken to repeat what was credited (three outlets retelling BMKG's magnitude are BMKG once); an
    outlet is a source of its own only in a group where nobody is credited, and then outlets telling a fact
    or a figure in their own sentences are each a witness (a count of the dead, an amount), except where
    the figure is a measurement or a quotation gives it: outlets giving the very same one then took it from
    the one body that measured it or the one person who said it. An event told in an article that reports one
    source's briefing (`framed`) is that source's, however the outlet words it. A speaker and the body whose title
    they speak under ("Juru bicara KPK Febri Diansyah") are one source. A credited name whose words all
    stand in another's ("Badan Penanggulangan Bencana Nasional" in "... Nasional Malaysia") is that
    source again."""
    if not any(c.attributed_to for c in members):
        if members[0].kind == "quantity" and (_measured(members[0]) or any(c.extra.get("quoted") for c in members)):
            return _figure_sources(members, articles)
        told = _sentence if members[0].kind == "quantity" else None
        return {_source_key(tellings[0], articles, framed) for tellings in _own_tellings(members, articles, told)}
    return _primary_sources(members, names)


def _figure_sources(members: list[Claim], articles: dict[str, Article]) -> set[str]:
    """One source per measured or quoted figure, but an outlet crediting nobody is one source however many figures it
    gives: outlets sharing a figure took it from one place, and an outlet's figures are its own word, so a source is
    each set of outlets linked by the figures they share ("hingga 880 kilogram" and "hingga 1.606 kilogram" in one
    article are that outlet once, not two sources that agree)."""
    linked: dict[str, str] = {}

    def root(key: str) -> str:
        while linked.setdefault(key, key) != key:
            key = linked[key]
        return key

    for claim in members:
        linked[root(f"figure:{_stated(claim)}")] = root(_report_key(claim, articles))
    return {root(f"figure:{_stated(c)}") for c in members}


def _framing_sources(claims: list[Claim]) -> dict[str, str]:
    """The source each article reports the briefing of: the one it credits for at least half of its credited claims,
    and for several ("Juru bicara KPK ... mengatakan", then more of what they said): an article built on a
    spokesperson's statement tells the suspect named in its lead on their word, though the lead credits nobody."""
    credits: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.attributed_to:
            credits[claim.evidence[0].article][claim.attributed_to] += 1
    framed = {}
    for article, counted in credits.items():
        source, times = counted.most_common(1)[0]
        if times >= FRAMING_CREDITS and times >= FRAMING_SHARE * counted.total():
            framed[article] = source
    return framed


def _measured(claim: Claim) -> bool:
    """A figure only an instrument or one agency's survey gives (a magnitude, a depth, an area)."""
    unit = (claim.quantity or {}).get("unit")
    return unit in measures() or unit in word_set("id/claims/measured.txt")


def _primary_sources(members: list[Claim], names: dict[str, str]) -> set[str]:
    """The credited sources, each once: one person named in full by one outlet and in part by another ("Ronny
    F Sompie", "Ronny Sompie"; "Dwi Winarsa", "Dwi") is one person, and stands for the body a title gives them
    in any of the reports; a name whose words all stand in another's is that source again ("Polri" in
    "Divisi Humas Polri")."""
    people = {c.attributed_to for c in members if c.attributed_to}
    fullest = {source: max((other for other in people if _named_within(source, other, names)),
                           key=lambda other: (len(_name_words(other, names)[0]), other)) for source in people}
    bodies: dict[str, str] = {}
    for claim in sorted(members, key=lambda c: c.id):
        if claim.attributed_to and claim.extra.get("source_body"):
            bodies.setdefault(fullest[claim.attributed_to], claim.extra["source_body"])
    credited = {bodies.get(fullest[source], fullest[source]) for source in people}
    return {source for source in credited if not any(
        other != source and _named_within(source, other, names) and not _named_within(other, source, names)
        for other in credited)}


def _name_words(source: str, names: dict[str, str]) -> tuple[set[str], set[str]]:
    """The words of a source's name, and those of its id, which keeps the short form it was first found under
    ("ent-polri" for "Kepolisian Negara Republik Indonesia")."""
    return set(WORD.findall(names.get(source, source).lower())), set(source.removeprefix("ent-").split("-"))


def _named_within(source: str, other: str, names: dict[str, str]) -> bool:
    """Every word of the source's name (or of its id) stands in the other's, an initial for a word it opens ("Laode M
    Syarif" in "Laode Muhamad Syarif")."""
    words = set().union(*_name_words(other, names))
    return any(part and all(_stands_in(word, words) for word in part) for part in _name_words(source, names))


def _stands_in(word: str, words: set[str]) -> bool:
    return word in words or (len(word) == 1 and word.isalpha() and any(w.startswith(word) for w in words))


def _own_tellings(members: list[Claim], articles: dict[str, Article],
                  text: Callable[[Claim], str] | None = None) -> list[list[Claim]]:
    """The claims by the wording they share (of their clause, or of what `text` gives): outlets printing one
    release in nearly the same words took it from one place and tell it once (a copy of any claim of a telling,
    statement of statement or event of event, joins it); an outlet's own words are a telling of their own, and
    so is an event it narrates in the words of another's statement."""
    words = text or _words
    tellings: list[list[Claim]] = []
    for claim in sorted(members, key=lambda c: _date(c, articles)):
        home = next((t for t in tellings if any(
            _outlet(told, articles) == _outlet(claim, articles)
            or (told.kind == claim.kind and _copied(words(told), words(claim))) for told in t)), None)
        if home is None:
            tellings.append([claim])
        else:
            home.append(claim)
    return tellings


def _copied(first: str, second: str) -> bool:
    """The same words in the same order, give or take a few, and enough of them to be more than the fact itself:
    "Pihak aparat setempat memastikan kawasan terdampak (kebakaran hutan) sudah steril dari pendaki"; a sentence
    turned from active to passive is another telling, and so is a short clause any outlet would word alike."""
    matcher = SequenceMatcher(None, WORD.findall(first.lower()), WORD.findall(second.lower()), autojunk=False)
    return matcher.ratio() >= COPIED_WORDS \
        and sum(block.size for block in matcher.get_matching_blocks()) >= COPIED_MIN_WORDS


def _date(claim: Claim, articles: dict[str, Article]) -> datetime:
    moment = articles[claim.evidence[0].article].reference_date
    return moment.replace(tzinfo=None) if moment else datetime.max


def _interval(claim: Claim) -> tuple[float, float]:
    """The values a figure allows: "lebih dari 400" is 400 and up, "hingga 12.000" up to 12.000, and
    "sekitar 400" a tenth either way, or less where the figure is written to its last unit: "sekitar 3.142
    meter" rounds nothing, so it allows half a metre, and 3.145 is another value."""
    q = claim.quantity or {}
    low = float(q["min"]) if q.get("min") is not None else 0.0
    high = float(q["max"]) if q.get("max") is not None else math.inf
    if q.get("approximate") and not q.get("vague"):
        low = low - min(low * APPROXIMATE, _rounding(low) / 2)
        high = high + min(high * APPROXIMATE, _rounding(high) / 2) if high != math.inf else high
    return low, high


def _rounding(value: float) -> float:
    """The place of a figure's last nonzero digit: 400 is rounded to the hundred, 3.142 to the unit, 2,5 to
    the tenth."""
    if value <= 0:
        return math.inf
    place = 10.0 ** math.floor(math.log10(value))
    while place > 1e-6 and abs(value / place - round(value / place)) > 1e-9:
        place /= 10
    return place


def _stated(claim: Claim) -> float:
    """The one number a report gives: its upper bound, or its lower one where it has none."""
    q = claim.quantity or {}
    return float(q["max"] if q.get("max") is not None else q.get("min") or 0)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _quantity_status(claims: list[Claim], articles: dict[str, Article], sources: set[str]) -> tuple[GroupStatus, str]:
    """The status and the key of the note saying why."""
    if all(_agree(a, b) for a in claims for b in claims):
        return ("corroborated" if len(sources) > 1 else "single-source"), "agree"
    if (claims[0].quantity or {}).get("unit") not in _dimensions() and _grows(claims, articles):
        return "evolving", "grows"
    return "conflicting", "conflict"


def _agree(first: Claim, second: Claim) -> bool:
    """The values two figures allow overlap, or one is the other rounded to its own last digit ("1.300 cc" for
    "1.298 cc") where that rounded figure keeps two significant digits or more ("1.000" says too little to agree
    with "1.298" or disagree with "1.400")."""
    if _overlap(_interval(first), _interval(second)):
        return True
    values = sorted((_stated(first), _stated(second)), key=_rounding)
    place = _rounding(values[1])
    return _specific(values[1]) and place > _rounding(values[0]) \
        and math.isclose(round(values[0] / place) * place, values[1])


@cache
def _dimensions() -> frozenset[str]:
    return word_set("id/claims/dimensions.txt")


def _grows(claims: list[Claim], articles: dict[str, Article]) -> bool:
    """The largest figure of each report day rises from the first day to the last and never falls far below
    the largest before it: a count that grows as reports come in (1.500, then 10.000, then 12.000–15.000,
    then "hingga 12.000"), not a disagreement."""
    highs: dict[datetime, float] = {}
    for claim in claims:
        if not (claim.quantity or {}).get("vague"):
            day = _date(claim, articles).replace(hour=0, minute=0, second=0, microsecond=0)
            highs[day] = max(highs.get(day, 0.0), _stated(claim))
    series = [highs[day] for day in sorted(highs)]
    peaks = [max(series[: n + 1]) for n in range(len(series))]
    return len(series) > 1 and series[-1] > series[0] and all(
        value >= ROUNDED_FALL * peak for value, peak in zip(series, peaks, strict=True))


@cache
def _notes() -> dict[str, dict[str, str]]:
    rows = (line.split("\t") for line in data_lines("id/claims/notes.tsv"))
    return {row[0]: {"en": row[1], "id": row[2]} for row in rows}


def _say(key: str, language: str, **values: object) -> str:
    """A note's words in the story's language (Indonesian unless the articles are English), in the singular
    where the count `n` is one ("1 outlet", not "1 outlet(s)")."""
    said = f"{key}_one" if values.get("n") == 1 and f"{key}_one" in _notes() else key
    return _notes()[said]["en" if language == "en" else "id"].format(**values)


def _values_note(claims: list[Claim], articles: dict[str, Article], names: dict[str, str], language: str) -> str:
    """"1.500 tentara (menurut NIS, 3 media); 12.000 tentara (menurut media Korea Selatan, 1 media)". Each value
    is named as its first report words it where that report and the note are English ("up to 12,000 soldiers"),
    since the claims' own wording of a figure is Indonesian ("hingga 12.000 soldiers"); a sum of money in an
    Indonesian note as an editor writes it ("Rp19 triliun", not "19.000.000.000.000 Rp")."""
    by_value: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    said: dict[str, str] = {}
    for claim in sorted(claims, key=lambda c: _date(c, articles)):
        source = names.get(claim.attributed_to or "", _say("itself", language))
        article = articles[claim.evidence[0].article]
        value = claim.text.split(" (")[0]
        by_value[value][source].add(article.outlet or article.id)
        written = claim.extra.get("figure") if language == "en" == article.language else None
        said.setdefault(value, written or (figure_for_reader(claim.quantity or {}) if language != "en" else None)
                        or value)
    parts = []
    for value, sources in by_value.items():
        credited = "; ".join(_say("per", language, source=s, n=len(o)) for s, o in sources.items())
        parts.append(f"{said[value]} ({credited})")
    return "; ".join(parts)


def group_claims(claims: list[Claim], articles: dict[str, Article], names: dict[str, str],
                 language: str | None = None) -> list[ClaimGroup]:
    """Claims about the same fact across the given articles, whatever the story: figures that count the
    same thing, events told in clauses that mean the same. The sentence encoder and shared stems propose a
    match; a figure that differs with no sign of being the same count, a differing place or an opposite
    stance keeps two claims apart or marks the group, never the wording alone. The notes are said in
    `language` (the story's, which frames them in the report), else in that of most of the group's reports."""
    figures = [c for c in claims if c.kind == "quantity" and c.quantity and c.quantity.get("unit")]
    # an event told in the very clause of a figure, or a quote holding that clause, is compared as the figure,
    # unless its words give another time or number ("dua truk kontainer terjadi pada pukul 14.30")
    figure_clauses = _clauses_by_article(figures)
    # a listed event too ("mengirim 10 unit mobil pemadam"), unless the figure is only a magnitude word ("mengirim
    # ratusan drone", never compared as a figure) or the event is denied or doubted: the denial disputes the event
    counted_clauses = _clauses_by_article([c for c in figures if not (c.quantity or {}).get("vague")])
    figures_written: dict[str, set[str]] = defaultdict(set)
    for c in figures:
        figures_written[c.evidence[0].article] |= _figures_in(c.extra.get("figure") or "")

    def compared_as_figures(claim: Claim) -> bool:
        """Told as figures its article gives elsewhere: carried by a figure's clause, or a quotation of them."""
        written, given = _figures_in(_words(claim)), figures_written[claim.evidence[0].article]
        carried = claim.extra.get("carried_by_figure") or _in_clause(
            claim, _clauses_comparing(claim, figure_clauses, counted_clauses))
        return (bool(carried) and written <= given) or _quoting_figures(claim, written, given)

    told = [c for c in claims if c.kind != "quantity" and not compared_as_figures(c)]
    compared = [c for c in told if _checkable(c)]
    counts = _cluster(figures, _same_count, _near, _same_unit_before(figures),
                      lambda a, b: _revised(a, b, articles) or _same_measure(a, b) or _same_exact_figure(a, b)
                      or _same_fate_count(a, b) or _near_named_figure(a, b) or _same_place(a, b, names),
                      apart=_two_counts)
    numbered = _numbered_once(compared)
    events = _cluster(compared, _same_event, _words, _like_wording_before(compared),
                      lambda a, b: _timed_alike(a, b) or _same_moment(a, b) or _same_numbered(a, b, numbered)
                      or _one_sources_denial(a, b))
    framed = _framing_sources(claims)
    clusters = (_split_background(_split_unchecked(_split_copied(counts, articles, names, framed)), articles,
                                  FIGURE_NEWS_SHARE)
                + _split_background(_split_copied(events, articles, names, framed), articles, NEWS_SHARE)
                + [[c] for c in told if not _checkable(c)])
    clusters.sort(key=lambda members: (-len({_outlet(c, articles) for c in members}), -len(members)))
    return [_group(f"g-{number}", members, articles, names, framed, language)
            for number, members in enumerate(clusters, start=1)]


def _clauses_by_article(figures: list[Claim]) -> dict[str, set[str]]:
    """The clauses the figures are told in, by article, so that a claim is held against its own article's only."""
    clauses: dict[str, set[str]] = defaultdict(set)
    for figure in figures:
        if clause := figure.extra.get("clause"):
            clauses[figure.evidence[0].article].add(clause)
    return clauses


def _clauses_comparing(claim: Claim, figure_clauses: dict[str, set[str]],
                       counted_clauses: dict[str, set[str]]) -> dict[str, set[str]]:
    """The figures' clauses that, holding this event, compare it as their figure."""
    if claim.extra.get("event") not in listed_events():
        return figure_clauses
    return {} if claim.stance in DISPUTING else counted_clauses


def _in_clause(claim: Claim, clauses: dict[str, set[str]]) -> bool:
    """The claim's words hold one of its own article's figure clauses."""
    return any(clause in claim.text for clause in clauses.get(claim.evidence[0].article, ()))


def _quoting_figures(claim: Claim, written: set[str], given: set[str]) -> bool:
    """A quotation whose every number (`written`) is a figure its article gives ("kisarannya masih sekitar 100
    sampai 150 hektare") is compared as those figures, not once more as a statement; a denial stays one."""
    return claim.kind == "statement" and claim.stance not in DISPUTING and bool(written) and written <= given


def _checkable(claim: Claim) -> bool:
    """Whether reports of it can differ: outlets quoting a speaker's own words repeat one recording, so a
    quotation is compared across outlets only where it gives a figure or a time, or denies or doubts."""
    return not claim.extra.get("quoted") or claim.stance in DISPUTING or bool(_figures_in(_words(claim)))


def _split_unchecked(clusters: list[list[Claim]]) -> list[list[Claim]]:
    """Figures that cannot be checked against one another stay apart: "ratusan tersangka" in two outlets
    (given only as a magnitude word), and a figure every outlet takes from the same quotation ("masih ada
    dua kegiatan lagi", they quote one recording) unless someone doubts it."""
    kept: list[list[Claim]] = []
    for members in clusters:
        vague = all((c.quantity or {}).get("vague") for c in members)
        quoted = all(c.extra.get("quoted") and c.stance not in DISPUTING for c in members)
        if len(members) > 1 and (vague or quoted):
            kept.extend([c] for c in members)
        else:
            kept.append(members)
    return kept


def _split_copied(clusters: list[list[Claim]], articles: dict[str, Article], names: dict[str, str],
                  framed: dict[str, str]) -> list[list[Claim]]:
    """An event or a figure every outlet prints in one release's words, credited to one source or to none, is
    one report repeated, not a comparison an editor lists: its claims stay apart ("luas sekitar 10,2 hektare"
    copied word for word, "hingga dinihari tadi sekitar pukul 00.15 WIB" too). Two tellings, two sources, a
    denial, or two values of a figure or of a time or number in an event's words (one outlet got it wrong)
    make it one."""
    kept: list[list[Claim]] = []
    for members in clusters:
        one_report = (len({_outlet(c, articles) for c in members}) > 1
                      and not _may_differ(members)
                      # a figure's clause may be little more than the figure: its sentence shows the copy
                      and len(_own_tellings(members, articles, _sentence if members[0].kind == "quantity"
                                            else None)) < 2
                      and len(_independent_sources(members, articles, names, framed)) < 2
                      and not any(c.stance in DISPUTING for c in members))
        kept.extend([[c] for c in members] if one_report else [members])
    return kept


def _split_background(clusters: list[list[Claim]], articles: dict[str, Article], share: float) -> list[list[Claim]]:
    """An event every outlet tells only past the first third of its article (a figure only in the last third, past
    `share` of it) is background to the story (who the accused bribed earlier, that no damage was reported yet, the
    haze's cause, the deficits of earlier years), not a comparison an editor lists: its claims stay apart. What the
    event cost, which outlets tally last ("Kerugian ditaksir mencapai Rp 200 juta"), is news wherever it stands."""
    kept: list[list[Claim]] = []
    for members in clusters:
        background = len({_outlet(c, articles) for c in members}) > 1 and not all(map(_tells_cost, members)) and all(
            c.evidence[-1].start >= share * len(articles[c.evidence[0].article].text) for c in members)
        kept.extend([[c] for c in members] if background else [members])
    return kept


def _tells_cost(claim: Claim) -> bool:
    """A figure whose sentence names what the event cost (kabar/data/id/claims/costs.txt)."""
    return claim.kind == "quantity" and not word_set("id/claims/costs.txt").isdisjoint(
        WORD.findall(_sentence(claim).lower()))


def _may_differ(members: list[Claim]) -> bool:
    """Whether the reports differ in what outlets can get wrong: the figure's value, or the times and numbers
    an event's words give, in digits or spelled out ("enam" and "6" agree); a number one telling leaves out ("di
    Sektor 9 Bintaro" in one copy, cut in another) is no other value."""
    if members[0].kind == "quantity":
        return len({(_stated(c), (c.quantity or {}).get("unit")) for c in members}) > 1
    return len({frozenset(_numbers_in(_words(c))) for c in members} - {frozenset()}) > 1


def _one_article(first: Claim, second: Claim) -> bool:
    """Both claims are told in one article (the one their first evidence cites): one report, not two."""
    return first.evidence[0].article == second.evidence[0].article


def _outlet(claim: Claim, articles: dict[str, Article]) -> str:
    article = articles[claim.evidence[0].article]
    return article.outlet or article.duplicate_of or article.id


def _words(claim: Claim) -> str:
    return claim.extra.get("clause") or claim.text


def _sentence(claim: Claim) -> str:
    return claim.evidence[-1].text


def _near(claim: Claim) -> str:
    return claim.extra.get("context") or _words(claim)


Candidates = Iterator[tuple[int, set[int]]]
"""Each claim's index with the indices of the earlier claims it could possibly match."""


def _cluster(claims: list[Claim], same: Callable[[Claim, Claim, float], bool], text: Callable[[Claim], str],
             candidates: Candidates, firm: Callable[[Claim, Claim], bool] | None = None,
             apart: Callable[[Claim, Claim], bool] = lambda a, b: False) -> list[list[Claim]]:
    """Each claim joins the first cluster holding a claim it matches and close in meaning to the cluster as
    a whole (so one loose pair does not chain unrelated claims together), else starts one. Clusters joined
    by a `firm` match between any of their claims are then one, however differently they are worded. Only
    claims that could match another are encoded: the rest start clusters of their own."""
    partnered = sorted(_partnered(claims, same, candidates))
    row = {i: n for n, i in enumerate(partnered)}
    vectors = embeddings([text(claims[i]) for i in partnered])
    similarity = vectors @ vectors.T
    clusters: list[list[int]] = []
    for i, claim in enumerate(claims):
        home = None if i not in row else next(
            (members for members in clusters if members[0] in row
             and any(same(claim, claims[j], float(similarity[row[i], row[j]])) for j in members)
             and not any(apart(claim, claims[j]) for j in members)
             and float(similarity[row[i], [row[j] for j in members]].mean()) >= MEAN_MEANING), None)
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    found = [[claims[i] for i in members] for members in clusters]
    return _joined(found, firm) if firm is not None else found


def _partnered(claims: list[Claim], same: Callable[[Claim, Claim, float], bool], candidates: Candidates) -> set[int]:
    """The claims `same` matches with some other even at a similarity of 1: the clauses' meaning only ever
    allows a match, so a claim matching nothing at 1 matches nothing, and its meaning is never needed."""
    found: set[int] = set()
    for later, earlier in candidates:
        for first in sorted(earlier):
            if later in found and first in found:
                continue
            if same(claims[later], claims[first], 1.0):
                found.update((first, later))
    return found


def _same_unit_before(figures: list[Claim]) -> Candidates:
    """Figures can only count the same thing in the same unit."""
    seen: dict[object, set[int]] = defaultdict(set)
    for later, claim in enumerate(figures):
        unit = (claim.quantity or {}).get("unit")
        kind = GENERIC_PEOPLE if unit in people_units() else unit
        yield later, set(seen[kind])
        seen[kind].add(later)


def _same_unit(first: Claim, second: Claim) -> bool:
    """The same unit, or people counted once as "orang" and once by what they are ("tiga orang tewas", "tiga
    korban tewas"): the generic head count may count any people; two named kinds ("korban", "tersangka") differ."""
    units = {(first.quantity or {}).get("unit"), (second.quantity or {}).get("unit")}
    return len(units) == 1 or (GENERIC_PEOPLE in units and units <= people_units() | {GENERIC_PEOPLE})


def _like_wording_before(events: list[Claim]) -> Candidates:
    """Events can only be the same where both name one listed event, or one happening at a time of day or a state
    from a date, or give the very same time of day, or their words share the stems `_same_event` asks of them (all
    of them, or those besides their numbers)."""
    listed: dict[object, list[int]] = defaultdict(list)
    moments: dict[str, list[int]] = defaultdict(list)
    for n, claim in enumerate(events):
        if claim.extra.get("event") in listed_events():
            listed[claim.extra["event"]].append(n)
        if (_clock(claim) is not None or _since(claim) is not None) and claim.extra.get("event"):
            listed[("clock", claim.extra["event"])].append(n)  # one happening or state told at a time
        if (clock := _clock(claim)) is not None:
            moments[clock[:5]].append(n)  # one moment, whatever the verb
    numbered = [n for n, claim in enumerate(events) if _figures_in(_words(claim))]
    wordings = _sharing_stems([stems(_words(c)) for c in events], SAME_EVENT_WORDS)
    retold = _sharing_stems([stems(NUMBER.sub(" ", _words(events[n]))) for n in numbered], RETOLD_WORDS)
    earlier_retold = {numbered[later]: {numbered[first] for first in found} for later, found in retold}
    for later, found in wordings:
        tag = events[later].extra.get("event")
        yield later, (found | earlier_retold.get(later, set())
                      | {first for first in listed.get(tag, []) + listed.get(("clock", tag), []) if first < later}
                      | {first for first in moments.get((_clock(events[later]) or "")[:5], []) if first < later})


def _sharing_stems(stem_sets: list[frozenset[str]], threshold: float) -> Candidates:
    """For each set, the earlier ones it may share `threshold` of its stems with (Jaccard): two such sets
    share a stem among each one's rarest `size - ceil(threshold * size) + 1`, so only those are looked up."""
    frequency = Counter(stem for found in stem_sets for stem in found)
    holding: dict[str, list[int]] = defaultdict(list)
    prefixes = []
    for found in stem_sets:
        rare_first = sorted(found, key=lambda stem: (frequency[stem], stem))
        prefixes.append(rare_first[: len(found) - math.ceil(threshold * len(found) - 1e-9) + 1])
    for later, prefix in enumerate(prefixes):
        yield later, set().union(*(holding[stem] for stem in prefix))
        for stem in prefix:
            holding[stem].append(later)


def _two_counts(first: Claim, second: Claim) -> bool:
    """One report giving two different figures in one unit counts two things ("kelas 1 ... Rp160.000, kelas 3 ...
    Rp42.000", a total of 43 and 29 before): it does not contradict itself."""
    return _one_article(first, second) and not _overlap(_interval(first), _interval(second))


def _joined(clusters: list[list[Claim]], firm: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    """Clusters with a `firm` match between them as one. A firm match always joins two articles' reports, so one
    article's clusters are left as they are without trying every pair."""
    if len({c.evidence[0].article for members in clusters for c in members}) < 2:
        return clusters
    merged: list[list[Claim]] = []
    for members in clusters:
        linked = [other for other in merged if any(firm(a, b) for a in members for b in other)]
        for other in linked:
            merged.remove(other)
        merged.append([c for other in linked for c in other] + members)
    return merged


def _same_owned_count(first: Claim, second: Claim) -> bool:
    """The same unit counted for the same named owner (troops of North Korea), whatever the figures: a
    length is left out, as one owner's lengths may be a depth or a distance."""
    unit = (first.quantity or {}).get("unit")
    return bool(first.subject) and first.subject == second.subject and unit not in measures() \
        and unit == (second.quantity or {}).get("unit")


def _revised(first: Claim, second: Claim, articles: dict[str, Article]) -> bool:
    """One owner's count as reported on different days (1.500 troops, then 12.000): the same count revised,
    however each report words it. Reports of one day giving two counts of one owner's unit ("2 tersangka"
    and "54 tersangka" of one province) count different things."""
    return _same_owned_count(first, second) and _date(first, articles).date() != _date(second, articles).date()


def _same_measure(first: Claim, second: Claim) -> bool:
    """Two reports measure one thing in one unit, named by the same word ("berjarak 14 km", "pada jarak 5 km";
    "ketinggian 3.145 meter", "berketinggian 3.142 meter"), about no other place or party: whatever their values,
    they are one fact to compare, as are two lengths from one place ("50 meter dari sekolah", "200 meter dari
    sekolah"). One report's two lengths measure two things."""
    a, b = first.quantity or {}, second.quantity or {}
    return a.get("unit") in measures() and a.get("unit") == b.get("unit") \
        and not _one_article(first, second) \
        and any(_alike_stems(one, other) for one in first.extra.get("measured") or []
                for other in second.extra.get("measured") or []) \
        and not _other_owners(first, second) \
        and not _other_names(first, second, _words)  # a clause names more than the words next to its figure


def _same_exact_figure(first: Claim, second: Claim) -> bool:
    """Two reports give the very same figure in one unit, one no round number would give ("Rp11,5 miliar",
    "409 sekolah", "43 tahun"): in one story that is one fact, however each report words it and whatever else
    its clause names; a round figure ("dua orang", "200 juta") may count different things."""
    a, b = first.quantity or {}, second.quantity or {}
    return not _one_article(first, second) and _same_unit(first, second) \
        and not a.get("vague") and not b.get("vague") and a.get("min") is not None \
        and (a.get("min"), a.get("max")) == (b.get("min"), b.get("max")) and _specific(float(a["min"])) \
        and not _other_owners(first, second)


def _near_named_figure(first: Claim, second: Claim) -> bool:
    """Two outlets give nearly the same specific figure in one unit (a slip in its last digits: "96,6 juta" and
    "96,8 juta") in sentences naming one acronym ("PBI"): one count of that named thing, which they then tell
    differently; a round figure, or one further off, may count another thing."""
    if _one_article(first, second) or not _same_unit(first, second) \
            or _other_owners(first, second) or any((c.quantity or {}).get("vague") for c in (first, second)):
        return False
    values = _stated(first), _stated(second)
    if not (all(_specific(v) for v in values) and abs(values[0] - values[1]) <= NEAR_FIGURE * max(values)):
        return False
    return bool(_acronyms(_sentence(first)) & _acronyms(_sentence(second)))


def _acronyms(text: str) -> set[str]:
    """The names a text writes in capitals alone ("PBI", "DOHC"); not a time zone ("WIB"), which names nothing
    counted."""
    return {word for word in ACRONYM.findall(text) if word.lower() not in table("id/timezones.tsv")}


def _same_fate_count(first: Claim, second: Claim) -> bool:
    """Two reports give the very same head count, round ones too, of people who met one fate, the fate named
    nearest each figure ("delapan orang meninggal dunia", "merenggut nyawa 8 orang"; "dua orang luka bakar",
    "dua warga ... mengalami luka bakar"): one fact, however each sentence is worded."""
    a, b = first.quantity or {}, second.quantity or {}
    return not _one_article(first, second) and _same_unit(first, second) \
        and {a.get("unit"), b.get("unit")} <= people_units() | {GENERIC_PEOPLE} \
        and not a.get("vague") and not b.get("vague") and a.get("min") is not None \
        and (a.get("min"), a.get("max")) == (b.get("min"), b.get("max")) and not _other_owners(first, second) \
        and (fate := _nearest_fate(first)) is not None and fate == _nearest_fate(second)


@cache
def _fate_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = (line.split("\t") for line in data_lines("id/claims/fates.tsv"))
    return tuple((fate, re.compile(r"\b(?:" + "|".join(re.escape(p.strip()) for p in phrases.split(",")) + r")\b"))
                 for fate, phrases in rows)


def _nearest_fate(claim: Claim) -> str | None:
    """The fate (kabar/data/id/claims/fates.tsv) its sentence names nearest the figure: in "delapan orang
    meninggal dunia sementara sejumlah korban lainnya mengalami luka" the eight died."""
    sentence = _sentence(claim).lower()
    at = sentence.find((claim.extra.get("figure") or "").lower())
    if at < 0:
        return None
    distances = [(abs(found.start() - at), fate) for fate, words in _fate_words() for found in words.finditer(sentence)]
    return min(distances)[1] if distances else None


def _same_place(first: Claim, second: Claim, names: dict[str, str]) -> bool:
    """Two outlets give one place in an order ("posisi ketujuh", "start dari P7") in sentences naming one person
    ("Valentino Rossi"; "Quartararo" in one, "Fabio Quartararo" in the other): one party's place, whoever else each
    sentence names. A story of several sessions or tables gives one place to several people, so the place alone
    joins nothing."""
    return not _one_article(first, second) and _stated(first) == _stated(second) and any(
        _named_within(one, other, names) or _named_within(other, one, names)
        for one in first.extra.get("people") or [] for other in second.extra.get("people") or [])


def _other_owners(first: Claim, second: Claim) -> bool:
    """Both figures name whose they are, and not the same owner ("42 di Riau", "45 di Kalimantan Tengah")."""
    return bool(first.subject and second.subject and first.subject != second.subject)


def _specific(value: float) -> bool:
    """A figure of two significant digits or more: 43, 409, 11,5 miliar; not 2, 10, 400 or 200 juta."""
    return value > 0 and _rounding(value) < 10.0 ** math.floor(math.log10(value))


def _alike_stems(first: str, second: str) -> bool:
    """The same stem, or one stem ending in the other where the stemmer left a prefix ("ketinggi", "tinggi")."""
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= MIN_MEASURE_STEM and longer.endswith(shorter)


def _same_count(first: Claim, second: Claim, similarity: float) -> bool:
    """Two figures count the same thing: the same unit and owner, said in like words; a different figure
    must be said in nearly the same words and about no other place or party to be the same count revised."""
    same_article = _one_article(first, second)
    if not _same_unit(first, second) or _other_owners(first, second) \
            or (first.quantity or {}).get("unit") == RANK_UNIT:
        # a place in an order is one fact only as one person's (`_same_place`), never by the words around it
        return False
    if _same_owned_count(first, second) and _overlap(_interval(first), _interval(second)):
        return True  # troops of North Korea, in like figures however each report words them
    overlap = word_overlap(_near(first), _near(second))
    if _interval(first) == _interval(second) and not same_article:
        return not _other_names(first, second)  # the same count of the same thing, in one story
    if _overlap(_interval(first), _interval(second)):
        return similarity >= SAME_FIGURE_MEANING or overlap >= SAME_FIGURE_WORDS
    return not same_article and similarity >= REVISED_FIGURE_MEANING and overlap >= REVISED_FIGURE_WORDS \
        and not _other_names(first, second)


def _same_event(first: Claim, second: Claim, similarity: float) -> bool:
    """Two clauses tell the same event: close in meaning and sharing their stems. Where both name a listed
    event (a summons, a signing) the list decides: the same event, by the same party or in like words.
    Different figures in them (a count, a time) make them two facts."""
    if first.kind == second.kind == "statement" and first.attributed_to != second.attributed_to:
        return False  # two people saying the same words make two statements
    tags = first.extra.get("event"), second.extra.get("event")
    if _timed_alike(first, second):
        return True
    if tags[0] in listed_events() and tags[1] in listed_events():
        return tags[0] == tags[1] and (first.subject == second.subject or similarity >= SAME_EVENT_MEANING)
    if _figures_in(_words(first)) and _figures_in(_words(second)) and \
            not _figures_in(_words(first)) & _figures_in(_words(second)):
        # the same clause with another time or number is the same fact told differently; else two facts
        return not _one_article(first, second) and similarity >= RETOLD_MEANING \
            and word_overlap(*(NUMBER.sub(" ", _words(c)) for c in (first, second))) >= RETOLD_WORDS
    return similarity >= SAME_EVENT_MEANING and word_overlap(_words(first), _words(second)) >= SAME_EVENT_WORDS


def _one_sources_denial(first: Claim, second: Claim) -> bool:
    """Two outlets report one source denying something ("Kabar itu tidak benar", says the family's spokesman to one;
    "Berita itu hoaks", he says to another): in one story that is one denial, however each outlet words or quotes it.
    Another source's denial is another claim, and so is a mere doubt ("belum dapat memastikan")."""
    return not _one_article(first, second) and first.stance == second.stance == "denied" \
        and first.attributed_to is not None and first.attributed_to == second.attributed_to


def _timed_alike(first: Claim, second: Claim) -> bool:
    """Two outlets tell the same happening (one verb, "terjadi") at a time of day, or the same state (one verb,
    "dirawat") from a date it began: in one story that is the one event whose time they give, whatever else each
    sentence says, and its times are compared ("sekira pukul 14.15 WIB", "pukul 14.30 WIB"; "sejak Senin, 2
    September", "sejak Sabtu (7/9/2019)")."""
    tag = first.extra.get("event")
    if not tag or tag != second.extra.get("event") or _one_article(first, second):
        return False
    timed = (_clock(first) is not None and _clock(second) is not None) \
        or (_since(first) is not None and _since(second) is not None)
    # a fire in Medan and a crash in Semarang both "terjadi" at a time of day, and are two happenings
    return timed and not _in_other_provinces(first, second)


def _in_other_provinces(first: Claim, second: Claim) -> bool:
    """The two sentences name places, and none of the provinces those places lie in is the same."""
    provinces = [provinces_named(_sentence(c)) for c in (first, second)]
    return bool(provinces[0]) and bool(provinces[1]) and not provinces[0] & provinces[1]


def _same_moment(first: Claim, second: Claim) -> bool:
    """Two outlets give the very same time of day, one no schedule would round to ("pukul 06.20 WIB" in both): in
    one story that is one moment told, whatever verb each sentence tells it by ("terima berita", "kebakaran
    terjadi"); a time on the hour or the half hour ("pukul 14.00") may be two things planned alike."""
    clocks = _clock(first), _clock(second)
    return not _one_article(first, second) and clocks[0] is not None \
        and clocks[0][:5] == (clocks[1] or "")[:5] and _minutes(clocks[0]) % ROUND_CLOCK != 0 \
        and not _in_other_provinces(first, second)


def _numbered(claim: Claim) -> frozenset[tuple[str, str]]:
    """The places and provisions the clause names by a number ("lantai 7", "KM 92", "Pasal 98"; `numbered.txt`),
    each as its word and its number."""
    return frozenset((word.lower(), number) for word, number in NUMBERED.findall(_words(claim))
                     if word.lower() in word_set("id/claims/numbered.txt"))


def _numbered_once(events: list[Claim]) -> dict[int, frozenset[tuple[str, str]]]:
    """By event (its `id()`), the numbered places it names that its article names in that one sentence only: a place
    an article names in several ("KM 92", where a crash, a fire and a jam happened) does not tell which of its events
    another outlet's is. Read once per event, as every pair of clusters is compared."""
    places = {id(claim): _numbered(claim) for claim in events}
    named: dict[str, dict[tuple[str, str], set[int]]] = defaultdict(lambda: defaultdict(set))
    for claim in events:
        for place in places[id(claim)]:
            named[claim.evidence[0].article][place].add(claim.evidence[-1].start)
    once = {article: frozenset(place for place, sentences in found.items() if len(sentences) == 1)
            for article, found in named.items()}
    return {id(claim): places[id(claim)] & once.get(claim.evidence[0].article, frozenset()) for claim in events}


def _same_numbered(first: Claim, second: Claim, once: dict[int, frozenset[tuple[str, str]]]) -> bool:
    """Two outlets tell an event at one numbered place, each naming it in that event alone ("berada di lantai 7
    Tower Tulip", "kebakaran terjadi lantai 7"): one event, however else each words it."""
    return not _one_article(first, second) and bool(once[id(first)] & once[id(second)])


def _since(claim: Claim) -> str | None:
    """The date a state began, where the sentence gives it after a word such as "sejak" ("dirawat sejak Senin, 2
    September")."""
    when = claim.when
    if not when or not when.expression or when.precision not in CALENDAR_PRECISIONS:
        return None
    sentence, expression = _sentence(claim).lower(), when.expression.lower()
    opened = any(sentence.startswith(expression, word.end()) for word in _since_word().finditer(sentence))
    return when.start if opened else None


@cache
def _since_word() -> re.Pattern[str]:
    """A word that opens the date a state began ("sejak", `since.txt`), with the space after it."""
    return re.compile(rf"\b(?:{alternation(sorted(word_set('id/claims/since.txt')))})\s+", re.IGNORECASE)


def _clock(claim: Claim) -> str | None:
    """The time of day the claim's sentence gives it, as the times layer normalised it ("14:30+07:00"): its time,
    or the clock time told next to its date ("Kamis (12/9) sekitar pukul 20.30", "pukul 18.05 WIB, Rabu (11/9)")."""
    if claim.when and claim.when.precision == CLOCK_PRECISION:
        return claim.when.start
    return claim.extra.get("clock")


def _figures_in(text: str) -> set[str]:
    """The numbers a text gives as written, a time of day with a colon as with a point ("00:00" and "00.00" agree)."""
    return {number.replace(":", ".") for number in NUMBER.findall(text)}


def _numbers_in(text: str) -> set[str]:
    """The numbers a text gives, in digits or spelled out: "selama enam bulan" and "selama 6 bulan" give one."""
    spelled = spelled_numbers()
    return _figures_in(text) | {spelled[word] for word in WORD.findall(text.lower()) if word in spelled}


def _other_names(first: Claim, second: Claim, text: Callable[[Claim], str] = _near) -> bool:
    """The words around two figures (or what `text` gives) name different places or parties (capitalised words,
    not counting one that opens them, which may be capitalised only as the sentence's first), as "42 di Riau" and
    "45 di Kalimantan Tengah" do. A name opening one that the other names inside ("Ulum ditahan 20 hari",
    "menahan Ulum selama 20 hari") is shared."""
    every = [set(NAME.findall(text(c))) for c in (first, second)]
    inside = [set(NAME.findall(text(c))[1:]) if NAME.match(text(c)) else names
              for c, names in zip((first, second), every, strict=True)]
    return bool(inside[0]) and bool(inside[1]) and not inside[0] & every[1] and not inside[1] & every[0]


def _group(group_id: str, members: list[Claim], articles: dict[str, Article], names: dict[str, str],
           framed: dict[str, str], language: str | None) -> ClaimGroup:
    language = language or Counter(articles[c.evidence[0].article].language for c in members).most_common(1)[0][0]
    # those who deny it or cannot confirm it are not behind it, unless all of them do: then the denial is
    # what is reported, and its sources are those who make it
    behind = [c for c in members if c.stance not in DISPUTING] or members
    sources = _independent_sources(behind, articles, names, framed)
    status: GroupStatus
    if members[0].kind == "quantity":
        status, why = _quantity_status(members, articles, sources)
        # one report's figure agrees with nothing: its note says where it comes from, not that figures agree
        notes = [_say(why, language, values=_values_note(members, articles, names, language), n=len(members))]
    else:
        # an event several outlets tell in their own words is corroborated by their reporting, though some
        # credit a spokesperson; where every telling credits that one source, it is that source's word retold,
        # and a quotation is one person's words however many outlets repeat it
        tellings = _own_tellings([c for c in behind if c.kind == "event"], articles)
        outlets = {_outlet(t[0], articles) for t in tellings}
        witnessed = any(not c.attributed_to for t in tellings for c in t)
        status = "corroborated" if len(sources) > 1 or (len(outlets) > 1 and witnessed) else "single-source"
        # corroborated by the outlets' own reporting though their sources count as one: the note says so, lest
        # "terkonfirmasi" beside "1 sumber independen" read as a contradiction
        told_key = "told_own" if status == "corroborated" and len(sources) < 2 else "told"
        notes = [_say("reported", language, n=len(sources)) if len(outlets) < 2 else
                 _say(told_key, language, outlets=len(outlets), n=len(sources))]
        dates, told = _clash(members)
        if dates or told:
            status = "conflicting"
            notes.append(_say("dated", language, dates=", ".join(dates)) if dates else
                         _say("figures", language, values="; ".join(told)))
    disputing = _disputing(members)
    # figures that change as reports come in stay evolving or conflicting though someone doubts one of them
    if disputing and len(disputing) < len(members) and (
            members[0].kind != "quantity" or status in ("corroborated", "single-source")):
        status = "disputed"
        notes.append(_say("disputed", language, n=len(disputing)))
    return ClaimGroup(group_id, _topic(members), [c.id for c in members], status, len(sources), " ".join(notes),
                      _values(members, articles, names))


def _disputing(members: list[Claim]) -> list[Claim]:
    """The reports that deny the claim or doubt it. A source that tells the claim and in another report cannot yet
    confirm something of it ("pemerintah berencana membangun istana di Papua", and the same minister "belum memastikan
    jumlah dana yang dianggarkan") doubts a detail, not its own claim; a denial stands whoever makes it."""
    telling = {c.attributed_to for c in members if c.stance not in DISPUTING and c.attributed_to}
    return [c for c in members if c.stance == "denied"
            or (c.stance in DISPUTING and c.attributed_to not in telling)]


def _topic(members: list[Claim]) -> str:
    """The group's label in the articles' own words: the shortest clause among its claims."""
    return min((_words(c) for c in members), key=len)


def _values(members: list[Claim], articles: dict[str, Article], names: dict[str, str]) -> list[dict]:
    """Side by side, per report: the outlet, what it says (its figure or clause), whom it credits, when."""
    rows = []
    for claim in sorted(members, key=lambda c: _date(c, articles)):
        article = articles[claim.evidence[0].article]
        rows.append({"article": article.id, "outlet": article.outlet, "value": claim.text,
                     "source": names.get(claim.attributed_to or ""), "stance": claim.stance,
                     "published": article.reference_date.isoformat() if article.reference_date else None})
    return rows


def _clash(members: list[Claim]) -> tuple[list[str], list[str]]:
    """Where reports of one event disagree: the dates of a one-off event, and the times or numbers in its words."""
    dates = _event_dates(members) if any(c.extra.get("event") in one_off_events() for c in members) else []
    return dates or _began_differently(members), _told_differently(members) or _timed_differently(members)


def _began_differently(members: list[Claim]) -> list[str]:
    """The dates reports give a state's start ("sejak 1 September", "sejak 7 September"), where two differ."""
    dates = sorted({since for c in members if (since := _since(c)) is not None})
    return dates if len(dates) > 1 else []


def _timed_differently(members: list[Claim]) -> list[str]:
    """The times of day reports give the event, where two differ by more than a reporter's rounding."""
    times = sorted({clock for c in members if (clock := _clock(c)) is not None})
    return times if any(_clock_gap(a, b) > CLOCK_ROUNDING for a in times for b in times) else []


def _clock_gap(first: str, second: str) -> int:
    """Minutes between two normalised times of day ("14:30+07:00"), either way round midnight ("23.58" and "00.02"
    are four apart); in universal time where both give their zone ("14.30 WITA" and "13.30 WIB" are one moment),
    else as written."""
    zones = _zone(first), _zone(second)
    shift = zones[0] - zones[1] if zones[0] is not None and zones[1] is not None else 0
    apart = (_minutes(first) - _minutes(second) - shift) % MINUTES_A_DAY
    return min(apart, MINUTES_A_DAY - apart)


def _minutes(clock: str) -> int:
    """Minutes into the day of a normalised time, as written."""
    hours, minutes = clock[:5].split(":")
    return int(hours) * 60 + int(minutes)


def _zone(clock: str) -> int | None:
    """A normalised time's offset from universal time in minutes ("+07:00" is 420), where it gives one."""
    offset = ZONE_OFFSET.search(clock)
    if not offset:
        return None
    return (1 if offset["sign"] == "+" else -1) * (int(offset["hours"]) * 60 + int(offset["minutes"]))


def _told_differently(members: list[Claim]) -> list[str]:
    """The times and numbers reports give inside the event's own words, where two reports give no common
    one ("pukul 14.00" against "pukul 13.30", "sejak 1 September" against "sejak 8 September"). The digits of a code
    between capitals, a vehicle's plate ("S 7190 US", "AE-567-SC"), name the vehicle (two reports naming it are one
    telling of it) and are no time or count that one report gives and another contradicts by giving a time."""
    told = {c.evidence[0].article: figures for c in members
            if (figures := frozenset(_figures_in(CODE_BETWEEN_CAPITALS.sub(" ", _words(c)))))}
    values = list(set(told.values()))
    if any(not a & b for a in values for b in values):
        return sorted(" ".join(sorted(v)) for v in values)
    return []


def _event_dates(members: list[Claim]) -> list[str]:
    """The dates of a one-off event where reports disagree on them (June against September, one day
    against another); a month and a day within it agree. Empty where they agree."""
    dates = sorted({c.when.start for c in members if c.when and c.when.precision in CALENDAR_PRECISIONS})
    clash = any(not later.startswith(earlier) and not earlier.startswith(later)
                for earlier in dates for later in dates)
    return dates if clash else []
