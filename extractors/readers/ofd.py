"""OFD (GB/T 33190-2016, the Chinese fixed-layout format): a zip of XML parts, read with lxml.

OFD.xml names each document's root (DocBody/DocRoot → Doc_0/Document.xml), which lists the
pages (Pages/Page/@BaseLoc → Pages/Page_0/Content.xml); a page's text is in TextObject
elements (position `Boundary`, font `Size`, optional transform `CTM`), each holding
TextCode runs placed at X/Y inside the object. The runs are put in reading order by
position, gathered into lines, and the lines go through the PDF reader's own layout rules
(running headers, footers and page numbers dropped, wrapped lines re-joined, paragraphs
kept). Template pages (letterheads, running headers) and annotations are left out.

Why our own reader: of the registry packages, `ofdkit` (text in document order, no layout)
and `easyofd` (prints debug output, pulls PyMuPDF and OpenCV) were measured on 57 OFD files
of the ofdrw project and on renderings of the corpus (scripts/bench_ofd_readers.py; README
"Supported inputs"); the format is a documented XML format and this reader is ~200 lines.

Refused with a reason: not a zip or damaged, no OFD.xml, encrypted (a password-protected
zip entry, or GM/T 0099 encryption declared), too large once unpacked, no text (an OFD of
page images: OCR is not available).
"""
from __future__ import annotations

import logging
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from config.errors import ReadError
from extractors.readers import MAGIC_ZIP, ReadLimits, ReadResult
from extractors.readers.pdf import _Line, _strip_furniture, paragraphs_from_lines  # the shared layout rules

log = logging.getLogger(__name__)

# No entities, no network, no huge trees: an OFD is untrusted XML.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
_A4 = (210.0, 297.0)


@dataclass
class _Run:
    text: str
    x: float
    baseline: float
    x1: float
    size: float


class _Package:
    """The zip's parts, looked up as OFD paths are written in practice: relative to the
    referring part or absolute from the root, `./` and backslashes, any letter case."""

    def __init__(self, path: Path, z: zipfile.ZipFile):
        self.path = path
        self.z = z
        self.names = {n.replace("\\", "/").lstrip("/").lower(): n for n in z.namelist()}

    def xml(self, name: str, base: str = ""):
        loc = name.strip().replace("\\", "/")
        full = loc.lstrip("/") if loc.startswith("/") else posixpath.join(posixpath.dirname(base), loc)
        full = posixpath.normpath(full).lstrip("/")
        real = self.names.get(full.lower()) or self.names.get(loc.lstrip("/").lower())
        if real is None:
            raise ReadError(self.path, f"corrupt OFD: part {name!r} is missing")
        try:
            return etree.fromstring(self.z.read(real), _PARSER), real.replace("\\", "/")
        except etree.XMLSyntaxError as exc:
            raise ReadError(self.path, f"corrupt OFD: {real}: {exc}") from exc
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise ReadError(self.path, f"corrupt OFD: {real}: {exc}") from exc


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(value or "")]


def _deltas(value: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, `g N d` meaning N times d."""
    tokens = (value or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                out.extend([float(tokens[i + 2])] * int(float(tokens[i + 1])))
            except ValueError:
                pass
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            pass
        i += 1
    return out


def _width(ch: str, size: float) -> float:
    return size if unicodedata.east_asian_width(ch) in "WF" else 0.55 * size


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Affine = tuple[float, float, float, float, float, float]


def _placement(el) -> Affine:
    """An object's own transform onto its parent: its CTM, then its Boundary's origin."""
    ctm = _numbers(el.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else _IDENTITY
    box = _numbers(el.get("Boundary"))
    return (a, b, c, d, e + (box[0] if len(box) >= 2 else 0.0), f + (box[1] if len(box) >= 2 else 0.0))


def _compose(outer: Affine, inner: Affine) -> Affine:
    """inner first, then outer."""
    oa, ob, oc, od, oe, of = outer
    a, b, c, d, e, f = inner
    return (oa * a + oc * b, ob * a + od * b, oa * c + oc * d, ob * c + od * d,
            oa * e + oc * f + oe, ob * e + od * f + of)


def _runs(text_object, outer: Affine = _IDENTITY) -> list[_Run]:
    """A TextObject's TextCode runs, placed on the page (its CTM and Boundary, then those of
    the composite objects it sits in)."""
    a, b, c, d, e, f = _compose(outer, _placement(text_object))
    size = (_numbers(text_object.get("Size") or text_object.get("size")) or [3.5])[0]
    size *= max(abs(d), abs(b)) or 1.0
    runs: list[_Run] = []
    x = y = 0.0
    for code in text_object.iterfind("{*}TextCode"):
        text = "".join(code.itertext())
        x = float((_numbers(code.get("X")) or [x])[0])
        y = float((_numbers(code.get("Y")) or [y])[0])
        if not text.strip():
            continue
        dx = _deltas(code.get("DeltaX"))
        advance = sum(dx[:len(text) - 1]) if dx else sum(_width(ch, size) for ch in text[:-1])
        px, py = a * x + c * y + e, b * x + d * y + f
        runs.append(_Run(text, px, py, px + advance * (abs(a) or 1.0) + _width(text[-1], size), size))
    return runs


def _layer_runs(el, units: dict[str, Any], outer: Affine = _IDENTITY, depth: int = 0) -> list[_Run]:
    """The runs of a layer's TextObjects, looking into PageBlocks and into the composite
    graphic units (resources) that CompositeObjects draw."""
    runs: list[_Run] = []
    for child in el:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "TextObject":
            runs.extend(_runs(child, outer))
        elif tag == "PageBlock":
            runs.extend(_layer_runs(child, units, outer, depth))
        elif tag == "CompositeObject" and depth < 8:
            unit = units.get(child.get("ResourceID") or "")
            content = unit.find("{*}Content") if unit is not None else None
            if content is not None:
                runs.extend(_layer_runs(content, units, _compose(outer, _placement(child)), depth + 1))
    return runs


def _composite_units(pkg: _Package, doc_xml, doc_name: str) -> dict[str, object]:
    """CompositeGraphicUnit elements by ID, from the document's resource files."""
    units: dict[str, Any] = {}
    for loc in doc_xml.iterfind("{*}CommonData/{*}DocumentRes"):
        units.update(_units_in(pkg, loc.text or "", doc_name))
    for loc in doc_xml.iterfind("{*}CommonData/{*}PublicRes"):
        units.update(_units_in(pkg, loc.text or "", doc_name))
    return units


