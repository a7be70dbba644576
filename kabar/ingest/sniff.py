"""Recognise bytes that are not text at all, before anyone tries to decode them."""

from __future__ import annotations

import codecs
import re

MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)


TEXT_BYTE_ORDER_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
"""UTF-16 and UTF-32 text is full of NUL bytes; its byte-order mark says it is text (UTF-32 LE's mark begins
with UTF-16 LE's)."""


CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
"""NUL and the other control bytes no text holds (tabs, line and page breaks and escape are left out)."""


def binary_kind(head: bytes) -> str | None:
    """What the bytes are, when they are clearly not text; None for anything that may be text. A stray NUL
    byte or two (a scraper's or a database's leftover) does not make an article binary, even a one-line one:
    more than one NUL in a hundred bytes, among three control bytes or more, does."""
    if head.startswith(TEXT_BYTE_ORDER_MARKS):
        return None
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    start = head[:4096]
    if start.count(b"\x00") * 100 > len(start) and len(CONTROL_BYTES.findall(start)) >= 3:
        return "binary data (NUL bytes)"
    return None
