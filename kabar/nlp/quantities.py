"""Figures in text: "sekitar 1.500 tentara", "12.000 hingga 15.000 personel", "1,5 juta", "puluhan ribu",
"dua pistol", "30%", "USD250 miliar".

Indonesian writes "." for thousands and "," for decimals; English the other way round. A figure counts
the noun after it (past classifiers: "tiga unit handphone" counts handphone), known units mapped to one
name so outlets' wordings compare; a spelled-out number is a figure only with such a noun. Years,
dates, clock times, phone numbers, model names ("KN-23"), identifiers ("Pasal 18", "Nomor 30", "kelas 3",
"Liga 1", "1485 Green Trees Road") and scores are not quantities. Ages ("Rina (34)", "berusia 19
tahun", "aktris 30 tahun", "usianya baru 17 tahun") are, with kind "age". Spelled-out numbers may take
several words ("dua puluh lima"); "lebih" after a figure, "ke atas" and "ke bawah" leave one end open,
"-an" makes it approximate, and a range may repeat its unit ("1,5 persen hingga 2 persen", "5 persen-10
persen"). A number written with both separators reads the last as the decimal point ("3,007.39"), and one opening with
a zero always has one ("0.337", as the gaps of a timing table beside it: "+1.028 / +0.094"); an amount
and its conversion into another currency are two figures; a part counts what its whole counts ("205 dari 554
saham", "Dari 554 saham …, 205 tertekan"), a list names its unit once ("1.011 dan 196 unit"), and an amount in
millions with no unit of its own is in the unit of the amounts in millions next to it ("80 juta euro … 63,5
juta"), as the start of a change is in the unit of its end ("dari 923, menjadi 1.643 unit"). English number
words count in English text only ("One UI" is a name). Signs of comparison bound a
figure ("<70%"), and a figure with no noun after "sebanyak" or "mencapai" counts the noun before them when the
article counts that noun ("SIM sebanyak 754"). "40 dan 50 tahun" lists two figures, "naik Rp15 atau 30%" gives one
change twice; parts of a whole broken down ("54 gelar terdiri atas 20 Grand Slam") count what it counts; numbers
with leading zeros ("022") are codes, a price list a dump joined with commas is read item by item ("Rp
401.500,1 gram Rp 754.000"), a number spelled again in brackets keeps the noun after them ("1 (satu)
pucuk"), and the number after "level" is an index's level after a change in points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from kabar.lexicon import alternation, sections, table
from kabar.model import Doc, Span
from kabar.nlp.folding import case_folded
from kabar.nlp.sentences import abbreviation_before, paragraph_at
from kabar.textnorm import visible_end_before


@cache
def _table(section: str) -> dict[str, tuple[str, ...]]:
    rows = (line.split("\t") for line in sections("id/nlp/numbers.txt")[section])
    return {row[0]: tuple(row[1:]) for row in rows}


@cache
def _units() -> dict[str, str]:
    """Each unit word to the first word of its synonym line, so outlets' wordings compare."""
    mapping: dict[str, str] = {}
    units = sections("id/nlp/units.txt")
    for line in (*units[""], *units["measure"], *units["duration"]):
        words = line.split()
        for word in words:
            mapping[word.lower()] = words[0]
    return mapping


@cache
def people_units() -> frozenset[str]:
    """The nouns that count people ("tentara", "korban"): the "people" section of kabar/data/id/nlp/units.txt."""
    return frozenset(sections("id/nlp/units.txt")["people"])


@cache
def number_words() -> frozenset[str]:
    """Words that are or scale a number ("dua", "ribu", "ribuan"): kabar/data/id/nlp/numbers.txt."""
    return frozenset(word for section in ("scale", "word", "english word", "vague") for word in _table(section))


@cache
def measures() -> frozenset[str]:
    return frozenset(line.split()[0] for line in sections("id/nlp/units.txt")["measure"])


@cache
def _words_of_units(section: str) -> frozenset[str]:
    return frozenset(sections("id/nlp/units.txt")[section])


@cache
def durations() -> frozenset[str]:
    return frozenset(line.split()[0] for line in sections("id/nlp/units.txt")["duration"])


@cache
def _words(section: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in sections("id/nlp/numbers.txt")[section])


@cache
def _prefixes() -> dict[str, str]:
    return {row[0]: row[1] for row in (line.split("\t") for line in sections("id/nlp/numbers.txt")["prefix"])}


def _currency(prefix: str) -> str:
    """What a money prefix the case-insensitive pattern matched names, the prefix read as the pattern compared it
    ("Uſ", with a long s, is "us")."""
    return _prefixes()[case_folded(prefix)]


def _attachable_measures() -> list[str]:
    """Unit words a number may carry unspaced ("5kg", "1.5L", "11.333ton", "4GB"); of one letter only "l" (liter)
    and "w" (watt: "30W"), for "5G" is a network and "4M" a name, and of two letters only measures ("5km", not
    "5as")."""
    return [word for word, unit in _units().items()
            if (unit in measures() and (len(word) > 1 or word in ("l", "w"))) or (word.isalpha() and len(word) > 2)]


# a word, hyphenated only between letters: "anak-anak", "non-kombatan", but "persen-10" is a word and a number
WORD = r"[A-Za-z](?:\w|-(?=[A-Za-z]))*"
# spaces that do not cross a blank line: "Auckland City (NZL) 0\n\nKlasemen …" counts nothing in the heading after it
SPACE_IN_A_PARAGRAPH = r"(?:(?!\n\s*\n)\s)+"


@cache
def _number_word_values() -> dict[str, tuple[str, ...]]:
    """Number words of both languages with their values, for reading a figure already found."""
    return {**_table("word"), **_table("english word")}


@cache
def spelled_numbers() -> dict[str, str]:
    """Indonesian number words standing alone for a number of two or more ("enam": "6"), to read "enam bulan" and
    "6 bulan" as one number; one is left out, for "salah satu" (one of) counts nothing."""
    return {word: values[0] for word, values in _table("word").items() if float(values[0]) >= 2}


@cache
def _pattern(joiners: str = "all", english: bool = False, list_item: bool = False) -> re.Pattern[str]:
    """Figures; with "tight" joiners, "dan", "atau" and "to" join no range, and with "none" nothing does.
    English number words count in English text only. A `list_item` opens right after the comma that ends the
    item before it, digits and all ("Rp 401.500,1 gram")."""
    # "1x24", "3,007.39", "1.500,5", "1,500", "12"; a decimal comma follows groups of thousands written with dots
    # "1/2 sdt", "1/4 kg": a proper fraction before a unit (never a date such as "9/7/2025" or "(9/7)")
    # "1/2 buah tomat", "1/2 bawang bombay": or before a classifier or the first word of a two-word unit
    unit_words = alternation(sorted({*_units(), *_words("classifier"), *(unit.split("-")[0] for unit in _units())}))
    fraction = rf"[1-9]/(?:1[0-6]|[2-9])(?=\s+(?:{unit_words})\b)"
    # "½ sdt", "1½ sdm": a fraction written as one sign, whole number or none before it, the same way
    sign = rf"\d{{0,3}}(?-i:{alternation(sorted(_table('fraction sign')))})(?=\s+(?:{unit_words})\b)"
    number = rf"{fraction}|{sign}|{TIMES.pattern}|\d{{1,3}}(?:,\d{{3}})+\.\d+|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?" \
        rf"|\d{{1,3}}(?:,\d{{3}})+|\d+(?:[.,]\d+)?"
    number_words = {**_table("word"), **(_table("english word") if english else {})}
    words = alternation([w for w in number_words if w != "se"])
    whole = alternation([w for w, (v, *_) in number_words.items() if w != "se" and float(v) >= 10])
    multiplier = alternation(list(_table("multiplier")))
    # "dua puluh lima", "seratus lima puluh", "tiga belas", "satu setengah"
    spelled = rf"(?:(?:(?:{words})\s+(?:{multiplier})|(?:{whole}))\s+)*(?:{words})(?:\s+(?:{multiplier}))?"
    scale = alternation(list(_table("scale")))
    # "setengah jam", "setengah tahun": half of a length of time or a measure (not "setengah tiang")
    measured = alternation([word for word, unit in _units().items() if unit in durations() | measures()])
    # and "seperempat liter", "sepertiga jam" (data [fraction word])
    halves = alternation(["setengah", *_table("fraction word")])
    half = rf"(?:{halves})(?=\s+(?:{measured}|{scale})\b)"  # and "setengah juta"
    # "Rp 441 jutaan": about; digits may take their scale word unspaced ("Rp7,6juta")
    # "Rp 3,2 triliunnya": the scale word may take "-nya"
    value = rf"(?:(?:{number})(?:\s*(?:{scale})(?:an|nya)?)?|(?:(?:{spelled})|{half})(?:\s+(?:{scale})(?:an)?)?)"
    approx = alternation(list(_table("approximator")))
    copula = alternation(list(_table("copula")))
    # "16.000 hingga hampir 20.000": a range whose high end is about
    high_approx = alternation([word for word, (meaning, *_) in _table("approximator").items()
                               if meaning in ("about", "under")])
    vague = alternation(list(_table("vague")))
    loose = "|dan|atau|to|and" if joiners == "all" else ""
    range_joiner = rf"\s*(?:--|-|–|—|−|hingga|sampai|sampai dengan{loose})\s*" if joiners != "none" else "(?!)"
    prefix = alternation(list(_prefixes()))
    opening = r"(?<=,)" if list_item else r"(?:(?<![\w:.,-])|(?<=\D,))"
    # a figure may open a paragraph that a dump joined to the one before with a comma: "sorotan.,Dua penggawa",
    # "2019. ,Enam tersangka", or where it dropped a link from a sentence ("memangkas ,25 basis poin");
    # the metres after a road's kilometre post ("km Sby 233+500", "KM 15+200") are no figure of their own;
    # a sign of comparison may touch it, also as Mac Roman ends "≥" and "≤" ("‚â•70%")
    return re.compile(
        rf"{opening}(?<!\d/)(?<!\d\+)(?:(?P<approx>{approx})(?:\s+(?:{copula}))?(?:\s+|(?<=[<>≤≥•§])))?"
        rf"(?:(?P<between>antara|between)\s+)?"
        rf"(?P<signed>[-−](?=(?:{prefix})\s?\d))?(?:(?P<prefix>{prefix})\s?[ \t]{{0,3}})?"  # "-Rp177,27 miliar"
        rf"(?P<minus>(?:minus\s+|[-−])(?=\d))?"
        rf"(?:(?P<vague>{vague})(?:\s+(?P<vscale>{scale}))?"
        rf"|(?P<low>{value})(?:(?:/[A-Z]{{3}})?(?P<joiner>{range_joiner})(?:(?P<happrox>{high_approx})\s+)?(?:(?P<hprefix>{prefix})\s?)?(?P<high>{value}))?(?P<ish>-an\b|(?<=\d)an\b)?)"
        rf"(?:(?<=\d)(?P<attached>{alternation(sorted(_attachable_measures()))})\b"
        rf"|(?(prefix)(?![\w:-]|\.\d|,\d(?!\d?\.\s*[A-Z])|/\d)|(?![\w/:]|-(?![A-Za-z]{{4}})|\.\d|,\d(?!\d?\.\s)))"
        rf"(?:(?:{SPACE_IN_A_PARAGRAPH}|(?<=\d)-)(?P<unit>{WORD})|\s?(?P<sign>%)|\s?(?P<degree>(?:°|¬∞)\s?[CF]?(?![A-Za-z])|℃)"
        rf"|\s?(?P<micro>(?:µ|μ|¬µ)g)(?![A-Za-z]))?)",
        re.IGNORECASE,
    )

LOOSE_JOINER = re.compile(r"\s*(?:dan|atau|to|and)\s*", re.IGNORECASE)
LISTING_JOINER = re.compile(r"\s*(?:dan|and)\s*", re.IGNORECASE)


def _figure_matches(text: str, english: bool) -> Iterator[re.Match[str]]:
    """Figures in text order. Two numbers joined by "dan" or "atau" are read together only after "antara" or
    when they rise and carry the same scale word, the second repeats no currency and takes no unit of its own
    after an amount of money: "Rp122,9 triliun atau 7,2 persen", "Rp 45,9 triliun dan Rp 61,6 triliun" and
    "naik Rp15 atau 30%" are two figures each, "dua atau tiga hari" one (and "40 dan 50 tahun" two of one unit,
    split once read). Amounts in two currencies are never a range: "USD 400 juta atau Rp 6,2 triliun"
    converts."""
    position, list_item = 0, False
    while (match := (list_item and _pattern("all", english, list_item=True).match(text, position))
           or _pattern("all", english).search(text, position)) is not None:
        list_item = False
        if match.group("high") and not match.group("between") and LOOSE_JOINER.fullmatch(match.group("joiner")) \
                and (match.group("hprefix") or _money_then_own_unit(match)
                     or not _rises_on_one_scale(match["low"], match["high"], english)):
            match = _pattern("tight", english).match(text, match.start()) or match
        if match.group("high") and _in_two_currencies(match):
            match = _pattern("none", english).match(text, match.start()) or match
        if not english and (comma := _list_comma_in_an_amount(text, match)) is not None:
            match = _pattern("none", english).match(text[:comma], match.start()) or match
            yield match
            position, list_item = comma + 1, True
            continue
        yield match
        position = _number_end(match)


