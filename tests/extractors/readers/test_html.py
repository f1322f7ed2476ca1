"""HTML pages: the article's paragraphs, none of the page furniture, GBK pages decoded."""
from __future__ import annotations

from extractors.readers import read_file


def test_gbk_page_keeps_paragraphs_drops_furniture(fixtures, notice_lines):
    result = read_file(fixtures / "notice_gbk.html")
    assert result.fmt == "html" and result.encoding == "gb18030"
    assert result.title == "关于3起违反中央八项规定精神问题的通报"
    lines = result.text.splitlines()
    assert lines == notice_lines  # every paragraph, one per line, in order, nothing else
    for junk in ("首页", "工作动态", "当前位置", "脚本文字", "分享到", "微信", "打印本页", "关闭窗口",
                 "版权所有", "备案号", "font-family", "浏览次数"):
        assert junk not in result.text, junk


def test_utf8_page_with_br_and_table(tmp_path):
    page = tmp_path / "page.htm"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>通报 | 某某市纪委监委</title></head><body>"
        "<nav>首页 工作动态</nav><article><p>一、张某违规收受礼金1万元。<br>张某受到党内警告处分。</p>"
        "<table><tr><td>姓名</td><td>处分</td></tr><tr><td>张某</td><td>党内警告</td></tr></table>"
        "<div>二、李某违规操办婚宴。</div></article><footer>版权所有</footer>"
        "<script>alert('x')</script></body></html>", encoding="utf-8")
    result = read_file(page)
    assert result.text.splitlines() == ["一、张某违规收受礼金1万元。", "张某受到党内警告处分。",
                                         "姓名\t处分", "张某\t党内警告", "二、李某违规操办婚宴。"]
    assert result.title == "通报"


def test_meta_charset_that_lies_is_detected(tmp_path):
    page = tmp_path / "lies.html"
    body = "<html><head><meta charset='gb2312'></head><body><p>某某县纪委通报：王某违规发放补贴3000元。</p></body></html>"
    page.write_bytes(body.encode("utf-8"))  # declared gb2312, really UTF-8
    result = read_file(page)
    assert "王某违规发放补贴3000元" in result.text
    assert result.encoding == "utf-8"
    assert any("declares charset gb2312" in w for w in result.warnings)


def test_html_sniffed_without_extension(tmp_path):
    page = tmp_path / "saved_page"
    page.write_text("<!DOCTYPE html><html><body><p>某某县纪委通报了两起问题。</p></body></html>", encoding="utf-8")
    result = read_file(page)
    assert result.fmt == "html" and result.text == "某某县纪委通报了两起问题。"


def test_article_split_over_sibling_blocks_and_old_table_layout(tmp_path):
    page = tmp_path / "old.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><td class='menu'><a>首页</a> <a>机构设置</a> <a>曝光台</a></td></tr>"
        "<tr><td><div class='part'><p>一、某某镇原镇长赵某违规收受礼金问题。赵某收受礼金共计4万元。</p>"
        "<p>赵某受到留党察看一年处分。</p></div>"
        "<div class='part'><p>二、某某村会计钱某挪用集体资金问题。钱某挪用资金15万元。</p>"
        "<p>钱某受到开除党籍处分。</p></div></td></tr>"
        "<tr><td>主办单位：某某县纪委监委 地址：某某路1号 电话：0000-1234567</td></tr>"
        "</table></body></html>", encoding="utf-8")
    lines = read_file(page).text.splitlines()
    assert lines == ["一、某某镇原镇长赵某违规收受礼金问题。赵某收受礼金共计4万元。", "赵某受到留党察看一年处分。",
                     "二、某某村会计钱某挪用集体资金问题。钱某挪用资金15万元。", "钱某受到开除党籍处分。"]


def test_logo_h1_in_page_header_is_not_the_title(tmp_path):
    page = tmp_path / "logo.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>关于两起问题的通报 - 某某县纪委监委网站</title></head><body>"
        "<div class='header'><h1>某某县纪委监委网站</h1></div>"
        "<div class='content'><p>一、张某违规收受礼金问题。张某收受礼金1万元，受到党内警告处分。</p></div>"
        "</body></html>", encoding="utf-8")
    result = read_file(page)
    assert result.title == "关于两起问题的通报"
    assert result.text == "一、张某违规收受礼金问题。张某收受礼金1万元，受到党内警告处分。"


