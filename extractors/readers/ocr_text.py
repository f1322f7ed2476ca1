"""Tesseract's Chinese output made into text as typed: no spaces between characters,
full-width punctuation beside them, Chinese quotation marks and dashes as printed."""
from __future__ import annotations

import re

_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}0-9A-Za-z(),.:;!?“”‘’\"'])"
                        rf"|(?<=[0-9A-Za-z(),.:;!?“”‘’\"'])\s+(?=[{_CJK}])")
_HALF_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,:;?!]|[,:;?!](?=[{_CJK}])")


def clean_line(text: str) -> str:
    """Tesseract's Chinese output → text as typed: no spaces next to CJK characters (it
    puts one between every pair), half-width , : ; ? ! beside them made full-width."""
    text = _CJK_SPACE.sub("", text.strip())
    return _PUNCT_NEAR_CJK.sub(lambda m: _HALF_PUNCT[m.group(0)], text)


_QUOTES = re.compile(r"[\"“”]")
_OPENS_AFTER = set("：:，,。；;！？（(、「『") | {""}
_CLOSES_BEFORE = set("，,。；;：:！？）)、」』")
_LEADING_DASH = re.compile(r"^一一(?=\S)")


def fix_quotes(lines: list[tuple[str, float, float, float, float]]) -> list[tuple[str, float, float, float, float]]:
    """Chinese quotation marks as printed: tesseract reads “ and ” as " (or one as the
    other). Each is opening or closing by its neighbours (after ：，。 or a line start it
    opens, before ，。：it closes), else by turns through the page; a line-leading 一一 is
    the dash —— (tesseract's reading of it)."""
    inside = False
    out: list[tuple[str, float, float, float, float]] = []
    for text, x0, top, x1, bottom in lines:
        chars = list(_LEADING_DASH.sub("——", text))
        for m in _QUOTES.finditer("".join(chars)):
            i = m.start()
            before = chars[i - 1] if i else ""
            after = chars[i + 1] if i + 1 < len(chars) else ""
            if after in _CLOSES_BEFORE or (inside and before not in _OPENS_AFTER):
                chars[i], inside = "”", False
            else:
                chars[i], inside = "“", True
        out.append(("".join(chars), x0, top, x1, bottom))
    return out
