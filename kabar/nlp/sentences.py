"""Sentence spans that respect paragraphs, Indonesian figures ("1.500", "21/10/2024", "KN-23"),
abbreviations ("Jl.", "Dr.") and quotes that close after the full stop."""

from __future__ import annotations

import re

from kabar.lexicon import word_set
from kabar.model import Doc, Span

# A candidate end: ., ! or ? (or an ellipsis), optionally followed by closing quotes/brackets, then space.
# Some dumps join paragraphs with a comma instead of a line break ("… Riau.,Penangkapan …", also before a
# space: "… program., Akibatnya …"): that ends one too.
# Quotation marks may come as a dump that read UTF-8 as Mac Roman writes them ("‚Äú", "‚Äù").
END = re.compile(r"(?:\.{3}|…|[.!?])(?:‚Äù|[\"”’')\]])*(?=\s+|,+\s*\S)")
# An invisible format mark (left-to-right mark, zero-width space, byte-order mark) may open the next paragraph
# ("… di ,.,\u200eBerdasarkan data …"): it is no text and does not join the paragraphs.
NEXT_STARTS_SENTENCE = re.compile(r"[\s,]*[\s,][\u200b-\u200f\ufeff]*(?:‚Äú|[\"“‘'(\[])?[A-Z0-9]")
# a paragraph ending in a quotation's suffixed cue ("ujarnya", "katanya"), joined to the next by a comma with no
# space before a capital ('… siap," ujarnya,Budi pun …'): the dump's paragraph join, not a comma of the sentence
CUE_THEN_JOIN = re.compile(r"(?:‚Äù|[\"”’'])\s+[^\W\d_]+nya(?=,[A-Z])")
# a word of short letter groups joined by dots before the stop, an academic degree or initials: its comma goes on
# with a list of them ("Budi Santoso, S.H., M.H., mengatakan", "Prof. Sofia, M.Sc., Ph.D"), not a paragraph join
DOTTED_ABBREVIATION = re.compile(r"(?<![\w.])[A-Z][A-Za-z]{0,2}(?:\.[A-Za-z]{1,3})+$")


def abbreviation_before(text: str, stop: int) -> bool:
    """True when the word ending at `stop` (the full stop) is a known abbreviation or an initial."""
    start = stop
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:stop].lower()
    return word in word_set("id/nlp/abbreviations.txt") or (len(word) == 1 and word.isalpha())


def _ends_sentence(text: str, match: re.Match[str], end: int) -> bool:
    """A stop ends its sentence unless it ends an abbreviation or a dotted degree listed on after a comma, or no
    sentence starts after it."""
    stop = match.end()
    if text[match.start()] == "." and abbreviation_before(text, match.start()):
        return False
    if not NEXT_STARTS_SENTENCE.match(text, stop, end):
        return False
    return not (text.startswith(",", stop)
                and DOTTED_ABBREVIATION.search(text, max(0, match.start() - 12), match.start()))


LONGEST_SENTENCE = 3_000
"""A longer stretch with no sentence end (a text without full stops) is cut at spaces into pieces no longer
than this: stages that weigh each word of a sentence against the others would cost the square of the text."""


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > LONGEST_SENTENCE:
        cut = text.rfind(" ", start + 1, start + LONGEST_SENTENCE)
        cut = cut if cut > start else start + LONGEST_SENTENCE
        pieces.append((start, cut))
        start = cut
    return [*pieces, (start, end)]


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) pairs inside one paragraph, trimmed of surrounding spaces."""
    bounds: list[tuple[int, int]] = []
    cursor = start
    for stop in sorted([m.end() for m in END.finditer(text, start, end) if _ends_sentence(text, m, end)]
                       + [m.end() for m in CUE_THEN_JOIN.finditer(text, start, end)]):
        bounds.extend(_pieces(text, cursor, stop))
        cursor = stop
    bounds.extend(_pieces(text, cursor, end))
    trimmed = []
    for a, b in bounds:
        while a < b and (text[a].isspace() or text[a] == ","):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


PARAGRAPH = re.compile(r"(?:(?!\n\n).)+", re.DOTALL)


def paragraph_at(text: str, start: int, end: int) -> str:
    """The whole line (paragraph) holding [start, end)."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]


def split_sentences(doc: Doc) -> Doc:
    """Sentences never cross a paragraph; without paragraph offsets, blank lines separate paragraphs."""
    text = doc.text
    paragraphs = [(p.start, p.end, p.kind) for p in doc.article.paragraphs] or [
        (m.start(), m.end(), "body") for m in PARAGRAPH.finditer(text)]
    for start, end, kind in paragraphs:
        for a, b in sentence_bounds(text, start, end):
            doc.add("sentences", Span(a, b, "sentence", {"paragraph_kind": kind}))
    return doc
