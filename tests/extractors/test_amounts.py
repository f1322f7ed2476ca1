"""Money amounts: values in yuan, approximations, ranges, roles, spans, and what is not money."""
from __future__ import annotations

import pytest

from extractors.amounts import extract_amounts


def values(text: str) -> list[float]:
    return [a.value for a in extract_amounts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("违规领取国家危房改造资金17500元。", [17500]),
        ("共和村平分低保资金共计65.53万元。", [655300]),
        ("以致多拨付4.33万余元工程款", [43300]),
        ("违规发放津贴补贴共计13.9万余元", [139000]),
        ("涉案金额13余万元", [130000]),
        ("套取资金2100余万元", [21_000_000]),
        ("存贷利息差额652万多元", [6_520_000]),
        ("培训费3800多元", [3800]),
        ("签订9.4亿元精准扶贫贷款合同", [940_000_000]),
        ("并处罚金人民币50万元", [500_000]),
        ("并处罚金53.5万元", [535_000]),
        ("收受礼金1,234.5元", [1234.5]),
        ("共计12,500元", [12500]),
        ("违规收受购物卡三万五千元", [35000]),
        ("向当班人员发放壹万元以上补助", [10000]),
        ("收受红包二十余万元", [200_000]),
        ("贪污公款一百二十万元", [1_200_000]),
        ("造成损失两千元", [2000]),
        ("按照每人每次100元的标准", [100]),
        ("每年每户30元，每人10元，共计3000元", [30, 10, 3000]),
        ("收受价值2000元的购物卡", [2000]),
        ("租金为每亩800元/年", [800]),
        ("补助标准1200元/人", [1200]),
        ("每月工资5000元/月", [5000]),
        ("违规套取资金５０００元", [5000]),
        ("违规套取资金１２.５万元", [125000]),
        ("涉及资金3亿元", [300_000_000]),
        ("挪用5千元", [5000]),
        ("收受他人财物共计折合人民币86.3万元", [863000]),
        ("收受礼金 5000 元", [5000]),
        ("侵占集体资金近万元", [10000]),
        ("收受礼金万余元", [10000]),
        ("收受好处费约5000元", [5000]),
        ("违规报销费用逾20万元", [200_000]),
        ("支付工程款1.5千万元", [15_000_000]),
        ("非法获利10块钱", [10]),
        ("每人收取两元", [2]),
        ("按每斤一元的价格", [1]),
        ("买衣服花了6万多块是怎么回事", [60000]),
        ("收了他3000块，没有上交", [3000]),
        ("收受红包1万2千元", [12000]),
        ("收受红包3万5000元", [35000]),
        ("涉案资金1亿2千万元", [120_000_000]),
        ("涉案资金3亿5000万元", [350_000_000]),
        ("骗取扶贫资金76万8千元", [768_000]),
        ("违规支出玖仟伍佰元", [9500]),
        ("违规支出一万零五百元", [10500]),
        ("收受红包十多万元", [100_000]),
        ("收受人民币壹仟元整", [1000]),
        ("违规发放补助千余元", [1000]),
        ("分别为3000元、5000元和8000元", [3000, 5000, 8000]),
    ],
)
def test_values(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "全市共查处问题123起，处理158人，占比36.2%。",
        "将该组1.6万平方米的土地租赁给他人18年",
        "流转土地300亩，涉及农户45户，村民1200人",
        "2019年9月15日，该村召开会议",
        "时年56岁的张某某",
        "连续3次违规，被判处有期徒刑五年",
        "2020元旦期间",
        "数十万元",
        "上万元",
        "每万元贷款",
        "推动一元化管理",
        "投入上千万元资金",
        "公务用车(鲁A40005)",
        "给予党纪政纪处分129人",
        "依据《中国共产党纪律处分条例》第一百零五条",
        "10万美元",
        "送来两块牌子",
        "福建省三明市三元区纪委",
        "向村民刘一元借款",
        "将土地分成3块，",
        "共有3块田",
    ],
)
def test_not_money(text: str) -> None:
    assert extract_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("以800-15600元的金额分配", 800, 15600),
        ("每户补助5000至8000元", 5000, 8000),
        ("每户补助5000元至8000元", 5000, 8000),
        ("每户补助5000到8000元", 5000, 8000),
        ("罚款3万至5万元", 30000, 50000),
        ("每人收取2至3万元", 20000, 30000),
        ("补助标准为1000～2000元", 1000, 2000),
        ("金额在1.5-2.5万元之间", 15000, 25000),
        ("一万至两万元", 10000, 20000),
        ("两到三万元", 20000, 30000),
        ("十八至三十万元", 180000, 300000),
        ("一千到两千万元", 10_000_000, 20_000_000),
        ("两到三千元", 2000, 3000),
        ("从8500到3万元", 8500, 30000),  # sharing 万 would put the low end above the high end
        ("八千至一万元", 8000, 10000),
        ("2——3万元", 20000, 30000),
        # two neighbouring digits before one unit: a rough range
        ("每次收取两三万元好处费", 20000, 30000),
        ("每户多收七八千元", 7000, 8000),
        ("涉及资金一二十万元", 100000, 200000),
        ("每人3、4万元不等", 30000, 40000),
    ],
)
def test_ranges_give_both_ends(text: str, low: float, high: float) -> None:
    items = extract_amounts(text)
    assert [(a.value, a.range_part) for a in items] == [(low, "low"), (high, "high")]
    assert items[0].text == items[1].text


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("4.33万余元", True), ("3800多元", True), ("13余万元", True), ("约5000元", True),
        ("近3万元", True), ("超过10万元", True), ("5000元左右", True), ("5000元", False),
        ("65.53万元", False),
    ],
)
def test_approximate_flag(text: str, approximate: bool) -> None:
    (item,) = extract_amounts(text)
    assert item.approximate is approximate


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("违规领取危房改造资金17500元", "involved"),
        ("涉案金额共计13.5万元", "involved"),
        ("骗取养老保险金2.6万元", "involved"),
        ("收受礼金共计43.89万元", "involved"),
        ("违纪资金8511元已追缴", "involved"),
        ("追缴违纪款项5.6万元", "recovered"),
        ("为群众挽回经济损失120万元", "recovered"),
        ("所发补助3.2万元已全部清退", "recovered"),
        ("主动退回礼金9.23万元", "returned"),
        ("上缴违纪所得4.31万元", "returned"),
        ("已退缴违纪款2万元", "returned"),
        ("并处罚金人民币50万元", "fined"),
        ("被处以罚款2000元", "fined"),
        ("村出纳将上调低保金基数增加的8511元据为己有", "involved"),
        ("按户籍人口数平分低保资金共计65.53万元", "involved"),
        ("会议在县城召开，花费2288元", ""),
    ],
)
def test_roles(text: str, role: str) -> None:
    (item,) = extract_amounts(text)
    assert item.role == role


