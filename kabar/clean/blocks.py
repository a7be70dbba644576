"""Pages to blocks: the units the paragraph classifier judges, from plain text and from HTML.

HTML gives more evidence than text (links, page chrome, headings, captions), so a block carries
those features; text scrapes give one block per non-empty line.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import MANUALLY_CLEANED, Extractor

from kabar.clean.extractor_expressions import FRAME_EXPRESSIONS, FRAME_TAGS, expressions_in_one_pass, frame_rank
from kabar.errors import RejectedInput

CONTROL_CHARACTERS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
"""C0 control characters other than tab and line breaks: no page means them, and lxml refuses them."""
CONTROL = re.compile(f"[{re.escape(CONTROL_CHARACTERS)}]")
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
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "select", "option",
                "img", "input", "meta", "link", "source")
"""What no line of the page is read from: code, widgets, and the empty elements (images, inputs) that the
extractor deletes anyway; one C pass deletes them before the tree is walked."""


@dataclass(slots=True)  # a page has hundreds: slots make each smaller and quicker to build and read
class Block:
    text: str
    tag: str = "line"
    link_density: float = 0.0
    in_chrome: bool = False
    in_main: bool | None = None  # inside the page's main content, when an extractor judged it


@dataclass
class HtmlPage:
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)


def text_blocks(text: str) -> list[Block]:
    return [Block(line.strip()) for line in without_controls(text).splitlines() if line.strip()]


def without_controls(text: str) -> str:
    """The text with control characters as spaces; a page rarely holds one, and looking for each character
    alone is a quarter of the cost of the pattern's pass."""
    if not any(character in text for character in CONTROL_CHARACTERS):
        return text
    return CONTROL.sub(" ", text)


WRAPPER_TAG = re.compile(rb"</?(div|span|section|font)\b[^>]*>", re.IGNORECASE)
EMPHASIS_AND_LINKS = (b"a", b"abbr", b"b", b"big", b"cite", b"code", b"del", b"em", b"i", b"ins", b"label", b"mark",
                      b"nobr", b"q", b"s", b"small", b"strike", b"strong", b"sub", b"sup", b"tt", b"u")
INLINE_TAG = re.compile(rb"</?(" + b"|".join(EMPHASIS_AND_LINKS) + rb")\b[^>]*>", re.IGNORECASE)
NESTING_BLOCK_TAG = re.compile(rb"</?(article|aside|blockquote|center|dd|dl|dt|fieldset|figure|footer|form|header|main|"
                               rb"nav|ol|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>", re.IGNORECASE)
FLATTENINGS = (WRAPPER_TAG, INLINE_TAG, NESTING_BLOCK_TAG)
"""What a page nested past libxml2's depth limit (2,048 levels even with huge_tree, where it stops reading) is
read again without, one after another until it fits: wrappers, which hold no text of their own; then emphasis
and links left open line after line; then tables, lists and quotes left open."""
INLINE_NAMES = {b"span", b"font", *EMPHASIS_AND_LINKS}
"""Tags a flattening replaces by a space, inside a line; any other tag's place becomes a paragraph break."""
CONTROL_BYTES_AS_SPACES = bytes(0x20 if chr(byte) in CONTROL_CHARACTERS else byte for byte in range(256))
"""A translation table for UTF-8 bytes: a control character is one byte below 0x80, never part of another
character's bytes, so it can be replaced by a space in the encoded page."""


def _clean_text(text: str) -> str:
    return " ".join(text.split())


def _clean_lines(raw: str) -> list[str]:
    """The text's non-empty lines, spaces squeezed. Joined by single spaces they are `_clean_text(raw)`, so
    the length of the whole text is their lengths plus the spaces between them."""
    if "\n" not in raw:
        text = " ".join(raw.split())
        return [text] if text else []
    return [text for text in (" ".join(line.split()) for line in raw.split("\n")) if text]