# what opens the next item of a list after an amount's comma: a count in a measure ("…,1 gram Rp 754.000"), or
# the item's number ("Rp420.000,2. Uang representasi")
ITEM_AFTER_COMMA = re.compile(r",\d+\s+(?P<unit>[A-Za-z]+)\b")
NUMBERED_AFTER_COMMA = re.compile(r",(?P<number>\d{1,2})\.\s*[A-Z]")


def _list_comma_in_an_amount(text: str, match: re.Match[str]) -> int | None:
    """"0,5 gram Rp 401.500,1 gram Rp 754.000", "1. Tunjangan keluarga Rp420.000,2. Uang …": in a list a dump
    joined with commas, the comma after an amount of money written to its thousands opens the next item (a
    count in a measure, or the number that follows the item's own) and is no decimal comma; where that comma
    stands, else None."""
    low = match.group("low")
    if not match.group("prefix") or match.group("high") or not low or \
            not re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", low):
        return None
    comma = match.start("low") + low.rindex(",")
    item = ITEM_AFTER_COMMA.match(text, comma)
    if item is not None and _units().get(item.group("unit").lower()) in measures():
        return comma
    numbered = NUMBERED_AFTER_COMMA.match(text, comma)
    return comma if numbered is not None and _follows_its_predecessor(text, comma, numbered["number"]) else None


def _lists_two(match: re.Match[str]) -> bool:
    """"40 dan 50 tahun" lists two figures; only "antara 40 dan 50 tahun" spans a range."""
    return bool(match.group("high") and not match.group("between") and LISTING_JOINER.fullmatch(match.group("joiner")))


def _money_then_own_unit(match: re.Match[str]) -> bool:
    """An amount of money followed by a number in a unit of its own: "naik Rp15 atau 30%" is a change in
    rupiah and the same change in percent ("Rp 5 atau 6 juta rupiah" is one range)."""
    if match.group("prefix") is None:
        return False
    own = "persen" if match.group("sign") else (match.group("attached") or match.group("unit") or "").lower()
    return match.group("degree") is not None or _units().get(own) not in (None, _currency(match["prefix"]))


def _a_name_before_a_count(match: re.Match[str], unit: str | None) -> bool:
    """A prefix that is also a country's name ("US") before a figure that counts something else ("US 2 gol")."""
    prefix = case_folded(match.group("prefix"))
    return prefix in _words("prefix that names") and unit is not None and unit != _currency(prefix)


def _in_two_currencies(match: re.Match[str]) -> bool:
    low, high = (match.group(group) for group in ("prefix", "hprefix"))
    return low is not None and high is not None and _currency(low) != _currency(high)


def _number_end(match: re.Match[str]) -> int:
    """Where the number itself ends. The search goes on from there, so a word read as a unit of a number that
    turns out not to be a figure ("UU 22 maksimal Rp500 ribu", "Tahun 2019 Rp500.000") can open the next one."""
    return next(match.end(group) for group in ("high", "low", "vscale", "vague") if match.group(group))


def _rises_on_one_scale(low: str, high: str, english: bool) -> bool:
    """A year rises to no count: "473.025 ekor pada 2017 dan 353.790 ekor" lists a year and a count."""
    low_value, high_value = parse_value(low, english), parse_value(high, english)
    low_scaled, high_scaled = (end.split()[-1].lower() in _table("scale") for end in (low, high))
    year_then_count = YEAR.fullmatch(low) is not None and YEAR.fullmatch(high) is None
    return low_value is not None and high_value is not None and low_value < high_value and \
        low_scaled <= high_scaled and not year_then_count


YEAR = re.compile(r"(?:19|20)\d{2}")


NAME_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
CLOCK = re.compile(r"\d{1,2}[.:]\d{2}")
# a registration plate's shape around its number: region letters before it, series letters after it
PLATE_REGION = re.compile(r"([\w-]+)\s+(?:nomor\s+)?[A-Z]{1,2}\s*$")
PLATE_SERIES = re.compile(r"\s*[A-Z]{1,3}(?![\w-])")
ENUMERATOR = re.compile(r"[.)]\s*[A-Z]")  # ",2. Alexander", ",3.Kantong"
LIST_OPENED = re.compile(r"[:;]\s*(?:dan\s+)?\(?$")  # "berikut: 1) Adanya …; 2) Tersedianya", "adalah: (1) SMK"
# what follows one item of a list of numbers: the next one's comma or joiner, or the list's end
LIST_GOES_ON = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:dan|atau|serta)\b")
BRACKETED_BEFORE = re.compile(r"\(\d{1,3}\)\s*,?\s*(?:(?:dan|atau|serta)\s+)?\($")


@cache
def _parts_of_day() -> frozenset[str]:
    return frozenset(sections("id/time_words.txt")["part of day"])


@cache
def _clock_zone() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(list(table('id/timezones.tsv')))})\b", re.IGNORECASE)


# "satu" before a noun and "dengan" someone: "satu ruangan dengannya", "satu tim dengan Messi"
SAME_AS = re.compile(r"\s+[a-z]+\s+dengan(?:nya\b|\s+(?:[A-Z]|(?:saya|kami|kita|dia|ia|mereka|anda|beliau)\b))")
SPACED_KE = re.compile(r"(?<!\w)ke\s+$", re.IGNORECASE)
LENGTH_KE = re.compile(r"\b([A-Za-z]+)\s+ke\s+$")
POINTED_BACK = re.compile(r"\s+[a-z]+\s+(?:ini|itu|tersebut)(?:lah)?\b", re.IGNORECASE)
REGULATION_YEAR = re.compile(r"\s+(?:19|20)\d{2}\b")
# a number right after a figure's digits: what stands before it is an address or a reference, not an amount
NUMBER_AFTER = re.compile(r"\s+(?:nomor|no\.?)\s?\d", re.IGNORECASE)
# a product ("1x24 jam": a day, counted in hours), the sign spaced on both sides or on neither: in "Dynamic AMOLED
# 2x 8 inci" the "2x" is part of a name
TIMES = re.compile(r"(\d{1,2})(?:[x×]|\s[x×]\s)(\d{1,3})", re.IGNORECASE)
# a number written with thousands groups or a decimal comma is an amount even after "level": "ke level 6.359,00"
GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+,\d+")
# a length of time named by its order right after a year: "2019 pekan kedua", "2020 minggu ke-3"
WEEK_OF_A_SEASON = re.compile(
    rf"\s+[a-z]+\s+(?:ke-?\d+|{alternation(sorted(_words('ordinal word')))})\b", re.IGNORECASE)
YEAR_CONTEXT = re.compile(r"\b(tahun|sejak|pada|hingga|since|in|year)\s*$", re.IGNORECASE)  # not "kepada"
MONTHS = re.compile(r"^(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
                    r"jan|feb|mar|apr|jun|jul|agu|ags|sep|okt|nov|des|january|february|march|june|july|august|"
                    r"october|december)$", re.IGNORECASE)


def unit_of(word: str) -> str | None:
    """The canonical unit a word names ("prajurit" → "tentara", "kilometer persegi" → "km2"), or None."""
    return _units().get(_without_possessive("-".join(word.lower().strip(".,;:").split())))


def _without_possessive(word: str) -> str:
    """"tentaranya" counts tentara; an abbreviation takes no -nya ("hanya" is not hectares)."""
    return word[:-3] if word.endswith("nya") and len(word) > 5 and word[:-3] in _units() else word


WORD_AFTER = re.compile(rf"{SPACE_IN_A_PARAGRAPH}([A-Za-z%](?:[\w%]|-(?=[A-Za-z]))*)")
# an active verb (meN-, ber-: "membawa", "melawan", "meraih") or a passive one in di-…-kan ("diperkirakan")
# rather than a noun; "menteri" is a noun
VERB_LIKE = re.compile(r"^(?:(?:mem|men|meng|meny|me[lrwy]|ber)(?!teri)\w{4,}|di\w{3,}kan)$")


# the unit of a head count that says nothing of whom it counts ("tiga orang"; "jiwa", "warga" are read as it)
GENERIC_PEOPLE = "orang"
RANGE_JOINER = re.compile(r"\s*(?:hingga|sampai(?:\s+dengan)?|-|–|−)\s*", re.IGNORECASE)
LIST_OPENER_AFTER = re.compile(rf"\s+(?:{alternation(sorted(sections('id/nlp/numbers.txt')['list opener']))})\b",
                               re.IGNORECASE)
# a dot before a single zero in Indonesian text, neither a group of thousands nor a decimal comma: "industri 4.0"
GENERATION = re.compile(r"\d\.0")
DASHED = re.compile(r"\s*(?:--|-|–|—|−)\s*")
# "lebih" after a figure makes it a lower bound when nothing is compared ("Rp 3 miliar lebih." but not "10
# persen lebih tinggi"), or when the counted noun follows it ("3.000 lebih warga")
MORE_AFTER = re.compile(
    r"\s+(?P<more>lebih)(?=\s*(?:[.,;:)\"”]|$|(?:dan|atau|yang|dari|di|ke|pada|untuk|per|sejak|karena)\b))")
BOUND_AFTER = re.compile(r"\s+ke\s+(?P<way>atas|bawah)\b")
# "lima cangkir atau lebih", "60 tahun atau lebih": at least; not "Rp 3,78 triliun atau lebih rendah", which compares
COMPARATIVE = alternation(sorted(sections("id/nlp/numbers.txt")["comparative"]))
OR_MORE = re.compile(rf"\s+atau\s+(?P<more>lebih)\b(?!\s+(?:{COMPARATIVE})\b)", re.IGNORECASE)
MORE_BEFORE_UNIT = re.compile(r"\s+(?P<more>lebih)\s+(?=[a-z])")
COMPARED = re.compile(r"\s+(?:dari|daripada|ketimbang|dibanding|dibandingkan)\b", re.IGNORECASE)
# a sentence ends at a full stop before a space, or before the comma a dump joined its next paragraph with
# ("tersebut.,Selanjutnya"), also past a backslash a dump left at a line's end (".\\" then a blank line)
SENTENCE_START = re.compile(r"[.!?]\\?(?:\s|,(?=[^\s\d,]))")
AGO = re.compile(r"\s+(?:yang\s+)?(?:lalu|silam)\b", re.IGNORECASE)
# a measure at its peak ("tenaga maksimal", "torsi puncak") rather than a cap on the figure
PEAK = re.compile(rf"\b(?:{alternation(sorted(sections('id/nlp/numbers.txt')['peak noun']))})\s+$", re.IGNORECASE)
# "per satu juta" right after a figure: what the rate is counted against
DENOMINATOR = re.compile(r"(?<!\w)per\s+$", re.IGNORECASE)
# the word before a figure's approximator: "jumlah url mencapai 72.500" may count url
# a minute mark closing a goal's minute, also as a dump that read UTF-8 as Mac Roman writes "’", before the bracket's
# end or the next minute
MINUTE_MARK = re.compile(r"(?:'|’|‚Äô)(?=\s*(?:[),]|dan\b))")
INSIDE_A_BRACKET = re.compile(r"\([^()]*$")
NAMED_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")
COUNTED_BY_A_FIGURE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\s)\d[\d.,]*\s+$")  # not a year: "pada 2025 kuotanya"
STACKED = re.compile(rf"\b({alternation(sorted(_table('approximator')))})\s+$", re.IGNORECASE)
OVER_A_WORD = re.compile(
    rf"\b(?P<approx>{alternation(sorted(sections('id/nlp/numbers.txt')['over one verb']))})\s+(?P<word>[a-z]+)\s+$",
    re.IGNORECASE)
BOUND_BEFORE_NOUN = re.compile(
    rf"\b(?P<bound>{alternation(sorted(sections('id/nlp/numbers.txt')['peak word']))})"
    rf"\s+(?P<nouns>(?:[a-z]+\s+){{1,2}})$", re.IGNORECASE)
LIMIT_BEFORE = re.compile(rf"\b(?P<limit>{alternation(sorted(_table('limit phrase')))})(?:nya)?"
                          r"\s+(?P<between>(?:[A-Za-z]+\s+){0,4})$", re.IGNORECASE)
BOUND_BEFORE_DIMENSION = re.compile(
    rf"\b(?P<bound>{alternation(sorted(_table('approximator')))})"
    rf"\s+(?:{alternation(sorted(sections('id/nlp/numbers.txt')['dimension noun']))})\s+$", re.IGNORECASE)
SCORE_BEFORE = re.compile(
    rf"\b(?P<noun>{alternation(sorted(sections('id/nlp/numbers.txt')['score noun']))})\s+$", re.IGNORECASE)
TOTAL_OF = re.compile(
    rf"\b(?:{alternation(sorted(sections('id/nlp/numbers.txt')['total word']))})\s+(?P<noun>[a-z][a-z-]+)\b",
    re.IGNORECASE)