def test_spans_point_into_the_text() -> None:
    text = "2019年，张某某违规领取低保金1.2万余元，并处罚金人民币5000元；涉及2至3万元。"
    items = extract_amounts(text)
    assert [text[a.start:a.end] for a in items] == [a.text for a in items]
    assert [a.text for a in items] == ["1.2万余元", "人民币5000元", "2至3万元", "2至3万元"]


def test_same_value_twice_stays_twice_overlaps_do_not_double_count() -> None:
    text = "24户平均分配公益性岗位补助资金5.12万元。5.12万元公益性岗位补助资金已全额兑付。"
    assert values(text) == [51200, 51200]
    # 4.33万余元 must not also yield 万余元 (10000) from its tail
    assert values("多拨付4.33万余元工程款") == [43300]


def test_traditional_converted_and_fullwidth_punctuation() -> None:
    # as the normaliser hands it over: simplified script, full-width Chinese punctuation kept
    text = "（一）某镇财政所所长李某某，虚报冒领补贴资金共计１２，０００元。"
    assert values(text) == [12000]


def test_raw_traditional_script_still_parses() -> None:
    text = "違規發放津貼補貼共計13.9萬余元，收受禮金貳萬元"
    assert values(text) == [139000, 20000]
    assert [a.text for a in extract_amounts(text)] == ["13.9萬余元", "貳萬元"]


def test_empty_text() -> None:
    assert extract_amounts("") == []


