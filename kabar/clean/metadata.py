"""Who published an article, who wrote it, when, and whose report it rests on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from urllib.parse import SplitResult, urlsplit

from kabar.clean.classify import BYLINE_SEPARATOR, DATELINE, Decision, byline_name, words
from kabar.clean.dates import NAMED_DMY, NUMERIC_DMY, PrintedDate, month_number, parse_printed_date
from kabar.lexicon import alternation, sections, table
from kabar.model import DateEstimate, Paragraph

PLATFORM = re.compile(r"^(?P<outlet>[A-Z]\w*(?:\s+[A-Z]\w*){0,2})\s+adalah\s+platform\s+blog")
UGC = re.compile(r"konten\s+ini\s+(adalah\s+)?(kiriman|tulisan|dibuat)|platform\s+blog|tanggung\s+jawab\s+blog",
                 re.IGNORECASE)
CREDIT = re.compile(r"^(penulis|reporter|pewarta|oleh|rep|writer|by)\s*:?\s*(?P<name>[^|,/]{3,60})", re.IGNORECASE)
SOURCE_LINE = re.compile(r"^sumber\s*:\s*(?P<source>.+)$", re.IGNORECASE)
WIRE_PHRASE = re.compile(
    r"\b(?i:dilansir\s+(?:dari\s+)?|melansir\s+|mengutip\s+|dikutip\s+dari\s+|seperti\s+(?:yang\s+)?dilaporkan\s+|"
    r"kepada\s+|according\s+to\s+|reported\s+by\s+)(?P<source>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
)
WIRE_PARENS = re.compile(r"\((?P<source>ANTARA|Antara|AFP|Reuters|AP|Xinhua|Bernama)\)")
MONTH_YEAR = re.compile(r"\b(?:(?:awal|akhir|pertengahan)\s+)?(?P<mon>[A-Za-z]{3,9})\s+(?P<y>(?:19|20)\d{2})\b")
AGENCY_KEYS = {"afp", "reuters", "ap", "antara", "antaranews", "xinhua", "bernama", "kcna", "yonhap", "cnn", "ntv",
               "channelnewsasia", "cna", "bbc", "politico"}


WWW = re.compile(r"^www\.")
DOMAIN_END = re.compile(r"\.(com|co\.id|co|id|net|org|tv)$")


def outlet_name(token: str) -> str:
    """The display name for an outlet token ("JATIMTIMES", "suara.com", "www.kompas.com")."""
    key = DOMAIN_END.sub("", WWW.sub("", token.lower().strip(" .")))
    return table("clean/outlets.tsv").get(key.replace(" ", ""), token.strip())


def _squash(text: str) -> str:
    """"Warta Nusantara" and "WARTANUSANTARA.ID" both become "wartanusantara"."""
    return DOMAIN_END.sub("", text.strip().lower()).replace(".", "").replace(" ", "")


@dataclass(frozen=True)
class Dateline:
    """The opening "CITY, OUTLET - " of a report: display names and where each part sits in the paragraph."""

    outlet: str | None
    city: str | None
    outlet_span: tuple[int, int] | None
    city_span: tuple[int, int] | None


def lead_paragraph(text: str, paragraphs: list[Paragraph]) -> tuple[int, str]:
    """The article's first body paragraph and where it starts in the text: a report's dateline opens it, not the
    kicker heading above it."""
    lead = next((paragraph for paragraph in paragraphs if paragraph.kind == "body"), None)
    return (lead.start, text[lead.start : lead.end]) if lead else (0, text.split("\n\n", 1)[0])


def read_dateline(paragraph: str, head_lines: list[str]) -> Dateline | None:
    """("JAKARTA, KOMPAS.com - ...") → outlet "Kompas.com", city "Jakarta". An all-capitals token is an outlet
    only when it is a known one, a domain, or spelled out in the page head ("WARTANUSANTARA.ID" beside a
    "Warta Nusantara" line); otherwise it is the dateline city ("SEOUL - ...")."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    split = _city_before_outlet(match)
    if split:
        return split
    token, city = "outlet", "city"
    first, second = match.group("city"), match.group("outlet")
    if first and _looks_like_outlet(first) and not _looks_like_outlet(second):
        token, city = city, token  # "TEMPO.CO, Jakarta - ..." puts the outlet first
    squashed = _squash(match.group(token))
    spelled = next((line.strip() for line in head_lines if _squash(line) == squashed), None)
    known = _squash(match.group(token)) in table("clean/outlets.tsv")
    outlet_token: str | None = token
    if not (spelled or known or "." in match.group(token)):
        outlet_token, city = None, city if match.group(city) else token
    city_span = match.span(city) if match.group(city) else None
    city_name = paragraph[slice(*city_span)].strip().title() if city_span else None
    if outlet_token is None:
        return Dateline(None, city_name, None, city_span)
    outlet = spelled if spelled and not known else outlet_name(match.group(outlet_token))
    return Dateline(outlet, city_name, match.span(outlet_token), city_span)


