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
from collections.abc import Sequence
from functools import cache, lru_cache

from kabar.lexicon import data_lines, sections, table, word_set

TOKEN = re.compile(r"[^\W_]+(?:[.'-][^\W_]+)*", re.UNICODE)
DOMAIN = re.compile(r"\b[\w-]+\.(?:com|co\.id|id|net|org|tv|co)\b", re.IGNORECASE)
PUBLIC_DOMAIN = re.compile(r"\.(?:go|ac|sch|or|mil|desa)\.id\b", re.IGNORECASE)
"""A government, school or organisation's address, which articles cite (a site's own name is furniture's)."""
BRAND_CASE = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]")
"""A word with a capital inside it ("tvOnenews", "kumparanNEWS", "IDNTimes"), as outlets write their names."""
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
    """The outlets' keys a token can match (those of outlets.tsv and the brand names of outlet-names.txt):
    tokens are compared with their dots and hyphens removed."""
    names = (word for line in data_lines("clean/outlet-names.txt") for word in line.split())
    return frozenset(key for key in (*table("clean/outlets.tsv"), *names) if "." not in key)


NOT_SECOND_PERSON = "ends-in-mu"
"""The section of furniture-words.txt that lists words ending in "-mu" which do not address the reader."""


@cache
def _word_groups() -> dict[str, str]:
    """Each listed word and the group it belongs to (promo verb, channel, call to act, the reader)."""
    return {word: group for group, lines in sections("clean/furniture-words.txt").items()
            if group != NOT_SECOND_PERSON for line in lines for word in line.lower().split()}


@cache
def _not_second_person() -> frozenset[str]:
    return frozenset(word for line in sections("clean/furniture-words.txt")[NOT_SECOND_PERSON]
                     for word in line.lower().split())


SUFFIXES = ("kanlah", "lah", "kan", "nya", "i")
"""Suffixes taken off a word to find its listed root: the imperative's "-kan", "-i", "-lah" ("kirimkan",
"ikutilah") and "-nya". Prefixed forms are left alone: "dibuka", "melihat" tell the news, not the reader."""


SECOND_PERSON_MIN_LENGTH = 6
"""A word this long ending in "-mu" addresses the reader ("pendapatmu", "ponselmu", "keluargamu"): promos speak to
the reader, news tells of others. Shorter ones are roots ("ilmu", "tamu")."""


@lru_cache(maxsize=65536)
def _group_of(token: str) -> str | None:
    """The word group of a token, or of its root once a suffix is taken off; a word with the reader's "-mu" is
    the reader's."""
    groups = _word_groups()
    roots = (token, *(token[: -len(suffix)] for suffix in SUFFIXES if token.endswith(suffix)))
    found = next((groups[root] for root in roots if len(root) > 2 and root in groups), None)
    if found is None and len(token) >= SECOND_PERSON_MIN_LENGTH and token.endswith("mu") \
            and token not in _not_second_person():
        return "reader"
    return found


DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
DOMAIN_SUFFIX = re.compile(r"\.(com|co\.id|co|id|net|org|tv)$")
OUTLET_SLASH_NAME = re.compile(r"^[\w.-]+\.(?:com|co\.id|id|net|tv)\s*/\s*\S", re.IGNORECASE)


LABEL_AND_NAME = re.compile(r"^[A-Z][\w'.]*(?:\s+[A-Z&][\w'.]*)?\s*:\s*[A-Z(]")
"""A capitalised label of one or two words, a colon and a capitalised value, no digits: "Editor : Nama", "Sumber:
Antara", also a list of officials' "Bendahara Umum: Nama" (its place tells them apart, see `line_features`); a
figure's "Total: Rp 6.129.000" is an article's table."""


def _bracketed(line: str) -> bool:
    """"(ant/Nama)", "[Nama]", "(Z-12).": the whole line in brackets."""
    closing = line[-2:-1] if line.endswith(".") else line[-1:]
    return len(line) >= 2 and line[0] in "([" and closing != "" and closing in ")]"


def _outlet_key(token: str) -> str:
    return DOMAIN_SUFFIX.sub("", token).replace(".", "").replace("-", "")


def _names_an_outlet(lower_tokens: list[str]) -> bool:
    """A token is an outlet's key, a dotted one ("detik.com") once its domain suffix, dots and hyphens are gone."""
    keys = _outlet_keys()
    return not keys.isdisjoint(lower_tokens) or any(
        _outlet_key(t) in keys for t in lower_tokens if "." in t or "-" in t)


