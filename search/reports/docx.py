"""The summary as a Word document (python-docx), laid out as Chinese official reports are.

A4 with the margins of GB/T 9704; body in 仿宋, headings in 黑体 and 楷体, the title in 宋体,
tables in 宋体 五号 with a repeated shaded header row, charts as pictures, page numbers
"— 1 —" in the footer. Every run names its East Asian font explicitly (w:rFonts
w:eastAsia) — Word otherwise draws Chinese in the theme font — and the document's font table
gives each Chinese font a charset of GB2312 and an alternative name (WenQuanYi Zen Hei),
so a machine without 仿宋 (LibreOffice on Linux) still picks a Chinese font, never boxes.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TypedDict

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from search.reports.charts import bar_chart
from search.reports.outline import Bullets, Chart, Heading, Para, Table, outline
from search.summary.model import Summary

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
TITLE_FONT = "宋体"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
FALLBACK_FONT = "WenQuanYi Zen Hei"
CHINESE_FONTS = (BODY_FONT, HEADING_FONT, SUBHEADING_FONT, TITLE_FONT, TABLE_FONT)
TEXT_WIDTH_CM = 21.0 - 2.8 - 2.6


def _set_fonts(rpr_owner, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a style or run explicitly, theme fonts removed."""
    rpr = rpr_owner.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


class _Format(TypedDict, total=False):
    """Paragraph settings of a style (_style's keywords)."""

    bold: bool
    align: WD_ALIGN_PARAGRAPH
    before: float
    after: float
    line: float
    indent_chars: float
    keep_next: bool


def _style(doc, name: str, font: str, size: float, *, bold: bool = False, align=None, before: float = 0,
           after: float = 0, line: float | None = None, indent_chars: float = 0, keep_next: bool = False):
    st = doc.styles[name]
    st.font.size = Pt(size)
    st.font.bold = bold
    st.font.italic = False
    st.font.color.rgb = RGBColor(0, 0, 0)
    st.font.name = LATIN_FONT
    _set_fonts(st.element, font)
    pf = st.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line)
    if align is not None:
        pf.alignment = align
    pf.first_line_indent = Pt(size * indent_chars)  # 0 too: styles based on Normal must not inherit its indent
    pf.keep_with_next = keep_next
    return st


def _add_style(doc, name: str, base: str = "Normal"):
    from docx.enum.style import WD_STYLE_TYPE

    if name in [s.name for s in doc.styles]:
        return doc.styles[name]
    st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles[base]
    return st


