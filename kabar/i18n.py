"""Interface words as data (kabar/data/interface/<language>.toml): Indonesian by default, English beside it.

The web pages, the report and the name of an untitled story all speak in these words, so they live with the
library, not with the web app."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

LANGUAGES = ("id", "en")
DEFAULT = "id"
FALLBACK = "en"


def chosen_language(asked: str | None, remembered: str | None) -> str:
    """The interface language asked for (the web's ?lang=), else the one remembered (its cookie), else the
    default; an unknown one is the default."""
    chosen = asked or remembered or DEFAULT
    return chosen if chosen in LANGUAGES else DEFAULT


@cache
def _own(language: str) -> dict[str, str]:
    return tomllib.loads(resources.files("kabar.data").joinpath(f"interface/{language}.toml").read_text("utf-8"))


@cache
def strings(language: str) -> dict[str, str]:
    """The language's strings over the fallback's, so a missing key shows in English, never as a key."""
    return {**_own(FALLBACK), **_own(language)} if language != FALLBACK else _own(FALLBACK)


def translator(language: str):  # noqa: ANN201 - a closure the templates call as t(key, **values)
    language = language if language in LANGUAGES else DEFAULT
    table = strings(language)

    def t(key: str, **values: object) -> str:
        # a count of one reads "<key>_one" where the key's own language gives it ("1 article", not "1 articles");
        # Indonesian needs none, so the English singular must not replace an Indonesian key
        if values.get("count") == 1:
            owner = _own(language) if key in _own(language) else _own(FALLBACK)
            text = owner.get(f"{key}_one", table[key])
        else:
            text = table[key]
        return text.format(**values) if values else text

    return t
