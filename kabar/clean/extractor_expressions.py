"""trafilatura's XPath expressions as Kabar's own call runs them: the same elements, found in one C-level pass.

The extractor finds the article's frame with its body expressions, and before and while it reads the article
deletes comment sections, infinite-scroll containers and boilerplate (share rows, menus, ads, hidden elements)
that its pruning expressions find. Their regular-expression tests (`re:test`) call back into Python for every
element and attribute they test, an eighth of Kabar's cleaning time on real pages. Here the same tests run over
lxml's C-level iteration, each set of attribute values judged once. `expressions_in_one_pass()` puts them in the
extractor's place only while Kabar's call runs, so any other use of trafilatura is untouched;
`tests/clean/test_extractor_expressions.py` checks that each selects what its expression selects, in the same
order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from lxml import etree
from trafilatura import core, main_extractor
from trafilatura.xpaths import (
    _ARTICLE_CONTENT_CLASS_TOKENS,
    _ARTICLE_CONTENT_ID_TOKENS,
    _COMMENTS_CLASS,
    _COMMENTS_ID,
    _CONSENT_ID_CLASS_TOKENS,
    _MAIN_CONTENT_CLASS_TOKENS,
    _MAIN_CONTENT_ID_TOKENS,
    _OVERALL_DISCARD_BOTH_TOKENS,
    _OVERALL_DISCARD_CLASS_TOKENS,
    _OVERALL_DISCARD_ID_TOKENS,
    _STORY_CLASS_TOKENS,
    _STORY_ID_TOKENS,
    RAW_TREE_PRUNE_XPATH,
)

Selection = Callable[[Any], list[Any]]

FRAME_TAGS = ("article", "div", "main", "section")
FRAME_EXPRESSIONS = 5
ARTICLE_ID = re.compile("|".join(_ARTICLE_CONTENT_ID_TOKENS))
ARTICLE_CLASS = re.compile("|".join(_ARTICLE_CONTENT_CLASS_TOKENS))
STORY_ID = re.compile("|".join(_STORY_ID_TOKENS))
STORY_CLASS = re.compile("|".join(_STORY_CLASS_TOKENS))
FULL_TEXT_CLASS = re.compile("fulltext", re.IGNORECASE)
MAIN_ID = re.compile("|".join(_MAIN_CONTENT_ID_TOKENS))
MAIN_CLASS = re.compile("|".join(_MAIN_CONTENT_CLASS_TOKENS))
CM_LOWER, CP_LOWER = str.maketrans("CM", "cm"), str.maketrans("CP", "cp")


@lru_cache(maxsize=8192)
def frame_rank(tag: str, css_class: str | None, element_id: str | None, role: str | None,
               item_property: str | None) -> int:
    """The first of trafilatura's five body expressions (BODY_XPATH) that accepts an element with these tag and
    attributes, FRAME_EXPRESSIONS when none does."""
    return next((index for index, accepted in enumerate(
        frame_expressions(tag, css_class, element_id, role, item_property)) if accepted), FRAME_EXPRESSIONS)


@lru_cache(maxsize=8192)
def frame_expressions(tag: str, css_class: str | None, element_id: str | None, role: str | None,
                      item_property: str | None) -> tuple[bool, ...]:
    """Whether each of the five body expressions accepts an element with these tag (one of FRAME_TAGS) and
    attributes, their tests written out in its order; an absent attribute reads as "" as in XPath."""
    css, ident, role = css_class or "", element_id or "", role or ""
    return (
        css in ("post", "entry") or item_property == "articleBody" or ident == "articleContent"
        or ARTICLE_ID.search(ident) is not None or ARTICLE_CLASS.search(css) is not None,
        tag == "article",
        role == "article" or ident in ("article", "story") or css in ("postarea", "art-postcontent", "text", "cell",
                                                                      "story")
        or STORY_ID.search(ident) is not None or FULL_TEXT_CLASS.search(css) is not None
        or STORY_CLASS.search(css) is not None,
        ident == "content" or css == "content" or MAIN_ID.search(ident) is not None
        or MAIN_CLASS.search(css) is not None or "main-content" in ident.translate(CM_LOWER)
        or "main-content" in css.translate(CM_LOWER) or "page-content" in css.translate(CP_LOWER),
        tag == "main" or css.startswith("main") or ident.startswith("main") or role.startswith("main"),
    )


def _accepted_by(tree: Any, index: int) -> Iterator[Any]:
    for element in tree.iterdescendants(*FRAME_TAGS):
        get = element.get
        if frame_expressions(element.tag, get("class"), get("id"), get("role"), get("itemprop"))[index]:
            yield element


def article_content_frames(tree: Any) -> list[Any]:
    """BODY_XPATH[0], `.//*[...][1]`: of each element's children that the first expression accepts, the first."""
    found, parents = [], set()
    for element in _accepted_by(tree, 0):
        parent = element.getparent()
        if parent not in parents:
            parents.add(parent)
            found.append(element)
    return found