def _asks_then_urges(text: str) -> bool:
    """"Punya cerita? Kirimkan ke redaksi.": a question to the reader, then a promo verb."""
    after = TOKEN.findall(text.split("? ", 1)[1].lower())
    return bool(after) and _group_of(after[0]) == "promo-verb"


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
        ("opens-quote", stripped[:1] in QUOTES),
        ("bracketed", _bracketed(stripped)),
        ("short-with-slash", "/" in stripped and len(tokens) <= 8),
        ("domain", any(suffix in lower_text for suffix in DOMAIN_HINTS) and DOMAIN.search(text)),
        ("public-domain", ".id" in lower_text and PUBLIC_DOMAIN.search(text)),
        ("brand-case", any(BRAND_CASE.search(t) for t in tokens if len(t) > 3)),
        ("url", "http://" in lower_text or "https://" in lower_text or "www." in lower_text),
        ("handle", "@" in text and HANDLE.search(text)),
        ("hashtag", "#" in text and HASHTAG.search(text)),
        ("separator", SEPARATOR.search(text)),
        ("outlet-name", _names_an_outlet(lower)),
        ("outlet-slash-name", len(tokens) <= 6 and "/" in stripped and OUTLET_SLASH_NAME.match(stripped)),
        ("label-name", len(tokens) <= 8 and ":" in stripped and not digits and LABEL_AND_NAME.match(stripped)),
    )
    found += [name for name, present in flags if present]
    word_groups = [_group_of(t) for t in lower]
    found += {f"group:{group}" for group in word_groups if group}
    if sum(1 for group in word_groups if group == "promo-verb") > 1:
        found.append("promo-verbs:2+")
    if "? " in stripped and _asks_then_urges(stripped):
        found.append("asks-then-urges")
    if lowered:
        if word_groups[0]:
            found.append(f"first-group:{word_groups[0]}")
        found += (f"first:{lowered[0]}", f"last:{lowered[-1]}")
    found += {f"w:{t}" for t in lowered}
    return tuple(sorted(set(found)))


PARAGRAPH_WORDS = 15
"""A line of this many words is taken for article text when placing the other lines: furniture sits before the
first such line or after the last far more often than between them."""
UNSPACED_LETTER = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Letters of scripts written without spaces between words (Thai, kana, Han): about two make a word."""


def spaced_words(text: str) -> int:
    """The line's words as its spaces count them, two letters of a script written without spaces counted as one
    more word: a Japanese paragraph has no space, and was a one-word line among one-word lines."""
    count = text.count(" ") + 1
    return count if text.isascii() else count + len(UNSPACED_LETTER.findall(text)) // 2


BETWEEN_PROSE = "between-prose"
"""The place of a short line with a paragraph-length line on each side: an article's sub-heading stands there."""
HEADS_NEXT = "heads-next"
"""The place of a short line over a sentence that takes up its words (`heads_sentence`): a sub-heading names what its
section tells ("Dukung Penuh PSI" over "... akan mendukung penuh PSI")."""
NAMES_ARTICLE = "names-article"
"""The place of a line whose own words, once the furniture groups' words are set aside, come back in the page's
paragraph-length lines (`names_article`): a closing word to the reader about the article's subject ("Pantau terus
jadwal seleksi beasiswa agar kamu tidak terlambat."), where an outlet's promo speaks of its app or channel."""
UNWEIGHTED_PLACES = frozenset({HEADS_NEXT, NAMES_ARTICLE})
"""Place marks that only spare a line (`is_article_structure`) and that the model is not trained on: learned, the
mark moved the other weights so that a sub-heading naming its section in other words than the paragraph's
("Antrean Panjang di Balai Desa" over "... sudah mengantre ...") was taken for furniture."""
INTRODUCED = "introduced"
"""The place of the short lines right after a sentence that ends in a colon: the list that paragraph announces
("Berikut susunan pengurusnya:")."""


INTRODUCTION_WORDS = 8
"""A line ending in a colon announces a list when it has at least this many words ("Adapun susunan direksi
terbaru sebagai berikut:"); a shorter one may be an outlet's own ("Sebagian artikel ini telah tayang di:")."""


def _introduces(text: str) -> bool:
    return text.count(" ") + 1 >= INTRODUCTION_WORDS and text.rstrip().rstrip("\\").rstrip().endswith(":")


SHARED_WORDS_SHARE = 2 / 3
"""Share of a line's words that must come back in a paragraph for the line to name what it tells."""


