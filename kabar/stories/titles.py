"""A readable name for a story or event none of whose articles carries a headline (a pasted text, a feed item
without a title): the opening words of its text, which read as a headline does and are in its language."""

from __future__ import annotations

import re

from kabar.i18n import translator
from kabar.model import Article

OPENING_WORDS = 12
"""Enough words to tell one story from another in a list, about as many as an Indonesian headline holds."""
LEADING_MARKS = re.compile(r"^\W+")
"""What a dateline leaves before the first word once its outlet is cut ("- Para suporter ...")."""
SENTENCE_END = re.compile(r"\w{2}[.!?]$")
"""A word that closes the opening sentence, where the name ends without its stop."""


def headline_of(article: Article) -> str:
    """The article's headline, else its opening sentence, cut at a word ("…") where it runs past OPENING_WORDS,
    else the interface's word for an untitled text in the article's language: never an id nor an English
    phrase."""
    if article.title:
        return article.title
    words = LEADING_MARKS.sub("", article.text).split()
    if not words:
        return translator(article.language)("untitled")
    opening = words[:OPENING_WORDS]
    for count, word in enumerate(opening, start=1):
        if SENTENCE_END.search(word):
            return " ".join(opening[:count])[:-1]
    return " ".join(opening) + ("…" if len(words) > OPENING_WORDS else "")
