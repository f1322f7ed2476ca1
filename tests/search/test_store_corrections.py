"""Corrections on every backend (the `store` fixture of conftest.py): a correction overrides
the extraction in search hits, filters, facets, classes and summaries; "not a case" withholds a
case and a revert brings it back; corrections survive the document being stored again, follow
a changed file at the same path, and are reported, not dropped, when no case matches."""
from __future__ import annotations

import pytest

from config.errors import CorrectionError, UnknownCorrection
from search.classes import ClassDef
from search.corrections import AmountFix, Changes, PersonFix, SanctionFix
from search.store import Filters, SearchQuery
from search.summary import summarize
from tests.search.test_store_conformance import A1, A2, A3, cid, corpus, find, loaded, mk_doc, settle  # noqa: F401

A = cid("a", 3)  # 县交通运输局副局长王某违规公款吃喝问题 (banquets, 8600元, 党内警告)


def facet(store, field: str, **kw) -> dict[str, int]:
    res = store.search(SearchQuery(filters=Filters(**kw), size=0))
    return {f.value: f.count for f in res.facets[field]}


def correct(store, case_id: str, user: str = "analyst", **changes):
    c = store.add_correction(case_id, Changes(**changes), user)
    settle(store)
    return c


def test_correction_overrides_hits_filters_and_facets(loaded):
    before = facet(loaded, "category")
    assert before["banquets"] == 1 and before["bribery"] == 1
    c = correct(loaded, A, categories=["bribery", "违规收送礼品礼金"], sanctions=[SanctionFix(label="诫勉", person="王某")],
                amounts=[AmountFix(text="8600元", value=86000)])
    assert c.user == "analyst" and c.at and c.changes.categories == ["bribery", "gifts"]  # labels become codes
    after = facet(loaded, "category")
    assert "banquets" not in after
    assert after["bribery"] == before["bribery"] + 1 and after["gifts"] == before["gifts"] + 1
    assert facet(loaded, "sanction")["诫勉"] == 2 and "党内警告" not in facet(loaded, "sanction")
    assert A in find(loaded, category=["bribery"]) and A not in find(loaded, category=["banquets"])
    assert A in find(loaded, amount_min=80000)
    case = loaded.get_case(A)
    assert [k.code for k in case.categories] == ["bribery", "gifts"] and case.total_amount == 86000
    assert [k.code for k in loaded.get_document("a" * 64).cases[2].categories] == ["bribery", "gifts"]
    hit = next(h for h in loaded.search(SearchQuery(text="公款宴请")).hits if h.case.id == A)
    assert [s.label for s in hit.case.sanctions] == ["诫勉"]
    # the extraction is kept apart: the case's state shows both
    state = loaded.case_state(A)
    assert [k.code for k in state.extracted.categories] == ["banquets"] and not state.not_a_case
    assert [h.id for h in state.history] == [c.id]


def test_correction_changes_a_summary(loaded):
    cd = ClassDef(id="t", name="虚报冒领", kind="category", category="false_claims")

    def money():
        cases = list(loaded.iter_cases(Filters(category=["false_claims"])))
        return summarize(loaded, cd, cases).money.total.value

    assert money() == 32000  # two copies of one incident: counted once
    correct(loaded, cid("a", 1), amounts=[AmountFix(text="3.2万元", value=320000)])
    correct(loaded, cid("b", 1), amounts=[AmountFix(text="3.2万元", value=320000)])
    assert money() == 320000
    correct(loaded, A, categories=["false_claims"], amounts=[AmountFix(text="8600元", value=8600)])
    assert money() == 328600
    summary = summarize(loaded, cd, list(loaded.iter_cases(Filters(category=["false_claims"]))))
    assert A in summary.money.case_ids


