"""Legacy Word (.doc, and .wps/.dot files that are Word binaries): converted to DOCX by
LibreOffice headless (extractors/readers/soffice.py, one bounded call per file), then read by
the DOCX reader — paragraphs, and tables as rows of tab-separated cells.

Why through DOCX: over the corpus rendered as .doc, LibreOffice's own text export and the
DOCX route both keep every character and paragraph, but the text export puts each table
cell on a line of its own (a table of cases is lost); antiword wraps lines and fails on
short files, catdoc loses characters. Automatic list numbers (a List Number style) are
lost on the DOCX route, as for any DOCX (figures: scripts/bench_doc_readers.py, README
"Supported inputs").

Refused with a reason: a compound file that is no Word document (an Excel file named .doc),
an encrypted DOCX (also a compound file; same message as the DOCX reader), a conversion that
fails or runs over `ReadLimits.convert_timeout`, LibreOffice missing.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from config.errors import ReadError
from extractors.readers import MAGIC_OLE, ReadLimits, ReadResult
from extractors.readers.soffice import ConversionError, convert

_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the directory entry of a Word binary
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # an encrypted OOXML package
# Compound files with these extensions (or none) are taken for Word binaries.
_EXTENSIONS = (".doc", ".dot", ".wps", ".docx", ".docm", ".dotx", "", ".txt")


def encrypted_docx_error(path: Path) -> ReadError:
    """The one message for a password-protected DOCX (an OLE file with an EncryptedPackage)."""
    return ReadError(path, "encrypted DOCX (password-protected); save it without a password")


class LegacyWordReader:
    name = "doc"
    extensions = (".doc", ".dot", ".wps")

    def match(self, path: Path, head: bytes) -> bool:
        return head.startswith(MAGIC_OLE) and path.suffix.lower() in _EXTENSIONS

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        data = path.read_bytes()
        if _ENCRYPTED_STREAM in data:
            raise encrypted_docx_error(path)
        if _WORD_STREAM not in data:
            if path.suffix.lower() == ".wps":  # Kingsoft WPS 2000-era files are their own format
                raise ReadError(path, "WPS document in Kingsoft's own format, not a Word binary; save it as .docx")
            raise ReadError(path, "not a Word document: a compound file without a WordDocument stream "
                                  "(an Excel or PowerPoint file, or damaged)")
        with tempfile.TemporaryDirectory(prefix="leian-doc-") as tmp:
            src = Path(tmp) / "document.doc"  # never a name taken from the file (a leading "-", odd bytes)
            shutil.copyfile(path, src)
            try:
                [out] = convert([src], "docx", Path(tmp) / "out", limits.convert_timeout)
            except ConversionError as exc:
                raise ReadError(path, f"legacy Word file not read: {exc}") from exc
            from extractors.readers.docx import READER as DOCX

            try:
                result = DOCX.read(out, limits)
            except ReadError as exc:  # name the user's file, not the temporary one
                raise ReadError(path, exc.reason.replace("DOCX", "Word file")) from exc
        result.fmt = "doc"
        return result


READER = LegacyWordReader()
