"""Time expressions, normalised against the article's own date.

"pada hari Jumat" is the last Friday on or before publication; "Juni lalu" the last June; a date
without a year ("(12/11)", "20 Januari") is the last such date before publication, unless it comes
within three months after it ("1 Oktober" in mid-September), or takes the year of the date it is
coordinated with ("April dan Oktober 2024"); "8 hingga 13 Oktober" and "30 November
hingga 3 Desember 2014" are day ranges, "Februari–Maret 2025" a month range; "pekan lalu" a week,
"akhir pekan lalu" its Saturday and Sunday, "sepekan terakhir" the seven days up to publication;
"bulan depan" and "dua tahun lalu" count months and years from it, "tiga hari yang lalu" and "dua pekan
silam" days and weeks; "tahun 1950 hingga 1953" and "antara 2010 dan 2015" year ranges; a year alone
needs a cue ("Pada 2004", "lahir 1907"), and one inside a rule's number ("UU Nomor 30 Tahun 2002") is
not a time. "pukul 15.50 WIB" is a clock time (kind "clock", an ISO time with the zone's offset; without a
zone, the offset of the place the report comes from, where the entity stage knows it); one
that closely follows or precedes a date ("Kamis (12/9) sekitar pukul 20.30", "pukul 18.05 WIB, Rabu (11/9/2019)")
carries that date as its day, unless the day recurs ("setiap Minggu", "Senin-Jumat"). Each
span keeps the words it came from and its precision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from kabar.lexicon import alternation, sections, table
from kabar.model import Doc, Span
from kabar.nlp.entities import gazetteer_ids
from kabar.nlp.folding import FoldedPattern, case_folded
from kabar.nlp.quotes import cues as credit_cues
from kabar.textnorm import visible_end_before

# what may stand before a day name and belong to its span: "pada hari Senin", "hari Sabtu", "on Monday"
DAY_NAME_LEAD = r"(?:(?:pada\s+)?hari\s+|on\s+|pada\s+)?"


@cache
def _months() -> dict[str, int]:
    return {name: int(number) for name, number in table("id/months.tsv").items()}


@cache
def _days() -> dict[str, int]:
    return {name: int(number) for name, number in table("id/days.tsv").items()}


@cache
def _words(section: str) -> tuple[str, ...]:
    return sections("id/time_words.txt")[section]


@cache
def _either(section: str) -> str:
    """The words of one section of time_words.txt as one regex alternation."""
    return alternation(list(_words(section)))


def _range_joiner() -> str:
    """What joins the two ends of a range of dates or of day names ("30 November hingga 3 Desember", "Senin-Jumat")."""
    return rf"\s*(?:{_either('range joiner')})\s*"


@cache
def _relative_days() -> dict[str, int]:
    return {word.lower(): int(shift) for word, shift in (line.split("\t") for line in _words("relative day"))}


@cache
def _part_of_day_hours() -> dict[str, tuple[int, int]]:
    """The first and last hour of each part of the day ("siang" 11 to 15)."""
    rows = (line.split("\t") for line in _words("hours of part of day"))
    return {word.lower(): (int(first), int(last)) for word, first, last in rows}


def _hour_in_part(hour: int, part: str | None) -> int:
    """A 12-hour reading inside the part of the day after it: "jam 2 siang" is 14:00, "jam 11 siang" 11:00,
    "jam 12 siang" noon and "jam 12 malam" midnight (the night runs to hour 24, 00:00); an hour the part does
    not cover in any reading is kept as written."""
    if not part:
        return hour
    first, last = _part_of_day_hours()[part.lower()]
    return next((h % 24 for h in (hour, hour + 12, hour + 24) if first <= h <= last and h <= 24), hour)


@cache
def _patterns() -> list[tuple[str, FoldedPattern, tuple[str, ...]]]:
    """(kind, pattern, cues): every match contains one of the cues (lower-case), so a text without any of them
    is not scanned; no cues, always scanned. Each is searched in the folded text (see kabar.nlp.folding)."""
    return [(kind, FoldedPattern(pattern), cues) for kind, pattern, cues in _expressions()]


def _expressions() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    month = rf"(?P<mon>{alternation(list(_months()))})\.?"
    first_month = rf"(?P<mon1>{alternation(list(_months()))})\.?"
    day_name = rf"(?P<dayname>{alternation(list(_days()))})"
    joiner = _range_joiner()
    part_of_day = rf"(?:\s+(?:{_either('part of day')}))?"
    year = r"(?P<y>(?:19|20)\d{2})"
    months, days = tuple(_months()), tuple(_days())
    weeks = ("pekan", "minggu", "week")
    return [
        ("clock", re.compile(
            rf"\b(?:pukul|jam|pk\.?)\s+(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))?(?!\d|[.,:]\d)"
            rf"(?:\s*(?P<zone>{alternation(list(table('id/timezones.tsv')))})\b)?"
            rf"(?:\s+(?P<part>{alternation(list(_part_of_day_hours()))})\b)?", re.IGNORECASE),
         ("pukul", "jam", "pk")),
        ("day_range", re.compile(
            rf"\b(?:tanggal\s+)?(?P<d1>\d{{1,2}})(?:\s+{first_month}(?:\s+(?P<y1>(?:19|20)\d{{2}}))?)?{joiner}"
            rf"(?:tanggal\s+)?(?P<d2>\d{{1,2}})\s+{month}(?:\s+{year})?\b", re.IGNORECASE), months),
        ("month_range", re.compile(rf"\b{first_month}{joiner}{month}\s+{year}\b", re.IGNORECASE), months),
        ("year_range", re.compile(
            r"\b(?:(?P<between>antara)\s+)?(?:tahun\s+)?(?P<y1>(?:19|20)\d{2})\s*(?:-|–|hingga|sampai|to|(?(between)dan|(?!)))"
            r"\s*(?P<y2>(?:19|20)\d{2})\b",
            re.IGNORECASE), ()),
        ("named_date", re.compile(
            rf"\b(?:{day_name}{part_of_day},?\s*)?(?P<d>\d{{1,2}})\s+{month}(?:\s+(?P<y>(?:19|20)\d{{2}}))?\b",
            re.IGNORECASE), months),
        ("english_date", re.compile(rf"\b{month}\s+(?P<d>\d{{1,2}})(?:,\s*(?P<y>(?:19|20)\d{{2}}))?\b"), months),
        ("numeric_date", re.compile(
            rf"(?:\b{day_name},?\s*)?\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}))?\)", re.IGNORECASE),
         ("/",)),
        ("slash_date", re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"), ("/",)),
        ("weekend", re.compile(
            r"\bakhir\s+(?:pekan|minggu)\s+(?P<rel>lalu|ini|depan)\b|\b(?P<en>last|this|next)\s+weekend\b",
            re.IGNORECASE), weeks),
        ("past_week", re.compile(r"\b(?:se|satu\s+)(?:pekan|minggu)\s+terakhir\b|\b(?:the\s+)?past\s+week\b",
                                 re.IGNORECASE), ("terakhir", "week")),
        ("days_ago", re.compile(
            rf"\b(?:(?P<n>\d{{1,2}}|{alternation(list(COUNTS))})\s+|se)(?P<unit>hari|pekan|minggu)\s+"
            r"(?P<rel>(?:yang\s+)?lalu|silam|depan)\b", re.IGNORECASE), ("lalu", "silam", "depan")),
        ("week", re.compile(r"\b(?P<which>pekan|minggu)\s+(?P<rel>lalu|ini|depan)\b|\b(?P<en>last|this|next)\s+week\b",
                            re.IGNORECASE), weeks),
        ("day_name", re.compile(
            rf"\b{DAY_NAME_LEAD}{day_name}(?:\s+(?P<rel>lalu|kemarin|ini|last|{_either('day ahead')}))?\b",
            re.IGNORECASE), days),
        ("month_relative", re.compile(
            rf"\b(?:(?P<part>awal|akhir|pertengahan|early|late|mid)\s+)?(?:(?:pada\s+)?bulan\s+|(?:sejak|since)\s+)?"
            rf"{month}(?:\s+(?P<y>(?:19|20)\d{{2}})|\s+(?P<rel>lalu|tahun lalu|tahun ini|ini|last year))?\b",
            re.IGNORECASE), months),
        ("period", re.compile(
            rf"\b(?:(?:(?P<n>\d{{1,2}}|{alternation(list(COUNTS))})\s+)|se)?(?P<unit>bulan|tahun)\s+"
            rf"(?P<rel>ini|(?:yang\s+)?lalu|silam|depan)\b"
            r"|\b(?P<en>this|last|next)\s+(?P<enunit>month|year)\b", re.IGNORECASE),
         ("bulan", "tahun", "month", "year")),
        ("relative_day", re.compile(rf"\b(?P<word>{alternation(list(_relative_days()))})\b", re.IGNORECASE),
         tuple(_relative_days())),
        ("year", re.compile(
            rf"\b(?:{_either('year cue')})\s+(?:(?:tahun|musim|kompetisi)\s+)*{year}\b(?![.,]\d)",
            re.IGNORECASE), ()),
    ]


COUNTS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
          "sepuluh": 10}
RELATIVE_KINDS = ("day_name", "days_ago", "week", "weekend", "past_week", "period", "relative_day")
# "UU Nomor 30 Tahun 2002", "Perpres No. 12 tahun 2019": the year belongs to the rule's number
RULE_NUMBER = re.compile(r"(?:Nomor|No\.?|Nr\.?)\s*[\w./-]+\s+(?:[Tt]ahun\s+)?$")
SHIFT = {"lalu": -1, "silam": -1, "last": -1, "depan": 1, "next": 1, "ini": 0, "this": 0}


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


MONTHS_AHEAD = 3


def _year_for(month: int, reference: date | None, explicit: str | None, past: bool = False) -> int | None:
    """A month without a year is the last such month on or before the reference date, unless it comes
    within three months after it ("1 Oktober" in mid-September is the coming one) and nothing says it is
    past ("Oktober lalu")."""
    if explicit:
        return int(explicit)
    if reference is None:
        return None
    if month <= reference.month:
        return reference.year
    return reference.year if not past and month - reference.month <= MONTHS_AHEAD else reference.year - 1


def _resolve(kind: str, m: re.Match[str], reference: date | None, shared_year: str | None = None,
             local_offset: str = "") -> dict | None:
    # the words as the case-insensitive patterns compared them ("ſore" is "sore"), so that they are found in the tables
    groups = {name: case_folded(value) if value else value for name, value in m.groupdict().items()}
    if shared_year and not groups.get("y"):
        groups["y"] = shared_year
    if kind == "clock":
        zone = groups.get("zone")
        offset = _offset(int(table('id/timezones.tsv')[zone.lower()])) if zone else local_offset
        hour = _hour_in_part(int(groups["h"]), groups.get("part"))
        return {"start": f"{hour:02d}:{groups.get('mi') or '00'}{offset}", "end": None,
                "precision": "minute", "kind": "clock"}
    if kind in ("day_range", "month_range"):
        month = _months()[groups["mon"].lower()]
        first_month = _months()[groups["mon1"].lower()] if groups.get("mon1") else month
        year = _year_for(month, reference, groups.get("y"))
        if year is None:
            return None
        first_year = int(groups["y1"]) if groups.get("y1") else year - (first_month > month)
        if kind == "month_range":
            if (first_year, first_month) >= (year, month):
                return None
            return {"start": f"{first_year}-{first_month:02d}", "end": f"{year}-{month:02d}", "precision": "month"}
        first, last = _day(first_year, first_month, int(groups["d1"])), _day(year, month, int(groups["d2"]))
        if not first or not last or last <= first:
            return None
        return {"start": first.isoformat(), "end": last.isoformat(), "precision": "day"}
    if kind == "year_range":
        return {"start": groups["y1"], "end": groups["y2"], "precision": "year"}
    if kind in ("named_date", "english_date", "numeric_date", "slash_date"):
        month = int(groups["m"]) if groups.get("m") else _months()[groups["mon"].lower()]
        year = _year_for(month, reference, groups.get("y"))
        found = _day(year, month, int(groups["d"])) if year else None
        return {"start": found.isoformat(), "end": None, "precision": "day"} if found else None
    if kind == "day_name":
        if reference is None:
            return None
        weekday = _days()[groups["dayname"].lower()]
        if (groups.get("rel") or "").lower() in _words("day ahead"):
            ahead = (weekday - reference.weekday()) % 7 or 7
            return {"start": (reference + timedelta(days=ahead)).isoformat(), "end": None, "precision": "day"}
        back = (reference.weekday() - weekday) % 7
        return {"start": (reference - timedelta(days=back)).isoformat(), "end": None, "precision": "day"}
    if kind == "month_relative":
        month = _months()[groups["mon"].lower()]
        relation = (groups.get("rel") or "").lower()
        year = _year_for(month, reference, groups.get("y"), past=relation in ("lalu", "last", "tahun lalu"))
        if relation in ("tahun lalu", "last year", "tahun ini") and year and reference:
            year = reference.year - (relation != "tahun ini")
        if year is None:
            return None
        return {"start": f"{year}-{month:02d}", "end": None, "precision": "month"}
    if kind == "period":
        if reference is None or (groups.get("n") and (groups.get("rel") or "").lower() == "ini"):
            return None  # "24 tahun ini", "dua bulan ini": these many years, a length of time
        shift = _shift(groups)
        if (groups.get("unit") or groups.get("enunit") or "").lower() in ("tahun", "year"):
            return {"start": str(reference.year + shift), "end": None, "precision": "year"}
        months = reference.year * 12 + reference.month - 1 + shift
        return {"start": f"{months // 12}-{months % 12 + 1:02d}", "end": None, "precision": "month"}
    if kind == "days_ago":
        if reference is None:
            return None
        if groups["unit"].lower() == "hari":
            return {"start": (reference + timedelta(days=_shift(groups))).isoformat(), "end": None, "precision": "day"}
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=_shift(groups))
        return {"start": monday.isoformat(), "end": (monday + timedelta(days=6)).isoformat(), "precision": "week"}
    if kind == "past_week":
        if reference is None:
            return None
        return {"start": (reference - timedelta(days=6)).isoformat(), "end": reference.isoformat(), "precision": "week"}
    if kind in ("week", "weekend"):
        if reference is None:
            return None
        relation = (groups.get("rel") or groups.get("en") or "").lower()
        shift = {"lalu": -7, "last": -7, "depan": 7, "next": 7}.get(relation, 0)
        monday = reference - timedelta(days=reference.weekday()) + timedelta(days=shift)
        if kind == "weekend":
            return {"start": (monday + timedelta(days=5)).isoformat(), "end": (monday + timedelta(days=6)).isoformat(),
                    "precision": "day"}
        return {"start": monday.isoformat(), "end": (monday + timedelta(days=6)).isoformat(), "precision": "week"}
    if kind == "relative_day":
        if reference is None:
            return None
        shift = _relative_days()[groups["word"].lower()]
        return {"start": (reference + timedelta(days=shift)).isoformat(), "end": None, "precision": "day"}
    if kind == "year":
        return {"start": groups["y"], "end": None, "precision": "year"}
    return None


def _shift(groups: dict) -> int:
    """"dua tahun lalu" → -2, "sepekan lalu" → -1, "bulan depan" → 1."""
    count = groups.get("n") or "1"
    relation = (groups.get("rel") or groups.get("en") or "").lower().split()[-1]
    return SHIFT[relation] * int(COUNTS.get(count.lower(), count))


def _reference(doc: Doc) -> date | None:
    moment = doc.article.reference_date
    return moment.date() if moment else None


def _offset(hours: int) -> str:
    return f"{hours:+03d}:00"


@cache
def _zone_of_place() -> dict[str, int]:
    """Each Indonesian place of province-of.tsv with the UTC offset, in hours, of its province's time zone."""
    zones = table("id/entities/province-zones.tsv")
    return {place: int(zones[province]) for place, province in table("id/entities/province-of.tsv").items()
            if province in zones}


