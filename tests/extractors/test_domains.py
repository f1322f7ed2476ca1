"""Domains: one per field of work, with its first evidence span."""
from __future__ import annotations

import pytest

from extractors.domains import domain_mentions, domains_within, extract_domains


def codes(text: str) -> list[str]:
    return [d.code for d in extract_domains(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("以推选低保顶替户的方式套取低保金", "subsistence_allowance"),
        ("违规办理最低生活保障", "subsistence_allowance"),
        ("医保资金使用不规范", "medical_insurance"),
        ("违规出租集体资产", "collective_assets"),
        ("“三资”管理混乱", "collective_assets"),
        ("插手工程项目，违规发包", "construction_projects"),
        ("截留精准扶贫专项贷款", "poverty_alleviation"),
        ("落实乡村振兴战略不力", "poverty_alleviation"),
        ("虚报冒领耕地地力保护补贴", "farm_subsidies"),
        ("套取粮食直补资金", "farm_subsidies"),
        ("违规审批宅基地", "farmland"),
        ("挪用学校营养餐资金", "education"),
        ("违规申报危房改造对象", "dilapidated_housing"),
        ("为其奶奶申报高龄补贴", "elderly_subsidies"),
        ("申请办理临时救助", "social_assistance"),
        ("虚报征地拆迁补偿款", "land_acquisition"),
        ("县人民医院药品采购", "health_care"),
        ("超标准公务接待", "official_reception"),
        ("私自驾驶公务用车", "official_cars"),
        ("污染防治统筹力度不够", "environment"),
        ("违规分配公租房", "housing"),
    ],
)
def test_domain_cues(text: str, code: str) -> None:
    assert code in codes(text)


def test_one_domain_per_code_first_evidence() -> None:
    text = "张某违规领取低保金，又为亲属办理低保，并套取最低生活保障资金。"
    found = extract_domains(text)
    low = [d for d in found if d.code == "subsistence_allowance"]
    assert len(low) == 1
    assert (low[0].text, low[0].start) == ("低保", text.index("低保"))
    assert text[low[0].start:low[0].end] == low[0].text
    assert low[0].label == "低保"


@pytest.mark.parametrize("text", ["", "会议强调，要深入学习贯彻党的二十大精神。", "保持清正廉洁"])
def test_no_domain(text: str) -> None:
    assert codes(text) == []


def _alone(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(d.start + a, d.end + a, d.code) for d in extract_domains(text[a:b])]


def _within(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(d.start, d.end, d.code) for d in domains_within(text, domain_mentions(text), a, b)]


def test_cases_take_the_whole_texts_mentions_as_if_read_alone():
    text = "某村党支部书记骗取低保金3万元。某镇医保基金管理混乱，挪用扶贫资金，又骗取低保。"
    for a in range(len(text)):
        for b in range(a, len(text) + 1):
            assert _within(text, a, b) == _alone(text, a, b), (a, b)


def test_a_mention_across_a_case_edge_is_read_with_the_case_alone():
    text = "骗取医保基金3万元"  # 医保基金 across the edge; the case alone reads 医保
    assert _within(text, 0, 4) == _alone(text, 0, 4) == [(2, 4, "medical_insurance")]
    text = "未落实集体经济适用房政策"  # 集体经济 across the edge hides 经济适用房 from the whole text
    assert _within(text, 5, len(text)) == _alone(text, 5, len(text))
