"""Training and dev-set evaluation of the statistical entity recogniser.

The public Indonesian NER sets (idner-news-2k, NERGrit, NERP) name the same three kinds of thing
differently; they are read onto one scheme, PER / ORG / LOC, and NERP's events and food become O.
Train splits train; dev splits choose the best checkpoint and measure it. Test splits are never read.
Word vectors learned here from raw Indonesian text (the train splits' sentences and the news under
../shared/corpus/real, no labels) tell the model which words keep company with which: a name it never saw
tagged still sits near the names it did.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kabar.errors import KabarError
from kabar.nlp.recogniser import MODEL_DIR

if TYPE_CHECKING:
    import numpy as np

CONFIG = Path(__file__).resolve().parents[1] / "data" / "ner" / "config.cfg"
SEED = 17
VECTOR_WIDTH = 100
VECTOR_WORDS = 40000
VECTOR_MIN_COUNT = 3
VECTOR_WINDOW = 5
UNIFIED = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC",
}


@dataclass(frozen=True)
class NerSet:
    name: str
    train: str
    dev: str


SETS = (
    NerSet("idner-news-2k", "train.txt", "dev.txt"),
    NerSet("nergrit", "train.txt", "valid.txt"),
    NerSet("nerp", "train.txt", "valid.txt"),
)

Sentence = tuple[list[str], list[str]]


def read_tagged(path: Path) -> Iterator[Sentence]:
    """Sentences of a token-per-line file: the token first, its IOB tag last, a blank line between
    sentences (tab- or space-separated, CRLF or LF)."""
    words: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        columns = line.split()
        if not columns:
            if words:
                yield words, _repaired(tags)
            words, tags = [], []
            continue
        if len(columns) < 2:
            raise KabarError(f"{path}:{number}: expected a token and a tag, got {line.strip()!r}")
        words.append(columns[0])
        tags.append(unified_tag(columns[-1]))
    if words:
        yield words, _repaired(tags)


def unified_tag(tag: str) -> str:
    """"B-PPL" → "B-PER", "I-PLACE" → "I-LOC"; kinds outside the three (events, food) → "O"."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    label = UNIFIED.get(kind)
    return f"{prefix}-{label}" if label and prefix in ("B", "I") else "O"


def _repaired(tags: list[str]) -> list[str]:
    """An I- tag that follows nothing of its kind starts an entity (some files begin entities with I-)."""
    fixed: list[str] = []
    for index, tag in enumerate(tags):
        if tag.startswith("I-") and (index == 0 or fixed[-1] == "O" or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def reference_docs(vocab, sentences: Iterable[Sentence]):
    from spacy.tokens import Doc

    for words, tags in sentences:
        yield Doc(vocab, words=words, ents=tags)


def _split(data_dir: Path, which: str) -> Iterator[Sentence]:
    for ner_set in SETS:
        path = data_dir / ner_set.name / getattr(ner_set, which)
        if not path.is_file():
            raise KabarError(f"missing {path}: expected the {ner_set.name} {which} split there")
        yield from read_tagged(path)


def _docbin(vocab, sentences: Iterable[Sentence], path: Path) -> int:
    from spacy.tokens import DocBin

    docs = DocBin(docs=reference_docs(vocab, sentences))
    docs.to_disk(path)
    return len(docs)


# The UD README gives these two to training (the third, CSUI test, is its development data).
UD_TRAIN_FILES = ("id_gsd-ud-dev.conllu", "id_csui-ud-train.conllu")


def raw_text_files(data_dir: Path) -> list[Path]:
    """Text without labels beside the NER sets (when `data_dir` is ../shared/data/ner: the news in
    ../shared/corpus/real/*.jsonl and the UD training sentences in ../shared/data/ud); none elsewhere, and
    then the vectors learn from the train sentences alone."""
    news = sorted((data_dir.parent.parent / "corpus" / "real").glob("*.jsonl"), reverse=True)
    treebanks = [data_dir.parent / "ud" / name for name in UD_TRAIN_FILES]
    return news + [path for path in treebanks if path.is_file()]


def _raw_texts(data_dir: Path) -> Iterator[str]:
    files = raw_text_files(data_dir)
    for path in (path for path in files if path.suffix == ".jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            # CLICK-ID joined its paragraphs with ".," : read them as the paragraphs they were.
            yield from json.loads(line).get("text", "").replace(".,", ".\n").split("\n")
    for words, _ in _split(data_dir, "train"):
        yield " ".join(words)
    for path in (path for path in files if path.suffix == ".conllu"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                yield line.removeprefix("# text = ").strip()


def word_vectors(texts: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """Lower-cased word vectors from co-occurrence: counts within a window (nearer words weigh more),
    positive pointwise mutual information, and its truncated SVD (seeded). Lower-cased so "JOKOWI",
    "jokowi" and "Jokowi" share one vector."""
    import numpy as np
    import spacy
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    nlp = spacy.blank("id")
    sequences = [[token.lower_ for token in nlp.make_doc(text)] for text in texts if text.strip()]
    counts = Counter(word for sequence in sequences for word in sequence)
    words = [word for word, count in counts.most_common(VECTOR_WORDS) if count >= VECTOR_MIN_COUNT]
    index = {word: row for row, word in enumerate(words)}
    gap = [-1] * VECTOR_WINDOW  # no window reaches across two texts
    ids = np.array([row for sequence in sequences for row in [*(index.get(word, -1) for word in sequence), *gap]],
                   dtype=np.int64)
    rows, columns, weights = [], [], []
    for distance in range(1, VECTOR_WINDOW + 1):
        left, right = ids[:-distance], ids[distance:]
        keep = (left >= 0) & (right >= 0)
        weight = np.full(int(keep.sum()), 1.0 / distance, dtype=np.float32)
        rows += [left[keep], right[keep]]
        columns += [right[keep], left[keep]]
        weights += [weight, weight]
    size = (len(words), len(words))
    counted = sparse.coo_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(columns))),
                                shape=size).tocsr()
    total = counted.sum()
    word_share = np.asarray(counted.sum(axis=1)).ravel()
    context_share = np.asarray(counted.sum(axis=0)).ravel() ** 0.75  # rare contexts smoothed
    context_share = context_share / context_share.sum()
    cooccurrence = counted.tocoo()
    pmi = (np.log(cooccurrence.data / total) - np.log(word_share[cooccurrence.row] / total)
           - np.log(context_share[cooccurrence.col]))
    positive = pmi > 0
    ppmi = sparse.csr_matrix((pmi[positive], (cooccurrence.row[positive], cooccurrence.col[positive])), shape=size)
    svd = TruncatedSVD(n_components=min(VECTOR_WIDTH, len(words) - 1), random_state=SEED)
    vectors = svd.fit_transform(ppmi) / np.sqrt(svd.singular_values_)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return words, vectors.astype(np.float32)


def _vectors_model(texts: Iterable[str], path: Path) -> int:
    """A blank pipeline holding the word vectors, as spaCy's `initialize.vectors` reads them."""
    import spacy
    from spacy.vectors import Vectors  # type: ignore[import-not-found]

    words, vectors = word_vectors(texts)
    nlp = spacy.blank("id")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vectors,
                                keys=[nlp.vocab.strings.add(word) for word in words], attr="LOWER")
    nlp.to_disk(path)
    return len(words)


