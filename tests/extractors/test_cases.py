"""Case splitting on texts written for these tests: every numbering form, nesting,
titled items, running text, inspection reports, articles; preamble and closing excluded."""
from __future__ import annotations

import pytest

from extractors.cases import cn_to_int, split_cases
from extractors.normalize import normalize

CASE = "{m}{who}违规发放津贴补贴问题。2020年3月，{who}违规发放补贴{n}万元，受到党内警告处分。"
WHO = ["某县财政局局长王大明", "某镇党委书记李小华", "某村党支部书记张某某", "某局办公室主任赵某"]
PRE = "近日，县纪委监委通报了4起违反中央八项规定精神典型问题。现将有关情况通报如下：\n"
END = "\n各级党组织要引以为戒、举一反三，切实加强教育管理。"


def _doc(markers, sep="\n", pre=PRE, end=END):
    body = sep.join(CASE.format(m=m, who=w, n=i + 1) for i, (m, w) in enumerate(zip(markers, WHO)))
    return pre + body + end


def _split(text):
    t = normalize(text).text
    sp = split_cases(t)
    return t, sp, [t[c.start:c.end] for c in sp.cases]


@pytest.mark.parametrize("markers", [
    ["一、", "二、", "三、", "四、"],
    ["（一）", "（二）", "（三）", "（四）"],
    ["(一)", "(二)", "(三)", "(四)"],
    ["1.", "2.", "3.", "4."],
    ["1、", "2、", "3、", "4、"],
    ["1．", "2．", "3．", "4．"],
    ["１．", "２．", "３．", "４．"],
    ["①", "②", "③", "④"],
    ["第一起，", "第二起，", "第三起，", "第四起，"],
    ["案例一：", "案例二：", "案例三：", "案例四："],
    ["【案例一】", "【案例二】", "【案例三】", "【案例四】"],
    ["(1)", "(2)", "(3)", "(4)"],
])
def test_numbered_items_in_every_form(markers):
    t, sp, texts = _split(_doc(markers))
    assert len(texts) == 4, texts
    for w, x in zip(WHO, texts):
        assert w in x
    assert "通报如下" not in "".join(texts)
    assert "引以为戒" not in texts[-1]
    assert sp.doc_type == "case_notice"


def test_inline_items_in_one_paragraph():
    _, _, texts = _split(_doc(["一、", "二、", "三、", "四、"], sep=""))
    assert len(texts) == 4 and all(w in x for w, x in zip(WHO, texts))


def test_traditional_script_and_ascii_punctuation():
    text = _doc(["1.", "2.", "3.", "4."]).replace("，", ",").replace("：", ":")
    from opencc import OpenCC

    trad = OpenCC("s2t").convert(text)
    _, _, texts = _split(trad)
    assert len(texts) == 4


def test_nested_sections_use_the_inner_items():
    text = ("现将5起典型问题通报如下：\n一、违反中央八项规定精神问题\n"
            + "\n".join(CASE.format(m=f"{i}．", who=w, n=i) for i, w in enumerate(WHO[:2], 1))
            + "\n二、侵害群众利益问题\n"
            + "\n".join(CASE.format(m=f"{i}．", who=w, n=i) for i, w in enumerate(WHO[2:], 1)))
    t, sp, texts = _split(text)
    assert len(texts) == 4
    assert not any("侵害群众利益问题\n" in x for x in texts)  # section heading not inside a case
    assert sp.cases[2].section.startswith("侵害群众利益")


def test_titled_paragraphs_without_numbers():
    text = PRE + "\n".join(CASE.format(m="", who=w, n=i) for i, w in enumerate(WHO, 1)) + END
    _, sp, texts = _split(text)
    assert len(texts) == 4
    assert "引以为戒" not in texts[-1]


