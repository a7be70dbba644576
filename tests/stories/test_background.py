"""The news-at-large term counts the story grouping adds to a pile's own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kabar.model import Article
from kabar.stories import background as news
from kabar.stories.cluster import NAMES, WORDS, Vocabulary


def _article(number: int, text: str) -> Article:
    return Article(id=f"a-{number}", source=f"{number}.txt", text=text, title=f"Laporan {number}",
                   published=datetime(2024, 5, 1, tzinfo=UTC))


def test_counts_keep_terms_of_enough_articles_and_read_back_as_written(tmp_path: Path):
    articles = [_article(n, f"Warga Kota Palu memadati pasar pagi ini. Harga cabai naik {n} persen.")
                for n in range(news.MIN_ARTICLES)]
    articles.append(_article(99, "Banjir merendam Kecamatan Sigi."))
    found = news.count_terms(articles)
    assert found.articles == news.MIN_ARTICLES + 1
    assert found.holding[NAMES]["palu"] == news.MIN_ARTICLES and "sigi" not in found.holding[NAMES]
    table = tmp_path / "terms.tsv"
    news.write(found, table, ["made-up.jsonl"])
    lines = [line for line in table.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert news.parse(lines) == found


def test_an_empty_pile_weighs_terms_as_news_at_large_does():
    """Before any article is counted, a word every report uses weighs less than one the news never held, and
    a name the news holds often less than a rare one: a folder of ten reports starts from these weights."""
    shipped = news.background()
    assert shipped.articles >= 5000
    vocabulary = Vocabulary()
    common_word = max(shipped.holding[WORDS], key=shipped.holding[WORDS].__getitem__)
    assert vocabulary.idf(WORDS, common_word) < vocabulary.idf(WORDS, "zzqxj")
    assert vocabulary.idf(NAMES, "jakarta") < vocabulary.idf(NAMES, "zzqxj")
