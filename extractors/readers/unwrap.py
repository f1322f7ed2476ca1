"""Plain text that was hard-wrapped (copied out of a PDF, a fixed-width export): its visual
lines re-joined into paragraphs and its page furniture (page numbers, running headers)
dropped, as the PDF reader does with geometry.

Chinese has no spaces, so a wrapped line cuts words and names in two (街道财政所所长赖 / 某某);
every rule that reads a line would see half a name. Without geometry the signs are the
text's own: most lines fill one width (display columns: a Han character counts two), a
paragraph starts on an indented or short line, and the page number lines (— 1 —) sit between
pages with the running header repeated after them. A text whose lines do not share a width
is returned as it is.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|[·•]\s*\d{1,3}\s*[·•]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
                          r"|\d{1,3}\s*/\s*\d{1,3})\s*$")
# A line that starts a unit of its own, however the line before it ended.
_OPENS = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)"
                    r"|[①-⑳■●◆▲★□○◇△▶►•▪◼◾◎【]|附件|抄送|印发)")
_SENTENCE_END = re.compile(r"[。！？!?；;：:”」』）)]$")
# A line that cannot start anything: it goes on with the line before, however short that was
# (2023年1 / 月，…; a number's unit, a closing mark, a comma).
_GOES_ON = re.compile(r"^[，,。、；;：:）)》」』”’！？!?…年月日号时万亿元]")
_CELLS = re.compile(r"[\t｜|]")  # a table row is a line of its own
_MIN_COLUMNS = 30  # a wrapped body line is at least this wide (15 Han characters)
_SLACK = 3  # columns two lines of one width may differ by (a half-width digit, a wide mark)
_FULL = 0.85  # a line this share of the width wide may be wrapped (justified text, hand-wrapped copies)


def columns(line: str) -> int:
    """Display width: East Asian wide and full-width characters count two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _width_of(lines: list[str], measure: Callable[[str], int], least: int) -> tuple[int, int] | None:
    """(width, lines that tightly fill it) by one measure, or None."""
    widths = [measure(ln.rstrip()) for ln in lines]
    wide = [w for w in widths if w >= least]
    if len(wide) < 4:
        return None
    counts = Counter(wide)
    best = max(counts, key=lambda w: (sum(n for v, n in counts.items() if w - _SLACK <= v <= w), w))
    held = [ln.rstrip() for ln, w in zip(lines, widths) if best * _FULL <= w <= best]
    wider = sum(1 for w in wide if w > best + _SLACK)  # a wrapped text has (almost) none
    if len(held) < 4 or len(held) * 3 < len(wide) or wider * 10 > len(wide):
        return None
    # a wrap falls anywhere in a sentence; lines that a writer ended end on a sentence end
    cut = sum(1 for ln in held if not _SENTENCE_END.search(ln))
    tight = sum(1 for w in wide if best - _SLACK <= w <= best)
    return (best, tight) if cut * 2 > len(held) else None


