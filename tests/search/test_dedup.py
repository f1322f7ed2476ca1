"""Near-duplicate detection: MinHash signatures, LSH band keys, the numbers check."""
from __future__ import annotations

from search import dedup

ORIGINAL = ("城关镇东坝村党支部书记张国华虚报冒领低保金问题。2019年至2022年，张国华利用负责低保初审的职务便利，"
            "将其弟弟、弟媳等3户不符合条件的亲属虚报为低保户，冒领低保金共计4.36万元。2023年5月，张国华受到党内严重警告处分。")
CITY_COPY = "平安县" + ORIGINAL.replace("受到", "被给予")
TRADITIONAL_COPY = ("城關鎮東壩村黨支部書記張國華虛報冒領低保金問題。2019年至2022年，張國華利用負責低保初審的職務便利，"
                    "將其弟弟、弟媳等3戶不符合條件的親屬虛報為低保戶，冒領低保金共計4.36萬元。2023年5月，張國華受到黨內嚴重警告處分。")
OTHER = ("河西镇财政所所长李某挪用扶贫专项资金问题。2021年3月，李某擅自将15万元产业扶贫专项资金挪用于归还镇政府工程欠款。"
         "2023年6月，李某受到撤销党内职务处分。")
SAME_TEMPLATE = ORIGINAL.replace("张国华", "王建军").replace("城关镇东坝村", "青石乡南湾村").replace("4.36", "1.2").replace("3户", "2户")


def j(a: str, b: str) -> float:
    return dedup.jaccard(dedup.signature(a), dedup.signature(b))


def test_republications_are_similar_other_cases_are_not():
    assert j(ORIGINAL, CITY_COPY) >= dedup.THRESHOLD
    assert j(ORIGINAL, TRADITIONAL_COPY) >= 0.9  # script normalised away
    assert j(ORIGINAL, OTHER) < 0.2


def test_same_template_different_incident_fails_the_numbers_check():
    assert dedup.same_numbers(ORIGINAL, CITY_COPY)
    assert not dedup.same_numbers(ORIGINAL, SAME_TEMPLATE)


def test_band_keys_are_stable_and_shared_by_copies():
    a, b = dedup.band_keys(dedup.signature(ORIGINAL)), dedup.band_keys(dedup.signature(CITY_COPY))
    assert a == dedup.band_keys(dedup.signature(ORIGINAL)) and len(a) == dedup.BANDS
    assert set(a) & set(b)
    assert not set(a) & set(dedup.band_keys(dedup.signature(OTHER)))


def test_short_texts_have_no_signature_and_bytes_roundtrip():
    assert dedup.signature("三、某某问题。") is None
    sig = dedup.signature(ORIGINAL)
    assert (dedup.from_bytes(dedup.to_bytes(sig)) == sig).all()
