"""Reading Universal Dependencies treebanks (CoNLL-U) and scoring a parse against them.

UD Indonesian splits a clitic "-nya" (and a few "-lah", "-kah", "-ku", "-mu", "-pun") from its host as a
multiword token: "menyetujuinya" is the words "menyetujui" + "nya", the object. The model learns those
syntactic words, so the object, the possessor or the subject that "-nya" stands for gets its own head and
relation; at run time `treebank_words` makes the same cut in running text. Scores align the predicted words
with the gold ones by character offsets, so a word cut wrongly counts as wrong, as in the CoNLL 2018 scorer.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The pronoun clitic the model learns as a word of its own; the rarer particles (-lah, -kah, -pun) are left
# on their hosts at run time: "sekolah", "salah", "tanpa" end the same way.
CLITIC = "nya"
MIN_HOST = 3


@dataclass(frozen=True)
class Word:
    """One syntactic word of a sentence, with character offsets into the sentence's text."""

    start: int
    end: int
    form: str
    lemma: str
    upos: str
    feats: str
    head: int  # 1-based index of the head word, 0 for the root
    deprel: str


@dataclass(frozen=True)
class Sentence:
    sent_id: str
    text: str
    words: tuple[Word, ...]
    spaces: tuple[bool, ...] = field(repr=False)
    # surface tokens that are a host and its clitic: (first word index, last word index)
    multiword: tuple[tuple[int, int], ...] = ()


