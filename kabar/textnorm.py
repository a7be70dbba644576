"""Indonesian-aware normalisation for search and similarity: case, diacritics and affixes folded.

Stemming is deliberately conservative: a word is only shortened when the rest stays at least
four letters long, and roots listed in `data/id/stem/roots.txt` ("pasukan", "tentara") are never
touched, so a search for "pasukan" does not also match "pasuk-".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

MIN_STEM = 4
PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
SUFFIXES = ("kan", "an", "i")
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def known_roots() -> frozenset[str]:
    text = resources.files("kabar.data").joinpath("id/stem/roots.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def fold(text: str) -> str:
    """Lower-case and drop diacritics ("Jum’at" and "jumat" compare equal after tokenising)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _strip_prefix(word: str, guessing: bool = False) -> list[str]:
    """Candidate roots after removing one prefix, with the nasal's lost first letter restored. When
    guessing (no known root confirms the result), "se-" is left alone: too many roots start with it
    ("serang", "sehat", "sekolah")."""
    roots = known_roots()
    for prefix in ("meng", "peng"):
        if word.startswith(prefix):
            rest = word[len(prefix):]
            if rest[:1] in "aiueo":
                return [c for c in ("k" + rest, rest) if c in roots] or [rest]
            return [rest]
    for prefix in ("meny", "peny"):
        if word.startswith(prefix) and word[len(prefix):][:1] in "aiueo":
            return ["s" + word[len(prefix):]]
    for prefix in ("mem", "pem"):
        if word.startswith(prefix):
            rest = word[len(prefix):]
            return ["p" + rest] if rest[:1] in "aiueo" else [rest]
    for prefix in ("men", "pen"):
        if word.startswith(prefix):
            rest = word[len(prefix):]
            return ["t" + rest] if rest[:1] in "aiueo" else [rest]
    for prefix in ("ber", "ter", "per", "me", "pe", "di", "ke", "se", "be"):
        if word.startswith(prefix) and not (guessing and prefix == "se"):
            return [word[len(prefix):]]
    return []


def _strip_ending(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root an affixed Indonesian word most likely comes from; unknown shapes stay as they are."""
    word = fold(word)
    roots = known_roots()
    if word in roots or len(word) <= MIN_STEM or not word.isalpha():
        return word
    for endings in (PARTICLES, POSSESSIVES):
        word = _strip_ending(word, endings)
        if word in roots:
            return word
    without_suffix = _strip_ending(word, SUFFIXES)
    for candidate in (word, without_suffix):
        if candidate in roots:
            return candidate
        for root in _strip_prefix(candidate):
            if root in roots:
                return root
    for root in _strip_prefix(without_suffix, guessing=True):
        if len(root) >= MIN_STEM:
            return _strip_prefix_again(root)
    return without_suffix


def _strip_prefix_again(word: str) -> str:
    """Second prefix layer ("diper-", "memper-", "keber-"), kept only when a real stem remains."""
    if word in known_roots():
        return word
    for root in _strip_prefix(word):
        if root in known_roots() or (len(root) >= MIN_STEM + 1 and word[:3] in ("per", "ber")):
            return root
    return word


def tokens(text: str) -> list[str]:
    """Folded word tokens, hyphenated words kept whole ("kn-23", "kim-jong-un" stays one token)."""
    return TOKEN.findall(fold(text))


def normalize_tokens(text: str) -> list[str]:
    """One stem per word: what the search index and the similarity measures compare."""
    return [stem(token) for token in tokens(text)]
