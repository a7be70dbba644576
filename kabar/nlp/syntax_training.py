"""Training of the tagger, morphologiser, lemmatiser and dependency parser on the UD Indonesian treebanks.

The UD README gives two files to training (GSD dev, CSUI train) and keeps CSUI test for development
figures; a fixed tenth of the training sentences (by a hash of their id) is set aside to choose the
checkpoint, so the CSUI test figure is measured, not aimed at. The model reads the word vectors the entity
model learned here from raw news: it is trained with them and ships without them, taking them from the
entity model when it loads (kabar.nlp.syntax).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kabar.errors import KabarError
from kabar.nlp.recogniser import MODEL_DIR as NER_MODEL_DIR
from kabar.nlp.syntax import MODEL_DIR, WHOLE_WORDS_FILE, evaluate, load_parser, vectors_fingerprint
from kabar.nlp.training import SEED, file_sha256
from kabar.nlp.treebank import Sentence, held_out, read_conllu, whole_words_ending_in_clitic

CONFIG = Path(__file__).resolve().parents[1] / "data" / "ud" / "config.cfg"
TRAIN_FILES = ("id_gsd-ud-dev.conllu", "id_csui-ud-train.conllu")
TEST_FILE = "id_csui-ud-test.conllu"
ATTRIBUTION = """\
Trained by `kabar train-ud` on Universal Dependencies treebanks, licensed CC BY-SA 4.0:
UD_Indonesian-GSD (dev split) and UD_Indonesian-CSUI (train split), https://universaldependencies.org/.
This model, a work derived from them, is shared under the same licence (CC BY-SA 4.0). Its word vectors are
the entity model's (kabar/models/ner-id) and are read from there when it loads.
"""


def training_sentences(data_dir: Path) -> list[Sentence]:
    found: list[Sentence] = []
    for name in TRAIN_FILES:
        path = data_dir / name
        if not path.is_file():
            raise KabarError(f"missing {path}: expected the UD Indonesian treebank files there")
        found.extend(read_conllu(path))
    return found


def reference_docs(vocab, sentences: Iterable[Sentence]):
    """spaCy documents of the treebank's syntactic words with their gold annotation (one sentence each)."""
    from spacy.tokens import Doc

    for sentence in sentences:
        words = sentence.words
        yield Doc(vocab, words=[w.form for w in words], spaces=list(sentence.spaces),
                  pos=[w.upos for w in words], morphs=[w.feats if w.feats != "_" else "" for w in words],
                  lemmas=[w.lemma for w in words], deps=[w.deprel for w in words],
                  heads=[w.head - 1 if w.head else index for index, w in enumerate(words)],
                  sent_starts=[index == 0 for index in range(len(words))])


def _docbin(vocab, sentences: Iterable[Sentence], path: Path) -> int:
    from spacy.tokens import DocBin

    docs = DocBin(docs=reference_docs(vocab, sentences), store_user_data=False)
    docs.to_disk(path)
    return len(docs)


def train(data_dir: Path, out_dir: Path = MODEL_DIR, max_steps: int | None = None,
          overrides: dict[str, str | int | float | bool] | None = None, vectors: bool = True) -> dict:
    """Train on the training files less their held-out tenth, keep the checkpoint best on that tenth, and
    write it without its vectors, with the words the treebanks keep whole, an attribution note and a record
    of what it was trained on (file hashes, settings, scores on the tenth and on CSUI test)."""
    import spacy
    from spacy.cli.train import train as spacy_train

    sentences = training_sentences(data_dir)
    vocab = spacy.blank("id").vocab
    settings: dict[str, str | int | float | bool] = dict(overrides or {})
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    if not vectors:
        settings["components.tok2vec.model.embed.include_static_vectors"] = False
    with tempfile.TemporaryDirectory(prefix="kabar-ud-") as work:
        work_dir = Path(work)
        counts = {"train": _docbin(vocab, (s for s in sentences if not held_out(s)), work_dir / "train.spacy"),
                  "dev": _docbin(vocab, (s for s in sentences if held_out(s)), work_dir / "dev.spacy")}
        paths = {"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "dev.spacy"),
                 "paths.vectors": str(NER_MODEL_DIR) if vectors else None}
        spacy_train(CONFIG, work_dir / "output", overrides={**paths, "system.seed": SEED, **settings}, use_gpu=-1)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        _without_vectors(spacy.load(work_dir / "output" / "model-best")).to_disk(out_dir)
    (out_dir / WHOLE_WORDS_FILE).write_text("\n".join(whole_words_ending_in_clitic(sentences)) + "\n", "utf-8")
    (out_dir / "README.md").write_text(ATTRIBUTION, "utf-8")
    return write_record(out_dir, data_dir, counts, settings, vectors)


def _without_vectors(nlp):
    """The pipeline with an empty vector table of the same width: the entity model's table is put in its
    place at load time."""
    from spacy.vectors import Vectors  # type: ignore[import-not-found]

    width = nlp.vocab.vectors.shape[1]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, shape=(0, width))
    return nlp


def write_record(out_dir: Path, data_dir: Path, counts: dict[str, int], settings: dict, vectors: bool) -> dict:
    load_parser.cache_clear()
    sentences = training_sentences(data_dir)
    test_path = data_dir / TEST_FILE
    record = {
        "sentences": counts,
        "seed": SEED,
        "data": {name: file_sha256(data_dir / name) for name in (*TRAIN_FILES, TEST_FILE)
                 if (data_dir / name).is_file()},
        "config_sha256": file_sha256(CONFIG),
        "overrides": settings,
        "vectors": vectors_fingerprint() if vectors else None,
        "scores": {
            "held_out_tenth": evaluate([s for s in sentences if held_out(s)], out_dir).as_dict(),
            **({"csui_test": evaluate(list(read_conllu(test_path)), out_dir).as_dict()}
               if test_path.is_file() else {}),
        },
    }
    (out_dir / "training.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    load_parser.cache_clear()
    return record
