"""JSON and JSON Lines dumps: one article per record, streamed so a large dump never sits in memory."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from gzip import GzipFile
from io import BufferedIOBase, BufferedReader, TextIOWrapper
from pathlib import Path
from typing import Any, Protocol

from kabar.ingest.compressed import DecompressedTooLargeError, open_input, read_input
from kabar.ingest.decode import UNICODE_BYTE_ORDER_MARKS, UndecodableError, decode
from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, display_name, make_raw, megabytes, reject, reject_fault
from kabar.textnorm import without_surrogates

TEXT_FIELDS = ("text", "content", "body")
"""Where a record's article text is read from, first found first; "html" is read before any of them."""
HINT_FIELDS = {
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "datePublished", "publish_date", "publishedAt", "pubDate"),
    "author": ("author", "byline", "authors"),
    "outlet": ("outlet", "source", "site_name", "publisher"),
    "language": ("language", "lang"),
}


def record_to_item(source: str, record: Any, options: IngestOptions) -> Item:
    """One record's article, or its rejection: a fault in one record never ends the dump."""
    try:
        return _record_item(source, record, options)
    except Exception as error:  # noqa: BLE001
        return reject_fault(source, "reading the record", error)


def _record_item(source: str, record: Any, options: IngestOptions) -> Item:
    if not isinstance(record, dict):
        return reject(source, f"record is a JSON {type(record).__name__}, not an object")
    hints = {key: _first(record, names) for key, names in HINT_FIELDS.items()}
    hints["published"] = _date_hint(hints["published"])
    hints = {key: without_surrogates(value) for key, value in hints.items() if isinstance(value, str) and value.strip()}
    html = record.get("html")
    text = next((record[field] for field in TEXT_FIELDS if record.get(field)), None)
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # the article's paragraphs, kept as a list
    if isinstance(html, str) and html.strip():
        return make_raw(source, without_surrogates(html).encode("utf-8"), "text/html", options, hints.get("url"),
                        hints)
    if isinstance(text, str) and text.strip():
        media = "text/html" if text.lstrip().startswith("<") else "text/plain"
        return make_raw(source, without_surrogates(text).encode("utf-8"), media, options, hints.get("url"), hints)
    if text:
        return reject(source, f"record's article text is a JSON {type(text).__name__}, not a string")
    return reject(source, "record has no text, html or content field with article text")


UNIX_TIME_DIGITS = re.compile(r"\d{10}(?:\d{3})?")
"""Seconds since 1970 (from September 2001 on), or milliseconds."""
SLASHED_DAY = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})\b")


def _date_hint(value: Any) -> Any:
    """A record's date as the page-date reader reads it: Unix time (a number or its digits, in seconds or
    milliseconds) as ISO 8601 in UTC, and a day written '2019/09/12' as '2019-09-12'; anything else as it is."""
    if isinstance(value, str) and UNIX_TIME_DIGITS.fullmatch(value.strip()):
        value = int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not (1e9 <= value < 1e10 or 1e12 <= value < 1e13):  # NaN and numbers too large for a float too
            return None
        return datetime.fromtimestamp(value / 1000 if value >= 1e12 else value, UTC).isoformat()
    if isinstance(value, str) and (day := SLASHED_DAY.match(value.strip())):
        return f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}" + value.strip()[day.end():]
    return value


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first of the fields named that has a value; an object stands for its "name" (JSON-LD, NewsAPI's
    source), and a list of names (authors) for them all."""
    for name in names:
        value = _named(record.get(name))
        if isinstance(value, list):
            value = ", ".join(part for part in map(_named, value) if isinstance(part, str) and part.strip())
        if value:
            return value
    return None


def _named(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


class _LineSource(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


class _RecodedLines:
    """Lines of UTF-16 or UTF-32 text (what Windows tools write, with a byte-order mark) as UTF-8 bytes, split
    at its own line feeds only, so that a record is one line whatever the file's encoding."""

    def __init__(self, handle: BufferedReader | GzipFile, encoding: str):
        self.text = TextIOWrapper(handle, encoding=encoding, errors="replace", newline="\n")

    def readline(self, size: int = -1, /) -> bytes:
        return self.text.readline(size).encode("utf-8", "surrogatepass")


def _line_source(handle: BufferedIOBase) -> _LineSource:
    if isinstance(handle, BufferedReader | GzipFile):  # files, and standard input: their first bytes can be peeked
        for mark, encoding in UNICODE_BYTE_ORDER_MARKS:
            if handle.peek(4).startswith(mark):
                return _RecodedLines(handle, encoding.rsplit("-", 1)[0])  # "utf-16" reads and drops the mark
    return handle


