"""The page walk and what the main-content extractor is shown: page chrome without prose is not."""

from __future__ import annotations

from copy import deepcopy

import pytest
import trafilatura
from lxml import etree
from trafilatura.xpaths import BODY_XPATH

from kabar.clean import clean
from kabar.clean.blocks import (
    _article_frame,
    _drop_chrome_without_prose,
    _main_content,
    _main_content_options,
    _walk_blocks,
    parse_html,
    text_of,
)
from kabar.eval import real_cleaning as real
from kabar.eval.pages import all_pages
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


def _frame_by_expressions(root):
    for expression in BODY_XPATH:
        frame = next((found for found in expression(root) if found is not None), None)
        if frame is not None:
            return frame
    return None


def _frames_in_turn(markup: str) -> list[tuple[object, object]]:
    """The frame the one-pass search picks and the one the body expressions pick, then again with that frame
    taken out of the page, until neither finds one: later candidates and every expression get their turn."""
    root = parse_html(markup)
    pairs = []
    for _ in range(40):
        found, expected = _article_frame(root), _frame_by_expressions(root)
        pairs.append((found, expected))
        if found is None or found is not expected:
            break
        found.getparent().remove(found)
    return pairs


# one element for each test of each expression, the first kinds nested late so that later ones are found first
FRAMES = [
    "<section role='main-region'>a</section>", "<main>b</main>", "<div id='mainbox'>c</div>",
    "<div class='Page-Content x'>d</div>", "<div id='Main-Content'>e</div>", "<div class='content__body'>f</div>",
    "<div id='contentBody'>g</div>", "<section class='content'>h</section>", "<div id='content'>i</div>",
    "<div class='single-post'>j</div>", "<div class='FullText'>k</div>", "<div id='primary-col'>l</div>",
    "<div class='cell'>m</div>", "<div id='story'>n</div>", "<div role='article'>o</div>", "<article>p</article>",
    "<div class='post-entry'>q</div>", "<div id='art-content'>r</div>", "<div id='articleContent'>s</div>",
    "<div itemprop='articleBody'>t</div>", "<section class='entry'>u</section>", "<div class='post'>v</div>",
    "<span class='article-content'>not a frame tag</span>", "<div class='mainly' id='x'>w</div>",
]


def test_the_one_pass_frame_search_picks_what_trafilaturas_body_expressions_pick():
    markup = "<html><body>" + "".join(f"<div class='wrap'>{frame}</div>" for frame in FRAMES) + "</body></html>"
    pairs = _frames_in_turn(markup)
    assert len(pairs) > len(FRAMES) // 2  # most elements above were found, in turn
    assert all(found is expected for found, expected in pairs)


def test_the_frame_search_agrees_with_the_body_expressions_on_the_fixture_pages():
    for page in all_pages():
        assert all(found is expected for found, expected in _frames_in_turn(page.html()))


def test_the_frame_search_agrees_with_the_body_expressions_on_real_pages():
    if not real.EXTRACTION.exists():
        pytest.skip(f"{real.EXTRACTION} is absent in this clone (the real pages live beside the repo in ../shared)")
    for page in real.real_pages():
        assert all(found is expected for found, expected in _frames_in_turn(page.html)), page.id
