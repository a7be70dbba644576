"""Document language (id / ms / en) from function-word profiles kept in kabar/data/lang."""

from __future__ import annotations

import re

from kabar.lexicon import word_set

WORD = re.compile(r"[a-zA-Z]+")


def detect_language(text: str) -> str:
    """English when its function words outnumber the shared Indonesian/Malay ones; then Malay when its
    markers outnumber the Indonesian-only ones; Indonesian otherwise."""
    words = [w.lower() for w in WORD.findall(text[:20_000])]

    def count(list_name: str) -> int:
        vocabulary = word_set(f"lang/{list_name}.txt")
        return sum(1 for w in words if w in vocabulary)

    if count("en") > count("id-ms"):
        return "en"
    malay = count("ms")
    return "ms" if malay >= 2 and malay > count("id") else "id"