def _lines(handle: BufferedIOBase, limit: int) -> Iterator[tuple[bytes, bool]]:
    """(line, whole) pairs; a line longer than `limit` is read no further than that and skipped past, so
    one endless line never sits in memory."""
    source = _line_source(handle)
    while line := source.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, True
            continue
        while (rest := source.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield line, False


class MalformedJsonError(ValueError):
    pass


def _parse(text: bytes | str) -> Any:
    """json.loads with every way it can fail on bad input turned into MalformedJson; bytes that are not UTF-8, 16 or
    32 are decoded as ingest decodes text."""
    try:
        return json.loads(text)
    except RecursionError as error:
        raise MalformedJsonError("JSON nested too deeply to read") from error
    except UnicodeDecodeError as error:
        if isinstance(text, str):
            raise MalformedJsonError(str(error)) from error
        try:  # JSON saved in a Windows code page (Python on Windows writes Windows-1252 unless told otherwise)
            decoded, _encoding = decode(text)
        except UndecodableError:
            raise MalformedJsonError(str(error)) from error
        return _parse(decoded)
    except ValueError as error:  # JSONDecodeError is a ValueError
        raise MalformedJsonError(str(error)) from error


def iter_jsonl(path: Path, options: IngestOptions) -> Iterator[Item]:
    """One record per line; a file that is one JSON document instead (an array or object spread over
    lines, so its first line alone is no JSON) is read as a .json file would be."""
    name = display_name(path)
    if not _first_line_is_json(path, options):
        try:
            document = _parse(read_input(path, options.max_bytes))
        except (DecompressedTooLargeError, MalformedJsonError):
            pass
        else:
            yield from _document_records(name, document, options)
            return
    with open_input(path) as handle:
        yield from jsonl_records(name, handle, options)


def jsonl_records(name: str, handle: BufferedIOBase, options: IngestOptions) -> Iterator[Item]:
    """Each line of `handle` as one record ("name#L3"), or the line's rejection; a stream with no record at
    all is rejected as a whole, so that an input never passes without an outcome."""
    number = 0
    records = 0
    for number, (line, whole) in enumerate(_lines(handle, options.max_bytes), start=1):
        source = f"{name}#L{number}"
        if not line.strip():
            continue
        records += 1
        if not whole:
            yield reject(source, f"record over the {megabytes(options.max_bytes)} limit")
            continue
        try:
            record = _parse(line)
        except MalformedJsonError as error:
            yield reject(source, f"malformed JSON on line {number}: {error}", line)
            continue
        if isinstance(record, list) and record and all(isinstance(item, dict) for item in record):
            yield from _document_records(source, record, options)  # an array written on one line
        else:
            yield record_to_item(source, record, options)
    if not records:
        yield reject(name, "empty input: no JSON records, only blank lines" if number else
                     "empty input: no bytes to read")


def iter_json(path: Path, options: IngestOptions) -> Iterator[Item]:
    """One JSON document; a file of one JSON value per line under a .json name is read as JSON Lines."""
    name = display_name(path)
    try:
        data = _parse(read_input(path, options.max_bytes))
    except (DecompressedTooLargeError, MalformedJsonError) as error:
        if _first_line_is_json(path, options):
            yield from iter_jsonl(path, options)
        elif isinstance(error, DecompressedTooLargeError):
            yield reject(name, "JSON file over the size limit; write it as JSON Lines to stream it")
        else:
            yield reject(name, f"malformed JSON: {error}")
        return
    yield from _document_records(name, data, options)


def _document_records(name: str, data: Any, options: IngestOptions) -> Iterator[Item]:
    if isinstance(data, dict) and (wrapped := _wrapped_records(data)):
        key, records = wrapped  # an API's answer: {"status": "ok", "articles": [...]}
        for index, record in enumerate(records):
            yield record_to_item(f"{name}#{key}/{index}", record, options)
        return
    if isinstance(data, dict):
        yield record_to_item(name, data, options)
        return
    if not isinstance(data, list):
        yield reject(name, "JSON holds neither an object nor a list of objects")
        return
    if not data:
        yield reject(name, "empty input: the JSON list holds no records")
    for index, record in enumerate(data):
        yield record_to_item(f"{name}#{index}", record, options)


def _wrapped_records(data: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """The one list of records an object without article text of its own holds, with its key: a list of objects
    none of which has an article-text field (a record's authors, its tags) is part of one record, no wrapper."""
    if _has_text_field(data):
        return None
    lists = [(key, value) for key, value in data.items()
             if isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
             and any(_has_text_field(item) for item in value)]
    return lists[0] if len(lists) == 1 else None


def _has_text_field(data: dict[str, Any]) -> bool:
    return any(isinstance(data.get(field), str | list) for field in ("html", *TEXT_FIELDS))


def _first_line_is_json(path: Path, options: IngestOptions) -> bool:
    """Whether the first non-blank line is a whole JSON value, as in JSON Lines."""
    with open_input(path) as handle:
        for line, whole in _lines(handle, options.max_bytes):
            if not line.strip():
                continue
            try:
                _parse(line)
            except MalformedJsonError:
                return False
            return whole
    return False