def wrap_width(lines: list[str]) -> tuple[Callable[[str], int], int] | None:
    """How the text was wrapped — (measure, width) — or None when its lines do not share a
    width: the most common width among lines at least 15 Han characters wide. Four of them
    and a third at least must come near it, most of those must end inside a sentence, and
    hardly any line may be wider. A PDF justifies its lines in display columns, a program
    that wrapped the text counted characters: the measure more lines fill exactly wins."""
    found: list[tuple[int, int, Callable[[str], int], int]] = []
    measures: tuple[tuple[Callable[[str], int], int], ...] = ((columns, _MIN_COLUMNS), (len, _MIN_COLUMNS // 2))
    for measure, least in measures:
        fit = _width_of(lines, measure, least)
        if fit is not None:
            found.append((fit[1], -len(found), measure, fit[0]))
    if not found:
        return _ragged(lines)
    best = max(found)
    return best[2], best[3]


_RAGGED_SHARE = 0.6  # of the lines of prose, at least this share end inside a sentence
_RAGGED_LINES = 6
_PROSE = re.compile(r"[，,。；;]")


def _ragged(lines: list[str]) -> tuple[Callable[[str], int], int] | None:
    """A text wrapped by hand at no one width (lines of 34 to 41 characters, cut wherever a
    phrase ended — 热依拉 / 受到通报批评): most of its lines of prose (long, with a comma or a
    full stop inside) end inside a sentence with the sentence going on in the next line, which
    the paragraphs of an unwrapped text never do (their titles, menus and link lists are no
    prose). Then a line at least three quarters of the prose lines' median length may go on
    in the next: (len, width) with width × _FULL at that length."""
    prose = [k for k, ln in enumerate(lines) if len(ln.strip()) >= _MIN_COLUMNS // 2
             and _PROSE.search(ln.rstrip()[:-1]) and not _CELLS.search(ln)]
    cut = [k for k in prose if not _SENTENCE_END.search(lines[k].rstrip())
           and k + 1 < len(lines) and lines[k + 1].strip() and not lines[k + 1][0].isspace()]
    if len(cut) < _RAGGED_LINES or len(cut) < _RAGGED_SHARE * len(prose):
        return None
    median = sorted(len(lines[k].rstrip()) for k in prose)[len(prose) // 2]
    return len, round(0.75 * median / _FULL)


def _furniture(lines: list[str]) -> set[int]:
    """Page numbers, and the line right after one (or before it) that recurs as a header."""
    numbers = {i for i, ln in enumerate(lines) if _PAGE_NUMBER.match(ln)}
    if not numbers:
        return set()
    seen = Counter(ln.strip() for ln in lines if ln.strip())
    out = set(numbers)
    for i in numbers:
        for step in (-1, 1):  # the nearest line with text before and after, over blank lines
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and j not in numbers and seen[lines[j].strip()] >= 2:
                out.add(j)
    # the running header on later pages whose page number is missing: same text as a dropped one
    headers = {lines[j].strip() for j in out - numbers}
    out |= {i for i, ln in enumerate(lines) if ln.strip() in headers}
    # the blank lines around a page break go with it: a paragraph may run on to the next page
    for i in sorted(out):
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip() and j not in out:
                out.add(j)
                j += step
    return out


def unwrap(text: str) -> str:
    """The text with hard-wrapped lines re-joined and page furniture dropped (unchanged when
    it is not hard-wrapped)."""
    lines = text.split("\n")
    wrap = wrap_width(lines)
    if wrap is None:
        return text
    measure, width = wrap
    drop = _furniture(lines)
    kept = [ln for i, ln in enumerate(lines) if i not in drop]
    # where a page ended (furniture dropped after the line): a sentence open there runs on —
    # the index in `kept` of the first line after each dropped one
    breaks: set[int] = set()
    n_kept = 0
    for i in range(len(lines)):
        if i in drop:
            breaks.add(n_kept)
        else:
            n_kept += 1
    out: list[str] = []
    joining = False  # the line before was full: this one may go on with it
    for k, ln in enumerate(kept):
        body = ln.rstrip()
        if k in breaks and out and out[-1].strip() and not _SENTENCE_END.search(out[-1]):
            joining = True
        if joining and body and not body[0].isspace() and not _OPENS.match(body) and not _CELLS.search(body):
            prev = out[-1]
            space = " " if prev[-1:].isascii() and prev[-1:].isalpha() and body[0].isascii() and body[0].isalpha() else ""
            out[-1] = prev + space + body
        else:
            out.append(body)
        joining = bool(body) and not _CELLS.search(body) and (
            measure(body) >= width * _FULL or (k + 1 < len(kept) and bool(_GOES_ON.match(kept[k + 1]))))
    return "\n".join(out)


__all__ = ["columns", "unwrap", "wrap_width"]
