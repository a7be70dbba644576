"""Cleaning on real material from ../shared (skipped where absent) and the noise generator's own data.

Floors sit below the figures measured when these tests were written (README), on both the dev and the
held-back parts, so a regression fails while run-to-run noise does not.
"""

from __future__ import annotations

import json
import random

import pytest

from kabar.clean.furniture import text_features
from kabar.eval import real_cleaning as real
from kabar.eval.noise import RealArticle, dev_styles, furniture, held_back, noisy_scrape, score_scrape, training_lines


def _needs(path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent in this clone (the real material lives beside the repo in ../shared)")


def test_the_furniture_covers_many_outlets_in_every_position():
    styles = furniture()
    assert len(styles) >= 15
    for style, pieces in styles.items():
        assert {piece.where for piece in pieces} == {"head", "inline", "tail"}, style
    assert any(held_back(style) for style in styles) and not all(held_back(style) for style in styles)


def test_the_furniture_model_learns_from_dev_styles_only_and_leaves_titles_and_bare_headlines_out():
    styles = dev_styles()
    assert styles and not any(held_back(style) for style in styles)
    assert {style for style in furniture() if held_back(style)} == set(furniture()) - set(styles)
    article = RealArticle("own", "Warga Desa Gotong Royong Perbaiki Jembatan",
                          ["Warga desa bergotong royong memperbaiki jembatan bambu yang rusak diterjang banjir.",
                           "Perbaikan dimulai sejak pagi dan ditargetkan selesai dalam tiga hari kerja."],
                          "Budi Santoso", "2025-06-02")
    examples = training_lines(["kompas"], [article], per_style=1)
    assert sum(1 for example in examples if not example.furniture) == 4  # both lines, clean and in the scrape
    assert {example.style for example in examples if example.furniture} == {"kompas"}
    title = set(text_features(article.title))
    assert not any(title <= set(example.features) for example in examples)


def test_a_noisy_scrape_labels_every_line_and_keeps_the_article_in_order():
    article = RealArticle("own", "Warga Desa Gotong Royong Perbaiki Jembatan",
                          ["Warga desa bergotong royong memperbaiki jembatan bambu yang rusak diterjang banjir "
                           "pekan lalu.", "Perbaikan dimulai sejak pagi dan ditargetkan selesai dalam tiga hari "
                           "kerja.", "Kepala desa mengatakan bantuan bahan bangunan datang dari warga sendiri."],
                          "Budi Santoso", "2025-06-02")
    scrape = noisy_scrape(article, "kompas", [article], random.Random(1))
    assert [line for is_body, line in scrape.lines if is_body] == article.paragraphs
    assert sum(1 for is_body, _ in scrape.lines if not is_body) >= 8
    scores = score_scrape(scrape)
    assert scores.body_recall() == 1.0 and scores.furniture_recall() >= 0.9


def test_real_html_pages_article_text():
    _needs(real.EXTRACTION)
    pages = real.real_pages()
    assert len(pages) == 92
    scores = {part: [] for part in real.PARTS}
    for page in pages:
        scores[real.part_of(page.id)].append(real.token_f1(real.kabar_page_text(page), page.body))
    assert sum(scores["dev"]) / len(scores["dev"]) >= 0.95
    assert sum(scores["held-back"]) / len(scores["held-back"]) >= 0.88
    assert min(min(part) for part in scores.values()) > 0.0


def test_real_kompas_paragraphs_are_kept():
    _needs(real.KOMPAS)
    results = real.score_retention(("kabar",))["kabar"]
    assert results["dev"].share >= 0.993 and results["held-back"].share >= 0.993


def test_paragraphs_joined_with_commas_are_split_again_and_none_is_only_a_quote_mark():
    text = 'Warga mengungsi ke balai desa.,"Air naik cepat," kata Ani.,",Baca juga:,,Hujan turun lagi pada 1,5 jam.'
    spans = real.comma_joined_paragraphs(text)
    assert [text[start:end] for start, end in spans] == [
        "Warga mengungsi ke balai desa.", '"Air naik cepat," kata Ani.', "Baca juga:", "Hujan turun lagi pada 1,5 jam."]


def test_real_clickid_paragraphs_are_kept_and_the_furniture_gold_points_into_the_texts():
    _needs(real.CLICKID)
    texts = {real.record_key(record): record["text"] for record in map(json.loads, real.CLICKID.read_text("utf-8")
                                                                          .splitlines())}
    for key, spans in real.clickid_furniture().items():
        assert set(spans) <= set(real.comma_joined_paragraphs(texts[key])), key
    results = real.score_clickid_retention()["kabar"]
    assert results["dev"].share >= 0.995 and results["held-back"].share >= 0.993


def test_publication_estimates_and_outlets_on_real_kompas_text():
    _needs(real.KOMPAS)
    for part, scores in real.score_dates_and_outlets().items():
        assert scores.share(scores.right_day) >= 0.65, part
        assert scores.share(scores.outlet_right) >= 0.99, part


def test_real_articles_with_outlet_furniture_injected():
    _needs(real.KOMPAS)
    from kabar.eval.noise import NoiseScores

    totals = {held: NoiseScores() for held in (False, True)}
    for (_, held), parts in real.score_noise().items():
        for scores in parts.values():
            totals[held].add(scores)
    assert totals[False].body_recall() >= 0.985 and totals[False].furniture_recall() >= 0.975
    assert totals[True].body_recall() >= 0.985 and totals[True].furniture_recall() >= 0.88


def test_style_folds_leave_every_dev_style_out_exactly_once():
    from kabar.eval.noise import style_folds

    styles = dev_styles()
    for folds in (None, 5):
        groups = style_folds(styles, folds)
        assert sorted(style for group in groups for style in group) == sorted(styles)
    assert len(style_folds(styles, None)) == len(styles) and len(style_folds(styles, 5)) <= 5
