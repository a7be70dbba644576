"""Writes the .html twin of each example article from its .txt and gold metadata.

The pages mimic what outlets really serve: a site menu, a header, the article with captions and
inline related links, tag lists, a footer, and — for some outlets only — Open Graph tags, article
meta times or JSON-LD. Run it after editing a .txt: `python scripts/build_example_html.py`.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "kabar" / "examples" / "korut-rusia"
MENU = ["Beranda", "Nasional", "Internasional", "Ekonomi", "Olahraga", "Teknologi", "Indeks"]
# Which metadata each outlet's template carries: real sites differ, and the cleaner must cope with all.
STYLES = ["og+ld", "og", "none", "ld", "og", "none", "og+ld", "og", "ld", "og+ld"]


def paragraph_groups(text: str) -> list[list[str]]:
    groups, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def head_tags(gold: dict, style: str, slug: str) -> str:
    title = f"{gold['title']} - {gold['outlet']}"
    tags = [f"<title>{escape(title)}</title>", '<meta charset="utf-8">',
            f'<link rel="canonical" href="https://{slug}.example/{slug}">']
    if "og" in style:
        tags.append(f'<meta property="og:title" content="{escape(gold["title"])}">')
        tags.append(f'<meta property="og:site_name" content="{escape(gold["outlet"])}">')
        if gold.get("published"):
            tags.append(f'<meta property="article:published_time" content="{gold["published"]}">')
    if "ld" in style:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": gold["title"],
                "publisher": {"@type": "Organization", "name": gold["outlet"]}}
        if gold.get("published"):
            data["datePublished"] = gold["published"]
        if gold.get("updated"):
            data["dateModified"] = gold["updated"]
        if gold.get("author"):
            data["author"] = {"@type": "Person", "name": gold["author"]}
        tags.append(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    return "\n".join(tags)


def body_html(groups: list[list[str]]) -> str:
    title, head, *middle = groups
    tail = middle.pop() if middle and len(middle[-1]) > 1 else []
    parts = [f"<h1>{escape(title[0])}</h1>", *(f"<div>{escape(line)}</div>" for line in title[1:]),
             '<div class="article-meta">']
    parts += [f"<div>{escape(line)}</div>" for line in head]
    parts.append("</div>")
    for group in middle:
        for line in group:
            if line.lower().startswith(("baca juga", "read more", "baca juga:")):
                parts.append(f'<p class="inline-related"><a href="/terkait">{escape(line)}</a></p>')
            else:
                parts.append(f"<p>{escape(line)}</p>")
    footer = "".join(f'<li><a href="/tag">{escape(line)}</a></li>' for line in tail)
    return "\n".join(parts) + f'\n</article>\n<aside class="related"><ul>{footer}</ul></aside>'


def page(gold: dict, style: str, slug: str, groups: list[list[str]]) -> str:
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    return f"""<!doctype html>
<html lang="{gold['language']}">
<head>
{head_tags(gold, style, slug)}
<style>body{{font-family:sans-serif}}</style>
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<header class="site-header"><a class="logo" href="/">{escape(gold['outlet'])}</a>
<nav class="main-menu"><ul>{menu}</ul></nav></header>
<main>
<article class="content">
{body_html(groups)}
</main>
<footer class="site-footer"><p>Redaksi</p><p>Pedoman Media Siber</p><p>Kontak</p></footer>
</body>
</html>
"""


def main() -> None:
    gold = json.loads((CORPUS / "gold.json").read_text("utf-8"))["articles"]
    for index, txt in enumerate(sorted(CORPUS.glob("*.txt"))):
        groups = paragraph_groups(txt.read_text("utf-8"))
        html = page(gold[txt.stem], STYLES[index % len(STYLES)], txt.stem, groups)
        txt.with_suffix(".html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
