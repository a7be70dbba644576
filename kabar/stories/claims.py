"""Claims built from annotations: figures, events and statements, each credited to its primary source.

A claim points to the sentence it came from; its source is the one that sentence credits ("kata
NIS"), not the outlet repeating it, and its stance is the sentence's. Only cleaned text is read, so a
figure that appears only in removed boilerplate (a related-link headline) never becomes a claim.
"""

from __future__ import annotations

import re
from functools import cache

from kabar.lexicon import data_lines
from kabar.model import Claim, Doc, Evidence, Quote, Span, When
from kabar.nlp.quantities import unit_of as _unit_of
from kabar.nlp.quotes import cues

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


@cache
def event_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = (line.split("\t") for line in data_lines("id/claims/events.txt"))
    return tuple((re.compile(rf"(?<![\w-])(?:{row[0]})(?![\w-])", re.IGNORECASE), row[1]) for row in rows)


@cache
def one_off_events() -> frozenset[str]:
    rows = (line.split("\t") for line in data_lines("id/claims/events.txt"))
    return frozenset(row[1] for row in rows if len(row) > 2 and row[2] == "once")


def entity_at(doc: Doc, start: int, end: int) -> str | None:
    """The canonical entity of the mention at exactly these offsets, if linking gave it one."""
    for span in doc.layer("entities"):
        if span.start == start and span.end == end:
            return span.attrs.get("entity")
    return None


def _evidence(doc: Doc, span: Span) -> Evidence:
    return Evidence(doc.article.id, span.start, span.end, doc.text[span.start : span.end])


def _when(doc: Doc, sentence: Span, of_event: bool = False) -> When | None:
    """The sentence's date. For an event, a date that follows the credited source ("kata KCNA pada hari
    Selasa") dates the report, not the event, and is passed over."""
    times = doc.covering("times", sentence.start, sentence.end)
    if of_event:
        times = [t for t in times if not _dates_the_report(doc, sentence, t)]
    if not times:
        return None
    time = times[0]
    return When(time.attrs["start"], time.attrs["precision"], time.attrs.get("end"), time.attrs["expression"])


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
    return [s for s in doc.layer("entities") if start <= s.start and s.end <= end and s.label in kinds
            and s.attrs.get("entity")]


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
    before = [s for s in candidates if s.start >= clause_start and s.attrs["entity"] != source
              and not LINKING_WORDS.search(doc.text[max(0, s.start - 6) : s.start])]
    return before[-1].attrs["entity"] if before else None


def _speaks(doc: Doc, span: Span) -> bool:
    """A body followed by its reporting verb ("NIS mengatakan sebanyak 1.500 pasukan") gives the figure; it
    does not own it, and what is named before it belongs to another clause."""
    return _reporting_verb().match(doc.text, span.end) is not None


@cache
def _reporting_verb() -> re.Pattern[str]:
    words = "|".join(sorted(cues("before"), key=len, reverse=True))
    return re.compile(rf"\s+(?:telah\s+|juga\s+)?(?:{words})(?![\w-])", re.IGNORECASE)


def _figure(attrs: dict) -> str:
    def number(value: float) -> str:
        return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:,}"

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
    return f"{amount} {attrs.get('unit_word') or attrs.get('unit') or ''}".strip()


def claims_in(doc: Doc, names: dict[str, str]) -> list[Claim]:
    claims: list[Claim] = []
    for sentence in doc.layer("sentences"):
        if sentence.attrs.get("paragraph_kind") == "heading":
            continue
        source = _source(doc, sentence)
        stance = sentence.attrs.get("stance", "asserted")
        when = _when(doc, sentence)
        evidence = [_evidence(doc, sentence)]
        for quantity in doc.covering("quantities", sentence.start, sentence.end):
            if not quantity.attrs.get("unit") or quantity.attrs.get("kind") == "duration":
                continue  # a duration ("selama dua tahun") is no figure outlets report differently
            subject = _subject_of_quantity(doc, sentence, quantity, source)
            text = _figure(quantity.attrs) + (f" ({names[subject]})" if subject in names else "")
            keys = ("min", "max", "approximate", "vague", "unit")
            claims.append(Claim(
                f"c-{doc.article.id}-{len(claims) + 1}", "quantity", text, source, stance,
                [_evidence(doc, quantity), *evidence], subject, {k: quantity.attrs.get(k) for k in keys}, when,
                {"figure": doc.text[quantity.start : quantity.end]},
            ))
        event = _event(doc, sentence, source, names)
        if event is not None:
            name, actor, target = event
            text = " ".join(filter(None, (names.get(actor or ""), name, names.get(target or ""))))
            claims.append(Claim(f"c-{doc.article.id}-{len(claims) + 1}", "event", text, source, stance, evidence,
                                actor, None, _when(doc, sentence, of_event=True), {"event": name, "target": target}))
    return claims


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
    quotes = []
    for n, span in enumerate(doc.layer("quotes"), start=1):
        speaker = entity_at(doc, *span.attrs["speaker"]) if span.attrs.get("speaker") else None
        via = entity_at(doc, *span.attrs["via"]) if span.attrs.get("via") else None
        start, end = span.attrs["content"]
        quotes.append(Quote(f"q-{doc.article.id}-{n}", speaker, doc.text[start:end], span.label == "direct",
                            span.attrs.get("cue"), Evidence(doc.article.id, start, end, doc.text[start:end]), via))
    return quotes


def statements(doc: Doc, quotes: list[Quote], start_number: int) -> list[Claim]:
    """Each quote with a known speaker is also a statement claim by that speaker."""
    found = []
    for quote in quotes:
        if quote.speaker is None:
            continue
        sentence = doc.covering("sentences", quote.evidence.start, quote.evidence.end)
        stance = sentence[0].attrs.get("stance", "asserted") if sentence else "asserted"
        found.append(Claim(f"c-{doc.article.id}-{start_number + len(found)}", "statement", quote.text[:240],
                           quote.speaker, stance, [quote.evidence], quote.speaker))
    return found
