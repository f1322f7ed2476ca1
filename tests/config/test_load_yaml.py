"""Bundled YAML data: a key given twice is refused, naming it and its line (YAML itself keeps
the last silently, so a rule added under a name already taken would replace the other)."""
from __future__ import annotations

import pytest
import yaml

import config
from config import CONFIG_DIR, load_yaml


def test_every_bundled_yaml_file_loads_with_unique_keys():
    names = sorted(p.name for p in CONFIG_DIR.glob("*.yaml"))
    assert names
    for name in names:
        assert load_yaml(name) is not None, name


def test_a_key_given_twice_is_an_error_naming_the_key_and_its_line(tmp_path, monkeypatch):
    (tmp_path / "dup.yaml").write_text("patterns:\n  a: 'x'\n  b: 'y'\n  a: 'z'\n", encoding="utf-8")
    monkeypatch.setattr(config, "CONFIG_DIR", tmp_path)
    load_yaml.cache_clear()
    try:
        with pytest.raises(yaml.constructor.ConstructorError) as err:
            load_yaml("dup.yaml")
        assert "duplicate key 'a'" in str(err.value) and "line 4" in str(err.value)
        (tmp_path / "ok.yaml").write_text("a: 1\nb: {a: 2}\n", encoding="utf-8")
        assert load_yaml("ok.yaml") == {"a": 1, "b": {"a": 2}}
    finally:
        load_yaml.cache_clear()
