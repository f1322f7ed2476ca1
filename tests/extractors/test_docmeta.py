"""Title, issuing body and date where documents state them (text of our own)."""
from __future__ import annotations

from extractors.docmeta import document_date, issuer_span, one_line, title_span
from extractors.pipeline import extract_text


def _title(text: str) -> str:
    span = title_span(text)
    return one_line(text[span[0]:span[1]]) if span else ""


def _issuer(text: str) -> str:
    span = issuer_span(text)
    return text[span[0]:span[1]] if span else ""


NEWS = ("首页 > 新闻中心 > 廉政要闻 > 正文\n"
        "某市一街道干部虚报冒领补贴被查\n"
        "2023-04-12 10:21 来源:某某日报 作者:\n"
        "本报记者 周文斌\n"
        "4月11日，记者从湖南省岳阳市平江县纪委监委获悉，该市一街道干部因虚报冒领补贴受到处分。\n"
        "经查，2021年5月至2022年3月，平江县城关街道干部刘某某虚报冒领补贴1.2万元。")

NOTICE = ("中共平安县纪委 平安县监委\n"
          "平纪通〔2022〕6号\n"
          "关于3起违反中央八项规定精神\n"
          "典型问题的通报\n"
          "各乡镇党委、县直各单位：\n"
          "现将3起典型问题通报如下。\n"
          "一、某乡副乡长王某违规收受礼金问题。王某受到党内警告处分。\n"
          "中共平安县纪委\n"
          "2022年9月20日")


def test_news_page_title_date_and_the_body_its_source_names():
    assert _title(NEWS) == "某市一街道干部虚报冒领补贴被查"
    assert document_date(NEWS) == "2023-04-12"  # the info line's, not the incident's 2021年5月
    assert _issuer(NEWS) == "湖南省岳阳市平江县纪委监委"  # the place chain, not 记者从…


def test_letterhead_two_line_title_and_signature_date():
    assert _title(NOTICE) == "关于3起违反中央八项规定精神典型问题的通报"
    assert _issuer(NOTICE) == "中共平安县纪委 平安县监委"
    assert document_date(NOTICE) == "2022-09-20"


def test_text_that_opens_with_its_body_has_no_title_and_no_date():
    text = ("2021年3月，某县某村党支部书记赵某某违规操办儿子婚宴，收受礼金2.6万元。\n"
            "根据省委第二巡视组交办的问题线索，县纪委监委对赵某某立案审查。")
    assert _title(text) == ""
    assert document_date(text) == ""  # the first date is the incident's
    assert _issuer(text) == "县纪委监委"  # not the 巡视组 the lead came from


def test_original_title_line_and_quoted_opening():
    assert _title("原标题：被挪用的养老补贴\n“钱是我挪的。”某村会计说。\n正文继续。") == "被挪用的养老补贴"
    assert _title("“钱不是我的，我知道。”\n某村会计周某挪用集体资金5万元。") == ""


def test_document_metadata_reaches_the_extracted_document():
    doc = extract_text(NOTICE)
    assert (doc.title, doc.issuer, doc.date) == (
        "关于3起违反中央八项规定精神典型问题的通报", "中共平安县纪委 平安县监委", "2022-09-20")
