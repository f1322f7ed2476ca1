"""`leian search … --format csv|xlsx -o FILE` and `leian classes --class ID -o FILE`: the files
are read back (csv module, openpyxl) — every matching case is a row, headers are Chinese, the
XLSX header row is frozen, formula-looking text stays text; and `--sort date` shows its date."""
from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest

from pipelines.export import HEADERS
from tests.conftest import REPO, ingest_quietly, run_leian

SAMPLES = REPO / "pipelines" / "samples"
EVIL = ('=HYPERLINK("http://evil.example/x","点击查看")关于1起虚报冒领问题的通报\n'
        '一、某镇村党支部书记李某虚报冒领低保金问题。2020年5月至2021年8月，李某利用职务便利，'
        '虚报冒领低保金3.2万元。李某受到撤销党内职务处分，违纪所得已被收缴。\n')


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    return ingest_quietly(str(tmp_path_factory.mktemp("export") / "leian.db"), SAMPLES)


@pytest.fixture(scope="module")
def evil_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("evil")
    (folder / "in").mkdir()
    (folder / "in" / "evil.txt").write_text(EVIL, encoding="utf-8")
    return ingest_quietly(str(folder / "leian.db"), folder / "in")


def search_json(capsys, store: str, *args: str) -> dict:
    code, out, err = run_leian(capsys, "search", *args, "--store", store, "--json", "--size", "1000")
    assert code == 0, err
    return json.loads(out)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM (Excel reads it as Chinese)"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_holds_every_matching_case_with_chinese_headers(capsys, store, tmp_path, monkeypatch):
    import pipelines.export as export

    monkeypatch.setattr(export, "PAGE_SIZE", 4)  # several pages: all of them are exported, not one
    expected = search_json(capsys, store, "--all-copies")
    out = tmp_path / "all.csv"
    code, stdout, err = run_leian(capsys, "search", "--all-copies", "--size", "2", "--store", store, "-o", str(out))
    assert code == 0, err
    assert f"exported {expected['total']} cases" in stdout
    rows = read_csv(out)
    assert tuple(rows[0]) == HEADERS and rows[0][0] == "案例编号"
    assert [r[0] for r in rows[1:]] == [h["case"]["id"] for h in expected["hits"]]  # same cases, same order
    assert all(len(r) == len(HEADERS) for r in rows)
    first = expected["hits"][0]
    assert rows[1][HEADERS.index("日期")] == first["date"]
    assert rows[1][HEADERS.index("来源文件")] == first["doc_path"]

    filtered = search_json(capsys, store, "低保", "--category", "false_claims")  # collapsed, as listed
    code, stdout, err = run_leian(capsys, "search", "低保", "--category", "false_claims", "--store", store,
                                  "--format", "csv", "-o", str(tmp_path / "dibao.txt"))
    assert code == 0, err
    assert [r[0] for r in read_csv(tmp_path / "dibao.txt")[1:]] == [h["case"]["id"] for h in filtered["hits"]]


def test_xlsx_has_chinese_headers_a_frozen_header_row_and_widths(capsys, store, tmp_path):
    from openpyxl import load_workbook

    expected = search_json(capsys, store)
    out = tmp_path / "cases.xlsx"
    code, stdout, err = run_leian(capsys, "search", "--sort", "date", "--store", store, "-o", str(out))
    assert code == 0, err
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert len(rows) - 1 == expected["total"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width >= 30 and ws.column_dimensions["K"].width >= 60
    dates = [r[HEADERS.index("日期")] or "" for r in rows[1:]]
    assert dates == sorted(dates, reverse=True)  # in the order the search sorted them
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row if c.value is not None)


