"""Classes of alike cases: posts, incidents, category classes, clusters, saved classes."""
from __future__ import annotations

import json

import pytest

from config.errors import ClassNotFound, ClassUsageError
from extractors.model import Case, Category, Domain
from search.classes import (
    category_classes,
    cluster_id,
    delete_class,
    find_clusters,
    list_classes,
    load_saved,
    parse_category_id,
    resolve_class,
    save_class,
    select_class,
)
from search.incidents import incidents
from search.posts import posts_of, unit_of
from search.store import DuplicateGroup, Filters
from tests.search.class_cases import documents


# --- posts ----------------------------------------------------------------------------------
@pytest.mark.parametrize("position, expected", [
    ("山西省河曲县鹿固乡辉塔村党支部原书记", ["村党支部书记"]),
    ("長埫口鎮白三洲村黨支部書記", ["村党支部书记"]),
    ("时任村支部书记", ["村党支部书记"]),
    ("云南省宣威市龙潭镇陆泉村原党总支书记、村委会主任", ["村党支部书记", "村委会主任"]),
    ("村党支部书记兼村委会主任", ["村党支部书记", "村委会主任"]),
    ("陳場鎮黃灣村黨支部委員、村副主任", ["村党支部委员", "村委会副主任"]),
    ("村主任", ["村委会主任"]),
    ("村會計", ["村会计、报账员"]),
    ("报账员", ["村会计、报账员"]),
    ("四川省乐至县中天镇原党委副书记、镇长", ["乡镇党委副书记", "乡镇长"]),
    ("道县白马渡镇原党委书记", ["乡镇党委书记"]),
    ("张村镇党委书记", ["乡镇党委书记"]),
    ("区发改局党组书记、局长", ["区发改局党组书记", "区发改局局长"]),
    ("青海省黄南州尖扎县委常委、县政府原常务副县长", ["县委常委", "县政府常务副县长"]),
    ("驻村第一书记", ["驻村第一书记"]),
    ("社区居委会主任", ["村委会主任"]),
    ("公安县乡村振兴局副局长", ["县乡村振兴局副局长"]),
    ("于都县住房和城乡建设局科长", ["县住房和城乡建设局科长"]),
    ("长岭乡沙坪村村委会主任", ["村委会主任"]),
    ("", []),
])
def test_posts_are_counted_alike_whatever_the_wording(position, expected):
    assert posts_of(position) == expected


def test_unit_is_the_position_without_its_role():
    assert unit_of("山西省河曲县鹿固乡辉塔村党支部原书记") == "山西省河曲县鹿固乡辉塔村"
    assert unit_of("區環保局會計") == "区环保局"
    assert unit_of("村委会原主任") == ""  # names no unit
    assert unit_of("村民") == ""
    assert unit_of("公车定点维修公司") == "公车定点维修公司"
    assert unit_of("村主任", organisation="李庄村村委会") == "李庄村村委会"


def test_content_terms_keep_domain_terms_whole_and_drop_names_and_places():
    from extractors.model import Person, Region
    from search.text import content_terms
    from search.vectors import case_terms

    terms = content_terms("村党支部书记赵某优亲厚友，吃拿卡要，違規為其親屬辦理低保，公車私用。")
    assert {"优亲厚友", "吃拿卡要", "低保", "公车私用"} <= set(terms)
    assert not {"问题", "处分"} & set(content_terms("严重违纪问题，给予党内警告处分"))
    c = Case(id="a-001", doc_id="a", ordinal=1, text="陈场镇黄湾村党支部书记王孙标虚报冒领低保金问题",
             people=[Person(name="王孙标")], regions=[Region(name="陈场镇", level="township")])
    got = case_terms(c)
    assert "虚报冒领" in got and not {"王孙", "王孙标", "陈场", "陈场镇"} & set(got)


# --- incidents ------------------------------------------------------------------------------
def _cases():
    docs = documents()
    return docs, [c for d in docs for c in d.cases]


def _dup_group(docs) -> DuplicateGroup:
    b, copy = docs[0].cases[1].id, docs[1].cases[0].id
    return DuplicateGroup(representative=b, case_ids=[b, copy], similarity=0.9)