# "200 lainnya", "10 di antaranya": more of what the figure before counted
OF_THE_SAME = re.compile(r"\s+(?:lainnya|sisanya|di\s?antaranya)\b", re.IGNORECASE)


MAX_SENTENCE = 2000
"""Characters looked back for the start of a sentence: a "sentence" longer than this is a text without
full stops, and reading it all again for each of its figures would cost the square of its length."""


def _stops(text: str, start: int, end: int | None = None) -> Iterator[re.Match[str]]:
    """The sentence ends between `start` and `end`: not the full stop of an abbreviation ("asal Kab. Morowali,
    120 orang" goes on, data id/nlp/abbreviations.txt)."""
    for stop in SENTENCE_START.finditer(text, start, len(text) if end is None else end):
        if text[stop.start()] != "." or not abbreviation_before(text, stop.start()):
            yield stop


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence holding `position` ends (after its full stop and the space after it); past the
    text's end when no sentence ends after it. Found once for all the figures after `position`."""
    found = next(_stops(text, position), None)
    return found.end() if found else len(text) + 1


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, looked for backwards from it, not from the text's start."""
    window = 256
    while True:
        low = max(0, position - window, position - MAX_SENTENCE)
        starts = [m.end() for m in _stops(text, low, position)]
        if starts or low == 0 or window >= MAX_SENTENCE:
            return starts[-1] if starts else low
        window *= 4


def _counted_earlier(text: str, position: int) -> str | None:
    """"jumlah tentara ... mencapai 12.000 orang": a head count in people counts the people named before it
    in the sentence (soldiers, victims, tourists), not any noun ("rentetan rudal … sepuluh orang tewas"), nor
    when its own clause names places after them ("pendaftar …, dengan kuota 34.128 orang" is a count of seats;
    "kuota siswa sebanyak 36.141 orang" counts pupils)."""
    sentence_start = _sentence_start(text, position)
    written = re.findall(r"[A-Za-z]+", text[sentence_start:position])
    # a capitalised word past the sentence's first is part of a name ("Penerima Bantuan Iuran … 96,8 juta jiwa")
    words = [word.lower() if word.islower() or index == 0 else "" for index, word in enumerate(written)]
    in_clause = len(re.findall(r"[A-Za-z]+", re.split(r"[,;]", text[sentence_start:position])[-1]))
    people = people_units()
    for back, word in enumerate(reversed(words)):
        if back < in_clause and word in _words("places for people"):
            return None
        unit = _units().get(_without_possessive(word), word)
        if unit in people:
            return _head_of(_before_a_relative_clause(words[: len(words) - back]))
    return None


def _before_a_relative_clause(words: list[str]) -> list[str]:
    """People named as the object of a verb in a relative clause are not the ones counted: "petugas yang
    menyertai jamaah sebanyak 2.645 orang" counts the officers. Not past "menjadi" or "merupakan" ("warga yang
    menjadi korban"), which name what the people before them are."""
    if len(words) >= 4 and words[-3] == "yang" and words[-2] not in _words("relative copula") and \
            _units().get(words[-4], words[-4]) in people_units():
        return words[:-3]
    return words


def _head_of(words: list[str]) -> str:
    """Of people nouns in a row ending `words`, the first, which the others describe: "tersangka pelaku
    kerusuhan" are suspects."""
    nouns = [_units().get(_without_possessive(word), word) for word in words]
    index = len(nouns) - 1
    while index > 0 and nouns[index - 1] in people_units():
        index -= 1
    return nouns[index]


def _unit_after(text: str, match: re.Match[str]) -> tuple[str | None, int]:
    """The counted noun: a known unit right after the figure, or after classifier words ("tiga unit
    handphone") or capitalised modifiers ("12,000 North Korean soldiers"), at most three words on; else the
    lower-case noun right after the figure ("dua pistol", "tujuh kota"), past a classifier; a classifier with
    no noun after it is what is counted ("tiga unit handphone" counts handphone, "300 unit" units)."""
    if match.group("sign"):
        return "persen", match.end()
    if match.group("micro"):
        return "µg", match.end()  # "95,89 µg/m3", or "¬µg/m3" as a dump that read UTF-8 as Mac Roman writes it
    if match.group("degree"):
        return "derajat", match.end()  # "35°C", "35 °C", or "35 ¬∞C" as a dump that read UTF-8 as Mac Roman writes it
    if match.group("attached"):
        return match.group("attached").lower(), match.end()
    if match.group("unit") and text[match.start("unit") - 1] == "-":
        word = match.group("unit").lower()  # "4-silinder", "7-penumpang": a count written as a modifier
        return (_units().get(word, word), match.end()) if _is_counted_noun(word) else (None, match.start("unit") - 1)
    cursor = match.start("unit") - 1 if match.group("unit") else match.end()
    if (again := SPELLED_AGAIN.match(text, cursor)) is not None and \
            all(word in number_words() or word in _table("multiplier") for word in again.group(1).lower().split()):
        cursor = again.end()  # "1 (satu) pucuk Senjata Api", "2 (dua) unit sepeda motor": the number spelled again
    elif (repeated := WORD_AFTER.match(text, cursor)) is not None and (match.group("low") or "").isdigit() and \
            repeated.group(1).lower() in _number_word_values() and \
            _spelled_value([repeated.group(1).lower()]) == float(match.group("low")):
        cursor = repeated.end()  # "memiliki 6 enam anak": the same number written again, with no brackets
    more = MORE_BEFORE_UNIT.match(text, cursor)
    counted_after = WORD_AFTER.match(text, more.end() - 1) if more else None
    # "3.000 lebih warga", "seribu lebih kendaraan" (not "dua lebih baik dari satu")
    if counted_after and (_without_possessive(counted_after.group(1).lower()) in _units() or (
            _is_counted_noun(counted_after.group(1)) and not COMPARED.match(text, counted_after.end()))):
        cursor = counted_after.start()
    classifiers = _words("classifier")
    counted: tuple[str, int] | None = None
    first = cursor
    for _ in range(4):
        found = WORD_AFTER.match(text, cursor)
        if not found:
            break
        word = found.group(1)
        bare = _without_possessive(word.lower())
        if word.lower() in classifiers and counted is None and not _noun_follows(text, found.end()):
            return bare, found.end()
        if bare == "orang" and (person := _person_noun_at(text, found.end())) is not None:
            return person  # "dua orang anak" counts children
        if (compound := _two_word_unit(text, bare, found.end())) is not None:
            return compound
        if bare in _units() and bare not in classifiers:
            return bare, found.end()
        if counted is None and bare == "kali" and (event := _event_at(text, found.end())) is not None:
            return event  # "43 kali gempa", "10 kali pemotongan suku bunga": the events, not the times
        if counted is None and word.lower() not in classifiers and _is_counted_noun(word):
            counted = (bare if bare in _units() else _plain_noun(word), found.end())
        elif counted is None and cursor == first and _counts_in_capitals(text, word):
            counted = (_plain_noun(word), found.end())
        if word.lower() not in classifiers and not word[:1].isupper():
            break
        cursor = found.end()
    if counted is None and (listed := _unit_of_the_next_in_list(text, match)) is not None:
        return listed, _number_end(match)
    return counted if counted is not None else (None, match.end())


def _event_at(text: str, position: int) -> tuple[str, int] | None:
    """The noun for an event written at `position`: a nominalisation in -an ("pemotongan", "pembayaran",
    "tembakan") or a listed event ("gempa"), with its end; not "lipat" ("dua kali lipat") nor "seminggu"."""
    found = WORD_AFTER.match(text, position)
    if found is None or not _is_counted_noun(found.group(1)):
        return None
    word = _plain_noun(found.group(1))
    nominal = len(word) > 6 and word.endswith("an")
    return (word, found.end()) if nominal or word in _words("event noun") else None


# a number spelled out again in brackets after its digits, as deeds and police reports write it: "1 (satu)"
SPELLED_AGAIN = re.compile(r"\s*\(\s*([A-Za-z]+(?:\s+[A-Za-z]+)*)\s*\)")


# "1.011 dan 196 unit", "sembilan dan sembilan assist": a list names its unit once, after the last figure
LIST_JOINER = re.compile(r"\s*,?\s+(?:dan|atau|serta)\s+", re.IGNORECASE)


def _unit_of_the_next_in_list(text: str, match: re.Match[str]) -> str | None:
    joiner = LIST_JOINER.match(text, _number_end(match))
    if joiner is None or _names_a_thing(text, match.start(), match):
        return None  # "Honda Vario 150 dan satu unit …": a model's number
    following = _pattern("none").match(text, joiner.end())
    if following is None or following.group("prefix") or following.group("vague"):
        return None
    unit, _ = _unit_after(text, following)
    return unit if unit in _units() or (unit and _is_counted_noun(unit)) else None


def _two_word_unit(text: str, word: str, position: int) -> tuple[str, int] | None:
    """"satu kilometer persegi" measures an area, in the unit the table names "kilometer-persegi"; "25 basis
    poin" is in "basis-poin"."""
    after = WORD_AFTER.match(text, position)
    unit = f"{word}-{after.group(1).lower()}" if after else ""
    return (unit, after.end()) if after and unit in _units() else None


def _person_noun_at(text: str, position: int) -> tuple[str, int] | None:
    """A lower-case noun for people right at `position` ("anak", "korban"), after "orang" used as a
    classifier; after "anggota", the body it is of when that is a lower-case noun ("empat orang anggota
    keluarga": keluarga), as after a figure ("5 anggota kru": kru)."""
    after = WORD_AFTER.match(text, position)
    if after is None or not after.group(1).islower():
        return None
    noun = _plain_noun(after.group(1))
    if noun in _words("classifier") and (body := WORD_AFTER.match(text, after.end())) and \
            _is_counted_noun(body.group(1)):
        return _plain_noun(body.group(1)), body.end()
    people = _words("age noun") | people_units()
    # a synonym of a people noun counts as it ("tiga orang prajurit": soldiers, as "tentara")
    return (noun, after.end()) if noun in people or _units().get(noun) in people else None


def _counts_in_capitals(text: str, word: str) -> bool:
    """A capitalised word right after a figure that still says what it counts: an acronym for people or things
    ("empat ABK", "1.200 ASN"), or a common noun that a title capitalised ("126 Wasit Federasi …") — the
    article writes it in lower case elsewhere."""
    lower = word.lower()
    if word.isupper() and word.isalpha() and 2 <= len(word) <= 5:
        return lower not in _words("not counted")
    return word[:1].isupper() and word[1:].islower() and _is_counted_noun(lower) and lower in _words_of(text)


@lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """The words of a text as written (runs of letters, digits and hyphens): asking a set whether a word
    occurs costs the same however long the text is, where a search through the text per figure made a long
    text's cost grow with the square of its length."""
    return frozenset(re.findall(r"[\w-]+", text))


@lru_cache(maxsize=4)
def _words_after_numbers(text: str) -> frozenset[str]:
    """The words written right after a number and a space ("42.000 url" gives "url"), found once per text, as
    `_words_of` is: a search through the text for each figure's noun made a long text's cost grow with the
    square of its length."""
    return frozenset(re.findall(r"(?<=\d)\s+(\w+)", text))


def _counts_back(text: str, match: re.Match[str]) -> bool:
    """A number word with no noun, doing something, described or one of more ("dan dua melenceng", "hanya
    sembilan yang gulung tikar", "sebelas di antaranya"): it counts what a figure before it counted. Not "satu",
    which is prose as often as not."""
    low = match.group("low") or ""
    if low[:1].isdigit() or len(low.split()) != 1 or low.lower() in ("satu", "se") or match.group("high"):
        return False
    if OF_THE_SAME.match(text, match.end("low")):
        return True  # "sebelas di antaranya"
    after = WORD_AFTER.match(text, match.end("low"))
    return after is not None and (after.group(1).lower() == "yang" or after.group(1).lower() in _words("predicate")
                                  or VERB_LIKE.match(after.group(1).lower()) is not None)


def _part_before_its_whole(text: str, match: re.Match[str]) -> bool:
    """A number word right before "dari" and another figure that counts a lower-case noun ("Enam dari sembilan
    sektor", "satu dari empat gol") is a part of that whole: a figure, which `_share_units_of_a_whole` gives the
    whole's noun ("satu dari 10 Final Nasional" names no noun to count, "satu dari empat bulan" no amount, and
    "anak ke empat dari delapan" is the fourth)."""
    of = PART_OF.match(text, match.end("low"))
    whole = _whole_counting_a_noun().match(text, of.end()) if of else None
    return whole is not None and _units().get(whole.group("noun")) not in durations() and \
        not SPACED_KE.search(text, max(0, match.start("low") - 4), match.start("low"))  # "anak ke empat dari …"


@cache
def _whole_counting_a_noun() -> re.Pattern[str]:
    """A whole's number, in digits or words ("sembilan", "dua puluh", "ratusan"), then a lower-case word."""
    words = alternation(sorted(number_words()))
    return re.compile(rf"(?:\d[\d.,]*|(?i:{words})(?:\s+(?i:{words}))*)\s+(?P<noun>[a-z]+)")


