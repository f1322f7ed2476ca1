"""Sanctions: every wording to one canonical label, false hits avoided, recipients linked."""
from __future__ import annotations

import re

import pytest

from config import load_yaml
from config.errors import ConfigError
from extractors.model import Person
from extractors.sanctions import _compile, case_sanctions, extract_sanctions


def labels(text: str) -> list[str]:
    return [s.label for s in extract_sanctions(text, [])]


def people_in(text: str, names: list[str]) -> list[Person]:
    """Persons at every occurrence of each name (what the people extractor would hand over)."""
    out = [Person(name=n, start=m.start(), end=m.end()) for n in names for m in re.finditer(re.escape(n), text)]
    return sorted(out, key=lambda p: p.start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年9月，王孙标受到党内警告处分。", ["党内警告"]),
        ("给予刘骁党内警告处分。", ["党内警告"]),
        ("县纪委给予其党内严重警告处分。", ["党内严重警告"]),
        ("受到党内严重警告、行政记大过处分。", ["党内严重警告", "政务记大过"]),
        ("受到党内严重警告和政务撤职处分。", ["党内严重警告", "政务撤职"]),
        ("给予其撤销党内职务、政务撤职处分。", ["撤销党内职务", "政务撤职"]),
        ("受到开除党籍、开除公职处分，涉嫌犯罪问题移送检察机关依法审查起诉。", ["开除党籍", "政务开除", "移送检察机关"]),
        ("给予其开除党籍和公职处分。", ["开除党籍", "政务开除"]),
        ("苏立被查，次年1月遭“双开”。", ["开除党籍", "政务开除"]),
        ("受到留党察看一年处分。", ["留党察看"]),
        ("给予张某某、李某某2人党内警告处分。", ["党内警告"]),
        ("受到留党察看二年处分，政务降级处分。", ["留党察看", "政务降级"]),
        ("给予行政警告处分。", ["政务警告"]),
        ("给予警告处分。", ["政务警告"]),
        ("给予政务警告处分。", ["政务警告"]),
        ("受到严重警告处分。", ["党内严重警告"]),
        ("给予党纪警告处分。", ["党内警告"]),
        ("局长受到党内严重警告处分和行政记过处分。", ["党内严重警告", "政务记过"]),
        ("给予政务记过处分。", ["政务记过"]),
        ("给予记大过处分。", ["政务记大过"]),
        ("受到党内严重警告、行政降级处分。", ["党内严重警告", "政务降级"]),
        ("前汪村党支部书记受到撤职处分。", ["政务撤职"]),
        ("清水乡党委书记、乡长被免职处理。", ["免职"]),
        ("被免去党内和行政职务。", ["免职"]),
        ("按照法定程序被免去公司董事长、总经理职务。", ["免职"]),
        ("并免去其治超站站长职务。", ["免职"]),
        ("对负有领导责任的局长进行诫勉谈话。", ["诫勉"]),
        ("对其予以诫勉。", ["诫勉"]),
        ("责令其作出书面检查。", ["责令检查"]),
        ("责令履行监督责任不力的纪检组长作出书面检讨。", ["责令检查"]),
        ("对相关责任人进行通报批评。", ["通报批评"]),
        ("对其进行批评教育。", ["批评教育"]),
        ("给予停职检查处理。", ["停职"]),
        ("被调离工作岗位。", ["调离"]),
        ("其涉嫌犯罪问题移送司法机关依法处理。", ["移送检察机关"]),
        ("涉嫌犯罪问题及线索被移送司法机关依法处理。", ["移送检察机关"]),
        ("将其涉嫌犯罪问题移送检察院审查起诉。", ["移送检察机关"]),
        ("已按有关程序移送龙泉市人民检察院并立案侦查。", ["移送检察机关"]),
        ("涉嫌犯罪问题依法移交司法处理。", ["移送检察机关"]),
        ("经县纪委监委研究，对其立案审查调查并采取留置措施。", ["立案审查调查", "留置"]),
        ("县纪委对其立案审查。", ["立案审查调查"]),
        ("正在接受纪律审查和监察调查。", ["立案审查调查"]),
        ("受到党内严重警告处分和免职处理。", ["党内严重警告", "免职"]),
        ("给予撤销其党支部书记职务处分。", ["撤销党内职务"]),
        ("被责令停职检查。", ["停职"]),
        ("给予其降低岗位等级处分。", ["政务降级"]),
        ("目前正在接受中央纪委国家监委纪律审查和监察调查。", ["立案审查调查"]),
        ("被给予开除党籍处分，按规定取消其享受的待遇。", ["开除党籍"]),
        ("给予王某某党内警告处分，同时给予政务警告处分。", ["党内警告", "政务警告"]),
        ("对其批评教育并责令作出书面检查。", ["批评教育", "责令检查"]),
        ("对其采取留置措施。", ["留置"]),
        ("目前，周某某已被依法留置，案件正在进一步审查调查中。", ["留置"]),
        ("按程序罢免其村委会主任职务。", ["免职"]),
        ("目前正在接受组织审查。", ["立案审查调查"]),
        ("责令其向县纪委提交书面检查。", ["责令检查"]),
        ("区政府因监管不严被责成作深刻检查。", ["责令检查"]),
        ("对馆长钟某作出诫勉谈话并要求其深刻检讨。", ["诫勉", "责令检查"]),
        ("给予党内警告处分并调整其工作岗位。", ["党内警告", "调离"]),
        ("徐某受到党内严重警告处分、免职处理，调离纪检监察队伍，收缴违纪所得。", ["党内严重警告", "免职", "调离"]),
    ],
)
def test_wordings_map_to_one_label_each(text: str, expected: list[str]) -> None:
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "在全乡开展警示教育，引以为戒。",
        "两名校领导退还兼职报酬，并在民主生活会上作深刻检查。",
        "严格执行《中国共产党纪律处分条例》，做到令行禁止。",
        "依据《中国共产党纪律处分条例》第一百零五条规定。",
        "情节较轻的，给予警告或者严重警告处分；情节较重的，给予撤销党内职务或者留党察看处分。",
        "对有关责任人可以给予警告或者记过处分。",
        "主要领导失职失责，监管不力。",
        "给予党纪政纪处分129人。",
        "已有2290人次受到党政纪处分。",
        "免予党纪处分。",
        "在登记过程中弄虚作假。",
        "干部任免职务程序不规范。",
        "向违规者发出警告信号。",
        "对相关人员进行提醒谈话，依规依纪作出组织处理。",
        "受到党纪政务处分。",
        "凡违规收受礼金的领导干部，一律先免职，再依据党纪条规处理。",
        "收受礼品礼金的，视情节轻重可给予警告至开除党籍处分。",
        "2018年调离该岗位后，仍插手工程项目。",
        "全年给予撤职处分3人，开除党籍12名，诫勉谈话的干部共计20名。",
        "142起案件中，被撤职的案件共计9起。",
        "给予开除党籍处分两人。",
        "责令县市场监管局对全县药店开展全面检查。",
        "",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert labels(text) == []


