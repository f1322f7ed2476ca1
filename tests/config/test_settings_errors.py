"""Bad settings end in one line naming the problem and exit code 3 — never a traceback, never a
silently empty store."""
from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import run_leian


def run(capsys, *args: str) -> tuple[int, str]:
    code, _, err = run_leian(capsys, *args)
    return code, err


@pytest.mark.parametrize("content, expected", [
    (b"store: [unclosed\n", "not valid YAML at line"),
    (b"store: \xb5\xcd\xb1\xa3.db\n", "not UTF-8"),
    (b"max_workers: lots\n", "max_workers"),
    (b"store: 12345\n", "store"),
    (b"stroe: cases.db\n", "did you mean 'store'"),
    (b"- a\n- b\n", "mapping of settings"),
])
def test_bad_config_file(tmp_path, monkeypatch, capsys, content, expected):
    cfg = tmp_path / "leian.yaml"
    cfg.write_bytes(content)
    monkeypatch.setenv("LEIAN_CONFIG", str(cfg))
    code, err = run(capsys, "search", "低保")
    assert code == 3
    assert expected in err and str(cfg) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("target, expected", [("missing.yaml", "does not exist"), (".", "is a directory")])
def test_leian_config_naming_nothing_usable(tmp_path, monkeypatch, capsys, target, expected):
    monkeypatch.setenv("LEIAN_CONFIG", str(tmp_path / target))
    code, err = run(capsys, "search", "低保")
    assert code == 3 and expected in err


@pytest.mark.parametrize("location, expected", [
    ("HTTP://127.0.0.1:9200", "lower case"),
    (" http://127.0.0.1:9200", "spaces"),
    ("ftp://example.org/x", "http:// or https://"),
    ("127.0.0.1:9200", "looks like host:port"),
    ("http://127.0.0.1:99999", "port is not a number from 1 to 65535"),
])
def test_mistyped_store_location_is_refused(tmp_path, monkeypatch, capsys, location, expected):
    monkeypatch.chdir(tmp_path)
    code, err = run(capsys, "search", "低保", "--store", location)
    assert code == 3 and expected in err
    assert list(tmp_path.iterdir()) == []  # no store file was created anywhere


def test_store_location_from_environment_is_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LEIAN_STORE", "ftp://x")
    code, err = run(capsys, "search", "低保")
    assert code == 3 and "ftp://x" in err


def test_foreign_sqlite_file_is_not_written_into(tmp_path, capsys):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE accounts(id INTEGER)")
    con.commit()
    con.close()
    code, err = run(capsys, "search", "低保", "--store", str(db))
    assert code == 4 and "another program" in err
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["accounts"]
    con.close()


def test_show_without_an_id_and_summary_into_a_directory(tmp_path, capsys):
    store = str(tmp_path / "s.db")
    code, err = run(capsys, "show", "", "--store", store)
    assert code == 2 and "case id is needed" in err
    code, err = run(capsys, "summary", "--category", "false_claims", "-o", str(tmp_path), "--store", store)
    assert code == 2 and "is a directory" in err and "Traceback" not in err
