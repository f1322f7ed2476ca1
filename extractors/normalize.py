"""Normalisation before any extraction, with an offset map back to the original text.

Rules and lexicons are written once, in simplified script and half-width ASCII; real
documents come in traditional script, with full-width digits, HTML leftovers and
ruby/pinyin annotations (`紀(jì)委`). `normalize` rewrites the text into the form the rules
expect and keeps, for every output character, the index of the original character it
came from, so every extracted span can be reported in the ORIGINAL text.

党 masked as * by pages that filter the word is read as 党 (受到*内警告处分).

Kept as is: line breaks (paragraph structure), Chinese punctuation (，and , both occur; corner
brackets 「」 read as the curly quotes “” rules are written with).
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# What ends a sentence in normalised text: Chinese and half-width marks alike (pages type both) and
# a line break. One set for every extractor that reads a sentence around a span.
SENTENCE_END = "。；;！？!?\n"

# Full-width ASCII that rules must see as ASCII: digits, letters, ％ and ．(decimal point).
_FW_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_FW_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FW_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FW_TABLE.update({0xFF05: ord("%"), 0xFF0E: ord("."), 0xFF0B: ord("+"), 0xFF0D: ord("-")})
# Corner brackets, the quotation marks of traditional-script pages (「雙開」), read as the curly
# quotes the rules are written with (“双开”).
_FW_TABLE.update({ord("「"): ord("“"), ord("」"): ord("”"), ord("『"): ord("‘"), ord("』"): ord("’")})

_PINYIN = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜńňǹḿ"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—"
# Things removed outright (the text around them is joined):
#  - ruby/pinyin annotations right after a Han character: 紀(jì)委, 網(wǎng)站 (half- or full-width parens)
#  - HTML/XML tags and comments left by a careless export
#  - zero-width characters and soft hyphens
#  - horizontal whitespace that sits next to a Han character or CJK punctuation (not a tab
#    inside a line: the readers write table cells tab-separated, and the cells stay apart)
_REMOVE = re.compile(
    rf"(?<=[{_HAN}])[(（][{_PINYIN}]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü][{_PINYIN}]*[)）]"
    r"|<!--.*?-->|</?[a-zA-Z][^<>\n]{0,200}>"
    r"|[\u200b-\u200f\u2060\ufeff\u00ad]"
    rf"|(?<=[{_HAN}{_CJK_PUNCT}])[ \u00a0\u3000\u2002-\u200a]+"
    rf"|[ \u00a0\u3000\u2002-\u200a]+(?=[{_HAN}{_CJK_PUNCT}])"
    r"|^[ \t\u00a0\u3000\u2002-\u200a]+|[ \t\u00a0\u3000\u2002-\u200a]+$",
    re.M | re.S,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# Pinyin annotations without tone marks (運輸廳(ting), 違(wei)紀, 的(de)): one syllable in parens after a
# Han character. Removed only where a page has several (TONELESS_MIN), so a lone "(a)" stays.
_SYLLABLE = (r"[(（](?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|uo|ui|un|ue|ve"
             r"|a|o|e|i|u|v)[1-5]?[)）]")
_TONELESS = re.compile(rf"(?<=[{_HAN}])(?:{_SYLLABLE})+")  # (the same syllable twice: 的(de)(de))
TONELESS_MIN = 3
_CHUNK = re.compile(r"[^\n。！？；!?;]+[\n。！？；!?;]*|\n+")


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, for each of its characters, the original character's index."""

    text: str
    original: str
    index: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text onto the original text."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if start == end:
            o = self.index[start]
            return o, o
        return self.index[start], self.index[end - 1] + 1

    def to_normalized(self, orig: int) -> int:
        """Index in the normalised text of the first character at or after original index `orig`."""
        return bisect_right(self.index, orig - 1) if orig > 0 else 0

    def original_text(self, start: int, end: int) -> str:
        """The original text behind a normalised span."""
        a, b = self.span(start, end)
        return self.original[a:b]