@lru_cache(maxsize=8192)
def _is_chrome_hint(*attributes: str | None) -> bool:
    """Class, id and role values repeat across a page's elements: each is judged once."""
    return bool(CHROME_HINT.search(" ".join(a for a in attributes if a)))


LEAF_BREAKING = BLOCK_TAGS - {"a", "em", "strong", "b", "span", "small", "time"}
TEXT_BLOCK_TAGS = BLOCK_TAGS - CONTAINER_TAGS


def _parser() -> Any:
    """lxml.html's parser, but every element made an HtmlElement by C-level lookup: lxml.html's own lookup
    runs Python for each element touched, a tenth of the cleaning time on real pages. huge_tree lifts
    libxml2's nesting limit (about 255 levels), past which an article deep in wrappers was lost."""
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True,
                                  encoding="utf-8")
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=lxml_html.HtmlElement))
    return parser


UTF8_PARSER = _parser()


def parse_html(markup: str) -> Any | None:
    """The page's tree, or None for a page holding nothing but a comment or whitespace. libxml2 reads the
    text as UTF-8 bytes: given a Python string, it first converts it from its wider internal form, which
    costs more than encoding it here; the control characters are spaced out in the bytes, in one pass."""
    try:
        markup_bytes = markup.encode("utf-8", "replace").translate(CONTROL_BYTES_AS_SPACES)
        root = lxml_html.document_fromstring(markup_bytes, parser=UTF8_PARSER)
        for tags in FLATTENINGS:
            if not _past_depth_limit():
                break
            markup_bytes = tags.sub(_flattened, markup_bytes)
            root = lxml_html.document_fromstring(markup_bytes, parser=UTF8_PARSER)
    except etree.ParserError:
        return None
    if _past_depth_limit():
        raise RejectedInput("page nested past 2,048 levels even with its wrappers, emphasis, tables and lists "
                            "flattened: its text cannot be read whole")
    return root


def _flattened(tag: re.Match[bytes]) -> bytes:
    """An inline tag gives way to a space; a block's to a paragraph break, so that the text it held is still a
    paragraph of its own, not loose text in the page's body."""
    return b" " if tag.group(1).lower() in INLINE_NAMES else b"<p>"


def _past_depth_limit() -> bool:
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in UTF8_PARSER.error_log)


def html_page(markup: str) -> HtmlPage:
    """The page's blocks in reading order, plus its metadata. Where trafilatura finds the main content, its
    paragraphs are the candidate article (`in_main`) and every other line of the page stays beside them,
    marked outside, so that the head (byline, date) can be read and each removed line is accounted for."""
    root = parse_html(markup)
    if root is None:  # nothing but a comment or whitespace
        return HtmlPage([])
    meta = page_metadata(root)
    etree.strip_elements(root, *DROPPED_TAGS, with_tail=False)  # each element and what it holds; its tail stays
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    body = root.find("body") if root.find("body") is not None else root
    chrome: list[Any] = []
    page_blocks = _merge_inline_duplicates(_walk_blocks(body, chrome))
    _drop_chrome_without_prose(chrome)  # the extractor reads the rest faster, and is not misled by it
    main_blocks = main_content_blocks(root)  # last: the extractor prunes the tree it reads
    if not main_blocks:
        return HtmlPage(page_blocks, meta)
    return HtmlPage(_interleave(page_blocks, main_blocks), meta)


