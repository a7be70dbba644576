"""`kabar eval ud`: the shipped syntax model on the UD Indonesian-CSUI test sentences (../shared/data/ud),
which the README of those files keeps for development figures; the model was trained on GSD dev and CSUI
train, its checkpoint chosen on a tenth of those. Each sentence is parsed from its raw text, as
`kabar.nlp.syntax.parse` parses, and its words aligned with the gold words by character offsets, so a word
cut wrongly counts as wrong (words, UPOS, features, lemma, UAS, LAS over all words, punctuation included).
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.eval import SHARED
from kabar.nlp.syntax import MODEL_DIR, as_words, load_parser, parse_many
from kabar.nlp.syntax_training import TEST_FILE
from kabar.nlp.treebank import ParseScore, read_conllu

UD_DATA = SHARED / "data" / "ud"


def measure(path: Path, model_dir: Path = MODEL_DIR) -> tuple[ParseScore, int, float]:
    """The scores on a CoNLL-U file, its sentence count and the CPU seconds the parsing took (model
    loading apart)."""
    sentences = list(read_conllu(path))
    load_parser(model_dir)
    started = time.process_time()
    parsed = parse_many([s.text for s in sentences], model_dir)
    seconds = time.process_time() - started
    score = ParseScore()
    for sentence, tokens in zip(sentences, parsed, strict=True):
        score.add(sentence, as_words(tokens))
    return score, len(sentences), seconds


def main(data_dir: Path | None = None) -> None:
    console = Console()
    path = (data_dir or UD_DATA) / TEST_FILE
    if not path.is_file():
        console.print(f"[yellow]UD data not found at {path}: nothing to evaluate (pass --data with the folder "
                      f"holding {TEST_FILE}).[/]")
        return
    score, sentences, seconds = measure(path)
    table = Table(title=f"Syntax model on UD Indonesian-CSUI test, parsed from raw text ({sentences} sentences, "
                        f"{score.words} gold words)")
    for column in ("UPOS", "features", "lemma", "UAS", "LAS", "sentences / CPU-second"):
        table.add_column(column, justify="right")
    table.add_row(*(f"{score.share(count):.3f}" for count in (score.upos, score.feats, score.lemma,
                                                              score.unlabelled, score.labelled)),
                  f"{sentences / seconds:.0f}" if seconds else "-")
    console.print(table)


if __name__ == "__main__":
    main()
