"""extractors.divisions: place names (full, short, prefixed) to (province, city, county)."""
from __future__ import annotations

import csv

from config import config_path
from extractors.divisions import (
    Division,
    case_divisions,
    case_provinces,
    case_region_names,
    divisions,
    normalize_region,
    resolve,
)
from extractors.model import Case, Document, Region


def test_data_covers_every_level():
    with config_path("divisions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    levels = {"province": 0, "city": 0, "county": 0}
    for r in rows:
        c = r["adcode"]
        levels["province" if c[2:] == "0000" else "city" if c[4:] == "00" else "county"] += 1
    assert levels["province"] == 34
    assert levels["city"] >= 330
    assert levels["county"] >= 2800


def test_full_short_and_prefixed_names():
    xiantao = Division("湖北省", "", "仙桃市")  # a county-level city directly under its province
    assert resolve("仙桃市") == resolve("仙桃") == resolve("湖北仙桃") == resolve("湖北省仙桃市") == xiantao
    assert resolve("湖北") == resolve("湖北省") == Division("湖北省")
    assert resolve("新疆") == Division("新疆维吾尔自治区")
    assert resolve("广西") == Division("广西壮族自治区")
    assert resolve("海淀区") == Division("北京市", "", "海淀区")


def test_autonomous_prefectures_and_counties():
    aba = Division("四川省", "阿坝藏族羌族自治州")
    assert resolve("阿坝州") == resolve("阿坝藏族羌族自治州") == aba
    assert resolve("阿坝") == aba  # the prefecture or its county 阿坝县: what both share
    assert resolve("阿坝县") == Division("四川省", "阿坝藏族羌族自治州", "阿坝县")
    assert resolve("恩施州") == Division("湖北省", "恩施土家族苗族自治州")
    assert resolve("黔东南州").city == "黔东南苗族侗族自治州"
    assert resolve("长阳县") == resolve("长阳土家族自治县") == Division("湖北省", "宜昌市", "长阳土家族自治县")
    assert normalize_region("阿坝州") == "阿坝藏族羌族自治州"
    assert normalize_region("湖北") == "湖北省"


def test_a_name_in_two_provinces_needs_context():
    assert resolve("鼓楼区") is None and normalize_region("鼓楼区") == "鼓楼区"
    assert resolve("朝阳区") is None
    fuzhou = divisions().full["福州市"]
    assert resolve("鼓楼区", fuzhou) == Division("福建省", "福州市", "鼓楼区")
    assert resolve("福州鼓楼区") == Division("福建省", "福州市", "鼓楼区")
    assert resolve("平安县") is None and normalize_region("平安县") == "平安县"


def _case(*regions: tuple[str, str]) -> Case:
    return Case(id="x-1", doc_id="x", ordinal=1, text="",
                regions=[Region(name=n, level=lv, normalized=n) for n, lv in regions])


def test_case_chain_uses_the_other_places_and_the_issuer():
    # 鼓楼区 after 南京市: the Nanjing one
    assert case_divisions(_case(("南京市", "city"), ("鼓楼区", "county"))) == [Division("江苏省", "南京市", "鼓楼区")]
    assert case_region_names(_case(("仙桃市", "county"), ("陈场镇", "township"))) == {"湖北省", "仙桃市"}
    # no place in the case: the issuer's
    doc = Document(id="x", path="", text="", issuer="仙桃市纪委监委")
    assert case_provinces(_case(), doc) == {"湖北省"}
    # the issuer decides an ambiguous name
    doc = Document(id="x", path="", text="", issuer="福州市纪委监委")
    assert case_divisions(_case(("鼓楼区", "county")), doc) == [Division("福建省", "福州市", "鼓楼区")]
    assert case_region_names(_case(("平安县", "county"))) == set()
