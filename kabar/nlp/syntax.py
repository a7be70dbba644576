"""Parts of speech, morphology, lemmas and dependencies of Indonesian text, from a small spaCy model
trained here on the UD Indonesian treebanks (`kabar train-ud`) and shipped in kabar/models/ud-id.

`parse(text)` gives the words as the treebanks cut them ("menyetujuinya" is "menyetujui" + "nya", the
object), each with character offsets into `text`, so that a clause's verb, subject or object points at
the exact characters it stands on. The model reads the entity model's word vectors (kabar/models/ner-id)
rather than shipping a second copy; nothing is downloaded at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kabar.errors import KabarError
from kabar.nlp.recogniser import MODEL_DIR as NER_MODEL_DIR
from kabar.nlp.recogniser import one_blas_thread, recogniser, with_numpy_blas
from kabar.nlp.training import file_sha256
from kabar.nlp.treebank import ParseScore, Sentence, Word, treebank_words

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ud-id"
WHOLE_WORDS_FILE = "whole-nya.txt"
BATCH_TEXTS = 64


@dataclass(frozen=True)
class Token:
    """One word: `text[start:end]` is it; `head` is the index of its head in the same list (a root points
    to itself); `pos` is its universal part of speech, `morph` its UD features ("Voice=Pass"), `dep` its
    UD relation ("nsubj", "obj", "root")."""

    start: int
    end: int
    text: str
    pos: str
    morph: str
    lemma: str
    head: int
    dep: str


@cache
def load_parser(model_dir: Path = MODEL_DIR):
    """The loaded model, once per process, with the entity model's vector table in the place of the empty
    one it ships, refused if those are not the vectors it was trained with."""
    import spacy

    if not (model_dir / "config.cfg").is_file():
        raise KabarError(f"the syntax model is missing from {model_dir}; build it with `kabar train-ud`")
    nlp = spacy.load(model_dir, exclude=["tokenizer"])
    if nlp.vocab.vectors.shape[1]:
        trained_with = _record(model_dir).get("vectors")
        if trained_with and trained_with != vectors_fingerprint():
            raise KabarError(f"the syntax model in {model_dir} was trained with other word vectors than the "
                             "entity model's: retrain it with `kabar train-ud`")
        nlp.vocab.vectors = recogniser().vocab.vectors
    whole = frozenset((model_dir / WHOLE_WORDS_FILE).read_text("utf-8").split())
    return with_numpy_blas(nlp), whole


def _record(model_dir: Path) -> dict:
    path = model_dir / "training.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def vectors_fingerprint() -> str:
    """What identifies the entity model's vectors: the hash of their table on disk."""
    return file_sha256(NER_MODEL_DIR / "vocab" / "vectors")


def parse(text: str) -> list[Token]:
    """The words of `text` with part of speech, morphology, lemma, head and relation."""
    return parse_many([text])[0]


def parse_many(texts: list[str], model_dir: Path = MODEL_DIR) -> list[list[Token]]:
    """`parse` for many texts, batched through the model (cheaper per text than one at a time)."""
    from spacy.tokens import Doc

    nlp, whole = load_parser(model_dir)
    words = [treebank_words(text, ((t.idx, t.idx + len(t)) for t in nlp.tokenizer(text) if not t.is_space), whole)
             for text in texts]
    docs = (Doc(nlp.vocab, words=[text[start:end] for start, end in offsets], spaces=_spaces(offsets))
            for text, offsets in zip(texts, words, strict=True))
    found = []
    with one_blas_thread():
        for offsets, doc in zip(words, nlp.pipe(docs, batch_size=BATCH_TEXTS), strict=True):
            found.append([Token(start, end, token.text, token.pos_, str(token.morph), token.lemma_, token.head.i,
                                "root" if token.dep_ == "ROOT" else token.dep_)
                          for (start, end), token in zip(offsets, doc, strict=True)])
    return found


def _spaces(offsets: list[tuple[int, int]]) -> list[bool]:
    """Whether each word is followed by a gap before the next (what the model saw in training)."""
    return [end < following for (_, end), (following, _) in zip(offsets, offsets[1:], strict=False)] + \
        [False] * bool(offsets)


def as_words(tokens: list[Token]) -> list[Word]:
    """Tokens in the treebank's terms (heads counted from 1, 0 for the root), for scoring."""
    return [Word(t.start, t.end, t.text, t.lemma, t.pos, t.morph or "_", 0 if t.head == i else t.head + 1, t.dep)
            for i, t in enumerate(tokens)]


def evaluate(sentences: list[Sentence], model_dir: Path = MODEL_DIR) -> ParseScore:
    """Scores of the model on gold sentences, parsed from their raw text as `parse` parses."""
    score = ParseScore()
    for sentence, tokens in zip(sentences, parse_many([s.text for s in sentences], model_dir), strict=True):
        score.add(sentence, as_words(tokens))
    return score
