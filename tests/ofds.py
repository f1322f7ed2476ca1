"""Write OFD packages (GB/T 33190-2016) for the reader tests and fixtures: OFD.xml →
Doc_0/Document.xml (page area, public resources with a font, an optional template page
holding a running header) → Doc_0/Pages/Page_N/Content.xml, one TextObject per line with
its TextCode and DeltaX, a page number in each page's footer. A notice is laid out as a
typesetter would: 4.2 mm characters (Latin ones half as wide), lines 37 em wide,
paragraphs with a two-character indent, numbers never cut at a line end."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
SIZE = 4.2  # mm, about 12 pt
PER_LINE = 37
LEFT, TOP, LINE = 25.0, 30.0, 7.4
LINES_PER_PAGE = 32


def advance(ch: str, size: float = SIZE) -> float:
    """A character's advance: a full em for Chinese, half for Latin letters and digits."""
    return 0.5 * size if ch.isascii() else size


def text_object(oid: int, x: float, y: float, text: str, size: float = SIZE, ns: str = "ofd", extra: str = "") -> str:
    """A TextObject holding one TextCode: Boundary at (x, y), the baseline at its bottom;
    DeltaX gives each character's advance (`g N d` when they are all alike)."""
    steps = [advance(ch, size) for ch in text[:-1]]
    width = sum(steps) + (advance(text[-1], size) if text else 0)
    if steps and len(set(steps)) == 1:
        delta = f' DeltaX="g {len(steps)} {steps[0]:g}"'
    else:
        delta = f' DeltaX="{" ".join(f"{d:g}" for d in steps)}"' if steps else ""
    return (f'<{ns}:TextObject ID="{oid}" Boundary="{x:.2f} {y:.2f} {width:.2f} {size * 1.2:.2f}" Font="2" '
            f'Size="{size}"{extra}><{ns}:FillColor Value="0 0 0"/><{ns}:TextCode X="0" Y="{size:.2f}"{delta}>'
            f'{escape(text)}</{ns}:TextCode></{ns}:TextObject>')


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


def _wrap(para: str) -> list[str]:
    """Lines at most PER_LINE em wide (the first two em less: its indent); as a typesetter
    does, a number or Latin word is not cut but moved to the next line."""
    lines, start, room = [], 0, (PER_LINE - 2) * SIZE
    while sum(advance(ch) for ch in para[start:]) > room + 1e-6:
        cut, used = start, 0.0
        while used + advance(para[cut]) <= room + 1e-6:
            used += advance(para[cut])
            cut += 1
        full = cut
        while cut > start + 1 and _latin(para[cut - 1]) and _latin(para[cut]):
            cut -= 1
        if cut == start + 1:
            cut = full
        lines.append(para[start:cut])
        start, room = cut, PER_LINE * SIZE
    return lines + [para[start:]]


def layout(text: str) -> list[list[tuple[float, str]]]:
    """Pages of (x, line): each paragraph wrapped at PER_LINE characters, its first line
    indented by two characters."""
    lines: list[tuple[float, str]] = []
    for para in (p.strip() for p in text.splitlines() if p.strip()):
        wrapped = _wrap(para)
        lines.append((LEFT + 2 * SIZE, wrapped[0]))
        lines.extend((LEFT, line) for line in wrapped[1:])
    return [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]


def ofd_package(pages: list[str], *, title: str = "", template: str = "", root_loc: str = "Doc_0/Document.xml",
                page_loc: str = "Pages/Page_{n}/Content.xml", extra_parts: dict[str, bytes] | None = None) -> bytes:
    """An OFD package: `pages` are Content.xml bodies (the inside of a Layer); `template`
    the inside of a template page's layer (drawn under every page)."""
    doc_info = f"<ofd:Title>{escape(title)}</ofd:Title>" if title else ""
    ofd_xml = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
               f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>0123456789abcdef</ofd:DocID>{doc_info}"
               f"<ofd:Creator>leian tests</ofd:Creator></ofd:DocInfo><ofd:DocRoot>{root_loc}</ofd:DocRoot>"
               "</ofd:DocBody></ofd:OFD>")
    tpl = '<ofd:TemplatePage ID="3" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    page_refs = "".join(f'<ofd:Page ID="{10 + n}" BaseLoc="{page_loc.format(n=n)}"/>' for n in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                "<ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
                f"</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl}</ofd:CommonData>"
                f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
    public_res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
                  '<ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
    base = root_loc.rsplit("/", 1)[0].lstrip("/")
    parts = {"OFD.xml": ofd_xml, root_loc.lstrip("/"): document, f"{base}/PublicRes.xml": public_res}
    use_tpl = '<ofd:Template TemplateID="3" ZOrder="Background"/>' if template else ""
    for n, body in enumerate(pages):
        parts[f"{base}/{page_loc.format(n=n)}".replace("\\", "/")] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{use_tpl}<ofd:Content>'
            f'<ofd:Layer ID="{100 + n}" Type="Body">{body}</ofd:Layer></ofd:Content></ofd:Page>')
    if template:
        parts[f"{base}/Tpls/Tpl_0/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="5">{template}</ofd:Layer></ofd:Content></ofd:Page>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml.encode("utf-8"))
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def notice_ofd(text: str, path: Path, *, title: str = "", header: str = "某某县纪委监委 · 通报") -> Path:
    """`text` laid out as an OFD notice: a running header in a template page, "- N -"
    page numbers in the footer of each page."""
    bodies = []
    oid = 1000
    for n, lines in enumerate(layout(text), 1):
        objs = []
        for k, (x, line) in enumerate(lines):
            oid += 1
            objs.append(text_object(oid, x, TOP + k * LINE, line))
        oid += 1
        objs.append(text_object(oid, 100.0, 280.0, f"- {n} -", size=3.5))
        bodies.append("".join(objs))
    path.write_bytes(ofd_package(bodies, title=title, template=text_object(6, 80.0, 12.0, header, size=3.5)))
    return path
