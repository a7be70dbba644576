"""The page walk and what the main-content extractor is shown: page chrome without prose is not."""

from __future__ import annotations

from copy import deepcopy

import pytest
import trafilatura
from lxml import etree

from kabar.clean import clean
from kabar.clean.blocks import (
    _drop_chrome_without_prose,
    _main_content,
    _main_content_options,
    _walk_blocks,
    parse_html,
    text_of,
)
from kabar.model import RawDocument

LEAD = ("Pemerintah kota menyiapkan dua puluh pompa air baru untuk menghadapi musim hujan yang diperkirakan "
        "datang lebih awal tahun ini, kata kepala dinas kepada wartawan di Semarang.")
SECOND = ("Pompa itu akan dipasang di enam titik rawan genangan, antara lain di kawasan Kaligawe dan Tanjung Mas, "
          "sebelum akhir bulan depan, menurut rencana dinas pekerjaan umum.")

# the article sits in a box whose class says "sidebar" (as some themes name their layout), beside a share bar
# and a related-links list; a menu box holds nothing but links
PAGE = f"""<html><body>
<div class="menu-utama"><a href="/">Beranda</a> <a href="/kota">Kota</a> <a href="/olahraga">Olahraga</a></div>
<div class="layout-sidebar-left">
  <div class="isi"><p>{LEAD}</p>
  <div class="share-bar"><a href="/fb">Facebook</a> <a href="/x">Twitter</a></div>
  <p>{SECOND}</p></div>
  <ul class="related-posts"><li><a href="/a">Warga Keluhkan Jalan Rusak di Jalur Pantura Semarang</a></li></ul>
</div></body></html>"""


def _kept_texts(markup: str) -> str:
    root = parse_html(markup)
    chrome: list = []
    _walk_blocks(root.find("body"), chrome)
    _drop_chrome_without_prose(chrome)
    return text_of(root)


def test_chrome_without_prose_is_dropped_and_chrome_holding_the_article_is_kept():
    kept = _kept_texts(PAGE)
    assert LEAD in kept and SECOND in kept
    assert "Beranda" not in kept and "Facebook" not in kept and "Jalan Rusak" not in kept


def test_an_article_written_without_paragraph_elements_is_prose_too():
    page = f"<html><body><div class='sidebar'>{LEAD}<br>{SECOND}</div><div class='tags'>Banjir</div></body></html>"
    kept = _kept_texts(page)
    assert LEAD in kept and "Banjir" not in kept


def test_a_body_whose_class_names_a_sidebar_layout_is_never_dropped_whole():
    short = "Banjir surut pagi ini. Warga kembali ke rumah."
    page = f"<html><body class='layout sidebar-left'><div class='menu'>Beranda</div><p>{short}</p></body></html>"
    kept = _kept_texts(page)
    assert short in kept and "Beranda" not in kept


def test_the_walk_measures_each_links_share_of_a_block_and_keeps_reading_order():
    root = parse_html("<html><body><div class='x'><span>Lima kata di sini <a href='/'>dan tautan</a></span></div>"
                      "<p>Kedua</p></body></html>")
    blocks = _walk_blocks(root.find("body"), [])
    assert [b.text for b in blocks][-1] == "Kedua"
    span = next(b for b in blocks if b.tag == "span")
    assert span.text == "Lima kata di sini dan tautan"
    assert abs(span.link_density - len("dan tautan") / len(span.text)) < 1e-9


def test_lines_of_dropped_chrome_are_still_accounted_for_in_the_cleaned_page():
    article = clean(RawDocument("t", PAGE.encode(), PAGE, "text/html"), "t")
    assert article.text == f"{LEAD}\n\n{SECOND}"
    removed = {r.text for r in article.removed}
    assert {"Beranda", "Facebook", "Warga Keluhkan Jalan Rusak di Jalur Pantura Semarang"} <= removed


def _framed_page(paragraphs: int) -> str:
    """A lead outside the article frame, the frame's paragraphs, text after the frame, and a list of links."""
    body = "".join(f"<p>{LEAD if i % 2 else SECOND} ({i})</p>" for i in range(paragraphs))
    return (f"<html><body><p>Jakarta, Senin. {SECOND}</p><div class='article-content'>{body}</div>"
            "Teks sesudah bingkai artikel yang bukan bagian dari artikel itu sendiri."
            "<ul><li><a href='/a'>Tautan satu</a></li><li><a href='/b'>Tautan dua</a></li></ul></body></html>")


@pytest.mark.parametrize("paragraphs", [1, 2, 6])
def test_the_extractor_gives_the_same_article_whether_it_reads_the_frame_alone_or_the_whole_page(paragraphs):
    root = parse_html(_framed_page(paragraphs))
    before = etree.tostring(root)
    whole_page = trafilatura.bare_extraction(deepcopy(root), options=_main_content_options())
    document = _main_content(root)
    assert etree.tostring(document.body) == etree.tostring(whole_page.body)
    assert etree.tostring(root) == before  # the frame is back where it was, with the text after it