def test_copies_of_one_incident_count_once():
    docs, cases = _cases()
    group = _dup_group(docs)
    incs = incidents(cases, [group])
    assert len(incs) == len(cases) - 1
    joined = [i for i in incs if len(i.copies) == 2]
    assert len(joined) == 1 and set(joined[0].copies) == set(group.case_ids)
    # the richer copy (more categories) represents the incident
    assert joined[0].id == docs[0].cases[1].id
    # a group with one member inside the set joins nothing
    only_copy = [c for c in cases if c.id != docs[0].cases[1].id]
    assert len(incidents(only_copy, [group])) == len(only_copy)


# --- category classes -----------------------------------------------------------------------
def test_category_classes_count_incidents_and_cross_with_domains():
    docs, cases = _cases()
    listed = {c.id: c for c in category_classes(cases, [_dup_group(docs)])}
    fc = listed["false_claims"]
    # 4 incidents, 5 cases: the republished copy counts once
    assert (fc.incidents, fc.cases) == (4, 5)
    assert listed["false_claims+subsistence_allowance"].incidents == 4
    assert listed["banquets"].incidents == 2
    assert "低保" in fc.terms
    assert parse_category_id("false_claims+subsistence_allowance@湖北省") == ("false_claims", "subsistence_allowance", "湖北省")
    assert parse_category_id("nonsense") is None


# --- clusters -------------------------------------------------------------------------------
def _case(i: int, text: str, code: str = "false_claims", domain: str = "") -> Case:
    c = Case(id=f"{i:016x}-001", doc_id=f"{i:064x}", ordinal=1, text=text)
    c.categories.append(Category(code=code, evidence=""))
    if domain:
        c.domains.append(Domain(code=domain, label=domain))
    return c


LOWBAO = [
    "某村党支部书记虚报冒领低保金3万元，将不符合条件的亲属纳入低保，低保审核把关不严。",
    "村委会主任以已故村民名义虚报低保户，冒领低保金2万元，低保资金用于个人开支。",
    "村会计虚报冒领低保资金1.5万元，伪造低保申请材料，低保金据为己有。",
    "某村干部为亲属虚报低保，冒领低保金8000元，低保评议未公示。",
]
HOUSING = [
    "村党支部书记在危房改造中虚报危房户，套取危房改造补助资金4万元，危房改造验收走过场。",
    "某镇干部伪造危房改造验收材料，套取危房改造资金6万元，危房鉴定不实。",
    "村委会主任虚报危房改造对象，骗取危房改造补助资金2万元，危房改造资金被挪作他用。",
]


def test_clusters_separate_alike_cases_within_a_category():
    cases = [_case(i, t, domain="subsistence_allowance") for i, t in enumerate(LOWBAO)]
    cases += [_case(10 + i, t, domain="dilapidated_housing") for i, t in enumerate(HOUSING)]
    clusters = find_clusters(cases, [], threshold=0.2)
    members = sorted(sorted(c.case_ids) for c in clusters)
    assert members == sorted([sorted(c.id for c in cases[:4]), sorted(c.id for c in cases[4:])])
    by_size = {c.incidents: c for c in clusters}
    assert by_size[4].domain == "subsistence_allowance" and "低保" in by_size[4].name
    assert by_size[3].domain == "dilapidated_housing" and "危房改造" in by_size[3].terms
    assert all(c.id == cluster_id(c.anchor) and c.anchor in c.case_ids for c in clusters)
    assert all(0 < c.cohesion <= 1 for c in clusters)


def test_cluster_ids_are_stable_and_still_resolve_after_new_cases(tmp_path):
    from search.backends.sqlite.store import SqliteStore

    cases = [_case(i, t) for i, t in enumerate(LOWBAO)] + [_case(10 + i, t) for i, t in enumerate(HOUSING)]
    before = find_clusters(cases, [], threshold=0.2)
    assert len(before) == 2
    again = find_clusters(list(reversed(cases)), [], threshold=0.2)
    assert [c.id for c in again] == [c.id for c in before]  # input order does not matter
    lowbao = next(c for c in before if c.incidents == 4)
    # a store whose cluster has gained a member still answers to the old id
    st = SqliteStore(tmp_path / "leian.db")
    from extractors.model import Document

    for c in cases + [_case(99, "村党支部书记虚报冒领低保金5万元，将亲属纳入低保，低保审核不严。")]:
        st.put_document(Document(id=c.doc_id, path=f"/n/{c.doc_id[-8:]}.txt", text=c.text, cases=[c]))
    cd, found = resolve_class(st, lowbao.id, tmp_path / "classes.json", threshold=0.2)
    assert cd.kind == "cluster" and len(found) == 5 and "0000000000000063-001" in cd.case_ids
    st.close()


