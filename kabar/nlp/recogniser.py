"""The statistical entity recogniser: a small spaCy model trained here and shipped in the package.

It finds people, organisations and places the gazetteer and the name patterns do not know. The model
lives in kabar/models/ner-id (built by `kabar train-ner`); nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from kabar.errors import KabarError
from kabar.model import Doc, Span
from kabar.textnorm import visible_end_before

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner-id"
LONGEST_LINE = 20_000
"""A longer line (a text with no line breaks) goes to the model in pieces cut at a space: spaCy refuses a
text over a million characters, and its memory grows with the length of what it reads at once."""
LINE = re.compile(rf"[^\n]{{1,{LONGEST_LINE}}}(?!\S)|[^\n]{{1,{LONGEST_LINE}}}")
BATCH_LINES = 256
BATCH_CHARACTERS = 100_000
"""The most text the model reads in one batch: a batch's working memory grows with all it holds, so a few
long lines (a scrape with no line breaks) must not fill one batch as 256 short ones do."""


@cache
def recogniser():
    """The loaded model, once per process, multiplying through numpy's BLAS."""
    import spacy

    if not (MODEL_DIR / "config.cfg").is_file():
        raise KabarError(f"the entity model is missing from {MODEL_DIR}; build it with `kabar train-ner`")
    # The model keeps spaCy's Indonesian tokenizer unchanged: it is built here, loading its ~30,000 special
    # cases once; reading them again from the model folder would double the start-up time.
    spacy.registry.tokenizers.register(TOKENIZER, func=lambda: quick_tokenizer)
    nlp = spacy.load(MODEL_DIR, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    return with_numpy_blas(with_only_read_attributes(nlp))


TOKENIZER = "kabar.quick_tokenizer.v1"
TOKENIZER_CACHE = 1_000_000
"""Space-separated chunks whose tokens the tokenizer remembers (a few dozen bytes each). spaCy's default, 10,000,
is full within a few hundred articles, after which every chunk not yet seen is split afresh by its affix
expressions."""


def quick_tokenizer(nlp):
    """spaCy's Indonesian tokenizer, the same tokens from the same rules, built as spaCy's own factory builds it
    (`spacy.Tokenizer.v1`) but with the prefix expression anchored once and a larger cache. Passing these to
    the constructor rather than setting them afterwards spares a reload of the special cases (3 s)."""
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
    from spacy.util import compile_infix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    return Tokenizer(nlp.vocab, rules=defaults.tokenizer_exceptions,
                     prefix_search=anchored_prefixes(defaults.prefixes).search,
                     suffix_search=compile_suffix_regex(defaults.suffixes).search,
                     infix_finditer=compile_infix_regex(defaults.infixes).finditer,
                     token_match=defaults.token_match, url_match=defaults.url_match, max_cache_size=TOKENIZER_CACHE)


def anchored_prefixes(entries: list[str]) -> re.Pattern[str]:
    """spaCy's prefix expression `^a|^b|...` written `^(?:a|b|...)`: the same first match, but the start is
    checked once rather than every one of some 170 alternatives being tried at every position of the chunk
    (an entry that is itself an alternation, "x|y", leaves its later branches unanchored, so some are).
    Those unanchored branches are still tried at every position, after the anchored group, as spaCy's
    expression tries them."""
    branches = [_top_level_branches(entry) for entry in entries if entry.strip()]
    anchored = "|".join(branch for entry in branches for branch in entry)
    loose = "".join(f"|{branch}" for entry in branches for branch in entry[1:])
    return re.compile(f"^(?:{anchored}){loose}")


def _top_level_branches(expression: str) -> list[str]:
    """The alternatives of `expression` at its top level. A `|` inside a group or a character class, or
    escaped, leaves the text before it unbalanced or unfinished, which does not compile: the pieces between
    bars are joined until each compiles."""
    branches: list[str] = []
    pending: list[str] = []
    for piece in expression.split("|"):
        pending.append(piece)
        try:
            re.compile("|".join(pending))
        except re.error:
            continue
        branches.append("|".join(pending))
        pending = []
    if pending:
        raise ValueError(f"not a regular expression: {expression!r}")
    return branches


READ_ATTRIBUTES = ("NORM", "PREFIX", "SUFFIX", "SHAPE", "IS_SPACE")
"""The word attributes the model reads: its embeddings hash NORM, PREFIX, SUFFIX and SHAPE (and look the word
itself up in the vector table), and its entity moves never start or carry an entity over a space."""


def with_only_read_attributes(nlp):
    """`nlp` computing for each new word only the attributes the model reads: spaCy computes some 20 more
    (like_url, like_num, is_currency, ...) that nothing here reads: 12 µs a new word instead of 28."""
    from spacy.attrs import IDS  # type: ignore[import-not-found]

    read = {IDS[name] for name in READ_ATTRIBUTES}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attribute: getter for attribute, getter in getters.items() if attribute in read}
    return nlp


