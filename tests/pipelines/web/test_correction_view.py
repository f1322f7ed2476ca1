"""The case page's correction form: current values in the CLI syntax, read back exactly, and
only the edited fields become a correction."""
from __future__ import annotations

import pytest

from extractors.model import Amount, Case, Category, Person, Sanction
from pipelines.web.correction_view import changes_from_form, form_values, history_rows
from search.corrections import CorrectionError, apply, new_correction, revert_of, validate

TEXT = "某县医保局原副局长赵某失职失责，造成医保基金损失45.5万元、另有1200元未追回。赵某受到政务记过处分。"


def _case() -> Case:
    return Case(id="abcdef0123456789-001", doc_id="abcdef0123456789" * 4, ordinal=1, start=0, end=len(TEXT), text=TEXT,
                people=[Person(name="赵某", position="县医保局原副局长", start=9, end=11)],
                amounts=[Amount(text="45.5万元", value=455000.0), Amount(text="1200元", value=1200.0)],
                sanctions=[Sanction(label="政务记过", person="赵某", text="政务记过")],
                categories=[Category(code="dereliction", label="失职失责、履职不力、监管不力")])


def test_form_values_read_back_as_the_same_case():
    case = _case()
    shown = form_values(case)
    assert shown["amounts"] == "45.5万元=455000, 1200元=1200" and shown["people"] == "赵某:县医保局原副局长"
    # every field given as shown: the corrected case has the same items
    changes = validate(changes_from_form(shown, {f: "" for f in shown}), case)
    assert changes.fields() == ["people", "amounts", "sanctions", "categories"]
    fixed, _ = apply(case, [new_correction(case, changes, "ana")])
    assert [(p.name, p.position) for p in fixed.people] == [("赵某", "县医保局原副局长")]
    assert [(a.text, a.value) for a in fixed.amounts] == [("45.5万元", 455000.0), ("1200元", 1200.0)]
    assert [(s.label, s.person) for s in fixed.sanctions] == [("政务记过", "赵某")]
    assert [c.code for c in fixed.categories] == ["dereliction"]


def test_only_edited_fields_change():
    shown = form_values(_case())
    assert changes_from_form({**shown, "categories": " bribery "}, shown).fields() == ["categories"]
    assert changes_from_form({**shown, "people": "  " + shown["people"] + " "}, shown).fields() == []
    cleared = changes_from_form({**shown, "sanctions": ""}, shown)
    assert cleared.fields() == ["sanctions"] and cleared.sanctions == []
    with pytest.raises(CorrectionError, match="not a number of yuan"):
        changes_from_form({**shown, "amounts": "45.5万元=lots"}, shown)


def test_history_rows_newest_first_with_their_state():
    case = _case()
    first = new_correction(case, validate(changes_from_form({"categories": "bribery"}, {}), case), "ana", "复核")
    second = new_correction(case, validate(changes_from_form({"sanctions": ""}, {"sanctions": "政务记过:赵某"}), case), "ana")
    undo = revert_of(first, "adam", "改回")
    rows = history_rows([first, second, undo])
    assert [(r["id"], r["status"], r["active"]) for r in rows] == [
        (undo.id, "撤销记录", False), (second.id, "生效", True), (first.id, "已撤销", False)]
    assert rows[0]["what"] == f"撤销更正 {first.id}" and rows[0]["user"] == "adam" and rows[2]["note"] == "复核"
    assert rows[1]["what"] == "sanctions=∅" and rows[1]["case"] == case.id
