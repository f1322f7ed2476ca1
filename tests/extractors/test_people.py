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
    "□ 法制网采访人员 申海东 □ 法制网通讯员 刘立新\n近日，某县一名村干部因侵占补助款被开除党籍。",
    "撰文 | 余清晖 高语阳\n8月30日，中央纪委国家监委通报。",
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
    "身处关键岗位的年轻干部易被“围猎”",
    "该县三任县委书记都因为腐败问题被查处",
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
    # mentioned once: still a person named in the case (LAC reads it as a name)
    assert _people("一、周小平违规收受礼金问题。") == [("周小平", "")]
    # not a name: nothing
    assert _people("经查，该局在项目管理中存在问题。同时，该局还违规发放补贴。") == []
    assert _people("一、农庄负责人违规收受礼金。农庄负责人受到处分。") == []


# --- names the statistical recogniser (LAC) brings, and what the rules keep out ---------

@pytest.mark.parametrize("text, want", [
    # surname + 某 + a given character is one pseudonym, not 梁某
    ("某镇水利站站长梁某东利用职务便利，多次收受工程老板财物。", [("梁某东", "某镇水利站站长")]),
    ("申某健、吴某新分别受到党内警告处分。", [("申某健", ""), ("吴某新", "")]),
    ("村会计钱某红挪用公款5万元，钱某红受到撤职处分。", [("钱某红", "村会计")]),
    # after a post, X某某 whatever X is
    ("第三村民小组组长刑某某受到通报批评。", [("刑某某", "第三村民小组组长")]),
    # 某某 and bare X某 stay as they are
    ("张某某、朱某和李某某知情不报。", [("张某某", ""), ("朱某", ""), ("李某某", "")]),
    # a 某 followed by a verb or a word is not lengthened
    ("经查，黄某忏悔道：我辜负了组织。", [("黄某", "")]),
    ("孙某明知不符合条件仍为其办理。", [("孙某", "")]),
    ("村民刘某原系村小组长。", [("刘某", "村民")]),
    ("吴某一人独吞补偿款。", [("吴某", "")]),
])
def test_pseudonyms(text, want):
    assert _people(text) == want


@pytest.mark.parametrize("text, want", [
    # the post said after the name
    ("王建业时任村党支部书记，负责村集体资金管理。", [("王建业", "村党支部书记")]),
    ("付永红是村委会主任，蒋立平担任会计、出纳。", [("付永红", "村委会主任"), ("蒋立平", "会计、出纳")]),
    ("邵国平，男，1968年出生，时任县交通局局长。", [("邵国平", "县交通局局长")]),
    # several names joined by 、 or 和 before the verb, no post anywhere
    ("孙立群、钱卫东、赵晓峰私分集体资金12万元。", [("孙立群", ""), ("钱卫东", ""), ("赵晓峰", "")]),
    ("李建华和王秀兰二人违规领取补贴。", [("李建华", ""), ("王秀兰", "")]),
    # in prose
    ("这位名叫林海涛的村干部，把低保当成了人情。", [("林海涛", "")]),
    # a name opening a sentence as its subject
    ("韩志刚利用职务便利，为他人承揽工程谋取利益，收受财物30万元。", [("韩志刚", "")]),
    # a name inside X案
    ("在查办何立新案中，专案组发现了新的线索。", [("何立新", "")]),
])
def test_names_without_a_post_before_them(text, want):
    assert _people(text) == want


@pytest.mark.parametrize("text", [
    # reporters, authors, photographers
    "（本报记者 冯晓东 通讯员 程雅丽）近日，县纪委通报了一起案件。",
    "张晓燕 摄",
    # people speaking or quoted, people at a meeting, people in a photo caption
    "县纪委书记马俊强调，要严肃查处群众身边的腐败问题。",
    "市长刘振国表示，将继续加大整治力度。",
    "县纪委监委第三审查调查室主任王刚说，要加强监督。",
    "据县纪委监委案件审理室主任李明介绍，此类问题多发。",
    "县委书记王某某批示要求严肃查处。",
    "巡察组组长孙明华对整改工作提出要求。",
    "学习贯彻习近平新时代中国特色社会主义思想不深入。",
    "会议由县委副书记吴天明主持，县委常委朱光耀出席会议并讲话。",
    "传达了省委书记郑国安听取巡视汇报时的重要讲话精神。",
    "图为县纪委干部宋立新在村里走访群众。",
    # model officials held up as examples
    "全县党员干部要学习焦裕禄精神，争做焦裕禄式的好干部。",
    "要以谷文昌、杨善洲等先进典型为榜样。",
    # a signature line under an article
    "县纪委监委将持续整治群众身边的不正之风。\n\n罗文静\n",
    # a document number
    "按照《关于开展专项整治的通知》（武纪文〔2021〕3号）要求开展整治。",
    "处罚决定书文号为石桥医保行罚字〔2024〕12号。",
    # ordinary words next to a post or a place
    "学校教师周末加班补课收费问题突出。",
    "学校教师华丽转身成为培训机构老板。",
    "村主任江河治理工作不力。",
    "村党支部书记多次违规发放补贴。",
    "村委会主任和平安村的会计私分资金。",
    "镇党委书记对此负有责任。",
    "镇长和村支书一起吃喝。",
    "村支书和村主任任意处置集体资产。",
    "由乡镇纪委书记任组长，统一开展巡察。",
    "加强干部队伍建设，严明工作纪律。",
    # someone called by surname and post only
    "大家都说柯支书办事公道，柯支书也同意了。",
    "村民张大爷反映，补贴没有到位。",
    "王师傅和刘阿姨都没有领到补贴。",
])
def test_not_case_people(text):
    assert _people(text) == []


def test_a_place_is_not_a_name():
    # 古云 is the village (古云村) even where it stands alone
    got = [n for n, _ in _people("古云村党支部书记李某发红包拉票。他说一定会为古云贡献力量。")]
    assert got == ["李某"]


def test_a_name_that_is_also_a_word_after_a_post_stays_before_a_subject_word():
    assert _people("局长高峰受到党内警告处分。") == [("高峰", "局长")]


def test_spirit_of_the_rules_is_not_an_exemplar():
    assert _people("村支书王建国违反中央八项规定精神，违规收受礼金。") == [("王建国", "村支书")]


def test_a_case_person_quoted_in_the_case_stays():
    assert _people("谈及此事，村会计张某某懊悔不已。") == [("张某某", "村会计")]


def test_speaker_named_elsewhere_as_a_case_person_stays():
    text = "村党支部书记赵德明虚报冒领补贴3万元。赵德明表示，自己对不起组织。"
    assert [n for n, _ in _people(text)] == ["赵德明"]


def test_a_list_adverb_is_not_part_of_a_name():
    text = "副所长高冲接受宴请。杨明军、王飚、高冲均受到党内严重警告处分。"
    assert [n for n, _ in _people(text)] == ["高冲", "杨明军", "王飚"]


