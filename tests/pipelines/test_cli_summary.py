"""`leian classes` and `leian summary` on a real embedded store, as an analyst runs them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from tests.conftest import REPO
from tests.search.class_cases import LOWBAO_A, LOWBAO_B, LOWBAO_C, documents

runner = CliRunner()


@pytest.fixture
def store_path(tmp_path) -> str:
    from search.backends.sqlite.store import SqliteStore

    path = tmp_path / "data" / "leian.db"
    with SqliteStore(path) as st:
        for d in documents():
            st.put_document(d)
    return str(path)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=300)


def test_classes_lists_categories_and_clusters(store_path):
    res = runner.invoke(app, ["classes", "--store", store_path, "--json", "--threshold", "0.2"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["cases"], data["incidents"]) == (9, 8)
    cats = {c["id"]: c for c in data["categories"]}
    assert cats["false_claims"]["incidents"] == 4 and cats["false_claims"]["cases"] == 5
    assert data["clusters"] and all(c["id"].startswith("k") and len(c["case_ids"]) >= 2 for c in data["clusters"])
    plain = runner.invoke(app, ["classes", "--store", store_path])
    assert plain.exit_code == 0
    assert "false_claims\t4\t5\t虚报冒领\t" in plain.output


def test_saved_class_round_trip_and_its_summary(store_path, tmp_path):
    res = runner.invoke(app, ["classes", "--store", store_path, "--save", "hubei-dibao", "--name", "湖北低保问题",
                              "--query", "低保", "--region", "湖北省"])
    assert res.exit_code == 0, res.output
    assert (Path(store_path).parent / "classes.json").exists()
    listed = json.loads(runner.invoke(app, ["classes", "--store", store_path, "--json"]).output)
    assert [(c["id"], c["incidents"]) for c in listed["saved"]] == [("hubei-dibao", 2)]
    out = tmp_path / "hubei.json"
    res = runner.invoke(app, ["summary", "--class", "hubei-dibao", "--store", store_path, "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["class_def"]["name"] == "湖北低保问题" and data["scope"]["incidents"] == 2
    res = runner.invoke(app, ["classes", "--store", store_path, "--delete", "hubei-dibao"])
    assert res.exit_code == 0
    assert json.loads(runner.invoke(app, ["classes", "--store", store_path, "--json"]).output)["saved"] == []


def test_summary_by_category_in_every_format(store_path, tmp_path):
    from docx import Document as open_docx

    for name, fmt in (("c.json", None), ("c.md", None), ("c.docx", None), ("c.out", "json")):
        args = ["summary", "--category", "false_claims", "--store", store_path, "-o", str(tmp_path / name)]
        res = runner.invoke(app, args + (["--format", fmt] if fmt else []))
        assert res.exit_code == 0, res.output
        assert "4 incidents (5 cases, 2 documents)" in res.output
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data == json.loads((tmp_path / "c.out").read_text(encoding="utf-8")) | {"generated_at": data["generated_at"]}
    assert data["money"]["total"]["value"] == 32000 + 86000 + 24000 + 15000
    assert "# 虚报冒领类案分析与整改建议" in (tmp_path / "c.md").read_text(encoding="utf-8")
    assert (tmp_path / "c.assets" / "categories.png").exists()
    doc = open_docx(str(tmp_path / "c.docx"))
    assert doc.paragraphs[0].text == "虚报冒领类案分析与整改建议" and len(doc.inline_shapes) == 2


def test_summary_of_a_cluster_and_of_a_query_with_filters(store_path, tmp_path):
    listed = json.loads(runner.invoke(app, ["classes", "--store", store_path, "--json", "--threshold", "0.2"]).output)
    cluster = listed["clusters"][0]
    out = tmp_path / "k.json"
    res = runner.invoke(app, ["summary", "--class", cluster["id"], "--threshold", "0.2", "--store", store_path,
                              "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["scope"]["case_ids"] == cluster["case_ids"]
    out = tmp_path / "q.json"
    res = runner.invoke(app, ["summary", "--query", "低保", "--min-amount", "2万", "--store", store_path, "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(a["value"] >= 20000 for a in data["money"]["per_case"]) and data["money"]["cases_with_amount"] == 3


def test_usage_errors_are_one_line_with_an_exit_code(store_path, tmp_path):
    out = str(tmp_path / "x.json")
    for args, code, words in (
        (["summary", "-o", out], 2, "exactly one of"),
        (["summary", "--query", "低保", "--category", "false_claims", "-o", out], 2, "exactly one of"),
        (["summary", "--category", "no_such", "-o", out], 2, "unknown category"),
        (["summary", "--class", "nope", "-o", out], 5, "no class 'nope'"),
        (["summary", "--category", "false_claims", "--format", "pdf", "-o", out], 2, "--format"),
    ):
        res = _run(*args, "--store", store_path)
        assert res.returncode == code, (args, res.stderr)
        assert words in res.stderr and res.stderr.strip().count("\n") == 0, res.stderr
    assert not Path(out).exists()


def test_help_texts_end_with_an_example():
    for cmd in ("classes", "summary"):
        res = runner.invoke(app, [cmd, "--help"], terminal_width=200)
        assert res.exit_code == 0
        assert "Example: leian " + cmd in res.output


def test_summary_after_a_real_ingest(tmp_path):
    """Files through `leian ingest` (the real extraction, whatever it finds) into a summary
    whose figures agree with the cases the store holds."""
    from search.backends.sqlite.store import SqliteStore

    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "county.txt").write_text("关于群众身边腐败问题典型案例的通报\n" + "\n".join(
        x["text"] for x in (LOWBAO_A, LOWBAO_B, LOWBAO_C)), encoding="utf-8")
    (folder / "province.txt").write_text("省纪委监委通报低保领域问题\n" + LOWBAO_B["text"], encoding="gb18030")
    db = str(tmp_path / "data" / "leian.db")
    res = _run("ingest", str(folder), "--store", db, "--quiet")
    assert res.returncode == 0, res.stderr
    out = tmp_path / "lowbao.json"
    res = runner.invoke(app, ["summary", "--query", "低保", "--store", db, "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    with SqliteStore(db) as st:
        cases = {cid: st.get_case(cid) for cid in data["scope"]["case_ids"]}
    assert data["scope"]["cases"] == len(cases) >= 2 and all(cases.values())
    assert data["scope"]["documents"] == 2
    totals = [cases[cid].total_amount for cid in data["money"]["total"]["case_ids"]]
    assert data["money"]["total"]["value"] == pytest.approx(sum(totals))
    assert {d["file"] for d in data["documents"]} == {"county.txt", "province.txt"}  # never the folder
    assert str(tmp_path) not in out.read_text(encoding="utf-8")


def test_summary_workbook_gives_every_figure_with_its_cases(store_path, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "虚报冒领.xlsx"
    res = runner.invoke(app, ["summary", "--category", "false_claims", "--store", store_path, "-o", str(out)])
    assert res.exit_code == 0, res.output
    data_res = runner.invoke(app, ["summary", "--category", "false_claims", "--store", store_path,
                                   "-o", str(tmp_path / "s.json")])
    assert data_res.exit_code == 0
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    wb = load_workbook(out)
    assert wb.sheetnames == ["概况", "量纪参考", "处理先例", "典型案例", "整改建议", "来源文件"]
    rows = {r[0]: r for r in wb["概况"].iter_rows(min_row=2, values_only=True)}
    total = rows["涉案金额合计"]
    assert total[1] == data["money"]["total"]["value"] == 32000 + 86000 + 24000 + 15000
    assert set(total[3].split("、")) == set(data["money"]["total"]["case_ids"])
    assert rows["事件（同一事件的多次发布计一起）"][1] == data["scope"]["incidents"] == 4
    precedents = list(wb["处理先例"].iter_rows(min_row=2, values_only=True))
    assert len(precedents) == len(data["sanctions"]["precedents"])
    assert wb["概况"].freeze_panes == "A2"


def test_workbook_cells_are_text_never_formulas(tmp_path):
    from openpyxl import Workbook, load_workbook

    from search.reports.xlsx import add_sheet

    wb = Workbook(write_only=True)
    add_sheet(wb, "s", (("a", 10), ("b", 10)), [("=HYPERLINK(\"http://x\")", "@SUM(A1)\x07"), (3.5, "-2+3")])
    wb.save(tmp_path / "x.xlsx")
    ws = load_workbook(tmp_path / "x.xlsx")["s"]
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [
        ['=HYPERLINK("http://x")', "@SUM(A1)"], [3.5, "-2+3"]]
    assert all(c.data_type in ("s", "n") for r in ws.iter_rows(min_row=2) for c in r)
