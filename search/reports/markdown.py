"""The summary as Markdown: the same blocks as the DOCX; charts as PNG files beside it."""
from __future__ import annotations

import re
from pathlib import Path

from search.reports.charts import bar_chart
from search.reports.outline import Bullets, Chart, Heading, Para, Table, outline
from search.summary.model import Summary

# What a document says is text: every character Markdown or HTML would read as markup is
# backslash-escaped (CommonMark escapes any ASCII punctuation), so a title holding
# `<img onerror=…>` or `**` shows as written.
_MARKUP = re.compile(r"([\\`*_\[\]{}<>#|~&!])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def _md(text: str) -> str:
    """Text as Markdown that renders exactly as the text."""
    out = _MARKUP.sub(r"\\\1", text.replace("\r", "").replace("\n", " "))
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], out)


def render_markdown(summary: Summary, assets: Path | None = None, assets_link: str = "") -> tuple[str, list[Path]]:
    """Markdown text of the summary; charts are drawn into `assets` (skipped when None)."""
    lines: list[str] = []
    written: list[Path] = []
    for block in outline(summary):
        if isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + _md(block.text), ""]
        elif isinstance(block, Para):
            text = _md(block.text)
            if block.style == "quote":
                text = "> " + text
            elif block.style in ("meta", "note"):
                text = f"*{text}*"
            elif block.style == "lead":
                text = f"**{text}**"
            lines += [text, ""]
        elif isinstance(block, Bullets):
            for k, item in enumerate(block.items, start=1):
                lead, text = item if isinstance(item, tuple) else ("", item)
                text = (f"**{_md(lead)}**" if lead else "") + _md(text)
                lines.append(f"{k}. {text}" if block.numbered else f"- {text}")
            lines.append("")
        elif isinstance(block, Table):
            lines += [f"**{_md(block.caption)}**", ""]
            lines.append("| " + " | ".join(_md(h) for h in block.headers) + " |")
            lines.append("|" + "|".join(" --- " for _ in block.headers) + "|")
            for row in block.rows:
                lines.append("| " + " | ".join(_md(c) for c in row) + " |")
            lines.append("")
            if block.note:
                lines += [f"*{_md(block.note)}*", ""]
        elif isinstance(block, Chart):
            if assets is not None:
                png = bar_chart(block.labels, block.values, assets / f"{block.key}.png", title=block.caption,
                                unit=block.unit)
                written.append(png)
                lines += [f"![{_md(block.caption)}]({assets_link}{png.name})", ""]
            else:
                lines += [f"*{_md(block.caption)}*（图略）", ""]
    return "\n".join(lines).rstrip() + "\n", written


def write_markdown(summary: Summary, path: Path) -> list[Path]:
    """Write FILE.md and its charts in FILE.assets/; returns the files written."""
    assets = path.with_name(path.stem + ".assets")
    text, charts = render_markdown(summary, assets, assets_link=f"{assets.name}/")
    path.write_text(text, encoding="utf-8")
    return [path, *charts]