def _font_table(doc) -> None:
    """Declare the Chinese fonts in the font table: GB2312 charset, WenQuanYi as the alternative."""
    part = None
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
    if part is None:
        return
    from lxml import etree

    root = etree.fromstring(part.blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    existing = {f.get(f"{{{w}}}name") for f in root.findall(f"{{{w}}}font")}
    for name in CHINESE_FONTS + (FALLBACK_FONT,):
        if name in existing:
            continue
        font = etree.SubElement(root, f"{{{w}}}font")
        font.set(f"{{{w}}}name", name)
        if name != FALLBACK_FONT:
            alt = etree.SubElement(font, f"{{{w}}}altName")
            alt.set(f"{{{w}}}val", FALLBACK_FONT)
        for tag, val in (("charset", "86"), ("family", "modern" if name == BODY_FONT else "auto"), ("pitch", "variable")):
            el = etree.SubElement(font, f"{{{w}}}{tag}")
            el.set(f"{{{w}}}val", val)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup(doc, summary: Summary) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(2.0)
    _style(doc, "Normal", BODY_FONT, 14, line=26, indent_chars=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _style(doc, "Title", TITLE_FONT, 22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=12, line=34)
    # the built-in Title has a bottom border in python-docx's template: drop it
    ppr = doc.styles["Title"].element.get_or_add_pPr()
    for bdr in ppr.findall(qn("w:pBdr")):
        ppr.remove(bdr)
    _style(doc, "Heading 1", HEADING_FONT, 16, before=12, after=6, line=28, keep_next=True)
    _style(doc, "Heading 2", SUBHEADING_FONT, 15, bold=True, before=8, after=4, line=26, keep_next=True)
    styles: tuple[tuple[str, str, float, _Format], ...] = (
        ("Meta", SUBHEADING_FONT, 12, _Format(align=WD_ALIGN_PARAGRAPH.CENTER, after=10, line=20)),
        ("Quote Text", SUBHEADING_FONT, 14, _Format(line=26, indent_chars=2)),
        ("Note Text", SUBHEADING_FONT, 12, _Format(line=20, indent_chars=2, after=4)),
        ("Lead Text", HEADING_FONT, 14, _Format(line=26, indent_chars=2, keep_next=True)),
        ("Caption Text", HEADING_FONT, 12, _Format(align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=4, line=20, keep_next=True)),
        ("Table Text", TABLE_FONT, 10.5, _Format(line=15)),
        ("Table Note", SUBHEADING_FONT, 10.5, _Format(line=16, after=6)),
        ("Numbered Item", BODY_FONT, 14, _Format(line=26, indent_chars=2, align=WD_ALIGN_PARAGRAPH.LEFT)),
    )
    for name, font, size, kw in styles:
        _add_style(doc, name)
        _style(doc, name, font, size, **kw)
    _font_table(doc)
    _page_numbers(sec)
    cp = doc.core_properties
    cp.title = summary.title
    cp.subject = "类案整改分析"
    cp.author = "leian"
    cp.language = "zh-CN"


def _page_numbers(section) -> None:
    """— 1 — centred in the footer."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)

    def run(text: str = ""):
        r = p.add_run(text)
        r.font.size = Pt(12)
        _set_fonts(r._r, BODY_FONT)
        return r

    run("— ")
    r = run()
    for tag, attr in (("w:fldChar", {"w:fldCharType": "begin"}), ("w:instrText", None), ("w:fldChar", {"w:fldCharType": "end"})):
        el = OxmlElement(tag)
        if attr:
            for k, v in attr.items():
                el.set(qn(k), v)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        r._r.append(el)
    run(" —")


def _new_para(doc, style: str = "Normal"):
    """A paragraph in a style named by its id (python-docx's lookup by name scans every style
    on each call — seconds for a long report)."""
    ids = doc.__dict__.setdefault("_leian_style_ids", {})
    if style not in ids:
        ids[style] = doc.styles[style].style_id
    p = doc.add_paragraph()
    p._p.style = ids[style]
    return p


def _para(doc, text: str, style: str = "Normal"):
    p = _new_para(doc, style)
    r = p.add_run(text)
    return p, r


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _table(doc, block: Table) -> None:
    _para(doc, block.caption, "Caption Text")
    ncol = len(block.headers)
    t = doc.add_table(rows=1, cols=ncol)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = block.widths if len(block.widths) == ncol else [1.0] * ncol
    total = sum(widths)
    cms = [Cm(TEXT_WIDTH_CM * w / total) for w in widths]
    t.autofit = False
    for i, col in enumerate(t.columns):
        col.width = cms[i]  # w:gridCol, which LibreOffice lays out by
    numeric = [all(_is_number(r[i]) for r in block.rows if r[i]) for i in range(ncol)]
    text_style = doc.styles["Table Text"].style_id  # set by id: python-docx's style lookup is slow per cell
    header = t.rows[0]
    trpr = header._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader")  # repeat on every page
    th.set(qn("w:val"), "true")
    trpr.append(th)
    for i, h in enumerate(block.headers):
        cell = header.cells[i]
        cell.width = cms[i]
        p = cell.paragraphs[0]
        p._p.style = text_style
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(h)
        r.bold = True
        _shade(cell, "E7E6E6")
    for row in block.rows:
        new = t.add_row()
        cant = OxmlElement("w:cantSplit")  # a row is never broken across pages
        new._tr.get_or_add_trPr().append(cant)
        cells = new.cells
        for i, value in enumerate(row):
            cells[i].width = cms[i]
            p = cells[i].paragraphs[0]
            p._p.style = text_style
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if numeric[i] else WD_ALIGN_PARAGRAPH.LEFT
            p.add_run(value)
    if block.note:
        _para(doc, block.note, "Table Note")
    else:
        _new_para(doc, "Table Note")


def _is_number(text: str) -> bool:
    return text.replace("%", "").replace(".", "").isdigit()


def render_docx(summary: Summary, path: Path, workdir: Path) -> Path:
    doc = new_document()
    _setup(doc, summary)
    for block in outline(summary):
        if isinstance(block, Heading):
            if block.level == 0:
                _para(doc, block.text, "Title")
            else:
                _para(doc, block.text, f"Heading {block.level}")
        elif isinstance(block, Para):
            style = {"meta": "Meta", "quote": "Quote Text", "note": "Note Text", "lead": "Lead Text"}.get(block.style, "Normal")
            _para(doc, block.text, style)
        elif isinstance(block, Bullets):
            for k, item in enumerate(block.items, start=1):
                lead, text = item if isinstance(item, tuple) else ("", item)
                p = _new_para(doc, "Numbered Item")
                if block.numbered:
                    p.add_run(f"{k}．")
                if lead:
                    r = p.add_run(lead)
                    r.bold = True
                    _set_fonts(r._r, HEADING_FONT)
                p.add_run(text)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Chart):
            png = bar_chart(block.labels, block.values, workdir / f"{block.key}.png", title=block.caption,
                            unit=block.unit)
            p = _new_para(doc, "Normal")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Pt(0)
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            p.add_run().add_picture(str(png), width=Cm(14.5))
    doc.save(str(path))
    return path


# characters XML 1.0 cannot hold (python-docx refuses them): C0 controls but tab, LF, CR; U+FFFE/F
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    """A value with every string freed of characters XML cannot hold (a form feed from a PDF,
    an escape character in a query): they are text in the data, not something to fail on."""
    if isinstance(value, str):
        return _NOT_XML.sub(" ", value)
    if isinstance(value, list):
        return [_xml_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _xml_safe(v) for k, v in value.items()}
    return value


def write_docx(summary: Summary, path: Path) -> list[Path]:
    """Write the summary as FILE.docx (charts are embedded)."""
    summary = Summary.model_validate(_xml_safe(summary.model_dump()))
    with tempfile.TemporaryDirectory(prefix="leian-charts-") as tmp:
        render_docx(summary, path, Path(tmp))
    return [path]
