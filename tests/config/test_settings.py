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



def test_no_library_module_reads_the_settings_itself():
    """extractors/ and search/ take what they need as parameters: none of their modules loads
    the settings (load_settings, the former get_settings) or builds a Settings() from the
    environment. Only the entry points in pipelines/ do, once."""
    import ast

    from tests.conftest import REPO

    offenders = []
    for package in ("extractors", "search"):
        for path in sorted((REPO / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                name = ""
                if isinstance(node, ast.Call):
                    fn = node.func
                    name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
                elif isinstance(node, ast.ImportFrom) and node.module == "config.settings":
                    name = next((a.name for a in node.names if a.name in ("load_settings", "get_settings")), "")
                if name in ("load_settings", "get_settings", "Settings"):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno} {name}")
    assert offenders == []
    assert (REPO / "search" / "open.py").is_file()  # the walk saw the package


def test_an_elasticsearch_store_is_opened_with_the_settings_given_never_the_environments(monkeypatch):
    from search.open import open_store

    monkeypatch.setenv("LEIAN_ES_USERNAME", "from-the-environment")
    with pytest.raises(TypeError, match="needs the settings"):
        open_store("http://127.0.0.1:9")


def test_overrides_win_over_the_environment_and_are_checked(monkeypatch, tmp_path):
    from config.settings import with_store

    monkeypatch.setenv("LEIAN_INGEST_BATCH_SIZE", "7")
    monkeypatch.setenv("LEIAN_STORE", str(tmp_path / "env.db"))
    s = load_settings(ingest_batch_size=3)
    assert s.ingest_batch_size == 3 and s.store == str(tmp_path / "env.db")
    with pytest.raises(ConfigError, match="max_workers"):
        load_settings(max_workers="lots")
    other = with_store(s, str(tmp_path / "other.db"))
    assert other.store == str(tmp_path / "other.db") and s.store == str(tmp_path / "env.db")  # a copy
    assert with_store(s, None) is s
    with pytest.raises(ConfigError, match="host:port"):
        with_store(s, "127.0.0.1:9200")
