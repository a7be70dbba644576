"""Walk paths and hand each file to the reader for its format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, looks_like_feed, looks_like_html, make_raw, megabytes, reject
from kabar.ingest.records import iter_json, iter_jsonl
from kabar.ingest.warc import iter_warc

STREAMED = {".jsonl", ".ndjson", ".warc", ".gz"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SKIPPED = "skipped: not an article file type"
ARTICLE_SUFFIXES = {".txt", ".json", *STREAMED, *FEED_SUFFIXES, *HTML_SUFFIXES}


def iter_path(path: Path, options: IngestOptions) -> Iterator[Item | tuple[str, bytes]]:
    """Files under `path` (sorted, hidden ones left out). In a folder, files of other types (a README.md, a
    PDF) are listed as skipped; a file named explicitly is always read. Feeds come back as (source, bytes) pairs for
    the caller to expand, since their items must be fetched."""
    if not path.exists():
        yield reject(str(path), "no such file or directory")
        return
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if not child.is_file() or hidden:
                continue
            if child.suffix.lower() in ARTICLE_SUFFIXES or child.name.lower().endswith(".warc.gz"):
                yield from iter_file(child, options)
            else:
                yield reject(str(child), f"{SKIPPED} ({child.suffix or 'no extension'}); name it to read it as text")
        return
    yield from iter_file(path, options)


def iter_file(path: Path, options: IngestOptions) -> Iterator[Item | tuple[str, bytes]]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix == ".jsonl" or suffix == ".ndjson":
            yield from iter_jsonl(path, options)
            return
        if suffix == ".json":
            yield from iter_json(path, options)
            return
        if suffix == ".warc" or path.name.lower().endswith(".warc.gz"):
            yield from iter_warc(path, options)
            return
        if size > options.max_bytes:
            yield reject(source, f"too large: {megabytes(size)}, over the {megabytes(options.max_bytes)} limit")
            return
        content = path.read_bytes()
    except OSError as error:
        yield reject(source, f"unreadable: {error.strerror or error}")
        return
    if suffix in FEED_SUFFIXES and looks_like_feed(content):
        yield source, content
        return
    media_type = "text/html" if suffix in HTML_SUFFIXES or looks_like_html(content) else "text/plain"
    yield make_raw(source, content, media_type, options)
