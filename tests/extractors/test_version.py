"""EXTRACTOR_VERSION follows the extraction code and data: a changed rule re-extracts."""
from __future__ import annotations

import shutil
import subprocess
import sys

import extractors
from tests.conftest import REPO

AUDIT = """
import sys
from config import CONFIG_DIR
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(str(CONFIG_DIR) + "/"):
        opened.add(args[0][len(str(CONFIG_DIR)) + 1:])
sys.addaudithook(hook)
from extractors.pipeline import extract_text
extract_text("某县纪委监委通报：2022年，某村党支部书记王某某虚报冒领低保金2.3万元，受到党内警告处分。")
print("\\n".join(sorted(opened)))
"""


def test_every_config_file_extraction_reads_is_in_the_version():
    out = subprocess.run([sys.executable, "-c", AUDIT], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert out.returncode == 0, out.stderr
    read = {line for line in out.stdout.splitlines() if line and not line.endswith((".py", ".pyc"))}
    assert read and read <= set(extractors.EXTRACTION_DATA), read - set(extractors.EXTRACTION_DATA)


def test_a_changed_rule_file_changes_the_version(tmp_path):
    for pkg in ("extractors", "config"):
        shutil.copytree(REPO / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    cmd = [sys.executable, "-c", "import extractors; print(extractors.EXTRACTOR_VERSION)"]

    def version() -> str:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, check=True).stdout.strip()

    before = version()
    assert before == extractors.EXTRACTOR_VERSION and before.startswith(extractors.RELEASE + "+")
    with (tmp_path / "config" / "people.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# a new rule\n")
    assert version() != before
    (tmp_path / "config" / "synonyms.yaml").write_text("{}\n", encoding="utf-8")  # search data: no re-extraction
    (tmp_path / "config" / "people.yaml").write_bytes((REPO / "config" / "people.yaml").read_bytes())
    assert version() == before
