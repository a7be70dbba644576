"""Walk paths and hand each file to the reader for its format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kabar.ingest.compressed import (
    CorruptCompressionError,
    DecompressedTooLargeError,
    format_suffix,
    is_gzip,
    read_input,
)
from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import (
    SITEMAP,
    Item,
    display_name,
    looks_like_feed,
    looks_like_sitemap,
    make_raw,
    megabytes,
    reject,
    reject_fault,
    skip,
    text_media_type,
)
from kabar.ingest.records import iter_json, iter_jsonl
from kabar.ingest.warc import iter_warc

STREAMED = {".jsonl", ".ndjson", ".warc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = {".txt", ".json", ".gz", *STREAMED, *FEED_SUFFIXES, *HTML_SUFFIXES}


def iter_path(path: Path, options: IngestOptions) -> Iterator[Item | tuple[str, bytes]]:
    """Files under `path` (sorted, hidden ones left out). In a folder, files of other types (a README.md, a
    PDF), dangling links and link loops are listed as skipped; a file named explicitly is always read. Feeds
    come back as (source, bytes) pairs for the caller to expand, since their items must be fetched."""
    if not path.exists():
        yield reject(display_name(path), "no such file or directory")
        return
    if not path.is_dir():
        yield from _isolated(path, options)
        return
    for child in _walk(path):
        if isinstance(child, tuple):
            yield skip(display_name(child[0]), child[1])
        elif format_suffix(child) in ARTICLE_SUFFIXES:
            yield from _isolated(child, options)
        else:
            kind = format_suffix(child) or "no extension"
            yield skip(display_name(child), f"not an article file type ({kind}); name it to read it as text")


def _walk(folder: Path) -> list[Path | tuple[Path, str]]:
    """Every file below `folder` in sorted order, following links to folders once each; what cannot be
    read as a file comes as (path, reason)."""
    found: list[Path | tuple[Path, str]] = []
    seen = {folder.resolve()}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            children = list(current.iterdir())
        except OSError as error:
            found.append((current, f"folder not readable: {error.strerror or error}"))
            continue
        for child in children:
            if child.name.startswith("."):
                continue
            try:
                real = child.resolve(strict=True)
            except (OSError, RuntimeError):
                found.append((child, "dangling or looping symbolic link"))
                continue
            if child.is_dir():
                if real in seen:
                    found.append((child, "symbolic link loop: leads back to a folder already read"))
                else:
                    seen.add(real)
                    pending.append(child)
            elif child.is_file():
                found.append(child)
            else:
                found.append((child, "not a regular file (a device, socket or pipe)"))
    return sorted(found, key=lambda item: item[0] if isinstance(item, tuple) else item)


def _isolated(path: Path, options: IngestOptions) -> Iterator[Item | tuple[str, bytes]]:
    """A reader fault in one file becomes that file's rejection; files and records before it stay."""
    try:
        yield from iter_file(path, options)
    except Exception as error:  # noqa: BLE001 (any fault in one file is that file's outcome)
        yield reject_fault(display_name(path), "reading", error)


def iter_file(path: Path, options: IngestOptions) -> Iterator[Item | tuple[str, bytes]]:
    """The file read by the format its name says; gzip-compressed files by the name without ".gz"."""
    source = display_name(path)
    suffix = format_suffix(path)
    if not path.is_file():  # a first look at a pipe's bytes drains it, and a FIFO with no writer never opens
        yield reject(source, "not a regular file (a pipe, socket or device): save it to a file first "
                     "(kabar annotate reads standard input as -)")
        return
    try:
        size = path.stat().st_size
        if not size:  # said here for every format: a dump reader would find no record and say nothing
            yield reject(source, "empty input: no bytes to read")
            return
        if suffix == ".jsonl" or suffix == ".ndjson":
            yield from iter_jsonl(path, options)
            return
        if suffix == ".json":
            yield from iter_json(path, options)
            return
        if suffix == ".warc":
            yield from iter_warc(path, options)
            return
        compressed = is_gzip(path)
        if size > options.max_bytes and not compressed:
            yield reject(source, f"too large: {megabytes(size)}, over the {megabytes(options.max_bytes)} limit")
            return
        content = read_input(path, options.max_bytes)
    except DecompressedTooLargeError:
        yield reject(source, f"too large: over the {megabytes(options.max_bytes)} limit once decompressed")
        return
    except CorruptCompressionError as error:
        yield reject(source, str(error))
        return
    except OSError as error:
        yield reject(source, f"unreadable: {error.strerror or error}")
        return
    if suffix in FEED_SUFFIXES and looks_like_feed(content):
        yield source, content
        return
    if suffix in FEED_SUFFIXES and looks_like_sitemap(content):
        yield reject(source, SITEMAP, content)
        return
    yield make_raw(source, content, text_media_type(content, suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES),
                   options)
