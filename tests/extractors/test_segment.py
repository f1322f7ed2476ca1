"""Segmentation with the domain dictionary, and the spaCy frame."""
from __future__ import annotations

from extractors.segment import get_nlp, segment, tokenize


def test_domain_words_are_not_split():
    words = segment("驻村第一书记和村监委会主任虚报冒领、优亲厚友、截留挪用，受到党内严重警告处分")
    for w in ("驻村第一书记", "村监委会主任", "虚报冒领", "优亲厚友", "截留挪用", "党内严重警告"):
        assert w in words, (w, words)


def test_tokenize_drops_punctuation_and_keeps_parts_for_search():
    assert tokenize("虚报，问题！") == ["虚报", "问题"]
    assert "低保" in tokenize("冒领低保资金")  # a query 低保 finds 低保资金


def test_nlp_is_built_once_and_uses_the_same_dictionary():
    nlp = get_nlp()
    assert nlp is get_nlp()
    doc = nlp("乡镇纪委书记吃拿卡要")
    assert [t.text for t in doc] == ["乡镇纪委书记", "吃拿卡要"]
    assert "leian_cases" in nlp.pipe_names and "leian_categories" in nlp.pipe_names


def test_components_write_labelled_spans():
    doc = get_nlp()("1.某村党支部书记王某套取低保金3万元，受到党内警告处分。\n2.某局局长李某公车私用，受到诫勉。")
    assert len(doc.spans["cases"]) == 2
    assert {s.text for s in doc.spans["people"]} == {"王某", "李某"}
    assert "false_claims" in {s.label_ for s in doc.spans["categories"]}
    assert "official_cars" in {s.label_ for s in doc.spans["categories"]}
    assert any(s.text == "3万元" for s in doc.spans["amounts"])