def first_frames_of(index: int) -> Selection:
    """BODY_XPATH[1] to [4], `(...)[1]`: the first element the expression accepts; the last expression is the
    union of two such firsts, a <main> and an element of another tag, in page order."""
    kinds_wanted = 2 if index == 4 else 1

    def select(tree: Any) -> list[Any]:
        found, kinds = [], set()
        for element in _accepted_by(tree, index):
            kind = index == 4 and element.tag == "main"
            if kind not in kinds:
                kinds.add(kind)
                found.append(element)
                if len(kinds) == kinds_wanted:
                    break
        return found
    return select


CONSENT = re.compile("|".join(_CONSENT_ID_CLASS_TOKENS))
BOILERPLATE_ID = re.compile("|".join(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_ID_TOKENS))
BOILERPLATE_CLASS = re.compile("|".join(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_CLASS_TOKENS))
BOILERPLATE_TAGS = ("div", "item", "list", "p", "section", "span")

# the second boilerplate expression writes its patterns out rather than composing trafilatura's token lists
HIDDEN = re.compile("hidden")
HIDDEN_ID = re.compile("reader-comments|akismet")
HIDDEN_CLASS = re.compile("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
                          "| hidden| hide|noprint|notloaded")

COMMENTS_ID = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
COMMENT_LIST_ID = re.compile(f"^(?:{_COMMENTS_ID})")
COMMENTS_CLASS = re.compile(_COMMENTS_CLASS)
COMMENT_TAGS = ("div", "list", "section", "details", "ol", "ul")

APPENDED_ARTICLES = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
APPENDED_ARTICLES_THEME = re.compile("mvp-post-add-(?:box|wrap)")
APPENDED_ARTICLES_TAGS = ("div", "section", "aside")


def _first_of(element: Any, first: str | None, second: str | None, names: tuple[str, str]) -> str:
    """XPath's string value of `@a|@b` for attribute values `first` and `second`: the one the markup gives
    first ("" when neither is there)."""
    if first is None:
        return second or ""
    if second is None:
        return first
    keys = element.keys()
    return first if keys.index(names[0]) < keys.index(names[1]) else second


def boilerplate_sections(tree: Any) -> list[Any]:
    """OVERALL_DISCARD_XPATH[0]: sections whose id, class or role name them navigation, sharing, ads, a
    newsletter box, a tag list, an author box, a cookie notice and the like."""
    found = []
    for element in tree.iterdescendants(*BOILERPLATE_TAGS):
        get = element.get
        ident, css = get("id"), get("class")
        if _is_boilerplate(ident, css, _first_of(element, ident, css, ("id", "class")), get("role"),
                           get("data-component"), get("data-lp-replacement-content") is not None):
            found.append(element)
    return found


