"""Cleaning: a raw page becomes an Article — body text, what was removed and why, and metadata."""

from __future__ import annotations

from kabar.clean.blocks import Block, html_page, text_blocks
from kabar.clean.classify import KEPT_FOR_STRUCTURE, Decision, classify, counted_between, split_editor_initials
from kabar.clean.furniture import PagePlaces, is_furniture
from kabar.clean.language import article_language
from kabar.clean.metadata import (
    author_from,
    estimate_from_url,
    estimate_publication,
    is_user_generated,
    lead_paragraph,
    meta_datetime,
    outlet_from_byline,
    outlet_from_copyright,
    outlet_from_page_title,
    outlet_from_url,
    outlet_name,
    platform_outlet,
    printed_dates,
    read_dateline,
    title_from_meta,
    wire_sources,
)
from kabar.errors import NoArticleError
from kabar.model import Article, Paragraph, RawDocument, Removed


def _sample(removed: list[Removed]) -> str:
    """The first removed line, with why, short enough for a one-line reason."""
    first = removed[0]
    text = first.text if len(first.text) <= 60 else first.text[:57] + "..."
    return f"{text!r}: {first.reason}"


def clean(raw: RawDocument, article_id: str) -> Article:
    """One input's article from that input alone: nothing learned from other pages of a batch, so the
    result is the same however inputs are split across runs or machines."""
    meta: dict[str, str] = {}
    if raw.media_type == "text/html":
        page = html_page(raw.text)
        blocks, meta = page.blocks, page.meta
    else:
        blocks = text_blocks(raw.text)
    hint_title = raw.hints.get("title")
    known_title = hint_title or title_from_meta(meta, None)
    decisions = remove_furniture(classify(blocks, known_title))
    paragraphs, removed, text = _assemble(decisions)
    if not text.strip() and not removed:
        raise NoArticleError("no article text found: the page holds no visible text (only markup or scripts)")
    if not text.strip():
        raise NoArticleError(f"no article text found: every block looked like page furniture ({len(blocks)} "
                             f"removed, e.g. {_sample(removed)})")
    lines = [d.block.text for d in decisions]
    head = [d.block.text for d in decisions[: next((i for i, d in enumerate(decisions) if d.kept), 0)]]
    dateline = read_dateline(lead_paragraph(text, paragraphs)[1], head)
    url = raw.url or raw.hints.get("url") or meta.get("og:url") or meta.get("canonical")
    outlet = (
        (outlet_name(raw.hints["outlet"]) if raw.hints.get("outlet") else None)
        or (outlet_name(meta["og:site_name"]) if meta.get("og:site_name") else None)
        or (outlet_name(meta["ld:publisher"]) if meta.get("ld:publisher") else None)
        or (dateline.outlet if dateline else None)
        or platform_outlet(lines)
        or outlet_from_byline(decisions)
        or outlet_from_url(url)
        or outlet_from_page_title(meta)
        or outlet_from_copyright([r.text for r in removed])
    )
    _mark_outlet_lines(decisions, removed, outlet)
    title = known_title or next((d.block.text for d in decisions if d.label == "title"), None)
    published_line, updated_line = printed_dates(decisions)
    published = meta_datetime(
        {"hint": raw.hints.get("published", ""), **meta},
        ("hint", "article:published_time", "ld:datePublished", "pubdate", "date", "publishdate"),
    ) or (published_line.value if published_line else None)
    updated = meta_datetime(meta, ("article:modified_time", "ld:dateModified")) or (
        updated_line.value if updated_line else None)
    article = Article(
        id=article_id,
        source=raw.source,
        text=text,
        paragraphs=paragraphs,
        removed=removed,
        url=url,
        outlet=outlet,
        title=title,
        author=raw.hints.get("author") or meta.get("ld:author") or meta.get("author")
        or author_from(decisions, outlet),
        dateline=dateline.city if dateline else None,
        published=published,
        updated=updated,
        language=article_language(raw.hints.get("language"), text),
        wire_sources=wire_sources(text, [r.text for r in removed]),
        user_generated=is_user_generated(lines),
        sha256=raw.sha256,
    )
    if article.published is None and article.updated is None:
        article.published_estimate = estimate_from_url(url) or estimate_publication(text)
    return article


def remove_furniture(decisions: list[Decision]) -> list[Decision]:
    """Lines the rules kept that the furniture model takes for an outlet's promo, credit or widget, unless the line
    is the middle one of three numbered items the model leaves ("7. Tekan Kirim" among the steps)."""
    places = PagePlaces([decision.block.text for decision in decisions])
    verdicts = {index: is_furniture(decision.block.text, places.place(index))
                for index, decision in enumerate(decisions)
                if decision.kept and decision.reason not in KEPT_FOR_STRUCTURE}
    for index, (furniture, probability) in verdicts.items():
        if furniture and not _counted_among_kept(decisions, verdicts, index):
            decision = decisions[index]
            decision.label = "boilerplate"
            decision.reason = f"furniture model: p={probability:.2f} ({decision.reason})"
    return decisions


def _counted_among_kept(decisions: list[Decision], verdicts: dict[int, tuple[bool, float]], index: int) -> bool:
    """Whether the line is a numbered item between the items before and after it, both kept (`counted_between`)."""
    if not 0 < index < len(decisions) - 1:
        return False
    neighbours = (index - 1, index + 1)
    kept = all(decisions[i].kept and not verdicts.get(i, (False, 0.0))[0] for i in neighbours)
    return kept and counted_between(decisions[index - 1].block.text, decisions[index].block.text,
                                    decisions[index + 1].block.text)


def _mark_outlet_lines(decisions: list[Decision], removed: list[Removed], outlet: str | None) -> None:
    """A head line that just names the outlet is not a byline: relabel it so no author is read from it."""
    if not outlet:
        return
    name = outlet.lower()
    for decision in decisions:
        if decision.label in ("byline", "boilerplate") and decision.block.text.strip().lower() == name:
            decision.label, decision.reason = "outlet", "outlet name line"
            for item in removed:
                if item.text == decision.block.text:
                    item.reason = "outlet: outlet name line"


def _assemble(decisions: list[Decision]) -> tuple[list[Paragraph], list[Removed], str]:
    """Kept blocks joined by blank lines, with their offsets; every other block into `removed`."""
    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    cursor = 0
    for decision in decisions:
        if not decision.kept:
            removed.append(Removed(decision.block.text, f"{decision.label}: {decision.reason}"))
            continue
        text, initials = split_editor_initials(decision.block.text)
        if initials:
            removed.append(Removed(initials, "credit: editor initials at the end of a paragraph"))
        if pieces:
            cursor += 2
        paragraphs.append(Paragraph(cursor, cursor + len(text), "heading" if decision.label == "heading" else "body"))
        pieces.append(text)
        cursor += len(text)
    return paragraphs, removed, "\n\n".join(pieces)


__all__ = ["Block", "clean"]