def _local_offset(doc: Doc) -> str:
    """The UTC offset of the place a report comes from, for its clock times printed without a zone ("pukul
    18.03"): its dateline city's, or else the one zone all the Indonesian places the entity stage found lie in.
    Where the places lie in several zones, or none is known, the clock keeps no offset: a guess of WIB would
    be wrong for news from Makassar or Jayapura."""
    datelined = gazetteer_ids(doc.article.dateline) if doc.article.dateline else set()
    named = {span.attrs["known"] for span in doc.layer("entities") if span.attrs.get("known")}
    for places in (datelined, named):
        zones = {_zone_of_place()[place] for place in places if place in _zone_of_place()}
        if zones:
            return _offset(zones.pop()) if len(zones) == 1 else ""
    return ""


MONTH_NAMES_ONLY = {"mei", "may", "mar", "jun", "jul", "sep", "des", "dec", "jan", "feb", "apr", "aug", "oct", "nov"}


def find_times(doc: Doc) -> Doc:
    """Longest expressions win; a shorter one inside an earlier, longer match is not repeated."""
    text = doc.text
    reference = _reference(doc)
    local_offset = _local_offset(doc)
    taken: list[tuple[int, int]] = []
    found: list[Span] = []
    folded = case_folded(text)
    for kind, pattern, cues in _patterns():
        if cues and not any(map(folded.__contains__, cues)):
            continue
        for match in pattern.finditer(text, folded):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if kind == "month_relative" and not _plausible_month(match):
                continue
            if not _plausible(kind, text, match, taken):
                continue
            resolved = _resolve(kind, match, reference, _coordinated_year(text, match), local_offset)
            if resolved is None:
                continue
            taken.append((start, end))
            resolved.update({"expression": match.group(0), "relative": kind in RELATIVE_KINDS or (
                kind == "month_relative" and not match.group("y"))})
            resolved.setdefault("kind", "date")
            found.append(Span(start, end, "time", resolved))
    _writers_relative_days(text, folded, found, reference)
    found.extend(_same_day_mentions(text, folded, found, taken))
    _mark_recurring_days(text, found)
    _coming_day_names(text, found, reference)
    _days_before_their_dates(text, found)
    found = _joined_day_ranges(text, found)
    _date_clocks(text, found)
    for span in sorted(found, key=lambda s: s.start):
        doc.add("times", span)
    return doc


