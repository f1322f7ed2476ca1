"""search.corrections: the one-line syntax, the checks, which corrections apply, how they
follow re-extracted cases, and what applying them does to a case."""
from __future__ import annotations

import pytest

from config.errors import CorrectionError
from extractors.model import Case, Category, Person
from search.corrections import (
    MATCH_THRESHOLD,
    AmountFix,
    Changes,
    Correction,
    PersonFix,
    active,
    apply,
    attach,
    changes_from_text,
    fingerprint,
    new_correction,
    revert_of,
    validate,
)

TEXT = "河西镇财政所所长李某挪用扶贫专项资金问题。2018年，李某擅自将15万元扶贫专项资金挪用于镇政府办公楼装修。李某受到撤销党内职务处分。"
OTHER = "县交通运输局副局长王某违规公款吃喝问题。2018年12月，王某安排下属单位在农家乐用公款宴请，花费8600元。王某受到党内警告处分。"


def case(n: int, text: str, doc: str = "d" * 64, start: int = 100) -> Case:
    return Case(id=f"{doc[:16]}-{n:03d}", doc_id=doc, ordinal=n, text=text, start=start, end=start + len(text),
                people=[Person(name="李某")], categories=[Category(code="misappropriation")])


def test_one_line_syntax():
    ch = changes_from_text(people="李某:河西镇财政所所长、会计，王某", amounts="15万元; 8600元=8600",
                           sanctions="撤销党内职务：李某", categories="bribery，违规收送礼品礼金")
    assert [(p.name, p.position) for p in ch.people] == [("李某", "河西镇财政所所长、会计"), ("王某", "")]
    assert [(a.text, a.value) for a in ch.amounts] == [("15万元", 150000), ("8600元", 8600)]
    assert [(s.label, s.person) for s in ch.sanctions] == [("撤销党内职务", "李某")]
    assert ch.categories == ["bribery", "违规收送礼品礼金"] and ch.not_a_case is None
    cleared = changes_from_text(people="", categories=None)
    assert cleared.people == [] and cleared.categories is None and cleared.fields() == ["people"]


def test_validate_turns_labels_into_codes_and_names_the_problem():
    c = case(1, TEXT)
    ok = validate(Changes(categories=["违规收送礼品礼金", "bribery", "bribery"]), c)
    assert ok.categories == ["gifts", "bribery"]
    with pytest.raises(CorrectionError, match=r"amount '16万元' does not occur in the text"):
        validate(Changes(amounts=[AmountFix(text="16万元", value=160000)]), c)
    with pytest.raises(CorrectionError, match="not a sum in yuan"):
        validate(Changes(amounts=[AmountFix(text="15万元", value=-1)]), c)
    with pytest.raises(CorrectionError, match="who makes the correction"):
        new_correction(c, Changes(not_a_case=True), " ")


def test_latest_per_field_wins_and_reverts_drop_out():
    c = case(1, TEXT)
    first = new_correction(c, Changes(categories=["bribery"], people=[PersonFix(name="李某", position="所长")]), "a")
    second = new_correction(c, Changes(categories=["gifts"]), "b")
    fixed, withheld = apply(c, [second, first])  # order given does not matter: `at` orders them
    assert [k.code for k in fixed.categories] == ["gifts"] and fixed.people[0].position == "所长" and not withheld
    undo = revert_of(second, "c")
    assert active([first, second, undo]) == [first]
    assert [k.code for k in apply(c, [first, second, undo])[0].categories] == ["bribery"]
    with pytest.raises(CorrectionError, match="itself a revert"):
        revert_of(undo, "c")
    assert apply(c, [first, revert_of(first, "c")]) == (c, False)


def test_applied_items_carry_their_offsets_and_labels():
    c = case(1, TEXT, start=100)
    corr = new_correction(c, Changes(people=[PersonFix(name="李某")], amounts=[AmountFix(text="15万元", value=150000)],
                                     categories=["misappropriation"]), "a")
    fixed, _ = apply(c, [corr])
    p, a = fixed.people[0], fixed.amounts[0]
    assert TEXT[p.start - 100:p.end - 100] == "李某" and TEXT[a.start - 100:a.end - 100] == "15万元"
    assert fixed.total_amount == 150000 and fixed.categories[0].label == "截留挪用"


def test_attach_follows_a_case_whose_ordinal_shifted_or_text_changed():
    old = [case(1, OTHER), case(2, TEXT)]
    corr = new_correction(old[1], Changes(categories=["bribery"]), "a")
    # same text, now third: the fingerprint finds it
    moved = [case(1, "新增的一个案例文本，与其他案例都不相同。" * 3), case(2, OTHER), case(3, TEXT)]
    assert attach(moved, [corr]) == {corr.id: moved[2].id}
    # reworded a little: the closest text
    reworded = [case(1, OTHER), case(2, TEXT.replace("15万元", "15余万元"))]
    assert fingerprint(reworded[1].text) != corr.fingerprint
    assert attach(reworded, [corr]) == {corr.id: reworded[1].id}
    # whitespace only: the same fingerprint
    assert fingerprint(TEXT.replace("。", "。\n ")) == corr.fingerprint
    # gone: no case is close enough
    assert attach([case(1, OTHER)], [corr]) == {corr.id: ""}


def test_two_equal_texts_go_to_the_nearer_ordinal():
    same = [case(1, TEXT), case(2, OTHER), case(3, TEXT)]
    corr = new_correction(same[2], Changes(categories=["bribery"]), "a")
    assert attach(same, [corr]) == {corr.id: same[2].id}
    assert MATCH_THRESHOLD > 0.5


def test_correction_round_trips_as_json():
    corr = new_correction(case(1, TEXT), Changes(not_a_case=True), "分析员", note="通报摘要，不是案例")
    back = Correction.model_validate_json(corr.model_dump_json())
    assert back == corr and back.changes.fields() == ["not_a_case"] and back.at.endswith("+00:00")


def test_is_a_case_after_not_a_case_wins_as_the_later_entry():
    c = case(1, TEXT)
    out = new_correction(c, Changes(not_a_case=True), "a")
    back = new_correction(c, Changes(not_a_case=False), "b")
    assert apply(c, [out])[1] is True and apply(c, [out, back])[1] is False