def _interleave(page_blocks: list[Block], main_blocks: list[Block]) -> list[Block]:
    """The extractor's paragraphs in place of the page lines they hold, the other page lines (marked
    outside) where they stand between them, so a "Baca juga:" label still precedes its headline. A short
    line counts as held only when it is a whole paragraph ("News" is not held by "... Google News")."""
    exact: dict[str, list[int]] = {}
    starts: list[int] = []  # where each main paragraph starts in `joined`
    for index, block in enumerate(main_blocks):
        exact.setdefault(block.text, []).append(index)
        starts.append(starts[-1] + len(main_blocks[index - 1].text) + 1 if index else 0)
    joined = "\x00".join(block.text for block in main_blocks)  # one search finds the first paragraph holding a line
    blocks: list[Block] = []
    emitted = 0
    for block in page_blocks:
        floor = max(0, emitted - 1)
        same = exact.get(block.text)
        holder = next((i for i in same if i >= floor), None) if same else None
        if holder is None and len(block.text) >= MIN_HELD_PART and floor < len(main_blocks):
            found = joined.find(block.text, starts[floor])
            holder = bisect_right(starts, found) - 1 if found >= 0 else None
        if holder is None:
            block.in_main = False
            blocks.append(block)
            continue
        blocks += main_blocks[emitted : holder + 1]
        emitted = max(emitted, holder + 1)
    return blocks + main_blocks[emitted:]


