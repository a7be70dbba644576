"""Claims built from annotations: figures, events and statements, each credited to its primary source.

A claim points to the sentence it came from; its source is the one that sentence credits ("kata
NIS"), not the outlet repeating it, and its stance is the sentence's. Only cleaned text is read, so a
figure that appears only in removed boilerplate (a related-link headline) never becomes a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kabar.lexicon import alternation, data_lines, sections, word_set
from kabar.model import Claim, Doc, Evidence, Quote, Span, Stance, When
from kabar.nlp.entities import gazetteer
from kabar.nlp.quantities import VERB_LIKE, spelled_numbers
from kabar.nlp.quantities import unit_of as _unit_of
from kabar.nlp.quotes import cues
from kabar.textnorm import stem

SUBJECT_KINDS = ("GPE", "ORG", "PERSON")
# words that end the noun phrase of a figure: "10.000 tentara untuk membantu Rusia" is not Russia's troops
LINKING_WORDS = re.compile(r"(?<![\w-])(untuk|ke|di|dari|yang|dengan|guna|bagi|to|for|in|from|with|that)(?![\w-])",
                           re.IGNORECASE)
NOMINAL_EVENT = re.compile(r"(?:ke|pe)\w+an", re.IGNORECASE)
NOUN_REACH = 50  # characters: "kedatangan 1.500 tentara khusus Korea Utara"
PLACE_PHRASE = re.compile(r"(?<![\w-])(?:di|ke|dari|in|at|from)\s+(?:[a-z][\w-]*\s+){1,3}$")
# what may stand between a credited source and the date of its saying: "KCNA pada hari Selasa", "NIS, Senin"
REPORT_DATE_GAP = re.compile(r"[\s,]*(?:pada\s+)?(?:hari\s+)?", re.IGNORECASE)
# the agent of a passive verb or the parties of an event noun, looked for a few words after the verb
AGENT_MARKER = re.compile(r"(?<![\w-])(?:oleh|antara|by|between)(?![\w-])", re.IGNORECASE)
AGENT_REACH = 50
# where the agent's noun phrase stops: the next party, a clause, or a linking word
PHRASE_END = re.compile(r",|(?<![\w-])(?:dan|serta|and)(?![\w-])|" + LINKING_WORDS.pattern, re.IGNORECASE)


WORD = re.compile(r"[^\W\d_][\w-]*")
VERBAL_PREFIX = re.compile(r"(?:me|di|ber|ter)[a-z]{3,}")
# what ends a clause around its predicate: a comma, colon or semicolon, a quote mark, a dash between spaces; not the
# comma or colon inside a number ("Rp 11,5 miliar", "pukul 00:00 WIB")
CLAUSE_BREAK = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;\"“”()]|\s[-–]\s")
CLAUSE_WORDS_BEFORE, CLAUSE_WORDS_AFTER = 8, 12
FIGURE_WORDS_BEFORE, FIGURE_WORDS_AFTER = 3, 3
STATEMENT_CHARACTERS = 240  # a statement claim's label: the quote's first words, up to this length
# how far before a person the title naming their body may start ("Kepala Biro Penerangan Masyarakat Mabes Polri
# Brigadir Jenderal Dedi Prasetyo"); a clause break or a reporting verb ends the title
TITLE_REACH = 90


@cache
def predicate_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words that are never predicates, bare verbs, words of a plan) from kabar/data/id/claims/predicates.txt."""
    found = sections("id/claims/predicates.txt")
    return tuple(frozenset(w.lower() for line in found[name] for w in line.split())  # type: ignore[return-value]
                 for name in ("not-predicates", "bare", "planned"))


@cache
def _reporting_words() -> frozenset[str]:
    return frozenset(w.lower() for cue in cues("before") for w in cue.split())


def predicate(doc: Doc, sentence: Span) -> re.Match[str] | None:
    """The clause's predicate: the first verb of the sentence outside the credit given to a source, so
    "Dedi mengatakan pihaknya menetapkan 175 tersangka" is about "menetapkan"."""
    never, bare, _ = predicate_words()
    attribution = sentence.attrs.get("attribution") or {}
    for match in WORD.finditer(doc.text, sentence.start, sentence.end):
        word = match.group(0).lower()
        if attribution and attribution["start"] - 30 <= match.start() < attribution["end"] + 3:
            continue
        if word in never or word in _reporting_words():
            continue
        if word in bare or (VERBAL_PREFIX.fullmatch(word) and match.group(0)[0].islower()):
            return match
    return None