def with_numpy_blas(nlp):
    """`nlp` with every layer multiplying through numpy's BLAS rather than thinc's default (BLIS): the same
    sums, in about a third of the CPU time here, where numpy's build is tuned to the processor and BLIS's is
    generic."""
    from spacy.pipeline import TrainablePipe
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        for layer in component.model.walk() if isinstance(component, TrainablePipe) else ():
            layer.ops = ops
    return nlp


@cache
def _blas():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """The model's matrices are small: BLAS threads would spin waiting for one another, costing CPU time for
    little gain, and annotation already keeps every core busy with one process each."""
    with _blas().limit(limits=1, user_api="blas"):
        yield


def recognise(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each entity the model finds, labels PER / ORG / LOC, offsets into `text`."""
    return recognise_many([text])[0]


def recognise_many(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """`recognise` for many texts at once: the lines of all of them go through the model in large batches,
    which costs less per line than text by text. Lines (long ones in pieces), not whole texts, so no input is
too long for it."""
    lines = [(index, line) for index, text in enumerate(texts) for line in LINE.finditer(text)]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    with one_blas_thread():
        for batch in _batches(lines):
            docs = without_opening_guesses(read([model_form(line.group(0)) for _, line in batch]))
            for (index, line), doc in zip(batch, docs, strict=True):
                found[index].extend((line.start() + start, line.start() + end, label)
                                     for start, end, label in _whole_names(doc))
    return found


def _whole_names(doc) -> Iterator[tuple[int, int, str]]:
    """The model's spans of one line as whole words, in the line as the model read it (a line in capitals has
    no case to go by); a span within the word the one before it ends in is that one again. spaCy joins the
    doc's text anew at each `doc.text`: read once, else a long line costs its length for each of its names."""
    floor, text = 0, doc.text
    for ent in doc.ents:
        if ent.text.strip() == ent.text and ent.start_char >= floor:
            start, end = _whole_words(text, ent.start_char, ent.end_char)
            floor = end
            yield start, end, ent.label_


SENTENCE_ENDS = re.compile(r"[.!?](?=\s|$)")


def _opening_words(doc, text: str) -> list:
    """The model's one-word spans that open a sentence written like any word there ("Aku", "Demi", "Fenomena"):
    capitalised by their place alone, they may be common words the capital made look like names."""
    return [ent for ent in doc.ents if len(ent) == 1 and ent.text[:1].isupper() and ent.text[1:].islower()
            and _opens_sentence(text, ent.start_char)]


def _opens_sentence(text: str, start: int) -> bool:
    """Whether `start` opens the line or follows a sentence's stop and a space (read back over the spaces only, so
    a long line costs no more for a name near its end)."""
    stop = visible_end_before(text, start)
    return start == 0 or (0 < stop < start and text[stop - 1] in ".!?")