def _city_before_outlet(match: re.Match[str]) -> Dateline | None:
    """"BANDUNG KOMPAS.com - ..." (no comma): capitals, then the outlet as the last word."""
    if match.group("city") or " " not in match.group("outlet").strip():
        return None
    head, _, last = match.group("outlet").strip().rpartition(" ")
    if not head.isupper() or not _looks_like_outlet(last):
        return None
    start = match.start("outlet")
    return Dateline(outlet_name(last), head.title(), (start + len(head) + 1, start + len(head) + 1 + len(last)),
                    (start, start + len(head)))


def _looks_like_outlet(token: str) -> bool:
    return "." in token.strip(".") or _squash(token) in table("clean/outlets.tsv")


OWNER_WORD = r"[A-Z]\w*(?:\.[a-z]{2,})?"
COPYRIGHT_OWNER = re.compile(
    r"(?i:©|hak\s+cipta|copyright)\s*(?:©\s*)?(?:\d{4}\s+)?"
    r"(?P<owner>" + OWNER_WORD + r"(?:\s+" + OWNER_WORD + r"){0,3})"
)


def outlet_from_copyright(lines: list[str]) -> str | None:
    """"© 2024 The Jakarta Ledger. All rights reserved." names the publisher."""
    for line in lines:
        match = COPYRIGHT_OWNER.search(line)
        if match:
            return outlet_name(match.group("owner").rstrip("."))
    return None


def _split_url(url: str | None) -> SplitResult | None:
    """The URL's parts, or None for no URL or one too malformed to read ("http://[bad/…" in a dump): the
    article stays, only what its URL would have told is missing."""
    try:
        return urlsplit(url) if url else None
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    parts = _split_url(url)
    if parts is None:
        return None
    host = WWW.sub("", parts.hostname or "")
    if host in table("clean/short-links.tsv"):
        return table("clean/short-links.tsv")[host]
    labels = host.split(".")[:-1]  # the top-level domain names no outlet
    while labels and labels[-1] in ("co", "or", "ac", "go", "com", "net", "org"):
        labels.pop()
    return outlet_name(labels[-1]) if labels else None


def author_from(decisions: list[Decision], outlet: str | None) -> str | None:
    for decision in decisions:
        match = CREDIT.match(decision.block.text.strip()) if decision.label in ("credit", "byline") else None
        if match:
            return byline_name(match.group("name"))
    for decision in decisions:
        if decision.label == "byline":
            parts = [p for p in byline_name(decision.block.text).split() if not _is_outlet_token(p, outlet)]
            if parts:
                return " ".join(parts)
    return None


BYLINE_DASH = re.compile(r"\s[-–—|]\s")


def outlet_from_byline(decisions: list[Decision]) -> str | None:
    """"Angling Adhitya - detikJateng": a known outlet after the byline's dash."""
    for decision in decisions:
        if decision.label == "byline" and BYLINE_DASH.search(decision.block.text):
            token = BYLINE_SEPARATOR.split(decision.block.text)[-1]
            if _squash(token) in table("clean/outlets.tsv"):
                return outlet_name(token)
    return None


def outlet_from_page_title(meta: dict[str, str]) -> str | None:
    """"Judul berita - Okezone": the short last part of the page's <title> names the site."""
    page_title = meta.get("html_title", "")
    for separator in (" | ", " - ", " – ", " — "):
        head, found, tail = page_title.rpartition(separator)
        if found and len(words(tail)) <= 4 and len(words(head)) >= 3:
            return outlet_name(tail.strip())
    return None


def _is_outlet_token(token: str, outlet: str | None) -> bool:
    if "." in token.strip("."):
        return True
    return outlet is not None and token.lower().strip(".") == outlet.lower().strip(".")


def printed_dates(decisions: list[Decision]) -> tuple[PrintedDate | None, PrintedDate | None]:
    """(published, updated) from the date lines of the page head."""
    published = updated = None
    for decision in decisions:
        if decision.label != "date":
            continue
        printed = parse_printed_date(decision.block.text)
        if printed is None:
            continue
        if printed.is_update:
            updated = updated or printed
        else:
            published = published or printed
    return published, updated


def wire_sources(text: str, removed_lines: list[str]) -> list[str]:
    """Agencies or outlets the article says its report comes from."""
    found: list[str] = []
    for line in removed_lines:
        match = SOURCE_LINE.match(line.strip())
        if match:
            found.append(outlet_name(match.group("source").strip().rstrip(".")))
    for match in WIRE_PARENS.finditer(text):
        found.append(outlet_name(match.group("source")))
    for match in WIRE_PHRASE.finditer(text):
        first = match.group("source").split()[0].rstrip(".,")
        if first.lower().split(".")[0] in AGENCY_KEYS:
            found.append(outlet_name(first))
    return list(dict.fromkeys(found))


def is_user_generated(lines: list[str]) -> bool:
    joined = "\x00".join(lines)  # one search; no pattern spans the NUL between lines
    lowered = joined.lower()
    if "konten" not in lowered and "blog" not in lowered:  # every cue holds one: most pages are cleared here
        return False
    return UGC.search(joined) is not None


