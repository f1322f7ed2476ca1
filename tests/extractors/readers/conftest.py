"""Reader fixtures: the committed sample files in tests/fixtures/readers (see make_fixtures.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.fixtures.readers.make_fixtures import NOTICE

READER_FIXTURES = FIXTURES / "readers"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return READER_FIXTURES


@pytest.fixture(scope="session")
def notice_lines() -> list[str]:
    """The paragraphs every rendering of the sample notice must give back."""
    return NOTICE.strip().splitlines()
