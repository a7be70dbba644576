"""Indonesian-aware normalisation for search and similarity: case, diacritics and affixes folded.

Stemming is deliberately conservative. Every way of peeling a word (particle, possessive, one
suffix, up to two prefixes) is listed; a reading that lands on a root from `data/id/stem/roots.txt`
wins. Without one, only the productive affix patterns of news prose are trusted, and the rest must
still look like an Indonesian root (at least four letters, a plausible first syllable). Listed roots
("pasukan", "tentara") are never shortened, so a search for "pasukan" does not also match "pasuk-".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

MIN_STEM = 4
PARTICLES = ("lah", "kah", "pun")
POSSESSIVES = ("nya",)
# Endings that are more often a root's own letters ("pemerintah", "berlaku", "bertemu") than the archaic
# particle "-tah" or the first/second-person "-ku"/"-mu" of quoted speech: stripped only to a known root.
ROOT_ONLY_ENDINGS = ("tah", "ku", "mu")
# Prefix and suffix pairs Indonesian does not combine ("ke-...-kan", "di-...-an"): a reading that
# would need one is not trusted.
IMPOSSIBLE_CONFIXES = frozenset({("ke", "kan"), ("ke", "i"), ("se", "i"), ("be", "i"), ("ber", "i"),
                                 ("di", "an"), ("ter", "an"), ("me", "an")})
SUFFIXES = ("kan", "an", "i")
VOWELS = frozenset("aiueo")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


def without_surrogates(text: str) -> str:
    """Text UTF-8 can hold: a lone surrogate (a JSON "\\ud800" escape, an undecodable file name byte) becomes
    U+FFFD, the character that says something was lost here."""
    return LONE_SURROGATE.sub("\ufffd", text)


def visible_end_before(text: str, position: int) -> int:
    """Where the text before `position` ends once the white space right before `position` is passed over (0 if
    there is only white space): read back over those spaces alone, so asking near the end of a long line costs no
    more than near its start, as `text[:position].rstrip()` would."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


@lru_cache(maxsize=1)
def known_roots() -> frozenset[str]:
    return _word_list("roots.txt")


@lru_cache(maxsize=1)
def root_onsets() -> frozenset[str]:
    return _word_list("onsets.txt")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("kabar.data").joinpath(f"id/stem/{name}").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def fold(text: str) -> str:
    """Lower-case and drop diacritics ("Jum’at" and "jumat" compare equal after tokenising)."""
    folded = text.casefold()
    if folded.isascii():  # most news text: nothing to decompose, and checking it is 20x cheaper
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Reading(NamedTuple):
    """One way to peel a word: the remaining root and which affixes were taken off."""

    root: str
    prefix: str
    suffix: str


def _prefix_readings(word: str) -> list[tuple[str, str]]:
    """(prefix, root) pairs for one prefix, with the nasal's lost first letter restored in every way
    it could have been ("mengirim" < "kirim", "mengambil" < "ambil", "menyatakan" < "nyata")."""
    for nasal, restored in (("meng", ("k", "")), ("peng", ("k", "")), ("meny", ("s", "ny")),
                            ("peny", ("s", "ny")), ("mem", ("p", "m")), ("pem", ("p", "m")),
                            ("men", ("t", "n")), ("pen", ("t", "n"))):
        if word.startswith(nasal):
            rest = word[len(nasal):]
            if rest[:1] in VOWELS:
                return [(nasal, first + rest) for first in restored]
            return [] if nasal in ("meny", "peny") else [(nasal, rest)]
    for prefix in ("ber", "ter", "per", "me", "pe", "di", "ke", "se", "be"):
        if word.startswith(prefix):
            return [(prefix, word[len(prefix):])]
    return []


def _readings(word: str) -> list[Reading]:
    """Every reading with at most one suffix and two prefixes, suffixes peeled first as in the
    Nazief-Adriani order ("memberikan" < "memberi" < "beri", not "mem-ber-ikan")."""
    bases = [(word[: -len(s)], s) for s in SUFFIXES if word.endswith(s)] + [(word, "")]
    found: list[Reading] = []
    for base, suffix in bases:
        found.append(Reading(base, "", suffix))
        for prefix, root in _prefix_readings(base):
            found.append(Reading(root, prefix, suffix))
            for inner, inner_root in _prefix_readings(root):
                if inner in ("per", "ber"):
                    found.append(Reading(inner_root, prefix + inner, suffix))
    return [r for r in found if r.root]


def _trusted(reading: Reading) -> bool:
    """Affix patterns common enough in news to strip without a dictionary."""
    root, prefix, suffix = reading
    if len(root) < MIN_STEM or not _looks_like_root(root):
        return False
    outer = prefix[:2] if prefix[:2] in ("di", "ke", "se") or prefix == "be" else prefix[:3]
    if (outer[:2] if outer[:2] == "me" else outer, suffix) in IMPOSSIBLE_CONFIXES:
        return False
    if suffix == "i" and (not prefix or root.endswith(("s", "a"))):
        return False  # bare "-i" is mostly a root's own letter ("tinggi", "operasi", "capai")
    if outer in ("ke", "per") and not suffix:
        return False  # "kepala", "personel": bare ke-/per- mostly belongs to the root
    if outer == "se" or (outer == "be" and not root.startswith("ker")) or (prefix == "pe" and root[0] not in "lrwy"):
        return False
    return not (prefix == "me" and root[0] not in "lrwy")


def _looks_like_root(root: str) -> bool:
    """Indonesian roots open with a vowel, a consonant and a vowel, or a known cluster ("kr", "st")."""
    return root[0] in VOWELS or root[1] in VOWELS or root[:2] in root_onsets()


def _strip_ending(word: str, endings: tuple[str, ...], only_to_roots: bool = False) -> str:
    for ending in endings:
        rest = word[: -len(ending)]
        if word.endswith(ending) and len(rest) >= MIN_STEM and (not only_to_roots or stem(rest) in known_roots()):
            return rest
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root an affixed Indonesian word most likely comes from; unknown shapes stay as they are."""
    word = fold(word)
    roots = known_roots()
    if word in roots or len(word) <= MIN_STEM or not word.isalpha():
        return word
    for endings, only_to_roots in ((PARTICLES, False), (POSSESSIVES, False), (ROOT_ONLY_ENDINGS, True)):
        word = _strip_ending(word, endings, only_to_roots)
        if word in roots:
            return word
    readings = _readings(word)
    for reading in readings:
        if reading.root in roots:
            return reading.root
    trusted = [r for r in readings if _trusted(r)]
    return min(trusted, key=lambda r: (len(r.root), -len(r.prefix))).root if trusted else word


def tokens(text: str) -> list[str]:
    """Folded word tokens, hyphenated words kept whole ("kn-23", "kim-jong-un" stays one token)."""
    return TOKEN.findall(fold(text))


def normalize_tokens(text: str) -> list[str]:
    """One stem per word: what the search index and the similarity measures compare."""
    return [stem(token) for token in tokens(text)]