def platform_outlet(lines: list[str]) -> str | None:
    for line in lines:
        match = PLATFORM.search(line)
        if match:
            return outlet_name(match.group("outlet"))
    return None


@cache
def _future_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words before a date, words after it) that make it a coming date or a deadline."""
    cues = sections("id/future-cues.txt")
    before = re.compile(r"\b(?:" + alternation(list(cues["before"])) + r")\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
    after = re.compile(r"^\W*(?:\w+\W+)?(?:" + alternation(list(cues["after"])) + r")\b", re.IGNORECASE)
    return before, after


@cache
def _weekday_before() -> re.Pattern[str]:
    names = [name for name in table("id/days.tsv") if len(name) > 3]
    return re.compile(r"\b(?:" + alternation(names) + r")\s*[,(]\s*$", re.IGNORECASE)


def _is_coming(text: str, start: int, end: int) -> bool:
    before, after = _future_cues()
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(before.search(text[max(sentence_start, start - 40) : start]) or after.match(text[end : end + 30]))


URL_DAY = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<mon>\d{1,2}|[A-Za-z]{3,9})/(?P<d>\d{1,2})(?=/|$)")


def estimate_from_url(url: str | None) -> DateEstimate | None:
    """Many outlets file a story under the day it went up ("/read/2025/06/02/…", "/2019/sep/10/…"): where no
    date is printed, that path names the publication day more surely than any date the text mentions."""
    parts = _split_url(url)
    found = URL_DAY.search(parts.path) if parts else None
    if found is None:
        return None
    mon = found.group("mon")
    try:
        day = date(int(found.group("y")), int(mon) if mon.isdigit() else month_number(mon) or 0, int(found.group("d")))
    except ValueError:
        return None
    return DateEstimate(earliest=day.isoformat(), latest=day.isoformat(),
                        basis=f"no date is printed; the URL files it under {day.isoformat()} (“{found.group(0)}”)")


def estimate_publication(text: str) -> DateEstimate | None:
    """An undated report is published on the day of the latest event it dates, or the day after. Dates it
    names as coming or as deadlines ("berlaku mulai 1 Juli 2025") never push the estimate forward; with
    only months named, the first day of the latest past month is the earliest it can be."""
    days: list[tuple[bool, date, str]] = []
    months: list[tuple[date, str]] = []
    coming = 0
    for pattern in (NAMED_DMY, NUMERIC_DMY):
        for match in pattern.finditer(text):
            month = month_number(match.group("mon")) if "mon" in match.groupdict() else int(match.group("m"))
            try:
                day = date(int(match.group("y")), month or 0, int(match.group("d")))
            except ValueError:
                continue
            if _is_coming(text, match.start(), match.end()):
                coming += 1
            else:
                days.append((bool(_weekday_before().search(text, max(0, match.start() - 12), match.start())),
                             day, match.group(0)))
    for match in MONTH_YEAR.finditer(text):
        month = month_number(match.group("mon"))
        if month and not _is_coming(text, match.start(), match.end()):
            months.append((date(int(match.group("y")), month, 1), match.group(0)))
    left_out = f"; {coming} later date(s) named as coming or as deadlines are left out" if coming else ""
    if days:
        _, latest, expression = max(days)  # a day written with its weekday, "Senin (2/6/2025)", dates the event
        return DateEstimate(
            earliest=latest.isoformat(),
            latest=(latest + timedelta(days=1)).isoformat(),
            basis=f"no date is printed; the latest day the text dates an event is {latest.isoformat()} "
            f"(“{expression}”), and reports appear that day or the next{left_out}",
        )
    if not months:
        return None
    latest, expression = max(months)
    return DateEstimate(
        earliest=latest.isoformat(),
        latest=None,
        basis=f"no date is printed; the latest month the text names is {latest:%Y-%m} "
        f"(“{expression}”), so it was published on or after {latest.isoformat()}{left_out}",
    )


def title_from_meta(meta: dict[str, str], outlet: str | None) -> str | None:
    """Declared titles first; then the page's h1 when the <title> agrees with it, else the <title>."""
    for key in ("og:title", "ld:headline", "twitter:title"):
        if meta.get(key):
            return strip_site_suffix(meta[key], outlet)
    h1, page_title = meta.get("h1"), meta.get("html_title")
    if h1 and (not page_title or h1.lower() in page_title.lower()):
        return h1
    return strip_site_suffix(page_title, outlet) if page_title else None


def strip_site_suffix(title: str, outlet: str | None) -> str:
    """"Judul berita - Kompas.com" → "Judul berita"; only a short last part is taken for a site name."""
    for separator in (" | ", " - ", " – ", " — "):
        if separator in title:
            head, _, tail = title.rpartition(separator)
            if len(words(tail)) <= 4 and len(words(head)) >= 3:
                return head.strip()
    return title.strip()


def meta_datetime(meta: dict[str, str], keys: tuple[str, ...]) -> datetime | None:
    for key in keys:
        value = meta.get(key)
        printed = parse_printed_date(value) if value else None
        if printed:
            return printed.value
    return None