def test_titled_sentences_inside_one_paragraph():
    text = ("通报的另外2起案件分别是：某县教育局局长王大明公款旅游问题。县纪委给予王大明党内警告处分。"
            "某镇党委书记李小华违规操办婚宴问题。县纪委给予李小华党内严重警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2
    assert texts[0].startswith("某县教育局局长王大明") and "李小华" not in texts[0]


def test_running_paragraphs_grouped_by_person():
    text = ("记者从市纪委获悉，市纪委日前通报了2起违规操办婚丧喜庆事宜问题。\n"
            "某县政协副主席王大明则因违规操办儿子婚宴被通报。\n"
            "2019年5月，王大明在县城酒店置办宴席40桌，收受礼金8万元。王大明受到党内严重警告处分。\n"
            "2020年1月，某镇原党委书记李小华操办父亲丧事，大操大办，受到党内警告处分。\n"
            "通报要求，各级党员干部要引以为戒。")
    _, _, texts = _split(text)
    assert len(texts) == 2, texts
    assert "王大明则因" in texts[0] and "收受礼金" in texts[0]
    assert texts[1].startswith("2020年1月")


def test_unit_subject_paragraphs_without_people():
    text = ("本报讯（记者张三）昨天，省纪委通报了3起超标准接待问题。其中，省某厅2019年5月公务接待10人，陪餐8人，花费3000元。\n"
            "2019年6月，某区政府公务接待12人，陪餐10人，花费2500元。\n"
            "某县机关事务局，2019年7月公务接待5人，陪餐9人，花费1800元。\n"
            "省纪委表示，上述问题严重违反中央八项规定精神。")
    _, _, texts = _split(text)
    assert len(texts) == 3
    assert texts[0].startswith("其中") and "本报讯" not in texts[0]


def test_inspection_report_yishi_problems_and_measures_excluded():
    text = ("根据县委统一部署，县委第一巡察组对某局党组开展了巡察。巡察发现的主要问题：一是落实主体责任不到位，"
            "监督责任缺位；二是财务管理不规范，违规发放津贴补贴；三是选人用人不规范。\n"
            "某局党组表示将认真整改：一是加强组织领导；二是建立整改台账；三是完善制度。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert len(texts) == 3 and texts[0].startswith("一是落实")
    assert not any("加强组织领导" in x for x in texts)


def test_report_area_sections_keep_their_inline_yishi_items():
    # The outermost list of problems is the case list (gold-format.md): a section named for an
    # area of work ((一)…方面。) holds its 一是/二是 in its own paragraph; the suggestions after
    # the list are no case.
    text = ("县委第三巡察组向县农业农村局党组反馈巡察情况\n"
            "巡察组指出，县农业农村局党组在以下方面存在问题：\n"
            "（一）落实上级决策部署方面。一是高标准农田建设进度滞后，部分项目未按期完工；二是涉农资金"
            "拨付不及时，滞留资金86万元。\n"
            "（二）全面从严治党方面。一是主体责任落实不力，对下属单位监管宽松；二是违规发放加班补贴4.5万元；"
            "三是公务用车管理不规范。\n"
            "（三）组织建设方面。一是支部组织生活不严肃；二是干部长期不轮岗交流。\n"
            "巡察组建议，县农业农村局党组要切实扛起整改主体责任，一是加强学习；二是完善制度。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [t[:4] for t in texts] == ["（一）落", "（二）全", "（三）组"]
    assert "二是违规发放加班补贴" in texts[1] and not any("加强学习" in t for t in texts)


def test_inspection_report_paragraph_per_unit():
    text = ("6月10日，市委巡察组分别向某镇等2个乡镇党组织反馈巡察情况。\n"
            "某镇党委存在问题：党组织领导核心弱化，“两个责任”履行不力，“三资”管理混乱。\n"
            "某乡党委存在问题：重业务轻党建，组织生活不严肃，扶贫项目问题较多。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert len(texts) == 2


def test_single_case_article_takes_its_title():
    text = ("被挪用的救灾款\n"
            "近日，某县纪委监委通报一起挪用救灾资金的问题。\n"
            "经查，2020年，某乡民政助理员王某某将救灾资金3万元挪作他用。王某某受到党内警告处分。\n"
            "“没想到会被查出来。”王某某说。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "article"
    assert len(texts) == 1 and texts[0].startswith("被挪用的救灾款")


def test_article_with_no_case():
    text = "某县召开警示教育大会。会议要求，各级党员干部要筑牢思想防线，严守纪律规矩。"
    _, sp, texts = _split(text)
    assert texts == [] and sp.doc_type == "article"


def test_numbers_inside_a_case_do_not_split_it():
    text = ("2019年5月，某县财政局局长王大明违规发放津贴补贴：(1)发放加班费2万元；(2)发放值班费1万元。"
            "王大明受到党内警告处分。\n"
            "2019年6月，某镇党委书记李小华公款旅游，受到党内严重警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2


@pytest.mark.parametrize("s, n", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("7", 7)])
def test_cn_to_int(s, n):
    assert cn_to_int(s) == n


def test_report_sections_with_suggestions_are_not_cases():
    text = ("根据市委统一部署，市委巡察组对某局党组进行了巡察，并反馈了巡察意见。\n"
            "一、巡察发现的主要问题\n"
            "（一）落实党中央决策部署不到位。政策宣传不够。\n"
            "（二）“两个责任”落实不力。违规发放津贴补贴问题仍有发生。\n"
            "（三）选人用人工作不够规范。干部长期不轮岗。\n"
            "二、巡察组提出的意见建议\n"
            "（一）加强党的政治建设。\n（二）压紧压实管党治党责任。\n（三）严格执行干部选拔任用条例。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [x[:3] for x in texts] == ["（一）", "（二）", "（三）"]
    assert not any("意见建议" in x or "政治建设" in x for x in texts)


def test_report_section_without_items_that_describes_a_problem_is_a_case():
    text = ("县委第二巡察组对县卫生健康局党组开展了巡察。现将主要问题反馈如下。\n"
            "一、落实全面从严治党责任方面\n"
            "（一）主体责任落实不到位。党组会议研究党风廉政建设不足。\n"
            "（二）违规发放补贴问题仍有发生。2022年违规发放值班补贴3.6万元。\n"
            "二、干部队伍建设方面\n"
            "干部管理不严格，2名干部长期在外借调未办理手续；干部档案审核不严。\n"
            "三、巡察工作开展情况\n"
            "巡察组共谈话120人次，受理信访举报35件。\n"
            "四、整改要求\n"
            "局党组要认真抓好整改，两个月内报送整改情况。")
    _, sp, texts = _split(text)
    # the outermost list of problems is the areas (一、…方面), their (一)(二) inside them (gold-format)
    assert [x[:6] for x in texts] == ["一、落实全面", "二、干部队伍"]
    assert texts[-1].endswith("干部档案审核不严。")
    assert not any("谈话" in x or "整改情况" in x for x in texts)


def test_summing_up_paragraph_closes_the_list():
    text = _doc(["一、", "二、", "三、", "四、"], end="\n上述问题，有的顶风违纪，性质恶劣，2022年以来仍有发生。")
    _, _, texts = _split(text)
    assert len(texts) == 4 and "上述问题" not in texts[-1]


def test_sanction_paragraph_continues_and_next_titled_paragraph_opens():
    text = ("近日，县纪委监委公开通报3起违规吃喝典型问题。\n"
            "县住建局副局长马文涛违规接受宴请问题。2022年1月，马文涛接受施工企业负责人安排的宴请。\n"
            "经查，马文涛还存在其他违纪问题。2022年5月，县纪委监委给予马文涛党内严重警告处分。\n"
            "县交通运输局工会主席杨帆违规公款吃喝问题。2021年12月，杨帆安排同事聚餐，费用4200元由单位报销。\n"
            "对此，县纪委监委给予杨帆党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2
    assert "党内严重警告" in texts[0] and texts[1].startswith("县交通运输局")


def test_examples_in_a_commentary_are_cases():
    text = ("以案为鉴 严防“微腐败”\n“微腐败”也可能成为“大祸害”。\n"
            "比如，2020年，某镇民政办干事赵某虚报冒领低保金1.8万元，受到开除党籍处分。又如，某村党支部书记孙某某"
            "截留村民土地流转费5万元，受到党内严重警告处分。\n这些案例告诉我们，基层干部必须心存敬畏。")
    _, _, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("又如")


def test_case_rules_compile_and_never_match_nothing():
    from extractors.cases import case_rules

    for name, rx in case_rules().patterns.items():
        assert rx.search("") is None or name == "date", name  # an empty alternative matches everything
        assert rx.search("甲乙丙丁戊己庚辛") is None, name


def test_marker_right_before_a_year():
    text = PRE + "\n".join(f"{i}．2020年，{w}违规发放津贴补贴{i}万元，受到党内警告处分。" for i, w in enumerate(WHO, 1))
    _, _, texts = _split(text)
    assert len(texts) == 4


def test_work_report_naming_officials_has_no_case():
    text = ("3月5日，县纪委书记李明主持召开全县党风廉政建设工作会议。\n"
            "会议强调，各级党组织要坚持严的主基调，县委副书记王强作了讲话。\n"
            "2023年，全县共开展监督检查120次。")
    _, sp, texts = _split(text)
    assert texts == [] and sp.doc_type == "article"


def test_rectification_report_titled_as_a_notice():
    text = ("中共某镇委员会关于县委巡察反馈意见整改进展情况的通报\n"
            "根据县委统一部署，县委第二巡察组对我镇党委进行了巡察。现将整改进展情况予以公布。\n"
            "一、提高政治站位，扎实推进巡察整改\n"
            "镇党委高度重视巡察反馈问题整改工作，成立了整改工作领导小组。\n"
            "二、巡察反馈问题整改落实情况\n"
            "（一）关于“村级集体资产管理不规范”问题\n整改情况：追缴欠缴承包费8.6万元，对2名村干部诫勉谈话。\n"
            "（二）关于“违规公款接待”问题\n整改情况：原所长李某违规安排公务接待5次，李某受到党内警告处分。\n"
            "三、下一步工作打算\n镇党委将持续巩固整改成果。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [x[:3] for x in texts] == ["（一）", "（二）"]


def test_statistics_of_sanctions_are_not_a_case():
    text = ("集中整治民生领域突出问题\n"
            "今年以来，县纪委监委聚焦教育、医疗等重点领域，共发现问题线索86条，立案42件，给予党纪政务处分39人。\n"
            "在养老服务领域，县民政局股长施某某审核把关不严，致使3人违规领取供养资金2.16万元。施某某受到政务警告处分。\n"
            "在医疗保障领域，县纪委监委查处了某镇卫生院院长蒋国栋收受回扣问题，蒋国栋被开除党籍。\n"
            "“下一步，我们将持续深化整治。”县纪委监委相关负责人表示。")
    _, sp, texts = _split(text)
    assert len(texts) == 2
    assert texts[0].startswith("在养老服务领域") and texts[1].startswith("在医疗保障领域")


# --- Genre-level splitting on whole documents written for these tests (samples/cases/) ---
import re  # noqa: E402
from pathlib import Path  # noqa: E402

from extractors.cases import concreteness, is_concrete  # noqa: E402

SAMPLES = Path(__file__).resolve().parent / "samples" / "cases"


def _sample(name):
    return _split((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


def test_policy_article_with_numbered_sections_has_no_case():
    # sections of requirements, a statistics paragraph, a quoted rule, a speech: none a case
    _, sp, texts = _sample("policy-article-numbered-sections")
    assert texts == [] and sp.doc_type == "article"


def test_research_article_generic_problem_sections_are_not_cases():
    # （一）…（四） describe problems in general; only the named example inside is a case
    _, sp, texts = _sample("research-article-problem-sections")
    assert len(texts) == 1 and "李某某" in texts[0]
    assert "课题组" not in texts[0]  # the paper's title and sections are not the case's lead
    assert sp.doc_type == "article"


def test_article_recounting_three_officials_in_prose_has_three_cases():
    _, sp, texts = _sample("prose-article-three-officials")
    assert len(texts) == 3
    for who, x in zip(["刘建国", "陈晓燕", "孙某某"], texts):
        assert who in x
    assert "陈晓燕" not in texts[0] and "专家指出" not in texts[-1]
    assert sp.doc_type == "article"


@pytest.mark.parametrize("bullet", ["■", "●", "◆", "▲"])
def test_bullet_roundup_has_one_case_per_bullet(bullet):
    text = (SAMPLES / "bullet-roundup-four.txt").read_text(encoding="utf-8").replace("■", bullet)
    _, sp, texts = _split(text)
    assert len(texts) == 4
    for who, x in zip(["黄志强", "吴海涛", "郑某某", "冯小军"], texts):
        assert who in x
    assert "紧盯节点" not in texts[-1]


def test_bullets_inside_one_paragraph_still_split():
    lines = (SAMPLES / "bullet-roundup-four.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[:2]) + "\n" + "".join(lines[2:6]) + "\n" + "\n".join(lines[6:])
    _, _, texts = _split(text)
    assert len(texts) == 4


def test_dash_province_roundup_has_one_case_per_line():
    _, _, texts = _sample("province-dash-roundup")
    assert len(texts) == 3 and "梳理" not in texts[0]


def test_notice_opening_and_closing_commentary_are_not_cases():
    _, sp, texts = _sample("notice-opening-closing")
    assert len(texts) == 3
    assert "通报如下" not in texts[0] and "引以为戒" not in texts[-1] and "2023年11月20日" not in texts[-1]
    assert sp.doc_type == "case_notice"


def test_rectification_report_measures_are_not_cases():
    _, sp, texts = _sample("rectification-measures-list")
    assert len(texts) == 3
    assert all(x.startswith(m) for m, x in zip(["（一）", "（二）", "（三）"], texts))
    assert not any("巩固整改成果" in x for x in texts)
    assert sp.doc_type == "inspection_report"


def test_notice_single_case_with_yishi_analysis_is_one_case():
    _, sp, texts = _sample("notice-single-case-analysis")
    assert len(texts) == 1 and "186万元" in texts[0]
    assert "一要坚定" not in texts[0]
    assert sp.doc_type == "case_notice"


def test_news_story_about_an_inspection_is_not_an_inspection_report():
    text = ("“账目看着没问题。”巡察组进驻某村之初，群众这样说。\n"
            "巡察组仔细比对票据后发现，该村党支部书记赵某某2021年虚列工程支出，套取村集体资金6万元。"
            "赵某某受到党内严重警告处分。\n记者了解到，巡察整改仍在进行中。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "article" and len(texts) == 1


def test_pipe_table_rows_are_cases():
    text = ("某区医疗保障局行政处罚案件目录\n"
            "| 序号 | 单位名称 | 违规金额(元) | 处理结果 |\n"
            "| 1 | 某某诊所 | 2046.56 | 责令退回违规基金2046.56元，罚款1000元 |\n"
            "| 2 | 某某药房 | 5369.16 | 责令退回违规基金5369.16元 |\n")
    _, _, texts = _split(text)
    assert len(texts) == 2 and "某某药房" in texts[1]


@pytest.mark.parametrize("unit, concrete", [
    ("某县民政局局长王大明违规收受礼金2万元，受到党内警告处分。", True),
    ("2021年，某镇财政所出纳李某某虚报冒领补贴资金3.2万元。", True),
    ("要坚持严的基调，持续加强监督，推动全面从严治党向基层延伸。", False),
    ("去年以来，全省共查处群众身边腐败问题1.2万个，给予党纪政务处分9800人。", False),
    ("《中国共产党纪律处分条例》规定：“收受礼金的，给予警告处分。”", False),
    ("市委书记在会上讲话强调，一要严守纪律，二要加强监督，三要严肃查处违规问题。", False),
    ("某区纪委监委探索建立片区协作机制，去年以来发现问题线索58条，给予党纪政务处分21人，挽回损失80万元。", False),
    ("市纪委监委通报了6起侵害群众利益典型问题，涉及违规收费、截留补贴等。", False),
    ("经查，2020年以来，周某某先后收受他人财物9次，累计金额28万元。", True),
    ("某乡政府在人居环境整治中搞形式主义，不顾实际要求农户统一粉刷外墙，相关负责人受到诫勉。", True),
    ("“这笔钱是借的。”某村党支部书记何某辩解说，但经查，其收受工程老板好处费3万元。", True),
    ("区纪委监委表示，上述问题严重违反中央八项规定精神。", False),
])
def test_concreteness_of_units(unit, concrete):
    t = normalize(unit).text
    assert is_concrete(t) is concrete, concreteness(t)


def test_running_notice_with_bracket_headings_and_closing_speech():
    _, sp, texts = _sample("running-notice-commentary")
    assert len(texts) == 3
    assert [x.split("】")[0] for x in texts] == ["【违规收取费用", "【截留挪用补贴", "【优亲厚友"]
    assert "本报讯" not in texts[0] and "一要压实" not in texts[-1]
    assert sp.doc_type == "case_notice"


def test_report_inline_aspect_heads_are_the_outermost_list():
    text = ("县委巡察组反馈第三轮巡察情况\n"
            "根据县委统一部署，县委3个巡察组对8个部门开展了常规巡察，近日向被巡察单位反馈了巡察情况。\n"
            "巡察指出的问题主要是：在落实政治责任方面。有的党组织贯彻上级部署不到位；有的议事规则执行不严。"
            "在作风建设方面。有的单位公务接待管理混乱；有的违规发放津贴补贴。"
            "在选人用人方面。有的干部选拔程序不规范，档案管理存在漏洞。\n"
            "县委巡察办要求，各被巡察单位要认真抓好整改。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [x[:6] for x in texts] == ["在落实政治责", "在作风建设方", "在选人用人方"]


def test_report_findings_per_inspected_unit_in_one_paragraph():
    text = ("根据市委统一部署，市委巡察组对三个县开展了巡察“回头看”，近日反馈了巡察情况。\n"
            "从反馈情况看，3个县重视整改工作，但仍存在一些突出问题。"
            "甲县落实主体责任不到位，专项资金管理不严。乙县基层党组织建设薄弱，村级财务管理混乱。"
            "丙县违反中央八项规定精神问题仍然存在，干部选拔不够规范。\n")
    _, sp, texts = _split(text)
    assert [x[:2] for x in texts] == ["甲县", "乙县", "丙县"]


def test_follow_up_paragraph_with_totals_stays_in_its_case():
    text = ("某县交通局原局长郑伟明严重违纪违法问题。\n"
            "2019年至2022年，郑伟明利用职务便利为他人承揽工程提供帮助，收受财物。\n"
            "经查，郑伟明先后收受他人财物11次，累计金额46万元。郑伟明被开除党籍、开除公职。\n"
            "省纪委监委指出，党员干部要以案为鉴。")
    _, _, texts = _split(text)
    assert len(texts) == 1 and "46万元" in texts[0] and "以案为鉴" not in texts[0]


def test_research_article_about_inspection_work_is_not_a_report():
    # an article studying inspection work: its problem sections are general, not findings
    _, sp, texts = _sample("research-article-on-inspection-work")
    assert texts == [] and sp.doc_type == "article"


def test_roundup_lead_naming_every_culprit_does_not_merge_the_cases():
    _, sp, texts = _sample("standfirst-names-all-cases")
    assert len(texts) == 3
    for who, x in zip(["石永刚", "罗某", "韦丽娟"], texts):
        assert x.startswith(who)
    assert "引以为戒" not in texts[-1]


@pytest.mark.parametrize("numbered", [True, False])
def test_formalism_notice_of_units_without_names_or_sums(numbered):
    # an announced list of cases whose subjects are units and whose deeds are formalism
    text = (SAMPLES / "formalism-notice-units.txt").read_text(encoding="utf-8")
    if not numbered:
        text = re.sub(r"(?m)^[1-4]\.", "", text)
    _, sp, texts = _split(text)
    assert [x.lstrip("1234.")[:2] for x in texts] == ["某县", "某镇", "某区", "某街"]
    assert "以案为鉴" not in texts[-1]
    assert sp.doc_type == "case_notice"


def test_list_of_prohibitions_is_not_a_case():
    text = ("省纪委印发通知，严明节日纪律要求。\n第一禁：违规操办\n严禁违规操办婚丧喜庆事宜或借机敛财；\n"
            "第二禁：公车私用\n严禁违规使用公务用车，公车私用、私车公养；\n第三禁：收送礼金\n严禁违规收送礼品礼金、消费卡。")
    _, _, texts = _split(text)
    assert texts == []


def test_case_lesson_quoted_rule_is_not_part_of_the_case():
    _, _, texts = _sample("case-lesson-with-quotation")
    assert len(texts) == 1 and "1.5万元" in texts[0]
    assert "第九十七条" not in texts[0]


def test_unnamed_group_case_then_a_named_case_elsewhere_in_one_paragraph():
    text = ("记者梳理发现，类似问题在多地均有发生。\n"
            "今年以来，青石县14名村干部被查出截留挪用退耕还林补贴共计31万元，均受到党纪处分。"
            "白水县村委会副主任吕某在申报补贴时，收受村民好处费6000元，受到撤职处分。\n")
    _, _, texts = _split(text)
    assert len(texts) == 2 and "青石县" in texts[0] and texts[1].startswith("白水县")


def test_collective_case_in_one_place_stays_one_case():
    text = ("判决书显示，上述涉案人员均被判刑。其中，时任村党支部书记的马某某因犯贪污罪被判处有期徒刑六年；"
            "时任村主任的牛某某因犯受贿罪被判处有期徒刑四年。村原会计侯建设作为二人的助手，也因犯贪污罪被判处有期徒刑二年。")
    _, _, texts = _split(text)
    assert len(texts) == 1


def test_article_sections_recounting_several_cases_each():
    _, sp, texts = _sample("article-sections-with-several-cases")
    assert len(texts) == 4
    for who, x in zip(["郭志鹏", "叶某某", "樊建军", "邵某"], texts):
        assert who in x
    assert texts[0].startswith("一、") and "专家认为" not in texts[-1]


def test_notice_section_with_one_case_and_its_accountability():
    text = ("关于2起违规发放津贴补贴问题的通报\n现将有关情况通报如下：\n"
            "一、某县财政局违规发放津贴补贴问题\n"
            "2021年，县财政局局长贾立新违规以加班费名义向本局干部发放补贴共计9万元。贾立新受到党内严重警告处分。\n"
            "县财政局副局长龚某对此负有领导责任，受到诫勉处理。\n"
            "二、某镇政府违规发放津贴补贴问题\n"
            "2022年，镇长史文斌违规向镇干部发放春节慰问金3.6万元。史文斌受到政务记过处分。\n")
    _, _, texts = _split(text)
    assert len(texts) == 2 and "龚某" in texts[0]


def test_running_notice_titled_paragraph_and_its_accountability():
    text = ("关于2起违规发放津贴补贴问题的通报\n现将有关情况通报如下：\n"
            "某县财政局违规发放津贴补贴问题。2021年，县财政局局长贾立新违规以加班费名义向本局干部发放补贴共计9万元。"
            "贾立新受到党内严重警告处分。\n县财政局副局长龚某对此负有领导责任，受到诫勉处理。\n"
            "某镇政府违规发放津贴补贴问题。2022年，镇长史文斌违规向镇干部发放春节慰问金3.6万元。史文斌受到政务记过处分。\n")
    _, _, texts = _split(text)
    assert len(texts) == 2
    assert texts[0].startswith("某县财政局") and "龚某" in texts[0] and texts[1].startswith("某镇政府")


def test_roundup_bullet_with_a_drink_driving_case():
    text = ("近日，多地通报公职人员违纪违法典型问题。\n"
            "■某县民政局局长丁某某酒后驾驶公务用车，受到撤职处分。\n"
            "■某镇党委副书记庞立军违规收受礼金6000元，受到党内警告处分。\n")
    _, _, texts = _split(text)
    assert len(texts) == 2


@pytest.mark.parametrize("line_end", ["；", "。", "inline"])
def test_unnumbered_list_of_one_line_incidents_one_case_per_line(line_end):
    # a lead (…通报了6起…分别是：) then one incident per line whose subject is a unit or a
    # post without a personal name: each line is a case of its own (also when the incidents
    # follow each other in the lead's paragraph, separated by ；)
    text = (SAMPLES / "notice-list-of-unit-incidents.txt").read_text(encoding="utf-8")
    if line_end == "inline":
        text = re.sub(r"([：；])\n", r"\1", text)
    else:
        text = re.sub(r"；$", line_end, text, flags=re.M)
    _, sp, texts = _split(text)
    heads = ["某县县委书记", "某街道组织", "某市地税局", "某镇党委副书记", "某区教育局", "某国有企业"]
    assert [x[:len(h)] for x, h in zip(texts, heads)] == heads and len(texts) == 6, texts
    assert not any("分别是" in x or "引以为戒" in x for x in texts)
    assert sp.doc_type == "case_notice"


def test_one_line_incident_with_its_own_unit_is_not_an_accountability_line():
    # a line whose sanction follows its own unit's deed (组织…赴外地召开务虚会) is a case; a line
    # that only holds someone accountable for the case before (对此负有领导责任) is not
    text = ("现将3起典型问题通报如下：\n"
            "某乡政府组织干部职工赴景区召开座谈会并游览，乡党委书记受到党内警告处分；\n"
            "某县交通局党组副书记冯长海违规收受施工方礼金2万元，受到撤销党内职务处分。"
            "县交通局局长对此负有领导责任，受到诫勉处理；\n"
            "某市城管局节日期间向职工发放购物卡，局长受到党内严重警告处分。\n")
    _, _, texts = _split(text)
    assert len(texts) == 3, texts
    assert "对此负有领导责任" in texts[1]


def test_story_feature_case_starts_at_its_introduction():
    # one case told as a story: the culprit is introduced with his post before "经查"
    _, _, texts = _sample("story-feature-culprit-introduced")
    assert len(texts) == 1, texts
    assert "时任柳河村文书的唐某刚" in texts[0] and "没想到他连修路的钱都敢动" in texts[0]
    assert "开除党籍" in texts[0]


def test_article_stories_each_start_at_the_paragraph_introducing_the_culprit():
    _, _, texts = _sample("article-two-stories-with-introductions")
    assert len(texts) == 2, texts
    assert "农机科科长邓立军身上" in texts[0] and "26万元" in texts[0]
    assert "会计方晓红的生活开销" in texts[1] and "15.4万元" in texts[1]
    assert "专家表示" not in texts[1]


def test_story_feature_with_a_long_narrative_lead_keeps_it():
    _, _, texts = _sample("story-feature-long-lead")
    assert len(texts) == 1, texts
    assert "这笔钱到底去哪儿了" in texts[0] and "时任新桥村党支部书记兼村委会主任的刘某某" in texts[0]
    assert "开除党籍" in texts[0]


def test_single_case_notice_starts_after_its_opening():
    # the culprit's introduction (郑国栋，男，…曾任…) is part of the case; the notice opening is not
    _, sp, texts = _sample("notice-single-case-with-opening")
    assert len(texts) == 1 and texts[0].startswith("郑国栋，男")
    assert "通报如下" not in texts[0] and "以此为戒" not in texts[0]
    assert sp.doc_type == "case_notice"


def test_policy_article_with_one_example_keeps_only_the_example():
    _, _, texts = _sample("policy-article-with-one-example")
    assert len(texts) == 1 and "孙立平" in texts[0]
    assert "监督质效" not in texts[0] and "以案为鉴" not in texts[0]


def test_list_of_incidents_with_a_time_clause_a_post_or_a_name_as_subject():
    # 2023年中秋期间，某县供销社主任… (subject after a time clause) / …陈国华… / 某镇政府… /
    # 某医院院长… / 市某局办公室干部…: one case per line; 具体如下 and the closing are none
    _, _, texts = _sample("notice-list-mixed-subjects")
    assert len(texts) == 5, texts
    assert texts[0].startswith("2023年中秋期间") and "陈国华" in texts[1] and texts[4].startswith("市某局")
    assert not any("具体如下" in x or "以案为鉴" in x for x in texts)


def test_reporting_body_after_a_time_clause_is_not_the_subject():
    from extractors.cases import concreteness

    feats = concreteness("2024年5月，某县纪委监委收到群众举报，反映某村社长余某某可能侵占集体资金。")[1]
    assert "org_subject" not in feats


def test_a_pseudonym_introduced_once_is_read_as_the_document_says_it():
    """The introduction says 唐某刚 once (LAC cuts it to 邹某 there); the rest of the story
    says 唐某刚 again and again: the introduction opens his case."""
    text = ("“小官”伸手 救助款成了他的“零花钱”\n"
            "“没想到他连我们的救命钱都敢动！”提起曾经的村文书，东岭乡白石村村民仍然气愤不已。\n"
            "事情要从去年说起。当时，县纪委监委在专项监督时发现，白石村的救助资金名册中有多名村民签名字迹"
            "高度相似。顺着这一线索，调查组很快锁定了时任白石村文书的唐某刚。\n"
            "经查，2019年至2022年，唐某刚利用负责造册的便利，采取冒签领款等手段，套取救助资金共计5.2万元。\n"
            "“我以为钱数不大，不会被发现。”在留置期间，唐某刚悔恨地说。\n"
            "今年6月，唐某刚受到开除党籍处分，其涉嫌犯罪问题被移送检察机关依法审查起诉。\n")
    sp = split_cases(normalize(text).text)
    assert len(sp.cases) == 1
    assert "锁定了时任白石村文书的唐某刚" in text[sp.cases[0].start:sp.cases[0].end]


def test_notice_item_decision_paragraph_after_a_colon_stays_in_the_item():
    # …作出如下处理：/ 处理如下： announces the paragraph after it, which names the officials
    # and their sanctions: one case per numbered item, whatever people the decision names.
    _, sp, texts = _sample("notice-item-decision-after-colon")
    assert len(texts) == 2, texts
    assert texts[0].startswith("一、") and "陈某平" in texts[0] and "刘某芳" in texts[0]
    assert texts[0].endswith("给予诫勉。")
    assert texts[1].startswith("二、") and "黄某林" in texts[1] and "周某民" in texts[1]
    assert "引以为戒" not in texts[1]


def test_colon_paragraph_continues_in_running_text():
    text = ("近日，县纪委监委通报了2起违规问题。\n"
            "2023年5月，某县民政局违规向干部发放慰问金4.2万元。经研究，决定如下：\n"
            "县民政局局长方某明违反规定签批发放，负主要领导责任，给予党内警告处分；副局长石某平给予诫勉。\n"
            "2023年7月，某镇卫生院院长邱某红违规报销私人费用1.1万元，受到政务记过处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2, texts
    assert "方某明" in texts[0] and "石某平" in texts[0] and "邱某红" in texts[1]


def test_statistic_sentence_introducing_the_culprit_opens_his_case():
    # 通报的8起案例中，…副厅长钱某华是唯一的厅级干部。 introduces the person the next
    # paragraph tells of: it belongs to his case despite its statistics phrase.
    _, _, texts = _sample("article-statistic-introduces-culprit")
    assert len(texts) == 2, texts
    assert texts[0].startswith("通报的8起案例中") and "36.5万元" in texts[0]
    assert "冯某强" in texts[1]


def test_statistic_sentence_naming_no_one_stays_out():
    text = ("通报的5起案例中，有3起发生在春节期间。\n"
            "2022年1月，某县林业局局长贺某东违规收受礼金2万元，受到党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 1 and texts[0].startswith("2022年1月")


def test_report_outermost_list_holds_its_yishi_chains():
    # gold-format: in a report the outermost list of problems is the case list; 一是/二是
    # inside a （一） item are part of it. The measures after the findings are no case.
    _, sp, texts = _sample("report-sections-with-yishi-chains")
    assert sp.doc_type == "inspection_report"
    assert [x[:3] for x in texts] == ["（一）", "（二）", "（三）"], texts
    assert "三是落实安全生产" in texts[0] and "8.6万元" in texts[1]
    assert not any("纳入党委重要议事日程" in x for x in texts)


def test_notice_items_with_a_title_line_and_pseudonyms():
    _, sp, texts = _sample("notice-items-title-then-facts")
    assert sp.doc_type == "case_notice"
    assert len(texts) == 3
    for who, x in zip(["吴某新", "郑某军", "何某娟"], texts):
        assert who in x and x.count("\n") == 1


def test_notice_item_titled_by_its_unit_is_one_case():
    # no colon: the paragraph after the facts names the officials responsible and their
    # sanctions; an item titled by its subject (某县文旅局…的问题) is one case.
    _, _, texts = _sample("notice-item-decision-names-officials")
    assert len(texts) == 2, texts
    assert "尹某辉" in texts[0] and "蒋某丽" in texts[0] and "邓某军" in texts[1]


def test_category_section_decision_paragraph_referring_back_joins_its_case():
    text = ("现将有关情况通报如下：\n一、违规发放津贴补贴问题\n"
            "2023年3月，某县审计局以误餐补助名义违规向干部发放补贴2.2万元。\n"
            "审计局局长柯某新和副局长严某华对上述问题负有责任，违反了有关规定，分别给予党内警告处分。\n"
            "2023年6月，某乡卫生院院长卢某波违规报销个人旅游费用0.8万元，受到政务记过处分。\n"
            "二、公款吃喝问题\n"
            "2022年12月，某镇党委副书记邹某明多次安排公款宴请，花费1.3万元，受到党内警告处分。\n"
            "2023年2月，某区市场监管局局长温某平违规接受管理对象宴请，受到诫勉处理。")
    _, _, texts = _split(text)
    assert len(texts) == 4, texts
    assert "柯某新" in texts[0] and "严某华" in texts[0] and "卢某波" in texts[1]
    assert "邹某明" in texts[2] and "温某平" in texts[3]


def test_report_container_heading_still_uses_its_problem_items():
    # 一、巡察发现的问题 contains the problems; each （一） item states one, with its 一是 inside.
    text = ("县委巡察组对某局党组开展了巡察，并向某局党组反馈了巡察意见。\n一、巡察发现的主要问题\n"
            "（一）政治建设不够有力。一是学习不深入；二是落实不到位。\n"
            "（二）管党治党责任落实不力。一是监督缺位；二是违规发放补贴1.2万元。\n"
            "二、整改建议\n（一）加强政治建设。\n（二）压实管党治党责任。")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [x[:3] for x in texts] == ["（一）", "（二）"], texts
    assert "二是落实不到位" in texts[0]


def test_decision_list_announced_by_a_case_is_not_a_case_list():
    # 县纪委监委处理如下：（一）给予局长甲…；（二）对副局长乙…: the decisions of the case
    # whose paragraph announces them, not cases of their own.
    _, _, texts = _sample("notice-items-with-decision-lists")
    assert len(texts) == 2, texts
    assert "谭某明" in texts[0] and "退还" in texts[0] and "龙某" in texts[1]


def test_decision_list_in_running_text_stays_in_its_case():
    text = ("近日，县纪委监委通报了2起违反中央八项规定精神问题。\n"
            "2023年1月，某县畜牧局违规向干部职工发放值班补贴3.2万元。县纪委监委处理如下：\n"
            "1.给予县畜牧局局长欧某华党内警告处分；\n"
            "2.对副局长谭某明违规签批补贴的行为进行诫勉谈话；\n"
            "3.责令退还违规发放的补贴。\n"
            "2023年4月，某乡政府在接待中超标准公款吃喝，花费0.9万元，乡长贺某云受到党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2, texts
    assert texts[0].endswith("3.责令退还违规发放的补贴。") and "贺某云" in texts[1]


def test_preamble_announcing_the_cases_keeps_its_list():
    text = ("近日，县纪委监委查处了3起违反中央八项规定精神问题，具体如下：\n"
            "1.某县交通局局长朱某亮违规收受礼金1.5万元，受到党内警告处分。\n"
            "2.某镇党委副书记祁某峰公车私用，受到诫勉处理。\n"
            "3.某村党支部书记廖某才违规操办婚宴，受到党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 3 and texts[0].startswith("1.")


def test_category_section_officials_of_the_same_unit_join_its_incident():
    # 一、公款同城宴请问题 holds two incidents; the paragraph naming 县林业局's officials and
    # their sanctions (no date, sum or place of its own) belongs to the 某县林业局 incident.
    text = ("现将有关情况通报如下：\n一、公款同城宴请问题\n"
            "2023年3月至5月，某县林业局多次以工作交流名义在酒店公款同城宴请，花费公款1.6万元。\n"
            "县林业局党委书记万某东和副局长万某亮，多次组织和参与同城公款吃请，违反了中央八项规定精神，"
            "分别给予党内警告处分；原局长熊某宇在担任局长期间对公务接待管理不严，给予诫勉。\n"
            "某乡财政所所长雷某强2022年10月违规在辖区饭店公款宴请，花费0.7万元，受到党内警告处分。\n"
            "二、违规收受礼品礼金问题\n"
            "2023年春节期间，某区教育局副局长包某平违规收受下属学校校长所送礼金0.5万元，受到党内严重警告处分。\n"
            "2023年中秋期间，某街道办事处主任宋某明收受管理服务对象所送购物卡0.3万元，受到诫勉处理。")
    _, _, texts = _split(text)
    assert len(texts) == 4, texts
    assert "万某亮" in texts[0] and "熊某宇" in texts[0] and "雷某强" in texts[1]
    assert "包某平" in texts[2] and "宋某明" in texts[3]


@pytest.mark.parametrize("container", ["巡察发现的突出问题", "存在的问题和不足", "党的建设方面存在的主要问题"])
def test_report_container_headings_with_problem_words(container):
    text = ("县委巡察组对某局党组开展了巡察，并向某局党组反馈了巡察意见。\n一、" + container + "\n"
            "（一）政治建设不够有力。一是学习不深入；二是落实不到位。\n"
            "（二）管党治党责任落实不力。一是监督缺位；二是违规发放补贴1.2万元。\n"
            "二、整改建议\n（一）加强政治建设。\n（二）压实管党治党责任。")
    _, sp, texts = _split(text)
    assert [x[:3] for x in texts] == ["（一）", "（二）"], texts


def test_notice_item_with_a_biography_and_a_dated_sanction_paragraph():
    text = ("关于2起违规问题的通报\n"
            "一、某县农业农村局原副局长吴某新违规收受礼品礼金问题\n"
            "吴某新，男，1968年出生，2015年起任某县农业农村局副局长。2021年至2023年，吴某新多次收受项目承包人所送购物卡共计2.4万元。\n"
            "2024年3月，吴某新受到党内严重警告处分，违纪所得予以收缴。\n"
            "二、某乡党委书记郑某军违规使用公车问题\n"
            "郑某军，2022年国庆期间驾驶公车回老家办私事，产生油费900元。郑某军受到党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2 and texts[0].endswith("予以收缴。") and "郑某军" in texts[1]


def test_case_paragraph_announcing_further_cases_does_not_swallow_them():
    text = ("近日，县纪委监委通报了3起违规问题。\n"
            "2023年5月，某县水利局局长庞某军违规收受礼金1.2万元，受到党内警告处分。另有2起典型案例如下：\n"
            "某镇党委副书记池某峰公车私用，受到诫勉处理。\n"
            "某村党支部书记晏某才违规操办婚宴，收受礼金0.8万元，受到党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 3, texts


@pytest.mark.parametrize("heading", ["乡村振兴领域侵害群众利益问题", "农村集体三资管理问题", "基层站所吃拿卡要问题"])
def test_category_heading_with_a_field_word_still_holds_several_cases(heading):
    # a field (乡村振兴 / 农村 / 基层站所) is no unit: the section recounts two separate cases
    text = ("现将有关情况通报如下：\n一、" + heading + "\n"
            "2022年5月，某县兴隆镇党委书记鲍某安违规收受工程老板礼金3万元，受到党内严重警告处分。\n"
            "2023年2月，某区城西街道民政专干柴某琴截留低保资金1.2万元，受到开除党籍处分。\n"
            "二、公款吃喝问题\n"
            "2023年1月，某县交通局局长施某豪多次安排公款宴请，花费2.1万元，受到党内警告处分。\n"
            "2023年3月，某镇镇长连某辉违规接受宴请，受到诫勉处理。")
    _, _, texts = _split(text)
    assert len(texts) == 4, texts
    assert "柴某琴" in texts[1] and "鲍某安" not in texts[1]


def test_inspection_notice_sections_of_sanctioned_cases_use_the_inner_items():
    # cases found by inspections, listed under problem kinds whose titles name a problem
    # (履职不力): the sanctioned cases inside are the cases, not the kinds.
    text = ("关于巡察发现问题查处情况的通报\n根据县委统一部署，县委巡察组对12个乡镇开展了巡察，"
            "现将巡察移交问题线索查处情况通报如下：\n"
            "一、履职不力问题\n"
            "1.某镇党委书记蒲某刚落实主体责任不到位，受到党内警告处分。\n"
            "2.某乡乡长米某文对扶贫资金监管不力，受到诫勉处理。\n"
            "二、财务管理不规范问题\n"
            "1.某镇财政所所长苗某华违规发放补贴2.3万元，受到党内严重警告处分。\n"
            "2.某村党支部书记单某林违规领取误工补贴0.6万元，受到党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 4, texts
    assert "米某文" in texts[1] and "单某林" in texts[3]


def test_last_item_keeps_the_decision_its_colon_announces():
    text = ("现将有关情况通报如下：\n"
            "一、某县水利局违规发放补贴问题\n2023年2月，某县水利局违规发放补贴2.6万元，局长甘某平受到党内警告处分。\n"
            "二、某县供销社公款旅游问题\n2023年5月，某县供销社组织职工赴外地旅游，花费公款3.1万元。县纪委监委处理如下：\n"
            "责令县供销社主任邵某刚作出深刻检查，切实整改，并给予诫勉。\n"
            "各级党员干部要引以为戒，坚决防止类似问题发生。")
    _, _, texts = _split(text)
    assert len(texts) == 2, texts
    assert texts[1].endswith("并给予诫勉。") and "引以为戒" not in texts[1]


def test_category_section_of_short_undated_incidents():
    text = ("现将有关情况通报如下：\n一、公车私用问题\n"
            "某镇党委副书记祁某峰驾驶公车接送子女上下学，受到党内警告处分。\n"
            "某县林业局副局长尚某东周末驾驶公车外出办私事，受到诫勉处理。\n"
            "二、违规收受礼品礼金问题\n"
            "某乡乡长籍某平违规收受管理服务对象所送礼品，受到党内警告处分。\n"
            "某区住建局科长尤某明收受施工单位所送购物卡，受到政务警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 4, texts


def test_report_measures_after_the_list_stay_out_of_the_last_problem():
    # 巡察组要求，…于2023年8月底前完成整改：一是…；三是对…8.6万元全部清退。 — measures, though
    # dated and with a sum: not part of the last problem.
    _, sp, texts = _sample("report-sections-then-dated-measures")
    assert [x[:3] for x in texts] == ["（一）", "（二）", "（三）"], texts
    assert texts[-1].endswith("发展党员程序不规范。")


def test_closing_exhortation_of_an_announced_notice_is_no_case():
    """One numbered item, then the closing words to every official: one case."""
    text = ("关于一起侵害群众利益问题的通报\n"
            "近日，某省纪委监委对1起侵害群众利益问题进行公开通报。具体如下：\n"
            "一、某市某县河口镇民政办工作人员韩某某虚报冒领问题。2019年至2021年，韩某某以重复申报等手段套取"
            "临时救助资金八千元，据为己有。2022年3月，韩某某受到政务警告处分。\n"
            "全县广大党员干部要引以为戒，严守纪律规矩，对顶风违纪行为发现一起、查处一起、通报一起。\n"
            "某省纪委监委\n2022年4月1日\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "韩某某虚报冒领" in texts[0] and "引以为戒" not in texts[0]


def test_closing_paragraph_on_several_items_and_lessons_section_are_not_the_last_case():
    # A warning notice: the case facts under 一、基本案情, a closing paragraph putting the people
    # of every item under investigation, then 二、主要教训 with its 一是/二是 and 三、工作要求.
    from extractors.pipeline import extract_text

    text = ("关于某县水利局干部违纪违法案件的警示教育通报\n"
            "一、基本案情\n"
            "（一）孙某平，男，1970年生，原任县水利局副局长。2016年至2022年，孙某平利用职务便利，在水利"
            "工程招投标中为他人谋取利益，收受财物共计86万元。\n"
            "（二）钱某某，女，1979年生，原任县水利局财务股股长。2020年至2022年，钱某某虚列支出套取"
            "公款9.5万元。\n"
            "目前，孙某平、钱某某均已被县纪委监委立案审查调查，其中孙某平已被采取留置措施。\n"
            "二、主要教训\n"
            "孙某平等人的案件教训深刻。一是理想信念动摇；二是纪法意识淡漠；三是监督制约缺位。\n"
            "三、工作要求\n"
            "（一）深刻汲取教训，开展警示教育。\n（二）加强权力监督，深化以案促改。")
    _, _, texts = _split(text)
    assert len(texts) == 2 and texts[1].endswith("套取公款9.5万元。")
    doc = extract_text(text)
    assert [sorted({s.label for s in c.sanctions}) for c in doc.cases] == [["留置", "立案审查调查"], ["立案审查调查"]]


def test_a_case_ends_before_its_analysis_section():
    # 以案说纪: the story, then 【纪法分析】 quoting thresholds and 【点评】 naming the person again.
    from extractors.pipeline import extract_text

    text = ("以案说纪丨“辛苦费”收不得\n"
            "【基本案情】\n"
            "2021年至2023年，某区不动产登记中心科员韩某某在办理登记业务时，先后收受企业所送“辛苦费”共计4.2万元。"
            "2024年5月，韩某某受到开除党籍处分，涉嫌受贿犯罪问题被移送检察机关。\n"
            "【纪法分析】\n"
            "根据有关司法解释，受贿数额在三万元以上不满二十万元的，应当认定为“数额较大”。\n"
            "【点评】\n"
            "韩某某的教训告诉我们，小权力也是公权力。")
    doc = extract_text(text)
    assert len(doc.cases) == 1
    case = doc.cases[0]
    assert case.text.rstrip().endswith("被移送检察机关。")
    assert [a.value for a in case.amounts] == [42000.0]
    assert [p.name for p in case.people] == ["韩某某"]  # not 纪丨 from the headline


def test_closing_call_beside_a_table_of_cases_is_no_case():
    text = ("某市医疗保障局关于3起违规使用医保基金典型案例的通报\n"
            "现将近期查处的3起典型案例通报如下：\n"
            "序号\t机构名称\t违规问题\t处理结果\n"
            "1\t某区康复医院\t分解住院、过度检查\t追回医保基金，罚款3.2万元\n"
            "2\t某县某药店\t串换药品进行医保结算\t追回医保基金，暂停医保服务协议3个月\n"
            "3\t某镇卫生院\t重复收费\t追回医保基金，对院长李某某给予政务警告处分\n"
            "医保基金是群众的“救命钱”。市医疗保障局将持续保持打击欺诈骗保高压态势，涉嫌犯罪的一律移送司法机关。"
            "欢迎社会各界积极举报，经查证属实的，按规定给予最高10万元奖励。")
    _, sp, texts = _split(text)
    assert len(texts) == 3 and all(t[:1].isdigit() for t in texts)


def test_a_sentence_with_a_pronoun_subject_goes_on_with_the_case():
    # Prose: the official is named once, then 他…; a briber named on the way is no new case.
    text = ("在某县，被查处的也有手握实权的“一把手”。\n"
            "原某镇党委书记郑某某，在当地一度被看作“能人”。可就在任职几年里，他逢年过节收受工程老板所送"
            "礼金、购物卡，累计3.6万元；更严重的是，他违规插手镇里的道路工程，帮助老板钱德明承揽项目。"
            "2023年5月，郑某某被开除党籍、开除公职。\n"
            "还有的问题，则是村干部一起犯下的。\n"
            "某村党支部书记孙某、村会计李某某在2022年集体林地流转时私自低价发包，造成集体资产损失8万元，"
            "二人分别受到党内严重警告、党内警告处分。")
    _, _, texts = _split(text)
    assert len(texts) == 2
    assert "钱德明" in texts[0] and "开除党籍" in texts[0] and texts[1].startswith("某村党支部书记孙某")


def test_research_article_on_kinds_of_misconduct_has_no_case():
    text = ("基层“微腐败”的表现与治理\n"
            "一、主要表现\n"
            "（一）在补贴资金上做手脚。调查显示，此类问题占样本案件的38.5%。有的村干部虚报种植面积套取补贴；"
            "有的截留群众应得的补助资金，少则几百元，多则上万元。\n"
            "（二）在集体资产上动脑筋。部分村集体财务管理松散，有的村干部把集体资金存入个人账户；"
            "也有的以白条入账、虚列开支等方式侵吞集体资金。\n"
            "（三）在办事服务中卡脖子。少数村干部在开具证明时故意拖延，变相索要“辛苦费”。\n"
            "二、对策建议\n"
            "（一）织密监督网络。（二）推进“三资”数字化监管。\n"
            "五、下一步工作\n"
            "持续深化调查研究。")
    _, sp, texts = _split(text)
    assert texts == [], texts


def test_a_paragraph_listing_incidents_by_place_gives_one_case_each():
    # An article's summary of what inspections turned up: incidents joined by 、, each a place
    # and a deed; the commentary after the list is no case.
    text = ("开展巡察以来，全县共发现问题线索120余条。\n"
            "安化县梅城镇卫生院虚报套取医保资金、桃江县灰山港镇政府违规发放津贴补贴、"
            "沅江市南大膳镇新华村会计挪用集体资金……一批群众身边的问题得到查处，基层风气明显好转。\n"
            "县委巡察办负责人表示，下一步将持续深化巡察整改。")
    t, sp, texts = _split(text)
    assert texts == ["安化县梅城镇卫生院虚报套取医保资金", "桃江县灰山港镇政府违规发放津贴补贴",
                     "沅江市南大膳镇新华村会计挪用集体资金"]


@pytest.mark.parametrize("text", [
    # kinds of problem listed, no place: a statistic, not incidents
    "巡察发现虚报冒领、优亲厚友、吃拿卡要等问题45个，已督促整改。\n",
    # places listed, no deeds: where a meeting was held
    "会议在安化县梅城镇、桃江县灰山港镇、沅江市南大膳镇设分会场。\n",
])
def test_lists_that_are_not_incidents_give_no_case(text):
    assert _split(text)[2] == []


def test_a_sentence_pointing_back_to_the_unit_before_stays_with_its_case():
    # The supervisor who let an institution's fraud pass (…对该院…未认真审核) is accountable in
    # the same case; the next institution is a new one.
    text = ("近日，市纪委监委通报2起侵害医保基金问题。\n"
            "南阳市某民营医院组织参保群众虚假住院，骗取医保基金46万元。院长孙某某被依法追究刑事责任；"
            "市医保局稽核科科长钱立新对该院异常结算数据未认真审核，受到政务记过处分。\n"
            "信阳市某药店串换药品，骗取医保基金3.2万元，被解除医保服务协议，负责人李某受到党内警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "钱立新" in texts[0] and texts[1].startswith("信阳市某药店")


def test_a_new_story_opened_by_a_comparison_with_the_last_is_its_own_case():
    text = ("赵德明在任县长期间收受商人字画20余幅，价值110万元。2024年，赵德明被开除党籍。\n"
            "与赵德明不同，县医保局原副局长钱宏伟的问题出在家门口。\n"
            "钱宏伟默许丈夫开办咨询公司，收取医药机构咨询费90万元。钱宏伟受到开除党籍处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "钱宏伟" not in texts[0] and "钱宏伟" in texts[1]


def test_a_table_laid_out_with_spaces_gives_one_case_per_row():
    text = ("县纪委监委关于违反中央八项规定精神问题的通报\n"
            "序号   姓名   职务   问题   处理\n"
            "1   周文斌   县农业农村局副局长   接受施工企业安排的宴请   党内警告\n"
            "2   吴雅琴   县医院办公室主任   收受医药代表所送购物卡2000元   政务警告\n"
            "3   郑国强   某镇党委副书记   驾驶公务用车办私事   诫勉\n"
            "各级党组织要引以为戒。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and "周文斌" in texts[0] and "郑国强" in texts[2]
    assert "\t" in normalize(text).text  # the cells are apart, as the DOCX reader writes them


def test_a_letter_spaced_title_is_no_table():
    text = "中  共  某  县  纪  委\n中  共  某  县  监  委\n关  于  通  报\n"
    assert "\t" not in normalize(text).text


def test_paragraphs_opening_on_a_new_name_are_new_stories():
    # a feature telling one official per paragraph, the post said later in the paragraph
    text = ("近日召开的警示教育大会上，四名干部的忏悔令人警醒。\n"
            "周文斌曾是业务骨干。2018年起，他担任县水利局副局长，利用职务便利为工程老板提供帮助，收受财物56万元，被开除党籍、开除公职。\n"
            "吴雅琴的问题出在报销上。作为县疾控中心会计，她虚开发票套取公款12万元，受到留党察看处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("吴雅琴")


def test_a_headline_naming_someone_opens_their_case_even_when_the_story_begins_with_jingcha():
    text = ("【审查调查】一周速览\n"
            "◎某市交通局原局长周文斌被开除党籍\n"
            "经查，周文斌违规收受礼金，利用职务便利为他人谋取利益并收受财物。给予周文斌开除党籍处分。\n"
            "◎某县财政局原副局长吴雅琴受到留党察看处分\n"
            "经查，吴雅琴违规经商办企业，给予其留党察看一年处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("◎某县财政局原副局长吴雅琴") and "周文斌" not in texts[1]


def test_besides_with_a_new_official_is_a_new_case():
    text = ("某市纪委监委近日通报两起案件。\n"
            "某区城管局原局长周文斌被“双开”。经查，周文斌收受财物共计120万元。\n"
            "此外，某投资公司原财务总监吴雅琴涉嫌严重违纪违法，主动投案，目前正接受纪律审查和监察调查。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("此外")


def test_a_closing_paragraph_of_decisions_on_several_cases_belongs_to_none():
    text = ("市纪委监委通报3起违反中央八项规定精神问题。\n"
            "2024年3月，市公路所所长周文斌接受施工单位宴请，收受消费卡价值8400元。\n"
            "2024年5月，市医院后勤科科长吴雅琴在私人会所接受供应商宴请，餐费6200元由供应商支付。\n"
            "2024年7月，某村党支部书记郑国强违规操办满月酒，收受礼金5万余元。\n"
            "日前，周文斌受到党内严重警告处分；吴雅琴受到政务记过处分；郑国强受到党内警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and "周文斌" not in texts[2] and "日前" not in texts[2]


def test_a_comparison_with_the_stories_before_does_not_stop_an_introduction():
    text = ("周文斌在镇里工作二十年，收受建筑商财物386万元，被开除党籍。\n"
            "吴雅琴将医保基金200万元转借给表弟使用，被开除党籍。\n"
            "与前两人不同，某村原党总支书记郑国强的胆子是一点点被养大的。\n"
            "2019年，郑国强利用发放征地补偿款的便利，侵占补偿款二十余万元。2024年，郑国强被开除党籍。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and texts[2].startswith("与前两人不同")


def test_a_table_with_full_width_bars_gives_one_case_per_row():
    text = ("某市纪委监委关于3起典型问题的通报\n"
            "序号｜姓名及职务｜主要问题｜处理结果\n"
            "1｜周文斌，某区派出所原副所长｜为涉赌人员通风报信，收受好处费8万元｜开除党籍、开除公职\n"
            "2｜吴雅琴，某区法院法官｜违规过问他人承办的案件，收受礼金1.5万元｜党内严重警告、政务记过\n"
            "3｜郑国强，某司法所所长｜履职不力，对社区矫正对象脱管未及时发现｜政务警告\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and texts[1].startswith("2｜吴雅琴")


def test_a_story_paragraph_opening_on_a_quotation_then_the_name_is_a_new_story():
    text = ("周文斌在负责项目验收期间，收受承建方所送好处费3万元，受到党内严重警告处分。\n"
            "“我以为几顿饭，没人会去查。”面对审查调查人员，吴雅琴懊悔不已。这位县民政局原副局长违规列支公务接待费1.2万元，"
            "受到党内警告处分，被免去副局长职务。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "吴雅琴" in texts[1] and "吴雅琴" not in texts[0]


def test_a_next_steps_section_of_a_report_is_no_case():
    text = ("中共某区委关于巡视整改进展情况的通报\n"
            "二、巡视反馈问题的整改落实情况\n"
            "（一）关于“违规发放津贴补贴问题仍有发生”问题。巡视反馈指出，区住建局违规发放补贴12万元。整改情况：已全部清退。\n"
            "（二）关于“惠民资金管理不规范”问题。巡视反馈指出，部分社区低保审核把关不严。整改情况：开展专项治理。\n"
            "三、下一步工作打算\n"
            "一是持续推进未完成事项整改，对账销号；二是巩固整改成果；三是严肃执纪问责，对整改不力的严肃追责问责。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and not any("对账销号" in x for x in texts)


def test_numbers_alone_on_their_lines_number_the_cases_with_their_headlines():
    text = ("某市纪委监委通报3起违规吃喝问题\n"
            "近日，市纪委监委对3起问题予以通报。\n\n"
            "01\n一顿饭吃掉了“乌纱帽”\n\n"
            "某区水务局原局长周文斌接受施工方安排的宴请，饮用高档酒水，费用0.6万元。周文斌受到党内警告处分。\n\n"
            "02\n借调研之名行吃喝之实\n\n"
            "某县农业农村局副局长吴雅琴以调研为名到乡镇公款吃喝，费用1.1万元。吴雅琴受到政务警告处分。\n\n"
            "03\n节日收卡被处理\n\n"
            "某街道办事处主任郑国强收受辖区企业所送购物卡2张，价值2000元。郑国强受到诫勉。\n\n"
            "以上问题警示我们，必须严明纪律。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert texts[1].startswith("02\n借调研之名") and "吴雅琴" in texts[1] and "郑国强" not in texts[1]
    assert "严明纪律" not in texts[2]


def test_a_case_told_in_prose_after_the_last_numbered_case_is_a_case_of_its_own():
    text = ("某市深化殡葬领域专项整治\n"
            "案例一：某县殡仪馆原馆长周文斌利用职务便利，在殡葬用品采购中为他人谋取利益，收受好处费12万元。"
            "今年3月，周文斌被开除党籍、开除公职。\n\n"
            "案例二：某区民政局原科长吴雅琴违规为不符合条件的公墓项目出具同意意见，受到党内严重警告处分。\n\n"
            "“群众最难开口的时候，最容易被伸手。”市纪委监委有关负责人介绍。某镇民政办工作人员郑国强在办理殡葬费减免时，"
            "截留困难群众减免资金0.8万元，受到留党察看一年、政务撤职处分。\n\n"
            "下一步，市纪委监委将持续深化整治。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert "郑国强" not in texts[1] and "郑国强" in texts[2] and "持续深化" not in texts[2]


def test_a_last_item_opening_on_a_heading_keeps_the_paragraphs_of_its_people():
    text = ("某区纪委监委通报2起问责典型问题\n"
            "1.某街道违规发放补贴问题。某街道办事处主任周文斌违规发放加班补贴6万元，受到党内警告处分。\n"
            "2.某镇自建房坍塌事故问责情况\n"
            "2024年5月，某镇一处违法改建的自建房坍塌，造成1人受伤。\n"
            "镇党委副书记吴雅琴对违法建设查处工作失职失责，受到党内警告处分；\n"
            "镇综合执法队队长郑国强违规出具巡查合格意见，受到党内严重警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "郑国强" in texts[1]


def test_a_last_item_that_is_a_bare_heading_keeps_its_body_without_facts():
    # a report cut after its last problem: the heading's body names no one and no sum
    text = ("某县林业局党组关于巡察整改进展情况的通报\n"
            "二、巡察反馈问题整改落实情况\n"
            "（一）关于“政治理论学习不深入”问题的整改情况\n"
            "针对“中心组学习流于形式”问题。整改情况：制定学习计划，已开展专题学习6次。\n"
            "（二）关于“工程项目管理不规范”问题的整改情况\n"
            "针对“部分造林项目验收把关不严”问题。整改情况：对3个项目重新组织验收。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].endswith("重新组织验收。")


def test_a_last_bare_heading_does_not_take_the_closing_words_after_it():
    text = ("某县林业局党组关于巡察整改进展情况的通报\n"
            "二、巡察反馈问题整改落实情况\n"
            "（一）关于“政治理论学习不深入”问题的整改情况\n"
            "针对“中心组学习流于形式”问题。整改情况：制定学习计划。\n"
            "（二）关于“工程项目管理不规范”问题的整改情况\n"
            "下一步，局党组将坚决扛起整改主体责任，切实巩固整改成果。\n")
    t, sp, texts = _split(text)
    assert texts and "巩固整改成果" not in texts[-1]


def test_a_section_on_handling_the_transferred_leads_of_a_report_is_no_case():
    text = ("中共某县住建局党组关于巡察整改进展情况的通报\n"
            "一、整改工作的组织领导\n成立整改工作领导小组，制定整改方案。\n"
            "二、巡察反馈问题的整改情况\n"
            "（一）关于“违规发放津贴补贴”的问题\n问题表现：局机关以加班费名义发放补贴8.2万元。整改进展：已全部清退，对财务负责人进行诫勉。\n"
            "（二）关于“招投标管理不规范”的问题\n问题表现：2个项目未按规定公开招标。整改进展：建立集体决策制度。\n"
            "三、巡察移交问题线索办理情况\n"
            "对县委巡察组移交的问题线索5件，已办结4件。其中，给予党纪政务处分2人，组织处理3人。\n"
            "四、下一步工作打算\n持续巩固整改成果。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and not any("问题线索5件" in x for x in texts)


def test_a_decision_taken_by_a_committee_goes_on_with_the_case():
    text = ("关于某镇镇长周文斌违规接受宴请问题的通报\n"
            "2024年3月，某镇镇长周文斌在工作日中午接受管理服务对象宴请并饮酒，餐费1860元由对方支付。\n"
            "经市纪委常委会会议研究，给予周文斌党内严重警告处分；经市委研究，免去其某镇镇长职务；责令某镇党委作出书面检查。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and texts[0].endswith("作出书面检查。")


def test_a_sentence_giving_only_the_outcome_ends_the_story_told_without_names():
    text = ("守好群众救命钱——某市推进医保基金专项整治见闻\n"
            "在一次专项检查中，检查组发现某镇卫生院病床上空无一人，登记簿上却写满了在院患者。顺藤摸瓜，"
            "该院通过虚开检查单、编造护理记录等手法，2021年以来套取医保基金41.7万元。原院长吴雅琴被给予党内严重警告处分，违规资金全部追回。\n"
            "某县医保局原稽核员郑国强多次在稽核前为民营医院通风报信，收受钱款15万元，已被依法留置。\n")
    t, sp, texts = _split(text)
    assert any("套取医保基金41.7万元" in x and "吴雅琴" in x for x in texts)


def test_a_case_inside_a_work_report_paragraph_stops_before_the_measures_after_it():
    text = ("某县纪委监委2024年工作报告（摘要）\n"
            "（四）群众身边不正之风和腐败问题整治走深走实。全年查处群众身边腐败和作风问题227起，处理312人。"
            "某镇某村党支部书记周文斌截留挪用土地流转租金28.5万元用于个人经营，给予其留党察看二年处分，违纪资金全部追回。"
            "组织开展农村集体“三资”专项清理，清理合同4632份，收回资金1970万元。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "周文斌" in texts[0] and "1970万元" not in texts[0]


def test_a_village_inspection_feedback_lists_problems_per_village():
    text = ("县委第五巡察组向某镇3个村党组织反馈巡察情况\n"
            "根据县委统一部署，县委第五巡察组对某镇甲村、乙村、丙社区党组织开展了村级巡察。7月12日，巡察组召开反馈会议。\n"
            "巡察组指出，各村党组织在推进乡村振兴等方面做了一定工作，但也存在一些问题。具体如下：\n"
            "甲村：村党支部“三会一课”制度落实不规范；村集体林地承包合同租金明显偏低。\n"
            "乙村：村务公开不及时、不全面；违规向村干部发放“误工补贴”共计1.82万元。\n"
            "丙社区：社区党组织落实主体责任不到位；对辖区内违法建房问题发现制止不力，2处违法建筑至今未拆除。\n"
            "巡察组提出意见建议：要加强村党组织建设；要规范村级“三资”管理。\n"
            "巡察中，巡察组还收到反映有关村干部的问题线索，已按规定移交县纪委监委等有关方面处理。\n")
    t, sp, texts = _split(text)
    assert [x.split("：")[0] for x in texts] == ["甲村", "乙村", "丙社区"]
    assert "违法建筑" in texts[2]


def test_a_report_numbering_its_findings_problem_one_two_keeps_each_rectification_part():
    text = ("中共某县医疗保障局党组关于专项巡察反馈问题整改情况的报告\n"
            "2024年3月至5月，县委第二巡察组对县医疗保障局开展了专项巡察，并反馈了巡察意见。\n"
            "一、整改工作总体情况\n局党组成立整改工作领导小组，制定整改措施31条。\n"
            "二、反馈问题整改情况\n"
            "问题一：医保基金监管责任落实不到位。对定点医药机构日常稽核覆盖面不足。\n"
            "整改情况：制定年度稽核检查计划，实现现场检查全覆盖。\n"
            "问题二：落实中央八项规定精神不严格。局机关以业务培训为名组织干部赴外地参观景区，费用1.76万元。\n"
            "整改情况：相关费用已由个人承担；对组织者给予批评教育，局党组向县委作出书面检查。\n"
            "三、下一步工作打算\n持续加强医保基金监管。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("问题二") and texts[1].endswith("作出书面检查。")


def test_a_case_found_while_investigating_another_is_a_case_of_its_own():
    text = ("以案促改见实效\n"
            "某县自然资源局原局长周文斌利用职务便利，在土地出让等方面为他人谋取利益，收受财物620余万元。周文斌被开除党籍、开除公职。\n"
            "在查办周文斌案过程中，县纪委监委一并查处了该局登记中心原主任吴雅琴违规收受管理服务对象礼金问题，"
            "吴雅琴先后收受礼金2.6万元，受到党内严重警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("在查办周文斌案") and "吴雅琴" in texts[1]


def test_a_story_opening_on_its_ordinal_starts_there():
    text = ("殡葬领域专项整治见闻\n"
            "第一起发生在某市某县。2016年至2022年，该县殡仪馆原馆长周文斌利用职务便利为他人谋取利益，收受财物312万元，被开除党籍、开除公职。\n"
            "在某区，区民政局原科长吴雅琴对经营性公墓超标准建墓问题长期失察，受到政务记过处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "第一起发生在某市某县。" in texts[0] and "周文斌" in texts[0]


def test_a_reports_problems_as_bulleted_paragraphs_keep_their_inner_lists():
    text = ("省委第五巡视组向省交通运输厅党组反馈专项巡视情况\n"
            "根据省委统一部署，省委第五巡视组对省交通运输厅党组进行了专项巡视，并反馈了巡视情况。\n"
            "■党的领导弱化，管党治党主体责任落实不到位。“三重一大”决策制度执行不严格。\n"
            "■工程建设领域廉洁风险突出。一是部分项目违规分包、转包；二是对围标串标问题监管缺位；三是设计变更审批不严，增加投资2.3亿元。\n"
            "■选人用人问题较为突出。个别干部“带病提拔”，超职数配备干部。\n"
            "巡视组还收到反映一些领导干部的问题线索，已按有关规定移交有关方面处理。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and "三是设计变更" in texts[1]


def test_an_inspection_feedback_titled_as_the_inspectors_feedback_lists_its_numbered_problems():
    text = ("十五届某市委第七轮巡察反馈情况公布（二）\n"
            "——市委第二巡察组关于巡察市医疗保障局党组的反馈意见\n"
            "根据市委统一部署，市委第二巡察组对市医疗保障局党组开展了常规巡察。\n"
            "一、巡察发现的主要问题\n"
            "1.落实医保基金监管职责不到位。一是日常稽核不深不细；二是智能监控系统预警处置滞后。\n"
            "2.经办服务作风不实。一是个别窗口设置不必要门槛；二是异地就医备案办理时限超标。\n"
            "3.督查检查考核过多过频，基层负担较重。\n"
            "二、巡察整改意见建议\n"
            "巡察组建议，要切实扛起医保基金监管政治责任。\n")
    t, sp, texts = _split(text)
    assert [x[:2] for x in texts] == ["1.", "2.", "3."]


def test_an_incident_told_before_its_culprit_is_named_is_one_story_with_him():
    text = ("医保基金专项整治见闻\n"
            "去年下半年，县纪委监委在开展医保领域专项监督时，发现当地一家民营医院以“免费体检”为诱饵，组织老年人挂床住院，骗取医保基金142万元。\n"
            "骗保为何能屡屡得手？随着调查深入，县医保中心稽核员周文斌浮出水面。经查，周文斌收受该院院长所送好处费3万元，被开除党籍、开除公职。\n"
            "在另一个县，村医吴雅琴冒用12名村民身份信息虚开处方，套取医保基金2.6万元，受到党内严重警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "142万元" in texts[0] and "周文斌" in texts[0] and "吴雅琴" in texts[1]


def test_the_facts_of_a_yianshuoji_piece_are_one_case_whoever_they_name():
    text = ("以案说纪丨救灾款成了“赌本”\n"
            "【案情回顾】\n"
            "周文斌，某村原党支部书记。2020年，周文斌伙同村委会委员吴雅琴虚报受灾户名单，冒领救灾资金6.2万元，用于赌博。\n"
            "镇民政办主任郑国强在审核受灾户名单时未按规定入户核实，审核把关不严。\n"
            "2021年3月，周文斌受到开除党籍处分；吴雅琴受到党内警告处分；郑国强受到政务警告处分。\n"
            "【纪法分析】\n"
            "周文斌的行为构成贪污罪。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "郑国强受到政务警告处分" in texts[0] and "构成贪污罪" not in texts[0]


def test_a_portals_disclosure_table_and_breadcrumb_do_not_hide_an_inspection_report():
    text = ("首页 > 信息公开 > 部门信息公开 > 巡视巡察\n\n"
            "索 引 号：001122334/202105-00031　　信息分类：巡视巡察\n"
            "发布机构：某县纪委监委　　生成日期：2021-05-20\n"
            "名　　称：县委第二巡察组向城关镇党委反馈巡察情况\n"
            "文　　号：　　关 键 字：巡察 反馈\n\n"
            "县委第二巡察组向城关镇党委反馈巡察情况\n\n"
            "　　根据县委统一部署，县委第二巡察组对城关镇党委进行了巡察。近日，巡察组向城关镇党委反馈巡察情况。\n\n"
            "　　巡察组指出，巡察中也发现一些问题：一是惠民政策落实有偏差，某村村干部在低保评议中优亲厚友，"
            "将不符合条件的亲属纳入低保，领取低保金2.1万元。二是村级财务管理不规范，白条入账金额达3.6万元。"
            "三是落实中央八项规定精神不严格，镇政府以工作餐名义列支接待费用1.2万元。\n\n"
            "　　巡察组要求，城关镇党委要切实履行整改主体责任。\n")
    _, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [c[:2] for c in cases] == ["一是", "二是", "三是"]


FEATURE = ("整治群众身边腐败见闻\n\n本报记者 李明\n\n"
           "　　近年来，某州纪委监委把惠民资金作为监督重点，查处了一批群众身边的腐败问题。\n\n"
           "　　这场风波的主角，是村里原会计石某兰。\n\n"
           "　　会计的“小算盘”\n\n"
           "　　石某兰在村里当了6年会计，她把已故村民的名字留在补贴名册上，冒领补贴资金5.2万元。"
           "2023年3月，石某兰受到开除党籍处分。\n\n"
           "　　救助款里的“跑腿费”\n\n"
           "　　在某县，某乡民政办原工作人员潘某梅在办理临时救助时，向8户困难群众收取“跑腿费”共计3200元。"
           "2023年5月，潘某梅受到政务撤职处分，所收钱款全部退还；乡民政办主任龙某林因审核把关不严受到诫勉。\n\n"
           "　　从查处一案到治理一域，该州推动相关部门开展专项整改。\n")


def test_a_features_protagonist_introduced_before_the_subheading_belongs_to_the_case():
    _, sp, cases = _split(FEATURE)
    assert len(cases) == 2
    assert cases[0].startswith("这场风波的主角，是村里原会计石某兰。")


def test_someone_held_to_account_after_a_semicolon_stays_with_the_case():
    _, sp, cases = _split(FEATURE)
    assert cases[-1].rstrip().endswith("龙某林因审核把关不严受到诫勉。")
    assert "潘某梅" in cases[-1]


def test_a_navigation_bar_and_a_you_are_here_line_do_not_hide_an_inspection_report():
    text = ("某县纪委监委　　首页　|　工作动态　|　巡察工作　|　通知公告　|　网上举报\n\n"
            "您现在的位置：首页 > 巡察工作 > 巡察反馈\n\n"
            "县委第一巡察组向县水利局党组反馈巡察情况\n\n"
            "　　根据县委统一部署，县委第一巡察组对县水利局党组进行了常规巡察。近日，巡察组向县水利局党组反馈巡察情况。\n\n"
            "　　巡察组指出，巡察中也发现了一些问题：\n\n"
            "　　（一）落实全面从严治党责任有差距。一是局机关以会议费名义列支工作餐费用1.6万元；二是公车管理不规范。\n\n"
            "　　（二）落实新时代党的组织路线不够有力。一是党支部“三会一课”落实不经常；二是违规借调人员6名。\n\n"
            "　　巡察组要求，县水利局党组要切实履行整改主体责任。\n")
    _, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [c[:3] for c in cases] == ["（一）", "（二）"]


def test_the_causes_and_the_rectification_after_a_case_are_not_the_case():
    text = ("以案促改丨一个股长的“生意经”\n\n"
            "　　案情回顾\n\n"
            "　　王某某，男，1970年出生，原县民政局低保股股长。2016年至2019年，王某某为不符合条件的人员违规办理低保，"
            "收受财物共计12.6万元。2020年11月，王某某受到开除党籍、开除公职处分。\n\n"
            "　　案发原因\n\n"
            "　　从制度层面看，低保审核审批权力过于集中。\n\n"
            "　　以案促改\n\n"
            "　　截至目前，全县共清理不符合条件低保对象800户，追回低保金96万余元。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 1 and "12.6万元" in cases[0] and "96万余元" not in cases[0]


def test_an_old_notice_that_an_official_is_under_investigation_is_one_case():
    text = ("吉林省某市委原书记王立新接受组织调查\n发布时间：2015-06-23 18:05　　来源：中央纪委监察部网站\n\n"
            "　　据吉林省纪委消息：某市委原书记王立新涉嫌严重违纪，目前正接受组织调查。\n王立新简历\n"
            "　　王立新，男，1957年11月生，吉林梨树人，1976年10月参加工作。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 1 and "涉嫌严重违纪" in cases[0]


def test_a_commentary_summing_up_the_cases_is_not_a_case():
    text = ("某省纪委监委通报3起金融领域典型问题\n\n"
            "　　01 某农村商业银行原行长王立明违规放贷问题\n"
            "　　2019年至2022年，王立明违规向关联企业发放贷款1.2亿元，收受财物86万元。王立明被开除党籍。\n"
            "　　02 某县信用联社原信贷员李某某吃拿卡要问题\n"
            "　　2021年，李某某在办理贷款业务中向12户农户索要“好处费”共计3.6万元。李某某受到政务撤职处分。\n"
            "　　03 某担保公司原副总经理赵某违规经商办企业问题\n"
            "　　2020年，赵某违规投资入股关联企业，获利42万元。赵某受到党内严重警告处分。\n"
            "　　某省纪委监委指出，上述案例中，有的把信贷审批权当作敛财工具，搞权钱交易；有的内外勾结，违规放贷、吃拿卡要。"
            "这些问题严重破坏金融秩序，必须坚决纠治。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 3 and not any("上述案例" in c for c in cases)


def test_a_rectification_report_quoting_its_problems_keeps_them_as_the_cases():
    # (一)关于…的问题 sections, each with 1. 2. items whose rectification part gives sanctions:
    # the sections are the problems fed back; the items' sanctions are rectification, not cases dealt with
    text = ("中共某县委关于市委巡察反馈意见整改进展情况的通报\n\n"
            "　　根据市委统一部署，市委第三巡察组对某县进行了巡察，并反馈了巡察意见。现将整改进展情况公布如下。\n\n"
            "　　一、强化组织领导，压实整改责任\n\n"
            "　　县委成立整改工作领导小组，逐项制定整改措施。\n\n"
            "　　二、反馈问题整改落实情况\n\n"
            "　　（一）关于落实管党治党责任有差距的问题\n\n"
            "　　1.关于履行主体责任不到位的问题。整改情况：对2名负有责任的干部给予党内警告处分，开展专题约谈。\n\n"
            "　　2.关于监督执纪问责偏松偏软的问题。整改情况：立案审查调查相关人员8人，给予政务记过处分3人。\n\n"
            "　　（二）关于基层“微腐败”仍然多发的问题\n\n"
            "　　1.关于村级财务管理混乱的问题。整改情况：追回违规资金12.4万元，对1名村会计给予开除党籍处分。\n\n"
            "　　2.关于惠民资金虚报冒领的问题。整改情况：清退资金6.8万元，给予2人党内严重警告处分。\n\n"
            "　　（三）关于上轮巡察发现问题整改不到位的问题\n\n"
            "　　整改情况：对整改敷衍的2个单位予以通报批评。\n\n"
            "　　三、巩固整改成果\n\n"
            "　　县委将持续抓好整改。\n")
    _, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [c[:3] for c in cases] == ["（一）", "（二）", "（三）"]
    assert "12.4万元" in cases[1] and "6.8万元" in cases[1]


def test_a_features_hook_picked_up_by_the_next_story_is_not_a_case():
    text = ("某市：向群众身边的“蝇贪”亮剑\n\n"
            "　　“领个补贴还要请他吃饭，现在总算有人管了！”近日，某县一位老人得知曾经刁难自己的村干部被严肃处理，连声叫好。\n\n"
            "　　今年以来，全市纪检监察机关共查处群众身边不正之风和腐败问题140个，处理190人。\n\n"
            "　　伸手必被捉\n\n"
            "　　这位老人说的村干部，是某县某村原党支部书记韩卫东。2020年至2022年，韩卫东在发放高龄补贴过程中，"
            "向群众索要钱款共计8600元。今年5月，韩卫东受到党内严重警告处分。\n\n"
            "　　与韩卫东“雁过拔毛”式的吃拿卡要不同，某乡财政所原所长邵立群胆子更大。2021年，他利用职务便利，"
            "挪用扶贫资金31万元用于个人投资。邵立群受到开除党籍处分，其涉嫌犯罪问题被移送检察机关。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 2
    assert "韩卫东" in cases[0] and "邵立群" not in cases[0]
    assert cases[1].startswith("与韩卫东") and "31万元" in cases[1]


def test_a_numbered_discussion_of_a_case_belongs_to_it():
    # 以案说纪 with 一、基本案情 / 二、分歧意见 / 三、评析意见: one case, its total stated in the discussion
    text = ("以案说纪｜收受“干股”如何认定\n\n"
            "　　一、基本案情\n\n"
            "　　孙某，中共党员，某市交通运输局原局长。2018年，孙某接受某建筑公司老板钱某某赠送的公司干股，"
            "先后获得“分红”48万元；2019年，孙某又以借款为名收受钱某某30万元。2022年，孙某被开除党籍和公职。\n\n"
            "　　二、分歧意见\n\n"
            "　　对孙某以借款为名收受30万元的行为如何认定，存在两种意见。\n\n"
            "　　三、评析意见\n\n"
            "　　笔者同意第二种意见。综上，孙某受贿数额应认定为78万元。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 1 and "78万元" in cases[0] and "48万元" in cases[0]


def test_an_interviewees_answers_are_not_cases():
    text = ("把作风建设抓常抓长\n——访某省纪委常委郝建军\n\n"
            "　　记者：当前“四风”问题有哪些新表现？\n\n"
            "　　郝建军：总的看，顶风违纪的少了，但有的把公款吃喝转入内部食堂；有的以培训为名变相旅游；"
            "有的把公车挂在下属企业名下使用。\n\n"
            "　　记者：下一步有何打算？\n\n"
            "　　郝建军：我们将紧盯节点，严查公款吃喝、公款旅游问题。\n")
    _, sp, cases = _split(text)
    assert cases == []


def test_a_navigation_bar_closed_up_and_a_wrapped_title_under_a_document_number_still_tell_a_report():
    text = ("某县委巡察工作领导小组办公室\n某巡办〔2023〕7号\n\n"
            "县委第一巡察组关于对某镇某村党支部\n巡察情况的反馈意见\n\n"
            "　　根据县委统一部署，县委第一巡察组对某村党支部开展了村级巡察。现将有关情况反馈如下：\n"
            "　　一、巡察发现的主要问题\n"
            "　　巡察组认为，该村也存在一些问题。一是组织生活不严肃，会议记录补记。二是集体资金管理混乱，"
            "白条入账2.1万元。三是低保评定不公开，村干部近亲属3户享受低保。\n"
            "　　二、巡察整改意见\n"
            "　　（一）加强组织建设。（二）规范资金管理。\n")
    _, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [c[:2] for c in cases] == ["一是", "二是", "三是"]
    nav = "某学院纪委\n首页　机构设置　工作动态　巡察工作　信访举报\n" + text.split("\n", 2)[2]
    _, sp2, _ = _split(nav)
    assert sp2.doc_type == "inspection_report"


def test_a_sentence_announcing_the_next_story_is_its_lead_not_a_case():
    text = ("某报记者调查发现，校园餐领域的“微腐败”时有发生。\n"
            "某县教育局原局长孔德华利用职务便利，在校服采购中收受供应商财物共计18万元。2023年5月，孔德华被开除党籍。\n"
            "在某市，一起虚列学生营养餐补助的案件同样引人深思。某中学原校长尤某伙同总务主任，虚报就餐人数，"
            "套取营养改善计划补助资金6.2万元。今年7月，尤某受到党内严重警告处分。\n")
    for sep in ("\n", "\n\n"):
        _, sp, cases = _split(text.replace("\n", sep))
        assert len(cases) == 2 and "孔德华" in cases[0] and "尤某" in cases[1], sep
        assert not any(c.strip() == "在某市，一起虚列学生营养餐补助的案件同样引人深思。" for c in cases)


def test_a_decision_listing_one_persons_charges_is_one_case():
    text = ("中共某县纪律检查委员会\n关于给予毛建新开除党籍处分的决定\n\n"
            "　　毛建新，男，1968年5月出生，曾任某县交通运输局党组成员、副局长。\n"
            "　　经查，毛建新存在以下违纪问题：\n"
            "　　一、利用职务上的便利，为他人谋取利益，收受他人财物。2015年至2020年，毛建新收受工程承包商所送现金共计四十二万元。\n"
            "　　二、违规插手工程建设项目。2018年，毛建新违规干预某道路工程招投标。\n"
            "　　三、违反中央八项规定精神，公款吃喝。2019年，毛建新多次安排下属单位公款宴请朋友，花费1.3万余元。\n"
            "　　依据有关规定，经县纪委常委会会议研究，决定给予毛建新开除党籍处分；其涉嫌犯罪问题移送检察机关。\n"
            "　　　　　　　　　　中共某县纪律检查委员会\n")
    _, sp, cases = _split(text)
    assert len(cases) == 1
    assert cases[0].startswith("毛建新，男") and "开除党籍" in cases[0] and "1.3万余元" in cases[0]


def test_an_annex_table_summing_up_the_cases_told_adds_none():
    body = ("某学院纪委关于3起典型问题的通报\n"
            "　　一、某学院原副院长钱某某套取科研经费问题。2022年，钱某某虚列劳务费套取经费12万元，受到党内严重警告处分。\n"
            "　　二、后勤处原副处长孙某收受礼金问题。2023年春节，孙某收受供应商礼金2万元，受到党内警告处分。\n"
            "　　三、某学院教师李某违规兼职取酬问题。2023年，李某违规在校外培训机构兼职取酬3.6万元，受到政务警告处分。\n"
            "　　各单位要引以为戒。\n")
    annex = ("附件\n典型问题处理情况一览表\n序号\t姓名\t单位职务\t违纪事实\t处理结果\n"
             "1\t钱某某\t某学院原副院长\t套取科研经费12万元\t党内严重警告\n"
             "2\t孙某\t后勤处原副处长\t收受礼金2万元\t党内警告\n"
             "3\t李某\t某学院教师\t违规兼职取酬3.6万元\t政务警告\n")
    _, sp, cases = _split(body + annex)
    assert len(cases) == 3 and all(c.startswith(("一、", "二、", "三、")) for c in cases)
    # a table of other people than the text's cases is cases of its own
    other = annex.replace("钱某某", "周某华").replace("孙某", "吴某").replace("李某", "郑某")
    _, _, more = _split(body + other)
    assert len(more) == 6


def test_a_qa_about_hypothetical_people_has_no_case():
    text = ("纪法问答｜以“借款”为名收受财物如何定性？\n\n"
            "　　问：某甲系某市某局副局长。2021年，某甲向管理服务对象某乙“借款”50万元，未约定利息，"
            "至案发未归还。某甲的行为如何定性？\n\n"
            "　　答：某甲的行为构成受贿罪。\n\n"
            "　　一、判断“借款”是否为受贿，关键看是否具有真实的借贷关系。本案中，某甲并无正当借款事由，"
            "某乙与某甲之间除管理关系外无其他经济往来。\n\n"
            "　　二、某甲事后归还款项，不影响受贿罪的成立。\n")
    _, sp, cases = _split(text)
    assert cases == []


def test_a_report_table_of_problems_gives_every_row_stating_a_problem():
    text = ("中共某县农业农村局党组关于县委巡察反馈意见整改进展情况的通报\n\n"
            "　　根据县委统一部署，县委第二巡察组对县农业农村局党组进行了巡察，并反馈了巡察意见。\n"
            "　　巡察反馈问题整改进展情况见下表。\n"
            "序号\t存在问题\t整改措施\t责任领导\t整改时限\n"
            "1\t违规发放津贴补贴，2022年以“加班费”名义发放4.2万元。\t已全部清退\t党组书记\t已完成\n"
            "2\t农机补贴审核把关不严，部分补贴发放不及时。\t建立审核台账\t分管副局长\t2024年底\n"
            "3\t意识形态工作责任制落实不到位，党组专题研究不经常。\t每半年专题研究1次\t党组书记\t已完成\n"
            "　　欢迎广大干部群众监督。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 3 and "意识形态" in cases[2]


def test_a_features_sections_numbered_on_their_own_lines_are_its_stories():
    text = ("起底“靠山吃山”：3名干部的落马轨迹\n\n一\n\n"
            "　　在某盟，提起那位“种树局长”，不少牧民都竖过大拇指。\n\n"
            "　　据查，他违规为多家企业办理草原征占用审核，收受财物共计320万元。\n\n"
            "　　2023年10月，某盟林业和草原局原局长苏和巴图被开除党籍、开除公职。\n\n二\n\n"
            "　　时任某县煤炭局副局长的郭长海，是本地出了名的“煤炭通”。\n\n"
            "　　2010年前后，他以其妻弟名义在一家煤矿违规入股，获利96万元。2022年1月，他受到留党察看二年处分。\n\n三\n\n"
            "　　“自然资源领域腐败具有隐蔽性强、链条长的特点。”某省纪委监委有关负责人表示，将持续加大查处力度。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 2
    assert "违规为多家企业办理草原征占用审核" in cases[0] and "苏和巴图" in cases[0]
    assert "以其妻弟名义" in cases[1]


def test_a_resume_under_a_notice_is_not_a_case():
    text = ("某市原副市长巴图孟和严重违纪被开除党籍和公职\n\n"
            "　　日前，经自治区党委批准，自治区纪委对某市原副市长巴图孟和严重违纪问题进行了立案审查。"
            "巴图孟和受到开除党籍处分，由监察厅给予其开除公职处分。\n\n"
            "　　巴图孟和简历\n\n"
            "　　巴图孟和，男，蒙古族，1961年3月生。\n\n"
            "　　历任某旗副旗长，某市发展和改革委员会副主任；2011年12月起任某市副市长；2016年11月被免职。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 1 and "历任" not in cases[0]


def test_a_reports_areas_holding_numbered_problems_are_its_cases():
    # (一)关于…方面 areas, each with 1. 2. problems: the outermost list is the areas
    text = ("中共某中学支部委员会关于县委巡察反馈问题整改情况的通报\n\n"
            "　　根据县委统一部署，县委第一巡察组对学校党支部开展了巡察，并反馈了巡察意见。现将整改情况通报如下。\n"
            "（一）关于落实全面从严治党责任方面\n"
            "　　1.意识形态工作责任制落实不到位。已修订实施细则。\n"
            "　　2.教师违规收受家长礼品问题时有发生。教师王某某收受礼品价值2000元，受到党内警告处分。\n"
            "（二）关于财务管理方面\n"
            "　　1.违规发放津贴补贴。2022年违规发放补助7.8万元，已全部清退。\n"
            "　　2.食堂管理不规范。食堂结余资金12.6万元坐收坐支，总务主任赵某被诫勉。\n"
            "　　下一步，学校党支部将持续巩固整改成果。\n")
    _, sp, cases = _split(text)
    assert [c[:3] for c in cases] == ["（一）", "（二）"]
    assert "王某某" in cases[0] and "赵某" in cases[1]


def test_a_problem_named_with_the_word_fed_back_is_stated_not_a_container():
    text = ("县委第三巡察组向某镇党委反馈巡察“回头看”情况\n\n"
            "　　根据县委统一部署，县委第三巡察组对某镇党委开展了巡察“回头看”。巡察组指出，也发现一些问题。\n"
            "　　（一）上轮巡察反馈问题整改不到位。一是整改主体责任落实不力；二是立行立改不彻底，应清退的2.16万元至今未清退。\n"
            "　　（二）“两个责任”落实仍有差距。一是对村级党组织指导不够；二是镇纪委监督执纪问责偏软。\n"
            "　　（三）侵害群众利益问题依然存在。一是某村村委会副主任韦某某索要好处费1500元，受到党内警告处分；"
            "二是某村党支部书记覃某违规低价发包集体鱼塘。\n"
            "　　巡察组要求，镇党委要切实抓好整改。\n")
    _, sp, cases = _split(text)
    assert [c[:3] for c in cases] == ["（一）", "（二）", "（三）"]


def test_a_related_reading_box_inside_an_article_does_not_end_it():
    text = ("某市：严查村级“三资”管理乱象\n\n"
            "　　本网讯　近年来，某市纪委监委聚焦农村集体“三资”管理开展专项整治。\n\n"
            "　　低价发包山林\n\n"
            "　　在某县，某村原党支部书记钟长春擅自将村集体山林低价发包给其表弟，造成集体资产损失38万元。钟长春受到开除党籍处分。\n\n"
            "相关阅读\n· 某省通报5起侵害群众利益问题\n· 某市开展农村集体“三资”清理\n\n"
            "　　监管失守被问责\n\n"
            "　　某乡“三资”代理服务中心主任温某某审核把关不严，致使多个村虚列支出21万余元长期未被发现。温某某受到政务警告处分。\n\n"
            "（责任编辑：黄小梅）\n\n相关阅读\n· 某地推行阳光村务\n")
    _, sp, cases = _split(text)
    assert len(cases) == 2 and "温某某" in cases[1]
    assert not any("某省通报" in c for c in cases)


def test_a_report_stating_its_problems_in_its_summary_paragraph_has_that_case():
    text = ("县委第三巡察组向县粮库党支部反馈专项巡察情况\n\n"
            "　　根据县委巡察工作安排，县委第三巡察组对县粮库党支部开展了粮食购销领域专项巡察。\n\n"
            "　　巡察组指出，县粮库党支部在保障储备粮数量真实方面做了一定工作，但对专项整治的认识不够到位，"
            "主体责任压得不实；2022年轮换出库玉米1260吨未按规定进入交易平台公开竞价，而是直接协议销售给本地一家企业，"
            "涉及金额237.6万元；仓储保管员赵某某虚报烘干费用6.4万元；财务管理不规范，白条入账问题突出。\n\n"
            "　　巡察组要求，县粮库党支部要扛牢维护国家粮食安全政治责任，认真抓好整改。\n")
    _, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report" and len(cases) == 1 and "237.6万元" in cases[0]


def test_a_notices_charges_list_over_blank_lines_starts_at_the_persons_paragraphs():
    text = ("中共某市纪委关于某县交通运输局原局长郝国栋严重违纪问题的通报\n\n"
            "各县区纪委：\n\n"
            "　　郝国栋，男，1963年10月生，大专文化，2008年起任某县交通运输局局长。\n\n"
            "　　2012年11月，根据群众举报，市纪委对郝国栋涉嫌违纪问题立案调查。经查，郝国栋主要存在以下违纪问题：\n\n"
            "　　1.利用职务上的便利，在公路建设项目招投标中为他人谋取利益，收受财物46万元。\n\n"
            "　　2.违反规定干预工程招投标，授意工程股股长赵某某向评标专家打招呼。\n\n"
            "　　3.违反财经纪律，以召开会议名义列支旅游费用12.7万元。\n\n"
            "　　郝国栋受到开除党籍、开除公职处分，其涉嫌犯罪问题移送检察机关依法处理。\n\n"
            "　　　　　　　　　　中共某市纪委\n")
    _, sp, cases = _split(text)
    assert len(cases) == 1 and cases[0].startswith("郝国栋，男") and "开除党籍" in cases[0]


def test_a_supervisor_held_to_account_after_a_semicolon_with_a_duty_failure_stays_with_the_case():
    text = ("某州纪委监委通报2起典型问题\n"
            "　　■ 某乡财政所会计古丽尼沙·阿不力孜截留惠农补贴问题。2016年至2018年，古丽尼沙·阿不力孜截留补贴6.2万余元。"
            "古丽尼沙·阿不力孜受到开除党籍处分；乡党委副书记、乡长吐尔洪·艾则孜对财政所长期监管缺位，受到政务警告处分。\n"
            "　　■ 某县水利局副局长马某违规发放补贴问题。2019年，马某违规发放加班补贴3.2万元，受到党内警告处分。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 2 and "吐尔洪·艾则孜" in cases[0]


def test_a_supervisor_failing_about_the_problem_just_told_stays_with_it():
    text = ("护边员补贴“跑冒滴漏”调查\n\n"
            "　　某县某乡护边员管理长期“重发放、轻管理”，考勤由各护边点自报自填，乡里从不抽查核实，"
            "个别护边员长期脱岗仍照常领取补贴，涉及资金4.2万元。乡党委副书记巴合提别克哈力木作为分管领导，"
            "对此不闻不问、监管缺位，今年2月被诫勉；乡武装部部长王某对护边员日常管理履职不力，受到批评教育。\n\n"
            "　　另一起案件中，某镇财政所所长刘某某挪用扶贫资金12万元用于个人投资，受到开除党籍处分。\n")
    _, sp, cases = _split(text)
    assert len(cases) == 2 and "巴合提别克哈力木" in cases[0] and "王某" in cases[0] and "重发放" in cases[0]


def test_chapters_of_one_officials_story_are_one_case():
    """A 警示录 in numbered chapters, each about the same official (and those around him): one case."""
    text = ("警示录｜从“修路局长”到阶下囚\n——某市交通运输局原局长钱立峰严重违纪违法案警示录\n"
            "2021年3月，市纪委监委对钱立峰严重违纪违法问题立案审查调查。同年8月，钱立峰被开除党籍、开除公职。\n"
            "一、放松学习，思想防线失守\n钱立峰曾是一名有干劲的干部。后来他认为学习是“软任务”，中心组学习常常请假。\n"
            "二、交友不慎，甘于被“围猎”\n包工头孙某某投其所好，逢年过节送烟酒。钱立峰先后收受孙某某所送财物共计86万元。\n"
            "三、家风不正，亲属敛财\n钱立峰的妻子周某以“介绍费”名义收受他人钱款32万元，钱立峰知情不管。\n"
            "【警示】钱立峰案警示我们：党员领导干部必须严管亲属，慎独慎微。")
    t, sp, cases = _split(text)
    assert len(cases) == 1
    assert "立案审查调查" in cases[0] and "86万元" in cases[0] and "32万元" in cases[0]


def test_numbered_items_of_different_officials_stay_cases_beside_the_chapters_rule():
    text = ("某市纪委监委通报3起典型问题\n某市纪委监委近日通报了3起典型问题。\n"
            "一、某县水利局原局长方国平违规收受礼金问题。2020年，方国平收受礼金3万元，受到党内警告处分。\n"
            "二、某镇党委书记江涛违规操办婚宴问题。2021年，江涛操办婚宴30桌，受到党内警告处分。\n"
            "三、某村党支部书记卢某挪用集体资金问题。2022年，卢某挪用集体资金5万元，受到撤销党内职务处分。")
    assert len(_split(text)[2]) == 3


def test_a_notices_commentary_and_its_related_links_are_not_the_last_case():
    text = ("某县纪委监委通报2起典型问题\n现将有关情况通报如下：\n"
            "01\n某乡原乡长王大成违规收受礼金问题\n2023年，王大成收受礼金1.2万元，受到党内警告处分。\n"
            "02\n某中学违规发放福利问题\n2024年，某中学违规发放福利3.6万元，时任校长陈某受到党内警告处分。\n"
            "上述问题中，有的顶风违纪收受礼金，有的巧立名目发放福利，反映出一些党员干部纪律意识淡薄。"
            "全县各级党组织要切实扛起政治责任，紧盯违规吃喝、公车私用等问题。\n"
            "相关链接：\n某县纪委监委通报2025年第三季度违反中央八项规定精神问题情况\n"
            "举报电话：0570-12388")
    t, sp, cases = _split(text)
    assert len(cases) == 2
    assert cases[1].rstrip().endswith("受到党内警告处分。")
    assert [c.title for c in sp.cases] == ["某乡原乡长王大成违规收受礼金问题", "某中学违规发放福利问题"]


def test_a_report_under_a_sites_masthead_is_an_inspection_report():
    head = "廉洁某州网\n中共某州市纪律检查委员会　某州市监察委员会\n首页　要闻动态　巡察工作　审查调查\n"
    body = ("市委第一巡察组向某县委反馈巡察情况\n巡察组在反馈中指出，巡察发现了一些问题：\n"
            "1.落实惠民政策有差距。全县有21户不符合条件人员被纳入低保。\n"
            "2.工程建设领域存在廉洁风险。6个项目合同金额共计3200余万元未按规定公开招标。\n"
            "3.选人用人不够规范。部分干部选拔任用程序倒置。\n巡察组还收到反映一些领导干部的问题线索，已按有关规定转交处理。")
    t, sp, cases = _split(head + body)
    assert sp.doc_type == "inspection_report" and len(cases) == 3


def test_a_breadcrumb_with_arrows_and_an_asking_headline_are_no_cases():
    text = ("某某网 > 新闻中心 > 本省新闻 > 某市\n“小金库”缘何成了“私人钱袋”？某市两起村官违纪案件透视\n"
            "近日，记者从某市纪委获悉，今年以来全市共查处村干部违纪违法案件32宗。记者梳理了其中2起案件。\n"
            "某镇某村原党支部书记韦志刚，利用管理村集体资金的便利，侵占集体资金46万元。韦志刚被开除党籍，移送检察机关。\n"
            "与韦志刚相比，某镇某村原村委会主任蒙立新虚报冒领危房改造补助8万元，受到留党察看一年处分。")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "韦志刚" in cases[0] and "蒙立新" in cases[1]


def test_an_item_titled_with_an_aside_and_a_new_official_in_bullets_stays_its_own_case():
    text = ("某市纪委监委通报3起典型问题\n"
            "■某区自然资源局原局长白音严重违纪违法问题。白音收受财物共计120万元，被开除党籍和公职。\n"
            "■某镇违法占用耕地问题监管失职问题。2019年，某镇国土所所长孟和未依法制止违法占地，受到党内严重警告处分。\n"
            "■某旗执法大队原大队长阿拉坦查处违法开采问题失职并收受财物问题（该案由某市监委指定管辖）。"
            "2018年，阿拉坦收受矿主所送“感谢费”6万元，受到留党察看二年处分。\n")
    assert len(_split(text)[2]) == 3


def test_working_day_drinking_opens_a_new_officials_case_inside_a_paragraph():
    text = ("严格问责动真格。今年9月，县城管局执法中队中队长温某某在执法检查时收受店主所送香烟两条，"
            "县监察局给予温某某行政记过处分。10月17日中午，某镇副镇长陈某某在工作日与他人饮酒，"
            "下午到镇政府上班时酒气熏天，县纪委给予其党内警告处分。")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "陈某某" in cases[1] and "陈某某" not in cases[0]


def test_a_table_row_with_a_name_and_only_a_criticism_is_a_case():
    rows = ["序号\t单位\t姓名\t职务\t存在问题\t处理结果",
            "1\t县房产局\t方立新\t科长\t上班时间脱岗外出办私事\t诫勉谈话",
            "2\t县医保中心\t司马静\t工作人员\t上班时间利用办公电脑炒股\t通报批评",
            "3\t县畜牧局\t王德福\t副局长\t对企业申报手续推诿扯皮\t行政记过"]
    text = "某县纪委通报庸懒散问题\n" + "\n".join(rows) + "\n各单位要引以为戒。"
    assert len(_split(text)[2]) == 3


def test_a_supervisor_held_to_account_after_a_semicolon_for_perfunctory_checks_stays_with_the_case():
    text = ("某县纪委监委通报2起典型问题\n"
            "◆ 某小学食堂食品安全管理不力问题。2023年10月，检查发现该校食堂存放过期食材。该校校长吉克石一落实负责制不力，"
            "受到党内警告处分；县教体局安全股股长海来木呷对校园食品安全监督检查敷衍应付，受到政务警告处分。\n"
            "◆ 某中学原校长阿苏伍呷收受食堂供应商财物问题。2021年，阿苏伍呷收受供应商财物8万元，受到撤销党内职务处分。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "海来木呷" in cases[0]


def test_a_linked_case_after_a_discussion_of_a_made_up_one():
    text = ("以案说纪｜退休后收受财物如何定性\n【基本案情】\n某甲，原系某县自然资源局局长。某甲在职期间为某乙谋取利益，"
            "退休后收受某乙所送80万元。\n【分歧意见】\n第一种意见认为，某甲不构成受贿罪。\n第二种意见认为，某甲构成受贿罪。\n"
            "【评析意见】\n笔者同意第二种意见。\n【案例链接】\n2025年9月，某市纪委监委对某市发改局原局长林某某严重违纪违法问题"
            "进行了立案审查调查。经查，林某某收受他人财物156万元。林某某被开除党籍，移送检察机关。\n（作者单位：某市纪委监委）")
    t, sp, cases = _split(text)
    assert cases[-1].lstrip("【案例链接】\n").startswith("2025年9月") or "林某某" in cases[-1]
    assert "林某某" not in "".join(cases[:-1]) and all("某甲" not in c for c in cases[-1:])


def test_an_officials_confession_and_a_supervisor_of_the_told_problem_stay_in_their_cases():
    notice = ("某盟政协原副主席乌力吉严重违纪违法被开除党籍和公职\n经查，乌力吉利用职务便利为他人谋取利益，收受财物。"
              "乌力吉被开除党籍、开除公职，移送检察机关。\n▍忏悔书摘录\n"
              "再后来，有个做矿业的老板巴某为了拿到探矿权，一次就送给我50万元现金，我犹豫了一下还是收下了。\n")
    assert len(_split(notice)[2]) == 1
    article = ("2019年至2023年，某村报账员管某利用保管村集体资金的便利，挪用村集体资金14.3万元。管某受到党内严重警告处分。\n"
               "让人深思的是，这样一个“窟窿”存在多年，村务监督委员会却从未提出过异议。该村村务监督委员会主任刘某华"
               "对财务票据“只签字、不审核”，监督流于形式。刘某华受到诫勉处理。\n"
               "2023年8月，某镇某村党支部书记谢冬生擅自低价发包集体油茶林，受到党内警告处分。\n")
    t, sp, cases = _split(article)
    assert len(cases) == 2 and "刘某华" in cases[0]


def test_study_questions_after_a_chapters_cases_are_no_cases():
    text = ("第三章　权力失控的代价\n一、“土地爷”的贪婪之路\n——某局原副局长黄土生严重违纪违法案\n"
            "经查，黄土生收受他人财物共计1200万元。黄土生被开除党籍、开除公职。\n"
            "二、警服下的“保护伞”\n——某派出所原所长罗平安违纪违法案\n"
            "经查，罗平安收受涉恶团伙财物35万元，为其充当保护伞。罗平安被开除党籍、开除公职。\n"
            "本章小结\n两起案件，两种人生。\n【思考题】\n1.两起案例中，权力失控的共同原因有哪些？\n2.结合本职工作，谈谈如何防范廉政风险？\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "罗平安" in cases[1] and "思考题" not in cases[1]


def test_a_work_reports_statistics_table_is_no_case_and_an_example_stays_with_its_problem():
    text = ("某市纪委监委关于集中整治工作情况的报告\n一、工作开展情况\n表1　分领域问题查处情况\n"
            "领域\t发现问题（个）\t立案（件）\t处分（人）\n教育领域\t412\t187\t163\n农村集体“三资”领域\t861\t553\t517\n"
            "二、集中整治中发现的主要问题\n（一）教育领域：“校园餐”问题仍然突出\n"
            "一是部分学校食堂管理混乱，存在虚报采购数量等问题；二是违规收费问题时有发生。如，某镇中心小学原校长颜某某"
            "伙同供应商虚增采购数量，套取食堂资金18.7万元。颜某某被开除党籍、开除公职。\n"
            "（二）农村集体“三资”领域：村干部侵占挪用问题较为集中\n一是部分村干部侵占、挪用集体资金；二是违规低价发包集体资源。"
            "如，某村原党支部书记厉某某挪用集体资金26万元，受到留党察看处分。\n三、下一步工作打算\n一是坚持严的基调不放松。")
    t, sp, cases = _split(text)
    assert len(cases) == 2
    assert cases[0].startswith("（一）") and "颜某某" in cases[0] and "厉某某" in cases[1]


def test_quoted_articles_of_law_are_no_cases():
    text = ("某县纪委监委查处一起受贿案件。某局原局长杜立新利用职务便利收受他人财物30万元，被开除党籍、开除公职。\n"
            "▍纪法链接\n"
            "《中华人民共和国刑法》第三百八十五条　国家工作人员利用职务上的便利，索取他人财物的，或者非法收受他人财物，"
            "为他人谋取利益的，是受贿罪。\n"
            "第一百零五条　党员领导干部离职或者退休后违反有关规定接受企业的聘任，情节较重的，给予警告处分。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 1 and "杜立新" in cases[0]


def test_a_second_incident_of_an_earlier_official_and_a_longer_pseudonym_are_new_cases():
    text = ("先看一个“老案子”。2023年春节前后，时任某县市场监管局副局长马某某收受企业负责人所送礼金6000元，受到诫勉。\n"
            "在某县，某村党支部书记禹某某以其妻子名义注册劳务公司承揽本村项目，获利4万元，受到撤销党内职务处分。\n"
            "令人遗憾的是，问题又一次出在马某某身上。已调任某镇党委副书记的马某某，多次接受项目承包商杨某某安排的宴请，"
            "收受其所送购物卡8000元，受到党内严重警告处分。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 3 and "8000元" in cases[2]
    story = ("2016年，村党支部书记雷某某找到村会计蓝某，两人虚增种植面积，套取青苗补偿款11.6万元。雷某某被开除党籍，蓝某受到留党察看处分。\n"
             "无独有偶。同样在该区，某村村委会主任蓝某平在出租村集体厂房时擅自降低租金，收受好处费5000元，受到党内严重警告处分。\n")
    t, sp, cases = _split(story)
    assert len(cases) == 2 and "蓝某平" in cases[1] and "蓝某平" not in cases[0]


def test_a_hook_with_the_money_returned_is_part_of_the_story_that_picks_it_up():
    text = ("“钱退回来了，一分不少！”9月初，某县某镇村民老刘拿着退回的1.8万元土地补偿款连声道谢。\n"
            "老刘说的这笔钱，原本是村里被占地农户的征地补偿款。2015年，某村会计刘某某把本应发给17户村民的补偿款9.6万元扣在手里，"
            "刘某某受到开除党籍处分。\n"
            "县纪委还查实，某社区居委会委员孙某向26名群众收取“手续费”3200元，受到党内严重警告处分。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "1.8万元" in cases[0] and "刘某某" in cases[0]


def test_a_rectification_reports_organisation_section_is_no_case():
    text = ("某局党组关于区委巡察反馈意见整改情况的通报\n一、整改工作组织领导情况\n"
            "局党组高度重视巡察反馈意见整改工作，成立了整改工作领导小组，先后召开党组会议4次，对反馈的问题逐项制定整改措施。\n"
            "二、巡察反馈问题整改落实情况\n（一）关于“违反中央八项规定精神问题仍有发生”问题\n"
            "1.关于“副大队长王某驾驶执法车辆接送子女”问题。整改情况：给予王某党内警告处分。\n"
            "（二）关于“财务管理制度执行不严格”问题\n巡察指出，出纳冯某某挪用公款2.3万元。整改情况：给予冯某某留党察看处分。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and cases[0].startswith("（一）")


def test_a_study_of_inspection_work_lists_no_cases():
    text = ("做实巡察整改“后半篇文章”的思考\n作者：某市委巡察办　张宏伟\n"
            "巡察是党内监督的重要手段。2016年以来，某市委对62个市直部门和单位党组织开展常规巡察。\n"
            "◆当前巡察整改中存在的突出问题\n"
            "（一）思想认识不到位。有的被巡察党组织对巡察整改的重要性认识不足，存在“过关”心态。\n"
            "（二）整改措施不具体。有的整改方案照搬照抄反馈意见，整改措施“大而化之”。\n"
            "（三）整改落实不彻底。在抽查的30个被巡察单位中，有7个单位存在反馈问题整改不彻底的情况。\n")
    t, sp, cases = _split(text)
    assert cases == [] and sp.doc_type == "article"


def test_a_work_reports_example_after_its_statistics_is_a_case():
    text = ("某县纪委2013年工作综述\n一、以作风建设为抓手\n全年查处违反中央八项规定精神问题7起，处理11人。"
            "其中，县林业局副局长普某于2013年8月驾驶公务用车参加亲戚婚宴，被群众举报。经查属实，县纪委给予普某党内警告处分。"
            "县纪委对3起典型问题进行了通报曝光。\n二、以查办案件为重点\n全年立案43件，给予党纪政纪处分45人。"
            "某乡民政助理员字某某采取虚造花名册等手段，贪污救灾款二万三千元。字某某被开除党籍。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "普某" in cases[0] and "字某某" in cases[1]


def test_a_supervisor_after_a_subheading_is_his_own_story_and_measures_after_a_case_end_it():
    text = ("粮仓“硕鼠”是怎样炼成的\n今年9月，某县粮食储备库原主任司马国栋被开除党籍、开除公职。\n"
            "调查显示，2016年至2019年，司马国栋伙同粮商虚增收购数量，套取收购资金320万元。\n"
            "监管者为何“失明”\n"
            "调查组将目光投向了县粮食局。时任县粮食局副局长高峰分管仓储管理工作，对账实不符的问题视而不见，"
            "还多次接受司马国栋安排的宴请。\n今年8月，高峰因履行监管职责不力、违规接受宴请，受到党内严重警告处分。\n"
            "针对案件暴露出的问题，市纪委监委推动全市追回违规资金1570余万元，对68名党员干部进行了处理。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "高峰" in cases[1] and "高峰" not in cases[0] and "1570" not in cases[1]


def test_statistics_after_the_last_story_do_not_join_it():
    text = ("查干花镇某村党支部书记巴特尔虚报禁牧草场面积1200亩，冒领补奖资金7.68万元。县纪委给予巴特尔开除党籍处分。\n"
            "县畜牧业管理局草原监理站站长乌力吉对上报面积未组织实地核查，致使虚报冒领问题长期未被发现。县纪委给予乌力吉党内警告处分。\n"
            "据了解，全县享受草原生态保护补助奖励政策的农牧户有1.3万余户，今年发放补奖资金4600余万元。\n")
    t, sp, cases = _split(text)
    assert cases and "4600" not in cases[-1]


def test_a_rectification_reports_quoted_problems_keep_their_measures_inside():
    text = ("某集团公司党组\n关于巡视整改情况的通报\n根据中央统一部署，中央第十一巡视组对集团公司进行了巡视。\n"
            "一、提高认识，把巡视整改作为重大政治任务\n集团公司党组先后召开6次党组会议研究部署整改工作。\n"
            "二、对巡视反馈意见的整改落实情况\n1.关于“违反中央八项规定精神问题屡禁不止”的问题\n"
            "（1）全面清理高尔夫球会员卡。共清理注销会员卡27张。\n"
            "（2）严肃查处违规公款吃喝问题。所属公司原副总经理周某某多次公款吃喝，给予周某某党内严重警告处分。\n"
            "2.关于“选人用人把关不严”的问题\n（1）制定消化超职数配备干部工作方案。\n"
            "（2）对突击提拔的2名干部予以免职；对负有责任的原人力资源部主任孙某某给予诫勉。\n"
            "三、建立健全长效机制\n新制定和修订制度38项。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and cases[0].startswith("1.关于") and "周某某" in cases[0] and "孙某某" in cases[1]


def test_a_commentary_that_says_a_batch_of_problems_was_dealt_with_has_no_case():
    text = ("以钉钉子精神推动作风建设常态长效\n作风建设永远在路上。刚刚过去的2025年，全省各级纪检监察机关持续深化纠治“四风”，"
            "一批享乐主义、奢靡之风问题被查处，一批形式主义、官僚主义问题得到纠治。\n"
            "作风问题本质上是党性问题。党员干部要把作风建设作为终身课题。\n")
    assert _split(text)[2] == []


def test_rectification_report_problems_under_bullets_hold_their_own_measures():
    """一、 sections: the overall progress (its 一是/二是 are measures), the problems fed back (◆
    items, each holding 一是/二是 measures and a sanction), next steps: the ◆ items are the cases."""
    text = ("中共某市民政局党组关于巡视整改进展情况的通报\n"
            "根据市委统一部署，市委第二巡视组对市民政局党组开展了巡视，并反馈了巡视意见。现将整改进展情况公布如下。\n"
            "一、整改工作总体推进情况\n"
            "局党组坚决扛起整改责任。一是迅速部署。召开党组会议研究整改方案，细化措施40条。"
            "二是压实责任。建立调度机制，截至10月底已完成35条。\n"
            "二、巡视反馈问题整改落实情况\n"
            "◆关于救助资金监管不严的问题。巡视指出，部分救助资金审核把关不严。整改情况：一是全面清查，追回资金12万元。"
            "二是严肃追责。对某街道民政助理员孔令华给予党内警告处分。\n"
            "◆关于养老机构补贴发放不规范的问题。巡视指出，个别养老机构虚报人数骗取补贴。整改情况：一是开展专项核查。"
            "二是对某养老院院长严德彪给予政务记过处分，追回补贴8万元。\n"
            "◆关于干部违规兼职取酬的问题。巡视指出，个别干部在社会组织兼职取酬。整改情况：一是全面清理。"
            "二是责令某科科长祁文礼退还兼职报酬2万元。\n"
            "三、下一步工作打算\n局党组将持续抓好整改。\n")
    _, _, cases = _split(text)
    assert [c[:8] for c in cases] == ["◆关于救助资金监", "◆关于养老机构补", "◆关于干部违规兼"]
    assert "孔令华" in cases[0] and "严德彪" in cases[1]


def test_rectification_measures_under_the_problems_bullet_are_not_cases():
    text = ("中共某集团公司委员会关于巡视整改进展情况的通报\n"
            "根据省委统一部署，省委巡视组对集团公司党委开展了巡视，并反馈了意见。\n"
            "一、扛起整改责任\n"
            "■ 健全整改责任体系。党委书记任组长，班子成员分工负责。\n"
            "■ 强化整改结果运用。把整改情况纳入年度考核。\n"
            "二、巡视反馈问题整改落实情况\n"
            "■ 关于“三重一大”决策制度执行不严的问题\n巡视指出，个别子公司重大投资未经党委研究。已追责3人。\n"
            "■ 关于违规发放福利的问题\n巡视指出，2名领导人员违规发放福利12万元。已全部清退。\n"
            "■ 关于选人用人不规范的问题\n巡视指出，部分中层人员超职数配备。已全部整改。\n")
    _, _, cases = _split(text)
    assert [c[:9] for c in cases] == ["■关于“三重一大”", "■关于违规发放福利", "■关于选人用人不规"]


SUBHEADED_FEATURE = ("镜鉴｜同一个县的两任“局长”\n"
           "在某县，提起邝立成和祁美兰，干部群众无不摇头。两人同在一个局，先后被查。\n"
           "“拆迁局长”的生意经\n"
           "这位被称为“拆迁局长”的干部，把主要精力放在了拆迁项目上。\n"
           "2015年，商人钮某某看中了一片集体土地。邝某拍板“先建后批”，事后钮某某陆续送给邝某现金。\n"
           "经查，邝立成收受财物共计120万元。2019年6月，邝立成被开除党籍、开除公职，涉嫌犯罪问题被移送检察机关。\n"
           "“好心局长”的糊涂账\n"
           "与邝立成相比，祁美兰的问题看起来不大。\n"
           "为了“调动积极性”，她授意财务股股长尤某，违规发放津贴补贴共计26万元。\n"
           "2019年4月，祁美兰受到党内严重警告、政务撤职处分；尤某受到党内警告处分。\n"
           "镜鉴\n"
           "两任局长相继落马，教训深刻。各级党组织要切实履行主体责任。\n")


def test_feature_stories_under_subheadings_are_one_case_each():
    """The briber, the subordinate and the closing sanction stay in their official's story, and
    the lead naming both officials and the closing commentary are no cases."""
    _, _, cases = _split(SUBHEADED_FEATURE)
    assert [c.split("\n")[0] for c in cases] == ["“拆迁局长”的生意经", "“好心局长”的糊涂账"]
    assert "移送检察机关" in cases[0] and "尤某受到党内警告处分" in cases[1]
    assert "教训深刻" not in cases[1]


def test_subheaded_section_with_two_sanctioned_officials_keeps_them_apart():
    text = ("家门口的“微腐败”\n"
            "群众身边的腐败问题，损害的是群众切身利益。\n"
            "低保里的“人情”\n"
            "某村党支部书记邝立成违规将3名亲属纳入低保，领取低保金4万元。2020年5月，邝立成受到党内警告处分。\n"
            "某村委会主任祁美兰虚报危房改造户2户，套取补助3万元。2020年6月，祁美兰受到党内严重警告处分。\n"
            "补贴里的“猫腻”\n"
            "某镇财政所所长尤文斌挪用惠农补贴资金26万元。2021年3月，尤文斌被开除党籍。\n")
    _, _, cases = _split(text)
    assert [c[:6] for c in cases] == ["低保里的“人", "某村委会主任", "补贴里的“猫"]


def test_cases_listed_between_semicolons_after_a_colon_are_one_case_each():
    """A news report giving each case as one clause of one paragraph (具体情况是：A,post,date,deed；B…)."""
    text = ("某市纪委日前对5名为子女大办升学宴的党员干部给予通报批评。\n"
            "这几起案例的具体情况是：邝立成，某市住建局副调研员，7月30日，在酒店为其儿子办升学宴，置办酒席12桌；"
            "祁美兰，某市第二中学教师，8月6日，以其父亲的名义为其女儿办升学宴，置办酒席8桌；"
            "尤文斌，某县某乡副乡长，8月12日，在酒店为其儿子办升学宴，置办酒席6桌。\n"
            "据悉，上述党员干部还将受到相应的党纪政务处分。\n")
    _, _, cases = _split(text)
    assert [c[:3] for c in cases] == ["邝立成", "祁美兰", "尤文斌"]


def test_a_single_officials_charges_naming_a_subordinate_stay_one_case():
    """经查，X违反…；违反工作纪律，授意下属某某…: the charge is X's, whoever it names."""
    text = ("某大学原副校长邝立成受到留党察看处分\n"
            "近日，经省纪委监委批准，驻省教育厅纪检监察组对某大学原副校长邝立成严重违纪违法问题进行了立案审查调查。\n"
            "经查，邝立成违反中央八项规定精神，多次接受宴请；违反廉洁纪律，违规在企业兼职并领取报酬24万元；"
            "违反工作纪律，授意学校资产管理处原处长祁某为某公司负责人尤某参与设备采购提供便利。\n"
            "邝立成身为高校领导干部，严重违反党的纪律，决定给予邝立成留党察看二年处分；祁某已受到党内严重警告处分。\n")
    _, _, cases = _split(text)
    assert len(cases) == 1 and "祁某已受到" in cases[0]


def test_what_an_inspection_feedback_stresses_and_requires_is_no_case():
    text = ("根据中央部署，中央巡视组近日完成对某省的巡视反馈。\n"
            "反馈强调，要坚决贯彻落实重要讲话精神，切实提高政治站位，正视问题，狠抓整改。"
            "纪检监察机关要加强整改监督，对敷衍整改的严肃问责。相关职能部门要用好巡视成果，推动解决行业性问题。\n"
            "对回头看中发现的问题，各督导组向被巡察党组织进行了严肃反馈，提出了整改时限和要求。"
            "一是夯实整改责任。各单位负责人要切实负起整改责任。二是强化清单管理。建立问题清单。三是规范健全资料。收集佐证资料。\n")
    assert _split(text)[2] == []


def test_two_examples_in_one_paragraph_are_two_cases():
    text = ("收送礼金问题呈现两方面特点。\n"
            "一方面，收送礼金往往和违规操办婚丧喜庆事宜相互交织，如某省某集团原董事长邝立成利用其孙子百日宴等时机，"
            "收受私营企业主人民币2万元。另一方面，线上转账等形式更为常见，如某州人民医院体检科副主任祁美兰收受某医疗设备"
            "经销商通过微信转账所送的礼金1888元。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2 and "祁美兰" not in cases[0] and "祁美兰" in cases[1]


def test_an_official_introduced_then_his_deed_told_by_a_pronoun_opens_his_case():
    text = ("最新一种处理方式，叫降职使用。头两个人，一是某市委原书记邝立成，他因失职渎职造成国有资产损失，"
            "决定给予开除党籍处分，降为副处级非领导职务。同期另一被降职的，是某省委原秘书长祁美兰。"
            "她因利用职务上的便利谋取私利，决定给予开除党籍处分，降为科员。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2 and "祁美兰" in cases[1] and "祁美兰" not in cases[0]


def test_a_comparison_introducing_the_next_official_then_taken_up_as_zhewei():
    text = ("两名年轻干部的蜕变之路\n"
            "邝立成，1982年出生，原某县扶贫办主任。2016年，邝立成挪用扶贫资金80万元用于理财。今年3月，邝立成被开除党籍、开除公职。\n"
            "与邝立成相比，原某乡副乡长祁美兰的问题金额不大，但直接侵害了群众利益。\n"
            "这位分管民政工作的女干部，违规将其表哥等4名亲属纳入危房改造补助对象。她还伙同某村村委会主任尤文斌收取“手续费”1.8万元。\n"
            "今年5月，祁美兰受到党内严重警告处分；尤文斌受到党内警告处分。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2 and cases[1].startswith("与邝立成相比") and cases[1].rstrip().endswith("尤文斌受到党内警告处分。")


def test_cases_enumerated_in_one_sentence_after_fenbie_shi():
    text = ("违规操办婚丧喜庆仍是重灾区，某省通报的4起典型案件中有3起涉及违规操办婚丧喜庆。\n"
            "这3起分别是某市中级人民法院办公室主任邝立成为其子结婚大操大办并违规收受礼金、"
            "某县综合执法局中队长祁美兰以孩子升学为名违规操办升学宴并收受礼金、"
            "某镇财政所所长尤文斌为其孙子违规操办满月宴。\n")
    _, _, cases = _split(text)
    found = [c for c in cases if any(n in c for n in ("邝立成", "祁美兰", "尤文斌"))]
    assert [[n for n in ("邝立成", "祁美兰", "尤文斌") if n in c] for c in found] == [["邝立成"], ["祁美兰"], ["尤文斌"]]


def test_an_inspection_rounds_features_are_measures_not_problems():
    from extractors.cases import _is_measure

    for item in ("突出了职能转变。进一步明确了巡视工作的职能定位。", "突出方法创新。巡视组转方式。"):
        assert _is_measure(item, 0)
    assert not _is_measure("突出问题整改不到位，3个问题未按期整改。", 0)


def test_a_news_opening_that_counts_the_culprits_opens_their_story():
    text = ("某省某县一名副局长因超标接待被免职\n"
            "某县水务局一名副局长因超标违规接待被免职，局长在电视上公开检讨。\n"
            "2019年5月，某县水务局在接待上级检查过程中，先后3次提供高档菜肴，每次餐费均在2000元以上。\n"
            "讲排场、比阔气，是典型的超标准接待。市纪委迅速展开调查。\n"
            "经查，该局副局长邝立成作为分管接待负责人，未按规定审核把关，造成恶劣影响。\n"
            "县委常委会研究决定，免去邝立成副局长职务。\n")
    _, _, cases = _split(text)
    assert len(cases) == 1 and "2000元" in cases[0] and "邝立成" in cases[0]


def test_a_news_opening_naming_someone_else_stays_a_case():
    text = ("近日，某县纪委通报一名村干部问题：某村党支部书记尤文斌侵占低保金1.2万元，受到党内警告处分。\n"
            "另据通报，某镇财政所所长祁美兰违规发放津贴补贴3万元，受到政务记过处分。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2 and "尤文斌" in cases[0] and "祁美兰" in cases[1]


def test_findings_after_an_incident_of_a_unit_name_its_people():
    from extractors.cases import CaseSpan, _findings_joined

    text = "某局在接待中先后4次提供高档菜肴。\n经查，该局副局长邝立成未按规定审核把关。\n"
    second = text.index("经查")
    joined = _findings_joined(text, [CaseSpan(0, second - 1), CaseSpan(second, len(text))])
    assert [(c.start, c.end) for c in joined] == [(0, len(text))]
    named = "某局副局长尤文斌在接待中先后4次提供高档菜肴。\n经查，该局副局长邝立成未按规定审核把关。\n"
    second = named.index("经查")
    assert len(_findings_joined(named, [CaseSpan(0, second - 1), CaseSpan(second, len(named))])) == 2


def test_an_inspection_work_reports_method_items_are_no_cases():
    text = ("2025年，某县委巡察累计发现并推动解决群众身边急难愁盼问题40余件，切实提升群众获得感。\n"
            "一、精准施策，分类巡察明晰路径\n"
            "县委巡察机构构建“常态监督”的巡察模式。一是分类施巡。县委巡察机构联合组织部门将全县120个村（社区）"
            "按照治理特点分为5类，量身定制涵盖“三资”管理、民生保障等20项重点的监督清单。二是固化成果。"
            "县委巡察机构聚焦以往巡察反馈问题的整改实效，对30个已巡察过的村开展巡察“回头看”，移交问题线索12件，立案8人。\n"
            "二、闭环整改，深化治理\n"
            "发现问题是起点，解决问题是关键。一是巡改一体。巡察组对能立即解决的问题现场督办。\n")
    assert _split(text)[2] == []


def test_an_inspection_feedbacks_problem_items_stay_cases():
    text = ("市委第二巡察组向某镇党委反馈巡察情况\n"
            "巡察发现的主要问题：\n"
            "一是落实惠民政策有差距，部分低保对象识别不精准。\n"
            "二是财务管理混乱，2021年以来列支招待费用3.2万元。\n"
            "三是基层党组织建设有弱项，“三会一课”流于形式。\n"
            "四是群众服务意识有待提高，便民服务站长期无人值守。\n")
    cases = _split(text)[2]
    assert len(cases) == 4 and cases[3].startswith("四是")


def test_a_paragraph_opening_on_the_case_before_continues_it():
    text = ("第一批典型案例\n"
            "2025年3月，某市医保局检查发现，该市某中医医院违法违规使用医保基金204万元，其中6名医务人员伪造检查报告单67份。\n"
            "该案件经行刑衔接已移交公安机关，公安机关已批捕3人。当地医保部门已追回骗取的医保基金20.3万元，"
            "对该院邝某成、祁某兰等2名医务人员各记12分，终止医保支付资格3年。\n")
    _, _, cases = _split(text)
    assert len(cases) == 1 and "204万元" in cases[0] and "祁某兰" in cases[0]


def test_a_paragraph_whose_first_sentence_speaks_of_the_case_before_continues_it():
    text = ("某村原党支部书记邝立成贪污集体资金一审获刑\n"
            "2019年，某县法院以贪污罪、挪用资金罪判处某村原党支部书记邝立成有期徒刑十年，并处罚金50万元。"
            "经审理查明，邝立成伙同他人侵吞征地补偿款1100万元。\n"
            "法院还分别以上述几项罪名，判处该村原村委会出纳祁美兰、原村委会副主任尤文斌有期徒刑三年至六年不等。\n")
    _, _, cases = _split(text)
    assert len(cases) == 1 and "尤文斌" in cases[0]



def test_an_item_naming_its_case_in_an_aside_is_a_new_case():
    text = ("某省通报2起自然资源领域失职问题\n"
            "■某旗某镇违法占用耕地问题监管失职问题。2019年，某砂石企业违法占用耕地42亩，镇国土资源所所长邝立成巡查发现后未依法制止。"
            "邝立成受到政务记过处分。\n"
            "■某旗自然资源局执法大队原大队长祁美兰查处违法开采问题失职并收受财物问题（该案由某市监委指定管辖）。"
            "2018年，祁美兰对某铁矿越界开采查处不力，收受“感谢费”6万元。祁美兰被开除党籍。\n")
    _, _, cases = _split(text)
    assert [[n for n in ("邝立成", "祁美兰") if n in c] for c in cases] == [["邝立成"], ["祁美兰"]]


def test_paragraphs_opening_on_a_name_before_a_time_clause_are_one_case_each():
    text = ("日前，某省纪委监委对3起违反中央八项规定精神问题进行通报，涉及邝立成、祁美兰、尤文斌。\n"
            "邝立成被指在2013年至2021年，先后收受礼金共计12.3万元，多次接受私营企业主安排的宴请。邝立成被开除党籍。\n"
            "祁美兰被指在2014年至2020年，先后收受礼金共计5.6万元，接受私营企业主安排的旅游。祁美兰被开除党籍。\n"
            "尤文斌被指在2015年至2022年，先后收受礼金共计9.4万元，在私营企业主设置的场所接受宴请。尤文斌受到留党察看处分。\n")
    _, _, cases = _split(text)
    assert [[n for n in ("邝立成", "祁美兰", "尤文斌") if n in c] for c in cases] == [["邝立成"], ["祁美兰"], ["尤文斌"]]


def test_a_feedback_to_a_long_list_of_units_with_inline_problems_is_a_report():
    units = "、".join(["医学院", "附属医院", "信息工程学院", "管理学院", "化学学院", "外国语学院"])
    text = (f"根据校党委统一部署，5月8日至5月12日，三个巡察组分别向本轮巡察的{units}等6家二级党委进行了巡察反馈。\n"
            "反馈指出了被巡察党组织存在以下三个方面的问题:一是贯彻落实上级决策部署有不足,推动事业发展有差距;"
            "二是落实全面从严治党责任不到位,廉政风险排查不严不实;三是领导班子建设存在不足,担当作为不够。\n"
            "反馈要求，被巡察党组织要切实提高政治站位，认真抓好整改。")
    t, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [c[:2] for c in cases] == ["一是", "二是", "三是"]


def test_a_finding_stated_inside_a_feedback_paragraph_is_the_reports_case():
    text = ("根据校党委统一部署，2022年12月5日至12月13日，校党委巡视组对某学院开展了巡视整改“回头看”，"
            "通过个别谈话、调阅资料等方式，深入了解上轮巡视反馈问题整改情况。\n"
            "3月23日，巡视组向某学院反馈了“回头看”情况。\n"
            "组长宣读了反馈意见。反馈意见指出，某学院分解出的26个具体问题已完成整改，总体上整改效果较好。"
            "同时发现某学院存在党组织政治功能发挥不够、整改措施落实不够严等问题。\n"
            "反馈要求，某学院要持续抓好整改。\n")
    t, sp, cases = _split(text)
    assert sp.doc_type == "inspection_report"
    assert len(cases) == 1 and "政治功能发挥不够" in cases[0]
    # the same paragraph with nothing found is no case
    t, sp, cases = _split(text.replace("同时发现某学院存在党组织政治功能发挥不够、整改措施落实不够严等问题。", ""))
    assert cases == []


def test_two_duty_failures_told_in_one_paragraph_are_two_cases():
    # (a post left on duty is misconduct of one's own; a check not made — 未认真核实 — is often the
    # accountability of a supervisor inside someone else's case, so it alone cuts nothing)
    text = ("10月19日，某县纪委监委通报了2起防汛抢险履职不力典型案例。\n"
            "现场检查发现，9月25日，县农业农村局党组成员、副局长贾某某作为带班领导，不严格遵守领导带班制度规定，"
            "于当日17时擅自离岗，直至当日22时被监督检查发现后才返回应急值守岗位。9月16日至25日，县公安局某派出所"
            "所长宁某某在辖区发生重大汛情后擅离职守，未及时赶往汛情一线。\n"
            "县纪委监委强化防汛监督执纪问责，对防汛方面的问题线索优先查处。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "贾某某" in cases[0] and cases[1].startswith("9月16日至25日")


def test_bulleted_lines_each_opening_on_an_official_are_cases_of_their_own():
    text = ("“小官巨腐”涉案金额惊人\n"
            "■于大凡，某市一个社区的居委会主任，利用社区拆迁改造项目为自己牟利，受贿共计1.2亿元。\n"
            "■纪海平，某区某乡原党委书记，受贿9000余万元。\n"
            "■陈万福，某区某镇某村会计，挪用资金1.19亿元。\n"
            "“小官巨腐”案件提醒着人们基层腐败问题的严重性。\n")
    t, sp, cases = _split(text)
    # (the section's heading opens the first)
    assert [[n for n in ("于大凡", "纪海平", "陈万福") if n in c] for c in cases] == [["于大凡"], ["纪海平"], ["陈万福"]]


def test_officials_reported_only_as_under_investigation_are_cases():
    text = ("今年以来，多名国企“关键少数”被查。4月24日，某集团有限公司原副总经理王晓晖被通报接受审查调查；"
            "4月20日，某电网有限责任公司原工会主席张一帆被通报接受审查调查。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "王晓晖" in cases[0] and "张一帆" in cases[1]


def test_an_incident_told_of_an_unnamed_group_opens_the_story_of_those_held_to_account():
    text = ("10月23日，省纪委网站曝光了5起为官不为典型案例。文中提及，某县某镇某村8名村干部编造虚假资料，"
            "骗取危房改造补助资金51.8万元，并擅自私发给不符合条件的建房户。\n"
            "因监督和核查不力，县纪委给予某镇副镇长邹大友党内严重警告处分，给予某镇扶贫办主任周伟明党内警告处分。\n"
            "（文/记者段某）\n")
    t, sp, cases = _split(text)
    assert len(cases) == 1 and "51.8万元" in cases[0] and "邹大友" in cases[0]


def test_a_paragraph_naming_whom_a_unit_told_of_before_held_to_account_joins_its_case():
    text = ("近日，省纪委通报了四起形式主义官僚主义典型问题。\n"
            "通报称，2017年4月，市委巡察组发现某县农业局在实施农业综合开发项目中管理维护不力，群众反映强烈。"
            "之后，县农业局党组书记、局长李延平受到党内警告处分。\n"
            "通报还介绍了某市房地产交易管理处服务意识差、办事效率低、漠视群众利益问题：部分窗口工作人员上班时间玩手机、"
            "咨询台无人值守；办事效率低下，超时办结现象十分严重；事务公开流于形式，违规收取办证费用，群众多次往返。\n"
            "通报指出，该管理处原主任王美华受到党内严重警告、政务撤职处分；分管该处的市住建局副局长陈永明受到党内警告处分。\n")
    t, sp, cases = _split(text)
    assert len(cases) == 2 and "服务意识差" in cases[1] and "王美华" in cases[1]


def test_officials_listed_one_per_clause_in_one_sentence_are_one_case_each():
    """查处比较典型的有，A地某村党支部书记某某违规…问题，B地…问题，C地…问题。: a case per clause."""
    text = ("今年以来，全市共查处违反中央八项规定精神问题46起。\n"
            "查处比较典型的有，某市东湖镇下岙村党支部书记邝立成违规公款聚餐等问题，"
            "某县西塘镇溪口村党支部书记祁美兰公款吃喝、违反财经纪律等问题，"
            "某区环保局审批科原科长尤文斌公款旅游问题。\n")
    _, _, cases = _split(text)
    found = [[n for n in ("邝立成", "祁美兰", "尤文斌") if n in c] for c in cases]
    assert found == [["邝立成"], ["祁美兰"], ["尤文斌"]]


def test_units_listed_between_semicolons_after_a_time_are_one_case_each():
    """某市某中学违规…元；2016年…，某市某小学违规列支…: each unit its own case, its time with it."""
    text = ("2016年1月，某市东湖中学违规使用食堂伙食费盈余购买土特产发给教师作为年终福利，共计4860元；"
            "2016年3月至2017年6月，某市西塘小学溪口办学点违规在食堂账户中列支烟酒费1.6万元。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2 and "西塘小学" not in cases[0] and cases[1].startswith("2016年3月至")


def test_one_cases_units_named_again_after_a_semicolon_stay_one_case():
    """A titled case naming two units (某县住建局、县财政局…问题。…；某县财政局…) is one case."""
    text = ("某县住房城乡建设局、县财政局对农村改厕监管不力问题。2016年，某县住房城乡建设局未按规定组织验收，"
            "导致改厕工程质量问题突出；某县财政局未认真审核验收资料，违规拨付改厕工程款86万元。"
            "县住建局局长邝立成、县财政局副局长祁美兰分别受到党内警告处分。\n")
    _, _, cases = _split(text)
    assert len(cases) == 1


def test_a_list_of_cases_under_investigation_named_as_objects_is_not_split():
    """对A、B、C等三起案件进行了调查: the cases are objects of one announcement, not clauses with deeds."""
    text = ("记者获悉，调查组对某市违法批准征收土地建设高校园区、某省某县东湖镇非法征地、"
            "某市西塘开发区违法批准工业园项目占用土地等三起土地违法案件进行了调查。\n"
            "经查，某市政府违法批准征收土地1.2万亩，给予某市市长邝立成记大过处分。\n")
    _, _, cases = _split(text)
    assert not any(c.startswith("某省某县东湖镇") or c.startswith("某市西塘开发区") for c in cases)


def test_a_named_official_in_apposition_is_not_cut_from_his_clause():
    """邝立成，某市某局副调研员，7月30日…: the designation after the name is his, not a new case."""
    text = ("某市纪委对3名为子女大办升学宴的党员干部给予通报批评，具体情况是：邝立成，某市住建局副调研员，"
            "7月30日在酒店为其儿子办升学宴，置办酒席12桌；祁美兰，某市第二中学教师，8月6日为其女儿办升学宴，"
            "置办酒席8桌；尤文斌，某县西塘乡副乡长，8月12日为其儿子办升学宴，置办酒席6桌。\n")
    _, _, cases = _split(text)
    assert [c[:3] for c in cases] == ["邝立成", "祁美兰", "尤文斌"]


def test_a_rectification_measure_stated_as_a_title_is_no_case():
    """一是提高站位，主动作为抓整改。…对存在问题全面梳理…: a measure, whatever problems it mentions."""
    text = ("中共某镇委员会关于巡察整改进展情况的通报\n"
            "根据县委统一部署，县委第二巡察组于2023年10月对某镇党委开展了巡察，并反馈了巡察意见。现将整改进展情况予以公布。\n"
            "一是提高站位，主动作为抓整改。党委主要负责人履行整改第一责任人职责，召开党委会议对存在问题全面梳理、"
            "查找原因，明确各个问题的责任领导、整改措施和时限。\n")
    assert _split(text)[2] == []


def test_everyone_held_to_account_for_one_named_incident_is_one_case():
    """某省公布“7·15”较大坍塌事故调查报告: the fallen, the sanctioned and the units are the incident's case."""
    text = ("某省公布“7·15”较大坍塌事故调查报告，21名公职人员被问责\n"
            "某市某商场“7·15”较大坍塌事故发生后，某省依法依规开展事故调查。公安机关对涉嫌犯罪的6名企业人员采取刑事强制措施。\n"
            "某市住建局党组成员、副局长邝立成因涉嫌严重违纪违法，正在接受审查调查；某区城南街道党工委书记祁美兰因严重违纪违法，"
            "已被开除党籍、开除公职，并移送检察机关审查起诉。\n"
            "同时，对该事故中存在失职失责问题的某市、某区住建、消防等部门的19名公职人员进行严肃处理。其中，"
            "对某市副市长尤文斌给予政务记过处分。\n")
    _, _, cases = _split(text)
    assert len(cases) == 1 and all(n in cases[0] for n in ("邝立成", "祁美兰", "尤文斌"))


def test_incidents_with_different_codes_stay_apart():
    text = ("某市通报两起安全生产事故问责情况。\n"
            "某区“2·11”较大火灾事故中，某街道办事处主任邝立成对辖区消防安全监管不力，受到政务记过处分。\n"
            "某县“6·26”燃气爆炸事故中，某县住建局局长祁美兰对燃气安全监管缺位，受到党内警告处分。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2


def test_a_second_official_reported_fallen_in_prose_is_a_case_of_his_own():
    """…原行长邝立成被某市纪委监委通报调查。…副行长祁美兰已被查处。: two officials' falls, two cases."""
    text = ("某农商银行两名高管相继落马\n"
            "2025年12月30日，某农商银行原行长邝立成被某市纪委监委通报调查。这位1980年出生的行长，2020年起担任该行行长，"
            "任职期间该行亏损25亿元。更早前的2025年7月，该行副行长祁美兰已被查处。这位85后高管从支行风险经理一路晋升至副行长。\n")
    _, _, cases = _split(text)
    assert len(cases) == 2 and "祁美兰" not in cases[0] and "祁美兰" in cases[1]


def test_rectification_work_on_the_problems_fed_back_is_no_problem():
    """针对巡察反馈问题进行逐项分解 / 领办整改问题16个: the work of rectifying, not a problem stated."""
    text = ("中共某镇委员会关于巡察整改情况的通报\n"
            "根据市委统一部署，市委第二巡察组对某镇党委开展了巡察，并于2022年9月反馈了巡察意见。现将整改情况予以公布。\n"
            "整改工作领导小组在镇党委的统一领导下，针对巡察反馈问题进行逐项分解，制定了151条整改措施。\n"
            "镇党委负责同志领办整改问题16个，占整改问题量48%。\n")
    assert _split(text)[2] == []


def test_a_problem_stated_beside_rectification_work_is_still_one():
    text = ("中共某镇委员会关于巡察整改情况的通报\n"
            "根据市委统一部署，市委第二巡察组对某镇党委开展了巡察，并反馈了巡察意见。现将整改情况予以公布。\n"
            "针对巡察反馈问题，镇党委逐项制定了整改措施。\n"
            "巡察指出，镇党委落实全面从严治党主体责任不到位，违规发放津补贴问题突出，已全部清退。\n")
    cases = _split(text)[2]
    assert len(cases) == 1 and "主体责任不到位" in cases[0]


def test_units_listed_line_by_line_under_their_problem_are_one_case_each():
    """5个单位存在违规使用公务用车问题： then one unit per line: each line a case."""
    text = ("某市纪委监委通报5起节日期间公车私用问题。\n"
            "今年国庆期间，市纪委监委对市级机关公务用车使用情况开展专项监督检查，发现5个单位存在问题。\n"
            "5个单位存在违规使用公务用车问题：\n"
            "某集团车牌号为A12345的公务车；\n"
            "市规划委车牌号为A23456的公务车；\n"
            "市总工会车牌号为A34567的公务车；\n"
            "某医院车牌号为A45678的公务车；\n"
            "某大学车牌号为A56789的公务车。\n"
            "市纪委监委表示，将按照有关程序对相关责任人员作出严肃处理。\n")
    _, _, cases = _split(text)
    assert [c[:4] for c in cases] == ["某集团车", "市规划委", "市总工会", "某医院车", "某大学车"]


def test_a_lead_naming_two_officials_then_a_paragraph_each_gives_two_cases():
    text = ("“升官”与“发财”，钱立东与孙海波两人都实现了，只是顺序颠倒：先敛财，后升官。9月的一个傍晚，"
            "省纪委监委网站发布两条“双开”通报，两人的名字并列出现。\n"
            "钱立东的履历如同一份精心打印的荣誉证书：从乡镇干部一路升任某市副市长。然而证书背面写满小字："
            "结交政治骗子、违规收受礼金、插手工程项目、受贿无数。组织找他谈话时，他轻描淡写地说“没有”。\n"
            "孙海波的行径更是荒诞。身为一名从业三十年的纪检干部，他从普通办事员一路升至市纪委副书记、市监委副主任，"
            "专司监督他人是否廉洁，自己却对抗审查、沉迷迷信、挪用公款、干预司法，最终被开除党籍和公职。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2
    assert "孙海波的行径" not in texts[0] and texts[1].startswith("孙海波的行径")


def test_a_second_person_paragraph_that_names_the_first_stays_in_the_story():
    text = ("某县住建局原局长周建国严重违纪违法被开除党籍。\n"
            "周建国利用职务便利，在工程项目承揽等方面为他人谋取利益，非法收受他人财物共计120万元，被开除党籍。\n"
            "老板吴某某为承揽工程，多次以节日问候为名向周建国送上现金，前后共计60万元，并由此拿下多个项目。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "吴某某" in texts[0]


def test_a_case_title_heads_the_findings_before_its_culprits():
    text = ("某市医保局公布3起典型案例\n"
            "一、某社区卫生服务站倒卖医保药品案\n"
            "医保部门在数据筛查时发现，该服务站共40个药品追溯码出现重复结算，机构无法提供进货票据。\n"
            "经现场检查，该服务站医师钱某、护士孙某多次从参保人手中低价收购医保药品再行销售。\n"
            "某市医保部门已解除该卫生服务站医保服务协议，追回医保基金2460元，并处2倍罚款。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1
    assert "40个药品追溯码" in texts[0] and "追回医保基金2460元" in texts[0]


def test_a_news_story_about_an_inspection_is_one_case_over_its_paragraphs():
    text = ("“真没想到，这笔卡里的钱还能退回来。”2024年5月的一天，家住某县城关镇的王女士接到县交通运输局的电话，"
            "核实身份后就收到了280元退款。这笔迟来的退款从何而来？还得从最近一次巡察说起。\n"
            "今年3月，县委第二巡察组对县交通运输局党组开展巡察，在查阅财务账目时发现，该局公交卡项目停办后，"
            "2000多张公交卡的押金及卡内余额共计60余万元未按要求退还群众，仍滞留在该局银行账户上。\n"
            "“这么多资金在账户上睡大觉，表面是退还不及时，实质是服务群众意识不强。”巡察组立即将此问题作为立行立改事项"
            "反馈给县交通运输局党组，要求其加快办理退卡业务。县交通运输局迅速制定整改方案，两个多月就为群众办理退卡900余张，"
            "退款21.6万余元。\n"
            "“开展政治巡察必须坚持以人民为中心，把维护群众切身利益作为巡察的着力点。”县委巡察办相关负责人表示。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1
    assert "60余万元" in texts[0] and "21.6万余元" in texts[0] and "相关负责人表示" not in texts[0]


def test_an_article_whose_story_is_spread_over_paragraphs_is_one_case():
    text = ("不久前，某区委巡察组在巡察某镇长兴村时，了解到该村存在重复申报项目的情况，随即将该问题线索移交给区纪委，"
            "区纪委立即成立核查组开展初核工作。\n"
            "经前期核查了解，长兴村是以土地整理项目的名义申报村集体经济增收项目，并获得了9万元补助资金。\n"
            "“既然是项目上的问题，我们先到项目实施地点走访一下。”我和同事小朱决定先去实地走访。"
            "到达项目建设地点后，我们看到废弃的土地确实已经平整过了。\n"
            "走到路尽头时，我们看到路边有一块项目公示牌，建设单位一栏却写着“某镇国土所”。带着疑问，我们找到镇国土所，"
            "所长向我们说明了情况：项目是国土所投资建设的，跟村委没关系。\n"
            "随后，我们去村委找项目资料编制人村会计丁某核实情况，丁某拿出了村里支付建设费用的会计凭证。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "9万元" in texts[0] and "丁某" in texts[0]


def test_a_work_report_with_a_named_speaker_and_no_story_is_no_case():
    text = ("某县召开巡察工作动员部署会\n"
            "3月2日，县委书记刘志远主持召开县委常委会，专题研究巡察工作，强调要压紧压实整改责任。\n"
            "会议要求，各巡察组要聚焦群众身边问题，加强对惠民资金使用情况的监督检查。\n")
    t, sp, texts = _split(text)
    assert texts == []


def test_an_articles_one_case_takes_its_outcome_told_after_the_rectification():
    text = ("日前，某区委巡察组在巡察某街道时，收到一封反映某村违规占用耕地的举报信。\n"
            "经核查，承租人钱某于2019年与某村签订土地流转协议，用途为苗木种植，但钱某违规改变土地用途，"
            "挖湖造景、建造房屋，违法占地面积达60亩。\n"
            "巡察组向区委专题汇报，区委要求由区农业农村局牵头限时整改，由区纪委监委对相关责任人严肃追责问责。\n"
            "区农业农村局随即成立整改专班，督促整改落实。区纪委监委启动追责问责程序，对相关责任人立案审查调查。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and texts[0].endswith("立案审查调查。")


def test_a_units_problems_told_as_first_and_second_points_are_one_case():
    text = ("国家医保局联合省医保部门开展飞行检查，发现一些医院通过给予现金拉拢参保人虚假住院，每拉1人付费300元，"
            "骗取医保基金。现将部分案例公布如下：\n"
            "某市安康医院。\n"
            "一是冒用他人名义虚假宣传。该院冒用医师钱某名义对外宣传，由其他人员冒用其名义书写查房记录、开具医嘱。\n"
            "二是纵容无资质人员伪造医学文书。该院常年聘用无资质人员孙某从事彩超检查，冒用医师周某名义出具诊断报告。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "钱某" in texts[0] and "孙某" in texts[0]


def test_a_unit_named_on_its_own_line_holds_the_first_and_second_points_after_it():
    text = ("省医保局公布飞行检查发现的部分案例如下：\n"
            "某市安康医院。\n"
            "一是冒用医师名义虚假宣传。该院冒用医师钱某名义对外宣传，由其他人员冒用钱某名义书写查房记录，骗取医保基金12.6万元。\n"
            "二是纵容无资质人员伪造医学文书。该院聘用无资质人员孙某从事彩超检查，孙某冒用医师周某名义出具诊断报告，"
            "骗取医保基金8.3万元。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "钱某" in texts[0] and "8.3万元" in texts[0]


def test_the_story_of_the_cases_official_goes_on_in_paragraphs_without_facts():
    text = ("警惕腐败低龄化\n"
            "近年来查处案件中呈现出的腐败低龄化现象，必须引起足够警惕。\n"
            "“希望我的经历能给党员干部敲响警钟。”某市某街道经济发展服务中心原副主任钱小川在忏悔书中写道。\n"
            "提及近年来年轻干部违纪违法案件，钱小川的案例令当地办案人员印象深刻。\n"
            "一方面，钱小川的起点非常好，大学毕业不久便考入街道办事处，28岁就被提拔为中心副主任。\n"
            "另一方面，钱小川没有珍惜组织的信任，逐渐开始讲排场、比阔气，沉迷网游，最终步入歧途。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and texts[0].endswith("最终步入歧途。")


@pytest.mark.parametrize("text", [
    "部分馆长通过大宗物资采购收受巨额回扣，形成长期利益输送链条。\n部分馆长不仅收受供应商的节礼红包，甚至向下属索取“孝敬费”。",
    "有的村干部在低保审核中优亲厚友，违规为亲属办理低保。",
])
def test_a_post_held_by_some_of_a_kind_tells_no_case(text):
    t, sp, texts = _split(text)
    assert texts == []


def test_a_feedback_meetings_problems_listed_after_a_comma_are_its_cases():
    text = ("5月8日上午，县委第二巡察组召开巡察县林业局情况反馈会。\n"
            "会上，巡察组组长代表县委第二巡察组反馈了巡察中发现的问题，一是在党的领导方面，存在学习贯彻上级部署有差距等问题；"
            "二是在党的建设方面，存在“三会一课”制度落实不到位等问题；三是在全面从严治党方面，存在监督责任落实不力等问题。"
            "并提出三点整改意见：一是提高政治站位；二是压实整改责任；三是健全长效机制。\n"
            "县林业局党组书记表示，将诚恳接受意见，全力抓好整改。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert texts[0].startswith("一是在党的领导方面") and not any("整改意见" in x for x in texts)


def test_the_problems_of_each_inspected_unit_under_its_heading_are_one_case():
    text = ("县委第二轮巡察情况全部反馈完毕\n"
            "近日，县委巡察组分别向被巡察党组织反馈了巡察情况，现将发现的主要问题摘编如下：\n"
            "县交通运输局党组存在的主要问题\n"
            "一是落实上级决策部署不够到位，农村公路建设进展缓慢。二是党建工作薄弱，基层党组织建设仍有差距。"
            "三是落实选人用人规定不严格，部分重点岗位长期未交流轮岗。\n"
            "县人民医院党委存在的主要问题\n"
            "一是未严格控制医疗费用不合理增长。二是医院经营管理能力不足，医疗技术更新缓慢。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2
    assert texts[0].startswith("县交通运输局党组") and "轮岗" in texts[0] and texts[1].endswith("更新缓慢。")


def test_a_news_story_of_an_inspection_find_told_through_quotes_is_one_case():
    text = ("某市推动巡察反馈问题整改落实：被转租的廉租房收回来了\n"
            "“该廉租房小区难道存在违规转租、转借问题？”巡察专员心中充满疑惑，立即向巡察组组长作了汇报。\n"
            "市委第三巡察组在对市住建局开展巡察时，发现某廉租房小区实际居住人员和申请人员信息不一致的有40余户，"
            "市住建局对廉租房的日常管理监督缺位。\n"
            "“谁的问题谁负责，谁的责任谁承担。”巡察组立即将问题反馈给市住建局党组，要求其立行立改。\n"
            "目前，市住建局已收回违规转租的廉租房32套。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "40余户" in texts[0]


def test_items_labelled_as_cases_with_only_a_title_and_the_decisions_are_cases():
    """A regulator's list (案例1：…骗取医保基金案 / 作出如下处理：1.追回…2.支付违约金…): each 案例 is a
    case, and the 1.2.3. decisions inside it are not."""
    text = ("某市医疗保障局通报5起欺诈骗保典型案例\n"
            "案例1：某县中心卫生院超医保支付范围用药骗取医保基金案\n"
            "根据有关规定，作出以下处理：1.追回违规费用33179.13元；2.支付违约金33179.13元；3.扣4分。\n"
            "案例2：某市新城医院重复收费骗取医保基金案\n"
            "根据相关规定，作出如下处理：1.追回违规费用71662.00元；2.支付违约金14332.40元；3.约谈负责人。\n"
            "案例3：某区友好医院个人自付费用少付骗取医保基金案\n"
            "根据相关规定，作出如下处理：1.追回违规费用25091.48元；2.处以违约金50182.96元。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert all(x.startswith("案例") and "违约金" in x for x in texts)


def test_a_case_titles_body_after_it_belongs_to_the_last_item():
    """The last 案例 of an excerpt: its title line, then a body that tells no money or name yet."""
    text = ("某省医保局公布两起参保人骗取医保基金典型案例。\n"
            "案例一 某市参保人景某等倒卖医保药品骗保案\n"
            "2023年3月，某市医保部门发现，参保人景某超量开具高价药品后转卖，造成医保基金损失28万元。"
            "景某被判处有期徒刑，责令退赔医保基金28万元。\n"
            "案例二 某市赵某等3人倒卖医保药品骗保案\n"
            "2023年，某省医保部门通过数据分析监测到疑点线索，尿毒症患者卢某存在超量开具医保药品的异常行为。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "尿毒症患者" in texts[1]


def test_each_regulators_paragraph_with_a_find_of_its_own_is_a_case():
    """A bureau's notice of cases told one per paragraph, each opening on a month and the local bureau
    that found it: a paragraph where the same bureau finds another unit (发现某大药房存在…) is a new
    case, not the decision on the one before; so is one opening 今年2月，经调查发现，参保人员李某…"""
    text = ("本报讯 9日，市医保局发布了4起欺诈骗保案例。\n"
            "3月，甲县医保局根据群众举报线索，查实某医药连锁公司容华店存在为非定点药店结算医保费用的行为。"
            "该局约谈该药店负责人，追回违规刷卡资金1521元。\n"
            "4月，乙县医保局现场检查发现，某村卫生室集中刷卡现象严重。该局依据协议扣除该村卫生室违约金2200元。\n"
            "去年10月，乙县医保局在日常检查中，发现某大药房富川店存在为非定点药店结算医保费用的行为。"
            "该局对该药店作出违约罚款3000元、暂停医保服务协议3个月的处理。\n"
            "今年2月，经调查发现，参保人员李某通过伪造住院结算票据，骗取医保基金1.27万元。"
            "经研究决定，责令其限期交回骗取基金。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 4
    assert texts[2].startswith("去年10月") and texts[3].startswith("今年2月")


def test_a_case_title_heads_the_nameless_incident_told_under_it():
    """A 案例 title, then the incident told with no one named yet, then the culprit's sentence: the
    case opens on its title, not on the incident."""
    text = ("医院以体检、义诊等方式收揽参保人员住院，骗取医保基金，这些骗保行为值得所有人警惕！\n"
            "在此，某市医保局通报两起欺诈骗保典型案例，以案说法，警示欺诈骗保危害。\n"
            "案例1：某市某诊所虚构医疗服务骗取医保基金案\n"
            "2018年以来，通过虚构医疗服务、空刷医保卡等方式骗取医保基金14万元。\n"
            "法院判决，被告人张某某犯诈骗罪，判处有期徒刑三年，缓刑二年。\n"
            "某县某大药房为非定点药店结算医保费用2万元，县医保局解除其医保服务协议。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[0].startswith("案例1") and "张某某" in texts[0]


def test_a_reports_findings_as_a_series_of_youde_clauses_are_its_cases():
    """A feedback news page: the problems found as 有的…；有的…；有的… with no section over them are
    the outermost list (one case each); the requirements after them (要聚焦…，着力解决…的问题) are none."""
    text = ("县委第三轮巡察反馈工作全面完成\n"
            "巡察反馈指出，各被巡察党组织较好履行管党治党政治责任，各方面工作取得一定成效。"
            "但巡察发现被巡察党组织仍不同程度存在一些问题，有的落实上级决策部署还有差距，推动乡村振兴办法不多；"
            "有的基层作风问题还比较突出，执行财务管理制度不严格；有的基层党建比较薄弱，组织生活不规范；"
            "有的落实安全生产责任还有差距，隐患排查不彻底等。\n"
            "巡察反馈要求，被巡察党组织要切实提高政治站位，抓好巡察整改。要聚焦职能责任，着力解决履职尽责不到位的问题。"
            "要聚焦为民服务，着力解决群众急难愁盼问题。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 4 and all(x.startswith("有的") for x in texts)


def test_a_paragraph_recounting_three_officials_cases_gives_one_case_each():
    """A feature on a documentary retelling cases in one paragraph: a case introduced by its name
    (本集还介绍了…原副省长某某案。) and an official brought in by 此外 with his own deed are cases of
    their own; 此外 bringing in the unit's further problem (此外，镇党委对…) is not."""
    text = ("专题片第二集讲述了监察体制改革后查办的案件。山西省监察委员会挂牌后查办了某集团公司原党委书记、董事长郭大海案。"
            "郭大海在担任一把手期间，主导下属公司与某公司合作，导致集团损失高达43亿多元，并收受礼品300多万元。"
            "最终，郭大海被判处有期徒刑十三年。"
            "本集还介绍了监察委员会成立后首名被查的中管干部、原贵州省副省长王小光案。"
            "王小光在得知可能被调查后，与涉案人员约定暗号，并转移、销毁赃物。经查，王小光通过内幕交易获利1.6亿元。"
            "此外，本集还提及了某集团原党委副书记、董事长袁大国利用手中权力违规批专卖店，其家人获利2.3亿余元。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert "郭大海" in texts[0] and texts[1].startswith("本集还介绍了") and texts[2].startswith("此外")


def test_one_official_singled_out_of_a_group_is_a_case_of_his_own():
    """…133名党员干部的违纪违法问题浮出水面。其中包括某医院原副书记彭某平，受贿135万元…: after the case
    before, a group named in a sentence, then one of them with his own deed and sum — his own case."""
    text = ("举报针对时任某区社会保险局局长文某，收受某医院贿赂为其增加医保额度。"
            "经查，2013年至2018年间，文某分14次收受四家医院送的现金共计127.9万元。\n"
            "随着此案深入调查，133名党员干部、公职人员的违纪违法问题逐渐浮出水面。"
            "其中包括某医科大学附属医院原党委副书记彭隐平，受贿135万元，为该医院办理托管提供帮助。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("其中包括") and "文某" not in texts[1]


@pytest.mark.parametrize("text", [
    "2015年3月4日，某开发区党政班子成员到区属企业调研走访，当晚联谊聚餐，约150人，全部费用21336元由辖区内私营企业支付。",
    "2015年3月10日，某市政府一名副市长带领有关部门人员在某县开展调研，当晚在镇政府饭堂用餐，饮用洋酒，造成不良社会影响。",
])
def test_a_meal_someone_else_paid_or_with_spirits_told_of_unnamed_officials_is_concrete(text):
    assert is_concrete(normalize(text).text, True)


def test_the_courts_judgment_naming_the_defendants_goes_on_with_the_units_case():
    """A case told of a clinic with no one named, then the law and the judgment naming its
    defendant (依据刑法…属于诈骗行为。…法院判决某诊所犯诈骗罪，被告人张某某…): one case; a sentence
    stating the law (依据…属于诈骗行为。) is no case's title."""
    text = ("某市医保局通报三起欺诈骗取医保基金典型案例，以案说法，警示欺诈骗保危害。\n"
            "案例1：某市某诊所虚构医疗服务等骗取医保基金案\n"
            "经查，某市某诊所在2018年期间通过虚构医疗服务、空刷医保卡等方式骗取医保基金143156.4元；"
            "还违规为非定点单位刷卡结算18583元。\n"
            "依据刑法第二百六十六条的规定，以欺诈、伪造证明材料骗取医疗保障基金的，属于诈骗行为。2019年11月，"
            "法院判决某诊所犯诈骗罪，判处罚金15万元，被告人张某某犯诈骗罪，判处有期徒刑三年，缓刑二年。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "被告人张某某" in texts[0]


def test_a_roundup_of_examples_brought_in_by_ru_gives_one_case_per_official():
    """违规发放津补贴问题。…有的巧立名目。如某村党支部书记刘某中以…为由，擅自使用…。有的…。如…: each official
    brought in by 如 is a case of his own, though the paragraph opens on a problem's title."""
    text = ("违规发放津补贴或福利问题。从公开曝光的案例来看，违规发放津补贴或福利问题数高居首位。"
            "现实中，有的钻空子搞变通，违规发放津补贴或福利。如某大学继续教育学院院长黄新平以国庆、中秋过节补助等形式，"
            "违规发放各类过节费及福利22.5万元。有的巧立名目、打“擦边球”。如某镇乐民村党支部书记刘中以工作中需统一服装为由，"
            "擅自使用村集体资金1.44万元为村干部订制西服。还有的违规挪用专项资金。如某镇唐滩村党支部书记顾建平"
            "用村集体资金1200元购买月饼发给村两委班子成员。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert [x[:1] for x in texts] == ["如", "如", "如"] and "黄新平" in texts[0] and "顾建平" in texts[2]


def test_an_announced_list_holds_its_cases_when_one_item_names_no_one():
    """现将近期查处的两起…典型问题通报如下。一、…森林火灾防控不力问题 (names, sanctions) 二、…森林火灾处置不当问题
    (a dated fire and the failures, no one named yet): the list the preamble announces is the case
    list, though only half of its items tell a case in full."""
    text = ("某市纪委监委通报两起森林防灭火失职失责典型问题\n"
            "近期，我市接连发生森林火灾。为严肃纪律，现将近期查处的两起森林防灭火失职失责典型问题通报如下。\n"
            "一、某县甲镇“2·3”森林火灾防控不力问题。\n"
            "2023年2月3日上午，甲镇东坑村发生森林火灾。经查，镇、村对野外用火巡查管控不到位。"
            "镇党委书记陈某受到党内警告处分，村护林员黄某被辞退。\n"
            "二、某县乙镇“2·9”森林火灾处置不当问题。\n"
            "2023年2月9日中午，乙镇石岭村发生森林火灾，镇、村对火情估计不足，未及时组织足够力量扑救，导致山火蔓延。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2
    assert "陈某" in texts[0] and "石岭村" in texts[1]


@pytest.mark.parametrize("text", [
    "2023年3月5日，某镇某村发生森林火灾。经查，镇村两级防控责任落实不到位，过火面积30余亩。",
    "2022年8月，某县某厂引发一起较大火灾事故，该县应急管理局对企业隐患排查处置不当。",
])
def test_a_duty_failure_told_as_an_incident_is_concrete(text):
    assert is_concrete(normalize(text).text, True)


def test_officials_listed_after_any_colon_each_with_a_deed_are_a_case_each():
    """…也在今日宣判：甲被控受贿…，被判…；乙被控受贿…；丙…: one case per official; a colon that
    announces one case's decisions (处理如下：甲负有领导责任…；乙…) lists no deeds and stays one case."""
    text = ("本报讯 今天，某市中级法院对多名原市属国企负责人受贿案公开宣判。\n"
            "除了主犯外，原市城投集团副总经理刘建明、原市水务集团总经理孙海涛、原市交投集团副董事长韩立新也在今日宣判："
            "刘建明被控受贿1260万余元，因受贿罪被判有期徒刑11年；孙海涛被控受贿830多万元，因受贿罪被判有期徒刑7年；"
            "韩立新被控受贿590万元，因受贿罪被判有期徒刑6年。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3
    assert "孙海涛被控" in texts[1] and "刘建明被控" not in texts[1] and texts[2].startswith("韩立新")
    one = ("2023年5月，某县农业农村局在项目验收中把关不严，致使某合作社套取补贴资金12万元。县纪委监委作出如下处理："
           "局长王立军负有主要领导责任，受到党内警告处分；副局长赵明负有直接责任，受到政务记过处分。\n")
    t, sp, texts = _split(one)
    assert len(texts) == 1


def test_sections_titled_as_parts_of_one_case_file_are_one_case():
    """一、线索来源 / 二、调查过程 / 三、查实情况 / 四、处理结果: a regulator publishing one case by
    the parts of its file — one case, however the sections are numbered."""
    text = ("某市医保局公开曝光一起欺诈骗保案件\n"
            "一、线索来源\n2023年4月，接到群众举报，反映某县某民营医院涉嫌虚构诊疗项目骗取医保基金。\n"
            "二、调查过程\n接到线索后，县医保局联合县卫健局组成调查组，通过调取病历、走访患者等方式核实。\n"
            "三、查实情况\n经查，该医院存在挂床住院、串换药品、虚记诊疗项目等问题，造成医保基金损失6.3万元。\n"
            "四、处理结果\n县医保局责令该医院退回医保基金6.3万元，并处2倍罚款12.6万元，解除医保服务协议。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1
    assert "反映某县某民营医院" in texts[0] and "解除医保服务协议" in texts[0]


def test_an_official_suspended_from_duty_is_a_concrete_case():
    """会议决定，对…信息报送不及时的某局局长某某先予停职处理: a suspension is the outcome of a case."""
    text = ("会议决定，对在防汛工作中信息报送不及时的某县水利局局长郑国平先予停职处理，接受相关部门调查。")
    assert is_concrete(normalize(text).text, False)


def test_a_one_case_story_goes_on_to_its_last_paragraph_of_facts():
    """A story whose first paragraph reads as the case (the lesson drawn at a meeting) and whose
    facts come later, told through what people said: the case runs to the last paragraph that
    tells a fact (the sum found, the sanction), not only to the first."""
    text = ("村里的补贴为何发不到位？巡察找到了答案\n"
            "“上一任村干部因虚报冒领补贴被处分，教训深刻。”近日，在某县某镇召开的警示教育会上，镇纪委书记陈立平"
            "用身边的案例教育新一届村干部。\n"
            "事情还得从前年说起。\n"
            "“阿姨，村里的护林补贴您领了吗？”\n"
            "“领了，一年就两千块。”\n"
            "核查组随后调取账目，发现村里报账的护林员补贴高达6.8万元，与实际发放的金额差距很大。\n"
            "面对调查人员，负责报账的村委会原委员黄永福大倒苦水，一口咬定这笔补贴没有问题。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1
    assert "6.8万元" in texts[0] and "黄永福" in texts[0]


def test_the_decisions_after_a_finding_are_one_case_with_it():
    """经调查，学校执行食品安全管理制度不力…。 then lines of decisions on posts (已对某局分管副局长作出停职
    检查处理；对校长作出停职检查处理…): one case, opening with the finding; and the body that decides
    (纪检监察机关按程序提请有关部门…予以免职) does no deed of a case of its own."""
    text = ("某市联合调查组发布通报。\n"
            "经调查，某中学执行食品安全管理制度不力，负有食品卫生安全管理直接责任。\n"
            "已对市教育局分管副局长、市市场监管局某市场监管所所长作出停职检查处理；\n"
            "对某中学校长作出停职检查处理，分管副校长作出免职处理。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "经调查" in texts[0] and "分管副校长" in texts[0]
    text2 = ("某区某街道3个月内连续发生两起较大火灾事故，共造成9人死亡，暴露出街道消防安全监管工作严重失职。\n"
             "目前，纪检监察机关按程序提请有关部门，现已对街道办事处主任周海涛、街道城管中队长吴亮予以免职。\n")
    t, sp, texts = _split(text2)
    assert len(texts) == 1 and "火灾事故" in texts[0] and "吴亮" in texts[0]


def test_a_one_case_story_stops_at_its_end_mark_and_the_pages_links():
    """A court story ends at (完); the page's links to other stories after it (·某法院：今年审结…) and a
    closing call (发现一起查处一起，绝不姑息) are not its facts."""
    text = ("某市原副市长周某受贿案一审宣判\n"
            "2024年5月，某市中级人民法院公开宣判某市原副市长周某受贿案，对被告人周某以受贿罪判处有期徒刑十一年，"
            "并处罚金人民币一百万元。\n"
            "经审理查明，2010年至2020年，周某利用职务便利，为他人在工程承揽等事项上谋取利益，非法收受财物共计1200余万元。"
            "(完)\n"
            "·某省法院今年前三季度审结贪污贿赂案件1.6万件，涉案金额300万元以上的占两成\n"
            "·某市纪委监委通报3起违反中央八项规定精神问题\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "1200余万元" in texts[0] and "1.6万件" not in texts[0]


@pytest.mark.parametrize("text", [
    "山东已有675人因涉粮贪腐受到处分，湖南也有336人涉事。",
    "此外，至少还有7名省级粮食局主要领导、7名省级粮食企业主要领导被查。",
    "第一批教育整顿处理处分违纪违法干警17.8万余人。",
])
def test_counts_of_people_punished_are_statistics_not_a_case(text):
    """675人因涉粮贪腐受到处分 / 至少还有7名…被查: counts over many people, no one's case."""
    t = normalize(text).text
    assert "statistic" in concreteness(t)[1] and not is_concrete(t, True)


def test_officials_a_roundup_reports_fallen_one_clause_each_are_a_case_each():
    """A roundup tells each official's fall in a clause of its own (…局长刘某投案；5月，…局长赵某被开除
    党籍和公职，…主席钱某被移送审查起诉): one case per official, the date going with its clause."""
    text = ("医疗领域反腐持续深入\n"
            "8月3日，某县卫生健康局局长孙德明主动投案，接受纪律审查和监察调查。这位局长任职六年，"
            "长期收受医药代表所送财物。5月，某市第二人民医院原院长周海涛被开除党籍和公职；"
            "3月，某州中医院原副院长吴立国被移送检察机关审查起诉，某县妇幼保健院院长郑华也落马。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 4, texts
    assert texts[1].startswith("5月，某市第二人民医院") and "孙德明" not in texts[1]
    assert any(x.startswith("3月，某州中医院") for x in texts) and texts[-1].startswith("某县妇幼保健院")


def test_an_outcome_listed_after_a_sanction_stays_with_its_case():
    """A notice's item names several held to account, one outcome each (…受到党内警告处分；分管副镇长
    章某被免职): one case — and a numbered item titled as one case is not a roundup."""
    text = ("某市纪委监委通报2起形式主义问题\n"
            "1.某镇政府在防汛工作中敷衍应付问题。2023年7月，该镇未按要求转移危房群众，却虚报“应转尽转”。"
            "镇长陈建华负主要领导责任，受到政务记过处分；分管副镇长章立新被免职。\n"
            "2.某县市场监管所检查走过场问题。2023年下半年，所长王志强带队检查时编造台账46份。"
            "王志强受到党内严重警告处分，副所长刘明被免职。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "章立新" in texts[0] and "刘明" in texts[1]


def test_a_feature_telling_one_officials_story_by_turns_is_one_case():
    """The clue naming him, a subheading, the village's background naming no one, then what he and
    an accomplice beside him did: one story, one case."""
    text = ("2019年4月，某县某镇纪委收到县纪委转来的“反映青石村村委主任钟德旺挪用电站给村集体的电价补贴”问题线索。"
            "7月，镇党委对钟德旺作出了立案审查的决定。\n"
            "村里收入少 主任来冒领\n"
            "青石村地处山区，集体经济薄弱，除了镇里每年下拨一点工作经费，村里再无其他集体收入。好在当地有一家电站，"
            "2008年改制转让给私人经营，当年10月，电站与村里签订协议，每年支付电价补贴8000元和管理费2000元。\n"
            "2010年5月，电站建成完工。2012年元月，青石村的村委主任钟德旺和村文书钟新民两人一起到电站领钱，"
            "只领到了12000元的电价补贴款，却未交村集体账户。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "收到县纪委" in texts[0] and "钟新民" in texts[0]


def test_a_new_official_in_a_later_paragraph_is_not_the_first_ones_story():
    """A later piece that speaks of the first official again (与蔡某某一样) but tells his successors'
    own cases is not one protagonist's story: three cases stay three."""
    text = ("问题公路背后的腐败\n"
            "回溯这一问题的源头，始自某县交通运输局原局长蔡文斌的贪腐。2018年6月，市纪委给予蔡文斌开除党籍处分，"
            "蔡文斌被判处有期徒刑10年。\n\n"
            "随着问题公路的暴露，牵扯出来的还有后两任局长邵国平、胡立新，以及其他7名干部。2020年5月，省高院作出"
            "终审判决，邵国平因受贿罪被判处有期徒刑12年；胡立新收受工程老板所送财物共计80万元，被给予开除党籍处分。"
            "与蔡文斌一样，两人都在工程上栽了跟头。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and "邵国平" not in texts[0]


def test_a_villagers_complaint_and_the_background_go_with_the_officials_story():
    """An article's one official, told after a villager's complaint (村民蒙某来到县纪委…) and the
    project's background (青山村获得30个指标…): one case from the complaint to his deed."""
    text = ("村干部私扣补助款被立案审查\n"
            "“我的账户里明明有两笔危房改造补助款进账，总共2万元，怎么到我手里只有6000元？”2019年3月，某县某镇青山村"
            "村民蒙某来到县纪委信访室，反映了心中的疑惑。\n\n"
            "2015年4月，青山村获得30个危房改造指标，每个指标补助2万元。验收合格后，补助资金被拨付到各农户的信用社账户。\n\n"
            "原来，项目验收前，村委会副主任韦德明收集了20个农户的存折，补助款到账后，韦德明私自从中取走14万元，"
            "用于个人开支。2019年6月，韦德明被立案审查。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "蒙某" in texts[0] and "14万元" in texts[0]


def test_officials_named_for_duty_failures_after_a_stated_count_are_a_case_each():
    """通报…发现3名领导干部…履职不力问题，具体情况为： then one paragraph per official whose failures are
    told as 搞变通、打折扣 / 推进缓慢、失管失控 / 推进不力、底数不清: a case each."""
    text = ("某市纪委监委通报3名干部疫情防控履职不力问题\n"
            "12月5日，某市纪委监委通报，在督查中发现3名领导干部疫情防控履职不力问题，具体情况为：\n"
            "某区委书记林海波，落实上级要求搞变通、打折扣，未按要求确定转运隔离对象。\n"
            "某区常务副区长邹建国，所包联小区核酸检测推进缓慢、效率低下，人员随意走动，失管失控。\n"
            "某区分管卫健委的副区长龚丽娟对核酸检测工作推进不力，对隔离点关键信息底数不清，一问三不知。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 3 and "林海波" in texts[0] and "龚丽娟" in texts[2]


def test_an_articles_one_case_takes_in_the_lead_and_profile_of_its_official():
    """A news lead (…造成一公司骗取资金4.2万元。该名副主任受到党内警告处分。) and the official's profile
    (罗秀兰，女，46岁，…) before the paragraphs where splitting found the case: one story from the lead."""
    text = ("本报讯 记者今从市纪委获悉，负责扶贫工作的乡党政办公室副主任，因对项目把关不严，造成一公司骗取资金4.2万元。"
            "该名副主任受到党内警告处分。\n"
            "罗秀兰，女，46岁，中共党员，2013年3月任某区某乡党政办公室副主任，负责乡扶贫办工作。\n"
            "2014年9月，区扶贫办公室发文下达项目计划，其中在某村的项目建设内容为某农业公司苗木基地排灌渠护砌1500米，"
            "资金25万元。该公司以实际建设需要为由，私自将原申报的项目改建为排灌渠护砌800米。\n"
            "2015年1月，乡扶贫办对该项目验收，罗秀兰等人对上述改建没有提出意见，在竣工验收报账单上签名并验收合格。"
            "2015年2月，该公司领取项目资金25万元，其中4.2万元系骗取。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and texts[0].startswith("本报讯") and "罗秀兰，女" in texts[0]


def test_a_paragraph_on_the_cases_own_defendant_goes_on_with_the_story():
    """After the news of a prosecution, the paragraph telling what the defendant is charged with
    (被告人邵某某利用担任…职务上的便利…) names only him: it is the case's story too."""
    text = ("检察机关依法对邵志明涉嫌受贿案提起公诉\n\n"
            "新华社北京12月17日电 记者17日从最高人民检察院获悉，某省政协原党组成员、副主席邵志明涉嫌受贿一案，"
            "由国家监察委员会调查终结，经最高人民检察院指定管辖，由某市人民检察院审查起诉。近日，某市人民检察院已向"
            "某市中级人民法院提起公诉。\n\n"
            "检察机关在审查起诉阶段依法告知了被告人邵志明享有的诉讼权利，并讯问了被告人，听取了辩护人的意见。"
            "检察机关起诉指控，被告人邵志明利用担任某省政协副主席等职务上的便利，为有关单位和个人在企业经营等事项上"
            "谋取利益。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "起诉指控" in texts[0]


def test_officials_a_roundup_reports_prosecuted_or_on_trial_are_a_case_each():
    """被依法提起公诉 / 出庭受审 / 被采取留置措施 report an official's fall as 落马 does."""
    text = ("高校反腐持续推进\n"
            "8月3日，某大学原副校长孙德明主动投案，接受纪律审查和监察调查。这位副校长长期收受工程老板所送财物。"
            "9月，某学院原院长鲁文涛被依法提起公诉，某职业学院原院长钱立群出庭受审，"
            "某职业技术学院原党委书记韩东升被采取留置措施。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 4 and "钱立群" not in texts[1] and texts[-1].startswith("某职业技术学院")


def test_an_articles_next_paragraph_on_the_same_unit_goes_on_with_its_case():
    """A feature on one unit's case told over paragraphs (the find, how the money moved, the decision)
    comes back to the unit each time and brings in no official of its own: one case."""
    text = ("农机站的“小金库”\n"
            "2021年3月，某市纪委监委接到群众举报，反映青峰县农机推广站以培训名义虚列支出、设立“小金库”。"
            "调查组随即调取了该站近三年的财务凭证。\n"
            "调查发现，2018年至2020年，青峰县农机推广站先后以举办培训班、购买资料等名义虚列支出共计18.6万元，"
            "资金转入站内职工私人账户后用于发放福利和吃喝招待。\n"
            "2021年6月，青峰县农机推广站被责令退还全部违规资金，站长被给予党内严重警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "接到群众举报" in texts[0] and "责令退还" in texts[0]


def test_two_units_in_two_counties_told_one_per_paragraph_stay_two_cases():
    """Paragraphs each on a different county's unit (a roundup of unit cases) share a unit word
    (农机推广站) but not the unit: two cases."""
    text = ("青峰县农机推广站以培训名义虚列支出18.6万元，用于发放职工福利，站长被给予党内警告处分。\n"
            "白河县农机推广站以加班名义违规发放补贴9.2万元，分管副站长被诫勉谈话。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "白河县" not in texts[0]


def _story_pieces(paras: list[str]) -> list[str]:
    """The first four characters of each case `_continued_story` leaves of one case per paragraph."""
    from extractors.cases import CaseSpan, _continued_story

    text = "\n".join(paras)
    spans, at = [], 0
    for para in paras:
        spans.append(CaseSpan(at, at + len(para)))
        at += len(para) + 1
    return [text[c.start:c.end][:4] for c in _continued_story(text, spans)]


def test_a_paragraph_singling_out_one_of_several_officials_named_before_is_his_own_case():
    """After a paragraph naming several officials sentenced the same day, a paragraph on one of
    them (董立新被控受贿…) is his case, not more of the paragraph that named them all."""
    paras = ["作为前足球协会的掌门人，陈志远受贿数额之大、次数之多，令人震惊：2010年至2023年，陈志远利用职务便利，"
             "非法收受财物共计8100万余元。",
             "除了陈志远，前足球协会副主席于洪波、联赛公司原总经理董立新、原足球协会常务副秘书长陈永刚也在今日宣判：",
             "董立新被控受贿2200多万元，因受贿罪被判有期徒刑8年；",
             "陈永刚被控受贿1934万元，因受贿罪、行贿罪数罪并罚被判处有期徒刑14年。"]
    assert _story_pieces(paras) == ["作为前足", "除了陈志", "董立新被", "陈永刚被"]


def test_a_story_going_on_with_its_sub_district_and_a_reporting_district_is_one_case():
    """An article on a sub-district's (街道) hand-outs: the next paragraph names no one, opens on
    the district whose website reported it (根据南山区纪委网站…) and comes back to the 街道; the
    place pattern must not read 根据南山区 or 文明城区 as a new place there."""
    paras = ["近日，南山区公布了四起违反中央八项规定精神典型问题，其中青石街道在2019年间花费80余万元购买实物向干部职工发放，"
             "拟任副区长的青石街道工委书记李明轩被举报，受到党内警告处分。",
             "根据南山区纪委网站公布的内容，2019年1月至12月，青石街道以节日慰问、文明城区复查迎检等名义，"
             "用公款购买价值652000元的实物向干部职工发放。",
             "白河县农机推广站以加班名义违规发放补贴9.2万元，分管副站长被诫勉谈话。"]
    assert _story_pieces(paras) == ["近日，南", "白河县农"]


def test_an_official_set_aside_with_chu_wai_does_not_join_the_next_officials_story():
    """除上述…艾某外，还有…曾某: the first official is set aside to bring in another, whose case
    follows — neither the news lead's story nor a back reference (上述) to the first case."""
    text = ("本报北京8月1日电 昨日，中央纪委国家监委网站发布消息，某省政协原副主席艾文成涉嫌严重违纪违法，已投案自首，"
            "正接受中央纪委国家监委纪律审查和监察调查。\n"
            "记者梳理发现，今年7月份，该栏目共通报了近60名官员案件信息，涉及2名省部级干部和50余名省管干部。\n"
            "在30名被通报接受审查调查的官员中，除上述刚刚被通报的某省政协原副主席艾文成外，还有一名省部级干部，"
            "他是某省委常委、统战部部长曾志明。\n"
            "7月11日，中央纪委国家监委网站发布消息，某省委常委、统战部部长曾志明涉嫌严重违纪违法，接受中央纪委国家监委"
            "纪律审查和监察调查。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "曾志明" not in texts[0] and "7月11日" in texts[1]


def test_a_new_official_and_his_accomplices_after_a_case_told_like_a_title_is_a_new_case():
    """…杨某被“双开”，通报直指其“违规接受…宴请”问题。 is a whole case, not a title; the next
    sentence's 苏某等人 is a new official with others (not a group told before): his own case.
    A giver named with 等人 after 收受 (收受…实际控制人巴某某等人财物) is no new case."""
    text = ("2019年12月1日，某省人民检察院原党组书记、检察长杨克明被“双开”，通报直指其“违规接受私营企业主宴请”问题。"
            "同一天，某市某区区委原书记苏树林等人落实管党治党责任不力，致使该区连续发生多名党员领导干部违规吃喝问题，"
            "苏树林受到党内严重警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "苏树林" not in texts[0]
    one = ("经查，某旗原旗长乌力吉严重违反中央八项规定精神，多次接受私营企业主宴请；利用职务上的便利为他人谋取利益，"
           "本人或通过其妻子收受某矿业有限公司实际控制人巴某某等人财物，共计折合人民币一千二百余万元，涉嫌受贿犯罪。"
           "乌力吉被开除党籍和公职。\n")
    t, sp, texts = _split(one)
    assert len(texts) == 1


def test_a_case_paragraph_that_names_its_source_at_the_end_is_no_page_furniture():
    """…受到党内严重警告处分，违纪所得予以收缴。(来源:某市纪委监委): prose naming its source after its
    sentences is the case, not a line of the page's furniture."""
    text = ("|\n近日，某市纪委监委通报一起扶贫领域腐败问题。\n"
            "青石镇白马村“两委”套取截留扶贫工程款问题。2016年，白马村“两委”伪造工程资料套取扶贫资金5万元未及时入村集体账户。"
            "2018年12月19日，白马村党支部书记兼村委会主任储成林受到党内严重警告处分，违纪所得予以收缴。(来源:某市纪委监委)\n|\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "储成林" in texts[0]


def test_an_unnamed_officials_incident_in_a_new_place_after_a_named_case_is_its_own_case():
    """…周某…受到党内严重警告处分。再往前推，2016年8月，安徽一粮站副站长连收21个微信红包…被开除党籍。:
    an incident told of an unnamed post, in a place the case before did not name, with its deed and
    its sanction, is a case; a teaser naming only an anonymous official's sanction is none."""
    text = ("今年5月，江苏省纪委通报，某市某区某街道原党工委委员周玉林收受某村民通过微信送的5000元，受到党内严重警告处分。"
            "再往前推，2016年8月，安徽一粮站副站长多次收受粮贩子所送微信红包4200元，为其提供便利，被开除党籍，予以撤职。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and texts[1].startswith("再往前推")
    teaser = ("今年5月，某市某区某街道原党工委委员周玉林收受某村民通过微信送的5000元，受到党内严重警告处分。"
              "断崖式降级三年后，某省部级领导干部被“双开”。\n")
    t, sp, texts = _split(teaser)
    assert len(texts) == 1


def test_what_the_incident_shows_and_who_is_held_to_account_is_the_incidents_case():
    """A notice telling an incident with no one named, then 问题的发生，暴露出…, then the decisions on
    the officials responsible: one case, the incident's."""
    text = ("关于青石镇秸秆焚烧有关问题的通报\n\n"
            "2021年1月20日，青石镇福成村、韩庙村出现多处秸秆焚烧点，焚烧秸秆面积约200余亩，对我市秸秆禁烧工作造成不良影响。\n\n"
            "问题的发生，暴露出青石镇镇、村有关干部生态环保责任意识不强、工作作风不实，属地监管、巡查包保流于形式。"
            "青石镇分管副镇长曹昌明、福成村村委会副主任范光明受到警告处分；福成村党总支书记陈修文受到记过处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "秸秆焚烧点" in texts[0] and "陈修文" in texts[0]


def test_a_labelled_cases_finding_and_the_regulators_decision_are_one_case():
    """案例一：某门诊部违规使用医保基金案 / its finding / 某医保局…对该机构作出…处理决定: the section
    under a case label is that one case, its regulator's decision included."""
    text = ("某省违法违规使用医保基金典型案例\n"
            "现公开曝光3起违法违规典型案例，以案示警。\n"
            "案例一：西宁康泰中西医门诊部违规使用医保基金案\n"
            "2025年8月，某区医保局接群众举报，对该门诊部开展检查。经查，该机构存在虚构、串换诊疗项目等违法违规使用医保基金行为，"
            "涉及违规金额17.37万元。\n"
            "某区医保局根据相关规定，对该机构作出约谈主要负责人，责令限期整改；追回违规医保基金17.37万元，处以违约金5.2万元等处理决定。\n"
            "案例二：海东市某县某村卫生室违规使用医保基金案\n"
            "2025年5月，某县医保局对该卫生室进行现场检查。经查，该卫生室存在串换项目收费等行为，涉及违规金额2.65万元。\n"
            "某县医保局对其作出追回违规医保基金2.65万元，行政处罚1.32万元的处理决定。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "5.2万元" in texts[0] and "1.32万元" in texts[1]


def test_a_case_told_before_the_lessons_drawn_from_it_in_one_paragraph():
    """A paragraph that tells a case up to its sanction and goes on, in the same sentence, to the
    measures drawn from it (…处分并移送司法机关的同时，区纪委监委强化以案促改…) is that case: the
    lessons' words do not outweigh it. A work summary's section with no one named stays no case."""
    text = ("河阳区：用好纪检监察建议 推动以案促改\n"
            "“针对建议书指出的问题，我们制定了3项规章制度，组成4个监督小组。”日前，区纪委监委派出第三纪检监察组"
            "到区水利局回访时，该局负责人介绍。\n"
            "此前，区纪委监委在审查调查中发现，区水利局下属水利站站长周某某违规插手工程建设，利用职务便利为他人"
            "承接项目提供帮助，收受贿赂等严重违纪违法问题，在对周某某作出开除党籍、开除公职处分并移送司法机关依法"
            "处理的同时，区纪委监委强化以案促改，针对该单位管理制度漏洞制定纪检监察建议，督促健全完善制度、"
            "切实堵塞漏洞，推动以案为鉴、举一反三。\n")
    split = split_cases(normalize(text).text)
    assert len(split.cases) == 1
    t = normalize(text).text
    assert "周某某" in t[split.cases[0].start:split.cases[0].end]
    summary = ("（三）惩治腐败高压态势持续保持。全县纪检监察机关立案86件，给予党纪政务处分79人，"
               "移送检察机关5人，切实加强警示教育，推动以案促改、以案促治。\n")
    assert split_cases(normalize(summary).text).cases == []


def test_the_post_an_unnamed_official_then_held_is_the_subject_of_his_sanction():
    text = ("红星时讯10月9日讯（通讯员 李文 周强）近日，由于对石门镇沙湾村茶园改造项目验收时工作不认真、履职不到位，"
            "导致项目面积虚增300余亩，违规多拨管护补贴8.6万元，时任县农业农村局分管副局长被问责。\n"
            "今年以来，县纪委监委持续深化乡村振兴领域监督，推动各项惠农政策落地见效。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "时任县农业农村局分管副局长" in texts[0]
    # with no one serving then, a post of a kind sanctioned tells no case of its own
    t, sp, texts = _split("近年来，一些村党支部书记被问责，教训深刻。各级党组织要引以为戒。\n")
    assert texts == []


@pytest.mark.parametrize("para", [
    "②某县交通运输局运政稽查大队副大队长胡某军充当黑恶势力“保护伞”问题。",
    "村民反映，在该村村委会换届选举中，村民赵德林通过挨家挨户送钱、送烟等手段拉票。",
    "区纪委监委接到实名举报，称某街道便民服务中心主任沈某在为群众办理低保手续过程中收钱收礼。",
])
def test_protection_vote_buying_and_taking_money_are_misconduct(para):
    assert is_concrete(normalize(para).text)


@pytest.mark.parametrize("para", [
    "3月8日，某市住房公积金管理中心原党组书记、主任冯立忠主动投案。",
    "继去年底某县原县委书记钱文斌落马之后，该县原副县长孙建明也于近日落马。",
])
def test_an_official_who_surrendered_or_fell_is_a_concrete_report(para):
    assert is_concrete(normalize(para).text)


@pytest.mark.parametrize("para", [
    "某大学化学学院副院长钱立华被撤销行政职务。",
    "某区卫生服务中心过度诊疗，中心主任钱某某等4名责任人被立案。",
])
def test_removals_and_opened_cases_weigh_as_sanctions(para):
    assert is_concrete(normalize(para).text)


def test_faking_for_an_inspection_is_misconduct_and_each_example_official_a_case():
    open_text = (
        "近年来，随着脱贫攻坚力度不断加大，越来越多的困难地区摘掉了贫困的帽子。但从各地通报案例来看，"
        "不乏一些浑水摸鱼者夹杂其中，企图蒙混过关。\n\n"
        "有的提前规划迎检路线。比如某县某镇原镇长孙德明在负责某村新农村建设期间，为应付上级观摩验收，"
        "组织群众在地里插上“猪苓基地”牌子“造假迎检”。\n\n"
        "有的用冒充顶替的方式通过验收。比如某区某村党支部书记赵明远在落实危房改造工作中，安排村民的房屋冒充"
        "危改房通过验收，弄虚作假。\n")
    t, sp, texts = _split(open_text)
    assert len(texts) == 2 and "孙德明" in texts[0] and "赵明远" in texts[1]


def test_an_analysis_heading_over_the_first_case_heads_that_case():
    text = ("廉政微课堂\n问 什么样的吃喝，属于“违规吃喝”？\n最常见的是公款吃喝，有人直接花公款，有人虚列支出套取公款。\n"
            "问 如何判断吃喝是否违规？\n《中国共产党纪律处分条例》第一百零六条规定 有下列行为之一，情节较轻的，"
            "给予警告或者严重警告处分：\n(一) 公款吃喝或者接受宴请；\n(二) 违规公务接待；\n(三) 在私人会所吃喝。\n"
            "案例分析\n某县国有公司原总经理钱某、原副总经理孙某违规公款吃喝问题。2019年3月至10月，钱某、孙某多次在"
            "私人会所宴请客户，共花费公款2.6万元。2020年5月，钱某受到撤销党内职务处分，孙某受到党内警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "钱某" in texts[0] and "第一百零六条" not in texts[0]
    # after a case, the same heading opens its analysis, no case of its own
    text2 = ("某县国有公司原总经理钱某违规公款吃喝问题。2019年，钱某多次在私人会所宴请客户，花费公款2.6万元，"
             "受到撤销党内职务处分。\n案例分析\n钱某身为国企负责人，理应带头遵守规定，却顶风违纪，教训深刻。\n")
    t, sp, texts = _split(text2)
    assert len(texts) == 1 and "教训深刻" not in texts[0]


def test_an_official_taken_away_by_investigators_is_a_story_of_his_case():
    text = ("靠腐败撑起的“风光”必然坍塌——某通信公司原党委书记、总经理芈德华严重违纪违法案剖析\n"
            "2017年3月6日，对于芈德华来说是难忘的一天。当天上午，他在送客人去机场的路上被省纪委调查组带走。\n"
            "其实，他没想到的结局，从他第一次走上歧途就已注定。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "被省纪委调查组带走" in texts[0]


def test_officials_listed_one_per_line_with_their_sanctions_are_a_case_each():
    text = ("4月26日，中央纪委国家监委通报了八起形式主义官僚主义典型问题。被点名道姓通报的共4人，\n\n"
            "某省某市副市长陈立飞：政务记过\n\n某医科大学副校长傅国滨：党内警告、政务记过\n\n"
            "某省住房和城乡建设厅副厅长李文宏：党内警告\n\n某县原副县长、生态移民局局长陈少跃：党内严重警告，被免职\n\n"
            "上述4人，分别在不同的领域存在形式主义官僚主义。\n")
    t, sp, texts = _split(text)
    assert [x.split("：")[0][-3:] for x in texts] == ["陈立飞", "傅国滨", "李文宏", "陈少跃"]
    # two such lines are not yet a list of cases
    t, sp, texts = _split("被通报的有：\n\n某市副市长陈立飞：政务记过\n\n某大学副校长傅国滨：党内警告\n")
    assert len(texts) <= 1


def test_officials_put_under_organisational_review_one_clause_each_are_cases():
    text = ("如今除钱立江已开庭但尚未宣判以外,其他3人均已尘埃落定:孙长林因受贿825万获无期徒刑,韩先明被判16年,"
            "周永达被依法判处无期徒刑。 至周春林落马,中纪委就已打虎4只。 其余3人的时间分布是这样的:4月6日,某省政协原"
            "副主席王世明涉嫌严重违纪接受组织审查; 4月9日,某部原副部长项俊林接受组织审查; 4月11日,某省人大常委会党组书记、"
            "副主任杨崇远涉嫌严重违纪接受组织审查; 4月24日,某部原党组成员陈传明工作严重失职失责被问责。\n")
    t, sp, texts = _split(text)
    assert any(x.startswith("某省政协原副主席王世明") and "杨崇远" not in x for x in texts)


def test_yishi_points_inside_each_item_of_a_notice_stay_in_it():
    # each institution is an item; its 一是/二是 are the points found there, not cases
    text = ("某市医保局通报两家医院欺诈骗保问题，具体情况如下\n"
            "一、某县仁和医院。经查发现，该院存在伪造医学文书等问题。比较典型的有：一是涉嫌伪造检查报告。该院无资质人员"
            "冒用医师孙立群的签名出具报告。二是挂床住院。该院护士长韩晓梅累计住院9次，住院期间一直在岗。"
            "医保部门追回医保基金35.6万元。二、某县康宁医院。经查发现，该院存在虚假住院问题。比较典型的有：一是职工虚假住院。"
            "该院前台人员钱丽华累计住院6次。二是伪造签名。该院由无资质人员冒用医师周明远签名出具超声报告。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "韩晓梅" in texts[0] and "周明远" in texts[1]
    # 一是/二是 that each give a sanction under a kind's heading are cases of their own
    text2 = ("一、违规吃喝问题。一是某县财政局局长孙立群违规接受宴请，受到党内警告处分。二是某镇镇长韩晓梅公款吃喝，"
             "受到党内严重警告处分。\n二、违规收送礼金问题。一是某县交通局副局长钱丽华收受礼金1.2万元，受到政务记过处分。"
             "二是某乡乡长周明远收受礼金2万元，受到撤销党内职务处分。\n")
    t, sp, texts = _split(text2)
    assert len(texts) == 4


def test_officials_held_to_account_for_one_disaster_are_one_case():
    text = ("某县山体滑坡认定为自然灾害 5人被问责\n"
            "2019年7月3日，某县某镇某村发生山体滑坡，造成6人遇难，直接经济损失约2亿元。\n"
            "为汲取教训，对5名责任人进行问责。某矿业公司采矿厂厂长孙立群，负有主要领导责任，给予行政撤职处分、留党察看一年处分，"
            "并移交司法机关调查处理。某矿业公司安全部主任韩晓梅，负有主要监管责任，给予行政撤职处分，并移交司法机关调查处理。"
            "某矿业公司总经理钱丽华，负有重要领导责任，给予行政降级处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and all(n in texts[0] for n in ("孙立群", "韩晓梅", "钱丽华"))


def test_a_reports_problems_announced_with_a_colon_are_a_case_each():
    text = ("根据市委巡察工作领导小组的部署，2019年5月8日，市委第三巡察组向某区教育局党组反馈专项巡察情况。组长孙立群主持会议。\n"
            "巡察组指出，巡察发现的问题主要是：理论学习流于形式，专题学习走过场；“三会一课”制度落实不到位，组织生活不规范；"
            "对下属学校食堂监管缺失，经费管理混乱。\n"
            "巡察组提出了三点意见建议。一是要加强党的领导。二是要严肃党内政治生活。三是要加强对学校食堂的监管。\n"
            "区教育局党组负责同志表示，将扎实抓好整改落实：一是提高站位，强化责任。二是逐项整改，确保实效。\n")
    _, sp, texts = _split(text)
    assert sp.doc_type == "inspection_report"
    assert [x[:4] for x in texts] == ["理论学习", "“三会一", "对下属学"]
    # a unit's own findings after its name stay one case (某镇党委存在问题：…；…)
    text2 = ("6月10日，市委巡察组分别向某镇等2个乡镇党组织反馈巡察情况。\n"
             "某镇党委存在问题：党组织领导核心弱化；“两个责任”履行不力；“三资”管理混乱。\n"
             "某乡党委存在问题：重业务轻党建；组织生活不严肃；扶贫项目问题较多。\n")
    _, sp, texts = _split(text2)
    assert len(texts) == 2


def test_a_story_told_of_an_unnamed_official_is_one_case():
    text = ("“真是太感谢你们了！”补领到1500元救助金的李奶奶激动地说。\n"
            "去年9月，县纪委收到一封举报信，反映某乡已经退休的民政所所长虚报冒领、截留私分贫困群众救助款的问题。\n"
            "我们调取了救助款发放记录，逐户走访核实，发现涉及全乡6个村、210余户群众。\n"
            "经过两个月的调查，问题终于查清。随后，县纪委对当事人立案审查，被截留的救助款全部退还群众。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "民政所所长" in texts[0]
    # a work summary naming no deed of anyone's is none
    text2 = ("今年以来，县纪委监委聚焦群众身边不正之风和腐败问题，开展专项整治。\n"
             "整治中坚持查处与建制并举，督促职能部门完善救助款发放制度，推动问题整改。\n")
    t, sp, texts = _split(text2)
    assert texts == []


def test_an_official_taken_away_for_investigation_in_a_roundup_is_a_case():
    text = ("近日，媒体还曝光了一些已被“带走调查”的人，他们虽未被通报，但已被免职。例如，某银行股份有限公司前董事长孙立群，"
            "他的名字9月10日出现在省政府官网公布的人事任免通知中。9月13日，多家媒体报道说53岁的孙立群已被“带走调查”。\n"
            "被“带走调查”的还有某商业银行党委书记韩晓梅。9月12日，该行发布公告称，韩晓梅因个人原因辞去党委书记职务。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 2 and "孙立群" in texts[0] and "韩晓梅" in texts[1]


def test_a_penalty_decision_is_one_case_from_its_party_line():
    text = ("某县医疗保障局行政处罚决定书\n\n当事人（姓名或名称）：某县某镇仁和卫生院\n\n住所或地址：某县某镇\n\n"
            "（单位）法定代表人：孙立群\n\n市医疗保障局交办飞行检查发现的问题，2025年4月14日，对当事人予以立案调查。\n\n"
            "经依法依规依程序立案调查，当事人在2023年1月1日至2024年12月31日期间存在以下违规使用医保基金事实：\n\n"
            "1、将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算问题。涉及金额5885.6元。\n\n"
            "2、“中医拔罐”重复收费问题。问题涉及144人次，涉及金额3312元。\n\n"
            "3、“悬灸”重复收费问题。问题涉及38人次，涉及金额758.5元。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and texts[0].startswith("当事人") and "758.5元" in texts[0]


def test_some_clauses_of_a_report_outnumber_the_unit_sentences_among_them():
    text = ("近日，市委巡察组陆续向某集团公司等8个单位党委反馈了巡察情况。\n"
            "从巡察情况看，各单位做了大量工作。但巡察也发现了一些不容忽视的问题。有的政治站位不高，贯彻决策部署不到位；"
            "有的党委领导工作不力，把方向作用发挥不充分；有的抓班子带队伍不够，党支部作用发挥不充分；有的创新进取不够，"
            "市场化意识不强；有的党委内控机制不健全，权力运行监督制约不够。\n")
    _, sp, texts = _split(text)
    assert len(texts) == 5 and all(x.startswith("有的") for x in texts)


def test_two_parties_charges_listed_are_two_cases():
    text = ("据某银罚决字〔2025〕5号，某县农村商业银行股份有限公司因3项违法行为，受到警告，并处罚款359.25万元。\n"
            "行政处罚信息显示，该行存在以下违法行为：1.违反账户管理规定；2.违反清算管理规定；3.占压财政存款。\n"
            "时任该行会计孙某受到警告，并被罚5万元。\n"
            "据某银罚决字〔2025〕13号，某市农村商业银行股份有限公司因2项违法违规行为，受到警告，被罚款285.75万元。\n"
            "行政处罚信息显示，该行存在以下违法行为：1.违反账户管理规定；2.违反商户管理规定。\n")
    t, sp, texts = _split(text)
    # (not the one case of a single party's charges: the first bank's case stays)
    assert any("359.25万元" in x and "孙某" in x for x in texts)


def test_officials_held_to_account_for_one_counted_incident_are_one_case():
    text = ("小水电破坏国家级自然保护区 某州追责问责4个单位16名干部\n\n"
            "新华社某地5月21日电 据省纪委监委21日通报，针对督察组日前通报的“某州违建小水电敷衍整改严重破坏国家级自然保护区生态环境”"
            "问题，省纪委监委经过全面深入调查后，决定对4个责任单位、16名干部严肃追责问责。\n\n"
            "据通报，经查，省水利厅及相关领导干部在审核确定电站清理整改分类时“放水”，将本应纳入“立即退出类”的电站列为“限期退出类”；"
            "某州政府对反馈整改问题置若罔闻、不予重视。\n\n"
            "根据有关党纪法规，经省委批准，省纪委监委决定给予省水利厅、某州政府通报问责，责令作出深刻书面检查。对省水利厅党组书记、"
            "厅长孙立群进行谈话提醒；给予省水利厅党组成员、副厅长韩晓梅诫勉问责。某州委原副书记、州长钱丽华，对此问题负有主要领导责任，"
            "钱丽华因严重违纪违法，已被立案审查调查。给予某州政府党组成员、副州长周明远党内严重警告处分。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and all(n in texts[0] for n in ("孙立群", "钱丽华", "周明远"))


@pytest.mark.parametrize("para", [
    # an interest rate is no statistic; 职务上的便利 is the statute's wording of abusing one's post
    "2016年，孙某伙同某公司总经理何某商定，利用孙某职务上的便利，向该公司发放5亿元贷款，年利率8%。",
])
def test_a_loans_rate_and_the_statutes_wording_keep_a_paragraph_concrete(para):
    total, feats = concreteness(normalize(para).text)
    assert "statistic" not in feats and "misconduct" in feats


def test_the_problems_announced_after_a_comma_and_the_opening_that_announces_them():
    text = ("根据市委巡察工作领导小组部署，11月8日，市委第二巡察组向某职业大学党委反馈巡察情况。\n"
            "组长孙立群指出，近年来，某职业大学党委全面贯彻党的教育方针，推动学校各项工作发展。巡察中，巡察组发现了一些问题，"
            "主要是：用新思想引领新发展的成效不显著，党委作用发挥不充分；推进学校高质量发展存在不足；服务地方经济社会发展存在短板；"
            "全面从严治党“两个责任”落实不够有力。\n孙立群提出四点意见建议。\n")
    _, sp, texts = _split(text)
    assert [x[:4] for x in texts] == ["用新思想", "推进学校", "服务地方", "全面从严"]


def test_the_people_of_one_story_introduced_together_stay_in_its_case():
    text = ("法院副院长敲诈市委书记调查\n"
            "2016年8月底以来，一起“法院副院长敲诈市委书记”的新闻，让这个县级市声名远播。\n"
            "该事件主要涉及三人：某市人民法院原副院长孙立群、该法院执行局原执行员韩晓明、某市原市委书记钱丽华。\n"
            "今年7月12日，因犯敲诈勒索罪、贪污罪、受贿罪，孙立群被某区人民法院判处有期徒刑11年，并处罚金30万元。\n"
            "2013年底，韩晓明获刑8年半；2013年4月，钱丽华被判处无期徒刑。\n")
    t, sp, texts = _split(text)
    assert len(texts) == 1 and "韩晓明获刑" in texts[0] and "该事件主要涉及三人" in texts[0]


def test_a_numbered_heading_that_names_a_failure_heads_its_case():
    text = ("某社北京4月15日电/据某报报道，某区纪委监委4月15日发布信息，公布本月某区出现的森林火情的相关属地、责任部门及人员的"
            "失职失责问题。记者注意到，至少6人被公布问责。\n"
            "2020年4月2日，某区某镇某村野山峡先后出现3起火情，严重危害森林资源安全和人民群众生命财产安全，造成较大的负面影响。\n"
            "一、某镇党员干部履职不到位问题\n"
            "对某镇人民政府主要领导进行批评教育，并向某镇政府提出监察建议。\n"
            "给予某镇副镇长、森林防火工作领导小组常务副组长孙立群政务警告处分。\n"
            "给予某村党支部书记兼村民委员会主任韩晓明党内警告处分。\n")
    t, sp, texts = _split(text)
    assert any("履职不到位问题" in x and "孙立群" in x for x in texts)
