"""Document language: id / ms / en from function-word profiles kept in kabar/data/lang, and any other
language by its ISO 639-1 code from py3langid's model (97 languages, shipped inside its package).

The profiles settle the three languages Kabar reads, where they beat a general identifier (it cannot tell
Indonesian from Malay news reliably); py3langid only says when a page is none of them (German, Japanese,
Javanese), so it is not run through the Indonesian models. On 8,170 real Indonesian articles of
../shared/corpus/real it named none as another language.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kabar.lexicon import table, word_set

WORD = re.compile(r"[a-zA-Z]+")
READ_LANGUAGES = ("id", "ms", "en")
IDENTIFIER_SAMPLE = 5_000
"""Characters the identifier reads: enough for a confident answer, cheap enough per article."""
MIN_IDENTIFIED = 100
"""Below this many characters the identifier guesses ("Banjir" alone reads as Javanese): the profiles decide."""
MAX_FUNCTION_WORD_SHARE = 0.05
"""Indonesian news has about 18% of its words in the shared Indonesian/Malay list, English about 36% in the
English one; another language's text has almost none, and only then is the identifier's other answer taken."""


LANGUAGE_TAG = re.compile(r"([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]{1,8})*")
"""A language tag as dumps write it: "id", "ID", "id-ID", "en_US"; its first part is the ISO 639-1 code."""


def article_language(declared: str | None, text: str) -> str:
    """The two-letter code the rest of Kabar compares: a record's own language tag as its code ("id-ID" is
    "id", a withdrawn code its successor: "in_ID" is "id"), else, where it declares none or something that is
    no such tag ("Indonesian"), the text's."""
    tag = LANGUAGE_TAG.fullmatch(declared.strip()) if declared else None
    if not tag:
        return detect_language(text)
    code = tag.group(1).lower()
    return table("lang/legacy-codes.tsv").get(code, code)


def wording_of(language: str) -> str:
    """The language whose words a text shares: Malay and Indonesian news write most words alike, so a report
    read as Malay still meets Indonesian ones word for word."""
    return "id" if language == "ms" else language


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 (py3langid ships no type hints)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str:
    """Another language's code when the identifier names one; else English when its function words
    outnumber the shared Indonesian/Malay ones; then Malay when its markers outnumber the Indonesian-only
    ones; Indonesian otherwise."""
    counts = Counter(map(str.lower, WORD.findall(text[:20_000])))

    def count(list_name: str) -> int:
        return sum(map(counts.__getitem__, word_set(f"lang/{list_name}.txt") & counts.keys()))

    shared, english = count("id-ms"), count("en")
    other = _other_language(text[:IDENTIFIER_SAMPLE], shared + english)
    if other:
        return other
    if english > shared:
        return "en"
    malay = count("ms")
    return "ms" if malay >= 2 and malay > count("id") else "id"


def _other_language(sample: str, function_words: int) -> str | None:
    """The identifier's answer when it is none of the languages Kabar reads and the text bears it out."""
    if len(sample.strip()) < MIN_IDENTIFIED:
        return None
    most_words = (len(sample) + 1) // 2  # words and the gaps between them take a character each at least
    if function_words > MAX_FUNCTION_WORD_SHARE * most_words:  # spares counting the words of most pages
        return None
    if function_words > MAX_FUNCTION_WORD_SHARE * len(re.findall(r"\w+", sample)):
        return None
    identified, _score = _identifier().classify(sample)
    return identified if identified not in READ_LANGUAGES else None
