"""Gzip-compressed files ("page.html.gz", "dump.jsonl.gz") are read as what they hold: the name without
".gz" says the format, the bytes are decompressed as they are read, and never past the size limit (a small
file can hold gigabytes of zeros)."""

from __future__ import annotations

import gzip
import zlib
from io import BufferedIOBase
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"


class CorruptCompressionError(ValueError):
    pass


class DecompressedTooLargeError(ValueError):
    pass


def format_suffix(path: Path) -> str:
    """The suffix naming what the file holds: ".html" for "page.html.gz" and for "page.html"; ".gz" when
    the name says no more (its bytes will tell)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return Path(name.removesuffix(".gz")).suffix or ".gz"
    return Path(name).suffix


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC


def open_input(path: Path) -> BufferedIOBase:
    """The file's bytes as a stream, decompressed when they are gzip whatever the name says."""
    return gzip.open(path, "rb") if is_gzip(path) else path.open("rb")


def read_input(path: Path, limit: int) -> bytes:
    """The whole file, decompressed; more than `limit` bytes (after decompression) is an error, found after
    reading no more than one byte past it."""
    try:
        with open_input(path) as handle:
            content = handle.read(limit + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise CorruptCompressionError(f"corrupt or truncated gzip data: {error}") from error
    if len(content) > limit:
        raise DecompressedTooLargeError
    return content
