"""Words inside longer words (issue 11): an analyst's term that jieba keeps inside a longer
dictionary word (`冒领` in `虚报冒领`, `党籍` in `开除党籍`, `书记` in `党支部书记`) finds every
case whose text contains it, on both backends (the `store` fixture of conftest.py), with the
same totals; and a case using the term as a word of its own ranks above one that has it only
inside a longer word.

The measurement: for each term, the truth is "the case text (simplified script) contains the
term"; recall is the share of (term, case) pairs of the truth that the search returns.
Before the sub-word index this corpus measured recall 0.29 on both backends (every term
below was missed wherever it sat inside a longer word); the bar is 0.98, and every term
must find exactly the cases that contain it.
"""
from __future__ import annotations

import pytest

from search.indexing import segmented
from search.normalize import normalize
from search.query import query_tokens
from search.store import SearchQuery
from tests.search.test_store_conformance import mk_doc, settle

# Case texts written for this test, in the style of the published notices: each uses
# ordinary analyst terms inside the longer words jieba keeps whole (虚报冒领, 开除党籍,
# 换届选举, 村支书, 党支部书记, 公款吃喝, 滥用职权, 小金库, 婚丧嫁娶, ...).
TEXTS = [
    "城关镇东坝村党支部书记张某某虚报冒领低保金问题。2017年至2019年，张某某利用审核低保对象的职务便利，"
    "将其亲属3户虚报为低保户，冒名顶替领取低保金共计3.2万元。张某某受到开除党籍处分，违纪款项已被收缴。",
    "河西镇石桥村村支书李某在换届选举中拉票贿选问题。2021年村级组织换届选举前，李某通过宴请、送购物卡等方式"
    "拉拢村民代表，并收受他人财物。李某受到党纪处分，被依法罢免村委会主任职务。",
    "县交通运输局副局长王某违规公款吃喝、违规发放津贴补贴问题。2018年至2020年，王某多次安排下属单位超标准接待，"
    "以会议费名义套取资金发放津贴补贴共计6.8万元，并使用公务用车办理私事。王某受到撤职处分。",
    "县扶贫办原主任赵某贪污受贿、挪用公款问题。赵某利用职务上的便利，截留扶贫资金和财政资金，收受贿赂共计"
    "87万元，涉嫌犯罪。赵某被开除公职，其涉嫌犯罪问题移送检察机关审查起诉。",
    "青山乡农经站站长孙某滥用职权、玩忽职守问题。孙某在退耕还林补助发放中弄虚作假，"
    "私设小金库，致使困难群众应得的专项资金被挪作他用。孙某受到纪律处分。",
    "北岭村党员干部周某违规操办婚丧嫁娶事宜问题。2022年，周某为其子操办婚礼大操大办，宴请40余桌，"
    "收受管理服务对象礼金。周某受到党内严重警告处分，违规收受的礼金已退还。",
    "南湾村村干部吴某违规侵占宅基地、骗取危房改造补助问题。吴某虚报家庭住房情况，骗取危房改造补助2.5万元，"
    "并违规占用集体土地建房。吴某受到留党察看处分，违规所得已收缴。",
    "市住房和城乡建设局科长郑某以权谋私、公车私用问题。郑某多次驾驶公务用车接送子女，"
    "并违规报销差旅费1.2万元。郑某受到政务记过处分。",
    "县人社局公职人员钱某违规办理养老保险问题。钱某为不符合条件的亲属违规办理城乡居民养老保险，"
    "导致养老保险基金损失9.6万元。钱某被免职，并受到政务处分。",
    "某镇党委书记冯某落实中央八项规定精神不力、形式主义官僚主义问题。冯某对辖区内公款吃喝问题失察失责，"
    "集体经济项目弄虚作假、数据失真。冯某受到党内警告处分。",
    "东山村村主任陈某违规办理婚丧喜庆事宜、收受红包问题。陈某借女儿出嫁之机大操大办，"
    "收受村民红包礼金1.5万元。陈某受到党内警告处分，其村支书职务被免去。",
    "巡察发现，县民政局低保审核把关不严，部分乡镇存在人情保、关系保，个别村干部优亲厚友，"
    "将不符合条件的亲属纳入低保，向困难群众发放低保金时吃拿卡要。",
]

# Ordinary analyst terms (each a single jieba word when typed as a query), every one of them
# inside a longer word in at least one text above.
TERMS = [
    "冒领", "党籍", "选举", "支书", "书记", "低保", "吃喝", "补贴", "扶贫", "受贿", "贿赂", "职权",
    "职守", "作假", "金库", "主义", "处分", "经济", "还林", "群众", "资金", "用车", "公职", "机关",
    "起诉", "干部", "主任", "人员", "标准", "顶替", "嫁娶", "大办", "基地", "改造", "察看", "谋私",
    "私用", "保险", "犯罪", "喜庆", "公款", "党委", "差旅", "旅费",
]