def test_not_a_case_withholds_and_revert_restores(loaded):
    total = loaded.count_cases()
    mark = correct(loaded, cid("d", 1), not_a_case=True)
    assert loaded.count_cases() == total - 1
    assert cid("d", 1) not in find(loaded) and "formalism" not in facet(loaded, "category")
    assert loaded.get_case(cid("d", 1)) is None
    assert cid("d", 1) not in {c.id for c in loaded.iter_cases()}
    assert loaded.get_document("d" * 64).cases == []
    state = loaded.case_state(cid("d", 1))  # still there, for undo
    assert state.not_a_case and state.extracted.id == cid("d", 1)
    loaded.revert_correction(mark.id, "reviewer")
    settle(loaded)
    assert loaded.count_cases() == total and facet(loaded, "category")["formalism"] == 1
    assert cid("d", 1) in find(loaded, category=["formalism"])
    with pytest.raises(CorrectionError):
        loaded.revert_correction(mark.id, "reviewer")


def test_latest_per_field_wins_and_revert_falls_back(loaded):
    first = correct(loaded, A, categories=["bribery"], people=[PersonFix(name="王某", position="副局长")])
    second = correct(loaded, A, categories=["gifts"])
    case = loaded.get_case(A)
    assert [k.code for k in case.categories] == ["gifts"] and case.people[0].position == "副局长"
    loaded.revert_correction(second.id, "analyst")
    settle(loaded)
    assert [k.code for k in loaded.get_case(A).categories] == ["bribery"]
    loaded.revert_correction(first.id, "analyst")
    settle(loaded)
    case = loaded.get_case(A)
    assert [k.code for k in case.categories] == ["banquets"] and case.people[0].position == "县交通运输局副局长"
    history = loaded.corrections(A)
    assert len(history) == 4 and sum(1 for c in history if c.reverts) == 2
    assert facet(loaded, "category")["banquets"] == 1


def test_corrections_are_checked(loaded):
    for bad in (dict(categories=["no_such_code"]), dict(sanctions=[SanctionFix(label="罚站")]),
                dict(people=[PersonFix(name="不在文中")]), dict(people=[PersonFix(name=" ")]),
                dict(amounts=[AmountFix(text="99元", value=99)]), {}):
        with pytest.raises(CorrectionError):
            loaded.add_correction(A, Changes(**bad), "analyst")
    with pytest.raises(UnknownCorrection):
        loaded.add_correction("nosuch-001", Changes(not_a_case=True), "analyst")
    with pytest.raises(UnknownCorrection):
        loaded.revert_correction("nosuch", "analyst")
    assert loaded.corrections() == []


def test_corrections_survive_storing_the_document_again(loaded):
    correct(loaded, A, categories=["bribery"])
    correct(loaded, cid("a", 2), not_a_case=True)
    doc = next(d for d in corpus() if d.id == "a" * 64)
    loaded.put_document(doc)  # re-ingestion / re-extraction of the same file
    settle(loaded)
    assert [k.code for k in loaded.get_case(A).categories] == ["bribery"]
    assert loaded.get_case(cid("a", 2)) is None and "misappropriation" not in facet(loaded, "category")
    assert facet(loaded, "category")["bribery"] == 2
    check = getattr(loaded, "integrity_check", None)
    assert check is None or check() == []


def test_corrections_survive_a_reindex(loaded):
    """`leian reindex` (Elasticsearch: a new index version from the stored cases) or, on the
    embedded store, what the reindex flow does: every document stored again as extracted."""
    correct(loaded, A, categories=["bribery"], amounts=[AmountFix(text="8600元", value=86000)])
    correct(loaded, cid("a", 2), not_a_case=True)
    rebuild = getattr(loaded, "reindex", None)
    if callable(rebuild):
        rebuild()
    else:
        loaded.put_documents(corpus())
    settle(loaded)
    assert [k.code for k in loaded.get_case(A).categories] == ["bribery"] and loaded.get_case(A).total_amount == 86000
    assert loaded.get_case(cid("a", 2)) is None and loaded.count_cases() == 7
    assert A in find(loaded, amount_min=80000) and facet(loaded, "category")["bribery"] == 2
    assert [k.code for k in loaded.case_state(A).extracted.categories] == ["banquets"]