def test_standalone_call_uses_the_document_cache():
    """extract_people on a part of a text already analysed needs no new LAC run."""
    from extractors import ner

    text = "村会计钱某某挪用公款。某镇水利站站长梁某东利用职务便利收受财物。"
    ner.entities(text)
    calls = []
    model = ner._model()
    orig = model.tag
    model.tag = lambda sents: calls.append(sents) or orig(sents)  # type: ignore[method-assign]
    try:
        got = [p.name for p in extract_people(text[text.index("某镇"):])]
    finally:
        del model.tag
    assert got == ["梁某东"] and calls == []


def test_pseudonym_said_again_and_again_keeps_its_given_character():
    """LAC often ends 吴某新 at 某; a 某-form repeated with the same character after 某 keeps it."""
    text = ("东川市水务局原党组成员、副局长吴某新违规收受礼品礼金问题。2021年至2023年春节期间，吴某新先后收受"
            "购物卡、现金共计2.4万元。吴某新受到党内严重警告处分。")
    assert [p.name for p in extract_people(text)] == ["吴某新"]
    once = "某镇城管中队队员邓某吃拿卡要问题。经查，邓某在执法中多次向摊贩索要财物，受到党内警告处分。"
    assert [p.name for p in extract_people(once)] == ["邓某"]


def test_relatives_whose_names_start_alike_are_both_kept():
    """Brothers' names share the surname and often the generation character (张某某 / 张某良,
    李德明 / 李德亮): neither is cut to the part they share."""
    text = ("某镇国土所原所长张某某违规审批宅基地问题。2019年至2022年，张某某违规为其弟弟张某良办理宅基地"
            "审批手续。张某某还收受建房户所送红包2.1万元。")
    assert sorted(p.name for p in extract_people(text)) == ["张某某", "张某良"]
    text = ("某村原党支部书记李德明违规将集体工程交由其弟李德亮承包，李德明从中收受好处费5万元。"
            "李德亮另行转包获利12万元。李德明受到开除党籍处分。")
    assert sorted(p.name for p in extract_people(text)) == ["李德亮", "李德明"]


def test_a_pseudonym_and_a_longer_one_are_two_people():
    """张某 and his son 张某某: both named on their own, neither swallows the other."""
    text = "在张某的默许下，其儿子张某某注册成立了一家咨询公司，专门为开发商办理手续。张某收受财物共计30万元。"
    assert sorted(p.name for p in extract_people(text)) == ["张某", "张某某"]


def test_common_surnames_the_lists_lacked():
    """赖、洪、萧 are common surnames: a name LAC finds with them is kept."""
    text = "邱某多次接受矿产企业老板赖建春安排的宴请，并由赖建春安排车辆接送。镇长洪志明对此失察，萧国强知情不报。"
    names = {p.name for p in extract_people(text)}
    assert {"赖建春", "洪志明", "萧国强"} <= names


def test_a_conjunction_and_a_word_or_half_a_compound_is_no_name():
    """老板和下属 (和 is a surname, but not here); 干部纪法意识 (a post word, then 纪法意识)."""
    assert extract_people("他照单全收辖区工程老板和下属送来的礼金、购物卡，累计4.2万元。") == []
    text = "上述问题反映出一些党员干部纪法意识淡薄。村党支部书记王小林违规操办儿子婚宴。"
    assert [p.name for p in extract_people(text)] == ["王小林"]


def test_a_name_only_compared_with_is_not_a_person_of_the_case():
    text = ("与前面提到的赵德明不同，县交通局原局长钱宏伟的问题出在工程上。"
            "钱宏伟多次收受承包商财物，受到开除党籍处分。")
    assert [n for n, _ in _people(text)] == ["钱宏伟"]


def test_a_post_then_de_before_the_name_is_the_post():
    people = dict(_people("现任县财政局国库支付中心主任的吴雅琴也主动投案。"))
    assert people == {"吴雅琴": "现任县财政局国库支付中心主任"} or people.get("吴雅琴", "").endswith("国库支付中心主任")


def test_enterprise_posts_precede_names():
    assert dict(_people("某投资控股公司原财务总监吴雅琴主动投案。")).get("吴雅琴", "").endswith("财务总监")


def test_a_pseudonym_with_a_given_name_said_once_keeps_it_unless_a_word_starts_there():
    assert [n for n, _ in _people("村委会主任何某军违规操办满月酒。")] == ["何某军"]
    assert [n for n, _ in _people("某局科员邓某吃拿卡要，受到警告。")] == ["邓某"]


def test_a_surname_that_is_also_a_preposition_after_a_post():
    # 于 after a post reads as "at"; LAC reads 于洪涛 where the rules stop, and 洪涛 never stands alone
    text = "子公司总经理助理于洪涛违规发放津贴补贴。2023年，于洪涛以奖励名义向班子成员发放。"
    assert [n for n, _ in _people(text)] == ["于洪涛"]


def test_a_name_ending_in_a_character_that_is_also_an_adverb_or_starts_a_word():
    # 均 after one person alone ends his name; after a list of names it is "all of them"
    text = "某乡乡长王建均对扶贫项目验收把关不严。王建均作为乡政府主要负责人履职不力，王建均受到党内警告处分。"
    assert [n for n, _ in _people(text)] == ["王建均"]
    assert [n for n, _ in _people("村主任王刚、村会计李强均受到党内警告处分。")] == ["王刚", "李强"]
    # 新政 and 地被 are words, but what follows the longer form (政务, 被) follows names
    assert [n for n, _ in _people("对镇长周立新政务警告。")] == ["周立新"]
    assert [n for n, _ in _people("副乡长艾尼瓦尔·吐地被诫勉。")] == ["艾尼瓦尔·吐地"]


def test_pseudonyms_by_cyclic_signs_have_no_surname():
    people = dict(_people("该局财务股股长某乙、工作人员某丙以“不归我们管”为由相互推诿。某乙受到政务记过处分。"))
    assert people == {"某乙": "该局财务股股长", "某丙": "工作人员"}


def test_a_name_said_only_as_the_name_of_another_case_is_not_this_cases_person():
    text = "在查办周文斌案过程中，县纪委监委一并查处了该局登记中心原主任吴雅琴违规收受礼金问题，吴雅琴受到党内严重警告处分。"
    assert [n for n, _ in _people(text)] == ["吴雅琴"]
    # a case told under its own name keeps its person
    assert [n for n, _ in _people("何立新案剖析：县交通局原局长何立新收受财物120万元。")] == ["何立新"]


def test_a_byline_label_needs_its_separator_and_amounts_in_financial_numerals_are_no_names():
    people = dict(_people("对负有审核责任的农机股原股长童某、工作人员胡某进行诫勉谈话。"))
    assert people == {"童某": "农机股原股长", "胡某": "工作人员"}
    assert _people("编辑：王小明 审核：李大伟") == []
    assert [n for n, _ in _people("每月领取陆佰元高龄补贴，村主任王某某冒领。")] == ["王某某"]


