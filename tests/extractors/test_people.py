"""People with posts, on sentences written in the many ways notices name people."""
from __future__ import annotations

import pytest

from extractors.normalize import normalize
from extractors.people import extract_people
from extractors.segment import segment


def _people(text: str) -> list[tuple[str, str]]:
    t = normalize(text).text
    edges, o = {0}, 0
    for w in segment(t):
        o += len(w)
        edges.add(o)
    return [(p.name, p.position) for p in extract_people(t, boundaries=frozenset(edges))]


@pytest.mark.parametrize("text, want", [
    ("长埫口镇白三洲村党支部书记钟腊平等人违规出具证明", [("钟腊平", "长埫口镇白三洲村党支部书记")]),
    ("某县财政局原局长王大明利用职务便利收受财物", [("王大明", "某县财政局原局长")]),
    ("给予落实主体责任不力的区环保局原党组书记、局长何中波党内严重警告处分",
     [("何中波", "区环保局原党组书记、局长")]),
    ("由司法局机关党总支书记许炜带队赴景区游玩", [("许炜", "司法局机关党总支书记")]),
    ("文化馆工作人员张明私自驾驶公务用车", [("张明", "文化馆工作人员")]),
    ("时任村支部书记冯正均和村主任吴定勇召开两委会", [("冯正均", "村支部书记"), ("吴定勇", "村主任")]),
    ("该镇驻村第一书记欧阳明辉虚报冒领补贴", [("欧阳明辉", "该镇驻村第一书记")]),
])
def test_name_after_post(text, want):
    assert _people(text) == want


def test_anonymised_forms():
    got = [n for n, _ in _people("村民王某不符合条件，张某某为其办理低保，朱某、李某某知情不报")]
    assert got == ["王某", "张某某", "朱某", "李某某"]


def test_villager_position():
    assert ("何某", "村民") in _people("明知村民何某是财政供养人员家属")


def test_name_lists_and_repeated_mentions_merge():
    got = _people("村党支部书记钟腊平安排村会计张传彪出具证明。钟腊平、张传彪分别受到党内警告处分。")
    assert got == [("钟腊平", "村党支部书记"), ("张传彪", "村会计")]


def test_list_after_known_name_without_post():
    got = [n for n, _ in _people("村支部书记若相波、村会计龙扎西组织召开会议。若相波、龙扎西二人分别受到处分。")]
    assert got == ["若相波", "龙扎西"]


def test_traditional_and_parenthesised_post():
    got = _people("海口市工商聯黨組成員、副主席(副會長)符強考慮到內蒙古離陝西近")
    assert [n for n, _ in got] == ["符强"]


@pytest.mark.parametrize("text", [
    "（记者 王芳 通讯员 刘洋）近日，县纪委监委通报了一起案件。",
    "作者：李文  编辑：陈晨  来源：廉政网",
    "湖南日报·华声在线记者 张斌 通讯员 蒋伟",
    "据新华社北京7月29日电（记者华春雨 黄小希）中央纪委通报",
    "摄影/赵叶苹",
])
def test_bylines_are_not_people(text):
    assert _people(text) == []


@pytest.mark.parametrize("text", [
    "党员干部普遍对意识形态工作认识不清",
    "违反群众纪律、侵害群众利益问题突出",
    "发电公司董事长兼总经理受到处分",
    "在海南某旅行社报销费用",
    "龙山县某小区置办宴席",
    "村党支部书记受到撤职处分，乡长被免职",
])
def test_no_false_names(text):
    assert _people(text) == []


@pytest.mark.parametrize("text, want", [
    ("案例1：王某某，男，1968年出生，中共党员，某村原党支部书记。2015年，王某某套取资金",
     [("王某某", "某村原党支部书记")]),
    ("李红（某乡民政所所长）在低保审核工作中把关不严", [("李红", "某乡民政所所长")]),
    ("张三，某县民政局副局长。李四，某镇镇长。", [("张三", "某县民政局副局长"), ("李四", "某镇镇长")]),
])
def test_name_first_then_post(text, want):
    assert _people(text) == want


def test_common_words_after_a_post_are_not_names():
    assert _people("接受施工企业负责人安排的宴请") == []
    assert [n for n, _ in _people("局长革命进行诫勉谈话")] == ["革命"]  # a rare name that is also a word


@pytest.mark.parametrize("text, want", [
    ("西河镇财政所会计（已退休）郭某挪用公款问题。", [("郭某", "西河镇财政所会计")]),
    ("县自然资源局原副局长（正科级）孙建平违规审批问题。", [("孙建平", "县自然资源局原副局长")]),
    ("执法大队三中队队长韩某、队员邓某吃拿卡要问题。", [("韩某", "执法大队三中队队长"), ("邓某", "队员")]),
])
def test_post_before_a_short_aside(text, want):
    assert _people(text) == want


def test_transliterated_and_long_names():
    text = ("某县农业农村局原局长买买提·吐尔逊违规收受礼金问题。买买提·吐尔逊多次收受礼金。"
            "某区法院执行局原局长次仁多吉徇私枉法问题。次仁多吉在执行案件中收受财物，次仁多吉被开除党籍。")
    assert _people(text) == [("买买提·吐尔逊", "某县农业农村局原局长"), ("次仁多吉", "某区法院执行局原局长")]


def test_a_name_is_not_lengthened_by_the_verb_that_follows_it():
    text = "县民政局局长张国华利用职务便利收受礼金。张国华利用审批权索要财物，张国华受到处分。"
    assert _people(text) == [("张国华", "县民政局局长")]


def test_post_without_the_word_that_introduces_it():
    assert _people("张某某，男，1975年6月出生，中共党员，现任某县林业局副局长。") == [("张某某", "某县林业局副局长")]


def test_name_opening_an_item_without_a_post():
    text = "一、周小平违规收受礼金问题。经查，周小平在担任县财政局局长期间，收受礼金3万元。周小平受到党内警告处分。"
    assert _people(text) == [("周小平", "县财政局局长")]
    # mentioned once, or not a name: nothing
    assert _people("一、周小平违规收受礼金问题。") == []
    assert _people("经查，该局在项目管理中存在问题。同时，该局还违规发放补贴。") == []
