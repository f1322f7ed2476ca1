"""The analyst query syntax: parsing into the backend-neutral tree and the FTS5 translation."""
from __future__ import annotations

import pytest

from search.highlight import snippet
from search.query import (And, Not, Or, Phrase, QuerySyntaxError, Term, is_pure_negation, parse,
                          positive_terms, subwords, to_fts5)


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