def test_trade_nouns_function_characters_and_spoken_words_are_no_names():
    # the model reads 林农 (forest growers), 章比 and 那会儿 as names; none is one
    assert [n for n, _ in _people("村会计李某华截留应发给林农、果农的补偿款3万元。")] == ["李某华"]
    assert [n for n, _ in _people("群众反映：“在这里盖个章比登天还难。”窗口工作人员王某受到批评教育。")] == ["王某"]
    assert [n for n, _ in _people("“那会儿我觉得没人知道。”原站长刘建波在忏悔书中写道。")] == ["刘建波"]


def test_a_preposition_that_is_also_a_surname_before_a_name_said_elsewhere():
    text = ("村党支部书记高德明长期把持村务。村务监督委员会主任由高德明的妻弟担任，"
            "监督形同虚设。高德明收受财物12万元。")
    assert [n for n, _ in _people(text)] == ["高德明"]
    # a real bearer of such a surname stays
    assert [n for n, _ in _people("镇民政办工作人员向某冒领养老金，向某受到党内警告处分。")] == ["向某"]
    assert [n for n, _ in _people("村会计向某某虚报冒领补贴。经查，向某某还侵占集体资金。")] == ["向某某"]
    assert [n for n, _ in _people("县交通局局长由国庆违规收受礼金，由国庆受到党内警告处分。")] == ["由国庆"]


def test_cyclic_sign_pseudonyms_listed_together():
    people = [n for n, _ in _people("所长王某某默许工作人员某甲、某乙编造检查台账12份。")]
    assert people == ["王某某", "某甲", "某乙"]


def test_the_interviewee_labelling_the_answers_is_not_a_case_person():
    text = ("　　孟和图雅：有两个案件很有代表性。一个是某旗原旗长巴图案。巴图违规为其妻弟实际控制的公司办理审批手续，"
            "收受财物120万元，被开除党籍和公职。\n　　孟和图雅：我们将继续开展专项整治。")
    assert [n for n, _ in _people(text)] == ["巴图"]


def test_a_post_read_across_a_word_is_no_post():
    # 公司机关 holds 司机 (driver), 城镇长期 holds 镇长: no name follows either
    text = "集团公司机关部门服务基层意识不强。城镇长期存在违建问题。部门负责人严某受到诫勉。"
    assert [n for n, _ in _people(text)] == ["严某"]


def test_woods_whose_first_character_is_a_surname_are_no_names():
    text = "村党支部书记蓝某某擅自将300多亩集体毛竹林低价发包给其亲属。蓝某某受到党内警告处分。"
    assert [n for n, _ in _people(text)] == ["蓝某某"]


def test_chiefs_of_the_forest_and_river_schemes_are_posts_not_names():
    text = "四级林长巡林履职不够经常，部分河长公示牌信息未及时更新。局长周某某受到批评教育。"
    assert [n for n, _ in _people(text)] == ["周某某"]


@pytest.mark.parametrize("text, want", [
    # a Yi clan name with 某某 (no Han surname to read)
    ("电站收益12.8万元未及时入账，由村文书海来某某个人保管。", [("海来某某", "村文书")]),
    ("村委会主任阿鲁某某违规领取补贴，阿鲁某某还虚报户数。", [("阿鲁某某", "村委会主任")]),
    # a name that is also a word, after a post and said again
    ("某镇党委副书记黎明公车私用问题。2014年春节期间，黎明驾驶镇政府公务用车前往外地探亲。",
     [("黎明", "某镇党委副书记")]),
    # a word opening two clauses is no name
    ("廉洁从医教育流于一般化，医药购销领域廉洁风险防控机制不健全。", []),
])
def test_names_without_a_han_surname_or_that_are_words(text, want):
    assert _people(text) == want


def test_an_interviewee_is_no_case_person_and_his_post_has_no_dash():
    text = "——访某自治区纪委副书记孟和巴雅尔\n\n孟和巴雅尔：有两个案件很有代表性。一个是某旗原旗长额尔敦毕力格案。"
    assert _people(text) == [("额尔敦毕力格", "某旗原旗长")]
    # the post read before a subtitle's name stops at the dash and the interview verb
    assert _people("——访某自治区纪委副书记孟和巴雅尔") == []
    from extractors.people import _position_span, people_rules
    sub = "——访某自治区纪委副书记孟和巴雅尔"
    a, b = _position_span(sub, sub.index("孟"), people_rules().lexicon)
    assert sub[a:b] == "某自治区纪委副书记"
    # a Mongolian name read as two names side by side is one name
    assert [n for n, _ in _people("孟和巴雅尔：我们查处了一批案件。")] == []


@pytest.mark.parametrize("text, want", [
    # names that are words after a post, said again as a clause's subject
    ("某县林业局副局长高峰，2014年3月至6月多次违规使用公务用车。高峰受到行政警告处分。", [("高峰", "某县林业局副局长")]),
    ("4.某县水利局防汛股股长向前进隐患排查走过场问题。2022年3月，向前进在汛前排查中未到现场。",
     [("向前进", "某县水利局防汛股股长")]),
    ("主任周密安排了工作，周密部署。", []),
    # 任 "serving as" before a post is no surname
    ("成立由党委书记任组长、校长任第一副组长的领导小组。", []),
    # dotted names: LAC's span ending on the dot, a court role before the name, a masthead
    ("资产管理部副部长艾尼瓦尔·司马义公车私用问题。2020年，艾尼瓦尔·司马义私自驾驶公务用车。",
     [("艾尼瓦尔·司马义", "资产管理部副部长")]),
    ("法院对被告人艾尔肯·吐尔逊以贪污罪判处有期徒刑。经审理查明，被告人艾尔肯·吐尔逊利用职务便利。",
     [("艾尔肯·吐尔逊", "被告人")]),
    # a Yi name of two known syllables in a table cell
    ("序号\t姓名\t职务\n1\t俄木日火\t某乡农业服务中心干部\n", [("俄木日火", "某乡农业服务中心干部")]),
])
def test_names_that_are_words_and_transliterated_names(text, want):
    assert _people(text) == want


@pytest.mark.parametrize("text, want", [
    ("该局局长白云对此负有主要领导责任，受到党内严重警告处分。", [("白云", "该局局长")]),
    ("在某县，某乡民政干部妥某利用负责低保评审的便利，将不符合条件的亲属纳入低保。", [("妥某", "某乡民政干部")]),
    ("某村党支部书记俄木日各虚报草场面积。俄木日各受到开除党籍处分。", [("俄木日各", "某村党支部书记")]),
    ("局长高度重视此事。", []),
])
def test_names_the_lists_lack_after_a_post(text, want):
    assert _people(text) == want


def test_a_post_ending_in_a_compound_surnames_first_character_and_a_quoted_expert():
    assert _people("给予基建处原处长孙某某党内严重警告处分。") == [("孙某某", "基建处原处长")]
    assert _people("长孙某某违规收受礼金，长孙某某受到处分。") == [("长孙某某", "")]
    assert _people("“小蛀虫也会造成大损害。”某大学廉政研究中心教授张泽民分析认为，需要多部门形成合力。") == []