def clause_span(doc: Doc, sentence: Span, at: int, end: int) -> tuple[int, int]:
    """The shortest run of the sentence's own words that carries what stands at [at, end): from the clause
    break before it to the one after, a few words either way at most."""
    text = doc.text
    breaks_before = [m.end() for m in CLAUSE_BREAK.finditer(text, sentence.start, at)]
    start = max([sentence.start, *breaks_before])
    words_before = list(WORD.finditer(text, start, at))[-CLAUSE_WORDS_BEFORE:]
    start = words_before[0].start() if words_before else at
    after = CLAUSE_BREAK.search(text, end, sentence.end)
    stop = after.start() if after else sentence.end
    words_after = list(WORD.finditer(text, end, stop))
    if len(words_after) < 2 and after and after.group(0) == ",":  # "pada Rabu (11/9), pukul 18.05 WIB"
        later = CLAUSE_BREAK.search(text, after.end(), sentence.end)
        stop = later.start() if later else sentence.end
        words_after = list(WORD.finditer(text, end, stop))
    if len(words_after) > CLAUSE_WORDS_AFTER:
        stop = words_after[CLAUSE_WORDS_AFTER - 1].end()
    return start, max(stop, end)


def _clause(doc: Doc, sentence: Span, at: int, end: int, whole_names: bool = False) -> str:
    """The clause's words; `whole_names` reads a name the word limit cut whole ("Korea Utara yang dikerahkan ...",
    not "Utara yang dikerahkan ...") for a figure's clause, which names its group; an event's clause keeps the
    limit, its words being compared by meaning (whole names there cost the seeds' source counts 0.667 -> 0.556)."""
    start, stop = clause_span(doc, sentence, at, end)
    if whole_names:
        start = min([start, *(s.start for s in doc.covering("entities", start, start + 1)
                              if sentence.start <= s.start < start < s.end)])
    return " ".join(doc.text[start:stop].split()).rstrip(".")


@cache
def event_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = (line.split("\t") for line in data_lines("id/claims/events.txt"))
    return tuple((re.compile(rf"(?<![\w-])(?:{row[0]})(?![\w-])", re.IGNORECASE), row[1]) for row in rows)


@cache
def one_off_events() -> frozenset[str]:
    """Listed events that happen on one date (a signing): two dates for one of them conflict."""
    rows = (line.split("\t") for line in data_lines("id/claims/events.txt"))
    return frozenset(row[1] for row in rows if len(row) > 2 and row[2] == "once")


@cache
def listed_events() -> frozenset[str]:
    return frozenset(line.split("\t")[1] for line in data_lines("id/claims/events.txt"))


def entity_at(doc: Doc, start: int, end: int) -> str | None:
    """The canonical entity of the mention at exactly these offsets, if linking gave it one (found through the
    layer's index: a scan of every mention for each quote cost a long article the square of its length)."""
    return next((span.attrs.get("entity") for span in doc.index("entities").within(start, end)
                 if span.start == start and span.end == end), None)


def _evidence(doc: Doc, span: Span) -> Evidence:
    return Evidence(doc.article.id, span.start, span.end, doc.text[span.start : span.end])


def _when(doc: Doc, sentence: Span, of_event: bool = False, clause: tuple[int, int] | None = None) -> When | None:
    time = _time_of(doc, sentence, of_event, clause)
    if time is None:
        return None
    return When(time.attrs["start"], time.attrs["precision"], time.attrs.get("end"), time.attrs["expression"])


def _time_of(doc: Doc, sentence: Span, of_event: bool = False, clause: tuple[int, int] | None = None) -> Span | None:
    """The sentence's date. For an event, a date that follows the credited source ("kata KCNA pada hari
    Selasa") dates the report, not the event, and is passed over. A clock time that carries its day ("pukul
    18.05 WIB, Rabu (11/9/2019)") gives way to that day, and a day of a weekly schedule ("setiap Minggu") dates
    nothing. A time inside the event's own `clause` comes first: in "ruko itu tutup sejak jam 5 sore, sedangkan saksi
    melihat api itu sekira pukul 18.10 WIB" the fire was seen at 18.10."""
    times = [t for t in doc.covering("times", sentence.start, sentence.end)
             if "day" not in t.attrs and not t.attrs.get("recurring")]
    if of_event:
        times = [t for t in times if not _dates_the_report(doc, sentence, t)]
    own = [t for t in times if clause and clause[0] <= t.start and t.end <= clause[1]]
    return (own or times)[0] if times else None


def _clock_on_its_date(doc: Doc, sentence: Span) -> dict[str, str]:
    """The time of day the sentence gives right after or before the event's date ("Selasa (10/9/2019) siang, pukul
    14.30 WIB", "pukul 18.05 WIB, Rabu (11/9/2019)"), which the times layer links to that date, so that outlets'
    times of one happening compare."""
    day = _time_of(doc, sentence, of_event=True)
    if day is None or day.attrs["kind"] != "date":
        return {}
    return next(({"clock": t.attrs["start"]} for t in doc.covering("times", sentence.start, sentence.end)
                 if t.attrs["kind"] == "clock" and t.attrs.get("refers_to") == [day.start, day.end]), {})


