"""Shared fixtures: the shared corpus beside the repo, temporary stores and settings."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LEIAN_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def needs_ocr():
    """Mark for tests that run OCR (PP-OCR through rapidocr): skipped where OCR is missing, failing in CI (where
    scripts/install.sh must have installed it)."""
    from extractors.readers.ocr import missing_reason

    reason = missing_reason()
    return pytest.mark.skipif(bool(reason) and not os.environ.get("CI"), reason=f"{reason}")


def run_leian(capsys, *args: str) -> tuple[int, str, str]:
    """`leian ARGS` in this process: exit code, stdout, stderr."""
    import sys

    from pipelines.cli import main

    old = sys.argv
    sys.argv = ["leian", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err


def ingest_quietly(store: str, *inputs) -> str:
    """`leian ingest INPUTS --store STORE --quiet` in this process; fails the test unless it
    exits 0. Returns the store."""
    import sys

    from pipelines.cli import main

    old = sys.argv
    sys.argv = ["leian", "ingest", *map(str, inputs), "--store", store, "--quiet"]
    try:
        main()
    except SystemExit as exc:
        assert exc.code in (0, None), f"ingest of {inputs} failed with {exc.code}"
    finally:
        sys.argv = old
    return store


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus; skipped with a clear message where ../shared is absent (outside CI)."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared corpus missing at {CORPUS} (CI must have ../shared beside the repo)")
        pytest.skip(f"shared corpus not found at {CORPUS}; put ../shared beside the repo to run this")
    return CORPUS


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """No test reads the developer's own store, config file or OCR cache."""
    monkeypatch.delenv("LEIAN_STORE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LEIAN_CONFIG", raising=False)
    yield
