"""From text (or a file) to a Document of Cases.

Placeholder wiring until the extraction issue lands: one case per document, no fields.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from extractors.model import Case, Document, case_id
from extractors.readers import read_file


def extract_text(text: str, *, path: str = "", doc_id: str | None = None) -> Document:
    """Extract a Document of Cases from a document's text."""
    doc_id = doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(id=doc_id, path=path, text=text, extractor_version=EXTRACTOR_VERSION)
    doc.cases = [Case(id=case_id(doc_id, 1), doc_id=doc_id, ordinal=1, text=text, start=0, end=len(text))]
    return doc


def extract_file(path: str | Path) -> Document:
    """Read a file and extract it; raises ReadError for an unreadable file."""
    p = Path(path)
    raw = read_file(p)
    digest = hashlib.sha256(p.read_bytes()).hexdigest()
    doc = extract_text(raw.text, path=str(p), doc_id=digest)
    doc.warnings.extend(raw.warnings)
    if raw.title and not doc.title:
        doc.title = raw.title
    return doc
