"""Word .docx: body paragraphs and tables in reading order (python-docx), without the
page headers and footers; the title from the core properties or the first heading.

Refused with a reason: a corrupt or truncated zip, a password-protected file (an OLE
compound file holding an EncryptedPackage), a legacy .doc, a document with no text.
"""
from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from extractors.errors import ReadError
from extractors.readers import MAGIC_OLE, MAGIC_ZIP, ReadLimits, ReadResult

log = logging.getLogger(__name__)

_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORD_PREFIX = re.compile(r"^\s*Microsoft Word\s*-\s*", re.I)
_HEADING_STYLE = re.compile(r"^(title|heading\s*1|标题\s*1?|标题)$", re.I)


def _cell_text(cell) -> str:
    """A table cell's paragraphs (and nested tables) on one line."""
    parts: list[str] = []
    for block in cell.iter_inner_content():
        if hasattr(block, "rows"):
            parts.extend(_table_lines(block))
        else:
            t = block.text.strip()
            if t:
                parts.append(t)
    return " ".join(parts)


def _table_lines(table) -> list[str]:
    """One line per row, cells joined by a tab; a merged cell is given once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        line = "\t".join(cells).strip()
        if line:
            lines.append(line)
    return lines


def _refuse_ole(path: Path, data: bytes) -> ReadError:
    if _ENCRYPTED_STREAM in data:
        return ReadError(path, "encrypted DOCX (password-protected); save it without a password")
    return ReadError(path, "legacy .doc not supported; save as .docx")


class DocxReader:
    name = "docx"
    extensions = (".docx", ".docm", ".dotx", ".doc")

    def match(self, path: Path, head: bytes) -> bool:
        ext = path.suffix.lower()
        if ext in self.extensions:
            return True
        # A Word file under another name: a zip with word/ parts, or a compound file.
        return head.startswith(MAGIC_OLE) or (head.startswith(MAGIC_ZIP) and b"word/" in head)

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(MAGIC_OLE):
            raise _refuse_ole(path, path.read_bytes())
        if not head.startswith(MAGIC_ZIP):
            raise ReadError(path, "corrupt DOCX: not a zip package (wrong extension, or damaged)")
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise ReadError(path, f"corrupt DOCX: truncated or damaged zip ({exc})") from exc
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise ReadError(path, "not a Word document: the zip holds no word/document.xml")
        try:
            document = docx.Document(str(path))
        except zipfile.BadZipFile as exc:
            raise ReadError(path, f"corrupt DOCX: bad zip ({exc})") from exc
        except PackageNotFoundError as exc:
            raise ReadError(path, f"corrupt DOCX: not a Word package ({exc})") from exc
        except KeyError as exc:
            raise ReadError(path, f"corrupt DOCX: missing part {exc}") from exc
        except ValueError as exc:  # a zip of another kind (xlsx, pptx): wrong content type
            raise ReadError(path, f"not a Word document: {exc}") from exc
        except (zipfile.LargeZipFile, EOFError, OSError) as exc:
            raise ReadError(path, f"corrupt DOCX: {exc}") from exc
        except Exception as exc:  # lxml.etree.XMLSyntaxError and kin: damaged XML parts
            log.info("python-docx failed on %s", path, exc_info=True)
            raise ReadError(path, f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc

        lines: list[str] = []
        heading = ""
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                lines.extend(_table_lines(block))
                continue
            text = block.text.strip()
            if not text:
                continue
            if not heading:
                style = block.style.name if block.style is not None else ""
                if _HEADING_STYLE.match(style or ""):
                    heading = text
            lines.append(text)
        if not lines:
            raise ReadError(path, "empty document: the DOCX has no text in its body")
        title = _WORD_PREFIX.sub("", document.core_properties.title or "").strip() or heading
        return ReadResult(text="\n".join(lines), title=title, fmt="docx")


READER = DocxReader()
