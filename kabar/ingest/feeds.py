"""RSS and Atom feeds: read the item list, then fetch each item's page (an item without one is read from
the feed itself)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from kabar.ingest.raw import Item, make_raw, reject, reject_fault
from kabar.ingest.web import Fetcher
from kabar.model import InputOutcome, RawDocument


def iter_feed(source: str, content: bytes, fetcher: Fetcher) -> Iterator[Item]:
    feed = feedparser.parse(content)
    if not feed.entries:
        reason = f"feed has no items ({feed.bozo_exception})" if feed.bozo else "feed has no items"
        yield reject(source, reason, content)
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries):
        link = entry.get("link")
        published = entry.get("published") or entry.get("updated")
        hints = {key: value for key, value in (("title", entry.get("title")),
                                               ("published", feed_date(published) if published else None),
                                               ("author", entry.get("author")), ("outlet", outlet)) if value}
        if not link:
            yield _item_itself(f"{source}#item{index}", entry, hints, fetcher)
            continue
        try:
            page = fetcher.fetch(link, hints)
        except Exception as error:  # noqa: BLE001 (one bad item never ends the feed)
            page = reject_fault(link, "fetching the feed item", error)
        yield page if isinstance(page, RawDocument) else _unfetched(page, link, entry, hints, fetcher)


def _full_content(entry: Any) -> str | None:
    return next((part.get("value") for part in entry.get("content") or [] if (part.get("value") or "").strip()), None)


def _item_itself(source: str, entry: Any, hints: dict[str, Any], fetcher: Fetcher) -> Item:
    """An item with no page to fetch is read from the feed: its full content, else its summary."""
    body = _full_content(entry) or entry.get("summary")
    if not body or not body.strip():
        return reject(source, "feed item has no link to fetch and no text of its own")
    return make_raw(source, body.encode("utf-8", "replace"), "text/html", fetcher.options, None,
                    hints)


def _unfetched(refusal: InputOutcome, link: str, entry: Any, hints: dict[str, Any], fetcher: Fetcher) -> Item:
    """An item whose page cannot be fetched (offline, gone, refused) is read from the full content the feed
    carries for it; a summary is no article, so without full content the refusal stands, saying so."""
    body = _full_content(entry)
    if body:
        return make_raw(link, body.encode("utf-8", "replace"), "text/html", fetcher.options, link,
                        hints)
    if entry.get("summary"):
        return reject(link, f"{refusal.reason}; the feed holds only a summary of the item")
    return refusal


def feed_date(text: str) -> str:
    """A feed's date as ISO 8601 with its own offset: RSS writes "Mon, 21 Oct 2024 03:00:00 +0000", which
    the page-date reader would take for a time in WIB."""
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return text