def _dates_the_report(doc: Doc, sentence: Span, time: Span) -> bool:
    attribution = sentence.attrs.get("attribution")
    if not attribution or time.start < attribution["end"]:
        return False
    return REPORT_DATE_GAP.fullmatch(doc.text[attribution["end"] : time.start]) is not None


def _source(doc: Doc, sentence: Span) -> str | None:
    attribution = sentence.attrs.get("attribution")
    if not attribution:
        return None
    return entity_at(doc, attribution["start"], attribution["end"])


def _entities_in(doc: Doc, start: int, end: int, kinds: tuple[str, ...] = SUBJECT_KINDS) -> list[Span]:
    """The linked mentions of these kinds inside [start, end], in layer order, through the layer's index."""
    return [s for s in doc.index("entities").within(start, end) if s.label in kinds and s.attrs.get("entity")]


def _subject_of_quantity(doc: Doc, sentence: Span, quantity: Span, source: str | None) -> str | None:
    """Whose figure it is: the place or body named right after a counted noun ("personel Korea Utara",
    "1.500 tentara Korea Utara"), else the first one after the figure within its noun phrase."""
    unit = quantity.attrs.get("unit")
    for span in _entities_in(doc, sentence.start, sentence.end, ("GPE", "ORG")):
        before = doc.text[max(sentence.start, span.start - 30) : span.start].lower().split()[-3:]
        hits = [i for i, word in enumerate(before) if _unit_of(word) == unit]
        between = before[hits[-1] + 1 :] if hits else []
        if span.attrs["entity"] != source and hits and len(between) <= 1 and not any(
                LINKING_WORDS.fullmatch(word) for word in between):
            return span.attrs["entity"]
    for span in _entities_in(doc, quantity.end, sentence.end):
        if span.start - quantity.end > 40 or LINKING_WORDS.search(doc.text[quantity.end : span.start]):
            break
        if span.attrs["entity"] != source:
            return span.attrs["entity"]
    candidates = _entities_in(doc, sentence.start, quantity.start, ("GPE", "ORG"))
    speakers = [s for s in candidates if _speaks(doc, s)]
    clause_start = speakers[-1].end if speakers else sentence.start  # what came before the speaker is another clause
    owners = [s for s in candidates if s.start >= clause_start and s.attrs["entity"] != source
              and not LINKING_WORDS.search(doc.text[max(0, s.start - 6) : s.start])]
    return owners[-1].attrs["entity"] if owners else None


def _speaks(doc: Doc, span: Span) -> bool:
    """A body followed by its reporting verb ("NIS mengatakan sebanyak 1.500 pasukan") gives the figure; it
    does not own it, and what is named before it belongs to another clause."""
    return _reporting_verb().match(doc.text, span.end) is not None


@cache
def _reporting_verb() -> re.Pattern[str]:
    words = "|".join(sorted(cues("before"), key=len, reverse=True))
    return re.compile(rf"\s+(?:telah\s+|juga\s+)?(?:{words})(?![\w-])", re.IGNORECASE)


def _plain_number(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:,}"


def _figure(attrs: dict, number: Callable[[float], str] = _plain_number, unit: str | None = None) -> str:
    """A figure as claims compare it ("1.500 tentara", "sekitar 80.000 Rp"), or with the given wording of its
    numbers and unit."""
    if attrs.get("vague"):
        amount = attrs["vague"]
    elif attrs["min"] is None:
        amount = f"hingga {number(attrs['max'])}"
    elif attrs["max"] is None:
        amount = f"lebih dari {number(attrs['min'])}"
    elif attrs["min"] != attrs["max"]:
        amount = f"{number(attrs['min'])}–{number(attrs['max'])}"
    else:
        amount = ("sekitar " if attrs.get("approximate") else "") + number(attrs["min"])
    written = (attrs.get("unit_word") or attrs.get("unit") or "") if unit is None else unit
    return f"{amount} {written}".strip()


def figure_for_reader(quantity: dict) -> str | None:
    """A sum of money as an Indonesian editor writes it ("Rp19 triliun", "sekitar Rp80.000", "2,5 miliar dolar"),
    where the claims compare it as "19.000.000.000.000 Rp"; None for a figure that is not money, which reads as
    compared."""
    unit = quantity.get("unit") or ""
    signs = sections("id/claims/money.txt")
    if quantity.get("vague") or unit not in signs["after"] + tuple(s.split("\t")[0] for s in signs["before"]):
        return None
    sign = dict(s.split("\t") for s in signs["before"]).get(unit)
    if sign is None:
        return _figure(quantity, _in_scale_words, unit=unit.replace("-", " "))
    return _figure(quantity, lambda value: sign + _in_scale_words(value), unit="")