def test_a_double_mou_pseudonym_before_a_word_starting_with_mou_stays_whole():
    assert _people("集体资金26万元未入账，由合作社出纳严某某个人保管长达5个月。") == [("严某某", "合作社出纳")]
    assert [n for n, _ in _people("2017年3月，刘某明知吴某某团伙非法放贷，仍出资参与。")] == ["刘某", "吴某某"]


def test_known_syllables_after_a_post_and_a_word_after_a_post():
    assert _people("乡党委书记吉克伍各履行主体责任不力，被诫勉。") == [("吉克伍各", "乡党委书记")]
    assert _people("将2名已去世人员继续列入护林员花名册，冒领补助4.8万元。") == []


def test_name_after_the_longer_of_two_overlapping_posts():
    """党总支书记: 支书 and 书记 overlap; the name comes after the whole title (a Dai name that
    is also a word, 岩板, said again as a clause's subject)."""
    text = ("勐海县某村党总支书记岩板虚报冒领护林补助问题。2021年，岩板利用职务便利，"
            "以他人名义虚报冒领护林补助2.4万元。")
    people = extract_people(text)
    assert [(p.name, p.position) for p in people] == [("岩板", "勐海县某村党总支书记")]


def test_dai_surname_after_a_post():
    text = "瑞丽市某局原副局长刀志明违规入股其亲属开办的运输公司，累计获取分红8万余元。"
    assert [p.name for p in extract_people(text)] == ["刀志明"]


def test_compound_surname_that_is_also_a_word_and_hui_surname_after_a_new_post():
    assert _people("对机电学院教师司马立新虚列劳务费套取科研经费问题，给予党内警告处分。") == [("司马立新", "机电学院教师")]
    assert _people("某村防返贫监测信息员虎某某入户走访记录与实际不符，被诫勉谈话。") == [("虎某某", "某村防返贫监测信息员")]


def test_a_road_section_chief_and_a_word_across_a_post():
    assert _people("某县公路段段长才让多杰违规发放慰问金，才让多杰受到党内警告处分。") == [("才让多杰", "某县公路段段长")]
    assert _people("这一阶段长期存在的问题，王某某负有责任。") == [("王某某", "")]


def test_word_names_given_a_sanction_yi_and_tibetan_clan_names_and_no_preposition_before_a_pseudonym():
    assert _people("县城建监察大队副队长高明中午在外饮酒后上岗。县监察局给予高明行政记过处分。") == [("高明", "县城建监察大队副队长")]
    assert _people("该校校长吉克石一落实校长负责制不力，受到党内警告处分。") == [("吉克石一", "该校校长")]
    assert _people("某村村委会主任才让东主违规为其兄办理低保。") == [("才让东主", "某村村委会主任")]
    assert _people("保管科原科长那日苏收受粮商好处费。") == [("那日苏", "保管科原科长")]
    assert _people("经查，副市长宝音图丧失理想信念。宝音图严重违纪违法，副市长宝音图严重违纪。") == [("宝音图", "副市长")]
    assert _people("某甲应开发商某乙请托，约定退休后由某乙向其支付80万元。") == []
    assert _people("升学宴、谢师宴等借机敛财问题群众反映强烈。") == []


def test_a_quoted_nickname_is_no_person():
    assert _people("派出所所长罗平安明知以“黄毛”为首的涉恶团伙长期非法采砂，仍收受其财物35万元。") == [("罗平安", "派出所所长")]


def test_a_post_then_de_before_a_pseudonym_and_a_posting_lead():
    assert _people("已调任某镇党委副书记的马某某，多次接受宴请。") == [("马某某", "某镇党委副书记")]


def test_dotted_names_end_at_their_own_last_part():
    assert _people("会计古丽尼沙·阿不力孜将惠民补贴截留至其丈夫艾力·托合提名下的银行账户，截留资金6.2万余元。") == [
        ("古丽尼沙·阿不力孜", "会计"), ("艾力·托合提", "")]
    assert _people("村医阿依古丽·买买提在办理医保报销时违规收费。") == [("阿依古丽·买买提", "村医")]


def test_integrity_after_a_generic_post_is_no_name():
    assert _people("（二）领导干部廉洁自律工作不断深化。少数党员干部廉洁自律意识不强。加强领导干部廉洁自律工作。") == []


