"""Text PDFs (pdfplumber): lines in reading order, running headers/footers and page numbers
dropped, visual lines re-joined into paragraphs — Chinese has no spaces, so wrapped lines
are joined with none.

A line ends its paragraph when it ends a sentence (。！？：；), when it is short (stops well
before the right margin), or when the next line is indented or starts with a numbering
marker (一、 （一） 1. ① 第X起). Ruled tables (three columns or more) come out as one line
per row with tab-separated cells, as the DOCX and HTML readers write them. Pages without a
text layer (scans) and documents whose text has no Unicode map ((cid:NN) glyphs) are read
by OCR (extractors.readers.ocr), their lines going through the same furniture removal and
re-joining; text pages stay as they are. Refused with a reason: encrypted, corrupt, too
many pages, nothing found by OCR either.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from config.errors import ReadError
from extractors.readers import MAGIC_PDF, ReadLimits, ReadResult
from extractors.readers.ocr import PageText, mean_confidence, missing_reason, ocr_pages, ocr_warnings

log = logging.getLogger(__name__)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# Word processors set a quarter-em gap between Chinese and Latin/digits ("共计 3.6万元")
# that pdfplumber reads as a space; the author typed none.
_AUTOSPACE = re.compile(rf"(?<=[{_HAN}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[{_HAN}])")
# A token that cannot be broken: a Latin word/number, or CJK dashes/ellipses/closing marks.
_LEADING_TOKEN = re.compile(
    r"^(?:[(\[]?[0-9A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f.,:/%+\-_()\[\]]*"
    r"|[—…―–]+[”’」』）)】]*|[”’」』）)】，。、；：！？]+)"
)
_SENTENCE_END = re.compile(r"[。！？：；!?:;…][”’」』》）)】\"']*$")
_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,3}[、．]|\d{1,3}\.(?!\d)"
    r"|[①-⑳⑴-⒇⒈-⒛]|第[一二三四五六七八九十百千\d]+(?:[起章节篇]|部分|[条项][\s\u3000])|[A-Za-z][、.．](?![A-Za-z\d])"
    r"|[●■◆▲★☆○•※]\s*\S|[-·]\s+\S)"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_=·.\s]*\d{1,4}[-—–－_=·.\s]*"
    r"|第\s*\d+\s*页\s*[,，/、]?\s*(?:共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*[,，/、]?\s*第\s*\d+\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?)$",
    re.I,
)
_EDGE_BAND = 0.15  # top/bottom share of the page where headers, footers and page numbers live
_EDGE_LINES = 2  # ... and only the first/last lines of a page
_OUTER_BAND = 0.06  # no office document sets body text this close to the paper's edge


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    row: bool = False  # a row of a ruled table, its cells joined by tabs


def _table_rows(page, number: int) -> tuple[list[_Line], list[tuple[float, float, float, float]]]:
    """Rows of the ruled tables on a page (three columns or more, two rows or more) as lines
    of tab-separated cells — as the DOCX and HTML readers write tables — and the tables'
    boxes, whose text lines are then left out."""
    rows: list[_Line] = []
    boxes: list[tuple[float, float, float, float]] = []
    if not (page.lines or page.rects):  # no rules drawn: no ruled table (and no cost)
        return rows, boxes
    for table in page.find_tables():
        cells = table.extract()
        if len(cells) < 2 or max(len(r) for r in cells) < 3:
            continue
        boxes.append(table.bbox)
        for row, values in zip(table.rows, cells):
            text = "\t".join(re.sub(r"\s*\n\s*", "", _AUTOSPACE.sub("", v or "")).strip() for v in values)
            if text.strip("\t"):
                rows.append(_Line(text, table.bbox[0], table.bbox[2], row.bbox[1], row.bbox[3], number, row=True))
    return rows, boxes


def _in_box(ln: _Line, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _edge(lines: list[_Line], height: float) -> list[int]:
    """Indices of lines that may be page numbers: the first/last lines, in the edge band."""
    top = [i for i in range(min(_EDGE_LINES, len(lines))) if lines[i].bottom <= height * _EDGE_BAND]
    bottom = [i for i in range(max(0, len(lines) - _EDGE_LINES), len(lines))
              if lines[i].top >= height * (1 - _EDGE_BAND)]
    return sorted(set(top + bottom))


def _body_size(lines: list[_Line]) -> float:
    """The body's line height: the median over characters, not lines (short furniture lines
    in a smaller font must not pull it down)."""
    weighted = sorted((ln.bottom - ln.top, len(ln.text)) for ln in lines)
    total = sum(n for _, n in weighted)
    seen = 0
    for height, n in weighted:
        seen += n
        if seen >= total / 2:
            return height
    return 0.0


def _margin_zones(lines: list[_Line], height: float, gap: float) -> set[int]:
    """Lines set apart from the body in the top or bottom margin: those before the first
    wide gap (within the first lines, in the band) and after the last one. A body line at
    the top of a page has its neighbour at the normal line spacing, so it is never here."""
    zone: set[int] = set()
    for k in range(min(_EDGE_LINES, len(lines) - 1)):
        if lines[k].bottom > height * _EDGE_BAND:
            break
        if lines[k + 1].top - lines[k].bottom > gap:
            zone.update(range(k + 1))
            break
    for k in range(len(lines) - 1, max(0, len(lines) - 1 - _EDGE_LINES), -1):
        if lines[k].top < height * (1 - _EDGE_BAND):
            break
        if lines[k].top - lines[k - 1].bottom > gap:
            zone.update(range(k, len(lines)))
            break
    return zone


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _strip_furniture(pages: list[tuple[float, list[_Line]]]) -> tuple[list[_Line], int]:
    """Drop page furniture: page numbers among a page's first/last lines, and, among the
    lines set apart in the margins, running headers/footers (the same text, digits aside,
    on at least half the pages, two at least), lines in a smaller font than the body, and
    lines in the outermost 6 % of the page (a header even on a one-page document).
    Returns body lines and how many were dropped."""
    size = _body_size([ln for _, lines in pages for ln in lines])
    spacings = [b.top - a.bottom for _, lines in pages for a, b in zip(lines, lines[1:]) if b.top > a.bottom]
    # "Set apart": wider than twice the usual spacing between lines and than a line height.
    gap = max(2 * sorted(spacings)[len(spacings) // 4], size) if spacings else size
    zones = [_margin_zones(lines, height, gap) for height, lines in pages]
    seen: Counter[str] = Counter()
    for (_, lines), zone in zip(pages, zones):
        seen.update({_furniture_key(lines[i].text) for i in zone})
    repeat = max(2, (len(pages) + 1) // 2)
    body: list[_Line] = []
    dropped = 0
    for (height, lines), zone in zip(pages, zones):
        edge = set(_edge(lines, height))
        for i, ln in enumerate(lines):
            number = i in edge and _PAGE_NUMBER.match(re.sub(r"\s+", "", ln.text))
            furniture = i in zone and (seen[_furniture_key(ln.text)] >= repeat or ln.bottom - ln.top <= 0.9 * size
                                       or ln.bottom <= height * _OUTER_BAND or ln.top >= height * (1 - _OUTER_BAND))
            if number or furniture:
                dropped += 1
                continue
            body.append(ln)
    return body, dropped


def _join(a: str, b: str) -> str:
    """Re-join a wrapped line: no space in Chinese, one space between Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _did_not_fit(next_text: str, room: float, size: float) -> bool:
    """Was the line wrapped because the next line's first unbreakable token (a Latin word
    or number, a dash, a closing mark) did not fit in the room left?"""
    m = _LEADING_TOKEN.match(next_text)
    if not m:
        return False
    token = m.group(0)
    width = sum(size if unicodedata.east_asian_width(ch) in "WF" else 0.55 * size for ch in token)
    return room < width + 0.5 * size