@lru_cache(maxsize=1)
def _t2s_tables() -> tuple[dict[int, str], object]:
    """OpenCC t2s: a one-character table (fast pre-check, fallback) and the converter."""
    import opencc

    table: dict[int, str] = {}
    path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            table[ord(parts[0])] = parts[1]
    return table, opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified script, same length (OpenCC t2s phrases, per-character fallback)."""
    table, converter = _t2s_tables()
    if text.translate(table) == text:  # nothing traditional in it: skip the slow converter
        return text
    out = []
    for m in _CHUNK.finditer(text):
        chunk = m.group(0)
        if chunk.translate(table) == chunk:
            out.append(chunk)
            continue
        conv = converter.convert(chunk)  # type: ignore[attr-defined]
        # Phrase conversion can change the length; the offset map needs 1:1, so fall back.
        out.append(conv if len(conv) == len(chunk) else chunk.translate(table))
    return "".join(out)


def _clean(text: str) -> tuple[str, list[int]]:
    """Remove markup/annotations/odd whitespace, decode entities; keep an index per char."""
    text_out: list[str] = []
    index: list[int] = []
    pos = 0
    toneless = "|" + _TONELESS.pattern if len(_TONELESS.findall(text)) >= TONELESS_MIN else ""
    pattern = re.compile(_REMOVE.pattern + toneless + "|" + _ENTITY.pattern + r"|\r\n?|\t", re.M | re.S)
    for m in pattern.finditer(text):
        if m.start() > pos:
            text_out.append(text[pos:m.start()])
            index.extend(range(pos, m.start()))
        tok = m.group(0)
        if tok.startswith("&") and tok.endswith(";"):
            rep = html.unescape(tok)
            if rep == "\u00a0" or rep.isspace():
                rep = " "
            text_out.append(rep)
            index.extend([m.start()] * len(rep))
        elif tok.startswith("\r"):
            text_out.append("\n")
            index.append(m.start())
        elif tok == "\t":  # a cell boundary of a table row (DOCX/HTML readers): kept
            text_out.append("\t")
            index.append(m.start())
        pos = m.end()
    if pos < len(text):
        text_out.append(text[pos:])
        index.extend(range(pos, len(text)))
    return "".join(text_out), index


_SPACE_RUN = re.compile(r"(?<=\S)(?: {2,}|\u3000{2,})(?=\S)")
_LINE = re.compile(r"[^\n]+")


# The rest of a wrapped cell: a line indented by eight spaces or more, one cell only.
_CONTINUED = re.compile(r"^ {8,}\S+(?: ?\S+)*\s*$")


def _is_cell_row(line: str) -> bool:
    """A line whose runs of two or more spaces part cells (4   侯明月   县文化和旅游局股长   政务记过):
    two to eleven such runs, most cells two characters or more (a letter-spaced title,
    中  共  某  县, is no table)."""
    runs = _SPACE_RUN.findall(line)
    if not 2 <= len(runs) <= 11:
        return False
    cells = [c for c in _SPACE_RUN.split(line.strip()) if c]
    return sum(len(c) >= 2 for c in cells) * 2 > len(cells)


def _space_tables(text: str) -> str:
    """Tables laid out with spaces, as plain-text copies of notices have them: in a run of three
    or more rows (space- or tab-separated), each run of spaces between cells becomes a tab,
    as the DOCX and HTML readers write cells (same length: the offsets hold). A cell wrapped
    onto a far-indented line of its own joins its row: the line break before it becomes a tab
    (the row keeps all its text; the cell's end follows the row's last cell)."""
    if "  " not in text and "\u3000\u3000" not in text:
        return text
    lines = list(_LINE.finditer(text))
    kind = [2 if line.group(0).count("\t") >= 2 else 1 if _is_cell_row(line.group(0)) else 0 for line in lines]
    for k in range(1, len(lines)):  # a cell wrapped onto a line of its own, far indented
        if not kind[k] and kind[k - 1] and _CONTINUED.match(lines[k].group(0)):
            kind[k] = 3
    out = list(text)
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and kind[j]:
            j += 1
        if j - k - sum(kind[q] == 3 for q in range(k, j)) >= 3:
            for line, what in zip(lines[k:j], kind[k:j]):
                if what == 1:
                    for m in _SPACE_RUN.finditer(text, line.start(), line.end()):
                        out[m.start()] = "\t"
                        for q in range(m.start() + 1, m.end()):
                            out[q] = " "
                elif what == 3 and line.start() > 0:
                    out[line.start() - 1] = "\t"  # the wrapped rest of a cell stays on its row
        k = j + 1
    return "".join(out)


# A lower-case l typed for the digit 1 in Chinese text (挪用公款l2万余元, 虚报l42个沼气池): between
# Han characters or punctuation and a digit, never inside a Latin word (one character for one: offsets hold).
_L_FOR_ONE = re.compile(rf"(?<=[{_HAN}，,。；;：:、（(])l(?=\d)")
# 党 masked with an asterisk by pages that filter the word (受到*内警告处分, 开除*籍, 村*员某某): read
# as 党 where the words around it leave no other reading (one character for one: offsets hold).
_MASKED_PARTY = re.compile(r"[*＊](?=内(?:严重)?警告)|(?<=开除)[*＊](?=籍)|(?<=[村镇乡])[*＊](?=员)")


def normalize(text: str) -> Normalized:
    """Normalise a document's text for the rules; see the module docstring for what changes."""
    cleaned, index = _clean(_space_tables(text.translate(_FW_TABLE)))
    # Entities decoded into spaces next to Han characters: one more whitespace pass is cheap.
    if "&" in text:
        again, idx2 = _clean(cleaned)
        if len(again) != len(cleaned):
            index = [index[i] for i in idx2]
            cleaned = again
    simplified = _MASKED_PARTY.sub("党", _L_FOR_ONE.sub("1", to_simplified(cleaned)))
    index.append(len(text))
    return Normalized(text=simplified, original=text, index=tuple(index))


__all__ = ["Normalized", "normalize", "to_simplified"]