def test_formula_looking_text_is_exported_as_text(capsys, evil_store, tmp_path):
    from openpyxl import load_workbook

    code, _, err = run_leian(capsys, "search", "--store", evil_store, "-o", str(tmp_path / "e.csv"))
    assert code == 0, err
    rows = read_csv(tmp_path / "e.csv")
    text = rows[1][HEADERS.index("案情")]
    assert text.startswith("'=HYPERLINK(") and '"http://evil.example/x"' in text
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    code, _, err = run_leian(capsys, "search", "--store", evil_store, "-o", str(tmp_path / "e.xlsx"))
    assert code == 0, err
    cell = load_workbook(tmp_path / "e.xlsx").active.cell(row=2, column=HEADERS.index("案情") + 1)
    assert cell.data_type == "s" and cell.value.startswith('=HYPERLINK("http://evil.example/x"')
    with zipfile.ZipFile(tmp_path / "e.xlsx") as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(r"<f[ >]", s) for s in sheets), "no formula may be written"


def test_existing_file_is_replaced_and_said(capsys, store, tmp_path):
    out = tmp_path / "x.csv"
    out.write_text("old", encoding="utf-8")
    code, _, err = run_leian(capsys, "search", "--store", store, "-o", str(out))
    assert code == 0
    assert "existed and was replaced" in err
    assert read_csv(out)[0][0] == "案例编号"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]  # no temporary file left


@pytest.mark.parametrize("args, says", [
    (["-o", "{tmp}"], "is a directory"),
    (["-o", "{tmp}/missing/x.csv"], "cannot write"),
    (["-o", "{tmp}/x.pdf"], "--format csv or --format xlsx"),
    (["--format", "xlsx"], "needs -o FILE"),
    (["--format", "pdf", "-o", "{tmp}/x.pdf"], "must be csv or xlsx"),
])
def test_bad_output_is_one_line_exit_2(capsys, store, tmp_path, args, says):
    code, out, err = run_leian(capsys, "search", "--store", store, *[a.format(tmp=tmp_path) for a in args])
    assert code == 2
    assert says in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.part")) and not (tmp_path / "x.pdf").exists()


def test_export_stops_at_the_bound_and_says_so(capsys, store, tmp_path, monkeypatch):
    import pipelines.export as export

    monkeypatch.setattr(export, "MAX_EXPORT_ROWS", 3)
    code, out, err = run_leian(capsys, "search", "--all-copies", "--store", store, "-o", str(tmp_path / "c.csv"))
    assert code == 0, err
    assert len(read_csv(tmp_path / "c.csv")) == 1 + 3
    assert "only the first 3 were exported" in err


def test_classes_exports_the_cases_of_a_class(capsys, store, tmp_path):
    from openpyxl import load_workbook

    expected = search_json(capsys, store, "--all-copies", "--category", "false_claims")
    out = tmp_path / "class.xlsx"
    code, stdout, err = run_leian(capsys, "classes", "--class", "false_claims", "--store", store, "-o", str(out))
    assert code == 0, err
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADERS and ws.freeze_panes == "A2"
    assert sorted(r[0] for r in rows[1:]) == sorted(h["case"]["id"] for h in expected["hits"])
    assert all("虚报冒领" in r[HEADERS.index("问题类别")] for r in rows[1:])

    code, _, err = run_leian(capsys, "classes", "--class", "false_claims", "--store", store)
    assert code == 2 and "-o FILE" in err
    code, _, err = run_leian(capsys, "classes", "--class", "nope", "--store", store, "-o", str(tmp_path / "n.csv"))
    assert code == 5 and "no class" in err


def test_sort_date_shows_the_date_it_sorted_by(capsys, store):
    res = search_json(capsys, store, "--sort", "date", "--all-copies")
    dates = [h["date"] for h in res["hits"]]
    assert all(dates) and dates == sorted(dates, reverse=True)
    code, out, err = run_leian(capsys, "search", "--sort", "date", "--all-copies", "--size", "5", "--store", store)
    assert code == 0, err
    lines = [line for line in out.splitlines() if re.match(r"\s+\d+\. ", line)]
    assert [re.search(r"date (\S+)", line).group(1) for line in lines] == dates[:5]
