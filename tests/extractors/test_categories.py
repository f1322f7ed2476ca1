"""Problem categories from cue rules in config/, with evidence spans."""
from __future__ import annotations

import pytest

from extractors.categories import extract_categories, rules
from extractors.normalize import normalize


def _codes(text: str, doc_type: str = "case_notice") -> set[str]:
    return {c.code for c in extract_categories(normalize(text).text, doc_type=doc_type)}


@pytest.mark.parametrize("text, code", [
    ("春节期间收受管理服务对象所送购物卡5000元", "gifts"),
    ("违规接受下属单位宴请", "banquets"),
    ("用公款大吃大喝，超标准接待", "banquets"),
    ("为儿子操办升学宴，收受礼金", "feasts"),
    ("大操大办父亲丧事", "feasts"),
    ("私自驾驶公务用车接送家人", "official_cars"),
    ("以考察学习为名组织到景区游玩", "junkets"),
    ("违规发放津贴补贴共计13万元", "allowances"),
    ("“两节”期间乱发物资补助", "allowances"),
    ("脱贫数据弄虚作假，应付检查", "formalism"),
    ("将低保金据为己有", "embezzlement"),
    ("虚报冒领危房改造补助资金", "false_claims"),
    ("明知不符合条件仍为其申报并违规领取补助", "false_claims"),
    ("截留挪用扶贫资金", "misappropriation"),
    ("办理低保时优亲厚友", "favoritism"),
    ("为李某（其母亲）申报高龄补贴", "favoritism"),
    ("向群众吃拿卡要，收取好处费", "extortion"),
    ("违规向村民收取卫生费", "extortion"),
    ("利用职务便利为他人谋取利益，收受财物", "bribery"),
    ("违规发包村道硬化工程，规避招标", "project_contracting"),
    ("擅自低价出租村集体资产", "collective_assets"),
    ("违规入股企业获取分红", "business_conflict"),
    ("在村委会换届中拉票贿选", "election_personnel"),
    ("审核把关不严，履职不力", "dereliction"),
    ("违规决策，滥用职权", "abuse_of_power"),
    ("充当黑恶势力保护伞", "umbrella"),
    ("违规审批宅基地，乱占耕地建房", "land_violation"),
])
def test_cue_phrases(text, code):
    assert code in _codes(text)


def test_traditional_text():
    assert _codes("違規收受禮金，公車私用") >= {"gifts", "official_cars"}


def test_several_categories_with_evidence():
    t = normalize("2019年，王某虚报冒领低保金2万元，并将其中5000元据为己有。").text
    cats = extract_categories(t)
    assert [c.code for c in cats] == ["false_claims", "embezzlement"]
    for c in cats:
        assert t[c.start:c.end] == c.evidence and c.label


def test_prohibitions_are_not_violations():
    assert "gifts" not in _codes("规定明确，严禁收受礼金。")


def test_inspection_problem_without_cue_falls_back_to_other():
    assert _codes("财务管理不规范，备用金管理不规范。", "inspection_report") == {"other"}
    assert _codes("财务管理不规范。", "case_notice") == set()


def test_every_rule_names_a_taxonomy_code():
    r = rules()
    assert {x.code for x in r.rules} <= set(r.labels)
    assert len(r.rules) >= 20


@pytest.mark.parametrize("text, code", [
    ("违规使用公务加油卡为私家车加油", "official_cars"),
    ("利用职务便利为他人在工程结算方面谋取利益", "bribery"),
    ("违规持有非上市公司股份", "business_conflict"),
    ("违规从事营利活动", "business_conflict"),
    ("擅自占用集体土地建房", "land_violation"),
    ("履行监管职责不力，对下属违纪问题失察", "dereliction"),
    ("帮助亲属违规享受低保", "favoritism"),
    ("冒名顶替领取补贴", "false_claims"),
    ("侵吞集体资产", "embezzlement"),
    ("侵吞集体资产", "collective_assets"),
])
def test_more_phrasings(text, code):
    assert code in _codes(text)


def test_benefits_paid_to_the_public_are_not_staff_allowances():
    assert "allowances" not in _codes("熊某违规发放惠农补贴问题。")
    assert "allowances" not in _codes("村干部违规发放高龄补贴给不符合条件的人员。")
    assert "allowances" in _codes("局机关违规发放加班补贴、值班补贴共计7.8万元。")


def test_approvals_for_ineligible_firms_are_not_false_claims():
    assert _codes("违规为不符合条件的企业办理用地审批手续，造成损失260万元。") == {"abuse_of_power"}


def test_inflated_figures_are_formalism_not_false_claims():
    assert _codes("为应付考核验收，授意工作人员虚增贫困户收入数据。") == {"formalism"}
    assert "false_claims" in _codes("虚增工程量套取资金12万元。")


def test_drunk_driving_is_other_not_banquets():
    assert _codes("饮酒后驾驶私家车，被公安交警部门查获，属醉酒驾驶。") == {"other"}
    assert "banquets" in _codes("工作日午间在农家乐饮酒。")


def test_occupied_cars_and_travel_reimbursed_as_business():
    assert _codes("吴某长期占用一辆公务用车用于上下班及处理个人事务。") == {"official_cars"}
    assert "junkets" in _codes("将个人外出旅游产生的住宿费、交通费等共计2.7万元，以出差名义在单位报销。")


def test_money_recovered_after_the_fact_is_not_staff_allowances():
    assert "allowances" not in _codes("廖某违规为其弟弟办理农机购置补贴手续。违规发放的补贴资金已追回。")


def test_kickbacks_are_bribery():
    assert "bribery" in _codes("利用药品采购职务便利，收受医药代表回扣共计15.8万元。")


def test_personnel_favours_are_election_personnel():
    assert "election_personnel" in _codes("违反组织原则，在干部选拔任用工作中为他人谋取利益。")
    assert "election_personnel" in _codes("在职级晋升中为下属打招呼。")


@pytest.mark.parametrize("text, expected", [
    # someone else's misconduct a duty failure let happen: the case is the failure
    ("林晓峰对本单位医保基金监管工作疏于管理，导致下属单位工作人员骗取医保基金问题长期未被发现。", {"dereliction"}),
    ("王某对下属违规发放津贴补贴问题失察，负有领导责任。", {"dereliction"}),
    ("该局局长履职不力，致使所属中心挪用专项资金问题未能及时纠正。", {"dereliction"}),
    ("丁某某把关不严，导致6名已死亡人员的亲属冒领养老保险金21.3万元未被及时发现。被冒领的养老保险金已全部追回。",
     {"dereliction"}),
    ("失职失责导致养老保险基金被骗取问题。", {"dereliction"}),
    # the subject's own act with a consequence stays what it is
    ("张某为其出具证明材料，致使何某违规领取临时救助金2100元。", {"false_claims"}),
    ("李某虚报冒领低保金3万元，导致群众不满。", {"false_claims"}),
])
def test_misconduct_a_failure_let_happen_is_not_the_case_category(text, expected):
    assert _codes(text) == expected
