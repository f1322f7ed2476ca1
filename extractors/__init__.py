"""leian extractors: from a file to a Document of Cases.

Knows nothing of `search` or `pipelines`; configuration comes in from `config`.

EXTRACTOR_VERSION names what extraction is: the release, and a digest of the extraction code
and of the data files it reads (rules, lexicons, the category model, jieba's user dictionary;
the models' packages are pinned in pyproject.toml). Any change to one of them changes it, so the next ingest
re-extracts every document extracted before (the ledger keeps the version of each) — nobody
has to remember to bump a number when a rule changes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

RELEASE = "0.2"
# The config/ files extraction reads (tests/extractors/test_version.py checks the list).
EXTRACTION_DATA = ("amounts.yaml", "case_rules.yaml", "category_model.json", "category_rules.yaml",
                   "divisions.csv", "docmeta.yaml", "domains.yaml", "people.yaml", "regions.yaml", "roles.yaml",
                   "sanctions.yaml", "taxonomy.yaml", "userdict.txt")


def _digest() -> str:
    here = Path(__file__).resolve().parent
    config = here.parent / "config"
    h = hashlib.sha256()
    for path in sorted(here.rglob("*.py")) + [config / name for name in EXTRACTION_DATA]:
        h.update(path.relative_to(here.parent).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RELEASE}+{_digest()}"
