"""Cleaning measured against gold: the five seed scrapes and the bundled corpus in both forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kabar.clean import clean
from kabar.eval.cleaning import EXAMPLES, KEPT, PREFIX, SEED_GOLD, article_metadata, seed_lines
from kabar.ingest import iter_inputs
from kabar.model import RawDocument

EXAMPLE_GOLD = json.loads((EXAMPLES / "gold.json").read_text("utf-8"))["articles"]


def _clean(path: Path):
    [raw] = [r for r in iter_inputs([str(path)]) if isinstance(r, RawDocument)]
    return clean(raw, "t")


@pytest.mark.parametrize("name", sorted(json.loads(SEED_GOLD.read_text("utf-8"))["seeds"]))
def test_seed_keeps_every_body_line_and_removes_all_boilerplate(seeds_dir: Path, name: str):
    gold = json.loads(SEED_GOLD.read_text("utf-8"))["seeds"][name]
    article = _clean(seeds_dir / name)
    kept = {article.text[p.start : p.end][:PREFIX] for p in article.paragraphs}
    for line in seed_lines(seeds_dir / name):
        assert (line[:PREFIX] in kept) == (gold["lines"][line[:PREFIX]] in KEPT), line
    found = article_metadata(article)
    for field in ("title", "outlet", "author", "published", "updated"):
        assert found[field] == gold[field], field
    assert article.user_generated == gold["user_generated"]
    assert article.wire_sources == gold["wire_sources"]
    estimate = article.published_estimate.earliest if article.published_estimate else None
    assert estimate == gold["published_estimate_earliest"]
    assert all(r.reason for r in article.removed)


@pytest.mark.parametrize("stem", sorted(EXAMPLE_GOLD))
def test_example_text_and_html_give_the_same_article(stem: str):
    from_text = _clean(EXAMPLES / f"{stem}.txt")
    from_html = _clean(EXAMPLES / f"{stem}.html")
    assert from_text.text == from_html.text
    gold = EXAMPLE_GOLD[stem]
    for article in (from_text, from_html):
        found = article_metadata(article)
        for field in ("title", "outlet", "author", "published", "updated"):
            assert found[field] == gold[field], (article.source, field)
        assert article.language == gold["language"]
        assert article.user_generated == gold["user_generated"]
    assert from_text.wire_sources == gold["wire_sources"]


def test_removed_lines_never_reach_the_text():
    article = _clean(EXAMPLES / "01-warta-nusantara.txt")
    assert "Baca Juga" not in article.text and "Tinggalkan Balasan" not in article.text
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Editor: Bayu Prasetya"].startswith("credit")
    assert reasons["BERITA TERKAIT"].startswith("boilerplate: widget-label")