@pytest.mark.parametrize("text, want", [
    # the surname alone for someone already named, then a word: no second person
    ("某区房管局原局长万守成挪用公款300万元。大家都听说“万局出事了”，万也未受到处分。", ["万守成"]),
    ("某县住建局原局长陆某某收受财物。工程老板祁某提着现金来到陆浩家，陆浩收下了。", ["陆某某", "祁某", "陆浩"]),
    ("某村党支部书记黄德旺授意其小舅子黄建国挂靠一家建筑公司参与竞标。", ["黄德旺", "黄建国"]),
    ("某村原会计杜长海冒领补贴。2019年，杜因病去世，其家属退还了补贴。", ["杜长海"]),
    ("某村原党支部书记胡守田被判处有期徒刑。在胡之前的两任村支书也因经济问题落马。", ["胡守田"]),
    # 的 inside, a place or a family after the surname
    ("法院判处付的前任、某村原党支部书记胡守田有期徒刑十年。", ["胡守田"]),
    ("某村党支部书记樊立生以修建戴家咀泵站的名义套取资金8万元。", ["樊立生"]),
])
def test_surname_alone_then_a_word_is_no_new_person(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_name_read_with_the_kin_word_after_it():
    assert [n for n, _ in _people("某县法院办公室主任陈立坪其子结婚大操大办并收受礼金。")] == ["陈立坪"]


def test_someone_called_again_by_surname_and_mou_or_by_given_name_is_one_person():
    text = ("某镇原党委书记邝立成收受商人钮某某财物。邝某拍板“先建后批”，钮某某陆续送给邝某现金。"
            "镇长祁美兰违规发放津贴，美兰授意财政所所长何某办理。")
    assert [n for n, _ in _people(text)] == ["邝立成", "钮某某", "祁美兰", "何某"]


def test_a_name_read_with_the_verb_that_introduces_it_loses_the_verb():
    from extractors.model import Person
    from extractors.people import _kin_cut

    name = "叫古丽米热·阿不都热依木"
    cut = _kin_cut(Person(name=name, start=10, end=10 + len(name)))
    assert (cut.name, cut.start, cut.end) == ("古丽米热·阿不都热依木", 11, 10 + len(name))
    assert _kin_cut(Person(name="叫好", start=0, end=2)).name == "叫好"  # too short to be a name after 叫


@pytest.mark.parametrize("text, want", [
    ("某街道办事处原副主任逄常青违规将门面房低价出租", "逄常青"),
    ("某镇党委书记仉金海对违法建房问题查处不力", "仉金海"),
    ("某乡党委书记者永平违规接受宴请", "者永平"),
    ("某区原副区长禄昌全在巩固脱贫成果中履职不力", "禄昌全"),
])
def test_rare_surnames_after_a_post(text, want):
    assert [n for n, _ in _people(text)] == [want]


def test_a_relative_sharing_the_surname_is_someone_of_his_own():
    text = "某镇原副镇长冯建国利用职务便利，在其弟冯某承揽乡村公路工程中提供帮助。冯建国受到开除党籍处分。"
    assert [n for n, _ in _people(text)] == ["冯建国", "冯某"]


@pytest.mark.parametrize("text, want", [
    ("巴林右旗卫生健康委员会副主任其其格在疫情防控中弄虚作假，受到党内警告处分。", "其其格"),
    ("碌曲县某局局长尕藏违规接受宴请，受到党内警告处分。", "尕藏"),
    ("迭部县林业局副局长旦正加违规发放补贴，受到党内警告处分。", "旦正加"),
])
def test_tibetan_and_mongolian_names_said_once_after_a_post(text, want):
    assert [n for n, _ in _people(text)] == [want]


def test_an_adverb_or_a_conjunction_and_a_place_are_not_part_of_a_name():
    from extractors.model import Person
    from extractors.people import _kin_cut

    assert _kin_cut(Person(name="蔡武已", start=0, end=3)).name == "蔡武"
    assert _kin_cut(Person(name="谭海借", start=0, end=3)).name == "谭海"
    assert _kin_cut(Person(name="阎鸿充", start=0, end=3)).name == "阎鸿"
    assert _kin_cut(Person(name="张万和", start=0, end=3)).name == "张万和"
    text = "王先民在任陇南市委组织部副部长和陇南市宕昌县县委书记期间，收受他人财物1000万元。"
    assert "和陇南" not in [n for n, _ in _people(text)]


def test_the_adverb_ceng_before_a_preposition_is_no_surname():
    text = "局长郭庆林个人拍板。工程建设科科长曾对发包方式提出异议，被郭庆林调离岗位。"
    assert [n for n, _ in _people(text)] == ["郭庆林"]


@pytest.mark.parametrize("text, want", [
    # 和 ending a name before a deed; a conjunction before a post, 时任 or another name
    ("某县某乡村支书兼村委会主任张万和侵占五保户供养费3090元。", ["张万和"]),
    ("镇长李德和违规发放补贴2万元。", ["李德和"]),
    ("时任街道账托管中心主任伍道平和时任街道账托管中心会计叶月萍受到党内警告处分。", ["伍道平", "叶月萍"]),
    ("村支部书记冯正均和村主任吴定勇召开两委会。", ["冯正均", "吴定勇"]),
    ("副县长欧阳万和违规收受礼金。", ["欧阳万和"]),
])
def test_he_in_a_name_and_he_as_a_conjunction(text, want):
    assert [n for n, _ in _people(text)] == want


def test_the_end_of_a_place_name_is_no_name():
    text = "比如某省西安市长安区原房管局市场监督管理科副科长冯宏武违规收受礼金。"
    assert [n for n, _ in _people(text)] == ["冯宏武"]


@pytest.mark.parametrize("text, want", [
    ("3月23日上午，某市城建集团驾驶员李某驾驶苏AN1234公车接送孩子。", ["李某"]),
    ("据陆媒报道，某市交警支队原支队长阳勇收受感谢费29万元。", ["阳勇"]),
    ("某市纪委证实，戴立森涉案金额为500多万元。在戴案前后被调查的还有原副局长刘铤。", ["戴立森", "刘铤"]),
])
def test_number_plates_the_press_and_a_case_are_no_people(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_surname_lac_tags_alone_takes_the_name_after_it():
    from extractors.ner import NerSpan
    from extractors.people import _candidate, candidate_lexicon, lexicon

    text = "经查，于幼成严重违反政治纪律。决定撤销于幼成党内职务。"
    at = text.index("于")
    assert _candidate(text, NerSpan(start=at, end=at + 1, label="PER", text="于"), lexicon(), candidate_lexicon()) \
        == (at, at + 3)
    loose = "管党治党失之于宽松软，问责失之于宽松。"
    at = loose.index("于")
    assert _candidate(loose, NerSpan(start=at, end=at + 1, label="PER", text="于"), lexicon(), candidate_lexicon()) \
        is None
    idiom = "把腐败分子连根拔起。"
    at = idiom.index("连")
    assert _candidate(idiom, NerSpan(start=at, end=at + 1, label="PER", text="连"), lexicon(), candidate_lexicon()) is None


@pytest.mark.parametrize("text, want", [
    # a clause opening on 曾先后任… / 利用担任… is the clause's words before a post, not a name
    ("胥海，1963年7月出生，甘肃甘谷人，曾先后任某县委副书记、代县长，被开除党籍。", ["胥海"]),
    ("现年60岁的张政林在2005年至2021年期间，利用担任某市公安局副局长等职务上的便利，收受财物。", ["张政林"]),
    ("经查，郑建国时任村党支部书记，违规发放补贴。", ["郑建国"]),
])
def test_a_clause_of_words_before_a_post_is_no_name(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_clause_verb_lac_runs_into_a_name_is_cut_off():
    from extractors.ner import NerSpan
    from extractors.people import _candidate, candidate_lexicon, lexicon

    text = "2020年1月至2023年2月，被告人郑洪利用其退休前担任的职务便利，为他人谋取利益。"
    at = text.index("郑")
    span = NerSpan(start=at, end=at + 4, label="PER", text="郑洪利用")
    assert _candidate(text, span, lexicon(), candidate_lexicon()) == (at, at + 2)
    # a name that merely ends in the characters of a short follower stays whole
    text = "村党支部书记王先后被给予党内警告处分。"
    at = text.index("王")
    assert _candidate(text, NerSpan(start=at, end=at + 3, label="PER", text="王先后"), lexicon(),
                      candidate_lexicon()) in {(at, at + 3), None}


def test_an_inspection_leader_reading_out_the_feedback_is_no_case_person():
    text = ("3月23日，校党委向某学院反馈巡察情况。巡察组组长蒋华代表校党委巡察组进行了会议反馈，学院院长吴丹主持会议。"
            "蒋华宣读了巡察反馈意见。反馈意见指出，某学院存在党组织政治功能发挥不够、整改措施落实不够严等问题。")
    assert [n for n, _ in _people(text)] == []
    # someone who reads out a forged report and is sanctioned for it is a case person
    assert [n for n, _ in _people("经查，王某宣读虚假验收报告，骗取补助资金2万元，受到党内警告处分。")] == ["王某"]


def test_a_name_cut_short_in_one_case_is_completed_from_the_rest_of_the_document():
    from extractors.model import Person
    from extractors.ner import NerSpan
    from extractors.people import said_whole_elsewhere

    doc = "某局原副局长李应来受贿次数超过300次。\n回顾李应来、文有良等人的贪腐轨迹可以发现……"
    short = Person(name="李应", start=0, end=2)
    per = [NerSpan(start=doc.index("李应"), end=doc.index("李应") + 2, label="PER", text="李应"),
           NerSpan(start=doc.rindex("李应来"), end=doc.rindex("李应来") + 3, label="PER", text="李应来")]
    assert [p.name for p in said_whole_elsewhere(doc, [short], per)] == ["李应来"]
    # a mention of the short form going on otherwise keeps it short (王明来自… / 王明受贿)
    other = doc + "李应受到开除党籍处分。"
    assert [p.name for p in said_whole_elsewhere(other, [short], per)] == ["李应"]


@pytest.mark.parametrize("text, want", [
    ("某乡原专职纪委副书记刘勇则通过转账和取现存现等方式，挪用国家专项资金356.8万余元。", ["刘勇"]),
    ("经审计，某国企时任董事长赵某自2018年以来在投资建设中违规决策，造成损失2亿元。", ["赵某"]),
    ("赵春林身为国家机关工作人员，利用其担任某电视台党委书记的职务便利，收受财物。", ["赵春林"]),
    ("朱慧卿绘\n某村党支部书记董德友侵占集体资金10万元，被开除党籍。", ["董德友"]),
])
def test_function_words_after_names_and_an_illustrators_credit(text, want):
    assert [n for n, _ in _people(text)] == want


@pytest.mark.parametrize("text, want", [
    ("目前，除已因其他问题被追究刑事责任的某县委原书记王斌外，某省对涉及的23名有关责任人作出处理。", ["王斌"]),
    ("某村党支部书记张海外出期间，违规收受礼金2万元。", ["张海"]),
])
def test_the_wai_that_closes_chu_is_not_part_of_a_name(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_wire_datelines_bracket_names_the_reporter():
    """中新网太原4月23日电（邝立成）: the bracket after a dateline credits the reporter."""
    text = "中新网太原4月23日电（邝立成）某省23日公布事故调查报告，对某市委书记祁美兰给予诫勉。"
    assert [p.name for p in extract_people(text)] == ["祁美兰"]


def test_someone_who_did_not_attend_a_meeting_is_still_named():
    """…副主任祁美兰中餐饮酒被停职;…3个单位未参加会议: a half-width ; ends the sentence, and 未参加会议
    reports an absence, not the meeting's attendees."""
    text = ("大会第一项议程是通报违反会议纪律情况:某县机关事务管理办公室副主任祁美兰中餐饮酒被停职;"
            "会议迟到者7人;3个单位未参加会议。")
    assert "祁美兰" in [p.name for p in extract_people(text)]


def test_names_masked_with_asterisks_are_people_as_written():
    # medical-insurance notices print doctors and patients as 秦*, 唐*生
    got = [n for n, _ in _people("该院冒用医师秦*名义书写查房记录，患者唐*生的两份彩超报告内容完全一致。")]
    assert got == ["秦*", "唐*生"]


@pytest.mark.parametrize("text, want", [
    # the statistical span runs on into 等 (…and others) and into a locative (面前)
    ("某区企业服务局副局长罗汉平等下沉社区干部，因工作不担当受到党内警告处分。", ["罗汉平"]),
    ("一份审计报告摆在某国有企业党委书记陈正清面前，他违规收受礼金5万元。", ["陈正清"]),
    # a case named after its person (杨宇案): the person is 杨宇
    ("杨宇案并非孤立事件。某局原副局长杨宇涉嫌受贿，被开除党籍。", ["杨宇"]),
])
def test_a_name_span_running_on_into_the_next_word_is_cut(text, want):
    assert [p.name for p in extract_people(normalize(text).text)] == want


@pytest.mark.parametrize("text, gone", [
    # 吴所 is the short form of the title 吴所长, not a name
    ("某镇国土所吴所长向我们说明了情况。随后，吴所又把项目资料拿给我们。村支书张三收受礼金2万元。", "吴所"),
    # 孙满堂 is the end of the idiom 儿孙满堂
    ("某村党支部书记张德明一心盼着老来儿孙满堂，却违规收受礼金2万元。", "孙满堂"),
    # a school named after its village is a unit, not a person
    ("某县李集镇李集小学校长严某违规发放补贴3万元。核查组调取了李集小学的账本。", "李集小学"),
])
def test_titles_idioms_and_schools_are_no_names(text, gone):
    names = [p.name for p in extract_people(normalize(text).text)]
    assert gone not in names and names


def test_the_inspection_team_leader_who_reports_the_problems_is_no_case_person():
    text = ("2023年2月24日，区委第二巡察组向某街道党工委反馈巡察情况。区委第二巡察组组长方宏波代表巡察组"
            "反馈了巡察情况。巡察发现，该街道统筹发展不够有力，违规发放津贴补贴2.3万元。")
    assert "方宏波" not in [p.name for p in extract_people(normalize(text).text)]


def test_section_names_joined_by_a_dot_are_no_transliterated_name():
    text = "第04版：观点·要闻 上一版\n海口市政府原副市长冯鸿浩受贿案开庭，冯鸿浩收受财物300万元。某县原副县长艾力·吐尔逊收受财物30万元。"
    names = [p.name for p in extract_people(normalize(text).text)]
    assert "冯鸿浩" in names and "艾力·吐尔逊" in names and not any("观点" in n for n in names)


@pytest.mark.parametrize("text, wrong", [
    ("据报道，电视剧总监制某某此前发文称，王立科曾想让这部电视剧停播。王立科被开除党籍。", "曾想让"),
    ("今年以来至少有50名银行高管被查。近期，银行高管被查的消息频频曝出，某银行原副行长马骁被开除党籍。", "高管"),
    ("某街道包联责任落实不到位，导致疫情扩散，街道党工委书记刘某被免职。", "包联责"),
])
def test_no_name_where_the_model_reads_ordinary_words(text, wrong):
    """A rule reading a surname in 王立科|曾|想|让, 50名|银行|高管|被查 or 街道|包联|责任 is outvoted by LAC,
    which reads an adverb and verbs, a common noun, a word running on: no person there."""
    names = [n for n, _ in _people(text)]
    assert wrong not in names and not any(wrong in n for n in names)


def test_a_byline_behind_a_bar_names_no_one_of_the_case():
    """Mirror pages print the credits with a bar (通讯员 | 廖培 / 编辑|杜杜): bylines, not people."""
    names = [n for n, _ in _people("文 | 法制周报记者 雷昕\n\n通讯员 | 廖培\n\n编辑|杜杜\n\n"
                                   "2019年，某镇财政所原出纳吴某挪用公款2000万元，被判处有期徒刑十年。")]
    assert "吴某" in names and not {"杜杜", "廖培", "雷昕"} & set(names)


def test_a_preposition_before_a_name_is_not_its_surname():
    """法定代表人由杨学仁变更为胡金忠: the rule after the post reads 由杨学; LAC reads 杨学仁 there."""
    names = [p.name for p in extract_people("在这一转型时刻，该行法定代表人由杨学仁变更为胡金忠，标志着胡金忠成为改制后的掌舵人。")]
    assert "杨学仁" in names and "由杨学" not in names


def test_a_surname_alone_then_ceng_is_the_person_named_before():
    """孙建勇 … 孙曾担任…行长: a feature calls him by his surname, and 曾 ("once") is no given name."""
    got = _people("某银行省分行原资深专家孙建勇涉嫌严重违纪违法被查，孙曾担任该行新疆分行行长。"
                  "同月，某分行原行长吴宁锋被查，吴曾担任该行陕西省分行副行长。")
    assert sorted(n for n, _ in got) == ["吴宁锋", "孙建勇"]


def test_a_village_room_or_school_is_no_name():
    """村计生室, 村农技校: a unit's room or school after 村, not a surname and a given name."""
    got = _people("该村先后建起了村文化室、村计生室、村农技校和村党员活动室，村党支部书记陈品贵却把补助款截留。")
    assert [n for n, _ in got] == ["陈品贵"]


def test_a_photo_credit_whose_space_normalisation_took_is_no_person():
    """（王湘 摄）: the space goes in normalisation, and 王湘摄 read as one name is the credit."""
    got = _people("巴中市平昌县江口街道酒驾醉驾专项治理警示教育会。（王湘 摄）\n为了遏制酒驾，街道纪工委开展专项检查。")
    assert got == []


def test_the_accused_named_after_beigaoren_are_people():
    """被告人付正荣系…: a court's word for the accused stands before the name as a post does; the
    dock (被告人席上) is no one, and 犯 after a pseudonym (王某犯…罪) is "guilty of", not a given name."""
    got = [n for n, _ in _people("被告人付正荣系卫生服务站办公室主任兼出纳，协助他人骗取医保资金。"
                                 "被告人王某犯玩忽职守罪，判处有期徒刑三年。")]
    assert sorted(got) == ["付正荣", "王某"]
    assert _people("庭审中，站在被告人席上的他多次落泪。") == []


def test_an_adverb_or_conjunction_after_a_post_is_no_surname():
    """四任支书都没有解决, 村主任和包工头勾结, 副站长连收…红包: after a post the clause goes on with a
    function word and a verb (LAC reads them so), no surname and given name; a name LAC reads as a
    noun (书记和志强) or a verb no dictionary holds (局长曾献平) stays."""
    got = [n for n, _ in _people("这块地被强占十余年，四任支书都没有解决。某村主任和包工头勾结，套取工程款12万元。"
                                 "某粮站副站长连收21个微信红包，被开除党籍。")]
    assert got == []
    kept = sorted(n for n, _ in _people("某村党支部书记和志强违规发放补贴。某执法局局长曾献平到省厅汇报工作，晚餐时违规接受宴请。"))
    assert kept == ["和志强", "曾献平"]


def test_an_official_revealing_a_case_in_an_interview_is_no_case_person():
    """区委书记杨某华在做客…访谈时透露，…: someone who reveals what was found speaks of the case."""
    got = [n for n, _ in _people("今年8月，南山区区委书记杨柳华在做客市纪检监察网在线访谈时透露，该区一拟任副区长在公示时被举报，"
                                 "经初查确实存在违反八项规定问题。青石街道工委书记李明轩受到党内警告处分。")]
    assert got == ["李明轩"]


def test_an_expert_speaking_in_an_interview_is_no_case_person():
    """…执行主任刘金明接受《某报》记者采访时说: the interview is an aside between the speaker and 说."""
    got = [n for n, _ in _people("“年轻干部大多社会阅历不深，一步步走向赌博甚至腐败深渊。”某大学廉政研究中心执行主任刘金明"
                                 "接受《法治日报》记者采访时说。某乡纪委副书记王大勇挪用扶贫资金28万元用于赌博。")]
    assert got == ["王大勇"]


def test_a_name_then_ceng_shi_and_a_post_is_the_name_alone():
    """刘勇曾是…纪委副书记: 曾是 ("once was") opens the post said after the name, as 曾任 does."""
    got = _people("刘大勇曾是某县某乡纪委副书记，却因赌球而堕落。")
    assert [n for n, _ in got] == ["刘大勇"] and got[0][1].endswith("纪委副书记")


def test_a_fund_named_before_zijin_is_no_person():
    """挪用林补资金28万余元: a kind of fund (林补 = forest subsidy) before 资金, not a name."""
    got = [n for n, _ in _people("2018年11月，某乡安排刘大勇负责惠民资金发放事宜，他利用职务便利，陆续挪用林补资金28万余元用于网络赌博。")]
    assert "林补" not in got and "刘大勇" in got


def test_a_line_of_names_and_the_paper_they_write_for_is_a_byline():
    """邬振冲 赵勤英/中国纪检监察报 under a headline: the reporters and their paper, not case people."""
    got = [n for n, _ in _people("村干部截留侵占扶贫资金被立案审查\n\n邬振中 赵勤芳/中国纪检监察报\n\n"
                                 "2010年3月，村党总支副书记农丕刚私自扣留村民34本存折，截留补助款8.8万元。")]
    assert got == ["农丕刚"]


@pytest.mark.parametrize("text, want", [
    # 当/任 + post + 时: "when serving as", the clause ends at 时 — no surname 时 there
    ("他在检讨书中写道：当局长时说副局长的话，当副局长时干科长的事。", []),
    ("自2015年孟宪国任院长时开始设立小金库，至2020年累计支出86万元。", ["孟宪国"]),
    # a post with no serving lead before it, or 任 inside 主任: the surname 时 stays
    ("副县长时宏伟违规收受礼金3万元，受到党内警告处分。", ["时宏伟"]),
    ("村主任兼会计时晓峰侵占集体资金3万元。", ["时晓峰"]),
])
def test_a_post_said_as_when_serving_ends_at_shi(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_leader_giving_instructions_is_no_case_person():
    text = ("事故发生后，市委书记杨光明要求立即成立调查组，彻查事故原因。经查，镇安监站站长王某某对辖区企业"
            "安全隐患排查不力，受到政务记过处分。")
    assert [n for n, _ in _people(text)] == ["王某某"]


@pytest.mark.parametrize("text", [
    "村党支部书记张某要求村民每户缴纳200元协调费，共收取1.2万元，受到党内警告处分。",
    "2019年，村党支部书记张某要求施工方给予好处费。",
])
def test_asking_for_money_is_a_deed_not_an_instruction(text):
    assert [n for n, _ in _people(text)] == ["张某"]


def test_an_official_who_lately_explained_the_work_is_no_case_person():
    text = ("市纪委监委第五审查调查室主任周建明最近介绍，该市15个县区已完成粮库专项巡察。"
            "其中，某粮库原主任刘某某虚报损耗套取资金36万元，被开除党籍。")
    assert [n for n, _ in _people(text)] == ["刘某某"]


@pytest.mark.parametrize("text, want", [
    ("经查，刘某平等13人通过虚构住院骗取医保基金42万元。", ["刘某平"]),
    ("村主任王某军等3人私分集体资金。", ["王某军"]),
    # 平等 as a word (equality) after a bare X某 stays a word
    ("王某平等对待每一位办事群众，受到表扬。", ["王某"]),
])
def test_a_pseudonyms_given_character_before_etal_and_a_count(text, want):
    assert [n for n, _ in _people(text)] == want


def test_leaders_listed_before_their_instruction_are_no_case_people():
    text = ("事故发生后，省委书记杜某峰、省长许某明、市委书记龚某文等领导立即对事故的应急救援和善后工作作出指示。"
            "经查，县校车办主任张某某对校车安全监管不力，被免职。")
    assert [n for n, _ in _people(text)] == ["张某某"]
    # a list before a sanction is the case's people
    assert [n for n, _ in _people("县委书记王某、县长李某等人被立案审查。")] == ["王某", "李某"]


@pytest.mark.parametrize("text, want", [
    ("学校副校长和交警中队中队长予以撤职，县教育局局长周某某受到政务警告处分。", ["周某某"]),
    ("由于客车司机和货车司机在此次事故中死亡，运输公司经理韩某某被移送司法机关。", ["韩某某"]),
])
def test_two_posts_joined_by_he_hold_no_surname(text, want):
    assert [n for n, _ in _people(text)] == want


@pytest.mark.parametrize("credit", [
    "钱立新 周若兰",                 # the authors' line under the headline, names alone
    "2021-03-14 09:42郑一鸣",         # the page's date and time, then the author
    "本报特约评论员 郑一鸣",          # a commentator's credit
    "文_郑一鸣、韩冬(发自江苏南京)",  # a magazine's credit
])
def test_a_credit_line_names_no_one_of_the_case(credit):
    text = (f"镇财政所长贪占危房改造款被开除党籍\n\n{credit}\n\n"
            "经查，镇财政所原所长温德贵利用职务便利，侵占危房改造补助资金12万元，被开除党籍。")
    assert [n for n, _ in _people(text)] == ["温德贵"]


def test_a_line_holding_one_name_is_still_read():
    """A single name on its own line may head that official's story: not taken for a credit."""
    text = "温德贵\n\n镇财政所原所长温德贵侵占危房改造补助资金12万元，被开除党籍。"
    assert [n for n, _ in _people(text)] == ["温德贵"]


def test_a_weekday_after_a_court_is_no_name():
    text = "省高级人民法院周五进行二审，裁定维持原判：原县长冯锦涛犯受贿罪，判处有期徒刑十年。"
    assert [n for n, _ in _people(text)] == ["冯锦涛"]


@pytest.mark.parametrize("text, want", [
    # a full stop between a transliterated name's parts
    ("和田地区某县原县长艾合买提.吐尔逊被“双开”。", ["艾合买提.吐尔逊"]),
    # a paper and its website joined by a dot is no name
    ("据某某日报·某某在线记者了解，县长艾合买提·吐尔逊已被查。", ["艾合买提·吐尔逊"]),
    ("据南方青年报·青网记者了解，县长艾合买提·吐尔逊已被查。", ["艾合买提·吐尔逊"]),
])
def test_dotted_names_and_mastheads(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_units_name_before_its_heads_post_is_no_name():
    text = "时任县自然资源局副局长、林管站站长被问责，镇农经所所长受到党内警告处分。"
    assert [n for n, _ in _people(text)] == []


@pytest.mark.parametrize("text, want", [
    # a surname and a place's last character, after a post: the official
    ("其中，某省某县县委原书记方乡在脱贫摘帽验收中弄虚作假被通报处理。", ["方乡"]),
    ("某市原副市长程镇在任职期间收受财物120万元。", ["程镇"]),
    # the same characters as the first part of a place after them stay a place
    ("驻村第一书记王某某到程镇中心小学走访。", ["王某某"]),
])
def test_a_name_ending_like_a_place_after_a_post(text, want):
    assert [n for n, _ in _people(text)] == want


@pytest.mark.parametrize("text, want", [
    ("某通信公司原党委书记、总经理芈德华严重违纪违法案剖析", ["芈德华"]),
    ("某县原副县长訾晓林收受他人财物，被开除党籍。", ["訾晓林"]),
    # 滑/药 start words too: names only right after a post
    ("县国土局局长药建波、县林业局局长滑国庆被免职。", ["药建波", "滑国庆"]),
    ("药品采购中收受回扣，滑坡事故后被问责的某局局长王某某受到处分。", ["王某某"]),
])
def test_rare_surnames(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_surname_before_others_is_no_name():
    text = "法院认定，在这两起案件中，王、魏等人通过发送威胁短信等手段，敲诈金额达410万元。"
    assert [n for n, _ in _people(text)] == []


@pytest.mark.parametrize("text, want", [
    # a surname alone, then the verb that gives the post or the clause's verb
    ("2016年初，陈担任某省委常委、常务副省长，分管财政工作。", []),
    ("两年后，孙涉嫌严重违纪违法，接受审查调查。", []),
    # a fall told right after a transliterated name ends it
    ("某自治区人民政府秘书长阿力木江·买买提明落马。", ["阿力木江·买买提明"]),
])
def test_a_surname_alone_before_a_verb_and_a_fall_after_a_name(text, want):
    assert [n for n, _ in _people(text)] == want


@pytest.mark.parametrize("text, want", [
    # an anonymised culprit explaining himself, or at a meeting, is a case's
    ("负责征地的干部覃某表示，当时征地的时候没有逐户核实。", ["覃某"]),
    ("村会计许某参加会议后，按照上级要求虚报种植面积。", ["许某"]),
    # …but the anonymised head of an inspected unit pledging is a speaker
    ("某镇党委书记程某表示，镇党委将对巡察反馈问题照单全收。", []),
    # a court's numbered pseudonyms
    ("拆迁过程中，王某2、王某1（均另案处理）虚报拆迁面积，刘某1（另案处理）帮助伪造材料。", ["王某2", "王某1", "刘某1"]),
    ("王某1次收受现金。", ["王某"]),
    # a Tibetan name of two known syllables
    ("某村党支部书记次旺仁增受到党内警告处分。", ["次旺仁增"]),
])
def test_anonymised_speakers_numbered_pseudonyms_and_tibetan_names(text, want):
    assert [n for n, _ in _people(text)] == want


def test_a_name_signed_with_a_slash_before_the_date_is_a_credit():
    text = "两任书记、镇长腐败案及其警示 孙立群/文 2014年8月，镇党委书记王某某收受他人贿赂。"
    assert [n for n, _ in _people(text)] == ["王某某"]


def test_a_name_only_in_a_bracketed_caption_line_is_no_case_person():
    text = "某省原副省长孙立群受审，法院以受贿罪判处其有期徒刑十二年。\n（孙立群受审）\n（韩晓梅）\n"
    assert [n for n, _ in _people(text)] == ["孙立群"]