def test_corrections_follow_a_changed_file_and_shifted_cases(loaded):
    correct(loaded, A, categories=["bribery"])
    correct(loaded, cid("a", 1), not_a_case=True)
    # the file at the same path changed: a new case first, the old ones shifted and one reworded
    new = mk_doc("e", "/notices/county-2019.txt", "case_notice", "2019-09-02", "平安县纪委监委通报4起典型问题", [
        ("县林业局干部孙某违规收受礼品问题。2019年春节，孙某收受管理对象所送购物卡2000元。孙某受到诫勉处理。",
         dict(cats=["gifts"])),
        (A1, dict(cats=["false_claims"])), (A2, dict(cats=["misappropriation"])),
        (A3.replace("花费8600元。", "花费8600余元。"), dict(cats=["banquets"])),
    ])
    loaded.put_document(new)
    settle(loaded)
    assert loaded.get_document("a" * 64) is None
    moved = case_of(new, 4)
    assert [k.code for k in loaded.get_case(moved).categories] == ["bribery"]
    assert loaded.get_case(case_of(new, 2)) is None  # A1 still not a case, now ordinal 2
    assert {c.attached_to for c in loaded.corrections()} == {moved, case_of(new, 2)}
    assert all(c.attached_doc == "e" * 64 for c in loaded.corrections())


def test_a_correction_no_case_matches_is_kept_unattached(loaded, caplog):
    c = correct(loaded, A, categories=["bribery"])
    shorter = mk_doc("f", "/notices/county-2019.txt", "case_notice", "2019-09-03", "通报", [
        (A1, dict(cats=["false_claims"])), (A2, dict(cats=["misappropriation"]))])
    with caplog.at_level("WARNING", logger="search.corrections"):
        loaded.put_document(shorter)
    assert f"correction {c.id} of case {A} (by analyst) matches no case of /notices/county-2019.txt" in caplog.text
    settle(loaded)
    [kept] = loaded.corrections()
    assert kept.id == c.id and kept.attached_to == "" and kept.case_id == A
    assert facet(loaded, "category").get("bribery") == 1  # only the provincial case's own


def case_of(doc, n: int) -> str:
    return doc.cases[n - 1].id


def test_a_copy_of_the_store_keeps_corrections_and_extractions(store, tmp_path):
    """copy_store (leian migrate) both ways between this backend and an embedded store: the
    history, the extracted cases (a withheld one too) and the corrected view all arrive."""
    from search.backends.sqlite.store import SqliteStore
    from search.migrate import copy_store

    with SqliteStore(tmp_path / "src.db") as src:
        for doc in corpus():
            src.put_document(doc)
        correct(src, A, categories=["bribery"])
        mark = correct(src, cid("d", 1), not_a_case=True)
        report = copy_store(src, store)
        settle(store)
        assert report.corrections == 2 and report.cases == 8
        assert {c.id for c in store.corrections()} == {c.id for c in src.corrections()}
        assert [k.code for k in store.get_case(A).categories] == ["bribery"]
        assert store.get_case(cid("d", 1)) is None and store.count_cases() == 7
        assert [k.code for k in store.case_state(A).extracted.categories] == ["banquets"]
        store.revert_correction(mark.id, "analyst")  # the withheld case's extraction came along
        settle(store)
        assert store.get_case(cid("d", 1)) is not None
    with SqliteStore(tmp_path / "back.db") as back:
        copy_store(store, back)
        assert [k.code for k in back.case_state(A).extracted.categories] == ["banquets"]
        assert [k.code for k in back.get_case(A).categories] == ["bribery"] and back.count_cases() == 8


def test_a_deleted_document_keeps_its_corrections_for_when_it_comes_back(loaded):
    c = correct(loaded, A, categories=["bribery"])
    loaded.delete_document("/notices/county-2019.txt")
    settle(loaded)
    [kept] = loaded.corrections()
    assert kept.id == c.id and kept.attached_to == "" and loaded.case_state(A) is None
    loaded.put_document(next(d for d in corpus() if d.id == "a" * 64))
    settle(loaded)
    assert loaded.corrections()[0].attached_to == A
    assert [k.code for k in loaded.get_case(A).categories] == ["bribery"]
