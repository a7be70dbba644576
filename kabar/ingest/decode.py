"""Bytes to text: declared charset first (unless the bytes are UTF-8), then UTF-8, then detection, never a silent
mojibake."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
WINDOWS_FALLBACK = "kabar-cp1252-fallback"
UNICODE_BYTE_ORDER_MARKS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableError(ValueError):
    pass


def _windows_1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("cp1252", "replace"), error.end


codecs.register_error(WINDOWS_FALLBACK, _windows_1252_bytes)


def declared_charset(content: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP header or the page's own <meta> names, if Python knows it."""
    candidates = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=")[-1].split(";")[0].strip(" \"'"))
    match = META_CHARSET.search(content[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode(content: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises UndecodableError when no encoding fits."""
    if content.startswith(codecs.BOM_UTF8):
        return content[3:].decode("utf-8", "replace"), "utf-8-sig"
    for bom, encoding in UNICODE_BYTE_ORDER_MARKS:  # what Windows Notepad saves as "Unicode"
        if content.startswith(bom):
            return content[len(bom):].decode(encoding, "replace"), encoding
    if declared and not declared.startswith("utf") and UTF8_MULTIBYTE.search(content):
        # A server's default charset (often ISO-8859-1) over a page written in UTF-8: bytes that are valid UTF-8
        # with multibyte letters in them are next to never text in another encoding.
        try:
            return content.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return _windows_for_latin(content.decode(encoding), content, encoding)
        except UnicodeDecodeError:
            continue
    if _mostly_ascii(content, 0.3) and UTF8_MULTIBYTE.search(content):
        # UTF-8 with a run pasted from a Windows-1252 file: each part read as what it is, not all of it
        # as Windows-1252 (which turns every UTF-8 "é" into "Ã©"); the encoding name flags the mix.
        return content.decode("utf-8", WINDOWS_FALLBACK), "utf-8+cp1252"
    if _mostly_ascii(content):
        # Latin-script text with a few accented letters or curly quotes: short samples fit many single-byte
        # code pages equally well, and Windows-1252 is the one Indonesian and English pages actually used.
        try:
            return content.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if _utf8_but_a_few_bytes(content):
        # UTF-8 cut inside its last character, or with a stray byte: the bad bytes become U+FFFD, the rest is read
        return content.decode("utf-8", "replace"), "utf-8+replaced"
    best = from_bytes(content[:200_000]).best()
    if best is None or best.encoding is None:
        raise UndecodableError("text encoding could not be determined")
    encoding = best.encoding
    try:
        return content.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise UndecodableError(f"not valid {encoding}: {error.reason} at byte {error.start}") from error


BAD_BYTES_PER_CHARACTER = 0.01
"""Bytes that are no UTF-8, per well-formed multibyte character, above which text is taken for another encoding:
text in a legacy encoding breaks UTF-8 nearly everywhere, and is next to never well-formed UTF-8 at all."""


def _utf8_but_a_few_bytes(content: bytes) -> bool:
    sample = content[:200_000]
    characters = len(UTF8_MULTIBYTE.findall(sample))
    if not characters:
        return False
    bad = sample.decode("utf-8", "replace").count("\ufffd") - sample.count("\ufffd".encode())
    return bad <= max(2, characters * BAD_BYTES_PER_CHARACTER)


def _mostly_ascii(content: bytes, share: float = 0.05) -> bool:
    """Latin-script text: accented letters are a small share of its bytes (legacy CJK encodings are mostly
    high bytes)."""
    sample = content[:200_000]
    return sum(1 for byte in sample if byte >= 0x80) <= share * len(sample)


def _windows_for_latin(text: str, content: bytes, encoding: str) -> tuple[str, str]:
    """Pages that say Latin-1 are nearly always Windows-1252 (curly quotes in 0x80–0x9F)."""
    if codecs.lookup(encoding).name == "iso8859-1" and any(0x80 <= b <= 0x9F for b in content):
        try:
            return content.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return text, encoding