def test_recipient_is_the_nearest_person_before() -> None:
    text = "包头市纪委决定，给予刘向民党内警告处分，给予马仕合党内严重警告处分。"
    found = extract_sanctions(text, people_in(text, ["刘向民", "马仕合"]))
    assert [(s.label, s.person) for s in found] == [("党内警告", "刘向民"), ("党内严重警告", "马仕合")]


def test_fenbie_gives_the_sanction_to_everyone_listed() -> None:
    text = "2019年11月，钟腊平、张传彪分别受到党内警告处分，违规领取的资金被追缴。"
    found = extract_sanctions(text, people_in(text, ["钟腊平", "张传彪"]))
    assert sorted((s.label, s.person) for s in found) == [("党内警告", "张传彪"), ("党内警告", "钟腊平")]


def test_fenbie_geiyu_list_with_titles() -> None:
    text = ("分别给予负重要领导责任的区发改局局长韦世品和区农办副主任张绪荣党内警告处分和行政记过处分；"
            "参加旅游的区农办会计熊齐莲受到行政警告处分。")
    found = extract_sanctions(text, people_in(text, ["韦世品", "张绪荣", "熊齐莲"]))
    pairs = {(s.label, s.person) for s in found}
    # 分别: the first named gets the first sanction, the second the second
    assert pairs == {("党内警告", "韦世品"), ("政务记过", "张绪荣"), ("政务警告", "熊齐莲")}