SAME_DAY = FoldedPattern(re.compile(r"\b(?:(?:pada|di)\s+hari\s+yang\s+sama|on\s+the\s+same\s+day)\b", re.IGNORECASE))


def _same_day_mentions(text: str, folded: str, found: list[Span], taken: list[tuple[int, int]]) -> list[Span]:
    """"Di hari yang sama" is the day the article last named: the latest single day before it."""
    mentions = []
    for match in SAME_DAY.finditer(text, folded):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        days = [s for s in found if s.end <= match.start() and s.attrs["precision"] == "day" and not s.attrs["end"]]
        if days:
            antecedent = max(days, key=lambda s: s.start)
            mentions.append(Span(match.start(), match.end(), "time", {
                "start": antecedent.attrs["start"], "end": None, "precision": "day", "expression": match.group(0),
                "relative": True, "kind": "date", "refers_to": [antecedent.start, antecedent.end]}))
    return mentions


# the most characters a bracketed relative day word takes after its day: " (hari ini, red.)"
BRACKET_REACH = 24


@cache
def _bracketed_relative_day() -> FoldedPattern:
    """A relative day word in brackets, an editor's mark at most after it: "(kemarin)", "(hari ini, red)"."""
    return FoldedPattern(re.compile(
        rf"\s*\(\s*(?P<word>{alternation(list(_relative_days()))})\s*(?:,\s*red\.?\s*)?\)", re.IGNORECASE))