def text_of(element: Any) -> str:
    """All the text inside the element (not its tail), as `"".join(element.itertext())` gives it, but
    serialised by libxml2 at a fifth of the cost."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _walk_blocks(body: Any, chrome_roots: list[Any]) -> list[Block]:
    """One pass over the tree (no ancestor re-walks, no recursion): each element learns from its parent
    whether it sits in page chrome or inside a text block, and tells its parent whether it holds a block and
    how many characters of link text it holds, so each link's text is measured once, not again for every
    block around it. The outermost elements of page chrome are added to `chrome_roots`."""
    found: list[tuple[int, Block]] = []
    # per open element: [tag, in_chrome, children_inside_text_block, has_block_descendant, order, link characters
    # below]; the tag is read once, as lxml builds a new string each time it is asked
    frames: list[list[Any]] = []
    for order, (event, element) in enumerate(etree.iterwalk(body, events=("start", "end"))):
        if event == "start":
            tag = element.tag
            if tag.__class__ is not str:
                tag = ""  # a comment or an entity: no block, no chrome
            if frames and frames[-1][1]:
                frames.append([tag, True, frames[-1][2] or tag in TEXT_BLOCK_TAGS, False, order, 0])
                continue
            chrome = tag in CHROME_TAGS or _is_chrome_hint_of(element)
            if chrome:
                chrome_roots.append(element)
            inside = bool(frames) and frames[-1][2]
            frames.append([tag, chrome, inside or tag in TEXT_BLOCK_TAGS, False, order, 0])
            continue
        tag, chrome, _, holds_block, opened, link_chars = frames.pop()
        raw = None
        if tag == "a":
            raw = _own_text(element)
            link_chars += len(_clean_text(raw))
        if frames:
            parent = frames[-1]
            if holds_block or tag in LEAF_BREAKING:
                parent[3] = True
            parent[5] += link_chars
        if holds_block or tag not in BLOCK_TAGS or (tag in CONTAINER_TAGS and frames and frames[-1][2]):
            continue
        if raw is None:
            raw = _own_text(element)
        if not raw or raw.isspace():
            continue
        lines = _clean_lines(raw)
        density = 1.0 if tag == "a" else min(1.0, link_chars / max(1, sum(map(len, lines)) + len(lines) - 1))
        for text in lines:
            found.append((opened, Block(text, tag, density, chrome)))
    found.sort(key=itemgetter(0))
    return [block for _, block in found]


def _own_text(element: Any) -> str:
    """`text_of`, read straight from the element where it has no children (most links and paragraphs)."""
    return text_of(element) if len(element) else element.text or ""


def _is_chrome_hint_of(element: Any) -> bool:
    """Most elements carry no class, id or role: they are cleared without asking the cached pattern."""
    attributes = element.get("class"), element.get("id"), element.get("role")
    return attributes != (None, None, None) and _is_chrome_hint(*attributes)


MIN_PROSE_CHARACTERS = 80
LONG = f"[string-length(normalize-space()) >= {MIN_PROSE_CHARACTERS}]"
HOLDS_PROSE = etree.XPath(f"boolean(descendant-or-self::p{LONG}) or boolean(.//text(){LONG})")
"""A paragraph, or a run of text between tags, long enough to be a sentence of an article."""


def _drop_chrome_without_prose(chrome_roots: list[Any]) -> None:
    """Delete the page chrome (menus, share bars, related links, widgets) that holds no sentence of prose
    before the main-content extractor reads the page: it is most of a news page's elements, the extractor's
    time grows with them, and it cannot be the article. Chrome that holds prose (an article inside a box
    whose class says "sidebar") stays, but the chrome inside it is judged in turn, and so does a page body
    whose class names its layout. The page's lines were read before: every deleted line is still accounted
    for, outside the main content."""
    pending = list(chrome_roots)
    while pending:
        element = pending.pop()
        if element.tag != "body" and not HOLDS_PROSE(element):
            element.drop_tree()
            continue
        walk = etree.iterwalk(element, events=("start",))
        next(walk)  # the element itself
        for _, inner in walk:
            tag = inner.tag
            if tag.__class__ is str and (tag in CHROME_TAGS or _is_chrome_hint_of(inner)):
                pending.append(inner)
                walk.skip_subtree()  # judged in turn


@cache
def _main_content_options() -> Extractor:
    """The extractor's settings, built once: building them reads its config file's values anew on every call,
    a twentieth of its time. Its fast path, recall first, links kept (for link density), no comments, no
    metadata (Kabar reads its own), XML out."""
    return Extractor(output_format="xml", fast=True, recall=True, comments=False, links=True, with_metadata=False)


MIN_HELD_PART = 30  # characters: a shorter page line matches only a whole paragraph
MAIN_BLOCK_TAGS = {"p": "p", "head": "h2", "item": "li", "cell": "td", "quote": "blockquote", "code": "pre",
                   "list": "div", "table": "div", "row": "div", "body": "div", "div": "div"}


def main_content_blocks(root: Any) -> list[Block]:
    """The page's main content as trafilatura finds it (its fast path, recall first), one block per
    paragraph, heading, list item or cell, with link density from the links it keeps; [] when it finds none.
    Every piece of text counts, also the text between a list's items or after a nested element."""
    _drop_discarded_sections(root)
    body = getattr(_main_content(root), "body", None)
    if body is None:
        return []
    blocks: list[Block] = []
    pieces: list[str] = []
    link_chars = [0]
    open_tags: list[str] = []

    def flush() -> None:
        raw = "".join(pieces)
        pieces.clear()
        if not raw or raw.isspace():  # most calls: between two block tags
            link_chars[0] = 0
            return
        lines = _clean_lines(raw)
        density = min(1.0, link_chars[0] / max(1, sum(map(len, lines)) + len(lines) - 1))
        link_chars[0] = 0
        tag = next((t for t in reversed(open_tags) if t != "div"), "p")
        blocks.extend(Block(text, tag if tag in BLOCK_TAGS else "h2", density, False, True) for text in lines)

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag in MAIN_BLOCK_TAGS:
                flush()
                open_tags.append(element.get("rend", "h2") if tag == "head" else MAIN_BLOCK_TAGS[tag])
            elif tag == "lb":
                pieces.append("\n")
            elif tag == "ref":
                link_chars[0] += len(_clean_text(text_of(element)))
            pieces.append(element.text or "")
            continue
        if tag in MAIN_BLOCK_TAGS:
            flush()
            open_tags.pop()
        pieces.append(element.tail or "")
    flush()
    return blocks


def _main_content(root: Any) -> Any:
    """trafilatura's document for the page. It reads the article from the first frame its body expressions find
    (an element whose class says "article-content", an <article>, ...), and each of its passes over the whole
    page costs as much as one over the frame: so a frame with enough paragraph text to settle it is given to it
    alone first, and its answer kept where the frame alone did settle it (`_settled_by_frame`); otherwise the
    whole page is read."""
    options = _main_content_options()
    frame = _article_frame(root)
    if frame is not None and _paragraph_chars(frame) >= FRAME_PARAGRAPH_TEXT_FACTOR * options.min_extracted_size:
        parent, tail = frame.getparent(), frame.tail
        place = parent.index(frame)
        page = UTF8_PARSER.makeelement("html")
        etree.SubElement(page, "body").append(frame)  # moved, not copied: the extractor copies what it reads
        frame.tail = None  # the text after the frame is the page's, not the frame's
        try:
            with expressions_in_one_pass():
                document = trafilatura.bare_extraction(page, options=options)
        finally:
            parent.insert(place, frame)
            frame.tail = tail
        if _settled_by_frame(document, options):
            return document
    with expressions_in_one_pass():
        return trafilatura.bare_extraction(root, options=options)


def _article_frame(root: Any) -> Any | None:
    """The element trafilatura's body expressions (its BODY_XPATH) pick first, in their order, or None: the
    first element, in page order, that the earliest expression with any match accepts. Read in one pass here
    rather than by those expressions, whose regular-expression tests call back into Python for every element
    of the page (a twentieth of the cleaning time)."""
    best, best_rank = None, FRAME_EXPRESSIONS
    for element in root.iter(*FRAME_TAGS):
        get = element.get
        rank = frame_rank(element.tag, get("class"), get("id"), get("role"), get("itemprop"))
        if rank < best_rank:
            best, best_rank = element, rank
            if rank == 0:
                break
    return best


def _settled_by_frame(document: Any, options: Extractor) -> bool:
    """Whether the frame read alone gave what the whole page gives: the extractor keeps a frame's content when
    it yields two elements or more, looks elsewhere in the page when it yields less text than its minimum, and
    counts the paragraph text of the whole page (not the frame's) to decide how to read the frame's divs. Where
    the paragraphs it gave back from the frame hold three times that minimum, the frame's own paragraphs held
    enough for either reading (as near as its answer shows: it trims what it gives back); on the 64 dev real
    pages and the outlet-style fixtures the cleaned articles are the same as with the whole page read."""
    body = getattr(document, "body", None)
    if body is None or len(body) < 2 or len(document.raw_text or "") < options.min_extracted_size:
        return False
    return _paragraph_chars(body) >= FRAME_PARAGRAPH_TEXT_FACTOR * options.min_extracted_size


def _paragraph_chars(element: Any) -> int:
    return sum(len(text_of(paragraph)) for paragraph in element.iter("p"))


FRAME_PARAGRAPH_TEXT_FACTOR = 3  # trafilatura reads a frame's divs as text below 3x its minimum (recall and balanced)


DISCARDED_SECTIONS = tuple(tag for tag in MANUALLY_CLEANED if tag not in ("form", "math"))
"""Elements trafilatura deletes whole before it looks for the article: its MANUALLY_CLEANED but forms (it
judges them apart) and formulas (it keeps their source)."""


def _drop_discarded_sections(root: Any) -> None:
    """Delete what the extractor would delete anyway, before it copies the tree four times and runs its
    XPath prunes over it: a fifth less of its time, the same article. Like the extractor, keep them when
    every paragraph of the page sits inside them (it restores them then)."""
    deleted = [tag for tag in MANUALLY_CLEANED if tag != "form"]  # forms it judges apart
    paragraphs = list(root.iter("p"))
    if paragraphs and all(next(p.iterancestors(*deleted), None) is not None for p in paragraphs):
        return
    etree.strip_elements(root, *DISCARDED_SECTIONS, with_tail=False)


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
    title = next(root.iter("title"), None)  # iter() runs in C, find(".//x") in Python
    if title is not None and title.text_content().strip():
        meta["html_title"] = _clean_text(title.text_content())
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        value = element.get("content")
        if key and value and key not in meta:
            meta[key] = _clean_text(value)
    canonical = next((link for link in root.iter("link") if link.get("rel") == "canonical"), None)
    if canonical is not None and canonical.get("href"):
        meta["canonical"] = canonical.get("href")
    h1 = next(root.iter("h1"), None)
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
