"""Render a .txt document as a realistic DOCX or text PDF, for reader and end-to-end tests.

DOCX: python-docx, a CJK font on every run, a page header and a page-number footer that
must not leak into the body. PDF: reportlab with the embedded WenQuanYi Zen Hei font
(fonts-wqy-zenhei), CJK line wrapping (sentences wrapped mid-way), a running header on
every page and "- N -" page numbers in the footer.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

CJK_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
CJK_FONT = "WQYZenHei"
DEFAULT_HEADER = "某某市纪委监委 · 典型问题通报"


# Characters WenQuanYi Zen Hei has no glyph for, drawn as a look-alike it has (a PDF made
# with a font that lacks a glyph carries a .notdef that reads back as NUL; real publishers'
# fonts have these glyphs).
FONT_SUBSTITUTES = str.maketrans({"•": "·"})


def as_rendered(text: str) -> str:
    """The text a rendered PDF holds: `text` with FONT_SUBSTITUTES applied."""
    return text.translate(FONT_SUBSTITUTES)


def paragraphs(text: str) -> list[str]:
    """The document's non-empty lines: one paragraph each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not CJK_FONT_FILE.exists():
        raise FileNotFoundError(f"{CJK_FONT_FILE} missing: install fonts-wqy-zenhei (scripts/system-deps.sh)")
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(CJK_FONT_FILE), subfontIndex=0))
    return CJK_FONT


def render_pdf(text: str, out_path: str | Path, header: str = DEFAULT_HEADER, *,
               page_numbers: str = "dash", font_size: float = 12) -> Path:
    """Write `text` as an A4 text PDF: one paragraph per line, a first-line indent of two
    characters, a running header and page numbers ("dash": - N -, "of": 第N页 共M页,
    "slash": N/M) in the footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _register_font()
    out = Path(out_path)
    body = ParagraphStyle("body", fontName=font, fontSize=font_size, leading=font_size * 1.6,
                          wordWrap="CJK", firstLineIndent=2 * font_size, spaceAfter=font_size * 0.3)
    width, height = A4

    def build(total: int) -> int:
        pages = {"n": 0}

        def decorate(canvas, doc) -> None:
            pages["n"] = doc.page
            canvas.saveState()
            canvas.setFont(font, 9)
            canvas.drawCentredString(width / 2, height - 15 * mm, header)
            canvas.line(20 * mm, height - 17 * mm, width - 20 * mm, height - 17 * mm)
            n = doc.page
            label = {"dash": f"- {n} -", "of": f"第{n}页 共{total}页", "slash": f"{n}/{total}"}[page_numbers]
            canvas.drawCentredString(width / 2, 12 * mm, label)
            canvas.restoreState()

        doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                                topMargin=25 * mm, bottomMargin=22 * mm, title="", author="")
        story = [Paragraph(escape(as_rendered(p)), body) for p in paragraphs(text)]  # flowables are used up by a build
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
        return pages["n"]

    total = build(0)
    if page_numbers != "dash":  # a second pass now that the page count is known
        build(total)
    return out


def render_docx(text: str, out_path: str | Path, title: str | None = None,
                header: str = DEFAULT_HEADER) -> Path:
    """Write `text` as a DOCX: an optional title (core property and a Title paragraph), one
    paragraph per line in a CJK font, a page header and a PAGE-field footer."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def cjk(run, size: float = 12) -> None:
        run.font.name = "SimSun"
        run.font.size = Pt(size)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")

    document = docx.Document()
    section = document.sections[0]
    cjk(section.header.paragraphs[0].add_run(header), 9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cjk(footer.add_run("- "), 9)
    run = footer.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = "PAGE"
        run._r.append(el)
    cjk(footer.add_run(" -"), 9)
    if title:
        document.core_properties.title = title
        p = document.add_paragraph(style="Title")
        cjk(p.add_run(title), 18)
    for para in paragraphs(text):
        p = document.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(24)
        cjk(p.add_run(para))
    out = Path(out_path)
    document.save(str(out))
    return out


def render_table_pdf(paragraphs_before: list[str], rows: list[list[str]], paragraphs_after: list[str],
                     out_path: str | Path) -> Path:
    """A text PDF with a ruled table (reportlab, wrapped cells) between some paragraphs."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = ParagraphStyle("body", fontName=_register_font(), fontSize=11, leading=16, wordWrap="CJK")
    table = Table([[Paragraph(escape(c), style) for c in r] for r in rows], colWidths=[30, 50, 100, 200, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph(escape(p), style) for p in paragraphs_before] + [table] + \
        [Paragraph(escape(p), style) for p in paragraphs_after]
    SimpleDocTemplate(str(out_path), pagesize=A4).build(story)
    return Path(out_path)


def scan_pdf(pdf_path: str | Path, out_path: str | Path, dpi: int = 200) -> Path:
    """Turn a PDF into an image-only one, as a scanner gives it: every page rasterised
    (pypdfium2, grayscale, `dpi`) and saved as one image per page, with no text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()
    out = Path(out_path)
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, title="")
    return out


