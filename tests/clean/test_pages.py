"""Twenty pages in the styles of other Indonesian outlets, as text scrapes and as HTML pages."""

from __future__ import annotations

import pytest

from kabar.clean import clean
from kabar.eval.cleaning import PREFIX, article_metadata, page_metadata_expected, score_pages
from kabar.eval.pages import KEPT_LABELS, all_pages

PAGES = all_pages()


def test_there_are_at_least_twenty_pages_from_many_outlets():
    assert len(PAGES) >= 20
    assert len({p.metadata["outlet"] for p in PAGES}) >= 18


@pytest.mark.parametrize("form", ["text", "html"])
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_keeps_its_body_and_drops_its_boilerplate(page, form):
    article = clean(page.raw(form), "t")
    kept = {article.text[p.start : p.end][:PREFIX] for p in article.paragraphs}
    for label, text in page.lines:
        assert (text[:PREFIX] in kept) == (label in KEPT_LABELS), f"[{label}] {text}"
    headings = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "heading"]
    assert headings == [text for label, text in page.lines if label == "H"]
    found = article_metadata(article)
    expected = page_metadata_expected(page, form)
    for field in ("title", "outlet", "author", "published", "updated"):
        assert found[field] == expected[field], field


def test_f1_on_the_pages_is_at_least_the_target():
    scores = score_pages()
    assert scores["kabar (text)"].f1() >= 0.97 and scores["kabar (html)"].f1() >= 0.97
    assert scores["kabar (html)"].f1() > scores["trafilatura (html)"].f1()
    assert scores["kabar (html)"].f1() > scores["jusText (html)"].f1()
