"""From text (or a file) to a Document of Cases.

read → normalise (extractors.normalize) → one spaCy pass (extractors.segment.get_nlp: jieba
tokens, then the leian components: cases, people, amounts, sanctions, categories, domains,
regions, dates, those that read rules built with the one `Rules` of config/, see
extractors.rules) → Document. Every span found on the normalised text is mapped back, so the
Document keeps the ORIGINAL text, and each case's text, names, amounts as written and
evidence are slices of it (traditional script stays traditional).
"""
from __future__ import annotations

import hashlib
import html
import logging
from pathlib import Path
from typing import Any

from config.errors import LeianError
from extractors import EXTRACTOR_VERSION
from extractors.cases import CaseSpan, Split, split_cases
from extractors.docmeta import document_date, issuer_span, one_line, title_span
from extractors.filehash import sha256_file
from extractors.model import Case, Document, Item, case_id
from extractors.normalize import Normalized, normalize
from extractors.readers import ReadLimits, read_file

log = logging.getLogger(__name__)

def _map_item(item: Item, norm: Normalized) -> Item:
    if item.start >= 0 and item.end >= item.start:
        item.start, item.end = norm.span(item.start, item.end)
    return item


def _original(norm: Normalized, item: Item) -> str:
    return norm.original[item.start:item.end]


def _title(norm: Normalized) -> str:
    """The title the top of the text states (extractors.docmeta), as written."""
    span = title_span(norm.text)
    return one_line(norm.original_text(*span)) if span else ""


def _doc_meta(norm: Normalized) -> tuple[str, str]:
    """Issuing body (as written) and publication date, where the text states them."""
    span = issuer_span(norm.text)
    issuer = norm.original_text(*span).strip() if span else ""
    return issuer, document_date(norm.text)


def _finish_items(items: list[Any], norm: Normalized, key: str) -> list[Any]:
    out = []
    for raw in items:
        it: Any = _map_item(raw, norm)
        if key == "people":
            it.name = _original(norm, it)
            if it.post_span is not None:  # the post as written
                it.position = norm.original_text(*it.post_span)
        elif key == "amounts":
            it.text = _original(norm, it)
        elif key == "sanctions":
            it.text = _original(norm, it) if it.start >= 0 else it.text
        elif key == "categories":
            it.evidence = _original(norm, it) if it.end > it.start else it.evidence
        elif key == "domains":
            it.text = _original(norm, it) if it.end > it.start else it.text
        elif key == "regions":
            it.normalized = it.normalized or it.name
            it.name = _original(norm, it) if it.end > it.start else it.name
        elif key == "dates":
            it.text = _original(norm, it) if it.end > it.start else it.text
        out.append(it)
    return out


# A long document is extracted in pieces of at most this many characters: its cases are
# found on the whole text first (pure text rules), then whole cases are grouped into pieces
# that run through the pipeline one after another, so memory stays bounded whatever the
# length (spaCy refuses texts over 1,000,000 characters; one Doc of a 50 MB file would take
# gigabytes) and no case is cut by a piece boundary.
CHUNK_CHARS = 100_000


def pieces_of(cases: list[CaseSpan], size: int = CHUNK_CHARS) -> list[tuple[int, int, list[CaseSpan]]]:
    """Consecutive cases grouped into (start, end, cases) pieces spanning at most `size`
    characters; a case longer than that is a piece of its own, cut to `size`."""
    out: list[tuple[int, int, list[CaseSpan]]] = []
    for c in cases:
        if out and c.end - out[-1][0] <= size:
            out[-1] = (out[-1][0], c.end, out[-1][2] + [c])
        else:
            end = min(c.end, c.start + size)
            out.append((c.start, end, [CaseSpan(c.start, end, c.title, c.section, c.title_at)]))
    return out


def extract_text(text: str, *, path: str = "", doc_id: str | None = None) -> Document:
    """Extract a Document of Cases from a document's text (original script kept)."""
    from extractors.components import drafts, run_pipeline
    from extractors.segment import get_nlp

    doc_id = doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    norm = normalize(text)
    nlp = get_nlp()
    issuer, date = _doc_meta(norm)
    doc = Document(id=doc_id, path=path, text=text, extractor_version=EXTRACTOR_VERSION,
                   title=_title(norm), issuer=issuer, date=date)
    if len(norm.text) <= CHUNK_CHARS:
        sdoc = nlp(norm.text)
        doc.doc_type = sdoc.user_data["leian"]["doc_type"]
        for draft in drafts(sdoc):
            _add_case(doc, draft, norm, text, doc_id)
        return doc
    split = split_cases(norm.text)
    doc.doc_type = split.doc_type  # type: ignore[assignment]
    pieces = pieces_of(split.cases)
    log.info("%s: %d characters, %d cases, extracted in %d pieces", path or doc_id[:16], len(norm.text),
             len(split.cases), len(pieces))
    for offset, end, cases in pieces:
        local = [c.shifted(-offset) for c in cases]
        sdoc = run_pipeline(nlp, norm.text[offset:end], Split(split.doc_type, local, split.mode))
        for draft in drafts(sdoc):
            _shift_draft(draft, offset)
            _add_case(doc, draft, norm, text, doc_id)
    return doc


