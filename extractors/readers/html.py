"""HTML pages as saved from government and news sites: the article's paragraphs, without
scripts, styles, navigation, page headers/footers, share buttons and print/close links.

Encoding from the BOM, the meta charset (GBK pages are common) or detection (text.py);
block elements become line breaks; the title comes from <h1> or <title>.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Tag

from config.errors import ReadError
from extractors.readers import ReadLimits, ReadResult
from extractors.readers.unwrap import unwrap
from extractors.readers.text import UndecodableError, decode_bytes

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)

# Elements that are never article text.
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "nav", "header", "footer", "aside", "button", "select", "input", "textarea", "menu", "link")
# A form is a search box or a login, except where a CMS wraps the article in one (VSB's
# <form name="_newscontent_fromname">): a form holding this much text is kept, its controls dropped.
_FORM_TEXT = 200
# class/id words of page furniture (Chinese CMSs included: bdshare = Baidu share buttons).
_BOILERPLATE_ATTR = re.compile(
    r"(^|[\s_\-])(nav|navbar|menu|breadcrumbs?|crumbs?|header|top|logo|footer|foot|copyright|banner|topbar|top-bar|toolbar|"
    r"sidebar|side|share|bdshare\w*|jiathis\w*|social|sns|print|related|recommend|comment|comments|"
    r"advert|ads?|gotop|backtop|qrcode|ewm|search|login|weixin|wechat|location|position|dqwz|wzdh)($|[\s_\-])",
    re.I,
)
# Whole lines of page furniture in Chinese and English.
_BOILERPLATE_LINE = re.compile(
    r"^[\s【\[（(]*(打印本页|打印|关闭窗口|关闭|返回顶部|分享到[:：]?.*|扫一扫.*|收藏|字号[:：].*|【?字体[:：].*|"
    r"当前位置[:：].*|您现在的位置[:：].*|上一篇[:：].*|下一篇[:：].*|相关阅读|相关链接|"
    r"(?:发布时间|发布日期|发表时间|更新时间|来源|信息来源|稿件来源|作者|责任编辑|编辑|浏览次数|点击数|阅读次数)[:：].{0,100}|"
    r"print|close|share)[\s】\]）)]*$",
    re.I,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table tbody thead section article blockquote pre "
    "address figure figcaption hr center main".split()
)
_SPACES = re.compile(r"[ \xa0\u2002\u2003\u2009]+")
_TABS = re.compile(r"\s*\t\s*")
_SITE_NAME = re.compile(r"(网|网站|首页|门户|在线|频道|官网)$")
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|｜—–]{1,2}|——)\s*")


_SNIFFED_EXTENSIONS = ("", ".txt", ".doc", ".docx", ".wps")


def looks_like_html(head: bytes) -> bool:
    """Does a file start like an HTML page (after a BOM, XML declaration, comments)?"""
    return bool(_HTML_SNIFF.match(head.lstrip(b"\xef\xbb\xbf")))


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in ("body", "html", "main", "article"):
        return False
    attrs = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    return bool(attrs and _BOILERPLATE_ATTR.search(attrs))


def _clean(soup: BeautifulSoup) -> None:
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for form in soup.find_all("form"):
        if len(form.get_text(strip=True)) < _FORM_TEXT:
            form.decompose()
    total = _text_len(soup)
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if tag.get("hidden") is not None or re.search(r"display\s*:\s*none", str(tag.get("style") or ""), re.I):
            tag.decompose()
        elif _is_boilerplate(tag) and not _holds_the_page(tag, total):
            tag.decompose()


def _holds_the_page(tag: Tag, total: int) -> bool:
    """A furniture-named element holding most of the page's text (a print version's
    <div class="print_wrap"> around the article) is the page, not furniture."""
    n = _text_len(tag)
    return n >= _FORM_TEXT and n * 2 > total


def _text_len(tag: Tag) -> int:
    return len(re.sub(r"\s+", "", tag.get_text()))


# Elements whose own text is a paragraph of the article: the article is their parent. Text
# written straight into a <td>/<div>/<section> (lines split by <br>) makes that element the
# article itself.
_PARAGRAPH_TAGS = frozenset("p li dd dt h1 h2 h3 h4 h5 h6 blockquote pre".split())
_CONTAINER_TAGS = (_BLOCK_TAGS | {"td", "th", "body"}) - {"br", "hr"}


def _own_text(body: Tag) -> tuple[dict[int, Tag], dict[int, int], dict[int, int]]:
    """Each block element's own text length (strings whose nearest block ancestor it is) and
    how much of that is link text."""
    blocks: dict[int, Tag] = {}
    own: dict[int, int] = {}
    linked: dict[int, int] = {}
    for s in body.find_all(string=True):
        n = len(re.sub(r"\s+", "", s))
        if not n:
            continue
        in_link = False
        for parent in s.parents:
            if parent.name == "a":
                in_link = True
            if parent.name in _CONTAINER_TAGS or parent is body:
                blocks[id(parent)] = parent
                own[id(parent)] = own.get(id(parent), 0) + n
                if in_link:
                    linked[id(parent)] = linked.get(id(parent), 0) + n
                break
    return blocks, own, linked


def _main_content(body: Tag) -> list[Tag]:
    """The elements holding the article: the element with the most paragraph text, and its
    siblings that score at least a fifth as well (an article split over several blocks).

    A light Readability: the own text of every block (not counting link text: menus and
    lists of related headlines are links) adds its length to its container — the parent of
    a paragraph, or the block itself when the text sits in it between <br>s — and half to
    the container's parent; the best-scored element wins when it holds a fair share of the
    page's text, else the whole cleaned body is kept.
    """
    blocks, own, linked = _own_text(body)
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for key, el in blocks.items():
        n = own[key] - linked.get(key, 0)
        if n < 10 or linked.get(key, 0) > own[key] / 2:
            continue
        container: Tag | None = el.parent if el.name in _PARAGRAPH_TAGS and isinstance(el.parent, Tag) else el
        for weight in (1.0, 0.5):
            if not isinstance(container, Tag):
                break
            scores[id(container)] = scores.get(id(container), 0.0) + weight * n
            tags[id(container)] = container
            container = container.parent
    if not scores:
        return [body]
    best_id = max(scores, key=lambda k: scores[k])
    best = tags[best_id]
    if best is body or not isinstance(best.parent, Tag):
        return [body]
    chosen = [el for el in best.parent.find_all(True, recursive=False)
              if el is best or scores.get(id(el), 0.0) >= 0.2 * scores[best_id]]
    total = _text_len(body)
    page = best.parent
    if chosen == [best] and isinstance(page.parent, Tag) and _text_len(best) < 0.6 * total:
        # an article over several pages of one kind (a PDF exported page by page:
        # <div class="pf">…</div><div class="pf">…</div>): every such page
        kind = (page.name, (page.get("class") or [""])[0])
        least = 0.2 * _text_len(best)
        pages = [el for el in page.parent.find_all(page.name, recursive=False)
                 if (el.name, (el.get("class") or [""])[0]) == kind and _text_len(el) >= least] if kind[1] else []
        if len(pages) > 1:
            return pages
    if total and sum(_text_len(el) for el in chosen) >= 0.25 * total:
        return chosen
    return [body]


# A row of a data table (序号 姓名 职务 问题 处理结果) is one line of tab-separated cells, however
# its cells are marked up inside (Word-exported tables wrap each cell's text in <p><span>): a
# row of two or more short cells and no nested table. A layout table's row (the whole
# article in one cell, a menu beside it) is longer and keeps its paragraphs.
_DATA_ROW_CHARS = 600


def _flatten_data_rows(root: Tag) -> None:
    for row in root.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        texts = [_text_len(c) for c in cells]
        if sum(1 for n in texts if n) < 2 or sum(texts) > _DATA_ROW_CHARS or row.find("table"):
            continue
        for gap in row.find_all(string=True, recursive=False):
            if not gap.strip():
                gap.extract()  # the source's line breaks between cells
        for cell in cells:
            for br in cell.find_all("br"):
                br.replace_with(" ")
            for el in cell.find_all(_BLOCK_TAGS):
                el.insert_after(" ")
                el.unwrap()


def _block_text(root: Tag) -> str:
    """Text with a line break around every block element (a data table's row is one line of
    tab-separated cells); lines trimmed, blanks dropped."""
    _flatten_data_rows(root)
    for br in root.find_all("br"):
        br.replace_with("\n")
    for el in root.find_all(_BLOCK_TAGS):
        el.insert_before("\n")
        el.insert_after("\n")
    for cell in root.find_all(["td", "th"]):
        cell.insert_after("\t")
    lines = []
    for line in root.get_text().split("\n"):
        line = _TABS.sub("\t", _SPACES.sub(" ", line)).strip(" \t\u3000")
        if line and not _BOILERPLATE_LINE.match(line):
            lines.append(line)
    return "\n".join(lines)


def _title(soup: BeautifulSoup) -> str:
    for h1 in soup.find_all("h1"):
        t = _SPACES.sub(" ", h1.get_text(" ", strip=True))
        if 0 < len(t) <= 120 and not _SITE_NAME.search(t):
            return t
    if soup.title and soup.title.string:
        t = _SPACES.sub(" ", soup.title.string).strip()
        parts = [p for p in _TITLE_SPLIT.split(t) if p]
        # "标题 - 某某纪委监委网站" -> the title; "某某网 - 标题" -> the part that is no site name
        titles = [p for p in parts if not _SITE_NAME.search(p)]
        return (titles or parts or [t])[0]
    return ""


_META_DATE_NAMES = ("pubdate", "publishdate", "publish_date", "firstpublishedtime", "article:published_time",
                    "og:release_date", "dc.date", "dc.date.issued", "date")
_DATE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_PAGE_DATE = re.compile(r"(?:发布时间|发布日期|发表时间|发文日期|更新时间|日期)\s*[:：]\s*" + _DATE)
_PAGE_SOURCE = re.compile(r"(?:来源|信息来源|稿件来源|发布机构)\s*[:：]\s*([^\s|｜　:：]{2,30})")


def _ymd(m: re.Match[str] | None, first: int = 1) -> str:
    if not m:
        return ""
    y, mo, d = (int(m.group(first + k)) for k in range(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


def _page_meta(soup: BeautifulSoup) -> tuple[str, str]:
    """Publication date and source the page states in its meta tags or info line (发布时间：…
    来源：…), which the article text leaves out."""
    date = ""
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or meta.get("property") or "").strip().lower()
        if name in _META_DATE_NAMES:
            date = _ymd(re.match(_DATE, str(meta.get("content") or "").strip()))
            if date:
                break
    source = ""
    for text in soup.stripped_strings:
        if len(text) > 200:
            continue
        date = date or _ymd(_PAGE_DATE.search(text))
        if not source and (m := _PAGE_SOURCE.search(text)):
            source = m.group(1)
        if date and source:
            break
    return date, source


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml")

    def match(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() in self.extensions:
            return True
        # Pages saved without an extension, and the ".doc" downloads of many government sites
        # that are really Word-exported HTML.
        return path.suffix.lower() in _SNIFFED_EXTENSIONS and looks_like_html(head)

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(path, f"cannot open: {exc.strerror or exc}") from exc
        m = _META_CHARSET.search(data[:8192])
        declared = m.group(1).decode("ascii", "replace") if m else None
        try:
            markup, enc, warnings = decode_bytes(data, declared=declared)
        except UndecodableError as exc:
            raise ReadError(path, str(exc)) from exc
        soup = BeautifulSoup(markup, "lxml")
        date, source = _page_meta(soup)  # before the info line goes with the page furniture
        _clean(soup)  # first: a site logo's <h1> in the page header is no title
        title = _title(soup)
        body = soup.body or soup
        # (a PDF exported to HTML keeps the PDF's lines and page furniture: re-joined as in a text copy)
        text = unwrap("\n".join(t for t in (_block_text(el) for el in _main_content(body)) if t))
        if declared and enc.replace("-", "") not in declared.lower().replace("-", "") and not (
                enc == "gb18030" and declared.lower() in ("gb2312", "gbk", "cp936", "gb18030")):
            warnings.append(f"page declares charset {declared} but reads as {enc}")
        return ReadResult(text=text, title=title, fmt="html", encoding=enc, warnings=warnings,
                          date=date, source=source)


READER = HtmlReader()