def _named_before(text: str, match: re.Match[str], further: bool) -> str | None:
    """The noun right before "sebanyak"/"mencapai" (the approximators that leave a figure exact), when it is
    something the article counts: "menyita SIM sebanyak 754", "STNK sebanyak 450 lembar"; `further`, for a figure
    with no noun after it at all, a few words before."""
    cue = _exact_cue_at(text, match)
    if cue is None or not match.group("approx"):
        return None
    named = NAMED_BEFORE.search(text, max(0, cue - 30), cue)
    if named is not None and COUNTED_BY_A_FIGURE.search(text, max(0, named.start() - 30), named.start()):
        return None  # "1.000 gram mencapai 724,6 juta": the grams are the figure's before, not this one's
    if named is not None and _counted_in_the_article(text, named.group(1)):
        word = named.group(1).lower()
        return _units().get(word, word)
    if not further:
        return None
    # "peserta seleksi akan mencapai 5,5 juta": the noun a few words before, past no other figure or its noun
    # nor a time ("yang disembelih tahun ini mencapai")
    clause = text[max(_sentence_start(text, cue), cue - 50) : cue]
    words = re.findall(r"[A-Za-z]+|\d+", clause)[-6:]
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.isdigit() or (index and words[index - 1].isdigit()) or _units().get(word) in durations():
            return None
        if word.islower() and _counted_in_the_article(text, word):
            return _units().get(word, word)
    return None


def _exact_cue_at(text: str, match: re.Match[str]) -> int | None:
    """Where a figure with no approximator, or with one that leaves it exact ("sebanyak", "mencapai"), starts;
    or where that exact one starts when "about" stands between them ("mencapai sekitar 8,2 juta" still counts
    what was named before "mencapai"; a bound, "mencapai lebih dari 65", may follow a verb of change instead)."""
    approximator = (match.group("approx") or "").lower()
    if _meaning(approximator) == "exact":
        return match.start()
    before = STACKED.search(text, max(0, match.start() - 30), match.start())
    if _meaning(approximator) == "about" and before is not None and _meaning(before.group(1).lower()) == "exact":
        return before.start()
    return None


def _totalled_before(text: str, position: int) -> str | None:
    """"jumlah pelamar di 76 instansi pusat mencapai 1.446.460": a figure with no noun of its own, after "jumlah"
    or "total" and the noun they total earlier in its sentence, counts that noun (the last one named so)."""
    totals = list(TOTAL_OF.finditer(text, _sentence_start(text, position), position))
    if not totals:
        return None
    noun = _plain_noun(totals[-1].group("noun"))
    return _units().get(noun, noun) if _is_counted_noun(totals[-1].group("noun")) else None


def _counted_in_the_article(text: str, word: str) -> bool:
    """An acronym for what is counted ("SIM", "STNK"), a listed unit, or a noun the article counts after a
    figure elsewhere ("jumlah url mencapai 72.500" beside "42.000 url"); not any noun ("terjual", "capaian")."""
    if word.isupper():
        return _counts_in_capitals(text, word)
    lower = word.lower()
    return _is_counted_noun(word) and (lower in _units() or lower in _words_after_numbers(text))


def _noun_follows(text: str, position: int) -> bool:
    after = WORD_AFTER.match(text, position)
    return after is not None and (_is_counted_noun(after.group(1)) or after.group(1).lower() in _units())


def _is_counted_noun(word: str) -> bool:
    """A lower-case word that can be what a figure counts: not a function word, a month, a verb ("tiga kali
    membawa") or a state ("12 anggota setuju")."""
    lower = word.lower()
    return word.islower() and len(word) >= 2 and lower.replace("-", "").isalpha() and \
        lower not in _words("not counted") and lower not in _words("predicate") and not MONTHS.match(lower) and \
        not VERB_LIKE.match(_plain_noun(lower))


def _plain_noun(word: str) -> str:
    """"wakilnya" counts wakil, "anak-anak" counts anak."""
    lower = word.lower()
    if lower.endswith("nya") and len(lower) > 5:
        lower = lower[:-3]
    head, _, rest = lower.partition("-")
    return head if rest == head else lower


def parse_value(text: str, english: bool) -> float | None:
    """"1.500" → 1500, "1,5 juta" (or "1,5juta") → 1500000, "dua" → 2, "1x24" → 24, "1/2" → 0.5; English reads "1,500"
    and "1.5"; "3,007.39" is read the English way in Indonesian text too, and "6,090,000" (one separator
    written twice) has no decimal point in either language. Scaling is decimal, so "Rp 8,12 triliun" is
    8120000000000 and not a binary neighbour of it; a stray scale word after a number written out to its units
    ("3.636.251 juta" applicants) is left out."""
    parts, scale = _split_scale(text)
    token = " ".join(parts)
    if all(part in _number_word_values() or part in _table("multiplier") for part in parts):
        return _spelled_value(parts) * float(scale)
    if len(parts) == 1 and (fraction_word := _table("fraction word").get(parts[0])) is not None:
        return float(Decimal(fraction_word[0]) / Decimal(fraction_word[1]) * scale)  # "sepertiga jam" → 1/3
    if (signed := _fraction_sign().fullmatch(" ".join(text.split()[: len(parts)]))) is not None:
        whole = Decimal(signed.group(1) or 0)
        return float((whole + Decimal(_fraction_signs()[signed.group(2)])) * scale)  # "1½" → 1.5
    if (fraction := re.fullmatch(r"(\d+)/(\d+)", token)) is not None:
        numerator, denominator = int(fraction.group(1)), int(fraction.group(2))
        return float(Decimal(numerator) / Decimal(denominator) * scale) if numerator < denominator else None
    if (times := TIMES.fullmatch(token)) is not None:
        return float(int(times.group(1)) * int(times.group(2)) * scale)
    if scale != 1 and re.fullmatch(r"\d{1,3}(?:[.,]\d{3}){2,}", token):
        scale = Decimal(1)  # "pelamar … 3.636.251 juta": a number written out to its units takes no scale word
    thousands, decimal = (",", ".") if english else (".", ",")
    if re.fullmatch(r"0[.,]\d+", token):
        thousands, decimal = "", token[1]  # "0.337", "0,337": no group of thousands starts with a zero
    elif (mixed := re.fullmatch(r"\d{1,3}(?:([.,])\d{3})+([.,])\d+", token)) and mixed.group(1) != mixed.group(2):
        thousands, decimal = mixed.groups()  # both separators: the last one is the decimal point, in any language
    elif repeated := re.fullmatch(r"\d{1,3}([.,])\d{3}(?:\1\d{3})+", token):
        thousands = repeated.group(1)  # one separator written twice or more is never a decimal point
    if thousands and re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})+(\{decimal}\d+)?", token):
        token = token.replace(thousands, "")
    token = token.replace(decimal, ".")
    try:
        return float(Decimal(token) * scale)
    except InvalidOperation:
        return None


@cache
def _fraction_signs() -> dict[str, str]:
    """Each fraction sign to its value, case kept: the Mac Roman "¬æ" is "¾" but "¬Æ" is "®"."""
    return {sign: value for sign, (value, *_) in _table("fraction sign").items()}


@cache
def _fraction_sign() -> re.Pattern[str]:
    return re.compile(rf"(\d*)({alternation(sorted(_fraction_signs()))})")


@cache
def _glued_scale() -> re.Pattern[str]:
    """A scale word written onto its number: "Rp7,6juta"."""
    return re.compile(rf"(\d)({alternation(list(_table('scale')))})\b")


def _scaled_like_the_high_end(low: float, low_text: str, high_text: str, english: bool) -> float:
    """"10-15 juta" runs from 10 juta to 15 juta: a low end with no scale word of its own, smaller than the
    high end's number, takes the high end's scale word."""
    high_words, high_scale = _split_scale(high_text)
    high_number = parse_value(" ".join(high_words), english)
    if _split_scale(low_text)[1] != 1 or high_scale == 1 or high_number is None or low >= high_number:
        return low
    return float(Decimal(str(low)) * high_scale)


def _split_scale(value_text: str) -> tuple[list[str], Decimal]:
    """The words of a value and the scale word ending it: "1,5juta" → (["1,5"], 1000000)."""
    parts = _glued_scale().sub(r"\1 \2", value_text.lower()).split()
    if len(parts) > 1 and _scale_word(parts[-1]) in _table("scale"):
        return parts[:-1], Decimal(_table("scale")[_scale_word(parts[-1])][0])
    return parts, Decimal(1)


def _scale_word(word: str) -> str:
    """"jutaan" after a number ("441 jutaan") is a rounded "juta"; "triliunnya" is "triliun"."""
    for ending in ("an", "nya"):
        if word.endswith(ending) and word[: -len(ending)] in _table("scale"):
            return word[: -len(ending)]
    return word


def _rounded(value_text: str) -> bool:
    """"Rp 441 jutaan" is about, "Rp 3,2 triliunnya" exact."""
    last = value_text.lower().split()[-1]
    return last.endswith("an") and last != _scale_word(last)


def _spelled_value(words: list[str]) -> float:
    """"dua puluh lima" → 25, "seratus lima puluh" → 150, "tiga belas" → 13, "satu setengah" → 1.5: a
    multiplier takes the number word before it, and the groups add up."""
    total, pending = 0.0, 0.0
    for word in words:
        if word in _table("multiplier"):
            factor = _table("multiplier")[word][0]
            total += pending + float(factor) if factor.startswith("+") else (pending or 1.0) * float(factor)
            pending = 0.0
        elif float(_number_word_values()[word][0]) >= 10:
            total += float(_number_word_values()[word][0])
        else:
            pending += float(_number_word_values()[word][0])
    return total + pending


def _on_a_plate(text: str, start: int, match: re.Match[str]) -> bool:
    """A number standing between a plate's region and series letters right after a word that names a plate."""
    region = PLATE_REGION.search(text, max(0, start - 30), start)
    return bool(region and region.group(1).lower() in _words("plate cue")
                and re.fullmatch(r"\d{1,4}", match.group("low") or "") and PLATE_SERIES.match(text, match.end("low")))


@cache
def _identifiers_listed() -> re.Pattern[str]:
    """The numbers listed after an identifier word, up to the one that follows them ("kloter 61, 64, 67")."""
    words = alternation(sorted(_words("identifier")))
    joiner = r"(?P<joiner>\s*,\s*|\s*,?\s+(?:dan|atau|serta)\s+)"
    return re.compile(rf"\b(?P<word>{words})\s+\d{{1,4}}(?:\s*,\s*\d{{1,4}})*{joiner}$", re.IGNORECASE)


