"""The incident decision both backends share (search.incidents.choose_incident) and one hit
per incident (one_per_incident)."""
from __future__ import annotations

from search import dedup
from search.incidents import choose_incident, one_per_incident
from tests.search.test_dedup import CITY_COPY, ORIGINAL, OTHER, SAME_TEMPLATE, TRADITIONAL_COPY


def sig(text: str):
    return dedup.signature(text)


def test_a_republished_case_joins_the_incident_of_its_original():
    cands = [(sig(OTHER), "other-001", OTHER), (sig(ORIGINAL), "orig-001", ORIGINAL)]
    chosen = choose_incident(sig(CITY_COPY), CITY_COPY, cands, str, lambda inc: None)
    assert chosen is not None and chosen[0] == "orig-001" and chosen[1] >= dedup.THRESHOLD


def test_same_template_with_other_numbers_and_unalike_cases_stay_on_their_own():
    cands = [(sig(ORIGINAL), "orig-001", ORIGINAL), (sig(OTHER), "other-001", OTHER)]
    assert choose_incident(sig(SAME_TEMPLATE), SAME_TEMPLATE, cands, str, lambda inc: None) is None


def test_the_most_similar_wins_ties_to_the_smaller_incident_and_the_representative_must_agree():
    texts = {"b-001": ORIGINAL, "a-001": ORIGINAL}
    cands = [(sig(t), inc, t) for inc, t in texts.items()]
    assert choose_incident(sig(CITY_COPY), CITY_COPY, cands, str, lambda inc: None)[0] == "a-001"
    # a candidate whose incident is represented by a case this one does not match is passed over
    reps = {"a-001": (sig(OTHER), OTHER)}
    assert choose_incident(sig(CITY_COPY), CITY_COPY, cands, str, reps.get)[0] == "b-001"
    # the payload's text is read through text_of (a backend's stored row, here a dict)
    rows = [(sig(TRADITIONAL_COPY), "t-001", {"text": TRADITIONAL_COPY})]
    assert choose_incident(sig(ORIGINAL), ORIGINAL, rows, lambda r: r["text"], lambda inc: None)[0] == "t-001"


def test_one_hit_per_incident_keeps_the_first_of_each_up_to_k():
    hits = [("c1", "i1"), ("c2", "i1"), ("c3", "i2"), ("c4", "i3"), ("c5", "i2")]
    assert one_per_incident(hits, lambda h: h[1], 2) == [("c1", "i1"), ("c3", "i2")]
    assert one_per_incident(hits, lambda h: h[1], 10) == [("c1", "i1"), ("c3", "i2"), ("c4", "i3")]