def _writers_relative_days(text: str, folded: str, found: list[Span], reference: date | None) -> None:
    """A relative day word in brackets right after a day ("Sore tadi (kemarin)", "Jadi besok (hari ini)", "Rabu
    (besok)") is the writer putting a speaker's or a first draft's day into the article's own time: it gives the
    day, counted from the article's date, and the span reaches over it."""
    if reference is None:
        return
    for day in _single_days(found):
        bracket = next(_bracketed_relative_day().finditer(text, folded, day.end, day.end + BRACKET_REACH), None)
        if bracket is None or bracket.start() != day.end:
            continue
        shift = _relative_days()[case_folded(bracket.group("word")).lower()]
        day.end = bracket.end()
        day.attrs.update({"start": (reference + timedelta(days=shift)).isoformat(), "relative": True,
                          "expression": text[day.start : day.end]})


# the most characters between a relative day word or a day name and the date that says which day it is
# ("kemarin malam (11/9/2019)", "Kamis tanggal 26 September")
RELATIVE_TO_DATE_GAP = 20


def _single_days(found: list[Span]) -> list[Span]:
    """The dates of one day each, no range and no weekly schedule, in the order they are written."""
    return sorted((s for s in found if s.attrs["kind"] == "date" and s.attrs["precision"] == "day"
                   and not s.attrs["end"] and not s.attrs.get("recurring")), key=lambda s: s.start)


