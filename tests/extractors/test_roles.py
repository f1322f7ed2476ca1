"""Who is the subject of a case, and whose each sum is (extractors.roles). Texts written for
these tests."""
from __future__ import annotations

import pytest

from extractors.amounts import extract_amounts
from extractors.model import Person, Sanction
from extractors.roles import assign_roles, attribute_amounts


def _people(text: str, *named: tuple[str, str]) -> list[Person]:
    """Persons at the first place their name is said, with the post given."""
    out = []
    for name, position in named:
        at = text.index(name)
        out.append(Person(name=name, position=position, start=at, end=at + len(name)))
    return out


def _roles(text: str, named: list[tuple[str, str]], sanctions: list[tuple[str, str]] = ()) -> dict[str, str]:
    people = _people(text, *named)
    assign_roles(text, people, [Sanction(label=lab, person=who) for lab, who in sanctions])
    return {p.name: p.role for p in people}


@pytest.mark.parametrize(
    ("text", "named", "sanctions", "wanted"),
    [
        # a post that names no official: villagers, relatives, business people are others
        ("村党支部书记韩某某明知村民罗某不符合条件，仍为其申报低保。", [("韩某某", "村党支部书记"), ("罗某", "村民")], [],
         {"韩某某": "subject", "罗某": "other"}),
        ("某建材公司经理贺某为承揽工程，向镇长龚某行贿2万元。", [("贺某", "某建材公司经理"), ("龚某", "镇长")], [],
         {"贺某": "other", "龚某": "subject"}),
        # 村民小组长 ends in 组长: an official's post
        ("村民小组长易某某虚报冒领补贴。", [("易某某", "村民小组长")], [], {"易某某": "subject"}),
        # no post: kinship before the name, a favour done for the name, giving words after it
        ("副局长陶某为其妻弟邵某违规办理补贴，邵某共领取补贴9000元。", [("陶某", "副局长"), ("邵某", "")], [],
         {"陶某": "subject", "邵某": "other"}),
        ("钟某向汤某行贿5万元。汤某利用职务便利为其谋利。", [("钟某", ""), ("汤某", "")], [],
         {"钟某": "other", "汤某": "subject"}),
        # a sanction makes a subject, whatever else is said
        ("其妻子段某（某局科员）收受礼金，段某受到党内警告处分。", [("段某", "")], [("党内警告", "段某")],
         {"段某": "subject"}),
        # a name listed with an official shares the role; a lone name beside officials is an other
        ("科长雷某、蒋某、潘某等人违规接受宴请。饭店老板的朋友侯某作陪。",
         [("雷某", "科长"), ("蒋某", ""), ("潘某", ""), ("侯某", "")], [],
         {"雷某": "subject", "蒋某": "subject", "潘某": "subject", "侯某": "other"}),
        # nothing official said of anyone: the text is about its one person
        ("邱某某挪用扶贫资金3万元。", [("邱某某", "")], [], {"邱某某": "subject"}),
        # a company post with a public office is an official's
        ("村党总支委员、村投资公司董事长严某违规出借资金。", [("严某", "村党总支委员、村投资公司董事长")], [],
         {"严某": "subject"}),
    ],
)
def test_roles_of_people(text, named, sanctions, wanted) -> None:
    assert _roles(text, named, sanctions) == wanted


def _attributed(text: str, named: list[tuple[str, str]], sanctions: list[tuple[str, str]] = ()) -> list[tuple[str, str, str]]:
    people = _people(text, *named)
    assign_roles(text, people, [Sanction(label=lab, person=who) for lab, who in sanctions])
    amounts = attribute_amounts(text, people, extract_amounts(text))
    return [(a.text, a.role, a.person) for a in amounts]


def test_each_sum_goes_to_the_subject_named_before_it() -> None:
    text = ("村党支部书记孔某主持召开会议，决定将征地补偿款31.2万元按人头私分。村报账员毛某另将其中4870元据为己有。"
            "孔某受到撤销党内职务处分，毛某受到党内警告处分。")
    got = _attributed(text, [("孔某", "村党支部书记"), ("毛某", "村报账员")])
    assert got == [("31.2万元", "involved", "孔某"), ("4870元", "involved", "毛某")]


