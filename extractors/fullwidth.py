"""Full-width digits, letters and number punctuation mapped to ASCII, one character for one.

Field extractors run on normalised text, but must not break when handed raw text with
full-width digits (`２０１９年`). The mapping keeps every character's position, so offsets
found on the folded text are offsets in the text passed in.
"""
from __future__ import annotations

_FULL = "０１２３４５６７８９．％－～／：ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_HALF = "0123456789.%-~/:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_TABLE = str.maketrans(_FULL, _HALF)


def fold_width(text: str) -> str:
    """The same text with full-width digits/letters/number punctuation as ASCII (same length)."""
    return text.translate(_TABLE)
