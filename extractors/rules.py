"""The extraction rules: each field's lexicons compiled from config/, in one typed, frozen object.

`load_rules()` builds a `Rules` once per configuration directory. `extractors.segment.get_nlp`
hands it to leian's spaCy components through their factory config (the config value
`rules = {"@misc": "leian.rules.v1", "config_dir": ""}`, see `extractors.components`), so a
component reads its rules from what it was built with, not from a module global. The field
functions take the part they need as an argument, defaulting to the shipped configuration
(each module's `lru_cache`'d loader), so direct callers and tests need none of this; with the
shipped directory, `load_rules()` returns those very objects, so both ways share one compile
and one cache.

Dates take no configuration (their patterns are code); the jieba user dictionary
(config/userdict.txt) is the tokenizer's, loaded once by extractors.segment.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from config import CONFIG_DIR
from config.errors import ConfigError
from extractors.amounts import AmountCues, amount_cues, build_amount_cues
from extractors.cases import CaseRules, build_case_rules, case_rules
from extractors.categories import Categorizer, build_category_rules, shipped_categorizer
from extractors.category_model import MODEL_FILE, load_model
from extractors.domains import DomainCues, build_domain_cues, domain_cues
from extractors.people import PeopleRules, build_people_rules, people_rules
from extractors.regions import Gazetteer, build_gazetteer, gazetteer
from extractors.roles import RoleLexicon, build_role_lexicon
from extractors.roles import lexicon as role_lexicon
from extractors.sanctions import SanctionLexicon, build_sanction_lexicon, sanction_lexicon


@dataclass(frozen=True)
class Rules:
    """Everything the field components read from config/, compiled."""

    cases: CaseRules  # case_rules.yaml (and the posts of people.yaml): how a document splits into cases
    people: PeopleRules  # people.yaml: surnames, posts, organisations, what is no case person
    roles: RoleLexicon  # roles.yaml: who is the subject, whose each sum is
    amounts: AmountCues  # amounts.yaml: role cues, money words with no 元
    regions: Gazetteer  # regions.yaml: provinces and cities, suffixes, words that are no place
    domains: DomainCues  # domains.yaml: cue words per field of work
    sanctions: SanctionLexicon  # sanctions.yaml (labels checked against taxonomy.yaml)
    categories: Categorizer  # category_rules.yaml + taxonomy.yaml, and category_model.json


def load_rules(config_dir: str | Path | None = None) -> Rules:
    """The rules of a configuration directory (default: the shipped config/), built once.

    A directory must hold the same files as config/; a missing or bad one raises ConfigError."""
    path = Path(config_dir).resolve() if config_dir else CONFIG_DIR
    return _load(str(path))


@lru_cache(maxsize=4)
def _load(config_dir: str) -> Rules:
    if Path(config_dir) == CONFIG_DIR:  # the loaders' own objects: one compile, one cache
        return Rules(cases=case_rules(), people=people_rules(), roles=role_lexicon(), amounts=amount_cues(),
                     regions=gazetteer(), domains=domain_cues(),
                     sanctions=sanction_lexicon(), categories=shipped_categorizer())
    root = Path(config_dir)
    taxonomy = _read(root, "taxonomy.yaml")
    category_rules = build_category_rules(_read(root, "category_rules.yaml"), taxonomy)
    model_file = root / MODEL_FILE
    model = load_model(model_file) if category_rules.use_model and model_file.exists() else None
    categorizer = Categorizer(category_rules, model)
    people_cfg = _read(root, "people.yaml")
    people = build_people_rules(people_cfg)
    return Rules(
        cases=build_case_rules(_read(root, "case_rules.yaml"), people_cfg, people, categorizer),
        people=people,
        roles=build_role_lexicon(_read(root, "roles.yaml")),
        amounts=build_amount_cues(_read(root, "amounts.yaml")),
        regions=build_gazetteer(_read(root, "regions.yaml")),
        domains=build_domain_cues(_read(root, "domains.yaml")),
        sanctions=build_sanction_lexicon(_read(root, "sanctions.yaml"), taxonomy),
        categories=categorizer,
    )


def _read(root: Path, name: str) -> Any:
    try:
        with (root / name).open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {root / name}: {exc}") from exc


__all__ = ["Rules", "load_rules"]
