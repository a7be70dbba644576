"""Pages to blocks: the units the paragraph classifier judges, from plain text and from HTML.

HTML gives more evidence than text (links, page chrome, headings, captions), so a block carries
those features; text scrapes give one block per non-empty line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

WHITESPACE = re.compile(r"\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 control characters other than tab and line breaks: no page means them, and lxml refuses them."""
PARSER = lxml_html.HTMLParser(huge_tree=True)
UTF8_PARSER = lxml_html.HTMLParser(huge_tree=True, encoding="utf-8")
"""huge_tree lifts libxml2's nesting limit (about 255 levels), past which an article deep in wrappers was lost."""
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td", "dd", "dt", "pre",
              "div", "section", "article", "span", "caption", "label", "button", "time", "address", "small", "em",
              "strong", "b", "a"}
CONTAINER_TAGS = {"div", "section", "article", "span", "td", "li", "blockquote", "small", "em", "strong", "b", "a",
                  "time", "address", "label", "button"}
CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "menu"}
CHROME_HINT = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|sidebar|breadcrumbs?|share|social|comments?|related|terkait|recommend\w*|"
    r"advert\w*|ads?|iklan|promo|newsletter|subscribe|widget|popular|terpopuler|tags?|topik)($|[\s_-])",
    re.IGNORECASE,
)
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "select", "option")


@dataclass
class Block:
    text: str
    tag: str = "line"
    link_density: float = 0.0
    in_chrome: bool = False


@dataclass
class HtmlPage:
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)


def text_blocks(text: str) -> list[Block]:
    return [Block(line.strip()) for line in without_controls(text).splitlines() if line.strip()]


def without_controls(text: str) -> str:
    return CONTROL.sub(" ", text)


def _clean_text(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _is_chrome(element: Any) -> bool:
    for node in [element, *element.iterancestors()]:
        if node.tag in CHROME_TAGS:
            return True
        hint = f"{node.get('class', '')} {node.get('id', '')} {node.get('role', '')}"
        if hint.strip() and CHROME_HINT.search(hint):
            return True
    return False


def _has_block_child(element: Any) -> bool:
    return any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS - {"a", "em", "strong", "b", "span", "small",
                                                                          "time"}
               for child in element.iterdescendants())


def html_page(markup: str) -> HtmlPage:
    """Leaf blocks in document order with link density and a page-chrome flag, plus the page's metadata."""
    markup = without_controls(markup)
    try:
        try:
            root = lxml_html.document_fromstring(markup, parser=PARSER)
        except (ValueError, TypeError):  # an XML declaration naming an encoding: lxml wants bytes then
            root = lxml_html.document_fromstring(markup.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except etree.ParserError:  # nothing but a comment or whitespace
        return HtmlPage([])
    meta = page_metadata(root)
    for element in list(root.iter(*DROPPED_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks: list[Block] = []
    body = root.find("body") if root.find("body") is not None else root
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS or _has_block_child(element):
            continue
        if element.tag in CONTAINER_TAGS and any(a.tag in BLOCK_TAGS - CONTAINER_TAGS for a in element.iterancestors()):
            continue
        raw = element.text_content()
        link_text = sum(len(_clean_text(a.text_content())) for a in element.iter("a"))
        chrome = _is_chrome(element)
        for line in raw.split("\n"):
            text = _clean_text(line)
            if text:
                density = min(1.0, link_text / max(1, len(_clean_text(raw))))
                blocks.append(Block(text, element.tag, density, chrome))
    return HtmlPage(_merge_inline_duplicates(blocks), meta)


def _merge_inline_duplicates(blocks: list[Block]) -> list[Block]:
    """Drop a block that repeats the one before it exactly (nested inline wrappers)."""
    kept: list[Block] = []
    for block in blocks:
        if kept and kept[-1].text == block.text:
            continue
        kept.append(block)
    return kept


def page_metadata(root: Any) -> dict[str, str]:
    """<title>, Open Graph / article meta, canonical URL and the first JSON-LD article, flattened."""
    meta: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        meta["html_title"] = _clean_text(title.text_content())
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        value = element.get("content")
        if key and value and key not in meta:
            meta[key] = _clean_text(value)
    canonical = root.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href"):
        meta["canonical"] = canonical.get("href")
    h1 = root.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        meta["h1"] = _clean_text(h1.text_content())
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            meta.update(_json_ld(script.text))
    return meta


def _json_ld(text: str) -> dict[str, str]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
            continue
        found = {
            "ld:headline": item.get("headline"),
            "ld:datePublished": item.get("datePublished"),
            "ld:dateModified": item.get("dateModified"),
            "ld:author": _name(item.get("author")),
            "ld:publisher": _name(item.get("publisher")),
        }
        return {k: _clean_text(v) for k, v in found.items() if isinstance(v, str) and v.strip()}
    return {}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return value.get("name")
    return value if isinstance(value, str) else None
