"""One paragraph classifier for text scrapes and HTML: body, heading, or a removed class with a reason.

It reads the page as a reader does: a head (title, byline, date, caption, banners) before the first
real paragraph of prose, the article, and a tail that starts at an end marker (tags, "Baca
Selengkapnya") or after the last paragraph of prose. Cue lists say what a line is when its words
give it away; structure (length, stopword density, capitals, punctuation, links, position,
repetition across an outlet's pages) decides the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from kabar.clean.blocks import MIN_PROSE_CHARACTERS, Block
from kabar.clean.dates import UPDATE_CUE, parse_printed_date
from kabar.clean.furniture import UNSPACED_LETTER, names_paragraph, text_features
from kabar.lexicon import data_lines, sections, table, word_set

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SENTENCE_ENDS = sections("lang/sentence-ends.txt")
STOPS = "".join((*SENTENCE_ENDS["full stops"], *SENTENCE_ENDS["questions"]))
FULL_WIDTH_STOPS = "".join(c for c in STOPS if unicodedata.east_asian_width(c) in ("W", "F"))
SENTENCE_END = re.compile(f"[{re.escape(STOPS + ''.join(SENTENCE_ENDS['closing']))}]\\s*\\\\?\\s*$")
"""A sentence's stop, maybe closed by a quotation mark or bracket, and a Markdown line break ("\\")."""
SENTENCE_BREAK = re.compile(f"[{re.escape(''.join(c for c in STOPS if c not in FULL_WIDTH_STOPS))}]\\s+\\S"
                            f"|[{re.escape(FULL_WIDTH_STOPS)}]\\s*\\S")
"""One sentence ending inside a line and the next starting: a paragraph may end in a quoted title, not a stop."""
UNPUNCTUATED_LETTER = re.compile("[" + "".join(
    "{}-{}".format(*(chr(int(bound, 16)) for bound in line.split()[0].split("-")))
    for line in SENTENCE_ENDS["unpunctuated scripts"]) + "]")
"""Letters of scripts written without sentence stops (Thai, Lao, Khmer)."""
PHOTO_CREDIT = re.compile(r"(\(\s*(foto|photo|dok|gambar|ilustrasi)\s*[:/.)]|\b(foto|photo|dok|ist)\s*[:/]|^dok\.\s)",
                          re.IGNORECASE)
# "(KOMPAS.com/Nama Fotografer)", "ANTARA/Luqman Hakim", "Katadata/Nama": a source and a photographer; a source
# of one letter is an abbreviation ("kementerian dan lembaga (K/L)"), not an outlet
SOURCE_SLASH_NAME = re.compile(
    r"\(?(?<![/\w.-])[A-Z][\w.]+(?:\s+[A-Z][\w.]*)?\s*/\s*(?![A-Z]+\.?\s*$)[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\)?\.?\s*$"
)
AGENCY_CREDIT_END = re.compile(
    r"[/(\[]\s*(afp|reuters|ap|antara(\s+foto)?|kcna|epa|getty images|anadolu|yonhap|xinhua)\s*[)\]]*\s*\]?\s*$",
    re.IGNORECASE,
)
EDITOR_INITIALS = re.compile(r"\s*\((?:[a-z]{2,5}\s*/\s*)+[a-z]{2,5}\)\s*$", re.IGNORECASE)
NAME_WORD = re.compile(r"^[A-Z][\w'.-]*$")
RELATED_LABEL = re.compile(r"\b(terkait|lainnya|selanjutnya|sebelumnya|rekomendasi|related)\b", re.IGNORECASE)
LIST_ITEM = re.compile(r"^(\d{1,3}[.)]?|[-*•·▪–])\s+\S")
SHORT_LINE = "short line inside the article (list item, figure, name)"
CLOSING_LIST = "item of the list that closes the article"
CHROME = "page chrome (navigation, header, footer or sidebar)"
MARKUP_LEFTOVER = "markup leftover (no letters or digits)"
CODE_NAME = re.compile(r"(?=[\d_-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+){2,}")
"""A name from a page's code (a layout class "medium-browser-and-portrait-tablet", a URL slug): lower-case words
joined by hyphens or underscores, no space; no article writes a line so, in any language written in Latin letters.
It holds a letter: digits joined so are a date ("2024-01-15") or a telephone number."""


@dataclass(frozen=True)
class Cue:
    category: str
    pattern: re.Pattern[str]
    ends_article: bool


@dataclass(slots=True)
class Decision:
    block: Block
    label: str  # body, heading, title, byline, date, caption, boilerplate, credit
    reason: str

    @property
    def kept(self) -> bool:
        return self.label in ("body", "heading")


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    found: list[Cue] = []
    category, ends = "boilerplate", False
    for line in data_lines("clean/cues.txt"):
        header = re.match(r"^\[([\w-]+)\]\s*(ends-article)?$", line.strip())
        if header:
            category, ends = header.group(1), bool(header.group(2))
            continue
        found.append(Cue(category, re.compile(line.strip(), re.IGNORECASE), ends))
    return tuple(found)


@lru_cache(maxsize=128)
def _line_start_cues(first: str = "") -> re.Pattern[str]:
    """Cues anchored at the line start, joined into one pattern tried once at position 0; each keeps a
    named group so the matching cue is known. Given a line's first character (ASCII, lower-cased), only the
    cues that can start with it are joined: the line is tried against a few of them, not against all."""
    anchored = [(i, c.pattern.pattern[1:]) for i, c in enumerate(cues()) if c.pattern.pattern.startswith("^")]
    fitting = [(i, body) for i, body in anchored if not first or _may_start_with(body, first)]
    return re.compile("|".join(f"(?P<c{i}>{body})" for i, body in fitting) or "(?!)", re.IGNORECASE)


def _may_start_with(pattern: str, character: str) -> bool:
    starts = _first_characters(pattern)
    return starts is None or character in starts


