"""The summary steps: a configured summary entry is written as it says."""
from __future__ import annotations

import pytest

from tests.search.class_cases import documents


def test_a_configured_summary_is_written_as_the_entry_says(tmp_path):
    from docx import Document as open_docx

    from pipelines.summary_steps import write_configured_summary
    from search.backends.sqlite.store import SqliteStore

    docs = documents()
    saved = tmp_path / "data" / "classes.json"
    with SqliteStore(tmp_path / "data" / "leian.db") as st:
        for d in docs:
            st.put_document(d)
        out = write_configured_summary(st, saved, {"name": "低保领域", "category": "false_claims",
                                                   "filters": {"region": ["湖北省"]}, "format": "md"},
                                       tmp_path / "s" / "a.md")
        assert out == tmp_path / "s" / "a.md" and out.read_text(encoding="utf-8").startswith("# 虚报冒领·湖北省类案分析与整改建议")
        out = write_configured_summary(st, saved, {"name": "全部低保", "query": "低保"}, tmp_path / "s" / "b.docx")
        assert open_docx(str(out)).paragraphs[0].text == "“低保”类案分析与整改建议"
        from config.errors import LeianError

        with pytest.raises(LeianError):
            write_configured_summary(st, saved, {"name": "x"}, tmp_path / "s" / "c.docx")
