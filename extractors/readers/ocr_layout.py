"""OCR text boxes → lines in reading order, with punctuation as printed.

PP-OCR returns boxes (a line, or a run of a line split at a wide gap) in no set order. They
are put back as a reader would: a page with two columns (a vertical gutter near the middle
that boxes on both sides face across) is read band by band — lines that cross the gutter
(a title, a full-width paragraph) in turn with the stretches of two columns between them,
left column first; boxes that overlap vertically by half their height are one line, left
to right, a visible gap kept as a space. The lines keep their boxes, so the PDF reader's
furniture removal and paragraph re-joining (indents, short lines, numbering) apply to them
unchanged.

Half-width or full-width: the recogniser reads `,` and `，` (and `: ; ? ! ( )`) much alike,
but the printed page tells them apart by the room they take. Between two Chinese
characters the distance from the one before to the one after is about 2 em across a
full-width mark and about 1.4 em across a half-width one; a mark whose neighbours do not
say follows the page's majority, and a mark between digits or Latin letters (16:13, 1,000)
is half-width.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import median

from extractors.readers.ocr_engine import TextBox

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF = {v: k for k, v in _FULL.items()}
_WIDE_MARK = 0.7  # em: a mark taking more room than this between its neighbours is full-width
_QUOTE_MARKS = set("“”‘’\"'「」『』《》")


@dataclass
class OcrLine:
    """One line of a page: its text, box (pixels) and characters' extents, confidence 0-1."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    score: float
    chars: list[tuple[float, float]]


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _line_of(boxes: list[TextBox], em: float) -> OcrLine:
    boxes = sorted(boxes, key=lambda b: b.box[0])
    text, chars = "", []  # type: tuple[str, list[tuple[float, float]]]
    for k, b in enumerate(boxes):
        if k and b.box[0] - boxes[k - 1].box[2] > em and text[-1:] != " ":
            end = chars[-1][1] if chars else b.box[0]
            text, chars = text + " ", chars + [(end, end)]
        text += b.text
        chars += b.chars or [(b.box[0], b.box[2])] * len(b.text)  # no character boxes: widths unknown
    n = sum(len(b.text) for b in boxes)
    score = sum(b.score * len(b.text) for b in boxes) / n if n else 0.0
    return OcrLine(text, min(b.box[0] for b in boxes), max(b.box[2] for b in boxes),
                   min(b.box[1] for b in boxes), max(b.box[3] for b in boxes), score, chars)


def _rows(boxes: list[TextBox], em: float) -> list[OcrLine]:
    """Boxes that share a line (overlapping by half the smaller height) as lines, top down."""
    rows: list[list[TextBox]] = []
    for b in sorted(boxes, key=lambda b: (b.box[1] + b.box[3]) / 2):
        if rows:
            top, bottom = min(x.box[1] for x in rows[-1]), max(x.box[3] for x in rows[-1])
            overlap = min(bottom, b.box[3]) - max(top, b.box[1])
            if overlap > 0.5 * min(bottom - top, b.box[3] - b.box[1]):
                rows[-1].append(b)
                continue
        rows.append([b])
    return [_line_of(r, em) for r in rows]


