"""`leian search`, `show`, `similar`, `duplicates` on a store built from the bundled sample
notices: the options reach the store (each filter narrows the hits to cases that have the
value), JSON output is complete, and mistakes end in one line with their exit code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, ingest_quietly, run_leian

SAMPLES = REPO / "pipelines" / "samples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    return run_leian(capsys, *args)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    return ingest_quietly(str(tmp_path_factory.mktemp("cli") / "leian.db"), SAMPLES)


def total_amount(case: dict) -> float:
    """Case.total_amount from the case's JSON (the largest involved sum)."""
    from extractors.model import Case

    return Case.model_validate(case).total_amount


def search_json(capsys, store: str, *args: str) -> dict:
    code, out, err = run(capsys, "search", *args, "--store", store, "--json", "--size", "100")
    assert code == 0, err
    return json.loads(out)


def test_filters_narrow_to_cases_with_the_value(capsys, store):
    everything = search_json(capsys, store, "--all-copies")
    assert everything["total"] >= 10
    facets = everything["facets"]
    category = facets["category"][0]["value"]
    hits = search_json(capsys, store, "--all-copies", "--category", category)
    assert 0 < hits["total"] < everything["total"]
    assert hits["total"] == facets["category"][0]["count"]
    assert all(category in {c["code"] for c in h["case"]["categories"]} for h in hits["hits"])

    big = search_json(capsys, store, "--all-copies", "--min-amount", "5万")
    assert big["total"] > 0
    assert all(total_amount(h["case"]) >= 50000 for h in big["hits"])
    small = search_json(capsys, store, "--all-copies", "--max-amount", "49999")
    assert big["total"] + small["total"] == everything["total"]

    by_amount = search_json(capsys, store, "--all-copies", "--sort", "amount")
    amounts = [total_amount(h["case"]) for h in by_amount["hits"]]
    assert amounts == sorted(amounts, reverse=True)


def test_several_words_need_no_quotes(capsys, store):
    quoted = search_json(capsys, store, "村党支部书记 低保")
    code, out, err = run(capsys, "search", "村党支部书记", "低保", "--store", store, "--json", "--size", "100")
    assert code == 0, err
    assert json.loads(out)["total"] == quoted["total"] > 0
    code, out, _ = run(capsys, "search", "低保", "--store", store)
    first = out.splitlines()[0]
    data = search_json(capsys, store, "低保")
    assert data["cases"] > data["total"]  # the samples republish a 低保 case
    assert first.startswith(f"{data['total']} incidents ({data['cases']} cases with republished copies) match")


def test_text_query_and_human_output(capsys, store):
    data = search_json(capsys, store, "低保")
    assert data["total"] > 0
    assert all("低保" in h["case"]["text"] for h in data["hits"])
    code, out, _ = run(capsys, "search", "低保", "--store", store)
    assert code == 0 and f"{data['total']}" in out and "低保" in out


def test_synonyms_are_searched_and_said_and_exact_turns_them_off(capsys, store, tmp_path):
    # the samples say 公款吃喝 and 公款宴请: each finds the other's group, and says so
    data = search_json(capsys, store, "公款吃喝")
    assert data["total"] > 0 and data["also_searched"] == {"公款吃喝": ["违规吃喝", "大吃大喝", "公款宴请"]}
    code, out, _ = run(capsys, "search", "公款吃喝", "--store", store)
    assert code == 0 and "also searched: 违规吃喝, 大吃大喝, 公款宴请 (for 公款吃喝)" in out.splitlines()[1]
    code, out, _ = run(capsys, "search", "公款吃喝", "--exact", "--store", store)
    assert code == 0 and "also searched" not in out
    assert search_json(capsys, store, "公款吃喝", "--exact")["also_searched"] == {}
    # a notice that says only 大吃大喝 is found by 公款吃喝, not by 公款吃喝 --exact
    notice = tmp_path / "notices" / "town.txt"
    notice.parent.mkdir()
    notice.write_text("关于1起违反中央八项规定精神问题的通报\n一、某乡财政所所长孙某大吃大喝问题。2021年，孙某多次在辖区酒店"
                      "大吃大喝，费用由下属单位报销，共计1.2万元。孙某受到党内警告处分。\n", encoding="utf-8")
    own = str(tmp_path / "own.db")
    code, _, err = run(capsys, "ingest", str(notice.parent), "--store", own, "--quiet")
    assert code == 0, err
    assert search_json(capsys, own, "公款吃喝")["total"] == 1
    assert search_json(capsys, own, "公款吃喝", "--exact")["total"] == 0
    assert search_json(capsys, own, "-公款吃喝")["total"] == 0  # a negated word excludes its group
    assert search_json(capsys, own, "-公款吃喝", "--exact")["total"] == 1