def _days_before_their_dates(text: str, found: list[Span]) -> None:
    """A relative day word or a bare day name followed at once by a written date means that date. After a
    relative word ("sejak kemarin malam (11/9/2019)", "hari ini, Kamis (12/9/2019)") the writer counted from
    another day than the article's (a report filed the next morning), and the date says which; after a day name
    falling on the date's weekday ("Sabtu (14 September)", "pada hari Kamis tanggal 26 September") the writer
    named the day, then wrote which, past or coming. Only brackets, commas, parts of the day and a date lead
    ("tanggal") may stand between."""
    days = _single_days(found)
    for word, date_span in pairwise(days):
        if date_span.attrs["relative"] or date_span.start - word.end > RELATIVE_TO_DATE_GAP \
                or not _day_to_date_gap().fullmatch(text, word.end, date_span.start):
            continue
        named = _day_name_only().fullmatch(word.attrs["expression"])
        weekday = date.fromisoformat(date_span.attrs["start"]).weekday()
        if case_folded(word.attrs["expression"]) in _relative_days() \
                or (named and _days()[case_folded(named.group("name")).lower()] == weekday):
            word.attrs.update({"start": date_span.attrs["start"], "refers_to": [date_span.start, date_span.end]})


@cache
def _day_to_date_gap() -> re.Pattern[str]:
    return re.compile(rf"(?:[\s,(]|\b(?:{_either('part of day')}|{_either('date lead')})\b)*", re.IGNORECASE)


