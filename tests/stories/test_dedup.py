"""Shared-report detection stays small when many articles rewrite one report."""

from __future__ import annotations

import random
from datetime import datetime

from kabar.model import Article
from kabar.stories.dedup import REUSE, REUSE_KEPT, _signature, find_duplicates

REPORT = ("Hujan deras sejak Senin malam membuat sungai di kabupaten itu meluap dan merendam tiga desa di tepi "
          "hilir kata petugas penanggulangan bencana setempat kepada wartawan pada Selasa pagi sebanyak seratus "
          "dua puluh keluarga mengungsi ke balai desa dan masjid terdekat sambil menunggu air surut sementara "
          "relawan membagikan makanan selimut dan obat obatan kepada warga yang kehilangan tempat tinggal dan "
          "pemerintah daerah berjanji memperbaiki tanggul yang jebol dalam waktu dua pekan ke depan").split()


def _rewrite(number: int) -> Article:
    """The report with about one word in seventeen replaced, differently in each rewrite."""
    rng = random.Random(number)
    words = [f"kata{number}x{i}" if rng.random() < 0.06 else word for i, word in enumerate(REPORT)]
    return Article(id=f"r{number:02d}", source=f"r{number}.txt", text=" ".join(words),
                   published=datetime(2024, 10, 1 + number))


def test_each_article_keeps_only_the_reports_it_shares_most_with():
    articles = [_rewrite(n) for n in range(20)]
    _copies, reuse = find_duplicates(articles)
    last = articles[-1]
    similarities = sorted((_signature(last.text).jaccard(_signature(a.text)), a.id) for a in articles[:-1])
    shared = [(round(s, 3), other) for s, other in similarities if s >= REUSE]
    assert len(shared) > REUSE_KEPT  # without the cap, every earlier rewrite would be listed
    kept = [(similarity, earlier) for article, earlier, similarity in reuse if article == last.id]
    assert len(kept) == REUSE_KEPT
    assert min(s for s, _ in kept) >= sorted(s for s, _ in shared)[-REUSE_KEPT]
    assert all(sum(1 for pair in reuse if pair[0] == a.id) <= REUSE_KEPT for a in articles)