def without_opening_guesses(docs: list) -> list:
    """`docs` less the one-word spans opening a sentence that the model finds no longer when it reads that
    sentence again with the word lower-cased, as it would stand mid-sentence: "Aku mengalir saja" ("I") goes,
    "Jokowi mengatakan" stays, the model knowing the name in lower case too. On the NER dev splits those it
    drops were right 3 times in 11."""
    texts = {id(doc): doc.text for doc in docs}  # joined anew at each `doc.text`: once a doc, not once a name
    suspects = [(doc, ent) for doc in docs for ent in _opening_words(doc, texts[id(doc)])]
    if not suspects:
        return docs
    rereads = read([_sentence_lower_cased_from(texts[id(doc)], ent.start_char, ent.end_char)
                    for doc, ent in suspects])
    dropped = {(id(doc), ent.start_char) for (doc, ent), reread in zip(suspects, rereads, strict=True)
               if not any(found.start_char == 0 for found in reread.ents)}
    for doc in {id(doc): doc for doc, _ in suspects}.values():
        doc.ents = [ent for ent in doc.ents if (id(doc), ent.start_char) not in dropped]
    return docs


def _sentence_lower_cased_from(text: str, start: int, end: int) -> str:
    """The sentence opening at `start`, its first word (ending at `end`) lower-cased; the line's last sentence may
    end with no stop."""
    sentence_end = SENTENCE_ENDS.search(text, end)
    return text[start:end].lower() + text[end : sentence_end.end() if sentence_end else len(text)]


PARSE_BATCH = 64
"""Lines the entity parser decodes together, shortest first as in spaCy's own `pipe`: a batch takes as many
steps as its longest line has tokens."""


def read(texts: list[str]) -> list:
    """The model's spaCy docs of `texts`, entities set. Its components are called here rather than through
    `nlp.pipe` so that the entity parser decodes by its beam search with a beam of one: the same moves as its
    greedy decoder, which in this spaCy build takes and releases the GIL at every check of every move and so
    costs about twice the CPU time."""
    from spacy.pipeline import EntityRecognizer

    nlp = recogniser()
    docs = [nlp.make_doc(text) for text in texts]
    for _name, component in nlp.pipeline:
        if isinstance(component, EntityRecognizer):
            by_length = sorted(docs, key=len)
            for start in range(0, len(by_length), PARSE_BATCH):
                part = by_length[start : start + PARSE_BATCH]
                component.set_annotations(part, component.beam_parse(part, beam_width=1))
        else:
            component.set_annotations(docs, component.predict(docs))
    return docs


def _batches(lines: list[tuple[int, re.Match[str]]]) -> Iterator[list[tuple[int, re.Match[str]]]]:
    """The lines in order, in batches of at most BATCH_LINES lines and BATCH_CHARACTERS characters (a longer
    line alone)."""
    batch: list[tuple[int, re.Match[str]]] = []
    characters = 0
    for item in lines:
        size = item[1].end() - item[1].start()
        if batch and (len(batch) == BATCH_LINES or characters + size > BATCH_CHARACTERS):
            yield batch
            batch, characters = [], 0
        batch.append(item)
        characters += size
    if batch:
        yield batch


def recognise_names(docs: list[Doc]) -> list[Doc]:
    """The pipeline stage: the model's spans of each Indonesian article as the "recognised" layer, which
    `find_entities` reads (and consumes). The model learned Indonesian only; other articles get none."""
    indonesian = [doc for doc in docs if doc.article.language == "id"]
    for doc, found in zip(indonesian, recognise_many([doc.text for doc in indonesian]), strict=True):
        doc.layer("recognised").extend(Span(start, end, label) for start, end, label in found)
    return docs


def model_form(line: str) -> str:
    """A line in capitals ("BANJIR RENDAM TIGA DESA") is read lower-cased: the model learned lower-cased
    sentences too, but few in capitals, where every word looks like a name. Offsets stay the same."""
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    lowered = line.lower()
    return lowered if letters and upper >= 0.8 * len(letters) and len(lowered) == len(line) else line


WORD_TAIL = re.compile(r"(?:[-'’]?(?![A-Z])[^\W_])*")
WORD_HEAD = re.compile(r"(?:[^\W_][-'’]?)*\Z")


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The tokenizer splits "Kim Hong-kyun" at the hyphen and the model may stop there; a name is whole words.
    A capital after the hyphen starts another name ("Rusia-Ukraina"), so the span stops before it."""
    tail = WORD_TAIL.match(text, end)
    end = tail.end() if tail else end
    head = WORD_HEAD.search(text, max(0, start - 40), start)
    return (head.start() if head else start), end