def _is_not_a_quantity(text: str, start: int, match: re.Match[str], value: float | None, counted: str | None) \
        -> bool:
    low = match.group("low") or ""
    unit_word = match.group("unit") or ""
    unit = _without_possessive(unit_word.lower())
    if value is None:
        return True
    if match.group("prefix"):
        return False
    if low.lower() == "satu" and unit_word and \
            re.match(rf"\s+ke\s+{re.escape(unit_word)}\s+lain", text[match.end("unit") :], re.IGNORECASE):
        return True  # "dari satu pulau ke pulau lain": one place after another, not a count
    if match.group("sign") and (named := NAME_AFTER.match(text, match.end())) and \
            named.group(1).lower() not in table("id/days.tsv") and not MONTHS.match(named.group(1)) and \
            text.count(text[start : named.end()]) >= 2:
        return True  # "aplikasi 99% Usahaku", written again and again: a name
    if re.fullmatch(r"\d{1,3}", low) and (closing := re.match(r"(['’])?\)", text[match.end("low") :])) and \
            AGE_BRACKET.search(text[max(0, start - 60) : start]) and \
            (closing.group(1) or re.search(r"\bmenit\b", text[_sentence_start(text, start) : start], re.IGNORECASE)):
        return True  # "Fabian Ruiz (19')", "gol … di menit ke-49 dan Gonzalo Melero (75)": a goal's minute, not an age
    if re.fullmatch(r"\d{1,3}", low) and MINUTE_MARK.match(text, match.end("low")) and \
            INSIDE_A_BRACKET.search(text, max(0, start - 40), start):
        return True  # "Danilo (16‚Äô)", "Ryan Babel (17‚Äô dan 47‚Äô)": goals' minutes, "’" also as Mac Roman writes it
    if (unit in _parts_of_day() or CLOCK.fullmatch(low)) and \
            re.search(r"\bjam\s+$", text[max(0, start - 5) : start], re.IGNORECASE):
        return True  # "jam 4 sore", "masuk jam 06.30": a time of day ("empat malam" is a stay of four nights)
    if CLOCK.fullmatch(low) and _clock_zone().match(text, match.end("low")):
        return True  # "15.00 WIB Spanyol vs Australia": a time of day in a schedule, with no "pukul"
    if counted is None and ENUMERATOR.match(text, match.end("low")) and \
            (_opens_a_paragraph(text, start) or _follows_its_predecessor(text, start, low) or
             LIST_OPENED.search(text, max(0, start - 8), start)):
        return True  # ",2. Alexander Marwata", "Grup A: 1. Al Ahly (1 poin), 2. Porto (1)": a numbered list item
    if counted is None and text[match.end("low") : match.end("low") + 1] == ")" and \
            BRACKETED_BEFORE.search(text, max(0, start - 20), start):
        return True  # "ayat (1) dan (3) Undang-Undang", "ayat (2), (3), dan (4) UU": one more of a list of subsections
    if (match.group("ish") or "-").startswith("a") and counted is None:
        return True  # "era 90an" is a decade; "260.000an unit" counts
    if TIMES.fullmatch(low) and _units().get(unit) not in durations() | measures():
        return True  # "Pajero 4x4": a type, not a product like "1x24 jam" nor two sides like "2x5 meter"
    if unit == "tahun" and REGULATION_YEAR.match(text, match.end("unit")):
        return True  # "PMK 32 Tahun 2025", "nomor 21 tahun 2001": a rule's number and year
    if _on_a_plate(text, start, match):
        return True  # "bernomor polisi AE 567 SC": a vehicle's plate, not 567 of anything
    if re.search(r"\s[A-Z][a-z]+$", low) and unit_word[:1].isupper() and \
            re.search(r"(?<![.!?\"“]\s)\b[A-Z][a-z]+\s+$", text[max(0, start - 20) : start]):
        return True  # "Program 3 Juta Rumah": a name, its scale word capitalised like the words around it
    if re.fullmatch(r"0\d+", low):
        return True  # "022", "007": a code keeps its leading zeros, an amount does not
    if NUMBER_AFTER.match(text, match.end("low")):
        return True  # "Jalan Cempaka Baru 1 Nomor 7", "Pasal 23 Nomor 11": part of an address or a reference
    # the word before, on the figure's own line: a heading ("Bahan" then a blank line) names no number below it
    previous = re.search(r"([\w.$-]+)(?:[^\S\n]|\()*$", text[max(0, start - 20) : start])
    if previous and previous.group(1).lower() in _words("result word") and match.group("high") and \
            re.fullmatch(r"\d{1,3}-\d{1,3}", text[start : match.end("high")]):
        return True  # "kalah 0-1 usai", "Skor imbang 2-2 tetap": a score, not a range counting what follows
    identifier = previous.group(1) if previous and previous.group(1).lower() in _words("identifier") else None
    if identifier is None and re.fullmatch(r"\d{1,4}", low) and \
            (listed := _identifiers_listed().search(text, max(0, start - 60), start)) is not None and \
            (listed.group("joiner").strip(" ,") or LIST_GOES_ON.match(text, match.end("low"))):
        # "eselon 1 dan 2", "kloter 61, 64, 67", "Pasal 2, 3, 8, dan 9"; a comma alone may end a phrase instead,
        # where no list goes on after the number ("Di kelas 3, 12 murid tidak hadir")
        identifier = listed.group("word")
    if identifier is not None and not GROUPED.fullmatch(low) and \
            not (match.group("sign") or match.group("attached") or
                 (unit in _units() and (unit_word[:1].islower() or _units()[unit] in measures()))) and \
            not _index_level(text, start, identifier, low):
        return True  # "Pasal 18", "kelas 3 Rumah Sakit", "pukul 9", "level 4" (but "level 6 persen" is a rate)
    if previous and previous.group(1).lower() in _words("class noun") and not GROUPED.fullmatch(low) and \
            (match.group("attached") or unit in _units()):
        return True  # "kelas 55kg": a weight class, named by the measure (but "kelas 1.500 cc" measures)
    if unit in _words("rank after"):
        return True  # "10 besar Kontes KDI"
    if unit in _words("legal code"):
        return True  # "yaitu 212 KUHP": an article of a code of law
    if f"{low} {unit}".lower() in _words("set phrase"):
        return True  # "pengisian dua arah": two-way
    if counted is None and re.fullmatch(r"\d{5,}", low):
        return True  # "sms ke 95151": an amount this large is written in groups ("95.151")
    if not low[:1].isdigit() and counted is None and len(low.split()) == 1 and not _counts_back(text, match) and \
            not _part_before_its_whole(text, match) and not LIST_OPENER_AFTER.match(text, _number_end(match)):
        return True  # a bare number word ("salah satu") is prose, not a figure; "ada tiga yaitu …" lists what it counts
    if not low[:1].isdigit() and (spaced_ke := SPACED_KE.search(text, max(0, start - 4), start)) and \
            (POINTED_BACK.match(text, match.end("low")) or _opens_a_sentence(text, spaced_ke.start())):
        # "Ke empat agenda tersebut", "Ke empat tersangka lainnya adalah …" (a sentence opens with no "to four")
        return True  # are "keempat": the four named before, counted there
    if _ordinal_of_a_length(text, start, counted):
        return True  # "di hari ke delapan pencarian" is the eighth day
    if not low[:1].isdigit() and (text[max(0, start - 6) : start].lower().endswith("salah ")
                                  or text[match.end("low") : match.end("low") + 1] == "-"):
        return True  # "salah satu", "satu-satunya"
    if low.lower() == "satu" and SAME_AS.match(text, match.end("low")):
        return True  # "berada satu ruangan dengannya", "satu tim dengan": the same room, not one room
    if not match.group("approx") and (counted is None or counted not in _units()) and not _scale_in(low) and \
            _names_a_thing(text, start, match, recurring_only=counted is not None) and \
            not _after_a_breakdown(text, start):
        return True  # but a figure with a scale word is an amount ("di Vietnam 5 ribuan")
    if counted is None and DENOMINATOR.search(text, max(0, start - 5), start):
        return True  # "2.671 per satu juta": the rate's denominator, part of the figure before
    falling = re.fullmatch(r"(\d{1,3})-(\d{1,3})", text[start : match.end("high")]) if match.group("high") else None
    if falling and int(falling.group(2)) < int(falling.group(1)):
        return True  # "menang 6-0 kontra Vanuatu": a range rises, a result need not
    if MONTHS.match(unit):  # "8 Oktober", "13 hingga 15 Oktober" are dates
        return True
    is_year = re.fullmatch(r"(19|20)\d{2}", low) is not None and not (match.group("attached") or match.group("sign"))
    word_before = re.search(r"(\w+)\s+$", text[max(0, start - 12) : start])
    # "sejak 2012", "pada 2004", "13 September 2019 jam 08.00": a year
    after_a_year_cue = YEAR_CONTEXT.search(text[max(0, start - 12) : start]) is not None or \
        (word_before is not None and MONTHS.match(word_before.group(1)) is not None)
    if is_year and (after_a_year_cue or not unit or unit not in _units() or
                    WEEK_OF_A_SEASON.match(text, match.end("low"))):
        return True  # "Jadwal Liga 1 2019 pekan kedua": a season's year and a week of it
    if after_a_year_cue and re.fullmatch(r"1\d{3}", low) and unit not in _units():
        return True  # "didirikan pada 1607": an older year
    before = text[max(0, start - 2) : start]
    closed = re.match(r"\s*\)(?![A-Za-z])", text[match.end("low") :]) is not None
    glued_to = re.search(r"(\w+)\($", text[max(0, start - 30) : start])
    if (glued_to is not None and not _a_name(glued_to.group(1))) or \
            (counted is None and closed and re.search(r"\d\s*\(\s*$", text[max(0, start - 4) : start])):
        return True  # "Section 17(2)", "ayat(1)", "Pasal 114 ( 1 )": a subsection; "Joko(34)" may be an age
    if re.search(r"(?:^|[^\w/])[A-Za-z]/$", text[max(0, start - 3) : start]):
        return True  # "aperture f/1.8": a lens's f-number, written after its letter
    return before[-1:] in ("/", "(") and re.match(r"\d+/", text[start:]) is not None


def _a_name(word: str) -> bool:
    """A capitalised word of letters ("Joko"), not a number or a code ("17", "5A")."""
    return word.isalpha() and word[:1].isupper()


def _ordinal_of_a_length(text: str, start: int, counted: str | None) -> bool:
    """"hari ke delapan": a length of time, itself uncounted, then a spaced "ke" make the number after them an
    ordinal. A counted length is a duration and "ke" then goes to a place ("dua minggu ke 3 negara"), and a
    length after it makes a change ("dari 2 hari ke 3 hari")."""
    spaced = LENGTH_KE.search(text, max(0, start - 16), start)
    if spaced is None or _units().get(spaced.group(1).lower()) not in durations() or \
            _units().get(counted or "") in durations():
        return False
    word_before = re.search(r"(\S+)\s+$", text[max(0, spaced.start() - 20) : spaced.start()])
    return word_before is None or not (word_before.group(1)[-1:].isdigit()
                                       or word_before.group(1).lower() in _table("word"))


def _opens_a_paragraph(text: str, start: int) -> bool:
    """Only white space before `start` back to the text's start or a line break, or a comma right before it
    after anything but a digit, which a dump put in place of a line break ("… 386.,2. Alexander", "pimpinan
    KPK: ,1. Firli Bahuri"). Read back from `start` over the white space alone, so the cost does not grow with
    the length of the line (a pattern ending in "$" searched from the text's start did)."""
    visible = visible_end_before(text, start)
    if visible == 0 or "\n" in text[visible:start]:
        return True
    return start >= 2 and text[start - 1] == "," and not text[start - 2].isdecimal()


def _follows_its_predecessor(text: str, start: int, number: str) -> bool:
    """"1. Al Ahly (1 poin), 2. Porto (1)": the number before it opens an item earlier in the same line, also
    right after a comma a dump joined the items with (",1. Tunjangan keluarga Rp420.000,2. Uang …")."""
    if not number.isdigit() or int(number) < 2:
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return re.search(rf"(?<![\d.]){int(number) - 1}[.)]\s*[A-Z]", line) is not None  # or "1) …", "(1) …"


# a change in points or percent, as market reports give it before the level an index closed at
CHANGE_REPORTED = re.compile(r"\d\s*(?:poin|points?|%|persen)\b", re.IGNORECASE)


def _index_level(text: str, start: int, word: str, number: str) -> bool:
    """"turun 1,68 poin atau 0,5% di level 352": after a change in points or percent in its sentence, the number
    after "level" is where an index stands, an amount (not "status level 4"); so is a number of three digits or
    more, a price or an index ("target harga di level 1775"), as no scale of grades runs that far."""
    if word.lower() != "level":
        return False
    return re.fullmatch(r"[1-9]\d{2,}", number) is not None or \
        CHANGE_REPORTED.search(text, _sentence_start(text, start), start) is not None


WORD_AFTER_FIGURE = re.compile(r"\s+([^\s,.;:!?]+)")


def _names_a_thing(text: str, start: int, match: re.Match[str], recurring_only: bool = False) -> bool:
    """A number with no counted noun that sits in a name ("PLTU Jawa 7", "BWF 100", "1485 Green Trees Road")
    or joins two scores ("21-14") is part of a name or a result, not an amount. A lower-case word after it need
    not be what it counts when the capitalised word and the number recur together ("Galaxy Z Flip 7 tersedia",
    "S&P 500 turun"): a name is written again, a count in a name's place seldom."""
    window_start = max(0, start - 30)
    before = re.search(r"[,;:]*([^\s(\"“'‘.!?]+)\s+$", text[window_start:start])
    after = WORD_AFTER_FIGURE.match(text, match.end("high" if match.group("high") else "low"))
    sentence_start = before is None or (before.group(1).lower() in _words("not counted")
                                        and _opens_a_sentence(text, window_start + before.start(1)))
    # a capitalised word alone before a colon labels a value ("Support: 1700"), while one ending a longer name
    # still names ("QS. Ali Imron: 159")
    label = before is not None and before.group(1).endswith(":") and \
        not re.search(r"[A-Z]\w*\s+$", text[window_start : window_start + before.start(1)])
    capital_before = before is not None and _written_as_a_name(before.group(1)) and not sentence_start and not label
    capital_after = after is not None and after.group(1)[:1].isupper() and after.group(1).isalpha()
    # "di area level 111-113", "usia 30-31", "berusia 60-65": a range of what a dimension noun or an age cue
    # names, not a score
    score = match.group("high") is not None and re.fullmatch(r"\d{1,3}-\d{1,3}", text[start : match.end("high")]) \
        and not (before is not None and before.group(1).lower() in _words("dimension noun") | _words("age cue"))
    if recurring_only:
        return capital_before and _recurs(text, before.group(1) if before else "", match.group("low"))
    return capital_before or capital_after or bool(score)


def _opens_a_sentence(text: str, position: int) -> bool:
    """The word at `position` starts a sentence, a quotation or a paragraph ("Papua.,\"Sedangkan 11 dari 13"):
    the capital of a function word there says nothing of a name."""
    return position == 0 or re.search(r"[.!?\"“\n][\s,\"“'‘(]*$", text[max(0, position - 4) : position]) is not None


def _written_as_a_name(word: str) -> bool:
    """Capitalised, or with a capital inside a word that starts in lower case ("iPhone 11", "iPad 329",
    "eKTP")."""
    return word[:1].isupper() or (word[:1].islower() and any(c.isupper() for c in word[1:]))