def _page(path, body: str, head: str = ""):
    """A UTF-8 page with this body (and extra head elements)."""
    path.write_text(f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return path


def test_publication_date_and_source_from_the_info_line_or_meta(tmp_path):
    result = read_file(_page(
        tmp_path / "info.html",
        "<div class='top'>首页</div><h1>市纪委监委通报2起问题</h1>"
        "<div class='info'>发布时间：2024-02-06 10:30　来源：市纪委监委　【打印】</div>"
        "<div class='TRS_Editor'><p>1.曹某违规收受礼品问题。2023年中秋节期间，曹某收受礼品价值4200元。</p></div>"))
    assert (result.date, result.source) == ("2024-02-06", "市纪委监委")
    assert "发布时间" not in result.text  # the info line stays out of the article text
    result = read_file(_page(tmp_path / "meta.html", "<p>2019年3月，张某违规收受礼金1万元。张某受到党内警告处分。</p>",
                             head="<meta name='PubDate' content='2023/11/2 09:15'>"))
    assert result.date == "2023-11-02" and result.source == ""  # 2019年3月 is the incident's, not the page's


def test_page_date_and_source_reach_the_document(tmp_path):
    from extractors.pipeline import extract_file

    doc = extract_file(_page(
        tmp_path / "page.html",
        "<h1>通报</h1><div class='info'>发布日期：2024年2月6日 来源：某某县纪委监委</div>"
        "<div><p>一、县财政局干部曹某违规收受礼品问题。曹某收受礼品价值4200元，受到党内警告处分。</p>"
        "<p>二、县交通局干部潘某违规公款吃喝问题。潘某支出公款1.06万元，受到政务记过处分。</p></div>"))
    assert (doc.date, doc.issuer) == ("2024-02-06", "某某县纪委监委")


def test_text_between_br_in_a_table_cell_beside_a_column_of_links(tmp_path):
    # An older county site: the article written straight into a <td> with <br> line breaks
    # (and a photo paragraph inside it), a side column of related headlines, a link menu.
    related = "".join(f"<li><a href='/{i}.html'>某某市通报{i}起违规吃喝问题的典型案例</a></li>" for i in range(2, 7))
    page = tmp_path / "county.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><td><a href='/'>首页</a><a href='/a'>工作动态</a><a href='/b'>曝光台</a></td></tr>"
        "<tr><td>　　一、某某乡副乡长孙某违规收受礼金问题。孙某收受管理服务对象礼金2万元。<br>"
        "<p><img src='1.jpg'></p>"
        "　　二、某某村主任周某虚报冒领补贴问题。周某冒领补贴8000元。<br></td>"
        f"<td><b>最新文章</b><ul>{related}</ul></td></tr></table></body></html>", encoding="utf-8")
    lines = read_file(page).text.splitlines()
    assert lines == ["一、某某乡副乡长孙某违规收受礼金问题。孙某收受管理服务对象礼金2万元。",
                     "二、某某村主任周某虚报冒领补贴问题。周某冒领补贴8000元。"]


def test_paragraphs_each_in_their_own_section_are_all_kept(tmp_path):
    # A re-posted public-account article: every paragraph wrapped in its own <section>, short
    # ones among them; a list of "往期推荐" links after it.
    paras = ["某某县纪委监委通报2起典型问题。", "一、王某违规发放津贴补贴问题。",
             "王某违规发放补贴共计1.2万元，受到党内警告处分。", "二、赵某公款吃喝问题。", "赵某受到诫勉谈话。"]
    sections = "".join(f"<section><p><span>{p}</span></p></section>" for p in paras)
    links = "".join(f"<p><a href='/{i}'>往期推荐：某某镇干部违纪案例剖析第{i}期</a></p>" for i in range(4))
    page = tmp_path / "wechat.html"
    page.write_text(f"<html><body><div id='js_content'><section>{sections}</section></div>"
                    f"<div class='rel'>{links}</div></body></html>", encoding="utf-8")
    assert read_file(page).text.splitlines() == paras


