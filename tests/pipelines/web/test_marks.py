"""Segments from offsets: overlaps, spans outside the text, snippet markers."""
from __future__ import annotations

from extractors.model import Amount, Case, Person
from pipelines.web.marks import Segment, case_segments, cut, snippet_segments


def test_cut_keeps_text_whole_and_skips_overlaps_and_strays():
    text = "张某收受<b>礼金</b>5万元"
    segs = cut(text, [(0, 2, "person", ""), (1, 3, "amount", ""), (7, 9, "category", ""), (13, 16, "amount", ""),
                      (-1, 2, "x", ""), (10, 99, "x", ""), (5, 5, "x", "")])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kind) for s in segs if s.kind] == [("张某", "person"), ("礼金", "category"), ("5万元", "amount")]


def test_case_items_are_placed_relative_to_the_case_start():
    doc_text = "通报如下。王某某收受礼金2万元。"
    case = Case(id="x-001", doc_id="x", ordinal=1, text=doc_text[5:], start=5, end=len(doc_text),
                people=[Person(name="王某某", start=5, end=8)],
                amounts=[Amount(text="2万元", value=20000, start=12, end=15)])
    marked = [(s.text, s.kind) for s in case_segments(case) if s.kind]
    assert marked == [("王某某", "person"), ("2万元", "amount")]


def test_snippet_markers_become_hit_segments():
    assert snippet_segments("…的【低保】资金<script>【x") == [Segment("…的"), Segment("低保", "hit"),
                                                             Segment("资金<script>【x")]