def _recurs(text: str, word: str, number: str) -> bool:
    """`word` then `number` at least twice in the text. The word is found by plain string search and only its
    occurrences are tried as the start of the pair: still a pass through the text for each figure after a
    capitalised word, but a string search, some twenty times cheaper than a regular-expression scan (0.5 against
    11 ms on 300,000 characters of news)."""
    number_after = re.compile(rf"\s+{re.escape(number)}(?![\w.,]?\d)")
    found, position = 0, text.find(word)
    while position >= 0 and word:
        word_starts = position == 0 or not WORD_CHARACTER.match(text, position - 1)
        if word_starts and number_after.match(text, position + len(word)):
            found += 1
            if found == 2:
                return True
        position = text.find(word, position + 1)
    return False


WORD_CHARACTER = re.compile(r"\w")


# a name opening one item of a list inside a sentence, one capitalised word before it at most ("…: Maddox", ", Pax
# Thien", "dan Pak Harto"): after a verb or a preposition the capitalised word is a place or a club ("tinggal di
# Bandung 5 tahun", "memperkuat Barcelona 17 tahun"), the figure a length of time
NAME_INSIDE_A_SENTENCE = re.compile(r"(?:[,:;]|\b(?:dan|serta))\s+(?:[A-Z][a-z'’]+\s+)?[A-Z][a-z'’]+\s+$")
# a bracket after a name that holds an age, after a club or a place if any: "Rina (34", "Conte (Napoli/55"
AGE_BRACKET = re.compile(r"[A-Z][\w'’-]*\s*\((?:[A-Z][^()/,\d]{0,29}[/,]\s*)?$")


def _age(text: str, match: re.Match[str], unit: str | None) -> bool:
    """"Rina (34)", "Rina (34 tahun)", "Conte (Napoli/55 tahun)", "Rina, 34 tahun, …", "berusia 19 tahun",
    "aktris 30 tahun": the figure is an age."""
    start, end = match.start(), match.end("low")
    if re.fullmatch(r"\d{1,3}", match.group("low")) and re.match(r"(?:\s*tahun)?\)", text[end:]) and \
            AGE_BRACKET.search(text[max(0, start - 60) : start]):
        # "(14 tahun)" says years; a bare "(2)" may be one more of a column of counts
        return text[end : end + 1] != ")" or not _a_column_of_counts(text, start, match.group("low"))
    if unit is None and re.fullmatch(r"\d{1,3}", match.group("low")) and _no_high_or_a_dashed_one(match) and \
            re.search(r"[\w-]+(?=\s+$)", text[max(0, start - 20) : start]) and \
            re.findall(r"[\w-]+", text[max(0, start - 20) : start].lower())[-1] in _words("age cue"):
        return True  # "Pada usia 31, dia …", "usia 41-45 sebanyak …": a bare number right after its cue is an age
    if unit in durations() and unit != "tahun":
        # "bayi berusia 3 bulan", "usia 14 hari-24 tahun": an age in days, weeks or months, right after its cue
        words = re.findall(r"[\w-]+", text[max(0, start - 20) : start].lower())[-2:]
        return any(word in _words("age cue") for word in words)
    if unit != "tahun":
        return False
    single = not match.group("high")
    if single and re.search(r"[A-Z][\w'’-]*,\s*$", text[max(0, start - 40) : start]) and \
            re.match(r"\s*tahun\s*,", text[end:]):
        return True  # a name's apposition
    if single and not match.group("approx") and re.fullmatch(r"\d{1,3}", match.group("low")) and \
            NAME_INSIDE_A_SENTENCE.search(text, max(0, start - 40), start) and \
            re.match(r"\s*tahun\s*[,.;)]", text[end:]):
        return True  # "Shiloh 13 tahun, Knox 11 tahun.", "saya berumur 14 tahun dan Pak Harto 29 tahun"
    clause = re.split(r"[.,;:!?\d]", text[max(0, start - 40) : start])[-1]
    words = [word.lower() for word in re.findall(r"[\w-]+", clause)]
    if single and words and (words[-1] in _words("age noun") or " ".join(words[-2:]) in _words("age noun")):
        return True  # "aktris 30 tahun", "penjaga gawang 35 tahun"
    if single and _reaches_an_age(words, text[end:]):
        return True
    # "berusia 19 tahun", "usianya baru 17 tahun", "Di usianya yang terbilang muda (20 tahun …)", "usia 30-31 tahun"
    return any(word.removeprefix("di") in _words("age cue") or word in _words("age cue") for word in words[-5:])


def _no_high_or_a_dashed_one(match: re.Match[str]) -> bool:
    """A single number, or a range of two numbers of at most three digits joined by a dash ("41-45"), as a
    table of ages by group writes them."""
    high = match.group("high")
    return not high or (re.fullmatch(r"\d{1,3}", high) is not None
                        and DASHED.fullmatch(match.group("joiner") or "") is not None)


COUNT_IN_BRACKETS = re.compile(r"[A-Z][\w'’-]*\s*\((?P<count>\d{1,3})\s+(?P<unit>[a-z]+)\)")


def _a_column_of_counts(text: str, start: int, number: str) -> bool:
    """"1. Al Ahly (1 poin), 2. Porto (1)", "M. Salah (3 gol), R. Firmino (2)": brackets after names that count
    something other than years, in the same line, make a bare one beside them no larger a count of that kind,
    not an age; "Barcelona (3 poin)" leaves "Messi (34)" an age (a dump that joins paragraphs with commas writes
    a whole article as one line)."""
    return any(_units().get(found.group("unit"), found.group("unit")) not in durations() and
               int(found.group("count")) >= int(number)
               for found in COUNT_IN_BRACKETS.finditer(paragraph_at(text, start, start)))


# the end of a clause right after "N tahun": the age reached is the clause's last word
CLAUSE_END_AFTER_YEARS = re.compile(r"\s*tahun\s*(?:[.,;!?\"”)]|$)")


def _reaches_an_age(words: list[str], after: str) -> bool:
    """"Saya bulan depan sudah 83 tahun.", "Pria itu genap 70 tahun.": a person in a clause of at most three
    words before a verb of reaching, and nothing after the years; a thing's years ("undang-undang ini
    sudah 16 tahun") and a duration before a verb ("sudah 5 tahun bekerja") are not ages."""
    if len(words) < 2 or len(words) > 4 or words[-1] not in _words("age verb") or \
            not CLAUSE_END_AFTER_YEARS.match(after):
        return False
    return any(word in _words("person pronoun") or word in _words("age noun") for word in words[:-1])


def _unit_before(doc: Doc, position: int, sentences: int = 1) -> str | None:
    """The unit of the last figure before `position` in the same sentence, or with `sentences` of 2 in the
    sentence before it too."""
    sentence_start, limit = position, position
    for _ in range(sentences):
        sentence_start = _sentence_start(doc.text, limit)
        limit = max(0, sentence_start - 1)
    earlier = [q for q in doc.layer("quantities") if sentence_start <= q.start < position and q.attrs.get("unit")]
    return earlier[-1].attrs["unit"] if earlier else None


# the high end of a range glued to the unit of its low end by a dash: "5 persen-10 persen", "2% -7%"
GLUED_HIGH = re.compile(r"\s?[-–](?P<high>\d+(?:[.,]\d+)*)(?:\s+(?P<unit>[A-Za-z]+)|(?P<sign>%))")


def _glued_high_end(text: str, position: int, low: float, unit: str, english: bool) -> tuple[float, int] | None:
    """The number after the dash must rise and take the same unit: "5 persen-10 persen", not "5 persen-2 hari"."""
    glued = GLUED_HIGH.match(text, position)
    word = (glued["unit"] or "persen").lower() if glued else ""
    if glued is None or _units().get(word, word) != unit:
        return None
    high = parse_value(glued["high"], english)
    return (high, glued.end()) if high is not None and high > low else None


def _opens_a_range(figure: Span, joiner: str, unit: str | None) -> bool:
    """A single figure joined by "hingga/sampai/-" to a figure of the same unit is the low end of a range
    written with the unit twice ("Rp 1,5 triliun hingga Rp 2 triliun", "sekitar 5 persen-10 persen"), when
    nothing caps it ("hampir", "hingga")."""
    low, high = figure.attrs.get("min"), figure.attrs.get("max")
    return unit is not None and figure.attrs.get("unit") == unit and low is not None and high in (low, None) \
        and _meaning(figure.attrs.get("approximator")) in LOW_END_MEANINGS \
        and RANGE_JOINER.fullmatch(joiner) is not None


# what an approximator may say of the low end of a range it opens: nothing, "about" or "more than"
LOW_END_MEANINGS = ("exact", "about", "over", "atleast")


def _meaning(approximator: str | None) -> str:
    return _table("approximator").get(approximator or "", ("exact",))[0]


def _about_one_figure(approximator: str | None) -> bool:
    """An approximator that says nothing of a range's ends ("berkisar Rp150 ribu - Rp200 ribu" is exact)."""
    return (approximator or "").lower() in _words("about one figure")