def names_paragraph(line: str, paragraph: str, share: float = SHARED_WORDS_SHARE) -> bool:
    """Two or more of the line's words (stopwords aside), and at least `share` of them, come back in the paragraph,
    also inside its affixed words ("dukung" in "mendukung"): the line names what the paragraph tells, as a
    sub-heading does for the paragraph after it and a round-up's link for the item before it. An outlet's insert
    speaks of the outlet, its app or channel, or of another story, not of the paragraph it happens to stand by."""
    stopwords = _stopwords()
    line_words = {word for word in TOKEN.findall(line.lower()) if len(word) >= 3 and word not in stopwords}
    paragraph_text = paragraph.lower()
    shared = sum(1 for word in line_words if word in paragraph_text)
    return shared >= 2 and shared >= share * len(line_words)


@cache
def _stopwords() -> frozenset[str]:
    return word_set("clean/stopwords.txt")


ARTICLE_WORDS_SHARE = 1 / 2
"""Share of a line's subject words (`names_article`) that must come back in the article's paragraphs."""


def names_article(line: str, article: str) -> bool:
    """Two or more of the line's words that are neither stopwords nor a furniture group's (promo verb, channel,
    call, the reader, the outlet's voice), and at least `ARTICLE_WORDS_SHARE` of them, come back in the article's
    paragraphs (lower-cased): the line speaks of what the article tells, not of the outlet."""
    stopwords = _stopwords()
    line_words = {word for word in TOKEN.findall(line.lower())
                  if len(word) >= 3 and word not in stopwords and _group_of(word) is None}
    shared = sum(1 for word in line_words if word in article)
    return shared >= 2 and shared >= ARTICLE_WORDS_SHARE * len(line_words)


def heads_sentence(line: str, following: str) -> bool:
    """A line with no sentence end over a longer sentence that takes up its words (`names_paragraph`) or opens with
    them ("Lovebird" over "Lovebird adalah burung kecil ..."): a sub-heading or a section's label, wherever the
    page's paragraph-length lines stand (a profile's short sentences, a list's items)."""
    line, following = line.strip(), following.strip()
    return not line.endswith(SENTENCE_ENDS) and following.endswith(SENTENCE_ENDS) \
        and following.count(" ") > line.count(" ") + 2 \
        and (names_paragraph(line, following) or following.lower().startswith(line.lower() + " "))


class PagePlaces:
    """Where each of a page's lines stands: how near the page's edges (furniture gathers there), in which half,
    whether it is a short line between short lines among the paragraphs (an item of the article's list: an
    outlet's insert stands between paragraphs) or between two paragraphs (`BETWEEN_PROSE`), over a sentence that
    takes up its words (`HEADS_NEXT`), in a list a sentence announces (`INTRODUCED`), and before, among or
    after the paragraph-length lines (last). A line's place is worked out when it is asked for: the cleaner asks
    for the lines it kept, a few of a web page's hundreds."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.count = len(texts)
        self.short = [spaced_words(text) < PARAGRAPH_WORDS for text in texts]
        long_lines = [index for index in range(self.count) if not self.short[index]]
        self.first_long, self.last_long = (long_lines[0], long_lines[-1]) if long_lines else (-1, -1)
        self.article = "\n".join(texts[index] for index in long_lines).lower()
        self.introduced: list[bool] = []
        introduced = False
        for index in range(self.count):
            introduced = self.short[index] and (introduced or (index > 0 and _introduces(texts[index - 1])))
            self.introduced.append(introduced)

    def place(self, index: int) -> tuple[str, ...]:
        short, count = self.short, self.count
        edge = min(index, count - 1 - index)
        near = "edge:0" if edge == 0 else "edge:1-2" if edge <= 2 else "edge:inner"
        body = ("body:none" if self.first_long < 0 else "body:before" if index < self.first_long
                else "body:after" if index > self.last_long else "body:among")
        listed = body == "body:among" and short[index] and short[index - 1] and short[index + 1]
        between = body == "body:among" and short[index] and not short[index - 1] and not short[index + 1]
        heads = short[index] and index + 1 < count and heads_sentence(self.texts[index], self.texts[index + 1])
        about = body != "body:none" and short[index] and names_article(self.texts[index], self.article)
        marks = (("listed",) * listed + (BETWEEN_PROSE,) * between + (HEADS_NEXT,) * heads
                 + (NAMES_ARTICLE,) * about + (INTRODUCED,) * self.introduced[index])
        return (near, f"half:{'head' if index < count / 2 else 'tail'}", *marks, body)


def page_places(texts: Sequence[str]) -> list[tuple[str, ...]]:
    """Every line's place on the page (see `PagePlaces`)."""
    places = PagePlaces(texts)
    return [places.place(index) for index in range(len(texts))]