def paragraphs_from_lines(lines: list[_Line]) -> list[str]:
    """Visual lines (furniture removed) → paragraphs, across page breaks."""
    if not lines:
        return []
    text_lines = [ln for ln in lines if not ln.row] or lines  # table rows say nothing of margins
    size = median([max(1.0, ln.bottom - ln.top) for ln in text_lines])
    # The left margin: the leftmost x where many lines start (in a document of short
    # paragraphs, indented first lines can be as many as the others).
    x_starts = Counter(round(ln.x0 / 2) * 2 for ln in text_lines)
    left = min((x for x, n in x_starts.items() if n >= max(2, 0.15 * len(text_lines))), default=min(x_starts))
    right = sorted(ln.x1 for ln in text_lines)[int(0.9 * (len(text_lines) - 1))]
    indented = [ln.x0 > left + 1.2 * size for ln in lines]
    ends = [bool(_SENTENCE_END.search(ln.text)) for ln in lines]
    full = [ln.x1 >= right - 1.5 * size or (k + 1 < len(lines) and _did_not_fit(lines[k + 1].text, right - ln.x1, size))
            for k, ln in enumerate(lines)]
    # Does this document mark paragraphs by a first-line indent? Judged on the lines that
    # surely start one (the first, and those after a short line). If so, a full line that
    # happens to end in 。 does not end the paragraph unless the next line is indented.
    starts = [indented[0]] + [indented[k] for k in range(1, len(lines)) if not full[k - 1]]
    uses_indent = sum(starts) >= max(1, 0.6 * len(starts))
    out: list[str] = []
    current = lines[0].text
    for k in range(1, len(lines)):
        prev, ln = lines[k - 1], lines[k]
        new_para = (
            ln.row or prev.row  # a table row is a paragraph of its own
            or not full[k - 1]
            or indented[k]
            or bool(_NUMBERING.match(ln.text))
            or (ends[k - 1] and not (uses_indent and full[k - 1]))
            or (ln.page == prev.page and ln.top - prev.bottom > 1.6 * size)
        )
        if new_para:
            out.append(current)
            current = ln.text
        else:
            current = _join(current, ln.text)
    out.append(current)
    return out


