"""Figures in text: "sekitar 1.500 tentara", "12.000 hingga 15.000 personel", "1,5 juta", "puluhan ribu".

Indonesian writes "." for thousands and "," for decimals; English the other way round. Years,
dates, clock times, phone numbers and model names ("KN-23") are not quantities.
"""

from __future__ import annotations

import re
from functools import cache

from kabar.lexicon import alternation, sections
from kabar.model import Doc, Span


@cache
def _table(section: str) -> dict[str, tuple[str, ...]]:
    rows = (line.split("\t") for line in sections("id/nlp/numbers.txt")[section])
    return {row[0]: tuple(row[1:]) for row in rows}


@cache
def _units() -> dict[str, str]:
    """Each unit word to the first word of its synonym line, so outlets' wordings compare."""
    mapping: dict[str, str] = {}
    for line in (*sections("id/nlp/units.txt")[""], *sections("id/nlp/units.txt")["measure"]):
        words = line.split()
        for word in words:
            mapping[word.lower()] = words[0]
    return mapping


@cache
def measures() -> frozenset[str]:
    return frozenset(line.split()[0] for line in sections("id/nlp/units.txt")["measure"])


@cache
def _pattern() -> re.Pattern[str]:
    number = r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
    words = alternation([w for w in _table("word") if w != "se"])
    scale = alternation(list(_table("scale")))
    value = rf"(?:(?:{number})|(?:{words}))(?:\s+(?:{scale}))?"
    approx = alternation(list(_table("approximator")))
    vague = alternation(list(_table("vague")))
    range_joiner = r"\s*(?:-|–|—|hingga|sampai|sampai dengan|dan|to|and)\s*"
    return re.compile(
        rf"(?<![\w/:.,-])(?:(?P<approx>{approx})\s+)?(?:(?:antara|between)\s+)?(?:(?P<prefix>{PREFIX_UNITS})\s?)?"
        rf"(?:(?P<vague>{vague})|(?P<low>{value})(?:{range_joiner}(?P<high>{value}))?)"
        rf"(?![\w/:-]|[.,]\d)"
        rf"(?:\s+(?P<unit>[A-Za-z%]+))?",
        re.IGNORECASE,
    )


# units written before the figure: "Rp 8.000", "US$ 2 juta", "magnitudo 5,2"
PREFIX_UNITS = r"Rp\.?|US\$|\$|magnitudo"
PREFIX_UNIT_NAMES = {"rp": "rupiah", "us$": "dolar", "$": "dolar", "magnitudo": "magnitudo"}

YEAR_CONTEXT = re.compile(r"(tahun|sejak|pada|hingga|since|in|year)\s*$", re.IGNORECASE)
MONTHS = re.compile(r"^(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
                    r"jan|feb|mar|apr|jun|jul|agu|ags|sep|okt|nov|des|january|february|march|june|july|august|"
                    r"october|december)$", re.IGNORECASE)


def unit_of(word: str) -> str | None:
    """The canonical unit a word names ("prajurit" → "tentara"), or None."""
    return _units().get(_without_possessive(word.lower().strip(".,;:")))


def _without_possessive(word: str) -> str:
    """"tentaranya" counts tentara."""
    return word[:-3] if word.endswith("nya") and word[:-3] in _units() else word


WORD_AFTER = re.compile(r"\s+([A-Za-z%][\w%-]*)")


GENERIC_UNITS = {"orang"}
SENTENCE_START = re.compile(r"[.!?]\s")


def _counted_earlier(text: str, position: int) -> str | None:
    """"jumlah tentara ... mencapai 12.000 orang": a head count in people counts the noun named before it in
    the sentence."""
    starts = [m.end() for m in SENTENCE_START.finditer(text, 0, position)]
    sentence_start = starts[-1] if starts else 0
    for word in reversed(re.findall(r"[a-z]+", text[sentence_start:position].lower())):
        unit = _units().get(_without_possessive(word))
        if unit and unit not in GENERIC_UNITS and unit not in measures():
            return unit
    return None


