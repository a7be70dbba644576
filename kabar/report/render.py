"""Turn an export document into report.html (self-contained) and brief.md.

Interface words follow the language of what they frame (`kabar.i18n`, shared with the web app): each story's section
that of its brief, the page that of the whole document's brief.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from kabar.i18n import translator
from kabar.model import precision_worth_showing

STATUS_ORDER = ("conflicting", "disputed", "evolving", "corroborated", "single-source")
"""Among groups with as many independent sources, what an editor checks first: figures that disagree."""

_environment = Environment(
    loader=PackageLoader("kabar.report", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
"""Characters that make Markdown (or the HTML it passes through) out of text: escaped with a backslash.
Round brackets and "!" make a link or an image only beside a "[" or "]", escaped themselves, and braces make
nothing: they stay as written, so "Selasa (10/9/2019)" reads as an editor typed it."""
BLOCK_START = re.compile(r"^(\s*\d*)((?<=\d)[.)](?=\s|$)|(?<!\d)[-+](?=\s|$)|(?<!\d)[-=](?=[-=]*\s*$))")
"""A list marker or numbered item (followed by a space), or a setext underline or rule, at the start of a line;
"1.500 tentara" and "-5 derajat" start no block and keep their characters as written."""


DATED = re.compile(r"\d{4}")
"""A `when` that names a year (and maybe a month and day), not a time of day."""


def markdown_text(value: object) -> object:
    """What comes from articles prints as text in brief.md: "<script>", "<img onerror=…>" and
    "[x](javascript:…)" stay visible characters, never markup; line breaks cannot start a new block."""
    if not isinstance(value, str):
        return value
    flat = " ".join(value.split())
    return BLOCK_START.sub(r"\1\\\2", MARKDOWN_SPECIAL.sub(r"\\\1", flat))


_markdown_environment = Environment(
    loader=PackageLoader("kabar.report", "templates"),
    autoescape=False,
    finalize=markdown_text,
    trim_blocks=True,
    lstrip_blocks=True,
)


def minute_of(stamp: str) -> str:
    """"2019-09-10T10:00:00+07:00" as an editor reads it, "2019-09-10 10:00": the day and the outlet's own clock
    time (its offset and seconds say nothing a reader of one outlet's list needs)."""
    return stamp[:16].replace("T", " ")


for _env in (_environment, _markdown_environment):
    _env.filters.update(minute=minute_of, precision_worth_showing=precision_worth_showing)


def evidence_anchor(span: dict[str, Any]) -> str:
    return f"ev-{span['article']}-{span['start']}-{span['end']}"


def _cited_spans(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every span the report links to, per article, so the article view can highlight it."""
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    groups = [
        [s for c in document["claims"] for s in c["evidence"]],
        [q["evidence"] for q in document["quotes"]],
        [s for t in document["timeline"] for s in t["evidence"]],
        [s for b in document["brief"]["sentences"] for s in b["citations"]],
    ]
    for group in groups:
        for span in group:
            spans[span["article"]].append(span)
    return spans


def highlight(text: str, spans: list[dict[str, Any]]) -> Markup:
    """The article text with each cited span wrapped in an anchored <mark>; overlapping spans merge into
    the first, so the markup stays well nested."""
    pieces: list[str] = []
    cursor = 0
    anchors_at: dict[int, list[str]] = defaultdict(list)
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if span["start"] < cursor:
            anchors_at[cursor].append(evidence_anchor(span))
            continue
        pieces.append(str(escape(text[cursor : span["start"]])))
        extra = "".join(f'<span id="{a}"></span>' for a in anchors_at.pop(cursor, []))
        pieces.append(
            f'{extra}<mark id="{evidence_anchor(span)}">{escape(text[span["start"] : span["end"]])}</mark>'
        )
        cursor = span["end"]
    pieces.append(str(escape(text[cursor:])))
    return Markup("".join(pieces).replace("\n\n", "</p><p>"))


def sources_graph(document: dict[str, Any], names: dict[str, str]) -> list[dict[str, Any]]:
    """Outlet → primary sources it relays, from the claims each article carries (the web story page shows it
    too); the source is None where the outlet credits no one, so each page names that in its own language."""
    outlet_of = {a["id"]: outlet_name(a) for a in document["articles"]}
    edges: dict[tuple[str, str], int] = defaultdict(int)
    for claim in document["claims"]:
        source = names.get(claim["attributed_to"] or "", "")
        for span in claim["evidence"][:1]:
            edges[(outlet_of[span["article"]], source)] += 1
    return [{"outlet": o, "source": s or None, "claims": n} for (o, s), n in sorted(edges.items())]


def outlet_name(article: dict[str, Any]) -> str:
    return article["outlet"] or article["source"].rsplit("/", 1)[-1]


def figure_tables(groups: list[dict[str, Any]], claims: dict[str, dict[str, Any]], articles: dict[str, Any],
                  names: dict[str, str]) -> list[dict[str, Any]]:
    """For each group that compares figures, one row per report: the outlet, its figure, whom it credits and
    when, side by side and in the order of their dates, so an editor sees at a glance where outlets differ
    and how a figure moved (report, brief and story page). One outlet repeating one figure with one credit on
    one day (an article and its updates) is one row, citing its first report: the table shows differences."""
    tables: list[dict[str, Any]] = []
    for group in groups:
        rows = [_figure_row(claims[c], articles, names, group) for c in group["claims"]
                if c in claims and claims[c]["kind"] == "quantity" and claims[c]["evidence"]]
        distinct: dict[tuple[Any, ...], dict[str, Any]] = {}
        for row in sorted(rows, key=_in_time):
            distinct.setdefault(_said(row), row)
        if distinct:
            tables.append({"group": group, "rows": list(distinct.values())})
    return tables


def _said(row: dict[str, Any]) -> tuple[Any, ...]:
    """What a figure row tells a reader, its citation aside."""
    return row["outlet"], row["value"], row["source"], row["date"], row["stance"]


def _in_time(row: dict[str, Any]) -> tuple[bool, str, str]:
    """Dated rows first, earliest first; the undated after them, by outlet."""
    return row["date"] is None, row["date"] or "", row["outlet"]


def _day_of(claim: dict[str, Any], article: dict[str, Any]) -> str | None:
    """The day, month or year a figure is dated to, else its article's day: a time of day alone ("18:05+07:00"
    of "pukul 18.05") dates nothing."""
    start = (claim.get("when") or {}).get("start") or ""
    return start.split("T")[0] if DATED.match(start) else (article["published"] or "")[:10] or None


def _figure_row(claim: dict[str, Any], articles: dict[str, Any], names: dict[str, str],
                group: dict[str, Any]) -> dict[str, Any]:
    evidence = claim["evidence"][0]
    article = articles[evidence["article"]]
    return {
        "claim": claim["id"],
        "outlet": outlet_name(article),
        "value": claim.get("figure") or claim["text"],
        "source": names.get(claim["attributed_to"] or "", claim["attributed_to"]),
        "date": _day_of(claim, article),
        "stance": claim["stance"],
        "status": group["status"],
        "evidence": evidence,
    }


def date_span(first: str | None, last: str | None) -> str:
    """The days a story covers, "2024-10-19 – 2024-10-20", or its one day; empty when nothing dates it."""
    first_day, last_day = (first or "")[:10], (last or "")[:10]
    return f"{first_day} – {last_day}" if first_day and last_day and first_day != last_day else first_day or last_day


def claim_views(groups: list[dict[str, Any]], claims: dict[str, dict[str, Any]], articles: dict[str, Any],
                names: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """A story's claim groups as the report, the brief and the story page show them: figure tables and other
    groups, most sources first, those compared across sources apart from the single-source ones (`lone_`)."""
    ranked = sorted(groups, key=lambda g: (-g.get("independent_sources", 0), STATUS_ORDER.index(g["status"]),
                                           g["topic"]))
    figures = figure_tables(ranked, claims, articles, names)
    tabled = {table["group"]["id"] for table in figures}
    others = [g for g in ranked if g["id"] not in tabled]
    return {
        "figures": [f for f in figures if _compared(f["group"])],
        "lone_figures": [f for f in figures if not _compared(f["group"])],
        "groups": [g for g in others if _compared(g)],
        "lone_groups": [g for g in others if not _compared(g)],
    }


def _compared(group: dict[str, Any]) -> bool:
    """Told by more than one source, so outlets can be set side by side; a story of eighty articles holds
    hundreds of single-source claims, which the report folds away beneath the compared ones."""
    return group["status"] != "single-source"


def _story_views(document: dict[str, Any], names: dict[str, str]) -> list[dict[str, Any]]:
    """Each story with its own figure tables and other claim groups (those compared across sources apart from
    the single-source ones), disputed claims, quotes and articles, in export order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in document["claim_groups"]:
        groups[group["story"]].append(group)
    disputed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in document["claims"]:
        if claim["stance"] in ("denied", "unconfirmed"):
            disputed[claim["story"]].append(claim)
    quotes: dict[str, dict[str | None, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for quote in document["quotes"]:
        quotes[quote["story"]][names.get(quote["speaker"] or "")].append(quote)
    articles = {a["id"]: a for a in document["articles"]}
    claims = {c["id"]: c for c in document["claims"]}
    views = []
    for story in document["stories"]:
        views.append({
            **story,
            "days": date_span(story["first_seen"], story["last_seen"]),
            **claim_views(groups[story["id"]], claims, articles, names),
            "disputed_claims": disputed[story["id"]],
            "quotes_by_speaker": sorted(quotes[story["id"]].items(), key=lambda kv: -len(kv[1])),
            "members": [articles[a] for a in story["articles"] if a in articles],
            "t": translator(story["brief"]["language"]),
        })
    return views


def _context(document: dict[str, Any]) -> dict[str, Any]:
    names = {e["id"]: e["name"] for e in document["entities"]}
    cited = _cited_spans(document)
    stories = _story_views(document, names)
    page = translator(document["brief"]["language"])
    return {
        "document": document,
        "title": stories[0]["title"] if len(stories) == 1 else page("report_title", count=len(stories)),
        "t": page,
        "names": names,
        "claims": {c["id"]: c for c in document["claims"]},
        "articles": {a["id"]: a for a in document["articles"]},
        "stories": stories,
        "entities": sorted(document["entities"], key=lambda e: -len(e["mentions"])),
        "sources_graph": sources_graph(document, names),
        "highlighted": {a["id"]: highlight(a["text"], cited.get(a["id"], [])) for a in document["articles"]},
        "anchor": evidence_anchor,
    }


def render_report_html(document: dict[str, Any]) -> str:
    return _environment.get_template("report.html").render(**_context(document))


def render_brief_markdown(document: dict[str, Any]) -> str:
    return _markdown_environment.get_template("brief.md").render(**_context(document))
