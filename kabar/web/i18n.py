"""Interface strings as data (kabar/web/strings/<language>.toml): Indonesian by default, English beside it."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

LANGUAGES = ("id", "en")
DEFAULT = "id"
FALLBACK = "en"


def chosen_language(asked: str | None, remembered: str | None) -> str:
    """The interface language asked for (?lang=), else the one remembered (cookie), else the default; an
    unknown one is the default."""
    chosen = asked or remembered or DEFAULT
    return chosen if chosen in LANGUAGES else DEFAULT


@cache
def strings(language: str) -> dict[str, str]:
    """The language's strings over the fallback's, so a missing key shows in English, never as a key."""
    def load(name: str) -> dict[str, str]:
        return tomllib.loads(resources.files("kabar.web").joinpath(f"strings/{name}.toml").read_text("utf-8"))

    return {**load(FALLBACK), **load(language)} if language != FALLBACK else load(FALLBACK)


def translator(language: str):  # noqa: ANN201 - a closure the templates call as t(key, **values)
    table = strings(language if language in LANGUAGES else DEFAULT)

    def t(key: str, **values: object) -> str:
        # a count of one reads "<key>_one" where the tables give it ("1 article", not "1 articles")
        text = table.get(f"{key}_one", table[key]) if values.get("count") == 1 else table[key]
        return text.format(**values) if values else text

    return t