def _unit_after(text: str, match: re.Match[str]) -> tuple[str | None, int]:
    """The counted noun: right after the figure, or after classifier words ("anggota") or capitalised
    modifiers ("12,000 North Korean soldiers"), at most three words on."""
    if match.group("unit") and _without_possessive(match.group("unit").lower()) in _units():
        return _without_possessive(match.group("unit").lower()), match.end()
    cursor = match.start("unit") - 1 if match.group("unit") else match.end()
    classifiers = {line.strip() for line in sections("id/nlp/numbers.txt")["classifier"]}
    for _ in range(4):
        found = WORD_AFTER.match(text, cursor)
        if not found:
            break
        word = found.group(1)
        if _without_possessive(word.lower()) in _units():
            return _without_possessive(word.lower()), found.end()
        if word.lower() not in classifiers and not word[:1].isupper():
            break
        cursor = found.end()
    return None, match.end()


def parse_value(text: str, english: bool) -> float | None:
    """"1.500" → 1500, "1,5 juta" → 1500000, "dua" → 2; English reads "1,500" and "1.5"."""
    parts = text.lower().split()
    scale = 1.0
    if len(parts) > 1 and parts[-1] in _table("scale"):
        scale = float(_table("scale")[parts[-1]][0])
        parts = parts[:-1]
    token = " ".join(parts)
    if token in _table("word"):
        return float(_table("word")[token][0]) * scale
    thousands, decimal = (",", ".") if english else (".", ",")
    if re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})+(\{decimal}\d+)?", token):
        token = token.replace(thousands, "")
    token = token.replace(decimal, ".")
    try:
        return float(token) * scale
    except ValueError:
        return None


def _is_not_a_quantity(text: str, start: int, match: re.Match[str], value: float | None) -> bool:
    low = match.group("low") or ""
    unit = _without_possessive((match.group("unit") or "").lower())
    if value is None:
        return True
    if match.group("prefix"):
        return False
    if not low[:1].isdigit() and unit not in _units() and len(low.split()) == 1:
        return True  # a bare number word ("salah satu", "dua tahun") is prose, not a figure
    if MONTHS.match(unit):  # "8 Oktober", "13 hingga 15 Oktober" are dates
        return True
    is_year = re.fullmatch(r"(19|20)\d{2}", low) is not None
    if is_year and (YEAR_CONTEXT.search(text[max(0, start - 12) : start]) or not unit or unit not in _units()):
        return True
    before = text[max(0, start - 1) : start]
    return before in ("/", "(") and re.match(r"\d+/", text[start:]) is not None


def find_quantities(doc: Doc) -> Doc:
    text = doc.text
    english = doc.article.language == "en"
    for match in _pattern().finditer(text):
        if match.group("vague"):
            low_text, high_bound = _table("vague")[match.group("vague").lower()]
            low: float | None = float(low_text)
            high: float | None = float(high_bound)
            vague: str | None = match.group("vague").lower()
        else:
            low = parse_value(match.group("low"), english)
            if _is_not_a_quantity(text, match.start("low"), match, low):
                continue
            high = parse_value(match.group("high"), english) if match.group("high") else low
            vague = None
            if high is None or (low is not None and high < low):
                high = low
        unit_word, unit_end = _unit_after(text, match)
        unit = _units().get(unit_word) if unit_word else None
        if match.group("prefix"):
            unit_word, unit_end = match.group("prefix"), match.end("high" if match.group("high") else "low")
            unit = PREFIX_UNIT_NAMES[unit_word.lower().rstrip(".")]
        if unit in GENERIC_UNITS:
            unit = _counted_earlier(text, match.start()) or unit
        end = unit_end if unit else match.end("vague" if vague else ("high" if match.group("high") else "low"))
        approximator = (match.group("approx") or "").lower() or None
        meaning = _table("approximator").get(approximator or "", ("exact",))[0]
        minimum: float | None = low
        maximum: float | None = high
        if meaning in ("upto", "below"):
            minimum = None
        elif meaning in ("over", "atleast"):
            maximum = None
        doc.add("quantities", Span(match.start(), end, "quantity", {
            "min": minimum,
            "max": maximum,
            "approximate": meaning in ("about", "under") or vague is not None,
            "vague": vague,
            "unit": unit,
            "unit_word": unit_word if unit else None,
            "approximator": approximator,
        }))
    return doc
