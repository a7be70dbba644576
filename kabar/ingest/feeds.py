"""RSS and Atom feeds: read the item list, then fetch each item's page."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser

from kabar.ingest.raw import Item, reject
from kabar.ingest.web import Fetcher


def iter_feed(source: str, content: bytes, fetcher: Fetcher) -> Iterator[Item]:
    feed = feedparser.parse(content)
    if not feed.entries:
        reason = f"feed has no items ({feed.bozo_exception})" if feed.bozo else "feed has no items"
        yield reject(source, reason, content)
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries):
        link = entry.get("link")
        if not link:
            yield reject(f"{source}#item{index}", "feed item has no link to fetch")
            continue
        hints = {"title": entry.get("title"), "published": entry.get("published") or entry.get("updated"),
                 "author": entry.get("author"), "outlet": outlet}
        yield fetcher.fetch(link, {k: v for k, v in hints.items() if v})