@pytest.mark.parametrize(
    "text",
    ["1" * 5000 + "元", "万" * 3000 + "元", "一" * 3000 + "元", "1," * 2000 + "元",
     "1" * 400 + "万" + "1" * 400 + "元", "九" * 30 + "亿元"],
)
def test_garbage_numerals_are_no_money_and_no_crash(text: str) -> None:
    assert extract_amounts(text) == []


# Forms of money in official Chinese writing, one row each (sentences written for this test):
# numerals, units, 余/多/几, words before (近/约/逾/达/共计/合计/人均/每人), unit rates, widths,
# separators, money said without 元, and what merely looks like money.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("违规发放补贴5万元以上", [50000]),
        ("侵占资金近10万元", [100000]),
        ("共计人民币3.5万元", [35000]),
        ("合计12800元", [12800]),
        ("人均发放过节费800元", [800]),
        ("每人发放购物卡500元", [500]),
        ("每户每月补助300元", [300]),
        ("补助标准200元/人", [200]),
        ("土地租金500元/亩", [500]),
        ("套取资金1.2亿余元", [120_000_000]),
        ("收受红包千余元", [1000]),
        ("涉案金额达百万元", [1_000_000]),
        ("涉嫌收受逾千万元好处费", [10_000_000]),
        ("违规占用资金近千元", [1000]),
        ("收受礼金1 000元", [1000]),
        ("虚报冒领资金12 500元", [12500]),
        ("收受礼金10, 000元", [10000]),
        ("违规发放奖金１２．５万元", [125000]),
        ("违规发放奖金12.5 万元", [125000]),
        ("三万五千元", [35000]),
        ("4.5亿元", [450_000_000]),
        ("1,234.56元", [1234.56]),
        ("人民币5000元", [5000]),
        ("5千元", [5000]),
        ("十余万元", [100000]),
        ("十几万元", [100000]),
        ("二十几万元", [200000]),
        ("13余万元", [130000]),
        ("10万余元", [100000]),
        ("1万多元", [10000]),
        ("一百多万元", [1_000_000]),
        ("两千多元", [2000]),
        ("3亿多元", [300_000_000]),
        ("五万余元", [50000]),
        ("拾万元", [100000]),
        ("一千二百元", [1200]),
        ("0.5万元", [5000]),
        ("价值3000余元的购物卡", [3000]),
        ("共收受礼金20余次计5万元", [50000]),
        ("发放慰问金2次共计6000元", [6000]),
        ("折合人民币12万元", [120000]),
        ("金额：4800元", [4800]),
        ("3万余元、5万元", [30000, 50000]),
        ("送给他2万块", [20000]),
        # money said without 元: a money word right after, or before it when the sum ends the clause
        ("老板说给他8万年薪，让他管工地", [80000]),
        ("收了5万现金", [50000]),
        ("向对方索要好处费1万，", [10000]),
        ("被处以罚款2万。", [20000]),
        ("报销单据金额￥5,000.00，", [5000]),
        ("收受2万元、3万元", [20000, 30000]),
        ("税款壹仟玖佰圆整", [1900]),
        ("1、2万元用于购买办公用品", [20000]),  # an item number, not a range
    ],
)
def test_money_forms(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "收受礼金数万元",  # no stated number
        "几十万元", "上百万元", "数百万元", "万元以上", "千元以上",
        "联系电话13912345678元",  # an 11-digit run glued to 元 is a phone number, not a sum
        "编号000元",
        "2019年元旦期间走访慰问", "元月份召开会议", "该小区3单元", "元宵节期间收受", "公元2019年",
        "张元收受礼金", "副县长张元", "化学元素", "电子元器件",
        "收受5000美元", "收受10万港元", "收受港币两千元",  # no rate to yuan is stated: not counted
        "工作圆满完成",
        "流转土地1.6万亩，", "全县8万人", "涉及群众3万余人，", "人口10万。",
    ],
)
def test_not_money_forms(text: str) -> None:
    assert extract_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a unit rate or fee: 每 shortly before the sum, 标准为, /户 or 的标准 after it
        ("按照每户30元的标准向村民收取卫生费", [("30元", "rate")]),
        ("向全组村民每人加收水费8元，共计收取2640元", [("8元", "rate"), ("2640元", "involved")]),
        ("补助标准为每亩600元", [("600元", "rate")]),
        ("每月虚报补助共计1.8万元", [("1.8万元", "involved")]),  # a total over the months
        ("保洁费按45元/户收取", [("45元", "rate")]),
        ("随后向每户索要3000元共1.2万元好处费", [("3000元", "rate"), ("1.2万元", "involved")]),
        # a statistic over many cases: a count of cases or people, or a scope with a total
        ("今年以来，全区共查处侵害群众利益问题37起，处理52人，涉及金额1280万元", [("1280万元", "statistic")]),
        ("本轮巡察共发现问题46个，涉及资金310万元", [("310万元", "statistic")]),
        ("全县累计追回各类资金96万元", [("96万元", "statistic")]),
        ("该园区当年产值8000万元", [("8000万元", "statistic")]),
        # 累计 alone, or a count that is no count of reported cases: one official's sum
        ("李某累计收受礼金4.5万元", [("4.5万元", "involved")]),
        ("2019年以来，李某共套取补贴3.3万元", [("3.3万元", "involved")]),
        ("李某在全镇范围内累计收取好处费2万元", [("2万元", "involved")]),
        ("刘某在办理5起信访事项中收受好处费6000元", [("6000元", "involved")]),
        # a budget or a project's value, nearer the sum than any misconduct word
        ("该项目总投资760万元，王某从中收受好处费8万元", [("760万元", "budget"), ("8万元", "involved")]),
        ("违规将合同金额1350万元的道路工程发包给亲属", [("1350万元", "budget")]),
        ("与某公司签订2.5亿元的建设合同", [("2.5亿元", "budget")]),
        ("虚报工程造价18万元", [("18万元", "involved")]),  # the value inflated is the misconduct's
        ("对其处罚3000元", [("3000元", "fined")]),
        ("扶贫资金6.5万元被村干部截留", [("6.5万元", "involved")]),  # the passive
    ],
)
def test_rates_statistics_and_budgets(text: str, wanted: list[tuple[str, str]]) -> None:
    assert [(a.text, a.role) for a in extract_amounts(text)] == wanted