def _units_in(pkg: _Package, loc: str, doc_name: str) -> dict[str, object]:
    res, _ = pkg.xml(loc, doc_name)
    return {u.get("ID"): u for u in res.iterfind(".//{*}CompositeGraphicUnit") if u.get("ID")}


def _lines(runs: list[_Run], page: int) -> list[_Line]:
    """Runs gathered into visual lines (baselines within half a character), left to right;
    a wide gap between runs on one line is a tab (table cells)."""
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: (r.baseline, r.x)):
        last = lines[-1] if lines else None
        if last is not None and abs(last.bottom - 0.2 * run.size - run.baseline) <= 0.5 * run.size:
            gap = run.x - last.x1
            sep = "\t" if gap > 2 * run.size else (" " if gap > 0.6 * run.size and run.text[0].isascii() else "")
            last.text += sep + run.text
            last.x1 = max(last.x1, run.x1)
        else:
            lines.append(_Line(run.text, run.x, run.x1, run.baseline - 0.8 * run.size,
                               run.baseline + 0.2 * run.size, page))
    for ln in lines:
        ln.text = ln.text.strip()
    return [ln for ln in lines if ln.text]


def _page_height(page_xml, doc_xml, lines: list[_Line]) -> float:
    """The page's height from its PhysicalBox (or the document's). A box the text fills
    less than half of is in other units than the text (some writers give points, not mm):
    then the text's own extent stands for the page."""
    height = _A4[1]
    for root in (page_xml, doc_xml):
        box = _numbers(root.findtext(".//{*}PhysicalBox"))
        if len(box) == 4 and box[3] > 0:
            height = box[3]
            break
    bottom = max((ln.bottom for ln in lines), default=0.0)
    return bottom * 1.05 if 0 < bottom < 0.5 * height else height


def _refuse_encrypted(path: Path, pkg: _Package) -> None:
    """A password-protected zip entry, or GM/T 0099 encryption (an Encryptions.xml entry
    point beside OFD.xml; the parts, OFD.xml too, are ciphertext)."""
    if any(i.flag_bits & 0x1 for i in pkg.z.infolist()):
        raise ReadError(path, "encrypted OFD (password-protected); save it without a password")
    if "encryptions.xml" in pkg.names:
        raise ReadError(path, "encrypted OFD (GM/T 0099 password or certificate encryption); decrypt it first")


class OfdReader:
    name = "ofd"
    extensions = (".ofd",)

    def match(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() == ".ofd" or (path.suffix.lower() in ("", ".txt") and head.startswith(MAGIC_ZIP)
                                                 and b"OFD.xml" in head)

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        try:
            z = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise ReadError(path, f"corrupt OFD: not a zip package ({exc})") from exc
        with z:
            if sum(i.file_size for i in z.infolist()) > limits.archive_max_bytes:
                raise ReadError(path, "too large once unpacked (zip bomb?)")
            pkg = _Package(path, z)
            _refuse_encrypted(path, pkg)
            if "ofd.xml" not in pkg.names:
                raise ReadError(path, "not an OFD document: the package has no OFD.xml")
            root, _ = pkg.xml("OFD.xml")
            title = (root.findtext(".//{*}DocInfo/{*}Title") or "").strip()
            pages: list[tuple[float, list[_Line]]] = []
            for doc_root in root.iterfind(".//{*}DocBody/{*}DocRoot"):
                doc_xml, doc_name = pkg.xml(doc_root.text or "")
                units = _composite_units(pkg, doc_xml, doc_name)
                for page in doc_xml.iterfind("{*}Pages/{*}Page"):
                    if len(pages) >= limits.max_pages:
                        raise ReadError(path, f"too large: more than {limits.max_pages} pages")
                    page_xml, _ = pkg.xml(page.get("BaseLoc") or "", doc_name)
                    runs = [r for layer in page_xml.iterfind("{*}Content/{*}Layer")
                            for r in _layer_runs(layer, units)]
                    lines = _lines(runs, len(pages) + 1)
                    pages.append((_page_height(page_xml, doc_xml, lines), lines))
        if not pages:
            raise ReadError(path, "corrupt OFD: no pages (OFD.xml names no document with pages)")
        if not any(lines for _, lines in pages):
            raise ReadError(path, "no text in the OFD (page images only?); OCR is not available")
        body, dropped = _strip_furniture(pages)
        log.debug("%s: %d pages, %d header/footer lines dropped", path, len(pages), dropped)
        return ReadResult(text="\n".join(paragraphs_from_lines(body)), title=title, fmt="ofd", pages=len(pages))


READER = OfdReader()
