"""Takes the README's screenshots of the newsroom pages with headless Chromium (Debian's package).

    .venv/bin/python scripts/screenshots.py      # writes docs/screenshots/*.png

Builds the demo store from the bundled example corpus in a temporary folder, serves it, and shoots each
main page at desktop width and the article page at a phone's 390 px.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from kabar import pipeline
from kabar.cli import example_corpus
from kabar.store import Store
from kabar.web import chromium, create_app
from kabar.web.app import serving

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TOKEN = "screenshots"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kabar.sqlite"
        texts = sorted(str(p) for p in example_corpus().glob("*.txt"))
        with Store(db) as store:
            pipeline.analyze_paths(texts[:-1], store, Path(tmp) / "out")
        with serving(create_app(db, token=TOKEN)) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            desktop = browser.new_page(viewport=DESKTOP, base_url=base)
            story = desktop.request.get("/api/v1/stories?sort=sources").json()["items"][0]["id"]
            shots = [("stories", "/"), ("story", f"/stories/{story}"), ("search", "/search?q=pasukan+khusus")]
            for name, url in shots:
                desktop.goto(url)
                desktop.screenshot(path=str(OUT / f"{name}.png"))
                print(f"docs/screenshots/{name}.png  {url}")
            desktop.goto(f"/stories/{story}#figures")
            desktop.screenshot(path=str(OUT / "figures.png"))
            print("docs/screenshots/figures.png  the story's figure table")
            desktop.goto("/ingest")
            desktop.get_by_label("Berkas").set_input_files(texts[-1])
            desktop.get_by_label("Token API").fill(TOKEN)
            desktop.get_by_role("button", name="Mulai").click()
            desktop.locator("table.outcomes").wait_for(timeout=60_000)
            desktop.screenshot(path=str(OUT / "ingest.png"))
            print("docs/screenshots/ingest.png  an ingest job's outcome table")
            phone = browser.new_page(viewport=PHONE, base_url=base, is_mobile=True)
            phone.goto(f"/stories/{story}")
            citation = phone.locator("#brief a.cite").first.get_attribute("href")
            phone.goto(citation)
            phone.locator("mark.focused").wait_for()
            phone.screenshot(path=str(OUT / "article-phone.png"))
            print(f"docs/screenshots/article-phone.png  {citation} at 390 px")
            browser.close()


if __name__ == "__main__":
    main()