def train(data_dir: Path, out_dir: Path = MODEL_DIR, max_steps: int | None = None) -> dict:
    """Learn word vectors from raw text, train on every train split, keep the checkpoint best on the dev
    splits, and write it with a record of what it was trained on (file hashes, settings, dev scores)
    into `out_dir`."""
    import spacy
    from spacy.cli.train import train as spacy_train

    vocab = spacy.blank("id").vocab
    with tempfile.TemporaryDirectory(prefix="kabar-ner-") as work:
        work_dir = Path(work)
        counts = {
            "train": _docbin(vocab, _split(data_dir, "train"), work_dir / "train.spacy"),
            "dev": _docbin(vocab, _split(data_dir, "dev"), work_dir / "dev.spacy"),
        }
        vector_words = _vectors_model(_raw_texts(data_dir), work_dir / "vectors")
        overrides: dict[str, str | int] = {"paths.train": str(work_dir / "train.spacy"),
                                           "paths.dev": str(work_dir / "dev.spacy"),
                                           "paths.vectors": str(work_dir / "vectors")}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
        spacy_train(CONFIG, work_dir / "output", overrides=overrides, use_gpu=-1)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(work_dir / "output" / "model-best", out_dir)
    return write_record(out_dir, data_dir, counts, vector_words,
                        {key: value for key, value in overrides.items() if not key.startswith("paths.")})


def write_record(out_dir: Path, data_dir: Path, counts: dict[str, int], vector_words: int, overrides: dict) -> dict:
    """training.json beside the model: the data's hashes (raw text included), the settings and the
    model's dev scores."""
    import spacy

    record = {
        "sentences": counts,
        "vector_words": vector_words,
        "data": {os.path.relpath(path, data_dir): file_sha256(path) for path in _data_files(data_dir)},
        "config_sha256": file_sha256(CONFIG),
        "overrides": overrides,
        "dev_scores": {name: score.as_dict() for name, score in evaluate(spacy.load(out_dir), data_dir).items()},
    }
    (out_dir / "training.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return record


def _data_files(data_dir: Path) -> list[Path]:
    return [data_dir / s.name / split for s in SETS for split in (s.train, s.dev)] + raw_text_files(data_dir)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class NerScore:
    precision: float
    recall: float
    f1: float
    per_label: dict[str, tuple[float, float, float]]
    sentences: int

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "per_label": {k: [round(x, 4) for x in v] for k, v in self.per_label.items()},
                "sentences": self.sentences}


def score(nlp, sentences: list[Sentence]) -> NerScore:
    """Exact-span entity precision / recall / F1 of `nlp` on gold sentences (tokens given, so only the
    recogniser is measured, not the tokenizer)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = [Example(Doc(nlp.vocab, words=words), reference)
                for (words, _), reference in zip(sentences, reference_docs(nlp.vocab, sentences), strict=True)]
    result = nlp.evaluate(examples)
    per_label = {label: (v["p"], v["r"], v["f"]) for label, v in sorted((result.get("ents_per_type") or {}).items())}
    return NerScore(result["ents_p"] or 0.0, result["ents_r"] or 0.0, result["ents_f"] or 0.0, per_label,
                    len(examples))


def evaluate(nlp, data_dir: Path) -> dict[str, NerScore]:
    """Scores on each dev split, and on all of them together."""
    scores = {}
    everything: list[Sentence] = []
    for ner_set in SETS:
        sentences = list(read_tagged(data_dir / ner_set.name / ner_set.dev))
        scores[ner_set.name] = score(nlp, sentences)
        everything.extend(sentences)
    scores["all"] = score(nlp, everything)
    return scores
