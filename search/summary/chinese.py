"""How the summary writes numbers, sums of money and dates in Chinese (一、二十一, 13.5万余元,
2019年7月15日): plain functions of a value, shared by the summary's prose and the reports."""
from __future__ import annotations


def in_units(value: float) -> tuple[float, str]:
    """A sum of yuan in the unit it is written in: (the number of 亿, 万 or yuan, "亿"/"万"/"")."""
    if value >= 100_000_000:
        return value / 100_000_000, "亿"
    if value >= 10_000:
        return value / 10_000, "万"
    return value, ""


def fmt_yuan(value: float, approximate: bool = False) -> str:
    """Money as analysts write it: 2100万元, 13.5万余元, 8600元, 1.2亿元."""
    number, unit = in_units(value)
    return f"{number:.2f}".rstrip("0").rstrip(".") + unit + ("余" if approximate else "") + "元"


def cn_date(value: str) -> str:
    """2019-07-15 → 2019年7月15日; partial dates likewise."""
    parts = [p for p in value.split("-") if p.isdigit()]
    if not parts:
        return value
    out = f"{parts[0]}年"
    if len(parts) > 1:
        out += f"{int(parts[1])}月"
    if len(parts) > 2:
        out += f"{int(parts[2])}日"
    return out


_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (up to 99; larger numbers in digits)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else ""
    return out + (_CN_DIGITS[ones] if ones else "")


def cn_count(n: int) -> str:
    """A count of people or documents in a sentence: 两 for 2, else the number."""
    return "两" if n == 2 else str(n)
