"""pipelines.gold_export: anchors found once in the document, the problems check_gold.py would
report named before it runs, and one file pair per corrected document."""
from __future__ import annotations

import json
import re

from extractors.model import Case, Category, Document
from pipelines.gold_export import anchor, export_gold, gold_document
from search.backends.sqlite.store import SqliteStore
from search.corrections import Changes

LEAD = "经查，该同志存在以下问题："


def doc_of(texts: list[str], path: str = "/in/通报 2024.txt", cats=True, sha: str = "a") -> Document:
    doc_id = sha * 64
    body, cases, pos = [], [], 0
    for n, t in enumerate(texts, 1):
        cases.append(Case(id=f"{doc_id[:16]}-{n:03d}", doc_id=doc_id, ordinal=n, text=t, start=pos, end=pos + len(t),
                          categories=[Category(code="bribery")] if cats else []))
        body.append(t)
        pos += len(t) + 1
    return Document(id=doc_id, path=path, text="\n".join(body), cases=cases)


def squashed_count(text: str, piece: str) -> int:
    return re.sub(r"\s", "", text).count(re.sub(r"\s", "", piece))


def test_anchor_is_unique_even_when_cases_start_alike():
    doc = doc_of([LEAD + "张某收受礼金2万元。", LEAD + "李某违规\n吃喝8600元。"])
    anchors = [anchor(c, doc.text) for c in doc.cases]
    assert all(a and a in c.text and squashed_count(doc.text, a) == 1 for a, c in zip(anchors, doc.cases))
    assert not any(a in b for a in anchors for b in anchors if a != b)


def test_a_case_repeated_whole_has_no_anchor_and_is_a_problem():
    doc = doc_of(["张某收受礼金2万元，受到党内警告处分。"] * 2, cats=False)
    gold, problems = gold_document(doc)
    assert [c["anchor"] for c in gold["cases"]] == ["", ""]
    assert len(problems) == 4 and any("no category" in p for p in problems)


def test_export_writes_one_pair_per_corrected_document(tmp_path):
    with SqliteStore(tmp_path / "s.db") as st:
        one = doc_of(["张某收受礼金2万元，受到党内警告处分。", "李某违规吃喝8600元。"])
        two = doc_of(["王某公车私用。"], path="/other/通报 2024.txt", sha="b")  # same file name
        three = doc_of(["赵某违规发放津贴。"], path="/x/untouched.txt", sha="c")
        for d in (one, two, three):
            st.put_document(d)
        st.add_correction(one.cases[1].id, Changes(categories=["banquets"]), "a")
        st.add_correction(two.cases[0].id, Changes(categories=["official_cars"]), "a")
        report = export_gold(st, tmp_path / "out")
    assert (report.documents, report.cases, report.corrected_cases) == (2, 3, 2)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["通报_2024-bbbbbbbbbbbb.gold.json", "通报_2024-bbbbbbbbbbbb.txt",  # documents in id order
                     "通报_2024.gold.json", "通报_2024.txt"]
    gold = json.loads((tmp_path / "out" / "通报_2024.gold.json").read_text(encoding="utf-8"))
    assert [c["categories"] for c in gold["cases"]] == [["bribery"], ["banquets"]]
    assert (tmp_path / "out" / "通报_2024.txt").read_text(encoding="utf-8") == one.text