def _meta_title(meta: dict) -> str:
    """The document-info Title, unless it is a tool's placeholder or a file name."""
    raw = meta.get("Title") or ""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-16" if raw.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1", "replace")
    title = re.sub(r"^\s*Microsoft (Word|PowerPoint) - ", "", str(raw)).strip()
    title = re.sub(r"\.(docx?|wps|pdf|txt|rtf)$", "", title, flags=re.I).strip()
    if not title or title.lower() in ("untitled", "无标题", "(anonymous)") or title.startswith("%"):
        return ""
    return title


def _probe_error(exc: BaseException) -> str:
    """The reason behind a pdfminer exception (pdfplumber wraps them)."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return "encrypted PDF (password-protected)"
    detail = str(inner).strip() or name
    return f"corrupt PDF: {name}: {detail}" if detail != name else f"corrupt PDF: {name}"


class PdfReader:
    name = "pdf"
    extensions = (".pdf",)

    def match(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.extensions or MAGIC_PDF in head[:1024]

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        import pdfplumber

        with path.open("rb") as fh:
            head = fh.read(1024)
        if MAGIC_PDF not in head:
            raise ReadError(path, "corrupt PDF: no %PDF header (not a PDF, or damaged)")
        pages: list[tuple[float, list[_Line]]] = []
        rows: list[_Line] = []  # table rows (kept apart from the furniture rules)
        images = 0
        blank_pages: list[int] = []  # no text, but something drawn: a scan, outlined text — OCR'd
        empty_pages = 0  # nothing at all on them: not worth an OCR pass
        cid_chars = 0
        total_chars = 0
        try:
            with pdfplumber.open(str(path)) as pdf:
                title = _meta_title(pdf.metadata or {})
                n = len(pdf.pages)
                if n > limits.max_pages:
                    raise ReadError(path, f"too large: {n} pages (limit {limits.max_pages})")
                for number, page in enumerate(pdf.pages, start=1):
                    raw = page.extract_text_lines(layout=False, strip=True, return_chars=False)
                    lines = [
                        _Line(_AUTOSPACE.sub("", r["text"]), r["x0"], r["x1"], r["top"], r["bottom"], number)
                        for r in raw if r["text"].strip()
                    ]
                    table_rows, boxes = _table_rows(page, number)
                    if boxes:
                        lines = [ln for ln in lines if not _in_box(ln, boxes)]
                        rows.extend(table_rows)
                    if not lines and not table_rows:
                        if page.images or page.curves or page.rects or page.lines:
                            blank_pages.append(number)
                            images += len(page.images)
                        else:
                            empty_pages += 1
                    for ln in lines + table_rows:
                        total_chars += len(ln.text)
                        cid_chars += 8 * ln.text.count("(cid:")
                    pages.append((float(page.height), lines))
                    page.flush_cache()
        except ReadError:
            raise
        except Exception as exc:  # pdfminer raises many kinds for damaged files; all are "corrupt"
            log.info("pdfplumber failed on %s", path, exc_info=True)
            raise ReadError(path, _probe_error(exc)) from exc
        warnings: list[str] = []
        ocr: list[PageText] = []
        unusable = total_chars and cid_chars > 0.3 * total_chars  # fonts without a Unicode map
        if unusable:
            blank_pages = list(range(1, len(pages) + 1))
        cannot = "OCR is turned off (setting ocr_enabled)" if not limits.ocr.enabled else \
            missing_reason() if blank_pages else ""
        if not total_chars and not blank_pages:
            raise ReadError(path, f"no text layer and nothing drawn ({_pages_phrase(empty_pages)}, all blank)")
        if blank_pages and cannot:
            if unusable:
                raise ReadError(path, f"no usable text layer (fonts without a Unicode map); {cannot}")
            if not total_chars:
                raise ReadError(path, f"no text layer ({'scanned PDF?' if images else 'blank pages or scanned PDF?'}); "
                                      f"{cannot}")
            warnings.append(f"pages without text (scanned?) skipped ({cannot}): "
                            f"{', '.join(map(str, blank_pages[:20]))}")
        elif blank_pages:
            ocr = ocr_pages(path, "pdf", [n - 1 for n in blank_pages], limits.ocr)
            for scanned in ocr:
                pages[scanned.number - 1] = (pages[scanned.number - 1][0], ocr_lines(scanned))
            rows = [r for r in rows if r.page not in blank_pages]
            warnings += ocr_warnings(ocr, limits.ocr, len(pages))
            if not any(page.lines for page in ocr) and (not total_chars or unusable):
                raise ReadError(path, f"no text found (OCR) on {_pages_phrase(len(ocr))}")
        body, dropped = _strip_furniture(pages)
        if rows:
            body = sorted(body + rows, key=lambda ln: (ln.page, ln.top))
        log.debug("%s: %d pages, %d header/footer lines dropped", path, len(pages), dropped)
        text = "\n".join(paragraphs_from_lines(body))
        return ReadResult(text=text, title=title, fmt="pdf", pages=len(pages), warnings=warnings,
                          ocr_pages=[p.number for p in ocr if p.lines], ocr_confidence=mean_confidence(ocr))


def _pages_phrase(n: int) -> str:
    return "1 page" if n == 1 else f"{n} pages"


def ocr_lines(page: PageText) -> list[_Line]:
    """An OCR'd page's lines as the text layer's are given (boxes in points, top down)."""
    return [_Line(text, x0, x1, top, bottom, page.number) for text, x0, x1, top, bottom in page.lines]


READER = PdfReader()
