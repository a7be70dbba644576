"""Line-start cues are tried only where a line's first character lets them match, with the same answers."""

from __future__ import annotations

import re

import pytest

from kabar.clean.classify import _first_characters, _line_start_cues, cues, matching_cue

LINES = ["Baca juga: Banjir di Semarang", "BACA JUGA", "baca selengkapnya di sini", "Simak video berikut",
         "(ant/hrn)", "[Gambas:Video CNN]", "  scroll ke bawah untuk lanjut", "© 2024 Warta", "Kirim",
         "Iklan", "İklan", "Halaman 2 dari 3", "1 2 3 selanjutnya", "Editor: Budi", "Pemerintah kota menyiapkan",
         "", "ADVERTISEMENT", "Tags: banjir, rob", "Follow us", "\u212aomentar (3)"]


@pytest.mark.parametrize("pattern, starts", [
    (r"baca\s+juga", {"b"}), (r"(simak|tonton|saksikan)\s+video", {"s", "t"}), (r"\[gambas:.*\]$", {"["}),
    (r"\W*(scroll|gulir)", None), (r"\w+\s+adalah", None), (r"[a-z]{2,5}", None), (r"(ab|)c", None),
    (r"(?:x)?y", None), (r"©", None),
])
def test_first_characters_of_a_pattern(pattern: str, starts: set[str] | None):
    found = _first_characters(pattern)
    assert (None if found is None else set(found)) == starts


@pytest.mark.parametrize("line", LINES)
def test_the_cue_found_by_the_first_character_is_the_one_all_cues_find(line: str):
    anchored = [(i, c.pattern.pattern[1:]) for i, c in enumerate(cues()) if c.pattern.pattern.startswith("^")]
    every = re.compile("|".join(f"(?P<c{i}>{body})" for i, body in anchored), re.IGNORECASE).match(line)
    first = line[:1].lower()
    narrowed = _line_start_cues(first if first.isascii() and len(first) == 1 else "").match(line)
    assert (every and every.lastgroup) == (narrowed and narrowed.lastgroup)


def test_a_promo_label_is_still_named_by_its_cue():
    cue = matching_cue("Baca juga: Banjir Rob Rendam Permukiman Warga")
    assert cue is not None and cue.category == "related-link"