def find_quantities(doc: Doc) -> Doc:
    text = doc.text
    english = doc.article.language == "en"
    for match in _figure_matches(text, english):
        taken = doc.layer("quantities")[-1:]
        if taken and match.start() < taken[0].end:
            continue  # inside the figure before ("tiga unit handphone" read on from "tiga")
        if match.group("vague"):
            low_text, high_bound = _table("vague")[match.group("vague").lower()]
            scale = float(_table("scale")[match.group("vscale").lower()][0]) if match.group("vscale") else 1.0
            low: float | None = float(low_text) * scale  # "ratusan juta": 200,000,000 to 999,999,999
            high: float | None = (float(high_bound) + 1) * scale - 1
            vague: str | None = match.group("vague").lower()
            fraction: tuple[int, str | None, int] | None = None
        else:
            english_points = english or _a_gap_among_decimal_gaps(text, match.start()) or \
                _rupiah_in_english_groups(match) or _part_of_a_larger_unit(text, match)
            low = parse_value(match.group("low"), english_points)
            fraction = _fraction_after(text, match)
            if fraction is not None and fraction[1] is None:
                continue  # "mayoritas dua pertiga": a share of a whole
            if _is_not_a_quantity(text, match.start("low"), match, low, _unit_after(text, match)[0]):
                continue
            if not english and GENERATION.fullmatch(match.group("low")) and not match.group("prefix") and \
                    _unit_after(text, match)[0] is None:
                continue  # "revolusi industri 4.0", "society 5.0": a generation's name
            if (match.group("minus") or match.group("signed")) and low is not None:
                low = -low  # "tumbuh -1,8 persen", "minus 2 persen"
            high = parse_value(match.group("high"), english_points) if match.group("high") else low
            if match.group("high") and low is not None:
                low = _scaled_like_the_high_end(low, match.group("low"), match.group("high"), english_points)
            vague = None
            if high is None or (low is not None and high < low):
                high = low
            if fraction is not None and low is not None and high is not None:
                low, high = low / fraction[0], high / fraction[0]  # "tiga perempat jam": 0.75
        unit_word, unit_end = _unit_after(text, match) if fraction is None else fraction[1:]
        unit = _units().get(unit_word, unit_word) if unit_word else None
        if match.group("prefix") and not match.group("sign") and not _a_name_before_a_count(match, unit):
            unit_word, unit_end = match.group("prefix"), match.end("high" if match.group("high") else "low")
            unit = _currency(unit_word)
        if unit == GENERIC_PEOPLE and _without_possessive((unit_word or "").lower()) in _words("generic people"):
            unit = _counted_earlier(text, match.start()) or unit
        if (unit is None or (unit_word in _words("classifier") and unit_word not in _units())) and \
                (named := _named_before(text, match, further=unit is None)) is not None:
            unit_end = unit_end if unit else (match.end("ish") if match.group("ish") else _number_end(match))
            unit = unit_word = named
        if unit is None and not vague and (cue := _exact_cue_at(text, match)) is not None and \
                (total := _totalled_before(text, cue)) is not None:
            unit, unit_word, unit_end = total, total, _number_end(match)  # "jumlah pelamar … mencapai 1.446.460"
            # (not a threshold: "jumlah titik panas dengan frekuensi > 1")
        if unit is None and not vague and not match.group("approx") and \
                (score := SCORE_BEFORE.search(text, max(0, match.start() - 8), match.start())) is not None:
            unit = unit_word = score.group("noun").lower()  # "dengan nilai 20 dari 18 laga": points
            unit_end = _number_end(match)
        if unit is None and (same := OF_THE_SAME.match(text, _number_end(match))):
            # "sepuluh orang tewas dan sekitar 200 lainnya luka-luka"; "… mencapai 42 orang. 30 di antaranya selamat"
            unit = unit_word = _unit_before(doc, match.start(), sentences=2)
            unit_end = same.end()
        if unit is None and _counts_back(text, match):
            unit = unit_word = _unit_before(doc, match.start())  # "ada tiga tembakan … dan dua melenceng"
            if unit is None:
                continue
            unit_end = _number_end(match)
        if not vague and unit in _words_of_units("side") and (sides := TIMES.fullmatch(match.group("low"))):
            _add_sides(doc, match, sides, unit, unit_word, unit_end)  # "ruangan 4x7 meter"
            continue
        age = not vague and _age(text, match, unit)
        if age and unit not in durations():
            # a bare age ("usia 31 sebanyak 100 pelanggar") ends with its number, before the next figure's words
            unit_end = unit_end if unit else (match.end("ish") if match.group("ish") else _number_end(match))
            unit, unit_word = "tahun", unit_word or "tahun"
            unit_end = max(unit_end, match.end("low") + (text[match.end("low") : match.end("low") + 1] == ")"))
        end = unit_end if unit else _number_end(match)  # "kerugian saya puluhan juta": the scale word too
        if unit in durations() and AGO.match(text, end):
            continue  # "dua tahun lalu" is a point in time (the times layer), not a length of time
        approximator = (match.group("approx") or "").lower() or None
        if _meaning(approximator) == "exact" and match.group("happrox"):
            approximator = match.group("happrox").lower()  # "mencapai 400 hingga hampir 600"
        meaning = _meaning(approximator)
        if approximator in _words("peak word") and _peak_named_before(text, match.start()):
            approximator, meaning = None, "exact"  # "tenaga maksimal 785 daya kuda": the peak, not a bound
        elif meaning == "exact" and (bound_word := _bound_before_its_noun(text, match.start())) is not None:
            approximator, meaning = bound_word, _meaning(bound_word)
        elif meaning == "exact" and (limit := LIMIT_BEFORE.search(text, max(0, match.start() - 60), match.start())):
            approximator = " ".join(limit.group("limit").lower().split())  # "batas atas untuk PLN sebesar USD70"
            meaning = _table("limit phrase")[approximator][0]
        elif meaning == "exact" and (dimension := BOUND_BEFORE_DIMENSION.search(
                text, max(0, match.start() - 40), match.start())) is not None:
            approximator = dimension.group("bound").lower()  # "hingga kedalaman 2 meter", "mulai umur 15 tahun"
            meaning = _meaning(approximator)
        elif approximator and meaning == "exact" and (stacked := _stacked_approximator(text, match.start())):
            approximator, meaning = stacked, _meaning(stacked)  # "setidaknya sebanyak dua kali"
        elif not approximator and (reaching := _approximator_over_a_word(text, match.start())) is not None:
            approximator, meaning = reaching, _meaning(reaching)  # "sedikitnya menewaskan 10 orang"
        rounded = bool(match.group("ish")) or (not vague and _rounded(match.group("low")))
        if meaning == "exact" and rounded:
            approximator, meaning = "-an", "about"  # "1.000-an orang", "Rp 441 jutaan"
        bound = BOUND_AFTER.match(text, end)
        if meaning == "exact" and bound:
            approximator, meaning = bound.group(0).strip(), "atleast" if bound.group("way") == "atas" else "upto"
            end = bound.end()  # "usia 60 tahun ke atas", "anak 12 tahun ke bawah"
        more = MORE_AFTER.match(text, end) or OR_MORE.match(text, end) or \
            _more_before_its_noun(text, match, unit_end if unit else None)
        if more and (meaning == "exact" or approximator in _words("reaching")):
            approximator, meaning = "lebih", "over"  # "Rp 3 miliar lebih", "3.000 lebih warga", "sampai 1.000 lebih"
            end = max(end, more.end("more"))
        if unit and low is not None and low == high and (glued := _glued_high_end(text, end, low, unit, english)):
            high, end = glued  # "sekitar 5 persen-10 persen"
        if meaning == "exact" and not approximator and (bound_word := _bound_of_the_list(doc, match.start(), unit)):
            approximator, meaning = bound_word, _meaning(bound_word)  # "maksimal Rp8,5 juta bagi …, dan Rp10 juta"
        elif meaning == "exact" and not approximator and \
                (bound_word := _bound_of_the_alternative(doc, match.start(), unit)):
            approximator, meaning = bound_word, _meaning(bound_word)  # "sampai 8 tahun atau 160.000 kilometer"
        minimum: float | None = low
        maximum: float | None = high
        # a range written with a dash is one amount the bound holds for ("Minimal 11-12 jam" a floor at 11), while
        # one written with a word keeps both its ends ("lebih dari Rp 1 miliar hingga Rp 2 miliar")
        bounds_whole = low == high or bool(vague) or (DASHED.fullmatch(match.group("joiner") or "") is not None
                                                      and approximator not in _words("range start"))
        if meaning in ("upto", "below") and bounds_whole:
            minimum = None  # "hingga puluhan ribu kilometer": a cap on a vague amount keeps its top only
        elif meaning in ("over", "atleast") and bounds_whole:
            maximum = None
        elif meaning == "about" and MORE_AFTER.match(text, end) and low == high:
            maximum = None  # "sekitar 100 triliun lebih": about, and more
        earlier = doc.layer("quantities")[-1:]
        joiner = text[earlier[0].end : match.start()] + (approximator or "") if earlier else ""
        if earlier and meaning in ("exact", "upto") and _opens_a_range(earlier[0], joiner, unit):
            earlier[0].end, earlier[0].attrs["max"] = end, maximum  # "1,5 persen hingga 2 persen"
            if _about_one_figure(earlier[0].attrs.get("approximator")):
                earlier[0].attrs["approximate"] = earlier[0].attrs.get("vague") is not None  # "berkisar 1 hingga 2"
            earlier[0].attrs["approximate"] |= rounded  # "mulai Rp 136 jutaan sampai Rp 156 jutaan"
            continue
        attrs = {
            "min": minimum,
            "max": maximum,
            # "mulai Rp 3 jutaan"; "berkisar 81-100 persen" spans its range exactly
            "approximate": (meaning in ("about", "under") and not (low != high and _about_one_figure(approximator)))
            or vague is not None or rounded,
            "vague": vague,
            "unit": unit,
            "unit_word": unit_word if unit else None,
            "approximator": approximator,
            "kind": "age" if age else ("duration" if unit in durations() else "amount"),
        }
        if _lists_two(match) and low is not None and high is not None:
            # "berusia 40 dan 50 tahun": read together, so that the cue and the unit hold for both, but two figures
            for figure_start, figure_end, value in ((match.start(), match.end("low"), low),
                                                    (match.start("high"), end, high)):
                doc.add("quantities", Span(figure_start, figure_end, "quantity", {
                    **attrs, "min": None if meaning in ("upto", "below") else value,
                    "max": None if meaning in ("over", "atleast") else value}))
            continue
        doc.add("quantities", Span(match.start(), end, "quantity", attrs))
    _share_units_of_a_whole(doc)
    _share_units_of_a_breakdown(doc)
    _share_units_of_the_same_scale(doc)
    _share_units_of_a_figure_said_again(doc)
    _share_units_of_a_restatement(doc)
    _share_units_of_a_change(doc)
    _share_units_of_a_size(doc)
    return doc


@cache
def _denominator() -> re.Pattern[str]:
    return re.compile(rf"\s+({alternation(sorted(_table('denominator')))})(?:nya)?\b", re.IGNORECASE)


def _fraction_after(text: str, match: re.Match[str]) -> tuple[int, str | None, int] | None:
    """"tiga perempat jam": a number before a denominator word is a fraction; its denominator, and the measure or
    length of time after it with its end, or no unit where it is a share of a whole ("mayoritas dua pertiga")."""
    if (denominator := _denominator().match(text, _number_end(match))) is None:
        return None
    parts = int(_table("denominator")[denominator.group(1).lower()][0])
    measured = WORD_AFTER.match(text, denominator.end())
    word = measured.group(1).lower() if measured else ""
    if measured is None or _units().get(word) not in durations() | measures():
        return parts, None, denominator.end()
    return parts, word, measured.end()


def _rupiah_in_english_groups(match: re.Match[str]) -> bool:
    """"Rp14,087 per USD" beside "Rp14.101": rupiah are never written to three decimals, so a comma before three
    digits groups thousands the English way."""
    prefix = (match.group("prefix") or "").lower()
    return _prefixes().get(prefix) == "rupiah" and re.fullmatch(r"\d{1,3},\d{3}", match.group("low") or "") is not None


@cache
def _after_a_larger_unit() -> re.Pattern[str]:
    """A count of any larger unit ending the text before a figure ("1 menit "): the figure can only be part of it
    when this holds."""
    larger = alternation(sorted({row[0] for row in _table("part of a larger unit").values()}))
    return re.compile(rf"\d\s+(?:{larger})\s+$", re.IGNORECASE)


def _part_of_a_larger_unit(text: str, match: re.Match[str]) -> bool:
    """"1 menit 32.775 detik": a count of seconds after a count of minutes (of minutes after hours) is less than one
    of the larger unit, so where the thousands reading would make it more, its point is a decimal point."""
    before = text[max(0, match.start() - 30) : match.start()]
    if not _after_a_larger_unit().search(before):
        return False  # reading the unit after every figure cost more than this test of the words before it
    unit = _units().get(_unit_after(text, match)[0] or "")
    larger = _table("part of a larger unit").get(unit or "")
    if larger is None or not re.search(rf"\d\s+{re.escape(larger[0])}\s+$", before, re.IGNORECASE):
        return False
    value = parse_value(match.group("low"), english=False)
    return value is not None and value >= float(larger[1])


# a gap to the leader in a timing table written with a decimal point: "+0.337", "+0.094"
DECIMAL_GAP = re.compile(r"\+0\.\d")


def _a_gap_among_decimal_gaps(text: str, position: int) -> bool:
    """"+1.028 / +0.094": a gap in a row of a timing table (or a line of one) that writes other gaps with a
    leading zero and a point ("+0.094") writes its point as a decimal point too, not as thousands."""
    if text[position - 1 : position] != "+":
        return False
    row_start, row_end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    return DECIMAL_GAP.search(text, row_start, row_end if row_end >= 0 else len(text)) is not None


def _add_sides(doc: Doc, match: re.Match[str], sides: re.Match[str], unit: str, unit_word: str | None,
               unit_end: int) -> None:
    """"4x7 meter" gives two sides of a size, each in the unit written after the second, as "165.62 x 77.01 mm"
    gives two figures; in units other than lengths and areas it is a product ("1x24 jam", "2x50 MW")."""
    for side in (1, 2):
        start = match.start("low") + sides.start(side)
        end = unit_end if side == 2 else match.start("low") + sides.end(side)
        value = float(sides.group(side))
        doc.add("quantities", Span(start, end, "quantity", {
            "min": value, "max": value, "approximate": False, "vague": None, "unit": unit, "unit_word": unit_word,
            "approximator": None, "kind": "amount"}))


def _stacked_approximator(text: str, position: int) -> str | None:
    """"setidaknya sebanyak dua kali", "hampir mencapai 500": an approximator before "sebanyak"/"mencapai" says
    what the figure is; not a word of the "up to" kind ("hingga", "sampai", "maksimal"), for "hingga mencapai 404"
    tells how far a level rose, not a cap."""
    before = STACKED.search(text, max(0, position - 30), position)
    if before is None or _meaning(before.group(1).lower()) in ("exact", "upto"):
        return None
    return before.group(1).lower()


def _approximator_over_a_word(text: str, position: int) -> str | None:
    """"sedikitnya menindak 389 pelanggar", "kurang lebih selama 8 hari": an approximator written before one verb
    (or "selama") still says what the figure is (kabar/data/id/nlp/numbers.txt, [over one verb])."""
    before = OVER_A_WORD.search(text, max(0, position - 50), position)
    if before is None:
        return None
    word = before.group("word").lower()
    return before.group("approx").lower() if VERB_LIKE.match(word) or word in _words("reached over") else None


def _bound_before_its_noun(text: str, position: int) -> str | None:
    """"maksimal penghasilan Rp8,5 juta", "berat maksimal paket lima kilogram": a cap or a floor written before
    the one or two nouns the figure measures bounds it as if it stood right before it; not a peak ("tenaga
    maksimal mesin")."""
    before = BOUND_BEFORE_NOUN.search(text, max(0, position - 60), position)
    # "paling tinggi penawarannya yakni 6,4 persen": past a copula too
    if before is None or not all(_is_counted_noun(word) or word.lower() in _table("copula")
                                 for word in before.group("nouns").split()):
        return None
    if _peak_named_before(text, before.start()) or \
            any(word in _words("peak noun") for word in before.group("nouns").split()):
        return None
    return before.group("bound").lower()


# what may stand between the figures of a list: "Rp8,5 juta bagi single, dan Rp10 juta"
LIST_TAIL = re.compile(r"(?:\s+[a-z]+){0,3}\s*,?\s+(?:dan|serta|sedangkan|sementara)\s+")


def _bound_of_the_list(doc: Doc, position: int, unit: str | None) -> str | None:
    """A cap or floor stated for the first figure of a list holds for the next in the same unit ("maksimal
    penghasilan Rp8,5 juta bagi single, dan Rp10 juta untuk yang sudah menikah"); "hingga" and "mulai" are left
    out, for they open ranges and steps."""
    earlier = doc.layer("quantities")[-1:]
    if not earlier or unit is None or earlier[0].attrs.get("unit") != unit:
        return None
    bound = earlier[0].attrs.get("approximator")
    if bound not in _words("bound for a list"):
        return None
    return bound if LIST_TAIL.fullmatch(doc.text, earlier[0].end, position) else None