def _joined_day_ranges(text: str, found: list[Span]) -> list[Span]:
    """Two single days joined by a range word ("Kamis (5/9) hingga Minggu (8/9)", "besok hingga lusa 14
    September") are one range of days; an end that took its day from the date after it reaches over that date."""
    days = _single_days(found)
    merged: list[Span] = []
    dropped: set[int] = set()
    for first, last in pairwise(days):
        if id(first) in dropped or last.attrs["start"] <= first.attrs["start"] \
                or not _day_range_joiner().fullmatch(text, first.end, last.start) \
                or _day_name_only().fullmatch(first.attrs["expression"]):
            continue
        end = last.end
        named = next((d for d in days if last.attrs.get("refers_to") == [d.start, d.end] and d.start >= last.end), None)
        if named is not None:
            end = named.end
            dropped.add(id(named))
        dropped.update((id(first), id(last)))
        merged.append(Span(first.start, end, "time", {
            **first.attrs, "end": last.attrs["start"], "expression": text[first.start : end],
            "relative": first.attrs["relative"] or last.attrs["relative"]}))
    return [s for s in found if id(s) not in dropped] + merged


# the most characters between a date and its clock time ("Selasa (10/9/2019) siang hari, sekitar pukul 14.30")
CLOCK_GAP = 40


def _date_clocks(text: str, found: list[Span]) -> None:
    """A clock time next to a single day, with only commas, day-part words or a lead such as "sekitar" between,
    is the time on that day: right after it ("Selasa (10/9/2019) siang, pukul 14.30 WIB") or, failing that,
    right before it ("pukul 18.05 WIB, Rabu (11/9/2019)"). It carries the day and points at its words, as the
    gold keeps the two as spans of their own. A day that recurs ("setiap Minggu", "Senin-Jumat") is no one day."""
    days = _single_days(found)
    for clock in (s for s in found if s.attrs["kind"] == "clock"):
        day = next((d for d in days if _only_gap(text, d.end, clock.start)), None) \
            or next((d for d in days if _only_gap(text, clock.end, d.start)), None)
        if day is not None:
            clock.attrs.update({"day": day.attrs["start"], "refers_to": [day.start, day.end]})


