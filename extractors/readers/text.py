"""Plain text (placeholder: UTF-8 only until the readers issue lands)."""
from __future__ import annotations

from pathlib import Path

from extractors.errors import ReadError
from extractors.readers import ReadResult


class TextReader:
    name = "text"
    extensions = (".txt", ".text", ".md")

    def match(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.extensions

    def read(self, path: Path) -> ReadResult:
        try:
            return ReadResult(text=path.read_text(encoding="utf-8-sig"), fmt="txt")
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"not valid UTF-8 ({exc.reason})") from exc


READER = TextReader()
