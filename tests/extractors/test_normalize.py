"""Normalisation: simplified script, half-width ASCII, no markup, and an exact way back."""
from __future__ import annotations

import pytest

from extractors.normalize import normalize, to_simplified


def test_traditional_to_simplified_keeps_length_and_offsets():
    src = "長埫口鎮白三洲村黨支部書記鐘臘平等人違規問題"
    n = normalize(src)
    assert n.text == "长埫口镇白三洲村党支部书记钟腊平等人违规问题"
    i = n.text.index("钟腊平")
    assert n.original_text(i, i + 3) == "鐘臘平"


def test_full_width_digits_letters_and_percent_become_ascii():
    n = normalize("共计１２．５万元，占比３６．２％，车牌ＡＢ１２３")
    assert n.text == "共计12.5万元，占比36.2%，车牌AB123"
    i = n.text.index("12.5万元")
    assert n.original_text(i, i + len("12.5万元")) == "１２．５万元"


def test_chinese_punctuation_is_left_alone():
    assert normalize("一、张三，李四；王五：").text == "一、张三，李四；王五："


@pytest.mark.parametrize("src, want", [
    ("省紀(jì)委監(jiān)察廳", "省纪委监察厅"),
    ("超標(biāo)準(zhǔn)接待", "超标准接待"),
    ("纪（jì）委", "纪委"),
])
def test_ruby_pinyin_annotations_are_removed(src, want):
    n = normalize(src)
    assert n.text == want
    assert n.original_text(0, len(n.text)) == src


def test_toneless_pinyin_annotations_are_removed_where_a_page_has_several():
    """Mirror pages print pinyin without tone marks (運輸廳(ting), 的(de)(de)): gone where they come by
    the handful; a lone letter in parens (条款(a)) stays."""
    src = "河北省交通運輸廳(ting)副廳(ting)長潘曉東涉嫌嚴重違(wei)紀違(wei)法,在反腐的(de)(de)當下被查。"
    n = normalize(src)
    assert n.text == "河北省交通运输厅副厅长潘晓东涉嫌严重违纪违法,在反腐的当下被查。"
    i = n.text.index("潘晓东")
    assert n.original_text(i, i + 3) == "潘曉東"
    assert normalize("依照该条款(a)项处理").text == "依照该条款(a)项处理"


def test_markup_entities_and_odd_whitespace():
    n = normalize("  <p>村党支部书记&nbsp;&nbsp;王某</p>\r\n挪用　资金 3 万元&amp;利息 ABC def")
    assert n.text == "村党支部书记王某\n挪用资金3万元&利息ABC def"


def test_span_maps_back_over_removed_characters():
    src = "紀(jì)委書記<b>張三</b>受到處分"
    n = normalize(src)
    i = n.text.index("张三")
    a, b = n.span(i, i + 2)
    assert src[a:b] == "張三"
    a, b = n.span(0, len(n.text))
    assert (a, b) == (0, len(src))


def test_simplified_text_is_unchanged_and_fast_path():
    s = "村党支部书记王某虚报冒领低保金2万元"
    assert to_simplified(s) is s
    assert normalize(s).text == s


def test_empty_text():
    n = normalize("")
    assert n.text == "" and n.span(0, 0) == (0, 0)


def test_a_space_table_whose_cells_wrap_onto_indented_lines_keeps_each_row_whole():
    text = ("序号   单位       当事人及职务          主要问题                                   处理情况\n"
            "1      东田村     村党支部书记叶某某    将村道硬化工程直接发包给其                 党内严重警告\n"
            "                                         妻弟承建，工程款计28.5万元\n"
            "2      西坑村     村报账员吴某          将村集体流转收入12,400元存入个人账户，     党内警告\n"
            "                                         长期挪作个人使用\n"
            "3      镇服务中心 主任张某军            验收把关不严，致使多拨付工程款3.2万元      诫勉\n")
    n = normalize(text)
    rows = n.text.splitlines()
    assert len(rows) == 4 and rows[1].split("\t")[-1] == "妻弟承建，工程款计28.5万元"
    assert rows[2].startswith("2\t西坑村") and "长期挪作个人使用" in rows[2]
    start = n.text.index("28.5万元")
    assert text[slice(*n.span(start, start + 6))] == "28.5万元"  # offsets still hold


def test_a_letter_l_typed_for_the_digit_one_is_read_as_one():
    n = normalize("胡某挪用公款l2萬餘元，虛報l42個沼氣池。")
    assert n.text == "胡某挪用公款12万余元，虚报142个沼气池。"
    assert n.original[slice(*n.span(6, 11))] == "l2萬餘元"  # offsets still point at the original
    assert normalize("the l2 cache").text == "the l2 cache"


def test_corner_brackets_read_as_curly_quotes():
    """「雙開」 on a traditional-script page reads as “双开”, offsets one for one."""
    n = normalize("遭到「雙開」處分")
    assert n.text == "遭到“双开”处分" and n.original_text(2, 6) == "「雙開」"


def test_party_masked_with_an_asterisk_is_read_as_party():
    """Pages that filter the word 党 print it as *: the rules must still read 党内警告, 开除党籍, 党员."""
    text = "张某受到*内严重警告处分，李某被开除*籍，村*员王某受到*内警告处分。"
    n = normalize(text)
    assert n.text == "张某受到党内严重警告处分，李某被开除党籍，村党员王某受到党内警告处分。"
    assert n.original_text(4, 10) == "*内严重警告"
    # a name masked the same way (秦*) and other asterisks stay as written
    assert normalize("参保人秦*、唐*生的医保卡被冒用。").text == "参保人秦*、唐*生的医保卡被冒用。"