def test_show_similar_and_duplicates(capsys, store):
    first = search_json(capsys, store, "低保")["hits"][0]["case"]["id"]
    code, out, err = run(capsys, "show", first, "--store", store, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert first in json.dumps(shown, ensure_ascii=False)
    code, out, err = run(capsys, "similar", first, "--store", store, "--json", "--k", "3")
    assert code == 0, err
    similar = json.loads(out)
    assert 0 < len(similar) <= 3 and all(s["case"]["id"] != first for s in similar)
    code, out, err = run(capsys, "duplicates", "--store", store, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


@pytest.mark.parametrize("args, code, says", [
    (["search", "低保", "--min-amount", "lots"], 2, "not an amount"),
    (["search", "低保", "--sort", "size"], 2, "--sort"),
    (["show", "no-such-case"], 5, "no-such-case"),
    (["search", "低保", "--category", "no_such_code"], 2, "false_claims"),  # says what is accepted
    (["search", "低保", "--domain", "nowhere"], 2, "subsistence_allowance"),
    (["search", "低保", "--sanction", "警告"], 2, "党内警告"),
    (["search", "低保", "--doc-type", "memo"], 2, "case_notice"),
    (["search", "低保", "--from", "2023-13"], 2, "not a date"),
    (["search", "低保", "--to", "2023-02-30"], 2, "not a date"),
    (["search", "低保", "-村医", "--sizes", "3"], 2, "no such option: --sizes"),
    (["summary", "--category", "false_claims", "-o", "out.pdf"], 2, ".docx, .md, .json or .xlsx"),
])
def test_mistakes_are_one_line_with_their_exit_code(capsys, store, args, code, says):
    got, out, err = run(capsys, *args, "--store", store)
    assert got == code
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and says in lines[0] and lines[0].startswith("leian: ")


def test_saved_class_takes_the_same_filter_options(capsys, store, tmp_path):
    code, out, err = run(capsys, "classes", "--save", "dibao-big", "--name", "低保大额", "--query", "低保",
                         "--min-amount", "1万", "--region", "平安县", "--store", store)
    assert code == 0, err
    saved = json.loads((Path(store).parent / "classes.json").read_text(encoding="utf-8"))
    entry = json.dumps(saved, ensure_ascii=False)
    assert "dibao-big" in entry and "10000" in entry and "平安县" in entry


def test_chinese_labels_filter_like_codes(capsys, store):
    by_code = search_json(capsys, store, "--all-copies", "--category", "false_claims", "--domain", "subsistence_allowance")
    by_label = search_json(capsys, store, "--all-copies", "--category", "虚报冒领", "--domain", "低保")
    assert by_code["total"] > 0 and by_label["total"] == by_code["total"]


def test_minus_word_excludes_without_eating_the_options_after_it(capsys, store):
    both = search_json(capsys, store, "--all-copies", "低保")
    without = search_json(capsys, store, "低保", "-优亲厚友", "--all-copies")
    assert without["total"] < both["total"]
    assert all("优亲厚友" not in h["case"]["text"] for h in without["hits"])


@pytest.mark.parametrize("command", [["search", "低保"], ["show", "x-001"], ["similar", "x-001"], ["duplicates"],
                                     ["classes"], ["summary", "--category", "false_claims", "-o", "s.docx"]])
def test_read_commands_do_not_create_a_store(capsys, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo" / "leian.db"
    code, out, err = run(capsys, *command, "--store", str(missing))
    assert code == 4 and f"no store at {missing}" in err
    assert not missing.exists() and not missing.parent.exists()


def test_eval_refuses_an_unknown_bound_field(capsys, tmp_path):
    code, out, err = run(capsys, "eval", str(tmp_path), "--min", "peoples=0.9")
    assert code == 2 and "people" in err


def test_show_calls_only_the_later_publication_a_copy(capsys, tmp_path):
    body = ("一、东山镇西岭村党支部书记张某某虚报冒领低保金问题。2019年至2021年，张某某利用职务便利，将3户不符合条件的亲属"
            "虚报为低保户，冒领低保金共计3.6万元。张某某受到党内严重警告处分。\n"
            "二、东山镇财政所所长李某某违规收受礼金问题。2020年春节期间，李某某收受管理服务对象所送礼金8000元。"
            "李某某受到党内警告处分。\n")
    later, earlier = tmp_path / "a-province-later.txt", tmp_path / "b-county-earlier.txt"
    later.write_text("某省纪委监委通报2起典型问题\n" + body + "某省纪委监委\n2024年3月1日\n", encoding="utf-8")
    earlier.write_text("某县纪委监委通报2起典型问题\n" + body + "某县纪委监委\n2023年6月1日\n", encoding="utf-8")
    store = str(tmp_path / "s.db")
    for f in (later, earlier):  # the later publication is ingested first (the incident's representative)
        assert run(capsys, "ingest", str(f), "--store", store, "--quiet")[0] == 0
    code, out, _ = run(capsys, "search", "西岭村", "--all-copies", "--json", "--store", store)
    ids = [h["case"]["id"] for h in json.loads(out)["hits"]]
    shows = {}
    for cid in ids:
        code, out, err = run(capsys, "show", cid, "--store", store, "--json")
        shows[cid] = json.loads(out)
    assert len(shows) == 2  # one incident, published twice
    firsts = {v["first_published"] for v in shows.values()}
    assert len(firsts) == 1
    [first_id] = firsts
    assert shows[first_id]["doc_date"] == "2023-06-01"
    for cid in shows:
        code, out, err = run(capsys, "show", cid, "--store", store)
        assert ("copy of:" in out) == (cid != first_id)