def test_classes_come_from_the_cases_only_not_their_order():
    docs, cases = _cases()
    g = [_dup_group(docs)]
    a = [c.model_dump() for c in category_classes(cases, g)] + [c.model_dump() for c in find_clusters(cases, g)]
    b = [c.model_dump() for c in category_classes(cases[::-1], g)] + [c.model_dump() for c in find_clusters(cases[::-1], g)]
    assert a == b


# --- saved classes --------------------------------------------------------------------------
def test_saved_classes_round_trip(tmp_path):
    path = tmp_path / "data" / "classes.json"
    assert load_saved(path) == []
    save_class(path, "dibao-favor", "低保优亲厚友", "低保 亲属", Filters(category=["favoritism"]))
    save_class(path, "cars", "公车私用", "公车", Filters())
    save_class(path, "cars", "公车私用（改）", "公车 私用", Filters(region=["湖北省"]))  # replaces
    saved = {c.id: c for c in load_saved(path)}
    assert set(saved) == {"dibao-favor", "cars"}
    assert saved["cars"].name == "公车私用（改）" and saved["cars"].filters.region == ["湖北省"]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["classes"]] == ["dibao-favor", "cars"]
    delete_class(path, "cars")
    assert [c.id for c in load_saved(path)] == ["dibao-favor"]
    with pytest.raises(ClassNotFound):
        delete_class(path, "cars")
    with pytest.raises(ClassUsageError):
        save_class(path, "false_claims", "", "x", Filters())  # a category code is not a saved id
    with pytest.raises(ClassUsageError):
        save_class(path, "empty", "", "", Filters())


def test_a_broken_classes_file_is_a_config_error(tmp_path):
    from config.errors import ConfigError

    path = tmp_path / "classes.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="classes.json"):
        load_saved(path)


# --- through the store (both backends) ------------------------------------------------------
def test_classes_of_a_store(store, tmp_path):
    for d in documents():
        store.put_document(d)
    saved_path = tmp_path / "classes.json"
    save_class(saved_path, "hubei", "湖北省低保问题", "低保", Filters(region=["湖北省"]))
    listing = list_classes(store, saved_path, threshold=0.2)
    assert (listing.cases, listing.incidents) == (9, 8)  # the store recognised the republished copy
    assert [(c.id, c.incidents) for c in listing.saved] == [("hubei", 2)]
    assert {c.id: c.incidents for c in listing.categories}["false_claims"] == 4
    cd, cases = select_class(store, saved_path=saved_path, category="false_claims",
                             filters=Filters(region=["湖北省"]))
    assert cd.id == "false_claims@湖北省" and [c.id for c in cases] == [documents()[0].cases[0].id]
    cd, cases = select_class(store, saved_path=saved_path, class_id="hubei")
    assert len(cases) == 2
    with pytest.raises(ClassUsageError):
        select_class(store, saved_path=saved_path, query="低保", category="false_claims")
    with pytest.raises(ClassNotFound):
        select_class(store, saved_path=saved_path, class_id="k00000000")


def test_a_query_class_pages_through_every_hit_up_to_its_limit(tmp_path):
    from extractors.model import Document
    from search.backends.sqlite.store import SqliteStore
    from search.classes import query_cases

    with SqliteStore(tmp_path / "leian.db") as st:
        for i in range(25):
            c = _case(i + 1, f"第{i}起：村委会主任虚报冒领低保金{i + 1}万元。")
            st.put_document(Document(id=c.doc_id, path=f"/n/{i}.txt", text=c.text, cases=[c]))
        assert len(query_cases(st, "低保金", Filters(), page_size=4)) == 25
        assert len(query_cases(st, "低保金", Filters(), page_size=4, limit=10)) == 10


def test_province_classes_come_from_the_division_data():
    from extractors.model import Case, Category, Region
    from search.classes import category_classes

    def case(n: int, place: str, level: str) -> Case:
        return Case(id=f"d{n}-1", doc_id=f"d{n}", ordinal=1, text=f"第{n}起虚报冒领低保金问题。",
                    categories=[Category(code="false_claims")],
                    regions=[Region(name=place, level=level, normalized=place)])

    classes = category_classes([case(1, "仙桃市", "county"), case(2, "湖北省", "province")], [])
    hubei = [c for c in classes if c.region == "湖北省"]
    assert len(hubei) == 1 and hubei[0].incidents == 2
