"""The settings object carries what used to be read from the environment in place: where a
store's side files and saved classes live (LEIAN_DATA_DIR, LEIAN_CLASSES) and the log level."""
from __future__ import annotations

from pathlib import Path

import pytest

from config.errors import ConfigError
from config.settings import Settings, load_settings
from tests.conftest import run_leian


def test_side_files_sit_beside_an_embedded_store_and_in_data_dir_for_a_server(tmp_path):
    s = Settings(store=str(tmp_path / "db" / "leian.db"), data_dir=str(tmp_path / "side"))
    assert s.side_dir() == (tmp_path / "db").resolve()
    assert s.classes_file() == tmp_path / "db" / "classes.json"
    assert s.side_dir("http://127.0.0.1:9200") == tmp_path / "side"
    assert s.classes_file("http://127.0.0.1:9200") == tmp_path / "side" / "classes.json"
    assert Settings().classes_file("http://127.0.0.1:9200") == Path("leian-data/classes.json")


def test_environment_names_the_classes_file_data_dir_and_log_level(tmp_path, monkeypatch):
    monkeypatch.setenv("LEIAN_CLASSES", str(tmp_path / "mine.json"))
    monkeypatch.setenv("LEIAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LEIAN_LOG_LEVEL", "info")
    s = Settings()
    assert s.classes_file("http://es:9200") == tmp_path / "mine.json" == s.classes_file(str(tmp_path / "x.db"))
    assert s.side_dir("http://es:9200") == tmp_path / "data" and s.log_level == "INFO"


def test_a_bad_log_level_is_one_configuration_error(monkeypatch):
    monkeypatch.setenv("LEIAN_LOG_LEVEL", "loud")
    with pytest.raises(ConfigError, match="log_level"):
        load_settings()


def test_saved_classes_go_where_leian_classes_says(tmp_path, monkeypatch, capsys):
    target = tmp_path / "elsewhere" / "classes.json"
    monkeypatch.setenv("LEIAN_CLASSES", str(target))
    store = tmp_path / "data" / "leian.db"
    code, out, err = run_leian(capsys, "classes", "--save", "dibao", "--name", "低保", "--query", "低保",
                               "--store", str(store))
    assert code == 0, err
    assert str(target) in out and "dibao" in target.read_text(encoding="utf-8")
    assert not (tmp_path / "data" / "classes.json").exists()

