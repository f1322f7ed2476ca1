"""A class-case summary as a workbook: every figure with the cases behind it, and the tables
in full (the DOCX and Markdown cut long tables; the workbook does not).

Sheets: 概况 (each figure of the report, its value and the case ids it is computed from — the
provenance of the report's numbers), 量纪参考, 处理先例 (one row per sanctioned person),
典型案例, 整改建议, 来源文件. Text from documents goes in as text cells, in simplified script
with full-width punctuation as the report prints it; a cell never becomes a formula,
whatever it starts with, and characters XML cannot hold are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from search.summary.chinese import fmt_yuan
from search.summary.model import Figure, Summary, Tally
from search.text import official

ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XLSX XML
MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell
Row = Sequence[object]


def text_cell(ws, value: object, **style):  # type: ignore[no-untyped-def]
    """A write-only cell holding `value` as text (a string) or a number, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell = WriteOnlyCell(ws, value=value)
    else:
        cell = WriteOnlyCell(ws, value=ILLEGAL_XML.sub("", "" if value is None else str(value))[:MAX_CELL])
        cell.data_type = "s"  # text, even when it starts with = + - @
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def add_sheet(wb, title: str, headers: Sequence[tuple[str, int]], rows: Iterable[Row]) -> int:  # type: ignore[no-untyped-def]
    """A sheet with a bold, frozen header row and column widths (characters); rows as given."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    for i, (_, width) in enumerate(headers, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)
    ws.append([text_cell(ws, h, font=bold) for h, _ in headers])
    n = 0
    for row in rows:
        ws.append([text_cell(ws, v, alignment=top) for v in row])
        n += 1
    return n


def _ids(ids: Iterable[str]) -> str:
    return "、".join(ids)


def _figure_rows(s: Summary) -> list[Row]:
    """(figure, value, unit, case ids) for every number the report states."""
    sc, who, money = s.scope, s.who, s.money
    rows: list[Row] = [
        ("案例（条）", sc.cases, "条", _ids(sc.case_ids)),
        ("事件（同一事件的多次发布计一起）", sc.incidents, "起", _ids(sc.incident_ids)),
        ("来源文件", sc.documents, "份", _ids(sc.doc_ids)),
        ("其中巡察（巡视）发现问题", sc.findings, "起", _ids(sc.finding_ids)),
        ("最早日期", sc.date_from, "", _ids(sc.date_from_case_ids)),
        ("最晚日期", sc.date_to, "", _ids(sc.date_to_case_ids)),
        ("涉及人员（被审查处理的对象）", who.people, "人", _ids(who.case_ids)),
        ("其他涉及人员（不计入上行）", who.others.count, "人", _ids(who.others.case_ids)),
        ("载明金额的事件", money.cases_with_amount, "起", _ids(money.case_ids)),
    ]

    def money_row(label: str, f: Figure) -> Row:
        return (label, f.value, "元" + ("（含“余”“多”）" if f.approximate else ""), _ids(f.case_ids))

    rows += [money_row("涉案金额合计", money.total), money_row("涉案金额中位数", money.median),
             money_row("单起最大涉案金额", money.largest), money_row("挽回损失、追缴", money.recovered),
             money_row("退缴、收缴", money.returned), money_row("巡察发现问题涉及金额（另计）", money.findings)]

    def tally_rows(group: str, tallies: Iterable[Tally], unit: str) -> list[Row]:
        return [(f"{group}：{t.label or t.key}", t.count, unit, _ids(t.case_ids)) for t in tallies]

    rows += tally_rows("年份", sc.years, "起")
    for level, tallies in sc.regions.items():
        rows += tally_rows(f"地区（{level}）", tallies, "起")
    rows += tally_rows("职务", who.posts, "人") + tally_rows("单位", who.units, "起")
    rows += tally_rows("问题类别", s.what.categories, "起") + tally_rows("领域", s.what.domains, "起")
    rows += [(f"处理处分：{d.label}（{d.kind}）", d.people, "人", _ids(d.case_ids)) for d in s.sanctions.distribution]
    rows.append(("未载明处理的事件", s.sanctions.without_sanction.count, "起", _ids(s.sanctions.without_sanction.case_ids)))
    return rows


def write_xlsx(summary: Summary, path: Path) -> list[Path]:
    """Write the summary's workbook to `path`; returns [path]."""
    from openpyxl import Workbook

    s = summary
    wb = Workbook(write_only=True)
    add_sheet(wb, "概况", (("指标", 36), ("数值", 14), ("单位", 14), ("依据（案例编号）", 80)), _figure_rows(s))
    add_sheet(wb, "量纪参考", (("处理处分", 18), ("先例（人）", 10), ("最小金额（元）", 14), ("中位金额（元）", 14),
                               ("最大金额（元）", 14), ("常见职务", 30), ("案例编号", 60)),
              ((r.label, r.precedents, *(f.value if f else "" for f in (r.amount_min, r.amount_median, r.amount_max)),
                "、".join(f"{t.label or t.key}{t.count}人" for t in r.posts), _ids(r.case_ids))
               for r in s.sanctions.reference))
    add_sheet(wb, "处理先例", (("案例编号", 22), ("人员", 12), ("职务", 30), ("金额（元）", 14), ("处理处分", 30),
                               ("问题类别", 24), ("地区", 20), ("年份", 8)),
              ((p.case_id, official(p.person), official("、".join(p.posts)), p.amount or "", "、".join(p.sanctions),
                "、".join(p.categories), official(p.region), p.year or "") for p in s.sanctions.precedents))
    add_sheet(wb, "典型案例", (("案例编号", 22), ("类型", 12), ("标题", 40), ("地区", 20), ("人员", 30), ("金额", 14),
                               ("处理处分", 30), ("选取理由", 40), ("来源", 50), ("摘录", 80)),
              ((t.case_id, t.kind, official(t.headline), official(t.region), official("、".join(t.people)),
                t.amount_text or (fmt_yuan(t.amount) if t.amount else ""), "、".join(t.sanctions),
                official(t.reason), official(t.source.citation()), official(t.excerpt)) for t in s.typical))
    add_sheet(wb, "整改建议", (("建议", 30), ("内容", 80), ("依据", 30), ("针对", 20), ("案例数", 10), ("案例编号", 60)),
              ((m.title, m.detail, m.basis, m.scope, len(m.case_ids), _ids(m.case_ids)) for m in s.measures))
    add_sheet(wb, "来源文件", (("文件", 30), ("引用", 80), ("案例编号", 60)),
              ((d.file, official(d.citation()), _ids(d.case_ids)) for d in s.documents))
    path = Path(path)
    wb.save(str(path))
    return [path]


__all__ = ["add_sheet", "text_cell", "write_xlsx"]