def read_conllu(path: Path) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U file, each word placed in the sentence's text (multiword tokens give
    their characters to their words in order; empty nodes are skipped)."""
    block: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            block.append(line)
        elif block:
            yield _sentence(block)
            block = []


def _sentence(block: list[str]) -> Sentence:
    comments = dict(line[2:].split(" = ", 1) for line in block if line.startswith("# ") and " = " in line)
    text = comments.get("text", "")
    rows = [line.split("\t") for line in block if not line.startswith("#") and "." not in line.split("\t")[0]]
    words: list[Word] = []
    multiword: list[tuple[int, int]] = []
    at = 0
    position = 0
    while position < len(rows):
        row = rows[position]
        if "-" in row[0]:
            first, last = (int(n) for n in row[0].split("-"))
            parts = rows[position + 1 : position + 2 + last - first]
            start = _find(text, row[1], at)
            end = start + len(row[1])
            multiword.append((first - 1, last - 1))
            offsets = _part_offsets(start, end, [part[1] for part in parts])
            position += 1 + len(parts)
        else:
            parts = [row]
            start = _find(text, row[1], at)
            offsets = [(start, start + len(row[1]))]
            position += 1
        for (begin, stop), part in zip(offsets, parts, strict=True):
            words.append(Word(begin, stop, text[begin:stop] or part[1], part[2], part[3], part[5], int(part[6]),
                              part[7]))
        at = offsets[-1][1]
    spaces = tuple(word.end < len(text) and text[word.end] == " " for word in words)
    return Sentence(comments.get("sent_id", ""), text, tuple(words), spaces, tuple(multiword))


def _part_offsets(start: int, end: int, parts: list[str]) -> list[tuple[int, int]]:
    """The words of a multiword token take its characters in order; the last takes the token's end, since a
    few are no plain concatenation ("satu-satunya" = "satu" + "nya")."""
    offsets = []
    at = start
    for part in parts[:-1]:
        offsets.append((at, at + len(part)))
        at += len(part)
    offsets.append((max(at, end - len(parts[-1])), end))
    return offsets


def _find(text: str, form: str, at: int) -> int:
    found = text.find(form, at)
    return found if found >= 0 else at


def held_out(sentence: Sentence, share: int = 10) -> bool:
    """A fixed tenth of the training sentences, chosen by a hash of their id, kept aside to pick settings
    and the checkpoint: the CSUI test file then stays a figure, not a target."""
    return hashlib.sha1(sentence.sent_id.encode("utf-8")).digest()[0] % share == 0


def whole_words_ending_in_clitic(sentences: Iterable[Sentence]) -> list[str]:
    """Words that end in "nya" yet the treebanks keep whole more often than they cut them ("hanya",
    "sebelumnya", "lainnya"): run-time cutting leaves them alone."""
    whole: Counter[str] = Counter()
    cut: Counter[str] = Counter()
    for sentence in sentences:
        for first, last in sentence.multiword:
            cut[sentence.text[sentence.words[first].start : sentence.words[last].end].lower()] += 1
        inside = {index for first, last in sentence.multiword for index in range(first, last + 1)}
        whole.update(word.form.lower() for index, word in enumerate(sentence.words)
                     if index not in inside and _could_be_split(word.form))
    return sorted(form for form, count in whole.items() if count > cut[form])


def _could_be_split(form: str) -> bool:
    host = form[: -len(CLITIC)]
    return form.lower().endswith(CLITIC) and (host.isalpha() and len(host) >= MIN_HOST or host.endswith("-"))


def _hyphen_joins(text: str, at: int) -> bool:
    """Whether two tokens meeting at `at` are one word written with a hyphen: a hyphen stands at the join
    with a letter or digit on each side, not two numbers ("23-25" is a range)."""
    hyphen = at if text[at] == "-" else at - 1 if text[at - 1] == "-" else -1
    if hyphen < 1 or hyphen + 1 >= len(text):
        return False
    left, right = text[hyphen - 1], text[hyphen + 1]
    return left.isalnum() and right.isalnum() and not (left.isdigit() and right.isdigit())


def treebank_words(text: str, tokens: Iterable[tuple[int, int]], whole: frozenset[str]) -> list[tuple[int, int]]:
    """Running-text tokens (offsets) cut as the treebanks cut words: a word written with a hyphen inside
    ("rasio-rasio", "non-migas", "APBN-P"), which spaCy's tokenizer splits, is one word again; a host and
    its clitic are two ("menyetujuinya" → "menyetujui" + "nya", "idA-nya" → "idA-" + "nya"), except the
    words the treebanks keep whole."""
    joined: list[tuple[int, int]] = []
    for start, end in tokens:
        if joined and joined[-1][1] == start and _hyphen_joins(text, start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    cut: list[tuple[int, int]] = []
    for start, end in joined:
        form = text[start:end]
        if _could_be_split(form) and form.lower() not in whole:
            cut += [(start, end - len(CLITIC)), (end - len(CLITIC), end)]
        else:
            cut.append((start, end))
    return cut


@dataclass
class ParseScore:
    """Word-level accuracies against gold, words aligned by their character offsets."""

    words: int = 0
    upos: int = 0
    lemma: int = 0
    feats: int = 0
    unlabelled: int = 0
    labelled: int = 0

    def add(self, gold: Sentence, predicted: list[Word]) -> None:
        """Count one sentence: a gold word counts only where a predicted word has exactly its offsets, and
        its head is right only where the predicted head is the word at the gold head's offsets."""
        by_offsets = {(w.start, w.end): w for w in predicted}
        self.words += len(gold.words)
        for word in gold.words:
            guess = by_offsets.get((word.start, word.end))
            if guess is None:
                continue
            self.upos += guess.upos == word.upos
            self.lemma += guess.lemma.lower() == word.lemma.lower()
            self.feats += guess.feats == word.feats
            gold_head = _offsets(gold.words, word.head)
            if _offsets(predicted, guess.head) == gold_head:
                self.unlabelled += 1
                self.labelled += guess.deprel == word.deprel

    def share(self, count: int) -> float:
        return count / self.words if self.words else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"words": self.words, "upos": round(self.share(self.upos), 4),
                "lemma": round(self.share(self.lemma), 4), "feats": round(self.share(self.feats), 4),
                "uas": round(self.share(self.unlabelled), 4), "las": round(self.share(self.labelled), 4)}


def _offsets(words: list[Word] | tuple[Word, ...], head: int) -> tuple[int, int] | None:
    return None if head == 0 else (words[head - 1].start, words[head - 1].end)
