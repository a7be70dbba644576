"""Reading the commented word lists and tables under kabar/data: the language knowledge every stage shares."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def data_lines(relative: str) -> list[str]:
    """Non-empty, non-comment lines of a data file shipped in kabar/data."""
    text = resources.files("kabar.data").joinpath(relative).read_text("utf-8")
    return [line.rstrip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def word_set(relative: str) -> frozenset[str]:
    return frozenset(word.lower() for line in data_lines(relative) for word in line.split())


@cache
def table(relative: str) -> dict[str, str]:
    """A two-column tab-separated file as a dict (first column lower-cased)."""
    rows = (line.split("\t", 1) for line in data_lines(relative))
    return {key.strip().lower(): value.strip() for key, value in rows}


@cache
def sections(relative: str) -> dict[str, tuple[str, ...]]:
    """A file of "[name]" headers, each followed by its lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in data_lines(relative):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1]
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(stripped)
    return {name: tuple(lines) for name, lines in found.items()}


def alternation(words: list[str]) -> str:
    """A regex matching any of `words`, longest first, written as a trie ("jun(?:[ei])?" style) so the
    engine compares each character once instead of trying every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"
