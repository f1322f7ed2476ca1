"""Tibetan and Mongolian names: runs of two or more known syllables, no Han surname."""
from __future__ import annotations

import pytest

from config import load_yaml
from extractors.minority_names import NameParts, is_name, name_length
from extractors.people import extract_people

PARTS = NameParts.of(load_yaml("people.yaml")["minority_name_parts"])


@pytest.mark.parametrize("text, n", [
    ("洛桑丹增尼玛严重违纪", 6), ("敖特根巴雅尔多次", 6), ("降央曲珍、", 4), ("扎西次仁对此", 4),
    ("扎西对此", 0),  # one syllable is no name by itself
    ("违规发放补贴", 0),
])
def test_the_longest_run_of_two_or_more_syllables(text, n):
    assert name_length(text, 0, PARTS) == n


def test_a_whole_candidate_must_be_syllables():
    assert is_name("泽仁多吉", PARTS) and is_name("巴特尔其木格", PARTS)
    assert not is_name("泽仁多吉安", PARTS) and not is_name("扎西", PARTS)


@pytest.mark.parametrize("text, expected", [
    ("该乡党委书记洛绒降措、乡长泽仁多吉安排乡村干部连夜补写台账。", {"洛绒降措": "该乡党委书记", "泽仁多吉": "乡长"}),
    ("对某市原副市长洛桑丹增尼玛严重违纪违法问题进行了立案审查调查。", {"洛桑丹增尼玛": "某市原副市长"}),
    ("某旗交通运输局局长敖特根巴雅尔多次违规使用公务用车。", {"敖特根巴雅尔": "某旗交通运输局局长"}),
])
def test_people_after_a_post(text, expected):
    assert {p.name: p.position for p in extract_people(text)} == expected


def test_yi_names_are_clan_name_and_given_name():
    people = extract_people("美姑县某村党支部书记吉克阿呷在危房改造中优亲厚友，受到党内警告处分。")
    assert [p.name for p in people] == ["吉克阿呷"]


def test_amdo_tibetan_names_and_a_grain_fraud_phrase():
    people = extract_people("乡长才让东智、站长丁某受到党内警告处分。部分库点存在“以陈顶新”问题。")
    assert [p.name for p in people] == ["才让东智", "丁某"]


def test_dai_naxi_and_mongolian_names_and_rare_compound_surnames():
    people = extract_people("勐腊县某村委会原主任岩温罕虚报冒领补助资金2万元；驻村第一书记木立新对村务监督不力。")
    assert [p.name for p in people] == ["岩温罕", "木立新"]
    # a Mongolian name said twice is a name even before words that do not follow names
    people = extract_people("旗林业局副局长那日苏公车私用，受到党内警告处分。那日苏还违规收受礼金。")
    assert [p.name for p in people] == ["那日苏"]
    assert [p.name for p in extract_people("市委原书记闾丘立军涉嫌严重违纪，目前正接受组织调查。")] == ["闾丘立军"]
    assert extract_people("木材加工厂违规排污。岩石开采存在安全隐患。") == []