def test_an_article_a_cms_wraps_in_a_form_is_kept_a_search_form_is_not(tmp_path):
    body = "".join(f"<p>（{n}）某县某局局长王某{n}违规公款吃喝，花费公款{n}万元。王某{n}受到党内警告处分，"
                   f"违纪款项已全部收缴，相关责任人也被严肃问责。</p>" for n in "一二三四五")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>通报3起典型问题</title></head><body>"
        "<form action='/search'><input name='q'><span>站内搜索</span><button>搜索</button></form>"
        f"<div class='article'><h1>通报3起典型问题</h1><form name='_newscontent_fromname'>"
        f"<div id='vsb_content'>{body}</div></form></div></body></html>", encoding="utf-8")
    text = read_file(page).text
    assert "（一）某县某局局长王某一" in text and "（三）" in text and "站内搜索" not in text


def test_a_print_version_whose_wrapper_is_named_print_keeps_its_article(tmp_path):
    body = "".join(f"<p>（{n}）某局局长周某{n}违规公款吃喝，花费公款{n}万元，受到党内警告处分，违纪款项已全部收缴。</p>"
                   for n in "一二三四")
    text = read_file(_page(
        tmp_path / "print.html",
        "<div class='print_wrap'><div class='print_head'>某市纪委监委网站 —— 打印版</div>"
        "<div class='print_bar noprint'><a href='#'>【打印】</a><a href='#'>【关闭】</a></div>"
        f"<h1>某局巡察反馈情况</h1><div class='content'>{body}</div></div>")).text
    assert "（一）某局局长周某一" in text and "（四）" in text and "打印版" not in text


def test_a_pdf_exported_page_by_page_is_read_whole_and_rejoined(tmp_path):
    line = "　　（{n}）某学院基建处原处长孙某{n}违规插手工程项目，收受工程承包商财物共计{n}万元，受到开除党籍处分。"
    lines = [line.format(n=n) for n in "一二三四五六"]
    chunks = [ln[k:k + 28] for ln in lines for k in range(0, len(ln), 28)]
    half = len(chunks) // 2

    def page(no: int, part: list[str]) -> str:
        rows = "".join(f"<div class='t m0 x2 h2'>{c}</div>" for c in part)
        return (f"<div id='pf{no}' class='pf w0 h0'><div class='pc pc{no} w0 h0'>"
                f"<div class='t m0 x5 h3'>某学院党委关于巡视整改情况的通报</div>{rows}"
                f"<div class='t m0 x4 h3'>— {no} —</div></div></div>")

    text = read_file(_page(tmp_path / "pdf.html",
                           f"<div id='page-container'>{page(1, chunks[:half])}{page(2, chunks[half:])}</div>")).text
    for n in "一二三四五六":
        assert f"孙某{n}违规插手工程项目" in text, n
    assert "— 1 —" not in text


def test_word_exported_table_row_is_one_line_of_cells(tmp_path):
    """Cells whose text sits in <p><span> (tables pasted from Word) still give one row per
    line, so a row's name, post and problem stay together."""
    cell = "<td><p style='margin:0'><span>{}</span></p></td>"
    rows = [("序号", "姓名", "单位及职务", "主要问题"),
            ("1", "卢振东", "某镇财政所原所长", "收受商户所送购物卡，折合共计2.3万元"),
            ("2", "欧阳慧", "某局办公室主任", "多次违规使用公务用车办理私事")]
    table = "".join("<tr>\n  " + "\n  ".join(cell.format(c) for c in r) + "\n</tr>" for r in rows)
    page = tmp_path / "table.html"
    page.write_text(f"<html><head><meta charset='utf-8'></head><body><div class='content'>"
                    f"<p>现将有关问题通报如下：</p><table>{table}</table>"
                    f"<p>各级党组织要引以为戒。</p></div></body></html>", encoding="utf-8")
    lines = read_file(page).text.splitlines()
    assert lines == ["现将有关问题通报如下：", "\t".join(rows[0]), "\t".join(rows[1]), "\t".join(rows[2]),
                     "各级党组织要引以为戒。"]
