"""The analyst query syntax: parsing into the backend-neutral tree and the FTS5 translation."""
from __future__ import annotations

import pytest

from config.errors import QuerySyntaxError
from search.highlight import snippet
from search.query import And, Not, Or, Phrase, Term, is_pure_negation, parse, positive_terms, subwords, to_fts5


def test_words_are_anded_implicitly():
    assert parse("村党支部书记 低保") == And((Term("村党支部书记"), Term("低保")))


def test_phrases_ascii_and_chinese_quotes():
    assert parse('"虚报冒领低保金"') == Phrase("虚报冒领低保金")
    assert parse("“虚报冒领” 「低保」") == And((Phrase("虚报冒领"), Phrase("低保")))
    assert parse('"未闭合的引号') == Phrase("未闭合的引号")


def test_or_binds_looser_than_and():
    assert parse("a b OR c") == Or((And((Term("a"), Term("b"))), Term("c")))
    assert parse("a || b | c") == Or((Term("a"), Term("b"), Term("c")))


def test_not_and_minus():
    assert parse("低保 -村医") == And((Term("低保"), Not(Term("村医"))))
    assert parse("低保 NOT 村医") == And((Term("低保"), Not(Term("村医"))))
    assert is_pure_negation(parse("-村医")) and not is_pure_negation(parse("低保 -村医"))


def test_parentheses_full_and_half_width():
    assert parse("(低保 OR 特困) -村医") == And((Or((Term("低保"), Term("特困"))), Not(Term("村医"))))
    assert parse("（低保 OR 特困）") == Or((Term("低保"), Term("特困")))


def test_lowercase_or_is_a_word_and_empty_query_is_none():
    assert parse("a or b") == And((Term("a"), Term("or"), Term("b")))
    assert parse("") is None and parse("   ") is None


@pytest.mark.parametrize("bad", ["(低保 OR 特困", "低保 OR", "AND 低保", ")", "低保 NOT"])
def test_syntax_errors_say_what_is_wrong(bad):
    with pytest.raises(QuerySyntaxError) as err:
        parse(bad)
    assert bad in str(err.value)


def test_positive_terms_leave_out_negations():
    assert positive_terms(parse('低保 "优亲厚友" -村医 NOT (张某 OR 李某)')) == ["低保", "优亲厚友"]


def test_fts5_translation():
    # a word: whole, as the start of a word, or inside a longer one (the `sub` column)
    assert to_fts5(parse("低保")) == '{seg sub} : "低保"*'
    # a phrase: whole words, adjacent (the words column only)
    assert to_fts5(parse('"虚报冒领低保金"')) == 'seg : "虚报冒领 低保金"'
    assert to_fts5(parse("低保 OR 特困")) == '({seg sub} : "低保"* OR {seg sub} : "特困"*)'
    assert to_fts5(parse("低保 -村医")) == '({seg sub} : "低保"* NOT {seg sub} : "村医"*)'
    assert to_fts5(parse("貪污")) == '{seg sub} : "贪污"*'  # traditional script normalised
    assert to_fts5(parse("covid")) == 'seg : "covid"*'  # only Chinese words have sub-words
    assert to_fts5(parse("党")) == 'seg : "党"'
    with pytest.raises(QuerySyntaxError):  # nothing searchable: refused, not "every case"
        parse("，")
    with pytest.raises(QuerySyntaxError):
        to_fts5(parse("低保 OR -村医"))


def test_subwords_are_the_suffixes_of_longer_chinese_words():
    assert subwords("虚报冒领 低保金 村 党支部书记 2019 covid19") == "报冒领 冒领 保金 支部书记 部书记 书记"
    assert subwords("低保 村医") == ""  # two-character words: their parts are single characters


def test_fts5_quotes_are_escaped():
    assert '""' in to_fts5(parse('"a""b"')) or to_fts5(parse('say"x')) != ""


def test_snippet_marks_words_in_the_original_text():
    text = "一、某县城关镇东坝村党支部书记张某某虚报冒领低保金问题。" + "其他内容。" * 40 + "低保对象审核不严。"
    out = snippet(text, ["低保", "张某某"], width=60)
    assert "【低保】" in out and "【张某某】" in out and len(out) < 90
    assert snippet("貪污侵佔集體資金", ["集体资金"]) == "貪污侵佔【集體資金】"
    assert snippet("没有匹配", ["低保"]) == "没有匹配"


def test_one_character_words_inside_a_term_are_dropped():
    assert to_fts5(parse("村党支部书记")) == '({seg sub} : "党支部"* AND {seg sub} : "书记"*)'
    assert to_fts5(parse("村")) == 'seg : "村"'


# --------------------------------------------------------------------------- synonyms
from search.query import MAX_EXPANDED_TERMS, analyse, expand, iter_nodes, query_tokens, synonym_table  # noqa: E402

