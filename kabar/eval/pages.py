"""Labelled test pages (tests/fixtures/pages/*.page) as the two inputs a scraper would hand Kabar.

A page file is gold and source at once (see that folder's README): the text scrape is its lines; the
HTML page puts each line in the element a news site would use, inside a site menu and footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from kabar.eval import CHECKOUT_GOLD, fixtures_folder
from kabar.model import RawDocument

PAGES = fixtures_folder(CHECKOUT_GOLD) / "pages"
KEPT_LABELS = {"B", "H"}


@dataclass
class Page:
    name: str
    metadata: dict[str, str | None]
    lines: list[tuple[str, str]]  # (label, text)

    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)

    def html(self) -> str:
        body = "\n".join(_element(label, text) for label, text in self.lines)
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(self.metadata['title'] or '')}"
            f" - {escape(self.metadata['outlet'] or '')}</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
            f"<main><article>{body}</article></main>"
            "<footer><a href='/about'>Tentang Kami</a> <a href='/privacy'>Kebijakan Privasi</a></footer>"
            "</body></html>"
        )

    def raw(self, form: str) -> RawDocument:
        content = self.text() if form == "text" else self.html()
        media_type = "text/plain" if form == "text" else "text/html"
        return RawDocument(f"{self.name}.{form}", content.encode("utf-8"), content, media_type)


def _element(label: str, text: str) -> str:
    safe = escape(text)
    if label == "T":
        return f"<h1>{safe}</h1>"
    if label == "H":
        return f"<h2>{safe}</h2>"
    if label == "C":
        return f"<figure><img src='x.jpg'><figcaption>{safe}</figcaption></figure>"
    if label in ("A", "D"):
        return f"<div class='info'>{safe}</div>"
    if label == "X" and text.lower().startswith(("baca", "read")):
        return f"<p><a href='/related'>{safe}</a></p>"
    if label == "X" and len(text.split()) > 2:
        return f"<p>{safe}</p>"
    if label == "X":
        return f"<div>{safe}</div>"
    return f"<p>{safe}</p>"


def read_page(path: Path) -> Page:
    metadata: dict[str, str | None] = {}
    lines: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# "):
            key, _, value = line[2:].partition(":")
            metadata[key.strip()] = None if value.strip() == "null" else value.strip()
        elif "| " in line:
            label, _, text = line.partition("| ")
            lines.append((label.strip(), text))
    return Page(path.stem, metadata, lines)


def all_pages(folder: Path = PAGES) -> list[Page]:
    return [read_page(path) for path in sorted(folder.glob("*.page"))]
