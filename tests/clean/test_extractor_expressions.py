"""The one-pass selections select what trafilatura's body and pruning expressions select, in the same order: on
markup written to reach each of their tests, on the fixture and real pages, and on the trees the extractor reads
while Kabar's own call runs."""

from __future__ import annotations

import pytest
from trafilatura import core, main_extractor, xpaths

from kabar.clean import clean
from kabar.clean import extractor_expressions as expressions
from kabar.clean.blocks import parse_html
from kabar.errors import KabarError
from kabar.eval import real_cleaning as real
from kabar.eval.pages import all_pages
from kabar.model import RawDocument

FRAMES = [(selection, expression) for selection, expression in zip(
    [expressions.article_content_frames, *map(expressions.first_frames_of, range(1, 5))], xpaths.BODY_XPATH,
    strict=True)]
PAIRS = [
    (expressions.boilerplate_sections, xpaths.OVERALL_DISCARD_XPATH[0]),
    (expressions.hidden_or_reply_elements, xpaths.OVERALL_DISCARD_XPATH[1]),
    (expressions.comment_sections, xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH[0]),
    (expressions.appended_articles, xpaths.RAW_TREE_PRUNE_XPATH[0]),
]

# each test of each expression, both orders of the attributes an expression reads as "the first of two", and
# near misses; <item> and <list> are the names the extractor gives list items and lists
ELEMENTS = [
    "<div id='cookie-bar' class='x'>a</div>", "<div class='x' id='cookie-bar'>b</div>",
    "<div class='cookie-bar' id='x'>c</div>", "<div id='x' class='cookie-bar'>d</div>",
    "<section role='Navigation'>e</section>", "<span data-component='MostPopularStories'>f</span>",
    "<p data-lp-replacement-content=''>g</p>", "<item id='share-this'>h</item>", "<list class='sidebar'>i</list>",
    "<div class='post-footer'>j</div>", "<div id='Footer'>k</div>", "<div class=' ad '>l</div>",
    "<div class='mol-factbox'>m</div>", "<div class='metadata'>n</div>", "<div class='article-body'>o</div>",
    "<article class='share-row'>p</article>", "<div id='reply-12' class='x'>q</div>",
    "<div class='reply-box' id='x'>r</div>", "<span id='x' class='reply-box'>s</span>",
    "<div id='hidden-1' style='color:red'>t</div>", "<div style='color:red' id='hidden-1'>u</div>",
    "<div style='hidden' id='x'>v</div>", "<em style='display: none'>w</em>", "<b style='display:none'>x</b>",
    "<div id='reader-comments'>y</div>", "<div class='noprint'>z</div>", "<div class='comments-title'>A</div>",
    "<i aria-hidden='true'>B</i>", "<i aria-hidden='false'>C</i>", "<div id='comments'>D</div>",
    "<div id='commentary'>E</div>", "<section class='post-comments'>F</section>", "<ol id='comment-list'>G</ol>",
    "<ul id='disqus_thread'>H</ul>", "<ul class='comment-list'>I</ul>", "<details id='comol'>J</details>",
    "<div id='disqus_thread'>K</div>", "<div class='infinite-scroll'>L</div>",
    "<section class='infinite-scroll'><h1>M</h1></section>", "<aside id='mvp-post-add-box'><h1>N</h1></aside>",
    "<div class='x mvp-post-add-wrap'>O</div>", "<div class='elementor-share-buttons'>P</div>",
]
# each test of each body expression, twice among siblings and nested, and near misses
FRAME_ELEMENTS = [
    "<div class='post'>a</div>", "<section class='entry'><div itemprop='articleBody'>b</div></section>",
    "<div id='articleContent'>c</div><main class='post-content'>d</main>", "<span class='article-content'>e</span>",
    "<article>f<article>g</article></article>", "<div role='article'>h</div>", "<div id='story'>i</div>",
    "<div class='text'>j</div>", "<div class='FullText'>k</div>", "<div id='primary-col'>l</div>",
    "<div id='content'>m</div>", "<section class='content__body'>n</section>", "<div id='Main-Content'>o</div>",
    "<div class='Page-Content'>p</div>", "<main>q</main>", "<div class='mainly'>r</div>",
    "<section role='main-region'>s</section>", "<main class='main'>t</main>", "<article id='late'>u</article>",
]


