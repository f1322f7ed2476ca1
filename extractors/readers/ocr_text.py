"""OCR output made into text as typed: no spaces between Chinese characters, straight
quotation marks made Chinese ones as printed, a line-leading 一一 the dash ——, a page in
traditional script kept in it.

(Half- or full-width punctuation is decided from the page, extractors.readers.ocr_layout.)
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}0-9A-Za-z(),.:;!?“”‘’\"'])"
                        rf"|(?<=[0-9A-Za-z(),.:;!?“”‘’\"'])\s+(?=[{_CJK}])")


_BAR = re.compile(r"\s*[|｜]\s*")


def clean_line(text: str) -> str:
    """OCR output → text as typed: no spaces next to Chinese characters (a recogniser may
    put one where two boxes meet); a bar between table cells set apart by a space on each
    side, as typed (the recogniser drops narrow spaces; the case splitter reads such rows)."""
    return _BAR.sub(" | ", _CJK_SPACE.sub("", text.strip())).strip()


_QUOTES = re.compile(r"[\"“”]")
_OPENS_AFTER = set("：:，,。；;！？（(、「『") | {""}
_CLOSES_BEFORE = set("，,。；;：:！？）)、」』")
_LEADING_DASH = re.compile(r"^一一(?=\S)")


def fix_quotes(lines: list[tuple[str, float, float, float, float]]) -> list[tuple[str, float, float, float, float]]:
    """Chinese quotation marks as printed: a straight " read for “ or ” is made opening or
    closing by its neighbours (after ：，。 or a line start it opens, before ，。：it
    closes), else by turns through the page (the curly marks read as such keep the count);
    a line-leading 一一 is the dash ——."""
    inside = False
    out: list[tuple[str, float, float, float, float]] = []
    for text, x0, top, x1, bottom in lines:
        chars = list(_LEADING_DASH.sub("——", text))
        for m in _QUOTES.finditer("".join(chars)):
            i = m.start()
            if chars[i] != '"':
                inside = chars[i] == "“"
                continue
            before = chars[i - 1] if i else ""
            after = chars[i + 1] if i + 1 < len(chars) else ""
            if after in _CLOSES_BEFORE or (inside and before not in _OPENS_AFTER):
                chars[i], inside = "”", False
            else:
                chars[i], inside = "“", True
        out.append(("".join(chars), x0, top, x1, bottom))
    return out


Line = tuple[str, float, float, float, float]


@lru_cache(maxsize=1)
def _script_tables() -> tuple[frozenset[str], dict[int, str]]:
    """OpenCC's character tables: the characters only traditional script uses, and each
    simplified character that has exactly one traditional form, other than itself (内→內,
    虚→虛; not 发 (發 or 髮), not 台 (台 is traditional too))."""
    import opencc

    folder = Path(opencc.__file__).resolve().parent / "dictionary"

    def pairs(name: str):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1:
                yield parts[0], parts[1:]

    traditional = frozenset(t for t, s in pairs("TSCharacters.txt") if s != [t])
    to_trad = {ord(s): t[0] for s, t in pairs("STCharacters.txt") if len(t) == 1 and t[0] != s and len(t[0]) == 1}
    return traditional, to_trad


def one_script(lines: list[Line]) -> list[Line]:
    """Lines in traditional script with a few characters read in their simplified form (the
    recogniser knows both; 內 comes back as 内 now and then): those made traditional. A line
    is traditional when its traditional-only characters outnumber the simplified-only ones
    four to one (4 at least), or when it has no more than a few of either on a page that is
    traditional (10 at least, five to one, counted on the lines not plainly simplified). A
    plainly simplified line (a letterhead above a traditional text) stays as it is; only
    one-to-one forms are changed."""
    traditional, to_trad = _script_tables()
    counts = [(sum(ch in traditional for ch in t), sum(ord(ch) in to_trad for ch in t)) for t, *_ in lines]
    plain_simplified = [trad == 0 and simp >= 2 for trad, simp in counts]
    page_trad = sum(c[0] for c, s in zip(counts, plain_simplified) if not s)
    page_simp = sum(c[1] for c, s in zip(counts, plain_simplified) if not s)
    page_is_trad = page_trad >= 10 and page_trad >= 5 * page_simp
    out = []
    for (text, *rest), (trad, simp), plain in zip(lines, counts, plain_simplified):
        if simp and not plain and (page_is_trad or (trad >= 4 and trad >= 4 * simp)):
            text = text.translate(to_trad)
        out.append((text, *rest))
    return out  # type: ignore[return-value]
