"""JSON and JSON Lines dumps: one article per record, streamed so a large dump never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, make_raw, reject

HINT_FIELDS = {
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "datePublished"),
    "author": ("author", "byline"),
    "outlet": ("outlet", "source", "site_name", "publisher"),
    "language": ("language", "lang"),
}


def record_to_item(source: str, record: Any, options: IngestOptions) -> Item:
    if not isinstance(record, dict):
        return reject(source, f"record is a JSON {type(record).__name__}, not an object")
    hints = {key: _first(record, names) for key, names in HINT_FIELDS.items()}
    hints = {key: value for key, value in hints.items() if isinstance(value, str) and value.strip()}
    html = record.get("html")
    text = record.get("text") or record.get("content") or record.get("body")
    if isinstance(html, str) and html.strip():
        return make_raw(source, html.encode("utf-8"), "text/html", options, hints.get("url"), hints)
    if isinstance(text, str) and text.strip():
        media = "text/html" if text.lstrip().startswith("<") else "text/plain"
        return make_raw(source, text.encode("utf-8"), media, options, hints.get("url"), hints)
    return reject(source, "record has no text, html or content field with article text")


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if value:
            return value
    return None


def iter_jsonl(path: Path, options: IngestOptions) -> Iterator[Item]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            source = f"{path}#L{number}"
            if not line.strip():
                continue
            if len(line) > options.max_bytes:
                yield reject(source, f"record over the {options.max_bytes // 1024 // 1024} MB limit")
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                yield reject(source, f"malformed JSON on line {number}: {error}", line)
                continue
            yield record_to_item(source, record, options)


def iter_json(path: Path, options: IngestOptions) -> Iterator[Item]:
    if path.stat().st_size > options.max_bytes:
        yield reject(str(path), "JSON file over the size limit; write it as JSON Lines to stream it")
        return
    try:
        data = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        yield reject(str(path), f"malformed JSON: {error}")
        return
    if isinstance(data, dict):
        yield record_to_item(str(path), data, options)
        return
    if not isinstance(data, list):
        yield reject(str(path), "JSON holds neither an object nor a list of objects")
        return
    for index, record in enumerate(data):
        yield record_to_item(f"{path}#{index}", record, options)
