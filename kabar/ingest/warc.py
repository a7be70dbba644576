"""WARC / WARC.gz crawls (e.g. Common Crawl News): each HTML response record is one page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from kabar.ingest.options import IngestOptions
from kabar.ingest.raw import Item, make_raw, reject


def iter_warc(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Streams records; a truncated or corrupt record ends the file with a rejection naming its offset,
    after every good record before it has been yielded."""
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        offset = 0
        try:
            for record in records:
                if record.rec_type != "response":
                    continue
                # The payload must be read before asking for the offset: asking skips the record's body.
                payload = record.content_stream().read(options.max_bytes + 1)
                missing = getattr(record.raw_stream, "limit", 0)
                offset = records.get_record_offset()
                source = f"{path}#{offset}"
                if missing and len(payload) <= options.max_bytes:
                    yield reject(source, f"truncated or corrupt WARC record at offset {offset}: {missing} bytes short")
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
                if content_type and "html" not in content_type.lower():
                    yield reject(source, f"WARC response is {content_type.split(';')[0]}, not HTML")
                    continue
                hints = {"url": uri}
                warc_date = record.rec_headers.get_header("WARC-Date")
                if warc_date:
                    hints["crawled"] = warc_date
                yield make_raw(source, payload, "text/html", options, uri, hints, content_type)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as error:
            yield reject(f"{path}#{offset}", f"truncated or corrupt WARC record after offset {offset}: {error}")