def _markup() -> str:
    return "<html><body>" + "".join(f"<div class='wrap'>{element}</div>" for element in ELEMENTS) + "</body></html>"


@pytest.mark.parametrize(("selection", "expression"), PAIRS)
def test_each_pruning_selection_finds_what_its_expression_finds_on_markup_reaching_each_test(selection, expression):
    root = parse_html(_markup())
    expected = expression(root)
    assert len(expected) >= 2  # the markup reaches this expression's tests
    assert selection(root) == expected


@pytest.mark.parametrize(("selection", "expression"), FRAMES)
def test_each_frame_selection_finds_what_its_expression_finds_as_the_page_loses_its_first_frames(selection,
                                                                                                  expression):
    root = parse_html("<html><body>" + "".join(f"<div class='wrap'>{element}</div>" for element in FRAME_ELEMENTS)
                      + "</body></html>")
    found = 0
    while expected := expression(root):
        assert selection(root) == expected
        found += 1
        expected[0].getparent().remove(expected[0])  # the next candidates get their turn
    assert selection(root) == []
    assert found >= 2


def test_the_selections_agree_with_the_expressions_on_the_fixture_and_real_pages():
    pages = [page.html() for page in all_pages()]
    pages += [page.html for page in real.real_pages()] if real.EXTRACTION.exists() else []
    for markup in pages:
        root = parse_html(markup)
        for selection, expression in FRAMES + PAIRS:
            assert selection(root) == expression(root)


def test_the_selections_agree_on_the_trees_the_extractor_reads_in_kabars_call(monkeypatch):
    """Inside the extractor, the boilerplate expressions run on trees it has already cleaned and renamed."""
    compared: list[int] = []

    def checked(selection, expression):
        def both(tree):
            expected = expression(tree)
            assert selection(tree) == expected
            compared.append(len(expected))
            return expected
        return both

    monkeypatch.setattr(expressions, "REPLACED", [
        (main_extractor, "BODY_XPATH", [checked(*pair) for pair in FRAMES]),
        (main_extractor, "OVERALL_DISCARD_XPATH", [checked(*PAIRS[0]), checked(*PAIRS[1])]),
        (core, "REMOVE_COMMENTS_AND_LISTS_XPATH", [checked(*PAIRS[2])]),
        (core, "RAW_TREE_PRUNE_XPATH", [checked(*PAIRS[3]), xpaths.RAW_TREE_PRUNE_XPATH[1]]),
    ])
    raws = [page.raw("html") for page in all_pages()]
    if real.EXTRACTION.exists():
        raws += [RawDocument(p.id, p.html.encode("utf-8"), p.html, "text/html", p.url) for p in real.real_pages()]
    for raw in raws:
        try:
            clean(raw, "page")
        except KabarError:
            pass
    assert len(compared) >= 4 * len(raws) and sum(compared) > 0


def test_trafilatura_keeps_its_own_expressions_outside_kabars_call():
    with expressions.expressions_in_one_pass():
        assert main_extractor.OVERALL_DISCARD_XPATH == [expressions.boilerplate_sections, expressions.hidden_or_reply_elements]
        assert core.RAW_TREE_PRUNE_XPATH[0] is expressions.appended_articles
    assert main_extractor.OVERALL_DISCARD_XPATH is xpaths.OVERALL_DISCARD_XPATH
    assert main_extractor.BODY_XPATH is xpaths.BODY_XPATH
    assert core.RAW_TREE_PRUNE_XPATH is xpaths.RAW_TREE_PRUNE_XPATH
    assert core.REMOVE_COMMENTS_AND_LISTS_XPATH is xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH
