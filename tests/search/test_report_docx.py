"""The summary as a reader gets it: DOCX (fonts, headings, tables, charts), Markdown with the
same content, and the DOCX rendered by LibreOffice to PDF and PNG pages that are not blank."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from search.classes import ClassDef
from search.reports import format_for, write_report
from search.reports.charts import CJK_FONT_FILES, cjk_font
from search.store import DuplicateGroup
from search.summary import DocRef, build_summary
from tests.search.class_cases import documents

SECTIONS = ["一、基本情况", "二、涉及人员和单位", "三、问题特点", "四、涉案金额", "五、处理情况与量纪参考",
            "六、典型案例", "七、暴露的制度漏洞", "八、整改建议", "附：说明与来源文件"]


@pytest.fixture(scope="module")
def summary():
    docs = documents()
    cases = [c for d in docs for c in d.cases]
    b, copy = docs[0].cases[1].id, docs[1].cases[0].id
    groups = [DuplicateGroup(representative=b, case_ids=[b, copy], similarity=0.9)]
    return build_summary(cases, groups, {d.id: DocRef.of(d) for d in docs},
                         ClassDef(id="all", name="群众身边腐败和作风问题", kind="saved", query="问题"),
                         generated_at="2026-01-01T00:00:00+00:00")


@pytest.fixture(scope="module")
def docx_file(summary, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "summary.docx"
    write_report(summary, path, "docx")
    return path


def _headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name in ("Title", "Heading 1", "Heading 2")]


def test_docx_has_title_sections_tables_and_charts(docx_file, summary):
    doc = open_docx(str(docx_file))
    heads = _headings(doc)
    assert heads[0] == ("Title", summary.title)
    assert [t for s, t in heads if s == "Heading 1"] == SECTIONS
    # typical cases are sub-sections named by their headline
    subs = [t for s, t in heads if s == "Heading 2"]
    assert any(summary.typical[0].headline in t for t in subs)
    # tables: regions, posts, categories, amounts, sanctions, 量纪参考, bands, precedents, sources
    assert len(doc.tables) >= 9
    first_cells = [t.rows[0].cells[0].text for t in doc.tables]
    assert "处理结果" in first_cells and "职务" in first_cells and "案例编号" in first_cells
    reference = next(t for t in doc.tables if t.rows[0].cells[-1].text == "受处理人员职务")
    assert len(reference.rows) == 1 + len(summary.sanctions.reference)
    # two charts embedded as pictures
    assert len(doc.inline_shapes) == 2
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "量纪参考" in body and summary.what.pattern in body


def test_docx_names_chinese_fonts_explicitly(docx_file):
    doc = open_docx(str(docx_file))
    for name, font in (("Normal", "仿宋"), ("Heading 1", "黑体"), ("Heading 2", "楷体"), ("Title", "宋体"),
                       ("Table Text", "宋体")):
        rfonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == font, name
        assert rfonts.get(qn("w:eastAsiaTheme")) is None  # no theme font overrides it
    table = None
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            table = rel.target_part.blob.decode("utf-8")
    assert table and 'w:name="仿宋"' in table and 'w:altName w:val="WenQuanYi Zen Hei"' in table


def test_markdown_says_what_the_docx_says(summary, docx_file, tmp_path):
    files = write_report(summary, tmp_path / "summary.md", "md")
    md = files[0].read_text(encoding="utf-8")
    doc = open_docx(str(docx_file))
    md_heads = [re.sub(r"^#+ ", "", line) for line in md.splitlines() if line.startswith("#")]
    assert md_heads == [t for _, t in _headings(doc)]
    docx_captions = [p.text for p in doc.paragraphs if p.style.name == "Caption Text"]
    md_captions = re.findall(r"^\*\*(表\d+ [^*]+)\*\*$", md, re.M)
    assert md_captions == docx_captions
    # the two charts are PNG files beside the Markdown, linked from it
    pngs = [f for f in files if f.suffix == ".png"]
    assert len(pngs) == 2 and all(f.read_bytes()[:4] == b"\x89PNG" for f in pngs)
    for f in pngs:
        assert f"summary.assets/{f.name}" in md
    docx_text = "\n".join(p.text for p in doc.paragraphs)
    assert summary.what.pattern in md and summary.what.pattern in docx_text


def test_format_follows_the_suffix_unless_named():
    assert format_for(Path("a.md")) == "md" and format_for(Path("a.json")) == "json"
    assert format_for(Path("a.docx")) == "docx" and format_for(Path("a")) == "docx"
    assert format_for(Path("a.md"), "json") == "json"


def test_charts_use_a_font_with_chinese_glyphs():
    if not any(Path(f).exists() for f in CJK_FONT_FILES):
        pytest.skip("no CJK font installed (Debian: fonts-wqy-zenhei)")
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    name = cjk_font()
    assert name
    path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    font = FT2Font(path)
    assert all(font.get_char_index(ord(ch)) for ch in "虚报冒领党内警告处分")


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        msg = f"{tool} not installed (Debian: libreoffice-writer-nogui, poppler-utils; see scripts/system-deps.sh)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " — required in CI")
        pytest.skip(msg)
    return found


@pytest.mark.slow
def test_docx_renders_to_non_blank_pages_with_a_chinese_font(docx_file, summary, tmp_path):
    soffice = _need("soffice")
    pdftoppm = _need("pdftoppm")
    profile = tmp_path / "lo-profile"
    res = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(tmp_path), str(docx_file)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "summary.pdf"
    assert pdf.exists(), res.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"WenQuanYi|Noto.*CJK|SimSun|FangSong|SimHei|KaiTi", fonts), fonts  # Chinese drawn in a CJK font
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    squeezed = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", summary.title) in squeezed and "量纪参考" in squeezed
    assert "\ufffd" not in text
    subprocess.run([pdftoppm, "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 4
    from PIL import Image

    for page in pages:
        with Image.open(page) as im:
            gray = im.convert("L")
            dark = sum(gray.histogram()[:128])
            assert dark > 0.002 * gray.width * gray.height, f"{page.name} is blank"


def test_characters_xml_cannot_hold_are_written_as_spaces(summary, tmp_path):
    """A query typed with an escape character, a form feed read from a PDF: the DOCX is written."""
    odd = summary.model_copy(update={"class_def": summary.class_def.model_copy(update={"name": "低保\x1b问题\x0c"})})
    path = write_report(odd, tmp_path / "odd.docx", "docx")[0]
    assert "低保 问题" in "\n".join(p.text for p in open_docx(str(path)).paragraphs)
