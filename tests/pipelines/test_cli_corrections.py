"""`leian corrections add|list|revert|export` on a real ingested store: corrections change the
facets, survive re-ingestion of a changed file and the reindex flow, fail with one line and the
documented exit code, and export as gold files that check_gold.py accepts and `leian eval` scores."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from search.open import open_store
from tests.conftest import SHARED, ingest_quietly, run_leian

NOTICE = "ccdi-2018-mooncake-cases"  # two cases: 赵长文 (gifts, banquets), 胡吉祥 (allowances, …)


@pytest.fixture
def ingested(tmp_path, corpus_dir, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    src = shutil.copy(corpus_dir / f"{NOTICE}.txt", inbox / f"{NOTICE}.txt")
    store = ingest_quietly(str(tmp_path / "leian.db"), src)
    with open_store(store) as st:
        ids = sorted(c.id for c in st.iter_cases())
    assert len(ids) == 2
    capsys.readouterr()  # ingest's summary line
    return store, ids, inbox / f"{NOTICE}.txt"


def facets(capsys, store: str, field: str) -> dict[str, int]:
    code, out, err = run_leian(capsys, "search", "--store", store, "--json")
    assert code == 0, err
    return {f["value"]: f["count"] for f in json.loads(out)["facets"][field]}


def test_add_list_revert_change_the_facets(capsys, ingested):
    store, (first, second), _ = ingested
    before = facets(capsys, store, "category")
    assert "bribery" not in before and before["gifts"] == 1
    code, out, err = run_leian(capsys, "corrections", "add", first, "--store", store, "--user", "李分析",
                               "--categories", "bribery,违规收送礼品礼金", "--people", "赵长文:园区管委会工作人员",
                               "--sanctions", "党内警告:赵长文", "--note", "复核")
    assert code == 0, err
    assert f"of case {first} by 李分析" in out and "categories=bribery,gifts" in out
    after = facets(capsys, store, "category")
    assert after["bribery"] == 1 and after.get("banquets", 0) == before["banquets"] - 1
    code, out, err = run_leian(capsys, "corrections", "add", second, "--store", store, "--not-a-case",
                               "--user", "王审核")
    assert code == 0, err
    code, out, _ = run_leian(capsys, "search", "--store", store, "--json")
    assert [h["case"]["id"] for h in json.loads(out)["hits"]] == [first]
    code, out, _ = run_leian(capsys, "corrections", "list", "--store", store, "--json")
    history = json.loads(out)
    assert [(c["user"], c["attached_to"], c["active"]) for c in history] == [("李分析", first, True),
                                                                            ("王审核", second, True)]
    assert history[0]["note"] == "复核" and history[0]["at"]
    code, out, _ = run_leian(capsys, "corrections", "revert", history[1]["id"], "--store", store, "--user", "王审核")
    assert code == 0 and f"reverted {history[1]['id']}" in out
    code, out, _ = run_leian(capsys, "corrections", "list", second, "--store", store)
    assert "[reverted]" in out and "not a case" in out and f"revert of {history[1]['id']}" in out
    assert facets(capsys, store, "doc_type") == {"article": 2}


def test_changes_from_a_file(capsys, ingested, tmp_path):
    store, (first, _), _ = ingested
    spec = tmp_path / "fix.json"
    spec.write_text(json.dumps({"categories": ["official_cars"], "amounts": []}), encoding="utf-8")
    code, out, err = run_leian(capsys, "corrections", "add", first, "--from", str(spec), "--store", store, "-u", "a")
    assert code == 0, err
    with open_store(store) as st:
        case = st.get_case(first)
    assert [c.code for c in case.categories] == ["official_cars"] and case.amounts == []


@pytest.mark.parametrize("args, code, message", [
    (["--categories", "nope"], 2, "category 'nope' is not in the taxonomy"),
    (["--sanctions", "罚酒三杯"], 2, "sanction '罚酒三杯' is not a canonical label"),
    (["--people", "不存在的人"], 2, "person '不存在的人' does not occur in the text of case"),
    (["--amounts", "15万"], 2, "cannot read a sum of money; write it as TEXT=YUAN"),
    (["--amounts", "5万元=lots"], 2, "'lots' is not a number of yuan"),
    ([], 2, "the correction changes nothing"),
])
def test_bad_corrections_are_one_line_errors(capsys, ingested, args, code, message):
    store, (first, _), _ = ingested
    got, out, err = run_leian(capsys, "corrections", "add", first, "--store", store, "--user", "a", *args)
    assert got == code and message in err and len(err.strip().splitlines()) == 1, err
    with open_store(store) as st:
        assert st.corrections() == []


def test_unknown_case_and_correction_exit_5(capsys, ingested, tmp_path):
    store, _, _ = ingested
    code, _, err = run_leian(capsys, "corrections", "add", "0000000000000000-001", "--store", store,
                             "--not-a-case", "--user", "a")
    assert code == 5 and "no case 0000000000000000-001" in err
    code, _, err = run_leian(capsys, "corrections", "revert", "abcdef", "--store", store, "--user", "a")
    assert code == 5 and "no correction abcdef" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run_leian(capsys, "corrections", "add", "x", "--from", str(bad), "--store", store, "--user", "a")
    assert code == 2 and "bad.json: not a correction" in err


def test_corrections_survive_a_changed_file(capsys, ingested):
    store, (first, second), path = ingested
    assert run_leian(capsys, "corrections", "add", first, "--store", store, "--categories", "bribery", "-u", "a")[0] == 0
    assert run_leian(capsys, "corrections", "add", second, "--store", store, "--not-a-case", "-u", "a")[0] == 0
    path.write_text("（编者按：本文有删改）\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    ingest_quietly(store, path)
    capsys.readouterr()
    with open_store(store) as st:
        cases = list(st.iter_cases())
        history = st.corrections()
    assert len(cases) == 1 and cases[0].id != first and cases[0].text.startswith("1.收受")
    assert [c.code for c in cases[0].categories] == ["bribery"]
    assert {c.attached_to for c in history} == {cases[0].id, cases[0].id[:-3] + second[-3:]}
    code, out, _ = run_leian(capsys, "corrections", "list", "--unattached", "--store", store)
    assert code == 0 and out.strip() == "no corrections unattached"


@pytest.mark.prefect
def test_corrections_survive_the_reindex_flow(prefect_harness, ingested, capsys):
    from pipelines.flows.reindex import reindex

    store, (first, _), _ = ingested
    assert run_leian(capsys, "corrections", "add", first, "--store", store, "--categories", "bribery", "-u", "a")[0] == 0
    state = reindex(store=store, force=True, return_state=True)
    assert state.is_completed(), state.message
    assert state.result().updated == 1
    assert facets(capsys, store, "category")["bribery"] == 1
    with open_store(store) as st:
        assert [c.code for c in st.get_case(first).categories] == ["bribery"]


def test_export_is_gold_that_check_gold_accepts_and_eval_scores(capsys, ingested, tmp_path):
    store, (first, second), _ = ingested
    run_leian(capsys, "corrections", "add", first, "--store", store, "-u", "a", "--categories", "bribery",
              "--amounts", "")
    out_dir = tmp_path / "gold"
    code, out, err = run_leian(capsys, "corrections", "export", str(out_dir), "--store", store)
    assert code == 0, err
    assert out.strip() == "exported 1 documents (2 cases, 1 corrected)"
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{NOTICE}.gold.json", f"{NOTICE}.txt"]
    gold = json.loads((out_dir / f"{NOTICE}.gold.json").read_text(encoding="utf-8"))
    assert gold["doc_type"] == "article" and len(gold["cases"]) == 2
    assert gold["cases"][0]["categories"] == ["bribery"] and gold["cases"][0]["amounts"] == []
    with open_store(store) as st:
        assert gold["cases"][1]["categories"] == [c.code for c in st.get_case(second).categories]
    check = subprocess.run([sys.executable, str(SHARED / "eval" / "check_gold.py"), str(out_dir)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "1 documents, 2 cases, 0 problems" in check.stdout
    code, out, err = run_leian(capsys, "eval", str(out_dir))
    assert code == 0, err
    assert "1 documents" in out and "categories" in out
    # marking the second case not a case leaves it out of the gold
    run_leian(capsys, "corrections", "add", second, "--store", store, "-u", "a", "--not-a-case")
    run_leian(capsys, "corrections", "export", str(out_dir), "--store", store)
    gold = json.loads((out_dir / f"{NOTICE}.gold.json").read_text(encoding="utf-8"))
    assert len(gold["cases"]) == 1


def test_show_says_a_withheld_case_is_marked_not_a_case(capsys, ingested):
    store, (_, second), _ = ingested
    run_leian(capsys, "corrections", "add", second, "--store", store, "-u", "a", "--not-a-case")
    code, _, err = run_leian(capsys, "show", second, "--store", store)
    assert code == 5 and f"case {second} is marked not a case" in err
