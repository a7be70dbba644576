"""Case-insensitive patterns searched in folded text find what re.IGNORECASE finds in the text."""

from __future__ import annotations

import re
import string
import sys

import pytest

from kabar.nlp.folding import FoldedPattern, case_folded


def test_case_folding_covers_every_letter_ignorecase_matches() -> None:
    """Every character a case-insensitive pattern matches to an ASCII letter folds to that letter, so a cue
    missing from the folded text cannot be in a match."""
    letters = re.compile("|".join(string.ascii_lowercase), re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if letters.fullmatch(character):
            letter = next(a for a in string.ascii_lowercase if re.fullmatch(a, character, re.IGNORECASE))
            assert case_folded(character) == letter, hex(code)
    assert case_folded("PUKUL 10 WIB, Jum'at, hari İni, Aguſtus") == "pukul 10 wib, jum'at, hari ini, agustus"


def test_folding_keeps_offsets_classes_and_only_the_letters_ignorecase_matches() -> None:
    """Each character folds to one character of the same kind (word, digit, space), and to an ASCII letter only
    where re.IGNORECASE matches it to that letter: a lower-case pattern reads folded text as the case-insensitive
    one reads the text."""
    classes = [re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")]
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        folded = case_folded(character)
        assert len(folded) == 1, hex(code)
        assert [bool(c.match(character)) for c in classes] == [bool(c.match(folded)) for c in classes], hex(code)
        if folded in string.ascii_lowercase:
            assert re.fullmatch(folded, character, re.IGNORECASE), hex(code)


def test_folded_pattern_finds_the_case_insensitive_matches_with_their_capitals() -> None:
    pattern = FoldedPattern(re.compile(r"(?<![\w-])(?P<word>kata|ucap)\s+(?P<who>\w+)", re.IGNORECASE))
    text = "Kata Budi. KATA-kata, ucap ANI; Kelvin-sign \u212aata Sri"
    folded = case_folded(text)
    for start in (0, 3):
        expected = [m.span() + (m.group("who"),) for m in pattern.pattern.finditer(text, start)]
        assert [m.span() + (m.group("who"),) for m in pattern.finditer(text, folded, start)] == expected
    assert [m.group("who") for m in pattern.finditer(text, folded)] == ["Budi", "ANI", "Sri"]


def test_a_folded_pattern_with_capitals_is_refused() -> None:
    with pytest.raises(ValueError):
        FoldedPattern(re.compile(r"\bPukul\s+\d", re.IGNORECASE))
    assert FoldedPattern(re.compile(r"\bPukul\s+\d")).lower is None  # case-sensitive: searched as it is