def test_money_column_of_a_table_takes_its_unit_from_the_header():
    """A notice as a table: the 金额（元）/（万元） header gives the unit of the bare numbers."""
    from extractors.amounts import column_amounts

    text = ("序号\t单位\t问题\t处理\t违规金额（元）\t罚款（万元）\n"
            "1\t某县某药房\t串换药品\t追回医保基金\t12,480.50\t2.5\n"
            "2\t某镇卫生院\t重复收费3次\t通报批评\t6318\t—\n")
    row1 = text.index("1\t")
    row2 = text.index("2\t某镇")
    got = column_amounts(text, row1, row2 - 1)
    assert [(a.text, a.value) for a in got] == [("12,480.50", 12480.5), ("2.5", 25000.0)]
    assert text[got[0].start:got[0].end] == "12,480.50"
    assert [a.value for a in column_amounts(text, row2, len(text))] == [6318.0]  # 3次 is no money
    assert column_amounts("甲\t乙\n1\t2\n", 4, 7) == []  # no money column


@pytest.mark.parametrize("text, want", [
    ("三年来垃圾清运费居然高达40多万，不符合常理！", [400000.0]),
    ("某公司总经理利用公款宴请老同学，一顿饭就花去4万多。", [40000.0]),
    ("该县新增就业3万人，培训费用保障到位。", []),
])
def test_a_sum_without_yuan_after_a_fee_or_a_spending_verb_is_money(text, want):
    assert [a.value for a in extract_amounts(text)] == want


@pytest.mark.parametrize("text, want", [
    ("这位局长把医保基金当私人金库，单笔受贿就超1300万。", [13000000.0]),
    ("此人被控受贿600多万，还涉嫌滥用职权。", [6000000.0]),
    ("两名合作社负责人诈骗农机补贴370万，一审获刑。", [3700000.0]),
    ("因受贿被查的该局共有干部职工2万，", []),
])
def test_a_sum_without_yuan_told_as_the_deeds_own_is_money(text, want):
    """受贿…1300万 / 诈骗…补贴370万: the sum a deed took, in prose that drops 元; not a count of people."""
    assert [a.value for a in extract_amounts(text)] == want