@cache
def _scale_words() -> list[tuple[float, str]]:
    """The scale words of a million and more, largest first, each value by the first word the data gives it."""
    words: dict[float, str] = {}
    for row in sections("id/nlp/numbers.txt")["scale"]:
        word, value = row.split("\t")[:2]
        words.setdefault(float(value), word)
    return sorted(((v, w) for v, w in words.items() if v >= 1e6), reverse=True)


def _in_scale_words(value: float) -> str:
    """"19 triliun", "32,8 triliun", "1,25 juta": the largest scale word that leaves at most three decimals
    and loses nothing; smaller or odder amounts as written in full ("80.000", "70.532.899")."""
    for size, word in _scale_words():
        shown = round(value / size, 3)
        if shown >= 1 and abs(shown * size - value) < 0.5:
            return f"{shown:g}".replace(".", ",") + f" {word}"
    return _plain_number(value)


@cache
def _title_break() -> re.Pattern[str]:
    words = "|".join(sorted(cues("before"), key=len, reverse=True))
    return re.compile(rf"{CLAUSE_BREAK.pattern}|\.\s|(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def speaker_bodies(doc: Doc) -> dict[str, str]:
    """The body each credited person speaks for, where a title before one of their mentions names it
    ("Juru bicara KPK Febri Diansyah", "Kepala Biro Penerangan Masyarakat Mabes Polri Brigadir Jenderal
    Dedi Prasetyo"): the person and the body are one primary source."""
    people = {(s.start, s.end): s.attrs["entity"] for s in doc.layer("entities")
              if s.label == "PERSON" and s.attrs.get("entity")}
    credited = [(a["start"], a["end"]) for s in doc.layer("sentences") if (a := s.attrs.get("attribution"))]
    credited += [(speaker[0], speaker[1]) for q in doc.layer("quotes") if (speaker := q.attrs.get("speaker"))]
    speakers = {people[at] for at in credited if at in people}
    bodies: dict[str, str] = {}
    # the title may stand at any mention of the speaker, not only where they are credited
    for (start, end), person in sorted(people.items()):
        body = (_body_before(doc, start) or _body_after(doc, end)) if person in speakers else None
        if body and body != person:
            bodies.setdefault(person, body)
    return bodies


def _body_after(doc: Doc, end: int) -> str | None:
    """The body named in a title set off after a person by a comma ("Dwi Winarsa, General Manager PT Jasa
    Marga"): the first one before any clause break, reporting verb or linking word ("Ronny, di kantor Komnas
    HAM" names where, not whom they speak for)."""
    opening = re.match(r"\s*,\s*", doc.text[end : end + 3])
    if not opening:
        return None
    begin = end + opening.end()
    stop = _title_break().search(doc.text, begin, begin + TITLE_REACH)
    limit = stop.start() if stop else min(len(doc.text), begin + TITLE_REACH)
    linking = LINKING_WORDS.search(doc.text, begin, limit)
    limit = linking.start() if linking else limit
    known = [form for m in _known_bodies().finditer(doc.text, begin, limit) if (form := gazetteer().get(m.group(0)))]
    if known:
        return known[0].id
    named = [s for s in doc.layer("entities") if s.label == "ORG" and s.attrs.get("entity")
             and begin <= s.start and s.end <= limit]
    return named[0].attrs["entity"] if named else None


def _body_before(doc: Doc, start: int) -> str | None:
    """The body named in the title phrase right before a person: from the last clause break or reporting
    verb before them. A known institution (gazetteer) is preferred, as the model may swallow it into a
    longer name ("Biro Penerangan Masyarakat Mabes Polri Brigadir Jenderal"); else the named body nearest."""
    sentence = doc.covering("sentences", start, start)
    floor = max(start - TITLE_REACH, sentence[0].start if sentence else 0)
    breaks = [m.end() for m in _title_break().finditer(doc.text, floor, start)]
    begin = max([floor, *breaks])
    known = [form for m in _known_bodies().finditer(doc.text, begin, start) if (form := gazetteer().get(m.group(0)))]
    if known:
        return known[-1].id
    named = [s for s in doc.layer("entities") if s.label == "ORG" and s.attrs.get("entity")
             and begin <= s.start and s.end <= start]
    return named[-1].attrs["entity"] if named else None


@cache
def _known_bodies() -> re.Pattern[str]:
    forms = sorted((form for form, known in gazetteer().items() if known.type == "ORG"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


def _with_bodies(claims: list[Claim], bodies: dict[str, str]) -> list[Claim]:
    for claim in claims:
        if claim.attributed_to in bodies:
            claim.extra["source_body"] = bodies[claim.attributed_to]
    return claims


BRACKETED_NUMBER = re.compile(r"\(\s*\d+\s*\)")


@cache
def _naming_words() -> frozenset[str]:
    return word_set("id/claims/naming.txt")


def _names_rather_than_counts(doc: Doc, sentence: Span, quantity: Span) -> bool:
    """A number that names or refers, not a figure anyone reports: after a naming word ("UU Nomor 31 Tahun 1999",
    "SDN Cilincing 07 Pagi"), or alone in brackets after a name ("Saepudin (48)", an age)."""
    before = WORD.findall(doc.text[max(sentence.start, quantity.start - 30) : quantity.start])
    bracket = BRACKETED_NUMBER.match(doc.text, max(sentence.start, quantity.start - 1))
    if bracket and bracket.start() < quantity.start <= bracket.end():
        return True
    previous = before[-1].lower() if before else ""
    # a school or a road is named by its place then its number: "SDN Cilincing 07"
    return previous in _naming_words() or (len(before) > 1 and before[-2].lower() in _naming_words()
                                           and before[-1][:1].isupper())


def claims_in(doc: Doc, names: dict[str, str]) -> list[Claim]:
    return _with_bodies(_claims_in(doc, names), speaker_bodies(doc))


def _claims_in(doc: Doc, names: dict[str, str]) -> list[Claim]:
    claims: list[Claim] = []
    quoted = _direct_quotes(doc)
    for sentence in doc.layer("sentences"):
        if sentence.attrs.get("paragraph_kind") == "heading":
            continue
        source = _source(doc, sentence)
        evidence = [_evidence(doc, sentence)]
        figures: list[tuple[int, int]] = []
        previous: Span | None = None
        for quantity in doc.covering("quantities", sentence.start, sentence.end):
            attrs = _with_counted_noun(doc, sentence, quantity)
            converted, previous = previous is not None and _converts(doc, previous, quantity), quantity
            if not attrs.get("unit") or _names_rather_than_counts(doc, sentence, quantity) or converted:
                continue
            subject = _subject_of_quantity(doc, sentence, quantity, source)
            text = _figure(attrs) + (f" ({names[subject]})" if subject in names else "")
            keys = ("min", "max", "approximate", "vague", "unit")
            clause = _clause(doc, sentence, quantity.start, quantity.end, whole_names=True)
            figures.append((quantity.start, quantity.end))
            claims.append(Claim(
                f"c-{doc.article.id}-{len(claims) + 1}", "quantity", text, source,
                _stance(sentence, clause), [_evidence(doc, quantity), *evidence], subject,
                {k: attrs.get(k) for k in keys}, _when(doc, sentence, clause=clause_span(doc, sentence, quantity.start,
                                                                                      quantity.end)),
                {"figure": doc.text[quantity.start : quantity.end], "clause": clause,
                 "context": _near_words(doc, sentence, quantity),
                 "measured": _measured_by(doc, sentence, quantity),
                 "quoted": any(start <= quantity.start < end for start, end in quoted)},
            ))
        for rank in _ranks(doc, sentence, figures):
            clause = _clause(doc, sentence, rank.start, rank.end)
            figures.append((rank.start, rank.end))
            claims.append(Claim(
                f"c-{doc.article.id}-{len(claims) + 1}", "quantity", f"{RANK_UNIT}{rank.attrs['min']:.0f}", source,
                _stance(sentence, clause), [_evidence(doc, rank), *evidence], None, dict(rank.attrs),
                _when(doc, sentence, clause=clause_span(doc, sentence, rank.start, rank.end)),
                {"figure": doc.text[rank.start : rank.end], "clause": clause,
                 "context": _near_words(doc, sentence, rank), "measured": [],
                 # who may hold the place: the people its sentence names
                 "people": sorted({s.attrs["entity"] for s in _entities_in(doc, sentence.start, sentence.end,
                                                                           ("PERSON",))}),
                 "quoted": any(start <= rank.start < end for start, end in quoted)}))
        verb = predicate(doc, sentence)
        if verb is None:
            continue
        clause_start, clause_end = clause_span(doc, sentence, verb.start(), verb.end())
        clause = _clause(doc, sentence, verb.start(), verb.end())
        tagged = _event(doc, sentence, source, names)
        name, actor, target = tagged if tagged else (None, None, None)
        actor = actor or _doer_before(doc, sentence, verb.start())
        claims.append(Claim(
            f"c-{doc.article.id}-{len(claims) + 1}", "event", clause, source, _stance(sentence, clause), evidence,
            actor, None, _when(doc, sentence, of_event=True, clause=(clause_start, clause_end)),
            {"event": name or stem(verb.group(0).lower()), "target": target, "predicate": verb.group(0),
             # "mengirim 500.000 masker ke Sarawak" is compared as its figure, unless it names a listed event
             "carried_by_figure": name is None and any(clause_start <= start and end <= clause_end
                                                       for start, end in figures),
             "quoted": any(start <= verb.start() < end for start, end in quoted),
             **_clock_on_its_date(doc, sentence)}))
    return claims


# the unit of a place in an order, apart from a count of places ("naik satu posisi")
RANK_UNIT = "posisi ke-"


def _ranks(doc: Doc, sentence: Span, figures: list[tuple[int, int]]) -> list[Span]:
    """The places in an order the sentence gives outside its figures ("posisi ketujuh", "urutan ke-5", "P5";
    `ranks.txt`), each as a figure of that place: one place written as a word by one outlet and as a code by
    another is one number to compare."""
    found = []
    for match in _rank_pattern().finditer(doc.text, sentence.start, sentence.end):
        if any(start < match.end() and match.start() < end for start, end in figures) \
                or _no_one_place().match(doc.text, match.end()):
            continue
        place = float(match.group("code") or _place_number(match.group("place")))
        found.append(Span(match.start("letter") if match.group("code") else match.start(), match.end(), "rank",
                          {"min": place, "max": place, "approximate": False, "vague": None, "unit": RANK_UNIT}))
    return found


def _place_number(written: str) -> str:
    """"ketujuh", "ke-7", "ke 7", "tujuh": "7"; "pertama": "1"."""
    word = written.lower()
    if word in sections("id/claims/ranks.txt")["first"]:
        return "1"
    digits = re.sub(r"^ke[-\s]?", "", word) if re.search(r"\d", word) else ""
    return digits or spelled_numbers()[word if word in spelled_numbers() else word.removeprefix("ke")]


@cache
def _no_one_place() -> re.Pattern[str]:
    """What makes the number before it no one place: "tiga besar", "kedua hingga keempat"."""
    return re.compile(rf"\s+(?:{alternation(sorted(sections('id/claims/ranks.txt')['not one place']))})(?![\w-])",
                      re.IGNORECASE)


@cache
def _rank_pattern() -> re.Pattern[str]:
    """A rank noun and the place's number (an ordinal word, "ke-" and digits, or a number word), or a capital code
    letter right before the digits after a word a place follows, and before no name ("di P30 Pro" is a phone)."""
    ranks = sections("id/claims/ranks.txt")
    spelled = alternation(sorted(w for w in spelled_numbers() if w.isalpha() and len(w) > 2))
    first = alternation(sorted(ranks["first"]))
    place = rf"(?:ke[-\s]?\d{{1,2}}|ke(?:{spelled})|{first}|{spelled})"
    nouns = alternation(sorted(ranks["rank noun"]))
    codes = alternation(sorted(ranks["rank code"]))
    worded = rf"(?i:(?:{nouns})\s+(?P<place>{place}))"
    after = alternation(sorted(ranks["before a code"]))
    coded = rf"(?i:(?:{after}))\s+(?P<letter>{codes})(?P<code>\d{{1,2}})(?![\w-])(?!\s+[A-Z])"
    return re.compile(rf"(?<![\w-])(?:{worded}(?![\w-])|{coded})")


def _converts(doc: Doc, amount: Span, following: Span) -> bool:
    """The following figure converts the amount into another currency ("10.000 euro (sekira Rp154 juta)", "USD 400
    juta atau setara Rp 5,6 triliun"): the same figure again, which an editor lists once, not a second claim."""
    money = [figure.attrs for figure in (amount, following) if figure.attrs.get("kind") == "amount"]
    return len(money) == 2 and money[0].get("unit") != money[1].get("unit") \
        and _conversion_gap().fullmatch(doc.text, amount.end, following.start) is not None


@cache
def _conversion_gap() -> re.Pattern[str]:
    words = "|".join(re.escape(line).replace(r"\ ", r"\s+") for line in data_lines("id/claims/restating.txt"))
    return re.compile(rf"\s*(?:\(\s*(?:(?:{words})\s+)*|(?:(?:{words})\s+)+)", re.IGNORECASE)


def _direct_quotes(doc: Doc) -> list[tuple[int, int]]:
    """Where the speakers' own words stand (the content of direct quotes)."""
    return [(q.attrs["content"][0], q.attrs["content"][1]) for q in doc.layer("quotes") if q.label == "direct"]


def _stance(sentence: Span, clause: str) -> Stance:
    """The sentence's stance where its cue stands in the claim's own clause: "tidak sehat" in another
    clause of the sentence neither denies nor hedges this one."""
    stance, cue = sentence.attrs.get("stance", "asserted"), sentence.attrs.get("stance_cue")
    return stance if not cue or cue.lower() in clause.lower() else "asserted"


def _with_counted_noun(doc: Doc, sentence: Span, quantity: Span) -> dict:
    """A figure the quantity layer gives no unit counts the noun after it ("409 sekolah", "56 suara") or,
    with none there, measures the noun before it ("magnitudo 5,7"). A figure inside a date or a time is
    no count."""
    attrs = quantity.attrs
    if attrs.get("unit") or attrs.get("vague") or doc.covering("times", quantity.start, quantity.end):
        return attrs
    after = WORD.match(doc.text, quantity.end + 1) if doc.text[quantity.end : quantity.end + 1] == " " else None
    before = list(WORD.finditer(doc.text, max(sentence.start, quantity.start - 30), quantity.start))
    for word in (after, before[-1] if before and before[-1].end() >= quantity.start - 1 else None):
        if word is not None and word.end() <= sentence.end and _counts(word.group(0)):
            noun = word.group(0).lower()
            return {**attrs, "unit": noun, "unit_word": noun}
    return attrs


def _counts(word: str) -> bool:
    """A noun that may say what a figure counts: not a function word, nor a verb ("magnitudo 5,7
    mengguncang Talaud" measures magnitude, it does not count shakings)."""
    return word.islower() and word.isalpha() and len(word) > 2 and word not in word_set("id/claims/counted.txt") \
        and not VERB_LIKE.match(word)


MEASURE_REACH = 2  # words before a figure: "berjarak 14 km", "pada jarak 5 km", "dengan ketinggian 3.145 meter"
# what follows a length to make it a distance from a place: "sekitar 50 meter dari sekolah"
FROM_PLACE = re.compile(r"\s+(?:dari|from)\s+([^\W\d_][\w-]*)", re.IGNORECASE)


def _measured_by(doc: Doc, sentence: Span, quantity: Span) -> list[str]:
    """Stems of the words naming what a figure measures: the word right before it past function words
    ("berjarak 14 km" and "pada jarak 5 km" both give a distance, "jarak"; "kedalaman 10 km" a depth), and the
    place a length is measured from ("berlokasi 50 meter dari sekolah", "berjarak 200 meter dari sekolah")."""
    start, _ = clause_span(doc, sentence, quantity.start, quantity.end)
    measured = []
    for word in reversed(list(WORD.finditer(doc.text, start, quantity.start))[-MEASURE_REACH:]):
        if word.group(0).lower() not in word_set("id/claims/counted.txt"):
            measured.append(stem(word.group(0).lower()))
            break
    origin = FROM_PLACE.match(doc.text, quantity.end, sentence.end)
    if origin:
        measured.append("dari " + stem(origin.group(1).lower()))
    return measured


def _near_words(doc: Doc, sentence: Span, quantity: Span) -> str:
    """The words right around a figure within its clause ("kedalaman 10 km", "4 km tenggara Palu"): what
    tells two figures of one sentence apart."""
    start, stop = clause_span(doc, sentence, quantity.start, quantity.end)
    before = list(WORD.finditer(doc.text, start, quantity.start))[-FIGURE_WORDS_BEFORE:]
    after = list(WORD.finditer(doc.text, quantity.end, stop))[:FIGURE_WORDS_AFTER]
    words = [m.group(0) for m in before] + [doc.text[quantity.start : quantity.end]] + [m.group(0) for m in after]
    return " ".join(words)


def _doer_before(doc: Doc, sentence: Span, verb_start: int) -> str | None:
    """The named party closest before the predicate within its clause, not one after a preposition."""
    clause_start, _ = clause_span(doc, sentence, verb_start, verb_start)
    before = [s for s in _entities_in(doc, clause_start, verb_start) if not _after_preposition(doc, s)]
    return before[-1].attrs["entity"] if before else None


def _event(doc: Doc, sentence: Span, source: str | None, names: dict[str, str]) -> tuple | None:
    """The sentence's first event verb names its event: a main verb comes before the verbs of the clauses
    hanging off its object ("memanggil duta besar ... yang mengirim tentara" is a summons)."""
    text = doc.text
    found = [(match, name) for pattern, name in event_patterns()
             if (match := pattern.search(text, sentence.start, sentence.end))]
    if not found:
        return None
    match, name = min(found, key=lambda pair: pair[0].start())  # on a tie the earlier line of the list wins
    before = _entities_in(doc, sentence.start, match.start())
    after = _entities_in(doc, match.end(), sentence.end)
    agent = _agent_after(doc, sentence, match.end()) or _party_of_noun(doc, match, after)
    # a place after a preposition ("di Rusia") is no subject; the credited source is one only when nobody else
    # is named and it speaks for itself ("Kemlu mengatakan telah memanggil duta besar"), never when it is
    # merely cited ("Menurut sumber Ukraina, mereka terlibat bentrokan")
    actors = [s for s in before if s.attrs["entity"] != source and not _after_preposition(doc, s)] or [
        s for s in before if s.attrs["entity"] == source and not _cited(doc, s)]
    actor = agent or (actors[-1].attrs["entity"] if actors else None)  # the subject stands closest to its verb
    target = next((s.attrs["entity"] for s in after if s.attrs["entity"] != actor), None)
    return name, actor, target


def _party_of_noun(doc: Doc, verb: re.Match[str], after: list[Span]) -> str | None:
    """An event named by a ke-an / pe-an noun has its party after it: "kedatangan 1.500 tentara Korea Utara",
    "pengiriman pasukan Korea Utara"; whoever stands before the noun only mentions it."""
    if not NOMINAL_EVENT.fullmatch(verb.group(0)):
        return None
    near = [s for s in after if s.start - verb.end() <= NOUN_REACH
            and not LINKING_WORDS.search(doc.text, verb.end(), s.start)]  # "pertemuan dengan X": X is met
    return near[0].attrs["entity"] if near else None


def _cited(doc: Doc, span: Span) -> bool:
    return _citing_phrase().search(doc.text[max(0, span.start - 20) : span.start]) is not None


@cache
def _citing_phrase() -> re.Pattern[str]:
    phrases = "|".join(sorted(cues("source"), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{phrases})\s+$", re.IGNORECASE)


def _after_preposition(doc: Doc, span: Span) -> bool:
    """"ke Rusia", and a place inside a place phrase: "di pangkalan militer Rusia" names where, not who."""
    before = doc.text[max(0, span.start - 40) : span.start]
    return LINKING_WORDS.search(before[-6:]) is not None or PLACE_PHRASE.search(before) is not None


def _agent_after(doc: Doc, sentence: Span, verb_end: int) -> str | None:
    """Who did it when the sentence names them after the verb: the agent of a passive ("dikirim oleh
    Pyongyang") or the first party of a noun ("pertemuan antara Choe Son-hui dan Putin"). Within the
    phrase a named person outranks the country in their title ("oleh Presiden Rusia Vladimir Putin")."""
    marker = AGENT_MARKER.search(doc.text, verb_end, min(sentence.end, verb_end + AGENT_REACH))
    if not marker:
        return None
    ends = PHRASE_END.search(doc.text, marker.end(), sentence.end)
    phrase = _entities_in(doc, marker.end(), ends.start() if ends else sentence.end)
    people = [s for s in phrase if s.label == "PERSON"]
    chosen = people or phrase
    return chosen[0].attrs["entity"] if chosen else None


def quotes_in(doc: Doc) -> list[Quote]:
    """The quotes of an article; a cue with no words after it ("kata Toni" closing a paragraph) quotes nothing,
    and would show as an empty claim."""
    quotes = []
    for n, span in enumerate(doc.layer("quotes"), start=1):
        start, end = span.attrs["content"]
        if not doc.text[start:end].strip():
            continue
        speaker_at, via_at = span.attrs.get("speaker"), span.attrs.get("via")
        speaker = entity_at(doc, *speaker_at) if speaker_at else None
        via = entity_at(doc, *via_at) if via_at else None
        quotes.append(Quote(f"q-{doc.article.id}-{n}", speaker, doc.text[start:end], span.label == "direct",
                            span.attrs.get("cue"), Evidence(doc.article.id, start, end, doc.text[start:end]), via))
    return quotes


def _clipped(text: str) -> str:
    """A long quote as a claim's label: cut at the last word that fits STATEMENT_CHARACTERS, marked with "…",
    not in the middle of a word ("multi source, m")."""
    if len(text) <= STATEMENT_CHARACTERS:
        return text
    cut = text[: STATEMENT_CHARACTERS - 1]
    return cut[: cut.rfind(" ")].rstrip(" ,;:") + "…" if " " in cut else cut + "…"


def statements(doc: Doc, quotes: list[Quote], start_number: int) -> list[Claim]:
    """Each quote with a known speaker is also a statement claim by that speaker."""
    found: list[Claim] = []
    for quote in quotes:
        if quote.speaker is None:
            continue
        sentence = doc.covering("sentences", quote.evidence.start, quote.evidence.end)
        stance: Stance = sentence[0].attrs.get("stance", "asserted") if sentence else "asserted"
        found.append(Claim(f"c-{doc.article.id}-{start_number + len(found)}", "statement", _clipped(quote.text),
                           quote.speaker, stance, [quote.evidence], quote.speaker, extra={"quoted": quote.direct}))
    return _with_bodies(found, speaker_bodies(doc))