def _shift_draft(draft: Any, offset: int) -> None:
    """Offsets of a piece's case and items made offsets into the whole normalised text."""
    if not offset:
        return
    draft.span = draft.span.shifted(offset)
    for items in draft.fields.values():
        for it in items:
            it.shift(offset)


def _add_case(doc: Document, draft: Any, norm: Normalized, text: str, doc_id: str) -> None:
    """One case of the pipeline, its spans mapped back onto the original text."""
    ordinal = len(doc.cases) + 1
    start, end = norm.span(draft.span.start, draft.span.end)
    normalized_names = [p.name for p in draft.fields.get("people", [])]
    people = _finish_items(draft.fields.get("people", []), norm, "people")
    as_written = dict(zip(normalized_names, (p.name for p in people)))
    sanctions = _finish_items(draft.fields.get("sanctions", []), norm, "sanctions")
    for s in sanctions:  # recipients as written: they are the case's people
        s.person = as_written.get(s.person, s.person)
    title = draft.span.title
    if title and draft.span.title_at >= 0:  # as written
        title = norm.original_text(draft.span.title_at, draft.span.title_at + len(title))
    amounts = _finish_items(draft.fields.get("amounts", []), norm, "amounts")
    for a in amounts:  # whose sum, as written (a unit word stays as the rules gave it)
        a.person = "、".join(as_written.get(n, n) for n in a.person.split("、")) if a.person else ""
    doc.cases.append(Case(
        id=case_id(doc_id, ordinal), doc_id=doc_id, ordinal=ordinal, title=title,
        text=text[start:end], start=start, end=end,
        people=people,
        amounts=amounts,
        sanctions=sanctions,
        categories=_finish_items(draft.fields.get("categories", []), norm, "categories"),
        domains=_finish_items(draft.fields.get("domains", []), norm, "domains"),
        regions=_finish_items(draft.fields.get("regions", []), norm, "regions"),
        dates=_finish_items(draft.fields.get("dates", []), norm, "dates"),
    ))


def extract_file(path: str | Path, limits: ReadLimits | None = None, *, digest: str = "") -> Document:
    """Read a file (within `limits`: size, pages, and how pages without text are OCR'd) and
    extract it; raises ReadError for an unreadable file. `digest`: the file's sha256 when the
    caller has it already (an ingest hashed every file to compare it with the ledger)."""
    p = Path(path)
    raw = read_file(p, limits)
    digest = digest or sha256_file(p)
    doc = extract_text(raw.text, path=str(p), doc_id=digest)
    doc.warnings.extend(raw.warnings)
    doc.ocr_pages, doc.ocr_confidence = raw.ocr_pages, raw.ocr_confidence
    if raw.title and not doc.title:
        doc.title = raw.title
    # What the page says of itself outside the text (an HTML info line): used when the text
    # states no date or issuer of its own.
    doc.date = doc.date or raw.date
    doc.issuer = doc.issuer or raw.source
    return doc


def render_html(text: str, *, page: bool = True) -> str:
    """displaCy (span style) HTML of a document's extraction, in the original script.

    Tokens and spans come from the same single pipeline pass; each normalised token is
    mapped back onto the original characters, so the page shows the text as published.
    """
    from spacy import displacy

    from extractors.components import SPAN_KEYS
    from extractors.segment import get_nlp

    norm = normalize(text)
    nlp = get_nlp()
    if len(norm.text) > nlp.max_length:
        raise LeianError(f"a document of {len(norm.text):,} characters is too long for an HTML view "
                         f"(at most {nlp.max_length:,}); use --json")
    sdoc = nlp(norm.text)
    # original-text tokens, one per spaCy token (characters dropped by normalisation join
    # the token before them)
    starts = [norm.span(t.idx, t.idx + 1)[0] for t in sdoc] + [len(text)]
    starts[0] = 0
    tokens = [text[starts[i]:starts[i + 1]] for i in range(len(sdoc))]
    spans = []
    for key in SPAN_KEYS:
        if key == "cases" or key not in sdoc.spans:
            continue
        for sp in sdoc.spans[key]:
            spans.append({"start_token": sp.start, "end_token": sp.end, "label": sp.label_})
    for i, sp in enumerate(sdoc.spans.get("cases", [])):
        spans.append({"start_token": sp.start, "end_token": sp.end, "label": f"CASE {i + 1}"})
    # displaCy escapes tokens but writes the title as given: what a document says is text.
    data = {"text": text, "tokens": tokens, "spans": spans, "title": html.escape(_title(norm)) or None}
    return displacy.render(data, style="span", manual=True, page=page, jupyter=False)
