"""WARC / WARC.gz crawls (e.g. Common Crawl News): each HTML response (or resource) record is one page."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from kabar.errors import error_detail
from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, display_name, make_raw, megabytes, reject
from kabar.model import InputOutcome

RECORD_ALLOWANCE = 2
"""A record (headers, and a body too large to keep, read through to reach the next one) may take this many
times the per-input size limit, decompressed, before the rest of the file is given up on."""
LINE_SHARE = 4
"""No run of bytes without a line break may pass the per-input limit divided by this: the WARC reader
gathers header lines by repeated concatenation, so an endless line (a bomb of zeros) costs the square."""


PAGE_RECORDS = ("response", "resource")
"""Records that hold a page: a crawler's HTTP response, or a page archived without its HTTP exchange."""
GZIP_WINDOW = 16 + zlib.MAX_WBITS
"""zlib's window-bits value for a gzip header."""
CHUNK = 64 * 1024


class _TooLarge(Exception):
    pass


class _Gunzip:
    """Multi-member gzip (one member per record), decompressed no faster than asked for, so one small chunk
    of a compression bomb never expands all at once; a truncated last member yields what it holds and ends,
    leaving the WARC reader to find the record short."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.member = zlib.decompressobj(GZIP_WINDOW)
        self.pending = b""

    def read(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            if not self.pending:
                self.pending = self.stream.read(CHUNK)
                if not self.pending:
                    break
            out += self.member.decompress(self.pending, size - len(out))
            if self.member.eof:
                self.pending = self.member.unused_data
                self.member = zlib.decompressobj(GZIP_WINDOW)
            else:
                self.pending = self.member.unconsumed_tail
        return bytes(out)


class _CappedReader:
    """Decompressed bytes with a budget per record and per line: a small .warc.gz holding gigabytes of zeros
    (no record boundary in sight) is stopped at the budget instead of filling memory or running for minutes."""

    def __init__(self, stream: BinaryIO | _Gunzip, max_bytes: int):
        self.stream = stream
        self.record_budget = max_bytes * RECORD_ALLOWANCE
        self.line_budget = max_bytes // LINE_SHARE
        self.used = 0
        self.since_line_break = 0
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        if self.used > self.record_budget:
            raise _TooLarge(f"over {megabytes(self.record_budget)} decompressed without a complete record")
        if self.since_line_break > self.line_budget:
            raise _TooLarge(f"over {megabytes(self.line_budget)} decompressed without a line break")
        chunk = self.stream.read(size if 0 <= size <= self.record_budget else self.record_budget)
        self.used += len(chunk)
        self.total += len(chunk)
        line_break = chunk.rfind(b"\n")
        self.since_line_break = len(chunk) - line_break - 1 if line_break >= 0 else self.since_line_break + len(chunk)
        return chunk

    def next_record(self) -> None:
        self.used = 0

    def exhausted(self) -> bool:
        try:
            return not self.stream.read(1)
        except zlib.error:  # more bytes follow, corrupt ones: the file does not end here
            return False


def iter_warc(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Streams records; a truncated or corrupt record ends the file with a rejection naming its offset,
    after every good record before it has been yielded. A file with no response or resource record at all
    is rejected as a whole, saying what it holds instead."""
    name = display_name(path)
    with path.open("rb") as raw_handle:
        handle = _Gunzip(raw_handle) if path.name.lower().endswith(".gz") else raw_handle
        reader = _CappedReader(handle, options.max_bytes)
        records = ArchiveIterator(reader)
        offset = 0
        pages = 0
        others: Counter[str] = Counter()
        iterator = iter(records)
        while True:
            try:  # only the WARC library's reading is guarded: an error in judging the page is ours, not the file's
                record = next(iterator, None)
                if record is None:
                    break
                reader.next_record()
                if record.rec_type not in PAGE_RECORDS:
                    others[record.rec_type or "untyped"] += 1
                    continue
                # The payload must be read before asking for the offset: asking skips the record's body.
                payload = record.content_stream().read(options.max_bytes + 1)
                missing = getattr(record.raw_stream, "limit", 0)
                offset = records.get_record_offset()
            except _TooLarge as error:
                yield reject(f"{name}#{offset}",
                             f"WARC record after offset {offset} {error}; rest of the file not read")
                return
            # what the library and decompression raise on bad bytes (AttributeError: a record without a URI)
            except (ArchiveLoadFailed, EOFError, OSError, AttributeError, zlib.error) as error:
                start = records.offset  # where the record being read begins
                if not isinstance(error, ArchiveLoadFailed) and _read_to_the_end(records, reader):
                    yield _cut_short(name, start)  # the file ends in the record's headers, before its URI
                else:
                    detail = error_detail(error) or type(error).__name__
                    yield reject(f"{name}#{start}", f"truncated or corrupt WARC record at offset {start}: {detail}")
                return
            pages += 1
            yield _page(f"{name}#{offset}", offset, record, payload, missing, options)
    if reader.total > records.offset:  # the reader gave up quietly on a last record whose headers were cut
        yield _cut_short(name, records.offset)
    elif not pages:
        held = ", ".join(f"{count} {kind}" for kind, count in sorted(others.items()))
        yield reject(name, "no pages: the WARC file holds no response or resource records" + (
            f" ({held})" if held else ""))


def _read_to_the_end(records: ArchiveIterator, reader: _CappedReader) -> bool:
    return records.reader is not None and not records.reader.rem_length() and reader.exhausted()


def _cut_short(name: str, start: int) -> InputOutcome:
    return reject(f"{name}#{start}", f"truncated WARC file: it ends inside the record at offset {start}")


def _page(source: str, offset: int, record: ArcWarcRecord, payload: bytes, missing: int,
          options: IngestOptions) -> Item:
    """One response or resource record's page, or why it is none: cut short, an HTTP answer other than 2xx (a
    redirect, an error page: what a fetch of the URL would refuse), or not HTML."""
    if missing and len(payload) <= options.max_bytes:
        return reject(source, f"truncated or corrupt WARC record at offset {offset}: {missing} bytes short")
    http = record.http_headers
    if http is not None and http.statusline and not http.get_statuscode().startswith("2"):
        return reject(source, f"WARC response is HTTP {' '.join(http.statusline.split())}, not a page")
    # without HTTP headers (a DNS lookup, a non-HTTP fetch) the record's own Content-Type says what it holds
    content_type = http.get_header("Content-Type") if http is not None else record.content_type
    if content_type and "html" not in content_type.lower():
        return reject(source, f"WARC {record.rec_type} is {content_type.split(';')[0]}, not HTML")
    uri = record.rec_headers.get_header("WARC-Target-URI")
    hints = {"url": uri}
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        hints["crawled"] = warc_date
    return make_raw(source, payload, "text/html", options, uri, hints, content_type)
