"""Word .docx: body paragraphs and tables in reading order (python-docx), without the
page headers and footers; the title from the core properties or the first heading.

Refused with a reason: a corrupt or truncated zip, a password-protected file (an OLE
compound file holding an EncryptedPackage), a document with no text. (Legacy Word binaries
are read by extractors/readers/doc.py.)
"""
from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from config.errors import ReadError
from extractors.readers import MAGIC_OLE, MAGIC_ZIP, ReadLimits, ReadResult
from extractors.readers.doc import encrypted_docx_error

log = logging.getLogger(__name__)

_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORD_PREFIX = re.compile(r"^\s*Microsoft Word\s*-\s*", re.I)
_HEADING_STYLE = re.compile(r"^(title|heading\s*1|标题\s*1?|标题)$", re.I)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK, f"{_W}instrText", f"{_W}delText"}


def _paragraph_text(p) -> str:
    """A w:p's visible text: runs, hyperlinks, tracked insertions, content controls, field
    results; not deleted text, field codes, or the fallback copy of a text box. A text box's
    own paragraphs become lines of their own."""
    parts: list[str] = []

    def walk(el, top: bool) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}p" and not top:  # a paragraph inside a text box
                parts.append("\n")
                walk(child, False)
                parts.append("\n")
            else:
                walk(child, False)

    walk(p, True)
    return "".join(parts)


def _blocks(parent) -> Iterator[tuple[str, Any]]:
    """("p", w:p) and ("tbl", w:tbl) in reading order, looking into content controls."""
    for child in parent:
        if child.tag == f"{_W}p":
            yield "p", child
        elif child.tag == f"{_W}tbl":
            yield "tbl", child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (f"{_W}customXml", f"{_W}ins", f"{_W}smartTag"):
            yield from _blocks(child)


def _cell_text(tc) -> str:
    """A table cell's paragraphs (and nested tables) on one line."""
    parts: list[str] = []
    for kind, el in _blocks(tc):
        if kind == "tbl":
            parts.extend(_table_lines(el))
        else:
            t = " ".join(_paragraph_text(el).split())
            if t:
                parts.append(t)
    return " ".join(parts)


def _rows(tbl: Any) -> Iterator[Any]:
    """A table's own rows (not those of nested tables), looking into content controls."""
    for child in tbl:
        if child.tag == f"{_W}tr":
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _rows(child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child)


def _table_lines(tbl) -> list[str]:
    """One line per row, cells joined by a tab; a horizontally merged cell is one cell, a
    vertically merged one is given in its first row only."""
    lines = []
    for tr in _rows(tbl):
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue"):
                continue
            cells.append(_cell_text(tc))
        line = "\t".join(cells).strip()
        if line:
            lines.append(line)
    return lines


def _refuse_ole(path: Path, data: bytes) -> ReadError:
    """A compound file the legacy Word reader did not take (its extension is not a Word one)."""
    if _ENCRYPTED_STREAM in data:
        return encrypted_docx_error(path)
    return ReadError(path, "a compound (OLE) file, not a DOCX package; rename a Word binary to .doc")


def _refuse_other(path: Path, head: bytes) -> ReadError:
    """Word-like files that are something else inside."""
    if head.lstrip().startswith(b"{\\rtf"):
        return ReadError(path, "RTF document not supported; save as .docx")
    if head.lstrip()[:40].lower().startswith(b"mime-version"):
        return ReadError(path, "MHTML web archive not supported; save as .docx or .html")
    return ReadError(path, "corrupt DOCX: not a zip package (wrong extension, or damaged)")


class DocxReader:
    name = "docx"
    extensions = (".docx", ".docm", ".dotx", ".doc", ".wps")

    def match(self, path: Path, head: bytes) -> bool:
        ext = path.suffix.lower()
        if ext in self.extensions:
            from extractors.readers.html import looks_like_html

            return not looks_like_html(head)  # a ".doc" that is a web page goes to the HTML reader
        # A Word file without its extension (or saved as .txt): a zip with word/ parts, or a
        # compound file. (An .xls is a compound file too: it stays "unsupported".)
        return ext in ("", ".txt") and (head.startswith(MAGIC_OLE) or (head.startswith(MAGIC_ZIP) and b"word/" in head))

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        with path.open("rb") as fh:
            head = fh.read(512)
        if head.startswith(MAGIC_OLE):
            raise _refuse_ole(path, path.read_bytes())
        if not head.startswith(MAGIC_ZIP):
            raise _refuse_other(path, head)
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
        styles = {st.style_id: st.name for st in document.styles}
        for kind, el in _blocks(document.element.body):
            if kind == "tbl":
                lines.extend(_table_lines(el))
                continue
            text = _paragraph_text(el).strip()
            if not text:
                continue
            if not heading:
                style = el.find(f"{_W}pPr/{_W}pStyle")
                name = styles.get(style.get(f"{_W}val"), "") if style is not None else ""
                if _HEADING_STYLE.match(name or ""):
                    heading = text
            lines.extend(line.strip() for line in text.split("\n") if line.strip())
        if not lines:
            raise ReadError(path, "empty document: the DOCX has no text in its body")
        title = _WORD_PREFIX.sub("", document.core_properties.title or "").strip() or heading
        return ReadResult(text="\n".join(lines), title=title, fmt="docx")


READER = DocxReader()
