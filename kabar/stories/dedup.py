"""Republished copies and shared wire text, by MinHash over word shingles (datasketch)."""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from kabar.model import Article
from kabar.textnorm import tokens

SHINGLE = 5
PERMUTATIONS = 128
DUPLICATE = 0.8  # estimated Jaccard similarity above which one article is a copy of the other
REUSE = 0.3  # above this, articles share a good part of one report (partial wire reuse)
REUSE_KEPT = 5  # earlier reports kept per article: in a pile of rewrites of one report, every pair is too many


def _signature(text: str) -> MinHash:
    words = tokens(text)
    signature = MinHash(num_perm=PERMUTATIONS, seed=1)
    # one vectorised update for all shingles: the same signature as one update each, several times faster
    signature.update_batch([" ".join(words[i : i + SHINGLE]).encode("utf-8")
                            for i in range(max(1, len(words) - SHINGLE + 1))])
    return signature


def _age_key(article: Article) -> tuple[str, str]:
    """Earlier publication first; undated articles after dated ones; ties by id."""
    moment = article.published or article.reference_date
    return (moment.isoformat() if moment else "9999", article.id)


Copies = tuple[dict[str, tuple[str, float]], list[tuple[str, str, float]]]


def find_duplicates(articles: list[Article]) -> Copies:
    """(copy id → (original id, similarity)), and pairs that reuse part of one report (for each article,
    the REUSE_KEPT earlier ones it shares most with)."""
    signatures = {a.id: _signature(a.text) for a in articles}
    lsh = MinHashLSH(threshold=REUSE, num_perm=PERMUTATIONS)
    duplicates: dict[str, tuple[str, float]] = {}
    reuse: list[tuple[str, str, float]] = []
    for article in sorted(articles, key=_age_key):
        signature = signatures[article.id]
        reused: list[tuple[str, str, float]] = []
        for earlier in lsh.query(signature):
            similarity = signature.jaccard(signatures[earlier])
            if similarity >= DUPLICATE and article.id not in duplicates:
                duplicates[article.id] = (duplicates.get(earlier, (earlier, 1.0))[0], round(similarity, 3))
            elif similarity >= REUSE:
                reused.append((article.id, earlier, round(similarity, 3)))
        reuse.extend(sorted(reused, key=lambda pair: (-pair[2], pair[1]))[:REUSE_KEPT])
        lsh.insert(article.id, signature)
    return duplicates, reuse
