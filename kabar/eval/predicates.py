"""How often the claim layer's clause predicate is a verb, and the sentence's main verb, on the
Indonesian-CSUI UD test sentences whose root is a verb (../shared/data/ud/id_csui-ud-test.conllu). The
rule takes the first verb outside a source's credit, so a verb of a subordinate clause before the main
one counts against it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kabar.model import Article, Doc, Span
from kabar.stories.claims import predicate

REPO = Path(__file__).resolve().parents[2]
UD_TEST = REPO.parent / "shared" / "data" / "ud" / "id_csui-ud-test.conllu"


@dataclass
class PredicateScores:
    sentences: int
    is_root: float
    is_verb: float
    none_found: float


def _sentences(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    tokens: list[list[str]] = []
    text = ""
    for line in path.read_text("utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line:
            if tokens:
                yield text, tokens
            tokens, text = [], ""
        elif not line.startswith("#"):
            fields = line.split("\t")
            if fields[0].isdigit():
                tokens.append(fields)


def evaluate(path: Path = UD_TEST) -> PredicateScores:
    counted = root = verb = none = 0
    for text, tokens in _sentences(path):
        main = next(t for t in tokens if t[7] == "root")
        if main[3] != "VERB":
            continue
        counted += 1
        doc = Doc(Article(id="ud", source=str(path), text=text))
        doc.layers["sentences"] = [Span(0, len(text), "sentence", {})]
        found = predicate(doc, doc.layers["sentences"][0])
        if found is None:
            none += 1
            continue
        root += found.group(0) == main[1]
        verb += any(t[1] == found.group(0) and t[3] == "VERB" for t in tokens)
    share = (lambda n: n / counted) if counted else (lambda n: 0.0)
    return PredicateScores(counted, share(root), share(verb), share(none))
