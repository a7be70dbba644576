"""The pages in a real headless Chromium (Debian's package, driven by Playwright), as an editor uses them.

Every test fails on a console error, an uncaught script error or a dialog (what an injected script would
open). The browser comes from `./scripts/test`, which installs Debian's chromium when it is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kabar.web import chromium, create_app
from kabar.web.app import serving
from tests.web.conftest import TOKEN, copy_store

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if chromium.executable() is None:
        pytest.skip("Debian's chromium is not installed and could not be (./scripts/test installs it as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn on 127.0.0.1 and a free port, over a private copy of the store, ingest allowed."""
    db = copy_store(web_store, tmp_path_factory.mktemp("browser") / "kabar.sqlite")
    with serving(create_app(db, token=TOKEN)) as base:
        yield base


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("dialog", lambda dialog: (problems.append("dialog: " + dialog.message), dialog.dismiss()))
    yield opened
    context.close()
    assert not problems, problems


def _page_urls(page) -> list[str]:
    stories = page.request.get("/api/v1/stories").json()["items"]
    articles = page.request.get("/api/v1/articles?limit=200").json()["items"]
    hostile = next(a for a in articles if "Sukamaju" in (a["title"] or ""))
    entity = page.request.get("/api/v1/entities").json()["items"][0]["id"]
    return ["/", "/?sort=disputed&lang=en", *[f"/stories/{s['id']}" for s in stories], f"/articles/{hostile['id']}",
            f"/stories/{hostile['story']}", "/entities", f"/entities/{entity}", "/search?q=banjir+sukamaju",
            "/search?q=pasukan", "/ingest", "/api/v1/docs"]


def test_story_list_leads_through_a_citation_to_its_highlighted_evidence(page):
    page.goto("/?sort=sources")
    page.locator("ol.stories h2 a").first.click()
    page.wait_for_url("**/stories/*")
    citation = page.locator("#brief a.cite").first
    quoted = citation.get_attribute("title").split(": ", 1)[1]
    citation.click()
    page.wait_for_url("**/articles/*")
    evidence = page.locator("mark.focused")
    evidence.wait_for()
    assert " ".join(evidence.inner_text().split()) == " ".join(quoted.split())
    box, height = evidence.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, "the evidence is not scrolled into view"
    assert page.evaluate("document.activeElement.tagName") == "MARK"


def test_search_highlights_matches_and_narrows_by_facet(page):
    page.goto("/search")
    page.get_by_label("Kata yang dicari").fill("pasukan khusus")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator(".hits ol > li")
    total = hits.count()
    assert total >= 2
    marked = {m.lower() for m in page.locator(".snippet mark").all_inner_texts()}
    assert marked and marked <= {"pasukan", "khusus"}
    page.locator(".facets a").first.click()
    page.wait_for_url("**outlet=*")
    assert 1 <= page.locator(".hits ol > li").count() < total


def test_a_file_ingested_through_the_page_appears_in_its_story(page, tmp_path: Path):
    upload = tmp_path / "kursk.txt"
    title = "Korut Tambah Pasukan Khusus ke Kursk"
    upload.write_text(
        f"{title}\n\nSEOUL - Badan Intelijen Nasional Korea Selatan menyebut sekitar 2.000 anggota pasukan khusus "
        "Korea Utara tambahan telah tiba di wilayah Kursk, Rusia, pada pekan ini.\n\nMenurut lembaga itu, pasukan "
        "tersebut menjalani latihan sebelum dikirim ke medan tempur di Ukraina.", encoding="utf-8")
    before = page.request.get("/api/v1/stats").json()["articles"]
    page.goto("/ingest")
    page.get_by_label("Berkas").set_input_files(str(upload))
    page.get_by_label("Token API").fill(TOKEN)
    page.get_by_role("button", name="Mulai").click()
    page.wait_for_url("**/ingest/job-*")
    outcome = page.locator("table.outcomes tbody tr")
    outcome.wait_for(timeout=60_000)
    assert "kursk.txt" in outcome.inner_text() and "disimpan" in outcome.inner_text()
    outcome.locator("a[href^='/stories/']").click()
    page.wait_for_url("**/stories/*")
    assert page.locator("#articles").get_by_text(title).is_visible()
    page.goto("/")
    assert int(page.locator('[data-count="articles"]').inner_text()) == before + 1


def test_every_page_fits_a_390_px_phone_without_sideways_scrolling(browser, server: str):
    context = browser.new_context(base_url=server, viewport=PHONE, is_mobile=True)
    phone = context.new_page()
    errors: list[str] = []
    phone.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for url in _page_urls(phone):
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{url} is {width} px wide"
    context.close()
    assert not errors, errors


def test_hostile_markup_runs_nowhere(page):
    for url in _page_urls(page):
        page.goto(url)
        assert page.evaluate("window.__xss") is None, url
        assert page.locator("[onerror], a[href^='javascript:' i]").count() == 0, url
        assert page.locator("script").evaluate_all("s => s.map(e => e.src || e.textContent)") == [
            f"{page.url.split('/', 3)[0]}//{page.url.split('/', 3)[2]}/static/kabar.js"], url


def test_keyboard_reaches_the_content_first(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