@lru_cache(maxsize=8192)
def _is_boilerplate(ident: str | None, css: str | None, id_or_class: str, role: str | None, component: str | None,
                    replaced: bool) -> bool:
    return (replaced or "nav" in (role or "").replace("N", "n") or "MostPopularStories" in (component or "")
            or CONSENT.search(id_or_class) is not None or BOILERPLATE_ID.search(ident or "") is not None
            or BOILERPLATE_CLASS.search(css or "") is not None)


def hidden_or_reply_elements(tree: Any) -> list[Any]:
    """OVERALL_DISCARD_XPATH[1]: elements hidden from the reader, comment titles and reply boxes."""
    found = []
    for element in tree.iterdescendants(etree.Element):  # elements only, as XPath's `*`
        get = element.get
        ident, css, style = get("id"), get("class"), get("style")
        if _is_hidden_or_reply(ident, css, style, get("aria-hidden"),
                               _first_of(element, ident, css, ("id", "class")),
                               _first_of(element, ident, style, ("id", "style"))):
            found.append(element)
    return found


@lru_cache(maxsize=8192)
def _is_hidden_or_reply(ident: str | None, css: str | None, style: str | None, aria_hidden: str | None,
                        id_or_class: str, id_or_style: str) -> bool:
    return (css == "comments-title" or id_or_class.startswith("reply-") or HIDDEN.search(id_or_style) is not None
            or "display:none" in (style or "") or "display: none" in (style or "")
            or HIDDEN_ID.search(ident or "") is not None or HIDDEN_CLASS.search(css or "") is not None
            or aria_hidden == "true")


def comment_sections(tree: Any) -> list[Any]:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: comment sections, and lists of comments."""
    found = []
    for element in tree.iterdescendants(*COMMENT_TAGS):
        get = element.get
        if _is_comments(element.tag in ("ol", "ul"), get("id") or "", get("class") or ""):
            found.append(element)
    return found


@lru_cache(maxsize=8192)
def _is_comments(is_list: bool, ident: str, css: str) -> bool:
    named_class = COMMENTS_CLASS.search(css) is not None
    if not (named_class or COMMENTS_ID.search(ident)):
        return False
    return not is_list or named_class or COMMENT_LIST_ID.search(ident) is not None


def appended_articles(tree: Any) -> list[Any]:
    """RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers of follow-up articles, unless one holds the page's
    heading (then it is the article) and is not the theme's own container."""
    found = []
    for element in tree.iterdescendants(*APPENDED_ARTICLES_TAGS):
        get = element.get
        ident, css = get("id") or "", get("class") or ""
        if (APPENDED_ARTICLES.search(ident) or APPENDED_ARTICLES.search(css)) and (
                next(element.iterdescendants("h1"), None) is None or APPENDED_ARTICLES_THEME.search(ident)
                or APPENDED_ARTICLES_THEME.search(css)):
            found.append(element)
    return found


REPLACED: list[tuple[Any, str, list[Selection]]] = [
    (main_extractor, "BODY_XPATH", [article_content_frames, *map(first_frames_of, range(1, FRAME_EXPRESSIONS))]),
    (main_extractor, "OVERALL_DISCARD_XPATH", [boilerplate_sections, hidden_or_reply_elements]),
    (core, "REMOVE_COMMENTS_AND_LISTS_XPATH", [comment_sections]),
    (core, "RAW_TREE_PRUNE_XPATH", [appended_articles, RAW_TREE_PRUNE_XPATH[1]]),
]


@contextmanager
def expressions_in_one_pass() -> Iterator[None]:
    """trafilatura with these selections in place of its expressions, for the time of one call."""
    saved = [(module, name, getattr(module, name)) for module, name, _ in REPLACED]
    for module, name, selections in REPLACED:
        setattr(module, name, selections)
    try:
        yield
    finally:
        for module, name, expressions in saved:
            setattr(module, name, expressions)
