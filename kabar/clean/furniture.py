"""A line model for page furniture that no cue names: an outlet's own promo, credit or widget wording.

The cue list (`kabar/data/clean/cues.txt`) knows the wording of the outlets it was written from; a new
outlet words its app promo, follow line or photo credit its own way. What such lines share is their
shape: an imperative promo verb ("Gabung", "Tonton", "Dukung"), a channel or an outlet's name, a
domain, a line in brackets, capitals, no finite clause. A logistic model over
those cues and the line's words, trained on the generated scrapes of `kabar.eval.noise` (furniture of
many outlet styles against real article lines), gives each line its probability of being furniture;
its weights are data (`kabar/data/clean/furniture-model.tsv`, written by `python -m kabar.eval.noise
train`).
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from itertools import repeat

from kabar.lexicon import data_lines, sections, table

TOKEN = re.compile(r"[^\W_]+(?:[.'-][^\W_]+)*", re.UNICODE)
DOMAIN = re.compile(r"\b[\w-]+\.(?:com|co\.id|id|net|org|tv|co)\b", re.IGNORECASE)
HANDLE = re.compile(r"(?<!\w)@\w{2,}")
HASHTAG = re.compile(r"(?<!\w)#\w{2,}")
SEPARATOR = re.compile(r"[|•»›→▶►·]|\s[-–—/]\s|-{2,}")
SENTENCE_ENDS = (".", "!", "?", '"', "”")
DIGIT = re.compile(r"\d")
DOMAIN_HINTS = (".com", ".co", ".id", ".net", ".org", ".tv")
QUOTES = ('"', "“", "”")
LENGTH_BUCKETS = (3, 5, 8, 13, 21, 34)


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    return str(next((edge for edge in edges if value <= edge), "more"))


@cache
def _outlet_keys() -> frozenset[str]:
    """The outlets' keys a token can match: tokens are compared with their dots removed."""
    return frozenset(key for key in table("clean/outlets.tsv") if "." not in key)


@cache
def _word_groups() -> dict[str, str]:
    """Each listed word and the group it belongs to (promo verb, channel, call to act, the reader)."""
    return {word: group for group, lines in sections("clean/furniture-words.txt").items()
            for line in lines for word in line.lower().split()}


DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
DOMAIN_SUFFIX = re.compile(r"\.(com|co\.id|co|id|net|org|tv)$")
OUTLET_SLASH_NAME = re.compile(r"^[\w.-]+\.(?:com|co\.id|id|net|tv)\s*/\s*\S", re.IGNORECASE)


def _bracketed(line: str) -> bool:
    """"(ant/Nama)", "[Nama]", "(Z-12).": the whole line in brackets."""
    closing = line[-2:-1] if line.endswith(".") else line[-1:]
    return len(line) >= 2 and line[0] in "([" and closing != "" and closing in ")]"


def _outlet_key(token: str) -> str:
    return DOMAIN_SUFFIX.sub("", token).replace(".", "") if "." in token else token


def _names_an_outlet(lower_tokens: list[str]) -> bool:
    """A token is an outlet's key, a dotted one ("detik.com") once its domain suffix and dots are gone."""
    keys = _outlet_keys()
    return not keys.isdisjoint(lower_tokens) or any(_outlet_key(t) in keys for t in lower_tokens if "." in t)


@lru_cache(maxsize=16384)
def text_features(text: str) -> tuple[str, ...]:
    """The features of a line's own text (its place on the page is added by `line_features`)."""
    tokens = TOKEN.findall(text)
    lower_text = text.lower()
    lower = TOKEN.findall(lower_text)
    # word features read digits as zeros; a digit stays a word character, so the tokens are the same
    digits = DIGIT.search(text)
    lowered = [t.translate(DIGITS_AS_ZERO) for t in lower] if digits else lower
    stripped = text.strip().rstrip("\\").strip()
    # no feature for one- or two-word lines, nor for "Label:" lines: list items and table rows of real
    # articles have those shapes as often as furniture does (cross-validation by style said so)
    found = [f"words:{_bucket(len(tokens), LENGTH_BUCKETS)}"] if len(tokens) > 2 else []
    alphabetic = [t for t in tokens if t[:1].isalpha()]
    if alphabetic:
        capitals = sum(1 for t in alphabetic if t[:1].isupper()) / len(alphabetic)
        found.append(f"capitals:{round(capitals * 4)}")
        if stripped.isupper() and len(stripped) > 3:
            found.append("all-capitals")
    if not tokens:
        found.append("no-words")
    flags = (
        ("digits", digits),
        ("sentence-end", stripped.endswith(SENTENCE_ENDS)),
        ("question", stripped.endswith("?")),
        ("exclamation", stripped.endswith("!")),
        ("quoted", any(mark in text for mark in QUOTES)),
        ("bracketed", _bracketed(stripped)),
        ("short-with-slash", "/" in stripped and len(tokens) <= 8),
        ("domain", any(suffix in lower_text for suffix in DOMAIN_HINTS) and DOMAIN.search(text)),
        ("url", "http://" in lower_text or "https://" in lower_text or "www." in lower_text),
        ("handle", "@" in text and HANDLE.search(text)),
        ("hashtag", "#" in text and HASHTAG.search(text)),
        ("separator", SEPARATOR.search(text)),
        ("outlet-name", _names_an_outlet(lower)),
        ("outlet-slash-name", len(tokens) <= 6 and "/" in stripped and OUTLET_SLASH_NAME.match(stripped)),
    )
    found += [name for name, present in flags if present]
    groups = _word_groups()
    found += {f"group:{groups[t]}" for t in lower if t in groups}
    if lowered:
        if lower[0] in groups:
            found.append(f"first-group:{groups[lower[0]]}")
        found += (f"first:{lowered[0]}", f"last:{lowered[-1]}")
    found += {f"w:{t}" for t in lowered}
    return tuple(found)


def line_features(text: str, index: int, count: int) -> tuple[str, ...]:
    """The line's text features and where it stands among `count` lines (furniture gathers at the edges)."""
    edge = min(index, count - 1 - index)
    place = "edge:0" if edge == 0 else "edge:1-2" if edge <= 2 else "edge:inner"
    return (*text_features(text), place, f"half:{'head' if index < count / 2 else 'tail'}")


MODEL_FILE = "clean/furniture-model.tsv"


@cache
def model() -> tuple[dict[str, float], float]:
    """Feature weights and the threshold above which a line is furniture: rows "feature<TAB>weight",
    the bias as feature "bias", the threshold as "threshold"."""
    weights = {name: float(value) for name, value in (line.split("\t") for line in data_lines(MODEL_FILE))}
    return weights, weights.pop("threshold")


def furniture_probability(features: tuple[str, ...], weights: dict[str, float] | None = None) -> float:
    """The model's probability that a line with these features is furniture (another model's weights may be
    given, as cross-validation does)."""
    weights = weights if weights is not None else model()[0]
    score = weights.get("bias", 0.0) + sum(map(weights.get, features, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


MAX_FURNITURE_SPACES = 40
"""A line with more words than this is a paragraph, never furniture (the longest furniture line of the 30
dev styles has 22 words): the model is not asked, which spares its cost on long paragraphs."""


def is_furniture(text: str, index: int, count: int) -> tuple[bool, float]:
    """Whether the model takes the line for furniture, and its probability."""
    if text.count(" ") >= MAX_FURNITURE_SPACES:
        return False, 0.0
    probability = furniture_probability(line_features(text, index, count))
    return probability >= model()[1], probability
