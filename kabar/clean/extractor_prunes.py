"""trafilatura's pruning expressions as Kabar's own call runs them: the same elements, found in one C-level pass.

Before and while it reads the article, the extractor deletes comment sections, infinite-scroll containers and
boilerplate (share rows, menus, ads, hidden elements) that XPath expressions find. Their regular-expression tests
(`re:test`) call back into Python for every element and attribute they test, a tenth of Kabar's cleaning time on
real pages. Here the same tests run over lxml's C-level iteration, each set of attribute values judged once.
`prunes_in_one_pass()` puts them in the extractor's place only while Kabar's call runs, so any other use of
trafilatura is untouched; `tests/clean/test_extractor_prunes.py` checks that each selects what its expression
selects, in the same order.
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
    _COMMENTS_CLASS,
    _COMMENTS_ID,
    _CONSENT_ID_CLASS_TOKENS,
    _OVERALL_DISCARD_BOTH_TOKENS,
    _OVERALL_DISCARD_CLASS_TOKENS,
    _OVERALL_DISCARD_ID_TOKENS,
    RAW_TREE_PRUNE_XPATH,
)

Selection = Callable[[Any], list[Any]]

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
    (main_extractor, "OVERALL_DISCARD_XPATH", [boilerplate_sections, hidden_or_reply_elements]),
    (core, "REMOVE_COMMENTS_AND_LISTS_XPATH", [comment_sections]),
    (core, "RAW_TREE_PRUNE_XPATH", [appended_articles, RAW_TREE_PRUNE_XPATH[1]]),
]


@contextmanager
def prunes_in_one_pass() -> Iterator[None]:
    """trafilatura with these selections in place of its expressions, for the time of one call."""
    saved = [(module, name, getattr(module, name)) for module, name, _ in REPLACED]
    for module, name, selections in REPLACED:
        setattr(module, name, selections)
    try:
        yield
    finally:
        for module, name, expressions in saved:
            setattr(module, name, expressions)
