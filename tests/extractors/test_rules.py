"""The typed Rules object: built once from config/, handed to the components by their factory config."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from config import CONFIG_DIR
from config.errors import ConfigError
from extractors.amounts import amount_cues, extract_amounts
from extractors.cases import case_rules, split_cases
from extractors.categories import shipped_categorizer
from extractors.components import RULED_PIPES, RULES_REF
from extractors.domains import domain_cues, extract_domains
from extractors.people import extract_people, people_rules
from extractors.regions import extract_regions, gazetteer
from extractors.roles import assign_roles
from extractors.roles import lexicon as role_lexicon
from extractors.rules import Rules, load_rules
from extractors.sanctions import extract_sanctions, sanction_lexicon
from extractors.segment import get_nlp

TEXT = "湖北省某县某镇某村党支部书记王某套取低保金3万元，受到党内警告处分。"
NOTICE = "1.某村党支部书记王某套取低保金3万元，受到党内警告处分。\n2.某局局长李某公车私用，受到诫勉。"


def test_shipped_rules_are_the_loaders_own_objects():
    r = load_rules()
    assert r is load_rules() is load_rules(CONFIG_DIR)
    assert r.amounts is amount_cues() and r.regions is gazetteer() and r.domains is domain_cues()
    assert r.sanctions is sanction_lexicon() and r.categories is shipped_categorizer()
    assert r.people is people_rules() and r.roles is role_lexicon() and r.cases is case_rules()
    with pytest.raises(AttributeError):
        r.amounts = amount_cues()  # type: ignore[misc]  # frozen


def test_pipeline_components_name_the_rules_in_their_config():
    nlp = get_nlp()
    for name in RULED_PIPES:
        assert nlp.config["components"][name]["rules"] == {"@misc": RULES_REF, "config_dir": ""}


@pytest.fixture(scope="module")
def config_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cfg") / "config"
    shutil.copytree(CONFIG_DIR, d)
    return d


def test_rules_of_another_directory_are_built_anew_and_read_alike(config_copy: Path):
    r = load_rules(config_copy)
    assert isinstance(r, Rules) and r is not load_rules() and r.amounts is not amount_cues()
    assert extract_amounts(TEXT, r.amounts) == extract_amounts(TEXT)
    assert extract_regions(TEXT, r.regions) == extract_regions(TEXT)
    assert extract_domains(TEXT, r.domains) == extract_domains(TEXT)
    assert extract_sanctions(TEXT, [], r.sanctions) == extract_sanctions(TEXT, [])
    people = extract_people(TEXT, rules=r.people)
    assert people == extract_people(TEXT) and [p.name for p in people] == ["王某"]
    assert assign_roles(TEXT, people, [], lex=r.roles)[0].role == "subject"
    assert split_cases(NOTICE, r.cases) == split_cases(NOTICE) and len(split_cases(NOTICE).cases) == 2


def test_components_read_the_rules_they_were_built_with(tmp_path: Path):
    d = tmp_path / "config"
    shutil.copytree(CONFIG_DIR, d)
    data = yaml.safe_load((d / "domains.yaml").read_text(encoding="utf-8"))
    data["domains"][0]["cues"].append("套取")  # a cue only this copy has
    (d / "domains.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code = data["domains"][0]["code"]
    doc = get_nlp(str(d))(NOTICE.replace("低保金", "资金"))
    assert any(s.label_ == code and s.text == "套取" for s in doc.spans["domains"])
    shipped = get_nlp()(NOTICE.replace("低保金", "资金"))
    assert not any(s.text == "套取" for s in shipped.spans["domains"])


def test_a_directory_missing_a_file_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError):
        load_rules(tmp_path)