def _gutter(boxes: list[TextBox], width: float) -> float | None:
    """The x of a gutter between two columns, or None: an x in the middle half of the page
    that few boxes cross, with a good share of boxes on each side facing each other."""
    if len(boxes) < 6:
        return None
    # The widest stretch of the middle that few boxes (a title, a full-width line) cross.
    runs: list[list[int]] = [[]]
    for step in range(int(width * 0.3), int(width * 0.7), max(1, int(width / 100))):
        if sum(1 for b in boxes if b.box[0] < step < b.box[2]) <= 0.2 * len(boxes):
            runs[-1].append(step)
        elif runs[-1]:
            runs.append([])
    widest = max(runs, key=len)
    if not widest:
        return None
    x = float(widest[len(widest) // 2])
    left = [b for b in boxes if b.box[2] <= x]
    right = [b for b in boxes if b.box[0] >= x]
    if min(len(left), len(right)) < 0.2 * len(boxes):
        return None
    # Side by side, not one above the other: most right-hand boxes have a left-hand box level with them.
    level = sum(1 for r in right if any(min(r.box[3], lb.box[3]) > max(r.box[1], lb.box[1]) for lb in left))
    # Columns of running text, not a table's cells: most lines on each side run to the
    # column's right edge (text wraps there) and hold more than a few characters.
    return x if level >= 0.5 * len(right) and _running_text(left) and _running_text(right) else None


def _running_text(boxes: list[TextBox]) -> bool:
    em = median(b.box[3] - b.box[1] for b in boxes)
    edge = max(b.box[2] for b in boxes)
    full = sum(1 for b in boxes if b.box[2] >= edge - 2 * em)
    return full >= 0.6 * len(boxes) and median(len(b.text) for b in boxes) >= 6


def _reading_order(boxes: list[TextBox], width: float, em: float) -> list[OcrLine]:
    x = _gutter(boxes, width)
    if x is None:
        return _rows(boxes, em)
    out: list[OcrLine] = []
    band: list[TextBox] = []

    def flush() -> None:
        out.extend(_rows([b for b in band if b.box[2] <= x], em))
        out.extend(_rows([b for b in band if b.box[2] > x], em))
        band.clear()

    for b in sorted(boxes, key=lambda b: b.box[1]):
        if b.box[0] < x < b.box[2]:  # crosses the gutter: ends the two-column stretch
            flush()
            out.extend(_rows([b], em))
        else:
            band.append(b)
    flush()
    return out


def _widths(lines: list[OcrLine], em: float) -> list[OcrLine]:
    """Each ambiguous punctuation mark made half- or full-width by the room it takes."""
    decided: Counter[bool] = Counter()
    pending: list[tuple[OcrLine, int]] = []
    for ln in lines:
        chars = list(ln.text)
        for k, ch in enumerate(chars):
            if ch not in _FULL and ch not in _HALF:
                continue
            before = chars[k - 1] if k else ""
            after = chars[k + 1] if k + 1 < len(chars) else ""
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                chars[k] = _HALF.get(ch, ch)  # 16:13, 1,000, (a)
            elif (full := _full_width(ln, k, em)) is not None:
                decided[full] += 1
                chars[k] = _FULL.get(ch, ch) if full else _HALF.get(ch, ch)
            else:
                pending.append((ln, k))
        ln.text = "".join(chars)
    if decided:
        full = decided[True] > decided[False]
        for ln, k in pending:
            ch = ln.text[k]
            ch = _FULL.get(ch, ch) if full else _HALF.get(ch, ch)
            ln.text = ln.text[:k] + ch + ln.text[k + 1:]
    return lines


def _width(ch: str) -> float:
    """A character's advance in em: 1 for Chinese and full-width forms, about half else."""
    return 1.0 if _is_han(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" else 0.5


def _full_width(ln: OcrLine, k: int, em: float) -> bool | None:
    """Whether the mark at `k` takes a full em, by its neighbours' places (None: they do not
    tell — a line end, a quotation mark beside it, no character boxes)."""
    if not 0 < k < len(ln.text) - 1 or len(ln.chars) != len(ln.text):
        return None
    before, after = ln.text[k - 1], ln.text[k + 1]
    (b0, b1), (a0, a1) = ln.chars[k - 1], ln.chars[k + 1]
    if (b0, b1) == (a0, a1):
        return None
    if before.isspace() or after.isspace() or before in _QUOTE_MARKS or after in _QUOTE_MARKS:
        return None
    # Centre to centre is half of each neighbour (a Chinese character 1 em, a digit or
    # Latin letter about half) plus the mark itself: about 1 em when full-width, 0.3 half.
    room = (a0 + a1 - b0 - b1) / 2 / em - (_width(before) + _width(after)) / 2
    return room > _WIDE_MARK


def page_lines(boxes: list[TextBox], width: float) -> list[OcrLine]:
    """A page's text boxes as lines in reading order, punctuation widths as printed."""
    boxes = [b for b in boxes if b.text.strip()]
    if not boxes:
        return []
    em = _em(boxes)
    return _widths(_reading_order(boxes, width, em), em)


def _em(boxes: list[TextBox]) -> float:
    """The body's character pitch in pixels: the median distance between the centres of
    neighbouring Chinese characters (the box height when there are too few)."""
    steps = []
    for b in boxes:
        for k in range(1, len(b.chars)):
            if _is_han(b.text[k - 1]) and _is_han(b.text[k]):
                steps.append((sum(b.chars[k]) - sum(b.chars[k - 1])) / 2)
    steps = [s for s in steps if s > 0]
    if len(steps) >= 10:
        return median(steps)
    return median(b.box[3] - b.box[1] for b in boxes) * 0.8
