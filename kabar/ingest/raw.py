"""Turn bytes from any reader into a RawDocument, or a rejection saying exactly why not."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from kabar.errors import failure
from kabar.ingest.decode import UndecodableError, declared_charset, decode
from kabar.ingest.options import IngestOptions
from kabar.ingest.sniff import binary_kind
from kabar.model import InputOutcome, InputStatus, RawDocument

Item = RawDocument | InputOutcome
log = logging.getLogger(__name__)


def reject(source: str, reason: str, content: bytes | None = None) -> InputOutcome:
    digest = hashlib.sha256(content).hexdigest() if content else None
    return InputOutcome(source, InputStatus.REJECTED, reason, digest)


def reject_fault(source: str, stage: str, error: BaseException) -> InputOutcome:
    """The rejection of an input a fault in reading it ended: the one-line reason naming the stage, and the
    traceback in the debug log (`kabar -v`)."""
    log.debug("input %s: %s failed", source, stage, exc_info=error)
    return reject(source, failure(stage, error))


def skip(source: str, reason: str) -> InputOutcome:
    """A file a folder walk passes over: listed with the reason, not counted as a failure."""
    return InputOutcome(source, InputStatus.SKIPPED, reason)


def display_name(path: Path) -> str:
    """The path as text a person (and the store) can read: bytes of a name that is not UTF-8 are shown as
    \\xNN escapes instead of lone surrogates."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def make_raw(
    source: str,
    content: bytes,
    media_type: str,
    options: IngestOptions,
    url: str | None = None,
    hints: dict[str, Any] | None = None,
    content_type: str | None = None,
) -> Item:
    if not content.strip():
        return reject(source, "empty input: only whitespace" if content else "empty input: no bytes to read",
                      content or None)
    if len(content) > options.max_bytes:
        return reject(source, f"too large: {megabytes(len(content))}, over the "
                      f"{megabytes(options.max_bytes)} limit", content)
    kind = binary_kind(content)
    if kind:
        return reject(source, f"not a text or HTML article: looks like {kind}", content)
    declared = declared_charset(content, content_type) if media_type == "text/html" else None
    try:
        text, encoding = decode(content, declared)
    except UndecodableError as error:
        return reject(source, f"unreadable text: {error}", content)
    if not text.strip():
        return reject(source, "empty input: only whitespace", content)
    return RawDocument(source, content, text, media_type, url, encoding, dict(hints or {}))


def looks_like_html(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head


def text_media_type(content: bytes, markup: bool) -> str:
    """HTML for markup (a name or header saying HTML or other XML: no tag may end up in the text) or bytes that
    look like HTML; plain text otherwise."""
    return "text/html" if markup or looks_like_html(content) else "text/plain"


def looks_like_feed(content: bytes) -> bool:
    head = content[:2048].lower()
    return b"<rss" in head or (b"<feed" in head and b"atom" in head) or b"<rdf:rdf" in head


SITEMAP = "a sitemap (a list of page addresses), not an article or a feed: give its pages' URLs"


def looks_like_sitemap(content: bytes) -> bool:
    head = content[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head
