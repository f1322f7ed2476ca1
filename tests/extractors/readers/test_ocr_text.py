"""OCR output made into text as typed: spaces between Chinese characters removed, straight
quotation marks made Chinese ones, a line-leading 一一 the dash, traditional lines kept
traditional (no OCR run here: the functions on their own)."""
from __future__ import annotations

from extractors.readers.ocr_text import clean_line, fix_quotes, one_script


def test_clean_line_removes_spaces_between_chinese_and_keeps_numbering():
    assert clean_line("一 、 某 某 镇 财政 所 原 所 长 张 某 某") == "一、某某镇财政所原所长张某某"
    assert clean_line("( 一 ) 共计 3.6 万 元 , 已 收缴") == "(一)共计3.6万元,已收缴"  # widths are the layout's
    assert clean_line("1. 王 某 某 ： 撤销 党 内 职务") == "1.王某某：撤销党内职务"
    assert clean_line("Page layout of 2 files") == "Page layout of 2 files"  # Latin words keep their spaces
    assert clean_line("|1|益民医院|1352.55|") == "| 1 | 益民医院 | 1352.55 |"  # a table row as typed


def test_quotes_and_dashes_as_printed():
    lines = [('在"五人小组"会议上', 0, 0, 0, 0), ("一一湖北省：“三资”管理", 0, 0, 0, 0), ("称“无”字”", 0, 0, 0, 0)]
    assert [t for t, *_ in fix_quotes(lines)] == ["在“五人小组”会议上", "——湖北省：“三资”管理", "称“无”字”"]


def _texts(lines: list[str]) -> list[str]:
    return [t for t, *_ in one_script([(t, 0, 0, 0, 0) for t in lines])]


def test_simplified_forms_in_a_traditional_page_are_made_traditional():
    page = ["某某市纪委监委·典型问题通报",  # a simplified letterhead: left as it is
            "某某縣紀委監委通報：鎮財政所原所長張某某違規收受禮金共計3.6萬元，受到",
            "黨内嚴重警告處分。",  # 内 read for 內: few characters, but the page is traditional
            "二、某某縣農業農村局副局長李某違規公款吃喝問題，虚報5800元。"]
    assert _texts(page) == ["某某市纪委监委·典型问题通报",
                            "某某縣紀委監委通報：鎮財政所原所長張某某違規收受禮金共計3.6萬元，受到",
                            "黨內嚴重警告處分。",
                            "二、某某縣農業農村局副局長李某違規公款吃喝問題，虛報5800元。"]


def test_simplified_pages_and_ambiguous_forms_are_left_alone():
    simplified = ["某某县纪委监委通报：镇财政所原所长张某某违规收受礼金共计3.6万元，", "受到党内严重警告处分。"]
    assert _texts(simplified) == simplified
    # 发 (發 or 髮) and 台 (traditional too) have no single traditional form: kept
    trad = ["某某縣紀委監委通報：違規發放補貼，台帳不實，發现問題整改。"]
    assert _texts(trad) == ["某某縣紀委監委通報：違規發放補貼，台帳不實，發現問題整改。"]
