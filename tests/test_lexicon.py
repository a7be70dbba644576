"""The word-alternation helper matches exactly its words and prefers the longest."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kabar.lexicon import alternation

WORDS = st.lists(st.text(alphabet="abjnu.-", min_size=1, max_size=5), min_size=1, max_size=12)


@given(WORDS, st.text(alphabet="abjnu.-", max_size=6))
def test_alternation_matches_exactly_its_words(words, probe):
    pattern = re.compile(alternation(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert bool(pattern.fullmatch(probe)) == (probe in words)


@given(WORDS)
def test_alternation_prefers_the_longest_word(words):
    pattern = re.compile(alternation(words))
    for word in words:
        assert pattern.match(word + " ").group(0) == max((w for w in words if word.startswith(w)), key=len)