MEAL = ("公款吃喝", "违规吃喝", "大吃大喝", "公款宴请")  # the first group of config/synonyms.yaml


def test_a_word_of_a_synonym_group_is_searched_as_any_word_of_the_group():
    node, also = expand(parse("公款吃喝 低保"))
    assert node == And((Or(tuple(Term(t) for t in MEAL)), Or((Term("低保"), Term("最低生活保障")))))
    assert also == {"公款吃喝": list(MEAL[1:]), "低保": ["最低生活保障"]}
    # whichever entry is typed, it comes first and the others follow in the file's order
    assert expand(parse("大吃大喝"))[0] == Or((Term("大吃大喝"), Term("公款吃喝"), Term("违规吃喝"), Term("公款宴请")))


def test_a_phrase_expands_into_phrases():
    node, also = expand(parse('"村支书" 低保金'))
    assert node == And((Or((Phrase("村支书"), Phrase("村党支部书记"), Phrase("村党总支书记"))), Term("低保金")))
    assert also == {"村支书": ["村党支部书记", "村党总支书记"]}  # 低保金 is no entry: only whole entries expand


def test_a_negated_word_excludes_its_whole_group():
    node, _ = expand(parse("低保 -公款吃喝"))
    assert node == And((Or((Term("低保"), Term("最低生活保障"))), Not(Or(tuple(Term(t) for t in MEAL)))))
    assert to_fts5(node).count(" NOT ") == 1 and "大吃大喝" in to_fts5(node)
    pure, _ = expand(parse("-公款吃喝"))
    assert pure == Not(Or(tuple(Term(t) for t in MEAL))) and is_pure_negation(pure)
    assert positive_terms(node) == ["低保", "最低生活保障"]  # what a hit is highlighted with


def test_expansion_inside_or_is_one_flat_or_with_each_word_once():
    node, also = expand(parse("公款吃喝 OR 违规吃喝 OR 低保"))
    assert node == Or((*(Term(t) for t in MEAL), Term("低保"), Term("最低生活保障")))
    assert set(also) == {"公款吃喝", "违规吃喝", "低保"}


def test_only_whole_entries_expand_and_exact_turns_it_off():
    assert expand(parse("吃喝 公款")) == (And((Term("吃喝"), Term("公款"))), {})
    assert analyse("公款吃喝", exact=True) == (Term("公款吃喝"), {})
    assert analyse("公款吃喝")[1] == {"公款吃喝": list(MEAL[1:])}
    assert analyse("") == (None, {})
    # traditional script and full-width forms are normalised before the look-up; the typed
    # form is what `also` is keyed by
    node, also = analyse("村支書")
    assert Term("村党支部书记") in node.items and also == {"村支書": ["村党支部书记", "村党总支书记"]}


def test_expansion_is_bounded():
    table = {w: tuple(f"{w}{i}" if i else w for i in range(10)) for w in ("甲乙", "丙丁")}
    node, also = expand(parse("甲乙 丙丁"), table)
    assert len(also) == 2 and sum(isinstance(n, Term) for n in iter_nodes(node)) == 20
    many = " ".join(["甲乙", "丙丁"] * 30)  # 60 typed words, 9 synonyms each: more than the bound
    node, _ = expand(parse(many), table)
    terms = sum(isinstance(n, Term) for n in iter_nodes(node))
    assert 60 < terms <= MAX_EXPANDED_TERMS  # the words beyond the bound are searched as typed


def test_the_synonym_table_is_sound():
    from config import load_yaml
    from search.normalize import normalize

    groups = load_yaml("synonyms.yaml")["groups"]
    assert 40 <= len(groups) <= 100
    seen: dict[str, int] = {}
    for n, group in enumerate(groups):
        assert len(group) >= 2, group
        for entry in group:
            assert entry == normalize(entry).strip(), f"{entry}: write entries in simplified script"
            assert entry not in seen, f"{entry} is in group {seen[entry]} and {n}"
            seen[entry] = n
            # Searched as a typed word: all of its jieba words, one-character ones beside longer
            # ones dropped. An entry that is reduced to one shorter word (消费卡 → 消费,
            # 镇党委书记 → 党委书记) would find far more than it says.
            toks = query_tokens(entry)
            kept = [t for t in toks if len(t) > 1] if any(len(t) > 1 for t in toks) else toks
            assert not (len(kept) == 1 and len(kept[0]) < len(entry)), f"{entry} is searched as {kept[0]}"
    assert synonym_table()["违规吃喝"] == MEAL


def test_an_entry_in_two_groups_is_a_configuration_error(monkeypatch):
    import config
    from config.errors import ConfigError

    monkeypatch.setattr(config, "load_yaml", lambda name: {"groups": [["低保", "最低生活保障"], ["低保", "特困"]]})
    with pytest.raises(ConfigError, match="低保"):
        synonym_table.__wrapped__("test.yaml")
