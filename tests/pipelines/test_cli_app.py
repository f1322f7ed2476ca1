"""The settings of a `leian` invocation (pipelines/cli_app.py): read once per invocation when a
command first needs them, passed down from the command — never a process-wide cache, so two
invocations in one process each honour their own LEIAN_* environment."""
from __future__ import annotations

import json

from tests.conftest import run_leian

NOTICE = ("某镇村党支部书记李某虚报冒领低保金问题。2020年5月至2021年8月，李某利用职务便利，"
          "虚报冒领低保金3.2万元。李某受到撤销党内职务处分，违纪所得已被收缴。\n") * 20


def test_two_invocations_in_one_process_each_read_their_own_settings(tmp_path, monkeypatch, capsys):
    store = tmp_path / "data" / "leian.db"
    for name in ("first", "second"):
        target = tmp_path / name / "classes.json"
        monkeypatch.setenv("LEIAN_CLASSES", str(target))
        code, out, err = run_leian(capsys, "classes", "--save", name, "--name", name, "--query", "低保",
                                   "--store", str(store))
        assert code == 0, err
        assert str(target) in out and json.loads(target.read_text(encoding="utf-8"))
    # each class went to the file its own invocation's settings named, and only there
    assert "second" not in (tmp_path / "first" / "classes.json").read_text(encoding="utf-8")
    assert "first" not in (tmp_path / "second" / "classes.json").read_text(encoding="utf-8")


def test_read_limits_come_from_the_invocations_settings(tmp_path, monkeypatch, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")  # ~3 KB
    monkeypatch.setenv("LEIAN_READ_MAX_MB", "0.001")  # 1 KB
    code, out, err = run_leian(capsys, "extract", str(notice), "--json")
    assert code == 2 and "too large" in err and str(notice) in err
    monkeypatch.delenv("LEIAN_READ_MAX_MB")
    code, out, err = run_leian(capsys, "extract", str(notice), "--json")
    assert code == 0, err
    assert json.loads(out)["cases"]


def test_bad_settings_stop_only_the_commands_that_need_them(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEIAN_MAX_WORKERS", "lots")
    code, out, err = run_leian(capsys, "codes", "--help")
    assert code == 0 and "Usage" in out
    code, out, err = run_leian(capsys, "ledger", "--store", str(tmp_path / "x.db"))
    assert code == 3 and "max_workers" in err and err.count("\n") == 1


def test_the_store_option_is_checked_and_overrides_the_settings(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEIAN_STORE", str(tmp_path / "from-env.db"))
    code, out, err = run_leian(capsys, "ledger", "--store", "HTTP://127.0.0.1:9200")
    assert code == 3 and "http://" in err
    code, out, err = run_leian(capsys, "ledger", "--store", str(tmp_path / "nothing.db"))
    assert code == 4 and "nothing.db" in err and "from-env" not in err