def _only_gap(text: str, start: int, end: int) -> bool:
    """Between `start` and `end` stand, within a short distance, only what may part a date from its clock time."""
    return 0 <= end - start <= CLOCK_GAP and _gap_between_date_and_clock().fullmatch(text, start, end) is not None


@cache
def _gap_between_date_and_clock() -> re.Pattern[str]:
    """What may stand between a date and its clock time: commas, day-part words, leads, but no blank line:
    a clock time opening a paragraph is told in a sentence of its own, apart from the date closing the one before."""
    return re.compile(rf"(?:(?!\n\s*\n)[\s,]|\b(?:{_either('part of day')}|{_either('clock lead')})\b)*",
                      re.IGNORECASE)


# the most characters a recurrence word and "hari" may take before a day name ("tiap-tiap hari Sabtu")
RECURRENCE_REACH = 40
# the dates of a range of day names, in brackets after it: "Selasa-Rabu (9-10/9)" are two past days, not a schedule
DATES_OF_A_DAY_RANGE = re.compile(r"\s*\(\d{1,2}(?:/\d{1,2})?\s*[-–]\s*\d{1,2}/\d{1,2}")


def _mark_recurring_days(text: str, found: list[Span]) -> None:
    """A day name after a recurrence word ("setiap Minggu", "tiap hari Sabtu") or at either end of a range of
    day names ("Senin-Jumat", "Senin hingga Jumat") names a weekly schedule, not one past day: it is marked
    "recurring", and no clock time takes it as its day; so are the days listed after a recurring one ("setiap Senin
    dan Kamis"). A range whose dates follow in brackets is past days, and two names joined by a slash offer either
    day ("diumumkan Senin/Selasa"): no schedule."""
    named = sorted((s for s in found if s.attrs["kind"] == "date"
                    and _day_name_only().fullmatch(s.attrs["expression"])), key=lambda s: s.start)
    for first, second in pairwise(named):
        dated = DATES_OF_A_DAY_RANGE.match(text, second.end) is not None
        either = "/" in text[first.end : second.start]
        if _day_range_joiner().fullmatch(text, first.end, second.start) and not dated and not either:
            first.attrs["recurring"] = second.attrs["recurring"] = True
    for day in named:
        if _recurrence_before().search(text, max(0, day.start - RECURRENCE_REACH), day.start):
            day.attrs["recurring"] = True
    for earlier, day in pairwise(named):  # in order, so that the mark runs down the whole list
        if earlier.attrs.get("recurring") and _day_list_joiner().fullmatch(text, earlier.end, day.start):
            day.attrs["recurring"] = True


def _coming_day_names(text: str, found: list[Span], reference: date | None) -> None:
    """A bare day name after a coming cue in its own clause ("jenazahnya akan disemayamkan pada Minggu malam",
    "akan berlanjut hingga Jumat") is the coming such day, on or after the article's date: news tells a plan by
    the day it falls on. The cue counts only with no credit word between it and the day ('akan dibahas," kata
    dia, Kamis'), and a day name set off by a comma closes the clause as the day the words were said."""
    if reference is None:
        return
    clause_ends = [m.end() for m in CLAUSE_END.finditer(text)]  # found once: one scan per day name is quadratic
    for day in _single_days(found):
        named = _day_name_only().fullmatch(day.attrs["expression"])
        said_before = visible_end_before(text, day.start)
        if named is None or (said_before > 0 and text[said_before - 1] == ","):
            continue
        before = bisect_right(clause_ends, day.start) - 1
        clause_start = clause_ends[before] if before >= 0 else 0
        coming = list(_coming_cue().finditer(text, clause_start, day.start))
        if not coming or _credit_word().search(text, coming[-1].end(), day.start):
            continue
        weekday = _days()[case_folded(named.group("name")).lower()]
        ahead = (weekday - reference.weekday()) % 7
        day.attrs["start"] = (reference + timedelta(days=ahead)).isoformat()


# where a clause ends before a day name: a sentence's full stop (not a decimal point), a question or exclamation
# mark, a quotation mark, or a line break
CLAUSE_END = re.compile(r"[.!?](?!\d)|[\"“”\n]")


