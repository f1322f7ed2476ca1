"""The summary's tables come from config/summary.yaml and cover what they must."""
from __future__ import annotations

import math

from config import load_yaml
from search.summary.tables import amount_bands, kind_of, no_amount, sanction_order, sanction_sort_key, severity


def test_every_canonical_sanction_has_a_severity_and_the_heaviest_of_each_kind_weighs_most():
    labels = [label for label, _ in sanction_order()]
    assert set(load_yaml("summary.yaml")["severity"]) == set(labels)
    assert all(severity(label) > 0 for label in labels) and severity("不是处分") == 0
    party = load_yaml("taxonomy.yaml")["sanctions"]["party"]  # mildest first
    assert [severity(x) for x in party] == sorted(severity(x) for x in party)
    assert severity("开除党籍") > severity("党内警告") and kind_of("开除党籍") == "党纪处分"
    assert sorted(["诫勉", "政务记过", "党内警告"], key=sanction_sort_key) == ["党内警告", "政务记过", "诫勉"]


def test_amount_bands_tile_the_sums_from_zero_up_without_gaps():
    bands = amount_bands()
    assert bands[0][0] == 0 and bands[-1][1] == math.inf
    assert all(hi == lo2 for (_, hi, _), (lo2, _, _) in zip(bands, bands[1:]))
    assert len({label for _, _, label in bands} | {no_amount()}) == len(bands) + 1