@pytest.fixture
def sub_store(store):
    doc = mk_doc("e", "/notices/subwords.txt", "case_notice", "2023-01-01", "典型问题通报",
                 [(t, {}) for t in TEXTS])
    store.put_document(doc)
    settle(store)
    return store, doc


def _found(store, text: str) -> tuple[set[str], int]:
    # exact: the measurement is about the string itself (synonyms would add 冒领's 套取, 骗取)
    res = store.search(SearchQuery(text=text, size=100, facets=False, collapse_duplicates=False, exact=True))
    return {h.case.id for h in res.hits}, res.total


def test_terms_are_single_words_that_jieba_keeps_inside_longer_ones():
    """The measurement is honest: each term is one query word, and most of them occur in
    the texts only inside longer words (the case the word index used to miss)."""
    assert len(TERMS) >= 30
    for t in TERMS:
        assert query_tokens(t) == [t], t
        assert any(t in normalize(x) for x in TEXTS), t
    words = {w for x in TEXTS for w in segmented(x).split()}
    inside_only = [t for t in TERMS if not any(w.startswith(t) for w in words)]
    assert len(inside_only) >= 30, inside_only  # 33: found nowhere as a word or a word's start


def test_every_term_finds_every_case_that_contains_it(sub_store):
    store, doc = sub_store
    truth_pairs = found_pairs = 0
    wrong = {}
    for term in TERMS:
        truth = {c.id for c in doc.cases if term in normalize(c.text)}
        found, total = _found(store, term)
        truth_pairs += len(truth)
        found_pairs += len(truth & found)
        if found != truth or total != len(truth):
            wrong[term] = (sorted(c[-3:] for c in truth - found), sorted(c[-3:] for c in found - truth), total)
    recall = found_pairs / truth_pairs
    assert recall >= 0.98, f"recall {recall:.2f} over {truth_pairs} (term, case) pairs; wrong: {wrong}"
    # Exactly the cases that contain the term: the same totals on every backend.
    assert not wrong, wrong


def test_subwords_follow_the_query_syntax(sub_store):
    store, doc = sub_store
    ids = [c.id for c in doc.cases]

    def having(*terms: str, without: tuple[str, ...] = ()) -> set[str]:
        return {c.id for c in doc.cases if all(t in c.text for t in terms) and not any(t in c.text for t in without)}

    # AND, OR, NOT over sub-words as over words
    assert _found(store, "冒领 党籍")[0] == having("冒领", "党籍") == {ids[0]}
    assert _found(store, "党籍 OR 机关")[0] == having("党籍") | having("机关") == {ids[0], ids[3]}
    assert _found(store, "处分 -察看 -党籍")[0] == having("处分", without=("察看", "党籍"))
    assert _found(store, "-冒领")[1] == len(TEXTS) - 1
    # a phrase keeps meaning whole words, adjacent: "冒领" alone is not the word 虚报冒领
    assert _found(store, '"虚报冒领"')[0] == {ids[0]}
    assert _found(store, '"冒领"')[0] == set()
    assert _found(store, '"冒名顶替领取"')[0] == {ids[0]}


@pytest.mark.parametrize("term,whole,inside", [
    ("冒领", "冒领低保金3.2万元，张某受到党内警告处分。", "虚报冒领低保金3.2万元，张某受到党内警告处分。"),
    ("选举", "在村委会选举中拉票贿选，张某受到党内警告处分。", "在换届选举中拉票贿选，张某受到党内警告处分。"),
    ("吃喝", "多次用公款大吃大喝吃喝，张某受到党内警告处分。", "多次组织公款吃喝活动，张某受到党内警告处分。"),
    ("党籍", "张某被恢复党籍，其违纪款项已全部退还。", "张某被开除党籍，其违纪款项已全部退还。"),
])
def test_a_whole_word_ranks_above_a_subword(store, term, whole, inside):
    """Two texts alike but for the term being a word of its own or part of a longer word,
    among unrelated cases (so that the term is rare, as real terms are)."""
    assert term in segmented(whole).split() and term not in segmented(inside).split()
    others = [(f"某局{n}科干部李某违规发放津贴补贴{n}万元，受到政务警告处分。", {}) for n in range(2, 12)]
    doc = mk_doc("f", "/notices/rank.txt", "case_notice", "2023-01-01", "通报",
                 [(inside, {}), (whole, {})] + others)
    store.put_document(doc)
    settle(store)
    res = store.search(SearchQuery(text=term, facets=False, collapse_duplicates=False, exact=True))
    assert [h.case.id for h in res.hits] == [doc.cases[1].id, doc.cases[0].id]
    assert res.hits[0].score > res.hits[1].score > 0