def test_joined_names_with_the_second_ones_post() -> None:
    text = "参加旅游的区农办会计熊齐莲、报账员王玲受到行政警告处分。"
    found = extract_sanctions(text, people_in(text, ["熊齐莲", "王玲"]))
    assert sorted(s.person for s in found) == ["熊齐莲", "王玲"]


def test_joined_names_without_fenbie() -> None:
    text = "经研究，刘某和王某受到党内警告处分。"
    found = extract_sanctions(text, people_in(text, ["刘某", "王某"]))
    assert sorted(s.person for s in found) == ["刘某", "王某"]


def test_qi_refers_back_to_the_person_in_the_paragraph() -> None:
    text = "高唐县琉璃寺镇崔庄村党支部书记桑保臣违规收费。2020年3月，县纪委给予其党内严重警告处分。"
    (found,) = extract_sanctions(text, people_in(text, ["桑保臣"]))
    assert (found.label, found.person) == ("党内严重警告", "桑保臣")


def test_people_without_spans_are_found_by_name() -> None:
    text = "2019年12月，东阿县纪委给予刘骁党内警告处分。"
    found = extract_sanctions(text, [Person(name="刘骁"), Person(name="张某", start=500, end=502)])
    assert [(s.label, s.person) for s in found] == [("党内警告", "刘骁")]


def test_unknown_person_is_empty_and_spans_are_exact() -> None:
    text = "赤壁市地税局局长受到党内严重警告处分和行政记过处分。"
    found = extract_sanctions(text, [])
    assert [s.person for s in found] == ["", ""]
    assert [text[s.start:s.end] for s in found] == [s.text for s in found] == ["党内严重警告", "行政记过"]