@lru_cache(maxsize=256)
def _first_characters(pattern: str) -> frozenset[str] | None:
    """The lower-case ASCII characters a case-blind match of the pattern can start with, read from its parse;
    None when that is not plain (a class like \\w, an optional start, a character beyond ASCII), or where this
    Python's re keeps its parser elsewhere (it is private): the cue is then tried on every line."""
    try:
        import re._parser as re_parser  # type: ignore[import-not-found]  # re's own parser (Python >= 3.11)
    except ImportError:
        return None
    return _first_of(list(re_parser.parse(pattern, re.IGNORECASE)))


def _first_of(items: list) -> frozenset[str] | None:
    import re._constants as re_constants  # type: ignore[import-not-found]

    if not items:
        return None
    op, argument = items[0]
    if op is re_constants.AT:  # an anchor matches no character
        return _first_of(items[1:])
    if op is re_constants.LITERAL:
        return frozenset(chr(argument).lower()) if chr(argument).isascii() else None
    if op is re_constants.SUBPATTERN:
        return _first_of(list(argument[-1]))
    if op is re_constants.BRANCH:
        branches = [_first_of(list(branch)) for branch in argument[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and argument[0] >= 1:
        return _first_of(list(argument[2]))
    if op is re_constants.IN and all(kind is re_constants.LITERAL for kind, _ in argument):
        found = frozenset(chr(code).lower() for _, code in argument)
        return found if all(c.isascii() for c in found) else None
    return None


@lru_cache(maxsize=4096)
def matching_cue(text: str) -> Cue | None:
    """The first cue (in file order) that matches the line."""
    found = []
    first = text[:1].lower()
    start = _line_start_cues(first if first.isascii() and len(first) == 1 else "").match(text)
    if start is not None and start.lastgroup:
        found.append(int(start.lastgroup[1:]))
    if _any_anywhere_cue().search(text):
        found += [i for i, pattern in _anywhere_cues() if pattern.search(text)]
    return cues()[min(found)] if found else None


@lru_cache(maxsize=1)
def _any_anywhere_cue() -> re.Pattern[str]:
    """All unanchored cues as one pattern: most lines match none, and are cleared with one search."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _anywhere_cues()), re.IGNORECASE)


@lru_cache(maxsize=1)
def _anywhere_cues() -> tuple[tuple[int, re.Pattern[str]], ...]:
    return tuple((i, c.pattern) for i, c in enumerate(cues()) if not c.pattern.pattern.startswith("^"))


@lru_cache(maxsize=4096)
def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return word_set("clean/stopwords.txt") | word_set("lang/en.txt")


def stopword_ratio(tokens: list[str]) -> float:
    if not tokens:
        return 0.0
    return sum(map(_stopwords().__contains__, map(str.lower, tokens))) / len(tokens)


DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][A-Za-z0-9 .]{1,30}),\s*)?(?P<outlet>[A-Za-z0-9][A-Za-z0-9.]*(?:\s+[A-Z][A-Za-z0-9.]*){0,2})"
    r"\s*(?:\([^)]{1,20}\)\s*)?[-–—]{1,3}\s+\S"
)


def opens_with_dateline(block: Block) -> bool:
    """"JAKARTA, METROSENTANA.COM - Komisi ... menahan ...": a lead paragraph, however dense with names."""
    return bool(DATELINE.match(block.text)) and len(words(block.text)) >= 8 and block.link_density <= 0.5


def is_prose(block: Block) -> bool:
    """Running sentences: long enough, with function words, ending like a sentence, not a link list."""
    return block.link_density <= 0.5 and reads_as_prose(block.text)


@lru_cache(maxsize=8192)
def reads_as_prose(text: str) -> bool:
    """The words of running sentences; the classifier asks this of a line several times."""
    tokens = words(text)
    count = word_count(text, tokens)
    ratio = stopword_ratio(tokens) * len(tokens) / count if count else 0.0
    if ratio < KNOWN_WORDS_RATIO:
        return _sentence_shaped(text, tokens, count)
    if count < 8:
        return False
    enough = ratio >= 0.08 or count >= 15  # long news sentences are dense with nouns
    return enough and (bool(SENTENCE_END.search(text)) or count >= 20)


KNOWN_WORDS_RATIO = 0.04
"""Below this share of the function words the lists know, a line is written in a language they do not cover
(German, Russian, Korean, Japanese ...) or is no running text at all: its shape decides, not its words."""
LINK_OR_HANDLE = re.compile(r"https?://|www\.|\S@\S|(?<!\w)[@#]\w")


def word_count(text: str, tokens: list[str]) -> int:
    """The line's words, two letters of a script written without spaces counted as one word (a Japanese
    sentence is a few runs of letters to `words`)."""
    unspaced = len(UNSPACED_LETTER.findall(text)) if not text.isascii() else 0
    return len(tokens) + unspaced // 2


def _sentence_shaped(text: str, tokens: list[str], count: int) -> bool:
    """Running sentences in any language: as many words as a prose line needs, mostly letters, a sentence's end
    (or two sentences inside it), no link or handle and not a headline's capitals."""
    sentences = ends_sentence(text) or len(SENTENCE_BREAK.findall(text)) >= 2
    return (count >= 8 and mostly_letters(text, tokens) and sentences
            and not LINK_OR_HANDLE.search(text) and not menu_capitals(tokens))


def mostly_letters(text: str, tokens: list[str]) -> bool:
    """Most of the line's characters besides spaces (three in five) are its words' letters: a line of words, not
    of numbers, symbols or code. Vowel signs (Hindi, Burmese) are marks, not letters, to `words`: counted too."""
    characters = len("".join(text.split()))
    letters = sum(map(len, tokens))
    if letters < 0.6 * characters:
        letters += sum(1 for character in text if unicodedata.category(character).startswith("M"))
    return letters >= 0.6 * characters


def ends_sentence(text: str) -> bool:
    """Ends with a sentence's stop, or is written mostly in a script that marks no sentence's end."""
    if SENTENCE_END.search(text):
        return True
    if text.isascii():
        return False
    return len(UNPUNCTUATED_LETTER.findall(text)) * 2 > sum(1 for character in text if not character.isspace())


def menu_capitals(tokens: list[str]) -> bool:
    """A menu's or headline's capitals: nearly every word capitalised. `is_title_case` reads only the long words,
    which a German sentence capitalises as nouns ("Die Bundesregierung plant Milliardenhilfen für Unternehmen
    ..."); its short words (articles, prepositions) are written small."""
    return bool(tokens) and sum(1 for t in tokens if t[0].isupper()) >= MENU_CAPITALS_SHARE * len(tokens)


MENU_CAPITALS_SHARE = 0.8


def is_headline_like(text: str) -> bool:
    """Capitalised, 3-30 words, no final full stop: a headline, also quoted ("“Sangat Tidak Adil ...”") or cut
    short by the site ("... di Kabupaten Bandung..")."""
    tokens = words(text)
    stripped = text.strip().strip("\"“”'‘’\\ ")  # a trailing backslash (Markdown line break) ends nothing
    ends_sentence = stripped.endswith((".", ":")) and not stripped.endswith("..")
    return 3 <= len(tokens) <= 30 and not ends_sentence and (stripped[:1].isupper() or stripped[:1].isdigit())


def is_title_case(text: str) -> bool:
    """Headlines capitalise their words ("Wamen Sebut Data Penerima Bansos"); sub-headings of an article
    are written as sentences ("Dimakamkan Minggu sore")."""
    long_words = [t for t in words(text) if len(t) >= 4]
    return bool(long_words) and sum(1 for t in long_words if t[0].isupper()) >= 0.8 * len(long_words)


def is_name_line(text: str) -> bool:
    """A byline: two to seven capitalised words, no digits, maybe with an outlet token after a dash or in
    brackets ("Angling Adhitya - detikJateng", "Dio Suhenda (The Jakarta Post)")."""
    if len(text.split()) > 10:
        return False
    parts = byline_name(text).replace(",", " ").split()
    return 2 <= len(parts) <= 8 and not any(ch.isdigit() for ch in text) and all(
        NAME_WORD.match(p) for p in parts
    ) and not text.isupper()


def is_caption(text: str) -> bool:
    """A photo caption (40 words at most): names a photo credit, or is short and ends with an agency credit."""
    count = len(words(text))
    if count > 40:
        return False
    slash_credit = SOURCE_SLASH_NAME.search(text) if "/" in text else None
    if slash_credit and not slash_credit.group(0).startswith("(") and (
            count > 12 or _runs_into(text, slash_credit.start())):
        slash_credit = None  # "... pasangan Leo/Bagas" in a sentence names a pair, not a photographer
    if (PHOTO_CREDIT.search(text) or slash_credit) and '"' not in text:
        return True
    return count <= 20 and bool(AGENCY_CREDIT_END.search(text)) and stopword_ratio(words(text)) < 0.12


def _runs_into(text: str, start: int) -> bool:
    """A sentence that runs on into the slashed names and ends with a full stop ("... perdana Leo/Bagas dengan
    Rankireddy/Shetty."): a credit follows a caption's full stop or bracket, not a lower-case word."""
    before = text[:start].rstrip()
    return text.rstrip().endswith(".") and before[-1:].isalpha() and before.split()[-1][:1].islower()


BYLINE_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
BRACKETED_END = re.compile(r"\s*\([^)]*\)\s*$")


def byline_name(text: str) -> str:
    """The name part of a byline: before " - Outlet" and without a bracketed place or outlet."""
    return BRACKETED_END.sub("", BYLINE_SEPARATOR.split(text)[0]).strip()


def is_label(text: str) -> bool:
    """Widget and menu labels: very short, or short and all capitals, with no sentence in them."""
    tokens = words(text)
    return len(tokens) <= 3 or (text.isupper() and len(tokens) <= 6)


def classify(blocks: list[Block], title: str | None) -> list[Decision]:
    decisions: list[Decision | None] = [None] * len(blocks)
    title_line = NormalizedLines({normalized_line(title)} if title and normalized_line(title) else set())

    def decide(i: int, label: str, reason: str) -> None:
        decisions[i] = Decision(blocks[i], label, reason)

    last_main = max((i for i, b in enumerate(blocks) if b.in_main), default=len(blocks))
    for i, block in enumerate(blocks):
        if i > last_main and block.in_chrome:
            decide(i, "boilerplate", CHROME)  # the page's chrome after its main content: nothing more to read
            continue
        cue = matching_cue(block.text)
        if title_line.holds(block.text):
            decide(i, "title", "title line")
        elif cue:
            label = "credit" if cue.category == "credit" else "boilerplate"
            decide(i, label, f"{cue.category}: matches {cue.pattern.pattern!r}")
        elif CODE_NAME.fullmatch(block.text):
            decide(i, "boilerplate", "markup leftover (a name from the page's code)")
        elif block.in_chrome and not is_prose(block):
            decide(i, "boilerplate", CHROME)
        elif block.link_density > 0.6 and len(words(block.text)) < 25:
            decide(i, "boilerplate", "link list (mostly link text)")
        elif is_caption(block.text) or block.tag == "figcaption":
            decide(i, "caption", "photo caption (credit)")

    _mark_listed_links(blocks, decisions, decide)
    main_known = any(b.in_main for b in blocks)
    _rejoin_skipped_paragraphs(blocks)
    _rejoin_continued_paragraphs(blocks, decisions)
    scrape_title = title is None and len(blocks) > 1 and _reads_as_title(blocks[0])
    first_body = next((i for i, b in enumerate(blocks) if decisions[i] is None and b.in_main is not False
                       and not (i == 0 and scrape_title)
                       and (is_prose(b) or opens_with_dateline(b) or (main_known and _opens_main_text(b)))),
                      len(blocks))
    if first_body == len(blocks):  # no line reads as prose: short sentences, in any language, are the article
        first_body = next((i for i, b in enumerate(blocks) if decisions[i] is None and b.in_main is not False
                           and not (i == 0 and scrape_title) and _reads_as_sentence(b)), len(blocks))
    end = _article_end(blocks, decisions, first_body, main_known)
    title_before = False  # whether a line before i is the title, kept up to date as i advances
    for i in range(len(blocks)):
        if i and not title_before:
            previous = decisions[i - 1]
            title_before = previous is not None and previous.label == "title"
        if decisions[i] is not None:
            continue
        if i < first_body:
            lead = blocks[first_body] if i + 1 == first_body < len(blocks) else None
            _decide_head(i, blocks[i], decide, title is None and not title_before, main_known, lead)
        elif i >= end:
            decide(i, "boilerplate", AFTER_THE_END)
        else:
            following = decisions[i + 1] if i + 1 < len(decisions) else None
            _decide_body(i, blocks, decide, main_known, following is not None and not following.kept)
    titles = NormalizedLines({normalized_line(d.block.text) for d in decisions if d is not None and d.label == "title"})
    for i, decision in enumerate(decisions):
        if decision is not None and decision.label != "title" and titles.holds(decision.block.text):
            decide(i, "title", "title line repeated")
    _keep_title_as_subheading(decisions, first_body)
    _keep_leading_sentences(decisions, first_body)
    _keep_instruction_steps(decisions)
    _keep_slashed_list_items(decisions)
    _keep_round_up_links(decisions)
    last_body = max((i for i, d in enumerate(decisions)
                     if d is not None and d.label == "body" and d.reason != SHORT_LINE), default=-1)
    _keep_closing_list(decisions, last_body)
    _keep_round_up_last_link(decisions, last_body)
    last_body = max([last_body, *(i for i, d in enumerate(decisions)
                                  if d is not None and d.reason in (CLOSING_LIST, ROUND_UP_LINK))])
    listed = last_body >= 0 and _in_announced_list(decisions, last_body)
    for i in range(last_body + 1, len(blocks)):
        decision = decisions[i]
        if decision is None or not decision.kept:
            listed = False
            continue
        introduces = leads_into_list(decision.block.text) and _next_is_short_line(decisions, i)
        if not (listed and decision.reason == SHORT_LINE) and not introduces:
            decide(i, "boilerplate", AFTER_THE_LAST_PARAGRAPH)
        listed = (listed and decision.reason == SHORT_LINE) or introduces  # "Berikut daftarnya:" and its list
    found = [d for d in decisions if d is not None]
    if not any(d.kept for d in found):
        _keep_text_without_stops(found)
    return found


UNSTOPPED_LINE = "line of words in a text that ends no sentence with a stop"


def _keep_text_without_stops(decisions: list[Decision]) -> None:
    """A text of which no line was kept, because none ends like a sentence (a poem, headings, a language or writer
    that sets no stops), keeps its lines of words: three words or more, mostly letters, in a sentence's case, no link
    or handle, outside page chrome, that only their place removed. A page of menus and labels still has none."""
    for decision in decisions:
        block, text = decision.block, decision.block.text
        tokens = words(text)
        if decision.reason not in FALLBACK_PLACES or block.in_chrome or block.in_main is False \
                or word_count(text, tokens) < 3 or menu_capitals(tokens) or LINK_OR_HANDLE.search(text) \
                or not mostly_letters(text, tokens):
            continue
        decision.label, decision.reason = "body", UNSTOPPED_LINE


def _article_end(blocks: list[Block], decisions: list[Decision | None], first_body: int, main_known: bool) -> int:
    """Where the tail starts: the first end marker after the first paragraph, unless it is printed after every
    item of a round-up (then it separates items) or the extractor's article goes on after it."""
    markers = [i for i in range(first_body, len(blocks)) if (d := decisions[i]) is not None and _ends_article(d)]
    if not markers:
        return len(blocks)
    recurring = Counter(normalized_line(b.text) for i, b in enumerate(blocks) if decisions[i] is not None)
    return next((i for i in markers if recurring[normalized_line(blocks[i].text)] == 1
                 and not (main_known and _main_text_follows(blocks, i))), len(blocks))


class NormalizedLines:
    """Normalized lines (see `normalized_line`) that a text is checked against. A line's first word is part of the
    lower-cased text it was read from, so most texts are told apart without reading their words."""

    def __init__(self, lines: set[str]) -> None:
        self.lines = lines
        self.first_words = tuple({line.split(" ", 1)[0] for line in lines})

    def holds(self, text: str) -> bool:
        lowered = text.lower()
        for first in self.first_words:
            if first in lowered:
                return normalized_line(text) in self.lines
        return False


def _keep_closing_list(decisions: list[Decision | None], last_body: int) -> None:
    """Short lines straight after the last paragraph, with nothing but ads removed between, that are the article's
    closing list or table (standings, prices): they count as paragraphs. Such a list is three or more short
    lines, most of them numbered or holding figures; or its numbered lines lead the run, the page's tail after
    them (three or more, or fewer that go on with a numbered list of the article). Unnumbered labels there
    ("Trending Now", "Follow Us") are the page's tail."""
    run: list[Decision] = []
    following = decisions[last_body + 1:]
    for index, decision in enumerate(following):
        if decision is None or decision.reason == MARKUP_LEFTOVER or decision.reason.startswith("ad-label"):
            continue
        if not decision.kept:
            if run and _list_goes_on(run[-1], following[index + 1:]):
                continue  # an insert ("Baca juga: ...") between two items of the list
            break
        run.append(decision)
    items = [d for d in run if d.reason == SHORT_LINE]
    leading = list(takewhile(lambda d: d.reason == SHORT_LINE and _numbered(d.block.text), run))
    listed_before = any(d is not None and d.kept and LIST_ITEM.match(d.block.text) for d in decisions[:last_body])
    if len(items) >= 3 and sum(1 for d in items if _numbered(d.block.text)) * 3 >= len(items) * 2:
        closing = items
    elif len(leading) >= 3 or (listed_before and all(LIST_ITEM.match(d.block.text) for d in leading)):
        closing = leading
    else:
        closing = []
    for decision in closing:
        decision.reason = CLOSING_LIST


ITEM_NUMBER = re.compile(r"^(\d{1,3})[.)]\s")


def counted_between(before: str, text: str, after: str) -> bool:
    """Item n of a numbered list between items n-1 and n+1 ("6. ...", "7. Tekan Kirim", "8. ..."), linking nowhere
    and naming no outlet: a step of the article's list, whatever its words."""
    numbers = [ITEM_NUMBER.match(line) for line in (before, text, after)]
    if not all(numbers) or not OUTLET_OR_LINK_SHAPES.isdisjoint(text_features(text)):
        return False
    first, middle, last = (int(number.group(1)) for number in numbers if number)
    return first + 1 == middle == last - 1


def _list_goes_on(item: Decision, after: list[Decision | None]) -> bool:
    """Whether the next kept line after `item` is the list's next item: the number that follows its own ("4. ..."
    then "5. ..."), or the same label-and-value shape ("Kelurahan Tapos: 137 rumah")."""
    following = next((d for d in after if d is not None and d.kept), None)
    if following is None or _item_shape(item.block.text) != _item_shape(following.block.text):
        return False
    number, next_number = ITEM_NUMBER.match(item.block.text), ITEM_NUMBER.match(following.block.text)
    if number is None or next_number is None:
        return _item_shape(item.block.text) == "labelled"
    return int(next_number.group(1)) == int(number.group(1)) + 1


def _numbered(text: str) -> bool:
    return bool(LIST_ITEM.match(text)) or any(ch.isdigit() for ch in text)


def leads_into_list(text: str) -> bool:
    """A line ending with a colon announces a list ("Berikut syaratnya:"); one ending with a semicolon is an item
    of a list that goes on, or the announcement typed with a semicolon ("Berikut daftarnya;")."""
    return text.rstrip().rstrip("\\").rstrip().endswith((":", ";"))


def _in_announced_list(decisions: list[Decision | None], i: int) -> bool:
    """Whether line i announces a list (`leads_into_list`) or is an item of one: short lines back to a paragraph
    that ends with a colon ("... link streaming berikut ini:", "Link 1 (MotoGP)", ..., "Link 3 (Fox Sport via
    Vidio.com)"). Items of such a list after it are the article's, not the page's tail."""
    for decision in reversed(decisions[: i + 1]):
        if decision is None or not decision.kept:
            return False
        if leads_into_list(decision.block.text):
            return True
        if is_prose(decision.block):
            return False
    return False


ROUND_UP_LINK = "link to the full story printed after each item of a round-up"
INSTRUCTION_STEP = "step of the article's instructions, worded like an app promo"
KICKER = "kicker naming what the first paragraph tells"
KEPT_FOR_STRUCTURE = frozenset({ROUND_UP_LINK, INSTRUCTION_STEP, KICKER})
"""Reasons of lines kept for the article's structure, which the furniture model's words and places do not see:
it judges each copy of a recurring line by its place, and would take the last item's link for the page's tail,
a how-to's "Unduh aplikasi ..." step for an app promo, or a kicker for a headline in the page's header."""
TITLE_AS_SUBHEADING = "the title's words as a sub-heading inside the article"


def _keep_round_up_links(decisions: list[Decision | None]) -> None:
    """An end marker ("Baca selengkapnya di sini.") printed after the prose of every item of a round-up links each
    item to its story: it ends no article (see `_article_end`) and belongs to the round-up it closes."""
    closing = [i for i, d in enumerate(decisions) if i and d is not None and _ends_article(d)
               and (before := decisions[i - 1]) is not None and before.label == "body" and is_prose(before.block)]
    recurring = Counter(normalized_line(decisions[i].block.text) for i in closing)  # type: ignore[union-attr]
    for i in closing:
        decision = decisions[i]
        if decision is not None and recurring[normalized_line(decision.block.text)] >= 2:
            decisions[i] = Decision(decision.block, "body", ROUND_UP_LINK)


ROUND_UP_ITEM_SHARE = 1 / 2
"""Share of a round-up link's words that come back in the item's paragraph before it: a headline names its story
more loosely than a sub-heading its section."""


def _keep_round_up_last_link(decisions: list[Decision | None], last_body: int) -> None:
    """A headline straight after the last paragraph that names it (`names_paragraph`) closes a round-up when two or
    more headlines among the paragraphs also name the paragraph before them: each item's prose and then the link
    to its story ("Berita pekan ini: ..."). A sub-heading names the paragraph after it; the page's own links after
    an article name other stories."""
    after = decisions[last_body + 1] if 0 <= last_body < len(decisions) - 1 else None
    if after is None or not after.kept or not _names_story_before(decisions, last_body + 1):
        return
    if sum(1 for i in range(1, last_body) if _names_story_before(decisions, i)) >= 2:
        decisions[last_body + 1] = Decision(after.block, "body", ROUND_UP_LINK)


def _names_story_before(decisions: list[Decision | None], i: int) -> bool:
    decision, before = decisions[i], decisions[i - 1]
    return decision is not None and decision.kept and before is not None and before.label == "body" \
        and is_headline_like(decision.block.text) and is_title_case(decision.block.text) \
        and is_prose(before.block) and names_paragraph(decision.block.text, before.block.text, ROUND_UP_ITEM_SHARE)


def _keep_slashed_list_items(decisions: list[Decision | None]) -> None:
    """A short line taken for a photo credit by its slash alone ("Teknik Informatika/Ilmu Komputer"), with items of
    a list on both sides and no outlet before its slash (no dotted or capitalised name, as "KOMPAS.com/Nama" or
    "ANTARA/Nama"), is an item of that list: a credit names its photo, it does not stand among list items."""
    for i in range(1, len(decisions) - 1):
        decision, before, after = decisions[i], decisions[i - 1], decisions[i + 1]
        if decision is None or decision.label != "caption" or PHOTO_CREDIT.search(decision.block.text) \
                or AGENCY_CREDIT_END.search(decision.block.text):
            continue
        source = decision.block.text.split("/", 1)[0]
        outlet_like = "." in source or any(len(word) > 1 and word.isupper() for word in source.split())
        if not outlet_like and all(d is not None and d.reason == SHORT_LINE for d in (before, after)):
            decisions[i] = Decision(decision.block, "body", SHORT_LINE)


OUTLET_OR_LINK_SHAPES = frozenset({"domain", "url", "handle", "hashtag", "outlet-name"})
"""Shapes of the furniture model (`text_features`) that name an outlet or link somewhere; a brand's spelling
("iPhone") is left out: steps name the devices and apps they are for."""


def _keep_instruction_steps(decisions: list[Decision | None]) -> None:
    """A line a promo cue removed ("Unduh aplikasi ... di Play Store.") that opens what a sub-heading, a short
    heading line or an announcing line sets out ("Cara cek ...", "berikut caranya:"), or that goes on a numbered
    list, with the article's text after it (prose, or the list's next item), is a step of the article's
    instructions when it names no outlet, links nowhere and speaks not in an outlet's voice ("kami", "redaksi"):
    an outlet's promo names its own app, channel or address, and stands wherever the page puts it, not where the
    article announces steps."""
    for i in range(1, len(decisions) - 1):
        decision, before, after = decisions[i], decisions[i - 1], decisions[i + 1]
        if decision is None or decision.label != "boilerplate" or not decision.reason.startswith("promo:") \
                or before is None or not before.kept or after is None or after.label != "body":
            continue
        numbered = _item_shape(decision.block.text) == "numbered"
        if not (is_prose(after.block) or (numbered and _item_shape(after.block.text) == "numbered")):
            continue  # the page's tail goes on after a promo, the article's steps after a step
        opened = before.label == "heading" or leads_into_list(before.block.text) or (
            before.reason == SHORT_LINE and not before.block.text.rstrip().endswith(".")) or (
            numbered and _item_shape(before.block.text) == "numbered")
        features = text_features(decision.block.text)
        if opened and OUTLET_OR_LINK_SHAPES.isdisjoint(features) and "group:outlet-voice" not in features:
            decisions[i] = Decision(decision.block, "body", INSTRUCTION_STEP)


def _keep_title_as_subheading(decisions: list[Decision | None], first_body: int) -> None:
    """The title's words on a line between the article's paragraphs, with prose after it, head a section of
    the article ("Dari mana Indonesia mengimpor gula?" before the list of countries): a page prints its title
    before the article or in its tail, not between its paragraphs."""
    for i in range(first_body + 1, len(decisions)):
        decision, before = decisions[i], decisions[i - 1]
        if decision is None or decision.label != "title" or before is None or not before.kept:
            continue
        if any(d is not None and d.label == "body" and is_prose(d.block) for d in decisions[i + 1:]):
            decisions[i] = Decision(decision.block, "heading", TITLE_AS_SUBHEADING)


LEADING_SENTENCE = "lead sentence before the first paragraph of prose"


def _keep_leading_sentences(decisions: list[Decision | None], first_body: int) -> None:
    """Sentences (`_reads_as_sentence`, not in a headline's capitals, ending with a stop, a question or an
    exclamation mark) taken for the page's header, each straight before a kept line that leads to the first
    paragraph: an article may open with two or three short sentences ("Cosa succede adesso?"), and a page's header
    holds labels, names, dates and headlines, not a run of sentences."""
    for i in range(first_body - 1 if first_body < len(decisions) else -1, -1, -1):
        decision, after = decisions[i], decisions[i + 1]
        if decision is None or after is None or not after.kept:
            return
        if decision.kept:
            continue
        text = decision.block.text
        if decision.reason != PAGE_HEADER or decision.block.in_main is False or not _reads_as_sentence(decision.block) \
                or is_title_case(text) or not text.rstrip().rstrip("\"”’»").endswith((".", *SENTENCE_MARK_END)):
            return  # a credit in brackets ends a caption: "Ilustrasi seismograf. (iStockphoto)"
        decisions[i] = Decision(decision.block, "body", LEADING_SENTENCE)


def _next_is_short_line(decisions: list[Decision | None], i: int) -> bool:
    following = decisions[i + 1] if i + 1 < len(decisions) else None
    return following is not None and following.reason == SHORT_LINE


def _mark_listed_links(blocks: list[Block], decisions: list[Decision | None], decide) -> None:
    """A bare "Baca juga:" line introduces the headlines that follow it: each is a related link too."""
    for i, decision in enumerate(list(decisions)):
        if decision is None or not (decision.reason.startswith("related-link") or (
                decision.reason.startswith("widget-label") and RELATED_LABEL.search(blocks[i].text))):
            continue
        if not (blocks[i].text.rstrip().endswith(":") or len(words(blocks[i].text)) <= 3):
            continue  # a label with its headline on the same line
        for j in range(i + 1, len(blocks)):
            text = blocks[j].text
            first = j == i + 1 and len(words(text)) <= 25 and is_headline_like(text) and is_title_case(text)
            listed = is_headline_like(text) and not is_prose(blocks[j]) and is_title_case(text) and not LIST_ITEM.match(
                text)
            if decisions[j] is not None or not (first or listed):
                break
            decide(j, "boilerplate", "related-link: headline listed after a related-links label")


def _ends_article(decision: Decision) -> bool:
    cue = matching_cue(decision.block.text)
    return cue is not None and cue.ends_article


def _decide_head(i: int, block: Block, decide, may_be_title: bool, main_known: bool = False,
                 lead: Block | None = None) -> None:
    """A line before the article's first paragraph; `lead` is that paragraph when the line stands right before it."""
    text = block.text
    printed = parse_printed_date(text) if len(words(text)) <= 14 else None  # a longer line is no date line
    if printed and not (_reads_as_lead(text) and _tells_more_than_a_date(text)):
        decide(i, "date", "updated date line" if printed.is_update else "date line")
    elif may_be_title and is_headline_like(text) and not written_as_sentence(text) and not is_label(text) \
            and block.tag not in ("a", "li"):
        decide(i, "title", "title line (first headline before the article)")
    elif is_name_line(text):
        decide(i, "byline", "byline (names before the article)")
    elif main_known and block.in_main and not (is_label(text) and len(text) < 30):
        decide(i, "body", "line the extractor counts in the article, before its first paragraph")
    elif lead is not None and block.in_main is not False and _reads_as_lead(text):
        decide(i, "body", LEADING_SENTENCE)
    elif lead is not None and block.in_main is not False and _heads_lead(text, lead.text):
        decide(i, "heading", KICKER)
    else:
        decide(i, "boilerplate", PAGE_HEADER)


LEAD_WORDS = 6
PAGE_HEADER = "page header before the article"
AFTER_THE_END = "after the end of the article"
AFTER_THE_LAST_PARAGRAPH = "after the last paragraph of the article"
FALLBACK_PLACES = (PAGE_HEADER, AFTER_THE_END, AFTER_THE_LAST_PARAGRAPH)
"""The reasons of lines removed for their place alone, which a text with no kept line takes back (see
`_keep_text_without_stops`)."""
NAME_DENSE_LEAD_WORDS = 15
"""A sentence this long with a full stop is a lead even when nearly every word is capitalised ("Tim Reaksi Cepat
(TRC) Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sitaro mengevakuasi ..."): no headline runs so long
and ends so, and the CLICK-ID texts lost such leads as page headers."""


def _reads_as_lead(text: str) -> bool:
    """A short lead dense with names ("Kecelakaan kembali terjadi di ruas Tol Cipularang."), too short or too
    poor in function words for `reads_as_prose`: a sentence with a full stop, written as a sentence rather than
    in a headline's capitals unless it runs longer than a headline (`NAME_DENSE_LEAD_WORDS`), straight before that
    paragraph (a photo's caption is followed by its credit).
    Page headers are labels, names, dates and headlines."""
    count = len(words(text))
    return (count >= LEAD_WORDS and text.rstrip().rstrip("\\").rstrip().endswith((".", *SENTENCE_MARK_END))
            and (not is_title_case(text) or count >= NAME_DENSE_LEAD_WORDS))


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset((*table("id/days.tsv"), *table("id/months.tsv"), *table("id/timezones.tsv")))


def _tells_more_than_a_date(text: str) -> bool:
    """A sentence that carries a date ("Gempa mengguncang Papua Barat, Sabtu (14/9/2019)."), not a page's date line:
    `LEAD_WORDS` words or more besides the day, month and time-zone names, and no update cue ("Diperbarui"). Such
    leads, short and dense with names, were taken for date lines in the CLICK-ID texts of four outlets."""
    told = [word for word in words(text) if word.lower() not in _date_words()]
    return len(told) >= LEAD_WORDS and not UPDATE_CUE.search(text)


def _heads_lead(text: str, lead: str) -> bool:
    """A headline straight above the first paragraph whose words that paragraph takes up (`names_paragraph`) is the
    article's kicker ("Panen Raya Dimulai di Karawang" over "KARAWANG, KOMPAS.com - Panen raya dimulai ..."): a
    page's header lines (section, date, the outlet's labels) name no story, and its other headlines other stories.
    A line naming an outlet or linking somewhere is the page's, even when the lead repeats it ("Liputan6.com,
    Jakarta" over its dateline)."""
    return is_headline_like(text) and names_paragraph(text, lead) \
        and OUTLET_OR_LINK_SHAPES.isdisjoint(text_features(text))


def _rejoin_skipped_paragraphs(blocks: list[Block]) -> None:
    """A paragraph of prose outside page chrome that the extractor left out just before one of its own
    paragraphs (a lead set apart in its own box) belongs to the article after all, unless it repeats one
    the extractor kept (a page that prints its article twice)."""
    kept_texts = {block.text for block in blocks if block.in_main}
    for i in range(len(blocks) - 2, -1, -1):
        block = blocks[i]
        if block.in_main is False and not block.in_chrome and blocks[i + 1].in_main and (
                is_prose(block) or opens_with_dateline(block)) and block.text not in kept_texts:
            block.in_main = True


def _rejoin_continued_paragraphs(blocks: list[Block], decisions: list[Decision | None]) -> None:
    """Paragraphs of prose outside page chrome that go on after the extractor's last paragraph, with nothing between
    but short labels and lines a cue removes (ads, promos), and no link, continue the article: a page that splits
    its text into several boxes between ads, of which the extractor read the first. Teasers of other stories come
    with their links; a short line after the article with no long paragraph after it ("X is a reporter for ...")
    is its author's, not its text."""
    last_main = max((i for i, b in enumerate(blocks) if b.in_main), default=None)
    if last_main is None:
        return
    kept_texts = {block.text for block in blocks if block.in_main}
    short: list[Block] = []  # short paragraphs of the run, joined only when a long one follows them
    for i in range(last_main + 1, len(blocks)):
        block = blocks[i]
        if decisions[i] is None and not block.in_chrome and block.tag == "p" and is_prose(block) \
                and block.text not in kept_texts:
            if len(block.text) < MIN_PROSE_CHARACTERS:
                short.append(block)
                continue
            for joined in (*short, block):
                joined.in_main = True
            short.clear()
        elif block.link_density > 0.5 or (decisions[i] is None and len(words(block.text)) > 3):
            return  # a link (another story's headline) or a line of another kind ends the run


def _main_text_follows(blocks: list[Block], i: int) -> bool:
    """Where an extractor has bounded the article, an end marker ("Read more") followed by more of its
    prose is an inline teaser, not the article's end."""
    return any(b.in_main and is_prose(b) for b in blocks[i + 1 :])


def _reads_as_title(block: Block) -> bool:
    """The first line of a scrape, short and not ending like a sentence of a paragraph, is the headline even
    when it reads as a question ("Siapa yang Paling Murah?")."""
    text = block.text.rstrip()
    return is_headline_like(text) and not written_as_sentence(text) and len(words(text)) <= 20


SENTENCE_MARK_END = tuple(c for c in STOPS if c not in ".…")
"""The stops that end a sentence and no cut-short headline ("... di Kabupaten Bandung.." is one)."""


def written_as_sentence(text: str) -> bool:
    """A question, an exclamation or a Japanese sentence written in a sentence's case (fewer than half the words
    after the first capitalised), or such a line holding two sentences, opens an article rather than heading it, in
    any language: a headline capitalises its words ("Siapa yang Paling Murah?") or stops without a sentence's end."""
    stripped = text.strip().rstrip("\"“”'‘’»\\ ")
    later = words(text)[1:]
    if sum(1 for t in later if t[0].isupper()) * 2 >= len(later):
        return False
    return stripped.endswith(SENTENCE_MARK_END) or bool(SENTENCE_BREAK.search(stripped))


def _reads_as_sentence(block: Block) -> bool:
    """A short sentence of any language (three words or more, a sentence's end, written in a sentence's case, no
    link): where no line of a text reads as prose, the first such line opens the article."""
    text = block.text
    tokens = words(text)
    return block.link_density <= 0.5 and word_count(text, tokens) >= 3 and ends_sentence(text) \
        and not LINK_OR_HANDLE.search(text) and not menu_capitals(tokens)


def _opens_main_text(block: Block) -> bool:
    """Inside the extractor's main content, a long line that is no date, byline or headline starts the
    article, in any script (a Japanese paragraph is one "word" to the prose test)."""
    text = block.text
    if not block.in_main or len(text) < 40 or is_name_line(text):
        return False
    if is_headline_like(text) and not SENTENCE_END.search(text):
        return False
    return len(words(text)) > 14 or parse_printed_date(text) is None


def _decide_body(i: int, blocks: list[Block], decide, main_known: bool = False, removed_next: bool = False) -> None:
    block = blocks[i]
    text = block.text
    tokens = words(text)
    if block.in_main is False:
        decide(i, "boilerplate", "outside the page's main content")
    elif is_prose(block):
        decide(i, "body", "prose")
    elif opens_with_dateline(block):
        decide(i, "body", "lead paragraph opening with a dateline")
    elif block.tag in ("h2", "h3", "h4", "h5", "h6") or (not removed_next and _looks_like_subheading(i, blocks)):
        decide(i, "heading", "sub-heading between paragraphs")
    elif main_known and block.in_main and (block.tag == "td" or not (is_label(text) and len(text) < 30)):
        decide(i, "body", "line inside the page's main content")
    elif not any(ch.isalnum() for ch in text):
        decide(i, "boilerplate", MARKUP_LEFTOVER)
    elif len(tokens) >= 5 and stopword_ratio(tokens) >= 0.1:
        decide(i, "body", "short paragraph")
    elif len(tokens) >= 3 and ends_sentence(text) and any(t.islower() or t.lower() == t.upper() for t in tokens):
        decide(i, "body", "short sentence")
    else:
        decide(i, "body", SHORT_LINE)


def _looks_like_subheading(i: int, blocks: list[Block]) -> bool:
    text = blocks[i].text
    tokens = words(text)
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    if i > 0 and _item_shape(text) is not None and _item_shape(text) == _item_shape(blocks[i - 1].text):
        return False  # the last item of a list, not a heading over the paragraph after it
    return (
        2 <= len(tokens) <= 12
        and not text.rstrip().endswith((".", ",", ":"))
        and (text[:1].isupper() or text[:1].isdigit())
        and not text.isupper()
        and following is not None
        and is_prose(following)
    )


LABELLED_ITEM = re.compile(r"^[^:]{2,60}:\s+\S")


def _item_shape(text: str) -> str | None:
    """The shape a list's items share: numbered or bulleted ("3. Brazil"), or a label and its value
    ("Kelurahan Tapos: 137 rumah")."""
    return "numbered" if LIST_ITEM.match(text) else "labelled" if LABELLED_ITEM.match(text) else None


def split_editor_initials(text: str) -> tuple[str, str | None]:
    """"... kata dia. (ant/hrn)" → the paragraph without the desk's initials, and the initials."""
    match = EDITOR_INITIALS.search(text) if text.rstrip().endswith(")") else None
    if not match or len(words(text)) < 6:
        return text, None
    return text[: match.start()].rstrip(), match.group(0).strip()


@lru_cache(maxsize=8192)
def normalized_line(text: str) -> str:
    """A line as pages compare it: its words, lower-cased (the title and its repeats)."""
    return " ".join(words(text.lower()))
