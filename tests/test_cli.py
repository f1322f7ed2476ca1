"""The command line: every command documented in the README, errors as one line and an exit code."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO


def _commands() -> list[str]:
    from typer.main import get_command

    from pipelines.cli import app

    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_documented_in_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `leian ([a-z-]+)", readme, re.M))
    missing = [c for c in _commands() if c not in documented]
    assert not missing, f"commands not documented in README: {missing}"


def test_unreadable_file_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "nope.txt"
    res = subprocess.run([sys.executable, "-m", "pipelines", "extract", str(missing)],
                         capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert str(missing) in res.stderr