def test_joint_actors_share_a_sum_and_a_villager_gets_none() -> None:
    text = "村委会主任常某伙同村会计温某虚报冒领补贴5.6万元。村民尹某领取补贴800元。"
    got = _attributed(text, [("常某", "村委会主任"), ("温某", "村会计"), ("尹某", "村民")])
    assert got[0] == ("5.6万元", "involved", "常某、温某")
    assert got[1][2] != "尹某"


def test_a_unit_is_the_actor_when_no_subject_is_named_in_the_sentence() -> None:
    text = "2020年，该村村委会集体研究，违规发放补贴12万元。村主任施某、村会计庞某受到党内警告处分。"
    got = _attributed(text, [("施某", "村主任"), ("庞某", "村会计")])
    assert got == [("12万元", "involved", "村委会")]


def test_a_sum_said_before_its_subject_goes_to_the_subject_named_after_it_in_its_clause() -> None:
    text = "经查，扶贫资金4.2万元被村主任邬某截留，村会计阮某知情未报。"
    got = _attributed(text, [("邬某", "村主任"), ("阮某", "村会计")])
    assert got == [("4.2万元", "involved", "邬某")]


def test_a_statistic_is_nobodys_and_a_lone_subject_owns_the_rest() -> None:
    text = "全市共查处此类问题15起，涉及金额300万元。经查，乡长葛某违规报销费用2.3万元。"
    got = _attributed(text, [("葛某", "乡长")])
    assert got == [("300万元", "statistic", ""), ("2.3万元", "involved", "葛某")]


def test_the_pipeline_marks_roles_and_attributions() -> None:
    from extractors.pipeline import extract_text

    text = ("关于2起侵害群众利益问题的通报\n"
            "一、某县某镇向阳村党支部书记贺某某违规收费问题。2021年，贺某某按每户50元的标准向村民收取保洁费，"
            "共计收取2.1万元据为己有。村民黎某某向镇纪委反映。贺某某受到党内严重警告处分，违纪款已收缴。\n"
            "二、某县民政局干部骆某某优亲厚友问题。2020年，骆某某为其弟弟牛某违规办理低保，牛某领取低保金7200元。"
            "骆某某受到政务记过处分。\n")
    doc = extract_text(text)
    first, second = doc.cases
    roles = {p.name: p.role for p in first.people}
    assert roles["贺某某"] == "subject" and roles.get("黎某某", "other") == "other"
    assert [(a.text, a.role) for a in first.amounts] == [("50元", "rate"), ("2.1万元", "involved")]
    assert first.total_amount == 21_000.0
    assert all(a.person == "贺某某" for a in first.amounts)
    roles = {p.name: p.role for p in second.people}
    assert roles["骆某某"] == "subject" and roles.get("牛某", "other") == "other"


def test_a_name_that_only_points_back_at_another_case_is_dropped_from_this_one():
    from extractors.model import Amount, Person, Sanction
    from extractors.roles import cross_references
    texts = ["某村原会计石某兰冒领补贴资金5.2万元。石某兰受到开除党籍处分。",
             "如果说石某兰是“苍蝇”，那么原副局长龙建波则是“硕鼠”。龙建波收受财物48万元，龙建波被开除党籍。",
             "某乡干部吴某与石某兰同村。吴某违规领取补贴，吴某受到警告处分；石某兰为其出具证明。"]
    people = [[Person(name="石某兰")], [Person(name="石某兰"), Person(name="龙建波")],
              [Person(name="吴某"), Person(name="石某兰")]]
    sanctions = [[Sanction(label="开除党籍", person="石某兰")], [Sanction(label="开除党籍", person="龙建波")],
                 [Sanction(label="政务警告", person="吴某")]]
    amounts: list[list[Amount]] = [[], [], []]
    assert cross_references(texts, people, sanctions, amounts) == [set(), {"石某兰"}, set()]
    # said twice here, or given a sanction here: this case's person too
    sanctions[1].append(Sanction(label="党内警告", person="石某兰"))
    assert cross_references(texts, people, sanctions, amounts)[1] == set()