ALTERNATIVE = re.compile(r"\s+atau\s+", re.IGNORECASE)


def _bound_of_the_alternative(doc: Doc, position: int, unit: str | None) -> str | None:
    """"garansi sampai 8 tahun atau 160.000 kilometer": a cap or floor on a length of time holds for the use
    written as its alternative right after it (whichever comes first), and the other way round; a figure in a unit
    of the same kind after "atau" restates it ("hingga 121 PS atau 119 Tk") and is exact as written."""
    earlier = doc.layer("quantities")[-1:]
    if not earlier or unit is None or earlier[0].attrs.get("unit") is None or \
            (unit in durations()) == (earlier[0].attrs["unit"] in durations()):
        return None
    bound = earlier[0].attrs.get("approximator")
    if bound is None or _meaning(bound) not in ("upto", "below", "atleast", "over"):
        return None
    return bound if ALTERNATIVE.fullmatch(doc.text, earlier[0].end, position) else None


def _peak_named_before(text: str, position: int) -> bool:
    """A measure at its peak named right before `position` ("tenaga maksimal"): what follows is its peak, not a
    bound."""
    return PEAK.search(text, max(0, position - 30), position) is not None


def _more_before_its_noun(text: str, match: re.Match[str], unit_end: int | None) -> re.Match[str] | None:
    """"3.000 lebih warga": "lebih" between a figure and the noun it counts; after an amount whose unit came
    before it ("Rp4,08 triliun lebih mahal") "lebih" compares, and the amount stays exact."""
    more = MORE_BEFORE_UNIT.match(text, match.end("high" if match.group("high") else "low"))
    return more if more is not None and unit_end is not None and unit_end > more.end("more") else None


def _share_units_of_a_figure_said_again(doc: Doc) -> None:
    """"… sebanyak 32.000 kendaraan …", then "per hari ini ada 32.000": a figure of a hundred or more written
    again without its unit counts what it counted the first time, also when it was a floor then ("lebih dari
    200.000 mitra", then "Sudah 200.000 ya")."""
    text, figures = doc.text, doc.layer("quantities")
    for index, figure in enumerate(figures):
        value = figure.attrs["min"]
        if figure.attrs["unit"] is not None or value is None or value < 100 or figure.attrs["max"] != value:
            continue
        in_a_column = _zero_decimals(text[figure.start : figure.end])
        first = next((other for other in figures[:index] if other.attrs["unit"] and other.attrs["kind"] == "amount"
                      and other.attrs["min"] == value and other.attrs["max"] in (value, None)
                      and (not in_a_column or _zero_decimals(text[other.start : other.end]))), None)
        if first is not None:
            _count_as(figure, first)


def _zero_decimals(figure_text: str) -> bool:
    """"381.00": a whole number written with zero decimals, as a table's column is, where prose wrote "381 poin";
    such a column is of bare values, not the prose's figures said again."""
    return re.search(r"\d[.,]0{1,2}(?!\d)", figure_text) is not None


def _share_units_of_a_restatement(doc: Doc) -> None:
    """"dua ribu (SAR2.000)": a figure restated in brackets right after it, with the same value, names its
    unit; with another value in money, it converts the figure, which is then in the other currency the sentence
    named before it ("150.000 pounds (Rp2,6 miliar) per pekan, artinya … potongan gaji 250.000 (Rp4,3 miliar)")."""
    text, figures = doc.text, doc.layer("quantities")
    for index, (figure, restated) in enumerate(zip(figures, figures[1:], strict=False)):
        if figure.attrs["unit"] is None and restated.attrs["unit"] and \
                re.fullmatch(r"\s*\(\s*", text[figure.end : restated.start]):
            if (figure.attrs["min"], figure.attrs["max"]) == (restated.attrs["min"], restated.attrs["max"]):
                _count_as(figure, restated)
            elif (currency := _other_currency_before(text, figures[:index], restated)) is not None:
                _count_as(figure, currency)


def _other_currency_before(text: str, earlier: list[Span], converted: Span) -> Span | None:
    """Of the figures `earlier` than a conversion into money, the last in its sentence that is money in another
    currency."""
    money = frozenset(_prefixes().values())
    if not earlier or converted.attrs["unit"] not in money:
        return None
    sentence_start = _sentence_start(text, converted.start)
    return next((figure for figure in reversed(earlier) if figure.start >= sentence_start and
                 figure.attrs["unit"] in money and figure.attrs["unit"] != converted.attrs["unit"]), None)


# what stands between the two ends of a change: "dari 923, menjadi 1.643 unit", "dari 12 ke 15 persen"
CHANGE_TO = re.compile(r"\s*,?\s*(?:menjadi|jadi|ke)\s+", re.IGNORECASE)
CHANGE_FROM = re.compile(r"\bdari\s+$", re.IGNORECASE)


def _share_units_of_a_change(doc: Doc) -> None:
    """"retail sales dari 923, menjadi 1.643 unit", "dari 16 tim menjadi 24": the end of a change with no unit of
    its own is in the unit of where it starts, and the start in the unit of where it ends."""
    text, figures = doc.text, doc.layer("quantities")
    for start, end in zip(figures, figures[1:], strict=False):
        if (start.attrs["unit"] is None) == (end.attrs["unit"] is None) or \
                not CHANGE_FROM.search(text, max(0, start.start - 10), start.start) or \
                not CHANGE_TO.fullmatch(text, start.end, end.start):
            continue
        if start.attrs["unit"] is None:
            _count_as(start, end)
        else:
            _count_as(end, start)


SIZE_JOINER = re.compile(r"\s*[x×]\s*", re.IGNORECASE)


def _share_units_of_a_size(doc: Doc) -> None:
    """"resolusi 1080 x 2400 Pixels", "165.62 x 77.01 x 8.25 mm": the sides of a size name their unit once, after
    the last (a product of small numbers, "2 x 45 menit", is read as one figure before this)."""
    text, figures = doc.text, doc.layer("quantities")
    for side, last in reversed(list(zip(figures, figures[1:], strict=False))):
        if side.attrs["unit"] is None and last.attrs["unit"] and SIZE_JOINER.fullmatch(text, side.end, last.start):
            _count_as(side, last)


def _share_units_of_the_same_scale(doc: Doc) -> None:
    """"hampir 80 juta euro …, yang terdiri dari 63,5 juta sebagai biaya pokok": an amount in millions with
    no unit of its own is in the unit of the nearest amount in millions in its sentence, or else of the last
    one in the two sentences before ("Sporting menginginkan 70 juta ditambah 10 juta"). With none such, an amount
    in millions or more that no word follows is in the currency of the nearest amount of money in millions or more
    there ("mulai Rp500 juta hingga Rp1 miliar per anggota. … Engga mungkin puluhan juta, kalau ratusan juta"; in
    "menerima 1,2 juta Euro dan USD180 ribu" the word after it is what it counts)."""
    text, figures = doc.text, doc.layer("quantities")
    for figure in figures:
        scale = _scale_in(text[figure.start : figure.end])
        if figure.attrs["unit"] is not None or scale is None:
            continue
        amounts = [other for other in figures if other.attrs["unit"] and other.attrs["kind"] == "amount"]
        chosen = _nearest_in_its_sentences(text, figure, [other for other in amounts
                                                          if _scale_in(text[other.start : other.end]) == scale])
        if chosen is None and _millions_or_more(scale) and not WORD_NEXT.match(text, figure.end):
            chosen = _nearest_in_its_sentences(text, figure, [
                other for other in amounts if other.attrs["unit"] in _words("money")
                and _millions_or_more(_scale_in(text[other.start : other.end]))])
        if chosen is not None:
            _count_as(figure, chosen)


WORD_NEXT = re.compile(r"\s*[A-Za-z]")


def _nearest_in_its_sentences(text: str, figure: Span, candidates: list[Span]) -> Span | None:
    """The candidate nearest `figure` in its sentence, or else the last in the two sentences before it."""
    sentence = _sentence_around(text, figure.start)
    near = [other for other in candidates if sentence[0] <= other.start < sentence[1]]
    window_start = _sentence_around(text, _sentence_around(text, sentence[0] - 2)[0] - 2)[0]
    before = [other for other in candidates if window_start <= other.start < figure.start]
    return min(near, key=lambda other: abs(other.start - figure.start)) if near else (before[-1] if before else None)


def _millions_or_more(scale: str | None) -> bool:
    """"juta", "miliar", "triliun": the scales amounts of money are written in ("20 ribu" is as often a head
    count)."""
    return scale is not None and float(_table("scale")[scale][0]) >= 1e6


def _scale_in(figure_text: str) -> str | None:
    words = _glued_scale().sub(r"\1 \2", figure_text.lower()).split()
    return next((_scale_word(word) for word in reversed(words) if _scale_word(word) in _table("scale")), None)


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    position = max(0, position)
    start = _sentence_start(text, position)
    following = next(_stops(text, position, position + MAX_SENTENCE), None)
    return start, following.start() + 1 if following else min(len(text), position + MAX_SENTENCE)


# "54 gelar major terdiri atas 20 Grand Slam, 6 Final ATP, …", "54 gelar dengan rincian 16 Grand Slam, …"
BREAKDOWN = re.compile(r"(?:\s+[a-z]+){0,2}?,?\s+(?:terdiri\s+(?:atas|dari)|dengan\s+rincian|rinciannya)\b",
                       re.IGNORECASE)


# a figure and what it counts, then its breakdown: "54 gelar major terdiri atas"
WHOLE_BROKEN_DOWN = re.compile(rf"\d(?:[\d.,]*\d)?\s+[a-z]+{BREAKDOWN.pattern}", re.IGNORECASE)


def _after_a_breakdown(text: str, start: int) -> bool:
    """A number after "terdiri atas" a figure before it in the sentence is a part of that figure, even when a
    name follows it ("20 Grand Slam"); one right after a name is still part of the name ("ATP Masters 1000")."""
    sentence_start = _sentence_start(text, start)
    return WHOLE_BROKEN_DOWN.search(text, sentence_start, start) is not None and \
        re.search(r"[A-Z][\w-]*\s+$", text[sentence_start:start]) is None


def _share_units_of_a_breakdown(doc: Doc) -> None:
    """Parts named by a name of their kind after a whole broken down ("54 gelar … terdiri atas 20 Grand Slam,
    6 Final ATP, dan 28 ATP Masters") count what the whole counts; parts with a noun of their own ("270 daerah
    … rinciannya 9 provinsi") keep it."""
    text, figures = doc.text, doc.layer("quantities")
    for index, whole in enumerate(figures):
        if not whole.attrs["unit"] or whole.attrs["kind"] != "amount" or not BREAKDOWN.match(text, whole.end):
            continue
        sentence_end = _sentence_end(text, whole.end)
        for part in figures[index + 1 :]:
            if part.start >= sentence_end:
                break
            words = text[part.start : part.end].split()
            if part.attrs["unit"] is None or (len(words) > 1 and words[1][:1].isupper()):
                _count_as(part, whole)


PART_OF = re.compile(r"\s+dari\s+(?:total\s+)?", re.IGNORECASE)
# "Dari 554 saham yang diperdagangkan, 205 tertekan, 172 stabil, dan 177 menguat": the whole opens the clause
WHOLE_FIRST = re.compile(r"(?:^|[.,;:!?]\s*|\n\s*)dari\s+$", re.IGNORECASE)
CLAUSE_START = re.compile(r"(?:[,;]\s*(?:dan|sedangkan|sementara|serta)?|\s+dan)\s*$", re.IGNORECASE)


def _share_units_of_a_whole(doc: Doc) -> None:
    """A part counts what its whole counts: "2.098.685 dari 7.781.073 jiwa", "tiga dari lima korban", and after
    a whole that opens the sentence ("Dari 11 sektor …, lima ditutup"), each figure that opens a clause with no
    known unit of its own."""
    text, figures = doc.text, doc.layer("quantities")
    for part, whole in zip(figures, figures[1:], strict=False):
        if part.attrs["unit"] is None and whole.attrs["unit"] and whole.attrs["kind"] == "amount" and \
                PART_OF.fullmatch(text, part.end, whole.start) and _not_above(part, whole):
            _count_as(part, whole)
    for index, whole in enumerate(figures):
        if not whole.attrs["unit"] or not WHOLE_FIRST.search(text, max(0, whole.start - 12), whole.start):
            continue
        sentence_end = _sentence_end(text, whole.end)
        for part in figures[index + 1 :]:
            if part.start >= sentence_end:
                break
            if part.attrs["unit"] not in _units() and not part.attrs["approximator"] and \
                    CLAUSE_START.search(text, max(0, part.start - 12), part.start):
                _count_as(part, whole)


def _not_above(part: Span, whole: Span) -> bool:
    """A part is no larger than its whole: "nilai 15 dari 12 laga" is 15 points in 12 matches, not 15 matches."""
    low, high = part.attrs["min"], whole.attrs["max"]
    return low is None or high is None or low <= high


def _count_as(part: Span, whole: Span) -> None:
    part.attrs["unit"], part.attrs["unit_word"] = whole.attrs["unit"], whole.attrs["unit_word"]