PLACED_SHAPES = frozenset({"label-name", "bracketed", "short-with-slash", "question", "capitals:4", "all-capitals"})
"""Shapes whose meaning hangs on the place: "Editor: Nama" after the article is a credit, "Ketua: Nama" among its
paragraphs a list item. Each is also a feature joined with the line's place among the paragraphs (a linear model
cannot join them itself)."""


def line_features(text: str, place: tuple[str, ...]) -> tuple[str, ...]:
    """The line's text features, its place on the page (`PagePlaces`) and its place-bound shapes."""
    features = text_features(text)
    body = place[-1]
    return (*features, *place, *(f"{name}@{body}" for name in features if name in PLACED_SHAPES))


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
    # summed in the features' sorted order, so the figure does not hang on the order a set gave them
    score = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) for name in sorted(features))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


MAX_FURNITURE_SPACES = 40
"""A line with more words than this is a paragraph, never furniture (the longest furniture line of the 30
dev styles has 22 words): the model is not asked, which spares its cost on long paragraphs."""


LINK_SHAPES = frozenset({"domain", "url", "handle", "hashtag", "separator", "outlet-name", "brand-case"})
"""Shapes of a link or an outlet's name, which no list item nor sub-heading of the article needs to be furniture."""
ADDRESS_SHAPES = frozenset({"domain", "url", "handle", "hashtag"})
"""Shapes that point to a page or an account."""
INSERT_SHAPES = LINK_SHAPES | {"bracketed", "all-capitals", "sentence-end", "label-name", "short-with-slash"}
"""Shapes of an outlet's insert between paragraphs (a link, a channel, a credit, a promo sentence)."""


def is_word_to_reader(features: tuple[str, ...]) -> bool:
    """A sentence to the reader (second person) about the article's subject (`NAMES_ARTICLE`), with no link, no
    outlet's name and not in the outlet's voice ("kami", "redaksi"): the article's closing advice ("... agar kamu
    tidak terlambat."), not the outlet's promo ("Kirim tulisan Anda dan jadilah bagian dari komunitas kami.")."""
    return NAMES_ARTICLE in features and "group:reader" in features and "sentence-end" in features \
        and "group:outlet-voice" not in features and LINK_SHAPES.isdisjoint(features)


def is_quotation(features: tuple[str, ...]) -> bool:
    """A sentence that opens with a quotation mark ("Kami bersatu ..." or "...," ujar Nama.), with no address in it:
    the speaker's words, whose "kami" and "Anda" are the speaker's, not the outlet's voice. No insert of the outlet
    styles opens with a quotation mark; the model took such quotes for promos in the CLICK-ID texts. An outlet's
    name or a dash may stand in a quote ("antara" is also a word); an address or a handle points away from it."""
    return "opens-quote" in features and "sentence-end" in features and ADDRESS_SHAPES.isdisjoint(features)


def is_article_structure(features: tuple[str, ...]) -> bool:
    """A sub-heading (a short line between two paragraphs, or over a sentence that takes up its words, with none of
    an insert's shapes) or an item of a list a paragraph announces (no link shape), neither with an insert's words
    (promo verb, channel, call, the reader) unless the sentence after the sub-heading takes up its words
    (`HEADS_NEXT`: "Dukung Penuh PSI"): the model's word weights alone may not remove it ("Pelaku Ditangkap
    Polisi", "Direktur: Nama"), as dev Kompas retention showed."""
    if is_word_to_reader(features) or is_quotation(features):
        return True
    shapes = INSERT_SHAPES if BETWEEN_PROSE in features else LINK_SHAPES if INTRODUCED in features \
        else INSERT_SHAPES if HEADS_NEXT in features else None
    return shapes is not None and shapes.isdisjoint(features) \
        and (HEADS_NEXT in features or not any(name.startswith("group:") for name in features))


def is_furniture(text: str, place: tuple[str, ...]) -> tuple[bool, float]:
    """Whether the model takes the line, at its place on the page (`PagePlaces`), for furniture, and its
    probability."""
    if text.count(" ") >= MAX_FURNITURE_SPACES:
        return False, 0.0
    features = line_features(text, place)
    probability = furniture_probability(features)
    return probability >= model()[1] and not is_article_structure(features), probability