def test_every_label_in_the_lexicon_is_canonical() -> None:
    tax = load_yaml("taxonomy.yaml")["sanctions"]
    canonical = set(tax["party"]) | set(tax["government"]) | set(tax["other"])
    used = {lab for entry in load_yaml("sanctions.yaml")["lexicon"] for lab in entry["labels"]}
    assert used <= canonical
    # every canonical label can be produced by some wording
    assert canonical <= used


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"pattern": "(党内)警告", "labels": ["党内警告"]}, "(?:...) groups only"),
        ({"pattern": "党内警告[", "labels": ["党内警告"]}, "bad pattern"),
        ({"pattern": "党内警告", "labels": ["党内批评"]}, "not in taxonomy.yaml"),
    ],
)
def test_a_broken_lexicon_is_a_config_error(entry: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        _compile({"lexicon": [entry]})


def test_a_sanction_said_twice_is_one():
    text = "关于给予张某某党内警告处分的决定。经县纪委常委会会议研究，决定给予张某某党内警告处分。"
    people = [Person(name="张某某", start=text.index("张某某"), end=text.index("张某某") + 3)]
    got = [(s.label, s.person) for s in extract_sanctions(text, people)]
    assert got == [("党内警告", "张某某")]


@pytest.mark.parametrize("text, want", [
    ("王大伟、李小刚擅自决定举债建设办公楼。分别给予王大伟党内严重警告处分、李小刚政务记大过处分。",
     {("党内严重警告", "王大伟"), ("政务记大过", "李小刚")}),
    ("钟某、万某某分别受到党内严重警告、党内警告处分，其余3人受到批评教育。",
     {("党内严重警告", "钟某"), ("党内警告", "万某某"), ("批评教育", "")}),
    ("钟某、万某某分别受到党内警告处分。", {("党内警告", "钟某"), ("党内警告", "万某某")}),
])
def test_respectively_pairs_names_and_sanctions(text, want):
    names = [n for n in ("王大伟", "李小刚", "钟某", "万某某") if n in text]
    assert {(s.label, s.person) for s in extract_sanctions(text, people_in(text, names))} == want


# Forms of closing sentences and reports (sentences written for this test): several people at
# once, a list of sanctions after a name, a decision spelled out in the next clause, a named
# person inside the wording, 党纪立案, 责令辞职; with their recipients.
@pytest.mark.parametrize(
    ("text", "names", "want"),
    [
        ("经研究，决定对张某、李某、王某立案审查调查。", ["张某", "李某", "王某"],
         [("立案审查调查", "张某"), ("立案审查调查", "李某"), ("立案审查调查", "王某")]),
        ("经研究，对张某、李某等2人立案审查调查，并采取留置措施。", ["张某", "李某"],
         [("立案审查调查", "张某"), ("立案审查调查", "李某"), ("留置", "张某"), ("留置", "李某")]),
        ("赵某等3人被移送司法机关。", ["赵某"], [("移送检察机关", "赵某")]),
        ("县纪委监委给予刘某撤销党内职务、政务撤职处分。", ["刘某"], [("撤销党内职务", "刘某"), ("政务撤职", "刘某")]),
        ("给予陈某党纪政务处分，其中党内严重警告、政务记过。", ["陈某"], [("党内严重警告", "陈某"), ("政务记过", "陈某")]),
        ("对周某作出组织处理，调离岗位。", ["周某"], [("调离", "周某")]),
        ("责令周某作出书面检查。", ["周某"], [("责令检查", "周某")]),
        ("周某被责令辞职。", ["周某"], [("免职", "周某")]),
        ("对周某党纪立案。", ["周某"], [("立案审查调查", "周某")]),
        ("周某被降级。", ["周某"], [("政务降级", "周某")]),
        ("给予周某政务处分（记过）。", ["周某"], [("政务记过", "周某")]),
        ("周某被“双开”。", ["周某"], [("开除党籍", "周某"), ("政务开除", "周某")]),
        ("给予周某党内警告处分，违规发放的补贴一律清退。", ["周某"], [("党内警告", "周某")]),
        ("经研究，依规依纪给予周某开除党籍处分。", ["周某"], [("开除党籍", "周某")]),
        ("村支书周某受到党内严重警告处分，村主任吴某受到党内警告处分。", ["周某", "吴某"],
         [("党内严重警告", "周某"), ("党内警告", "吴某")]),
    ],
)
def test_closing_sentences_and_report_lists(text: str, names: list[str], want: list[tuple[str, str]]) -> None:
    assert [(s.label, s.person) for s in extract_sanctions(text, people_in(text, names))] == want


@pytest.mark.parametrize(
    "text",
    [
        "对违反规定的，将严肃处理。",
        "凡发现违规收送礼金的，一律给予党纪处分。",
        "对顶风违纪的，一律给予撤职处分。",
        "对发现的问题将依规依纪严肃处理，该免职的免职。",
        "发现一起、查处一起，涉嫌犯罪的移送司法机关。",
        "对不作为的干部，视情给予诫勉谈话、调离岗位等处理。",
        "全年共给予党纪政务处分56人，移送司法机关3人。",
        "今年以来，全县立案审查调查32件。",
        "该镇党委书记因工作失误被约谈。",
        "收缴其违纪所得2万元。",  # recovering money is no sanction label of the taxonomy
        "周某被依法逮捕。",
        "条例对不落实整改要求的行为作了规定，给予警告、严重警告，直至开除党籍处分。",
    ],
)
def test_threats_rules_and_non_labels_are_no_sanction(text: str) -> None:
    assert labels(text) == []


def _cases_of(text: str, parts: list[str], people: list[list[str]]) -> list[tuple[int, int, list[Person]]]:
    out, pos = [], 0
    for part, names in zip(parts, people):
        lo = text.index(part, pos)
        out.append((lo, lo + len(part), people_in(text, names)))
        pos = lo + len(part)
    return out


def test_a_closing_decision_outside_the_cases_goes_to_the_case_of_the_person_named() -> None:
    case1 = "一、某村党支部书记孙大海违规发放补贴。"
    case2 = "二、某村会计钱小河虚报冒领资金。"
    closing = "经研究，对孙大海、钱小河立案审查调查，给予孙大海留党察看处分。要引以为戒，一律给予严肃处理。"
    text = case1 + case2 + closing
    cases = _cases_of(text, [case1, case2], [["孙大海"], ["钱小河"]])
    got1, got2 = case_sanctions(text, cases, 0), case_sanctions(text, cases, 1)
    assert [(s.label, s.person) for s in got1] == [("立案审查调查", "孙大海"), ("留党察看", "孙大海")]
    assert [(s.label, s.person) for s in got2] == [("立案审查调查", "钱小河")]
    assert all(s.start == s.end == -1 for s in got1 + got2)


def test_a_closing_decision_inside_the_last_case_is_shared_out() -> None:
    case1 = "一、某村党支部书记孙大海违规发放补贴。"
    case2 = "二、某村会计钱小河虚报冒领资金。经研究，给予孙大海党内警告处分，对钱小河立案审查调查。"
    text = case1 + "\n" + case2
    cases = _cases_of(text, [case1, case2], [["孙大海"], ["钱小河"]])
    assert [(s.label, s.person) for s in case_sanctions(text, cases, 0)] == [("党内警告", "孙大海")]
    # the last case keeps its own person's sanction only; its span is relative to the case
    (own,) = case_sanctions(text, cases, 1)
    assert (own.label, own.person) == ("立案审查调查", "钱小河")
    assert case2[own.start:own.end] == own.text
    # the same when the people of the last case include every name in its text
    cases = _cases_of(text, [case1, case2], [["孙大海"], ["钱小河", "孙大海"]])
    assert [(s.label, s.person) for s in case_sanctions(text, cases, 0)] == [("党内警告", "孙大海")]


def test_a_person_named_in_two_cases_takes_nothing_from_the_other() -> None:
    case1 = "一、王某违规发放补贴。"
    case2 = "二、王某虚报冒领资金，受到党内警告处分。"
    text = case1 + case2
    cases = _cases_of(text, [case1, case2], [["王某"], ["王某"]])
    assert case_sanctions(text, cases, 0) == []
    assert [s.label for s in case_sanctions(text, cases, 1)] == ["党内警告"]


def test_a_shorter_name_inside_a_longer_one_is_not_that_person() -> None:
    case1 = "一、村支书朱某某违规发放补贴，受到开除党籍处分。"
    case2 = "二、村会计朱某虚报冒领资金。"
    text = case1 + case2
    cases = _cases_of(text, [case1, case2], [["朱某某"], ["朱某"]])
    assert case_sanctions(text, cases, 1) == []
    cases = _cases_of(text, [case1, case2], [[], ["朱某"]])  # the longer name is nobody's person
    assert case_sanctions(text, cases, 1) == []


def test_measures_listed_in_a_table_cell_count_each():
    """A 处理结果 cell lists measures between commas: a sanction among them needs no 给予."""
    row = "4\t某镇卫生院\t重复收费\t追回医保基金，通报批评，对该院院长王某给予政务警告处分\t23895.60"
    assert labels(row) == ["通报批评", "政务警告"]
    assert labels("整改清单列有追回资金，通报批评，约谈负责人等事项。") == []  # a list in prose, no row


@pytest.mark.parametrize("text,want", [
    # telegraphic notices: decisions stated bare, after the facts or after the recipient's name
    ("2022年，虚报补贴0.8万元。党内警告。责令退赔。", ["党内警告"]),
    ("违规为亲属办理救助。政务记过，调离岗位。", ["政务记过", "调离"]),
    ("李某挪用公款5万元，王某疏于监管。李某开除党籍、开除公职；王某诫勉。",
     ["开除党籍", "政务开除", "诫勉"]),
])
def test_bare_decisions_of_a_telegraphic_notice_are_sanctions(text, want):
    assert labels(text) == want


@pytest.mark.parametrize("text", [
    "处分种类有：警告，严重警告，撤销党内职务，留党察看，开除党籍。",  # a list of kinds
    "会议通报了整改要求，通报批评，约谈提醒等措施的落实情况。",  # a sanction amid other measures
])
def test_sanctions_named_in_passing_stay_mentions(text):
    assert labels(text) == []


def test_a_decision_after_a_quoted_regulation_is_given_and_the_quote_options_are_not():
    text = ("县监委依据《政务处分法》第三十四条“收受礼金的，予以警告、记过或者记大过；情节较重的，"
            "予以降级或者撤职”之规定，给予其政务记大过处分。")
    assert labels(text) == ["政务记大过"]


def test_detention_by_a_named_commission_is_liuzhi():
    assert labels("2024年3月，王某被射阳县监委留置。同年9月，王某被开除党籍。") == ["留置", "开除党籍"]


def test_a_sanction_filling_a_cell_between_full_width_bars_was_given():
    assert labels("2｜吴某，某区法院法官｜收受礼金1.5万元｜党内严重警告、政务记过") == ["党内严重警告", "政务记过"]


def test_a_headline_restating_the_outcome_gives_way_to_the_decision_in_the_body() -> None:
    case = ("03\n公车当成“私家车”，接送孩子被警告\n\n"
            "某镇党委副书记黄大伟多次驾驶公务用车接送子女上下学。2024年7月，黄大伟受到党内警告处分。")
    cases = _cases_of(case, [case], [["黄大伟"]])
    got = case_sanctions(case, cases, 0)
    assert [s.label for s in got] == ["党内警告"]
    assert case[got[0].start:got[0].end] == got[0].text
    # a headline that is all there is still counts
    short = "■ 某区市场监管局原副局长卢少华被开除党籍\n经查，卢少华违规接受宴请，收受财物。"
    assert [s.label for s in case_sanctions(short, _cases_of(short, [short], [["卢少华"]]), 0)] == ["开除党籍"]


def test_a_count_after_a_sanction_given_to_named_roles_is_no_statistic():
    from extractors.sanctions import extract_sanctions
    text = "整改情况：违规发放的补贴已全部清退，对相关责任人诫勉谈话2人、批评教育3人；对公务用车实行统一管理。"
    assert [s.label for s in extract_sanctions(text, [])] == ["诫勉", "批评教育"]
    assert extract_sanctions("今年以来，全市共诫勉谈话120人，批评教育45人。", []) == []


def test_counts_in_a_report_items_rectification_part_are_its_decisions():
    from extractors.sanctions import extract_sanctions
    text = "2.关于惠农资金监管不严的问题。整改情况：追回资金21.5万元，立案审查调查相关人员9人，留党察看2人，诫勉谈话6人。"
    assert [s.label for s in extract_sanctions(text, [])] == ["立案审查调查", "留党察看", "诫勉"]
    # the same counts in a statistics paragraph stay statistics
    assert extract_sanctions("今年以来，全县立案审查调查9人，留党察看2人，诫勉谈话6人。", []) == []


def test_a_clause_with_its_own_unnamed_official_keeps_its_sanction_from_the_name_before() -> None:
    text = "一周通报：某省政协原副主席洪建业被查，某地区一原副专员被“双开”"
    people = [Person(name="洪建业", start=text.index("洪建业"), end=text.index("洪建业") + 3)]
    given = {(s.label, s.person) for s in extract_sanctions(text, people)}
    assert ("开除党籍", "洪建业") not in given and ("开除党籍", "") in given


def test_an_investigation_by_a_long_named_body_is_one() -> None:
    text = "某集团原副总经理欧阳振涉嫌严重违纪违法，目前正接受中央纪委国家监委驻国资委纪检监察组纪律审查和某市监委监察调查。"
    people = [Person(name="欧阳振", start=text.index("欧阳振"), end=text.index("欧阳振") + 3)]
    assert [(s.label, s.person) for s in extract_sanctions(text, people)] == [("立案审查调查", "欧阳振")]


def test_an_opening_that_investigates_the_whole_group_gives_each_case_the_measure() -> None:
    text = ("近日，经自治区党委批准，自治区纪委监委对3名领导干部严重违纪违法问题进行了立案审查调查。现将有关情况通报如下：\n"
            "一、某市政协原副主席覃立明被开除党籍和公职。经查，覃立明收受礼金。覃立明被开除党籍、开除公职。\n"
            "二、某集团原副总经理韦丽华被开除党籍和公职。经查，韦丽华违规收受礼金。韦丽华被开除党籍、开除公职。\n"
            "三、某市原副市长蒙德元受到留党察看处分。经查，蒙德元违规插手工程。蒙德元受到留党察看二年处分。\n")
    starts = [text.index(k) for k in ("一、", "二、", "三、")] + [len(text)]
    cases = []
    for k, name in enumerate(["覃立明", "韦丽华", "蒙德元"]):
        at = text.index(name, starts[k])
        cases.append((starts[k], starts[k + 1], [Person(name=name, start=at, end=at + 3)]))
    for own in range(3):
        assert "立案审查调查" in {s.label for s in case_sanctions(text, cases, own)}
    # a count that is not the number of cases told is not this group
    other = text.replace("对3名", "对5名")
    assert "立案审查调查" not in {s.label for s in case_sanctions(other, cases, 0)}


def test_notified_as_shuangkai_in_quotes_is_both_expulsions() -> None:
    assert labels("某市委原副书记邝立成被通报“双开”，其纵容配偶谋取私利。") == ["开除党籍", "政务开除"]


def test_an_opening_that_sanctions_zhe_n_ming_gives_each_case_the_measure() -> None:
    text = ("某市纪委日前对这2名为子女操办升学宴的党员干部给予全市通报批评。\n"
            "邝立成，某市安监局调研员，7月31日在酒店为其儿子办升学宴12桌。\n"
            "祁美兰，某市第六中学教师，8月8日以其父亲名义为女儿办升学宴8桌。\n")
    starts = [text.index("邝立成"), text.index("祁美兰"), len(text)]
    cases = [(starts[k], starts[k + 1], [Person(name=n, start=starts[k], end=starts[k] + 3)])
             for k, n in enumerate(["邝立成", "祁美兰"])]
    for own in range(2):
        assert "通报批评" in {s.label for s in case_sanctions(text, cases, own)}


def test_accountability_by_notice_and_a_units_written_self_criticism() -> None:
    text = ("经查，某镇落实属地管理责任不到位，监督检查流于形式。某镇党委、区城市管理委党组向区委作书面检查。"
            "1人受到党纪处分，2人被诫勉问责，2人被通报问责。")
    labels = {s.label for s in extract_sanctions(text, [])}
    assert labels == {"责令检查", "诫勉", "通报批评"}
    # a rule that a unit shall make one is no sanction given
    assert not {s.label for s in extract_sanctions("情节较轻的，应当给予通报问责。", [])}
    # the time of an investigation is no sanction (在接受审查调查时，冯某这样为自己辩解)
    assert not {s.label for s in extract_sanctions("在接受审查调查时，冯某这样为自己辩解。", [])}


def test_a_decision_by_the_severity_of_each_part_is_given() -> None:
    # 根据情节轻重 opens decisions as often as rules: only the regulation's scale (…直至开除党籍处分) is a rule
    assert labels("根据情节轻重，分别给予王某党内警告处分、李某诫勉谈话。") == ["党内警告", "诫勉"]


@pytest.mark.parametrize("text, want", [
    ("某局干部王某在微信群中长期抢红包，累计收受超万元，最终被调整岗位。", ["调离"]),
    ("由县监委给予其政务撤职处分，按规定调整其岗位等级。", ["政务撤职"]),
    ("经联合跟进、快速处置，在巡视期间即对该局原局长李某实施留置。", ["留置"]),
])
def test_a_post_changed_or_detention_carried_out(text, want):
    assert sorted({s.label for s in extract_sanctions(text, [])}) == sorted(want)


@pytest.mark.parametrize("text, expected", [
    ("经省纪委监委对某市公安局原局长汪某涉嫌严重违纪违法问题进行了纪律审查和监察调查，决定给予其开除党籍处分。",
     ["立案审查调查", "开除党籍"]),
    ("市纪委监委对某医院原院长宋某某严重违纪违法问题进行了立案审查调查。", ["立案审查调查"]),
])
def test_an_investigation_carried_out_is_opened_against_the_person(text: str, expected: list[str]) -> None:
    """对某某…问题进行了纪律审查和监察调查: the case was opened against him, as 接受审查调查 says."""
    assert sorted(labels(text)) == sorted(expected)


def test_a_police_investigation_is_no_discipline_case() -> None:
    """该院实际控制人黄某某涉嫌诈骗犯罪，已被公安机关立案侦查: the police's case, not a discipline body's."""
    assert "立案审查调查" not in labels("该院实际控制人黄某某涉嫌诈骗犯罪，已被公安机关立案侦查。")


@pytest.mark.parametrize("text, expected", [
    ("他12月遭到開除共產黨籍與中國公職的「雙開」處分。", ["开除党籍", "政务开除"]),
    ("某某被开除中共党籍。", ["开除党籍"]),
    ("某部原部长某某去年5月官宣被中紀委調查。", ["立案审查调查"]),
    ("某某被市纪委监委立案调查。", ["立案审查调查"]),
])
def test_wordings_of_traditional_script_pages_and_the_press(text: str, expected: list[str]) -> None:
    """Pages in traditional script and the press word an expulsion and an investigation their way
    (開除共產黨籍與中國公職的「雙開」處分, 被中紀委調查): the same canonical labels."""
    from extractors.normalize import normalize
    assert sorted({s.label for s in extract_sanctions(normalize(text).text, [])}) == sorted(expected)


def test_a_bare_fall_stays_without_a_sanction() -> None:
    """2022年9月，某某被查 (no body named, no measure): no sanction, as the corpus annotates it."""
    assert "立案审查调查" not in labels("2022年9月，苏某被查，次年1月被开除党籍。")


@pytest.mark.parametrize("text, want", [
    ("某自治区政府原主席王丽华去年落马。官方将其开除公职、党籍，移交检察机关。", {"开除党籍", "政务开除", "移送检察机关"}),
    ("某管理局原局长于文杰被移送检方审查起诉。", {"移送检察机关"}),
])
def test_expulsion_in_either_order_and_the_prosecution_called_jianfang(text, want):
    """开除公职、党籍 is both expulsions, in that order too; 检方 is the procuratorate."""
    from extractors.normalize import normalize
    assert {s.label for s in extract_sanctions(normalize(text).text, [])} == want


@pytest.mark.parametrize("text, want", [
    # an outcome shared out among a group: both were given
    ("当天参加宴请的付某某等6人最终受到了党内严重警告或党内警告处分。", {"党内严重警告", "党内警告"}),
    ("涉事的9名干部分别受到政务记过或政务警告处分。", {"政务记过", "政务警告"}),
    # a rule's options stay options
    ("情节较轻的，给予警告或者严重警告处分。", set()),
    ("对违规操办者，将视情节给予党内警告或党内严重警告处分。", set()),
])
def test_or_between_sanctions_received_by_a_group(text, want):
    assert {s.label for s in extract_sanctions(text, [])} == want


def test_under_review_and_investigation_said_with_and():
    text = "该局副局长索某某、办公室主任科员边某某接受审查和调查。"
    assert [s.label for s in extract_sanctions(text, [])] == ["立案审查调查"]


def test_a_breakdown_of_the_people_held_to_account_for_one_incident_gives_its_sanctions():
    """其中…诫勉13人 after …失职的36名责任人员予以问责: the incident's own outcomes, counted; a year's
    figures broken down the same way stay statistics."""
    text = ("县纪委监委作出决定，对县校车办、县交警大队等单位在校车安全管理工作中失职的36名责任人员予以问责。"
            "其中政务立案12人，党纪立案1人；予以诫勉13人，给予批评教育10人。")
    assert {s.label for s in extract_sanctions(text, [])} == {"立案审查调查", "诫勉", "批评教育"}
    for figures in ("今年以来，全市共问责党员干部360人。其中诫勉谈话120人，批评教育80人。",
                    "今年以来，全市共对360名党员干部予以问责。其中诫勉谈话120人，批评教育80人。"):
        assert extract_sanctions(figures, []) == []


@pytest.mark.parametrize("line, want", [
    ("某省某市副市长陈立飞：政务记过", ["政务记过"]),
    ("某县原副县长、生态移民局局长陈少跃：党内严重警告，被免职", ["党内严重警告", "免职"]),
    # kinds listed after a colon are no decision
    ("党纪处分的种类有：警告、严重警告、撤销党内职务", []),
])
def test_a_sanction_after_an_officials_name_and_a_colon_was_given(line, want):
    assert [s.label for s in extract_sanctions(line, [])] == want