@cache
def _coming_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_either('coming cue')})\b", re.IGNORECASE)


@cache
def _credit_word() -> re.Pattern[str]:
    """A word that credits what was said to a source ("kata", "ujar", "mengatakan")."""
    return re.compile(rf"\b(?:{alternation([*credit_cues('after'), *credit_cues('before')])})\b", re.IGNORECASE)


@cache
def _day_name_only() -> re.Pattern[str]:
    """A day told by its name alone ("Minggu", "hari Sabtu"), without a date."""
    return re.compile(rf"{DAY_NAME_LEAD}(?P<name>{alternation(list(_days()))})", re.IGNORECASE)


@cache
def _recurrence_before() -> re.Pattern[str]:
    """A recurrence word just before a day name ("setiap", "tiap hari")."""
    return re.compile(rf"\b(?:{_either('recurrence')})\s+(?:hari\s+)?$", re.IGNORECASE)


@cache
def _day_list_joiner() -> re.Pattern[str]:
    """All that stands between two day names of one list ("Senin dan Kamis", "Senin, Rabu, serta Kamis")."""
    return re.compile(rf"\s*,?\s*(?:(?:{_either('list joiner')})\s+)?", re.IGNORECASE)


@cache
def _day_range_joiner() -> re.Pattern[str]:
    """All that stands between the two ends of a range ("-", " hingga ")."""
    return re.compile(_range_joiner(), re.IGNORECASE)


# "esok harinya", "besok harinya": the day after the day the story tells, not after the article's
NARRATIVE_DAY_AFTER = re.compile(r"\s+harinya\b", re.IGNORECASE)


@cache
def _name_before_day() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_either('name before day')})\s+$", re.IGNORECASE)


def _plausible(kind: str, text: str, match: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    """Lower-case "minggu" is a week, not Sunday, unless "hari" comes before it; a day name after "Pasar" or
    "Good" names a place or a feast; "kemarin" right after a date
    belongs to it ("Kamis, 12 September 2019 kemarin"); "esok harinya" is the day after the one told, not the
    article's; "beberapa bulan lalu" is no date; a year in a rule's number is none."""
    before = text[max(0, match.start() - 40) : match.start()]
    if kind == "day_name" and match.group("dayname").islower() and not re.search(r"\bhari\s+$", before):
        return False
    if kind == "day_name" and _name_before_day().search(before):
        return False  # "di Pasar Minggu", "Good Friday": a place or a feast named after a day
    if kind == "relative_day" and any(0 <= match.start() - end <= 2 for _, end in taken):
        return False
    if kind == "relative_day" and NARRATIVE_DAY_AFTER.match(text, match.end()):
        return False
    if kind == "period" and _vague_count_before().search(text[max(0, match.start() - 12) : match.start()]):
        return False
    return not (kind in ("year", "named_date", "month_relative") and RULE_NUMBER.search(before))


def _coordinated_year(text: str, match: re.Match[str]) -> str | None:
    """"April dan Oktober 2024": a month without a year shares the year of the date joined to it."""
    if match.groupdict().get("y") or not match.groupdict().get("mon"):
        return None
    joined = _joined_dated_month().match(text[match.end() : match.end() + 40])
    return joined.group(1) if joined else None


@cache
def _joined_dated_month() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,|dan|serta|atau|hingga|sampai)\s+(?:\d{{1,2}}\s+)?(?:{alternation(list(_months()))})"
                      r"\s+((?:19|20)\d{2})\b", re.IGNORECASE)


@cache
def _vague_count_before() -> re.Pattern[str]:
    """A figure or a vague count ("beberapa") just before "bulan lalu": a duration, not a date."""
    return re.compile(rf"(?:[\d,.]|\b(?:{_either('vague count')}))\s*$", re.IGNORECASE)


def _plausible_month(match: re.Match[str]) -> bool:
    """A bare month name is a time only with a cue ("Juni lalu", "bulan Juni", "sejak Agustus") or a
    capital letter; short names that are also words ("mei", "jan") need the cue."""
    word = match.group("mon")
    has_cue = match.group(0).lower() != word.lower()
    if word.lower() in MONTH_NAMES_ONLY and len(word) <= 3:
        return has_cue
    return has_cue or word[:1].isupper()
