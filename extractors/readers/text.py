"""Plain text in whatever encoding Chinese offices save it: UTF-8 (with or without BOM),
GB18030/GBK, UTF-16 (with or without BOM), Big5; never mojibake, binary junk refused.

Strategy, most certain first: BOM → strict UTF-8 → UTF-16 (NUL-byte pattern, or text that
only reads as Chinese in UTF-16) → strict GB18030 (Big5 when it reads clearly better) →
charset-normalizer's best guess. Newlines are normalised to "\\n".
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from config.errors import ReadError
from extractors.readers import ReadLimits, ReadResult
from extractors.readers.unwrap import unwrap

log = logging.getLogger(__name__)

_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class UndecodableError(ValueError):
    """Bytes that are not text in any encoding we accept (the reason says why)."""


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: list[str]


def normalise_newlines(text: str) -> str:
    """\\r\\n, \\r and Unicode line separators become \\n."""
    return _NEWLINES.sub("\n", text)


def _plausibility(text: str) -> float:
    """Share of characters a Chinese or Western document is made of (0..1).

    Wrongly decoded bytes land in rare blocks (Hangul, Yi, CJK extensions, private use,
    controls, replacement chars); a right decoding is almost all common Han, CJK
    punctuation, full-width forms, ASCII and whitespace.
    """
    if not text:
        return 0.0
    good = 0
    for ch in text:
        o = ord(ch)
        if (0x20 <= o < 0x7F or ch in "\t\n\r" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
                or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0xA0 <= o <= 0xFF or 0x2460 <= o <= 0x24FF
                or 0x2160 <= o <= 0x218F or 0x25A0 <= o <= 0x25FF):
            good += 1
    return good / len(text)


def _common_han_share(text: str) -> float:
    """Share of Han characters that are everyday ones (in GB2312 or Big5 level 1).

    Tells GBK from Big5 when both decode without error: the right one reads as common
    characters, the wrong one as rare ones.
    """
    han = [ch for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF]
    if not han:
        return 0.0
    common = 0
    for ch in han:
        try:
            ch.encode("gb2312")
            common += 1
            continue
        except UnicodeEncodeError:
            pass
        try:
            b = ch.encode("big5")
            if 0xA4 <= b[0] <= 0xC6:
                common += 1
        except UnicodeEncodeError:
            pass
    return common / len(han)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_by_nuls(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: ASCII characters (digits, newlines) leave NULs on one parity."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    for enc, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > max(2, 0.05 * half) and others < 0.1 * nuls:
            text = _strict(data, enc)
            return (text, enc) if text is not None else None
    return None


def _utf16_by_reading(data: bytes) -> tuple[str, str] | None:
    """UTF-16 of pure Chinese has no NULs at all: accept it when it reads as Chinese."""
    if len(data) < 4 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        text = _strict(data, enc)
        if text is not None and _plausibility(text) > 0.97 and _common_han_share(text) > 0.9:
            return text, enc
    return None


def _looks_binary(text: str) -> str:
    """A reason when decoded text is really binary data, else ""."""
    sample = text[:65536]
    if "\x00" in sample:
        return "binary content (NUL bytes), not text"
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if controls > max(3, 0.01 * len(sample)):
        return f"binary content ({controls} control characters), not text"
    return ""


def _nearly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few damaged bytes (a bad copy, a cut-off file): keep it as UTF-8 with
    U+FFFD for the damage rather than read the whole file as GB18030 mojibake."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad and multibyte >= 20 * bad and bad <= max(8, len(text) // 200):
        return text, bad
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a document's bytes: the text with \\n newlines, the encoding used, warnings.

    `declared` (from an HTML meta tag, say) is tried after the BOM and strict UTF-8 (pages
    often declare gb2312 but are UTF-8); GBK/GB2312 are read as their superset GB18030. Raises UndecodableError with the reason.
    """
    text: str | None = None
    enc = ""
    warnings: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, enc = _strict(data, name), name
            if text is None:
                raise UndecodableError(f"starts with a {name} byte-order mark but is not valid {name}")
            break
    if text is None:
        text = _strict(data, "utf-8")
        enc = "utf-8"
    if text is None and declared:
        wanted = declared.strip().lower()
        if wanted in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn"):
            wanted = "gb18030"
        text = _strict(data, wanted)
        enc = wanted if text is not None else ""
        if text is None:
            log.info("declared charset %s does not decode these bytes; detecting instead", declared)
    if text is None:
        found = _utf16_by_nuls(data) or _utf16_by_reading(data)
        if found:
            text, enc = found
    if text is None:
        nearly = _nearly_utf8(data)
        if nearly:
            text, enc = nearly[0], "utf-8"
            warnings.append(f"{nearly[1]} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
    if text is None and b"\x00" not in data:
        gb = _strict(data, "gb18030")
        if gb is not None and _plausibility(gb) >= 0.9:
            text, enc = gb, "gb18030"
            big5 = _strict(data, "big5")
            if big5 is not None and _common_han_share(big5) > _common_han_share(gb) + 0.15:
                text, enc = big5, "big5"
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise UndecodableError("binary content or an unknown encoding, not text")
        text, enc = str(best), best.encoding
        if _plausibility(text) < 0.9:
            raise UndecodableError(f"unknown encoding (best guess {enc} does not read as text)")
        log.info("decoded with charset-normalizer's guess %s", enc)
    reason = _looks_binary(text)
    if reason:
        raise UndecodableError(reason)
    return Decoded(normalise_newlines(text), enc, warnings)


class TextReader:
    name = "text"
    extensions = (".txt", ".text", ".md")

    def match(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.extensions

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(path, f"cannot open: {exc.strerror or exc}") from exc
        try:
            decoded = decode_bytes(data)
        except UndecodableError as exc:
            raise ReadError(path, str(exc)) from exc
        return ReadResult(text=unwrap(decoded.text), fmt="txt", encoding=decoded.encoding, warnings=decoded.warnings)


READER = TextReader()