def render_scan(text: str, out_path: str | Path, dpi: int = 200, **pdf_options) -> Path:
    """Write `text` as an image-only (scanned) PDF: render_pdf's layout, rasterised at `dpi`."""
    out = Path(out_path)
    tmp = out.with_suffix(".text.pdf")
    render_pdf(text, tmp, **pdf_options)
    try:
        return scan_pdf(tmp, out, dpi)
    finally:
        tmp.unlink()


# --- HTML pages ------------------------------------------------------------------------------
# Three layouts of the sites the notices are published on, with the page furniture a reader
# must leave out: a menu, a breadcrumb, an info line, share links, a photo with its caption, an
# editor's line, a list of related headlines (which read like notices themselves) and a footer.
# Class names are the sites' own kind (pinyin initials, numbered boxes), not English words a
# reader could key on.
RELATED_HEADLINES = (
    "某某省纪委监委公开曝光5起违规吃喝典型问题",
    "某某市通报3起群众身边不正之风和腐败问题",
    "以案为鉴 某某县召开警示教育大会",
    "某某区纪委监委：紧盯节点纠“四风”",
)
_MENU = ("首页", "要闻", "审查调查", "纪法课堂", "曝光台", "廉政文化", "互动交流")


def _related() -> str:
    return "".join(f"<li><a href='/a/{i}.html'>{escape(h)}</a><span>2023-0{i + 1}-1{i}</span></li>"
                   for i, h in enumerate(RELATED_HEADLINES))


def _menu() -> str:
    return "".join(f"<a href='/c/{i}/'>{m}</a>" for i, m in enumerate(_MENU))


def render_html(text: str, out_path: str | Path, title: str, layout: str = "portal", *,
                date: str = "2023-06-08", caption: str = "图为某某县纪委监委干部走访群众。 王小明 摄") -> Path:
    """Write `text` as a saved web page in one of three layouts: "portal" (a commission
    site: div boxes, <p> per paragraph, UTF-8), "table" (an older county site: table layout,
    <br> line breaks, GBK) or "wechat" (a re-posted public-account article: nested
    <section>/<span>). The photo caption goes after the first paragraph."""
    paras = [escape(p) for p in paragraphs(text)]
    photo = (f"<p style='text-align:center'><img src='/pic/1.jpg' alt=''></p>"
             f"<p style='text-align:center'>{escape(caption)}</p>") if caption else ""
    head = f"<head><meta charset='{{cs}}'><title>{escape(title)}_某某纪检监察网</title></head>"
    if layout == "portal":
        body = (f"<div class='tb'><div class='w1200'><img src='/logo.png' alt='某某纪检监察网'>{_menu()}</div></div>"
                f"<div class='w1200 dq'>当前位置：<a href='/'>首页</a> &gt; <a href='/c/1/'>审查调查</a></div>"
                f"<div class='w1200 box1'><h2 class='tit'>{escape(title)}</h2>"
                f"<div class='xx'>发布时间：{date} 09:30  来源：某某纪检监察网  【字体：大 中 小】</div>"
                f"<div class='TRS_Editor'><p>{paras[0]}</p>{photo}"
                + "".join(f"<p>{p}</p>" for p in paras[1:]) +
                "<p>（责任编辑：李四）</p></div>"
                "<div class='fx'>分享到：<a>微信</a><a>微博</a></div></div>"
                f"<div class='w1200 box2'><div class='xgxw'><h3>相关新闻</h3><ul>{_related()}</ul></div></div>"
                "<div class='db'><p>主办：某某纪委监委 版权所有 备案号：某ICP备00000000号</p></div>")
        charset = "utf-8"
    elif layout == "table":
        body = (f"<table width='980'><tr><td class='dh'>{_menu()}</td></tr>"
                f"<tr><td><table><tr><td class='bt' align='center'><b>{escape(title)}</b></td></tr>"
                f"<tr><td align='center'>日期：{date}　点击数：1024</td></tr>"
                f"<tr><td class='nr'>　　{paras[0]}<br>{photo}"
                + "".join(f"　　{p}<br>" for p in paras[1:]) +
                f"</td></tr></table></td><td width='220' valign='top'><b>最新文章</b><ul>{_related()}</ul></td></tr>"
                "<tr><td colspan='2'>Copyright © 某某县纪委监委 地址：某某路1号 电话：0000-1234567</td></tr></table>")
        charset = "gbk"
    elif layout == "wechat":
        body = (f"<div id='page-content'><h1 class='rich_media_title'>{escape(title)}</h1>"
                f"<div class='rich_media_meta_list'><span>某某清风</span> <em>{date}</em></div>"
                f"<div class='rich_media_content' id='js_content'><section><section><p><span>{paras[0]}</span></p>"
                f"</section>{photo}"
                + "".join(f"<section><p><span>{p}</span></p></section>" for p in paras[1:]) +
                "</section><p><span>来源：某某县纪委监委</span></p></div>"
                f"<div class='rel'><p>往期推荐</p>{_related()}</div></div>")
        charset = "utf-8"
    else:
        raise ValueError(f"unknown layout {layout!r}")
    page = f"<!DOCTYPE html><html>{head.format(cs=charset)}<body>{body}</body></html>"
    out = Path(out_path)
    out.write_bytes(page.encode("gb18030" if charset == "gbk" else "utf-8"))
    return out
