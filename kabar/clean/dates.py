"""Publication dates as Indonesian pages print them, with their time zone.

Handles "Sabtu, 19 Oktober 2024 | 17:00 WIB", "12 - Nov - 2024, 04:00", "Senin (21/10/2024)",
"Diperbarui: 30 Oktober 2024 12:09", English "October 19, 2024 5:00 PM" and ISO strings. A time
printed without a zone is read as WIB, the zone of most Indonesian newsrooms, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from kabar.lexicon import table

UPDATE_CUE = re.compile(r"\b(diperbarui|update[d]?|diperbaharui|pembaruan|last modified)\b", re.IGNORECASE)
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
NAMED_DMY = re.compile(r"\b(?P<d>\d{1,2})\s*[-/ ]\s*" + _MONTH + r"\s*[-/ ,]\s*(?P<y>\d{4})\b")
NAMED_MDY = re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b")
NUMERIC_DMY = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
TIME = re.compile(
    r"(?<![\d/])(?P<h>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)(?::[0-5]\d)?(?!\d)\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"\s*(?P<tz>WITA|WIB|WIT|UTC|GMT)?(?:\s*(?P<sign>[+-])\s*(?P<off>\d{1,2}))?"
)
PLAUSIBLE_YEARS = (1900, 2100)
"""Exclusive bounds: a news date outside them is a typo or a placeholder (0001-01-01, 9999-12-31)."""


@dataclass
class PrintedDate:
    value: datetime
    is_update: bool
    has_time: bool
    zone_assumed: bool


def month_number(name: str) -> int | None:
    value = table("id/months.tsv").get(name.lower())
    return int(value) if value else None


def zone(name: str | None, sign: str | None = None, hours: str | None = None) -> timezone | None:
    if name is None:
        return None
    offset = int(table("id/timezones.tsv")[name.lower()])
    if sign and hours:
        offset += int(hours) * (1 if sign == "+" else -1)
    return timezone(timedelta(hours=offset))


WIB = timezone(timedelta(hours=7))


def _calendar_date(line: str) -> tuple[int, int, int, int] | None:
    """(year, month, day, end offset of the match) for the first date in the line."""
    for pattern in (NAMED_DMY, NAMED_MDY, NUMERIC_DMY):
        for match in pattern.finditer(line):
            month = month_number(match.group("mon")) if "mon" in match.groupdict() else int(match.group("m"))
            year, day = int(match.group("y")), int(match.group("d"))
            if month and 1 <= day <= 31 and PLAUSIBLE_YEARS[0] < year < PLAUSIBLE_YEARS[1]:
                try:
                    datetime(year, month, day)
                except ValueError:
                    continue
                return year, month, day, match.end()
    return None


def parse_printed_date(line: str) -> PrintedDate | None:
    """The date (and time, and zone) printed in a byline or date line, if there is one."""
    is_update = bool(UPDATE_CUE.search(line))
    iso = ISO.search(line)
    if iso:
        try:
            value = datetime.fromisoformat(iso.group(0).replace("Z", "+00:00"))
        except ValueError:  # a day the calendar lacks (2024-02-30) or an hour past 23
            return None
        if not PLAUSIBLE_YEARS[0] < value.year < PLAUSIBLE_YEARS[1]:
            return None
        return PrintedDate(value, is_update, "T" in iso.group(0) or " " in iso.group(0), False)
    found = _calendar_date(line)
    if not found:
        return None
    year, month, day, end = found
    clock = TIME.search(line, end) or TIME.search(line)
    if not clock:
        return PrintedDate(datetime(year, month, day), is_update, False, False)
    hour = int(clock.group("h"))
    if clock.group("ampm"):
        hour = hour % 12 + (12 if clock.group("ampm").lower().startswith("p") else 0)
    tz = zone(clock.group("tz"), clock.group("sign"), clock.group("off"))
    value = datetime(year, month, day, hour, int(clock.group("min")), tzinfo=tz or WIB)
    return PrintedDate(value, is_update, True, tz is None)
