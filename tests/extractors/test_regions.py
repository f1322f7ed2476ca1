"""Regions: lexicon for provinces and prefecture-level units, suffix rules below them."""
from __future__ import annotations

import pytest

from config import load_yaml
from extractors.regions import extract_regions


def got(text: str) -> list[tuple[str, str]]:
    return [(r.name, r.level) for r in extract_regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("湖北省仙桃市陈场镇黄湾村党支部委员", [("湖北省", "province"), ("仙桃市", "county"),
                                               ("陈场镇", "township"), ("黄湾村", "village")]),
        ("新疆维吾尔自治区纪委", [("新疆维吾尔自治区", "province")]),
        ("阿坝藏族羌族自治州纪委监委", [("阿坝藏族羌族自治州", "city")]),
        ("6月1日，阿坝州纪委通报", [("阿坝州", "city")]),
        ("1、小金县新桥乡共和村“两委”干部", [("小金县", "county"), ("新桥乡", "township"), ("共和村", "village")]),
        ("3、理县交通运输局工程师", [("理县", "county")]),
        ("周口市委巡察组分别向太康县马厂镇反馈", [("周口市", "city"), ("太康县", "county"), ("马厂镇", "township")]),
        ("郭足平任三溪口街道下坦村党支部书记", [("三溪口街道", "township"), ("下坦村", "village")]),
        ("4.张沟镇新里仁口居委会党支部书记", [("张沟镇", "township"), ("新里仁口居委会", "village")]),
        ("阿拉善盟司法局", [("阿拉善盟", "city")]),
        ("阿拉善左旗房管局", [("阿拉善左旗", "county")]),
        ("上海市金山区亭林镇", [("上海市", "province"), ("金山区", "county"), ("亭林镇", "township")]),
        ("内蒙古自治区纪委", [("内蒙古自治区", "province")]),
        ("四川绵竹市公路路政管理所", [("四川", "province"), ("绵竹市", "county")]),
        ("检查组在泮水乡那眉村走访", [("泮水乡", "township"), ("那眉村", "village")]),
        ("在验收上孟乡木尼村村道维修项目过程中", [("上孟乡", "township"), ("木尼村", "village")]),
        ("黔东南州纪委", [("黔东南州", "city")]),
        ("安徽省阜阳市阜南县新村镇于洼村党总支", [("安徽省", "province"), ("阜阳市", "city"), ("阜南县", "county"),
                                                  ("新村镇", "township"), ("于洼村", "village")]),
        ("四川省泸县福集镇石鸭滩村", [("四川省", "province"), ("泸县", "county"), ("福集镇", "township"),
                                      ("石鸭滩村", "village")]),
        ("营口盖州市综合执法局", [("营口", "city"), ("盖州市", "county")]),
        ("道县白马渡镇原党委书记", [("道县", "county"), ("白马渡镇", "township")]),
        ("威远镇原玉成庄村村委会主任", [("威远镇", "township"), ("玉成庄村", "village")]),
        ("无锡市无锡新区鸿山街道", [("无锡市", "city"), ("无锡新区", "county"), ("鸿山街道", "township")]),
        ("百里杜鹃管理区纪工委对区农办", [("百里杜鹃管理区", "county")]),
        ("硚口区环保局给予区环保局", [("硚口区", "county")]),
    ],
)
def test_regions(text: str, expected: list[tuple[str, str]]) -> None:
    assert got(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "本村、该村、全村、村民、村委会",
        "对全市120个行政村开展巡察",
        "乡镇党委和城乡居民",
        "到超市购物，城市管理",
        "参观景区，前往南部山区",
        "县政府常务副县长",
        "农村低保、美丽乡村建设",
        "辖区内各县区",
        "开发区管委会",
        "形成县域经济",
        "县级领导干部",
    ],
)
def test_not_regions(text: str) -> None:
    assert got(text) == []


def test_normalized_short_forms_and_spans() -> None:
    text = "近日，湖北、阿坝州和湘西州通报"
    found = extract_regions(text)
    assert [(r.name, r.normalized) for r in found] == [
        ("湖北", "湖北省"), ("阿坝州", "阿坝藏族羌族自治州"), ("湘西州", "湘西土家族苗族自治州")]
    assert all(text[r.start:r.end] == r.name for r in found)


def test_lexicon_has_every_province_and_the_prefecture_level_units() -> None:
    provinces = load_yaml("regions.yaml")["provinces"]
    assert len(provinces) == 34
    cities = [c for p in provinces for c in p["cities"]]
    assert len(cities) >= 330
