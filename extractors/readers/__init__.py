"""Readers: one file format per module, one registry that picks the reader.

A reader declares the extensions it takes and a `match(path, head)` (extension or magic
bytes); `read_file` checks what is common to every file (exists, regular, not empty, not
too large), picks the first reader that matches, and returns a `ReadResult`. Any failure
is one `ReadError` naming the file and the reason, so a batch can record it and go on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from config.errors import ReadError
from extractors.readers.ocr import OcrOptions

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # 50 MB: larger files are refused, not half-read
DEFAULT_MAX_PAGES = 2000  # a PDF with more pages is refused (pdfplumber: ~0.1-0.25 s/page)
DEFAULT_CONVERT_TIMEOUT = 120.0  # seconds a LibreOffice conversion (legacy .doc) may take
DEFAULT_ARCHIVE_MAX_MEMBERS = 1000  # a zip with more entries is refused whole
DEFAULT_ARCHIVE_MAX_BYTES = 500 * 1024 * 1024  # a zip that unpacks to more is refused whole
DEFAULT_ARCHIVE_MAX_RATIO = 100.0  # a member over 1 MB compressed more than this is refused

# Magic numbers shared by the readers' match() functions.
MAGIC_PDF = b"%PDF-"
MAGIC_ZIP = b"PK\x03\x04"
MAGIC_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, or an encrypted .docx


@dataclass(frozen=True)
class ReadLimits:
    """How much a reader may take on: bigger inputs are refused with "too large"."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    convert_timeout: float = DEFAULT_CONVERT_TIMEOUT
    archive_max_members: int = DEFAULT_ARCHIVE_MAX_MEMBERS
    archive_max_bytes: int = DEFAULT_ARCHIVE_MAX_BYTES
    archive_max_ratio: float = DEFAULT_ARCHIVE_MAX_RATIO
    ocr: OcrOptions = field(default_factory=OcrOptions)  # how pages without text are read (OCR)

    @classmethod
    def from_settings(cls, settings: object) -> ReadLimits:
        """From the settings object (`read_max_mb`, `read_max_pages`, `read_convert_timeout`,
        `read_archive_max_members`, `read_archive_max_mb`, `read_archive_max_ratio`, `ocr_*`;
        LEIAN_READ_MAX_MB ...). An unset or zero value keeps the default."""
        def get(key: str, default, kind=float):
            value = getattr(settings, key, None)
            return kind(value) if value else default

        mb = get("read_max_mb", None)
        archive_mb = get("read_archive_max_mb", None)
        return cls(max_bytes=int(mb * 2**20) if mb else DEFAULT_MAX_BYTES,
                   max_pages=get("read_max_pages", DEFAULT_MAX_PAGES, int),
                   convert_timeout=get("read_convert_timeout", DEFAULT_CONVERT_TIMEOUT),
                   archive_max_members=get("read_archive_max_members", DEFAULT_ARCHIVE_MAX_MEMBERS, int),
                   archive_max_bytes=int(archive_mb * 2**20) if archive_mb else DEFAULT_ARCHIVE_MAX_BYTES,
                   archive_max_ratio=get("read_archive_max_ratio", DEFAULT_ARCHIVE_MAX_RATIO),
                   ocr=OcrOptions.from_settings(settings))


@dataclass
class ReadResult:
    """A document's text as read, before any NLP."""

    text: str
    title: str = ""
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    fmt: str = ""  # txt | html | docx | doc | pdf
    encoding: str = ""  # the encoding a text/HTML file was decoded with
    date: str = ""  # publication date the page states outside the text (YYYY-MM-DD), if any
    source: str = ""  # publishing body the page names outside the text (来源：…), if any
    ocr_pages: list[int] = field(default_factory=list)  # pages (1-based) whose text came from OCR
    ocr_confidence: float | None = None  # their mean word confidence (0-100)


class Reader(Protocol):
    """A file format: its name, the extensions it takes, a matcher and a reader (read-only
    attributes, so a reader's class constants satisfy them)."""

    @property
    def name(self) -> str: ...

    @property
    def extensions(self) -> tuple[str, ...]: ...

    def match(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path, limits: ReadLimits) -> ReadResult: ...


def _registry() -> list[Reader]:
    """Readers in the order they are tried: binary formats first (sniffed by magic bytes)."""
    from extractors.readers import archive, doc, docx, html, image, ofd, pdf, text

    return [archive.READER, pdf.READER, ofd.READER, doc.READER, docx.READER, image.READER, html.READER,
            text.READER]


def supported_extensions() -> tuple[str, ...]:
    """Every file extension some reader takes (for folder scans and help texts)."""
    return tuple(ext for reader in _registry() for ext in reader.extensions)


def _size(n: int) -> str:
    """A byte count as people write it: 60.0 MB, 50 MB, 12 KB."""
    if n >= 2**20:
        mb = n / 2**20
        return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def read_file(path: str | Path, limits: ReadLimits | None = None) -> ReadResult:
    """Read any supported file into text, or raise ReadError naming the file and reason."""
    p = Path(path)
    limits = limits or ReadLimits()
    if not p.exists():
        if p.is_symlink():
            raise ReadError(p, "broken symbolic link (its target is missing, or links loop)")
        raise ReadError(p, "no such file")
    if p.is_dir():
        raise ReadError(p, "is a directory, not a file")
    if not p.is_file():
        raise ReadError(p, "not a regular file")
    try:
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise ReadError(p, f"cannot open: {exc.strerror or exc}") from exc
    if not head:
        raise ReadError(p, "empty file")
    if size > limits.max_bytes:
        raise ReadError(p, f"too large: {_size(size)} (limit {_size(limits.max_bytes)})")
    for reader in _registry():
        if reader.match(p, head):
            log.debug("reading %s with the %s reader", p, reader.name)
            try:
                result = reader.read(p, limits)
            except ReadError:
                raise
            except (MemoryError, RecursionError) as exc:
                raise ReadError(p, f"cannot read ({reader.name}): {type(exc).__name__}") from exc
            if not result.text.strip():
                raise ReadError(p, f"no text found ({reader.name})")
            return result
    raise ReadError(p, f"unsupported file type {p.suffix.lower() or '(no extension)'}")
