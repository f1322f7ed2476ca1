"""Text cut into plain and marked segments, from character offsets — never from markup.

The templates print every segment escaped and wrap marked ones in <mark class="KIND">, so a
document's own `<script>` or `onerror=` shows as text. Extracted items carry offsets into the
document text (extractors.model); a case's text starts at `case.start` in it.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.model import Case
from search.highlight import CLOSE, OPEN

KIND_LABELS = {"person": "人员", "amount": "金额", "sanction": "处分", "category": "问题类别",
               "domain": "领域", "region": "地区", "date": "时间"}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "" plain; else a KIND_LABELS key, or "hit" for a matched query word
    title: str = ""  # what the mark is (shown on hover)


def cut(text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """`text` as segments; spans are (start, end, kind, title) within it. Overlapping spans:
    the earlier (then the longer) wins; spans outside the text are dropped."""
    out: list[Segment] = []
    pos = 0
    for s, e, kind, title in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if s < pos or e <= s or s < 0 or e > len(text):
            continue
        if s > pos:
            out.append(Segment(text[pos:s]))
        out.append(Segment(text[s:e], kind, title))
        pos = e
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def case_spans(case: Case) -> list[tuple[int, int, str, str]]:
    """Every extracted item of a case as a span within the case's own text."""
    o = case.start
    spans: list[tuple[int, int, str, str]] = []

    def add(items, kind: str, title) -> None:
        for it in items:
            if it.start >= 0 and it.end > it.start:
                spans.append((it.start - o, it.end - o, kind, title(it)))

    add(case.people, "person", lambda p: f"人员：{p.name}" + (f"（{p.position}）" if p.position else ""))
    add(case.amounts, "amount", lambda a: f"金额：{a.value:,.0f}元" + (f"（{a.role}）" if a.role else ""))
    add(case.sanctions, "sanction", lambda s: f"处分：{s.label}")
    add(case.categories, "category", lambda c: f"问题类别：{c.label or c.code}")
    add(case.domains, "domain", lambda d: f"领域：{d.label or d.code}")
    add(case.regions, "region", lambda r: f"地区：{r.name}")
    add(case.dates, "date", lambda d: f"时间：{d.value}")
    return spans


def case_segments(case: Case) -> list[Segment]:
    """The case text with its extracted items marked."""
    return cut(case.text, case_spans(case))


def snippet_segments(snippet: str) -> list[Segment]:
    """A search snippet (search.highlight: matched words between 【 and 】) as segments."""
    out: list[Segment] = []
    rest = snippet
    while rest:
        i = rest.find(OPEN)
        j = rest.find(CLOSE, i + 1) if i >= 0 else -1
        if i < 0 or j < 0:
            out.append(Segment(rest))
            break
        if i:
            out.append(Segment(rest[:i]))
        out.append(Segment(rest[i + 1:j], "hit"))
        rest = rest[j + 1:]
    return out
