"""Readers: one file format per module, one registry that picks the reader.

A reader declares the extensions it takes and a `match(path, head)`; `read_file` picks
the first that matches and returns a `ReadResult`. Any failure is one `ReadError` naming
the file and the reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from extractors.errors import ReadError


@dataclass
class ReadResult:
    """A document's text as read, before any NLP."""

    text: str
    title: str = ""
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    fmt: str = ""  # txt | html | docx | pdf


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def match(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path) -> ReadResult: ...


def _registry() -> list[Reader]:
    from extractors.readers import text

    return [text.READER]


def read_file(path: str | Path) -> ReadResult:
    """Read any supported file into text, or raise ReadError naming the file and reason."""
    p = Path(path)
    if not p.exists():
        raise ReadError(p, "no such file")
    if not p.is_file():
        raise ReadError(p, "not a regular file")
    try:
        with p.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise ReadError(p, f"cannot open: {exc.strerror or exc}") from exc
    if not head:
        raise ReadError(p, "empty file")
    for reader in _registry():
        if reader.match(p, head):
            result = reader.read(p)
            if not result.text.strip():
                raise ReadError(p, f"no text found ({reader.name})")
            return result
    raise ReadError(p, f"unsupported file type {p.suffix or '(no extension)'}")
